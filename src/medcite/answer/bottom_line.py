"""The bottom line: a direct answer to the question as asked, before the sections.

medcite writes no medical claim of its own. A bottom line is a short framing sentence in
medcite's words — what kind of answer the sources give — followed by at most
``MAX_STATEMENTS`` verbatim, cited sentences chosen for the question type
(:class:`~medcite.records.QuestionType`):

- **yes/no** — the statement that names the question's topic (each of them, when it names
  several) *and* what is asked about it (its other content words, the "predicate":
  "autoimmune" in "Is uveitis autoimmune?"; two of them, or all when fewer). Its polarity
  is read from a negation within ``NEGATION_WINDOW`` words before a predicate word: "the sources
  found suggest yes" / "… suggest no"; two statements of opposite polarity → "the sources found
  disagree"; no statement names the predicate → "the sources found do not answer yes or no
  directly". Never a bare "yes". A safety question ("Is X safe …?", "ok to …") is never
  answered yes: the warnings the sources give ("The sources found warn:"), or that they do not
  say whether it is safe.
- **dose** — a statement that gives an amount (mg, mcg, units, ml, tablets …) for the topic, or
  "No source in the index gives a dose for X" with where to ask.
- **comparison** — a statement naming both sides, or "No source … compares X and Y directly".
- **what to do** — the best self-care/treatment statement and the best when-to-seek-care one.
- **interaction** — the best statement about taking them together.
- otherwise the best statement for the facet asked (guideline-level first; an overview only from
  a guideline-level page; one naming the question's or its page's topic first), "In short"; a
  question naming a few words beside its topic ("what color is phenytoin") needs a statement
  naming one of them, not the topic's definition; when none answers the facet asked, a framing
  sentence that says the sources do not answer it directly.

In a longer message the yes/no question is the sentence that asks it; words of causation in it
("cause", "contribute") are answered by any wording of causation ("a risk factor for").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import islice

from medcite.answer.class_pages import STOPPING, STOPPING_SAID
from medcite.answer.extract import (
    ADVICE,
    CAUGHT_FROM,
    DOSE,
    RAISES_RISK,
    SAFETY_QUESTION,
    STAGING,
    THRESHOLD,
    Candidate,
    asked_amount,
    corrected,
    defines_another,
    dose_amount,
    limit_of,
    measured_words,
    name_stems,
    page_statements,
    states_a_value,
    states_amount,
    waited_for,
)
from medcite.answer.terms import phrase_in
from medcite.query.concepts import anatomy_only, is_sign
from medcite.query.drugs import class_pattern
from medcite.query.english import english_frequency, is_common_english
from medcite.query.groups import GROUPS, pregnancy_excluded
from medcite.query.measures import told_on_smaller_scale
from medcite.query.understand import (
    asking_sentence,
    asks_what_it_is,
    asks_when_safe_again,
    evidence_question,
    feared_name,
    later_yes_no,
    named_fear,
    second_yes_no,
    yes_no_clause,
)
from medcite.query.vocab import HEALTH_TREES
from medcite.records import (
    DIAGNOSTIC_TREE,
    Evidence,
    Facet,
    Query,
    QueryConcept,
    QuestionType,
    only_under,
)
from medcite.text import message_sentences, normalise, stems, uninverted

MAX_STATEMENTS = 2
WARN_FRAME = "The sources found warn:"
NEGATION_WINDOW = 4
MAX_ATTRIBUTE_WORDS = 4
"""A question asking no facet but naming at most this many words beside its topic ("what is
the smell of marijuana", "what color is phenytoin") asks about those: an overview statement
must name one to be its short answer."""
_REQUEST_WORDS = stems(
    "want wanted know learn more tell information info general health please help thanks thank "
    "question questions details detail explain understand find looking"
)
"""Words of a request for information ("I want to know more about …"), not an attribute asked."""
MIN_PREDICATE_WORDS = 2
"""A yes/no statement must name this many of the question's predicate words (or all of them
when there are fewer): "Is X safe during pregnancy?" is not answered by a sentence that only
mentions pregnancy."""
_HAVE_CONDITION = re.compile(
    r"\b(can|could|may)\s+(i|you|we|he|she|they|my\s+\w+|a\s+\w+|someone)\s+(still\s+)?have\b",
    re.I,
)


WORRY_QUESTION = re.compile(
    r"\b(?:should|do|does|must) (?:i|we|he|she|they) (?:be |get )?(?:worried|worry|concerned|"
    r"panic\w*|freak\w* out)|\b(?:need|have) to (?:worry|be worried|be concerned)|\bis (?:it|"
    r"this|that) (?:something )?(?:serious|worrying|worrisome|something to worry about)\b",
    re.IGNORECASE,
)
"""Asking whether to worry ("should I be worried", "is it serious"): a quoted statement that
names the disease feared ("ALS is invariably fatal") is no yes to it."""


WORRY_FRAME = (
    "The sources found do not say whether to worry in your case; on when to see a doctor they say:"
)


def _worry(cands: Sequence[Candidate], exact: Callable[[Candidate], bool]) -> Pick:
    """ "Should I be worried?" has no yes or no in a quotation: what guideline pages say of when
    to be seen, else the framing that the sources do not answer it directly. When pages on the
    topic itself were found, only theirs: a page on a narrower condition speaks of when to
    worry about that one ("When left untreated, OHS can cause …" for snoring)."""
    if any(exact(c) for c in cands):
        cands = [c for c in cands if exact(c)]
    guideline = [c for c in cands if c.guideline]
    care = [
        c
        for c in guideline
        if c.facet is Facet.SEEK_CARE and _TELLS_WHEN_TO_ACT.search(c.sentence.text)
    ]
    # a page's advice to be checked or screened ("People at risk should get eye exams at least
    # every two years") says when to be seen too, whatever facet took it
    checks = [
        c
        for e in _pages_of(guideline)
        for c in page_statements(e, Facet.SEEK_CARE)
        if _CHECKS_ADVISED.search(c.sentence.text)
    ]
    found = _distinct_documents([*care, *checks])
    if found:
        return Pick(WORRY_FRAME, tuple(found[:MAX_STATEMENTS]))
    return unanswered("it", QuestionType.YES_NO)


def _pages_of(cands: Sequence[Candidate]) -> list[Evidence]:
    """The pages ``cands`` come from, each once, in order."""
    return [c.evidence for c in _distinct_documents(cands)]


_CHECKS_ADVISED = re.compile(
    r"\b(?:should|make sure to|need to|needs to|it is important to|encourage \w+ to)\b[^.;]{0,40}?"
    r"\b(?:get|have|go for|be)\b[^.;]{0,40}?\b(?:exams?|examinations?|check-?ups?|checked|"
    r"examined|screen(?:ed|ing)?|tested)\b",
    re.IGNORECASE,
)
"""Advice to be checked, examined or screened ("should get eye exams", "have a health care
professional check your moles" is a care line already)."""


_TELLS_WHEN_TO_ACT = re.compile(
    r"\b(?:have|get) (?:a |an |your )?(?:doctor|health ?care (?:professional|provider)|"
    r"gp|nurse|dermatologist|provider) (?:check|look at|examine)|"
    r"\b(?:see|call|contact|talk|speak|tell|ask|go|seek|visit|check with|dial|get (?:medical|"
    r"emergency|immediate|urgent|prompt)|don'?t wait|do not wait)\b|\bif (?:you|your|a|an|the)\b",
    re.IGNORECASE,
)
"""A statement that tells the reader when or how to get care ("See a doctor if …", "If you
observe …, call 911"): not a line on what hospitals have ("MRI is not available at all hours
in most hospitals"), though it speaks of emergencies."""


def safety_question(query: Query) -> bool:
    """:data:`SAFETY_QUESTION`, except that "can you have X" about a condition asks whether the
    condition happens ("can you have strep throat without a fever"), not whether one may, and
    that whether it is safe to be near someone with an infection asks how it spreads
    (:data:`_CONTACT_ASKED`)."""
    if _contact_asked(query):
        return False
    found = [m.group(0) for m in SAFETY_QUESTION.finditer(query.question)]
    if not all(_HAVE_CONDITION.fullmatch(m) for m in found):
        return True
    topics = query.primary_topics
    return bool(found) and (not topics or not all(c.condition for c in topics))


HARM = re.compile(
    r"\b(should not|must not|do not|don't|never|avoid\w*|contraindicat\w*|not recommended|"
    r"warnings?|harm\w*|birth defects?|toxic\w*|unsafe|dangerous|adverse|side effects?|"
    r"risks?|complications?|death|fatal|damage\w*|injur\w*)\b",
    re.I,
)
_NOT = frozenset(
    "not never cannot can't doesn't don't isn't aren't won't cant doesnt dont isnt arent "
    "wont".split()
)
"""Negations of a verb."""
_NEGATION = _NOT | frozenset("no unlikely neither nor without rarely".split())
"""What denies a statement's predicate word: a verb's negation, or "no", "without" …"""
_VERB_NEGATION = _NOT | {"didn't", "didnt"}
"""Negations of a verb as a question asks them: they deny the claim itself ("is it true it
doesn't work"), unlike "without" or "no", which name what is asked about ("… happen without
pain")."""
_NEGATION_STEMS = stems(" ".join(_VERB_NEGATION))
"""A verb's negation asks no predicate of its own ("doesn't" in "is it true it doesn't
work")."""
_GENERIC = stems(
    "disease diseases condition disorder problem problems thing things body person people "
    "someone normal good right true possible really actually honestly truly something anything "
    "take taking use using get getting have having "
    "after before during within since until"
)
_BROAD = _GENERIC | stems("infection infections")
"""Words a statement may share with a condition's name without naming that condition ("viral
infections" for a urinary tract infection)."""
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class Pick:
    """A bottom line before numbering: the framing sentence and the statements it rests on."""

    verdict: str
    chosen: tuple[Candidate, ...] = ()
    where_to_go: str = ""
    """Who can answer instead, after a verdict that answers nothing itself (counted in the
    body's word budget)."""
    refers: bool = False
    """True when the verdict itself already says who can answer ("… a pharmacist, your doctor
    or the drug's label can tell you …"): no pointer is added after it."""


def bottom_line(
    query: Query,
    cands: Sequence[Candidate],
    topic: str,
    exact_ids: Collection[str] = (),
    warned: Sequence[Candidate] = (),
    *,
    found: Mapping[str, Collection[str]] | None = None,
) -> Pick | None:
    """The bottom line for ``query`` from ``cands`` (best first); ``topic`` names the question's
    topic for medcite's framing sentence ("ibuprofen", "fever"); ``exact_ids`` are the pages
    the topic gate found to be on the question's topic itself (:func:`exact_page`);
    ``warned`` are the answer's warning statements (``extract.warnings``), which also answer
    a question whether something is safe; ``found`` gives, for each of the question's topics,
    the documents the topic gate found about it (``GateResult.found``; None when the gate did
    not run). None when nothing fits."""
    exact = exact_page(query, exact_ids)
    named = named_page(query)
    # a page on the topic first, and among those the page under its own name before one under
    # another of its names ("Alopecia areata" before "Alopecia universalis", which MeSH files
    # as another name of it, for a coin-sized bald patch)
    cands = sorted(_for_the_patient(query, cands), key=lambda c: (not exact(c), not named(c)))
    return _feared(query, cands, exact) or _of_kind(
        query, cands, topic=topic, exact=exact, warned=warned, found=found
    )


def _of_kind(
    query: Query,
    cands: Sequence[Candidate],
    *,
    topic: str,
    exact: Callable[[Candidate], bool],
    warned: Sequence[Candidate],
    found: Mapping[str, Collection[str]] | None,
) -> Pick | None:
    """The bottom line the question's type asks for (see :func:`bottom_line`)."""
    kind = query.question_type
    if kind is QuestionType.YES_NO:
        return _how_to_stop(query, cands) or _yes_no_asked(query, cands, exact, warned, found)
    if kind is QuestionType.DOSE:
        return _dose(query, cands, topic)
    if kind is QuestionType.COMPARISON:
        compared = _comparison(query, cands)
        if compared is not None:
            return compared
    if kind is QuestionType.WHAT_TO_DO:
        return _what_to_do(query, cands, topic)
    if kind is QuestionType.INTERACTION and (pair := _taken_together(query, cands, topic)):
        return pair
    # "…, is this just old age": what the topic is ("common as people age") would read as a yes
    just = _JUST_ASKED.search(query.question)
    return unanswered(topic) if just else _joint(query, cands, topic, found)


FEAR_FRAME = "Whether this is {name} cannot be told from pages; a doctor who examines you can tell."


def _feared(
    query: Query, cands: Sequence[Candidate], exact: Callable[[Candidate], bool]
) -> Pick | None:
    """The bottom line of a question that fears a grave condition of what it tells ("ringing in
    my ears, could it be a brain tumour", ``feared_cancer``): that pages cannot tell, then what
    guideline pages on what it tells say of when to see a doctor, or where to go."""
    feared = [c for c in query.concepts if named_fear(c)]
    if not feared or not query.primary_topics:
        return None
    frame = FEAR_FRAME.format(name=feared_name(feared[0], query.question))
    seen = _worry([c for c in cands if exact(c)], exact)
    if seen.chosen:
        return Pick(f"{frame} On when to see a doctor, the sources found say:", seen.chosen)
    return Pick(f"{frame} Book an appointment to have it checked.", refers=True)


def _of_an_untold_pregnancy(query: Query, cand: Candidate) -> bool:
    """True for a statement about pregnancy or breastfeeding when the question names neither:
    true of pregnant women, it is no short answer for the asker ("A pregnant woman treated with
    X should tell her provider" for a question choosing between treatments)."""
    pregnancy = GROUPS["pregnancy"]
    return bool(pregnancy.search(cand.sentence.text)) and not pregnancy.search(query.question)


def _for_the_patient(query: Query, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` without statements about pregnancy when the patient asked about cannot be
    pregnant (``query.groups.pregnancy_excluded``: "my son tested positive for strep" is not
    answered by "A screening test during pregnancy can tell if you have it")."""
    if not pregnancy_excluded(query.question):
        return list(cands)
    return [c for c in cands if not GROUPS["pregnancy"].search(c.sentence.text)]


def _joint(
    query: Query,
    cands: Sequence[Candidate],
    topic: str,
    found: Mapping[str, Collection[str]] | None = None,
) -> Pick | None:
    """:func:`_apart` for two conditions named together, else :func:`_in_short`. A statement
    naming both that answers none of the facets asked yields to the best statement for one
    ("how to prevent tick bites and Lyme disease": how to protect yourself, not what Lyme
    disease is)."""
    apart = _apart(query, cands, found)
    if apart is None:
        return _in_short(query, cands, topic)
    asked = set(query.asked) - {Facet.OVERVIEW}
    if apart.chosen and asked and not any(c.facet in asked for c in apart.chosen):
        short = _in_short(query, cands, topic)
        if short is not None and short.chosen:
            return short
    return apart


def _page_stems(candidate: Candidate) -> frozenset[str]:
    """The stems of the topic of the candidate's page ("Temporomandibular Joint Dysfunction")."""
    return stems(candidate.evidence.hit.document.focus or "")


def exact_page(query: Query, exact_ids: Collection[str] = ()) -> Callable[[Candidate], bool]:
    """A test of whether a candidate's page has one of ``query``'s primary topics as its topic
    (focus "Hepatitis" for "How do you catch hepatitis?"), not a narrower one ("Autoimmune
    hepatitis"): by the names the question knows it by (stemmed once per question), or, in
    ``exact_ids``, by another of its names ("Age-related macular degeneration")."""
    names = {s for c in query.primary_topics for n in (c.name, *c.names) if (s := stems(n))}

    def exact(candidate: Candidate) -> bool:
        doc = candidate.evidence.hit.document
        return doc.id in exact_ids or stems(doc.focus or "") in names

    return exact


def named_page(query: Query) -> Callable[[Candidate], bool]:
    """A test of whether a candidate's page has the question's one primary topic, by its own
    name (the descriptor's, or as the question said it), as its topic. With several topics
    none is preferred: a page named after one ("Cough", for the cough medicine told) would
    come before the page on what is asked ("Prostate Enlargement")."""
    topics = query.primary_topics
    names = (
        {s for c in topics for n in (c.name, c.matched) if (s := stems(uninverted(n)))}
        if len(topics) == 1
        else set()
    )

    def named(candidate: Candidate) -> bool:
        return _page_stems(candidate) in names

    return named


def predicate(query: Query) -> frozenset[str]:
    """Stems of what the question asks *about* its topic: its focus words minus the words that
    name its primary topics and minus generic words ("autoimmune" in "Is uveitis an autoimmune
    disease?"). In a longer message the yes/no question is the sentence asking it ("I worked
    among smokers. Could second-hand smoke cause AMD?"), not the story before it, nor the story
    after it ("Is shingles contagious? My pregnant daughter wants to visit"), nor a question
    asked after it ("… and when can he go back to school", :func:`yes_no_clause`), nor a condition
    added with "if" (:data:`_IF_CLAUSE`). Words of causation ("cause", "contribute",
    "trigger") are one word, :data:`CAUSATION`."""
    names = {n for c in query.primary_topics for n in (c.matched, *c.names, *c.also_said)}
    # and the words the asker wrote them in ("pink eye", read as "pinkeye")
    wrote = _written_apart(query)
    said = [w for name in names for w in wrote.get(name, [])]
    named = stems(" ".join([*names, *said]))
    focus = stems(corrected(query.focus or "", query.corrections))
    later = asked_clause(query.question)
    asked = (focus & stems(later)) if later else focus
    asking = corrected(later or query.question, query.corrections)
    asked = asked - _condition_words(query)
    wanted = (asked or focus) - named - _GENERIC - _PERSONS - _ages_told(query.question)
    if later and stems(later) & named and not stems(later) - named - _GENERIC:
        wanted = frozenset()  # "… is this TMJ?": only whether it is the topic, named as said
    for sense in PREDICATE_SENSES:
        if wanted & sense.asked:
            wanted = (wanted - sense.asked) | {sense.token}
    if _WORKS_ASKED.search(asking):
        wanted = (wanted - _WORKS) | {"<works>"}
    if _CURE_ASKED.search(asking):
        wanted = (wanted - _CURE) | {"<cured>"}
    if _need_asked(query):
        wanted = (wanted - _NEED) | {"<works>"}
    if _PASSED_ON_ASKED.search(asking):
        wanted = (wanted - _PASSES) | {"<spreads>"}
    if _UNAIDED_ASKED.search(asking):
        wanted = (wanted - _UNAIDED) | {"<unaided>"}
    if _BACK_ASKED.search(asking):
        wanted = (wanted - _COMES_BACK) | {"<again>"}
    if _JUST_ASKED.search(asking):  # the story told before it is no predicate
        wanted = frozenset({"<benign>"})
    if _contact_asked(query):
        # whether one may be near someone asks whether it spreads; the visit's story (when,
        # whose) is no predicate
        wanted = frozenset({"<spreads>"})
    if "<spreads>" in wanted:  # "contagious to others in the house": to whom is no predicate
        wanted = wanted - _RECIPIENTS
    return wanted - _NEGATION_STEMS


_PERSONS = stems(
    "mum mom mother dad father son daughter wife husband partner grandma grandmother grandad "
    "grandpa grandfather grandson granddaughter nan granny boyfriend girlfriend she he her him "
    "they them"
)
"""Whom the question is about ("should my dad take it"): no word a statement must say."""
_AGE_TOLD = re.compile(
    r"\b\d{1,3}[- ]?(?:years?|yrs?|months?)[- ]?olds?\b|\b\d{1,3} ?(?:yo|y/o|yr old)\b|"
    r"\baged? \d{1,3}\b",
    re.IGNORECASE,
)


def _ages_told(question: str) -> frozenset[str]:
    """The stems of the ages a question tells ("my 85 year old dad"): whom it asks about, no
    word a statement must say."""
    return frozenset(s for m in _AGE_TOLD.finditer(question) for s in stems(m.group(0)))


def _need_asked(query: Query) -> bool:
    """True when the question asks whether a medicine is needed (:data:`_NEED_ASKED`) and its
    topics are a medicine and something it may be taken for."""
    asking = corrected(asked_clause(query.question) or query.question, query.corrections)
    return (
        bool(_NEED_ASKED.search(asking))
        and any(c.drug for c in query.primary_topics)
        and bool(_treated(query))
    )


def _treated(query: Query) -> list[frozenset[str]]:
    """The stems naming each topic of ``query`` that is no medicine: what a statement of
    whether a medicine works must name (a line on what antibiotics do in general says nothing
    of a cough told before "do I need antibiotics?")."""
    return [told_stems(c) for c in query.topics if not c.drug]


def told_stems(concept: QueryConcept) -> frozenset[str]:
    """The stems of ``concept`` as the question told it and as the vocabulary names it."""
    return stems(" ".join([concept.matched, *concept.names]))


CONTACT_FRAME = (
    "The sources found do not say whether it is safe for you; on how it spreads, they say:"
)


def _contact_asked(query: Query) -> bool:
    """True when the question asks whether it is safe to be near someone with an infection
    (:data:`_CONTACT_ASKED`, in the asking sentence or the whole message)."""
    asking = corrected(asked_clause(query.question) or query.question, query.corrections)
    return bool(
        _CONTACT_ASKED.search(asking) or _CONTACT_ASKED.search(query.question)
    ) and _an_infection(query)


def _an_infection(query: Query) -> bool:
    """True when a primary topic of ``query`` is an infection (MeSH tree C01)."""
    return any(n.startswith("C01") for c in query.primary_topics for n in c.tree_numbers)


def _condition_words(query: Query) -> frozenset[str]:
    """The stems of the condition a yes/no question adds (:data:`_IF_CLAUSE`) and does not
    name elsewhere in the asking sentence."""
    asking = corrected(asked_clause(query.question) or query.question, query.corrections)
    return stems(" ".join(_IF_CLAUSE.findall(asking))) - stems(_IF_CLAUSE.sub(" ", asking))


def asked_clause(question: str) -> str | None:
    """The yes/no question a message asks, when it is not the whole message: its asking
    sentence (:func:`asking_sentence`), cut before a second question it goes on to ask ("is
    impetigo contagious and when can he go back to school", :func:`yes_no_clause`)."""
    later = asking_sentence(question)
    clause = yes_no_clause(later or question) or later
    if clause is None:
        return None
    # "two weeks in - will it pass by itself?": the question after the dash
    after = _DASH.split(clause)[-1].strip()
    cut = (
        after != clause.strip()
        and _AUXILIARY_FIRST.match(after)
        and not _ASKS_WHAT_IT_MEANS.match(after)
    )
    return after if cut else clause


_DASH = re.compile(r"\s[-–—]\s")
_ASKS_WHAT_IT_MEANS = re.compile(
    r"(?:does|do|would|could|will|did) (?:this|that|it) mean\b", re.IGNORECASE
)
"""A question after a dash that asks what the story before it means ("- does this mean …"):
the story is part of what is asked."""
_AUXILIARY_FIRST = re.compile(
    r"(?:is|are|am|can|could|should|will|would|do|does|did|may|might|must|has|have)\b",
    re.IGNORECASE,
)


def _asked_part(question: str) -> str:
    """The words of the yes/no a message asks, without a story told before it in the same
    sentence ("… but I've never had any pain, do I need it out?"): a negation in the story
    does not deny what is asked."""
    clause = asked_clause(question) or question
    asked = _ASKED_AFTER_COMMA.search(clause)
    return asked.group(1) if asked else clause


_ASKED_AFTER_COMMA = re.compile(
    r",\s*((?:so |then |but )?(?:do|does|did|is|are|was|were|can|could|should|will|would|am|"
    r"have|has|must)\s+(?:i|you|we|he|she|they|it|my|this|that|these|those)\b[^,;]*\?)\s*$",
    re.IGNORECASE,
)


_IF_CLAUSE = re.compile(
    r"(?:,\s*)?(?<!\bknow )(?<!\btell )(?<!\bsure )(?<!\bwonder )(?<!\bcheck )"
    r"\b(?:(?:even )?if|even (?:when|though|without))\b[^,.?!;]*",
    re.IGNORECASE,
)
"""A condition the asker adds to a yes/no question ("is pink eye contagious if it is the
crusty kind"): it says when they ask, not what; a statement that answers the question need not
repeat it. Not the "if" of "know if", "tell if" (whether): that clause is what is asked."""


CAUSATION = "<causes>"
"""The predicate word that stands for any wording of causation: a question asking whether X
causes Y is answered by "X is a risk factor for Y" or "X can lead to Y" as well."""
_CAUSE_STEMS = stems("cause causes contribute contributes trigger triggers")
_CAUSAL_WORDS = _CAUSE_STEMS | stems("risk lead leads linked associated")
"""The words a negation before which denies a cause ("is not a risk factor for")."""
_CAUSAL = re.compile(
    rf"\b(caus\w*|contribut\w*|trigger\w*|risk factors?|{RAISES_RISK}|"
    r"leads? to|linked to|associated with)\b",
    re.I,
)


def predicate_stems(candidate: Candidate) -> frozenset[str]:
    """The candidate's stems, with each of :data:`PREDICATE_SENSES` it states in any wording
    (:data:`CAUSATION` when it states a cause)."""
    text = candidate.sentence.text
    senses = _senses(text)
    said = candidate.stems
    if _EMBEDDED_CONDITION.search(text):  # what it says only of a case, not of the topic
        said = stems(_EMBEDDED_CONDITION.sub(" ", text))
    if _GENETIC_TEST.search(text) and not re.search(r"\bgenetic\b", _GENETIC_TEST.sub(" ", text)):
        said = said - _GENETIC  # a genetic test says nothing of whether a disease is genetic
    return said | senses


_EMBEDDED_CONDITION = re.compile(
    r"(?:(?<=\w )|(?<=\w, ))\b(?:when|whenever|if|unless)\b [^,;.]*", re.I
)
"""A conditional clause inside a sentence ("Using antibiotics when you don't need them … can add
to resistance", "sore throats, unless caused by strep"): its words state a case, not what the
sentence says of the topic, so "need" in it answers no "do I need antibiotics?", and "strep"
in it no whether antibiotics are needed for strep."""
_GENETIC_TEST = re.compile(
    r"\bgenetic (?:blood )?(?:tests?|testing|counsel\w*|screening|services)\b", re.I
)
_GENETIC = stems("genetic")


@dataclass(frozen=True)
class Sense:
    """A predicate asked in one wording and answered in another, read as one token."""

    token: str
    asked: frozenset[str]
    """The stems that ask it."""
    negatable: frozenset[str]
    """The stems a negation before which denies it (:func:`negated`)."""
    wording: re.Pattern[str]
    """How a statement says it."""


_AGAIN = stems("twice again second recur recurs recurrence")
_WORSENS = stems("flare flares flareup flareups exacerbation exacerbations worse worsen worsening")
_URINATES = stems("pee peeing pees urinate urinating urination wee")
_SPREADS = stems("contagious catch catching spread spreads infectious transmit transmitted")
_PASSED_ON_ASKED = re.compile(
    r"\bpass(?:ed|es|ing)? (?:[\w'-]+ ){0,2}?(?:on(?! (?:my|your|his|her|its|their|our) own\b)|"
    r"to|onto|between|around|from)\b",
    re.IGNORECASE,
)
"""Whether an infection passes to someone, asked ("can I pass it on", "passed to the baby"); a
stone passed, or an exam, is not spread."""
_PASSES = stems("pass passed passes passing")
_REMOVED = stems("remove removed removing removal out surgery operation operated")
_WORKS = stems("work works working worked effective help helps helped")
_WORKS_ASKED = re.compile(
    r"\b(?:do|does|doe|did|will|would|is|are|it|they|that|this|what|not|dont|doesnt|didnt|"
    r"don't|doesn't|didn't|won'?t|really|actually|still)\s+(?:\w+\s+){0,2}work(?:s|ed|ing)?\b",
    re.I,
)
"""Whether something works, asked ("does valtrex work", "antibiotics don't work for colds",
"what actually works"), not work as a job ("at work", "signed off work") nor a failure told
("nothing works", which asks what else to try); read on normalised words too, where "does" is
singularised to "doe"."""
_NEED_ASKED = re.compile(
    r"\b(?:i|you|we|they|he|she|(?:my|our|the)(?:\s+\w+){1,3}?)\s+(?:still\s+|really\s+|"
    r"definitely\s+|will\s+|would\s+|might\s+)?(?:need|needs|require|requires)\b",
    re.IGNORECASE,
)
"""Whether a medicine is needed for a condition, asked ("do I need antibiotics for this", "will
he need an inhaler"): a statement that the medicine works, or does not work, for the condition
answers it (with a medicine and a condition among the topics)."""
_NEED = stems("need needs require requires")
_CURE = stems("cure cures cured curable")
_CURE_ASKED = re.compile(
    r"\b(?:be|get|gets|getting|been|is|are)\s+(?:\w+\s+)?cured\b|\bcurable\b|"
    r"\b(?:a|any|the|no)\s+(?:\w+\s+)?cure\b|\bcure\s+(?:it|this|that|them|for)\b|"
    r"\b(?:you|i|they|we|doctors?|it|anything|something)\s+(?:\w+\s+)?cure\b",
    re.IGNORECASE,
)
"""Whether a condition can be cured, asked ("can Crohn's be cured", "is it curable", "is there a
cure", "can anything cure it"): a statement that there is no cure, or that a treatment cures it,
answers. The focus words keep no trace of it: "cure" is a word of the treatment facet."""
_BACK_ASKED = re.compile(
    r"\b(?:keeps?|kept)\s+(?:on\s+)?(?:coming|happening|recurring)\b|"
    r"\b(?:come|comes|coming|came)\s+back\b",
    re.IGNORECASE,
)
"""Whether a condition comes back, asked ("will it keep coming back", "can it come back"): a
statement that it recurs answers."""
_COMES_BACK = stems("keep keeps kept coming come comes came back happening recurring")
_CONTACT_ASKED = re.compile(
    r"\b(?:safe|ok|okay|alright|fine|risky|dangerous)\s+(?:for\s+(?:\w+\s+){1,2})?to\s+"
    r"(?:visit|see|be around|be near|go near|go round|go over|come over|hold|kiss|hug|cuddle|"
    r"stay with|be with|share)\b"
    # the visit told first, then asked of: "due to see them on friday - is it alright?"
    r"|\b(?:visit|visiting|see|seeing|hold|holding|kiss|kissing|hug|hugging|cuddle|cuddling|"
    r"stay with|staying with)\b[^.?!]{0,60}?\b(?:is|would|will) (?:that|it|this) (?:be )?"
    r"(?:safe|ok|okay|alright|fine)\b",
    re.IGNORECASE,
)
"""Whether it is safe to be near someone with an infection, asked ("is it safe for her to
visit", "ok to hold the baby", "I'm due to visit them - is that ok?"): a statement of how it
spreads answers."""
_RECIPIENTS = stems(
    "other others people person everyone anyone house home household family families kids "
    "children partner wife husband baby babies sister brother son daughter friends classmates "
    "colleagues coworkers flatmates roommates parent parents grandparents someone somebody "
    # and whom it would come from: "pass it to me off my mum", "get it from my sister"
    "off from dad mum mom father mother grandad grandma"
)
"""Whom an infection might pass to ("is it catching for the rest of the family"): asked with
whether it spreads, they are no words a statement of how it spreads must name (the relatives
and pronouns of :data:`_PERSONS` are set aside from every question before)."""
_JUST_ASKED = re.compile(
    r"\b(?:is it|is this|is that|are they|are these|could (?:it|this|that) "
    r"(?:just |only )?be|was (?:it|that))\s+(?:just|only|simply|merely)\s+(?:a\s+|an\s+|the\s+)?"
    r"\w",
    re.IGNORECASE,
)
"""Whether something is only the harmless thing ("is this just baby blues", "is it only a
cold", "is that just old age"): a statement of how it differs from something more serious
(:data:`_BENIGN_SAID`) answers."""
_BENIGN_SAID = re.compile(
    r"\b(?:go(?:es)? away (?:on (?:its|their) own|by (?:it|them)sel(?:f|ves)|within|in a few)|"
    r"last(?:s)? (?:longer|only|a few|less)|(?:more|less|not) severe|do(?:es)? not need "
    r"treatment|(?:is|are) (?:not )?(?:a )?normal (?:part of|sign of|with)|not a normal part|"
    r"(?:can|may|could) be a sign of|does not (?:necessarily |always )?mean|"
    r"diagnos\w*\b[^.;]{0,60}\bonly (?:if|when))\b",
    re.IGNORECASE,
)
"""How a page tells the harmless thing from the serious one: how long it lasts, how severe it
is, whether it is normal or a sign of something else, what it does not mean by itself, and
when a doctor diagnoses the serious one."""
_UNAIDED_ASKED = re.compile(
    r"\bon (?:my|your|his|her|its|their|our) own\b|"
    r"\bby (?:it|him|her|them|my|your)sel(?:f|ves)\b|\bwithout (?:any )?(?:treatment|surgery|"
    r"an operation|medicines?|medication|(?:medical )?help)\b",
    re.IGNORECASE,
)
"""Whether something gets better or passes untreated, asked ("will it clear up on its own",
"can a stone pass by itself", "does it mend without treatment")."""
_UNAIDED = stems("own itself himself herself themselves myself yourself without")
PREDICATE_SENSES: tuple[Sense, ...] = (
    Sense("<benign>", frozenset(), frozenset(), _BENIGN_SAID),
    Sense(CAUSATION, _CAUSE_STEMS, _CAUSAL_WORDS, _CAUSAL),
    Sense(
        "<again>",
        _AGAIN,
        _AGAIN,
        re.compile(
            r"\b(again|twice|second time|more than once|recur\w*|com(?:e|es|ing) back)\b", re.I
        ),
    ),
    Sense(
        "<spreads>",
        _SPREADS,
        _SPREADS | _PASSES,
        re.compile(
            r"\b(contagious|infectious|catch(ing)?|spreads?|spread from|passed|pass(es)? "
            rf"(it )?(on|to)|transmit\w*)\b|\b{CAUGHT_FROM}\b",
            re.I,
        ),
    ),
    Sense(
        "<removed>",
        _REMOVED,
        stems("need needs needed necessary required"),
        re.compile(
            r"\b(remov\w*|taken out|take out|surg\w*|operations?|operat(e|ed|ing)|treatment|"
            r"treated)\b",
            re.I,
        ),
    ),
    Sense(
        "<worsens>",
        _WORSENS,
        frozenset(),
        re.compile(r"\b(worse|worsen\w*|flare\w*|exacerbat\w*|get(s|ting)? worse)\b", re.I),
    ),
    Sense(
        "<works>",
        frozenset(),  # read from the question's wording (:data:`_WORKS_ASKED`), not a stem
        _WORKS | stems("fight fights treat treats cure cures kill kills"),
        re.compile(
            r"\b(work(s|ed|ing)?|effective|help(s|ed)?|fight(s|ing)?|treat(s|ed|ing)?|cure[sd]?|"
            r"kill(s|ed)?)\b",
            re.I,
        ),
    ),
    Sense(
        "<cured>",
        frozenset(),  # read from the question's wording (:data:`_CURE_ASKED`), not a stem
        _CURE,
        re.compile(r"\b(?:cure[sd]?|curable|curing)\b", re.I),
    ),
    Sense(
        "<unaided>",
        frozenset(),  # read from the question's wording (:data:`_UNAIDED_ASKED`), not a stem
        frozenset(),
        re.compile(
            r"\bon (?:its|their) own\b|\bby (?:it|them)sel(?:f|ves)\b|\bwithout (?:any )?"
            r"(?:treatment|surgery|(?:medical )?help|(?:the )?help of)\b|\bspontaneous(?:ly)?\b",
            re.I,
        ),
    ),
    Sense(
        "<urinates>",
        _URINATES,
        frozenset(),
        re.compile(r"\b(pee\w*|urinat\w*|urine|wee(ing)?)\b", re.I),
    ),
)
"""Predicate words asked in one wording and answered in another, each read as one sense:
whether X causes Y ("is a risk factor for"), whether it comes twice ("You probably will not get
chickenpox again"), whether it is contagious ("It spreads through the air"), whether it must
be taken out ("do they need taking out" is answered by "treatment is usually not needed"),
whether it works ("antibiotics don't work for colds" is answered by "Antibiotics do not fight
infections caused by viruses, such as colds"),
whether it flares up ("symptoms that worsen suddenly"), what happens when one pees ("a burning
feeling when you urinate")."""


def _readings(concepts: Sequence[QueryConcept]) -> list[list[QueryConcept]]:
    """``concepts`` grouped by the phrase of the question each reads, in question order: the
    readings of one phrase ("strep throat": pharyngitis, streptococcal infections) are one
    thing named."""
    by_phrase: dict[str, list[QueryConcept]] = {}
    for c in concepts:
        by_phrase.setdefault(c.matched, []).append(c)
    return list(by_phrase.values())


def _written_apart(query: Query) -> dict[str, list[str]]:
    """Each word a correction joined → how the asker wrote it, in two ("pinkeye" → ["pink
    eye"]); a correction to a synonym or a spelling fix is none."""
    wrote: dict[str, list[str]] = {}
    for said, read in query.corrections.items():
        if "".join(said.split()) == read:
            wrote.setdefault(read, []).append(said)
    return wrote


def _sides(query: Query) -> list[frozenset[str]]:
    """The stems naming each primary topic of ``query`` (its name and the question's words,
    as written before a correction joined them: "pink eye" for pinkeye, and a drug's classes
    of one word: "NSAIDs" for ibuprofen, as a page warns of them); the readings of one phrase
    are one side, named by any of their names."""
    wrote = _written_apart(query)
    return [
        frozenset().union(
            *(
                stems(" ".join([*c.names, *wrote.get(c.matched, []), *_one_word(c.classes)]))
                for c in readings
            )
        )
        for readings in _readings(query.primary_topics)
    ]


def _one_word(names: Sequence[str]) -> list[str]:
    """The one-word names among ``names``: a stem of a longer one ("pain" of "pain relievers")
    would name the topic in any sentence on pain."""
    return [n for n in names if len(n.split()) == 1]


def _asked_sides(query: Query, sides: list[frozenset[str]]) -> list[frozenset[str]]:
    """The sides named in the yes/no question a longer message asks (:func:`asking_sentence`,
    :func:`yes_no_clause`): a topic told only in the story before it ("… sores that started
    as little blisters. is impetigo contagious") is not what the statement must name. All
    ``sides`` when the message asks in one sentence or the question names none of them, when
    the question refers back to the story ("… could have been this and not arthritis"), or
    when a side left out is told after the question ("The operation would be for hip
    replacement"): then it is part of what is asked."""
    asking = asked_clause(query.question)
    if not asking or len(sides) < MIN_SIDES or _REFERS_BACK.search(asking):
        return sides
    said = stems(corrected(asking, query.corrections))
    named = [side for side in sides if side & said]
    start = query.question.lower().find(asking.lower().strip())
    after = stems(corrected(query.question[start + len(asking.strip()) :], query.corrections))
    if not named or start < 0 or any(side & after for side in sides if side not in named):
        return sides
    return named


_REFERS_BACK = re.compile(r"\b(?:this|that|it|these|those|they|them)\b", re.IGNORECASE)


MIN_SIDES = 2


_NUMBERED = re.compile(r"\b([a-z]+)[\s-]+(\d+)\b", re.IGNORECASE)


def _marks(text: str) -> frozenset[str]:
    """The stems of ``text`` and its numbered words ("type 1" → ``type 1``; stems leave
    numbers out)."""
    numbered = (f"{word.lower()} {number}" for word, number in _NUMBERED.findall(text))
    return stems(text) | frozenset(numbered)


def _verdict_frame(verdict: str) -> str:
    """The frame of a yes or a no ("The sources found suggest yes:")."""
    return f"The sources found suggest {verdict}:"


_FIRST_UNANSWERED = "The sources found do not answer your first question;"
QUALIFIED_FRAME = "The sources found answer with a qualification:"
TELL_APART_FRAME = (
    "The sources found do not say which it is; on how to tell it from something more serious, "
    "they say:"
)
DISAGREE_FRAME = "The sources found disagree:"
_VERDICTS = frozenset(
    {_verdict_frame("yes"), _verdict_frame("no"), QUALIFIED_FRAME, DISAGREE_FRAME}
)
"""The frames of a yes/no the sources answer (:func:`_yes_no`); a second question is answered
only with one of them, not with what they say around it."""


def _yes_no_asked(
    query: Query,
    cands: Sequence[Candidate],
    exact: Callable[[Candidate], bool],
    warned: Sequence[Candidate],
    found: Mapping[str, Collection[str]] | None,
) -> Pick:
    """The yes/no of the question asked; when a sentence asks two ("will it scar and can I
    swim with it?") and the sources answer only the second, the second's, said to be that."""
    pick = _yes_no(query, cands, exact, warned, found)
    unjudged = pick == unanswered("it", QuestionType.YES_NO)
    second = second_yes_no(query.question) if unjudged else None
    if second is None:
        return pick
    then = _yes_no(query.model_copy(update={"question": second}), cands, exact, warned, found)
    if not then.chosen or then.verdict not in _VERDICTS:
        return pick
    verdict = then.verdict.removeprefix("The sources found ")
    return replace(
        then,
        verdict=f"{_FIRST_UNANSWERED} on the second, they {verdict}",
    )


def _yes_no(
    query: Query,
    cands: Sequence[Candidate],
    exact: Callable[[Candidate], bool],
    warned: Sequence[Candidate] = (),
    found: Mapping[str, Collection[str]] | None = None,
) -> Pick:
    sides = _sides(query)
    everything = cands
    # the statement itself names the topic ("Is X safe with Y?": X and Y), not only its page
    cands = [c for c in cands if all(c.stems & side for side in sides) or _by_pronoun(c, sides)]
    if safety_question(query):
        picked = _safety([*cands, *(w for w in warned if all(w.stems & s for s in sides))])
        return picked if picked.chosen else _unspoken(query, everything) or picked
    worry = WORRY_QUESTION.search(query.question)
    framed = _worry(everything, exact) if worry else _value_limits(query, everything)
    if framed is not None:
        return framed
    asked_sides = _asked_sides(query, sides)
    if asked_sides != sides:
        # "… started as little blisters. is impetigo contagious": the story's sign is no side
        sides = asked_sides
        cands = [c for c in everything if all(c.stems & side for side in sides)]
    if states_a_value(query.question):  # "my A1c came back 6.1, am I diabetic?"
        cands = [c for c in cands if THRESHOLD.search(c.sentence.text)]
    if NORMAL_AT_AN_AGE.search(query.question):  # "is it normal for an 8 year old to …"
        cands = [c for c in cands if AGE_SAID.search(c.sentence.text)]
    # what is asked of the topic, not another topic named beside it ("do I have to fast before
    # a CMP blood test" asks about fasting, which a statement naming a blood test does not say)
    asked, others = predicate(query), _topic_words(query)
    wanted = asked - others - _place_words(query)
    if "<works>" in wanted:  # "do antibiotics work for a UTI": not a line on viral infections
        treated, needed_for = _treated(query), _need_asked(query)
        cands = [
            c
            for c in cands
            if all((c.stems & side) - _BROAD for side in sides)
            and not any(c.stems & t and not (c.stems & t) - _BROAD for t in treated)
            and (not needed_for or any((c.stems & t) - _BROAD for t in treated))
        ]
        wanted = wanted - _BROAD
    effect = _asked_effect(query.question, asked & others) if not wanted else frozenset()
    if effect:  # "does HRT cause breast cancer": a statement that it raises that risk
        wanted = frozenset({CAUSATION})
        cands = [c for c in cands if effect <= c.stems]
    # a statement naming two topics ("smoking … macular degeneration") needs only the relation;
    # whether one has a condition takes no verdict, only what its pages say of the signs told
    whether = asks_whether_one_has(query.question)
    needed = 1 if len(sides) >= 2 or whether else min(len(wanted), MIN_PREDICATE_WORDS)
    named = {id(c): len(predicate_stems(c) & wanted) for c in cands}
    # a patient's yes/no ("will I end up on dialysis?") is answered by a guideline page; one
    # study's finding ("no significant differences in the progression toward dialysis") is
    # no yes or no for them, as it is for a question about what studies found
    deciding = cands if evidence_question(query.question) else [c for c in cands if c.guideline]
    # among equals, a statement of the case the question adds ("even when there are no sores")
    case = _condition_words(query)
    best = sorted(
        (c for c in deciding if wanted and named[id(c)] >= needed),
        key=lambda c: (-named[id(c)], not c.stems & case, -c.score),
    )
    if not best and whether and not wanted and not query.red_flags:
        # "… is that X?" after signs that were read as X: what X's own page says it is (not
        # beside a card, where it would read as the answer to signs that need care)
        told = _describing(query, everything, exact)
        if told:
            return Pick(WHETHER_FRAME, tuple(told))
    if not best and (mostly := _mostly_harmless(query, everything, exact)):
        return mostly
    if not best:
        # "is this just old age" with nothing on how to tell: no statement of the topic in
        # general stands in for it ("common as people age" would read as a yes)
        general = "<benign>" not in wanted and (
            _on_facet(query, [c for c in everything if _names_sides(c, sides)])
            or _on_asked_concept(query, everything, exact, sides)
        )
        return (
            general
            or (_apart(query, everything, found) if _asked_together(query) else None)
            or _unspoken(query, everything)
            or (_caused_instead(query, everything, exact) if wanted == {"<spreads>"} else None)
            or unanswered("it", QuestionType.YES_NO)
        )
    if asks_advice(query.question):
        # statements of advice or effect first: they say yes or no to doing it
        best = sorted(best, key=lambda c: not _ADVISES.search(c.sentence.text))
    top = best[:MAX_STATEMENTS]
    unjudged = (
        # "is this just X": how X differs, no yes or no; how long X lasts first when the
        # question tells how long it has gone on
        Pick(TELL_APART_FRAME, (*_how_long_it_lasts(query, top), *top))
        if "<benign>" in wanted
        # "may I go round to see her": that it spreads is no yes to safe
        else Pick(CONTACT_FRAME, tuple(top))
        if _contact_asked(query)
        else _without_verdict(query.question, top)
    )
    relation = sides if len(sides) >= 2 and not whether else []
    return unjudged or _verdict(query, top, wanted, relation)


_LASTS = re.compile(
    r"\b(?:go(?:es)? away|clears?(?: up)?|settles?|pass(?:es)?|lasts?|resolves?|gets? better|"
    r"improves?|fades?)\b[^.;]{0,40}?\b(?:within|in|after|for|up to|by)\b[^.;]{0,30}?\b(?:days?|"
    r"weeks?|months?|hours?)\b",
    re.IGNORECASE,
)
"""A statement of how long something lasts ("most often go away within a few days or a
week")."""
_HOW_LONG_TOLD = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|a couple of|"
    r"couple of|several)\s+(?:days?|weeks?|months?)\b",
    re.IGNORECASE,
)
"""How long something has gone on, as the question tells it ("3 weeks after having my baby")."""


def _how_long_it_lasts(query: Query, top: Sequence[Candidate]) -> tuple[Candidate, ...]:
    """For "is this just X" telling how long it has gone on, the statement of how long X lasts
    on the page of the first of ``top`` (for the asker to set beside their own time); () when
    the question tells no time or the page gives none."""
    if not top or not _HOW_LONG_TOLD.search(query.question):
        return ()
    shown = {c.sentence.text for c in top}
    lasting = (
        c
        for c in page_statements(top[0].evidence, Facet.PROGNOSIS)
        if c.sentence.text not in shown and _LASTS.search(c.sentence.text)
    )
    return tuple(islice(lasting, 1))


NORMAL_AT_AN_AGE = re.compile(
    r"\b(?:normal|usual|too (?:early|late|young|old))\b[^.?!]{0,60}?\b(?:\d{1,2} ?(?:-? ?(?:years?|"
    r"yrs?|months?) ?-?old|yo|y/o)|at (?:the age of )?\d{1,2}\b(?![.,]\d| ?°| ?degrees?\b| ?c\b)|"
    r"aged? \d{1,2})",
    re.IGNORECASE,
)
"""Whether something is normal at an age the question tells ("is it normal for an 8 year old
to have breast buds"): only a statement that itself names ages can say yes or no to that."""
AGE_SAID = re.compile(
    r"\b(?:ages?|aged|years? old|months? old|by the time|before (?:the )?age|after (?:the )?age)\b"
    r"|\b\d{1,2} (?:and|to|-) \d{1,2}\b|\b\d{1,2}\s*(?:years?|yrs?|months?)\b",
    re.IGNORECASE,
)
"""A statement naming an age or an age range ("between 8 and 13", "by age 5")."""


def _verdict(
    query: Query,
    top: Sequence[Candidate],
    wanted: frozenset[str],
    relation: Sequence[frozenset[str]] = (),
) -> Pick:
    """The yes, the no, the disagreement or the "not always" of a yes/no's best statements;
    asked how two topics relate (``relation``: the stems of each), a statement denying the
    relation between them says no."""
    if _held_back_to_some(top[0].sentence.text, wanted):
        return Pick(DEPENDS_FRAME, (top[0],))
    polarity = {
        negated(_last_turn(c.sentence.text, wanted), wanted)
        or relation_denied(c.sentence.text, relation)
        for c in top
    }
    if len(polarity) > 1:
        return Pick(_mixed_frame(top), tuple(top))
    if polarity == {False} and _HEDGED.search(top[0].sentence.text):
        return Pick(DEPENDS_FRAME, (top[0],))
    if left_to_a_clinician(top[0].sentence.text):
        return Pick(LEFT_TO_A_CLINICIAN_FRAME, (top[0],))
    denied = polarity == {True}
    asked = _asked_part(query.question)
    if negated(asked, wanted, _VERB_NEGATION) and not _NEGATIVE_ASKING.search(asked):
        # "is it true antibiotics don't work for colds": a statement that they do not fight
        # colds says yes
        denied = not denied
    verdict = "no" if denied else "yes"
    return Pick(_verdict_frame(verdict), (top[0],))


_NEGATIVE_ASKING = re.compile(
    r"\b(?:(?:did|does|do|is|are|was|were|can|could|will|would|should|has|have)n'?t "
    r"(?:it|he|she|they|i|you|we|this|that)|(?:did|does|do|is|are|was|were|can|could|will|would|"
    r"should|has|have) (?:it|he|she|they|i|you|we|this|that) not)\b",
    re.IGNORECASE,
)
"""A question asked in the negative ("Didn't it work?", "is it not catching?"): it asks the
positive, and a statement that it does not work answers no."""


def relation_denied(text: str, sides: Sequence[frozenset[str]]) -> bool:
    """True when a verb's negation stands between the names of two of ``sides`` ("Painkillers
    do not shorten a cold" for "do painkillers help a cold?"): the relation asked is denied,
    however far from the question's own words."""
    if len(sides) < 2:
        return False
    words = _WORD.findall(text.lower())
    first, second = ([i for i, w in enumerate(words) if stems(w) & side] for side in sides[:2])
    if not first or not second:
        return False
    return any(
        min(first) < k < max(second) or min(second) < k < max(first)
        for k, word in enumerate(words)
        if word in _NOT
    )


STOPPING_FRAME = "The sources found do not say yes or no; on how to stop, they say:"


def _how_to_stop(query: Query, cands: Sequence[Candidate]) -> Pick | None:
    """For a yes/no whether to stop a drug ("can I just stop taking my sertraline"), the
    guideline statements of how to stop it, framed, whether they name the drug or, on the
    page of its class, the class ("You often need to stop antidepressants gradually": the
    candidates are on topic already, ``answer.class_pages``); None without any."""
    if not query.about_a_drug:
        return None
    return _on_stopping(query.question, [c for c in cands if c.guideline])


def _on_stopping(question: str, cands: Sequence[Candidate]) -> Pick | None:
    """For a question about stopping a medicine (:data:`STOPPING`), the first of ``cands`` that
    say how to stop it (:data:`STOPPING_SAID`), framed; else None."""
    how = [c for c in cands if STOPPING_SAID.search(c.sentence.text)]
    if not how or not STOPPING.search(question):
        return None
    return Pick(STOPPING_FRAME, tuple(how[:MAX_STATEMENTS]))


def _value_limits(query: Query, cands: Sequence[Candidate]) -> Pick | None:
    """For a yes/no question telling a measured value ("my A1c came back 6.1, am I
    diabetic?"), the limits guideline pages give (:data:`extract.LIMIT`), framed as such: a
    limit's own yes or no is about the limit ("the goal … is below 7"), not the asker's value,
    and comparing the two is the doctor's. None when the question tells no value or no page
    gives a limit, or when the question asks whether something runs in families (a limit
    tells nothing of that: "Does gout run in families? My uric acid is 9.")."""
    if Facet.INHERITANCE in query.asked:
        return None
    limits = value_limits(query, cands)
    return Pick(VALUE_FRAME, tuple(limits[:MAX_STATEMENTS])) if limits else None


def value_limits(query: Query, cands: Sequence[Candidate]) -> list[Candidate]:
    """The guideline statements giving a limit (:data:`extract.LIMIT`) for what the question
    measured (:func:`measured_words`): "a1c 6.1, doc says prediabetes" is answered by "A normal
    A1C level is below 5.7 percent", not by "losing at least 5 to 10 percent of your weight";
    "egfr 52" not by a blood pressure goal. None when the question tells no value."""
    measured = measured_words(query)
    limits = [
        c
        for c in cands
        if c.guideline
        and limit_of(c.sentence.text, measured)
        and not STAGING.search(c.sentence.text)
    ]
    # one statement once, though two pages give it
    texts = [c.sentence.text for c in limits]
    return [c for i, c in enumerate(limits) if texts.index(c.sentence.text) == i]


_MG_DL = re.compile(r"\bmg\s*/\s*d[lL]\b|\bmg/100\s*ml\b", re.IGNORECASE)
_MMOL = re.compile(r"\bmmol\s*/\s*[lL]\b", re.IGNORECASE)


def other_unit(question: str, text: str) -> bool:
    """True when ``text`` gives its limits only in mg/dL and the question tells a value on the
    mmol/L scale of its measure ("total cholesterol 6.8", :func:`told_on_smaller_scale`), or
    only in mmol/L and the value is on the mg/dL scale: a patient would set "6.8" against
    "less than 200 mg/dL" and read it as low."""
    if _MG_DL.search(text) and _MMOL.search(text):
        return False
    smaller = told_on_smaller_scale(question)
    if _MG_DL.search(text):
        return bool(_MMOL.search(question)) or (smaller is True and not _MG_DL.search(question))
    if _MMOL.search(text):
        return bool(_MG_DL.search(question)) or (smaller is False and not _MMOL.search(question))
    return False


def in_other_unit(query: Query, pick: Pick | None) -> Pick | None:
    """``pick`` framed as limits in another unit (:data:`OTHER_UNIT_FRAME`) when the statements
    it rests on give their limits in another unit than the value the question tells
    (:func:`other_unit`): any of them for the limits a told value is read against
    (:data:`VALUE_FRAME`), every one for any other bottom line; else ``pick`` as it is."""
    if pick is None or not pick.chosen:
        return pick
    judged = any if pick.verdict == VALUE_FRAME else all
    if judged(other_unit(query.question, c.sentence.text) for c in pick.chosen):
        return replace(pick, verdict=OTHER_UNIT_FRAME)
    return pick


VALUE_FRAME = "The sources found do not say yes or no for your own value; the limits they give are:"
OTHER_UNIT_FRAME = (
    "The sources found give their limits in another unit than your value seems to be in (mg/dL "
    "and mmol/L differ several-fold), so ask your doctor to compare them; they say:"
)
"""The frame of limits given in mg/dL for a value told on the mmol/L scale, or the reverse
(:func:`other_unit`)."""


_EITHER_OR = re.compile(
    r"^\W*(?:(?:is|are|was)\s+(?:(?:this|it|that|these|those|they|he|she)|"
    r"(?:my|his|her|their|our) [\w'’-]+)|could (?:it|this|that) be)\b"
    r"(?:\s+(?:just|only|simply|really|still|more likely|likely|probably))?"
    r"\s+[\w'’ -]{1,40}?\s+or\s+(?!(?:not|no|what|else|anything|so)\b)[\w'’ -]{1,40}?\s*[?.!]*$",
    re.IGNORECASE,
)
"""A question of which of two things it is ("is this normal grief or depression", "is it
broken or dislocated", "is this just stress or something serious"): no yes or no answers it
("or not" asks a yes/no)."""
EITHER_OR_FRAME = "The sources found do not say which of the two it is; they say:"
DEPENDS_FRAME = "The sources found say not always:"
LEFT_TO_A_CLINICIAN_FRAME = "The sources found say it is for your doctor to decide with you:"
_LEFT_TO_A_CLINICIAN = re.compile(
    r"\b(?:talk|speak|ask|check)\b[^.;]{0,40}?\b(?:doctor|provider|pharmacist|nurse|gp|"
    r"professional|team)\b[^.;]{0,20}?\bwhether\b",
    re.IGNORECASE,
)
"""A statement that leaves the point asked to a clinician ("talk to your health care provider
about whether antibiotics … are needed"): no yes, though it names what was asked."""


def left_to_a_clinician(text: str) -> bool:
    """True for a statement that leaves the point asked to a clinician
    (:data:`_LEFT_TO_A_CLINICIAN`): a yes/no's bottom line then says so, not yes."""
    return bool(_LEFT_TO_A_CLINICIAN.search(text))


_HEDGED = re.compile(
    r"\b(?:not always|sometimes|in some (?:cases|people)|depends on|only some)\b", re.IGNORECASE
)
"""A yes held back to some cases ("Vasectomy can sometimes be reversed, but not always"): no
plain yes."""


_MEANS = r"(?:does|do|did|would|could)\s+(?:this|that|it|these|those)\s+mean"
"""Asking what a finding told means ("does that mean …")."""
_WHETHER_ONE_HAS = re.compile(
    r"^\W*(?:(?:could|can|might|may)\s+(?:this|it|that|these|they)\s+be"
    r"(?!\s+(?:contagious|catching|serious|dangerous|normal|safe|bad|harmful|related|caused|"
    r"from|due|because|passed|spread|cured|treated|prevented|fixed|reversed)\b)|"
    r"(?:do|does|did|could|might|can)\s+(?:i|he|she|we|they|my\s+\w+)\s+have|"
    r"(?:am\s+i|is\s+(?:he|she|my\s+\w+))\s+(?:a\s+|an\s+)?\w+(?:ic|tic)\b|"
    # a name after a story: "… make myself sick after a binge, is that bulimia?"
    r"(?:is|was)\s+(?:this|that|it)\s+(?!(?:normal|safe|serious|dangerous|bad|harmful|ok|okay|"
    r"alright|fine|common|contagious|catching|related|caused|from|due|because|worth|possible|"
    r"true|likely|necessary|needed|enough|too|something|anything|going|just|only|a\s+sign|"
    r"a\s+symptom|part|better|worse|worrying|concerning|urgent|an?\s+emergency|curable|"
    r"treatable|permanent|hereditary|genetic|inherited|infectious|real|the\s+same|what|how|"
    r"why|when|where|still|really|actually|definitely|probably|supposed|meant|right|correct|wrong|"
    r"fair|legal|allowed|reasonable|usual|standard|the\s+(?:rule|law|policy))\b)"
    r"(?:a\s+|an\s+)?[a-z][\w'-]*(?:\s+[\w'-]+){0,2}\s*$|"
    # what a finding means: "does that mean cancer", not "does this mean I need surgery"
    rf"{_MEANS}\s+(?!(?:i|you|we|he|she|they)\s+(?:need|should|can|must|have\s+to|will|am|are|"
    r"is)\b)|"
    # the bare "do I?" after a fear told ("I'm terrified I have lupus. Do I?")
    r"(?:do|does)\s+(?:i|he|she|we|they|my\s+\w+)\s*$)",
    re.IGNORECASE,
)
"""A question whether the asker (or the one they ask for) has a condition: "could this be
PCOS", "do I have diabetes or not", "am I diabetic", "does that mean cancer", "is that
bulimia", a bare "do I?" (not "is that normal", "is it contagious")."""
_WHETHER_ONE_WILL = re.compile(
    r"^\W*(?:(?:(?:does|do|did|would)\s+(?:this|that|it)\s+mean\s+)?(?:(?:i|you|we|he|she|they|"
    r"my\s+\w+)\s+(?:will|would|am\s+going\s+to|is\s+going\s+to|are\s+going\s+to)|(?:will|"
    r"would)\s+(?:i|you|we|he|she|they|my\s+\w+)|(?:am\s+i|is\s+(?:he|she|my\s+\w+)|are\s+(?:we|"
    r"they|my\s+\w+))\s+going\s+to)\s+(?:get|develop|inherit|end\s+up\s+with)\s+(?:it|this|that|"
    r"them)\b)",
    re.IGNORECASE,
)
"""A question whether the asker (or someone they ask for) will get a condition named before:
"does this mean I will get it", "will my kids get it", "am I going to develop it" (not "will I
get the flu from the shot", whose statements may say no)."""
WILL_FRAME = (
    "The sources found cannot say whether you will get it; only a doctor or a genetic "
    "counsellor who knows your family can. What they say:"
)
WHETHER_FRAME = (
    "The sources found cannot say whether you have it; only someone who examines you can. "
    "What they say:"
)


_TWO_QUESTIONS = re.compile(
    r"\b(?:or|or else)\s+(?:do|does|should|shall|will|would|can|could|must|is|are)\s+"
    r"(?:i|we|he|she|they|you|it)\b",
    re.IGNORECASE,
)
"""Two yes/no questions asked as alternatives ("will cranberry juice fix a uti or do i need
antibiotics", "can I wait or should I go in"): a yes answers neither."""
TWO_QUESTIONS_FRAME = "The sources found do not answer this with a yes or a no; they say:"
ADVICE_FRAME = "The sources found do not say whether you should; what they say about it:"
_SHOULD_I = re.compile(
    r"^(?:so |and |but )?(?:(?:should|shall|must) (?:i|we|he|she|they|my \w+) (?:really |still |"
    r"also |now |ever )?(?:get|have|take|go for|ask for|book|start|try|be (?:tested|screened|"
    r"checked|seen))|(?:do|does) (?:i|we|he|she|they|my \w+) (?:really |still |also |now )?"
    r"need)\b",
    re.IGNORECASE,
)
"""A question whether to do something ("should I get a PSA test", "do I need a scan")."""
_ADVISES = re.compile(
    r"\b(?:should|recommend\w*|advis\w*|need(?:s|ed)?|suggest\w*|consider\w*|talk (?:with|to) "
    r"(?:your|a|their) (?:doctor|health|provider)|ask (?:your|a) (?:doctor|provider)|good idea|"
    r"worth|benefit\w*|helps?|helped|helpful|effective|works?|treats|fights|cures|do not|"
    r"don'?t|does not|doesn'?t|"
    r"avoid\w*|never|unnecessary|only (?:if|when|for)|may want|important|must)\b",
    re.IGNORECASE,
)
"""Words of advice or of an effect, for or against: what a statement needs to say yes or no to a
question whether to do something (:func:`asks_advice`)."""


def asks_advice(question: str) -> bool:
    """True when the question asks whether to do something ("should I get a PSA test?", "do I
    need a scan?"): a statement that only describes the thing is no yes to it."""
    return bool(_SHOULD_I.match(asked_clause(question) or question))


def _without_verdict(question: str, top: Sequence[Candidate]) -> Pick | None:
    """The statements of a yes/no that give no yes or no, framed (:func:`_frame_without_verdict`);
    for a question about stopping a medicine ("can I stop it cold turkey"), the statements of
    how to stop it ("stop antidepressants gradually" tells how, not yes)."""
    stopping = _on_stopping(question, top)
    if stopping is not None:
        return stopping
    if asks_advice(question) and not _ADVISES.search(top[0].sentence.text):
        # "should I get a PSA test": a statement of what the test is says neither yes nor no
        return Pick(ADVICE_FRAME, tuple(top))
    if (
        _IS_IT_NORMAL.search(question)
        and not either_or(question)  # "is it normal ageing or dementia": which of the two
        and not _SAYS_USUAL.search(top[0].sentence.text)
    ):
        # "is that normal at my age": a statement that the tiredness may come from anaemia
        # says it happens, not that it is normal
        return Pick(NORMAL_FRAME, tuple(top))
    frame = _frame_without_verdict(question)
    return None if frame is None else Pick(frame, tuple(top))


NORMAL_FRAME = "The sources found do not say whether this is normal; what they say about it:"
HARMLESS_FRAME = "On whether it is serious, the sources found say:"
_HARMLESS_SAID = re.compile(
    r"\b(?:most|many|usually|often|generally)\b[^.;]{0,60}?\b(?:harmless|not serious|"
    r"not dangerous|benign)\b",
    re.IGNORECASE,
)
"""A page's word that its condition is mostly harmless ("Most palpitations are harmless and
often go away on their own")."""
_SERIOUS_ASKED = re.compile(
    r"\b(?:something|anything) (?:serious|sinister|dangerous|bad)\b|\bis (?:this|that|it) "
    r"(?:\w+ )?(?:dangerous|serious|normal)\b",
    re.IGNORECASE,
)
"""Asking, or fearing, whether what is told is serious or normal."""


def _mostly_harmless(
    query: Query, cands: Sequence[Candidate], exact: Callable[[Candidate], bool]
) -> Pick | None:
    """For someone asking whether what they tell is serious or normal, the topic's own page's
    word that it is mostly harmless, framed as what the sources say on that (a yes or no for
    this person it is not); None without one, or beside a red flag."""
    if query.red_flags or not _SERIOUS_ASKED.search(query.question):
        return None
    said = [c for c in cands if c.guideline and exact(c) and _HARMLESS_SAID.search(c.sentence.text)]
    return Pick(HARMLESS_FRAME, tuple(_distinct_documents(said)[:MAX_STATEMENTS])) if said else None


_IS_IT_NORMAL = re.compile(
    r"\b(?:is|are) (?:this|that|it|these|they|such) (?:\w+ )?(?:normal|usual|common|expected)\b",
    re.IGNORECASE,
)
"""A yes/no asking whether what is told is normal ("is that normal for my age?")."""
_SAYS_USUAL = re.compile(
    r"\b(?:normal|common|usual|usually|often|many|most|expected|harmless|not (?:serious|"
    r"dangerous|harmful))\b",
    re.IGNORECASE,
)
"""A statement saying how usual or harmless something is: it can say yes or no to "is it
normal"."""


def _frame_without_verdict(question: str) -> str | None:
    """The frame of a yes/no whose statements give no yes or no: which of two things it is
    (:func:`either_or`), which of two courses (:data:`_TWO_QUESTIONS`), whether someone has a
    condition (:func:`asks_whether_one_has`)."""
    if either_or(question):
        return EITHER_OR_FRAME
    if _TWO_QUESTIONS.search(asked_clause(question) or question):
        return TWO_QUESTIONS_FRAME
    if asks_whether_one_will(question):
        return WILL_FRAME
    return WHETHER_FRAME if asks_whether_one_has(question) else None


def asks_whether_one_has(question: str) -> bool:
    """True when the yes/no question asks whether someone has a condition
    (:data:`_WHETHER_ONE_HAS`), or will get it (:func:`asks_whether_one_will`): a page
    describing the condition answers neither yes nor no."""
    asking = asked_clause(question) or question
    return asks_whether_one_will(question) or any(
        _WHETHER_ONE_HAS.match(part) for part in _CLAUSES.split(asking)
    )


def asks_whether_one_will(question: str) -> bool:
    """True when a yes/no sentence of ``question`` asks whether someone will get a condition
    (:data:`_WHETHER_ONE_WILL`)."""
    return any(
        _WHETHER_ONE_WILL.match(part)
        for sentence in message_sentences(question)
        for part in _CLAUSES.split(sentence)
    )


_CLAUSES = re.compile(r"[,;.?!]\s*|\s+(?:and|but|so)\s+", re.IGNORECASE)


def either_or(question: str) -> bool:
    """True when a sentence of ``question`` asks which of two things something is."""
    return any(_EITHER_OR.match(s) for s in message_sentences(question))


def _mixed_frame(top: Sequence[Candidate]) -> str:
    """A yes and a no from pages on one topic are one answer with its limits ("Shingles cannot
    be passed from one person to another. However, the virus … can be spread"); from sources
    on different topics, or studies, they disagree."""
    topics = {normalise(c.evidence.hit.document.focus or "") for c in top}
    if len(topics) == 1 and "" not in topics and all(c.guideline for c in top):
        return QUALIFIED_FRAME
    return DISAGREE_FRAME


def _asked_effect(question: str, asked_topic: frozenset[str]) -> frozenset[str]:
    """For a yes/no question whether its topic causes another topic it names ("does HRT cause
    breast cancer", "can lupus lead to kidney disease"), that other topic's words as asked
    (``asked_topic``: the predicate's words that name another topic); empty for any other
    question."""
    asking = stems(asked_clause(question) or question)
    return asked_topic if asking & _CAUSE_ASKED else frozenset()


_CAUSE_ASKED = _CAUSE_STEMS | stems("lead leads")


def _topic_words(query: Query) -> frozenset[str]:
    """The stems naming the question's topics that are not its primary ones."""
    others = [c for c in query.topics if c not in query.primary_topics]
    return stems(" ".join(n for c in others for n in (c.matched, *c.names)))


PLACE_TREES = ("A01", "A02", "A09", "A14")
"""MeSH body regions, bones and muscles, sense organs, mouth and jaw: the parts people name as
where something is."""
NOT_A_PLACE = "A01.941"
"""Transplants, which MeSH files among the body regions."""


def _place_words(query: Query) -> frozenset[str]:
    """The stems naming a body part the question tells only as where it is ("do wrist braces
    help"): a statement naming the wrist says nothing about braces helping, so such a word is
    no predicate."""
    parts = [
        c
        for c in query.concepts
        if c.role == "qualifier"
        and only_under(c.tree_numbers, PLACE_TREES)
        and not any(n.startswith(NOT_A_PLACE) for n in c.tree_numbers)
    ]
    return stems(" ".join(n for c in parts for n in (c.matched, *c.names)))


def _names(candidate: Candidate, name: str) -> bool:
    """True when the statement names ``name``: its word stems, and its numbers as written
    ("type 2 diabetes" is not named by a line on type 1 diabetes)."""
    numbers = re.findall(r"\d+", name)
    text = candidate.sentence.text
    return stems(name) <= candidate.stems and all(
        re.search(rf"(?<![\d.]){n}(?![\d.])", text) for n in numbers
    )


def _narrowest(topics: Sequence[QueryConcept]) -> list[QueryConcept]:
    """``topics`` without any that another of them narrows ("diabetes" beside "type 2
    diabetes"), and without those of no MeSH tree when some have one."""
    treed = [c for c in topics if c.tree_numbers] or list(topics)
    return [c for c in treed if not any(o is not c and o.narrower_than(c) for o in treed)]


CAUSED_FRAME = (
    "The sources found do not say whether it passes from person to person; on what causes it, "
    "they say:"
)


def _caused_instead(
    query: Query, cands: Sequence[Candidate], exact: Callable[[Candidate], bool]
) -> Pick | None:
    """For whether a condition that is no infection spreads ("is type 2 diabetes contagious"),
    when no statement says: what the condition's own guideline page says causes it, in a
    statement naming the condition, framed as such (a cause that is no germ is the answer a
    reader can weigh); None for an infection, whose cause is a germ that says nothing of how it
    passes on, or when no page says."""
    if _an_infection(query) or all(is_sign(c) for c in query.primary_topics):
        # a sign's causes are many conditions, some catching ("parasites such as scabies")
        return None
    names = [x for c in _narrowest(query.primary_topics) for x in (c.name, *c.names) if stems(x)]
    own = [c for c in cands if c.guideline and exact(c) and any(_names(c, n) for n in names)]
    found = _distinct_documents(
        [c for c in own if c.facet is Facet.CAUSES]
        or [c for c in own if _CAUSE_SAID.search(c.sentence.text)]
    )
    return Pick(CAUSED_FRAME, tuple(found[:1])) if found else None


_CAUSE_SAID = re.compile(
    r"\b(?:is|are) caused by|\b(?:happens?|occurs?) (?:when|because)|\bresults? from|"
    r"\b(?:does|do) not (?:make|use|produce)\b",
    re.IGNORECASE,
)
"""A statement of what brings a condition about, in a page's overview ("With type 2 diabetes,
… your body does not make or use insulin well")."""


def _on_facet(query: Query, cands: Sequence[Candidate]) -> Pick | None:
    """For a yes/no question asking a facet people word in many ways ("Is X hereditary?",
    "Does X run in families?", "Can I pass X on to my children?"), the best statements of that
    facet, framed as what the sources say on it rather than as a yes or a no; None when there is
    none or the question asks no such facet."""
    names = [s for c in query.primary_topics for n in (c.name, *c.names) if (s := stems(n))]
    for facet, frame in FACET_FRAMES.items():
        if facet in query.asked:
            found = [c for c in cands if c.facet is facet]
            if facet in NAMED_FACETS:
                if not _EXISTS.search(query.question):
                    continue
                found = [
                    c
                    for c in found
                    if c.guideline and any(n <= stems(c.sentence.text) for n in names)
                ]
            found = _distinct_documents(found)
            if found:
                return Pick(frame, tuple(found[:MAX_STATEMENTS]))
    return None


_WHAT_IT_MEANS = re.compile(rf"\b{_MEANS}\b", re.IGNORECASE)


_DESCRIBING = (Facet.OVERVIEW, Facet.SYMPTOMS)
_KIND_WORDS = stems("infection infections disease diseases disorder disorders syndrome condition")
"""Words of a condition's name that say only what kind of thing it is ("streptococcal
infections"): a statement on any infection names them."""


def _describing(
    query: Query, cands: Sequence[Candidate], exact: Callable[[Candidate], bool]
) -> list[Candidate]:
    """The guideline statements of the topic's own page (or a page named by the topic's own
    words) that say what it is (its first) or how it shows (:data:`_DESCRIBING`) and name it,
    one per page, at most :data:`MAX_STATEMENTS`: for a question whether what it tells is that
    condition, they are what to compare with. Only a condition's: what a medicine is says
    nothing of whether one has something. Not for a value or a finding told ("eGFR 52, does
    that mean kidney failure?"): what the feared condition is would read as the answer."""
    if states_a_value(query.question) or _WHAT_IT_MEANS.search(query.question):
        return []
    conditions = [
        stems(" ".join(c.names)) - _GENERIC - _KIND_WORDS
        for c in query.primary_topics
        if c.condition and not c.drug
    ]
    found = [
        c
        for c in cands
        if c.guideline
        and (c.facet in _DESCRIBING or c.sentence.position == 0)
        and any(c.stems & names for names in conditions)
        and (exact(c) or any(_page_stems(c) & names for names in conditions))
    ]
    return _distinct_documents(found)[:MAX_STATEMENTS]


def _names_any(candidate: Candidate, names: Sequence[frozenset[str]]) -> bool:
    """True when the statement names one of ``names`` whole (:func:`terms.phrase_in`)."""
    return any(phrase_in(n, candidate.stems) for n in names)


def _own_names(candidate: Candidate, sides: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    """The question's topics and the topic of the statement's page, as stems."""
    page = _page_stems(candidate) - _GENERIC
    return [*sides, *([page] if page else [])]


def _names_own_topic(candidate: Candidate, sides: Sequence[frozenset[str]]) -> bool:
    """True when the statement names a word of one of the question's topics or of its page's
    topic (:func:`_own_names`)."""
    return any(candidate.stems & names for names in _own_names(candidate, sides))


_OBJECT_PRONOUN = re.compile(
    r"\b(?:get|gets|getting|got|catch|catches|catching|caught|spread|spreads|spreading|pass|"
    r"passes|passed|passing|give|gives|gave|giving|carry|carries|carried|inherit|inherits|"
    r"inherited) (?:it|them)\b(?!')",
    re.IGNORECASE,
)
"""A pronoun standing for a topic as the object of a verb of getting or passing it on ("You
can get them by touching …"); a pronoun opening a clause of its own ("what day it is", "it's
sometimes called") may stand for anything."""


def _by_pronoun(candidate: Candidate, sides: Sequence[frozenset[str]]) -> bool:
    """True when a guideline statement speaks of the one topic asked only by a pronoun ("You
    can get them by touching an infected person") on the page of that topic, where the pronoun
    can only stand for it."""
    return (
        len(sides) == 1
        and candidate.guideline
        and bool(_page_stems(candidate) & sides[0])
        and _OBJECT_PRONOUN.search(candidate.sentence.text) is not None
    )


def _names_sides(candidate: Candidate, sides: Sequence[frozenset[str]]) -> bool:
    """True when the statement, or the topic of its page, names each side ("FTD often runs in
    families" on the page "Frontotemporal dementia" names dementia; a page that names it only
    among its synonyms does not)."""
    focus = _page_stems(candidate)
    return all((candidate.stems | focus) & side for side in sides)


def _on_asked_concept(
    query: Query,
    cands: Sequence[Candidate],
    exact: Callable[[Candidate], bool],
    sides: Sequence[frozenset[str]],
) -> Pick | None:
    """For a yes/no question about something the question names beside its topic ("Is there
    always a *high temperature* with appendicitis?"), the statements of the topic's own page that
    name it, by any of its names ("… Low fever."), and each other topic the question names,
    framed as what the sources say about it; None when the question names nothing else or the
    page never mentions it."""
    # with several topics (``sides``: "anesthesia in FXTAS"), a statement on one page alone
    # says nothing of the others: "FXTAS damages the brain" does not answer whether anesthesia does
    for concept in _asked_beside(query):
        names = name_stems(concept)
        done = _told_as_done(concept, query.question)
        found = [
            c
            for c in cands
            if exact(c)
            and _names_any(c, names)
            and _names_sides(c, sides)
            and not (done and _lists_signs(c, query))
        ]
        if found:
            frame = (
                "The sources found do not answer yes or no in one statement; what they say "
                f"about {_as_said(concept, query.question)}:"
            )
            if only_under(concept.tree_numbers, CARE_TREE):
                frame = "The sources found do not answer yes or no in one statement; they say:"
            return Pick(frame, tuple(found[:MAX_STATEMENTS]))
    return None


_SIGNS_LISTED = re.compile(
    r"\b(?:symptoms?|signs?)\b[^.:;]{0,40}?\b(?:include|includes|including|are|may be|can be)\b",
    re.IGNORECASE,
)
"""A list of a condition's symptoms or signs ("The symptoms can include: … Losing weight without
trying …")."""


def _lists_signs(candidate: Candidate, query: Query) -> bool:
    """True for a list of symptoms or signs when the question asks none."""
    return Facet.SYMPTOMS not in query.asked and bool(_SIGNS_LISTED.search(candidate.sentence.text))


def _told_as_done(concept: QueryConcept, question: str) -> bool:
    """True when the question names ``concept`` as something done: a verb with its object
    ("losing weight", "cracking knuckles") or after "by" ("by dieting"). A list of signs naming
    it ("losing weight without trying") is no word on doing it, though one naming a sign asked
    of ("a high temperature with appendicitis?", "crying spells") is."""
    words = concept.matched.split()
    return bool(words) and (
        (len(words) > 1 and words[0].endswith("ing"))
        or re.search(rf"\b(?:by|from|through)\s+{re.escape(concept.matched)}", question, re.I)
        is not None
    )


TAKEN_TREES = ("J02", "B01.650", "F01.145.317")
"""MeSH trees of what one eats, drinks or takes besides medicines: foods and drinks, plants,
drinking alcohol ("cranberry juice", "probiotics", "a glass of wine")."""


def _unnamed_taken(query: Query, cands: Sequence[Candidate]) -> list[QueryConcept]:
    """The foods, drinks, plants or alcohol a yes/no asks about beside its topic
    (:func:`_asked_beside`, :data:`TAKEN_TREES`) that no page the statements come from names:
    what the topic's pages say does not speak of them."""
    q = query.question
    asking = stems(" ".join([*_QUESTION_SENTENCE.findall(q), later_yes_no(q) or ""])) or stems(q)
    taken = [
        c
        for c in _asked_beside(query)
        if any(n.startswith(TAKEN_TREES) for n in c.tree_numbers)
        # in a question sentence itself: "worse after coffee … is this normal?" asks no coffee
        and stems(c.matched) <= asking
    ]
    if not taken:
        return []  # no page need be read
    pages = {id(c.evidence.hit.document): c.evidence.hit.document for c in cands}.values()
    said = [stems(f"{d.title} {d.abstract}") for d in pages]
    # no word of any of its names anywhere on the pages found ("alcohol" alone names alcohol
    # drinking), not only in no statement picked
    return [c for c in taken if not any(name & words for name in name_stems(c) for words in said)]


def _asked_beside(query: Query) -> list[QueryConcept]:
    """The concepts a yes/no asks about beside its primary topics, in its own yes/no sentence
    (for the body part, test, place, group or food told before it, see the comments)."""
    primary = {c.key for c in query.primary_topics}
    taking = any(c.drug for c in query.primary_topics)
    asked = [
        c
        for c in query.concepts
        if c.role in ASKED_ROLES and c.key not in primary and not c.category
        if not stems(c.matched) <= _GENERIC
        # "need" read as health care: asked of a medicine, a statement of what one may need
        # ("you may need to take medicine") answers; of nothing taken, it names anything
        if taking or not _everyday_care_word(c)
    ]
    # a place, a group or a food told before the yes/no sentence is not asked about ("I was in
    # the hospital with pancreatitis … can I ever have a drink again"); a symptom told before a
    # guess is ("pain under my ribs after greasy food … could it be gallstones"); a body part
    # told outside the yes/no sentence only says where ("… spread to our newborn? It's on his
    # back"); a test told before it only says how the condition was found ("an X-ray showed
    # arthritis … will it get worse")
    later = stems(later_yes_no(query.question) or query.question)
    questions = stems(" ".join(_QUESTION_SENTENCE.findall(query.question)) or query.question)
    return [
        c
        for c in asked
        if (_clinical_concept(c) and not anatomy_only(c) and not _a_test(c))
        or stems(c.matched) <= (questions if anatomy_only(c) else later)
    ]


def _unspoken(query: Query, cands: Sequence[Candidate]) -> Pick | None:
    """For a yes/no about a food, drink or supplement beside its topic that no statement
    names ("does cranberry juice clear a bladder infection"), a frame saying so: the topic's
    pages follow, and none of them speaks of it."""
    unnamed = _unnamed_taken(query, cands)
    if not unnamed:
        return None
    said = " or ".join(_as_said(c, query.question) for c in unnamed)
    return Pick(f"The sources found say nothing of {said}; what they say about the rest follows.")


def _everyday_care_word(concept: QueryConcept) -> bool:
    """True for a concept of health care (its tree :data:`CARE_TREE`) named by one everyday
    word ("need" read as health services needs): no thing a yes/no asks about, since a
    statement with the word ("ask how much fluid you need") says nothing of it."""
    word = concept.matched.strip()
    return (
        only_under(concept.tree_numbers, CARE_TREE) and " " not in word and is_common_english(word)
    )


def _a_test(concept: QueryConcept) -> bool:
    """A test or examination that finds a condition (MeSH Diagnosis)."""
    return only_under(concept.tree_numbers, DIAGNOSTIC_TREE)


def _as_said(concept: QueryConcept, question: str) -> str:
    """The question's own words for ``concept`` when it says them as one phrase, as typed
    ("burping", "aches" where the stem "ach" was matched), else the concept's name: "pain from
    my neck" was matched as "pain neck", named neck pain. A name said inside a longer phrase
    ("smoking" matched by "quit smoking") is the name alone."""
    name = uninverted(concept.name).lower()
    if name != concept.matched.lower() and re.search(
        rf"\b{re.escape(name)}\b", concept.matched, re.I
    ):
        return name
    said = re.search(rf"\b{re.escape(concept.matched)}[\w'-]*", question, re.I)
    if said:
        return said.group(0).lower()
    # a plural said for a singular matched ("strawberries" for "strawberry"): the word typed
    own = stems(concept.matched)
    typed = (w for w in re.findall(r"[\w'-]+", question) if own and stems(w) == own)
    return next(typed, uninverted(concept.name)).lower()


def _clinical_concept(concept: QueryConcept) -> bool:
    """A concept of medicine or the body (anatomy, disease, drug, procedure, mental health, body
    processes such as menstruation: MeSH trees A C D E F, and G unless also a food), or a
    curated one without tree numbers; not a place of care, a group of people or a food (N, M,
    J ...). A kind of person is never one, even when MeSH also files it under behaviour
    ("husband": Spouses, under Family relations and Persons)."""
    numbers = concept.tree_numbers
    if any(n.startswith(PERSONS_TREE) for n in numbers):
        return False
    if not numbers or any(n[0] in HEALTH_TREES for n in numbers):
        return True
    return any(n[0] == "G" for n in numbers) and not any(n[0] == "J" for n in numbers)


PERSONS_TREE = "M01"
"""MeSH Persons: spouses, parents, caregivers, patients (a who, never a what)."""
CARE_TREE = "N"
"""MeSH Health Care: the services, settings and needs of care. "does it always *need*
treatment" matches Health Services Needs and Demand: the statements that use the word answer,
but "what they say about need" names no thing asked."""
ASKED_ROLES = frozenset({"topic", "qualifier"})
"""Roles of the concepts a yes/no question asks about beside its topic (a broad heading, or a
generic word such as "disease", is never one)."""


FACET_FRAMES: dict[Facet, str] = {
    Facet.INHERITANCE: (
        "The sources found do not answer yes or no in one statement; on whether it runs in "
        "families they say:"
    ),
    Facet.TREATMENT: "On its treatment, the sources found say:",
}
"""Yes/no questions about these facets are answered with the facet's statements (see
:func:`_on_facet`) when none names the words asked."""
NAMED_FACETS = frozenset({Facet.TREATMENT})
"""Facets whose statements answer only a question whether one exists (:data:`_EXISTS`), and
only from a guideline page that names the topic in full ("Alpha-1 antitrypsin deficiency has no
cure, but …"): "treatment also can reduce your risk" could be of anything, and one study's
treatment is no answer to whether there is one."""
_EXISTS = re.compile(
    r"\b(?:is|are)\s+there\s+(?:a|an|any)\b[^.?!]{0,40}?\b(?:treatments?|cures?|therap\w+|"
    r"medicines?|medications?|drugs?|way\s+to\s+(?:treat|cure|fix|get\s+rid))\b",
    re.IGNORECASE,
)


def with_child_warning(pick: Pick | None, child: Sequence[Candidate]) -> Pick | None:
    """A question about giving a substance to a young child is answered first with a page's
    statement that forbids it for children (``extract.child_warnings``; "is honey ok for my 9
    month old's cough": babies under 12 months should not be fed honey), before the warnings
    the answer's own pages give: whatever else was asked, that is what the asker must hear."""
    if not child:
        return pick
    before = pick.chosen if pick is not None and pick.verdict == WARN_FRAME else ()
    chosen = _distinct_documents([child[0], *before])
    return Pick(WARN_FRAME, tuple(chosen[:MAX_STATEMENTS]))


def warning_pick(warned: Sequence[Candidate]) -> Pick | None:
    """The bottom line of a question nothing else answers but a warning it must hear
    (``extract.organ_warnings``: "If you have kidney disease, do not use NSAIDs" for ibuprofen
    with chronic kidney disease)."""
    return Pick(WARN_FRAME, (warned[0],)) if warned else None


_DEFINES_CONDITION = re.compile(
    r"^[\w\s,()'-]{0,80}? (?:is|are) (?:an?|the) (?:[\w-]+,? ){0,4}?(?:disease|disorder|condition|"
    r"infection|illness|syndrome|death)\b",
    re.IGNORECASE,
)
"""What a condition is ("COPD is a progressive lung disease in which the airways become
damaged", "SIDS is the sudden, unexplained death of an infant"): its harm words describe the
illness, they warn of nothing asked."""


_NO_WARNING_FACETS = frozenset({Facet.CAUSES, Facet.SYMPTOMS, Facet.PROGNOSIS, Facet.DIAGNOSIS})
"""What brings a condition on, its signs, course and tests: their harm words ("complications
like respiratory failure may develop") are the illness's, no warning about what is asked."""
_RISK_OF_GETTING = re.compile(
    r"\b(?:(?:at|high|higher|increased|greater) risk (?:for|of) (?:developing|getting)|risk "
    r"factors?)\b",
    re.IGNORECASE,
)
"""Who is likely to get the condition ("People at risk for developing COPD …"): no harm of
what is asked."""


_FEWER_HARMS = re.compile(
    r"\b(?:fewer|less|lower|milder)\s+(?:\w+\s+)?(?:side effects?|risks?|problems?|harms?)\b",
    re.IGNORECASE,
)
"""A statement that one choice brings fewer harms ("You may have fewer side effects with one
statin drug than another"): no warning."""


_NAMED_AS = re.compile(r"\b(?:people|some|many|it is|is also|are also) call(?:s|ed)?\b", re.I)
"""What a condition is called ("Some people call SIDS 'crib death'"): a name, no warning."""


def _safety(cands: Sequence[Candidate]) -> Pick:
    """ "Is it safe …?" is never answered yes: a warning the sources give is shown, else that
    they do not say."""
    warned = _distinct_documents(
        [
            c
            for c in cands
            if HARM.search(_RISK_OF_GETTING.sub(" ", c.sentence.text))
            and c.facet not in _NO_WARNING_FACETS
            and not _DEFINES_CONDITION.match(c.sentence.text)
            and not _NAMED_AS.search(c.sentence.text)
            and not _FEWER_HARMS.search(c.sentence.text)
        ]
    )
    if warned:
        return Pick(WARN_FRAME, tuple(warned[:MAX_STATEMENTS]))
    return Pick(
        "The sources found do not say whether this is safe for you; ask your doctor or "
        "pharmacist before relying on what follows.",
        refers=True,
    )


_TURN = re.compile(r"(?:^|[.;]\s+|,\s+)(?:however|but|yet),?\s+", re.IGNORECASE)


def _last_turn(text: str, wanted: frozenset[str]) -> str:
    """What ``text`` says after its last turn ("However, …", ", but …") when that part says
    again what the part before it said of the point asked: "Shingles cannot be passed on.
    However, the virus … can be spread to someone who never had chickenpox" says yes to whether
    it spreads; "You will not get it again, but the virus can cause shingles in adults" still
    says no to whether adults get it again."""
    turns = list(_TURN.finditer(text))
    if not turns:
        return text
    first, rest = text[: turns[-1].start()], text[turns[-1].end() :]
    denied = _said(first) & wanted  # what the part before the turn says of the point asked
    return rest if denied and denied <= _said(rest) else text


_SOME_OF = re.compile(
    r"\b(?:(?:nearly|almost|about|around|over|up to|more than|less than|roughly)\s+)?(?:half|a "
    r"third|a quarter|two thirds|some|many|a few|\d+\s*(?:%|percent|per cent)|one in \w+)\s+"
    r"(?:of\s+)?(?:the\s+)?(?:people|patients|adults|children|women|men|those|users|cases)\b",
    re.IGNORECASE,
)
"""A share of the people a statement speaks of ("nearly half of people with …")."""


def _held_back_to_some(text: str, wanted: frozenset[str]) -> bool:
    """True when ``text`` says yes and then, after its last turn, that a share of people do not
    get it ("X may be treated with Y. But nearly half of people with X do not respond to Y
    alone"): a yes for the others, not a no."""
    turns = list(_TURN.finditer(text))
    if not turns:
        return False
    before, turned = text[: turns[-1].start()], text[turns[-1].end() :]
    return (
        bool(before.strip())
        and bool(_SOME_OF.search(turned))
        and negated(turned, wanted)
        and not negated(before, wanted)
    )


def _said(text: str) -> frozenset[str]:
    """The stems of ``text`` with each of :data:`PREDICATE_SENSES` it states."""
    return stems(text) | _senses(text)


def _senses(text: str) -> frozenset[str]:
    """The tokens of the :data:`PREDICATE_SENSES` ``text`` states, in any wording."""
    return frozenset(sense.token for sense in PREDICATE_SENSES if sense.wording.search(text))


def negated(text: str, wanted: frozenset[str], negations: frozenset[str] = _NEGATION) -> bool:
    """True when a negation (one of ``negations``) stands within NEGATION_WINDOW words before
    a predicate word."""
    for sense in PREDICATE_SENSES:
        if sense.token in wanted:
            wanted = wanted | sense.negatable
    words = _WORD.findall(text.lower())
    for i, word in enumerate(words):
        if stems(word) & wanted and negations & set(words[max(0, i - NEGATION_WINDOW) : i]):
            return True
    return False


def _dose(query: Query, cands: Sequence[Candidate], topic: str) -> Pick:
    """The statements giving a dose; without one, a guideline page's statement of the amount
    asked (:func:`dose_amount`: "two to four cups of coffee a day", "How much you need
    depends on your size …"); without either, a framing sentence that says so."""
    dosed = [c for c in cands if DOSE.search(c.sentence.text)]
    amount = dose_amount(query)
    stated = [
        c
        for c in cands
        if c.guideline
        and amount
        and states_amount(amount, query.question, c.sentence.text, c.stems)
    ]
    if not dosed and stated:
        return Pick("In short:", tuple(_distinct_documents(stated)[:MAX_STATEMENTS]))
    if not dosed:
        return Pick(
            f"No source in the index gives a dose for {topic}; a pharmacist, your doctor or the "
            "drug's label can tell you the dose that applies to you.",
            refers=True,
        )
    return Pick(
        "Amounts stated in the sources found (who they apply to is in the statement; check "
        "your own dose with a pharmacist or doctor):",
        tuple(_distinct_documents(dosed)[:MAX_STATEMENTS]),
    )


def _comparison(query: Query, cands: Sequence[Candidate]) -> Pick | None:
    """A statement naming each side by one of its whole names ("heart attack" and "cardiac
    arrest", not "attack" and "cardiac"), numbers included ("type 1", "type 2"); when none
    does, a framing sentence that says so. The readings of one phrase are one side ("sprained
    ankle": a sprain, an ankle injury): with fewer than two sides, None. A drug and a condition
    are no two sides ("what besides colchicine helps gout" compares treatments of gout): None."""
    readings = _readings(query.primary_topics)
    sides = [[_marks(n) for c in side for n in c.names] for side in readings]
    if len(sides) < 2:
        return _each_defined(query, cands)
    if _treats(readings[:2]):
        return None
    both = [
        c
        for c, marks in ((c, _marks(c.sentence.text)) for c in cands)
        if all(any(name <= marks for name in side) for side in sides)
    ]
    names = " and ".join(uninverted(side[0].name) for side in readings[:2])  # first readings
    if not both:
        return Pick(
            f"No source in the index compares {names} directly; what the sources say about "
            "each follows."
        )
    return Pick(f"Where the sources found compare {names}:", tuple(both[:MAX_STATEMENTS]))


_COMPARED_WORDS = re.compile(
    r"\bdifference between (?:an? |the )?([a-z]+) and (?:an? |the )?([a-z]+)\b"
    r"|\b([a-z]+) (?:vs\.?|versus) (?:an? |the )?([a-z]+)\b",
    re.IGNORECASE,
)
EACH_FRAME = "The sources found say what each is:"


def _each_defined(query: Query, cands: Sequence[Candidate]) -> Pick | None:
    """For a comparison of two words one concept names together ("a bite versus a sting",
    both "insect bites and stings"), the page's statement of what each is ("A bite is …", "A
    sting is …"); None unless both are found."""
    compared = _COMPARED_WORDS.search(query.question)
    if compared is None:
        return None
    words = [w.lower().rstrip("s") for w in compared.groups() if w][:2]
    named = [n.lower() for c in query.primary_topics for n in (c.name, *c.names)]
    if not any(all(w in n for w in words) for n in named):
        return None  # two concepts, not two words of one name
    said = [
        c
        for e in _pages_of([c for c in cands if c.guideline])
        for c in page_statements(e, Facet.OVERVIEW)
    ]
    defined = []
    for word in words:
        opens = re.compile(rf"(?:an? |the )?{re.escape(word)}s? (?:is|are)\b", re.IGNORECASE)
        found = next((c for c in said if opens.match(c.sentence.text)), None)
        if found is None:
            return None
        defined.append(found)
    return Pick(EACH_FRAME, tuple(defined))


def _treats(sides: Sequence[Sequence[QueryConcept]]) -> bool:
    """True when one side is a drug and the other a condition: what treats it, not a pair."""
    drug = [all(c.drug for c in side) for side in sides]
    condition = [any(c.condition for c in side) for side in sides]
    return any(d and any(condition[:k] + condition[k + 1 :]) for k, d in enumerate(drug))


FEARS_GETTING = re.compile(
    r"\b(?:scared|terrified|worried|afraid|frightened|anxious|petrified|fear|concerned|"
    r"paranoid)\b[^.?!]{0,30}?\b(?:i'?ll|i will|i might|i may|i could|i'?m going to|i am going "
    r"to|i would|of (?:getting|developing|inheriting)|about (?:getting|developing|inheriting))"
    r"(?: \w+){0,2}? (?:get|getting|develop|developing|inherit|inheriting|end up with)\b"
    r"|\b(?:my|our) (?:own )?(?:risk|chances?|odds) of (?:getting|developing|inheriting)\b",
    re.IGNORECASE,
)
"""The asker fears getting a condition ("terrified I'll get it too", "my risk of developing
it"): they do not have it, so what treats it is no step for them."""


def _what_to_do(query: Query, cands: Sequence[Candidate], topic: str) -> Pick | None:
    """First steps (treatment, when to seek care): a guideline page's, or a study's own advice
    (:data:`extract.ADVICE`) among :func:`_findings`; a study's findings are no steps. For a drug
    named with a condition ("diarrhoea since I started an antibiotic"), only steps that name the
    condition: "finish your antibiotics" is no step against the diarrhoea. Without any, a framing
    sentence that says so."""
    advice = [c for c in _findings(query, cands) if c.guideline or ADVICE.search(c.sentence.text)]
    pair = query.drug_and_condition
    if pair is not None:  # what to do about the condition the drug brought: steps that name it
        condition = name_stems(pair[1])
        advice = [c for c in advice if _names_any(c, condition)]
    # for someone afraid of getting it, its treatment is no first step of theirs
    facets: tuple[Facet, ...] = (Facet.TREATMENT, Facet.PREVENTION, Facet.SEEK_CARE)
    if FEARS_GETTING.search(query.question):
        facets = facets[1:]
    elif query.asked[:1] == (Facet.PREVENTION,):  # "stop them coming back": keeping it away
        facets = (Facet.PREVENTION, Facet.TREATMENT, Facet.SEEK_CARE)
    # a step that cures another condition ("removing the glands cures hyperparathyroidism and
    # prevents kidney stones") is for those who have that one: after the others
    own = frozenset(s for c in query.primary_topics for n in name_stems(c) for s in n)
    advice = sorted(advice, key=lambda c: _cures_another(c.sentence.text, own))
    steps = [c for f in facets if f in query.facets and (c := _first(advice, f))]
    if steps:
        return Pick("What the sources found advise:", tuple(steps))
    return unanswered(topic, QuestionType.WHAT_TO_DO) if cands else None


def _apart(
    query: Query, cands: Sequence[Candidate], found: Mapping[str, Collection[str]] | None = None
) -> Pick | None:
    """For a question on two conditions named together ("Noonan syndrome and polycystic kidney
    disease"; the readings of one lay phrase, "facial twitch": hemifacial spasm, blepharospasm,
    are one), the statement that names both; when none does, a framing sentence that says so,
    so that what follows about each is not read as their link. None for one condition."""
    conditions = _named_conditions(query)
    if len(conditions) < 2:
        return None
    sides = [(*name_stems(c), stems(c.matched)) for c in conditions[:2]]
    # each condition by one of its whole names: "blood vessels" does not name "blood clots"
    both = [c for c in cands if all(_names_any(c, side) for side in sides)]
    if both:
        first = next((c for c in both if c.guideline), both[0])
        return Pick("Where the sources found speak of both:", (first,))
    have = _found_conditions(query, conditions[:2], cands, found)
    if any(have) and not all(have):
        # "ear infection or swimmer's ear?" with pages on middle-ear infections only: what
        # follows is about one of them, and the reader must not take it for both
        missing, present = (
            [_called(c) for c, f in zip(conditions, have, strict=False) if f is want]
            for want in (False, True)
        )
        return Pick(
            f"None of the statements found is about {' or '.join(missing)}; what the sources "
            f"say about {' and '.join(present)} follows."
        )
    names = " and ".join(uninverted(c.name) for c in conditions[:2])
    return Pick(
        f"No source found speaks of {names} together; what the sources say about each follows."
    )


def _found_conditions(
    query: Query,
    conditions: Sequence[QueryConcept],
    cands: Sequence[Candidate],
    found: Mapping[str, Collection[str]] | None,
) -> list[bool]:
    """For each of ``conditions`` (one per phrase), whether a statement of ``cands`` comes
    from a document about it or another reading of its phrase (``found``: the topic gate's
    judgement, by concept, so a page on thyroid cancer is about thyroid neoplasms); all True
    when the gate did not run."""
    if found is None:
        return [True] * len(conditions)
    docs = {c.evidence.hit.document.id for c in cands}
    keys = {
        c.matched: [r.key for r in group]
        for group in _readings(query.primary_topics)
        for c in group
    }
    return [
        any(docs & set(found.get(k, ())) for k in keys.get(c.matched, [c.key])) for c in conditions
    ]


def _called(concept: QueryConcept) -> str:
    """The concept's name, with the question's words for it when they differ ("otitis
    externa (swimmers ear)")."""
    name = uninverted(concept.name)
    return name if stems(concept.matched) <= stems(name) else f"{name} ({concept.matched})"


_QUESTION_SENTENCE = re.compile(r"[^.!?]*\?")


def _asked_together(query: Query) -> bool:
    """True when one question sentence of ``query`` names two of its conditions ("Do people with
    gout get sinusitis?"), not when one is context told beside it ("He is not overweight.")."""
    phrases = [c.matched for c in _named_conditions(query)]
    asked = [normalise(s) for s in _QUESTION_SENTENCE.findall(query.question)]
    return any(sum(p in sentence for p in phrases) >= 2 for sentence in asked)


def _named_conditions(query: Query) -> list[QueryConcept]:
    """The conditions among ``query``'s primary topics, one per phrase of the question (the
    readings of one phrase, "facial twitch": hemifacial spasm, blepharospasm, are one thing
    named)."""
    conditions = [c for c in query.primary_topics if not c.drug and _condition(c)]
    return [readings[0] for readings in _readings(conditions)]


BACKGROUND = "BACKGROUND"
"""An abstract's background section: what its authors set out from, not what they found, and
never the bottom line ("The influenza virus is a global threat …" for "how long does the flu
last?")."""


def _background(candidate: Candidate) -> bool:
    """A research statement from the abstract's background: its BACKGROUND section, or the
    opening sentence of an abstract without labelled sections."""
    sentence = candidate.sentence
    if sentence.section_category is None:
        return sentence.position == 0
    return sentence.section_category == BACKGROUND


def _condition(concept: QueryConcept) -> bool:
    """A disease, sign or mental disorder (MeSH C, F03), or a topic known only by its pages'
    name (no tree number); not a procedure, body part or substance."""
    return not concept.tree_numbers or concept.condition


def _amount_stated(
    query: Query, cands: Sequence[Candidate], amount: re.Pattern[str], course: bool
) -> Candidate | None:
    """The first guideline statement stating an amount of the kind asked (``amount``) about
    what was asked (a word of the question's predicate: "hold" in "how much urine does a
    bladder hold"); of a drug's course (``course``), its length; of when an activity can be
    taken up again, one naming an activity."""
    asked = predicate(query)
    back_to = asks_when_safe_again(query.question)
    return next(
        (
            c
            for c in cands
            if c.guideline
            and states_amount(amount, query.question, c.sentence.text, c.stems)
            and (not course or COURSE_LENGTH.search(c.sentence.text))
            # "how long before he can play rugby": how long most take to get better is no
            # time to take an activity up again
            and (not back_to or _ACTIVITY.search(c.sentence.text))
            and c.stems & asked
        ),
        None,
    )


def _in_short(query: Query, cands: Sequence[Candidate], topic: str) -> Pick | None:
    """The best statement for a facet the question asks; a definition or overview only from a
    guideline-level page, and from research only a statement that names the topic itself and
    is no background line of its abstract (neither is an answer); for a question
    asking an amount ("how long does an attack last"), first a guideline statement that states
    one of the kind asked about what was asked (a word of the question's predicate: "lasts",
    not an incubation time for "how long to clear after treatment"), and from a study for a
    patient's such question (and from a page, for a drug's "how long") only a statement stating
    an amount; for a question telling a
    measured value, the guideline statements that give values (a threshold, a goal). Without
    one, a framing sentence that says so."""
    amount = asked_amount(query)
    course = query.about_a_drug and bool(ASKS_HOW_LONG_TO_TAKE.search(query.question))
    if amount is not None and (found := _amount_stated(query, cands, amount, course)):
        return Pick("In short:", (found,))
    if amount is None and states_a_value(query.question):
        # "my a1c went from 6.8 to 7.9, what does that mean": the page's values say it (not
        # for "how much exercise … it was 148/92": the value is not what is asked)
        valued = value_limits(query, cands)
        if valued:
            return Pick("In short:", tuple(valued[:MAX_STATEMENTS]))
    findings = _findings(query, cands)
    if asks_when_safe_again(query.question):
        # "when can he go back to training": how soon most people get better is no answer,
        # nor what a study did with its players; a patient page's statement naming an
        # activity may be
        findings = [c for c in findings if c.guideline and _ACTIVITY.search(c.sentence.text)]
    if amount is not None and (waited := waited_for(query.question)):
        # "how long to walk again after a broken hip": a time of something else (a 30-day
        # death rate) is no answer
        findings = [c for c in findings if waited & c.stems]
    if amount is not None and query.about_a_drug:
        # a drug's "how long" asks a time: "finish your medicine" does not say how long an
        # antibiotic takes to work
        findings = [c for c in findings if amount.search(c.sentence.text)]
        if course:
            # and how long to take it asks the course's length, not a test's time
            findings = [c for c in findings if COURSE_LENGTH.search(c.sentence.text)]
    if not evidence_question(query.question):
        # a patient's question: a guideline page's statement on any facet asked before a study's
        found = _facet_statement(query, [c for c in findings if c.guideline], cands)
        if found is not None:
            return Pick("In short:", (found,))
        if amount is not None:
            # "how long can someone live with stage 4 kidney disease": a study's finding that
            # states no amount ("R2* might predict the progression") does not say how long
            findings = [c for c in findings if c.guideline or amount.search(c.sentence.text)]
    found = _facet_statement(query, findings, cands)
    if found is not None:
        return Pick("In short:", (found,))
    return unanswered(topic) if cands else None


_ACTIVITY = re.compile(
    r"\b(?:sports?|exercis\w*|activit\w*|play\w*|train\w*|work|school|driv\w*|swim\w*|lift\w*|"
    r"runn\w*|gym|games?|matches|rugby|football|hockey|cricket|tennis|cycl\w*)\b",
    re.IGNORECASE,
)
"""An activity one takes up again after an illness or injury."""


def _facet_statement(
    query: Query, findings: Sequence[Candidate], cands: Sequence[Candidate]
) -> Candidate | None:
    """The first of ``findings`` (``cands`` for the overview) that answers a facet the
    question asks, facet by facet (see :func:`_in_short`)."""
    sides = _sides(query)
    asked = _attribute_words(query)
    # another thing the asking sentence names beside the topic ("does protein stop levodopa
    # working?"): a statement that names it says what is asked of it
    clause = stems(_asking_part(query.question)) & _topic_words(query)
    for facet in query.asked:
        if facet is Facet.CAUSES and not _may_be_caused(query):
            # "where does marijuana come from": what a substance causes does not say
            continue
        if facet is Facet.TREATMENT and query.about_a_procedure_or_part:
            # a procedure is not treated: "can they give me something to calm down" before an
            # MRI is not answered by what an MRI study found about radiotherapy
            continue
        pool = findings if facet is not Facet.OVERVIEW else [c for c in cands if c.guideline]
        if facet is Facet.OVERVIEW and 0 < len(asked) <= MAX_ATTRIBUTE_WORDS:
            # "what's the smell of marijuana": a definition of marijuana does not say
            pool = [c for c in pool if c.stems & asked]
        elif facet is Facet.OVERVIEW and asks_something_else(query.question):
            # "how much walking do I need to lose weight": what obesity is does not say
            continue
        # a statement naming the topic, or its page's, before one about something else on the
        # page ("Skin sores that become infected should be treated with an antibiotic"); what
        # another condition is ("Asthma is a long-term lung disease" on the cough page) never
        pool = [c for c in pool if not defines_another(c.sentence.text, _own_names(c, sides))]
        # a statement of some kinds, or of pregnancy the asker did not name, after the rest
        pool = sorted(
            pool,
            key=lambda c: (
                bool(_SOME_KINDS.match(c.sentence.text)) or _of_an_untold_pregnancy(query, c),
                not c.stems & clause,
                not _names_own_topic(c, sides),
            ),
        )
        found = _first(pool, facet)
        if found is not None:
            return found
    return None


def _asking_part(question: str) -> str:
    """The sentences of ``question`` that ask (a yes/no one, :func:`asking_sentence`, or those
    ending in "?"), or all of it when none does: "… still there 4 months later. what helps?"
    asks what helps, not about what the story told."""
    asked = asking_sentence(question)
    if asked:
        return asked
    sentences = re.split(r"(?<=[.!?])\s+", question.strip())
    questions = [s for s in sentences if s.endswith("?")]
    return " ".join(questions) if questions else question


_SOME_KINDS = re.compile(
    r"^\W*(?:some|a few|certain|several)\s+(?:[\w'-]+\s+){0,3}?[\w'-]+,?\s+"
    r"(?:such as|like|including)\b",
    re.IGNORECASE,
)
"""A statement of some kinds of the topic, named ("Some rashes, such as hives, fade within
hours"): true of those kinds, no short answer for the topic as a whole."""


_SOMETHING_ELSE = re.compile(
    r"\bhow\s+(?:much|many|long|often|soon|far|can|could|should|would|to)\b|\bwhy\b|"
    r"\b(?:when|which|where)\s+(?:should|shud|do|does|did|can|could|is|are|will|would|to|"
    r"might|must)\b|\b(?:should|can|could|do|does|will|would)\s+(?:i|we|you|he|she|they|my|it)\b|"
    r"\bwhich\s+(?:[\w'-]+\s+){1,3}(?:is|are|works?)\s+(?:the\s+)?(?:best|better|safest|safer)\b|"
    r"\bwhat\s+(?:[\w'-]+\s+){0,4}?(?:can|could|should)\s+(?:(?:i|we|you|he|she|they)\s+)?"
    r"(?:do|try|take|use|eat|drink|give)\b",
    re.IGNORECASE,
)


def asks_something_else(question: str) -> bool:
    """True for a question asking something other than what its topic is ("how much walking do
    I need to lose weight", "when should I start colonoscopy", "do I need antibiotics"): a
    definition of the topic is no short answer to it. "How does vitamin D help the body" asks
    what it does, which its description may tell. Not when it also asks what something is
    ("what is MGUS and should I worry"): the definition answers that part."""
    return bool(_SOMETHING_ELSE.search(question)) and not asks_what_it_is(question)


def _may_be_caused(query: Query) -> bool:
    """True when a primary topic has causes (``QueryConcept.has_causes``): a question of cause
    asks what causes it. Of a substance ("marijuana") it asks its origin, which a statement of
    what the substance causes does not answer. Without a known topic, True."""
    topics = query.primary_topics
    return not topics or any(c.has_causes for c in topics)


def _attribute_words(query: Query) -> frozenset[str]:
    """What the question asks about its topic beside a request for information: its predicate
    words of more than three letters, no digits (:data:`MAX_ATTRIBUTE_WORDS`)."""
    return frozenset(w for w in predicate(query) - _REQUEST_WORDS if len(w) > 3 and w.isalpha())


_FILLERS = stems("just only still even actually maybe also very quite much lots bit kind sort")
"""Words that soften or stress what is asked, not part of it ("or just a bad day")."""


def asked_words(query: Query) -> frozenset[str]:
    """What the question asks of its topic, as a statement may say it: its predicate words of
    more than three letters (no digits, no request words) and the senses it asks
    (:data:`PREDICATE_SENSES`), without the names of its other topics. "copd - how do i know if
    its a flare up or just a bad day" asks whether it got worse."""
    wanted = predicate(query) - _topic_words(query) - _REQUEST_WORDS - _FILLERS
    return frozenset(w for w in wanted if w.startswith("<") or (len(w) > 3 and w.isalpha()))


UNANSWERED_OPENINGS = (
    "The sources found do not say what to do;",
    "The sources found do not say yes or no to this directly;",
    "The sources found do not answer this directly;",
)
"""How the framing sentences of :func:`unanswered` open."""


def left_unanswered(pick: Pick) -> bool:
    """True when ``pick`` is a framing sentence of :func:`unanswered` alone: no statement
    answers the question."""
    return not pick.chosen and pick.verdict.startswith(UNANSWERED_OPENINGS)


def unanswered(topic: str, kind: QuestionType = QuestionType.INFORMATION) -> Pick:
    """The framing sentence of an answer whose statements do not answer the question (of this
    ``kind``)."""
    if kind is QuestionType.WHAT_TO_DO:
        return Pick(
            f"The sources found do not say what to do; what they say about {topic} follows."
        )
    if kind is QuestionType.YES_NO:
        return Pick(
            "The sources found do not say yes or no to this directly; what they say about it "
            "follows."
        )
    return Pick(
        f"The sources found do not answer this directly; what they say about {topic} follows."
    )


_PLAIN_ASKED = stems(
    "worry worried worrying concern concerned serious often month months again better start "
    "started might doctor doctors include includes including"
)
"""Words of a question that say how it asks (should I worry, how many months, is it better to
start), not what it asks about: a statement sharing only these says nothing on the point.
Words :func:`asked_words` already leaves out ("normal", "still") and stems of four letters or
fewer, which :func:`worded_pick` never weighs ("long", "week", "safe"), need no place here."""
PLAIN_FREQUENCY = 20_000
"""How common (:func:`~medcite.query.english.english_frequency`) a word of the asking
sentence may be and still say what is asked about: "compression", "withdrawal", "creams" are
rarer; "first", "normal", "worried", "difference", "exercise" are too common to say it."""


def _plain_word(word: str) -> bool:
    """True for a word too common to say what a question asks about (:data:`PLAIN_FREQUENCY`)."""
    return english_frequency(word.lower()) >= PLAIN_FREQUENCY


_NO_POINT = re.compile(
    r"^(?:if|when|for example,?) (?:you|they|your \w+|people|someone) (?:have|has|get|gets|are)\b"
    r"|^[^,;:]{0,80}? (?:is|are) (?:an?|the) (?:[\w-]+,? ){0,4}?(?:symptom|sign|disease|disorder|"
    r"condition|problem|infection|illness|syndrome|type|form|group)\b",
    re.IGNORECASE,
)
"""A statement of a case ("If you have a sinus infection, your doctor may prescribe
antibiotics": of another condition on the page) or a definition ("Having trouble swallowing is
a symptom that …"): it shares a word with the question but makes no point on it."""
WORDED_FRAME = (
    "The sources found do not answer this in one statement. {where} What the page on {topic} "
    "says on the point asked:"
)


def worded_pick(
    query: Query,
    cands: Sequence[Candidate],
    topic: str,
    exact_ids: Collection[str] = (),
    where: str = "",
) -> Pick | None:
    """When no statement answers the question, the statements of a page on its topic itself
    (``exact_ids``, :func:`exact_page`) that name what its asking sentence asks about in its
    own uncommon words ("stockings" for "should I wear support stockings for my swollen
    ankles", "freezing" for a wart), at most :data:`MAX_STATEMENTS`, those naming more of its
    words first: the page's point, which the reader weighs, after who can answer instead
    (``where``), in place of an abstention saying the pages only describe the topic. For a
    question asking an amount ("how long …"), only a statement stating one; never a case of
    another condition or a definition (:data:`_NO_POINT`). None for a question of what studies
    found, for one of several topics, or when no statement names a word of what is asked
    beyond how it asks (:data:`_PLAIN_ASKED`, :data:`PLAIN_FREQUENCY`)."""
    if evidence_question(query.question) or len(query.primary_topics) != 1:
        return None
    # the words of the sentence that asks, not of the story told before it, and only its
    # uncommon ones: "first" or "normal" say how it asks, "compression" what about
    asking = corrected(_asking_part(query.question), query.corrections)
    rare = stems(" ".join(w for w in _WORD.findall(asking) if not _plain_word(w)))
    wanted = {w for w in asked_words(query) & rare - _PLAIN_ASKED if len(w) > 4 and w.isalpha()}
    if not wanted:
        return None
    exact = exact_page(query, exact_ids)
    sides = _sides(query)
    amount = asked_amount(query)  # "how long does it take": only a statement of an amount
    said = {id(c): predicate_stems(c) & wanted for c in cands}
    scored = [
        (len(said[id(c)]), i, c)
        for i, c in enumerate(cands)
        if c.guideline
        and exact(c)
        and said[id(c)]
        and not _NO_POINT.match(c.sentence.text)
        and (amount is None or amount.search(c.sentence.text))
        and not defines_another(c.sentence.text, _own_names(c, sides))
    ]
    if not scored:
        return None
    best = [c for _n, _i, c in sorted(scored, key=lambda x: (-x[0], x[1]))]
    verdict = " ".join(WORDED_FRAME.format(topic=topic, where=where).split())
    return Pick(verdict, tuple(_distinct_documents(best)[:MAX_STATEMENTS]), refers=True)


ASKS_HOW_LONG_TO_TAKE = re.compile(
    r"\bhow long (?:(?:should|must|do|can|will|would|am|are|is) )?(?:(?:i|you|he|she|we|they|"
    r"my \w+) )?(?:be )?(?:(?:have|need|supposed) to )?(?:take|taking|stay on|be on|keep "
    r"(?:on|taking)|continue|use)\b",
    re.IGNORECASE,
)
"""A question how long to take a medicine ("how long should I take cipro for a UTI"), not how
long it takes to work."""
COURSE_LENGTH = re.compile(
    r"\b(?:\d+|several|a few|few|one|two|three|four|five|seven|ten)(?: (?:or|to) \d+)? "
    r"(?:days?|weeks?|months?) of (?:\w+ )?(?:treatment|antibiotics?|therapy|medicines?|"
    r"medications?)\b"
    r"|\b(?:treatment|antibiotics?|medicines?|medications?|course|therapy|pills?|tablets?)\b"
    r"[^.;]{0,30}?\bfor (?:at least |about |up to |around )?(?:\d+|several|a few|one|two|three|"
    r"five|seven|ten)(?: (?:or|to) \d+)? (?:days?|weeks?|months?)\b",
    re.IGNORECASE,
)
"""A statement of how long a treatment is taken ("cured with 2 or 3 days of treatment", "the
medication is given for at least 3 to 5 days"), not of how long a test takes."""


def _findings(query: Query, cands: Sequence[Candidate]) -> list[Candidate]:
    """The statements a bottom line may rest on: a guideline page's, or a research statement
    that names the question's topic itself and is no background line of its abstract (a study
    of sleep habits does not advise on a toddler's flattened head)."""
    sides = _sides(query)
    kind = asked_kind(query.question)
    return [
        c
        for c in cands
        if c.guideline
        or (
            not _background(c)
            and all(c.stems & side for side in sides)
            and (not kind or bool(c.stems & kind))
        )
    ]


_ASKED_KIND = re.compile(
    r"^\W*(?:what|which)\s+(?:(?:kinds?|types?|sorts?)\s+of\s+)?(?P<kind>[a-z]{3,})\s+"
    r"(?:can|could|do|does|help|helps|may|might|should|will|would|are|is|to|cause|causes|"
    r"prevent|prevents|reduce|reduces|lower|lowers|raise|raises|treat|treats|work|works)\b",
    re.IGNORECASE,
)
_NOT_KINDS = frozenset(
    "is are does do can could should will would happens causes cause helps help "
    "kind kinds type types sort sorts".split()
)


def asked_kind(question: str) -> frozenset[str]:
    """The stems of the kind of thing a question asks for ("what foods help prevent colon
    cancer" → food; "which exercises can ease back pain" → exercis), or none. A study's finding
    is an answer only when it names that kind: a trial of a drug names no food."""
    match = _ASKED_KIND.match(question)
    if match is None or match.group("kind").lower() in _NOT_KINDS:
        return frozenset()
    return stems(match.group("kind"))


_CURES = re.compile(r"\b(?:cures?|cured|treats?|treated) (?P<what>[\w'-]+(?: [\w'-]+)?)", re.I)


def _cures_another(text: str, own: frozenset[str]) -> bool:
    """True when ``text`` says something cures or treats a condition none of whose first words
    is one of the question's topics' (``own``: their names' stems)."""
    found = _CURES.search(text)
    return found is not None and not stems(found["what"]) & own


def _taken_together(query: Query, cands: Sequence[Candidate], topic: str) -> Pick | None:
    """For an interaction question, the best line naming the pair, framed as what the sources
    say about taking them together; when only lines on one of them with "other drugs" speak of
    interactions, that the sources do not answer; else None."""
    named = _drug_patterns(query)
    together = _first([c for c in cands if _names_the_pair(named, c)], Facet.INTERACTIONS)
    if together is not None:
        return Pick("What the sources found say about taking them together:", (together,))
    if any(c.facet is Facet.INTERACTIONS for c in cands):
        return unanswered(topic, QuestionType.INTERACTION)
    return None


def _drug_patterns(query: Query) -> dict[str, list[re.Pattern[str]]]:
    """Each medicine the question combines (a combination product once), as a pattern of its
    own names and its classes' names; {} when it names fewer than two."""
    drugs = [c for c in query.concepts if c.drug and c.role == "topic"]
    names: dict[str, list[list[str]]] = {}
    for c in drugs:
        names.setdefault(c.combination or c.key, []).append(
            [c.name, *([c.matched] if c.matched else []), *c.classes]
        )
    if len(names) < 2:
        return {}
    return {key: [class_pattern(n) for n in each] for key, each in names.items()}


def _names_the_pair(named: dict[str, list[re.Pattern[str]]], candidate: Candidate) -> bool:
    """True when the statement names two of the medicines the question combines
    (:func:`_drug_patterns`), each by its own or its class's name ("NSAIDs can make ACE
    inhibitors work less well"), or the question names fewer than two: a line on one of them
    with "other drugs" ("Some statins also interact adversely with other drugs") says nothing
    of taking it with the one asked."""
    if not named:
        return True
    text = candidate.sentence.text
    return sum(any(p.search(text) for p in each) for each in named.values()) >= 2


def _first(cands: Sequence[Candidate], facet: Facet) -> Candidate | None:
    """The best candidate for ``facet``, guideline-level first."""
    pool = [c for c in cands if c.facet is facet]
    return next((c for c in pool if c.guideline), pool[0] if pool else None)


def _distinct_documents(cands: Sequence[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    out = []
    for c in cands:
        if c.sentence.document_id not in seen:
            seen.add(c.sentence.document_id)
            out.append(c)
    return out
