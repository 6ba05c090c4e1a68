"""Compose the cited answer: guideline lead and sections, research sections, references.

Selection per facet and tier is greedy MMR over the candidates (score minus REDUNDANCY × the
highest similarity to a bullet already chosen; near-duplicates are never chosen twice). Each chosen
sentence then gathers every other retrieved document of its tier with a near-duplicate sentence
(similarity ≥ MERGE_SIMILARITY): one bullet, several citations ("2, 3, 4"), each citation keeping
its own verbatim sentence. References are numbered in order of first citation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from difflib import SequenceMatcher
from functools import cached_property

from medcite.answer.bottom_line import (
    CAUSATION,
    PREDICATE_SENSES,
    Pick,
    asked_words,
    bottom_line,
    exact_page,
    in_other_unit,
    left_unanswered,
    named_page,
    predicate_stems,
    told_stems,
    unanswered,
    warning_pick,
    with_child_warning,
    worded_pick,
)
from medcite.answer.class_pages import SOME_KINDS, on_stopping, within_class
from medcite.answer.drug_classes import with_label_classes
from medcite.answer.drug_conflicts import caution, without_unsafe_advice
from medcite.answer.extract import (
    ADVICE,
    DOSE,
    STAGING,
    Candidate,
    about_the_study,
    candidates,
    child_warnings,
    conditions_compared,
    defines_another,
    findings,
    label_stems,
    name_stems,
    organ_warnings,
    subject_stems,
    treated_with_here,
    warnings,
    without_their_classes,
)
from medcite.answer.safety import DISCLAIMER, an_emergency, by_rule
from medcite.answer.terms import phrase_in, similarity
from medcite.answer.told_state import state_only, subject_filter
from medcite.answer.vaccines import of_the_asked_vaccine
from medcite.evidence.classify import RANK, source_kind
from medcite.evidence.rank import non_human, outside_medicine
from medcite.evidence.topic import ONE_CONDITION_SITES, GateResult, eponym_entry, unrecognised
from medcite.evidence.vaccine_schedule import asked_schedule
from medcite.query.concepts import VIA, context_only
from medcite.query.drugs import generic_names, ingredients
from medcite.query.groups import (
    GROUPS,
    breastfeeding_asker,
    gestation_told,
    pregnancy_named,
    pregnant_asker,
)
from medcite.query.measures import taken_as_medicine, told_as_measured
from medcite.query.understand import (
    asks_alternatives,
    asks_product_property,
    asks_what_it_is,
    evidence_question,
    feared_cancer,
    feared_name,
    named_fear,
    weighs_options,
)
from medcite.records import (
    Answer,
    BottomLine,
    Bullet,
    Citation,
    Document,
    Evidence,
    EvidenceLevel,
    ExcludedDocument,
    Facet,
    Query,
    QueryConcept,
    QuestionType,
    Reference,
    Section,
    Source,
)
from medcite.text import STEMMER, STOPWORDS, normalise, stems, uninverted

MAX_BULLETS = 4
MAX_LEAD_SENTENCES = 2
PATIENT_RESEARCH = frozenset(
    {EvidenceLevel.SYSTEMATIC_REVIEW, EvidenceLevel.TRIAL, EvidenceLevel.REVIEW}
)
"""The studies that add to a patient's question the guideline pages answer: reviews and
trials say what holds across patients; one cohort's, survey's or case's findings ("The majority
had a full-time job (59%)", "Adherence … was low in Wyong Hospital's ED") are about its own
sample. An evidence question ("Does X reduce Y?") is answered by every design, as is a question
no guideline page answers."""
MERGE_SIMILARITY = 0.6
REDUNDANCY = 0.7
MAX_CLOSEST = 5
MAX_FINDINGS = 3
MAX_WARNINGS = 2
KEY_FINDINGS = "Key Findings"
BODY_WORDS = 250
"""Default word budget of an answer's body (bottom line, guideline lead, section bullets)."""

GUIDELINE_TITLES: dict[Facet, str] = {
    Facet.OVERVIEW: "Overview",
    Facet.CAUSES: "Causes",
    Facet.MECHANISMS: "Underlying Mechanisms",
    Facet.INHERITANCE: "Genetics and Inheritance",
    Facet.SYMPTOMS: "Symptoms",
    Facet.DIAGNOSIS: "Diagnosis",
    Facet.TREATMENT: "Treatment Options",
    Facet.PROGNOSIS: "Outlook",
    Facet.PREVENTION: "Prevention",
    Facet.SEEK_CARE: "Importance of Medical Evaluation",
    Facet.SIDE_EFFECTS: "Side Effects",
    Facet.INTERACTIONS: "Interactions",
    Facet.DOSAGE: "Dosage",
    Facet.WARNINGS: "Warnings",
}
RESEARCH_TITLES = {**GUIDELINE_TITLES, Facet.SEEK_CARE: "When to Seek Care"}
NO_GUIDELINE = "No guideline-level source among the retrieved evidence addresses this question."
GUIDELINE_IN_BOTTOM_LINE = "What the guideline-level sources found say is in the bottom line above."


@dataclass
class _Draft:
    """A bullet being assembled: the chosen sentence and every sentence that supports it."""

    facet: Facet
    main: Candidate
    support: list[Candidate] = field(default_factory=list)


@dataclass
class _Numbering:
    """Reference numbers in order of first citation, at most ``limit`` references. Documents of
    one page (the same URL: a MedQuAD page's question-answer entries) share one number."""

    limit: int
    numbers: dict[str, int] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    cited: dict[str, list[str]] = field(default_factory=dict)

    def admits(self, candidate: Candidate) -> bool:
        return _page(candidate.evidence) in self.numbers or len(self.numbers) < self.limit

    def number(self, candidate: Candidate) -> int:
        page = _page(candidate.evidence)
        if page not in self.numbers:
            self.numbers[page] = len(self.numbers) + 1
            self.evidence[page] = candidate.evidence
        ids = self.cited.setdefault(page, [])
        if candidate.sentence.document_id not in ids:
            ids.append(candidate.sentence.document_id)
        return self.numbers[page]


def _page(evidence: Evidence) -> str:
    """What one reference number stands for: a web page (MedQuAD answers of one page share its
    URL), or a publication — the same article indexed twice (a translation, a journal's second
    printing: same title and first author under two PMIDs) is one reference."""
    doc = evidence.hit.document
    if doc.url and not doc.pmid:
        return f"url:{doc.url}"
    title = " ".join(_TITLE_WORD.findall(doc.title.lower()))
    if doc.authors and len(title) >= MIN_DUPLICATE_TITLE:
        return f"pub:{title}|{doc.authors[0].lower()}"
    return doc.id


_TITLE_WORD = re.compile(r"\w+")
MIN_DUPLICATE_TITLE = 30
"""Shorter titles ("Editorial", "Erratum") are too common to mark the same article."""


@dataclass
class _Selection:
    """The sentences bullets already hold: by place, and by wording, since a page may say the
    same sentence twice (or two parts of one page repeat it), which must not make two bullets."""

    used: set[tuple[str, int]] = field(default_factory=set)
    said: set[str] = field(default_factory=set)

    def free(self, candidate: Candidate) -> bool:
        return _key(candidate) not in self.used and _said(candidate) not in self.said

    def take(self, draft: _Draft) -> None:
        self.used.update(_key(c) for c in [draft.main, *draft.support])
        self.said.add(_said(draft.main))


def _said(candidate: Candidate) -> str:
    return normalise(candidate.sentence.text)


def _key(candidate: Candidate) -> tuple[str, int]:
    return candidate.sentence.document_id, candidate.sentence.position


def _mmr(pool: Sequence[Candidate], limit: int) -> list[Candidate]:
    chosen: list[Candidate] = []
    remaining = list(pool)
    while remaining and len(chosen) < limit:

        def gain(c: Candidate) -> float:
            overlap = max((similarity(c.stems, s.stems) for s in chosen), default=0.0)
            if overlap >= MERGE_SIMILARITY:
                return -1.0
            return round(c.score - REDUNDANCY * overlap, ORDER_DIGITS)

        best = max(remaining, key=gain)
        if gain(best) < 0:
            break
        chosen.append(best)
        remaining.remove(best)
    return chosen


def _supporters(
    main: Candidate, pool: Sequence[Candidate], selection: _Selection
) -> list[Candidate]:
    """The best near-duplicate sentence of each other document in the tier."""
    best: dict[str, Candidate] = {}
    main_doc = main.sentence.document_id
    for c in pool:
        doc_id = c.sentence.document_id
        if doc_id == main_doc or doc_id in best or not selection.free(c):
            continue
        if similarity(main.stems, c.stems) >= MERGE_SIMILARITY:
            best[doc_id] = c
    return list(best.values())


def _facet_drafts(facet: Facet, tier: Sequence[Candidate], selection: _Selection) -> list[_Draft]:
    pool = [c for c in tier if c.facet is facet and selection.free(c)]
    drafts = []
    for main in _mmr(pool, MAX_BULLETS):
        if not selection.free(main):
            continue
        draft = _Draft(facet, main, _supporters(main, tier, selection))
        selection.take(draft)
        drafts.append(draft)
    return sorted(drafts, key=_evidence_order)


ORDER_DIGITS = 2
"""Bullets whose scores agree to this many decimals count as tied and keep document order: BM25
statistics differ slightly between two builds of the same corpus (replaced documents count until
segments merge), and such noise must not reorder an answer."""


def _stable(candidate: Candidate) -> tuple[float, str, int]:
    """Best first, near-ties (ORDER_DIGITS) in document order: every choice made over the
    candidates (bottom line, MMR, trimming) is then the same for two builds of one corpus."""
    sentence = candidate.sentence
    return (-round(candidate.score, ORDER_DIGITS), sentence.document_id, sentence.position)


def _evidence_order(draft: _Draft) -> tuple[int, float, str, int]:
    levels = [RANK[c.evidence.level] for c in [draft.main, *draft.support]]
    sentence = draft.main.sentence
    return (
        min(levels),
        -round(draft.main.score, ORDER_DIGITS),
        sentence.document_id,
        sentence.position,
    )


def _lead(tier: Sequence[Candidate], selection: _Selection, query: Query) -> list[_Draft]:
    # a statement the bottom line already shows is not repeated as the lead
    # a cancer's staging is no statement of what the condition is
    overview = [
        c
        for c in tier
        if c.facet is Facet.OVERVIEW and selection.free(c) and not STAGING.search(c.sentence.text)
    ]
    # what the topic is, from its page under its own name when one says it ("Hair Loss" before
    # "Androgenetic alopecia" for hair falling out)
    named = named_page(query)
    own = _mmr([c for c in overview if named(c)], MAX_LEAD_SENTENCES)
    drafts = []
    for main in _each_side(overview, query) or own or _mmr(overview, MAX_LEAD_SENTENCES):
        draft = _Draft(Facet.OVERVIEW, main, _supporters(main, tier, selection))
        selection.take(draft)
        drafts.append(draft)
    return drafts


def _defines_another(candidate: Candidate, topic_names: Sequence[frozenset[str]]) -> bool:
    """True for an overview statement that defines something else than the page's or the
    question's topic (``topic_names``: the stems of each name of the question's primary
    topics): "Sleep apnea is a common disorder …" on a heart failure page
    (``extract.defines_another``) does not say what the topic is."""
    if candidate.facet is not Facet.OVERVIEW:
        return False
    doc = candidate.evidence.hit.document
    labels = [doc.focus, *doc.synonyms] if doc.focus else [doc.title]
    names = [n for n in (*(stems(label) for label in labels if label), *topic_names) if n]
    text = candidate.sentence.text
    if not defines_another(text, names):
        return False
    # a part of the topic's name ("A sprain is …" on "Sprains and Strains", "Voice is …" on
    # "Voice Disorders") or its organ ("The appendix is …" for appendicitis) says what it is of
    words = frozenset().union(*names)
    return not any(_same_root(w, t) for w in subject_stems(text) for t in words)


ROOT_LETTERS = 5
"""Letters two words share when one names the other's organ ("appendix", "appendicitis")."""


def _same_root(word: str, other: str) -> bool:
    if word == other:
        return True
    short = min(len(word), len(other))
    return short >= ROOT_LETTERS and word[:ROOT_LETTERS] == other[:ROOT_LETTERS]


def _each_side(overview: Sequence[Candidate], query: Query) -> list[Candidate]:
    """For a comparison of conditions (``extract.conditions_compared``), the best overview
    statement on each side, from a page about that side: "osteoarthritis vs rheumatoid
    arthritis" opens with what each is, not twice with one of them. Empty otherwise."""
    if not conditions_compared(query):
        return []
    chosen: list[Candidate] = []
    for side in query.primary_topics[:MAX_LEAD_SENTENCES]:
        names = name_stems(side)
        found = next(
            (
                c
                for c in overview
                if c not in chosen and any(phrase_in(n, c.stems | label_stems(c)) for n in names)
            ),
            None,
        )
        if found is not None:
            chosen.append(found)
    return chosen


def _bullet(draft: _Draft, numbering: _Numbering) -> Bullet | None:
    """The bullet for ``draft``; None when its own source would exceed the reference limit."""
    if not numbering.admits(draft.main):
        return None
    citations = []
    for c in [draft.main, *draft.support]:
        if numbering.admits(c):  # checked one by one: numbering a citation uses up the limit
            number = numbering.number(c)
            citations.append(
                Citation(
                    number=number, document_id=c.sentence.document_id, sentence=c.sentence.text
                )
            )
    return Bullet(text=draft.main.sentence.text, citations=tuple(citations))


def _sections(
    facets: Sequence[Facet],
    tier: Sequence[Candidate],
    selection: _Selection,
    titles: dict[Facet, str],
) -> list[tuple[Facet, str, list[_Draft]]]:
    out = []
    for facet in facets:
        drafts = _facet_drafts(facet, tier, selection)
        if drafts:
            out.append((facet, titles[facet], drafts))
    return out


def _reference(
    number: int, evidence: Evidence, also: Sequence[str] = (), old: tuple[int, int] | None = None
) -> Reference:
    """The reference entry; ``old`` is (this year, horizon in years) for the age label."""
    doc = evidence.hit.document
    also_ids = tuple(i for i in also if i != doc.id)
    notes = []
    if non_human(doc):
        notes.append("animal or laboratory study")
    if old is not None and doc.year is not None and old[0] - doc.year > old[1]:
        notes.append(f"published {doc.year}, over {old[1]} years ago")
    return Reference(
        number=number,
        document_id=doc.id,
        authors=doc.authors,
        title=(doc.focus if also_ids and doc.focus else doc.title) or "(untitled)",
        journal=doc.journal,
        year=doc.year,
        level=evidence.level,
        publication_types=doc.publication_types,
        pmid=doc.pmid,
        doi=doc.doi,
        url=doc.url,
        site=doc.site,
        kind=source_kind(doc, evidence.level),
        notes=tuple(notes),
        also=also_ids,
    )


def _excluded(evidence: Sequence[Evidence]) -> tuple[ExcludedDocument, ...]:
    return tuple(
        ExcludedDocument(
            document_id=e.hit.document.id,
            title=e.hit.document.title,
            reason=e.excluded_reason or "excluded",
            url=e.hit.document.url,
        )
        for e in evidence
        if e.level is EvidenceLevel.EXCLUDED
    )


@dataclass(frozen=True)
class ComposeInput:
    """Everything composition needs besides the evidence."""

    answer_id: str
    query: Query
    max_refs: int = 12
    banner: str | None = None
    searched: tuple[str, ...] = ()
    sources_note: str | None = None
    gate: GateResult | None = None
    """The topic gate's verdict: the composer only sees on-topic evidence; this says what was
    set aside, for the abstention message and the closest documents."""
    notes: tuple[str, ...] = ()
    """Notes for ``--explain`` from earlier stages (e.g. whether dense retrieval ran)."""
    detail: bool = False
    """The long form: every bullet found, no word budget."""
    body_words: int = BODY_WORDS
    """The default form's word budget for the bottom line, lead and sections."""
    current_year: int | None = None
    """The year the answer is made (default: now), for the old-evidence label."""
    old_evidence_years: int = 25
    """References older than this are labelled with their year."""

    @property
    def gated(self) -> bool:
        """True when the topic gate ran: every evidence given is about the question's concept."""
        return self.gate is not None and self.gate.applied

    @property
    def exact_pages(self) -> frozenset[str]:
        """The on-topic pages whose topic is the question's own (``GateResult.exact``)."""
        return self.gate.exact if self.gate is not None else frozenset()


def _key_findings(
    query: Query,
    evidence: Sequence[Evidence],
    research: Sequence[Candidate],
    selection: _Selection,
    *,
    gated: bool,
    cutoff_year: int,
    keep: Callable[[Candidate], bool] | None = None,
) -> list[tuple[Facet, str, list[_Draft]]]:
    """The research part's first section: the conclusions of the best research abstracts,
    each merged with near-duplicate statements of other abstracts, in evidence order; a study
    published before ``cutoff_year`` gives a finding only when no newer one does (as for the
    facet sections, :func:`newer_first`); ``keep`` filters them (:mod:`.told_state`)."""
    drafts = []
    for main in newer_first(findings(query, evidence, MAX_FINDINGS, gated), cutoff_year):
        if selection.free(main) and (keep is None or keep(main)):
            draft = _Draft(Facet.OVERVIEW, main, _supporters(main, research, selection))
            selection.take(draft)
            drafts.append(draft)
    return [(Facet.OVERVIEW, KEY_FINDINGS, drafts)] if drafts else []


SentenceRelevance = Callable[[str, Sequence[str]], Sequence[float]]
"""(question, sentences) → similarity of each sentence to the question in [-1, 1]."""
SEMANTIC_FLOOR = 0.6
"""A candidate's score is multiplied by SEMANTIC_FLOOR + similarity (cosine, clipped at 0), so a
sentence that says what was asked outranks one that merely carries the facet's cue words."""


def semantic_rescored(
    question: str, cands: Sequence[Candidate], relevance: SentenceRelevance, limit: int
) -> list[Candidate]:
    """``cands`` re-scored by their similarity to ``question``: the ``limit`` best candidates
    (per tier, so guideline pages and research both get it) are embedded; the rest are scored
    as if unrelated. Best first."""
    pools = [[c for c in cands if c.guideline], [c for c in cands if not c.guideline]]
    top = {_key(c) for pool in pools for c in pool[:limit]}
    texts = list(dict.fromkeys(c.sentence.text for c in cands if _key(c) in top))
    similarity_of = dict(zip(texts, relevance(question, texts), strict=True)) if texts else {}
    rescored = [
        replace(
            c, score=c.score * (SEMANTIC_FLOOR + max(0.0, similarity_of.get(c.sentence.text, 0.0)))
        )
        for c in cands
    ]
    return sorted(rescored, key=lambda c: -c.score)


SectionDrafts = tuple[Facet, str, list[_Draft]]


@dataclass
class _Plan:
    """The answer's statements chosen, before numbering: bottom line, lead, sections."""

    pick: Pick | None
    summary: list[_Draft]
    lead: list[_Draft]
    guideline: list[SectionDrafts]
    research: list[SectionDrafts]


def compose(
    inp: ComposeInput,
    evidence: Sequence[Evidence],
    relevance: SentenceRelevance | None = None,
    semantic_limit: int = 16,
) -> Answer:
    """The extractive, fully cited answer (or an abstention) for ``inp.query``; with
    ``relevance`` (the sentence-embedding model) sentences are also chosen by how close they are
    to the question (:func:`semantic_rescored`)."""
    inp = replace(inp, query=with_label_classes(inp.query, evidence))
    schedule = asked_schedule(inp.query)
    if schedule is not None:  # a page on the trip's or child's schedule, not one on one vaccine
        evidence = schedule.pages([*evidence, *_set_aside(inp)])
    found = [] if _cancer_feared_only(inp.query) else candidates(inp.query, evidence, inp.gated)
    topic_names = [n for c in inp.query.primary_topics for n in name_stems(c)]
    found = [c for c in found if not _defines_another(c, topic_names)]
    cands = newer_first(found, _cutoff_year(inp))
    cands = asked_first(inp.query, cands)
    if relevance is not None and semantic_limit:
        cands = semantic_rescored(inp.query.question, cands, relevance, semantic_limit)
    cands = general_first(inp.query, cands, inp.exact_pages)
    cands = of_the_asked_vaccine(inp.query, for_a_pregnancy(inp.query, cands))
    cands = within_broader(inp.query, cands, inp.gate.broader if inp.gate else frozenset())
    cands = within_class(inp.query, cands, inp.gate)
    plan = _plan(inp, evidence, sorted(cands, key=_stable))
    if not inp.detail:
        _fit(plan, inp)
    return _built(inp, evidence, plan)


ASKED_BONUS = 0.5
"""How much more a statement weighs for each word of what the question asks of its topic that
it says (at most :data:`MAX_ASKED_WORDS`), see :func:`asked_first`."""
MAX_ASKED_WORDS = 2
ASKED_SENSES = frozenset(s.token for s in PREDICATE_SENSES) - {CAUSATION}


def asked_first(query: Query, cands: Sequence[Candidate]) -> list[Candidate]:
    """``cands`` with the statements that say what the question asks of its topic weighed up,
    when it asks one of the senses people word in many ways (:data:`PREDICATE_SENSES`: whether
    it spreads, comes back, flares up …): of two lines on the symptoms of COPD, the one on
    symptoms that "worsen suddenly" answers "is it a flare up"; a line on what symptoms the
    disease has in general does not. Without cue words of its own, the lexical counterpart of
    :func:`semantic_rescored`."""
    # the senses only: a question's other words ("morning", "gym") are as often the story as
    # what is asked, and a cause is a facet of its own
    wanted = frozenset(w for w in asked_words(query) if w in ASKED_SENSES) - _set_aside_senses(
        query.question
    )
    if not wanted:
        return list(cands)
    return [
        replace(c, score=c.score * (1 + ASKED_BONUS * min(MAX_ASKED_WORDS, len(said))))
        if (said := predicate_stems(c) & wanted)
        else c
        for c in cands
    ]


_SET_ASIDE = re.compile(
    r"\b(?:besides|other than|except|apart from|aside from|instead of|rather than|without)\b"
    r"(?P<what>[^,.?!;]*)",
    re.IGNORECASE,
)


def _set_aside_senses(question: str) -> frozenset[str]:
    """The senses a question names only to set them aside ("is there anything that helps
    besides surgery" does not ask for lines on surgery)."""
    said = stems(" ".join(m.group("what") for m in _SET_ASIDE.finditer(question)))
    return frozenset(sense.token for sense in PREDICATE_SENSES if sense.asked & said)


PREGNANCY = GROUPS["pregnancy"]
UNSAFE_UNTOLD = frozenset({Facet.TREATMENT, Facet.DOSAGE})
"""Facets whose statements, said of everyone, may be unsafe in pregnancy or breastfeeding."""


def for_a_pregnancy(query: Query, cands: Sequence[Candidate]) -> list[Candidate]:
    """For a question told in pregnancy or breastfeeding, the treatment and dose statements that
    say nothing of it are not shown: "relief consists of ergotamine drugs and aspirin" is no
    answer to whether a migraine medicine is safe in the first trimester, and could harm."""
    if not pregnancy_named(query.question) and not gestation_told(query.question):
        return list(cands)
    return [c for c in cands if c.facet not in UNSAFE_UNTOLD or PREGNANCY.search(c.sentence.text)]


def within_broader(
    query: Query, cands: Sequence[Candidate], broader: Collection[str]
) -> list[Candidate]:
    """``cands`` with, from the pages one MeSH level up that stand in when no page is on the
    question's topic (``broader``: "Bleeding" for nosebleeds), only what they say of the topic
    in general (their overview), of the topic itself by name, or, for treatment and when to
    seek care, of their own topic as a whole (:func:`said_of_every_kind`): their other
    statements are about other kinds ("Some strokes are caused by bleeding in the brain")."""
    if not broader:
        return list(cands)
    names = [n for c in query.primary_topics for n in name_stems(c)]
    # a broader page that never names the topic says nothing of it, not even in its overview
    # ("Uterine Diseases" on a vaginal prolapse)
    pages = {
        c.sentence.document_id: c.evidence.hit.document
        for c in cands
        if c.sentence.document_id in broader
    }
    naming = {
        doc_id
        for doc_id, doc in pages.items()
        if any(phrase_in(n, _page_stems(doc)) for n in names)
    }
    return [
        c
        for c in cands
        if c.sentence.document_id not in broader
        or (c.facet is Facet.OVERVIEW and c.sentence.document_id in naming)
        or any(phrase_in(n, c.stems) for n in names)
        or (
            c.facet in FOR_EVERY_KIND
            and said_of_every_kind(c.sentence.text, c.evidence.hit.document.focus or "")
        )
    ]


def _page_stems(doc: Document) -> frozenset[str]:
    return stems(f"{doc.title} {doc.abstract}")


FOR_EVERY_KIND = frozenset({Facet.TREATMENT, Facet.SEEK_CARE})
"""Facets where what a broader page says of its topic as a whole holds for each kind of it
("Antifungal medicines get rid of yeast infections" for thrush); its causes and signs are
those of other kinds too ("Bleeding can be a reaction to a cut" is no cause of nosebleeds)."""


_WHO = frozenset("most many some all people adults children patients cases".split())
"""Words after "in" that say who, not where ("in most people")."""


def said_of_every_kind(text: str, name: str) -> bool:
    """True when ``text`` says something of the page's topic ``name`` as a whole ("Antifungal
    medicines get rid of yeast infections in most people."), not of one kind of it: the name is
    not led by a word of its own ("vaginal yeast infections") nor followed by where or of what
    ("yeast infections of the skin", "bleeding in the brain")."""
    if not name.strip():
        return False
    stem = re.escape(name.strip().lower()).replace(r"\ ", r"\s+")
    pattern = rf"(?:^|(?<=\W))({stem.removesuffix('s')}s?)(?=\W|$)"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        before = text[: m.start()].split()
        word = before[-1].lower().strip(",;:") if before else ""
        if word and (word not in STOPWORDS or word in SOME_KINDS):
            continue
        after = re.match(
            r"\s+(?:of|in|on|at|affecting)\s+(?:the\s+|your\s+|a\s+)?(\w+)", text[m.end() :]
        )
        if after and after.group(1).lower() not in _WHO:
            continue
        return True
    return False


def _cutoff_year(inp: ComposeInput) -> int:
    return (inp.current_year or datetime.now(UTC).year) - inp.old_evidence_years


def general_first(
    query: Query, cands: Sequence[Candidate], exact_ids: Collection[str] = ()
) -> list[Candidate]:
    """``cands`` without the statements of guideline pages on a narrower topic ("Autoimmune
    hepatitis") for any facet that a page on the question's own topic ("Hepatitis") answers: a
    question on the general condition is answered from its page, and a narrower page only
    fills what that page leaves out (the topic gate keeps no page on a broader one). Beside a
    page on the question's own topic, a page on a rare or genetic form the question does not
    name (:func:`_rare_unasked`: "Alopecia universalis" for hair falling out) fills nothing.

    For a question on one condition (drugs aside), the page on it is a general page (not a
    genetic or rare condition's site) named by a name the question knows it by ("Hair Loss"); a
    genetic or rare condition's page the vocabulary only files under the same concept
    ("Androgenetic alopecia", one of its entry terms) is then a narrower one, and so are rare
    forms, while a general page under another of its names, or a page whose name differs only
    in the form of its words ("Polycystic ovarian syndrome"), stays an own page. Without such
    a page, every page in ``exact_ids`` counts as the own page.

    Inheritance is the exception (``NARROWER_ANSWERS``): it belongs to the specific condition,
    so a general page's "children can get an inherited form" leaves the answer to the pages on
    the inherited forms ("Rickets" → "Hereditary hypophosphatemic rickets": X-linked dominant)."""
    named = exact_page(query)
    conditions = [t for t in query.primary_topics if not t.drug]
    own_named = len(conditions) == 1 and any(
        named(c) and c.evidence.hit.document.site not in ONE_CONDITION_SITES for c in cands
    )
    filed = exact_page(query, exact_ids)

    words = _topic_names(conditions)

    def own(candidate: Candidate) -> bool:
        if not own_named:
            return filed(candidate)
        doc = candidate.evidence.hit.document
        general = doc.site not in ONE_CONDITION_SITES
        alike = _named_alike(doc.focus or "", words)
        return named(candidate) or (filed(candidate) and (general or alike))

    # whether a page is the question's own depends on the page only: judged once per page
    pages = {c.evidence.hit.document.id: c for c in cands}
    own_pages = {doc_id for doc_id, c in pages.items() if own(c)}

    def exact(candidate: Candidate) -> bool:
        return candidate.evidence.hit.document.id in own_pages

    covered = {c.facet for c in cands if exact(c)} - NARROWER_ANSWERS
    asked = stems(query.question) if own_named else frozenset()

    def narrower(candidate: Candidate) -> bool:
        return bool(candidate.evidence.hit.document.focus) and not exact(candidate)

    def rare(candidate: Candidate) -> bool:
        return (
            own_named
            and not exact(candidate)
            and candidate.facet not in NARROWER_ANSWERS
            and _rare_unasked(asked, candidate.evidence.hit.document)
        )

    return [c for c in cands if not narrower(c) or (c.facet not in covered and not rare(c))]


def _topic_names(topics: Sequence[QueryConcept]) -> frozenset[tuple[str, ...]]:
    """Every name of ``topics``, as the question and the vocabulary give them, as its words
    (small words aside)."""
    return frozenset(
        tuple(w for w in normalise(n).split() if w not in STOPWORDS)
        for c in topics
        for n in (c.name, c.matched, *c.names)
    )


ALIKE_LETTERS = 4
ALIKE_SHARE = 0.75
"""Two words are forms of one word ("ovary", "ovarian") when they share at least
:data:`ALIKE_LETTERS` letters from their start, and that much of the shorter word."""


def _alike_words(one: str, other: str) -> bool:
    shared = next(
        (i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
        min(len(one), len(other)),
    )
    return shared >= ALIKE_LETTERS and shared >= ALIKE_SHARE * min(len(one), len(other))


def _named_alike(focus: str, names: frozenset[tuple[str, ...]]) -> bool:
    """True when a page's ``focus`` is one of the topic's ``names`` word for word, each word
    the same or a form of it ("polycystic ovarian syndrome" for "polycystic ovary syndrome");
    a word naming a kind ("androgenetic alopecia") or another word ("Kawasaki syndrome" for
    "Kawasaki disease") is not."""
    told = tuple(w for w in normalise(focus).split() if w not in STOPWORDS)
    return bool(told) and any(
        len(name) == len(told)
        and all(a == b or _alike_words(a, b) for a, b in zip(told, name, strict=True))
        for name in names
    )


NARROWER_ANSWERS = frozenset({Facet.INHERITANCE})
"""Facets a page on a narrower topic answers even when the question's own page touches them."""


def newer_first(cands: Sequence[Candidate], cutoff_year: int) -> list[Candidate]:
    """``cands`` without the statements of sources published before ``cutoff_year`` for any facet
    that a newer source of the same tier (guideline-level or research) also answers: old evidence
    is used only when nothing newer covers the point (and is labelled with its year when it is).
    An undated source counts as newer. A study's advice ("appendectomy is not recommended …") or
    dose ("up to 16 mg/kg can be safely given") older than ``cutoff_year`` is never used:
    findings keep, recommendations and doses are superseded."""
    current = [c for c in cands if not (_older(c, cutoff_year) and stale_advice(c))]
    covered = {(c.facet, c.guideline) for c in current if not _older(c, cutoff_year)}
    return [
        c for c in current if (c.facet, c.guideline) not in covered or not _older(c, cutoff_year)
    ]


def stale_advice(candidate: Candidate) -> bool:
    """True for a research statement that advises (:data:`extract.ADVICE`) or gives a dose."""
    if candidate.guideline:
        return False
    return candidate.facet is Facet.DOSAGE or bool(ADVICE.search(candidate.sentence.text))


def _research_facets(query: Query) -> Sequence[Facet]:
    """The facets research answers: for a question about a drug only those asked (a study that
    names the drug says little about its uses or side effects unless asked), and none about
    the drug *product* (a study never says what a pill looks like or who makes it); for one
    about something that is not a condition (a substance, a procedure, a body part) also only
    those asked: a study's "associated with" is no cause of marijuana, nor its scores symptoms;
    for a patient's question (no :func:`evidence_question`) asking more than an overview, only
    those asked too."""
    if not query.about_a_drug:
        topics = query.primary_topics
        conditions = any(c.may_be_condition for c in topics)
        if not evidence_question(query.question) and query.asked != (Facet.OVERVIEW,):
            # a patient's question on one thing: companion facets come from guideline pages; a
            # study's line on treatment beside a question on outlook is padding
            return query.asked
        return query.facets if not topics or conditions else query.asked
    return () if asks_product_property(query.question) else query.asked


def _older(candidate: Candidate, cutoff_year: int) -> bool:
    return _dated(candidate.evidence, cutoff_year)


def _plan(inp: ComposeInput, evidence: Sequence[Evidence], cands: list[Candidate]) -> _Plan:
    """Choose the statements, in the order they claim sentences: the bottom line, the guideline
    lead, warnings, then facet sections (guideline-level, then research)."""
    query = inp.query
    names_subject = subject_filter(query)
    if names_subject is not None:  # told in pregnancy, asking of something else (.told_state)
        cands = [c for c in cands if names_subject(c)]
    cands = without_unsafe_advice(query, on_stopping(query, cands))
    guideline = [c for c in cands if c.guideline]
    research = [c for c in cands if not c.guideline]
    selection = _Selection()
    # the focus keywords would read as a garbled quote ("check nhs health check 40")
    topic = topic_names(query) or "it"
    warned = within_class(query, warnings(query, evidence, inp.gated), inp.gate)
    child = child_warnings(query, inp.gate.warning_evidence()) if inp.gate is not None else []
    child = [] if treated_with_here(query, guideline) else child
    organ = organ_warnings(query, inp.gate.organ_warning_evidence()) if inp.gate else []
    warned = child + organ + warned
    if names_subject is not None:
        warned = [w for w in warned if names_subject(w)]
    usable = _for_bottom_line(inp, cands)
    found = inp.gate.found if inp.gate is not None else None
    # a warning about a drug's class is shown, never the short answer ("Statins … can also
    # cause serious muscle problems" does not answer whether grapefruit juice is safe)
    classes = inp.gate.classes if inp.gate is not None else frozenset()
    own_warned = [w for w in warned if w.evidence.hit.document.id not in classes]
    pick = in_other_unit(
        query,
        bottom_line(
            query, usable, topic, inp.exact_pages, _for_bottom_line(inp, own_warned), found=found
        ),
    )
    if pick is not None and pick == unanswered(topic, query.question_type) and not query.red_flags:
        # no statement answers: what the topic's own page says of the point asked, if any, and
        # who can answer it, as after a framing sentence alone
        pick = worded_pick(query, usable, topic, inp.exact_pages, _where_to_ask(query)) or pick
    pick = with_child_warning(pick, child)
    if pick is None:
        # nothing else answers: the warning for the kidney or liver disease is the short answer
        pick = warning_pick(organ)
    if pick is None and cands:
        pick = unanswered(topic, query.question_type)
    pick = _where_to_go(pick, query)
    summary = _summary_drafts(pick, guideline, research, selection)
    lead = _lead(guideline, selection, query)
    g_sections = _warning_section([w for w in warned if w.guideline], guideline, selection)
    r_sections = _warning_section([w for w in warned if not w.guideline], research, selection)
    shown = _shown_facets(query)
    facets = [f for f in shown if f is not Facet.OVERVIEW or not lead]
    g_sections += _sections(facets, guideline, selection, GUIDELINE_TITLES)
    if guideline and not evidence_question(query.question):
        research = [c for c in research if c.evidence.level in PATIENT_RESEARCH]
    cutoff = _cutoff_year(inp)
    r_sections += _key_findings(
        query,
        evidence,
        research,
        selection,
        gated=inp.gated,
        cutoff_year=cutoff,
        keep=names_subject,
    )
    r_facets = [f for f in _research_facets(query) if f in shown]
    r_sections += _sections(r_facets, research, selection, RESEARCH_TITLES)
    shown_drafts = [*summary, *(d for _f, _t, drafts in g_sections + r_sections for d in drafts)]
    if pick is None and (lead or shown_drafts):
        # only key findings, a lead or a warning to show (no candidate statement for the
        # bottom line): the answer still opens by saying they do not answer it directly
        only_warned = not lead and all(f is Facet.WARNINGS for f, _t, _d in g_sections + r_sections)
        pick = _where_to_go(
            WARNED_ONLY if only_warned else unanswered(topic, query.question_type), query
        )
    pick = _with_uncovered(pick, query, shown_drafts)
    pick = _dose_in_studies(pick, query, topic, [d for _f, _t, ds in r_sections for d in ds])
    return _Plan(pick, summary, lead, g_sections, r_sections)


WARNED_ONLY = Pick(
    "The sources found do not answer this directly; they give the warning below, which may "
    "matter for you."
)
"""The bottom line of an answer whose only statements are warnings from pages on the
situation ("children with fevers should not take aspirin" for a question on ibuprofen and
paracetamol together)."""


def _dose_in_studies(
    pick: Pick | None, query: Query, topic: str, research: Sequence[_Draft]
) -> Pick | None:
    """A dose question whose bottom line found no dose on a patient page, while the research
    shown states one ("the two-dose vaccine, given 2-6 months apart"), says where the doses
    below come from rather than that no source gives one."""
    if pick is None or pick.chosen or query.question_type is not QuestionType.DOSE:
        return pick
    if not any(DOSE.search(d.main.sentence.text) for d in research):
        return pick
    return replace(
        pick,
        verdict=(
            f"No patient information page in the index gives a dose for {topic}; the studies "
            "below report the doses they used, which may not be yours. A pharmacist, your "
            "doctor or the drug's label can tell you the dose that applies to you."
        ),
    )


def _with_uncovered(pick: Pick | None, query: Query, shown: Sequence[_Draft]) -> Pick | None:
    """An interaction question naming several medicines whose shown statements leave one
    out says so: a line on two of three drugs must not read as the whole answer ("hold the
    amlodipine") when the third is the one that matters."""
    if pick is None:
        return pick
    missing = uncovered_medicines(query, [d.main.stems for d in shown])
    if not missing:
        return pick
    names = " or ".join(missing)
    note = (
        f" No statement found speaks of {names} together with the other medicines named; ask "
        "a pharmacist or the prescriber to check them all before you stop or change any."
    )
    return replace(pick, where_to_go=pick.where_to_go + note)


def uncovered_medicines(query: Query, shown: Sequence[frozenset[str]]) -> list[str]:
    """For an interaction question naming two or more medicines (a combination product counts
    once), the ones that no statement in ``shown`` (stems of each) names, when another is
    named; [] otherwise (nothing shown on any of them is said by the bottom line already)."""
    if query.question_type is not QuestionType.INTERACTION or weighs_options(query.question):
        return []
    groups: dict[str, list[QueryConcept]] = {}
    for concept in query.primary_topics:
        if taken_as_medicine(concept):
            name = concept.combination or uninverted(concept.name)
            groups.setdefault(name, []).append(concept)
    if len(groups) < 2:
        return []
    missing = [
        name
        for name, concepts in groups.items()
        if not any(
            phrase_in(n, stems_) for c in concepts for n in name_stems(c) for stems_ in shown
        )
    ]
    return missing if len(missing) < len(groups) else []


def _shown_facets(query: Query) -> tuple[Facet, ...]:
    """The facets the answer's sections show. A yes/no question asks one thing ("can you get
    chickenpox twice?"): its bottom line answers it from any facet, and the sections keep to
    what was asked and when to seek care; the causes, symptoms and treatment of a full
    overview would be padding around the answer. A procedure or a body part gets no treatment
    section."""
    facets = query.facets
    if query.about_a_procedure_or_part:
        # a procedure or a body part is not treated: studies of MRI are no treatment options
        facets = tuple(f for f in facets if f is not Facet.TREATMENT)
    if query.question_type is not QuestionType.YES_NO or query.about_a_drug:
        return facets
    # "does an ear infection need antibiotics, or will it clear up?": who needs the drug too
    paired = query.drug_and_condition is not None and asks_alternatives(query.question)
    return tuple(
        f
        for f in facets
        if f in query.asked or f is Facet.SEEK_CARE or (paired and f is Facet.TREATMENT)
    )


def _where_to_go(pick: Pick | None, query: Query) -> Pick | None:
    """A bottom line that answers nothing itself (a framing sentence with no statement: the
    sources do not answer, or speak of two conditions only apart) says where to go, as an
    abstention does; one that already names who can tell is left as it is; one that answers
    a question on a mood disorder names the crisis line (:data:`MOOD_HELP`)."""
    if pick is not None and borrowed_medicine(query):
        pick = replace(pick, verdict=f"{BORROWED_HELP.strip()} {pick.verdict}")
    if pick is not None and (note := caution(query)):
        pick = replace(pick, verdict=f"{note} {pick.verdict}")
    if pick is None or pick.refers:
        return pick
    if pick.chosen:
        # an answer on a mood disorder names the crisis line as an abstention on one does
        # (first: the statements after the verdict follow it)
        return (
            replace(pick, verdict=f"{MOOD_HELP.strip()} {pick.verdict}") if _mood(query) else pick
        )
    return replace(pick, where_to_go=_where_to_ask(query))


def _for_bottom_line(inp: ComposeInput, cands: Sequence[Candidate]) -> list[Candidate]:
    """The statements a bottom line may rest on: a guideline page's, or a study's that its
    research sections could show (:func:`_research_facets`: none about a pill's colour) and that
    is within the evidence horizon. A decades-old study may be listed, labelled with its year,
    when nothing newer covers a point; it is never the direct answer. Nor is a study the answer
    to a patient's question about a drug, unless the question asks what studies found ("when
    you stop spironolactone do you bleed" is not answered by a study of starting it in heart
    failure), nor by a study's sentence about itself ("These findings may inform counselling")."""
    query = inp.query
    patient = not evidence_question(query.question)
    if query.about_a_drug and patient:
        return [c for c in cands if c.guideline]
    facets = set(_research_facets(query))
    cutoff = _cutoff_year(inp)
    return [
        c
        for c in cands
        if c.guideline
        or (
            c.facet in facets
            and not _older(c, cutoff)
            and not (patient and about_the_study(c.sentence.text))
        )
    ]


def _fit(plan: _Plan, inp: ComposeInput) -> None:
    """Trim the plan's sections to the body's word budget (see :func:`_trim`)."""
    fixed = _words(plan.pick.verdict + plan.pick.where_to_go if plan.pick else "")
    fixed += sum(map(_draft_words, [*plan.summary, *plan.lead]))
    kept = (*inp.query.asked, Facet.WARNINGS)
    _trim(fixed, [*plan.guideline, *plan.research], kept, inp.body_words)
    plan.guideline = [x for x in plan.guideline if x[2]]
    plan.research = [x for x in plan.research if x[2]]


def _built(inp: ComposeInput, evidence: Sequence[Evidence], plan: _Plan) -> Answer:
    """Number the plan's citations and make the Answer (an abstention when nothing is left)."""
    numbering = _Numbering(inp.max_refs)
    summary = [b for d in plan.summary if (b := _bullet(d, numbering))]
    lead = [b for d in plan.lead if (b := _bullet(d, numbering))]
    g_built = [s for f, t, ds in plan.guideline if (s := _section(f, t, ds, numbering))]
    r_built = [s for f, t, ds in plan.research if (s := _section(f, t, ds, numbering))]
    old = (inp.current_year or datetime.now(UTC).year, inp.old_evidence_years)
    references = tuple(
        _reference(n, numbering.evidence[page], numbering.cited.get(page, ()), old)
        for page, n in numbering.numbers.items()
    )
    pick = plan.pick
    # a page on the situation a schedule is for is what there is to say (.vaccine_schedule)
    scheduled = asked_schedule(inp.query) is not None
    described = [] if inp.detail or scheduled else _described_only(inp.query, pick, plan)
    dated = [] if inp.detail or described else _dated_only(inp, pick, plan)
    studied = [] if inp.detail or described or dated else _studies_only(inp, pick, plan)
    told = bool(described and (g_built or r_built))
    if described or dated or studied:  # not shown: the pages are listed instead
        summary, lead, g_built, r_built, references = [], [], [], [], ()
    answered = bool(summary or lead or g_built or r_built)
    closest = (
        ()
        if answered or _emergency(inp.query)
        else tuple(
            _reference(i, e, old=old)
            for i, e in enumerate([*described, *dated, *studied][:MAX_CLOSEST], start=1)
        )
        or _closest(inp, [*evidence, *_set_aside(inp)], pages_only=scheduled)
    )
    in_bottom_line = any(d.main.guideline for d in plan.summary)
    return Answer(
        id=inp.answer_id,
        question=inp.query.question,
        query=inp.query,
        banner=inp.banner,
        bottom_line=BottomLine(verdict=pick.verdict + pick.where_to_go, bullets=tuple(summary))
        if pick is not None and answered
        else None,
        detail=inp.detail,
        guideline_lead=tuple(lead),
        guideline_sections=tuple(g_built),
        guideline_note=None
        if (lead or g_built) or not answered
        else GUIDELINE_IN_BOTTOM_LINE
        if in_bottom_line
        else _no_guideline(inp),
        research_sections=tuple(r_built),
        references=references,
        excluded=_excluded(evidence),
        abstained=not answered,
        abstain_reason=None
        if answered
        else _abstain_reason(
            inp,
            evidence,
            closest,
            described=bool(described),
            told=told,
            dated=bool(dated),
            studied=bool(studied),
        ),
        closest=closest,
        disclaimer=DISCLAIMER,
        searched=inp.searched,
        sources_note=_with_schedule_note(
            inp.sources_note,
            [*summary, *lead, *(b for s in g_built for b in s.bullets)],
            {e.hit.document.id for e in evidence if e.hit.document.source is Source.MEDQUAD},
        ),
        notes=(*inp.notes, *gate_notes(inp)),
    )


DESCRIBED_ANSWERS = frozenset({QuestionType.DEFINITION, QuestionType.COMPARISON})


def _described_only(query: Query, pick: Pick | None, plan: _Plan) -> list[Evidence]:
    """The pages of an answer that would only describe its topic: the bottom line found no
    statement that answers the question (a framing sentence alone: "the sources do not say yes
    or no …") under a guideline lead's overview. A description in place of an answer ("Cancer
    begins in your cells" for a lump behind the ear, "Antibiotics are powerful medicines" for
    a sore throat), with or without sections of other facts on the topic (its causes, how it is
    diagnosed), tells the reader nothing they asked; read blind, such answers scored lower on
    safety and usefulness than saying so (docs/evaluation.md): medcite abstains and lists the
    guideline pages instead (the long form, ``detail``, still reads them out under the framing
    sentence). Empty otherwise, and under a card (which says what to do;
    :mod:`medcite.render.urgent` decides what it shows). A question asking what something is,
    or how two things differ, is answered by their descriptions."""
    if pick is None or pick.chosen or not plan.lead or query.red_flags:
        return []
    if query.question_type in DESCRIBED_ANSWERS or asks_what_it_is(query.question):
        return []
    if _USE_ASKED.search(query.question):
        return []  # what a medicine or a drug is for is what its description says
    if (plan.guideline or plan.research) and not _other_facts_only(query, pick, plan):
        return []
    pages: dict[str, Evidence] = {}
    for draft in _guideline_drafts(plan):
        pages.setdefault(_page(draft.main.evidence), draft.main.evidence)
    return list(pages.values())


def _guideline_drafts(plan: _Plan) -> list[_Draft]:
    """The guideline statements of ``plan``: its lead's, then its sections'."""
    return [*plan.lead, *(d for _facet, _title, ds in plan.guideline for d in ds)]


def _research_drafts(plan: _Plan) -> list[_Draft]:
    """The study statements of ``plan``, section by section."""
    return [d for _facet, _title, ds in plan.research for d in ds]


_USE_ASKED = re.compile(
    r"\b(?:is|are|was|were|be|it)\s+(?:\w+\s+)?(?:used|prescribed|given|taken|good)\s+for\b|"
    r"\bwhy\b[^.?!]{0,40}?\b(?:used|"
    r"prescribed|given|taken)\b|\bwhat (?:is|are|does) [\w-]+(?: [\w-]+)? (?:for|do|treat)\b"
    r"|\bhow (?:is|are|do you|do people) [\w-]+(?: [\w-]+)? (?:taken|used|smoked|given|made)\b"
    r"|\bwhere (?:does|do) [\w-]+(?: [\w-]+)? come from\b",
    re.IGNORECASE,
)
"""A question asking what a medicine or a drug is for, how it is taken or where it comes from
("why prozac used", "what is it prescribed for", "how is it smoked"): what its description
says."""


_READ_BY_THE_BOTTOM_LINE = frozenset({Facet.OVERVIEW, Facet.PROGNOSIS, Facet.SEEK_CARE})


def _other_facts_only(query: Query, pick: Pick, plan: _Plan) -> bool:
    """True when the sections under a description hold only other facts of the topic: the
    bottom line found nothing that answers (:func:`~medcite.answer.bottom_line.left_unanswered`;
    a frame that says something itself, such as that no source links two conditions, is an
    answer), no guideline page warns of anything or speaks to the facet asked (a warning, such
    as no aspirin for a child, is worth reading whatever was asked; how a test is done, asked
    about the test), and no study finds anything
    of the question's topics together ("colchicine shortened gout flares" for whether
    colchicine works for gout)."""
    kept: tuple[Facet, ...] = (Facet.WARNINGS,)
    if _asks_for_care(query):  # what to do, buy or use: how the topic is treated answers it
        kept = (*kept, Facet.TREATMENT)
    if _SELF_CARE_ASKED.search(query.question):  # "can I just …": whether to be seen answers
        kept = (*kept, Facet.SEEK_CARE)
    # a section on what the question asks ("before a coeliac blood test": how it is diagnosed);
    # not its outlook or when to be seen, which the bottom line reads for itself: a section on
    # them that it took nothing from says no time and no sign asked (read blind, such answers
    # scored lower than the abstention)
    kept = (*kept, *(f for f in query.asked if f not in _READ_BY_THE_BOTTOM_LINE))
    warned = any(facet in kept for facet, _title, _drafts in plan.guideline)
    return (
        left_unanswered(pick)
        and not warned
        and not _joint_finding(query, plan)
        and not _says_what_is_asked(query, plan)
    )


def _says_what_is_asked(
    query: Query,
    plan: _Plan,
    drafts: Sequence[_Draft] | None = None,
    asked: frozenset[str] | None = None,
) -> bool:
    """True when a guideline statement (the lead's or a section's; or one of ``drafts``)
    states what the question asks of its topic, in its words or senses (``asked``, by default
    :func:`~medcite.answer.bottom_line.asked_words`: "surgery" for whether there is a surgery
    for sleep apnea), or a span of time when how long is asked, though the bottom line took
    none of it."""
    asked = asked_words(query) if asked is None else asked
    drafts = _guideline_drafts(plan) if drafts is None else drafts
    if Facet.PROGNOSIS in query.asked and any(_SPAN.search(d.main.sentence.text) for d in drafts):
        return True  # how long, asked: "most people get better in two to four weeks"
    return bool(asked) and any(predicate_stems(d.main) & asked for d in drafts)


_SPAN = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several)"
    r"(?:\s*(?:to|-|–|or)\s*(?:\d+|two|three|four|five|six|seven|eight|nine|ten))?\s+"
    r"(?:days?|weeks?|months?|years?|hours?)\b",
    re.IGNORECASE,
)
"""A span of time ("two to four weeks", "5 to 10 days")."""


_SELF_CARE_ASKED = re.compile(
    r"\bcan (?:i|we|he|she) just\b|\b(?:instead of|rather than|without) (?:seeing|going to|"
    r"bothering) (?:a|the|my) (?:doctor|gp)\b|\bfrom (?:the|a) (?:chemist|pharmacy|pharmacist)\b|"
    r"\bover the counter\b|\b(?:do|does|should) (?:i|we|he|she) (?:need|have) to (?:see|go to) "
    r"(?:a|the|my) (?:doctor|gp)\b|\bshould (?:i|we) (?:see|go to) (?:a|the|my) (?:doctor|gp)\b",
    re.IGNORECASE,
)
"""A question whether one can see to it oneself ("can I just use a cream", "something from the
chemist", "do I need to see a doctor"): a page saying when to be seen answers it."""
_CARE_ASKED = re.compile(
    r"\bwhat (?:\w+ ){0,4}?(?:do|doing|buy|use|take|try|put|get|apply)\b|\bwhat (?:helps|works)\b|"
    r"\bhow (?:do|can|should|to) (?:i |we |you )?(?:treat|get rid|stop|help|ease|manage|deal)\b",
    re.IGNORECASE,
)
"""A question asking what to do, buy or use, or how to treat ("what do I buy from the chemist",
"what ought we to do now", "how to treat it at home")."""


def _asks_for_care(query: Query) -> bool:
    """True when ``query`` asks what to do about its topic, or how it is treated."""
    kinds = (QuestionType.WHAT_TO_DO, QuestionType.TREATMENT)
    return query.question_type in kinds or bool(_CARE_ASKED.search(query.question))


def _joint_finding(query: Query, plan: _Plan) -> bool:
    """True when a study statement of the plan names every one of two or more topics, the
    readings of one phrase ("memory loss": memory disorders, dementia) counting as one."""
    phrases: dict[str, frozenset[str]] = {}
    for concept in query.topics:
        said = concept.matched or concept.key
        phrases[said] = phrases.get(said, frozenset()) | told_stems(concept)
    sides = list(phrases.values())
    if len(sides) < 2:
        return False
    return any(all(d.main.stems & side for side in sides) for d in _research_drafts(plan))


def _studies_only(inp: ComposeInput, pick: Pick | None, plan: _Plan) -> list[Evidence]:
    """The studies of an answer to a patient's own case that no guideline-level source speaks
    to, when the bottom line found nothing that answers and no study says what was asked (in
    its words or senses, :func:`_says_what_is_asked`) or finds anything of the question's
    topics together (:func:`_joint_finding`): their other findings ("metformin did not raise
    nitric oxide" for whether to stop it before a scan) answer nothing, and medcite abstains
    and lists the studies instead (the long form, ``detail``, still reads them out). Empty
    otherwise, and under a card."""
    query = inp.query
    if pick is None or pick.chosen or query.red_flags or evidence_question(query.question):
        return []
    # "tell me about gout" asks what studies found; a pair's statements are chosen by the
    # pair already
    own = _OWN_CASE.search(_REQUEST.sub(" ", query.question))
    if not own or query.question_type in (*DESCRIBED_ANSWERS, QuestionType.INTERACTION):
        return []
    if plan.summary or plan.lead or plan.guideline or not plan.research:
        return []
    drafts = _research_drafts(plan)
    # by more than that something causes something: whether drinking causes memory loss is
    # not answered by a study of what causes dementia
    asked = asked_words(query) - {CAUSATION}
    if _says_what_is_asked(query, plan, drafts, asked) or _joint_finding(query, plan):
        return []
    pages: dict[str, Evidence] = {}
    for draft in drafts:
        for cand in (draft.main, *draft.support):
            pages.setdefault(_page(cand.evidence), cand.evidence)
    return list(pages.values())


def _dated_only(inp: ComposeInput, pick: Pick | None, plan: _Plan) -> list[Evidence]:
    """The studies of an answer that would rest on nothing but decades-old research saying
    nothing asked: the bottom line found no statement that answers a patient's question, no
    guideline-level source says anything, and every study quoted is older than the evidence
    horizon with no finding on what was asked (:func:`_dated_answers`). Such lines ("insulins
    of a high degree of purity" in 1977 for how to inject insulin, a survey of divers for a
    child's sore ear) answer nothing: medcite abstains and lists the studies, labelled with
    their year (the long form, ``detail``, still reads them out). Empty otherwise, under a
    card, and unless the question tells of the asker's own case or asks how to do something
    (:func:`_how_to`): "How is X treated?" may still be told what a 1979 trial found,
    labelled with its year."""
    query = inp.query
    if pick is None or pick.chosen or query.red_flags or evidence_question(query.question):
        return []
    how_to = _how_to(query)
    if not (how_to or _OWN_CASE.search(query.question)):
        return []
    if plan.summary or plan.lead or plan.guideline or not plan.research:
        return []
    cutoff = _cutoff_year(inp)
    pages: dict[str, Evidence] = {}
    for _facet, _title, drafts in plan.research:
        for draft in drafts:
            if not how_to and _dated_answers(draft, query):
                return []
            for cand in (draft.main, *draft.support):
                if not _older(cand, cutoff):
                    return []
                pages.setdefault(_page(cand.evidence), cand.evidence)
    return list(pages.values())


_OWN_CASE = re.compile(r"\b(?:i|i'm|im|i've|ive|me|my|we|our|us)\b", re.IGNORECASE)
_REQUEST = re.compile(r"\b(?:tell|show|give|send|explain to) (?:me|us)\b", re.IGNORECASE)
"""A request for information ("tell me about gout"), which tells of no case of one's own."""
_HOW_TO = re.compile(r"\bhow\s+(?:to|do\s+you|does\s+one)\s+(?!know\b)", re.IGNORECASE)
_STUDY_METHOD = re.compile(
    r"\b(?:ha(?:s|ve|d)\s+been|w(?:as|ere))\s+(?:\w+\s+)?(?:investigated|studied|examined|"
    r"evaluated|assessed|analy[sz]ed|measured|surveyed|followed|enrolled|recruited)\b"
    r"|\bw(?:as|ere)\s+used\s+to\s+(?:develop|derive|construct|build|estimate)\b",
    re.IGNORECASE,
)
"""A sentence telling what a study did, not what it found ("X has been investigated in 24
healthy adults", "data from 47 patients was used to develop an algorithm")."""


def _how_to(query: Query) -> bool:
    """The question asks how to do something ("how to give an injection", "how do you clean a
    wound"); "how to treat X" asks the treatment, a facet."""
    return bool(_HOW_TO.search(query.question)) and (
        query.question_type is QuestionType.INFORMATION
    )


def _dated_answers(draft: _Draft, query: Query) -> bool:
    """An old study's statement that still answers what the question asked: a finding (not what
    the study did, :data:`_STUDY_METHOD`) on a facet it asks."""
    return draft.facet in query.asked and not _STUDY_METHOD.search(draft.main.sentence.text)


SCHEDULE = re.compile(
    r"\b(?:screening|screened|colonoscop\w*|mammogra\w*|pap (?:test|smear)s?)\b[^.;]{0,80}?"
    r"\b(?:age|ages|aged|at|from|after|over)\s+\d{2}\b"
    r"|\b(?:vaccines?|shots?|boosters?|doses?)\b[^.;]{0,80}?\b(?:(?:a )?single dose|one dose|"
    r"(?:two|three|\d) doses|every \d+ years|(?:age|aged|older than|younger than|if you are) "
    r"\d{2})\b",
    re.IGNORECASE,
)
"""A screening start age or a vaccine schedule ("Screening usually starts at age 50", "only
a single dose is recommended"): advice that is revised every few years."""
SCHEDULE_NOTE = (
    "Screening ages and vaccine schedules are revised every few years, and the NIH patient "
    "pages quoted here date from about 2017: ask your doctor or pharmacist for the current "
    "schedule."
)


def _with_schedule_note(
    note: str | None, bullets: Sequence[Bullet], pages: Collection[str]
) -> str | None:
    """``note`` and, when a statement quoted from an NIH patient page (MedQuAD, ``pages``)
    gives a screening age or a vaccine schedule (:data:`SCHEDULE`), :data:`SCHEDULE_NOTE`."""
    dated = any(
        SCHEDULE.search(b.text) and any(c.document_id in pages for c in b.citations)
        for b in bullets
    )
    if not dated:
        return note
    return f"{note} {SCHEDULE_NOTE}" if note else SCHEDULE_NOTE


def _section(
    facet: Facet, title: str, drafts: list[_Draft], numbering: _Numbering
) -> Section | None:
    bullets = tuple(b for d in _reading_order(drafts) if (b := _bullet(d, numbering)))
    return Section(facet=facet, title=title, bullets=bullets) if bullets else None


def _reading_order(drafts: list[_Draft]) -> list[_Draft]:
    """A section's bullets with those of one document in the order the document has them
    (a list before "Not everyone has all these symptoms"); documents keep their rank order."""
    first: dict[str, int] = {}
    for i, draft in enumerate(drafts):
        first.setdefault(draft.main.evidence.hit.document.id, i)
    return sorted(
        drafts,
        key=lambda d: (first[d.main.evidence.hit.document.id], d.main.sentence.position),
    )


def _summary_drafts(
    pick: Pick | None,
    guideline: Sequence[Candidate],
    research: Sequence[Candidate],
    selection: _Selection,
) -> list[_Draft]:
    """The bottom line's statements as drafts (each with its near-duplicates in its tier),
    taken from the selection so no section repeats them."""
    drafts = []
    for main in pick.chosen if pick is not None else ():
        if not selection.free(main):
            continue
        tier = guideline if main.guideline else research
        draft = _Draft(main.facet, main, _supporters(main, tier, selection))
        selection.take(draft)
        drafts.append(draft)
    return drafts


def _warning_section(
    warned: Sequence[Candidate], tier: Sequence[Candidate], selection: _Selection
) -> list[tuple[Facet, str, list[_Draft]]]:
    """At most MAX_WARNINGS of the tier's warning statements (``warned``, best first:
    :func:`extract.warnings`), as a Warnings section shown first."""
    drafts: list[_Draft] = []
    for main in warned:
        if len(drafts) == MAX_WARNINGS:
            break
        if selection.free(main):
            # the same warning, word for word, on another page may be no facet candidate
            # there: it supports ("Cough medicines may harm children" is not "Children under
            # four should not have cough medicine", however alike their words)
            same = [
                w for w in warned if normalise(w.sentence.text) == normalise(main.sentence.text)
            ]
            draft = _Draft(Facet.WARNINGS, main, _supporters(main, [*same, *tier], selection))
            selection.take(draft)
            drafts.append(draft)
    return [(Facet.WARNINGS, GUIDELINE_TITLES[Facet.WARNINGS], drafts)] if drafts else []


def _words(text: str) -> int:
    return len(text.split())


def _draft_words(draft: _Draft) -> int:
    return _words(draft.main.sentence.text)


def _trim(
    fixed: int,
    sections: Sequence[SectionDrafts],
    asked: Sequence[Facet],
    budget: int,
) -> None:
    """Drop section bullets, weakest first (research before guideline-level, and within each
    tier those of facets not asked first), until the body fits
    ``budget`` words with the ``fixed`` words of the bottom line and lead; every facet asked
    keeps at least one bullet (in one of the tiers). Edits the draft lists in place."""
    total = fixed + sum(_draft_words(d) for _f, _t, drafts in sections for d in drafts)
    while total > budget:
        removable = [
            (facet in asked, draft, drafts)
            for facet, _t, drafts in sections
            for draft in drafts
            if len(drafts) > 1 or facet not in asked or _covered_elsewhere(facet, drafts, sections)
        ]
        if not removable:
            return
        _asked, draft, drafts = min(
            removable,
            key=lambda x: (x[1].main.guideline, x[0], round(x[1].main.score, ORDER_DIGITS)),
        )
        drafts.remove(draft)
        total -= _draft_words(draft)


def _covered_elsewhere(
    facet: Facet, mine: list[_Draft], sections: Sequence[tuple[Facet, str, list[_Draft]]]
) -> bool:
    return any(f is facet and drafts and drafts is not mine for f, _t, drafts in sections)


def gate_notes(inp: ComposeInput) -> tuple[str, ...]:
    """What the topic gate did, in one line (for ``--explain``)."""
    gated = inp.gate
    if gated is None:
        return ()
    if not gated.applied:
        return ("topic gate: off (no vocabulary concept recognised in the question)",)
    kept, dropped = len(gated.on_topic), len(gated.off_topic)
    if gated.names:
        return (
            f"topic gate: no vocabulary concept; {kept} of {kept + dropped} retrieved documents "
            f"name {' or '.join(gated.names)}; {dropped} set aside",
        )
    if unrecognised(inp.query):
        terms = ", ".join(f"“{t}”" for t in inp.query.unknown_terms)
        return (
            f"topic gate: {terms} is known to neither the vocabulary nor the index; all "
            f"{dropped} retrieved documents set aside",
        )
    titles = list(
        dict.fromkeys(e.hit.document.focus or e.hit.document.title for e in gated.off_topic)
    )
    examples = f" (e.g. {'; '.join(t[:60] for t in titles[:3])})" if titles else ""
    broader = [
        e.hit.document.focus or e.hit.document.title
        for e in gated.on_topic
        if e.hit.document.id in gated.broader
    ]
    pages = "1 page" if len(broader) == 1 else f"{len(broader)} pages"
    verb = "is" if len(broader) == 1 else "are"
    wider = (
        f"; no page is on it, so {pages} on the broader "
        f"{'; '.join(dict.fromkeys(t[:60] for t in broader))} {verb} used"
        if broader
        else ""
    )
    return (
        f"topic gate: {kept} of {kept + dropped} retrieved documents are about "
        f"{topic_names(inp.query)}{wider}; {dropped} set aside{examples}",
    )


def _set_aside(inp: ComposeInput) -> list[Evidence]:
    return list(inp.gate.off_topic) if inp.gate is not None else []


def _gated_subject(inp: ComposeInput) -> str:
    """What the gate required: the topic concepts, else the specific names it looked for."""
    names = inp.gate.names if inp.gate is not None else ()
    return topic_names(inp.query) or " or ".join(f"“{n}”" for n in names)


def topic_names(query: Query) -> str:
    """The question's topic concepts for a sentence: "fever", "ibuprofen or lisinopril",
    "percocet (oxycodone and acetaminophen)", "osgood schlatter" (an eponym the vocabulary files
    under Osteochondrosis, :func:`evidence.topic.eponym_entry`)."""
    names: dict[str, list[str]] = {}
    for concept in query.primary_topics:
        if concept.combination:
            names.setdefault(concept.combination, []).append(uninverted(concept.name))
        else:  # an eponym is named as the question says it, not by its broader descriptor
            said = concept.matched if eponym_entry(concept) else uninverted(concept.name)
            names.setdefault(said, [])
    shown = [_with_parts(name, parts) for name, parts in names.items()]
    return " or ".join(shown[:4])


def _with_parts(name: str, parts: list[str]) -> str:
    """A combination product with all its ingredients, also those the question names on their
    own ("nyquil (acetaminophen, dextromethorphan and doxylamine)" beside "acetaminophen": the
    one it shares is what an overdose question is about); anything else as named."""
    every = [d.generic for d in generic_names(name)] if parts else []
    listed = list(dict.fromkeys(every if len(every) > len(parts) else parts))
    if not listed:
        return name
    head = ", ".join(listed[:-1])
    return f"{name} ({head} and {listed[-1]})" if head else f"{name} ({listed[0]})"


def _no_guideline(inp: ComposeInput) -> str:
    if inp.gate is not None and inp.gated and not any(map(_is_guideline, inp.gate.on_topic)):
        return f"No guideline-level source in the index is about {topic_names(inp.query)}."
    return NO_GUIDELINE


def _is_guideline(evidence: Evidence) -> bool:
    return evidence.level is EvidenceLevel.GUIDELINE


DRUG_HELP = (
    " A pharmacist or the prescriber can answer questions about a specific medicine, and its "
    "label (DailyMed, dailymed.nlm.nih.gov) lists its uses, doses and warnings."
)
GENERAL_HELP = (
    " Your doctor can answer it for your situation; MedlinePlus (medlineplus.gov) has "
    "reviewed patient information."
)


def _abstain_reason(
    inp: ComposeInput,
    evidence: Sequence[Evidence],
    closest: Sequence[Reference],
    *,
    described: bool = False,
    told: bool = False,
    dated: bool = False,
    studied: bool = False,
) -> str:
    """Why medcite gives no answer, and where to go instead: under an emergency card, the card
    (a pharmacist or a label is no place to go for someone asking how many pills would stop
    them waking up, or for a child who swallowed them). ``described``: the pages found only
    describe the topic (:func:`_described_only`), ``told``: and tell other facts of it;
    ``dated``: only decades-old studies say anything, and nothing asked
    (:func:`_dated_only`); ``studied``: only studies, none saying what was asked
    (:func:`_studies_only`)."""
    if _emergency(inp.query):
        return UNDER_THE_CARD
    if (schedule := asked_schedule(inp.query)) is not None:
        return schedule.abstention
    listed = CLOSEST_LISTED if closest else _none_close(inp, evidence)
    help_ = _fear_note(inp.query) + _where_to_ask(inp.query)
    if help_ == DRUG_HELP:
        reaction = REACTION_HELP if Facet.SIDE_EFFECTS in inp.query.asked else ""
        borrowed = BORROWED_HELP if borrowed_medicine(inp.query) else ""
        help_ = borrowed + help_ + _group_help(inp.query.question) + reaction
    if note := caution(inp.query):  # medcite's own caution for a drug the question names
        help_ = f" {note}{help_}"
    if state_only(inp.query):
        return _not_of_the_state(inp.query, listed, help_)
    if described:
        return _only_described(inp.query, listed, told) + help_
    if dated or studied:
        why = _only_dated(inp, listed) if dated else _only_other_findings(inp.query, listed)
        return why + help_
    return _why_not(inp, evidence, listed) + help_


def _not_of_the_state(query: Query, listed: str, help_: str) -> str:
    """The reason for a question told in pregnancy or while breastfeeding about something no
    page on that state speaks of (:mod:`.told_state`), with MotherToBaby for a pregnancy ("a
    hot tub at 7 weeks pregnant" is an exposure in pregnancy; LactMed is on medicines only)."""
    topics = topic_names(query)
    if not breastfeeding_asker(query.question):
        help_ += PREGNANCY_HELP
    return (
        f"The pages found on {topics} do not speak of what you asked about, so medcite gives no "
        f"answer rather than quote general pages on {topics}. {listed}{help_}"
    )


def _only_described(query: Query, listed: str, told: bool = False) -> str:
    """The reason when the pages found only say what the topic is (``told``: and other facts
    of it, none of which is what was asked)."""
    topics = topic_names(query)
    pages = f"The pages found on {topics}" if topics else "The pages found"
    them = "them" if " or " in topics else "it"
    if told:
        return (
            f"{pages} describe {them} and tell other facts, but none answers this question, so "
            f"medcite gives no answer rather than offer those in its place (the long form, "
            f"--detail, reads them out). {listed}"
        )
    return (
        f"{pages} only describe {them}, and none answers this question, so medcite gives no "
        f"answer rather than offer a description in its place (the long form, --detail, reads "
        f"them out). {listed}"
    )


def _only_other_findings(query: Query, listed: str) -> str:
    """The reason when only studies speak, none of them to what was asked."""
    topics = topic_names(query)
    on = f" on {topics}" if topics else ""
    return (
        f"No guideline-level source found speaks to this, and the studies found{on} report "
        f"other findings, none of which answers this question, so medcite gives no answer "
        f"rather than offer those in its place (the long form, --detail, reads them out). "
        f"{listed}"
    )


def _only_dated(inp: ComposeInput, listed: str) -> str:
    """The reason when only decades-old studies say anything, and nothing asked."""
    topics = topic_names(inp.query)
    on = f" on {topics}" if topics else ""
    return (
        f"The only sources found{on} are studies over {inp.old_evidence_years} years old, and "
        f"none answers this question, so medcite gives no answer rather than quote them (the "
        f"long form, --detail, reads them out). {listed}"
    )


def _emergency(query: Query) -> bool:
    """The question describes an emergency: an abstention then lists no documents and sends
    nowhere but to the card (sleeping-pill studies are no reading for someone asking how many
    would stop them waking up)."""
    return an_emergency(by_rule(query.red_flags))


def _where_to_ask(query: Query) -> str:
    """Who can answer what medcite cannot: the pharmacist and the label for a medicine or a
    drug class (not an exposure such as smoke, nor a chemical no drug table names as a
    medicine: "protein" in the urine, "mercury"; nor one named as what a test measures:
    "my calcium score", "a cholesterol test"), else the doctor and MedlinePlus; for a mood
    or a mental disorder, also the crisis line (:data:`MOOD_HELP`); for which vaccines a trip or
    a child needs, who keeps that schedule."""
    if (schedule := asked_schedule(query)) is not None:
        return schedule.where
    taken = [
        c
        for c in query.topics
        if taken_as_medicine(c) and not told_as_measured(c.matched, query.question)
    ]
    if taken:
        return DRUG_HELP
    return GENERAL_HELP + MOOD_HELP if _mood(query) else GENERAL_HELP


_GIVER = (
    r"(?:friend|friends|mate|mates|mum|mom|mother|dad|father|sister|brother|partner|husband|"
    r"wife|boyfriend|girlfriend|flatmate|roommate|housemate|colleague|coworker|neighbou?r|nan|"
    r"gran|grandma|grandad|grandpa|auntie|aunt|uncle|cousin)"
)
_BORROWED = re.compile(
    rf"\b(?:(?:my|a|her|his|our) {_GIVER} (?:\w+ )?(?:gave|has given|had given|offered|lent|"
    r"passed|handed) (?:me|us|him|her) (?:some|a few|one|two|a couple|a strip|a pack|a box|her|"
    r"his|their|them|it)"
    rf"|\b(?:can|could|should|may) i (?:just )?(?:take|try|use|have|borrow) (?:one of |some "
    rf"of |a few of |a couple of )?(?:my|her|his|a) {_GIVER}'?s\b"
    r"|\bborrow\w* (?:\w+ ){0,3}?(?:tablets|pills|meds|medicines?|inhaler|capsules)"
    r"|\b(?:some|one|a few|a couple) of (?:hers|his|theirs)\b)",
    re.IGNORECASE,
)
"""A medicine told as given by someone who is no prescriber, or as another's taken by the
asker ("my friend gave me some of hers", "can I take my mum's diazepam", "borrowed his
inhaler"); not a relative's own medicine asked about for them ("can I crush my dad's
tablets")."""
BORROWED_HELP = (
    " A prescription medicine given to someone else was chosen for their health, not yours: "
    "ask a doctor or pharmacist before taking it."
)


def borrowed_medicine(query: Query) -> bool:
    """True when the question names a medicine it tells as another person's
    (:data:`_BORROWED`)."""
    return any(c.drug for c in query.topics) and _BORROWED.search(query.question) is not None


def _mood(query: Query) -> bool:
    """True when a primary topic is a mood or anxiety disorder (:data:`MOOD_TREES`), or the
    question tells of a bereavement (:data:`_BEREAVED`): grief that stops someone sleeping and
    eating calls for the same line."""
    if _BEREAVED.search(query.question):
        return True
    return any(n.startswith(MOOD_TREES) for c in query.primary_topics for n in c.tree_numbers)


_BEREAVED = re.compile(
    r"\b(?:(?:husband|wife|partner|son|daughter|mom|mum|mother|dad|father|child|baby|brother|"
    r"sister|friend)\W+(?:\w+\W+){0,2}?passed(?: away)?|since (?:he|she|they) passed|"
    r"(?:lost|losing) my (?:husband|wife|partner|son|daughter|mom|mum|mother|dad|father|child|"
    r"baby)|widow(?:ed|er)?|bereave\w*|griev\w*|grief)\b",
    re.IGNORECASE,
)
"""A loss told as grief is ("my husband passed in March", "lost my mum", "widowed"); not a death
told as family history ("my brother died suddenly at 30", "my mother died of Huntington's")."""


MOOD_TREES = ("F03.600", "F03.080", "F01.700.039")
"""MeSH mood and anxiety disorders and anhedonia; not the emotions, whose names are everyday
words a question uses in passing ("how might it affect me", "I hate it")."""
MOOD_HELP = (
    " If these feelings come with thoughts of harming yourself, call or text 988 (US Suicide & "
    "Crisis Lifeline) or your local emergency number now."
)


LACTATION_HELP = (
    " LactMed, the NIH database of medicines and breastfeeding "
    "(ncbi.nlm.nih.gov/books/NBK501922), says what is known about each medicine in breast milk."
)
PREGNANCY_HELP = (
    " MotherToBaby (mothertobaby.org, 1-866-626-6847) answers questions about medicines and "
    "other exposures in pregnancy free of charge."
)


def _group_help(question: str) -> str:
    """Where to ask about a medicine for a breastfeeding or pregnant asker (or one planning a
    pregnancy; not one saying she is not): NIH's LactMed, the teratology information service
    MotherToBaby."""
    if breastfeeding_asker(question):
        return LACTATION_HELP
    return PREGNANCY_HELP if pregnant_asker(question) else ""


REACTION_HELP = (
    " If you think a medicine is causing a reaction, contact the prescriber or a pharmacist "
    "now; for trouble breathing, swelling of the face or throat, or fainting, call emergency "
    "services."
)
"""Added when a question about a medicine's side effects gets no answer: a possible reaction
should not wait for an answer medcite cannot give."""


CLOSEST_LISTED = "The closest documents are listed for you to check."
UNDER_THE_CARD = (
    "Do what the card above says now: no source found can tell whether this is an emergency, "
    "so none is summarised or listed."
)
NONE_CLOSE = "No document found even names the topic, so none is listed."
IN_PASSING = (
    "The studies found name it only in passing or study it in the laboratory, so none is listed."
)
NO_TOPIC = (
    "No condition, medicine or test named in the question is one the index knows, so no "
    "document is listed; naming it another way may help."
)
CANCER_FEARED = (
    "Whether what you describe is cancer cannot be told from pages on cancer in general, so "
    "none is quoted or listed; a doctor who examines it can tell. Book an appointment to have "
    "it checked."
)
FEAR_NOTE = (
    "Whether what you describe is {name} cannot be told from pages that describe {name}; a "
    "doctor who examines you can tell. Book an appointment to have it checked."
)
GRAVE_FEARED = (
    "Whether what you describe is {name} cannot be told from pages that describe {name}, so "
    "none is quoted or listed; a doctor who examines you can tell. Book an appointment to have "
    "it checked."
)


def _cancer_feared_only(query: Query) -> bool:
    """True when cancer in general, feared of something the question tells, is all it names
    the index knows: statements found by its free words (pages on any cancer) cannot say
    whether this is one, so none is used (:data:`CANCER_FEARED`)."""
    return _no_known_concept(query) and any(feared_cancer(c) for c in query.concepts)


def _no_topic(query: Query) -> str:
    """Why nothing is listed when the question names no topic the index knows: the general
    reason, or, when it fears cancer of something it tells, that pages on cancer in general
    cannot say (:func:`feared_cancer`)."""
    if not _cancer_feared_only(query):
        return NO_TOPIC
    feared = next(c for c in query.concepts if feared_cancer(c))
    if feared.tree_numbers == ("C04",) or not feared.tree_numbers:
        return CANCER_FEARED
    return GRAVE_FEARED.format(name=feared_name(feared, query.question))


def _fear_note(query: Query) -> str:
    """For a question that fears a grave condition of what it tells, and names something else
    the index knows: that pages cannot say whether this is it (the reason already says so when
    nothing else is named, :func:`_no_topic`)."""
    feared = [c for c in query.concepts if named_fear(c)]
    if not feared or _cancer_feared_only(query):
        return ""
    return " " + FEAR_NOTE.format(name=feared_name(feared[0], query.question))


def _not_on_the_fear(query: Query, evidence: Sequence[Evidence]) -> list[Evidence]:
    """``evidence`` without the documents whose title names a condition the question fears of
    what it tells (:func:`named_fear`): listed beside "whether this is ALS cannot be told from
    pages that describe it", a page on ALS would read as the answer."""
    names = {normalise(n) for c in query.concepts if named_fear(c) for n in (c.name, *c.names)}
    patterns = [re.compile(rf"\b{re.escape(n)}\b") for n in names if n]
    if not patterns:
        return list(evidence)
    return [
        e for e in evidence if not any(p.search(normalise(e.hit.document.title)) for p in patterns)
    ]


def _no_known_concept(query: Query) -> bool:
    """True when the question was read against a vocabulary and named no topic it knows, or
    only a relative or a dosage form standing in for one (:func:`context_only`)."""
    named = [c for c in query.primary_topics if not context_only(c)]
    return not named and query.vocabulary_read


def _none_close(inp: ComposeInput, evidence: Sequence[Evidence]) -> str:
    """Why no document is listed: none names the topic, or none names it together with what
    else the question names (:func:`_also_asked`)."""
    query = inp.query
    if _no_known_concept(query):
        return _no_topic(query)
    found = [*evidence, *_set_aside(inp)]
    if not _closest(inp, found, together=False):  # a subset of those named in passing
        named = _closest(inp, found, together=False, in_passing=True)
        return IN_PASSING if named else NONE_CLOSE
    if _interaction_asked(query):  # the reason already says no source names them together
        return "None is listed."
    others = _also_asked(query)
    if not others:
        return NONE_CLOSE
    topics = " or ".join(dict.fromkeys(uninverted(c.name).lower() for c in query.primary_topics))
    also = " or ".join(dict.fromkeys(uninverted(c.name).lower() for c in others))
    return f"No document found speaks of {topics} together with {also}, so none is listed."


def _interaction_asked(query: Query) -> bool:
    """An interaction question naming two drugs or more (its reason says so, :func:`_why_not`)."""
    return Facet.INTERACTIONS in query.asked and len(_interacting(query)) >= 2


def _interacting(query: Query) -> list[str]:
    """The names of the medicines an interaction question asks about, each once: a class named
    beside one of its own members ("statins" with simvastatin) is that medicine again."""
    drugs = without_their_classes([c for c in query.topics if c.drug])
    return list(dict.fromkeys(c.name.lower() for c in drugs))


def _check_spelling(query: Query) -> str:
    """Ask the reader to check the spelling, naming the words they may have meant."""
    meant = [w for t in query.unknown_terms for w in query.suggestions.get(t, ())]
    if not meant:
        return "Check the spelling, or ask about the drug or condition by its generic name."
    names = meant[0] if len(meant) == 1 else f"{', '.join(meant[:-1])} or {meant[-1]}"
    return f"Check the spelling: did you mean {names}?"


def _not_answered(query: Query) -> str:
    """The reason when statements were found but none answers: names the question's topics
    (or says "this question"), and a word not recognised beside them only with what it may
    mean (a salt or form of a drug's name, "cefuroxime axetil", is no misspelling)."""
    topics = "" if _no_known_concept(query) else topic_names(query)
    # the focus is the question's keywords, which read as a garbled quote ("flashes dropping
    # baby stairs never terrifies"): name the topics, or the question itself
    subject = f"this question about {topics}" if topics else "this question"
    close = ", ".join(f"“{t}”" for t in query.unknown_terms if query.suggestions.get(t))
    unknown = f" It does not recognise {close}. {_check_spelling(query)}" if close else ""
    return (
        f"The retrieved evidence does not contain statements that answer {subject} with enough "
        f"confidence, so medcite gives no answer rather than guess.{unknown}"
    )


def _twice(query: Query) -> str:
    """For a combination product named with one of its own ingredients ("Lemsip with
    paracetamol"), that the two hold the same medicine (from the product table, not from a
    source), with a space after; else ""."""
    if query.question_type is QuestionType.COMPARISON:
        return ""
    for product in dict.fromkeys(c.combination for c in query.topics if c.combination):
        alone = _named_apart(query, product)
        written = re.search(r"\W*".join(map(re.escape, product.split())), query.question, re.I)
        if alone and written is not None:
            generic, said = next(iter(alone.items()))
            if not _told_as_taken_with(query, written, said):
                continue
            # the generic's own name, even misspelt, needs no gloss
            same = SequenceMatcher(None, said, generic).ratio() >= SAME_NAME_RATIO
            named = generic if same else f"{generic}, the {said} named"
            name = written.group(0)
            return (
                f"{name[:1].upper()}{name[1:]} already contains {named}: taking both means "
                "taking it twice, which can pass its daily maximum; a pharmacist can check the "
                "total. "
            )
    return ""


SAME_NAME_RATIO = 0.8
"""How alike a word must be to a generic name to be that name misspelt ("acetominophen")."""
_JOINED = re.compile(r"\b(?:and|also|plus|then|with|too|as well|on top of|after|together)\b", re.I)
_EITHER = re.compile(r"\bor\b", re.I)


def _told_as_taken_with(query: Query, product: re.Match[str], said: str) -> bool:
    """True when the question asks about taking the product with the drug named apart, or
    tells them taken together ("tylenol around 8 then nyquil at 11", "the arthritis one and also
    nyquil"); not when they are alternatives ("Tylenol PM (or sometimes Benadryl)") or the
    drug is named as what the product holds ("addicted to codeine, been taking co-codamol")."""
    if _interaction_asked(query):
        return True
    other = re.search(rf"\b{re.escape(said)}\b", query.question, re.I)
    if other is None:
        return False
    start, end = sorted((product.span(), other.span()))
    gap = query.question[start[1] : end[0]]
    if len(gap) > MAX_GAP_CHARS or _EITHER.search(gap):
        return False
    return bool(_JOINED.search(gap) or _ADDED_AFTER.match(query.question, end[1]))


_ADDED_AFTER = re.compile(r"\s*(?:as well|too|also|on top|at the same time|together)\b", re.I)
"""Words right after the later-named drug that add it to the first ("…, can I take two
tablets of it as well")."""


MAX_GAP_CHARS = 80
"""How far apart a product and a drug told as taken with it may be named."""


def _named_apart(query: Query, product: str) -> dict[str, str]:
    """The ingredients of ``product`` the question also names apart from it, each with the
    word it uses ("acetaminophen": "paracetamol"), by the vocabulary or the drug table."""
    held = ingredients(product)
    by_concept = {
        c.name.lower(): c.matched
        for c in query.concepts
        if c.drug and c.name.lower() in held and c.matched and c.matched != product
    }
    by_table = {
        d.generic: word
        for word in normalise(query.question).split()
        if word not in product.split()
        for d in generic_names(word)
        if d.generic in held
    }
    return by_concept | by_table


def _why_not(inp: ComposeInput, evidence: Sequence[Evidence], listed: str) -> str:
    """The reason; ``listed`` says whether closest documents follow. A product named with one
    of its own ingredients is first said to hold it twice (:func:`_twice`)."""
    return _twice(inp.query) + _reason(inp, evidence, listed)


def _reason(inp: ComposeInput, evidence: Sequence[Evidence], listed: str) -> str:
    query = inp.query
    if inp.gated and not evidence and unrecognised(query):
        terms = ", ".join(f"“{t}”" for t in query.unknown_terms)
        return (
            f"medcite does not recognise {terms}: no vocabulary term and no indexed document "
            "uses that name, so it gives no answer rather than answer about something else. "
            f"{_check_spelling(query)}"
        )
    if _no_known_concept(query):
        return f"{_not_answered(query)} {_no_topic(query)}"
    if inp.gated and not evidence:
        return (
            f"The index has nothing on {_gated_subject(inp)}: none of the documents found is "
            f"about it, so medcite gives no answer rather than quote pages on other conditions. "
            f"{listed}"
        )
    if _interaction_asked(query):
        names = _interacting(query)
        return (
            f"The index has no source that speaks about {', '.join(names[:-1])} together with "
            f"{names[-1]}, so medcite cannot say whether they interact. {listed}"
        )
    return _not_answered(query)


def _closest(
    inp: ComposeInput,
    evidence: Sequence[Evidence],
    *,
    together: bool = True,
    in_passing: bool = False,
    pages_only: bool = False,
) -> tuple[Reference, ...]:
    """The documents an abstention lists for the reader to check, one per page (none when the
    question named no concept: its free words match papers on anything): after the topic
    gate found nothing about the question's concept, only those whose text at least names it
    ("desonide" asked: no page on alcohol *use* because both say "use"); animal or laboratory
    studies and sources older than the evidence horizon only when nothing else is left, and
    papers from outside medicine (:func:`outside_medicine`) only when nothing at all is (a
    patient told to "check" a 1977 rat study or a paper on lithium batteries learns nothing).
    For a patient's question (not one asking what studies found), a study is listed only when
    its title names the topic and it is a current study of people (:func:`_studied_by_name`):
    a paper naming amoxicillin in passing, or loading it into nanoparticles, tells someone who
    missed a dose nothing (``in_passing`` lifts this, to tell why none is listed). With
    ``pages_only``, guideline-level pages alone (for a traveller, the vaccine pages, not
    studies of fish vaccines)."""
    if _no_known_concept(inp.query):  # free words match papers on anything
        return ()
    topics = inp.query.primary_topics
    usable = [e for e in evidence if e.level is not EvidenceLevel.EXCLUDED]
    if pages_only:
        usable = [e for e in usable if e.level is EvidenceLevel.GUIDELINE]
    names, short = _name_forms(topics, lay_as_written=True)
    said = {e.hit.document.id: _Words(e.hit.document) for e in usable}
    if inp.gated and (names or short):
        usable = [e for e in usable if _mentions(said[e.hit.document.id], names, short)]
    if not in_passing and (names or short) and not _asks_for_studies(inp.query.question):
        cutoff = _cutoff_year(inp)
        usable = [
            e
            for e in usable
            if e.level is EvidenceLevel.GUIDELINE or _studied_by_name(e, names, short, cutoff)
        ]
    for other in _also_asked(inp.query) if together else ():
        forms = _name_forms((other,))
        usable = [e for e in usable if _mentions(said[e.hit.document.id], *forms)]
    if together and (drugs := _taken_together(inp.query)):
        usable = [e for e in usable if _names_two(said[e.hit.document.id], drugs)]
    usable = [e for e in usable if not outside_medicine(e.hit.document)] or usable
    usable = _not_on_the_fear(inp.query, usable)
    asked = stems(inp.query.question)
    usable = [e for e in usable if not _rare_unasked(asked, e.hit.document)]
    cutoff = _cutoff_year(inp)
    current = [e for e in usable if not non_human(e.hit.document) and not _dated(e, cutoff)]
    usable = current or usable  # animal, laboratory and decades-old papers only when alone
    pages: dict[str, Evidence] = {}
    for e in usable:
        pages.setdefault(_page(e), e)
    chosen = list(pages.values())[:MAX_CLOSEST]
    return tuple(_reference(i, e) for i, e in enumerate(chosen, start=1))


def _rare_unasked(asked: frozenset[str], doc: Document) -> bool:
    """True for a page on a genetic or rare condition (:data:`ONE_CONDITION_SITES`) the
    question (its stems, ``asked``) does not name: someone with an everyday complaint is not
    helped, only frightened, by being pointed to a rare syndrome's page."""
    focus = stems(uninverted(doc.focus or ""))
    return doc.site in ONE_CONDITION_SITES and not focus <= asked


_STUDIES_ASKED = re.compile(
    r"\b(?:stud(?:y|ies)|research\w*|trials?|evidence|scientists|papers?|literature|"
    r"meta-?analys[ie]s|systematic reviews?|associat\w*|correlat\w*|linked (?:to|with)|"
    r"link between)\b",
    re.IGNORECASE,
)


_VERSUS = re.compile(r"\b(?:versus|vs|compared (?:with|to))\b", re.IGNORECASE)


def _asks_for_studies(question: str) -> bool:
    """True when ``question`` asks what studies found in those words ("what does the research
    say", "is there evidence that …") or compares two options ("atorvastatin vs rosuvastatin"):
    then a study naming the topic in its text only (a review of statins) may be listed as
    closest. "Is benadryl safe while breastfeeding" is a patient's question, however it is
    worded: a 1977 series of head scans that names the drug in its abstract tells them
    nothing."""
    compares = evidence_question(question) and (
        weighs_options(question) or _VERSUS.search(question) is not None
    )
    return compares or _STUDIES_ASKED.search(question) is not None


def _studied_by_name(
    evidence: Evidence, names: Sequence[frozenset[str]], short: Sequence[str], cutoff: int
) -> bool:
    """True for a study whose title names the topic (one of ``names`` or ``short``), of people
    (not :func:`non_human`), within the evidence horizon (``cutoff``) and from medicine."""
    doc = evidence.hit.document
    return (
        _mentions(_Words(doc, title_only=True), names, short)
        and not non_human(doc)
        and not outside_medicine(doc)
        and not _dated(evidence, cutoff)
    )


def _name_forms(
    concepts: Sequence[QueryConcept], *, lay_as_written: bool = False
) -> tuple[list[frozenset[str]], list[str]]:
    """The concepts' names as word stems, and apart the names that are words only as written:
    short names (abbreviations), names with a one-letter word, which stems lose ("plan b" is
    no "plan"), and with ``lay_as_written`` a single word of the question's that the lay-term
    table read for a concept, whose stem means other things ("spotting" in pregnancy is no
    "spot" on the skin)."""
    names: list[frozenset[str]] = []
    short: list[str] = []
    lay = {
        c.matched
        for c in concepts
        if lay_as_written and c.via == VIA["lay"] and " " not in c.matched
    }
    for n in (n for c in concepts for n in c.names if n):
        if len(n) <= SHORT_NAME or any(len(w) == 1 for w in n.split()[1:]) or n in lay:
            short.append(n)
        elif found := stems(n):
            names.append(found)
    return names, short


ALSO_ASKED_TREES = ("C", "F03", "D", "J02", "F01.145.317", "F01.145.407.199", "G08.686.784.769")
"""MeSH trees of what a question may name beside its topic that a document listed for it must
also name: conditions, signs, mental disorders, drugs and chemicals, foods and drinks, the use
of substances (F01.145.317: "a glass of wine on metronidazole"), breastfeeding and pregnancy
(a study of ibuprofen after hip surgery says nothing of it while breastfeeding); not dosage
forms
(:data:`DOSAGE_FORMS`): "desonide ointment" asks about desonide."""
DOSAGE_FORMS = "D26"


def _also_asked(query: Query) -> tuple[QueryConcept, ...]:
    """The conditions, drugs and foods a question names beside its primary topic ("a couple of
    beers on amoxicillin", "metformin giving me diarrhea", "advil with lisinopril"): a document
    listed for the reader to check must name them too, or it does not speak of what was asked
    (a study of ibuprofen in children with asthma says nothing about lisinopril). Each
    phrase counts once, by any of its readings."""
    primary = {c.key for c in query.primary_topics}
    said = {c.matched for c in query.primary_topics}
    out: dict[str, QueryConcept] = {}
    for c in query.concepts:
        if c.role not in ("topic", "qualifier") or c.key in primary or c.matched in said:
            continue
        if c.feared:  # the asker's fear, not what the answer must speak of
            continue
        kinds = [n for n in c.tree_numbers if not n.startswith(DOSAGE_FORMS)]
        if any(n.startswith(ALSO_ASKED_TREES) for n in kinds):
            out.setdefault(c.matched, c)
    return tuple(out.values())


def _names_two(words: _Words, drugs: Sequence[QueryConcept]) -> bool:
    """True when the document names at least two of ``drugs``."""
    return sum(_mentions(words, *_name_forms((d,))) for d in drugs) >= 2


def _taken_together(query: Query) -> tuple[QueryConcept, ...]:
    """The drugs of an interaction question: a document listed for it must name two of them."""
    drugs = tuple(c for c in query.primary_topics if c.drug)
    return drugs if Facet.INTERACTIONS in query.asked and len(drugs) >= 2 else ()


def _dated(evidence: Evidence, cutoff_year: int) -> bool:
    year = evidence.hit.document.year
    return year is not None and year < cutoff_year


SHORT_NAME = 4
"""Names this short ("odd", "ms") are abbreviations: a text names them only in capitals."""


NAME_WINDOW = 12
"""Words within which a name of several words must be said for a document to name it: "eye
hemorrhage" is not named by a stroke page that says "hemorrhage" in one place and "eyes" in
another, "vitamin B12" is by a list of "B vitamins are … B12"."""


class _Words:
    """A document's title, topic and text, read once for the name checks of an abstention: as
    written, as stems (all of them, and in order), and (when a name of several words asks)
    normalised."""

    def __init__(self, doc: Document, *, title_only: bool = False) -> None:
        self.text = (
            doc.title
            if title_only
            else " ".join(
                [doc.title, doc.focus or "", *doc.synonyms, *(x.text for x in doc.sections)]
            )
        )
        self.found = stems(self.text)

    @cached_property
    def normal(self) -> str:
        return f" {normalise(self.text)} "

    @cached_property
    def ordered(self) -> tuple[str, ...]:
        """The text's word stems in order (stop words kept, as placeholders of distance)."""
        return tuple(STEMMER.analyze(self.text))

    def near(self, name: frozenset[str]) -> bool:
        """True when every stem of ``name`` occurs within :data:`NAME_WINDOW` words."""
        if not name <= self.found:
            return False
        words = self.ordered
        for start, word in enumerate(words):
            if word in name and name <= set(words[start : start + NAME_WINDOW]):
                return True
        return False


def _mentions(words: _Words, names: Sequence[frozenset[str]], short: Sequence[str] = ()) -> bool:
    """True when the document's title, topic or text names one of ``names`` (stems) or writes
    one of the ``short`` names (:func:`_written`)."""
    if any(words.near(n) for n in names if n):
        return True
    return any(_written(n, words) for n in short)


def _written(name: str, words: _Words) -> bool:
    """True when the document writes ``name``: an abbreviation in capitals as a whole word
    ("ODD", not "odds"), a name of several words as that phrase in any case ("Plan B"), a
    longer word at the start of one of its words ("headache" in "headaches", "spotting" not in
    "spots")."""
    if " " not in name.strip() and len(name) > SHORT_NAME:
        return re.search(rf"\b{re.escape(name)}", words.text, re.IGNORECASE) is not None
    if " " in name.strip():  # compared in normalised words: "type 2 diabete" is read so
        return f" {normalise(name)} " in words.normal
    return re.search(rf"\b{re.escape(name.upper())}\b", words.text) is not None
