"""Questions told in pregnancy, after a birth or while breastfeeding whose only known topic is
that state.

"is it safe to sit in a hot tub at 7 weeks pregnant", "brie and prawns when pregnant??": the
asker's state is the only concept the vocabulary finds, so the topic gate admits every page on
pregnancy, and an answer built from them ("Most teenage girls don't plan to get pregnant", a
study of pregnancy outcomes in unmarried women) says nothing of what was asked. Such a question
is about its other words (the hot tub, the cheese): a statement is used only when it names one
of them; when none does, medcite abstains and says where exposures in pregnancy are answered.
"""

from __future__ import annotations

from collections.abc import Callable

from medcite.answer.bottom_line import predicate
from medcite.answer.extract import Candidate
from medcite.query.groups import breastfeeding_asker, told_pregnant
from medcite.records import Query, only_under
from medcite.text import stems

STATE_TREES = (
    "G08.686.784.769",  # pregnancy
    "G08.686.702",  # the postpartum period, lactation in it
    "G08.686.523",  # lactation
    "F01.145.407.199",  # breast feeding, as behaviour
    "G07.203.650.195",  # … and as infant nutrition
    "G07.203.650.220.500.500",
    "G07.203.650.353.199",
)
"""MeSH tree numbers of the states an asker tells of herself: pregnancy, the postpartum
period, lactation, breast feeding."""
_STATE_WORDS = stems(
    "baby babies unborn trimester postpartum pp mom mum mother wife girlfriend gf breast breasts "
    "milk feed feeds feeding nurse nursing"
)
"""Words of the state and of who is in it, beside the state's own names (which
:func:`~medcite.answer.bottom_line.predicate` leaves out): every page on pregnancy names them.
The other state is a subject: "can I get pregnant while breastfeeding"."""
_TIME_WORDS = stems(
    "week weeks wk wks month months day days year years ago now today yesterday tonight "
    "morning night already still just once twice"
)
_ASKING_WORDS = stems(
    "safe safely okay ok fine allowed alright harm hurt risk worried scared eat eating ate "
    "she he her him his they im ive not no dont doesnt isnt found probably maybe"
)
"""How a safety question is asked ("is it safe", "is it ok", "can she eat …"): every warning
says them; what is eaten is the subject (drinking is one: alcohol)."""
MIN_SUBJECT_LETTERS = 3


def state_only(query: Query) -> bool:
    """True for a question told by someone pregnant now or breastfeeding
    (:func:`~medcite.query.groups.told_pregnant`, ``breastfeeding_asker``) whose primary topics
    are all that state (:data:`STATE_TREES`)."""
    topics = query.primary_topics
    if not topics or not all(only_under(c.tree_numbers, STATE_TREES) for c in topics):
        return False
    return told_pregnant(query.question) or breastfeeding_asker(query.question)


def subject_words(query: Query) -> frozenset[str]:
    """The stems of what a :func:`state_only` question asks about: its predicate words
    (:func:`medcite.answer.bottom_line.predicate`) other than the state's, time and asking
    words; empty for any other question."""
    if not state_only(query):
        return frozenset()
    words = predicate(query) - _STATE_WORDS - _TIME_WORDS - _ASKING_WORDS
    return frozenset(w for w in words if w.isalpha() and len(w) >= MIN_SUBJECT_LETTERS)


def subject_filter(query: Query) -> Callable[[Candidate], bool] | None:
    """Whether a statement names the subject of a :func:`state_only` question; None when the
    question is not one, or names nothing beside the state (every statement may answer it)."""
    words = subject_words(query)
    if not words:
        return None

    def names_subject(candidate: Candidate) -> bool:
        return bool(candidate.stems & words)

    return names_subject
