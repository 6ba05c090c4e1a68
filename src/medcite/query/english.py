"""Is a word ordinary English? A guard for the spelling corrector, and a check for words that
lost the dash between them.

The corrector must never "correct" an ordinary English word into a clinical vocabulary term
("Alright" → Albright syndrome, "progressing" → something rarer). This module answers one question
from the English word-frequency list that ships with ``pyspellchecker`` (MIT; counts from a large
English subtitle corpus): a word is *common English* when its count is at least
:data:`COMMON_MIN_FREQUENCY`.

Threshold (measured on pyspellchecker 0.9.1's ``en`` list, where every listed word has a count
≥ 50): ordinary words a patient writes sit well above 200 — "kiddo" 300, "achy" 301, "belching"
384, "lightheaded" 449, "breastfeeding" 462, "progressing" 1,717, "granddaughter" 5,253,
"alright" 23,917 — while 40 made-up misspellings of clinical words ("diabete", "pnemonia",
"hypertention", "antiphosoholipid", "aeortic", "tranaunay", "siezure", ...) are all absent (0),
except "aneurism" (127, a variant spelling). Surnames that are also eponyms sit low ("albright"
61). Hence 200.

Known limits: a misspelling that is itself an English word is English ("prostrate" 666 for
prostate, "seizer" 50 is below the threshold); clinical words common in everyday English
("diabetes" 2,051, "pneumonia" 2,110) are English too — harmless, since a correctly spelled
clinical word needs no correction. "diabete" (a dropped letter) is not English (0), so the
corrector may fix it. A hyphenated word ("klippel-tranaunay") is English only when every part is.

Glued words (:func:`glued`): MedQuAD's answers lost every non-ASCII character, so a dash between
two words glued them ("medications—pills—that" became "medicationspillsthat", "management—keeping"
"managementkeeping"). Such a word is in no list, and it splits into a common word followed by a
function word or by another common word. Measured on every MedQuAD answer (47k): 517 distinct
words, 819 occurrences; reading the 400 most frequent found some ten real compounds among them
("eventration", "needlestick", "fiberoptic", "smartphone"), so a quoted sentence that holds one
is skipped at the cost of very few good ones.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from medcite.text import normalise

COMMON_MIN_FREQUENCY = 200
"""Minimum pyspellchecker ``en`` count for a word to count as common English (see module doc)."""

_PARTS = re.compile(r"[-‐‑–/]")


@cache
def _frequencies() -> Mapping[str, int]:
    from spellchecker import SpellChecker

    # distance=1 keeps construction cheap; only the frequency table is used.
    return SpellChecker(language="en", distance=1).word_frequency.dictionary


def english_frequency(word: str) -> int:
    """pyspellchecker's ``en`` count for ``word`` (lower-cased, possessive ``'s`` dropped); 0 if
    absent. A hyphenated word gets the smallest count of its parts."""
    parts = [p for p in _PARTS.split(_clean(word)) if p]
    if not parts:
        return 0
    counts = _frequencies()
    return min(counts.get(p, 0) or _contraction_frequency(p, counts) for p in parts)


def _contraction_frequency(word: str, counts: Mapping[str, int]) -> int:
    """The count of ``word`` read as a contraction typed without its apostrophe ("couldnt",
    "youre", "ive"), 0 when it is none."""
    ending = next((e for e in _CONTRACTED if word.endswith(e) and len(word) > len(e)), None)
    if "'" in word or ending is None:
        return 0
    cut = len(ending) - 1 if ending == "nt" else len(ending)
    return counts.get(f"{word[:-cut]}'{word[-cut:]}", 0)


_CONTRACTED = ("nt", "re", "ve", "ll", "m", "d")
"""Endings of contractions ("couldn't", "you're", "I've", "they'll", "I'm", "I'd"); not "'s",
whose possessive would make a name ("alzheimers") an English word."""


EVERYDAY_MIN_FREQUENCY = 1_100
"""English-frequency count from which a word is an everyday word. Measured on the one-word
MeSH entry terms of clinical concepts that are not a word of the concept's name (171 with a
count ≥ 200): above 1,100 they are mostly acronyms and brand names that spell a word ("ten"
TENS, "bend" the bends, "glass" eyeglasses, "metric" metronidazole, "said" simian AIDS); the
clinical readings among them ("bleeding", "choking", "allergy", "miscarriage") are in the lay
table. Below it they are mostly clinical words ("thrush", "impotence", "antibiotic" 1,074)."""


def is_everyday(word: str) -> bool:
    """True for an everyday English word (:data:`EVERYDAY_MIN_FREQUENCY`): "bend", "hard"."""
    return english_frequency(word) >= EVERYDAY_MIN_FREQUENCY


def everyday_beside(term: str, name: str) -> bool:
    """True when ``term`` (normalised) is one everyday word that is no word of the concept
    ``name`` it stands for: "bend" for decompression sickness, "hard" for hantavirus pulmonary
    syndrome; not "cold" for cold temperature."""
    return " " not in term and term not in normalise(name).split() and is_everyday(term)


def is_common_english(word: str) -> bool:
    """True for an ordinary English word ("alright", "granddaughter", "white"), False for a
    misspelt clinical word ("antiphosoholipid", "aeortic") or a rare name ("Albright")."""
    return english_frequency(word) >= COMMON_MIN_FREQUENCY


def near_english(word: str) -> bool:
    """True for a common English word or a one-edit typo of one ("similiar", "becuase")."""
    from medcite.query.spelling import edits1

    word = _clean(word)
    if is_common_english(word) or _ish_of_common(word) or _ly_of_common(word):
        return True
    counts = _frequencies()
    return any(counts.get(w, 0) >= COMMON_MIN_FREQUENCY for w in edits1(word))


def _ish_of_common(word: str) -> bool:
    """True for "-ish" after a common word ("greyish", "reddish", "yellowish"): a shade of it."""
    if not word.endswith("ish") or len(word) < 6:
        return False
    base = word[:-3]
    undoubled = base[:-1] if len(base) > 3 and base[-1] == base[-2] else base
    return any(is_common_english(b) for b in (base, undoubled, base + "e"))


def _ly_of_common(word: str) -> bool:
    """True for an adverb of a common word ("healthily", "wrongly", "gently"), which the
    frequency table may count too seldom."""
    if not word.endswith("ly") or len(word) < 6:
        return False
    base = word[:-2]
    forms = (base, base[:-1] + "y" if base.endswith("i") else "", base + "le", base + "e")
    return any(f and is_common_english(f) for f in forms)


def english_within(word: str, edits: int) -> frozenset[str]:
    """The common English words that begin with the same two letters as ``word`` and are at
    most ``edits`` edits (OSA distance) from it ("relavent": relevant, two edits)."""
    from rapidfuzz.distance import OSA

    word = _clean(word)
    shortest, longest = len(word) - edits, len(word) + edits
    return frozenset(
        w
        for w in _common_beginning(word[:2])
        if shortest <= len(w) <= longest and OSA.distance(word, w, score_cutoff=edits) <= edits
    )


@cache
def _common_beginning(prefix: str) -> tuple[str, ...]:
    """The common English words beginning with ``prefix`` (no possessives)."""
    return tuple(
        w
        for w, n in _frequencies().items()
        if n >= COMMON_MIN_FREQUENCY and w.startswith(prefix) and "'" not in w
    )


def _clean(word: str) -> str:
    word = word.strip().lower().replace("’", "'")
    return word.removesuffix("'s").strip("'\".,;:!?()[]")


GLUE_MIN_FREQUENCY = 1000
"""Minimum count of each part of a glued word: common words, as a page's prose uses."""
_GLUED_CANDIDATE = re.compile(r"\b[a-z]{8,}\b")
"""Lower-case words long enough to hold two words (names and acronyms are left alone)."""
_FUNCTION_WORDS = frozenset(
    """the and that which such also can may are is could about into from called including
    with for or who when where while because this these those than then its their there often
    usually""".split()
)
"""Words a glued word may end with after one or two common words ("metabolismthe")."""
_LEADING_WORDS = ("are", "the", "and", "that", "with", "for", "was", "were", "has", "have", "is")
"""Function words a glued word may open with, before a common word ("areconsistently")."""
_COMBINING = frozenset(
    """anti non over under micro mega para extra auto super hyper hypo post pre pro chemo photo
    radio retro mono ultra multi stereo inter intra trans semi counter neuro cardio electro
    psycho""".split()
)
"""First parts that form real compounds, not glued words ("antiplatelet", "overactivity")."""
_COMPOUND_ENDS = frozenset(
    "borne like able less wise ward wards care bound virus viruses ship ting sage nous worm "
    "worms".split()
)
"""Last parts that form real compounds or suffixes ("foodborne", "spiderlike", "herpesvirus",
"survivorship", "threadworm")."""
SHORTEST_PART = 4
"""Shortest first part (and middle part) of a glued word; two common content words glued
together must both be at least SHORTEST_PART + 1 letters long ("brainstem" is no glue), unless
the first is SHORTEST_PART + 2 or longer ("therapyoral")."""


def glued_words(text: str) -> list[str]:
    """The words of ``text`` that are two or three words which lost the dash between them
    (:func:`glued`), or a word and the capitalised word after it that lost the line break or
    the space between them ("Older AgeThe Biggest", "visitAssessing"; :func:`camel_glued`)."""
    found = [w for w in _GLUED_CANDIDATE.findall(text) if glued(w)]
    return found + [m.group(0) for m in _CAMEL.finditer(text) if camel_glued(m)]


_CAMEL = re.compile(r"\b([A-Za-z][a-z]{2,})([A-Z][a-z]+)\b")
"""A run of three or more letters followed by a capitalised word inside one word ("AgeThe";
not "DiGeorge")."""


def camel_glued(match: re.Match[str]) -> bool:
    """True when both parts of a :data:`_CAMEL` word are common English words: a brand keeps a
    rare part ("RotaTeq", "CellCept")."""
    counts = _frequencies()
    return all(counts.get(part.lower(), 0) >= GLUE_MIN_FREQUENCY for part in match.groups())


@cache
def glued(word: str) -> tuple[str, ...] | None:
    """The parts of ``word`` when it is common words glued together ("managementkeeping" →
    management, keeping; "metabolismthe" → metabolism, the), else None. A word in the English
    list is never glued."""
    counts = _frequencies()
    if word in counts:
        return None
    trailing = _trailing_article(word, counts)
    if trailing is not None:
        return trailing
    for head in _LEADING_WORDS:
        rest = word[len(head) :]
        if word.startswith(head) and _leading_glue(rest, counts):
            return head, rest
    for i in range(SHORTEST_PART, len(word) - 2):
        head, rest = word[:i], word[i:]
        if head in _COMBINING or counts.get(head, 0) < GLUE_MIN_FREQUENCY:
            continue
        if rest in _FUNCTION_WORDS or _two_words(head, rest, counts):
            return head, rest
        middle = _before_function_word(rest, counts)
        if middle is not None:
            return head, *middle
    return None


_TRAILING_ARTICLES = ("the", "a")
"""Articles a word may have lost its dash before ("endocrinologista", "duodenumthe")."""
RARE_WORD_FREQUENCY = 20
"""How often a rare word (a medical term) must occur in the English list to count as a word
before a glued article."""
_LATIN_ENDINGS = ("ica", "cta", "lta", "rna", "ata")
"""Endings of Latin names that end in "a" after an English-looking stem ("osteogenesis
imperfecta", "spina bifida occulta", "polymyalgia rheumatica")."""


def _trailing_article(word: str, counts: Mapping[str, int]) -> tuple[str, str] | None:
    """(head, article) when ``word`` is a word, rare ones included, with an article glued to
    its end, else None; a Latin name's ending is no article."""
    if word.endswith(_LATIN_ENDINGS):
        return None
    for article in _TRAILING_ARTICLES:
        head = word[: -len(article)]
        long_enough = len(head) > SHORTEST_PART + 1
        if word.endswith(article) and long_enough and counts.get(head, 0) >= RARE_WORD_FREQUENCY:
            return head, article
    return None


def _leading_glue(rest: str, counts: Mapping[str, int]) -> bool:
    """A common word of SHORTEST_PART + 1 letters or more after a short function word
    ("areconsistently"): "therapist" and "withstand" are words of the list themselves."""
    long_enough = len(rest) > SHORTEST_PART
    return long_enough and counts.get(rest, 0) >= GLUE_MIN_FREQUENCY and rest not in _COMPOUND_ENDS


def _two_words(head: str, rest: str, counts: Mapping[str, int]) -> bool:
    """Two common content words: both longer than SHORTEST_PART, or a long first word
    (SHORTEST_PART + 2 letters or more) and a last word of SHORTEST_PART ("therapyoral")."""
    long_enough = min(len(head), len(rest)) > SHORTEST_PART or (
        len(head) > SHORTEST_PART + 1 and len(rest) == SHORTEST_PART
    )
    common = counts.get(rest, 0) >= GLUE_MIN_FREQUENCY
    return long_enough and common and rest not in _COMPOUND_ENDS


def _before_function_word(rest: str, counts: Mapping[str, int]) -> tuple[str, str] | None:
    """``rest`` as a common word followed by a function word ("pillsthat"), else None."""
    for j in range(SHORTEST_PART, len(rest) - 1):
        middle, last = rest[:j], rest[j:]
        if last in _FUNCTION_WORDS and counts.get(middle, 0) >= GLUE_MIN_FREQUENCY:
            return middle, last
    return None
