"""Shared text processing: words, stopwords, stems, singulars and sentences.

Index, query, answer and eval all take their text handling from here, so a question, an indexed
document, an extracted sentence and an evaluation metric see the same words:

- :data:`STOPWORDS` — function and question words dropped from user text and content words;
  :data:`EXTRA_STOPWORDS` are further fillers ("also", "may", "used" ...) dropped only when
  sentences are matched by stems (answer/), where they carry no topic;
- :func:`words`, :func:`query_terms` — lower-cased ``\\w+`` tokens; the content words of free user
  text, safe to put into a tantivy or PubMed query;
- :data:`STEMMER`, :func:`stems` — the analyzer of the index's text fields (lower case, accents
  folded, English Snowball stemmer) and the stemmed content words of a text;
- :func:`normalise`, :func:`singular` — lower-case words with simple plural stripping, the form
  vocabulary terms and question n-grams are compared in ("Facial Twitches" → "facial twitch");
- :func:`content_words`, :func:`drop_plural_s` — the evaluation metrics' deliberately crude
  content words (one plural ``s`` cut), simple enough to compute by hand in tests;
- :func:`split_sentences` — the one sentence splitter: every sentence is an exact substring of
  the text, so a citation can always be checked against its source;
- :func:`message_sentences` — a user's message split after every ".", "?" or "!" (messages are
  often all lowercase);
- :func:`squash` — white space collapsed.
- :func:`list_display` — a list sentence (lead and item lines) as the reader sees it.

Differences from the implementations this module replaced (answer/segment.py's splitter was
kept; eval/text.py's splitter now calls it paragraph by paragraph):

- eval sentences now keep a closing quote or bracket after the end mark (``He said "no."`` ends
  with ``."``; eval cut it off), and two closing marks in a row (``.")``) no longer end a
  sentence;
- eval sentences no longer split before an opening bracket or quote followed by a lower-case
  letter (``It helped. (see below)`` is one sentence), as in answer/;
- eval sentences follow answer/'s abbreviation list (case-insensitive, more abbreviations such
  as ``etc.``, ``cf.``, ``mg.``, ``approx.``, and single-letter initials ``J. Smith``) instead of
  eval's eight case-sensitive ones;
- eval drops a leading structured-abstract label ("RESULTS: ") at the start of each paragraph, as
  answer/ does for each section.

The three plural rules are kept apart on purpose: :func:`singular` (vocabulary matching) and
:func:`drop_plural_s` (evaluation metrics, whose values must stay comparable across runs) give
different words for "viruses" ("virus" / "viruse"); stems use the Snowball stemmer.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import tantivy

# --- words and stopwords -----------------------------------------------------------------------

STOPWORDS = frozenset(
    """a about an and are as at be been being but by can could did do does doing for from had has
    have having how i if in into is it its me my of on or our should so than that the their them
    then there these they this those to was we were what when where which while who whom why will
    with would you your yours get got tell know please anyone anybody""".split()
)
"""Function and question words: never content, never a query term."""

EXTRA_STOPWORDS = frozenset({"also", "may", "can", "one", "use", "used", "using", "s", "t"})
"""Further fillers dropped by :func:`stems` (sentence matching), but kept in query terms."""

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_MIN_PLURAL_STEM = 3


def any_whole_word(*alternatives: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``alternatives`` as whole words."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens of ``text``."""
    return _WORD.findall(text.lower())


def query_terms(text: str) -> list[str]:
    """Content words of free user text, lower-cased, de-duplicated, question words removed.

    Only ``\\w`` characters survive, so no user text can form tantivy query syntax.
    """
    seen: dict[str, None] = {}
    for word in words(text):
        if len(word) > 1 and word not in STOPWORDS and not word.startswith("_"):
            seen.setdefault(word, None)
    return list(seen)


def squash(text: str) -> str:
    """Collapse every run of white space to one space and strip the ends."""
    return _SPACE.sub(" ", text).strip()


# --- stems -------------------------------------------------------------------------------------

ANALYZER_NAME = "en_fold"
"""The name the index's text fields give their analyzer (registered on every open)."""
MAX_TOKEN_CHARS = 40
"""Longer tokens (sequences, hashes) are dropped, as tantivy's own English analyzer does."""


def text_analyzer() -> tantivy.TextAnalyzer:
    """The analyzer of the index's text fields: words, lower case, accents folded to ASCII
    ("Sjögren" and "Sjogren" are one word, as are "Ménière" and "Meniere"), English stemming."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_CHARS))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


STEMMER = text_analyzer()
"""The index's text analyzer, for stems computed outside the index (answer sentences)."""


@lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    """Stemmed content words of ``text`` (stop words, fillers and single characters dropped)."""
    return frozenset(
        t
        for t in STEMMER.analyze(text)
        if len(t) > 1 and t not in STOPWORDS and t not in EXTRA_STOPWORDS
    )


# --- singulars ---------------------------------------------------------------------------------

_VOCAB_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def normalise(text: str) -> str:
    """Lower-case words with simple plural stripping and accents folded: ``Facial Twitches`` →
    ``facial twitch``, ``Sjögren`` → ``sjogren``."""
    text = fold_accents(text.lower().replace("’", "'"))
    return " ".join(singular(w) for w in _VOCAB_WORD.findall(text))


def fold_accents(text: str) -> str:
    """``text`` with combining accents removed (``é`` → ``e``); other characters unchanged."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def singular(word: str) -> str:
    """A lower-case word's singular by simple rules (``twitches`` → ``twitch``, ``allergies`` →
    ``allergy``, ``cells`` → ``cell``; ``virus``, ``stress``, ``diagnosis`` stay); a possessive
    ``'s`` is dropped."""
    word = word.removesuffix("'s")
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "sis")):
        return word[:-1]
    return word


def drop_plural_s(word: str) -> str:
    """The metrics' crude stem: drop one plural ``s`` (``cells`` → ``cell``; ``virus`` stays)."""
    if len(word) > _MIN_PLURAL_STEM and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def content_tokens(text: str) -> list[str]:
    """Content words of ``text`` in order: stopwords and one-letter tokens removed, plural ``s``
    cut by :func:`drop_plural_s`."""
    return [drop_plural_s(w) for w in words(text) if len(w) > 1 and w not in STOPWORDS]


def content_words(text: str) -> set[str]:
    """Distinct :func:`content_tokens` of ``text``."""
    return set(content_tokens(text))


# --- sentences ---------------------------------------------------------------------------------

_BOUNDARY = re.compile(r"(?<=[.!?])[\"')\]]?(?P<gap>\s+(?:-\s+)?)(?=[\"'(\[]?[A-Z0-9])")
"""A sentence end: the closing mark, then the gap before the next sentence, which may hold the
dash of a flattened list ("… can cause gout. - Other health problems.")."""
_ABBREVIATIONS = frozenset(
    """e.g i.e et al etc vs dr mr mrs ms prof fig figs no nos approx ca cf st jr sr inc ltd
    co dept univ vol pp ed eds resp min max mg ml kg dl mmol ref refs var spp sp u.s u.k""".split()
)
_LABEL = re.compile(
    r"^(?:[A-Z][A-Z &/-]{2,40}|(?:Background|Objectives?|Aims?|Purpose|Introduction|Context|"
    r"Methods?|Design|Setting|Results?|Findings|Conclusions?|Interpretation|Significance)"
    r"(?: and (?:Aims?|Objectives?|Purpose|Methods?|Design))?):\s+"
)
_TRAILING_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


_NAMED_LETTER = re.compile(r"(?:\b([a-z]{2,})\s+|[0-9)-])[A-Z]\.$")
"""A capital letter that ends a name: "vitamin A.", "hepatitis B.", "IL-17A."."""


def _named_letter(fragment: str) -> bool:
    """True when ``fragment`` ends with a letter that is part of a name ("… hepatitis B."), not
    an initial ("… by J."): after a digit, bracket or hyphen, or a lower-case content word."""
    match = _NAMED_LETTER.search(fragment)
    return match is not None and match.group(1) not in STOPWORDS


def _ends_with_abbreviation(fragment: str) -> bool:
    match = _TRAILING_WORD.search(fragment)
    if not match:
        return False
    word = match.group(1)
    if len(word) == 1 and word.isupper():
        return not _named_letter(fragment)  # an initial: "J. Smith"
    return word.lower().rstrip(".") in _ABBREVIATIONS or word.lower() in _ABBREVIATIONS


_GLUED_HEADING = re.compile(
    r"^([A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|to|and|for|a|an|in|with|or|on)){1,6})\s+"
    r"(?=(?:The|A|An|Your|This|These|Most|Many|Some|It|You|If|When|People|To|Even|Although|"
    r"Because|Adults|Children|Women|Men|Doctors|Researchers|Scientists|In|There|Fortunately|"
    r"Unfortunately|However|Often|Sometimes|Usually|Today|Currently),?"
    r"\s+(?:[a-z]|\d)"
    # … or an organisation's name and its acronym ("Have Dilated Eye Exams The National Eye
    # Institute (NEI) urges …"; not "Caused By A Virus Shingles is …")
    r"|The\s+(?:[A-Z][\w'’-]*\s+){1,4}\([A-Z]{2,}\))"
    # a heading whose sentence opens with the heading's own first word ("Light Therapy Light
    # therapy, also called …")
    r"|^((?P<first>[A-Z][\w'’-]*):?(?:\s+(?:[A-Z][\w'’-]*|of|the|to|and|for|a|an|in|with|or|"
    r"on)){0,5})\s+(?=(?P=first)\b[\w'’-]*,?\s+[a-z])"
)
"""A page's section heading run into the sentence after it ("Risk Factors The leading risk
factor …", "Where To Get the Vaccine The vaccine is …", "Treatment Can Help Fortunately, most
…", "Get Checked The Eye Clinic (EC) says …"): title-case words, then a sentence's first word
(or "The", a name and its acronym); or a heading repeated as its sentence's opening ("Light
Therapy Light therapy, also called …")."""


def _without_heading(piece: str) -> list[str]:
    """``piece`` with a glued heading (:data:`_GLUED_HEADING`) split off as a piece of its own
    (no statement: it ends no sentence)."""
    match = _GLUED_HEADING.match(piece)
    if match is None:
        return [piece]
    heading = match.group(1) or match.group(2)
    if not heading or not heading.split()[-1][0].isupper():
        return [piece]
    return [heading, piece[match.end() :]]


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``, each an exact (stripped) substring of it.

    Splits after ``.``, ``!`` or ``?`` (and an optional closing quote or bracket) followed by
    white space (and the dash of a flattened list item, which belongs to neither sentence) and an
    upper-case letter, digit or opening bracket/quote before one, except after
    abbreviations (``e.g.``, ``i.e.``, ``et al.``, ``Dr.``, ``vs.``, ``Fig.``, ``No.`` ...) and
    single-letter initials (``J. Smith``); a decimal (``0.05``) has no space so never splits. A
    leading structured-abstract label ("RESULTS: ") is not part of the first sentence, and a
    heading run into a sentence ("Risk Factors The leading …") is a piece of its own.
    """
    text = _LABEL.sub("", text.strip())
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start : match.start()].strip()
        if _ends_with_abbreviation(candidate):
            continue
        pieces.append(text[start : match.start("gap")].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return [part for p in pieces if p for part in _without_heading(p)]


def message_sentences(question: str) -> list[str]:
    """The sentences of a user's message, split after ".", "?" or "!" whatever follows (a
    message is often all lowercase, which :func:`split_sentences`, made for published prose,
    keeps as one sentence)."""
    return re.split(r"(?<=[.?!])\s+", question.strip())


def list_display(text: str) -> str:
    """A sentence for the reader: a list sentence as "lead: item; item; item." (its items
    unchanged), any other sentence as it is."""
    lead, *items = [line.strip() for line in text.split("\n")]
    if not items:
        return text
    joiner = " " if lead.endswith(":") else ": "
    return f"{lead}{joiner}{'; '.join(item.rstrip('.;') for item in items)}."


LIST_WORDS = frozenset({"and", "or", "&"})
"""Words that make the comma of a name a list's, not an inversion's."""


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each of ``spans`` (start, end) replaced by one space; overlapping spans
    are merged first, so every stretch is cut once."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    for start, end in reversed(merged):
        text = f"{text[:start]} {text[end:]}"
    return text


def uninverted(name: str) -> str:
    """A MeSH heading in reading order, lower case: "Influenza, Human" → "human influenza",
    "Abortion, Spontaneous" → "spontaneous abortion"; names with no or several commas, or
    whose comma begins a list ("Hand, Foot and Mouth Disease"), as they are."""
    head, comma, rest = name.lower().partition(", ")
    if not comma or ", " in rest or set(rest.split()) & LIST_WORDS:
        return name.lower()
    return f"{rest} {head}"
