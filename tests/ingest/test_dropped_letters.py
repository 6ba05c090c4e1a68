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
