"""MedQuAD lost its accented letters upstream; damaged eponyms are restored at ingest."""

from __future__ import annotations

import io

from medcite.ingest import medquad
from medcite.ingest.dropped_letters import restore
from medcite.records import Document

PAGE = b"""<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000001" source="GARD" url="https://example.org/page">
  <Focus>Sjgren syndrome</Focus>
  <FocusAnnotations><Synonyms><Synonym>sjgren disease</Synonym></Synonyms></FocusAnnotations>
  <QAPairs>
    <QAPair pid="1">
      <Question qid="0000001-1" qtype="information">What is (are) Sjgren syndrome ?</Question>
      <Answer>Sjgren syndrome is an autoimmune disorder. It can occur with Mnire disease
      or after Guillain-Barr syndrome, rarely with Legg-Calv-Perthes disease.</Answer>
    </QAPair>
  </QAPairs>
</Document>
"""


def test_damaged_names_are_restored_everywhere_in_a_page() -> None:
    (doc,) = [d for d in medquad.parse(io.BytesIO(PAGE), "x.xml") if isinstance(d, Document)]
    assert doc.focus == "Sjogren syndrome"
    assert doc.synonyms == ("sjogren disease",)
    assert doc.title == "What is (are) Sjogren syndrome ?"
    text = " ".join(s.text for s in doc.sections)
    assert "Sjogren syndrome is an autoimmune disorder" in text
    assert "Meniere disease" in text and "Guillain-Barre syndrome" in text
    assert "Legg-Calve-Perthes" in text
    assert "Sjgren" not in text and "Mnire" not in text


def test_only_whole_damaged_words_change() -> None:
    assert restore("Behet disease") == "Behcet disease"
    assert restore("Behetson and xBehet stay") == "Behetson and xBehet stay"
    assert restore("Barrett esophagus, Guillain-Barre") == "Barrett esophagus, Guillain-Barre"
    assert restore("") == ""


GLUED = b"""<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000002" source="NIHSeniorHealth" url="https://example.org/gout">
  <Focus>Gout</Focus>
  <QAPairs>
    <QAPair pid="1">
      <Question qid="0000002-1" qtype="treatment">What are the treatments for Gout ?</Question>
      <Answer>Common Treatments The most common treatments for gout are anti-inflammatory drugs.
Symptoms Can Be Controlled With proper treatment, most people with gout control their symptoms.
Medicare Part A is hospital insurance that helps pay for inpatient care.
Summary : Gout is a form of arthritis that causes sudden pain.
Mix one part vinegar to 3 : 1 parts water.</Answer>
    </QAPair>
  </QAPairs>
</Document>
"""


def test_a_heading_glued_to_its_paragraph_becomes_the_section_label() -> None:
    (doc,) = [d for d in medquad.parse(io.BytesIO(GLUED), "g.xml") if isinstance(d, Document)]
    labels = [(s.label, s.text[:24]) for s in doc.sections]
    assert labels == [
        ("Common Treatments", "The most common treatmen"),
        ("Symptoms Can Be Controlled", "With proper treatment, m"),
        (None, "Medicare Part A is hospi"),  # "A" is no sentence opener here
        ("Summary", "Gout is a form of arthri"),  # a heading set off by a spaced colon
        (None, "Mix one part vinegar to "),
    ]
