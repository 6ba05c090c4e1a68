"""The model's reply as draft claims (pure functions, no I/O).

The reply should be the JSON :func:`medcite.llm.prompt.answer_schema` describes; models also wrap
it in ```json fences, put prose before it, or ignore the format and write plain text. JSON is
found wherever it is; plain text is split into sentences whose ``[1, 2]`` markers become the
citations, sections taken from headings ("Bottom line", "From the Guidelines", "From the
Research", topic headings). A reply that is neither raises :class:`ReplyUnreadableError`.
Whether a claim is supported is not decided here (see the claim verification).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from medcite.llm.errors import LLMReplyError
from medcite.records import DraftClaim
from medcite.text import split_sentences

BOTTOM_LINE = "bottom_line"
GUIDELINE_PROSE = "guideline_prose"
DEFAULT_RESEARCH_HEADING = "Findings"
DEFAULT_GUIDELINE_HEADING = "Guidelines"
MAX_RANGE = 50
"""A citation range ``[2-5]`` wider than this is not expanded (it is not a citation)."""

_MARKER = re.compile(r"\s*\[(\d+(?:\s*(?:[,;]|[-–])\s*\d+)*)\]")
_FENCE = re.compile(r"```[ \t]*(?:json|JSON)?[ \t]*\n?(.*?)```", re.DOTALL)
_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-*•+]|\d{1,2}[.)])\s+")
_EMPHASIS = re.compile(r"(\*\*|__|\*)(.+?)\1")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?])")
_INLINE_LABEL = re.compile(r"^(bottom line|in short|short answer|summary)\s*:\s*", re.I)
_MAX_HEADING = 80
_MAX_HEADING_WORDS = 8
_MAX_LEAD_IN_HEADING_WORDS = 5
"""A line ending in ":" is a heading ("Treatment Options:") only this short; longer ones
("Treatment depends on the cause and may include:") are sentences."""


class ReplyUnreadableError(LLMReplyError):
    """The model's text is neither the JSON asked for nor sentences with [n] citations."""


def parse_reply(content: str, finish_reason: str | None = None) -> tuple[DraftClaim, ...]:
    """The draft claims in the model's reply, in order."""
    text = _THINK.sub("", content).strip()
    if not text:
        raise ReplyUnreadableError("the model's reply could not be read (it was empty)")
    found = find_json(text)
    if found is not None:
        return tuple(claims_from_json(found))
    if _looks_like_json(text):
        cut = " (cut off at max_tokens: raise MEDCITE_LLM__MAX_TOKENS)"
        detail = cut if finish_reason == "length" else ""
        raise ReplyUnreadableError(f"the model's reply could not be read: malformed JSON{detail}")
    claims = tuple(claims_from_text(text))
    if not any(c.citations for c in claims):
        raise ReplyUnreadableError(
            "the model's reply could not be read: neither JSON nor sentences citing [n]"
        )
    return claims


# --- JSON -------------------------------------------------------------------------------------

_KEYS = ("bottom_line", "guideline_prose", "guideline_sections", "research_sections")


def find_json(text: str) -> dict[str, Any] | None:
    """The first JSON object with an answer's keys: the whole text, a fenced block, or embedded."""
    candidates = [text, *(m.group(1) for m in _FENCE.finditer(text))]
    for candidate in candidates:
        found = _answer_object(_loads(candidate.strip()))
        if found is not None:
            return found
    return _embedded(text)


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None


def _embedded(text: str) -> dict[str, Any] | None:
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", text):
        try:
            value, _end = decoder.raw_decode(text, match.start())
        except json.JSONDecodeError:
            continue
        found = _answer_object(value)
        if found is not None:
            return found
    return None


def _answer_object(value: Any) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        return None
    normalised = {_key(k): v for k, v in value.items() if isinstance(k, str)}
    return normalised if any(k in normalised for k in _KEYS) else None


def _key(name: str) -> str:
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name.strip())
    return re.sub(r"[\s-]+", "_", spaced).lower()


def claims_from_json(answer: dict[str, Any]) -> Iterator[DraftClaim]:
    """Draft claims from the answer object, section by section."""
    yield from _claim_list(answer.get("bottom_line"), BOTTOM_LINE)
    yield from _claim_list(answer.get("guideline_prose"), GUIDELINE_PROSE)
    for heading, claims in _sections(answer.get("guideline_sections")):
        yield from _claim_list(claims, f"guideline:{heading or DEFAULT_GUIDELINE_HEADING}")
    for heading, claims in _sections(answer.get("research_sections")):
        yield from _claim_list(claims, f"research:{heading or DEFAULT_RESEARCH_HEADING}")


def _sections(value: Any) -> Iterator[tuple[str, Any]]:
    """(heading, claims) of a list of ``{"heading", "claims"}`` or a ``{heading: claims}``."""
    if isinstance(value, dict):
        yield from ((str(h), c) for h, c in value.items())
        return
    for item in value if isinstance(value, list) else ():
        if isinstance(item, dict):
            heading = _first(item, "heading", "title", "topic", "name")
            claims = _first(item, "claims", "bullets", "items", "sentences")
            yield _one_line(str(heading or "")), claims


def _first(item: dict[str, Any], *keys: str) -> Any:
    return next((item[k] for k in keys if item.get(k) is not None), None)


def _claim_list(value: Any, section: str) -> Iterator[DraftClaim]:
    items = value if isinstance(value, list) else [value] if value else []
    for item in items:
        if isinstance(item, str):
            yield from _sentences(item, (), section)
        elif isinstance(item, dict):
            text = _first(item, "text", "sentence", "claim", "bullet")
            listed = citation_numbers(_first(item, "citations", "refs", "sources", "cite"))
            yield from _sentences(str(text or ""), listed, section)


def citation_numbers(value: Any) -> tuple[int, ...]:
    """Passage numbers from ``[1, 2]``, ``1``, ``"3"``, ``"[2-4]"`` or ``["1", 2]``."""
    if isinstance(value, bool) or value is None:
        return ()
    if isinstance(value, int):
        return (value,)
    if isinstance(value, str):
        return _unique(_numbers_in(value))
    if isinstance(value, list):
        return _unique(n for item in value for n in citation_numbers(item))
    return ()


# --- plain text -------------------------------------------------------------------------------


@dataclass
class _Place:
    """Where the text being read belongs: ``bottom_line``, ``guideline`` or ``research``."""

    part: str = BOTTOM_LINE
    heading: str | None = None

    def section(self) -> str:
        if self.part == BOTTOM_LINE:
            return BOTTOM_LINE
        if self.part == "guideline":
            return f"guideline:{self.heading}" if self.heading else GUIDELINE_PROSE
        return f"research:{self.heading or DEFAULT_RESEARCH_HEADING}"

    def enter(self, heading: str) -> None:
        part = _part_named(heading)
        if part is not None:
            self.part, self.heading = part, None
        else:
            self.part = "research" if self.part == BOTTOM_LINE else self.part
            self.heading = heading


def _part_named(heading: str) -> str | None:
    name = heading.lower().strip(" :.")
    if name in {"bottom line", "summary", "answer", "in short", "short answer"}:
        return BOTTOM_LINE
    if "guideline" in name:
        return "guideline"
    if "research" in name or name in {"evidence", "studies"}:
        return "research"
    return None


def claims_from_text(text: str) -> Iterator[DraftClaim]:
    """Draft claims from plain text: one per sentence, sections from the headings."""
    place = _Place()
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        heading = _heading(line)
        if heading is not None:
            place.enter(heading)
            continue
        body = _EMPHASIS.sub(r"\2", _BULLET.sub("", line))
        if label := _INLINE_LABEL.match(body):
            place.enter(label.group(1))
            body = body[label.end() :]
        yield from _sentences(body, (), place.section())


def _heading(line: str) -> str | None:
    """The heading a line is (``## Causes``, ``**Treatment**``, ``From the Research:``), or None."""
    if _MARKER.search(line) or _BULLET.match(line) or len(line) > _MAX_HEADING:
        return None
    if line.startswith("#"):
        return _one_line(_EMPHASIS.sub(r"\2", line.lstrip("#"))).strip(" :") or None
    bare = _EMPHASIS.sub(r"\2", line).strip()
    words = len(bare.split())
    emphasised = _EMPHASIS.fullmatch(line.rstrip(":").strip()) is not None
    lead_in = bare.endswith(":") and words <= _MAX_LEAD_IN_HEADING_WORDS
    unpunctuated = not bare.endswith((".", "!", "?", ",", ";", ":")) and words <= _MAX_HEADING_WORDS
    if emphasised or lead_in or unpunctuated:
        return bare.strip(" :") or None
    return None


# --- sentences and markers --------------------------------------------------------------------


def _sentences(text: str, listed: tuple[int, ...], section: str) -> Iterator[DraftClaim]:
    """One claim per sentence of ``text``; a sentence without markers gets ``listed``."""
    pieces = _with_markers_attached(split_sentences(_one_line(text)))
    for piece in pieces:
        markers = _unique(n for m in _MARKER.finditer(piece) for n in _numbers_in(m.group(1)))
        cleaned = _clean(piece)
        if not cleaned:
            continue
        citations = _unique([*markers, *listed]) if len(pieces) == 1 else markers or listed
        yield DraftClaim(text=cleaned, citations=citations, section=section)


def _with_markers_attached(pieces: list[str]) -> list[str]:
    """Sentences with a piece that is only markers (``. [2]``) joined to the one before."""
    joined: list[str] = []
    for piece in pieces:
        if joined and not _clean(piece):
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    return joined


def _clean(sentence: str) -> str:
    """The sentence without its [n] markers and the space they leave before punctuation."""
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", _MARKER.sub("", sentence)).strip()
    return "" if not re.search(r"\w", text) else text


def _numbers_in(text: str) -> Iterator[int]:
    for part in re.split(r"[,;]", text):
        bounds = [int(n) for n in re.findall(r"\d+", part)]
        if len(bounds) == 2 and 0 < bounds[1] - bounds[0] <= MAX_RANGE:
            yield from range(bounds[0], bounds[1] + 1)
        else:
            yield from bounds


def _unique(numbers: Iterable[int]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(n for n in numbers if n > 0))


def _looks_like_json(text: str) -> bool:
    """Whether the reply tried to be JSON (and so must not be read as plain text)."""
    start = text.lstrip()
    if start.startswith(("{", "[")) or "```json" in text.lower():
        return True
    return any(f'"{key}"' in text for key in _KEYS)


def _one_line(text: str) -> str:
    return " ".join(text.split())
