"""The medcite command: exit codes, one-line errors, output formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import (
    MEDLINE_2016,
    MEDQUAD_TAR,
    MESH_TERMS,
    MINI_MEDQUAD_TAR,
    MINI_MESH_TERMS,
    MINI_PUBMED_2021,
    shared_or_mini,
)
from medcite import Engine
from medcite.cli import app

PUBMED = shared_or_mini(MEDLINE_2016, MINI_PUBMED_2021)
"""Some real PubMed records: the 2016 MEDLINE file (604 records), else the mini corpora's cut."""
TERMS = shared_or_mini(MESH_TERMS, MINI_MESH_TERMS)
runner = CliRunner()


def _run(*args: str, index: Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--index", str(index)])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-index")
    code, _out, err = _run("ingest", str(PUBMED), index=path)
    assert code == 0, err
    return path


def test_ingest_prints_a_summary(tmp_path: Path) -> None:
    code, _out, err = _run("ingest", str(PUBMED), index=tmp_path)
    assert code == 0
    assert "ingested 1/1 files" in err and "documents added or updated" in err


@pytest.mark.corpora(MEDLINE_2016)
def test_ingest_of_a_bad_file_exits_2_with_one_line_and_ingests_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<PubmedArticleSet><PubmedArticle>")
    code, _out, err = _run("ingest", str(bad), str(MEDLINE_2016), index=tmp_path / "idx")
    assert code == 2
    (line,) = [x for x in err.splitlines() if x.startswith("error:")]
    assert "bad.xml" in line and "malformed XML" in line
    assert Engine(tmp_path / "idx").stats().documents > 500


def test_ingest_of_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    code, _out, err = _run("ingest", str(tmp_path / "nope.xml"), index=tmp_path / "idx")
    assert code == 2 and "no such file" in err.lower()


def test_search_table_and_json(small_index: Path) -> None:
    code, out, _err = _run("search", "myocardial infarction", "-k", "3", index=small_index)
    assert code == 0 and "hits for 'myocardial infarction'" in out
    code, out, _err = _run(
        "search", "myocardial infarction", "-k", "3", "-f", "json", index=small_index
    )
    payload = json.loads(out)
    assert code == 0 and len(payload["hits"]) == 3
    assert payload["hits"][0]["document"]["id"].startswith("pmid:")


def test_search_with_only_question_words_prints_no_results(small_index: Path) -> None:
    code, out, _err = _run("search", "what is it?", index=small_index)
    assert code == 0 and "no documents match" in out


def test_empty_question_exits_2(small_index: Path) -> None:
    code, _out, err = _run("search", "  ", index=small_index)
    assert code == 2 and "empty" in err


def test_missing_index_exits_3_and_says_what_to_do(tmp_path: Path) -> None:
    code, _out, err = _run("search", "asthma", index=tmp_path / "none")
    assert code == 3 and "medcite ingest" in err


def test_index_info_json(small_index: Path) -> None:
    code, out, _err = _run("index", "info", "-f", "json", index=small_index)
    stats = json.loads(out)
    assert code == 0 and stats["by_source"] == {"pubmed": stats["documents"]}


def test_index_info_of_an_older_index_version_exits_3(tmp_path: Path, small_index: Path) -> None:
    old = tmp_path / "old"
    old.mkdir()
    (old / "medcite-index.json").write_text('{"schema_version": 0}')
    code, _out, err = _run("index", "info", index=old)
    assert code == 3 and "re-ingest" in err


def test_console_script_runs_as_a_module(small_index: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "medcite",
            "search",
            "asthma",
            "--index",
            str(small_index),
            "-k",
            "2",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_ask_formats_and_explain(tmp_path: Path) -> None:
    index = tmp_path / "idx"
    pages = shared_or_mini(MEDQUAD_TAR, MINI_MEDQUAD_TAR)
    assert _run("ingest", str(pages), index=index)[0] == 0
    code, out, err = _run(
        "ask", "What causes facial twitches?", "-f", "markdown", "--explain", index=index
    )
    assert code == 0 and "## From the Guidelines" in out and "## References" in out
    assert "expansions:" in err and "hemifacial spasm" in err
    code, out, _err = _run("ask", "What causes facial twitches?", "-f", "json", index=index)
    assert code == 0 and json.loads(out)["references"]
    code, _out, err = _run("ask", "", index=index)
    assert code == 2 and "empty" in err


def test_schema_answer_is_json_schema() -> None:
    result = runner.invoke(app, ["schema", "answer"])
    schema = json.loads(result.stdout)
    assert result.exit_code == 0 and schema["title"] == "Answer"
    assert {"references", "research_sections", "guideline_sections"} <= set(schema["properties"])


def test_vocab_load_reports_counts(small_index: Path, tmp_path: Path) -> None:
    alone = tmp_path / "terms_alone.tsv.gz"  # no trees file beside it
    alone.write_bytes(TERMS.read_bytes())
    code, _out, err = _run("vocab", "load", str(alone), index=small_index)
    assert code == 0 and "MeSH terms" in err
    assert "without tree numbers" in err  # the scope check and the gate need the tree numbers
    code, _out, err = _run("index", "info", index=small_index)
    assert code == 0 and "no MeSH tree numbers" in err


def test_vocab_load_finds_the_trees_beside_the_terms(small_index: Path) -> None:
    trees = TERMS.with_name(TERMS.name.replace("terms", "trees"))
    code, _out, err = _run("vocab", "load", str(TERMS), index=small_index)
    assert code == 0 and f"tree numbers: {trees}" in err.replace("\n", "")
    assert "warning" not in err
    code, _out, err = _run("index", "info", index=small_index)
    assert code == 0 and "warning" not in err


# --- serve (private by default) and audit prune ------------------------------------------------


def test_serve_refuses_a_public_address_without_expose(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--index", str(tmp_path)])
    assert result.exit_code == 2
    assert "--expose" in result.stderr
    assert "stored answers" in result.stderr


@pytest.mark.parametrize("token", ["", "s3cret-token-value"])
def test_serve_with_expose_says_what_is_exposed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, token: str
) -> None:
    import medcite.server.app as server_app

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(server_app, "serve", lambda *a, **kw: calls.append({"args": a, **kw}))
    monkeypatch.setenv("MEDCITE_API_TOKEN", token)
    args = ["serve", "--host", "0.0.0.0", "--expose", "--allowed-host", "med.example"]
    result = runner.invoke(app, [*args, "--allowed-host", "m2.example", "--index", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    line = result.stderr.strip()
    assert "\n" not in line
    assert "the API (/v1/), the web page and stored answers" in line
    assert ("NOT protected" in line) == (not token)
    assert token not in line or not token
    settings = calls[0]["settings"]
    assert settings.allowed_hosts == ("med.example", "m2.example")  # type: ignore[attr-defined]
    assert settings.allow_live is False  # type: ignore[attr-defined]
    assert calls[0]["expose"] is True


def test_serve_on_loopback_prints_nothing_and_passes_allow_live(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import medcite.server.app as server_app

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(server_app, "serve", lambda *a, **kw: calls.append(kw))
    result = runner.invoke(app, ["serve", "--allow-live", "--index", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert calls[0]["settings"].allow_live is True  # type: ignore[attr-defined]


def _old_answers(path: Path, days_ago: list[int]) -> None:
    from datetime import UTC, datetime, timedelta

    from medcite.audit import AuditLog

    now = datetime.now(UTC)
    for n, days in enumerate(days_ago):
        log = AuditLog(path, now=lambda d=days: now - timedelta(days=d))  # type: ignore[misc]
        log.record(json.dumps({"id": f"{n:032x}"}), f"question {n}", {}, [], [])


def test_audit_prune_older_than(tmp_path: Path) -> None:
    audit = tmp_path / "audit.sqlite3"
    _old_answers(audit, [400, 40, 10, 1])
    result = runner.invoke(app, ["audit", "prune", "--older-than", "30", "--audit-log", str(audit)])
    assert result.exit_code == 0, result.stderr
    assert "removed 2 answers" in result.stdout
    assert "(2 kept)" in result.stdout


def test_audit_prune_uses_the_retention_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "index"
    index.mkdir()
    _old_answers(index / "audit.sqlite3", [400, 100, 10, 5, 1])  # the index's own audit log
    monkeypatch.setenv("MEDCITE_AUDIT_RETENTION__MAX_ENTRIES", "2")
    result = runner.invoke(app, ["audit", "prune", "--index", str(index)])
    assert result.exit_code == 0, result.stderr
    assert "removed 3 answers" in result.stdout  # 2 past 90 days, then 1 beyond the newest 2


def test_audit_prune_without_a_log_changes_nothing(tmp_path: Path) -> None:
    result = runner.invoke(app, ["audit", "prune", "--audit-log", str(tmp_path / "none.sqlite")])
    assert result.exit_code == 0
    assert "nothing to prune" in result.stderr
    assert not (tmp_path / "none.sqlite").exists()
