"""PubmedArticleSet files are cut into batches of whole records and parsed on a second thread.

These tests pin what that must never change: the documents (however the file is cut), the
reference lists left out only where they are safe to cut, and errors that name the file's line.
"""

from __future__ import annotations

import gzip
import io
import threading
from pathlib import Path

import pytest

from conftest import MINI_PUBMED_2021, PUBMED_2021, shared_or_mini
from medcite.errors import InputError
from medcite.ingest import pubmed_batches
from medcite.ingest.pubmed_xml import parse
from medcite.records import Document, ParsedItem

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

ARTICLE = """<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
<PMID Version="1">{pmid}</PMID><Article PubModel="Print">
<Journal><Title>Journal {pmid}</Title><JournalIssue><PubDate><Year>2020</Year></PubDate>
</JournalIssue></Journal><ArticleTitle>{title}</ArticleTitle>
<Abstract><AbstractText>Abstract of {pmid}.</AbstractText></Abstract>
<AuthorList><Author ValidYN="Y"><LastName>Doe</LastName><Initials>J</Initials>
<AffiliationInfo><Affiliation>Somewhere.</Affiliation></AffiliationInfo></Author></AuthorList>
</Article></MedlineCitation>
<PubmedData><ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId>
<ArticleId IdType="doi">10.1000/{pmid}</ArticleId></ArticleIdList>{references}</PubmedData>
</PubmedArticle>
"""

NESTED_REFERENCES = """<ReferenceList><Title>References</Title>
<Reference><Citation>Cited work one.</Citation>
<ArticleIdList><ArticleId IdType="pubmed">1</ArticleId></ArticleIdList></Reference>
<ReferenceList><Reference><Citation>Nested list.</Citation></Reference></ReferenceList>
</ReferenceList>
<ReferenceList><Reference><Citation>A second list.</Citation></Reference></ReferenceList>
"""


def _article(pmid: int, title: str = "", references: str = "") -> str:
    return ARTICLE.format(pmid=pmid, title=title or f"Title {pmid}", references=references)


def _file(*records: str, declaration: str = '<?xml version="1.0" ?>') -> bytes:
    body = "".join(records)
    return f"{declaration}\n<PubmedArticleSet>\n{body}</PubmedArticleSet>\n".encode()


def _documents(data: bytes, where: str = "test.xml") -> list[ParsedItem]:
    return list(parse(io.BytesIO(data), where))


@pytest.fixture
def tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut after every few hundred bytes, so records end in many batches and chunk seams."""
    monkeypatch.setattr(pubmed_batches, "BATCH_BYTES", 700)


def test_documents_do_not_depend_on_where_the_file_is_cut(
    tiny_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = shared_or_mini(PUBMED_2021, MINI_PUBMED_2021)
    data = gzip.decompress(real.read_bytes())
    end = data.rindex(b"</PubmedArticle>", 0, 2_000_000) + len(b"</PubmedArticle>")
    sample = data[:end] + b"\n</PubmedArticleSet>\n"
    cut_small = _documents(sample)
    monkeypatch.setattr(pubmed_batches, "BATCH_BYTES", 1 << 20)
    cut_large = _documents(sample)
    assert len(cut_small) > (100 if real == PUBMED_2021 else 20)
    assert cut_small == cut_large


def test_reference_lists_are_left_out_and_the_records_around_them_kept(
    tiny_batches: None,
) -> None:
    data = _file(
        _article(1, references=NESTED_REFERENCES),
        _article(2, title="Title with ReferenceList in words"),
        _article(3, references=NESTED_REFERENCES),
    )
    docs = _documents(data)
    assert [d.id for d in docs if isinstance(d, Document)] == ["pmid:1", "pmid:2", "pmid:3"]
    assert all(isinstance(d, Document) and d.doi == f"10.1000/{d.pmid}" for d in docs)
    assert docs[1].title == "Title with ReferenceList in words"  # type: ignore[union-attr]


def test_book_records_keep_their_reference_lists_and_do_not_swallow_the_next_record() -> None:
    book = (FIXTURES / "pubmed_book_articles.xml").read_text(encoding="utf-8")
    books = book[book.index("<PubmedBookArticle>") : book.rindex("</PubmedBookArticle>") + 20]
    with_references = books.replace(
        "</BookDocument>",
        "<ReferenceList><Reference><Citation>Book ref.</Citation></Reference></ReferenceList>"
        "</BookDocument>",
        1,
    )
    alone = _documents(_file(books))
    together = _documents(_file(with_references, _article(7, references=NESTED_REFERENCES)))
    assert together[:-1] == alone
    assert isinstance(together[-1], Document) and together[-1].id == "pmid:7"


def test_comments_unknown_elements_and_a_declared_encoding_are_handled() -> None:
    latin = _file(
        "<!-- a comment between records -->",
        _article(1, title="Caf\u00e9 au lait spots"),
        "<SomethingElse><PMID>9</PMID></SomethingElse>",
        declaration='<?xml version="1.0" encoding="ISO-8859-1"?>',
    )
    data = latin.decode().encode("iso-8859-1")
    docs = _documents(data)
    assert [d.title for d in docs if isinstance(d, Document)] == ["Caf\u00e9 au lait spots"]


def test_an_empty_article_set_has_no_records() -> None:
    assert _documents(b'<?xml version="1.0"?>\n<PubmedArticleSet/>\n') == []
    assert _documents(b"<PubmedArticleSet>\n</PubmedArticleSet>") == []


def test_a_broken_record_is_reported_with_its_line_in_the_file(tiny_batches: None) -> None:
    records = [_article(n, references=NESTED_REFERENCES) for n in range(1, 30)]
    records[20] = records[20].replace("</ArticleTitle>", "</ArticleTitel>")
    data = _file(*records)
    line = data[: data.index(b"</ArticleTitel>")].count(b"\n") + 1
    with pytest.raises(InputError, match=rf"^test\.xml: malformed XML \(line {line}\)"):
        _documents(data)


@pytest.mark.parametrize(
    "tail",
    [b"", b"\n<PubmedArticle><MedlineCitation><PMID>5</PMID>", b"</PubmedArticleSet><junk/>"],
    ids=["no closing tag", "cut inside a record", "content after the root"],
)
def test_a_truncated_or_trailing_file_is_an_input_error(tail: bytes) -> None:
    data = _file(_article(1)).removesuffix(b"</PubmedArticleSet>\n") + tail
    items: list[ParsedItem] = []
    with pytest.raises(InputError, match="malformed XML"):
        for item in parse(io.BytesIO(data), "cut.xml"):
            items.append(item)
    assert [i.id for i in items if isinstance(i, Document)] == ["pmid:1"]


def test_a_record_that_never_ends_is_refused_without_reading_it_all(
    tiny_batches: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pubmed_batches, "MAX_RECORD_BYTES", 10_000)
    endless = b"<PubmedArticleSet><PubmedArticle>" + b"<x>text</x>" * 1_000_000
    stream = io.BytesIO(endless)
    with pytest.raises(InputError, match="no record ends within"):
        _documents(endless)
    with pytest.raises(InputError):
        list(parse(stream, "endless.xml"))
    assert stream.tell() < 100_000


def test_entity_declarations_in_the_prologue_are_refused_before_any_record() -> None:
    hostile = _file(_article(1)).replace(
        b"<PubmedArticleSet>",
        b'<!DOCTYPE PubmedArticleSet [<!ENTITY x "boom">]>\n<PubmedArticleSet>',
        1,
    )
    with pytest.raises(InputError, match="refused"):
        _documents(hostile)


def test_an_undeclared_entity_in_a_record_is_malformed_not_expanded() -> None:
    data = _file(_article(1, title="&secret;"))
    with pytest.raises(InputError, match="malformed XML"):
        _documents(data)


def test_the_parsing_thread_stops_when_the_reader_stops_early(tiny_batches: None) -> None:
    before = threading.active_count()
    items = parse(io.BytesIO(_file(*(_article(n) for n in range(1, 200)))), "many.xml")
    next(items)
    items.close()
    assert threading.active_count() == before
