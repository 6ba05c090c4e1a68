"""Clinical vocabulary for query expansion: MeSH entry terms, MedQuAD synonyms, lay terms.

``medcite vocab load FILE`` stores MeSH descriptors and entry terms in ``vocab.sqlite`` beside the
index; MedQuAD topics and their synonyms are read from the index at the same time. A small
hand-curated lay-term table ships with medcite (``data/consumer_terms.tsv``) for consumer wording
that MeSH lacks ("twitch", "heart attack" is in MeSH, "facial twitch" is not).

Lookups are exact matches of normalised n-grams of the question (lower-cased, simple plural
stripping), so the query path does a handful of indexed SQLite reads and nothing else.
"""

from __future__ import annotations

import contextlib
import csv
import gzip
import io
import logging
import re
import sqlite3
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from medcite.errors import IndexError_, InputError
from medcite.query.drugs import read_tsv
from medcite.query.english import is_common_english
from medcite.text import STOPWORDS, normalise

log = logging.getLogger(__name__)

VOCAB_FILE = "vocab.sqlite"
VOCAB_VERSION = 3
"""2: the ``words`` table (the spelling corrector's word counts) is built at load time.
3: every term points at a concept key (MeSH DescriptorUI, or ``mq:<focus>`` for a MedQuAD topic
MeSH lacks) and ``concepts`` holds each concept's name and full MeSH tree numbers, so a question's
concept and a document's can be compared as concepts (same, or narrower in the MeSH trees)."""
MAX_NGRAM = 5
HEALTH_TREES = frozenset("ACDEF")
"""MeSH top-level trees that make a question health-related (anatomy, diseases, drugs,
techniques, psychiatry); G (phenomena), N (health care, which includes economics) and the
non-medical trees do not."""
MIN_SYNONYM_CHARS = 4
"""MedQuAD synonyms shorter than this ("IS" for infantile spasms, "THE", "CAR") are skipped:
as lower-case words they collide with ordinary English. One with a digit ("A1C") is kept."""
EXPANSION_TREES = frozenset("ACDEFG")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS terms (
    term TEXT NOT NULL, concept TEXT NOT NULL, trees TEXT NOT NULL, origin TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (term, concept, origin)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS concepts (
    key TEXT PRIMARY KEY, name TEXT NOT NULL, tree_numbers TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY, terms INTEGER NOT NULL) WITHOUT ROWID;
"""
MEDQUAD_KEY_PREFIX = "mq:"
TERMS_EXAMPLE = "mesh2021_descriptor_terms.tsv.gz"
TREES_EXAMPLE = "mesh2021_descriptor_trees.tsv.gz"
LOAD_COMMAND = f"medcite vocab load {TERMS_EXAMPLE} --trees {TREES_EXAMPLE}"
"""How the vocabulary is (re)built, as every message that asks for it says."""


PRONOUN_OPENINGS = frozenset({"her", "his", "my", "our", "your", "their", "its"})
"""Possessive pronouns: normalised, an eponym's entry term can read as one ("Hers disease" →
"her disease", which "her condition" would then name); no concept's phrase opens with one."""


def _opens_with_a_pronoun(phrase: str) -> bool:
    first, _, rest = phrase.partition(" ")
    return bool(rest) and first in PRONOUN_OPENINGS


def ngrams(words: list[str], max_n: int = MAX_NGRAM) -> Iterator[tuple[int, int, str]]:
    """(start, end, phrase) for every n-gram up to ``max_n`` words, longest first."""
    for n in range(min(max_n, len(words)), 0, -1):
        for start in range(len(words) - n + 1):
            yield start, start + n, " ".join(words[start : start + n])


@dataclass(frozen=True)
class Concept:
    """A clinical concept a phrase of the question maps to."""

    phrase: str
    """The normalised words of the question that matched."""
    name: str
    """The clinical name (MeSH descriptor, MedQuAD topic or curated clinical term)."""
    trees: str
    """MeSH top-level tree letters of the concept ("C", "CD" ...), "" when unknown."""
    origin: str
    """``mesh``, ``medquad`` or ``lay``."""
    key: str = ""
    """Concept identity: MeSH DescriptorUI (``D005334``), ``mq:<normalised focus>`` for a MedQuAD
    topic MeSH lacks, ``lay:<normalised name>`` for a curated term; "" when unknown."""
    tree_numbers: tuple[str, ...] = ()
    """Full MeSH tree numbers (``C23.888.119.344``): a concept whose tree number starts with one
    of these is narrower."""


@cache
def _lay_word_counts() -> Counter[str]:
    counts: Counter[str] = Counter()
    for lay in lay_terms():
        counts.update(lay.split())
    return counts


PREDICATIVE = frozenset(
    "swollen puffy sore itchy dry runny stuffy blocked enlarged underactive overactive "
    "bleeding inflamed infected numb stiff weak".split()
)
"""Adjectives a patient also puts after the noun ("my ankle is swollen", "throat is sore"): a
two-word lay term opening with one is also matched the other way round (the question words
between them are gone from the focus)."""


@cache
def lay_terms() -> dict[str, tuple[str, ...]]:
    """The shipped lay-term table: normalised lay phrase → clinical terms (with the reversed
    order of a two-word term that opens with a :data:`PREDICATIVE` adjective)."""
    text = resources.files("medcite.query").joinpath("data/consumer_terms.tsv").read_text("utf-8")
    table: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lay, _tab, clinical = line.partition("\t")
            table[normalise(lay)] = tuple(t.strip() for t in clinical.split(";") if t.strip())
    for phrase, names in list(table.items()):
        words = phrase.split()
        if len(words) == 2 and words[0] in PREDICATIVE:
            table.setdefault(f"{words[1]} {words[0]}", names)
    return table


class Vocabulary:
    """Phrase → concept lookups over the lay table and, when loaded, ``vocab.sqlite``."""

    def __init__(self, db_path: Path | None) -> None:
        self.db_path = db_path if db_path is not None and db_path.exists() else None
        self._conn: sqlite3.Connection | None = None
        self._without_words = False
        self._old_schema = False

    @property
    def loaded(self) -> bool:
        return self.db_path is not None

    def _db(self) -> sqlite3.Connection | None:
        if self._conn is None and self.db_path is not None:
            uri = f"file:{self.db_path}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            try:
                self._old_schema = _version(conn) < VOCAB_VERSION
            except sqlite3.DatabaseError as exc:
                conn.close()
                raise IndexError_(
                    f"the vocabulary {self.db_path} is damaged ({exc}); rebuild it with "
                    f"`{LOAD_COMMAND}` (your index is not affected)"
                ) from None
            self._conn = conn
            if self._old_schema:
                log.warning(
                    "%s was built by an older medcite: run `medcite vocab load` again so "
                    "questions and documents are matched as concepts",
                    self.db_path,
                )
        return self._conn

    @property
    def concept_aware(self) -> bool:
        """True when the loaded vocabulary knows concept keys and tree numbers (version ≥ 3)."""
        return self._db() is not None and not self._old_schema

    def lookup(self, phrases: Iterable[str]) -> list[Concept]:
        """Concepts for any of ``phrases`` (normalised n-grams); a phrase of several words that
        opens with a possessive pronoun is none (:data:`PRONOUN_OPENINGS`)."""
        wanted = [p for p in dict.fromkeys(phrases) if not _opens_with_a_pronoun(p)]
        found = [Concept(p, name, "", "lay") for p in wanted for name in lay_terms().get(p, ())]
        db = self._db()
        if db is not None and wanted:
            marks = ",".join("?" * len(wanted))
            found.extend(self._rows(db, marks, wanted))
        return found

    def by_phrase(self, phrases: Iterable[str]) -> dict[str, list[Concept]]:
        """:meth:`lookup`, grouped by the phrase each concept was found for."""
        found: dict[str, list[Concept]] = {}
        for concept in self.lookup(phrases):
            found.setdefault(concept.phrase, []).append(concept)
        return found

    def _rows(self, db: sqlite3.Connection, marks: str, wanted: list[str]) -> Iterator[Concept]:
        if self._old_schema:
            sql = f"SELECT term, concept, trees, origin FROM terms WHERE term IN ({marks})"
            for row in db.execute(sql, wanted):
                yield Concept(*row)
            return
        sql = (
            "SELECT t.term, t.concept, t.trees, t.origin, t.key, coalesce(c.tree_numbers, '') "
            f"FROM terms t LEFT JOIN concepts c ON c.key = t.key WHERE t.term IN ({marks})"
        )
        for term, name, trees, origin, key, numbers in db.execute(sql, wanted):
            yield Concept(term, name, trees, origin, key, tuple(numbers.split()))

    def page_names(self, keys: Collection[str]) -> dict[str, tuple[str, ...]]:
        """For each of ``keys`` (MeSH DescriptorUIs): the names of the NIH pages (MedQuAD topics)
        that share it, in a stable order ("Gastrointestinal Bleeding" for gastrointestinal
        hemorrhage). Empty for a vocabulary without concept keys."""
        db = self._db()
        wanted = sorted(k for k in keys if k)
        if db is None or not wanted or self._old_schema:
            return {}
        marks = ",".join("?" * len(wanted))
        sql = (
            "SELECT DISTINCT key, concept FROM terms "
            f"WHERE origin = 'medquad' AND key IN ({marks}) ORDER BY key, concept"
        )
        found: dict[str, list[str]] = {}
        for key, name in db.execute(sql, wanted):
            found.setdefault(key, []).append(name)
        return {k: tuple(v) for k, v in found.items()}

    def filed_at(self, tree_numbers: Collection[str]) -> dict[str, str]:
        """Key → name of the descriptors filed at any of ``tree_numbers`` (a scan of the
        concept table, a few milliseconds: asked only for a topic no page is on)."""
        return dict(self._concepts_filed(tree_numbers, "key, name", "% {} %"))

    def filed_under(self, tree_numbers: Collection[str]) -> dict[str, tuple[str, ...]]:
        """Name → tree numbers of the descriptors filed anywhere below one of ``tree_numbers``
        (a scan of the concept table, a few milliseconds: asked only for a disease named
        beside a body part)."""
        rows = self._concepts_filed(tree_numbers, "name, tree_numbers", "% {}.%")
        return {name: tuple(numbers.split()) for name, numbers in rows}

    def _concepts_filed(
        self, tree_numbers: Collection[str], columns: str, like: str
    ) -> list[tuple[str, str]]:
        """``columns`` of the concepts one of whose tree numbers matches ``like`` (a LIKE
        pattern with ``{}`` for each of ``tree_numbers``, within spaces)."""
        db = self._db()
        wanted = sorted(tree_numbers)
        if db is None or not wanted or self._old_schema:
            return []
        where = " OR ".join("(' ' || tree_numbers || ' ') LIKE ?" for _ in wanted)
        sql = f"SELECT {columns} FROM concepts WHERE {where} ORDER BY key"
        return list(db.execute(sql, [like.format(n) for n in wanted]).fetchall())

    def pages_named(self, names: Collection[str]) -> tuple[str, ...]:
        """The NIH pages (MedQuAD topics) that have one of ``names`` as their topic or one of
        its synonyms ("Yeast Infections", whose synonyms include candidiasis)."""
        db = self._db()
        wanted = sorted({normalise(n) for n in names})
        if db is None or not wanted or self._old_schema:
            return ()
        marks = ",".join("?" * len(wanted))
        sql = (
            "SELECT DISTINCT concept FROM terms "
            f"WHERE origin = 'medquad' AND term IN ({marks}) ORDER BY concept"
        )
        return tuple(name for (name,) in db.execute(sql, wanted))

    def concepts_named(self, names: Iterable[str]) -> dict[str, Concept]:
        """The concept each of ``names`` (clinical names, e.g. a lay-table right-hand side) is a
        vocabulary term of, preferring MeSH; names the vocabulary lacks are left out."""
        wanted = {normalise(n): n for n in names}
        found: dict[str, Concept] = {}
        for concept in sorted(self.lookup(wanted), key=lambda c: c.origin != "mesh"):
            if concept.key and concept.phrase not in found:
                found[concept.phrase] = concept
        return {wanted[p]: c for p, c in found.items()}

    def word_counts(self, words: Collection[str]) -> dict[str, int]:
        """For each of ``words`` that occurs in a vocabulary term: the number of terms using it
        (the spelling corrector's dictionary; counted once, by ``medcite vocab load``)."""
        lay = _lay_word_counts()
        counts = {w: lay[w] for w in words if w in lay}
        db = self._db()
        if db is None or not words or self._without_words:
            return counts
        marks = ",".join("?" * len(words))
        try:
            rows = db.execute(f"SELECT word, terms FROM words WHERE word IN ({marks})", list(words))
        except sqlite3.OperationalError:
            log.warning(
                "%s predates word counts: run `medcite vocab load` again to enable spelling "
                "correction of clinical words",
                self.db_path,
            )
            self._without_words = True
            return counts
        for word, terms in rows:
            counts[word] = counts.get(word, 0) + terms
        return counts

    def words_beginning(self, prefix: str, shortest: int, longest: int) -> dict[str, int]:
        """The words of vocabulary terms that begin with ``prefix`` and have ``shortest`` to
        ``longest`` letters, with the number of terms using each (the spelling corrector's
        candidates for a long misspelt name)."""
        lay = _lay_word_counts()
        counts = {
            w: n for w, n in lay.items() if w.startswith(prefix) and shortest <= len(w) <= longest
        }
        db = self._db()
        if db is None or self._without_words or not prefix:
            return counts
        sql = (
            "SELECT word, terms FROM words WHERE word >= ? AND word < ? "
            "AND length(word) BETWEEN ? AND ?"
        )
        try:
            rows = db.execute(sql, (prefix, prefix + "\uffff", shortest, longest))
        except sqlite3.OperationalError:
            return counts
        for found, terms in rows:
            counts[found] = counts.get(found, 0) + terms
        return counts

    def gaps(self) -> list[str]:
        """What is missing from this vocabulary and what that costs, one sentence each (empty
        when nothing is): shown by ``medcite index info`` and ``medcite serve``."""
        if self.db_path is None:
            return [
                "no vocabulary is loaded: questions are matched as words, not concepts, and the "
                f"out-of-scope check is off; run `medcite vocab load {TERMS_EXAMPLE}`"
            ]
        db = self._db()
        if db is None or self._old_schema:
            return [
                "the vocabulary was built by an older medcite; "
                f"run `medcite vocab load {TERMS_EXAMPLE}`"
            ]
        (with_trees,) = db.execute(
            "SELECT count(*) FROM concepts WHERE tree_numbers != ''"
        ).fetchone()
        if with_trees:
            return []
        return [
            "the vocabulary has no MeSH tree numbers: the topic gate and the out-of-scope check "
            f"are weaker; run `{LOAD_COMMAND}`"
        ]

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


# --- loading -----------------------------------------------------------------------------------


def load_mesh_terms(db_path: Path, tsv: Path, trees_tsv: Path | None = None) -> int:
    """Load a MeSH descriptor/entry-term TSV (DescriptorUI, DescriptorName, TermName) into the
    vocabulary database; returns the number of terms. Reloading replaces the MeSH rows."""
    numbers = _read_tree_numbers(trees_tsv) if trees_tsv else {}
    names: dict[str, str] = {}

    def rows() -> Iterator[tuple[str, str, str, str, str]]:
        for ui, name, term in _tsv(tsv, 3):
            names.setdefault(ui, name)
            if not code_name(normalise(term)):
                yield normalise(term), name, _letters(numbers.get(ui, ())), "mesh", ui

    count = _replace(db_path, "mesh", rows())
    concepts = ((ui, name, " ".join(numbers.get(ui, ()))) for ui, name in names.items())
    _replace_concepts(db_path, "D", concepts)
    return count


def code_name(term: str) -> bool:
    """True for a laboratory code name made of numbers, single letters and function words
    ("at 10" for dihydrotachysterol, "r 837", "by 1023"): nobody asks by it, and "at 10 weeks
    pregnant" names no drug."""
    return all(w.isdigit() or len(w) == 1 or w in STOPWORDS for w in term.split())


def trees_beside(terms: Path) -> Path | None:
    """The tree-number TSV published beside a MeSH terms TSV (``…_terms.tsv.gz`` →
    ``…_trees.tsv.gz``), if it is there: ``vocab load`` uses it when ``--trees`` is not given."""
    if "terms" not in terms.name:
        return None
    candidate = terms.with_name(terms.name.replace("terms", "trees"))
    return candidate if candidate.is_file() else None


def load_synonyms(db_path: Path, pairs: Iterable[tuple[str, str]], origin: str) -> int:
    """Store (synonym, concept) pairs, e.g. MedQuAD synonyms → focus, replacing ``origin`` rows.
    Synonyms shorter than MIN_SYNONYM_CHARS are skipped, and so are acronyms that spell an
    everyday word (:func:`everyday_acronym`)."""
    pairs = [(s, c) for s, c in pairs if not everyday_acronym(s, c)]
    keys = _topic_keys(db_path, {c for _s, c in pairs})
    rows = ((normalise(s), c, "", origin, keys[c][0]) for s, c in pairs)
    count = _replace(db_path, origin, (r for r in rows if _long_enough(r[0])))
    own = ((key, name, "") for name, (key, own) in keys.items() if own)
    _replace_concepts(db_path, MEDQUAD_KEY_PREFIX, own)
    return count


def _long_enough(term: str) -> bool:
    """At least MIN_SYNONYM_CHARS long, or holding a digit ("A1C", "B12"): no English word
    has one."""
    return len(term) >= MIN_SYNONYM_CHARS or any(ch.isdigit() for ch in term)


def everyday_acronym(synonym: str, concept: str) -> bool:
    """True for a synonym written in capitals that spells a common English word outside the
    concept's name ("HARD" for hantavirus pulmonary syndrome, "FIRES", "LORD", "TRAPS",
    "CLIPPERS"): as a lower-case question word it means the word ("hard to breathe", "nail
    clippers"). Street names written as words ("Speed", "Coke") stay; a page is not about them
    (``evidence.topic.nicknames``)."""
    term = normalise(synonym)
    return (
        synonym.isupper()
        and " " not in term
        and term not in normalise(concept).split()
        and (is_common_english(term) or is_common_english(synonym.lower()))
    )


DISORDER_HEADS = {"disorder": "disease", "bleeding": "hemorrhage"}
"""Heads a topic name may swap for MeSH's own word for the same grouping: MedlinePlus says
"Stomach Disorders" where MeSH says "Stomach Diseases", "Gastrointestinal Bleeding" where MeSH
says "Gastrointestinal Hemorrhage"."""


_PROBLEMS = re.compile(r"problem (?:with|of) (?P<part>[a-z]+(?: [a-z]+)?)|(?P<of>[a-z]+) problem")
"""A grouping named as problems with a function or part ("Problems with Taste", "Foot
Problems"): MeSH names it "<part> disorders"."""
_COORDINATED = re.compile(r"(?P<a>[a-z]+) and (?P<b>[a-z]+) (?P<head>disorder|disease)")
"""Two functions or parts under one head ("Taste and Smell Disorders"): each with the head."""


@cache
def topic_descriptors() -> dict[str, str]:
    """The shipped table of NIH page topics named in lay words (``data/topic_mesh.tsv``):
    normalised topic → normalised name of the MeSH descriptor the page is about ("Breathing
    Problems" → dyspnea)."""
    return {normalise(topic): normalise(names[0]) for topic, names in read_tsv("topic_mesh.tsv")}


def _topic_terms(name: str) -> list[str]:
    """The MeSH name the curated table gives a lay-named topic (:func:`topic_descriptors`),
    the normalised name, then the groupings it may be under MeSH's wording: "<part>
    disorders" for problems with a part (:data:`_PROBLEMS`), each part of a coordinated head
    (:data:`_COORDINATED`), and MeSH's word for the head ("Stomach Disorders" → stomach
    diseases)."""
    term = normalise(name)
    curated = topic_descriptors().get(term)
    terms = [curated, term] if curated else [term]
    if problems := _PROBLEMS.fullmatch(term):
        terms.append(f"{problems['part'] or problems['of']} disorder")
    if both := _COORDINATED.fullmatch(term):
        terms += [f"{both['a']} {both['head']}", f"{both['b']} {both['head']}"]
    for found in list(terms):
        first, _, head = found.rpartition(" ")
        if first and head in DISORDER_HEADS:
            terms.append(f"{first} {DISORDER_HEADS[head]}")
    return list(dict.fromkeys(terms))


def _topic_keys(db_path: Path, names: Collection[str]) -> dict[str, tuple[str, bool]]:
    """Each topic name → (concept key, True when the key is the topic's own): the MeSH
    descriptor whose term the name is, else ``mq:<normalised name>``."""
    found: dict[str, str] = {}
    if db_path.exists():
        with sqlite3.connect(db_path) as db:
            current = _version(db) >= VOCAB_VERSION
            for name in names if current else ():
                for term in _topic_terms(name):
                    row = db.execute(
                        "SELECT key FROM terms WHERE term = ? AND origin = 'mesh' AND key != '' "
                        "ORDER BY key LIMIT 1",
                        (term,),
                    ).fetchone()
                    if row:
                        found[name] = row[0]
                        break
    return {
        n: (found[n], False) if n in found else (MEDQUAD_KEY_PREFIX + normalise(n), True)
        for n in names
    }


def _replace_concepts(db_path: Path, key_prefix: str, rows: Iterable[tuple[str, str, str]]) -> None:
    with sqlite3.connect(db_path) as db:
        db.executescript(_SCHEMA)
        db.execute("DELETE FROM concepts WHERE key LIKE ?", (key_prefix + "%",))
        db.executemany("INSERT OR REPLACE INTO concepts VALUES (?, ?, ?)", rows)


def _version(db: sqlite3.Connection) -> int:
    try:
        row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row and str(row[0]).isdigit() else 0


def _replace(db_path: Path, origin: str, rows: Iterable[tuple[str, str, str, str, str]]) -> int:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    _discard_if_damaged(db_path)
    with sqlite3.connect(db_path) as db:
        if _version(db) < VOCAB_VERSION:
            db.executescript("DROP TABLE IF EXISTS terms; DROP TABLE IF EXISTS concepts;")
        db.executescript(_SCHEMA)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (str(VOCAB_VERSION),))
        db.execute("DELETE FROM terms WHERE origin = ?", (origin,))
        db.executemany(
            "INSERT OR IGNORE INTO terms (term, concept, trees, origin, key) "
            "VALUES (?, ?, ?, ?, ?)",
            (r for r in rows if r[0] and r[1]),
        )
        db.execute("CREATE INDEX IF NOT EXISTS terms_key ON terms (key)")
        (count,) = db.execute("SELECT count(*) FROM terms WHERE origin = ?", (origin,)).fetchone()
        _count_words(db)
    return int(count)


def _discard_if_damaged(db_path: Path) -> None:
    """A vocabulary file that is no SQLite database is derived data being rebuilt: remove it
    (with a warning) so the load can write a new one."""
    if not db_path.is_file():
        return
    try:
        with contextlib.closing(sqlite3.connect(db_path)) as db:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        log.warning("%s is damaged (%s): replacing it", db_path, exc)
        db_path.unlink()


def _count_words(db: sqlite3.Connection) -> None:
    """Rebuild ``words``: every word of the terms → the number of terms using it."""
    counts: Counter[str] = Counter()
    for (term,) in db.execute("SELECT term FROM terms"):
        counts.update(term.split())
    db.execute("DELETE FROM words")
    db.executemany("INSERT INTO words VALUES (?, ?)", counts.items())


def _tsv(path: Path, columns: int) -> Iterator[tuple[str, ...]]:
    """Rows of a (possibly gzipped) TSV with a header; malformed files raise InputError."""
    try:
        with _open_text(path) as handle:
            reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(reader, None)
            if header is None or len(header) < columns:
                raise InputError(f"{path}: expected a TSV with at least {columns} columns")
            for row in reader:
                if len(row) >= columns:
                    yield tuple(row[:columns])
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc


def _open_text(path: Path) -> io.TextIOWrapper:
    raw = path.open("rb")
    if raw.peek(2)[:2] == b"\x1f\x8b":
        return io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8")
    return io.TextIOWrapper(raw, encoding="utf-8")


def _read_tree_numbers(path: Path) -> dict[str, tuple[str, ...]]:
    """DescriptorUI → its full tree numbers, from the descriptor-trees TSV."""
    numbers: dict[str, list[str]] = {}
    for ui, _name, location in _tsv(path, 3):
        if location:
            numbers.setdefault(ui, []).append(location)
    return {ui: tuple(v) for ui, v in numbers.items()}


def _letters(numbers: Iterable[str]) -> str:
    """Sorted top-level tree letters of ``numbers`` (``C23.888`` → ``C``)."""
    return "".join(sorted({n[0] for n in numbers if n}))
