"""MedQuAD parser, tested on real files read straight from the distributed tar.gz (or, without
the shared corpora, from the mini corpora's cut of it, which holds the same WANTED files)."""

from __future__ import annotations

import io
import tarfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

import pytest

from conftest import MEDQUAD_TAR, MINI_MEDQUAD_TAR, shared_or_mini
from medcite.errors import InputError
from medcite.ingest import medquad
from medcite.records import Document, ParsedItem, SkippedRecord, Source

HEMIFACIAL = "6_NINDS_QA/0000145.xml"
BLEPHAROSPASM = "6_NINDS_QA/0000043.xml"
HOLMES_ADIE = "6_NINDS_QA/0000007.xml"  # older lower-case <doc> schema
AARSKOG = "3_GHR_QA/0000001.xml"
BELLS_PALSY = "2_GARD_QA/0000676.xml"  # three answers restate the question
ADAM = "10_MPlus_ADAM_QA/0000001.xml"  # answers removed upstream
AAT = "8_NHLBI_QA_XML/0000001.xml"  # paragraphs separated by blank lines
TAENIASIS = "9_CDC_QA/0000397.xml"  # <DiseaseFile> root
VACCINES = "9_CDC_QA/0000199.xml"  # empty <Focus>
PARAGONIMIASIS = "9_CDC_QA/0000319.xml"  # an answer that is only a heading
WANTED = {
    HEMIFACIAL,
    BLEPHAROSPASM,
    HOLMES_ADIE,
    AARSKOG,
    BELLS_PALSY,
    ADAM,
    AAT,
    TAENIASIS,
    VACCINES,
    PARAGONIMIASIS,
}


def _member_name(member: tarfile.TarInfo) -> str:
    return "/".join(PurePosixPath(member.name).parts[-2:])


def _iter_members(archive_path: Path) -> Iterator[tuple[str, bytes]]:
    with tarfile.open(archive_path, "r:gz") as archive:
        for member in archive:
            handle = archive.extractfile(member) if member.isfile() else None
            if handle is not None:
                yield _member_name(member), handle.read()


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    archive = shared_or_mini(MEDQUAD_TAR, MINI_MEDQUAD_TAR)
    return {name: data for name, data in _iter_members(archive) if name in WANTED}


def _parse(files: dict[str, bytes], name: str) -> list[ParsedItem]:
    return list(medquad.parse(io.BytesIO(files[name]), name))


def _documents(items: list[ParsedItem]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def test_hemifacial_spasm(files: dict[str, bytes]) -> None:
    docs = _documents(_parse(files, HEMIFACIAL))
    assert [d.id for d in docs] == [f"medquad:6_NINDS_QA/0000145#0000145-{i}" for i in range(1, 5)]
    assert [d.question_type for d in docs] == ["information", "treatment", "outlook", "research"]
    first = docs[0]
    assert first.source is Source.MEDQUAD
    assert first.title == "What is (are) Hemifacial Spasm ?"
    assert first.focus == "Hemifacial Spasm"
    assert first.site == "NINDS"
    assert first.url == "http://www.ninds.nih.gov/disorders/hemifacial_spasm/hemifacial_spasm.htm"
    assert first.synonyms == ()
    assert first.publication_types == () and first.year is None
    assert len(first.sections) == 1
    assert first.sections[0].label is None
    assert first.abstract.startswith("Hemifacial spasm is a neuromuscular disorder")
    assert first.abstract.endswith("where it exits the brainstem.")


def test_benign_essential_blepharospasm(files: dict[str, bytes]) -> None:
    docs = _documents(_parse(files, BLEPHAROSPASM))
    assert len(docs) == 4
    treatment = docs[1]
    assert treatment.id == "medquad:6_NINDS_QA/0000043#0000043-2"
    assert treatment.title == "What are the treatments for Benign Essential Blepharospasm ?"
    assert treatment.focus == "Benign Essential Blepharospasm"
    assert treatment.question_type == "treatment"
    assert "botulinum toxin injections" in treatment.abstract


def test_ghr_synonyms_and_resource_list(files: dict[str, bytes]) -> None:
    docs = _documents(_parse(files, AARSKOG))
    assert len(docs) == 5
    assert docs[0].site == "GHR"
    assert docs[0].url == "https://ghr.nlm.nih.gov/condition/aarskog-scott-syndrome"
    assert docs[0].synonyms == (
        "Aarskog syndrome",
        "AAS",
        "Facio-digito-genital dysplasia",
        "Faciogenital dysplasia",
    )
    resources = [s.text for s in docs[4].sections]
    assert resources[:3] == [
        "These resources address the diagnosis or management of Aarskog-Scott syndrome:",
        "Genetic Testing Registry: Aarskog syndrome",
        "MedlinePlus Encyclopedia: Aarskog syndrome",
    ]
    assert "Diagnostic Tests" in resources
    assert not any(text.startswith("-") for text in resources)


def test_gard_answers_restating_the_question_are_skipped(files: dict[str, bytes]) -> None:
    items = _parse(files, BELLS_PALSY)
    assert [type(item) for item in items] == [Document, SkippedRecord, SkippedRecord, SkippedRecord]
    first = items[0]
    assert isinstance(first, Document)
    assert first.id == "medquad:2_GARD_QA/0000676#0000676-1"
    assert first.site == "GARD"
    assert "Facial palsy" in first.synonyms
    assert items[3] == SkippedRecord(
        where="2_GARD_QA/0000676#0000676-4", reason="answer restates the question"
    )


def test_adam_pairs_have_no_answer(files: dict[str, bytes]) -> None:
    items = _parse(files, ADAM)
    assert items
    assert all(isinstance(item, SkippedRecord) for item in items)
    assert items[0] == SkippedRecord(
        where="10_MPlus_ADAM_QA/0000001#0000001-1", reason="no answer text"
    )


def test_blank_lines_separate_paragraphs(files: dict[str, bytes]) -> None:
    first = _documents(_parse(files, AAT))[0]
    texts = [s.text for s in first.sections]
    assert texts[0] == (
        "Alpha-1 antitrypsin (an-tee-TRIP-sin) deficiency, or AAT deficiency, is a condition "
        "that raises your risk for lung disease (especially if you smoke) and other diseases."
    )
    assert texts[2] == (
        "A small number of people who have AAT deficiency develop cirrhosis (sir-RO-sis) "
        "and other serious liver diseases."
    )
    assert all(text == " ".join(text.split()) and text for text in texts)
    assert first.site == "NHLBI"


def test_lower_case_doc_schema(files: dict[str, bytes]) -> None:
    docs = _documents(_parse(files, HOLMES_ADIE))
    assert [d.id for d in docs][:2] == [
        "medquad:6_NINDS_QA/0000007#0000007-1",
        "medquad:6_NINDS_QA/0000007#0000007-2",
    ]
    assert len(docs) == 4
    assert docs[0].title == "what is holmes-adie syndrome ?"
    assert docs[0].focus == "Holmes-Adie"
    assert docs[0].site == "NINDS"
    assert docs[0].question_type == "information"


def test_disease_file_root(files: dict[str, bytes]) -> None:
    docs = _documents(_parse(files, TAENIASIS))
    assert len(docs) == 5
    assert docs[0].focus == "Parasites - Taeniasis"
    assert docs[0].site == "CDC"
    assert docs[0].url == "http://www.cdc.gov/parasites/taeniasis/"
    assert [s.text[:20] for s in docs[0].sections] == [
        "Taeniasis in humans ",
        "T. solium tapeworm i",
    ]


def test_empty_focus_is_none(files: dict[str, bytes]) -> None:
    docs = _documents(_parse(files, VACCINES))
    assert docs
    assert all(d.focus is None for d in docs)


def test_heading_only_answer_is_skipped(files: dict[str, bytes]) -> None:
    items = _parse(files, PARAGONIMIASIS)
    assert items[0] == SkippedRecord(
        where="9_CDC_QA/0000319#0000319-1", reason="answer is only a heading"
    )
    assert isinstance(items[1], Document)


@pytest.mark.slow
@pytest.mark.corpora(MEDQUAD_TAR)
def test_whole_archive() -> None:
    outcomes: Counter[str] = Counter()
    ids: set[str] = set()
    for name, data in _iter_members(MEDQUAD_TAR):
        for item in medquad.parse(io.BytesIO(data), name):
            if isinstance(item, Document):
                outcomes["document"] += 1
                ids.add(item.id)
            elif isinstance(item, SkippedRecord):
                outcomes[item.reason] += 1
    # 16,407 answered <Answer> pairs + 16 in the four NINDS files of the older <doc> schema.
    assert outcomes == {
        "document": 16_400,
        "answer restates the question": 17,
        "answer is only a heading": 6,
        "no answer text": 31_034,
    }
    assert len(ids) == outcomes["document"]


# --- synthetic inputs ---------------------------------------------------------------------------

_MINIMAL = b"""<?xml version="1.0" encoding="UTF-8"?>
<Document id="1" source="Unknown Site" url=" http://example.org/x ">
<Focus>  Thing  </Focus>
<FocusAnnotations><Synonyms><Synonym>A</Synonym><Synonym> </Synonym><Synonym>A</Synonym>
<Synonym>B  b</Synonym></Synonyms></FocusAnnotations>
<QAPairs>
<QAPair pid="7"><Question qtype="">What is Thing ?</Question>
<Answer>Heading
   Thing is a <i>thing</i>.   - first item  - second item
-
</Answer></QAPair>
<QAPair><Question>What  is Thing ?</Question><Answer>What is Thing?</Answer></QAPair>
</QAPairs>
</Document>
"""


def test_missing_qid_falls_back_to_pid_then_position() -> None:
    items = list(medquad.parse(io.BytesIO(_MINIMAL), "dir/file.xml"))
    assert [i.id for i in items if isinstance(i, Document)] == ["medquad:dir/file#7"]
    assert items[1] == SkippedRecord(where="dir/file#2", reason="answer restates the question")


def test_attributes_are_normalised() -> None:
    doc = next(medquad.parse(io.BytesIO(_MINIMAL), "dir/file.xml"))
    assert isinstance(doc, Document)
    assert doc.site == "Unknown Site"
    assert doc.url == "http://example.org/x"
    assert doc.focus == "Thing"
    assert doc.question_type is None
    assert doc.synonyms == ("A", "B b")
    assert [s.text for s in doc.sections] == [
        "Heading",
        "Thing is a thing.",
        "first item",
        "second item",
    ]


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        ("What causes Bell's palsy ?", "What causes Bell's palsy?", True),
        ("What are the treatments for X ?", "How might X be treated?", True),
        ("What is (are) X ?", "X", True),
        ("What causes X ?", "What causes X? The cause of X is unknown.", False),
        ("What causes X ?", "The cause of X is unknown.", False),
    ],
)
def test_restates_question(question: str, answer: str, expected: bool) -> None:
    assert medquad.restates_question(question, answer) is expected


@pytest.mark.parametrize(
    "data",
    [
        b"<Document><QAPairs><QAPair>",
        b"not xml at all",
        b"",
    ],
)
def test_malformed_xml_raises_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match=r"bad\.xml"):
        list(medquad.parse(io.BytesIO(data), "bad.xml"))


def test_billion_laughs_is_refused() -> None:
    lol = b"""<?xml version="1.0"?>
<!DOCTYPE Document [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Document id="1" source="GARD"><QAPairs><QAPair pid="1">
<Question qid="1-1">What is lol ?</Question><Answer>&lol3;</Answer></QAPair></QAPairs></Document>
"""
    with pytest.raises(InputError, match="entities"):
        list(medquad.parse(io.BytesIO(lol), "lol.xml"))


def test_other_xml_is_not_medquad() -> None:
    with pytest.raises(InputError, match="not a MedQuAD file"):
        list(medquad.parse(io.BytesIO(b"<PubmedArticleSet/>"), "x.xml"))
