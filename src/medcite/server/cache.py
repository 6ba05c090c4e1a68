"""A bounded in-memory cache of answers, so a repeated question is answered without re-computing it.

People repeat questions (the page's example buttons, the same common questions), and an answer from
the local index depends only on the question, ``max_refs``, ``detail`` and the index. So the
server keeps the JSON of recent local answers in a least-recently-used cache:

- the key is the normalised question (Unicode NFC, whitespace collapsed; case is kept, because the
  engine reads it, e.g. acronyms), the source, ``max_refs``, ``detail`` (the short and the long
  form of an answer are different answers, with different ids) and ``llm`` (an answer with the
  language model's synthesis is another answer than the extractive one);
- every lookup first checks the index's identity (the files a re-ingest or ``vocab load`` rewrites:
  tantivy's ``meta.json``, ``medcite-index.json``, ``vocab.sqlite``, a sharded index's
  ``shards.json``); when it has changed, the whole
  cache is dropped, so an answer is never served from an older index. The engine's searcher picks
  up a commit a moment after ``meta.json`` changes, so for ``settle_seconds`` after a change
  answers are served but not stored (one could still come from the old index);
- only ``source=local`` answers are cached (live sources change by themselves), errors never (they
  are raised, not stored), and an entry expires after ``ttl_seconds`` (rankings use today's year);
- a hit returns the answer given before, with its id, ``created_at`` and timings, so the answer id
  resolves in the audit log (``GET /v1/answers/{id}``) exactly as for the first request.

The cache lives in one server process; with ``--workers N`` the workers also share answers through
a second level, :class:`~medcite.server.shared_cache.SharedAnswerStore`.
"""

from __future__ import annotations

import math
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

from medcite.records import Answer
from medcite.render.markdown import render as render_markdown
from medcite.server.shared_cache import SharedAnswerStore

Clock = Callable[[], float]
Identity = Callable[[], Hashable]
"""Returns a value that changes whenever the index (or anything an answer is built from) does."""

CACHED_SOURCES = frozenset({"local"})
SETTLE_SECONDS = 5.0
"""After the index changes, how long answers are not stored (tantivy reloads within ~0.5 s)."""
IDENTITY_FILES = ("meta.json", "medcite-index.json", "vocab.sqlite", "shards.json")
"""A sharded index has no ``meta.json`` of its own: each commit touches its ``shards.json``."""
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class AnswerKey:
    question: str
    source: str
    max_refs: int
    detail: bool = False
    llm: bool = False

    def text(self) -> str:
        """The key as one string (for the shared store)."""
        form = "detail" if self.detail else "short"
        if self.llm:
            form += "+llm"
        return f"{self.source}\x1f{self.max_refs}\x1f{form}\x1f{self.question}"


@dataclass(frozen=True)
class CachedAnswer:
    """A finished answer, serialised once: the JSON body and the Markdown of the stream."""

    json: str
    markdown: str
    stored_at: float

    @classmethod
    def of(cls, answer: Answer, now: float) -> CachedAnswer:
        return cls(answer.model_dump_json(), render_markdown(answer), now)


def normalise_question(question: str) -> str:
    """The question as a cache key: NFC, trimmed, runs of whitespace as one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", question)).strip()


def answer_key(
    question: str, source: str, max_refs: int, detail: bool = False, llm: bool = False
) -> AnswerKey | None:
    """The cache key of a request, or None when its answer must not be cached."""
    if source not in CACHED_SOURCES:
        return None
    return AnswerKey(normalise_question(question), source, max_refs, detail, llm)


def index_identity(index_path: Path) -> Identity:
    """The identity of the index at ``index_path``: (mtime, size, inode) of the files a commit,
    a re-ingest or a vocabulary load rewrites. A few ``stat`` calls, cheap enough per request."""
    files = tuple(index_path / name for name in IDENTITY_FILES)

    def identity() -> Hashable:
        return tuple(_stamp(path) for path in files)

    return identity


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_mtime_ns, found.st_size, found.st_ino)


class AnswerCache:
    """LRU of :class:`CachedAnswer` by :class:`AnswerKey`; thread-safe, O(1) per call."""

    def __init__(
        self,
        max_entries: int,
        identity: Identity,
        ttl_seconds: float = 3600.0,
        *,
        clock: Clock = time.monotonic,
        settle_seconds: float = SETTLE_SECONDS,
        shared: SharedAnswerStore | None = None,
    ) -> None:
        if max_entries < 1 or ttl_seconds <= 0:
            raise ValueError("max_entries must be ≥ 1 and ttl_seconds > 0")
        self.max_entries = max_entries
        self.ttl_seconds = ttl_seconds
        self.settle_seconds = settle_seconds
        self.shared = shared
        self._identity = identity
        self._clock = clock
        self._entries: OrderedDict[AnswerKey, CachedAnswer] = OrderedDict()
        self._generation: Hashable = identity()
        self._changed_at = -math.inf
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: AnswerKey) -> CachedAnswer | None:
        """The cached answer for ``key`` (now the most recently used), or None."""
        generation = self._identity()
        found = self._local(key, generation) or self._from_shared(key, generation)
        with self._lock:
            if found is None:
                self.misses += 1
            else:
                self.hits += 1
        return found

    def _local(self, key: AnswerKey, generation: Hashable) -> CachedAnswer | None:
        with self._lock:
            self._check_generation(generation)
            found = self._entries.get(key)
            if found is not None and self._clock() - found.stored_at > self.ttl_seconds:
                del self._entries[key]
                found = None
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def _from_shared(self, key: AnswerKey, generation: Hashable) -> CachedAnswer | None:
        """The answer another worker stored (then kept here too), or None."""
        if self.shared is None:
            return None
        row = self.shared.get(key.text(), repr(generation))
        if row is None:
            return None
        json, markdown, age = row
        entry = CachedAnswer(json, markdown, self._clock() - age)
        self._store(key, entry, generation)
        return entry

    def put(self, key: AnswerKey, answer: Answer, generation: Hashable) -> CachedAnswer:
        """Store ``answer``, computed over the index as it was at ``generation`` (read with
        :meth:`generation` before answering: an answer that raced a re-ingest is not stored)."""
        entry = CachedAnswer.of(answer, self._clock())
        if self._store(key, entry, generation) and self.shared is not None:
            self.shared.put(key.text(), repr(generation), entry.json, entry.markdown)
        return entry

    def _store(self, key: AnswerKey, entry: CachedAnswer, generation: Hashable) -> bool:
        """Keep ``entry`` if it was computed over the current, settled index."""
        with self._lock:
            self._check_generation(self._identity())
            if generation != self._generation or not self._settled():
                return False
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return True

    def generation(self) -> Hashable:
        """The index identity now (pass it to :meth:`put` after answering)."""
        return self._identity()

    def _check_generation(self, generation: Hashable) -> None:
        """Drop everything when the index has changed (called with the lock held)."""
        if generation != self._generation:
            self._entries.clear()
            self._generation = generation
            self._changed_at = self._clock()

    def _settled(self) -> bool:
        return self._clock() - self._changed_at >= self.settle_seconds
