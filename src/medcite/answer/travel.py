"""Vaccines for a trip: a question the index's vaccine pages cannot answer.

Which vaccines a traveller needs depends on the destination, the length and kind of stay and
the vaccines already had; the NIH pages in the index each describe one vaccine or vaccines in
general, and none says what a trip to a given place needs. Quoting them ("Flu is a respiratory
infection …" for "what jabs do I need for Thailand") reads as the answer and leaves out the ones
that matter. The answer comes from a page on travel health, if the index has one (its topic is
travel, so the topic gate had set it aside), else medcite says where travel vaccines are
advised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from medcite.records import Evidence, EvidenceLevel, Query
from medcite.text import stems

VACCINE_CLASSES = frozenset(
    {
        "D20.215.894",
        "E02.095.465.425.400",
        "E05.478.550",
        "E02.095.465.425.400.530.890",
        "E05.478.550.600.890",
    }
)
"""MeSH numbers of vaccines, immunisation and vaccination as a whole (not one vaccine)."""
PLACE_TREE = "Z01"
"""MeSH geographic locations (countries, regions)."""
_TRIP = re.compile(
    r"\b(?:travel\w*|trip|holiday|vacation|abroad|overseas|backpacking|going to|flying to|"
    r"visiting|off to)\b",
    re.IGNORECASE,
)
TRAVEL_VACCINES = (
    "Which vaccines a trip needs depends on where you go, for how long, what you will do there "
    "and which vaccines you have had; none of the pages found is on travel health, and pages on "
    "single vaccines cannot say which a destination needs, so none is quoted. A travel clinic, "
    "your doctor or pharmacist, or the CDC's Travelers' Health pages (wwwnc.cdc.gov/travel, by "
    "destination) can tell you; go 4 to 8 weeks before you leave, as some vaccines need time or "
    "more than one dose."
)


def travel_vaccines(query: Query) -> bool:
    """True when the question asks which vaccines in general a trip needs: its topic is vaccines
    or vaccination as a whole and it names a place (MeSH geographic) or a trip ("going to
    Thailand", "jabs before a trip to Kenya"). A question naming one vaccine ("do I need a
    yellow fever jab for Kenya") is answered from that vaccine's page."""
    general = any(VACCINE_CLASSES & set(c.tree_numbers) for c in query.primary_topics)
    if not general:
        return False
    place = any(n.startswith(PLACE_TREE) for c in query.concepts for n in c.tree_numbers)
    return place or bool(_TRIP.search(query.question))


_TRAVEL_WORDS = stems("travel traveler travelers traveller travellers traveling travelling")


def travel_pages(evidence: Iterable[Evidence]) -> list[Evidence]:
    """The guideline-level pages among ``evidence`` whose topic is travel ("Traveler's
    Health"): they, not the pages on single vaccines, say what a trip needs."""
    return [
        e
        for e in evidence
        if e.level is EvidenceLevel.GUIDELINE
        and _TRAVEL_WORDS & stems(e.hit.document.focus or e.hit.document.title or "")
    ]
