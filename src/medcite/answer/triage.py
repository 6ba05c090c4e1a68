"""Statistical triage: the last red-flag catch-all, a linear model over the message's words.

The red-flag concepts of :mod:`medcite.answer.safety` are hand-written rules. On every set of
messages written after them, by writers who never saw them, they find about three urgent
messages in four: a new writer tells a burst appendix or a failing kidney in words no rule
names. This module backs them up with what rules do poorly, a model of how urgent messages
are worded. It is two logistic regressions over TF-IDF weights of word unigrams and bigrams:

- ``urgent``: the message needs care today or now (``same-day`` or ``emergency``) rather than
  a routine appointment or self-care;
- ``emergency``: the message needs care now (an ambulance, an emergency department).

Both are trained by ``scripts/train_triage.py`` on ``training/triage/messages.jsonl``: messages
written for medcite to learn from, by writers who read no medcite file; no message of any
evaluation set is in it, so every red-flag set, dev and test, stays a fair measure. The fitted
weights ship beside this module (:data:`MODEL_PATH`, a few hundred kilobytes of JSON), so
reading a message costs a dictionary lookup per word and needs neither scikit-learn nor the
embedding model.

:func:`triage_flag` is called only when no concept and no other catch-all fired. A message
the model finds urgent gets a same-day card; one it finds an emergency with high confidence
gets the emergency card. Both cards say the message was read by a statistical check, and the
words that weighed most are shown as what matched (``--explain``).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise
from pathlib import Path
from typing import Any

from medcite.errors import InputError
from medcite.records import RedFlag
from medcite.text import STOPWORDS

MODEL_PATH = Path(__file__).with_name("data") / "triage_model.json"
FORMAT = 1
"""Version of the model file's layout; a file of another version is refused."""

TRIAGE_KIND = "urgent wording (statistical check)"
"""The kind of a card raised by the model (no named emergency matched)."""
SAME_DAY_ADVICE = (
    "No rule of medcite names what you describe, but a statistical check of its wording finds "
    "it may need a doctor's advice today: call your doctor's practice, a pharmacist or a nurse "
    "advice line (NHS 111 in the UK) and describe it; they can tell you whether and how soon it "
    "needs to be seen. Call your local emergency number (911 in the US, 999 in the UK, 112 in "
    "the EU) for trouble breathing, chest pain, confusion, fainting or severe pain."
)
"""Advice by telephone, not a visit: the check is a guess, and on routine questions that
sound alarming (a child's earache, a sore arm after a jab) a call settles what a visit
would."""
EMERGENCY_ADVICE = (
    "No rule of medcite names what you describe, but a statistical check of its wording finds "
    "it may be an emergency: call your local emergency number (911 in the US, 999 in the UK, "
    "112 in the EU) or go to an emergency department now rather than wait to see if it settles."
)
SHOWN_WORDS = 3
"""How many of the words that weighed most towards urgency a card shows as what matched."""

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


_NEGATION = frozenset({"no", "not", "never", "without", "denies", "nor", "none"})
_CLAUSE = re.compile(r"[.,;:!?()]|\bbut\b")
"""Where a negation's reach ends ("no rash, but a fever"). Ending it at "and" too read the
validation messages slightly worse (recall with the rules 0.896 against 0.913)."""


def tokens(text: str) -> list[str]:
    """Lower-cased words and numbers, contractions kept whole ("can't", "didn't"); a word that
    follows a negation in its clause ("no chest pain, just ...") is marked ``not_chest``."""
    out: list[str] = []
    for clause in _CLAUSE.split(text.lower().translate(_APOSTROPHES)):
        negated = False
        for word in _TOKEN.findall(clause):
            if word in _NEGATION or word.endswith("n't"):
                negated = True
                out.append(word)
            else:
                out.append(f"not_{word}" if negated else word)
    return out


def grams(text: str) -> Counter[str]:
    """How often each word and each pair of neighbouring words occurs in ``text``."""
    words = tokens(text)
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in pairwise(words))
    return counts


_NOT_TELLING = STOPWORDS | frozenset(
    """he she his her hers him he's she's i'm i've it's we're they're you're just all over
    out up down off now still very really so some any old days day says said like""".split()
)
"""Stopwords, pronouns and fillers: no gram made only of these is shown as what matched."""


def _telling(gram: str) -> bool:
    """A gram worth showing as what matched: one with a word that is no stopword ("and his"
    weighs in the model but tells a reader nothing) and none said to be absent."""
    words = gram.split()
    told = not any(word.startswith("not_") for word in words)  # "not_arm" is no sign shown
    return told and any(word not in _NOT_TELLING and not word.isdigit() for word in words)


@dataclass(frozen=True)
class Head:
    """One logistic regression: a weight per known n-gram, an intercept, a decision threshold."""

    coef: tuple[float, ...]
    intercept: float
    threshold: float

    def probability(self, weights: dict[int, float]) -> float:
        """P(positive) for the L2-normalised TF-IDF ``weights`` (feature index → weight)."""
        score = self.intercept + sum(w * self.coef[i] for i, w in weights.items())
        return 1.0 / (1.0 + math.exp(-score))


@dataclass(frozen=True)
class TriageScore:
    """What the model makes of one message."""

    urgent: float
    """Probability that the message needs care today or now."""
    emergency: float
    """Probability that it needs care now."""
    urgent_words: tuple[str, ...]
    """The n-grams that weighed most towards urgency, heaviest first."""


@dataclass(frozen=True)
class TriageModel:
    """The fitted vocabulary, inverse document frequencies and the two heads."""

    index: dict[str, int]
    idf: tuple[float, ...]
    urgent: Head
    emergency: Head

    def weights(self, text: str) -> dict[int, float]:
        """Sublinear TF-IDF of ``text``'s known n-grams, L2-normalised (unknown ones dropped)."""
        raw = {
            self.index[gram]: (1.0 + math.log(count)) * self.idf[self.index[gram]]
            for gram, count in grams(text).items()
            if gram in self.index
        }
        norm = math.sqrt(sum(w * w for w in raw.values()))
        return {i: w / norm for i, w in raw.items()} if norm else {}

    def score(self, text: str) -> TriageScore:
        """Both probabilities for ``text`` and the words that pushed it towards urgency."""
        weights = self.weights(text)
        pushes = sorted(((w * self.urgent.coef[i], i) for i, w in weights.items()), reverse=True)
        names = self.names
        shown = [names[i] for push, i in pushes if push > 0 and _telling(names[i])]
        top = tuple(shown[:SHOWN_WORDS])
        return TriageScore(
            urgent=self.urgent.probability(weights),
            emergency=self.emergency.probability(weights),
            urgent_words=top,
        )

    @cached_property
    def names(self) -> tuple[str, ...]:
        """The n-grams in feature order (the inverse of :attr:`index`), derived once."""
        return tuple(sorted(self.index, key=self.index.__getitem__))

    def to_json(self) -> dict[str, Any]:
        """The model as written to :data:`MODEL_PATH` (see :func:`from_json`)."""
        return {
            "format": FORMAT,
            "grams": list(self.names),
            "idf": [round(v, 5) for v in self.idf],
            "heads": {name: _head_json(head) for name, head in self._heads().items()},
        }

    def _heads(self) -> dict[str, Head]:
        return {"urgent": self.urgent, "emergency": self.emergency}


def _head_json(head: Head) -> dict[str, Any]:
    return {
        "coef": [round(v, 5) for v in head.coef],
        "intercept": round(head.intercept, 5),
        "threshold": head.threshold,
    }


def from_json(data: dict[str, Any], source: str = "the triage model") -> TriageModel:
    """A model from its JSON form; a file of another layout is refused with what to do."""
    if data.get("format") != FORMAT:
        raise InputError(
            f"{source} has format {data.get('format')!r}, this medcite reads format {FORMAT}: "
            "reinstall medcite or retrain it with `python scripts/train_triage.py`"
        )
    size = len(data["grams"])
    heads = {name: _head(data["heads"][name], size, source) for name in ("urgent", "emergency")}
    if len(data["idf"]) != size:
        raise InputError(f"{source} is damaged (idf and vocabulary differ in length): retrain it")
    return TriageModel(
        index={gram: i for i, gram in enumerate(data["grams"])},
        idf=tuple(float(v) for v in data["idf"]),
        urgent=heads["urgent"],
        emergency=heads["emergency"],
    )


def _head(data: dict[str, Any], size: int, source: str) -> Head:
    if len(data["coef"]) != size:
        raise InputError(
            f"{source} is damaged (weights and vocabulary differ in length): retrain it"
        )
    return Head(
        coef=tuple(float(v) for v in data["coef"]),
        intercept=float(data["intercept"]),
        threshold=float(data["threshold"]),
    )


def load_model(path: Path | str = MODEL_PATH) -> TriageModel:
    """The model stored at ``path`` (the shipped one by default)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the triage model {path} ({exc}): reinstall medcite") from exc
    return from_json(data, str(path))


@cache
def shipped_model() -> TriageModel:
    """The shipped model, read once per process."""
    return load_model()


def triage_flag(question: str, model: TriageModel | None = None) -> RedFlag | None:
    """A card for ``question`` when the model finds it urgent, else None: the emergency card
    when the emergency head clears its threshold too, the same-day card otherwise."""
    model = model or shipped_model()
    found = model.score(question)
    if found.urgent < model.urgent.threshold or not found.urgent_words:
        # no word that tells anything pushed it there: the intercept and filler words alone
        return None
    now = found.emergency >= model.emergency.threshold
    return RedFlag(
        kind=TRIAGE_KIND,
        matched=", ".join(found.urgent_words),
        advice=EMERGENCY_ADVICE if now else SAME_DAY_ADVICE,
        urgency="emergency" if now else "same-day",
    )
