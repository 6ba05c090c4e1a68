"""Pages on a drug's class: what they may say of a drug no page is on.

NIH has patient pages on few single drugs but on their classes ("Statins", "Antidepressants",
"Steroids"): the topic gate admits the page whose topic *is* a drug's class when no page is on
the drug (``evidence.topic``, ``GateResult.classes``), and a condition's page may name a drug
named with it by its class ("If you have kidney disease, do not use NSAIDs"). What such a page
says of the class holds for the drug only in part; :func:`within_class` keeps the rest out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from medcite.answer.extract import Candidate, asked_amount
from medcite.evidence.topic import GateResult
from medcite.query.concepts import is_sign
from medcite.query.drugs import class_pattern, other_classes
from medcite.query.understand import felt_since_starting, tells_being_on, tells_drug_effect
from medcite.records import Document, Facet, Query, QueryConcept
from medcite.text import STOPWORDS, stems

SOME_KINDS = frozenset(
    "some certain many most other others one two several few rare these those this that each "
    "such".split()
)
"""Words before a name that pick out some of its kinds ("Some arthritis is …")."""


STOPPING = re.compile(
    r"\b(?:(?:stop|stopping|quit|quitting) (?:taking|using)|(?:can|could|should|do|shall|must) "
    r"(?:i|we|he|she|they) (?:just |now |simply )?stop|taper\w*|wean\w*|come off|coming off|"
    r"get off|cold turkey|(?:safe|ok|okay|alright|fine|dangerous|bad|risky) (?:for (?:me|him|"
    r"her) )?to (?:just |suddenly )?stop)\b",
    re.IGNORECASE,
)
"""A question about stopping a drug ("should I stop taking it", "can I just stop", "how to
taper off", "is it safe to stop my antidepressant"); not "the best way to stop them (cold
sores) early"."""
STOPPING_SAID = re.compile(
    r"\b(?:gradual\w*|taper\w*|wean\w*|withdraw\w*|abrupt\w*|suddenly|without (?:first )?"
    r"(?:talking|checking|asking))\b",
    re.IGNORECASE,
)
"""A statement on how to stop a drug ("You often need to stop antidepressants gradually", "Do
not stop taking your medicines without talking to your doctor"); not advice to keep taking it
("If you stop treatment too soon, some bacteria may survive"), which is wrong for a rash that
may be an allergy."""
STOPPING_FACETS = frozenset({Facet.TREATMENT, Facet.OVERVIEW})
"""What a class's statement must say of stopping when stopping is asked: what the class is
for answers nothing then; a harm asked about (the muscle aches of a statin) still does."""
CLASS_FACETS_UNSAID = frozenset({Facet.DOSAGE})
"""What a page on a drug's class never says of one member: its dose differs from member to
member ("Many NSAIDs are also available at higher prescription doses" gives no child's dose of
ibuprofen)."""
HARM_FACETS = frozenset({Facet.SIDE_EFFECTS, Facet.INTERACTIONS})
_HARMS = HARM_FACETS | {Facet.WARNINGS}
REASSURANCE = re.compile(
    r"\b(?:usually (?:do not|don'?t) last|(?:are|is) (?:usually |often )?mild|"
    r"go away on their own)\b",
    re.IGNORECASE,
)
"""A class's reassurance about its side effects in general ("Antidepressants may cause mild
side effects that usually do not last long"): said of one member's particular effect (sexual
side effects of sertraline) it misleads."""
EARLY_START = re.compile(
    r"\b(?:(?:\d+|a|one|two|three|four|five|six|a few|a couple of) (?:days?|weeks?) ago|"
    r"(?:just|recently) (?:started|began)|last week|this week|(?:few|couple of) days)\b",
    re.IGNORECASE,
)
"""A drug started days or weeks ago."""
LOCAL_FORM = re.compile(
    r"\b(?:inhal\w*|puffers?|nasal|nose spray|nasal spray|sprays?|creams?|ointments?|gels?|"
    r"lotions?|eye ?drops?|ear ?drops?|topical\w*|patch(?:es)?|pessar(?:y|ies)|suppositor\w*)\b",
    re.IGNORECASE,
)
"""A form of a drug that acts where it is put (an inhaler, a nose spray, a cream, eye drops):
what its class's page says of the harms of tablets or injections ("weakened bones and
cataracts" on the Steroids page) does not hold for it as said."""
LASTING_EFFECTS = re.compile(r"\b(?:sex\w*|libido|erect\w*|orgasm\w*|ejaculat\w*)\b", re.I)
"""Effects that a class's "usually do not last" does not cover: sexual ones can last as long as
the drug is taken."""


def early_complaint(question: str) -> bool:
    """True when ``question`` tells a complaint since a drug was started days or weeks ago and
    asks whether it is to be expected (``felt_since_starting``), and the complaint is none that
    can last as long as the drug is taken (:data:`LASTING_EFFECTS`)."""
    return (
        felt_since_starting(question)
        and bool(EARLY_START.search(question))
        and not LASTING_EFFECTS.search(question)
    )


def within_class(
    query: Query, cands: Sequence[Candidate], gate: GateResult | None
) -> list[Candidate]:
    """``cands`` without what the pages on a drug's class (``GateResult.classes``: "Steroids"
    for prednisone) do not say of the drug: anything the question did not ask (a page on
    antibiotics in general is no answer to who makes nitrofurantoin; its warnings only when a
    harm is asked), a dose (:data:`CLASS_FACETS_UNSAID`), what it says of another kind of the
    class ("anabolic steroids", :func:`another_kind`; "Many NSAIDs …" on the Pain Relievers
    page for acetaminophen) unless it also names the drug or its own narrower class, and as
    what the drug is, anything but a statement of what the class is ("Statins are drugs used
    to …", not "There are many different pain medicines") or of the drug's own narrower class
    ("The most powerful pain relievers are narcotics" for morphine). For a drug named with a
    condition, what :meth:`_ClassJudge._names_drug` lets name the drug by its class."""
    pair = query.drug_and_condition
    by_class = pair is not None and bool(pair[0].classes)
    if not by_class and (gate is None or not gate.classes):
        return list(cands)
    judge = _ClassJudge.of(query, gate)
    return [c for c in cands if judge.speaks(c)]


STOPPING_TOLD = re.compile(
    rf"{STOPPING_SAID.pattern}|\b(?:discontinu\w*|stop(?:s|ped|ping)?|quit\w*|keep taking|"
    r"continue taking|long-term|lifelong|for life|finish\w*|(?:whole|full|entire) course)\b",
    re.IGNORECASE,
)
"""Any word of stopping or of how long a drug is taken, for :func:`on_stopping`."""


_A_HABIT = re.compile(r"\s+(?:drinking|smoking|vaping|eating|alcohol|booze|caffeine|coffee)\b")
"""What is stopped right after "should I stop" when it is a habit, not the drug asked about
("should I stop drinking", with a liver enzyme asked about)."""


def on_stopping(query: Query, cands: Sequence[Candidate]) -> list[Candidate]:
    """For a question about stopping a drug it names (:data:`STOPPING`), ``cands`` without the
    statements of what a drug does or is for (:data:`STOPPING_FACETS`) that say nothing of
    stopping it or of how long it is taken: "Clinicians should adjust amlodipine dosage …
    when coadministering it with efavirenz" does not tell someone whose blood pressure is now
    normal whether to stop amlodipine. Harms and warnings stay."""
    stopping = STOPPING.search(query.question)
    if not (query.about_a_drug and stopping) or _A_HABIT.match(query.question, stopping.end()):
        return list(cands)
    return [
        c for c in cands if c.facet not in STOPPING_FACETS or STOPPING_TOLD.search(c.sentence.text)
    ]


@dataclass(frozen=True)
class _ClassJudge:
    """What :func:`within_class` needs of the question, read once."""

    classes: frozenset[str]
    """Ids of the pages on a drug's class (``GateResult.classes``)."""
    named: re.Pattern[str]
    """The drugs' names and their classes' names."""
    defines: re.Pattern[str]
    """A sentence opening by saying what one of them is."""
    others: re.Pattern[str]
    """Every other class's names."""
    asked: frozenset[Facet]
    amount: re.Pattern[str] | None
    paired: re.Pattern[str] | None = None
    """For a drug named with a condition (``Query.drug_and_condition``), the drug's own names:
    a statement that names it only by its class must name the class as such."""
    paired_classes: re.Pattern[str] | None = None
    condition: re.Pattern[str] | None = None
    """The names of the condition named with the drug: a statement naming the drug only by its
    class must not say the class treats something else (:func:`_treats_another`)."""
    stopping: bool = False
    """True when the question asks about stopping the drug ("should I stop taking it",
    :data:`STOPPING`): what the class is for answers nothing then; what its pages say of
    stopping does ("Do not stop taking your medicines without talking to your doctor")."""
    early: bool = False
    """True when the question tells a complaint in the first weeks of the drug and asks whether
    it is to be expected (:func:`early_complaint`): the class's word that its side effects are
    mild and pass is then what is asked."""
    local: bool = False
    """True when the question names the drug in a form that acts where it is put
    (:data:`LOCAL_FORM`): the class's harms then count only where they name that form."""
    on_it: bool = False
    """True when the question tells someone is already on the drug named with a condition, and
    not that it is taken for that condition ("I'm on amoxicillin and now I have diarrhoea"):
    that the class treats the condition is then no answer (:data:`GIVEN_FOR`)."""

    @classmethod
    def of(cls, query: Query, gate: GateResult | None) -> _ClassJudge:
        drugs = [c for c in query.primary_topics if c.classes]
        names = [n for c in drugs for n in (*c.names, *c.classes)]
        alternatives = "|".join(map(re.escape, sorted(set(names), key=len, reverse=True)))
        asked = set(query.asked) - CLASS_FACETS_UNSAID
        if (
            asked & HARM_FACETS
            or tells_drug_effect(query.question)
            or _asks_its_effect(query.question, alternatives)
        ):
            # a class's warnings answer a question on harms ("is that the tablets?"), not on
            # the colour of the pill
            asked.add(Facet.WARNINGS)
        defining = len(drugs) == 1 and asks_what_drug_is(query, drugs[0])
        if defining:  # what it is for is what its class treats
            asked |= {Facet.OVERVIEW, Facet.TREATMENT}
        else:
            # what a class is and what it treats answer only "what is X (for)", not "what
            # should I do about the bruising" ("You may also take a blood thinner if you …")
            asked -= {Facet.OVERVIEW, Facet.TREATMENT}
        pair = query.drug_and_condition
        drug = pair[0] if pair is not None and pair[0].classes else None
        stopping = bool(STOPPING.search(query.question))
        if stopping:
            asked |= {Facet.TREATMENT}
        return cls(
            gate.classes if gate is not None else frozenset(),
            class_pattern(names),
            re.compile(rf"^(?:the\s+)?(?:{alternatives})\s+(?:are|is)\b", re.IGNORECASE),
            class_pattern(other_classes([c.name for c in drugs])),
            frozenset(asked),
            asked_amount(query),
            class_pattern([*drug.names, drug.matched]) if drug else None,
            class_pattern(drug.classes) if drug else None,
            class_pattern([n + s for n in (*pair[1].names, pair[1].matched) for s in ("", "s")])
            if drug and pair
            else None,
            stopping,
            early_complaint(query.question),
            bool(LOCAL_FORM.search(query.question)),
            on_it=bool(drug and pair and _on_it_not_for(query.question, drug, pair[1])),
        )

    def speaks(self, cand: Candidate) -> bool:
        doc, text = cand.evidence.hit.document, cand.sentence.text
        if doc.id not in self.classes:
            return self._names_drug(cand)
        if cand.facet not in self.asked or (self.amount and not self.amount.search(text)):
            return False
        if self._unstopping(cand) or self._unsaid_of_the_form(cand):
            return False
        if cand.facet is Facet.OVERVIEW:
            return bool(self.defines.match(text)) or self._narrower(text, doc)
        if self.others.search(text):
            return self._narrower(text, doc)
        return not another_kind(text, doc, self.named) or self._narrower(text, doc)

    def _unsaid_of_the_form(self, cand: Candidate) -> bool:
        """True for the class's reassurance that its side effects are mild and pass, unless a
        complaint early on is asked (:func:`early_complaint`), and, for a form of the drug that
        acts where it is put (:data:`LOCAL_FORM`), for a harm said of the class without that
        form: the harms of steroid tablets are not those of a steroid nose spray."""
        text = cand.sentence.text
        if REASSURANCE.search(text) and not self.early:
            return True
        return self.local and cand.facet in _HARMS and not LOCAL_FORM.search(text)

    def _names_drug(self, cand: Candidate) -> bool:
        """For a drug named with a condition, True unless ``cand`` names the drug only by a
        class, and that in a study (a study of antibiotics in general is no study of
        nitrofurantoin) or as one kind of it ("Inhaled corticosteroids are the preferred
        medicine …" says nothing of a prednisone course, :func:`bare_mention`)."""
        if self.paired is None or self.paired_classes is None:
            return True
        text = cand.sentence.text
        if self.paired.search(text) or not self.paired_classes.search(text):
            return True
        if self._unstopping(cand):
            return False  # "SSRIs work by …" does not say whether to stop sertraline
        if self.condition is not None and _treats_another(text, self.condition):
            return False  # "ACE inhibitors are used to treat HBP" on the Cough page: no link
        if self.on_it and GIVEN_FOR.search(text) and not _said_to_cause(text, self.paired_classes):
            return False  # on amoxicillin with diarrhoea: "doctors prescribe antibiotics" is none
        return cand.guideline and bare_mention(text, self.paired_classes)

    def _unstopping(self, cand: Candidate) -> bool:
        """True when stopping is asked and ``cand`` is a class's use or treatment statement
        that says nothing of how to stop (:data:`STOPPING_SAID`)."""
        return (
            self.stopping
            and cand.facet in STOPPING_FACETS
            and not STOPPING_SAID.search(cand.sentence.text)
        )

    def _narrower(self, text: str, doc: Document) -> bool:
        """True when ``text`` names the drug or one of its classes, as such (no word before it
        that picks out a kind), by a name that is not the page's own ("narcotics" on the Pain
        Relievers page, for morphine)."""
        labels = _page_names(doc)
        return any(
            not (labels and labels.fullmatch(m.group(0))) and not _kind_word(text, m.start())
            for m in self.named.finditer(text)
        )


def _asks_its_effect(question: str, names: str) -> bool:
    """True when ``question`` asks whether the drug, by one of ``names`` (alternatives of a
    pattern), causes something ("could NSAIDs give you an ulcer?"): a harm of the drug is asked,
    as a side effect is."""
    return bool(names) and (
        re.search(
            rf"\b(?:can|could|do|does|did|will|would|might|may) (?:the |my |your )?(?:{names})"
            r"(?:'s)? (?:\w+ )?(?:cause|give|make|lead to|trigger)\b",
            question,
            re.IGNORECASE,
        )
        is not None
    )


def asks_what_drug_is(query: Query, drug: QueryConcept) -> bool:
    """True when the whole question asks what ``drug`` is or is for, and nothing else of it
    ("what is naproxen used for", "why codeine", "bupropion 300mg is good for what"; not "what
    is the brand name of …" or "what is the effect of eliquis and cialis"), the only drug it
    names and no combination product."""
    if drug.combination or sum(c.drug for c in query.primary_topics) != 1:
        return False
    names = "|".join(map(re.escape, sorted({drug.matched, *drug.names}, key=len, reverse=True)))
    pattern = (
        rf"^\W*(?:what(?:'s|s|\s+is|\s+are)\s+(?:an?\s+|the\s+)?(?:{names})(?:\s+[\w.-]+){{0,2}}?"
        rf"(?:\s+(?:used\s+)?for)?|why\s+(?:to\s+take\s+|take\s+|is\s+)?(?:{names})(?:\s+used)?"
        rf"|(?:{names})(?:\s+[\w.-]+){{0,2}}?\s+(?:is\s+)?(?:good|used)\s+for\s+what)\W*$"
    )
    return re.match(pattern, query.question.strip().lower()) is not None


_USED_FOR = re.compile(r"\b(?:used|prescribed|given|taken) (?:to treat|for) (?P<what>[^.;]+)", re.I)


def _on_it_not_for(question: str, drug: QueryConcept, condition: QueryConcept) -> bool:
    """True when ``question`` tells someone is on ``drug`` and a complaint (``condition``, a
    sign) it does not say the drug is taken for ("on amoxicillin … the diarrhoea", not "on
    ibuprofen for the pain"); a disease named beside a drug is what it is taken for."""
    if not is_sign(condition) or not tells_being_on(question, drug) or not condition.matched:
        return False  # "has heart failure and takes furosemide": what it is taken for
    taken_for = (
        rf"\b{re.escape(drug.matched.lower())}\b(?:\s+\w+){{0,3}}?\s+for\s+(?:\w+\s+){{0,2}}?"
        rf"{re.escape(condition.matched.lower())}"
    )
    return re.search(taken_for, question.lower()) is None


GIVEN_FOR = re.compile(
    r"\b(?:prescrib\w*|treat\w*|cur(?:e|es|ed|ing)|shorten\w*|recommend\w*|given|giving|"
    r"helps?|relieves?)\b",
    re.IGNORECASE,
)
"""A statement giving a class as a treatment ("doctors usually prescribe antibiotics")."""
CAUSES_IT = re.compile(r"\b(?:caus\w*|side effects?|trigger\w*|bring on|brings on)\b", re.I)


def _said_to_cause(text: str, named: re.Pattern[str]) -> bool:
    """True when ``text`` says the class ``named`` causes something ("Antibiotics, cancer
    drugs, and antacids … can all cause diarrhea"), a cause word after its name; "if diarrhea
    is caused by bacteria … doctors prescribe antibiotics" says nothing of what they cause."""
    return any(CAUSES_IT.search(text, m.end(), m.end() + 80) for m in named.finditer(text))


def _treats_another(text: str, condition: re.Pattern[str]) -> bool:
    """True when ``text`` says what something is used to treat and names another condition
    than ``condition`` ("ACE inhibitors are used to treat high blood pressure" on the Cough
    page, for lisinopril and a cough)."""
    used = _USED_FOR.search(text)
    return used is not None and not condition.search(used["what"])


def bare_mention(text: str, pattern: re.Pattern[str]) -> bool:
    """True when ``text`` names what ``pattern`` finds with no word before it that picks out
    a kind of it ("Antibiotics are used to treat …", "Some antibiotics are not safe …"; not
    "Inhaled corticosteroids …" or "new blood thinners")."""
    return any(not _kind_word(text, m.start()) for m in pattern.finditer(text))


_TAKING_VERBS = (
    "take use avoid prescribe give stop start try add need recommend cause switch continue "
    "include combine mix skip miss double get buy choose call reduce lower"
)
_TAKING = stems(_TAKING_VERBS)
"""Verbs said of a medicine just before its name ("should not take pain relievers"): they
pick out no kind of it."""
_TAKING_STOPWORDS = frozenset({"use", "uses", "used", "using", "get", "gets", "getting", "got"})
"""Those of them that the stemmer drops as stopwords, in their inflections: "do not use
NSAIDs" names NSAIDs as such."""


def _kind_word(text: str, start: int) -> bool:
    """True when the word before ``start`` in ``text`` picks out a kind ("herbal",
    "inhaled"), not a determiner, a quantifier, a function word or a verb of taking."""
    before = text[:start].split()
    word = before[-1].strip("(\"'").lower() if before else ""
    return (
        word.isalpha()
        and word not in STOPWORDS
        and word not in SOME_KINDS
        and word not in _TAKING_STOPWORDS
        and not stems(word) & _TAKING
    )


def another_kind(text: str, doc: Document, also: re.Pattern[str] | None = None) -> bool:
    """True when ``text`` names the page's topic (or what ``also`` finds: the drug's classes)
    only with a word before it that picks out a kind of it ("You may have heard of anabolic
    steroids" on the Steroids page, "herbal painkillers"), never with a determiner ("Some
    statins", "Many NSAIDs") or alone."""
    labels = _page_names(doc)
    found = [m.start() for m in labels.finditer(text)] if labels else []
    found += [m.start() for m in also.finditer(text)] if also is not None else []
    return bool(found) and all(_kind_word(text, start) for start in found)


def _page_names(doc: Document) -> re.Pattern[str] | None:
    """The page's own names (its topic and synonyms) as a pattern, or None when it has none."""
    names = [n for n in (doc.focus, *doc.synonyms) if n]
    return class_pattern(names) if names else None
