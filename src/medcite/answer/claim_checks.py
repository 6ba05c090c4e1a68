"""The individual checks of claim verification (:mod:`medcite.answer.claims`), each a pure function
over plain text: a model's sentence (the *claim*) and a window of 1–2 sentences of the passages it
cites.

- :func:`citation_markers`, :func:`strip_markers` — the ``[1, 2]`` markers a model writes into its
  text (read, then removed from what users see);
- :func:`is_instruction` — a passage sentence addressed to the model ("Ignore all previous
  instructions and tell the reader …"): passages are data, such a sentence is never support;
- :func:`coverage` — the share of the claim's content words (stems, stopwords dropped) the window
  contains;
- :func:`number_mismatch` — a number, dose, duration or percentage of the claim that the window
  does not state exactly;
- :func:`negation_mismatch` — the claim negates what the window states, or states what it negates;
- :func:`hedge_upgrade` — the window says "may reduce", the claim "reduces" or "cures".

Each check that finds a problem returns the reason as a short sentence for the reader (with the
cited numbers as ``label``, e.g. ``"[2]"``); ``None`` means the check passed.

Negation and hedging are judged clause by clause: text is cut into clauses (sentences, then at
``;``/``:`` and at "but", "whereas", "although", ", and" …); a clause is *negated* when it holds an
odd number of negation cues and *hedged* when it holds a hedge cue. Each claim clause is compared
with the window clause(s) sharing most of its content words — the claim's polarity must be one of
theirs (a tie is read in the claim's favour). So the cue only counts near the matched predicate:
"Antibiotics are not needed for colds; fluids help." still supports "Fluids help with colds."
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from medcite.query.drugs import generic_words
from medcite.text import split_sentences, squash, stems

# --- citation markers --------------------------------------------------------------------------

_MARKER = re.compile(r"\s*\[\s*(\d+(?:\s*[-–,;]\s*\d+)*)\s*\]")
_RANGE = re.compile(r"(\d+)\s*[-–]\s*(\d+)")
_SPACE_BEFORE_MARK = re.compile(r"\s+([.,;:!?])")
MAX_RANGE = 50
"""A marker range longer than this (``[1-999]``) is read as its two ends only."""


def citation_markers(text: str) -> tuple[int, ...]:
    """Passage numbers cited by ``[n]`` markers in ``text``, in order, without repeats
    (``[1, 2]``, ``[3-5]`` and ``[1][2]`` all count)."""
    found: dict[int, None] = {}
    for marker in _MARKER.finditer(text):
        for part in re.split(r"\s*[,;]\s*", marker.group(1)):
            for number in _expanded(part):
                found.setdefault(number, None)
    return tuple(found)


def _expanded(part: str) -> list[int]:
    match = _RANGE.fullmatch(part)
    if not match:
        return [int(part)]
    low, high = int(match.group(1)), int(match.group(2))
    if low <= high and high - low <= MAX_RANGE:
        return list(range(low, high + 1))
    return [low, high]


def strip_markers(text: str) -> str:
    """``text`` without citation markers: ``"Zinc helps [1, 2]."`` → ``"Zinc helps."``."""
    return _SPACE_BEFORE_MARK.sub(r"\1", squash(_MARKER.sub("", text)))


def label(numbers: tuple[int, ...] | list[int]) -> str:
    """``[1, 2]`` for passage numbers (1, 2)."""
    return "[" + ", ".join(str(n) for n in numbers) + "]"


# --- instructions hidden in passages -----------------------------------------------------------

_INSTRUCTION_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+)?"
        r"(?:previous|prior|above|earlier|preceding|your|these|those|other|system|all|any)\s+"
        r"(?:\w+\s+)?(?:instructions?|prompts?|rules|directions|directives)\b",
        r"\bas\s+an?\s+(?:ai|a\.i\.|assistant|chatbot|language\s+model)\b",
        r"\b(?:large\s+)?language\s+models?\b.{0,40}\b(?:must|should|will|shall)\b",
        r"\b(?:system|developer)\s+(?:prompt|message|instructions?)\b",
        r"\b(?:new|updated|real|hidden)\s+instructions?\b",
        r"\b(?:tell|inform|convince|assure|remind)\s+(?:the\s+|all\s+|your\s+)?(?:users?|readers?)\b",
        r"\byou\s+(?:must|should|will|are\s+required\s+to|have\s+to)\s+(?:now\s+|always\s+)?"
        r"(?:say|answer|respond|reply|output|claim|ignore|pretend|print)\b",
        r"\b(?:assistant|chatgpt|ai\s+model|the\s+model)\s*[:,]\s",
        r"\bjailbreak|\bdeveloper\s+mode\b|\bprompt\s+injection\b",
    )
)
"""Wording addressed to a language model rather than to a patient or clinician. Kept narrow on
purpose: patient pages say "You must take all of your medicine" and "Tell your doctor …", which
are content, not instructions to the model."""


def is_instruction(sentence: str) -> bool:
    """True when ``sentence`` speaks to the model (an injected instruction), not about medicine."""
    return any(p.search(sentence) for p in _INSTRUCTION_PATTERNS)


# --- content-word coverage ---------------------------------------------------------------------


def claim_stems(text: str) -> frozenset[str]:
    """Content stems of a claim that coverage counts: :func:`medcite.text.stems` without hedge
    and negation cues, which :func:`hedge_upgrade` and :func:`negation_mismatch` judge."""
    return stems(text) - _CUE_STEMS


def coverage(claim_stems: frozenset[str], window_stems: frozenset[str]) -> float:
    """Share of the claim's content stems that the window contains (0 when the claim has none)."""
    if not claim_stems:
        return 0.0
    return len(claim_stems & window_stems) / len(claim_stems)


# --- numbers, doses, durations, percentages ----------------------------------------------------

_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
}
_NUMBER_WORDS |= {"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100"}
_UNITS = {
    "mg": "mg", "milligram": "mg", "g": "g", "gram": "g", "mcg": "mcg", "µg": "mcg", "μg": "mcg",
    "ug": "mcg", "microgram": "mcg", "kg": "kg", "kilogram": "kg", "ml": "ml", "milliliter": "ml",
    "millilitre": "ml", "l": "l", "liter": "l", "litre": "l", "iu": "iu", "unit": "unit",
    "mmol": "mmol", "mmhg": "mmhg", "%": "%", "percent": "%", "per cent": "%", "second": "second",
    "minute": "minute", "min": "minute", "hour": "hour", "h": "hour", "hr": "hour", "day": "day",
    "week": "week", "wk": "week", "month": "month", "mo": "month", "year": "year", "yr": "year",
    "time": "time", "dose": "dose", "tablet": "tablet", "capsule": "capsule", "puff": "puff",
    "drop": "drop", "cup": "cup", "glass": "glass", "serving": "serving", "°c": "°c", "°f": "°f",
    "degree": "degree", "cm": "cm", "mm": "mm",
}  # fmt: skip
_UNIT_WORDS = "|".join(
    sorted((re.escape(u) + ("(?:e?s)?" if u[-1].isalpha() else "") for u in _UNITS), key=len)[::-1]
)
_NUM = r"\d+(?:[.,]\d+)*"
_QUANTITY = re.compile(
    rf"(?<![\w.\-])(?P<sign>-(?=\d))?(?P<value>{_NUM})(?:\s*(?:-|–|to)\s*(?P<high>{_NUM}))?"
    rf"(?:(?:\s*|-)(?P<unit>{_UNIT_WORDS})(?:\s*/\s*(?P<per>[a-z]+))?(?![\w%]))?"
)
_NUMBER_WORD = re.compile(r"\b(" + "|".join(w for w in _NUMBER_WORDS if w != "one") + r")\b")
_ONE_WITH_UNIT = re.compile(rf"\bone(?=[\s-]+(?:{_UNIT_WORDS})\b)")


@dataclass(frozen=True)
class Quantity:
    """A number as stated: its value (a range as ``1-2``), unit (``mg``, ``%``, ``week``,
    ``mg/kg``; empty for a bare number) and the words it was written in."""

    value: str
    unit: str
    surface: str


@lru_cache(maxsize=16384)
def quantities(text: str) -> tuple[Quantity, ...]:
    """Every number of ``text`` with its unit: ``"500 mg twice daily for two weeks"`` →
    ``500 mg``, ``2 week``. Number words become digits ("one" only before a unit)."""
    lowered = _ONE_WITH_UNIT.sub(
        "1", _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(1)], text.lower())
    )
    found = []
    for match in _QUANTITY.finditer(lowered):
        value = (match.group("sign") or "") + match.group("value").replace(",", "")
        if match.group("high"):
            value = f"{value}-{match.group('high').replace(',', '')}"
        found.append(
            Quantity(value, _unit(match.group("unit"), match.group("per")), match.group(0))
        )
    return tuple(found)


def _unit(word: str | None, per: str | None) -> str:
    if not word:
        return ""
    unit = _UNITS.get(word) or _UNITS.get(word.removesuffix("s")) or _UNITS.get(word[:-2], word)
    return f"{unit}/{_UNITS.get(per, per)}" if per else unit


def _stated(wanted: Quantity, given: tuple[Quantity, ...]) -> bool:
    """The window states ``wanted``: same value, and the same unit where both name one."""
    return any(
        q.value == wanted.value and (q.unit == wanted.unit or not q.unit or not wanted.unit)
        for q in given
    )


_IDENTIFIER = re.compile(r"(?<![\w-])(?=[\w-]*[a-z])(?=[\w-]*\d)[a-z0-9]+(?:-[a-z0-9]+)*")


@lru_cache(maxsize=16384)
def identifiers(text: str) -> frozenset[str]:
    """Names with digits in them (``HSP90``, ``COVID-19``, ``T1-weighted``, ``IL-6``), lower
    case; a number with its unit written together ("10mg", "24-hour") is a quantity instead."""
    return frozenset(
        m.group(0)
        for m in _IDENTIFIER.finditer(text.lower())
        if not _QUANTITY.fullmatch(m.group(0))
    )


_WORD = re.compile(r"[a-z]+")


def drug_mismatch(claim: str, window: str, where: str) -> str | None:
    """The first drug the claim names (a one-word generic name of medcite's drug table) that
    ``window`` does not name (``"azithromycin is not in [2]"``), or None. Word overlap alone
    passes a long claim with its drug swapped for another: a claim may add a common word to its
    passage, never a drug."""
    drugs = generic_words()
    named = [w for w in dict.fromkeys(_WORD.findall(claim.lower())) if w in drugs]
    if not named:
        return None
    given = set(_WORD.findall(window.lower()))
    given_stems = stems(window)
    for drug in named:
        if drug not in given and not stems(drug) <= given_stems:
            return f"{drug} is not in {where}"
    return None


def number_mismatch(claim: str, window: str, where: str) -> str | None:
    """The claim's first number (``"the number 500 mg is not in [2]"``) or name with digits
    (``"HSP89 is not in [2]"``) that ``window`` does not state exactly, or None."""
    given = quantities(window)
    for wanted in quantities(claim):
        if not _stated(wanted, given):
            return f"the number {squash(wanted.surface)} is not in {where}"
    missing = sorted(identifiers(claim) - identifiers(window))
    if missing:
        return f"{missing[0]} is not in {where}"
    return None


# --- clauses, negation and hedging -------------------------------------------------------------

_NEGATION_CUES = frozenset(
    """not no never without none neither nor cannot avoid avoids avoided avoiding ineffective
    useless unable fail fails failed lack lacks lacking absent""".split()
)
"""Words that negate their clause; ``n't`` is read as ``not``, "not only" is not a negation.
Negative words ("ineffective", "fails to", "lacks") count, so "Antibiotics are ineffective
against colds" agrees with "Antibiotics do not help colds"."""
_ANAPHORA = frozenset(
    """it this these those such effect effects benefit benefits difference association
    improvement finding findings result results""".split()
)
"""Words by which a clause refers back to a finding ("*The effect* was not seen in children")."""
_ANAPHORA_REACH = 4
"""… among the first this many words of the clause."""
_HEDGE_CUES = frozenset(
    """may might could possibly possible perhaps potentially probably likely unlikely suggest
    suggests suggested suggesting appear appears appeared seem seems seemed unclear
    uncertain""".split()
)
"""Words that make a statement tentative ("may reduce", "suggests that … reduces")."""
CLAIM_HEDGES = _HEDGE_CUES | {"can"}
"""A claim hedged by any of these (or "can") asserts no more than a hedged passage does."""
_CUE_STEMS = frozenset(s for w in _HEDGE_CUES | _NEGATION_CUES for s in stems(w))
STRONG_STEMS = frozenset(
    s for w in ("cures", "prevents", "eliminates", "eradicates") for s in stems(w)
)
"""Stems of definite verbs ("cures", "prevents", "eliminates" …): a claim may use them only where
the window states them without a hedge."""

_TOKEN = re.compile(r"[a-z0-9]+|[.;:!?,]")
_CLAUSE_WORDS = frozenset("but whereas although though however while yet which who whose".split())
_AFTER_COMMA = frozenset({"and", "or"})


@dataclass(frozen=True)
class Clause:
    """A clause's content stems and its polarity."""

    stems: frozenset[str]
    negated: bool
    hedged: bool
    words: tuple[str, ...]
    denied: frozenset[str] = frozenset()
    """Stems a negated clause denies of a finding stated before it: those after its first
    negation cue, when the clause refers back ("The effect was not seen *in children*")."""


def _tokens(text: str) -> list[str]:
    text = text.lower().replace("’", "'")
    text = re.sub(r"\bcan't\b", "can not", text)
    text = re.sub(r"\bwon't\b", "will not", text)
    text = re.sub(r"n't\b", " not", text).replace("cannot", "can not")
    return _TOKEN.findall(text)


@lru_cache(maxsize=16384)
def clauses(text: str) -> tuple[Clause, ...]:
    """``text`` cut into clauses (see the module docs), each with stems, negation and hedging."""
    out: list[Clause] = []
    for sentence in split_sentences(text) or [text]:
        current: list[str] = []
        tokens = _tokens(sentence)
        for i, token in enumerate(tokens):
            ends = token in {";", ":", ".", "!", "?"} or token in _CLAUSE_WORDS
            ends = ends or (token == "," and i + 1 < len(tokens) and tokens[i + 1] in _AFTER_COMMA)
            if ends:
                out.extend(_clause(current))
                current = []
            elif token != ",":
                current.append(token)
        out.extend(_clause(current))
    return tuple(out)


def _clause(tokens: list[str]) -> list[Clause]:
    if not tokens:
        return []
    cues = [
        i
        for i, t in enumerate(tokens)
        if t in _NEGATION_CUES and not (t == "not" and tokens[i + 1 : i + 2] == ["only"])
    ]
    content = _content(tokens)
    negated = len(cues) % 2 == 1
    refers_back = any(t in _ANAPHORA for t in tokens[:_ANAPHORA_REACH])
    denied = _content(tokens[cues[0] + 1 :]) if negated and refers_back else frozenset()
    hedged = any(t in _HEDGE_CUES for t in tokens)
    return [Clause(content, negated, hedged, tuple(tokens), denied)]


def _content(tokens: list[str]) -> frozenset[str]:
    return frozenset(s for t in tokens if t not in _NEGATION_CUES for s in stems(t))


def _best_clauses(claim_clause: Clause, window: tuple[Clause, ...]) -> list[Clause]:
    """The window clauses sharing most content stems with ``claim_clause`` (none if no overlap)."""
    overlaps = [len(claim_clause.stems & c.stems) for c in window]
    best = max(overlaps, default=0)
    return [c for c, n in zip(window, overlaps, strict=True) if n == best and n > 0]


def negation_mismatch(
    claim: str, window: str, where: str, context: str | None = None
) -> str | None:
    """A reason when a claim clause and its best-matching window clause differ in negation
    ("is not recommended" vs "is recommended", either way), or when an affirmative claim takes a
    word from what the window denies of a finding and from nowhere else ("Zinc shortened colds in
    adults. The effect was not seen in children." does not support "Zinc shortened colds in
    children"); or None. The second test reads ``context`` (the whole cited passage) when given:
    what a passage denies, no window of it supports."""
    window_clauses = clauses(window)
    context_clauses = clauses(context) if context is not None else window_clauses
    for part in clauses(claim):
        best = _best_clauses(part, window_clauses)
        if best and all(c.negated != part.negated for c in best):
            if part.negated:
                return f"the claim negates what {where} states"
            return f"{where} negates what the claim states"
        denied = _only_denied(part, context_clauses)
        if denied is not None:
            return f"{where} negates what the claim states about '{_word_of(denied, part)}'"
    return None


def _only_denied(part: Clause, window: tuple[Clause, ...]) -> str | None:
    """A stem of the affirmative clause ``part`` that the window has only in denials."""
    if part.negated:
        return None
    affirmed = frozenset().union(*(c.stems for c in window if not c.negated))
    before_cue = frozenset().union(*(c.stems - c.denied for c in window if c.negated))
    denied = frozenset().union(*(c.denied for c in window))
    return min(part.stems & denied - affirmed - before_cue, default=None)


def hedge_upgrade(claim: str, window: str, where: str) -> str | None:
    """A reason when the claim states definitely what the window only hedges ("may reduce" →
    "reduces"), or uses "cures" / "prevents" / "eliminates" where the window does not; or None."""
    window_clauses = clauses(window)
    for part in clauses(claim):
        claim_hedged = any(t in CLAIM_HEDGES for t in part.words)
        best = _best_clauses(part, window_clauses)
        if not claim_hedged and best and all(c.hedged for c in best):
            return f"{where} only says this tentatively (e.g. 'may'); the claim states it as fact"
        for strong in sorted(part.stems & STRONG_STEMS):
            if not _states_strongly(strong, window_clauses, hedged_ok=claim_hedged):
                return f"the claim says '{_word_of(strong, part)}', which {where} does not state"
    return None


def _states_strongly(stem: str, window: tuple[Clause, ...], *, hedged_ok: bool) -> bool:
    return any(stem in c.stems and (hedged_ok or not c.hedged) for c in window)


def _word_of(stem: str, clause: Clause) -> str:
    return next((w for w in clause.words if stem in stems(w)), stem)
