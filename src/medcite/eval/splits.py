"""Dev / test splits of every evaluation set: tune on dev, only report test.

A question's split is a pure function of its set and id: the first 8 hex digits of
``sha256("medcite-split-v1:<dataset>:<qid>")`` taken as an integer; even → ``dev``, odd → ``test``.
No seed file, no state: the same question is in the same split on every machine and in every
run, and adding questions to a set never moves the old ones. The salt (``SPLIT_SALT``) is fixed;
changing it would unfreeze the test part, so it is never changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import Literal, Protocol, TypeVar

Split = Literal["dev", "test"]
SPLITS: tuple[Split, ...] = ("dev", "test")
SPLIT_SALT = "medcite-split-v1"


class _Identified(Protocol):
    @property
    def dataset(self) -> str: ...

    @property
    def qid(self) -> str: ...


T = TypeVar("T", bound=_Identified)


def split_of(dataset: str, qid: str) -> Split:
    """``dev`` or ``test`` for question ``qid`` of ``dataset`` (stable, about half each)."""
    digest = hashlib.sha256(f"{SPLIT_SALT}:{dataset}:{qid}".encode()).hexdigest()
    return "dev" if int(digest[:8], 16) % 2 == 0 else "test"


def order_key(dataset: str, qid: str) -> str:
    """A stable pseudo-random order within a split (for drawing review samples)."""
    return hashlib.sha256(f"{SPLIT_SALT}:order:{dataset}:{qid}".encode()).hexdigest()


def in_split(items: Iterable[T], split: Split | None) -> Iterator[T]:
    """The items of ``split`` (all items when ``split`` is None)."""
    for item in items:
        if split is None or split_of(item.dataset, item.qid) == split:
            yield item
