"""E-utilities replayed from real recorded answers: ESearch, EFetch, ESummary, ELink, ESpell,
EPost + history; and what happens with truncated, malformed, HTML and error answers."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from medcite.errors import SourceError
from medcite.records import Source
from medcite.sources.eutils import EFETCH_GET_MAX, EUtils, eutils_service, ncbi_api_key
from medcite.sources.settings import PubMedSettings

from .fakes import FakeApis, VirtualClock, fixture_bytes, make_http, params_of, xml

pytestmark = pytest.mark.usefixtures("api_fixtures")


def _eutils(apis: FakeApis, clock: VirtualClock, key: str | None = None) -> EUtils:
    settings = PubMedSettings(email="dev@example.org")
    return EUtils(make_http(apis, clock), eutils_service(settings, key))


def test_api_key_comes_from_the_environment_only() -> None:
    assert ncbi_api_key({"NCBI_API_KEY": " abc "}) == "abc"
    assert ncbi_api_key({"NCBI_API_KEY": ""}) is None
    assert ncbi_api_key({}) is None


def test_rate_is_3_per_second_or_10_with_a_key() -> None:
    assert eutils_service(PubMedSettings(), None).requests_per_s == 3
    assert eutils_service(PubMedSettings(), "k").requests_per_s == 10
    assert eutils_service(PubMedSettings(requests_per_s=1), "k").requests_per_s == 1
    assert "set NCBI_API_KEY" in eutils_service(PubMedSettings(), None).rate_limit_hint


def test_esearch_real_answer(apis: FakeApis, clock: VirtualClock) -> None:
    apis.fail("esearch.fcgi", xml(fixture_bytes("esearch1.xml")))
    found = _eutils(apis, clock).esearch("biopython", 20, dates=(2016, 3000))
    assert found.count == 63
    assert found.ids[:2] == ("41282813", "41148224") and len(found.ids) == 20
    assert found.translation == '"biopython"[All Fields]'
    sent = params_of(apis.requests[0])
    assert sent["sort"] == "relevance" and sent["mindate"] == "2016" and sent["tool"] == "medcite"
    assert sent["email"] == "dev@example.org"
    assert apis.requests[0].method == "POST" and "term" not in str(apis.requests[0].url)


def test_esearch_no_hits_answer(apis: FakeApis, clock: VirtualClock) -> None:
    apis.fail("esearch.fcgi", xml(fixture_bytes("esearch8.xml")))
    found = _eutils(apis, clock).esearch("abcXYZ", 10)
    assert (found.count, found.ids, found.not_found) == (0, (), ("abcXYZ",))


def test_search_all_uses_the_history_server(apis: FakeApis, clock: VirtualClock) -> None:
    apis.fail("esearch.fcgi", xml(fixture_bytes("esearch2.xml")))
    apis.fail("efetch.fcgi", xml(fixture_bytes("pubmed1.xml")), xml(fixture_bytes("pubmed2.xml")))
    docs = list(_eutils(apis, clock).search_all("cancer", limit=300))
    assert [d.id for d in docs] == ["pmid:12091962", "pmid:9997", "pmid:11748933", "pmid:11700088"]
    fetches = [params_of(r) for r in apis.requests if r.url.path.endswith("efetch.fcgi")]
    assert [(f["WebEnv"], f["query_key"], f["retstart"]) for f in fetches] == [
        ("MCID_6927d6e7fee3e90f880ec190", "1", "0"),
        ("MCID_6927d6e7fee3e90f880ec190", "1", "200"),
    ]
    assert params_of(apis.requests[0])["usehistory"] == "y"


def test_efetch_parses_with_the_ingest_parser(apis: FakeApis, clock: VirtualClock) -> None:
    docs = _eutils(apis, clock).efetch(["9997", "12091962", "9997"])
    assert [d.id for d in docs] == ["pmid:9997", "pmid:12091962"]
    assert all(d.source is Source.PUBMED and d.fetched_at is not None for d in docs)
    assert params_of(apis.requests[0])["id"] == "9997,12091962"  # sorted, de-duplicated


def test_large_efetch_goes_through_epost(apis: FakeApis, clock: VirtualClock) -> None:
    apis.fail("efetch.fcgi", xml(fixture_bytes("pubmed4.xml")), xml(fixture_bytes("pubmed5.xml")))
    pmids = [str(n) for n in range(1, EFETCH_GET_MAX + 2)]
    docs = _eutils(apis, clock).efetch(pmids)
    assert {d.id for d in docs} >= {"pmid:27797938", "pmid:28775130"}
    assert apis.count("epost.fcgi") == 1 and apis.count("efetch.fcgi") == 2
    assert params_of(apis.requests[1])["WebEnv"] == "MCID_692851c130aec64bed0a8c2a"


def test_esummary_real_answer(apis: FakeApis, clock: VirtualClock) -> None:
    summaries = _eutils(apis, clock).esummary(["11850928", "11482001"])
    assert [s.pmid for s in summaries] == ["11850928", "11482001"]
    second = summaries[1]
    assert second.publication_types == ("Journal Article", "Review")
    assert (second.year, second.language) == (2001, "eng")
    assert second.journal == "Adverse drug reactions and toxicological reviews"


def test_esummary_error_answer(apis: FakeApis, clock: VirtualClock) -> None:
    apis.fail("esummary.fcgi", xml(fixture_bytes("esummary8.xml")))
    with pytest.raises(SourceError, match="Neither query_key nor id specified"):
        _eutils(apis, clock).esummary(["1"])


@pytest.mark.parametrize(("name", "seed"), [("elink1.xml", "9298984"), ("elink3.xml", "11812492")])
def test_elink_similar_articles(apis: FakeApis, clock: VirtualClock, name: str, seed: str) -> None:
    apis.fail("elink.fcgi", xml(fixture_bytes(name)))
    similar = _eutils(apis, clock).similar([seed], 5, term="english[la]")
    assert len(similar) == 5 and seed not in similar
    sent = params_of(apis.requests[0])
    assert (sent["linkname"], sent["cmd"], sent["term"]) == (
        "pubmed_pubmed",
        "neighbor_score",
        "english[la]",
    )


def test_elink_without_neighbours(apis: FakeApis, clock: VirtualClock) -> None:
    apis.fail("elink.fcgi", xml(fixture_bytes("elink8.xml")))
    assert _eutils(apis, clock).similar(["12068369"], 5) == []


def test_espell(apis: FakeApis, clock: VirtualClock) -> None:
    assert _eutils(apis, clock).spell("biopythooon") == "biopython"


def test_epost_error_answer(apis: FakeApis, clock: VirtualClock) -> None:
    apis.fail("epost.fcgi", xml(fixture_bytes("epost3.xml")))
    with pytest.raises(SourceError, match="Empty ID list"):
        _eutils(apis, clock).epost(["x"])


@pytest.mark.parametrize(
    ("endpoint", "answer", "message"),
    [
        ("efetch.fcgi", fixture_bytes("pubmed3.html"), "HTML page instead of XML"),
        ("efetch.fcgi", fixture_bytes("pubmed1.xml")[:3000], "malformed EFetch answer"),
        ("efetch.fcgi", b"", "malformed EFetch answer"),
        ("efetch.fcgi", fixture_bytes("esearch1.xml"), "malformed EFetch answer"),
        ("esearch.fcgi", fixture_bytes("esearch1.xml")[:400], "malformed ESearch answer"),
        ("esearch.fcgi", fixture_bytes("einfo4.xml"), "malformed ESearch answer"),
        ("esearch.fcgi", b"<eSearchResult><ERROR>Invalid query</ERROR></eSearchResult>", "error"),
        ("esearch.fcgi", b"<eSearchResult><IdList/></eSearchResult>", "no Count"),
        ("elink.fcgi", b"<?xml version='1.0'?><eLinkResult><LinkSet>", "malformed ELink"),
        ("espell.fcgi", b'<!DOCTYPE x [<!ENTITY a "b">]><eSpellResult/>', "malformed ESpell"),
    ],
)
def test_truncated_malformed_and_hostile_answers_fail_clearly_and_are_not_cached(
    tmp_path: Path, clock: VirtualClock, endpoint: str, answer: bytes, message: str
) -> None:
    from medcite.sources.cache import ResponseCache

    apis = FakeApis(clock)
    apis.fail(endpoint, xml(answer))
    cache = ResponseCache(tmp_path / "c.sqlite3", 3600, clock.time)
    eutils = EUtils(make_http(apis, clock, cache=cache), eutils_service(PubMedSettings(), None))
    calls = {
        "efetch.fcgi": lambda: eutils.efetch(["9997"]),
        "esearch.fcgi": lambda: eutils.esearch("x", 5),
        "elink.fcgi": lambda: eutils.similar(["1"], 5),
        "espell.fcgi": lambda: eutils.spell("x"),
    }
    with pytest.raises(SourceError, match=message) as failure:
        calls[endpoint]()
    assert "--source local" in str(failure.value)
    assert cache.requests() == []
    calls[endpoint]()  # the next (good) answer is used, not a cached bad one
    assert len(cache.requests()) == 1


def test_retries_are_per_request(apis: FakeApis, clock: VirtualClock) -> None:
    apis.fail("esearch.fcgi", httpx.Response(502), httpx.ReadTimeout("slow"))
    assert _eutils(apis, clock).esearch("x", 5).count == 5
    assert apis.count("esearch.fcgi") == 3
