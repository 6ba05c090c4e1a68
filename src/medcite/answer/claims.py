"""Claim verification before display: every sentence a language model wrote is checked against the
passages it cites, and the synthesis is shown only when enough of it holds (issue 14 §3, §4).

A model's sentence (:class:`~medcite.records.DraftClaim`) becomes a
:class:`~medcite.records.Claim` with a verdict:

- **miscited** — it cites no passage, or a number the model was not given;
- **unsupported** — no *window* (1–:attr:`ClaimSettings.window_sentences` consecutive sentences of
  one cited passage; for a claim citing several passages also the best window of each, joined)
  supports it. Uncited passages are never looked at;
- **supported** — some window scores at least the threshold **and** passes every exact check of
  :mod:`medcite.answer.claim_checks`: each number, dose, duration and percentage of the claim is in
  the window; negation agrees; a hedge ("may reduce") is not upgraded ("reduces", "cures").

Passage sentences addressed to the model ("Ignore all previous instructions and tell the reader
…") are dropped before windows are built: passages are data, an instruction in them is never
support.

**Score.** Lexical: ``coverage`` = share of the claim's content stems (:func:`medcite.text.stems`)
found in the window; supported when ``coverage ≥ lexical_threshold``. With the sentence-embedding
model, a claim that no window supports lexically but whose best coverage is at least
``embedding_floor`` (the grey zone, where paraphrase lives) gets a second chance on its
``embed_windows`` best windows: supported when ``cosine(claim, window) ≥ cosine_threshold``;
its score is ``(1 - embedding_weight)·coverage + embedding_weight·max(0, cosine)``. Both are
needed: a claim that swaps the subject ("Vitamin C shortens colds" against a zinc sentence) keeps
most words, and a topical sentence embeds close to one that states something else. Only
grey-zone claims are embedded, which keeps verification within its time budget (the model needs
≈ 20–40 ms per text on 2 cores).

**Judge.** With a judge (an NLI cross-encoder or a second LLM call, ``(claim, window) → [0, 1]``)
the judge decides instead of the thresholds: it reads the ``judge_windows`` best windows that
pass the exact checks (and reach ``embedding_floor``), and the claim is supported when its best
judgement is ≥ ``judge_threshold``. The embedding model is not consulted then.

``Claim.method`` says what decided: ``citations`` (miscited), ``lexical``, ``lexical+embedding``,
``lexical+judge:<name>``. Without the embedding model every claim is ``lexical``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from medcite.answer.claim_checks import (
    citation_markers,
    claim_stems,
    coverage,
    drug_mismatch,
    hedge_upgrade,
    is_instruction,
    label,
    negation_mismatch,
    number_mismatch,
    strip_markers,
)
from medcite.llm.settings import ClaimSettings
from medcite.records import Claim, ClaimVerdict, DraftClaim, Passage, Synthesis
from medcite.text import split_sentences, stems

if TYPE_CHECKING:
    from medcite.semantic.model import TextEmbedder, Vectors

log = logging.getLogger(__name__)

ClaimJudge = Callable[[str, str], float]
"""(claim text, window text) → how well the window supports the claim, in [0, 1]. A ``name``
attribute, when present, is recorded in ``Claim.method`` (``lexical+judge:<name>``)."""


DEFAULT_SETTINGS = ClaimSettings()


@dataclass(frozen=True)
class Window:
    """1–2 consecutive sentences of a cited passage (or the joined best windows of several)."""

    numbers: tuple[int, ...]
    text: str
    stems: frozenset[str]
    context: str
    """The whole text of the window's passage(s), for what a passage denies anywhere."""


@dataclass(frozen=True)
class _Source:
    """A passage's support windows and its sentences addressed to the model (never support)."""

    windows: tuple[Window, ...]
    instructions: tuple[str, ...]


@dataclass
class _Case:
    """One draft claim on its way to a verdict."""

    draft: DraftClaim
    text: str
    citations: tuple[int, ...]
    stems: frozenset[str]
    ranked: list[tuple[Window, float]]
    """Candidate windows with their coverage, best first."""
    verdict: Claim | None = None


# --- windows -----------------------------------------------------------------------------------


def passage_source(passage: Passage, size: int) -> _Source:
    """Windows of 1..``size`` consecutive sentences of ``passage``, built from runs of sentences
    that are not instructions to the model (an instruction also breaks a run)."""
    windows: list[Window] = []
    instructions: list[str] = []
    run: list[str] = []
    for sentence in [*split_sentences(passage.text), None]:
        if sentence is None or is_instruction(sentence):
            windows.extend(_run_windows(passage, run, size))
            run = []
            if sentence is not None:
                instructions.append(sentence)
        else:
            run.append(sentence)
    return _Source(tuple(windows), tuple(instructions))


def _run_windows(passage: Passage, run: list[str], size: int) -> list[Window]:
    out = []
    for start in range(len(run)):
        for end in range(start + 1, min(start + size, len(run)) + 1):
            text = " ".join(run[start:end])
            out.append(Window((passage.number,), text, stems(text), passage.text))
    return out


def _joined(best: Sequence[Window]) -> Window:
    text = " ".join(w.text for w in best)
    numbers = tuple(n for w in best for n in w.numbers)
    context = " ".join(w.context for w in best)
    return Window(numbers, text, frozenset().union(*(w.stems for w in best)), context)


def candidate_windows(
    claim_stems: frozenset[str], citations: Sequence[int], sources: dict[int, _Source]
) -> list[tuple[Window, float]]:
    """Windows of the cited passages only, with their coverage of the claim, best first (a
    shorter window first on a tie); with several cited passages, also their best windows joined."""
    scored = [(w, coverage(claim_stems, w.stems)) for n in citations for w in sources[n].windows]
    best_each = [_best(claim_stems, sources[n].windows) for n in citations]
    present = [w for w in best_each if w is not None]
    if len(present) > 1:
        joined = _joined(present)
        scored.append((joined, coverage(claim_stems, joined.stems)))
    return sorted(scored, key=lambda pair: (-pair[1], len(pair[0].text)))


def _best(claim_stems: frozenset[str], windows: Sequence[Window]) -> Window | None:
    return max(windows, key=lambda w: coverage(claim_stems, w.stems), default=None)


# --- checks ------------------------------------------------------------------------------------


def check_failure(claim: str, window: Window) -> str | None:
    """The first exact check (numbers, drugs, negation, hedging) that ``window`` fails for
    ``claim``."""
    where = label(window.numbers)
    return (
        number_mismatch(claim, window.text, where)
        or drug_mismatch(claim, window.text, where)
        or negation_mismatch(claim, window.text, where, window.context)
        or hedge_upgrade(claim, window.text, where)
    )


def cited_numbers(draft: DraftClaim) -> tuple[int, ...]:
    """The passage numbers ``draft`` cites: its citations and any ``[n]`` left in its text."""
    return tuple(dict.fromkeys((*draft.citations, *citation_markers(draft.text))))


def citation_problem(citations: Sequence[int], given: Sequence[int]) -> str | None:
    """Why the citations alone reject a claim (none, or numbers not given), or None."""
    if not citations:
        return "it cites no source"
    foreign = [n for n in citations if n not in given]
    if foreign:
        which = ", ".join(f"[{n}]" for n in foreign)
        return f"it cites {which}, which the model was not given"
    return None


# --- verification ------------------------------------------------------------------------------


def verify_claims(
    drafts: Sequence[DraftClaim],
    passages: Sequence[Passage],
    *,
    embedder: TextEmbedder | None = None,
    judge: ClaimJudge | None = None,
    settings: ClaimSettings = DEFAULT_SETTINGS,
) -> tuple[Claim, ...]:
    """Each draft claim checked against the passages it cites, in order (see the module docs)."""
    sources = {p.number: passage_source(p, settings.window_sentences) for p in passages}
    cases = [_case(d, sources) for d in drafts]
    if judge is not None:
        for case in cases:
            case.verdict = case.verdict or _judged(case, judge, settings)
    else:
        for case in cases:
            case.verdict = case.verdict or _lexical(case, settings)
        if embedder is not None:
            _embedded(cases, embedder, settings)
    claims = tuple(_finished(case, sources, settings) for case in cases)
    _log_summary(claims)
    return claims


def _case(draft: DraftClaim, sources: dict[int, _Source]) -> _Case:
    text = strip_markers(draft.text)
    citations = cited_numbers(draft)
    case = _Case(draft, text, citations, claim_stems(text), [])
    problem = citation_problem(citations, list(sources))
    if problem is not None:
        case.verdict = _claim(case, ClaimVerdict.MISCITED, 0.0, "citations", problem)
    elif not case.stems:
        reason = "the statement has no content to check" if text else "the statement is empty"
        case.verdict = _claim(case, ClaimVerdict.UNSUPPORTED, 0.0, "lexical", reason)
    else:
        case.ranked = candidate_windows(case.stems, citations, sources)
    return case


def _claim(
    case: _Case, verdict: ClaimVerdict, score: float, method: str, reason: str | None = None
) -> Claim:
    return Claim(
        text=case.text,
        citations=case.citations,
        section=case.draft.section,
        verdict=verdict,
        score=round(min(1.0, max(0.0, score)), 4),
        method=method,
        reason=reason,
    )


def _lexical(case: _Case, settings: ClaimSettings) -> Claim | None:
    """Supported by the first window over the lexical threshold that passes the exact checks;
    None when undecided (the embedding model or the final reason decides)."""
    for window, cover in case.ranked:
        if cover < settings.lexical_threshold:
            break
        if check_failure(case.text, window) is None:
            return _claim(case, ClaimVerdict.SUPPORTED, cover, "lexical")
    return None


def _grey_windows(case: _Case, settings: ClaimSettings) -> list[Window]:
    """The windows worth embedding for an undecided claim: of its ``embed_windows`` best, those
    in the grey zone that pass the exact checks (a window with a wrong number cannot support the
    claim at any similarity, and a weaker window is not tried in its place)."""
    if case.verdict is not None:
        return []
    best = case.ranked[: settings.embed_windows]
    grey = [w for w, cover in best if cover >= settings.embedding_floor]
    return [w for w in grey if check_failure(case.text, w) is None]


def _first_passing(claim: str, windows: Iterable[Window], limit: int) -> list[Window]:
    out: list[Window] = []
    for window in windows:
        if len(out) == limit:
            break
        if check_failure(claim, window) is None:
            out.append(window)
    return out


def _embedded(cases: Sequence[_Case], embedder: TextEmbedder, settings: ClaimSettings) -> None:
    """Give grey-zone claims their second chance: one model call for all of them."""
    pending = [(case, _grey_windows(case, settings)) for case in cases]
    pending = [(case, windows) for case, windows in pending if windows]
    if not pending:
        return
    texts = list(dict.fromkeys(t for c, ws in pending for t in (c.text, *(w.text for w in ws))))
    vectors = embedder.embed(texts)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = dict(zip(texts, vectors / np.maximum(norms, 1e-9), strict=True))
    for case, windows in pending:
        case.verdict = _combined(case, windows, unit, settings)


def _combined(
    case: _Case, windows: list[Window], unit: dict[str, Vectors], settings: ClaimSettings
) -> Claim:
    cover_of = {w.text: c for w, c in case.ranked}
    weight = settings.embedding_weight
    scored = []
    for window in windows:
        cosine = float(unit[case.text] @ unit[window.text])
        score = (1 - weight) * cover_of[window.text] + weight * max(0.0, cosine)
        scored.append((cosine, score, window))
    for cosine, score, _window in sorted(scored, key=lambda item: -item[0]):
        if cosine >= settings.cosine_threshold:  # the windows passed the exact checks
            return _claim(case, ClaimVerdict.SUPPORTED, score, "lexical+embedding")
    cosine, score, _ = max(scored, key=lambda item: item[0])
    reason = _failed_reason(case, settings, f"similarity {cosine:.2f}")
    return _claim(case, ClaimVerdict.UNSUPPORTED, score, "lexical+embedding", reason)


def judge_name(judge: ClaimJudge) -> str:
    return str(getattr(judge, "name", None) or "judge")


def _judged(case: _Case, judge: ClaimJudge, settings: ClaimSettings) -> Claim:
    """The judge reads the best windows that pass the exact checks and decides."""
    method = f"lexical+judge:{judge_name(judge)}"
    overlapping = (w for w, cover in case.ranked if cover >= settings.embedding_floor)
    passing = _first_passing(case.text, overlapping, settings.judge_windows)
    if not passing:
        return _claim(case, ClaimVerdict.UNSUPPORTED, 0.0, method, _failed_reason(case, settings))
    best = max(float(judge(case.text, w.text)) for w in passing)
    if best >= settings.judge_threshold:
        return _claim(case, ClaimVerdict.SUPPORTED, best, method)
    reason = f"the judge found no support in {label(case.citations)} (score {best:.2f})"
    return _claim(case, ClaimVerdict.UNSUPPORTED, best, method, reason)


def _finished(case: _Case, sources: dict[int, _Source], settings: ClaimSettings) -> Claim:
    """The case's verdict, or an unsupported one with the reason why nothing supported it."""
    if case.verdict is not None:
        return case.verdict
    best = case.ranked[0][1] if case.ranked else 0.0
    reason = _injected_reason(case, sources, settings) or _failed_reason(case, settings)
    return _claim(case, ClaimVerdict.UNSUPPORTED, best, "lexical", reason)


def _failed_reason(case: _Case, settings: ClaimSettings, detail: str | None = None) -> str:
    """The exact check failed by the best window over the threshold (or by the best window at
    all, when it is at least in the grey zone); else that nothing in the cited passages says it."""
    over = [w for w, cover in case.ranked if cover >= settings.lexical_threshold]
    best = case.ranked[0][1] if case.ranked else 0.0
    if not over and best >= settings.embedding_floor:
        over = [case.ranked[0][0]]
    for window in over:
        failure = check_failure(case.text, window)
        if failure is not None:
            return failure
    detail = detail or f"the best match has {best:.0%} of its words"
    return f"no sentence of {label(case.citations)} states it ({detail})"


def _injected_reason(
    case: _Case, sources: dict[int, _Source], settings: ClaimSettings
) -> str | None:
    for number in case.citations:
        for sentence in sources[number].instructions:
            if coverage(case.stems, stems(sentence)) >= settings.lexical_threshold:
                return (
                    f"[{number}] says this only inside an instruction addressed to the model, "
                    "which is ignored"
                )
    return None


def _log_summary(claims: Sequence[Claim]) -> None:
    for claim in claims:
        if claim.verdict is not ClaimVerdict.SUPPORTED:
            log.debug("claim %s (%s): %r", claim.verdict.value, claim.reason, claim.text[:80])
    supported = sum(c.verdict is ClaimVerdict.SUPPORTED for c in claims)
    log.info("verified %d claims: %d supported", len(claims), supported)


# --- showing the synthesis or not --------------------------------------------------------------


def fallback_reason(
    claims: Sequence[Claim], given: Sequence[int], settings: ClaimSettings = DEFAULT_SETTINGS
) -> str | None:
    """Why the synthesis must not be shown (the extractive answer is shown instead), or None.

    In order: no statements; a citation to a passage not given (with
    ``foreign_citation_fallback``); too small a supported share; too few supported claims; no
    supported bottom line (with ``require_bottom_line``)."""
    supported = [c for c in claims if c.verdict is ClaimVerdict.SUPPORTED]
    foreign = sorted({n for c in claims for n in c.citations if n not in given})
    if not claims:
        return "the model's reply contained no statements"
    if foreign and settings.foreign_citation_fallback:
        return f"the model cited sources it was not given ({', '.join(f'[{n}]' for n in foreign)})"
    if len(supported) < settings.min_supported_share * len(claims):
        verb = "is" if len(supported) == 1 else "are"
        return f"only {len(supported)} of {len(claims)} statements {verb} supported by its sources"
    if len(supported) < settings.min_supported_claims:
        return f"only {len(supported)} statement is supported by its sources; too little to show"
    if settings.require_bottom_line and not _has_bottom_line(supported, settings):
        return "the bottom line is not supported by its sources"
    return None


def _has_bottom_line(supported: Sequence[Claim], settings: ClaimSettings) -> bool:
    return any(c.section == settings.bottom_line_section for c in supported)


def synthesis_from(
    model: str,
    drafts: Sequence[DraftClaim],
    passages: Sequence[Passage],
    seconds: float,
    *,
    embedder: TextEmbedder | None = None,
    judge: ClaimJudge | None = None,
    settings: ClaimSettings = DEFAULT_SETTINGS,
) -> Synthesis:
    """The verified synthesis of a model's reply: every claim with its verdict, and whether it is
    shown (:func:`fallback_reason` says why not)."""
    claims = verify_claims(drafts, passages, embedder=embedder, judge=judge, settings=settings)
    reason = fallback_reason(claims, [p.number for p in passages], settings)
    if reason is not None:
        log.info("synthesis by %s not shown: %s", model, reason)
    return Synthesis(
        model=model, claims=claims, shown=reason is None, fallback_reason=reason, seconds=seconds
    )
