"""Searching a sharded index on a Ray cluster: one searcher actor per shard.

``medcite ask/search/serve --ray ADDRESS`` (or ``MEDCITE_RAY_ADDRESS``) opens a sharded index with
:func:`ray_pool`: each shard gets a :class:`ShardSearcher` actor that opens its shard once and
runs what the driver sends it (a search with the collection's IDF, a read by id, the shard's
term statistics); :class:`~medcite.index.sharded.ShardedIndex` merges the shards' top-k in the
driver, exactly as with the local thread pool. The actors need the index directory at the same
path on every node (a shared file system, or one machine).

A searcher that dies (its process killed, its node lost) is restarted by Ray
(``max_restarts``) and the call it was serving is retried (``max_task_retries``); a failure that
outlasts the retries is one line, :class:`~medcite.errors.IndexError_`. Ray is imported only
here, and only when an address is given (the ``ray`` extra: ``pip install 'medcite[ray]'``).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from medcite.errors import IndexError_, InputError
from medcite.index.shard import Shard
from medcite.index.shards import ShardLayout

log = logging.getLogger(__name__)

T = TypeVar("T")
INSTALL_HINT = "pip install 'medcite[ray]'"
ACTOR_CPUS = 0.1
"""CPU a searcher reserves (for scheduling: Ray does not cap it): searches are short, so many
shards share a core."""
MAX_RESTARTS = 3
"""How often Ray restarts a searcher that died."""
MAX_TASK_RETRIES = 3
"""How often a call to a searcher that died is retried (on its restarted process)."""
CONNECT_TIMEOUT_S = 5.0
"""How long to wait for a HOST:PORT cluster address to answer before saying it does not."""
CALL_TIMEOUT_S = 120.0
"""Longest wait for the shards' answer to one call (restarts included)."""


def ray_module() -> ModuleType:
    """Ray, or one clear line saying how to install it."""
    try:
        import ray
    except ImportError:
        raise InputError(f"--ray needs Ray: {INSTALL_HINT}") from None
    return ray


def connect(address: str) -> ModuleType:
    """Join the Ray cluster at ``address`` (``auto``, ``ray://host:10001``; ``local`` starts
    one in this process) unless this process already joined one."""
    ray = ray_module()
    if ray.is_initialized():
        return ray
    _check_reachable(address)
    try:
        if address == "local":
            ray.init(include_dashboard=False, log_to_driver=False)
        else:
            ray.init(address=address, log_to_driver=False)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise IndexError_(f"cannot join the Ray cluster at {address!r}: {first}") from exc
    return ray


def _check_reachable(address: str) -> None:
    """A ``HOST:PORT`` address nobody listens at fails in seconds, in one line (``ray.init``
    would retry for minutes)."""
    host, _colon, port = address.rpartition(":")
    if "://" in address or not host or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as exc:
        raise IndexError_(
            f"cannot join the Ray cluster at {address!r}: nothing answers there ({exc}); start "
            "it with `ray start --head` or give its address"
        ) from None


class ShardSearcher:
    """The body of a searcher actor: one shard, opened once, searched on request."""

    def __init__(self, path: str) -> None:
        self._path = Path(path)
        self._shard: Shard | None = None

    def _opened(self) -> Shard:
        if self._shard is None:
            self._shard = Shard.open(self._path)
        return self._shard

    def run(self, task: Callable[[Shard], T]) -> T:
        return task(self._opened())

    def reload(self) -> None:
        self._opened().reload()

    def pid(self) -> int:
        """The actor's process id (tests kill it to check restarts)."""
        return os.getpid()

    def node(self) -> str:
        """The id of the Ray node the actor runs on."""
        import ray

        return str(ray.get_runtime_context().get_node_id())


class RayShardPool:
    """A :class:`~medcite.index.sharded.ShardPool` of searcher actors, one per shard."""

    def __init__(self, ray: ModuleType, actors: Sequence[Any]) -> None:
        self._ray = ray
        self.actors = tuple(actors)

    @property
    def count(self) -> int:
        return len(self.actors)

    def map(self, tasks: Sequence[Callable[[Shard], T]]) -> list[T]:
        refs = [a.run.remote(t) for a, t in zip(self.actors, tasks, strict=True)]
        with self._failures():
            found: list[T] = self._ray.get(refs, timeout=CALL_TIMEOUT_S)
        return found

    def run(self, shard: int, task: Callable[[Shard], T]) -> T:
        with self._failures():
            found: T = self._ray.get(self.actors[shard].run.remote(task), timeout=CALL_TIMEOUT_S)
        return found

    def reload(self) -> None:
        with self._failures():
            self._ray.get([a.reload.remote() for a in self.actors], timeout=CALL_TIMEOUT_S)

    def close(self) -> None:
        for actor in self.actors:
            self._ray.kill(actor, no_restart=True)

    @contextmanager
    def _failures(self) -> Iterator[None]:
        """A medcite error from the index is re-raised as itself; a Ray failure is one line."""
        exceptions = self._ray.exceptions
        try:
            yield
        except exceptions.RayTaskError as exc:
            cause = exc.as_instanceof_cause()
            if isinstance(cause, IndexError_) or not isinstance(cause, Exception):
                raise cause from None
            raise IndexError_(f"shard search failed on Ray: {_first_line(cause)}") from None
        except (exceptions.RayError, TimeoutError) as exc:
            raise IndexError_(f"shard searcher unavailable on Ray: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def ray_pool(layout: ShardLayout, _shards: Sequence[Shard], *, address: str) -> RayShardPool:
    """Searcher actors for every shard of ``layout`` on the cluster at ``address``, spread over
    its nodes."""
    ray = connect(address)
    searcher = ray.remote(ShardSearcher).options(
        num_cpus=ACTOR_CPUS,
        max_restarts=MAX_RESTARTS,
        max_task_retries=MAX_TASK_RETRIES,
        scheduling_strategy="SPREAD",
    )
    actors = [searcher.remote(str(path)) for path in layout.paths()]
    log.info("searching %d shards of %s on Ray (%s)", len(actors), layout.root, address)
    return RayShardPool(ray, actors)
