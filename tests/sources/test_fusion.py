"""Fusing ranked lists: reciprocal rank fusion (``fuse``) and score-aware fusion
(``fuse_scores``), on handmade lists."""

from __future__ import annotations

import pytest

from medcite.sources.base import fuse, fuse_scores, top

# one search singles out "own" (its words match one abstract far better than any other); a
# second search's best hits are near ties, "own" just behind them
DECISIVE = [("own", 30.0), ("near", 10.0), ("other", 9.0), ("far", 2.0)]
FLAT = [("near", 12.0), ("other", 11.8), ("own", 11.5), ("far", 5.0)]


def first(scores: dict[str, float]) -> str:
    return top(scores, 1)[0][0]


def test_a_decisive_lead_survives_score_fusion_but_not_rank_fusion() -> None:
    assert first(fuse_scores([DECISIVE, FLAT])) == "own"
    assert first(fuse([[d for d, _ in DECISIVE], [d for d, _ in FLAT]])) == "near"


def test_weights_scale_each_list() -> None:
    assert first(fuse_scores([DECISIVE, FLAT], [0.05, 1.0])) == "near"
    scores = fuse_scores([DECISIVE, FLAT], [1.0, 0.0])
    assert scores["own"] == pytest.approx(1.0) and scores["far"] == pytest.approx(0.0)


def test_scores_are_min_max_shares_summed_over_lists() -> None:
    scores = fuse_scores([DECISIVE, FLAT])
    assert scores["near"] == pytest.approx((10 - 2) / 28 + 1.0)
    assert scores["far"] == pytest.approx(0.0)


def test_a_repeated_id_keeps_its_first_score_and_odd_lists_are_handled() -> None:
    assert fuse_scores([[("a", 5.0), ("b", 3.0), ("a", 1.0)]]) == {"a": 1.0, "b": 0.0}
    assert fuse_scores([[("only", 4.0)], []]) == {"only": 1.0}  # one hit counts 1, empty skipped
    assert fuse_scores([[("a", 2.0), ("b", 2.0)]]) == {"a": 1.0, "b": 1.0}  # all tied
    assert fuse_scores([]) == {}
