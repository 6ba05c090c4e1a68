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

A clinical word split in two ("angio edema", "anti viral", "level iracetam") is joined first:
two neighbouring words become one when, written together (at least MIN_JOINED letters), they
are a vocabulary word, or one edit from one while one of the two is itself no word the index or
English knows (so "high blood" never becomes anything).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from medcite.query.english import is_common_english
from medcite.text import stems

MIN_CHARS = 5
MIN_JOINED = 7
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


def correctable(word: str) -> bool:
    return len(word) >= MIN_CHARS and word.isalpha()


def correction(word: str, lexicon: Mapping[str, int]) -> str | None:
    """The lexicon word one edit from ``word``, or None (known, too short or no such word)."""
    if not correctable(word) or word in lexicon:
        return None
    found = [w for w in edits1(word) if w in lexicon]
    return max(found, key=lambda w: (lexicon[w], w)) if found else None


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


def _strange(parts: Sequence[str], known: Callable[[str], bool]) -> bool:
    """True when one of ``parts`` is no English word and occurs nowhere in the index."""
    return any(correctable(p) and not is_common_english(p) and not known(p) for p in parts)


def corrected(
    words: Sequence[str], lexicon: Lexicon, known: Callable[[str], bool]
) -> tuple[list[str], dict[str, str]]:
    """``words`` with misspelt clinical words corrected (parts joined first, see
    :func:`joined`), and the corrections made; ``lexicon`` is asked once per correctable word,
    for the word and its one-edit neighbours."""
    words, fixes = joined(words, lexicon, known)
    out = []
    for word in words:
        wanted = correctable(word) and not is_common_english(word)
        fix = correction(word, lexicon({word, *edits1(word)})) if wanted else None
        if fix is not None and (word in fixes or stems(word) == stems(fix) or not known(word)):
            fixes[word] = fix
            out.append(fix)
        else:
            out.append(word)
    return out, fixes
