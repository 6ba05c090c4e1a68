"""Citation integrity over 300 real questions (LiveQA, MedicationQA, PubMedRS-200).

For every answer: every citation number resolves to a reference, every reference to a document
retrieved for that answer, every cited sentence occurs in the cited document, every bullet is one
of its cited sentences (medcite.answer.verify). Target: 100%.

    python benchmarks/citations.py --index DIR
"""

from __future__ import annotations

import argparse
from pathlib import Path

from common import answer_questions, print_table, write_json
from medcite import Engine
from medcite.answer import verify


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    args = parser.parse_args()
    engine = Engine(args.index)
    questions = answer_questions()
    answered = bullets = citations = 0
    failures: list[dict[str, object]] = []
    for question in questions:
        answer = engine.ask(question)
        hits, _searched, _note = engine.retrieve(answer.query)
        found = verify.problems(answer, {h.document.id: h.document for h in hits})
        answered += not answer.abstained
        all_bullets = list(verify.all_bullets(answer))
        bullets += len(all_bullets)
        citations += sum(len(b.citations) for b in all_bullets)
        if found:
            failures.append({"question": question, "problems": found})
    integrity = 1 - len(failures) / len(questions)
    row = {
        "questions": len(questions),
        "answered": answered,
        "bullets": bullets,
        "citations": citations,
        "answers_with_problems": len(failures),
        "citation_integrity": round(100 * integrity, 2),
    }
    print_table("Citation integrity (target 100%)", [row])
    write_json("citations", {"target_pct": 100, **row, "failures": failures})
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
