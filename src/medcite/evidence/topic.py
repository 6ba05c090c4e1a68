"""The topic gate: a document may support an answer only when it is *about* the question's concept.

A document's concepts are read from the labels that say what it is about — its title, the
MedQuAD topic ("focus") and its synonyms, and its MeSH major headings — by the same longest-match
lookup the question gets (:func:`medcite.query.concepts.longest_spans`): "Q fever" is the concept
Q Fever, never Fever; "Sick sinus syndrome" is not Sinusitis. One addition: a drug or chemical
(MeSH tree D) named *inside* a longer label term counts too when that term is a harm the drug
causes ("Isotretinoin embryopathy" is about isotretinoin), but not when the word is part of a
disease or process name ("Iron-deficiency anemia" is not about iron, "Insulin resistance" not
about insulin).

A document is about a question concept when one of its concepts is that concept or a narrower
one (its MeSH tree number starts with one of the question concept's tree numbers): a page on
"fever of unknown origin" answers a question on fever, a page on "fever" does not answer one on
"Q fever". A patient page on a narrower kind of a symptom is on topic only when the question
says what makes it that kind ("Chest Pain" needs the chest told: see
:meth:`DocumentConcepts._names_its_kind`). Concepts are computed once per document and
process (LRU cache), with one vocabulary query for all the documents of an answer.
"""

from __future__ import annotations

import itertools
import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from medcite.evidence import child_warnings, organ_warnings
from medcite.query.abbreviations import abbreviations
from medcite.query.concepts import (
    SIGNS_PROPER_TREE,
    SIGNS_TREE,
    Span,
    anatomy_only,
    is_sign,
    longest_spans,
    names_drug,
    setting_only,
)
from medcite.query.drugs import class_pattern
from medcite.query.english import english_frequency, is_common_english
from medcite.query.groups import pregnancy_context
from medcite.query.lookups import drug_lookup
from medcite.query.vocab import Concept, Vocabulary, ngrams
from medcite.records import (
    DIAGNOSTIC_TREE,
    DRUG_CLASS_TREE,
    MIN_PARENT_DEPTH,
    Document,
    Evidence,
    EvidenceLevel,
    Query,
    QueryConcept,
    Source,
    only_under,
    parent_numbers,
)
from medcite.text import normalise, stems

CACHE_SIZE = 50_000
HARM_TREE = "C25"
"""Chemically-induced disorders: label terms in which a drug's name keeps its sense."""
NEOPLASM_TREE = "C04"
"""Neoplasms: a kind of a question's concept that a patient asking about the concept has not
asked about unless the concept is one (:attr:`DocumentConcepts.grave_numbers`)."""
KEEPS_ITS_KINDS = ("C", "F03", "D")
"""Diseases, mental disorders and drugs (signs proper aside): a narrower kind of one is on
topic without being named (:meth:`DocumentConcepts._names_its_kind`)."""
HARM_WORDS = frozenset(
    """embryopathy fetopathy toxicity poisoning overdose allergy hypersensitivity induced
    withdrawal dependence abuse addiction intoxication reaction""".split()
)
"""Last words of a curated (tree-less) label that name a harm done by the substance before."""
PRENATAL_HARM_WORDS = frozenset({"embryopathy", "fetopathy"})
"""Harm words of a label on what a substance does to an unborn child ("isotretinoin
embryopathy"): such a page is about the substance only for a question on pregnancy, or one on
the substance alone (:meth:`DocumentConcepts.without_prenatal`)."""
USE_WORDS = frozenset("use uses misuse abuse consumption intake".split())
"""Words after a substance's name that say the label is about taking it."""


@dataclass(frozen=True)
class DocumentConcepts:
    """What a document is about, as concept keys and MeSH tree numbers."""

    keys: frozenset[str]
    tree_numbers: frozenset[str]
    disease_topic: bool = False
    """True when the page's own topic (MedQuAD focus) is a disease: such a page is not about a
    body part its title merely names ("Head and Neck Cancer")."""
    topic_keys: frozenset[str] = frozenset()
    """The concepts the page's topic (MedQuAD focus) names as a whole: "Age-related macular
    degeneration" is an entry term of Macular Degeneration, so a page on it *is* about that
    concept, not a narrower one."""
    topic_numbers: frozenset[str] = frozenset()
    """The tree numbers of the concepts in ``topic_keys`` (none for a topic known only by its
    page's name, such as a rare syndrome)."""
    whole_numbers: frozenset[str] = frozenset()
    """For a topic known only by its page's name (``topic_keys`` without ``topic_numbers``;
    empty otherwise), the tree numbers of what the page's topic name names, and of its other
    names as a whole ("Candidiasis", a synonym of "Yeast Infections"), not what words inside
    another name name ("diabetes mellitus" in "diabetes mellitus, insulin-resistant, with
    acanthosis nigricans")."""
    names: frozenset[frozenset[str]] = frozenset()
    """The word sets of the page's own topic names (MedQuAD focus, its parts and synonyms): a
    question naming the topic by exactly these words asks about the page's topic, whatever
    concept the vocabulary files the words under ("yeast infection" is vulvovaginal
    candidiasis to MeSH, the "Yeast Infections" page a broader candidiasis)."""
    kinds: frozenset[frozenset[str]] = frozenset()
    """The word sets of the labels that coordinate all their items under one head ("Tetanus,
    Diphtheria, and Pertussis Vaccines"): a product of every item counts as a kind of it
    (:func:`kind_of`)."""
    label_words: frozenset[str] = frozenset()
    """Every word of the labels (normalised): a question naming a concept by an eponym asks
    about the documents that name the eponym (:func:`eponym_entry`)."""
    with_name: frozenset[str] = frozenset()
    """For a page on a rare condition named as one thing with another (:func:`named_with`), the
    words of that name (short words aside): it is about a question's concept only when the
    question names the page's condition by them (:meth:`as_asked`)."""
    syndrome_list: bool = False
    """True for a page on one genetic or rare condition named by a list of its features
    (:func:`syndrome_list`): it is about its own topic only, not each feature it lists."""
    grave_numbers: frozenset[str] = frozenset()
    """The tree numbers of the labels' neoplasms (MeSH C04, in every tree they sit in): a
    question on a broader concept that is no neoplasm ("stomach problems", Stomach Diseases) did
    not ask about "Stomach Cancer", although MeSH files it under that concept too."""
    organisms: frozenset[str] = frozenset()
    """MeSH tree numbers of the organisms (MeSH B, humans aside) any word of the labels names:
    "Spider Bites" names spiders, so it is no page on a bee sting (:func:`same_organisms`)."""
    prenatal_keys: frozenset[str] = frozenset()
    """On a page one of whose labels names a harm to an unborn child (:data:`PRENATAL_HARM_WORDS`:
    "Isotretinoin embryopathy"), the keys of the substances its labels name."""
    prenatal_numbers: frozenset[str] = frozenset()
    """The tree numbers of :attr:`prenatal_keys`."""
    asked_stems: frozenset[str] | None = None
    """The stems of the question's words, once :meth:`as_asked` has read them: a page on a
    narrower kind of a sign is about the sign only when the question says what makes it that
    kind (:meth:`_names_its_kind`)."""

    def without_prenatal(self) -> DocumentConcepts:
        """What the page is about for a question that is not on pregnancy and names more than
        a substance: a page on the birth defects isotretinoin causes does not answer whether
        alcohol is safe with it, or why lips crack on it."""
        if not self.prenatal_keys:
            return self
        return replace(
            self,
            keys=self.keys - self.prenatal_keys,
            tree_numbers=self.tree_numbers - self.prenatal_numbers,
        )

    def as_asked(self, said: frozenset[str], kind_stems: frozenset[str]) -> DocumentConcepts:
        """What the page is about for a question whose normalised words are ``said``: a page on
        a rare condition named with another (:attr:`with_name`) is about nothing the question
        asks unless the question names it ("sudden infant death with dysgenesis of the testes
        syndrome" is no page on sudden infant death). ``kind_stems`` are the stems of the words
        that may tell a narrower kind of a sign (:meth:`_names_its_kind`)."""
        if not self.with_name or self.with_name <= said:
            return replace(self, asked_stems=kind_stems)
        return DocumentConcepts(frozenset(), frozenset(), with_name=self.with_name)

    def about(self, concept: QueryConcept) -> bool:
        """True when the document is about ``concept`` or a narrower one. A body part made the
        topic only because the question named nothing more central ("a flat spot on the back
        of her head") is not what a page on a disease is about because it names the part
        ("Head and Neck Cancer"); a page on the part or its workings, or a paper naming it,
        still is."""
        if concept.promoted and concept.procedure_or_part and self.disease_topic:
            return concept.key in self.topic_keys
        if self.syndrome_list:
            own = frozenset(normalise(concept.matched).split()) in self.names
            return own or concept.key in self.topic_keys
        if eponym_entry(concept):
            return self._about_eponym(concept)
        if concept.key in self.keys or any(kind_of(concept.name, k) for k in self.kinds):
            return True
        if frozenset(normalise(concept.matched).split()) in self.names:
            return True
        narrower = self.tree_numbers
        if not _neoplasm(concept.tree_numbers):
            narrower -= self.grave_numbers
        return any(
            number.startswith(mine + ".") for mine in concept.tree_numbers for number in narrower
        ) and self._names_its_kind(concept)

    def _names_its_kind(self, concept: QueryConcept) -> bool:
        """For a sign or symptom asked (MeSH C23.888; a hernia, a polyp or a bleed keep their
        kinds), or another concept that is neither a disease nor a substance ("health",
        "stress", a body part), whether the question says what makes this page's topic a
        narrower kind of it: a page on "Chest Pain" or "Pelvic Pain" is about pain only for a
        question that names the chest or the pelvis, not for a sting when passing stool;
        "Teen Health" or "Sexual Health" is no page on a health check. A disease or a drug
        keeps its kinds ("Osteoarthritis" for arthritis, "Influenza Vaccines" for a vaccine):
        the person may have the kind without naming it. True too for a page known by no topic
        name (a paper), and before the question is read."""
        if self.asked_stems is None or not self.names:
            return True
        numbers = concept.tree_numbers
        sign = any(n.startswith(SIGNS_PROPER_TREE) for n in numbers)
        if not sign and any(n.startswith(KEEPS_ITS_KINDS) for n in numbers):
            return True
        own = stems(f"{concept.name} {concept.matched}")
        return any(_name_stems(name) - own <= self.asked_stems for name in self.names)

    def _about_eponym(self, concept: QueryConcept) -> bool:
        """A concept named by an eponym (:func:`eponym_entry`): a document naming the eponym,
        the page whose own topic is the concept, or a paper whose labels name the concept;
        not a page on another topic that lists the concept among its names, nor a narrower
        concept."""
        if set(normalise(concept.matched).split()) <= self.label_words:
            return True
        if concept.key in self.topic_keys:
            return True
        return not self.names and concept.key in self.keys


MIN_NAME_LETTERS = 4
"""Letters a word needs to be read as a person's or place's name (not "b" of "group b")."""


def eponym_entry(concept: QueryConcept) -> bool:
    """True when the question names ``concept`` by an eponym its vocabulary files under a
    broader descriptor: several words, one of them a name (no English word at all, no word of
    the descriptor's name, :data:`MIN_NAME_LETTERS` letters or more): "osgood schlatter" is an
    entry term of Osteochondrosis. The eponym names one disease, so a page on another disease
    filed under the descriptor (Kienbock disease) is no page on it
    (:meth:`DocumentConcepts._about_eponym`)."""
    return concept.via == "MeSH term" and _names_an_eponym(concept.matched, concept.name)


@lru_cache(maxsize=4096)
def _names_an_eponym(matched: str, name: str) -> bool:
    """The word test of :func:`eponym_entry`, once per phrase and name: the gate asks it of
    every document it judges."""
    words = normalise(matched).split()
    name_words = set(normalise(name).split()) | stems(name)
    return len(words) >= 2 and any(
        len(w) >= MIN_NAME_LETTERS
        and w.isalpha()
        and w not in name_words
        and not stems(w) <= name_words  # "headach" of "cluster headaches" is the name's word
        and english_frequency(w) == 0
        for w in words
    )


MAX_KIND_MODIFIERS = 1
"""Words a concept's name may add to a coordinated label and still be a kind of it."""


def kind_of(name: str, kind: frozenset[str]) -> bool:
    """True when the concept ``name`` names every item and the head of a coordinated label
    (``kind``, :func:`coordinated_kind`) and adds at most ``MAX_KIND_MODIFIERS`` words: the
    "diphtheria-tetanus-acellular pertussis vaccines" are tetanus, diphtheria and pertussis
    vaccines, which a vocabulary files as a sibling of the whole-cell product the label's own
    words name. A name missing an item ("pertussis vaccine") is no kind of it."""
    words = set(normalise(name).split())
    return kind <= words and len(words - kind) <= MAX_KIND_MODIFIERS


def labels(doc: Document) -> list[str]:
    """The texts that say what ``doc`` is about: title, MedQuAD topic and synonyms, MeSH major
    headings; a record with neither title nor major headings is read by all its MeSH
    headings (an untitled abstract still says what it is about there)."""
    found = [
        doc.title,
        doc.focus or "",
        *topic_parts(doc),
        *subject_part(doc),
        *doc.synonyms,
        *doc.mesh_major,
    ]
    if not doc.title and not doc.mesh_major:
        found += doc.mesh_terms
    return [text for text in found if text]


_CAPITALS = re.compile(r"\b[A-Z]{3,}\b")
ACRONYM_MARK = "0"
"""What an acronym that spells an English word is read as: a token no vocabulary term holds."""


def unacronymed(label: str) -> str:
    """``label`` with each acronym that spells an ordinary English word ("STING" in
    "cGAS-STING signalling", "ICE syndrome", "CLOCK gene") masked, so it is not read as the
    word (bites and stings, ice); a clinical abbreviation patients write ("AIDS",
    :func:`medcite.query.abbreviations.abbreviations`) stays. A label all in capitals is left
    as it is."""
    if label.isupper():
        return label
    known = abbreviations()

    def mask(match: re.Match[str]) -> str:
        word = match.group(0).lower()
        keep = normalise(word) in known or not is_common_english(word)
        return match.group(0) if keep else ACRONYM_MARK

    return _CAPITALS.sub(mask, label)


def nicknames(doc: Document) -> frozenset[str]:
    """The page's one-word synonyms that spell an ordinary English word or are written in
    capitals ("Ice", "Speed" for methamphetamine; "MEN", "ART"), normalised: when the page's
    topic is itself a vocabulary term, such a synonym is a street name or an acronym that
    names no second topic (see ``TopicJudge._fill``)."""
    found = set()
    for synonym in doc.synonyms:
        words = synonym.split()
        if len(words) == 1 and (synonym.isupper() or is_common_english(synonym.lower())):
            found.add(normalise(synonym))
    return frozenset(found)


_PART_MARK = re.compile(r" - |: ")


def topic_parts(doc: Document) -> list[str]:
    """The parts of a page topic named as "<heading> - <topic>" or "<topic>: <other name>"
    ("Parasites - Scabies" is about scabies; "Abortion - medical" about abortion; "Prostate
    Enlargement: Benign Prostatic Hyperplasia" about prostatic hyperplasia): each part is read
    as a label of its own, as the whole is a MedQuAD topic nothing else knows. A colon inside a
    name ("arginine:glycine amidinotransferase") splits nothing."""
    focus = doc.focus or ""
    parts = [part.strip() for part in _PART_MARK.split(focus) if part.strip()]
    return parts if len(parts) > 1 else []


MAX_SUBJECT_WORDS = 4
_WHERE_OR_WHO = re.compile(r"\s+in\s+", re.IGNORECASE)
_CHILDREN = re.compile(
    r"\b(child|children|kids?|infants?|bab(y|ies)|newborns?|teens?|adolescents?|toddlers?)\b",
    re.IGNORECASE,
)


def subject_part(doc: Document) -> list[str]:
    """The subject of a page topic that says in whom or where ("Kidney Stones in Adults",
    "HIV/AIDS in Women"): a page on the subject in some people is about the subject, as the
    whole is a topic of its own to the vocabulary, which would hide the subject's name. A page
    on the subject in children is not read so: its advice is for children, and nothing tells
    the gate the asker is a child."""
    parts = _WHERE_OR_WHO.split(doc.focus or "", maxsplit=1)
    subject = parts[0].strip()
    if len(parts) < 2 or _CHILDREN.search(parts[1]) or not subject:
        return []
    return [subject] if len(subject.split()) <= MAX_SUBJECT_WORDS else []


DISEASE_HEADS = frozenset(
    """syndrome syndromes disease diseases disorder disorders defect defects dysplasia
    dystrophy resistance insensitivity malabsorption anemia anaemia inflammation malformation
    malformations anomaly anomalies""".split()
)
"""Last words that make a topic name the name of a condition ("deficiency" is not one: a
deficiency page is about the nutrient)."""


INHERITANCE_WORDS = frozenset(
    "linked autosomal familial hereditary congenital inherited recessive dominant".split()
)
"""Words that make a deficiency a condition one is born with ("X-linked creatine deficiency",
"congenital sucrase-isomaltase deficiency"): its page is about the disorder, not the
substance a supplement or a diet gives."""


ONE_CONDITION_SITES = frozenset({"GHR", "GARD"})
"""Sites of genetic and rare conditions (MedQuAD ``site``)."""


def syndrome_list(doc: Document) -> bool:
    """True for a page on a genetic or rare condition (:data:`ONE_CONDITION_SITES`) whose name
    lists features ("Sensorineural deafness and male infertility", "Periodic fever, aphthous
    stomatitis, pharyngitis and adenitis"): one syndrome, which a patient asking about
    infertility or mouth ulcers did not ask about. An inverted name ("Hiccups, chronic") lists
    nothing."""
    focus = doc.focus or ""
    listed = bool(re.search(r"\s(?:and|&)\s", focus, re.I)) or focus.count(",") >= 2
    return doc.site in ONE_CONDITION_SITES and listed and bool(conjuncts(focus))


_NAMED_WITH = re.compile(r"\S\s+with\s+\S", re.IGNORECASE)


def _with_name(doc: Document, named: Sequence[Concept]) -> frozenset[str]:
    """The words of a :func:`named_with` page's topic name, short words aside; none for other
    pages, nor for one whose whole name is a MeSH descriptor's (``named``: the concepts the
    topic name names): "Granulomatosis with polyangiitis" is the disease itself."""
    focus = normalise(doc.focus or "")
    if not named_with(doc) or any(c.origin == "mesh" and normalise(c.name) == focus for c in named):
        return frozenset()
    return frozenset(w for w in focus.split() if len(w) > MAX_SHORT_WORD)


MAX_SHORT_WORD = 3
"""Letters of the short words ("the", "of", "and", "with") a question may leave out of a
condition's name and still name it."""


def named_with(doc: Document) -> bool:
    """True for a page on a genetic or rare condition (:data:`ONE_CONDITION_SITES`) named as
    one thing *with* another ("Sudden infant death with dysgenesis of the testes syndrome",
    "Dextrocardia with unusual facies and microphthalmia"): a condition of its own, not the one
    its first words name, even where the vocabulary files it under that one."""
    return doc.site in ONE_CONDITION_SITES and bool(_NAMED_WITH.search(doc.focus or ""))


def condition_name(doc: Document) -> bool:
    """True for a page whose topic (MedQuAD focus) is the name of a condition: a drug or
    chemical named inside it is part of that name, not the page's subject ("Thyroid hormone
    transport defect" is not about thyroid hormones, "Biotin-responsive basal ganglia disease"
    not about biotin, "X-linked immunodeficiency with magnesium defect, …" not about magnesium;
    "Vitamin B12 deficiency" is kept: a deficiency page is about the nutrient, unless it is
    inherited, :data:`INHERITANCE_WORDS`)."""
    words = normalise(doc.focus or "").split()
    if len(words) < 3:
        return False
    inherited = words[-1] == "deficiency" and not INHERITANCE_WORDS.isdisjoint(words)
    return inherited or any(w in DISEASE_HEADS for w in words[1:])


class TopicJudge:
    """Decides which documents are about a question's concepts (see module docstring)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        self._cache: OrderedDict[str, DocumentConcepts] = OrderedDict()

    @property
    def usable(self) -> bool:
        """False without a concept-aware vocabulary: then no document can be judged."""
        return self._vocabulary.concept_aware

    def concepts(self, docs: Sequence[Document]) -> dict[str, DocumentConcepts]:
        """Each document's concepts (cached by document id)."""
        missing = [d for d in docs if d.id not in self._cache]
        if missing:
            self._fill(missing)
        return {d.id: self._cache[d.id] for d in docs}

    def _fill(self, docs: Sequence[Document]) -> None:
        texts = {d.id: [unacronymed(t) for t in labels(d)] for d in docs}
        words = {i: [normalise(text).split() for text in found] for i, found in texts.items()}
        combined = {i: _combinations(found) for i, found in texts.items()}
        topics = {
            d.id: [normalise(t) for t in (d.focus or "", *topic_parts(d)[-1:]) if t] for d in docs
        }
        phrases = {p for parts in words.values() for w in parts for _s, _e, p in ngrams(w)}
        phrases.update(p for found in combined.values() for p in found)
        phrases.update(p for own in topics.values() for p in own)
        genus = {i: _genus_readings(found_words) for i, found_words in words.items()}
        phrases.update(p for readings in genus.values() for p in readings)
        found: dict[str, list[Concept]] = {}
        for concept in self._vocabulary.lookup(phrases):
            if concept.key:  # the lay table speaks for questions; documents use the vocabulary
                found.setdefault(concept.phrase, []).append(concept)
        organisms = _organism_phrases(found)
        for doc in docs:
            named = [c for t in topics[doc.id] for c in found.get(t, ()) if c.key]
            topic = frozenset(c.key for c in named)
            placed = frozenset(n for c in named for n in c.tree_numbers)
            # a page whose topic the vocabulary knows is not also about its street names
            dropped = nicknames(doc) if topic else frozenset()
            label_words = [w for w in words[doc.id] if " ".join(w) not in dropped]
            concepts = _document_concepts(label_words, found, condition_name(doc))
            whole = [c for phrase in combined[doc.id] for c in found.get(phrase, ())]
            whole += _genus_infections(genus[doc.id], found)
            kinds = frozenset(k for text in texts[doc.id] if (k := coordinated_kind(text)))
            own = (doc.focus or "", *topic_parts(doc), *doc.synonyms)
            names = frozenset(
                frozenset(n.split()) for n in map(normalise, own) if n and n not in dropped
            )
            concepts = replace(
                _prenatal(_with_drug_keys(_plus(concepts, whole), doc), label_words, found),
                topic_keys=topic,
                topic_numbers=placed,
                # only a topic known by its page's name alone is placed by its labels
                whole_numbers=_own_numbers(doc, found) if topic and not placed else frozenset(),
                disease_topic=any(map(_disease, named)) or condition_name(doc),
                syndrome_list=syndrome_list(doc),
                with_name=_with_name(doc, named),
                names=names,
                kinds=kinds,
                organisms=_organisms(label_words, organisms),
                label_words=frozenset(w for found in label_words for w in found),
            )
            self._remember(doc.id, concepts)

    def _remember(self, doc_id: str, concepts: DocumentConcepts) -> None:
        self._cache[doc_id] = concepts
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)


MAX_COORDINATED = 4
"""Labels coordinating more items than this are not expanded (see :func:`coordinated`)."""
MAX_ITEM_WORDS = 2
_COORDINATION = re.compile(r"^(?P<items>.+?,?\s+(?:and|&)\s+.+?)\s+(?P<head>[a-z]+)$", re.I)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", re.I)


def coordinated(label: str) -> list[str]:
    """The combinations a coordinated label stands for: "Tetanus, Diphtheria, and Pertussis
    Vaccines" covers the vaccines against any two or all three together ("diphtheria tetanus
    vaccines", "diphtheria tetanus pertussis vaccines" …, in every order, since vocabularies
    order the parts differently), so a page on them is about the diphtheria-tetanus vaccine too.
    Empty when the label coordinates nothing, or more than ``MAX_COORDINATED`` items, or an
    item of more than ``MAX_ITEM_WORDS`` words."""
    items, head = _coordination(label)
    return [
        " ".join((*combination, head))
        for size in range(2, len(items) + 1)
        for combination in itertools.permutations(items, size)
    ]


MAX_CONJUNCT_WORDS = 4
"""A label coordinating a longer phrase ("Do you have information about Urine and Urination") is
a question, not a list of topics."""


def coordinated_kind(label: str) -> frozenset[str] | None:
    """The normalised words of a label that coordinates all its items under one head
    (:func:`coordinated`): "Tetanus, Diphtheria, and Pertussis Vaccines" → {tetanus, diphtheria,
    pertussis, vaccine}; None for any other label."""
    items, head = _coordination(label)
    return frozenset(normalise(" ".join((*items, head))).split()) if items else None


def _coordination(label: str) -> tuple[list[str], str]:
    """The items a label coordinates under one head, and the head ("Tetanus, Diphtheria, and
    Pertussis Vaccines" → [Tetanus, Diphtheria, Pertussis], Vaccines); no items otherwise."""
    match = _COORDINATION.match(label.strip())
    if match is None:
        return [], ""
    return _items(match["items"], MAX_ITEM_WORDS), match["head"]


def conjuncts(label: str) -> list[str]:
    """The topics a label joins with "and" or commas ("Urine and Urination" → urine, urination;
    "Nausea and Vomiting"): a page on them is about each. Empty unless there are 2 to
    ``MAX_COORDINATED`` items of at most ``MAX_CONJUNCT_WORDS`` words each."""
    return _items(label, MAX_CONJUNCT_WORDS) if _CONJUNCTION.search(label) else []


def _items(text: str, max_words: int) -> list[str]:
    """The items ``text`` lists (split at commas and "and"), or none when there are fewer than
    2 or more than ``MAX_COORDINATED``, or one has more than ``max_words`` words."""
    items = [i.strip() for i in _ITEM_SPLIT.split(text.strip()) if i.strip()]
    if not 2 <= len(items) <= MAX_COORDINATED or any(len(i.split()) > max_words for i in items):
        return []
    return items


_CONJUNCTION = re.compile(r",|\s(?:and|&)\s", re.I)


def _combinations(texts: Sequence[str]) -> list[str]:
    """The normalised topics the coordinated ``texts`` stand for (:func:`coordinated`,
    :func:`conjuncts`); each counts only as a whole term ("diphtheria tetanus vaccine",
    "urine"), never by its parts, and never shadowed by the whole label (a MedQuAD topic such as
    "Urine and Urination" is a term of its own that would otherwise hide "urine")."""
    found = (c for text in texts for c in (*coordinated(text), *conjuncts(text)))
    return list(dict.fromkeys(" ".join(normalise(c).split()) for c in found))


INFECTION_HEADS = frozenset({"infection", "disease"})
"""Last words of a label naming the illness an organism causes ("Helicobacter pylori
infections")."""


def _genus_readings(labels: Sequence[list[str]]) -> dict[str, str]:
    """For each label of three words that names a species' infection ("helicobacter pylori
    infection", normalised), the genus's infection ("helicobacter infection") → the species
    ("helicobacter pylori"); see :func:`_genus_infections`."""
    return {
        f"{words[0]} {words[2]}": f"{words[0]} {words[1]}"
        for words in labels
        if len(words) == 3 and words[2] in INFECTION_HEADS
    }


def _genus_infections(readings: dict[str, str], found: dict[str, list[Concept]]) -> list[Concept]:
    """The vocabulary's infection by a genus for a label naming the infection by one of its
    species: "Helicobacter Pylori Infections", a topic the vocabulary lacks, is a page on
    Helicobacter Infections, when "helicobacter pylori" is an organism there."""
    return [
        c
        for genus, species in readings.items()
        if any(organism_numbers(o.tree_numbers) for o in found.get(species, ()))
        for c in found.get(genus, ())
    ]


ORGANISM_TREE = "B"
HUMANS_TREE = "B01.050.150.900.649.313.988.400.112.400.400"


def organism_numbers(tree_numbers: Iterable[str]) -> frozenset[str]:
    """The tree numbers of a concept that is an organism and nothing else (MeSH B), humans
    aside: a page on people names no organism that tells it apart."""
    numbers = tuple(tree_numbers)
    if not numbers or not all(n.startswith(ORGANISM_TREE) for n in numbers):
        return frozenset()
    return frozenset(n for n in numbers if not n.startswith(HUMANS_TREE))


def _organism_phrases(found: dict[str, list[Concept]]) -> dict[str, frozenset[str]]:
    """The organism tree numbers of each looked-up phrase that names organisms (read once for
    all the documents of a lookup)."""
    numbers = {
        phrase: frozenset(n for c in concepts for n in organism_numbers(c.tree_numbers))
        for phrase, concepts in found.items()
    }
    return {phrase: found_numbers for phrase, found_numbers in numbers.items() if found_numbers}


def _organisms(
    label_words: Iterable[list[str]], organisms: dict[str, frozenset[str]]
) -> frozenset[str]:
    return frozenset().union(
        *(
            organisms[phrase]
            for words in label_words
            for _s, _e, phrase in ngrams(words)
            if phrase in organisms
        )
    )


def same_organisms(concepts: DocumentConcepts, asked: frozenset[str]) -> bool:
    """False when the question names organisms (``asked``: "bee" in "a bee sting") and the
    document's labels name others of the same sort (:data:`BRANCH_DEPTH`), none of them the
    question's or a broader or narrower one:
    a page on spider bites is about a kind of bite and sting, but not the one asked about,
    while a page on insect bites and stings is (bees are insects)."""
    comparable = [
        (mine, theirs)
        for mine in asked
        for theirs in concepts.organisms
        if _branch(mine) == _branch(theirs)
    ]
    if not comparable:
        return True
    return any(mine.startswith(theirs) or theirs.startswith(mine) for mine, theirs in comparable)


BRANCH_DEPTH = 4
"""Tree-number segments that make two organisms the same sort (arthropods B01.050.500.131,
vertebrates B01.050.150.900): a bee and a spider are compared, a dog and a louse are not (a
question whether dogs get head lice names the host beside the parasite)."""


def _branch(number: str) -> str:
    return ".".join(number.split(".")[:BRANCH_DEPTH])


def _plus(concepts: DocumentConcepts, more: Sequence[Concept]) -> DocumentConcepts:
    return DocumentConcepts(
        concepts.keys | {c.key for c in more if c.key},
        concepts.tree_numbers | {n for c in more for n in c.tree_numbers},
        grave_numbers=concepts.grave_numbers | _grave_numbers(more),
    )


def _prenatal(
    concepts: DocumentConcepts, label_words: Sequence[list[str]], found: dict[str, list[Concept]]
) -> DocumentConcepts:
    """``concepts`` with the substances its labels name marked as prenatal, for a page one of
    whose labels names a harm to an unborn child ("Isotretinoin embryopathy")."""
    if not any(words and words[-1] in PRENATAL_HARM_WORDS for words in label_words):
        return concepts
    drugs = [
        c
        for words in label_words
        for _s, _e, phrase in ngrams(words)
        for c in found.get(phrase, ())
        if c.key in concepts.keys and names_drug(c.tree_numbers)
    ]
    return replace(
        concepts,
        prenatal_keys=frozenset(c.key for c in drugs),
        prenatal_numbers=frozenset(n for c in drugs for n in c.tree_numbers),
    )


def _neoplasm(tree_numbers: Iterable[str]) -> bool:
    return any(n.startswith(NEOPLASM_TREE) for n in tree_numbers)


def _grave_numbers(concepts: Iterable[Concept]) -> frozenset[str]:
    """Every tree number of the neoplasms among ``concepts``."""
    return frozenset(n for c in concepts if _neoplasm(c.tree_numbers) for n in c.tree_numbers)


def _document_concepts(
    label_words: Iterable[list[str]], found: dict[str, list[Concept]], condition: bool = False
) -> DocumentConcepts:
    """What the labels name; for a page on a ``condition`` (:func:`condition_name`), the
    drugs and chemicals inside its labels are not among them, unless a label names a harm the
    substance does ("isotretinoin embryopathy")."""
    concepts: list[Concept] = []
    for words in label_words:
        spans = longest_spans(words, found)
        named = _label_concepts(
            [c for span in spans for c in span.concepts if not _qualifies(c, words, span.end)]
        )
        named += [
            c
            for start, end, p in ngrams(words)
            for c in found.get(p, ())
            if names_drug(c.tree_numbers)
            and _drug_keeps_sense(spans, start, end, words)
            and not _qualifies(c, words, end)
        ]
        harm = bool(words) and words[-1] in HARM_WORDS  # "isotretinoin embryopathy"
        concepts += [c for c in named if not (condition and not harm and _substance(c))]
    keys = frozenset(c.key for c in concepts if c.key)
    numbers = frozenset(n for c in concepts for n in c.tree_numbers)
    return DocumentConcepts(keys, numbers, grave_numbers=_grave_numbers(concepts))


RESPONSE_WORDS = frozenset({"responsive", "resistant", "sensitive", "dependent", "unresponsive"})
"""Words that make the substance before them part of a condition's name ("Steroid-responsive
encephalopathy", "insulin-dependent diabetes", "salt-sensitive hypertension")."""


ASSOCIATION_WORDS = frozenset({"associated", "related", "linked"})
"""Words that make whatever is named before them a qualifier of the condition named after
("STING-associated vasculopathy" is no sting; "Fragile X-associated tremor/ataxia syndrome" is
not fragile X syndrome)."""


CONTAINER_WORDS = frozenset({"pack", "package", "packaging", "packet", "dispenser", "container"})
"""Nouns of a container: what is named before one names the container ("blister packs" hold
tablets; they are no blisters)."""


def _qualifies(concept: Concept, words: Sequence[str], end: int) -> bool:
    """True when ``concept``, named just before ``end``, only qualifies a condition named after
    it: a substance the condition responds to (:data:`RESPONSE_WORDS`), or anything the
    condition is associated with (:data:`ASSOCIATION_WORDS`) when a condition follows; or a
    container named after it (:data:`CONTAINER_WORDS`)."""
    after = words[end] if end < len(words) else ""
    if after in CONTAINER_WORDS:
        return True
    if after in RESPONSE_WORDS:
        return _substance(concept)
    return after in ASSOCIATION_WORDS and end + 1 < len(words)


def _label_concepts(concepts: list[Concept]) -> list[Concept]:
    """The concepts one label names; a body part named as the site of a disease in the same
    label is not what the document is about ("Small cell carcinoma of the bladder" is about a
    carcinoma, not the bladder; "Urine and urination" is about urine)."""
    if not any(_disease(c) for c in concepts):
        return concepts
    return [c for c in concepts if not anatomy_only(c)]


def _substance(concept: Concept) -> bool:
    """A drug or chemical (MeSH D, drug classes D27 aside) and nothing else."""
    numbers = concept.tree_numbers
    return bool(numbers) and all(
        n.startswith("D") and not n.startswith(DRUG_CLASS_TREE) for n in numbers
    )


def _disease(concept: Concept) -> bool:
    numbers = concept.tree_numbers
    return any(n.startswith(("C", "F03")) and not n.startswith(SIGNS_TREE) for n in numbers)


DRUG_LABEL_SOURCES = frozenset({Source.OPENFDA})
"""Sources whose documents are about the drugs their focus and synonyms name (FDA drug labels):
those names are also read with the drug table, as a question's are, so a label is about a drug
MeSH lacks ("drug:montelukast")."""


def _with_drug_keys(concepts: DocumentConcepts, doc: Document) -> DocumentConcepts:
    if doc.source not in DRUG_LABEL_SOURCES:
        return concepts
    words = [normalise(text).split() for text in (doc.focus or "", *doc.synonyms)]
    found = drug_lookup([p for w in words for _s, _e, p in ngrams(w)])
    keys = {f"drug:{c.name.lower()}" for found_concepts in found.values() for c in found_concepts}
    return replace(concepts, keys=concepts.keys | keys)


def _drug_keeps_sense(spans: Sequence[Span], start: int, end: int, words: Sequence[str]) -> bool:
    """A drug named inside a longer label term still means the drug when that term is a harm
    the substance causes (MeSH C25 chemically-induced disorders, or a curated term ending in a
    harm word: "isotretinoin embryopathy"); not when the word is part of a disease, process or
    receptor name ("iron-deficiency anemia", "insulin resistance", "acetylcholine receptor",
    an eponym); nor when its use is named (:data:`USE_WORDS`): a page on "Alcohol Use and Older
    Adults" is about alcohol. Narrower drug terms count anyway, through their tree numbers."""
    covering = next((s for s in spans if s.start <= start and end <= s.end), None)
    if covering is None or (covering.start, covering.end) == (start, end):
        return True
    if end < len(words) and words[end] in USE_WORDS:  # "Alcohol Use and Older Adults"
        return True
    numbers = [n for c in covering.concepts for n in c.tree_numbers]
    if numbers:
        return any(n.startswith(HARM_TREE) for n in numbers)
    return words[covering.end - 1] in HARM_WORDS


def unrecognised(query: Query) -> bool:
    """True when the question names an unknown term and no topic it does not merely promote."""
    return bool(query.unknown_terms) and all(c.promoted for c in query.topics)


def _setting_only(query: Query, topics: Sequence[QueryConcept]) -> bool:
    """True when the question names nothing the index knows but the setting of its complaint
    ("rolled off our bed onto the floor", ``query.concepts.setting_only``): its free words
    would match pages on anything in that setting (bed sores), so nothing is on topic."""
    return not topics and any(setting_only(c) for c in query.concepts)


def _about_any(concepts: DocumentConcepts, topics: Sequence[QueryConcept]) -> bool:
    products: dict[str, list[QueryConcept]] = {}
    for topic in topics:
        if topic.combination:
            products.setdefault(topic.combination, []).append(topic)
        elif concepts.about(topic):
            return True
    return any(all(map(concepts.about, parts)) for parts in products.values())


PROCEDURE_TIER = 4
"""The tier of a procedure or device (``query.concepts.tier``)."""


def _told_conditions(query: Query) -> tuple[str, ...] | None:
    """For a question whose topics are all procedures or devices ("after my stent", "a
    colonoscopy"), the tree numbers of every disease it names (MeSH C, none when it names
    none); None for any other question."""
    primary = query.primary_topics
    if not primary or any(t.tier != PROCEDURE_TIER for t in primary):
        return None
    return tuple(n for c in query.concepts for n in c.tree_numbers if n.startswith("C"))


def _used_for_another(
    evidence: Evidence, concepts: DocumentConcepts, told: tuple[str, ...]
) -> bool:
    """True for a study of a procedure or device in a disease the question does not name
    (stents in cerebral aneurysms, for a question after a stent in the heart): what it found
    is about that disease's patients. A patient page on the procedure stays."""
    if _page(evidence):
        return False
    diseases = [n for n in concepts.tree_numbers if n.startswith("C")]
    return any(not any(n.startswith(t) or t.startswith(n) for t in told) for n in diseases)


def _page(evidence: Evidence) -> bool:
    return evidence.hit.document.source is Source.MEDQUAD


def _own_page(
    evidence: Evidence, concepts: dict[str, DocumentConcepts], topics: Sequence[QueryConcept]
) -> bool:
    """A patient page on the topic (or a narrower one), not one on another condition named
    *with* the topic ("Autosomal recessive Charcot-Marie-Tooth disease with hoarseness" is no
    page on hoarseness)."""
    if not _page(evidence):
        return False
    if concepts[evidence.hit.document.id].topic_keys & {t.key for t in topics}:
        return True
    _, with_, sign = (evidence.hit.document.focus or "").partition(" with ")
    if not with_:
        return True
    said = stems(sign)
    return not any((w := stems(n)) and w <= said for t in topics for n in t.names if n)


def _parent_pages(
    evidence: Sequence[Evidence],
    concepts: dict[str, DocumentConcepts],
    topics: Sequence[QueryConcept],
) -> list[str]:
    """The patient pages on the concept just above a topic in the MeSH trees ("Back Pain" for
    "low back pain", "Colorectal Cancer" for colon cancer): when no page is on the topic itself,
    the page a patient would be given for it. A page on a rare syndrome known only by its
    page's name, one of whose other names says "diabetes", is no page on diabetes
    (:func:`_placed`)."""
    parents = {parent for topic in topics for parent in parent_numbers(topic.tree_numbers)}
    parents |= {heading for topic in topics for heading in _organ_headings(topic)}
    own = tuple(n for topic in topics for n in topic.tree_numbers)
    parts = all(t.promoted and t.procedure_or_part for t in topics)
    return [
        e.hit.document.id
        for e in evidence
        if _page(e)
        and parents & _placed(concepts[e.hit.document.id])
        and not _sibling(concepts[e.hit.document.id].tree_numbers, parents, own)
        and not (parts and _on_a_condition(concepts[e.hit.document.id]))
    ]


PATHOLOGY_TREE = "C23"
"""MeSH Pathological Conditions, Signs and Symptoms, all of it (signs proper are
:data:`~medcite.query.concepts.SIGNS_PROPER_TREE`)."""


def _organ_headings(topic: QueryConcept) -> frozenset[str]:
    """For a symptom that MeSH also files directly under an organ's diseases ("Toothache":
    C23 and C07.793.929 under Tooth Diseases), that heading: the patient page on the organ's
    disorders ("Tooth Disorders") is the one a patient would be given when no page is on the
    symptom itself, though the heading is too shallow to stand in for deeper concepts."""
    if not any(n.startswith(PATHOLOGY_TREE) for n in topic.tree_numbers):
        return frozenset()
    return frozenset(
        parent
        for n in topic.tree_numbers
        if not n.startswith(PATHOLOGY_TREE)
        and (parent := n.rpartition(".")[0]).count(".") == MIN_PARENT_DEPTH - 2
    )


_CANCER_NAMED = re.compile(
    r"\b(?:cancer\w*|tumou?rs?|malignan\w*|carcinoma\w*|neoplas\w*|oncolog\w*|leuka?emia|"
    r"lymphoma|melanoma|sarcoma)\b",
    re.IGNORECASE,
)


def _a_part_with_no_cancer_named(question: str, topics: Sequence[QueryConcept]) -> bool:
    """True for a question about a body part (or procedure) alone that names no cancer: a page
    on a cancer of the part ("Lip and Oral Cavity Cancer" for a bubble on the lip) is then no
    page on the part (:func:`_on_a_cancer`)."""
    return (
        bool(topics)
        and all(t.procedure_or_part for t in topics)
        and not (_CANCER_NAMED.search(question))
    )


def _on_a_cancer(concepts: DocumentConcepts) -> bool:
    """A page whose topic is a neoplasm, by its tree numbers or by a name that says so."""
    return any(n.startswith(NEOPLASM_TREE) for n in concepts.topic_numbers) or any(
        _CANCER_NAMED.search(" ".join(sorted(name))) for name in concepts.names
    )


def _on_a_condition(concepts: DocumentConcepts) -> bool:
    """A page on a disease, or on a rare condition known only by its page's name ("Split hand
    split foot malformation"): for a body part made the topic because the question named
    nothing more central ("the tip of my finger droops"), no page on the part above it
    (:meth:`DocumentConcepts.about`)."""
    return concepts.disease_topic or bool(concepts.topic_keys and not concepts.topic_numbers)


def _own_numbers(doc: Document, found: dict[str, list[Concept]]) -> frozenset[str]:
    """The tree numbers of what the page's topic name names ("What I need to know about
    Hepatitis B": hepatitis B) and of its other names taken whole ("Candidiasis" for "Yeast
    Infections"), not of words inside another name."""
    focus = [normalise(doc.focus).split()] if doc.focus else []
    whole = (c for label in doc.synonyms for c in found.get(normalise(label), ()))
    return _document_concepts(focus, found).tree_numbers | {
        n for c in whole for n in c.tree_numbers
    }


def _placed(concepts: DocumentConcepts) -> frozenset[str]:
    """Where a page's topic sits in the MeSH trees: for a topic known only by its page's name
    (a rare syndrome, "Yeast Infections"), where its labels as a whole sit ("Candidiasis"), not
    the words inside them ("diabetes mellitus, insulin-resistant, with acanthosis
    nigricans")."""
    if concepts.topic_keys and not concepts.topic_numbers:
        return concepts.whole_numbers
    return concepts.tree_numbers


def on_class(doc: Document, named: re.Pattern[str]) -> bool:
    """True when the page's topic or one of its synonyms *is* a class name (``named``,
    ``query.drugs.class_pattern``) as a whole: "Statins", not "Analgesic Nephropathy
    (Painkillers and the Kidneys)"."""
    return any(named.fullmatch(n.strip()) for n in (doc.focus or "", *doc.synonyms))


def _class_pages(
    evidence: Sequence[Evidence],
    concepts: dict[str, DocumentConcepts],
    topics: Sequence[QueryConcept],
) -> list[str]:
    """For a drug the question is about that no page is on, the patient pages on its class:
    whose topic or a synonym is the class's name ("Statins" for atorvastatin, not "Analgesic
    Nephropathy (Painkillers and the Kidneys)" for acetaminophen; ``QueryConcept.classes``).
    NIH has pages on few single drugs, and what a page says of the class holds for its
    members (``answer.class_pages.within_class`` keeps what it says of other kinds out). A page
    that names the class only in passing ("Pregnant women are treated with either aspirin or
    another anticoagulant" on a page on another condition) does not count: what it says is
    about its own topic."""
    drugs = [t for t in topics if t.classes]
    without = [
        t
        for t in drugs
        if not any(_page(e) and concepts[e.hit.document.id].about(t) for e in evidence)
    ]
    if not without:
        return []
    named = class_pattern([n for t in without for n in t.classes])
    return [
        e.hit.document.id
        for e in evidence
        if _page(e)
        and not _about_any(concepts[e.hit.document.id], topics)
        and on_class(e.hit.document, named)
    ]


def _sibling(numbers: Iterable[str], parents: set[str], own: tuple[str, ...]) -> bool:
    """True when ``numbers`` hold a concept below one of ``parents`` that is not the topic
    (``own``) or below it: a page on type 1 diabetes names diabetes too, but is a page on
    the sibling of type 2 diabetes, not on the diabetes above both."""
    return any(n.rpartition(".")[0] in parents and not n.startswith(own) for n in numbers)


RESULT_WORDS = re.compile(
    r"\b(?:levels?|results?|readings?|came back|blood ?work|labs?|high|low|elevated|raised|"
    r"normal range|out of range)\b|\d",
    re.I,
)
"""Words of a measured result: "my ALT came back 85", "ferritin level is low"."""


def _test_pages(
    question: str,
    evidence: Sequence[Evidence],
    concepts: dict[str, DocumentConcepts],
    topics: Sequence[QueryConcept],
) -> list[str]:
    """For a question telling a result of a substance measured in the body ("my ALT came back
    85"), the patient pages on a test that names it ("Liver Function Tests" lists "alanine
    transaminase (ALT)"): when no page is on the substance itself, the page a patient would be
    given for the result."""
    if not RESULT_WORDS.search(question):
        return []
    substances = [t for t in topics if t.tree_numbers and only_under(t.tree_numbers, ("D",))]
    named = _name_pattern(substances)
    if named is None:
        return []
    return [
        e.hit.document.id
        for e in evidence
        if _page(e)
        and any(n.startswith(DIAGNOSTIC_TREE) for n in concepts[e.hit.document.id].tree_numbers)
        and named.search(e.hit.document.abstract)
    ]


def _without_own_signs(
    question: str,
    topics: tuple[QueryConcept, ...],
    evidence: Sequence[Evidence],
    concepts: dict[str, DocumentConcepts],
) -> tuple[QueryConcept, ...]:
    """``topics`` without a sign or symptom named as the sign of a condition just before it
    ("croup barking cough", "shingles pain": :func:`_of_condition`) when the condition's own
    patient page lists it (the Croup page says croup causes "a barking cough"): the sign is
    what that condition causes, so a page on the sign alone (on coughs in general, with reflux
    advice) is about something else. A sign named apart from the condition stays a topic of
    its own ("a cough that won't go away after a cold", "a poison ivy rash … how do I stop the
    itching"): it is what is asked about."""
    conditions = [t for t in topics if t.may_be_condition and not t.drug and not is_sign(t)]
    signs = [t for t in topics if is_sign(t) and not t.drug]
    if not conditions or not signs:
        return topics
    words = normalise(question).split()
    listed = []
    for sign in signs:
        owners = [c for c in conditions if _of_condition(words, c.matched, sign.matched)]
        texts = [
            e.hit.document.abstract
            for e in evidence
            if _page(e) and any(map(concepts[e.hit.document.id].about, owners))
        ]
        named = _name_pattern([sign], plural=True)
        if named is not None and any(named.search(text) for text in texts):
            listed.append(sign)
    return tuple(t for t in topics if t not in listed)


SIGN_GAP = 1
"""Words that may stand between a condition and the sign it qualifies ("croup *barking*
cough")."""


def _of_condition(words: Sequence[str], condition: str, sign: str) -> bool:
    """True when the question names ``sign`` right after ``condition`` (at most
    :data:`SIGN_GAP` words between): "croup cough", "croup barking cough" name the cough of
    croup, as a compound noun does."""
    first, second = normalise(condition).split(), normalise(sign).split()
    if not first or not second:
        return False
    ends = [i + len(first) for i in range(len(words)) if words[i : i + len(first)] == first]
    starts = [i for i in range(len(words)) if words[i : i + len(second)] == second]
    return any(0 <= start - end <= SIGN_GAP for end in ends for start in starts)


def _name_pattern(concepts: Sequence[QueryConcept], plural: bool = False) -> re.Pattern[str] | None:
    """A pattern finding any of ``concepts`` by its names or the question's words for it
    (whole words, any case; ``plural``: also with an "s"), or None when they have no name."""
    names = {n.lower() for c in concepts for n in (*c.names, c.matched) if n}
    if not names:
        return None
    ending = "s?" if plural else ""
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(names)))}){ending}\b", re.I)


@dataclass(frozen=True)
class GateResult:
    """Evidence split by the topic gate."""

    on_topic: list[Evidence]
    off_topic: list[Evidence]
    applied: bool
    """False when the gate could not run (no concept recognised, or no concept vocabulary)."""
    exact: frozenset[str] = frozenset()
    """Ids of the on-topic pages whose topic is one of the question's primary topics itself, by
    any of its names (:attr:`DocumentConcepts.topic_keys`), rather than a narrower one."""
    broader: frozenset[str] = frozenset()
    """Ids of the pages on the concept just above the topic (:func:`_parent_pages`), or on a
    test that names the substance whose result is told (:func:`_test_pages`), kept because no
    page is on the topic itself."""
    names: tuple[str, ...] = ()
    """The specific names the gate required instead of concepts (:func:`specific_names`), when
    the question names no vocabulary concept."""
    found: dict[str, frozenset[str]] | None = None
    """For each of the question's primary topics (by key), the ids of the kept documents
    about it (None when the gate could not run)."""
    classes: frozenset[str] = frozenset()
    """Ids of the pages on the class of a drug no page is on (:func:`_class_pages`): only what
    they say of the drug's own kind, and on what was asked, is said of the drug
    (``answer.class_pages.within_class``)."""
    child_warnings: frozenset[str] = frozenset()
    """Ids of off-topic guideline pages that forbid one of the question's substances for
    children, for a question about a young child (``evidence.child_warnings``): only that
    statement of theirs is shown (``answer.extract.child_warnings``)."""

    organ_warnings: frozenset[str] = frozenset()
    """Ids of off-topic guideline pages that warn against the question's drug for people with
    a disease of the kidney or liver the question names with it (``evidence.organ_warnings``):
    only that statement of theirs is shown (``answer.extract.organ_warnings``)."""

    def warning_evidence(self) -> list[Evidence]:
        """The off-topic evidence of :attr:`child_warnings`."""
        return [e for e in self.off_topic if e.hit.document.id in self.child_warnings]

    def organ_warning_evidence(self) -> list[Evidence]:
        """The off-topic evidence of :attr:`organ_warnings`."""
        return [e for e in self.off_topic if e.hit.document.id in self.organ_warnings]


_CODE = re.compile(r"\b(?=[A-Za-z-]*\d)(?=[\w-]*[A-Za-z][\w-]*[A-Za-z0-9])[A-Za-z0-9][\w-]{2,}\b")
_CAPITALS_NAME = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")
_AMOUNT = re.compile(r"^\d+(?:[.,]\d+)?[a-z]{0,4}$", re.IGNORECASE)


def specific_names(question: str) -> tuple[str, ...]:
    """Names a question gives that a vocabulary may not know but a document can contain word for
    word: a gene, a variant or a product code, written with digits or in capitals ("MTHFR",
    "A1298C", "KRT14"), not an amount ("75mg", "5mm", "24yo") or a capitalised English word."""
    found = [m.group(0) for m in _CODE.finditer(question)]
    found += [m.group(0) for m in _CAPITALS_NAME.finditer(question)]
    names = [
        n
        for n in dict.fromkeys(found)
        if not _AMOUNT.match(n)
        and sum(ch.isalpha() for ch in n) >= 2
        and not is_common_english(n.lower())
    ]
    return tuple(names)


def _named_gate(evidence: Sequence[Evidence], names: Sequence[str]) -> GateResult:
    """For a question that names no concept but gives specific names, the evidence that
    contains one of them word for word (title, topic or text) is on topic, and only that."""
    found = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", re.IGNORECASE)

    on: list[Evidence] = []
    off: list[Evidence] = []
    for e in evidence:
        doc = e.hit.document
        text = " ".join((doc.title, doc.focus or "", doc.abstract))
        (on if found.search(text) else off).append(e)
    return GateResult(on, off, applied=True, names=tuple(names))


def prenatal_asked(query: Query) -> bool:
    """True when a page on a substance's harm to an unborn child may answer ``query``: it
    speaks of a pregnancy, one wished for or prevented (:func:`pregnancy_context`), or names
    one drug and nothing else ("what are the side effects of accutane")."""
    named = {c.key for c in query.concepts if c.role != "ignored"}
    drugs = {c.key for c in query.concepts if c.role == "topic" and c.drug}
    return pregnancy_context(query.question) or (len(drugs) == 1 and named == drugs)


def _joined_stems(words: frozenset[str]) -> frozenset[str]:
    """The stems of a set of words (the words of a question)."""
    return stems(" ".join(sorted(words)))


@lru_cache(maxsize=CACHE_SIZE)
def _name_stems(name: frozenset[str]) -> frozenset[str]:
    """The stems of a page's topic name, once per process (pages recur across answers)."""
    return _joined_stems(name)


def _words_of_phrases(query: Query) -> frozenset[str]:
    """The words of the question's concepts named by a phrase of several words ("back
    passage", "chest infection"): a word inside such a phrase does not tell the kind of a sign
    ("back passage" is no back for a page on back pain)."""
    return frozenset(
        word
        for c in query.concepts
        if len(words := normalise(c.matched).split()) > 1
        for word in words
    )


def gate(query: Query, evidence: Sequence[Evidence], judge: TopicJudge) -> GateResult:
    """Keep the evidence about at least one of ``query``'s primary topic concepts (the most
    central ones: a drug before the condition it is taken for, see ``query.concepts.tier``) or,
    for a drug named with a condition (``Query.drug_and_condition``), about the condition too:
    its page may say what the question asks of the drug ("do not give aspirin to children with
    a fever"), and every statement must then name both; a combination product counts only when
    the document is about every ingredient.

    A question whose only name is one nobody here knows ("what is zorbexal for my knee": only
    the knee was recognised, and only as context) has nothing on topic: the index cannot be about
    what it does not know. One that names no concept but gives specific names ("MTHFR A1298C",
    :func:`specific_names`) keeps the evidence that contains one of them."""
    topics = query.primary_topics
    pair = query.drug_and_condition
    if pair is not None and pair[1] not in topics:
        topics = (*topics, pair[1])  # the condition's page may name the drug (answer.extract)
    if (unrecognised(query) or _setting_only(query, topics)) and judge.usable:
        return GateResult([], list(evidence), applied=True)
    if not topics and judge.usable and (names := specific_names(query.question)):
        return _named_gate(evidence, names)
    if not topics or not judge.usable:
        return GateResult(list(evidence), [], applied=False)
    concepts = judge.concepts([e.hit.document for e in evidence])
    if not prenatal_asked(query):
        concepts = {doc_id: c.without_prenatal() for doc_id, c in concepts.items()}
    said = frozenset(normalise(query.question).split())
    kind_stems = _joined_stems(said - _words_of_phrases(query))
    concepts = {doc_id: c.as_asked(said, kind_stems) for doc_id, c in concepts.items()}
    topics = _without_own_signs(query.question, topics, evidence, concepts)
    asked = frozenset(n for c in query.concepts for n in organism_numbers(c.tree_numbers))
    part_only = _a_part_with_no_cancer_named(query.question, topics)
    told = _told_conditions(query)
    about = {
        e.hit.document.id: _about_any(concepts[e.hit.document.id], topics)
        and same_organisms(concepts[e.hit.document.id], asked)
        and not (part_only and _on_a_cancer(concepts[e.hit.document.id]))
        and not (told is not None and _used_for_another(e, concepts[e.hit.document.id], told))
        for e in evidence
    }
    broader: set[str] = set()
    class_own = _class_pages(evidence, concepts, topics)
    for doc_id in class_own:
        about[doc_id] = same_organisms(concepts[doc_id], asked)
    if not any(about[e.hit.document.id] and _own_page(e, concepts, topics) for e in evidence):
        for doc_id in _parent_pages(evidence, concepts, topics) + _test_pages(
            query.question, evidence, concepts, topics
        ):
            about[doc_id] = same_organisms(concepts[doc_id], asked)
            if about[doc_id]:
                broader.add(doc_id)
    on = [e for e in evidence if about[e.hit.document.id]]
    off = [e for e in evidence if not about[e.hit.document.id]]
    keys = {t.key for t in query.primary_topics}
    exact = frozenset(
        e.hit.document.id for e in on if concepts[e.hit.document.id].topic_keys & keys
    )
    found = {
        t.key: frozenset(e.hit.document.id for e in on if concepts[e.hit.document.id].about(t))
        for t in query.primary_topics
    }
    guideline_off = [e.hit.document for e in off if e.level is EvidenceLevel.GUIDELINE]
    return GateResult(
        on,
        off,
        applied=True,
        found=found,
        exact=exact,
        broader=frozenset(broader),
        classes=frozenset(d for d in class_own if about[d]),
        child_warnings=child_warnings.warning_pages(query, guideline_off),
        organ_warnings=organ_warnings.warning_pages(query, guideline_off),
    )
