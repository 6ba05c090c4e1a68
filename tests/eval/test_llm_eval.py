"""``medcite eval --llm`` (issue 14): the synthesis scored beside the extractive answer, against the
fake OpenAI-compatible server of tests/llm over a tiny handmade index.

Scripted replies: a good one (shown), one with an unsupported dose, an unsupported claim and a
citation to a passage it was not given (falls back), a question medcite declines (the model is
never asked) and a malformed reply (falls back). The counts of supported, dropped, shown and
fallbacks, the on-topic citations of the answer as shown and the latencies are checked against
those scripts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from llm.conftest import ENV_NAMES, settings_for
from llm.fake_openai import FakeOpenAI, FakeServer, Scripted, completion
from llm.gout import DOSE, GOUT, GUIDELINE, QUESTION, build_index
from llm.gout import TRIAL as GOUT_TRIAL
from medcite import Engine
from medcite.cli import app
from medcite.config import SemanticSettings, Settings
from medcite.eval import llm as llm_eval
from medcite.eval.datasets import EvalItem
from medcite.eval.metrics import topic_scores
from medcite.records import Document

TRIAL = (
    "In a randomized trial of 400 adults with gout, colchicine reduced the pain of gout flares "
    "within 24 hours."
)
ROWS = [
    GUIDELINE,
    {
        **GOUT_TRIAL,
        "title": "Colchicine for the treatment of gout flares: a randomized controlled trial",
        "text": f"Gout flares are treated with colchicine. {TRIAL}",
    },
]
ITEMS = [
    EvalItem("liveqa", "q1", QUESTION, focus="gout"),
    EvalItem("liveqa", "q2", "How are gout flares treated?", focus="gout"),
    EvalItem("medicationqa", "q3", "how do I bake sourdough bread", focus="bread"),
    EvalItem("medicationqa", "q4", "What causes gout?", focus="gout"),
]


def about(document: Document, focus: str) -> bool:
    """A stand-in judge: only the guideline is "about" gout (so the trial's bullets are off)."""
    return focus == "gout" and document.id == "g:1"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("llm-eval-index"), ROWS)


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeServer() as server:
        yield server


def _settings(url: str) -> Settings:
    return Settings(semantic=SemanticSettings(enabled=False), audit=False, llm=settings_for(url))


@pytest.fixture
def engine(index: Path, fake: FakeOpenAI) -> Iterator[Engine]:
    engine = Engine(index, _settings(fake.url))
    yield engine
    engine.close()


def _claim(text: str, *cites: int) -> dict[str, Any]:
    return {"text": text, "citations": list(cites)}


def _reply(**sections: Any) -> Scripted:
    body = {"bottom_line": [], "guideline_prose": [], "guideline_sections": []}
    return completion(json.dumps(body | {"research_sections": []} | sections))


def _script(engine: Engine, fake: FakeOpenAI) -> None:
    """q1 good (3 supported), q2 1 supported + 2 unsupported + 1 miscited, q3 declined (no
    request), q4 malformed (every request)."""
    numbers = {r.document_id: r.number for r in engine.ask(QUESTION, llm=False).references}
    g1, g2 = numbers["g:1"], numbers["g:2"]
    fake.push(
        _reply(
            bottom_line=[_claim(GOUT, g1)],
            guideline_sections=[{"heading": "Treatment", "claims": [_claim(DOSE, g1)]}],
            research_sections=[{"heading": "Trials", "claims": [_claim(TRIAL, g2)]}],
        ),
        _reply(
            bottom_line=[_claim(GOUT, g1)],
            guideline_sections=[
                {
                    "heading": "Treatment",
                    "claims": [
                        _claim("Colchicine 5 mg twice a day is recommended to prevent gout.", g1),
                        _claim("Colchicine cures gout permanently.", g1),
                        _claim("Gout is caused by uric acid crystals in the joints.", 9),
                    ],
                }
            ],
        ),
    )
    fake.always = completion("not json at all {")


def test_the_counts_follow_the_scripted_replies(engine: Engine, fake: FakeOpenAI) -> None:
    _script(engine, fake)
    seen: list[str] = []
    result = llm_eval.evaluate_llm(
        engine, ITEMS, about, progress=lambda n, o: seen.append(f"{n}:{o.status}")
    )
    assert seen == ["1:shown", "2:fallback", "3:abstained", "4:fallback"]
    q1, q2, q3, q4 = result.outcomes
    assert (q1.claims, q1.supported, q1.unsupported, q1.miscited) == (3, 3, 0, 0)
    assert (q2.claims, q2.supported, q2.unsupported, q2.miscited) == (4, 1, 2, 1)
    assert q2.reason_kind == "the model cited sources it was not given ([n])"
    assert q3.answer is not None and q3.answer.synthesis is None and q3.claims == 0
    assert q4.claims == 0 and q4.reason_kind == "unavailable: unreadable reply"

    s = result.summary()
    assert (s["questions"], s["answered"], s["abstained"], s["refused"]) == (4, 3, 1, 0)
    assert (s["synthesized"], s["shown"], s["fallback"]) == (3, 1, 2)
    assert (s["claims"], s["supported"], s["unsupported"], s["miscited"]) == (7, 4, 2, 1)
    assert s["dropped"] == 3 and s["support_share"] == round(4 / 7, 3)
    assert s["shown_share"] == round(1 / 3, 3)
    assert s["fallback_reasons"] == {
        "the model cited sources it was not given ([n])": 1,
        "unavailable: unreadable reply": 1,
    }
    # on topic as shown: the bottom line and the dose cite g:1 (about gout), the trial only g:2
    assert (q1.synthesis_bullets, q1.synthesis_on_topic) == (3, 2)
    assert s["on_topic"]["synthesis_bullets"] == round(2 / 3, 3)
    assert q1.answer is not None
    extractive = topic_scores(q1.answer, "gout", engine.get, about)
    assert (q1.extractive_bullets, q1.extractive_on_topic) == (
        extractive.bullets,
        extractive.on_topic,
    )
    # latency: the model's seconds (the wait, for the malformed reply); verification from timings_ms
    lat = s["latency"]
    assert lat["model_s"]["n"] == 3 and lat["verify_ms"]["n"] == 2
    assert lat["extractive_ms"]["n"] == 3
    assert q1.verify_ms is not None and q1.verify_ms >= 0


def test_the_report_and_review_files(engine: Engine, fake: FakeOpenAI, tmp_path: Path) -> None:
    _script(engine, fake)
    result = llm_eval.evaluate_llm(engine, ITEMS, about)
    paths = result.write(tmp_path)
    assert sorted(p.name for p in paths) == sorted(
        ["llm.md", "llm.json", "llm-review.md", "llm-review.jsonl"]
    )
    report = (tmp_path / "llm.md").read_text()
    assert "| extractive |" in report and "synthesis (fake-model-1)" in report
    assert "1 × unavailable: unreadable reply" in report
    data = json.loads((tmp_path / "llm.json").read_text())
    assert data["summary"]["dropped"] == 3 and len(data["questions"]) == 4
    review = (tmp_path / "llm-review.md").read_text()
    assert review.count("## L0") == 4 and "RUBRIC.md" in review
    # the rejected claims are listed for the reviewer, with the shown prose
    assert "Colchicine cures gout permanently." in review
    assert "Written by fake-model-1" in review
    assert len((tmp_path / "llm-review.jsonl").read_text().splitlines()) == 4


def test_the_sample_is_shared_between_the_sets_and_has_a_focus() -> None:
    sets = {
        "a": [EvalItem("a", str(i), f"q{i}", focus="x" if i % 3 else None) for i in range(40)],
        "b": [EvalItem("b", str(i), f"q{i}", focus="y") for i in range(40)],
    }
    chosen = llm_eval.pick(sets, "dev", 7)
    assert len(chosen) == 7
    assert sum(i.dataset == "a" for i in chosen) == 4
    assert all(i.focus for i in chosen)
    assert chosen == llm_eval.pick(sets, "dev", 7)  # the same questions every run
    few = {"a": sets["a"][:3], "b": sets["b"]}
    assert len(llm_eval.pick(few, "dev", 10)) == 10  # the second set makes up the shortfall


def test_reason_kinds_drop_the_numbers() -> None:
    kind = llm_eval.reason_kind
    assert kind("only 1 of 5 statements is supported by its sources") == (
        "only N of N statements is supported by its sources"
    )
    assert kind("synthesis unavailable: the language model timed out after 60 s") == (
        "unavailable: time-out"
    )
    assert kind("synthesis unavailable: HTTP 429 Too Many Requests") == "unavailable: rate limited"
    assert kind(None) is None


def test_eval_llm_without_an_endpoint_exits_2(index: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--llm", "--index", str(index)])
    assert result.exit_code == 2
    assert "MEDCITE_LLM_BASE_URL" in result.output


def test_eval_llm_on_the_command_line(
    index: Path, fake: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = Engine(index, _settings(fake.url))
    _script(engine, fake)
    engine.close()
    monkeypatch.setenv("MEDCITE_LLM_BASE_URL", fake.url)
    monkeypatch.setenv("MEDCITE_LLM_MODEL", "fake-model-1")
    monkeypatch.setenv("MEDCITE_LLM__REQUESTS_PER_SECOND", "1000")
    monkeypatch.setenv("MEDCITE_SEMANTIC__ENABLED", "false")
    monkeypatch.setattr(llm_eval, "llm_items", lambda corpora, split, n: ITEMS[:n])
    out = tmp_path / "run"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            "--llm",
            "--llm-sample",
            "4",
            "--index",
            str(index),
            "--out",
            str(out),
            "--corpora",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "synthesis (fake-model-1)" in result.output
    data = json.loads((out / "llm.json").read_text())
    summary = data["summary"]
    assert (summary["shown"], summary["fallback"], summary["dropped"]) == (1, 2, 3)
    assert summary["on_topic"]["synthesis_bullets"] is None  # no MeSH files: not judged
    assert any("on-topic citations not judged" in note for note in data["notes"])
