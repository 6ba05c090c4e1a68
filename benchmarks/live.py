"""Live search against fake E-utilities and Europe PMC servers on 127.0.0.1 with 300 ms latency.

    python benchmarks/live.py                  # 10 real questions, 300 ms per request
    python benchmarks/live.py --latency 0.1 --questions 20

Two local HTTP servers replay the recorded responses in ../shared/corpora/api-fixtures (ESearch
answers carry PMIDs whose recorded EFetch records exist; EFetch returns exactly the records asked
for) and sleep ``--latency`` seconds before every answer. Each question runs through
``medcite.sources.live`` exactly as in production (rate limiter, retries, index write-back; the
response cache is off so every request really goes to the server). Prints, per question, wall
time, each source's time, requests per server and wall time in round trips; then the same
questions all at once, with the highest request count the NCBI server saw in any 1 s window.
Runs once without and once with an NCBI API key (3 vs 10 requests/s). Writes
benchmarks/results/live.json.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from common import CORPORA, liveqa_questions, print_table, write_json
from medcite.index.tantivy_index import TantivyIndex
from medcite.records import Query
from medcite.sources.live import LiveResult, LiveSearch, build_live_search
from medcite.sources.settings import (
    EuropePmcSettings,
    HttpSettings,
    LiveSettings,
    PubMedSettings,
)

FIXTURES = CORPORA / "api-fixtures"
ENTREZ = FIXTURES / "entrez-xml"


def load_records() -> dict[str, bytes]:
    """pmid → one recorded PubmedArticle (from the recorded EFetch answers)."""
    records: dict[str, bytes] = {}
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    for path in sorted(ENTREZ.glob("pubmed*.xml")):
        for article in etree.parse(str(path), parser).getroot().iterchildren("PubmedArticle"):
            pmid = article.findtext(".//PMID")
            if pmid:
                records.setdefault(pmid, etree.tostring(article))
    return records


class Replay:
    """Builds answers from the recorded fixtures, counts requests and their arrival times."""

    def __init__(self) -> None:
        self.records = load_records()
        self.pmids = sorted(self.records)
        self.esearch = (ENTREZ / "esearch1.xml").read_text(encoding="utf-8")
        self.static = {
            "elink.fcgi": (ENTREZ / "elink1.xml").read_bytes(),
            "espell.fcgi": (ENTREZ / "espell.xml").read_bytes(),
            "esummary.fcgi": (ENTREZ / "esummary1.xml").read_bytes(),
            "search": (FIXTURES / "europepmc" / "search_cancer_core.json").read_bytes(),
        }
        self.arrivals: list[tuple[str, float]] = []
        self.lock = threading.Lock()

    def answer(self, path: str, params: dict[str, str]) -> bytes:
        name = path.rsplit("/", 1)[-1]
        if name == "esearch.fcgi":
            return self._esearch(params.get("term", ""))
        if name == "efetch.fcgi":
            wanted = params.get("id", "").split(",")
            body = b"".join(self.records[p] for p in wanted if p in self.records)
            return b'<?xml version="1.0" ?>\n<PubmedArticleSet>' + body + b"</PubmedArticleSet>"
        return self.static.get(name, b"")

    def _esearch(self, term: str) -> bytes:
        """The recorded ESearch answer with 10 ids: 5 PMIDs that have recorded records (rotated
        by the term), then PMIDs without records (as many ids as real PubMed would return)."""
        start = sum(map(ord, term)) % len(self.pmids)
        ids = (self.pmids[start:] + self.pmids[:start])[:5] + [str(90000000 + n) for n in range(5)]
        id_list = "".join(f"<Id>{i}</Id>\n" for i in ids)
        new_list = f"<IdList>\n{id_list}</IdList>"
        text = re.sub(r"<IdList>.*</IdList>", new_list, self.esearch, count=1, flags=re.S)
        return text.encode()

    def arrived(self, server: str) -> None:
        with self.lock:
            self.arrivals.append((server, time.monotonic()))

    def count(self, server: str) -> int:
        with self.lock:
            return sum(1 for name, _ in self.arrivals if name == server)


def serve(name: str, replay: Replay, latency: float) -> ThreadingHTTPServer:
    """A threaded HTTP server on 127.0.0.1 (random port) answering after ``latency`` seconds."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._answer(dict(parse_qsl(urlsplit(self.path).query)))

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            self._answer(dict(parse_qsl(self.rfile.read(length).decode())))

        def _answer(self, params: dict[str, str]) -> None:
            replay.arrived(name)
            time.sleep(latency)
            body = replay.answer(urlsplit(self.path).path, params)
            kind = "application/json" if body.startswith(b"{") else "text/xml"
            self.send_response(200 if body else 404)
            self.send_header("content-type", kind)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def live_search(ncbi: int, epmc: int, index: TantivyIndex, env: dict[str, str]) -> LiveSearch:
    settings = LiveSettings(
        http=HttpSettings(cache=False),
        pubmed=PubMedSettings(base_url=f"http://127.0.0.1:{ncbi}/entrez/eutils/"),
        europepmc=EuropePmcSettings(base_url=f"http://127.0.0.1:{epmc}/europepmc/rest/"),
    )
    return build_live_search(settings, index=index, env=env)


def one_by_one(live: LiveSearch, replay: Replay, questions: list[str], latency: float) -> list[Any]:
    rows = []
    for number, question in enumerate(questions, start=1):
        before = {s: replay.count(s) for s in ("ncbi", "epmc")}
        started = time.perf_counter()
        result = live.search(Query(question=question, search_text=question), 10)
        wall = time.perf_counter() - started
        requests = {s: replay.count(s) - n for s, n in before.items()}
        rows.append(
            {"q": number, "question": question[:34], **_row(result, wall, latency, requests)}
        )
    return rows


def _row(
    result: LiveResult, wall: float, latency: float, requests: dict[str, int]
) -> dict[str, Any]:
    seconds = {s.source: s.seconds for s in result.statuses}
    slowest = max(seconds.values())
    return {
        "wall_s": round(wall, 3),
        "pubmed_s": round(seconds.get("pubmed", 0.0), 3),
        "europepmc_s": round(seconds.get("europepmc", 0.0), 3),
        "store_ms": round(result.store_seconds * 1000, 1),
        "other_ms": round((wall - slowest - result.store_seconds) * 1000, 1),
        "round_trips": round(wall / latency, 2),
        "ncbi_requests": requests["ncbi"],
        "epmc_requests": requests["epmc"],
        "hits": len(result.hits),
        "ok": not result.degraded,
    }


def all_at_once(live: LiveSearch, replay: Replay, questions: list[str]) -> dict[str, Any]:
    start = len(replay.arrivals)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(questions)) as pool:
        results = list(
            pool.map(lambda q: live.search(Query(question=q, search_text=q), 10), questions)
        )
    wall = time.perf_counter() - started
    ncbi = [t for server, t in replay.arrivals[start:] if server == "ncbi"]
    return {
        "questions": len(questions),
        "wall_s": round(wall, 3),
        "ncbi_requests": len(ncbi),
        "ncbi_max_per_1s": max_per_window(ncbi),
        "all_ok": all(not r.degraded for r in results),
    }


def max_per_window(times: list[float], window: float = 1.0) -> int:
    ordered, best, start = sorted(times), 0, 0
    for end, at in enumerate(ordered):
        while ordered[start] <= at - window:
            start += 1
        best = max(best, end - start + 1)
    return best


def run(label: str, env: dict[str, str], questions: list[str], latency: float) -> dict[str, Any]:
    replay = Replay()
    ncbi, epmc = serve("ncbi", replay, latency), serve("epmc", replay, latency)
    with tempfile.TemporaryDirectory() as tmp:
        index = TantivyIndex.create_or_open(Path(tmp) / "index")
        live = live_search(ncbi.server_address[1], epmc.server_address[1], index, env)
        try:
            rows = one_by_one(live, replay, questions, latency)
            time.sleep(1.1)  # let the rate limiter's window drain
            together = all_at_once(live, replay, questions)
        finally:
            live.close()
            _stop(ncbi.shutdown, epmc.shutdown)
    print_table(f"{label}: one question at a time ({latency * 1000:.0f} ms per request)", rows)
    print_table(f"{label}: all questions at once", [together])
    return {"one_by_one": rows, "all_at_once": together}


def _stop(*stops: Callable[[], None]) -> None:
    for stop in stops:
        stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.3, help="seconds added per request")
    parser.add_argument("--questions", type=int, default=10)
    args = parser.parse_args()
    questions = [q for q in liveqa_questions() if len(q) < 200][: args.questions]
    payload: dict[str, Any] = {"latency_s": args.latency, "questions": questions}
    payload["without_api_key"] = run("no API key (3 req/s)", {}, questions, args.latency)
    keyed = {"NCBI_API_KEY": "benchmark-key"}
    payload["with_api_key"] = run("NCBI_API_KEY set (10 req/s)", keyed, questions, args.latency)
    write_json("live", payload)


if __name__ == "__main__":
    main()
