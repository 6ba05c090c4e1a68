"""What every renderer shows under an emergency card.

An emergency replaces the answer: under a "Seek care now" card the quoted statements (a general
page on headaches, "Not all headaches require medical attention") could read as reassurance, and
no source found can tell whether this is the emergency. So does a same-day card raised by a
question that asks to be told it is nothing ("a swollen calf after a flight: just a pulled
muscle?"), or one whose answer found no statement that answers it (the card is then the
answer), or a same-day card shown alone (``safety.CARD_ALONE``: insect stings for a cat bite).
The terminal, text and Markdown answers
then show the card alone (an emergency replaces the answer, and the pages found beside it, on
an arm injury for chest pain spreading to the arm, are no reading for someone who should be
calling for help); the long form (``--detail``) still reads them out, as the web page keeps
them behind a closed "evidence found" disclosure.
"""

from __future__ import annotations

from medcite.answer.safety import an_emergency, by_rule, card_alone, seeks_reassurance
from medcite.records import Answer

WITHHELD = (
    "The sources found are not shown: beside the card above, a summary of them could read as "
    "reassurance, and none can tell whether this is urgent. Ask for the long form (--detail) "
    "to read them."
)


def withheld(answer: Answer) -> bool:
    """True when the question describes an emergency, or raises a same-day card while asking
    to be told it is nothing ("just a pulled muscle?", :func:`seeks_reassurance`) or while no
    statement found answers it (a bottom line with no statement: "the sources found do not
    answer this directly", then pages on insect stings for a monkey bite), and the default
    (short) answer was asked for: the body is not shown (module docstring). Any other same-day
    card keeps its answer, and so does a card raised only by the statistical check of the
    wording (:func:`medcite.answer.safety.by_rule`)."""
    if answer.detail or answer.abstained:
        return False
    flags = by_rule(answer.query.red_flags)
    if an_emergency(flags) or card_alone(flags):
        return True
    unanswered = answer.bottom_line is not None and not answer.bottom_line.bullets
    return bool(flags) and (unanswered or seeks_reassurance(answer.question))
