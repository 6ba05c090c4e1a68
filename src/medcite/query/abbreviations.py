"""Clinical abbreviations patients write ("PCOS", "AFib", "UTI") → clinical terms.

The table ships as ``data/abbreviations.tsv`` (abbreviation<TAB>term; term ...). Case rules, so
that ordinary words are never read as abbreviations:

* an abbreviation of three letters or fewer matches only when written with the table's capitals:
  "MS" is multiple sclerosis, "ms" (Ms, milliseconds) is not; "AFib" and "A1C" likewise —
  except a three-letter one that is no English word at all (pyspellchecker count 0): "hiv",
  "copd", "uti" are read in any case, "add", "odd", "pet" are not;
* a longer one matches in any case ("copd", "Pcos"), unless its lower-case form is common English
  (:func:`medcite.query.english.is_common_english`): "AIDS" and "POTS" need capitals, "aids"
  and "pots" are words.

Keys are normalised like :func:`medcite.text.normalise` ("UTIs" → "uti"), so plurals match.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from medcite.query.english import english_frequency, is_common_english
from medcite.text import normalise

SHORT = 3
"""Abbreviations with at most this many letters must be written in capitals."""


@cache
def abbreviations() -> dict[str, tuple[str, ...]]:
    """Normalised abbreviation → clinical terms (as in the table, lower-case)."""
    return {key: terms for key, (_written, terms) in _table().items()}


Entry = tuple[str, tuple[str, ...]]
"""An abbreviation as spelled in the table, with its clinical terms."""


@cache
def _rows() -> tuple[Entry, ...]:
    """The table's rows, in order."""
    text = resources.files("medcite.query").joinpath("data", "abbreviations.tsv")
    rows = []
    for line in text.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        written, _tab, right = line.partition("\t")
        terms = tuple(t.strip().lower() for t in right.split(";") if t.strip())
        if normalise(written) and terms:
            rows.append((written.strip(), terms))
    return tuple(rows)


@cache
def _table() -> dict[str, Entry]:
    """Normalised abbreviation → (spelling in the table, clinical terms)."""
    table: dict[str, Entry] = {}
    for written, terms in _rows():
        table.setdefault(normalise(written), (written, terms))
    return table


@cache
def _by_spelling() -> dict[str, Entry]:
    """Abbreviation as spelled (lower case, not singularised) → its entry: two abbreviations
    one plural apart ("CRP", "CRPS") share a normalised key, and each keeps its own here."""
    table: dict[str, Entry] = {}
    for written, terms in _rows():
        table.setdefault(written.lower(), (written, terms))
    return table


def lookup_abbreviation(token: str) -> tuple[str, ...]:
    """Clinical terms for an abbreviation as written in the question; () when it is not one
    (or is written in a case that makes it an ordinary word, see the module doc)."""
    token = token.strip()
    key = normalise(token)
    entry = _by_spelling().get(token.lower()) or _table().get(key)
    if entry is None:
        return ()
    written, terms = entry
    letters = sum(c.isalpha() for c in written)
    needs_capitals = is_common_english(key) or (letters <= SHORT and not _no_word(key, letters))
    if needs_capitals and not _capitalised_like(token, written):
        return ()
    return terms


def _no_word(key: str, letters: int) -> bool:
    """True for a three-letter abbreviation that is no English word in any sense."""
    return letters == SHORT and english_frequency(key) == 0


def _capitalised_like(token: str, written: str) -> bool:
    """True when every capital of the table's spelling is a capital in ``token`` ("AFib",
    "AFIB"; not "Afib", "afib") and ``token`` has at least one capital."""
    stem = token.removesuffix("'s").removesuffix("s") if len(token) > len(written) else token
    if len(stem) < len(written):
        return False
    caps = [c.isupper() for c in written if c.isalpha()]
    mine = [c.isupper() for c in stem if c.isalpha()][: len(caps)]
    return any(mine) and all(m for m, c in zip(mine, caps, strict=False) if c)
