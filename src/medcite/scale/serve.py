"""``medcite serve --ray ADDRESS --replicas N``: the HTTP API on Ray Serve.

The app is the one ``medcite serve`` runs (:func:`medcite.server.workers.worker_app`, the same
factory its worker processes use): each of the N replicas builds it from a picklable
:class:`~medcite.server.workers.AppSpec`, opening the index itself; Ray Serve's HTTP proxy on
``host:port`` spreads requests over the replicas and restarts a replica that dies. In a replica a
sharded index is searched by the cluster's shard searcher actors (``MEDCITE_RAY_ADDRESS=auto``).

What differs from ``--workers``: the rate limit and the answer cache are per replica (the
``--workers`` pool shares them through files on one machine; replicas may sit on several).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from medcite.errors import InputError
from medcite.index.sharded import RAY_ADDRESS_ENV
from medcite.scale.search import connect
from medcite.server.access import check_exposure, with_bind_address
from medcite.server.schemas import ServerSettings
from medcite.server.workers import AppSpec, LogSetup, worker_app

if TYPE_CHECKING:
    from fastapi import FastAPI

log = logging.getLogger("medcite.server")
MAX_REPLICAS = 64
REPLICA_CPUS = 0.5
"""CPU a replica reserves for scheduling (Ray does not cap it): room is left for the shard
searcher actors each replica starts."""
APP_NAME = "medcite"


@dataclass(frozen=True)
class RayServeSpec:
    """Where to listen, how many replicas, on which cluster."""

    address: str
    host: str = "127.0.0.1"
    port: int = 8000
    replicas: int = 1
    expose: bool = False


def serve_on_ray(
    run: RayServeSpec,
    index_path: Path | None,
    *,
    settings: ServerSettings | None = None,
    audit_log: Path | None = None,
    log_level: str = "info",
) -> None:
    """Check the index opens here, then serve the API from ``run.replicas`` Ray Serve replicas
    until Ctrl+C / SIGTERM."""
    if not 1 <= run.replicas <= MAX_REPLICAS:
        raise InputError(f"--replicas must be between 1 and {MAX_REPLICAS}, got {run.replicas}")
    check_exposure(run.host, run.expose)
    conf = with_bind_address(settings or ServerSettings(), run.host)
    spec = AppSpec(index_path, conf, audit_log, log_level, logging=LogSetup.of_this_process())
    stats = spec.engine().stats()  # a missing or broken index fails here, in one line
    log.info("index %s: %d documents", stats.path, stats.documents)
    connect(run.address)
    from ray import serve

    def build_app() -> FastAPI:  # a plain function: Ray Serve calls it in each replica
        return worker_app(spec)

    serve.start(http_options={"host": run.host, "port": run.port})
    replicas = serve.deployment(
        name=APP_NAME,
        num_replicas=run.replicas,
        ray_actor_options={
            "num_cpus": REPLICA_CPUS,
            "runtime_env": {"env_vars": {RAY_ADDRESS_ENV: "auto"}},
        },
    )
    deployment = replicas(serve.ingress(build_app)())
    log.info("serving on Ray Serve: %d replicas at http://%s:%d", run.replicas, run.host, run.port)
    serve.run(deployment.bind(), name=APP_NAME, route_prefix="/", blocking=True)
