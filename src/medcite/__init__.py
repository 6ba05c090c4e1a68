"""medcite: evidence-based answers to health questions, every statement cited.

The library API is :class:`medcite.Engine`; records are in :mod:`medcite.records`.
Imports are lazy so that ``import medcite`` (and the CLI) start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from medcite.engine import Engine

__all__ = ["Engine", "__version__"]


def __getattr__(name: str) -> Any:
    if name == "Engine":
        from medcite.engine import Engine

        return Engine
    raise AttributeError(f"module 'medcite' has no attribute {name!r}")
