"""Drug questions with and without FDA label text (issue 15 target, measured on a real-text proxy).

The issue's target asks for MedicationQA's test-split drug questions answered over "a fixture of
labels for the drugs named" there. No openFDA label is reachable from the machines medcite is
built on (api.fda.gov and download.open.fda.gov are not), nothing of openFDA is recorded in
../shared, and writing labels for 274 drugs by hand would be inventing drug information. What
*is* recorded is real label text: MedicationQA's answers were copied from DailyMed labels, each
with its set id and section title. This script builds openFDA-shaped labels from the **dev**
split's DailyMed answers only (never a test answer), ingests them into a copy of the sample
index, and answers the **test** questions about those drugs twice — without and with the labels:

- on-topic bullets / off-topic answers / abstained (the independent judge of on_topic.py);
- for dose and interaction questions whose drug has that label section in the fixture: share
  whose bottom line cites it;
- the paired difference of per-question on-topic share (labels − none), 95% bootstrap interval.

The fixture covers only the sections dev questions happened to quote, so it is thinner than a
real label; the figures say what label text does to drug questions, not the full target.

    python benchmarks/labels_medicationqa.py --index data/index
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from common import CORPORA, print_table, write_json
from medcite import Engine
from medcite.config import SemanticSettings, Settings
from medcite.eval import datasets as ds
from medcite.eval import metrics as m
from medcite.eval.runner import MESH_TERMS, MESH_TREES
from medcite.eval.splits import split_of
from medcite.eval.topics import TopicJudge
from medcite.query.drugs import generic_names
from medcite.records import Answer, QuestionType

FIELDS = {
    "DOSAGE AND ADMINISTRATION": "dosage_and_administration",
    "INDICATIONS AND USAGE": "indications_and_usage",
    "WARNINGS": "warnings",
    "WARNINGS AND PRECAUTIONS": "warnings_and_cautions",
    "PRECAUTIONS": "precautions",
    "CONTRAINDICATIONS": "contraindications",
    "DRUG INTERACTIONS": "drug_interactions",
    "ADVERSE REACTIONS": "adverse_reactions",
    "BOXED WARNING": "boxed_warning",
}
"""DailyMed section titles (as MedicationQA records them) → openFDA label fields medcite reads."""
WANTED_FIELD = {QuestionType.DOSE: "dosage_and_administration"}
INTERACTION_FIELD = "drug_interactions"


def _field(title: str) -> str | None:
    head = title.split(">", maxsplit=1)[0].strip().upper().replace("&", "AND")
    return FIELDS.get(" ".join(head.split()))


def _generic(focus: str) -> tuple[str, str | None]:
    """(generic name, brand or None) of a MedicationQA focus, through the drug table."""
    names = generic_names(focus)
    if len(names) != 1:
        return focus.lower(), None
    return names[0].generic, (focus if names[0].brand else None)


def build_labels(items: list[ds.EvalItem]) -> dict[str, Any]:
    """openFDA-shaped labels from the dev split's DailyMed answers, one per set id."""
    labels: dict[str, dict[str, Any]] = {}
    for item in items:
        url = item.meta.get("url", "")
        field = _field(item.meta.get("section", ""))
        set_id = parse_qs(urlparse(url).query).get("setid", [""])[0]
        if "dailymed" not in url or not field or not set_id or not item.focus:
            continue
        generic, brand = _generic(item.focus)
        label = labels.setdefault(
            set_id,
            {
                "id": set_id,
                "set_id": set_id,
                "openfda": {"generic_name": [generic.upper()], "brand_name": []},
            },
        )
        if brand and brand.upper() not in label["openfda"]["brand_name"]:
            label["openfda"]["brand_name"].append(brand.upper())
        label.setdefault(field, []).append(item.references[0])
    results = list(labels.values())
    meta = {"disclaimer": "built from MedicationQA dev answers (DailyMed text)", "results": {}}
    return {"meta": meta, "results": results}


def _labelled(item: ds.EvalItem, fields: dict[str, set[str]]) -> bool:
    return _generic(item.focus or "")[0] in fields


def _fields_by_drug(labels: dict[str, Any]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for label in labels["results"]:
        for name in label["openfda"]["generic_name"]:
            found[name.lower()].update(k for k in label if k in FIELDS.values())
    return found


def _bottom_ids(answer: Answer) -> set[str]:
    bullets = answer.bottom_line.bullets if answer.bottom_line else ()
    return {c.document_id for b in bullets for c in b.citations}


def _wanted_field(item: ds.EvalItem, answer: Answer) -> str | None:
    if answer.query.question_type is QuestionType.INTERACTION or item.qtype == "Interaction":
        return INTERACTION_FIELD
    return WANTED_FIELD.get(answer.query.question_type)


def score(engine: Engine, judge: TopicJudge, items: list[ds.EvalItem], fields: dict[str, set[str]]):
    rows: list[dict[str, Any]] = []
    for item in items:
        answer = engine.ask(item.question)
        generic, _brand = _generic(item.focus or "")
        row: dict[str, Any] = {"qid": item.qid, "abstained": answer.abstained, "share": 0.0}
        if not answer.abstained:
            topic = m.topic_scores(answer, item.focus or "", engine.get, judge.about)
            row.update(bullets=topic.bullets, on=topic.on_topic)
            row["share"] = topic.on_topic / topic.bullets if topic.bullets else 0.0
        wanted = _wanted_field(item, answer)
        if wanted and wanted in fields.get(generic, set()):
            row["section_question"] = wanted
            row["bottom_from_section"] = any(d.endswith(f"#{wanted}") for d in _bottom_ids(answer))
        rows.append(row)
    return rows


def summary(name: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    answered = [r for r in rows if not r["abstained"]]
    bullets = sum(r.get("bullets", 0) for r in answered)
    sectioned = [r for r in rows if "section_question" in r]
    return {
        "index": name,
        "questions": len(rows),
        "answered": len(answered),
        "on_topic_bullets": round(sum(r.get("on", 0) for r in answered) / bullets, 3)
        if bullets
        else None,
        "off_topic_answers": round(sum(r.get("on", 0) == 0 for r in answered) / len(answered), 3)
        if answered
        else None,
        "abstained": round(1 - len(answered) / len(rows), 3) if rows else None,
        "dose/interaction q. with the section": len(sectioned),
        "bottom line from that section": sum(r["bottom_from_section"] for r in sectioned),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, default=Path("data/index"))
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    items = [i for i in ds.medicationqa(CORPORA / ds.MEDICATIONQA) if i.focus]
    dev = [i for i in items if split_of(i.dataset, i.qid) == "dev"]
    labels = build_labels(dev)
    fields = _fields_by_drug(labels)
    test = [
        i
        for i in items
        if split_of(i.dataset, i.qid) == "test" and _generic(i.focus or "")[0] in fields
    ]
    settings = Settings(semantic=SemanticSettings(enabled=False), audit=False)
    judge = TopicJudge.from_files(CORPORA / MESH_TERMS, CORPORA / MESH_TREES)
    with tempfile.TemporaryDirectory(prefix="medcite-labels-") as tmp:
        copy = Path(tmp) / "index"
        shutil.copytree(args.index, copy)
        fixture = Path(tmp) / "drug-label-medicationqa-dev.json"
        fixture.write_text(json.dumps(labels), encoding="utf-8")
        without = score(Engine(args.index, settings), judge, test, fields)
        labelled_engine = Engine(copy, settings)
        report = labelled_engine.ingest([fixture])
        with_labels = score(labelled_engine, judge, test, fields)
    diff = m.paired_bootstrap([r["share"] for r in with_labels], [r["share"] for r in without])
    table = [summary("sample index", without), summary("+ dev-answer labels", with_labels)]
    print(
        f"labels: {len(labels['results'])} set ids, {len(fields)} drugs, "
        f"{report.added} section documents; test questions about those drugs: {len(test)}"
    )
    print_table("MedicationQA test-split questions about the fixture's drugs (BM25 only)", table)
    print(
        f"per-question on-topic share, labels − none: {diff.mean_diff:+.3f} "
        f"[{diff.lo95:+.3f}, {diff.hi95:+.3f}], p = {diff.p_value:.3f}"
    )
    write_json(
        "labels_medicationqa",
        {"rows": table, "paired_on_topic_share": list(diff), "labels": len(labels["results"])},
    )


if __name__ == "__main__":
    main()
