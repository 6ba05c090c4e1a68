"""PubMed/MEDLINE XML parser, tested on the real NLM files in ../shared/corpora/pubmed-xml.

Without the shared corpora the record-level tests read the same records cut from those files
(tests/fixtures/mini-corpora/pubmed-xml); the whole-file facts skip.

pubmed21n1298 (2021 daily update) is parsed once per module and summarised; pubmed20n0014 (1977-80
records, nearly all with MeSH) is read only as far as the records the tests need. Book articles
come from a hand-written fixture because none of the shared files contains one.
"""

from __future__ import annotations

import gzip
import io
import threading
from collections import Counter, defaultdict
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

import pytest

from conftest import (
    CORPORA,
    MEDLINE_2016,
    MINI,
    MINI_PUBMED_1977,
    MINI_PUBMED_2021,
    PUBMED_1977,
    PUBMED_2021,
    shared_or_mini,
)
from medcite.errors import InputError
from medcite.ingest import reader
from medcite.ingest.pubmed_xml import parse
from medcite.records import AbstractSection, Deletion, Document, ParsedItem, SkippedRecord, Source

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# PMIDs picked by scanning pubmed21n1298 (see the test names for why each one is interesting).
WANTED_2021 = {
    "10704411",  # structured abstract, every label with its NLM category
    "25242986",  # labels mapped onto other categories (MATERIALS AND METHODS -> METHODS)
    "28624045",  # labels without NlmCategory
    "25205585",  # letter without abstract
    "34085931",  # <Abstract> holding only an empty AbstractText and a copyright line
    "33259837",  # Greek letters in the title, accented author names
    "33682083",  # author initials with a diacritic
    "33780037",  # MathML inside the title
    "34086202",  # empty ArticleTitle, German VernacularTitle
    "31647768",  # author without Initials
    "32680798",  # collective author name
    "29426732",  # MedlineDate "2018 Jul-Aug"
    "33309418",  # practice guideline with keywords
    "30271887",  # four versions in the file
    "33728380",  # two versions
    "34017925",  # two versions, title changed in the second
    "27602157",  # retracted publication ...
    "34093767",  # ... and its retraction notice
    "34092123",  # retraction notice without a CommentsCorrections link
}
WANTED_1977 = {"399296", "399306", "399319", "400274", "400712", "400955", "400964"}
FILE_2021 = shared_or_mini(PUBMED_2021, MINI_PUBMED_2021)
FILE_1977 = shared_or_mini(PUBMED_1977, MINI_PUBMED_1977)
NEJM = shared_or_mini(*(d / "pubmed-xml" / "pubmed-29768149.xml" for d in (CORPORA, MINI)))
CURRENT = shared_or_mini(
    *(d / "pubmed-xml" / "test_current_medline.xml.gz" for d in (CORPORA, MINI))
)


@dataclass
class Scan:
    """What one pass over a whole file produced, without keeping every Document in memory."""

    kinds: Counter[str] = field(default_factory=Counter)
    ids: Counter[str] = field(default_factory=Counter)
    documents: dict[str, list[Document]] = field(default_factory=lambda: defaultdict(list))
    deletions: list[str] = field(default_factory=list)
    skipped: list[SkippedRecord] = field(default_factory=list)
    with_abstract: int = 0
    publication_types: Counter[str] = field(default_factory=Counter)


def _scan(items: Iterator[ParsedItem], wanted: set[str]) -> Scan:
    scan = Scan()
    for item in items:
        scan.kinds[type(item).__name__] += 1
        if isinstance(item, Deletion):
            scan.deletions.append(item.id)
        elif isinstance(item, SkippedRecord):
            scan.skipped.append(item)
        else:
            _count_document(scan, item, wanted)
    return scan


def _count_document(scan: Scan, doc: Document, wanted: set[str]) -> None:
    scan.ids[doc.id] += 1
    scan.with_abstract += bool(doc.sections)
    scan.publication_types.update(doc.publication_types)
    if doc.pmid in wanted:
        scan.documents[doc.pmid].append(doc)


def _gunzip(path: Path) -> IO[bytes]:
    return cast(IO[bytes], gzip.open(path))  # a GzipFile is a binary stream


def _parse_bytes(data: bytes, where: str = "test") -> list[ParsedItem]:
    return list(parse(io.BytesIO(data), where))


@pytest.fixture(scope="module")
def scan_2021() -> Scan:
    with _gunzip(FILE_2021) as stream:
        return _scan(parse(stream, "pubmed21n1298.xml.gz"), WANTED_2021)


@pytest.fixture(scope="module")
def docs_1977() -> dict[str, Document]:
    """The wanted 1977-1980 records, reading pubmed20n0014 only as far as needed."""
    found: dict[str, Document] = {}
    with _gunzip(FILE_1977) as stream:
        for item in parse(stream, "pubmed20n0014.xml.gz"):
            if isinstance(item, Document) and item.pmid in WANTED_1977:
                found[item.pmid] = item
                if len(found) == len(WANTED_1977):
                    break
    return found


@pytest.fixture(scope="module")
def nejm() -> bytes:
    return NEJM.read_bytes()


@pytest.fixture(scope="module")
def current_medline() -> bytes:
    return gzip.decompress(CURRENT.read_bytes())


def _one(scan: Scan, pmid: str) -> Document:
    (doc,) = scan.documents[pmid]
    return doc


def _labels(doc: Document) -> list[tuple[str | None, str | None]]:
    return [(s.label, s.category) for s in doc.sections]


# --- whole-file facts ---------------------------------------------------------------------------


@pytest.mark.corpora(PUBMED_2021)
def test_whole_2021_file_counts(scan_2021: Scan) -> None:
    assert scan_2021.kinds == Counter(Document=20_787, Deletion=20, SkippedRecord=1)
    assert sum(scan_2021.ids.values()) + len(scan_2021.skipped) == 20_788  # PubmedArticle elements
    assert len(scan_2021.ids) == 20_782  # distinct PMIDs: three PMIDs come in several versions
    assert {i: n for i, n in scan_2021.ids.items() if n > 1} == {
        "pmid:30271887": 4,
        "pmid:33728380": 2,
        "pmid:34017925": 2,
    }
    assert scan_2021.with_abstract == 18_445


@pytest.mark.corpora(PUBMED_2021)
def test_2021_publication_type_counts_match_the_corpus_notes(scan_2021: Scan) -> None:
    types = scan_2021.publication_types
    assert types["Journal Article"] == 18_843
    assert types["Review"] == 1_784
    assert types["Systematic Review"] == 40
    assert types["Practice Guideline"] == 10
    assert types["Meta-Analysis"] == 9
    assert types["Randomized Controlled Trial"] == 8
    assert types["Retraction of Publication"] == 9
    assert types["Retracted Publication"] == 4
    assert types["Published Erratum"] == 206  # 207 in the file; one is the skipped record


@pytest.mark.corpora(PUBMED_2021)
def test_delete_citation_gives_one_deletion_per_pmid(scan_2021: Scan) -> None:
    assert len(scan_2021.deletions) == 20
    assert len(set(scan_2021.deletions)) == 20
    assert scan_2021.deletions[0] == "pmid:31688362"
    assert scan_2021.deletions[-1] == "pmid:34096142"
    assert "pmid:33378316" in scan_2021.deletions


@pytest.mark.corpora(PUBMED_2021)
def test_record_with_neither_title_nor_abstract_is_skipped(scan_2021: Scan) -> None:
    # A "Published Erratum" with an empty ArticleTitle and no abstract.
    skipped = SkippedRecord(where="PMID 33977567", reason="no title or abstract")
    assert scan_2021.skipped == [skipped]


# --- abstracts ----------------------------------------------------------------------------------


def test_structured_abstract_with_nlm_categories(scan_2021: Scan) -> None:
    doc = _one(scan_2021, "10704411")
    assert doc.id == "pmid:10704411"
    assert doc.source is Source.PUBMED
    assert doc.title == (
        "Dopamine modulates acute responses to cocaine, nicotine and ethanol in Drosophila."
    )
    assert _labels(doc) == [
        ("BACKGROUND", "BACKGROUND"),
        ("RESULTS", "RESULTS"),
        ("CONCLUSIONS", "CONCLUSIONS"),
    ]
    assert doc.abstract == "\n\n".join(s.text for s in doc.sections)
    assert doc.journal == "Current biology : CB"
    assert (doc.pub_date, doc.year) == ("2000-02-24", 2000)
    assert doc.doi == "10.1016/s0960-9822(00)00336-5"
    assert doc.url == "https://pubmed.ncbi.nlm.nih.gov/10704411/"


def test_publisher_labels_keep_their_own_wording(scan_2021: Scan) -> None:
    assert _labels(_one(scan_2021, "25242986")) == [
        ("BACKGROUND", "BACKGROUND"),
        ("OBJECTIVE", "OBJECTIVE"),
        ("MATERIALS AND METHODS", "METHODS"),
        ("RESULTS", "RESULTS"),
        ("CONCLUSION", "CONCLUSIONS"),
    ]
    assert _labels(_one(scan_2021, "28624045")) == [
        ("BACKGROUND", None),
        ("MATERIALS AND METHODS", None),
        ("RESULTS", None),
        ("CONCLUSIONS", None),
    ]


def test_nejm_trial_structured_abstract(nejm: bytes) -> None:
    (doc,) = _parse_bytes(nejm, "pubmed-29768149.xml")
    assert isinstance(doc, Document)
    assert doc.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma."
    assert _labels(doc) == [
        ("BACKGROUND", None),
        ("METHODS", None),
        ("RESULTS", None),
        ("CONCLUSIONS", None),
    ]
    assert doc.sections[0].text == (
        "In patients with mild asthma, as-needed use of an inhaled glucocorticoid plus a "
        "fast-acting β 2-agonist may be an alternative to conventional treatment strategies."
    )
    assert doc.sections[3].text.endswith("SYGMA 1 ClinicalTrials.gov number, NCT02149199 .).")
    assert doc.journal == "The New England journal of medicine"
    assert (doc.pub_date, doc.year) == ("2018-05-17", 2018)
    assert doc.authors[:3] == ("O'Byrne PM", "FitzGerald JM", "Bateman ED")
    assert len(doc.authors) == 10
    assert doc.publication_types == (
        "Clinical Trial, Phase III",
        "Comparative Study",
        "Journal Article",
        "Multicenter Study",
        "Randomized Controlled Trial",
        "Research Support, Non-U.S. Gov't",
    )
    assert doc.mesh_terms[:3] == ("Administration, Inhalation", "Adolescent", "Adult")
    assert "Budesonide" in doc.mesh_terms
    assert len(doc.mesh_terms) == 23
    assert doc.doi == "10.1056/NEJMoa1715274"  # only in ELocationID: the file has no DOI ArticleId
    assert doc.pmcid is None
    assert doc.language == "eng"


def test_record_without_abstract_is_a_title_only_document(scan_2021: Scan) -> None:
    doc = _one(scan_2021, "25205585")
    assert doc.title == (
        "Comparison of spirometric thresholds in diagnosing smoking-related airflow "
        "obstruction: authors' response."
    )
    assert doc.sections == ()
    assert doc.abstract == ""
    assert doc.publication_types == ("Letter", "Comment")
    assert doc.authors == (
        "Bhatt SP",
        "Washko GR",
        "Dransfield MT",
        "Sieren JC",
        "Newell JD",
        "Hoffman EA",
    )


def test_empty_abstract_text_and_copyright_give_no_sections(scan_2021: Scan) -> None:
    doc = _one(scan_2021, "34085931")
    assert doc.title
    assert doc.sections == ()


def test_other_abstract_used_when_there_is_no_abstract(docs_1977: dict[str, Document]) -> None:
    doc = docs_1977["400274"]  # only a PIP <OtherAbstract>
    assert len(doc.sections) == 1
    assert doc.sections[0].label is None
    assert doc.sections[0].text.startswith(
        "The emergence of a debate in the US regarding poliomyelitis immunization practices"
    )
    assert doc.keywords[:3] == ("Americas", "Bacterial And Fungal Diseases", "Biology")


# --- titles, names, Unicode ---------------------------------------------------------------------


def test_unicode_titles_and_author_names(scan_2021: Scan) -> None:
    doc = _one(scan_2021, "33259837")
    assert doc.title == (
        "Dissecting the complexity of γδ T-cell subsets in skin homeostasis, inflammation, "
        "and malignancy."
    )
    assert doc.authors == ("Castillo-González R", "Cibrian D", "Sánchez-Madrid F")
    assert _one(scan_2021, "33682083").authors[:2] == ("Sood A", "Lebel MÈ")


def test_inline_markup_in_title_is_kept_as_text(scan_2021: Scan) -> None:
    assert _one(scan_2021, "33780037").title == (
        "Free-breathing simultaneous T 1 , T 2 , and T 2 ∗ quantification in the myocardium."
    )


def test_vernacular_title_when_article_title_is_empty(scan_2021: Scan) -> None:
    doc = _one(scan_2021, "34086202")
    assert doc.title == "Die erste Seite."
    assert doc.language == "ger"
    assert doc.authors == ("Patzer KH",)
    assert doc.pmcid == "PMC8175923"
    assert doc.doi == "10.1007/s15006-021-0021-6"


def test_initials_derived_from_fore_name_when_missing(scan_2021: Scan) -> None:
    # Choi has no <Initials>, only <ForeName>Yoon-Hyeong</ForeName>.
    assert _one(scan_2021, "31647768").authors == ("Choi YH", "Kwak JH")


def test_collective_author_name(scan_2021: Scan) -> None:
    authors = _one(scan_2021, "32680798").authors
    assert "GEMARA-SEIMC - REIPI Pseudomonas study group" in authors


# --- dates --------------------------------------------------------------------------------------


def test_medline_date_gives_the_year(scan_2021: Scan, docs_1977: dict[str, Document]) -> None:
    doc = _one(scan_2021, "29426732")  # <MedlineDate>2018 Jul-Aug</MedlineDate>
    assert (doc.pub_date, doc.year) == ("2018", 2018)
    doc = docs_1977["399319"]  # <MedlineDate>1979 Jul-Sep</MedlineDate>
    assert (doc.pub_date, doc.year) == ("1979", 1979)


def test_season_gives_the_year(docs_1977: dict[str, Document], current_medline: bytes) -> None:
    doc = docs_1977["399306"]  # <Year>1979</Year><Season>Spring</Season>
    assert (doc.pub_date, doc.year) == ("1979", 1979)
    by_pmid = {i.pmid: i for i in _parse_bytes(current_medline) if isinstance(i, Document)}
    assert by_pmid["11446611"].pub_date == "2001"  # <Season>May-Jun</Season>
    assert by_pmid["36400559"].pub_date == "2023-02"  # <Month>Feb</Month>


def test_year_falls_back_to_article_date_then_pubmed_history(current_medline: bytes) -> None:
    # PMID 28786991 (PLoS One): PubDate 2017, ArticleDate 2017-08-07, PubMed history 2017-8-9.
    without_issue_date = current_medline.replace(
        b"<PubDate><Year>2017</Year></PubDate>", b"<PubDate></PubDate>", 1
    )
    assert without_issue_date != current_medline
    doc = _by_pmid(_parse_bytes(without_issue_date), "28786991")
    assert (doc.pub_date, doc.year) == ("2017-08-07", 2017)
    start = without_issue_date.index(b'<ArticleDate DateType="Electronic"><Year>2017')
    end = without_issue_date.index(b"</ArticleDate>", start) + len(b"</ArticleDate>")
    doc = _by_pmid(_parse_bytes(without_issue_date[:start] + without_issue_date[end:]), "28786991")
    assert (doc.pub_date, doc.year) == ("2017-08-09", 2017)


def _by_pmid(items: list[ParsedItem], pmid: str) -> Document:
    (doc,) = (i for i in items if isinstance(i, Document) and i.pmid == pmid)
    return doc


# --- versions, retractions, types, MeSH ---------------------------------------------------------


def test_repeated_pmids_come_in_version_order(scan_2021: Scan) -> None:
    versions = scan_2021.documents["30271887"]
    assert len(versions) == 4
    assert [v.publication_types for v in versions] == [
        ("Journal Article",),
        ("Journal Article",),
        ("Journal Article", "Comment"),
        ("Journal Article", "Comment"),
    ]
    assert len(scan_2021.documents["33728380"]) == 2
    first, last = scan_2021.documents["34017925"]
    assert first.title.startswith("luox: novel open-access and open-source web platform")
    assert last.title.startswith("luox: novel validated open-access and open-source web platform")
    assert first.id == last.id == "pmid:34017925"


def test_retracted_publication_and_its_notice(scan_2021: Scan) -> None:
    retracted = _one(scan_2021, "27602157")
    assert retracted.retracted_by == ("34093767",)
    assert retracted.retraction_of == ()
    assert retracted.publication_types == ("Journal Article", "Retracted Publication")
    assert retracted.is_retracted
    notice = _one(scan_2021, "34093767")
    assert notice.retraction_of == ("27602157",)
    assert notice.retracted_by == ()
    assert notice.publication_types == ("Retraction of Publication",)
    assert notice.is_retracted


def test_retraction_notice_known_only_by_its_type(scan_2021: Scan) -> None:
    doc = _one(scan_2021, "34092123")
    assert doc.title.startswith("Retraction of: Association of Lesion Location")
    assert (doc.retracted_by, doc.retraction_of) == ((), ())
    assert doc.publication_types == ("Retraction of Publication",)
    assert doc.is_retracted


def test_1970s_retractions(docs_1977: dict[str, Document]) -> None:
    assert docs_1977["400712"].retracted_by == ("6106651",)
    assert "Retracted Publication" in docs_1977["400712"].publication_types
    assert docs_1977["400955"].retraction_of == ("778343",)
    assert docs_1977["400964"].retraction_of == ("166323", "178540", "183981", "785270")


def test_practice_guideline_type_and_keywords(scan_2021: Scan) -> None:
    doc = _one(scan_2021, "33309418")
    assert doc.publication_types == ("Practice Guideline",)
    assert doc.keywords[:3] == ("Acute respiratory failure", "Consenso", "Consensus")
    assert doc.authors[:2] == ("Luján M", "Peñuelas Ó")
    assert doc.pub_date == "2021-06"


def test_mesh_terms_from_1977_records(docs_1977: dict[str, Document]) -> None:
    doc = docs_1977["400712"]
    assert doc.title == "Increased insulin binding to monocytes after acute exercise in normal man."
    assert doc.mesh_terms == (
        "Adult",
        "Blood Glucose",
        "Glucagon",
        "Humans",
        "Insulin",
        "Ketone Bodies",
        "Kinetics",
        "Male",
        "Monocytes",
        "Physical Exertion",
        "Receptor, Insulin",
        "Reference Values",
    )
    assert doc.authors == ("Soman VR", "Koivisto VA", "Grantham P", "Felig P")
    assert doc.journal == "The Journal of clinical endocrinology and metabolism"
    assert (doc.pub_date, doc.year) == ("1978-07", 1978)
    assert doc.doi == "10.1210/jcem-47-1-216"
    first = docs_1977["399296"]
    assert first.mesh_terms == (
        "Abattoirs",
        "Animals",
        "Bacteriological Techniques",
        "Cattle",
        "Food Microbiology",
        "Meat",
        "Sheep",
        "Swine",
    )
    assert docs_1977["399319"].publication_types == (
        "Clinical Trial",
        "Comparative Study",
        "Controlled Clinical Trial",
        "Journal Article",
    )
    assert docs_1977["399319"].language == "ita"


@pytest.mark.slow
@pytest.mark.corpora(PUBMED_1977)
def test_whole_1977_file_counts() -> None:
    with _gunzip(PUBMED_1977) as stream:
        scan = _scan(parse(stream, "pubmed20n0014.xml.gz"), set())
    assert scan.kinds == Counter(Document=30_000)
    assert scan.with_abstract == 14_871  # 14,832 Abstracts + 39 records with only OtherAbstract


# --- other shapes of input ----------------------------------------------------------------------


@pytest.mark.corpora(MEDLINE_2016)
def test_old_medline_citation_set() -> None:
    with _gunzip(MEDLINE_2016) as stream:
        items = list(parse(stream, "medline16n0902.xml.gz"))
    assert Counter(type(i).__name__ for i in items) == Counter(Document=604, Deletion=1)
    assert Deletion(id="pmid:26432306") in items
    first = items[0]
    assert isinstance(first, Document)
    assert first.id == "pmid:17942999"
    assert first.title.startswith("Neuroplasticity in the processing of pitch dimensions")
    assert _labels(first) == [
        ("PURPOSE", "OBJECTIVE"),
        ("METHODS", "METHODS"),
        ("RESULTS", "RESULTS"),
        ("CONCLUSIONS", "CONCLUSIONS"),
    ]
    assert first.authors == ("Chandrasekaran B", "Gandour JT", "Krishnan A")
    assert first.journal == "Restorative neurology and neuroscience"
    assert (first.pub_date, first.pmcid) == ("2007", None)


class _Trickle(io.RawIOBase):
    """A stream that hands out a few bytes per read, like a slow pipe."""

    def __init__(self, data: bytes, size: int) -> None:
        super().__init__()
        self._data = memoryview(data)
        self._size = size

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        chunk = bytes(self._data[: min(self._size, n if n >= 0 else self._size)])
        self._data = self._data[len(chunk) :]
        return chunk


@pytest.mark.corpora(MEDLINE_2016)
def test_short_reads_still_detect_the_old_format() -> None:
    data = gzip.decompress(MEDLINE_2016.read_bytes())
    items = list(parse(_Trickle(data, 97), "pipe"))  # type: ignore[arg-type]
    assert Counter(type(i).__name__ for i in items) == Counter(Document=604, Deletion=1)


def test_book_articles() -> None:
    items = _parse_bytes((FIXTURES / "pubmed_book_articles.xml").read_bytes(), "books")
    chapter, report, skipped, deletion = items
    assert isinstance(chapter, Document)
    assert chapter.id == "pmid:90000001"
    assert chapter.title == "Hemifacial Spasm, Example Type"
    assert chapter.journal == "GeneReviews®"
    assert chapter.authors == ("Müller J", "Ødegård KA")  # no editors, no ValidYN="N" author
    assert (chapter.pub_date, chapter.year) == ("2008-03-04", 2008)  # ContributionDate
    assert chapter.publication_types == ("Review",)
    assert chapter.sections == (
        AbstractSection(
            label="CLINICAL CHARACTERISTICS",
            category="UNASSIGNED",
            text="Involuntary, irregular contractions of the muscles on one side of the face.",
        ),
        AbstractSection(
            label="DIAGNOSIS/TESTING",
            category="UNASSIGNED",
            text="The diagnosis is clinical; MRI may show a vessel compressing the facial nerve.",
        ),
        AbstractSection(
            label="MANAGEMENT",
            category="UNASSIGNED",
            text="Treatment options are discussed in the full text.",
        ),
    )
    assert chapter.keywords == ("Hemifacial Spasm", "facial nerve")
    assert (chapter.language, chapter.doi, chapter.mesh_terms) == ("eng", None, ())
    assert chapter.url == "https://pubmed.ncbi.nlm.nih.gov/90000001/"
    assert isinstance(report, Document)
    assert report.title == "Treatments for Example Condition: A Systematic Review"
    assert report.journal == "Agency for Healthcare Research and Quality (US)"
    assert report.authors == ("Example Evidence-based Practice Center",)
    assert (report.pub_date, report.year) == ("2021-02", 2021)
    assert report.publication_types == ("Review", "Systematic Review")
    assert report.doi == "10.99999/example.report.2021"
    assert report.sections == (AbstractSection(text="An unlabelled summary of a whole report."),)
    assert skipped == SkippedRecord(where="PMID 90000003", reason="no title or abstract")
    assert deletion == Deletion(id="pmid:90000009")


def test_record_without_pmid_is_skipped_by_position(nejm: bytes) -> None:
    without_pmid = nejm.replace(b'<PMID Version="1">29768149</PMID>', b"", 1)
    assert _parse_bytes(without_pmid, "nejm.xml") == [
        SkippedRecord(where="nejm.xml record 1", reason="no PMID")
    ]


# --- broken and hostile input -------------------------------------------------------------------


@pytest.mark.corpora(PUBMED_2021)  # records come in batches: the cut must be well past the first
def test_truncated_gzip_raises_input_error(tmp_path: Path) -> None:
    truncated = tmp_path / "pubmed21n1298-truncated.xml.gz"
    truncated.write_bytes(PUBMED_2021.read_bytes()[:1_000_000])
    seen = 0
    with _gunzip(truncated) as stream, pytest.raises(InputError, match="truncated"):
        for _ in parse(stream, truncated.name):
            seen += 1
    assert seen > 100  # records before the cut were delivered


def test_gzip_cut_inside_the_first_bytes_raises_input_error(tmp_path: Path) -> None:
    truncated = tmp_path / "tiny.xml.gz"
    truncated.write_bytes(FILE_2021.read_bytes()[:200])
    with _gunzip(truncated) as stream, pytest.raises(InputError, match=r"tiny\.xml\.gz"):
        list(parse(stream, truncated.name))


def test_truncated_xml_raises_input_error(nejm: bytes) -> None:
    with pytest.raises(InputError, match="malformed XML"):
        _parse_bytes(nejm[: len(nejm) // 2], "half.xml")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">1</PMID><Article>
<ArticleTitle>&lol9;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
"""


def test_billion_laughs_is_refused() -> None:
    with pytest.raises(InputError):
        _parse_bytes(BILLION_LAUGHS, "laughs.xml")


def test_reader_thread_stops_when_parsing_stops(nejm: bytes) -> None:
    before = threading.active_count()
    with pytest.raises(InputError):
        _parse_bytes(BILLION_LAUGHS, "laughs.xml")
    items = reader.read(reader.detect(FILE_2021))
    assert isinstance(items, Generator)
    next(items)
    items.close()  # abandoning the iterator half-way must not leave the read-ahead thread running
    _parse_bytes(nejm)
    assert threading.active_count() == before
