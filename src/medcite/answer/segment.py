"""Sentences of a document, with where they came from (:func:`medcite.text.split_sentences`).

Every sentence is an exact substring of its section text, so citations can always be checked
against the source. One exception keeps that promise up to white space: a list. Guideline pages
write "Other symptoms may include" and then one item a line ("Swelling in the abdomen", "Low
fever"); read line by line, the lead says nothing and no item is a sentence, so the list was lost.
A section ending in a list lead (:data:`LIST_LEAD`) followed by at least MIN_ITEMS short
unpunctuated lines becomes one sentence: the lead and its items joined by newlines, which is the
source text with its line breaks (citations are checked white-space-normalised, and renderers
show it as "lead: item; item; item." with :func:`medcite.text.list_display`). A short
instruction after a sentence ("Get help immediately.") is joined to it (:data:`SHORT_ORDER`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from medcite.records import AbstractSection, Document, Source
from medcite.text import split_sentences

LIST_LEAD = re.compile(
    r"(\b(include|includes|including|are|is|such as|following|like|may have|can have|should|"
    r"can|must|need to|notice|experience|have|has|feel|shows?|develops?|"
    # whom it concerns, the items saying what holds of them: "it can be serious if you"
    r"if (?:you|your child|they|he|she)|(?:people|those|anyone|children|adults) who)|:|"
    # a purpose the items serve: "To prevent it", "To lower your risk of a fall"
    r"^(?:to|for) (?:help )?(?:prevent|avoid|reduce|lower|protect|relieve|ease|manage|keep)\b"
    r"[^.!?:]{0,50})\s*$",
    re.I,
)
"""How a line that introduces a list ends ("Symptoms may include", "Risk factors are:", "To
protect yourself, you should", "You may have a UTI if you notice", "Get help immediately if
the injured person has", "It can be serious if you")."""
MIN_ITEMS, MAX_ITEMS, MAX_ITEM_WORDS = 2, 15, 25
_ITEM_END = re.compile(r"[.!?;:]$")
UNASSIGNED = "UNASSIGNED"
"""PubMed's NlmCategory for a structured-abstract label it did not map to a category."""
_LABEL_CATEGORIES = (
    ("CONCLUSIONS", re.compile(r"conclu|interpretation|implication", re.I)),
    ("RESULTS", re.compile(r"result|finding|outcome", re.I)),
    (
        "METHODS",
        re.compile(
            r"method|design|setting|participant|patients|subjects|material|intervention|measure"
            r"|procedure|population|data sources?|study selection|data extraction",
            re.I,
        ),
    ),
    ("OBJECTIVE", re.compile(r"objective|aims?\b|purpose|goal|question", re.I)),
    ("BACKGROUND", re.compile(r"background|introduction|context|rationale", re.I)),
)
"""Label words → NLM category, first match wins ("RESULTS AND CONCLUSIONS" reads as conclusions)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with where it came from."""

    text: str
    document_id: str
    section_label: str | None
    section_category: str | None
    position: int
    """Index of the sentence within its document."""

    @property
    def is_list(self) -> bool:
        """True for a list lead joined with its items (see the module docstring)."""
        return "\n" in self.text


def document_sentences(doc: Document) -> Iterator[Sentence]:
    """Every sentence of ``doc``'s abstract or answer text, in order; a list lead and the item
    lines after it are one sentence (module docstring)."""
    position = 0
    sections = doc.sections
    i = 0
    while i < len(sections):
        section = sections[i]
        category = section_category(doc, section)
        texts = _with_short_orders(split_sentences(section.text), section.text)
        texts = _with_caveats(texts, section.text)
        if doc.source is Source.MEDQUAD:
            texts = [_without_heading(t) for t in texts]
            texts = _with_antecedents(texts, section.text)
            texts = _with_listed_kinds(texts, section.text)
        items = _items(sections, i + 1, texts[-1]) if texts and LIST_LEAD.search(texts[-1]) else []
        if items:
            texts[-1] = "\n".join([texts[-1], *items])
        for text in texts:
            yield Sentence(text, doc.id, section.label, category, position)
            position += 1
        i += 1 + len(items)


SHORT_ORDER = re.compile(r"^(get|call|go|seek|see|contact|dial|tell)\b[\w' -]{0,30}[.!]$", re.I)
"""A short instruction that finishes the sentence before it ("… it could be a heart attack. Get
help immediately."): alone it is no statement, and the sentence before it loses its advice."""
MAX_ORDER_WORDS = 5


def _with_short_orders(texts: list[str], source: str) -> list[str]:
    """``texts`` with each short instruction (:data:`SHORT_ORDER`) joined to the sentence before
    it, when the two stand in ``source`` separated by one space (so the joined text is still a
    substring of the source)."""
    return _joined_to_previous(
        texts, source, lambda t: len(t.split()) <= MAX_ORDER_WORDS and bool(SHORT_ORDER.match(t))
    )


CAVEAT = re.compile(
    r"^(?:However|But|Yet)\b[^.?!]*(?:should(?: not|n'?t| only| never)|must(?: not|n'?t)|"
    r"do not|don'?t|never|not (?:be )?(?:recommended|used|given|taken|safe)|avoid|unless|"
    r"only (?:if|when|with|under)|(?:can|may) be (?:dangerous|harmful))\b",
    re.IGNORECASE,
)
"""A sentence that limits the one before it ("However, people with bloody diarrhea should not
use these medicines."): who must not follow it, or when not. "should" may follow a word
without a space: a source that lost a dash glued them ("infectionshould")."""


def _with_caveats(texts: list[str], source: str) -> list[str]:
    """``texts`` with each caveat (:data:`CAVEAT`) joined to the sentence before it, when the
    two stand in ``source`` one space apart: a statement is never quoted without the limit its
    source sets on it. Joined, a statement too long to quote, or one whose caveat the source
    damaged, is not quoted at all (``answer.extract``)."""
    return _joined_to_previous(texts, source, lambda t: bool(CAVEAT.match(t)))


def _joined_to_previous(
    texts: list[str],
    source: str,
    belongs: Callable[[str], bool],
    previous: re.Pattern[str] | None = None,
) -> list[str]:
    """``texts`` with each text that ``belongs`` to the sentence before it (one that
    ``previous`` finds, when given) joined to that sentence, when the two stand in ``source``
    one space apart (:func:`_adjoined`)."""
    out: list[str] = []
    for text in texts:
        after = not out or previous is None or previous.search(out[-1]) is not None
        joined = _adjoined(out, text, source) if after and belongs(text) else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(text)
    return out


def _adjoined(out: list[str], text: str, source: str) -> str | None:
    """The last of ``out`` and ``text`` as one text, when they stand in ``source`` one space
    (or the dash of a flattened list, "… immediately. - Call your doctor.") apart, so the
    joined text is still a substring of the source; else None."""
    if not out:
        return None
    return next((j for gap in (" ", " - ") if (j := f"{out[-1]}{gap}{text}") in source), None)


MAX_CLAUSE_WORDS = 15
"""Words of a sentence-like item after a lead that ends in a colon: a condition ("Your peak
flow is less than half of your personal best peak flow number.", 14), not the paragraph that
follows the list."""


_ITS_SUBJECT = re.compile(
    r"^(It|They) (?!(is|are|was|were|may be|can be)( \w+){0,3} (to|that|whether|if|how|why)\b)"
    r"|^These (may |can |might )?(include|includes|are)\b"
)
"""A sentence whose subject is "It"/"They" standing for a name just before ("It is usually
given as a booster dose every 10 years."), not an expletive "it" ("It is best to …"), or a
"These include …" listing what the sentence before named ("Antidepressants may cause mild side
effects … These may include headache, nausea …")."""
_NAMED_SUBJECT = re.compile(
    r"^(?:(?:However|Still|Yet), )?"
    r"(?!(The|A|An|This|These|That|Those|It|They|Some|Many|Most|All|Each|Other|Such|If|When|"
    r"In|For|At|On|As|But|And|Or|So|You|Your|We|Our|Also)\b)"
    r"([A-Z][\w/-]*)( [A-Z][\w/-]*){0,2} (?!of\b)[a-z]+"
)
"""A sentence opening with a name (one to three capitalised words) and its verb ("Td prevents
diphtheria and tetanus.", "DTaP prevents …"), perhaps after a contrast ("However, HRT also has
risks.")."""
MAX_ANTECEDENT_WORDS = 12
MAX_CHAIN = 3


def _with_antecedents(texts: list[str], source: str) -> list[str]:
    """``texts`` with each sentence whose subject is "It"/"They" joined to the sentence before
    it when that one opens with a name (:data:`_NAMED_SUBJECT`) and is short, up to
    MAX_CHAIN sentences: "Td prevents diphtheria and tetanus. It is for older children and
    adults. It is usually given as a booster dose every 10 years." Read alone, the last says
    nothing of what is given; joined (still a substring of ``source``) it says it of Td."""
    out: list[str] = []
    chain = 0
    agrees = ""  # the pronoun a longer lead's subject agrees with ("Pressure sores are …": They)
    bridge = False  # out[-1] spoke of the name just before it as "it"
    for text in texts:
        follows = 0 < chain < MAX_CHAIN and _ITS_SUBJECT.match(text)
        if not follows and agrees and text.startswith(f"{agrees} ") and _whole(text):
            follows = _ITS_SUBJECT.match(text)
        # the name's sentence first, when the one before points back at it ("these viruses")
        joined = _bridged(out, text, source) if bridge and _ITS_SUBJECT.match(text) else None
        if joined is None and follows:
            joined = _adjoined(out, text, source)
        bridge = False
        if joined is not None:
            out[-1] = joined
            chain += 1
            continue
        bridge = chain == 1 and (
            (_BRIDGE.search(text) is not None and _bridges(text)) or _refers_back(text)
        )
        out.append(text)
        named = _NAMED_SUBJECT.match(text) is not None
        chain = 1 if named and _short_lead(text) else 0
        agrees = _agreeing_pronoun(text) if named and not chain else ""
    return out


def _whole(text: str) -> bool:
    """True for a sentence that ends as one: not a list lead ("It can help"), which would take
    the definition before it into a list too long to quote."""
    return text.rstrip().endswith((".", "!", "?")) and not LIST_LEAD.search(text)


_DEFINES = re.compile(r"^(?:[A-Z][\w/-]*)(?: [\w/-]+){0,3}? (is|are) (?:an? |the )?[a-z]")
MAX_DEFINITION_WORDS = 20
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|where)\b")
"""A relative clause brings names of its own ("… drugs that many doctors prescribe to
adults"): a pronoun after it may stand for any of them."""


def _agreeing_pronoun(text: str) -> str:
    """ "It" or "They", for a lead too long for :func:`_short_lead` that still defines its name
    ("Pressure sores are areas of damaged skin caused by staying in one position for too
    long."): a next sentence opening with the pronoun that agrees with its verb speaks of the
    name. "" for any other text, and for one with a relative clause (:data:`_RELATIVE`)."""
    found = _DEFINES.match(text)
    if found is None or len(text.split()) > MAX_DEFINITION_WORDS or _RELATIVE.search(text):
        return ""
    return "It" if found.group(1) == "is" else "They"


_SMALL_WORDS = frozenset(
    "and or of the to for in with a an on by at your you can is are not from".split()
)
_ARTICLES = frozenset({"The", "A", "An"})
_OPENERS = frozenset(
    "If Although Some Many Most In For When There It This These Those You Your People Certain "
    "Several Other One Not No Because While As At After Before During Talk Ask Call Get Make "
    "Take Try Use Do Being Each Every All Any Over About Only Even Such Studies Research "
    "Researchers Scientists Doctors Treatment Symptoms Diagnosis Exercise Medicines High "
    "Low Also See Tell Keep Avoid Seek".split()
)
"""Words a sentence opens with, before a word in lower case ("Studies show …", "If you …"); an
article opens one before any word."""
_NAMES_A_STAGE = re.compile(r"\b(?:Stage|Grade|Phase|Step|Type|Level|Class)\b|\b[IV]{1,4}[A-C]?\b")
MAX_HEADING_WORDS = 8
MIN_GLUED_WORDS = 6
"""Words at least in the sentence after a glued heading (a heading's own words, "Who Should Not
Get the Vaccine?", are no sentence)."""


_DASHED_HEADINGS = re.compile(
    r"^(?:(?:[A-Z(][\w()'/,]*|and|or|of|the|to|for|in|with)\s+)+?-\s+(?:[A-Z][\w'/]*\s+){1,4}?"
    r"(?=[A-Z][a-z]+ [a-z])"
)
"""A run of page headings that lost their line breaks, ending in a section's " - Risk Factors"
("Panic Disorder Social Phobia - Risk Factors Social phobia affects …"): capitalised words
only, then the dash and the section's name before the sentence."""


def _without_heading(text: str) -> str:
    """``text`` without a page's heading that lost its line break and runs into the sentence
    after it ("Usually Has No Symptoms High blood pressure is often called …"): two or more
    capitalised words, none among them in lower case but small ones, and not ending in one,
    then an article or a word a sentence opens with before a word in lower case
    (:data:`_OPENERS`). The rest is still a substring of the source; a text with no such
    heading is returned as it is."""
    words = text.split(" ")
    if not text.endswith((".", "!")):
        return text
    dashed = _DASHED_HEADINGS.match(text)
    if dashed is not None and len(text[dashed.end() :].split()) >= MIN_GLUED_WORDS:
        return text[dashed.end() :]
    for i in range(2, min(len(words) - MIN_GLUED_WORDS, MAX_HEADING_WORDS) + 1):
        head, word = words[:i], words[i]
        if not all(w[:1].isupper() or w in _SMALL_WORDS for w in head):
            return text
        if _NAMES_A_STAGE.search(" ".join(head)):
            return text  # "Stage IIB The tumor is …": the stage is what the sentence defines
        if head[-1].lower() in _SMALL_WORDS or sum(w[:1].isupper() for w in head) < 2:
            continue
        follows = words[i + 1][:1]
        rest = words[i:]
        told = sum(w.islower() and w not in _SMALL_WORDS for w in rest)
        if (word in _ARTICLES or (word in _OPENERS and follows.islower())) and told >= 2:
            return " ".join(rest)
    return text


_KINDS_NAMED = re.compile(
    r"\b(?:many|several|some|a number of|various|different|a few|other|two|three|four|five)"
    r"(?: \w+){0,2} (?:problems|conditions|causes|types|kinds|forms|disorders|diseases|"
    r"symptoms|signs|treatments|complications|reasons|risk factors)[.:]$"
    r"|\b(?:ways|things|steps|measures) (?:to|you can|that can|that help|which help) "
    r"(?:\w+ ){0,4}?\w+[.:]$"
)
"""A sentence that ends by naming kinds of something without saying which ("… it is the site of
many common problems.", "… there are ways to lower the risk.")."""
_KINDS_LISTED = re.compile(r"^(?:They|These|Those) (?:may |can |might |also )?(?:include|are)\b")


def _with_listed_kinds(texts: list[str], source: str) -> list[str]:
    """``texts`` with a "They include …" list joined to the sentence before it when that one
    ends by naming kinds of something (:data:`_KINDS_NAMED`): "… the site of many common
    problems. They include sprains, …" says which problems; alone, "They" stands for nothing."""
    return _joined_to_previous(
        texts, source, lambda t: bool(_KINDS_LISTED.match(t)), previous=_KINDS_NAMED
    )


_BRIDGE = re.compile(
    r"\b(?:get|gets|getting|got|have|has|had|catch|catches|caught|develop|develops|with) it\b"
)
"""A sentence that speaks of the name before it as "it", its object ("Most cases are in
children, but adults can get it too."): a following "It …" is still the name."""
MAX_BRIDGE_WORDS = 20


def _bridges(text: str) -> bool:
    """True for a short sentence with no subject of its own that "It" could stand for: it does
    not open with a name, a pronoun or a clause."""
    return (
        len(text.split()) <= MAX_BRIDGE_WORDS
        and not _NAMED_SUBJECT.match(text)
        and not _ITS_SUBJECT.match(text)
        and not _CLAUSE_OPENING.match(text)
    )


_BACK_REFERENCE = re.compile(
    r"^(?:[A-Z][a-z]+ (?:with|of|from|by|to) )?(?:These|these|This|this|Such|such) "
    r"(?!(?:include|includes|are|is|may|can|might|will|could)\b)[a-z]+ [a-z]+"
)
"""A subject that points back at the name before it ("Infection with these viruses causes …",
"These viruses …"): what it says is still of that name, and an "It …" after it is too."""


def _refers_back(text: str) -> bool:
    """True for a short sentence whose subject points back at the name before it
    (:data:`_BACK_REFERENCE`)."""
    return len(text.split()) <= MAX_BRIDGE_WORDS and _BACK_REFERENCE.match(text) is not None


_CLAUSE_OPENING = re.compile(r"^(?:If|When|Because|Although|While|This|That|These|Those)\b")


def _bridged(out: list[str], text: str, source: str) -> str | None:
    """The name's sentence, the sentence that spoke of it as "it" and ``text`` joined, when the
    three stand together in ``source``; the bridging sentence's own unit is replaced."""
    if len(out) < 2:
        return None
    head = _adjoined(out[:-1], out[-1], source)
    if head is None:
        return None
    joined = _adjoined([head], text, source)
    if joined is not None:
        out.pop()
    return joined


def _short_lead(text: str) -> bool:
    """True when ``text``'s first sentence has at most MAX_ANTECEDENT_WORDS words: a short
    statement of a name, perhaps with the caveat joined to it (:func:`_with_caveats`:
    "Statins are relatively safe for most people. But they are not recommended for …"),
    whose "they" is the same name."""
    if len(text.split()) <= MAX_ANTECEDENT_WORDS:
        return True
    first = split_sentences(text)
    return bool(first) and len(first[0].split()) <= MAX_ANTECEDENT_WORDS


_ORGANISATION = re.compile(
    r"^(?:(?:The|U\.?S\.?|NIH:?)\s+)?(?:National (?:Institutes?|Library|Center|Centre) "
    r"(?:of|on|for) [A-Z][\w,' -]{2,80}|(?:[A-Z][\w'-]*\s+(?:(?:of|for|and|on|&)\s+)?){1,6}"
    r"(?:Prevention|Institutes?|Association|Society|Academy|Foundation|Administration|Agency|"
    r"Department|Organi[sz]ation|Council|Center|Centre|College))$"
)
"""A line that names an organisation in capitalised words ("Centers for Disease Control and
Prevention", "National Institute on Aging"): a page's source credit, not a list item."""


def _items(sections: tuple[AbstractSection, ...], start: int, lead: str) -> list[str]:
    """The list item lines from ``sections[start]`` on: single short lines without sentence
    punctuation; none unless there are at least MIN_ITEMS. After a lead that ends in a colon
    ("Call your doctor for advice if:") the items may be whole sentences, up to the next such
    lead: each completes the lead, and alone "Your medicines don't relieve an asthma attack."
    would say what the page does not."""
    colon = lead.rstrip().endswith(":")
    items: list[str] = []
    for section in sections[start : start + MAX_ITEMS]:
        text = section.text.strip()
        longest = MAX_CLAUSE_WORDS if colon else MAX_ITEM_WORDS
        if "\n" in text or not text or len(text.split()) > longest:
            break
        if text.endswith(":") or (_ITEM_END.search(text) and not colon):
            break
        if colon and len(split_sentences(text)) > 1:
            break
        if _ORGANISATION.match(text):
            break  # the page's source line after the list ("Centers for Disease Control ...")
        items.append(text)
    return items if len(items) >= (1 if colon else MIN_ITEMS) else []


def section_category(doc: Document, section: AbstractSection) -> str | None:
    """The section's NLM category (BACKGROUND, OBJECTIVE, METHODS, RESULTS, CONCLUSIONS); for a
    PubMed label that NLM left unmapped ("METHODS" with NlmCategory UNASSIGNED, or none given), the
    category its label words name, so a methods sentence is never read as a finding."""
    category = section.category
    if category not in (None, UNASSIGNED) or not section.label:
        return category
    if category is None and doc.source is not Source.PUBMED:
        return None  # a guideline page's own heading ("Causes") is no abstract label
    return next((c for c, words in _LABEL_CATEGORIES if words.search(section.label)), category)
