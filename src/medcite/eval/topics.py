"""An independent judge of whether a cited document is *about* a question's gold focus.

It judges medcite's answers, so it imports nothing from ``medcite.query`` or ``medcite.answer``:
its only knowledge is the MeSH 2021 descriptor files, read directly.

Definition (also in docs/evaluation.md, "Dev/test splits and honest baselines"):

Gold names
    The focus string (LiveQA's annotated FOCUS, MedicationQA's "Focus (Drug)"). When the whole
    string is not a MeSH term and it lists several foci, it is split on ``,`` ``;`` ``/``
    `` and `` `` or `` and brackets into several foci (parts under 3 characters and ``n/a`` are
    dropped); a document is about the focus if it is about any of them. Each focus's names are
    the focus itself plus, when a MeSH term (``DescriptorName`` or ``TermName``) equals it,
    every term of that descriptor and its name — that is how brands resolve (``Xanax`` is an entry
    term of Alprazolam). A focus the annotator copied with the asker's misspelling
    ("Antiphosoholipid Syndrome", "aeortic stenosis") stands for the MeSH term whose words equal
    its words except misspelt ones of at least 6 letters, each matched to the most similar MeSH
    word with the same first letter (``difflib`` ratio ≥ 0.85). When a focus is no MeSH term
    itself ("shingles outbreak", "acute
    fibromyalgia"), the descriptors of the longest MeSH terms inside it that are clinical (trees
    C, D, E, F03) stand for it, with all their terms. Matching descriptors are the *gold
    descriptors*.
Matching
    Case-insensitive, whole words (``\\w+`` tokens; a possessive ``'s`` is dropped), and
    plural-insensitive (``-ies`` → ``-y``; ``-es`` after s/x/z/ch/sh and a final ``-s`` not
    after s/u/i are removed, on both sides).
About
    A document is about the focus when a gold name occurs as a whole-word phrase in one of its
    labels — title, MedQuAD focus, synonyms, MeSH headings — and that occurrence is not just part
    of a longer MeSH term (≤ 6 words) at that position of that label which belongs to another
    descriptor, unless that descriptor is the gold one or narrower than it (one of its tree
    numbers starts with a gold descriptor's tree number). For gold "fever": "Q Fever" is not about
    it, "Fever of Unknown Origin" is (C23.888.119.344.345 under Fever's C23.888.119.344).

Revision 2 (the default since the fifth stop; ``TopicJudge(mesh, revision=1)`` is the judge as
first written, still reported beside it) corrects three artefacts a physician reviewing the
verdicts would not share:

- an organism is the topic of the disease named after it: for gold "hantavirus" (tree B) the
  occurrence in "Hantavirus Infections" (tree C) counts, although that is another descriptor;
- a lay head noun stands for the clinical one: a focus that is no MeSH term is also tried with
  "illness" / "sickness" read as "disease" ("autoimmune illness" → Autoimmune Diseases);
- in a focus that is no MeSH term, misspelt words (as above) are corrected before the longest
  clinical MeSH terms inside it are looked for ("Inherited Ricketts" → Rickets).

Revision 3 (``TopicJudge(mesh, revision=3)``, reported beside revision 2, which stays the
default) applies the topic-gate definition of issue 11 — a document is about the concept when its
labels name "the concept *or a narrower one*" — to narrower concepts named by their own words,
not only inside a longer term holding the gold name: a label naming (whole words, not shadowed as
above) a MeSH term of a descriptor strictly below a gold descriptor is about the focus ("Scabies"
for gold "mite infestation", under Mite Infestations). Gold foci without tree numbers (no
descriptor) gain nothing.
"""

from __future__ import annotations

import csv
import difflib
import gzip
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from medcite.records import Document

CLINICAL_TREES = ("C", "D", "E", "F03")
"""Trees whose descriptors can stand for an annotated focus that is no MeSH term itself."""
MAX_TERM_WORDS = 6
"""MeSH terms longer than this are not indexed (a longer term never shadows an occurrence)."""
_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(r"['’]s\b")
_SPLIT = re.compile(r",|;|/|\band\b|\bor\b|[()\[\]\"]", re.IGNORECASE)
_NO_FOCUS = re.compile(r"^\s*n/?a\b", re.IGNORECASE)
_MIN_FOCUS_CHARS = 3
MIN_MISSPELT_CHARS = 6
MISSPELT_RATIO = 0.85
ORGANISM_TREE = "B"
DISEASE_TREE = "C"
LAY_HEADS = {"illness": ("disease", "diseases"), "sickness": ("disease", "diseases")}
"""Lay head nouns and the clinical word read for them (revision 2)."""

Phrase = tuple[str, ...]


def normalise_word(word: str) -> str:
    """Lower case with a light plural reduction (the same on gold names and labels)."""
    word = word.lower()
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def phrase(text: str) -> Phrase:
    """The normalised words of ``text``."""
    return tuple(normalise_word(w) for w in _WORD.findall(_POSSESSIVE.sub("", text)))


@dataclass(frozen=True, slots=True)
class Mesh:
    """MeSH descriptors by term (normalised phrase → descriptor ids), their terms and trees."""

    by_term: dict[Phrase, frozenset[str]]
    terms: dict[str, tuple[str, ...]]
    trees: dict[str, tuple[str, ...]]

    def descriptors(self, name: str) -> frozenset[str]:
        return self.by_term.get(phrase(name), frozenset())

    def narrower_or_same(self, descriptor: str, gold: frozenset[str]) -> bool:
        """True if ``descriptor`` is a gold descriptor or below one in the MeSH trees."""
        if descriptor in gold:
            return True
        roots = [t for g in gold for t in self.trees.get(g, ())]
        return any(
            tree == root or tree.startswith(root + ".")
            for tree in self.trees.get(descriptor, ())
            for root in roots
        )


def read_mesh(terms_path: Path, trees_path: Path | None) -> Mesh:
    """Read the descriptor-terms and descriptor-trees TSVs (gzip, with a header row)."""
    by_term: dict[Phrase, set[str]] = {}
    terms: dict[str, list[str]] = {}
    for row in _rows(terms_path):
        ui, name, term = row["DescriptorUI"], row["DescriptorName"], row["TermName"]
        names = terms.setdefault(ui, [name])
        names.append(term)
        for text in (name, term):
            words = phrase(text)
            if 0 < len(words) <= MAX_TERM_WORDS:
                by_term.setdefault(words, set()).add(ui)
    trees: dict[str, list[str]] = {}
    if trees_path is not None:
        for row in _rows(trees_path):
            tree = row.get("TreeNumber") or row.get("tree_location") or ""
            if tree:
                trees.setdefault(row["DescriptorUI"], []).append(tree)
    return Mesh(
        by_term={k: frozenset(v) for k, v in by_term.items()},
        terms={k: tuple(dict.fromkeys(v)) for k, v in terms.items()},
        trees={k: tuple(v) for k, v in trees.items()},
    )


def _rows(path: Path) -> Iterable[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


@cache
def load_mesh(terms_path: Path, trees_path: Path | None) -> Mesh:
    """:func:`read_mesh`, once per pair of files."""
    return read_mesh(terms_path, trees_path)


@dataclass(frozen=True, slots=True)
class Focus:
    """One gold focus: its names (normalised phrases) and its MeSH descriptors."""

    text: str
    names: frozenset[Phrase]
    descriptors: frozenset[str]


class TopicJudge:
    """Judges whether documents are about a gold focus (see the module docstring)."""

    def __init__(self, mesh: Mesh, revision: int = 2) -> None:
        self.mesh = mesh
        self.revision = revision
        self._foci: dict[str, tuple[Focus, ...]] = {}
        self._by_letter: dict[str, list[str]] | None = None

    @classmethod
    def from_files(
        cls, terms_path: Path | str, trees_path: Path | str | None, revision: int = 2
    ) -> TopicJudge:
        trees = Path(trees_path) if trees_path is not None else None
        return cls(load_mesh(Path(terms_path), trees), revision)

    def foci(self, focus: str) -> tuple[Focus, ...]:
        """The gold foci a focus string names (cached)."""
        if focus not in self._foci:
            self._foci[focus] = tuple(self._focus(part) for part in self.split(focus))
        return self._foci[focus]

    def split(self, focus: str) -> list[str]:
        """The foci a focus string lists (itself when it is one MeSH term)."""
        if _NO_FOCUS.match(focus):
            return []
        if self.mesh.descriptors(focus):
            return [focus.strip()]
        parts = (p.strip(" .-") for p in _SPLIT.split(focus))
        return list(dict.fromkeys(p for p in parts if len(p) >= _MIN_FOCUS_CHARS))

    def _focus(self, text: str) -> Focus:
        descriptors = (
            self.mesh.descriptors(text)
            or self._misspelt(text)
            or self._lay(text)
            or self._contained(text)
        )
        names = {phrase(text)}
        for ui in descriptors:
            names.update(phrase(term) for term in self.mesh.terms.get(ui, ()))
        return Focus(text, frozenset(n for n in names if n), descriptors)

    def _spellings(self, words: Phrase) -> list[list[str]]:
        """Per word, the MeSH words it may be a misspelling of: itself when it is no
        misspelling, none when a long word is close to no MeSH word."""
        if self._by_letter is None:
            self._by_letter = _words_by_letter(self.mesh)
        options: list[list[str]] = []
        for word in words:
            pool = self._by_letter.get(word[0], []) if word else []
            if len(word) < MIN_MISSPELT_CHARS or word in pool:
                options.append([word])
                continue
            pool = [w for w in pool if abs(len(w) - len(word)) <= 2]
            options.append(difflib.get_close_matches(word, pool, n=3, cutoff=MISSPELT_RATIO))
        return options

    def _lay(self, text: str) -> frozenset[str]:
        """Revision 2: the descriptors of ``text`` with a lay head noun read as clinical."""
        words = phrase(text)
        if self.revision < 2 or not any(w in LAY_HEADS for w in words):
            return frozenset()
        options = [[normalise_word(c) for c in LAY_HEADS.get(w, (w,))] for w in words]
        for candidate in itertools.product(*options):
            if candidate in self.mesh.by_term:
                return self.mesh.by_term[candidate]
        return frozenset()

    def _misspelt(self, text: str) -> frozenset[str]:
        """The descriptors of the MeSH term ``text`` misspells (see the module docstring)."""
        words = phrase(text)
        options = self._spellings(words)
        if not all(options):
            return frozenset()
        for candidate in itertools.product(*options):
            if candidate != words and candidate in self.mesh.by_term:
                return self.mesh.by_term[candidate]
        return frozenset()

    def _contained(self, text: str) -> frozenset[str]:
        """For a focus that is no MeSH term ("shingles outbreak", "acute fibromyalgia"): the
        clinical descriptors (trees C, D, E, F03) of the longest MeSH terms inside it; from
        revision 2 with its misspelt words corrected."""
        words = phrase(text)
        if self.revision >= 2:
            options = self._spellings(words)
            words = tuple(o[0] if o else w for o, w in zip(options, words, strict=True))
        for size in range(len(words) - 1, 0, -1):
            found = {
                ui
                for start in range(len(words) - size + 1)
                for ui in self.mesh.by_term.get(words[start : start + size], frozenset())
                if any(t.startswith(CLINICAL_TREES) for t in self.mesh.trees.get(ui, ()))
            }
            if found:
                return frozenset(found)
        return frozenset()

    def about(self, document: Document, focus: str) -> bool:
        """True if ``document`` is about the focus (any of the foci it lists)."""
        labels = [phrase(label) for label in document_labels(document)]
        foci = self.foci(focus)
        if any(self._mentions(label, f) for f in foci for label in labels):
            return True
        return self.revision >= 3 and any(
            self._names_narrower(label, f.descriptors) for f in foci for label in labels
        )

    def _names_narrower(self, label: Phrase, gold: frozenset[str]) -> bool:
        """Revision 3: ``label`` names a descriptor strictly below a gold one (not shadowed)."""
        if not gold:
            return False
        for start in range(len(label)):
            for end in range(start + 1, min(len(label), start + MAX_TERM_WORDS) + 1):
                found = self.mesh.by_term.get(label[start:end], frozenset())
                narrower = [d for d in found - gold if self.mesh.narrower_or_same(d, gold)]
                if narrower and not self._shadowed(label, start, end, frozenset(narrower)):
                    return True
        return False

    def _mentions(self, label: Phrase, focus: Focus) -> bool:
        for name in focus.names:
            for start in _occurrences(label, name):
                if not self._shadowed(label, start, start + len(name), focus.descriptors):
                    return True
        return False

    def _shadowed(self, label: Phrase, start: int, end: int, gold: frozenset[str]) -> bool:
        """True if a longer MeSH term of another, not narrower, descriptor covers the span."""
        for span in _covering_spans(len(label), start, end):
            others = self.mesh.by_term.get(label[span[0] : span[1]], frozenset())
            if others and not any(self._counts(d, gold) for d in others):
                return True
        return False

    def _counts(self, descriptor: str, gold: frozenset[str]) -> bool:
        """A covering term's descriptor that does not take the occurrence away from the gold:
        the gold or narrower, or (revision 2) a disease named after a gold organism."""
        if self.mesh.narrower_or_same(descriptor, gold):
            return True
        if self.revision < 2:
            return False
        organism = any(
            t.startswith(ORGANISM_TREE) for g in gold for t in self.mesh.trees.get(g, ())
        )
        trees = self.mesh.trees.get(descriptor, ())
        return organism and any(t.startswith(DISEASE_TREE) for t in trees)


def _words_by_letter(mesh: Mesh) -> dict[str, list[str]]:
    """MeSH's words by first letter (sorted)."""
    by_letter: dict[str, list[str]] = {}
    for word in sorted({w for term in mesh.by_term for w in term}):
        by_letter.setdefault(word[0], []).append(word)
    return by_letter


def document_labels(document: Document) -> list[str]:
    """What a document says it is about: title, MedQuAD focus, synonyms, MeSH headings."""
    labels = [document.title, document.focus or "", *document.synonyms, *document.mesh_terms]
    return [label for label in labels if label]


def _occurrences(label: Phrase, name: Phrase) -> list[int]:
    size = len(name)
    if not size or size > len(label):
        return []
    return [i for i in range(len(label) - size + 1) if label[i : i + size] == name]


def _covering_spans(length: int, start: int, end: int) -> Sequence[tuple[int, int]]:
    """Spans of at most MAX_TERM_WORDS words strictly containing ``[start, end)``."""
    spans = []
    for left in range(max(0, end - MAX_TERM_WORDS), start + 1):
        for right in range(end, min(length, left + MAX_TERM_WORDS) + 1):
            if (left, right) != (start, end):
                spans.append((left, right))
    return spans
