"""Spelling correction of clinical words in consumer questions.

Consumer messages misspell the very words that matter ("Antiphosoholipid Syndrome",
"Klippel-Tranaunay", "aeortic stenosis"), and a misspelt name matches no vocabulary concept and
no document. A word is corrected only when

- it has at least MIN_CHARS letters and is not a word of the clinical vocabulary,
- one edit (insert, delete, replace or swap two neighbouring letters) turns it into a vocabulary
  word, and
- the word itself occurs nowhere in the index (``known`` says so): a real word that MeSH lacks
  ("wondering", "granddaughter") is left alone. The index stems its words, so it cannot tell a
  word from a misspelling with the same stem ("lisinoprill" is found as "lisinopril"): such a
  correction is made whatever the index holds (it changes nothing the index sees, only the
  vocabulary lookup), and
- it is not an ordinary English word (:func:`medcite.query.english.is_common_english`):
  "Alright" is never corrected to Albright.

Among several one-edit words the one used in most vocabulary terms wins (ties: alphabetical), as
in Norvig's corrector with term counts standing in for word frequencies.

A long name (at least LONG_CHARS letters: "Wieddeman") is also corrected two edits away, among the
vocabulary words that begin with its first PREFIX_CHARS letters (few misspellings touch the
first letters of a name). Farther than that a correction would be a guess: :func:`suggestions`
names the closest words instead, for an answer that says it does not recognise the word ("did
you mean ciprofloxacin?").

A clinical word split in two ("angio edema", "anti viral", "level iracetam") is joined first:
two neighbouring words become one when, written together (at least MIN_JOINED letters), they
are a vocabulary word, or one edit from one while one of the two is itself no word the index or
English knows (so "high blood" never becomes anything).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

from rapidfuzz.distance import OSA, Indel

from medcite.query.english import english_within, is_common_english
from medcite.text import stems

MIN_CHARS = 5
MIN_JOINED = 7
LONG_CHARS = 8
PREFIX_CHARS = 2
FAR_EDITS = 2
SUGGEST_SIMILARITY = 0.7
"""Least Indel similarity (shared letters in order, as a share of both words' letters) for a
vocabulary word to be suggested for an unknown one."""
SUGGEST_SPREAD = 4
"""Suggested words differ in length from the word by at most this many letters."""
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def edits1(word: str) -> set[str]:
    """Every string one edit (delete, swap neighbours, replace, insert a letter) from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    inserts = {a + c + b for a, b in splits for c in _LETTERS}
    return (deletes | swaps | replaces | inserts) - {word}


Lexicon = Callable[[Collection[str]], Mapping[str, int]]
"""Looks words up: those of them in the vocabulary → the number of terms using each."""

Neighbours = Callable[[str, int], Mapping[str, int]]
"""``(word, spread)`` → the vocabulary words that begin with the first PREFIX_CHARS letters of
``word`` and differ from it in length by at most ``spread`` letters, with the number of terms
using each (see :func:`neighbours_from`)."""

WordsBeginning = Callable[[str, int, int], Mapping[str, int]]
"""``(prefix, shortest, longest)`` → vocabulary words with that prefix and length → term counts."""


def neighbours_from(beginning: WordsBeginning, extra: Collection[str] = ()) -> Neighbours:
    """:data:`Neighbours` over a vocabulary's ``beginning`` lookup, plus ``extra`` words (drug
    names) counted once."""

    def neighbours(word: str, spread: int) -> Mapping[str, int]:
        prefix = word[:PREFIX_CHARS]
        shortest, longest = len(word) - spread, len(word) + spread
        found = dict(beginning(prefix, shortest, longest))
        for name in extra:
            if name.startswith(prefix) and shortest <= len(name) <= longest:
                found.setdefault(name, 1)
        return found

    return neighbours


def correctable(word: str) -> bool:
    return len(word) >= MIN_CHARS and word.isalpha()


def correction(
    word: str, lexicon: Mapping[str, int], fits: Callable[[str], bool] | None = None
) -> str | None:
    """The lexicon word one edit from ``word``, or None (known, too short or no such word).
    Among several, one that ``fits`` (completes a vocabulary term with a neighbouring word of
    the question) wins before the most used: "ganglian cyst" is a ganglion cyst, although
    "ganglia" is in more terms."""
    if not correctable(word) or word in lexicon:
        return None
    found = [w for w in edits1(word) if w in lexicon]
    if len(found) > 1 and fits is not None:
        found = [w for w in found if fits(w)] or found
    return max(found, key=lambda w: (lexicon[w], w)) if found else None


Terms = Callable[[Collection[str]], Collection[str]]
"""Which of these normalised phrases are vocabulary terms."""


def _fits(words: Sequence[str], i: int, terms: Terms) -> Callable[[str], bool]:
    """Does a correction of ``words[i]`` form a vocabulary term with the word before or after?"""

    def fits(candidate: str) -> bool:
        before = [f"{words[i - 1]} {candidate}"] if i > 0 else []
        after = [f"{candidate} {words[i + 1]}"] if i + 1 < len(words) else []
        return bool(terms([*before, *after]))

    return fits


NAME_HEADS = ("disease", "syndrome")
"""Head nouns an eponymous name may be written without ("osgood schlatter")."""


def names_with_neighbour(words: Sequence[str], i: int, terms: Terms) -> bool:
    """True when ``words[i]`` as written, with the word before or after it and a head noun of
    :data:`NAME_HEADS`, is a vocabulary term: "schlatter" in "osgood schlatter" (Osgood-Schlatter
    disease) is a name, no misspelt "scatter"."""
    pairs = []
    if i > 0:
        pairs.append(f"{words[i - 1]} {words[i]}")
    if i + 1 < len(words):
        pairs.append(f"{words[i]} {words[i + 1]}")
    return bool(terms([f"{pair} {head}" for pair in pairs for head in NAME_HEADS]))


def far_correction(word: str, neighbours: Neighbours) -> str | None:
    """The vocabulary word FAR_EDITS edits (OSA distance) from a long ``word``, the one used in
    most terms (ties: alphabetical); None for a short word, when there is none, or when another
    English word is as close ("relavent" may be relevant: not reagent)."""
    if len(word) < LONG_CHARS or not word.isalpha():
        return None
    near = neighbours(word, FAR_EDITS)
    found = [w for w in near if OSA.distance(word, w, score_cutoff=FAR_EDITS) <= FAR_EDITS]
    if not found:
        return None
    fix = max(found, key=lambda w: (near[w], w))
    return fix if english_within(word, FAR_EDITS) <= {fix} else None


def suggestions(word: str, neighbours: Neighbours, limit: int = 3) -> tuple[str, ...]:
    """Up to ``limit`` vocabulary words close to a long ``word`` (at least SUGGEST_SIMILARITY),
    closest first, then the most used: what the reader may have meant. Shorter words have too
    many unrelated neighbours ("bedford": before, bedsore) to suggest any."""
    if len(word) < LONG_CHARS or not word.isalpha():
        return ()
    near = neighbours(word, SUGGEST_SPREAD)
    scored = [
        (similarity, near[w], w)
        for w in near
        if (similarity := Indel.normalized_similarity(word, w)) >= SUGGEST_SIMILARITY
    ]
    scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
    return tuple(w for _s, _n, w in scored[:limit])


def joined(
    words: Sequence[str], lexicon: Lexicon, known: Callable[[str], bool]
) -> tuple[list[str], dict[str, str]]:
    """``words`` with clinical words written in two parts joined (see the module docstring),
    and the joins made ("angio edema" → "angioedema")."""
    pairs = {
        i: words[i] + words[i + 1]
        for i in range(len(words) - 1)
        if words[i].isalpha() and words[i + 1].isalpha()
        if len(words[i] + words[i + 1]) >= MIN_JOINED
        and not _shade_of_a_colour(words[i + 1 : i + 3])
    }
    if not pairs:
        return list(words), {}
    exact = lexicon(set(pairs.values()))
    fixes: dict[str, str] = {}
    out: list[str] = []
    i = 0
    while i < len(words):
        whole = pairs.get(i)
        fix = whole if whole in exact else None
        if whole is not None and fix is None and _strange(words[i : i + 2], known):
            fix = correction(whole, lexicon({whole, *edits1(whole)}))
        if fix is None or whole is None:
            out.append(words[i])
            i += 1
            continue
        fixes[f"{words[i]} {words[i + 1]}"] = fix
        out.append(fix)
        i += 2
    return out, fixes


SHADES = frozenset({"bright", "dark", "light", "pale", "deep"})
COLOURS = frozenset(
    "red pink orange yellow green blue purple violet brown black white grey gray".split()
)


def _shade_of_a_colour(words: Sequence[str]) -> bool:
    """True when ``words`` open with a shade and its colour ("bright red"): the shade belongs to
    the colour, not to the word before it ("the eye is bright red" names no eyebright)."""
    return len(words) == 2 and words[0].lower() in SHADES and words[1].lower() in COLOURS


def _strange(parts: Sequence[str], known: Callable[[str], bool]) -> bool:
    """True when one of ``parts`` is no English word and occurs nowhere in the index."""
    return any(correctable(p) and not is_common_english(p) and not known(p) for p in parts)


_AMERICAN = (
    (re.compile(r"sulph"), "sulf"),
    (re.compile(r"(?<=\w)ae(?=\w)|^ae(?=\w{4})"), "e"),
    (re.compile(r"(?<=\w)oe(?=\w)(?!s$)|^oe(?=\w{4})"), "e"),  # not toes, canoes
    (re.compile(r"(?<=\w{3})our(?=s?$)"), "or"),
    (re.compile(r"(?<=\w\w[^aeiou])re(?=s?$)"), "er"),
    (re.compile(r"(?<=\w{3})is(?=(?:e|ed|es|ing|ation|ations)$)"), "iz"),
)
"""British spellings and their American forms, which MeSH uses: anaemia, haemorrhage,
oesophagus, diarrhoea, paediatric, tumour, fibre, immunise, sulphate."""
MIN_BRITISH_CHARS = 6
"""Shorter words are left alone: "does", "shoe" and "hour" are no British spellings."""


def american(word: str) -> str:
    """``word`` in American spelling when it is spelt the British way ("anaemia" → "anemia",
    "ferrous sulphate" → "sulfate"), else ``word``; whether the result is a word is for the
    vocabulary to say (:func:`corrected`)."""
    if len(word) < MIN_BRITISH_CHARS:
        return word
    for pattern, us in _AMERICAN:
        word = pattern.sub(us, word)
    return word


def corrected(
    words: Sequence[str],
    lexicon: Lexicon,
    known: Callable[[str], bool],
    neighbours: Neighbours | None = None,
    keep: Collection[str] = frozenset(),
    *,
    frequency: Callable[[str], int] | None = None,
    terms: Terms | None = None,
    drug_name: Callable[[str], bool] | None = None,
    brand_name: Callable[[str], bool] | None = None,
) -> tuple[list[str], dict[str, str]]:
    """``words`` with misspelt clinical words corrected (parts joined first, see
    :func:`joined`), and the corrections made; ``lexicon`` is asked once per correctable word,
    for the word and its one-edit neighbours; with ``neighbours``, a long word no edit away
    from a vocabulary word is tried two edits away (:func:`far_correction`). Words in ``keep``
    (names a curated table knows, such as brands) are never corrected.

    With ``frequency`` (in how many indexed documents a word's stem occurs, up to a cap), a
    word the index holds is still corrected to a one-edit vocabulary word at least
    ``COMMONER`` times as frequent: the index matches "migranes" by its stem "migran" in a few
    papers on larva *migrans*, while "migraine" fills hundreds.

    With ``terms``, a correction that completes a vocabulary term with a neighbouring word wins
    among several (:func:`correction`), and a word that names a disease with its neighbour as
    written is left alone (:func:`names_with_neighbour`).

    With ``drug_name`` (is this a drug's brand or generic name?), a short word is never changed
    into a drug's name (:func:`look_alike`): "visine" is no "vidine" (choline), "malox" no
    "mapox" (acyclovir). With ``brand_name``, no word two edits away is changed into a brand:
    a generic name is spelt as it sounds ("metotrexat" is methotrexate), but a drink's or a
    place's name two letters off a brand is not that brand."""
    words, fixes = joined(words, lexicon, known)
    out = []
    for i, word in enumerate(words):
        if (us := _american_term(word, lexicon, keep)) is not None:
            fixes[word] = us  # the same word, spelt as the vocabulary spells it
            out.append(us)
            continue
        wanted = correctable(word) and not is_common_english(word) and word not in keep
        if wanted and terms is not None and names_with_neighbour(words, i, terms):
            wanted = False
        fits = _fits(words, i, terms) if terms is not None else None
        fix = correction(word, lexicon({word, *edits1(word)}), fits) if wanted else None
        if fix is None and wanted and neighbours is not None and not known(word):
            fix = far_correction(word, neighbours)
            if fix is not None and brand_name is not None and brand_name(fix):
                fix = fix if re.sub(r"[\s-]", "", fix) == word else None  # "co-codamol" kept
        if fix is not None and drug_name is not None and look_alike(word, fix, drug_name):
            fix = None
        if fix is not None and _looks_like(words, i, fix):
            fix = None
        if fix is not None and (
            word in fixes
            or stems(word) == stems(fix)
            or not known(word)
            or (frequency is not None and _commoner(fix, word, frequency))
        ):
            fixes[word] = fix
            out.append(fix)
        else:
            out.append(word)
    return out, fixes


LOOKING = frozenset({"looking", "look", "looks", "looked"})


def _looks_like(words: Sequence[str], i: int, fix: str) -> bool:
    """True when ``words[i]`` is ``fix`` made an adjective with "y" and said of a look ("warty
    crusty looking things", "they look warty"): what something looks like, not the
    condition."""
    if words[i] != f"{fix}y":
        return False
    return bool(LOOKING.intersection(words[i + 1 : i + 3])) or (i > 0 and words[i - 1] in LOOKING)


def _american_term(word: str, lexicon: Lexicon, keep: Collection[str]) -> str | None:
    """The American spelling of ``word`` when the vocabulary uses it more than ``word``
    itself (MeSH keeps "anaemia" in a few entry terms, "anemia" in hundreds)."""
    us = american(word)
    if us == word or word in keep:
        return None
    found = lexicon({word, us})
    return us if found.get(us, 0) > found.get(word, 0) else None


LOOK_ALIKE_LETTERS = 6
"""Words this short are not corrected into a drug's name: short brand names one letter apart
are the look-alike names behind medication errors, and a patient's unknown product name
("visine", "malox") is more likely another product than a misspelt drug."""


def look_alike(word: str, fix: str, drug_name: Callable[[str], bool]) -> bool:
    """True when correcting ``word`` to ``fix`` would turn a short word into a drug's name
    (:data:`LOOK_ALIKE_LETTERS`); the word is then left as written (and may be suggested)."""
    return len(word) <= LOOK_ALIKE_LETTERS and drug_name(fix)


COMMONER = 10
"""How many times as many indexed documents a vocabulary word must fill than a word one edit
from it for the word to be read as its misspelling (:func:`corrected`)."""
MIN_COMMON_DOCS = 50
"""…and in at least this many documents: among rare words, counts say nothing."""


def _commoner(fix: str, word: str, frequency: Callable[[str], int]) -> bool:
    wanted = frequency(fix)
    return wanted >= MIN_COMMON_DOCS and wanted >= COMMONER * frequency(word)
