"""Names whose accented letters MedQuAD dropped, restored in MeSH's unaccented spelling.

MedQuAD's answers were scraped from NIH pages with every non-ASCII character removed, so
"Sjögren" became "Sjgren" and "Ménière" "Mnire": names that no reader, search or vocabulary term
recognises. At ingest these damaged eponyms are written the way MeSH writes them without
diacritics ("Sjogren", "Meniere"), so the stored text — and every sentence quoted from it — reads
correctly and matches the question's words. The table holds medical eponyms with diacritics; a
name is only replaced as a whole word.

Not repaired: numeric ranges whose dash was dropped ("12 days" where the page said "1–2 days")
cannot be told from real numbers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

DROPPED: Mapping[str, str] = {
    "Sjgren": "Sjogren",
    "Mnire": "Meniere",
    "Behet": "Behcet",
    "Guillain-Barr": "Guillain-Barre",
    "Mntrier": "Menetrier",
    "Schnlein": "Schonlein",
    "Waldenstrm": "Waldenstrom",
    "Mllerian": "Mullerian",
    "Szary": "Sezary",
    "Legg-Calv": "Legg-Calve",
    "Bjrnstad": "Bjornstad",
    "Mbius": "Mobius",
    "Gnther": "Gunther",
    "Hnermann": "Hunermann",
    "Lfgren": "Lofgren",
    "Hrthle": "Hurthle",
    "Frhlich": "Frohlich",
    "Lffler": "Loffler",
    "Strmpell": "Strumpell",
}
"""Damaged spelling → MeSH's unaccented spelling (Sjögren, Ménière, Behçet, Guillain-Barré …)."""

_NAMES = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, DROPPED)) + r")(?![\w])", re.IGNORECASE
)
_BY_LOWER = {k.lower(): v for k, v in DROPPED.items()}


def restore(text: str) -> str:
    """``text`` with the damaged names of :data:`DROPPED` written out, keeping the case of the
    first letter ("sjgren syndrome" → "sjogren syndrome")."""
    return _NAMES.sub(_replacement, text) if text else text


def _replacement(match: re.Match[str]) -> str:
    found = match.group(1)
    fixed = _BY_LOWER[found.lower()]
    return fixed if found[0].isupper() else fixed[0].lower() + fixed[1:]
