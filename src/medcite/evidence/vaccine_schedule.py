"""Which vaccines a situation needs: a question the index's single-vaccine pages cannot answer.

Which vaccines a traveller needs depends on the destination, the length and kind of stay and the
vaccines already had; which a child needs, on the child's age and the doses already given. The
NIH pages in the index each describe one vaccine or vaccines in general, and none says what a
trip to a given place or a 2-month-old needs. Quoting them ("Flu is a respiratory infection …"
for "what jabs do I need for Thailand", "Tdap … is for older children and adults" for a baby)
reads as the answer and leaves out the ones that matter. The answer comes from a page on that
situation (travel health, childhood immunisation), if the index has one (the retriever looks
for it in the pages' topics; its topic is the situation, so the topic gate sets it aside), else
medcite says where the schedule is given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from medcite.query.groups import GROUPS
from medcite.records import Document, Evidence, EvidenceLevel, Query
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
CHILDHOOD_VACCINES = (
    "Which vaccines a child needs depends on the child's age and the doses already given; none "
    "of the pages found gives the childhood schedule, and pages on single vaccines cannot say "
    "which are due at an age, so none is quoted. Your child's doctor, nurse or health visitor, "
    "or the CDC's immunization schedules (cdc.gov/vaccines/schedules; in the UK, the NHS "
    "vaccination schedule) say which vaccines are due at each age, and how to catch up on "
    "missed ones."
)


def _on_a_trip(query: Query) -> bool:
    """A place (MeSH geographic) or a trip ("going to Thailand", "jabs before a trip")."""
    place = any(n.startswith(PLACE_TREE) for c in query.concepts for n in c.tree_numbers)
    return place or bool(_TRIP.search(query.question))


_WHICH_ASKED = re.compile(
    r"\b(?:what|which)\b[^.?!]{0,40}?\b(?:vaccin\w*|jabs?|shots?|immuni[sz]\w*|boosters?)\b|"
    r"\b(?:need|needs|due|schedule|should (?:\w+ )?(?:get|have))\b",
    re.IGNORECASE,
)
"""A question which vaccines are needed or due, not one about a vaccine already given ("baby
had her jabs yesterday and has a temperature")."""


def _for_a_child(query: Query) -> bool:
    """Which vaccines a child or a baby needs, not one still to be born ("what jabs does my 2
    month old need", "is my 4 yr old due any boosters")."""
    question = query.question
    child = GROUPS["children"].search(question) and not GROUPS["pregnancy"].search(question)
    return bool(child and _WHICH_ASKED.search(question))


@dataclass(frozen=True)
class Schedule:
    """A situation whose vaccines a schedule sets: when it applies, the words a page on it is
    named with (one word of each set), what to search the pages' topics for, and where to go when
    no such page was found."""

    applies: Callable[[Query], bool]
    page_words: tuple[frozenset[str], ...]
    search: str
    abstention: str
    where: str
    """Who says which vaccines are due, after an answer from the situation's page."""

    def pages(self, evidence: Iterable[Evidence]) -> list[Evidence]:
        """The guideline-level pages among ``evidence`` whose topic is this situation
        ("Traveler's Health", "Childhood Immunization"): they, not the pages on single
        vaccines, say what it needs."""
        return [
            e for e in evidence if e.level is EvidenceLevel.GUIDELINE and self.about(e.hit.document)
        ]

    def about(self, document: Document) -> bool:
        """True when ``document``'s topic (else its title) names the situation."""
        named = stems(document.focus or document.title or "")
        return all(words & named for words in self.page_words)


TRAVEL = Schedule(
    _on_a_trip,
    (stems("travel traveler travelers traveller travellers traveling travelling"),),
    "traveler's health travel",
    TRAVEL_VACCINES,
    " A travel clinic, your doctor or the CDC's Travelers' Health pages (wwwnc.cdc.gov/travel) "
    "can say which vaccines your destination needs.",
)
CHILDHOOD = Schedule(
    _for_a_child,
    (
        stems("childhood child children infant infants baby babies"),
        stems("immunization immunizations immunisation vaccine vaccines vaccination"),
    ),
    "childhood immunization children vaccines",
    CHILDHOOD_VACCINES,
    " Your child's doctor or nurse, or the CDC's immunization schedules "
    "(cdc.gov/vaccines/schedules), can say which vaccines are due at your child's age.",
)
SCHEDULES = (TRAVEL, CHILDHOOD)
"""In order: a family trip's vaccines are the travel clinic's to say."""


def asked_schedule(query: Query) -> Schedule | None:
    """The schedule a question asks which vaccines of, or None: its topic is vaccines or
    vaccination as a whole and it names a trip ("jabs before a trip to Kenya") or a child ("what
    vaccines does my 2 month old need"). A question naming one vaccine ("do I need a yellow
    fever jab for Kenya", "is the MMR safe for my 1 year old") is answered from that vaccine's
    page."""
    general = any(VACCINE_CLASSES & set(c.tree_numbers) for c in query.primary_topics)
    if not general:
        return None
    return next((s for s in SCHEDULES if s.applies(query)), None)
