"""The concepts a question names: vocabulary concepts, not loose words.

``question_concepts`` maps the question's content words to concepts of the vocabulary (MeSH
descriptors with their entry terms, MedQuAD topics with their synonyms, the shipped lay-term and
abbreviation tables, brand → generic drug names) by **longest match**: the longest phrase of the
question that is a vocabulary term wins, and its words are not looked up again on their own. Only
what the question says is mapped; a longer vocabulary term that merely *contains* a question word
("Q fever", "sick sinus syndrome" for "fever", "sinus") is never chosen, because it is not a
phrase of the question.

Each concept gets a role:

- ``topic`` — what the question is about: diseases and signs (MeSH tree C), drugs and chemicals
  (D), procedures (E), mental disorders (F03), and curated lay, abbreviation, MedQuAD-topic and
  drug-name concepts. A cited document must be about one of these (``evidence.topic``).
- ``qualifier`` — context that narrows but is not the subject on its own: anatomy (A), organisms
  (B), behaviour and processes (F01, F02, G: "pregnancy", "sleep"), health care (N) and dosage
  forms ("tablets", D26.255). When the question names no topic concept, its qualifiers become
  its topics, marked ``promoted`` ("Is it safe to exercise while pregnant?"); health-care
  administration only when nothing else was named.
- ignored — animals and humans as organisms, population groups and other non-clinical trees
  (M "white", H, I, J "bread", K, L, V, Z): shown by ``--explain`` as not used, never searched
  as a topic.

A brand that names a combination product ("Percocet") gives one concept per ingredient, each
marked with the product (``combination``): a document must be about all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from rapidfuzz.distance import Levenshtein

from medcite.query.drugs import drug_classes, mesh_id
from medcite.query.english import everyday_beside, is_common_english
from medcite.query.groups import infant_patient
from medcite.query.vocab import Concept, Vocabulary, ngrams
from medcite.records import (
    CONDITION_TREES,
    DRUG_CLASS_TREE,
    DRUG_NAME_VIA,
    QueryConcept,
    lies_under,
    only_under,
)
from medcite.text import normalise, uninverted

TOPIC_TREES = frozenset({"C", "D", "E", "F03"})
QUALIFIER_TREES = frozenset({"A", "B", "F01", "F02", "F04", "G", "N"})
DOSAGE_FORM_BRANCHES = ("D26.255",)
"""Dosage forms ("tablets", "capsules", "patch"): how a medicine is taken."""
QUALIFIER_BRANCHES = (
    *DOSAGE_FORM_BRANCHES,
    "D26.530",
    "D26.670",
    "D26.360",
    "D26.049",
    "E05.916",
    "E05.318",
    "D01.045.250.875",
    "D01.248.497.158.459.650",
    "D01.650.550.925",
    "D20.280",
)
"""Dosage forms and pharmaceutical technology ("tablets", "capsules", "patch", and the colloids
"gel", "foam", "emulsion" MeSH also files as chemicals: how a drug is taken), a drug's legal
status ("over the counter", "prescription", "generic", "controlled substance"), epidemiologic
and statistical methods ("risk", "incidence"), and water (what a pill is swallowed with, a
rinse): never what is asked about beside something else; alone, they become the topic (see
:func:`question_concepts`)."""
IGNORED_BRANCHES = ("B01.050",)
"""Animals, humans included, as organisms ("human", "people", "dog"): never what a patient asks
about. Plants (B01.650: "cannabis", "ginger") stay qualifiers."""
LAST_PROMOTED = "N"
"""Health-care administration ("schedules", "needs and demand") becomes a topic only when the
question names no other qualifier either."""
ADMINISTRATION_BRANCHES = ("N03", "N04", "N05")
"""Health care's economics, administration, quality and access ("need", "cost", "access"):
named by one everyday word, never a topic (see :func:`_promotable`). Public health (N06:
"falls") is not among them."""
SURROUNDINGS = (
    "E07.325",
    "G01",
    "J",
    "C23.550.291.781",
    "N06.230.100.083",
    "N06.850.376",
    "N06.850.780",
    "N06.850.860",
)
"""Hospital furniture, physical phenomena, everyday facilities (and their sanitation) and
"emergencies" (with :data:`SURROUNDING_HEADINGS`): named by one everyday word ("stubbed my
toe on the bed", "a red light", "the bathroom", "feeling", "is this an emergency"), the
setting of a complaint or the urgency asked, never its topic (see :func:`_promotable`)."""
RELATIVES = ("F01.829.263", "I01.880.853", "M01")
"""Family members and other persons ("my son", "my mother in law"): who a question is about,
never what; they become topics only when the question names no other qualifier either."""


def context_only(concept: QueryConcept) -> bool:
    """True for a topic promoted from a relative or a dosage form (:data:`RELATIVES`,
    :data:`DOSAGE_FORM_BRANCHES`): who is asked about, or that a medicine comes as tablets,
    names no subject ("husband 68 getting up to pee at night" is not about spouses, "don't want
    to go on tablets" not about tablets)."""
    numbers = concept.tree_numbers
    return concept.promoted and (
        only_under(numbers, RELATIVES) or only_under(numbers, DOSAGE_FORM_BRANCHES)
    )


DRUG_TREE = "D"
SIGNS_TREE = ("C23", "C10.597")
"""Pathological conditions, signs and symptoms, and the nervous system's signs (neurologic
manifestations: headache, loss of smell, numbness): what a disease named beside them causes."""
SIGNS_PROPER_TREE = "C23.888"
"""MeSH signs and symptoms proper (pain, fever, cough), not the anatomical or pathological
conditions filed beside them in C23 (a cyst, a hernia, polyps, bleeding)."""
EXPOSURE_TREE = "N06"
"""Environment and public health: a chemical also filed here is an exposure (see :func:`tier`)."""
FOOD_TREE = "J02"
"""Food and beverages: a chemical that is also a food is not a drug the question is about."""
ORGANISM_TREES = ("B03", "B04")
"""Bacteria and viruses: named in a question, they stand for the infection they cause."""
FUNGI_TREE = "B01.300"
"""Fungi in general ("fungus", "mold"): named in a question, a fungal infection."""
FUNGAL_INFECTION = "fungal infection"
VIA = {
    "mesh": "MeSH term",
    "medquad": "MedQuAD topic",
    "lay": "lay term",
    "abbreviation": "abbreviation",
    "drug": DRUG_NAME_VIA,
}
PRIORITY = ("lay", "abbreviation", "drug", "mesh", "medquad")
"""Which source decides a phrase's sense when several know it: curated tables first (they were
written to carry the consumer sense: "cold sore" is herpes labialis), then MeSH, then MedQuAD."""

ExtraLookup = Callable[[Sequence[str]], dict[str, list[Concept]]]
"""Phrase → concepts from another table (abbreviations, drug names), for the given phrases."""


@dataclass(frozen=True)
class Span:
    """A phrase of the question (word offsets into the focus words) and its concepts."""

    start: int
    end: int
    phrase: str
    concepts: tuple[Concept, ...]


def names_food(tree_numbers: Iterable[str]) -> bool:
    """True when a concept is filed as a food or drink (MeSH J02), whatever else it is."""
    return any(n.startswith(FOOD_TREE) for n in tree_numbers)


def names_drug(tree_numbers: Iterable[str]) -> bool:
    """True when a concept sits in MeSH's Chemicals and Drugs tree (D), drug classes included."""
    return any(n.startswith(DRUG_TREE) for n in tree_numbers)


def _branches(concept: Concept) -> set[str]:
    """Tree letters, with F split into its branches (F03 mental disorders is clinical)."""
    numbers = concept.tree_numbers
    return {n[:3] if n.startswith("F") else n[:1] for n in numbers} or set(concept.trees)


def _kinds(numbers: Sequence[str]) -> list[str]:
    """Tree numbers with phenomena (G) and environment (N) aside: ice is water as much as a
    phenomenon or an environmental exposure."""
    return [n for n in numbers if not n.startswith(("G", "N"))]


def role(concept: Concept) -> str:
    """``topic``, ``qualifier`` or ``ignored`` for a concept (see module docstring)."""
    if only_under(concept.tree_numbers, IGNORED_BRANCHES):
        return "ignored"
    if only_under(_kinds(concept.tree_numbers), QUALIFIER_BRANCHES):
        return "qualifier"
    branches = _branches(concept)
    if not branches or concept.origin == "drug":
        # curated or MedQuAD concept, MeSH loaded without --trees, or a medicine of the drug
        # table (it resolves medicines only: St John's wort, not ginger)
        return "topic"
    if branches & TOPIC_TREES:
        return "topic"
    if branches & QUALIFIER_TREES or "F" in branches:
        return "qualifier"
    return "ignored"


DISEASE_TIER = 2
"""The tier of a disease, drug class or curated topic (see :func:`tier`)."""


def tier(concept: Concept) -> int:
    """How central a topic concept is when a question names several (lower is more central):

    1. a specific drug (MeSH D01–D26, or a brand/generic name) — "Can I take Ambien before bed?"
       is about zolpidem, not beds — but not a food or drink (MeSH J02: "coffee"), which ranks
       with signs: "vomited something like coffee grounds" is not about coffee, nor an
       environmental exposure (also in MeSH N06: "second hand smoke"), which ranks with diseases:
       "does second hand smoke contribute to macular degeneration" is about both;
    2. a disease or mental disorder, a drug class, an environmental exposure, a curated /
       MedQuAD topic;
    3. a sign or symptom only (MeSH C23) — "pain with fibromyalgia" is about fibromyalgia;
    4. a procedure or device (MeSH E);
    5. anything else (a qualifier promoted because nothing more specific was named).
    """
    numbers = concept.tree_numbers
    drug = concept.origin == "drug"
    rules = (
        (
            only_under(numbers, QUALIFIER_BRANCHES)
            or (_chemical(numbers) and only_under(_kinds(numbers), QUALIFIER_BRANCHES)),
            5,
        ),
        (not drug and names_food(numbers), 3),
        (drug or (_chemical(numbers) and not _exposure(numbers)), 1),
        (
            not numbers
            or (_chemical(numbers) and _exposure(numbers))
            or any(
                n.startswith(("C", "F03", DRUG_CLASS_TREE)) and not n.startswith(SIGNS_TREE)
                for n in numbers
            ),
            2,
        ),
        (any(n.startswith(SIGNS_TREE) for n in numbers), 3),
        (any(n.startswith("E") for n in numbers), 4),
    )
    return next((rank for applies, rank in rules if applies), 5)


def taken_substance(concept: Concept) -> bool:
    """A drug or chemical one takes: in MeSH's drugs tree, but not a dosage form or a drug's
    legal status (:data:`QUALIFIER_BRANCHES`) nor a food or drink (:data:`FOOD_TREE`)."""
    numbers = concept.tree_numbers
    return (
        names_drug(numbers)
        and not only_under(numbers, QUALIFIER_BRANCHES)
        and not names_food(numbers)
    )


def _chemical(numbers: Sequence[str]) -> bool:
    """In MeSH's Chemicals and Drugs tree (D), drug classes (D27) aside."""
    return any(n.startswith("D") and not n.startswith(DRUG_CLASS_TREE) for n in numbers)


def _exposure(numbers: Sequence[str]) -> bool:
    """Also an environmental exposure (MeSH N06, environment and public health: "tobacco smoke
    pollution", "pesticide residues", "coal"): a substance one is exposed to, not a medicine
    taken, so it does not outrank the disease named beside it."""
    return any(n.startswith(EXPOSURE_TREE) for n in numbers)


def everyday_alias(concept: Concept) -> bool:
    """True for a MeSH topic concept (a disease, drug or procedure) or a MedQuAD page found
    through a one-word entry term or synonym that is an everyday English word and no word of
    the concept's name: "I can't bend over" names no decompression sickness, and "cracks at
    the corners of my mouth" no cocaine. The curated tables, read first, give the
    clinical senses such words have. Context concepts keep their everyday words ("feet",
    "teeth", "grapefruit"): they only weigh the ranking."""
    return (
        concept.origin in ("mesh", "medquad")
        and role(concept) == "topic"
        and everyday_beside(concept.phrase, concept.name)
    )


def _candidates(
    words: Sequence[str], vocabulary: Vocabulary, extra: Iterable[ExtraLookup]
) -> dict[str, list[Concept]]:
    phrases = [p for _s, _e, p in ngrams(list(words))]
    found: dict[str, list[Concept]] = {}
    for phrase, concepts in vocabulary.by_phrase(phrases).items():
        if kept := [c for c in concepts if not everyday_alias(c)]:
            found[phrase] = kept
    for lookup in extra:
        for phrase, concepts in lookup(phrases).items():
            found.setdefault(phrase, []).extend(concepts)
    return found | _named_without_disease(phrases, found, vocabulary)


DISEASE_HEADS = ("disease", "syndrome")
"""Words an eponymous name of several words may drop and still name the disease."""


def _named_without_disease(
    phrases: Sequence[str], found: Mapping[str, list[Concept]], vocabulary: Vocabulary
) -> dict[str, list[Concept]]:
    """A disease named after people or places without its last word ("charcot marie tooth",
    "ehlers danlos"): a phrase of two words or more, one of them no common English word, that
    is no term itself but is one with "disease" or "syndrome" after it. Everyday words never
    are: "watery diarrhea" is no watery diarrhea syndrome (VIPoma), nor "tooth" tooth
    disease."""
    unknown = [
        p
        for p in phrases
        if len(words := p.split()) >= 2
        and p not in found
        and not all(map(is_common_english, words))
    ]
    tried = {f"{p} {head}": p for p in unknown for head in DISEASE_HEADS}
    named: dict[str, list[Concept]] = {}
    for longer, concepts in vocabulary.by_phrase(list(tried)).items():
        diseases = [c for c in concepts if role(c) == "topic" and not everyday_alias(c)]
        if diseases:
            named.setdefault(tried[longer], []).extend(diseases)
    return named


def longest_spans(
    words: Sequence[str],
    found: dict[str, list[Concept]],
    apart: Callable[[str], bool] | None = None,
) -> list[Span]:
    """Non-overlapping phrases with concepts, longest first then leftmost, in question order;
    none whose words the question wrote only apart (``apart``: across the end of a
    sentence)."""
    taken: set[int] = set()
    spans: list[Span] = []
    for start, end, phrase in ngrams(list(words)):
        if phrase not in found or taken & set(range(start, end)):
            continue
        if apart is None or end - start == 1 or not apart(phrase):
            spans.append(Span(start, end, phrase, _preferred(found[phrase])))
            taken.update(range(start, end))
    return sorted(spans, key=lambda s: s.start)


def _composed(spans: list[Span], vocabulary: Vocabulary) -> list[Span]:
    """Adjacent spans whose first concept's *name* followed by the second phrase is itself a
    vocabulary term become that term: "serum hepatitis" (an entry term of Hepatitis B) +
    "vaccine" → Hepatitis B Vaccines (the words as written are no term). So do a body part
    and the disease named after it when the part's words followed by the disease's *name* are
    a term: "thyroid" + "tumor" (a lay word for neoplasms) → Thyroid Neoplasms, a page on a
    kidney tumour being no answer on it."""
    pairs: dict[int, list[str]] = {}
    for i in range(len(spans) - 1):
        first, second = spans[i], spans[i + 1]
        if first.end != second.start or not first.concepts or not second.concepts:
            continue
        pairs[i] = [normalise(f"{first.concepts[0].name} {second.phrase}")]
        if anatomy_only(first.concepts[0]) and role(second.concepts[0]) == "topic":
            pairs[i].append(normalise(f"{first.phrase} {second.concepts[0].name}"))
    if not pairs:
        return spans
    found = vocabulary.by_phrase([p for joined in pairs.values() for p in joined])
    out: list[Span] = []
    i = 0
    while i < len(spans):
        joined = next((p for p in pairs.get(i, ()) if p in found), None)
        if joined is not None:
            first, second = spans[i], spans[i + 1]
            phrase = f"{first.phrase} {second.phrase}"
            out.append(Span(first.start, second.end, phrase, _preferred(found[joined])))
            i += 2
            continue
        out.append(spans[i])
        i += 1
    return out


ANATOMY_TREE = "A"


def is_sign(concept: Concept | QueryConcept) -> bool:
    """A sign or symptom (MeSH C23)."""
    return any(n.startswith(SIGNS_TREE) for n in concept.tree_numbers)


BODY_PART_PAGE = "{} injuries and disorders"
"""How NIH names its page on what goes wrong with a body part ("Elbow Injuries and Disorders")."""


def with_body_part_pages(
    concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """A body part named with a sign or symptom ("elbow pain", "a swollen knee") in a question
    that names no disease, drug or procedure (one it says nobody has does not count) stands for
    the vocabulary's page on that part's injuries and disorders, when there is one: "pain
    outside my elbow" is about the elbow's disorders, and a page on back pain, a kind of the
    pain it names, is no answer on it. A question naming a condition ("gout in my toe") keeps
    the part as a qualifier, and so does one naming no symptom ("what is supartz for the
    knee" asks about a product), and so does one whose sign was told in a lay phrase that names
    its own part ("feet and ankles swell" is edema, a sign with its part)."""
    topics = [c for c in concepts if c.role == "topic" and not anatomy_only(c)]
    central = any(c.tier <= DISEASE_TIER for c in topics)
    parts = [c for c in concepts if anatomy_only(c) and c.role in ("topic", "qualifier")]
    signs = [c for c in topics if is_sign(c)]
    placed = any(c.via == VIA["lay"] and len(c.matched.split()) > 1 for c in signs)
    if not parts or central or not signs or placed:
        return tuple(concepts)
    wanted = {c.key: normalise(BODY_PART_PAGE.format(c.name)) for c in parts}
    return _replaced(concepts, wanted, vocabulary)


PART_DISORDERS = {
    "testis": "testicular diseases",
    "scrotum": "testicular diseases",
    "penis": "penile diseases",
    "breast": "breast diseases",
    "nails": "nail diseases",
    "mouth": "mouth diseases",
    "tongue": "tongue diseases",
    "thyroid gland": "thyroid diseases",
}
"""Body part → the vocabulary's name for what goes wrong with it, for parts whose NIH page is
not named by :data:`BODY_PART_PAGE` ("Testicular Disorders" is an entry of Testicular
Diseases). Not a part whose skin is what people mostly mean (a bump on the nose or the ear is
the skin's, not the nose's rhinitis or the ear's tinnitus)."""
_COMPLAINT = re.compile(
    r"\b(?:lumps?|lumpy|bumps?|swell\w*|swollen|pains?|painful|ach\w*|sore|hurts?|hurting|"
    r"itch\w*|rash|discharge|bleed\w*|red|redness)\b",
    re.IGNORECASE,
)
"""Words of something wrong with a body part ("a lump on my testicle", "my breast hurts")."""


MOUTH_DISEASES_TREE = "C07"
"""MeSH Stomatognathic Diseases: of the mouth, teeth and jaw."""
MOUTH_PARTS_TREE = "A14"
"""MeSH Stomatognathic System: the mouth, teeth, lips, tongue and jaw."""
_MOUTH_WORDS = frozenset(
    "mouth oral tooth teeth dental dentin enamel gum gums gingival periodontal tongue lip lips "
    "jaw".split()
)


def without_mouth_readings_elsewhere(
    concepts: Sequence[QueryConcept],
) -> tuple[QueryConcept, ...]:
    """A disease of the teeth or mouth read from words that name neither ("white spots", an
    entry term of dental caries) is no reading when the question places them on another body
    part and on none of the mouth ("white spots on his nose"): the concept is dropped."""
    parts = [c for c in concepts if anatomy_only(c)]
    if not parts or any(lies_under(c.tree_numbers, (MOUTH_PARTS_TREE,)) for c in parts):
        return tuple(concepts)
    misread = {
        c.key
        for c in concepts
        if c.role == "topic"
        and c.matched
        and c.tree_numbers
        and only_under(c.tree_numbers, (MOUTH_DISEASES_TREE,))
        and not set(c.matched.split()) & _MOUTH_WORDS
        and set(normalise(c.name).split()) & _MOUTH_WORDS
    }
    return tuple(c for c in concepts if c.key not in misread)


def with_part_disorders(
    question: str, concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """A body part that is the question's only topic, told with something wrong with it ("a
    pea-sized lump on my testicle"), stands for the diseases of that part
    (:data:`PART_DISORDERS`), whose page says what such a complaint may be and when to be
    seen: not a page on a rare syndrome, or a paper on the part's workings, that names it.
    Not a place beside the part ("a lump behind his ear"), nor a baby's part, whose changes
    the adult pages do not speak of (a newborn's swollen breasts)."""
    topics = [c for c in concepts if c.role == "topic"]
    if not topics or not all(anatomy_only(c) and c.promoted for c in topics):
        return tuple(concepts)
    if not _COMPLAINT.search(question) or infant_patient(question):
        return tuple(concepts)
    text = normalise(question)
    wanted = {
        c.key: normalise(PART_DISORDERS[c.name.lower()])
        for c in topics
        if c.name.lower() in PART_DISORDERS and not _beside(text, c.matched)
    }
    return _replaced(concepts, wanted, vocabulary) if wanted else tuple(concepts)


_BESIDE = r"(?:behind|near|under|below|beneath|above|around|next to|in front of|beside)"


def _beside(text: str, part: str) -> bool:
    """True when the normalised question places something beside ``part`` ("behind my ear")."""
    if not part:
        return False
    pattern = rf"\b{_BESIDE} (?:\w+ )?{re.escape(part)}"
    return bool(re.search(pattern, text))


def _replaced(
    concepts: Sequence[QueryConcept], wanted: dict[str, str], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """``concepts`` with each concept whose key ``wanted`` maps to a vocabulary phrase replaced
    by that phrase's preferred concept, as a topic named by the same words (unchanged when the
    vocabulary does not know the phrase)."""
    found = vocabulary.by_phrase(wanted.values())
    out: list[QueryConcept] = []
    for concept in concepts:
        named = found.get(wanted.get(concept.key, ""))
        chosen = _preferred(named)[0] if named else None
        out.append(
            _query_concept(chosen, concept.matched, "topic", False, None) if chosen else concept
        )
    return tuple(out)


DIABETES = frozenset(
    {"diabetes mellitus", "diabetes mellitus, type 1", "diabetes mellitus, type 2"}
)
"""The vocabulary's names of diabetes."""
DIABETES_COMPLICATIONS = {
    "eye": "diabetic retinopathy",
    "retina": "diabetic retinopathy",
    "foot": "diabetic foot",
    "kidney": "diabetic nephropathies",
    "peripheral nerves": "diabetic neuropathies",
}
"""Body part → what diabetes does to it, by the vocabulary's names."""


def with_diabetes_complications(
    concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """A body part named beside diabetes ("as a diabetic, how often should my eyes be
    checked", "diabetes and looking after my feet") stands for what diabetes does to that part
    (diabetic retinopathy, the diabetic foot …), whose pages answer the question; the question
    keeps diabetes too. Not when it names another disease ("diabetic with a cataract")."""
    topics = [c for c in concepts if c.role == "topic" and not anatomy_only(c)]
    if not any(c.name.lower() in DIABETES for c in topics):
        return tuple(concepts)
    others = [c for c in topics if c.name.lower() not in DIABETES and c.tier <= DISEASE_TIER]
    parts = {
        c.key: DIABETES_COMPLICATIONS[c.name.lower()]
        for c in concepts
        if anatomy_only(c) and c.name.lower() in DIABETES_COMPLICATIONS
    }
    if others or not parts:
        return tuple(concepts)
    return _replaced(concepts, parts, vocabulary)


PART_DISEASES = {
    "joints": "joint diseases",
    "kidney": "kidney diseases",
    "liver": "liver diseases",
    "lung": "lung diseases",
    "heart": "heart diseases",
    "brain": "brain diseases",
    "bone and bones": "bone diseases",
    "peripheral nerves": "peripheral nervous system diseases",
}
"""Body part → the diseases of that part, by the vocabulary's names. A part on the skin's
surface (knee, face) is no entry: a skin disease "on my knees" is still the skin disease."""
INJURIES_TREE = "C26"
"""Wounds and injuries: a bruise beside a heart rhythm is no bruise of the heart."""
NOT_HUMAN_DISEASE_TREES = ("C22", "C24", "E")
"""Animal diseases, diseases of an exposure at work (which the question would name) and
experimental models: no reading of a patient's question."""


def with_disease_complications(
    question: str, concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """A disease named beside a part it does not itself affect ("psoriasis, and now my finger
    joints are swollen", "lupus and my kidneys"), or beside a complaint of that part ("joint
    pain"), stands for the one disease the vocabulary files both under the named disease and
    among the part's diseases (psoriatic arthritis, lupus nephritis); the question keeps the
    named disease too. Unchanged when no such disease, or more than one, exists, and for a
    part told as where the disease is ("sarcoidosis in my lungs": the disease itself)."""
    diseases = [
        c
        for c in concepts
        if c.role == "topic"
        and c.tier <= DISEASE_TIER
        and only_under(c.tree_numbers, "C")
        and not lies_under(c.tree_numbers, (*SIGNS_TREE, INJURIES_TREE))
    ]
    if len(diseases) != 1:
        return tuple(concepts)
    branches = _part_branches(vocabulary)
    wanted: dict[str, str] = {}
    for concept in concepts:
        branch = _part_named(concept, branches)
        if (
            branch is None
            or concept is diseases[0]
            or _told_as_site(question, diseases[0], concept)
        ):
            continue
        found = _complication(diseases[0], branch, vocabulary)
        if found:
            wanted[concept.key] = found
    return _replaced(concepts, wanted, vocabulary) if wanted else tuple(concepts)


def _told_as_site(question: str, disease: QueryConcept, part: QueryConcept) -> bool:
    """True when ``part`` is told as where ``disease`` is ("sarcoidosis in my lungs", "the
    lungs' sarcoidosis" aside): the part right after the disease, behind "in", "on" or "of"."""
    if not disease.matched or not part.matched:
        return False
    sited = re.compile(
        rf"\b{re.escape(disease.matched)}\W+(?:\w+\W+){{0,2}}?(?:in|on|of) "
        rf"(?:my|his|her|their|the|both) (?:\w+ )?{re.escape(part.matched)}",
        re.IGNORECASE,
    )
    return bool(sited.search(normalise(question)))


def _part_branches(vocabulary: Vocabulary) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The tree numbers of each part of :data:`PART_DISEASES` → those of its diseases."""
    named = vocabulary.concepts_named([*PART_DISEASES, *PART_DISEASES.values()])
    return {
        named[part].tree_numbers: named[diseases].tree_numbers
        for part, diseases in PART_DISEASES.items()
        if part in named and diseases in named
    }


def _part_named(
    concept: QueryConcept, branches: Mapping[tuple[str, ...], tuple[str, ...]]
) -> tuple[str, ...] | None:
    """The disease tree numbers of the part ``concept`` names: a body part at or below one of
    :data:`PART_DISEASES`, or a sign filed among that part's diseases (arthralgia)."""
    mine = concept.tree_numbers
    for part, diseases in branches.items():
        if anatomy_only(concept) and _at_or_under(mine, part):
            return diseases
        if lies_under(mine, diseases) and lies_under(mine, SIGNS_TREE):
            return diseases
    return None


def _at_or_under(numbers: Sequence[str], broader: Sequence[str]) -> bool:
    """True when one of the tree ``numbers`` is one of ``broader`` or lies under one."""
    return bool(set(numbers) & set(broader)) or lies_under(numbers, broader)


def _complication(
    disease: QueryConcept, branch: Sequence[str], vocabulary: Vocabulary
) -> str | None:
    """The one human disease filed under ``disease`` and also under ``branch``, unless
    ``disease`` itself is filed there (hepatitis is already a liver disease)."""
    if _at_or_under(disease.tree_numbers, branch):
        return None
    found = [
        normalise(uninverted(name))
        for name, numbers in vocabulary.filed_under(disease.tree_numbers).items()
        if lies_under(numbers, branch)
        and not any(n.startswith(NOT_HUMAN_DISEASE_TREES) for n in numbers)
    ]
    return found[0] if len(found) == 1 else None


SHARPS_INJURY = "needlestick injuries"
"""The vocabulary's name for a wound from a needle or another sharp."""
_SHARPS_WOUND = re.compile(
    r"\b(?:stuck|pricked|poked|jabbed|stabbed|stepped on)\b(?:\W+[\w']+){0,8}?\W+"
    r"(?:needles?|syringes?|lancets?|sharps)\b",
    re.IGNORECASE,
)
_SHARP_WORDS = frozenset("needle syringe pen lancet sharp".split())


def with_sharps_injury(
    question: str, concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """A wound from a sharp told in words ("I stuck myself with a used insulin needle") is a
    needle-stick injury, the question's topic; a drug named as what the sharp held ("insulin
    needle", "insulin pen") and the sharp itself only describe it (qualifiers)."""
    told = _SHARPS_WOUND.search(question)
    if not told:
        return tuple(concepts)
    said = normalise(told.group(0))
    added = _told_topics((SHARPS_INJURY,), said, "a wound from a sharp", concepts, vocabulary)
    if added is None:
        return tuple(concepts)
    words = normalise(question).split()
    held = {
        c.key
        for c in concepts
        if (c.drug and _before_sharp(c.matched, words)) or c.matched in _SHARP_WORDS
    }
    kept = tuple(
        c.model_copy(update={"role": "qualifier"}) if c.key in held and c.role == "topic" else c
        for c in concepts
    )
    return (*kept, *added)


CAREGIVERS = "caregivers"
"""The vocabulary's name for the people who look after someone ill or disabled."""
_CARING_FOR = re.compile(
    r"\b(?:looking after|look after|looked after|caring for|care for|cared for|taking care of|"
    r"take care of|(?:the |his |her |their )?(?:full[- ]time |main |sole |only )?(?:carer|"
    r"caregiver) (?:for|to|of))\s+(?:my|our)\s+(?:\w+\s+)?(?:husband|wife|partner|mum|mom|"
    r"mother|dad|father|parents?|son|daughter|child|kids?|grandmother|grandfather|grandma|"
    r"grandpa|nan|brother|sister|in-laws?|mother[- ]in[- ]law|father[- ]in[- ]law)\b",
    re.IGNORECASE,
)
_CARER_STRAIN = re.compile(
    r"\b(?:exhausted|burn(?:ed|t)? ?out|overwhelmed|(?:can'?t|cannot|not) cop(?:e|ing)|"
    r"struggling|stressed|guilt\w*|resent\w*|snap(?:ping|ped)? at|cry(?:ing)?|cries|"
    r"at the end of my (?:tether|rope)|worn out|drained|breaking point|no time for (?:myself|me)|"
    r"no life of my own|lost my temper)\b",
    re.IGNORECASE,
)


def with_carer_strain(
    question: str, concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """A carer telling their own strain ("I've looked after my husband with Parkinson's for
    years and I'm exhausted, I cry most days") asks about themselves: caregiving is the topic,
    and the illness of the person cared for, or the tiredness told, only describes it
    (qualifiers), so the answer is not the illness's page."""
    caring = _CARING_FOR.search(question)
    if not caring or not _CARER_STRAIN.search(question):
        return tuple(concepts)
    said = normalise(caring.group(0))
    added = _told_topics((CAREGIVERS,), said, "a carer's own strain", concepts, vocabulary)
    if added is None:
        return tuple(concepts)
    kept = tuple(
        c.model_copy(update={"role": "qualifier"}) if c.role == "topic" else c for c in concepts
    )
    return (*kept, *added)


def _told_topics(
    names: Sequence[str],
    said: str,
    via: str,
    concepts: Sequence[QueryConcept],
    vocabulary: Vocabulary,
) -> list[QueryConcept] | None:
    """The vocabulary's concepts for ``names``, as topics the question tells in its own words
    (``said``, mapped ``via`` a story rather than a term), leaving out those already among
    ``concepts``; None when the vocabulary knows none of the names."""
    found = vocabulary.by_phrase([normalise(n) for n in names])
    if not found:
        return None
    keys = {c.key for c in concepts}
    meant = [_preferred(found[p])[0] for p in map(normalise, names) if p in found]
    return [
        _query_concept(c, said, "topic", False, None).model_copy(update={"via": via})
        for c in meant
        if c.key not in keys
    ]


ORAL_CONTRACEPTIVES = "oral contraceptives"
"""The vocabulary's name for the contraceptive pill."""
_THE_PILL = re.compile(
    r"\b(?:the|my|her|your|(?:mini|combined|active|sugar)[- ]) ?pills?\b",
    re.IGNORECASE,
)
_CONTRACEPTION_TOLD = re.compile(
    r"\b(?:protected|unprotected|protection|pregnan\w*|sex|condoms?|contracept\w*|periods?|"
    r"bleed(?:ing)?|spotting|morning after|emergency contraception|packet|pack|break week|"
    r"pill[- ]free|placebo)\b",
    re.IGNORECASE,
)


def with_the_pill(
    question: str, concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """ "The pill", or "my pill" told beside protection, pregnancy, sex or periods ("forgot my
    pill last night, am I still protected?"), is the contraceptive pill: the question's topic.
    A reading of the words as taking medicines on time (medication adherence) only describes
    it (a qualifier)."""
    told = _THE_PILL.search(question)
    if not told or not _CONTRACEPTION_TOLD.search(question):
        return tuple(concepts)
    if any(c.drug and c.role == "topic" and "pill" not in c.matched for c in concepts):
        return tuple(concepts)  # a medicine named by name is what the pill is
    said = normalise(told.group(0))
    added = _told_topics(
        (ORAL_CONTRACEPTIVES,), said, "the contraceptive pill", concepts, vocabulary
    )
    if added is None:
        return tuple(concepts)
    kept = tuple(
        c.model_copy(update={"role": "qualifier"})
        if c.role == "topic" and "pill" in c.matched.split()
        else c
        for c in concepts
    )
    return (*kept, *added)


WALKING_PAIN = ("intermittent claudication", "peripheral arterial disease")
"""The vocabulary's names for leg pain that comes on walking and goes with rest, and for the
disease it is the sign of."""
_LEG_PAIN = (
    r"\b(?:calf|calves|leg|legs|thigh|thighs|buttocks?)\b[^.?!]{0,40}?\b(?:cramp\w*|hurt\w*|"
    r"pain\w*|ache\w*|aching|burn\w*|tight\w*)\b"
    # "cramp in my calf"
    r"|\b(?:cramp\w*|pain\w*|ache\w*|aching|burn\w*)\b (?:in|down) (?:my |his |her |the |both )?"
    r"(?:calf|calves|leg|legs|thigh|thighs|buttocks?)\b"
)
_WALKING = r"\b(?:walk\w*|blocks?|hills?|stairs)\b"
_RESTING = (
    r"\b(?:have|has|had|need|needs) to (?:stop|rest|sit|stand)\b|\b(?:stop\w*|rest\w*|sit\w*|"
    r"stand\w*)\W+(?:\w+\W+){0,6}?(?:goes away|go away|fine|better|eases|settles|passes)\b"
    # "goes off when I stop"
    r"|\b(?:goes|go|wears|eases|settles|passes|disappears|fades)(?: off| away)? (?:when|if|once|"
    r"as soon as|after) (?:i|he|she|you|we|they) (?:stop|rest|sit|stand)"
)
_PAIN_ON_WALKING = re.compile(
    rf"^(?=[\s\S]*{_WALKING})(?=[\s\S]*(?:{_RESTING}))[\s\S]*?(?P<pain>{_LEG_PAIN})", re.IGNORECASE
)


def with_walking_pain(
    question: str, concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """Leg pain told as coming on walking and going with rest ("after 2 blocks my calf cramps
    up and I have to stop, then it's fine") is intermittent claudication, and the question is
    also about peripheral arterial disease, whose sign it is: both become topics, and the cramp
    or pain it is told as becomes a qualifier (a page on muscle cramps, or a rare syndrome
    named with them, is no answer on it)."""
    told = _PAIN_ON_WALKING.search(question)
    if not told:
        return tuple(concepts)
    said = normalise(told.group("pain"))
    via = "leg pain on walking, eased by rest"
    added = _told_topics(WALKING_PAIN, said, via, concepts, vocabulary)
    if added is None:
        return tuple(concepts)
    kept = tuple(
        c.model_copy(update={"role": "qualifier"}) if c.role == "topic" and is_sign(c) else c
        for c in concepts
    )
    return (*kept, *added)


def _before_sharp(phrase: str, words: Sequence[str]) -> bool:
    """True when ``phrase`` is said just before a sharp's name ("insulin needle")."""
    size = len(phrase.split())
    return any(
        " ".join(words[i : i + size]) == phrase
        and i + size < len(words)
        and words[i + size] in _SHARP_WORDS
        for i in range(len(words) - size)
    )


def anatomy_only(concept: Concept | QueryConcept) -> bool:
    """A body part (MeSH A) and nothing else."""
    return only_under(concept.tree_numbers, ANATOMY_TREE)


def _infections(spans: list[Span], vocabulary: Vocabulary) -> list[Span]:
    """A bacterium or virus named alone stands for the infection it causes when the vocabulary
    has "<name> infections" ("hantavirus" → Hantavirus Infections), or for NIH's page named for
    it ("Pinworms"): people ask about the illness, not the organism. Fungi in general ("is that
    fungus?") stand for a fungal infection."""
    wanted = {
        i: _infection_name(span.concepts)
        for i, span in enumerate(spans)
        if span.concepts
        and (all(map(_organism, span.concepts)) or any(map(_animal_page, span.concepts)))
    }
    if not wanted:
        return spans
    found = vocabulary.by_phrase(wanted.values())
    out = list(spans)
    for i, phrase in wanted.items():
        span = spans[i]
        if phrase in found:
            out[i] = Span(span.start, span.end, span.phrase, _preferred(found[phrase]))
        elif any(map(_animal_page, span.concepts)):
            out[i] = Span(span.start, span.end, span.phrase, _as_pages(span.concepts))
    return out


SITE_PREFIX = 5
"""Letters a site word and the word of a narrower term must share ("colon" in colonoscopy and
colonic)."""


def _sited(spans: list[Span], vocabulary: Vocabulary) -> list[Span]:
    """A general condition named beside the one place it is becomes the narrower condition of
    that place: "polyps" in a question about a colonoscopy are colonic polyps, not polyps of the
    gallbladder or nose. The place is the question's only body part or procedure; the narrower
    term must be a vocabulary term "<place> <name>" (the place as written, or, for a one-word
    place, a vocabulary word sharing its first letters: colonoscopy → colonic), sit under the
    general concept in MeSH's trees, and be the only such term. With several places named
    ("burning hands, and I rubbed my eye") the condition stays general."""
    places = [span for span in spans if _site(span)]
    if len(places) != 1:
        return spans
    place = places[0].phrase
    out = list(spans)
    for i, span in enumerate(spans):
        general = _general(span)
        if general is None or span is places[0]:
            continue
        narrower = _narrower_at(general, span.phrase, place, vocabulary)
        if len(narrower) == 1:
            out[i] = Span(span.start, span.end, span.phrase, narrower)
    return out


SITE_TREES = ("A", "E")
"""MeSH Anatomy and Analytical, Diagnostic and Therapeutic Techniques: a body part or a
procedure on one says where a condition is (a colonoscopy, the colon)."""


def _site(span: Span) -> bool:
    return any(only_under(c.tree_numbers, SITE_TREES) for c in span.concepts)


def _general(span: Span) -> Concept | None:
    """The span's one condition when it is a single word with MeSH tree numbers (a general name
    such as "polyps" or "cyst"), else None."""
    if len(span.concepts) != 1 or " " in span.phrase:
        return None
    concept = span.concepts[0]
    if not concept.tree_numbers or role(concept) != "topic" or names_drug(concept.tree_numbers):
        return None
    return concept


NEWBORN_WORDS = frozenset({"newborn", "neonate", "neonatal", "neonat"})
"""Words (normalised) that say the question is about a baby in its first weeks."""
NEWBORN_FORMS = ("neonatal {}", "{} neonatal", "{} newborn", "newborn {}")
"""How the vocabulary names a condition of the newborn ("jaundice, neonatal", "neonatal
sepsis", "respiratory distress syndrome, newborn"), as phrases to look up."""


def _of_newborns(spans: list[Span], words: Sequence[str], vocabulary: Vocabulary) -> list[Span]:
    """A general condition asked of a newborn becomes the newborn's condition when the
    vocabulary has one under it: "jaundice in newborns" is neonatal jaundice, not the
    inherited jaundice of adults MeSH files under jaundice too."""
    if NEWBORN_WORDS.isdisjoint(words):
        return spans
    out = list(spans)
    for i, span in enumerate(spans):
        general = _general(span)
        if general is None:
            continue
        names = sorted({span.phrase, normalise(general.name)})
        wanted = [form.format(name) for form in NEWBORN_FORMS for name in names]
        # MeSH files some under a sibling ("jaundice, neonatal" under neonatal
        # hyperbilirubinemia): the name then says it is the condition's newborn form
        general_words = set(normalise(general.name).split())
        found = {
            c.key: c
            for c in vocabulary.lookup(wanted)
            if c.key
            and role(c) == "topic"
            and (
                lies_under(c.tree_numbers, general.tree_numbers)
                or general_words <= set(normalise(c.name).split())
            )
        }
        if len(found) == 1:
            out[i] = Span(span.start, span.end, span.phrase, _preferred(list(found.values())))
    return out


def _narrower_at(
    general: Concept, phrase: str, place: str, vocabulary: Vocabulary
) -> tuple[Concept, ...]:
    names = {phrase, normalise(general.name)}
    modifiers = {place}
    if " " not in place and len(place) >= SITE_PREFIX:
        modifiers.update(vocabulary.words_beginning(place[:SITE_PREFIX], SITE_PREFIX, 14))
    wanted = [f"{m} {n}" for m in sorted(modifiers) for n in sorted(names)]
    found: dict[str, Concept] = {}
    for concept in vocabulary.lookup(wanted):
        if concept.key and lies_under(concept.tree_numbers, general.tree_numbers):
            found.setdefault(concept.key, concept)
    return _preferred(list(found.values())) if len(found) == 1 else ()


ANIMAL_TREE = "B01.050"
"""MeSH Animals: the worms, lice and mites NIH names its pages on infestations after."""


def _animal_page(concept: Concept) -> bool:
    """NIH's page named for an animal ("Pinworms", filed under the worm in MeSH); a plant's
    page ("Marijuana", under Cannabis) is about using the plant and stays a substance."""
    return concept.origin == "medquad" and only_under(concept.tree_numbers, ANIMAL_TREE)


def _as_pages(concepts: Sequence[Concept]) -> tuple[Concept, ...]:
    """An organism NIH has a health page for ("Pinworms") is that page's topic, the infection,
    not the animal: its MedQuAD reading loses the organism's tree numbers, so it ranks as a
    disease, and the MeSH reading of the animal goes."""
    return tuple(replace(c, trees="", tree_numbers=()) for c in concepts if _animal_page(c))


def _organism(concept: Concept) -> bool:
    return only_under(concept.tree_numbers, ORGANISM_TREES) or (
        concept.tree_numbers == (FUNGI_TREE,)
    )


def _infection_name(concepts: Sequence[Concept]) -> str:
    """The phrase naming the infection an organism causes."""
    if all(c.tree_numbers == (FUNGI_TREE,) for c in concepts):
        return FUNGAL_INFECTION
    return normalise(f"{concepts[0].name} infections")


def _preferred(concepts: Sequence[Concept]) -> tuple[Concept, ...]:
    """The concepts of the most trusted source that knows the phrase, one per concept key;
    within MeSH, clinical senses before others ("cold": common cold before cold temperature).
    A MeSH concept outside the clinical trees that is also a MedQuAD topic ("marijuana": the
    plant Cannabis, and NIH's page "Marijuana") is read as the MedQuAD topic: a health topic."""
    best = min(_rank(c) for c in concepts)
    chosen = [c for c in concepts if _rank(c) == best]
    chosen.sort(key=lambda c: ("topic", "qualifier", "ignored").index(role(c)))
    if best == PRIORITY.index("mesh") and role(chosen[0]) == "topic":
        chosen = [c for c in chosen if role(c) == "topic"]
    elif best == PRIORITY.index("mesh"):  # a plant or body substance that is also a health topic
        keys = {c.key for c in chosen}
        pages = [c for c in concepts if c.origin == "medquad" and c.key in keys]
        chosen = pages or chosen
    unique: dict[str, Concept] = {}
    for concept in chosen:
        unique.setdefault(concept.key or concept.name.lower(), concept)
    return tuple(unique.values())


def _rank(concept: Concept) -> int:
    return PRIORITY.index(concept.origin) if concept.origin in PRIORITY else len(PRIORITY)


def _resolved(span: Span, vocabulary: Vocabulary) -> list[Concept]:
    """Lay-table and other curated concepts carry clinical *names*: give each the vocabulary's
    concept key and tree numbers where the vocabulary has that name."""
    curated = [c for c in span.concepts if not c.key]
    known = vocabulary.concepts_named(c.name for c in curated) if curated else {}
    return [_with_key(c, span.phrase, known.get(c.name)) for c in span.concepts]


def _with_key(concept: Concept, phrase: str, match: Concept | None) -> Concept:
    """A curated name resolved to its vocabulary concept. When the name is only an entry term
    folded into a broader descriptor ("facial myokymia" in Facial Nerve Diseases), the key is
    kept but not the tree numbers: the question is about the named thing, not everything under
    the broader heading (facial paralysis). A medicine's other spelling whose descriptor is the
    medicine's own (``drug_mesh.tsv``: aciclovir → Acyclovir) takes the descriptor's name."""
    if match is not None:
        # a drug's other spelling ("aciclovir" for acyclovir) is the drug itself
        same_drug = (
            concept.origin == "drug"
            and mesh_id(concept.name) == match.key
            and spelling_variant(normalise(concept.name), normalise(match.name))
        )
        # a heading in MeSH's inverted order ("Depression, Postpartum") is the name itself
        same_name = normalise(concept.name) in {
            normalise(match.name),
            normalise(uninverted(match.name)),
        }
        if same_drug or same_name:
            return Concept(
                phrase, match.name, match.trees, concept.origin, match.key, match.tree_numbers
            )
        return Concept(phrase, concept.name, match.trees, concept.origin, match.key, ())
    if concept.key:
        return concept
    key = f"{concept.origin}:{concept.name.lower()}"
    return Concept(phrase, concept.name, concept.trees, concept.origin, key, concept.tree_numbers)


MAX_SPELLING_EDITS = 2
"""Letters two spellings of one name may differ by ("aciclovir"/"acyclovir",
"cefalexin"/"cephalexin"); a prefix or a salt ("escitalopram", "venlafaxine hydrochloride")
makes another name."""


def spelling_variant(first: str, second: str) -> bool:
    """True when ``first`` and ``second`` are at most :data:`MAX_SPELLING_EDITS` single-letter
    edits apart and differ in length by at most one."""
    if abs(len(first) - len(second)) > 1:
        return False
    edits = Levenshtein.distance(first, second, score_cutoff=MAX_SPELLING_EDITS)
    return edits <= MAX_SPELLING_EDITS


def _query_concept(
    concept: Concept, matched: str, role_: str, promoted: bool, combination: str | None
) -> QueryConcept:
    names = tuple(dict.fromkeys([concept.name.lower(), matched]))
    drug = concept.origin == "drug" or names_drug(concept.tree_numbers)
    return QueryConcept(
        key=concept.key,
        name=concept.name,
        matched=matched,
        via=VIA.get(concept.origin, concept.origin),
        role=role_,
        tier=tier(concept),
        tree_numbers=concept.tree_numbers,
        names=names,
        drug=drug,
        promoted=promoted,
        combination=combination,
        classes=drug_classes(concept.name) if drug else (),
    )


def _combination(span: Span) -> str | None:
    """The product a span names when it maps to several drugs (a combination brand)."""
    drugs = {c.name.lower() for c in span.concepts if c.origin == "drug"}
    return span.phrase if len(drugs) >= 2 else None


NEVER_PROMOTED = 2
"""The order of a qualifier that never becomes a topic (see :func:`_promotable`)."""


def _promotable(concept: Concept, phrase: str) -> int:
    """Order in which qualifiers become topics: one NIH has a patient page on (a MedQuAD topic
    such as "Falls"; a body part has its own pages, see :func:`with_body_part_pages`) first,
    relatives (:data:`RELATIVES`) and health-care administration last ("fell in the bathroom
    … how can we prevent another fall" is about falls, not toilets). Health-care administration
    named by one everyday word is never a topic: "do we all need treating" asks whether to
    treat, not about the health services' needs and demand."""
    if concept.origin == "medquad" and not anatomy_only(concept):
        return -1
    if _surroundings(concept, phrase):
        return NEVER_PROMOTED
    branches = _branches(concept)
    if branches and all(b.startswith(LAST_PROMOTED) for b in branches):
        administration = only_under(concept.tree_numbers, ADMINISTRATION_BRANCHES)
        return NEVER_PROMOTED if administration and is_common_english(phrase) else 1
    return 1 if only_under(concept.tree_numbers, RELATIVES) else 0


def question_concepts(
    words: Sequence[str],
    vocabulary: Vocabulary,
    extra: Iterable[ExtraLookup] = (),
    apart: Callable[[str], bool] | None = None,
) -> tuple[QueryConcept, ...]:
    """The concepts named by ``words`` (the question's normalised content words), with roles;
    qualifiers become topics when no topic concept was found. A phrase for which ``apart`` is
    true (its words written in different sentences) names nothing."""
    spans = longest_spans(words, _candidates(words, vocabulary, extra), apart)
    spans = _sited(_infections(_composed(spans, vocabulary), vocabulary), vocabulary)
    spans = _of_newborns(spans, words, vocabulary)
    triples = [(c, s.phrase, _combination(s)) for s in spans for c in _resolved(s, vocabulary)]
    roles = [_role_said(c, p) for c, p, _g in triples]
    promoted = [False] * len(roles)
    if "topic" not in roles:
        order = [_promotable(c, p) for c, p, _g in triples]
        first = min((o for o, r in zip(order, roles, strict=True) if r == "qualifier"), default=0)
        for i, (r, o) in enumerate(zip(roles, order, strict=True)):
            if r == "qualifier" and o == first < NEVER_PROMOTED:
                roles[i], promoted[i] = "topic", True
    found: dict[str, QueryConcept] = {}
    for (concept, phrase, group), role_, up in zip(triples, roles, promoted, strict=True):
        mine = _query_concept(concept, phrase, role_, up, group)
        seen = found.get(concept.key)
        if seen is None or (seen.combination and not group):
            found[concept.key] = mine  # a drug also named on its own is a topic on its own
        elif role_ == "topic" and seen.role != "topic":
            # named twice ("keeps falling … 3 falls"), once as a topic: it is the topic
            found[concept.key] = _also_named(mine, (seen.matched,))
        else:  # named again in other words ("bed sores" after "pressure ulcer"): both name it
            found[concept.key] = _also_named(seen, (phrase,))
    return without_heads(tuple(found.values()))


def _also_named(concept: QueryConcept, phrases: Sequence[str]) -> QueryConcept:
    """``concept`` with ``phrases`` (other words of the question naming it) as also said of it;
    they are not searched for: a loose word ("twitch") would let a page on anything else so
    named through."""
    said = tuple(p for p in dict.fromkeys([*concept.also_said, *phrases]) if p not in concept.names)
    return concept if said == concept.also_said else concept.model_copy(update={"also_said": said})


def _role_said(concept: Concept, phrase: str) -> str:
    """:func:`role`, except that the setting of a complaint named by one everyday word ("the
    bed", :data:`SURROUNDINGS`) is context, never the topic."""
    found = role(concept)
    if found == "topic" and _surroundings(concept, phrase):
        return "qualifier"
    return found


SURROUNDING_HEADINGS = frozenset({"F01.470"})
"""Headings that are settings themselves, not their kinds: emotions in general ("feeling"),
not grief or anxiety."""


def _surroundings(concept: Concept, phrase: str) -> bool:
    return _in_surroundings(concept.tree_numbers) and is_common_english(phrase)


def _in_surroundings(numbers: Sequence[str]) -> bool:
    return bool(numbers) and all(
        n in SURROUNDING_HEADINGS or only_under((n,), SURROUNDINGS) for n in numbers
    )


def setting_only(concept: QueryConcept) -> bool:
    """True for the setting of a complaint named by one everyday word (:data:`SURROUNDINGS`):
    never made the topic in place of one the question denies ("no numbness … at a red
    light")."""
    return _in_surroundings(concept.tree_numbers) and is_common_english(concept.matched)


def without_heads(concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """``concepts`` without a drug or chemical named by the last word of a longer phrase the
    question also names as a treatment or device ("home oxygen … turns the oxygen off": the
    oxygen is the home oxygen therapy, not the element; "insulin pump … the insulin"): said
    again alone, the word refers back to the longer phrase."""
    heads = {
        c.matched.split()[-1]
        for c in concepts
        if len(c.matched.split()) > 1
        and not c.drug
        and c.tree_numbers
        and only_under(c.tree_numbers, ("E",))
    }
    return tuple(c for c in concepts if not (c.drug and c.matched in heads))


VACCINE_TREE = "D20.215.894"
"""MeSH Vaccines."""
_VACCINE_WORDS = frozenset(
    "vaccine vaccines vaccination vaccinations shot shots jab jabs immunization "
    "immunizations immunisation immunisations".split()
)


def is_vaccine(concept: QueryConcept) -> bool:
    """A vaccine (every tree number under MeSH Vaccines)."""
    return only_under(concept.tree_numbers, VACCINE_TREE)


def names_a_vaccine(concept: QueryConcept) -> bool:
    """A vaccine by its tree numbers, or a drug named as one ("… zoster vaccine (RZV)", which
    the drug table lists without tree numbers)."""
    return is_vaccine(concept) or (concept.drug and "vaccine" in concept.name.lower())


GENERIC_VACCINE_NAMES = frozenset({"vaccines", "vaccination", "immunization"})
"""Concepts that name vaccines in general: the question's "vaccine" beside a vaccine's name."""


def without_any_vaccine(concepts: Sequence[QueryConcept]) -> tuple[QueryConcept, ...]:
    """``concepts`` without vaccines in general when the question names one vaccine ("the
    Shingrix vaccine"): the vaccine is the topic, and a page on any other vaccine (tetanus, the
    flu shot) is no page about it."""
    named = any(
        c.role == "topic" and c.name.lower() not in GENERIC_VACCINE_NAMES and names_a_vaccine(c)
        for c in concepts
    )
    if not named:
        return tuple(concepts)
    return tuple(c for c in concepts if c.name.lower() not in GENERIC_VACCINE_NAMES)


def with_prevented_diseases(
    concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """``concepts`` with, for each vaccine the question is about, the disease it prevents: the
    vaccine's name without its vaccine word, when the vocabulary knows that as a disease
    ("Herpes Zoster Vaccine" → Herpes Zoster). What a patient asks about a vaccine — who should
    get it, at what age, in pregnancy — is mostly told on the disease's prevention pages
    ("Adults 60 or older should … get the shingles vaccine"), so the disease becomes a topic
    beside the vaccine, and the vaccine is also named "<disease> vaccine" ("shingles vaccine"):
    as for any drug named with a condition, a statement of the disease's page must name the
    vaccine (:attr:`medcite.records.Query.drug_and_condition`). A disease the question names
    itself is not added twice."""
    keys = {c.key for c in concepts}
    out: list[QueryConcept] = []
    added: list[QueryConcept] = []
    for concept in concepts:
        disease = _prevented(concept, vocabulary, keys) if concept.role == "topic" else None
        if disease is None:
            out.append(concept)
            continue
        keys.add(disease.key)
        vaccine_names = tuple(f"{n} vaccine" for n in disease.names)
        names = tuple(dict.fromkeys((*concept.names, *vaccine_names)))
        out.append(concept.model_copy(update={"names": names}))
        added.append(disease)
    return (*out, *added)


def _prevented(
    concept: QueryConcept, vocabulary: Vocabulary, known: set[str]
) -> QueryConcept | None:
    if not is_vaccine(concept):
        return None
    phrase = " ".join(w for w in normalise(concept.name).split() if w not in _VACCINE_WORDS)
    lay = " ".join(w for w in concept.matched.split() if w not in _VACCINE_WORDS)
    # a vaccine named for its virus ("Papillomavirus Vaccines") prevents its infections
    found = [
        c
        for c in vocabulary.lookup([phrase, normalise(f"{phrase} infections")])
        if c.key and c.key not in known and _disease_trees(c.tree_numbers)
    ]
    if not phrase or not found:
        return None
    disease = _query_concept(found[0], lay or phrase, "topic", False, None)
    via = f"the disease {concept.name} prevents"
    return disease.model_copy(update={"via": via})


def _disease_trees(numbers: Sequence[str]) -> bool:
    return any(n.startswith(CONDITION_TREES) for n in numbers)


_USE_WORDS = frozenset("use abuse misuse smoking drinking consumption".split())


def with_substance_readings(
    concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """``concepts`` with, for a topic that is the use of a substance ("Marijuana Use", "Tobacco
    Use"), the substance itself as another reading of the same words: a patient page on
    marijuana is about using it. The substance ranks with its use (same tier), so both are
    primary topics; a substance the question names itself is not added twice."""
    keys = {c.key for c in concepts}
    added: list[QueryConcept] = []
    for concept in concepts:
        words = normalise(concept.name).split()
        if concept.role != "topic" or len(words) < 2 or words[-1] not in _USE_WORDS:
            continue
        for found in vocabulary.lookup([" ".join(words[:-1])]):
            if found.key and found.key not in keys:
                keys.add(found.key)
                reading = _query_concept(found, concept.matched, "topic", False, None)
                via = f"the substance of {concept.name}"
                added.append(reading.model_copy(update={"tier": concept.tier, "via": via}))
    return (*concepts, *added)
