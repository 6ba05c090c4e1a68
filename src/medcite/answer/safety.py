"""Safety: emergency red flags, the urgent-care banner, the disclaimer, out-of-scope refusals.

Red flags are phrase patterns for emergencies (stroke signs, chest pain, breathing difficulty,
anaphylaxis, suicidal thoughts, severe bleeding, fever in infants, ...). A match preceded by a
negation within a few words ("no chest pain", "without any trouble breathing", "denies ...") does
not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medcite.records import RedFlag

DISCLAIMER = (
    "This summary of published evidence is not medical advice; "
    "talk to a health professional about your own situation."
)
OUT_OF_SCOPE = (
    "medcite answers health and medical questions from clinical evidence; this question does not "
    "look like one, so no answer was composed."
)
_NEGATION = re.compile(
    r"\b(no|not|never|without|denies|denied|nor|absence of|free of|negative for|don't have|"
    r"doesn't have|didn't have|haven't had|hasn't had)\b(\W+\w+){0,3}\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    advice: str


def _p(kind: str, pattern: str, advice: str) -> _Pattern:
    return _Pattern(kind, re.compile(pattern, re.IGNORECASE), advice)


_CALL = "Call your local emergency number (911 in the US) now"
RED_FLAGS: tuple[_Pattern, ...] = (
    _p(
        "dangerous heart rhythm",
        r"\bheart ?(rate|beat)\D{0,30}\b(1[6-9]\d|2\d\d)\b",
        f"{_CALL} if a very fast heart rate comes with fainting, chest pain or breathlessness; "
        "otherwise see a doctor today.",
    ),
    _p(
        "possible blood clot",
        r"\b((red\w*|pain\w*|warm\w*),? (and )?swelling in (her|his|my|the) (thigh|calf|leg)|"
        r"swollen,? (red|painful) (thigh|calf|leg))",
        "A painful, red, swollen leg can be a blood clot (DVT): get medical care today, and call "
        "your emergency number if breathing becomes hard or there is chest pain.",
    ),
    _p(
        "stroke",
        r"\b(face (is )?droop\w*|facial droop\w*|drooping (face|mouth)|slurred speech|"
        r"(sudden|suddenly)\W+(\w+\W+){0,4}(weak\w*|numb\w*|paraly\w*|confus\w*|vision loss|"
        r"trouble (speaking|walking|seeing))|(weak\w*|numb\w*) (on|in|of) one side|"
        r"one[- ]sided (weakness|numbness)|can'?t (lift|raise|move) (my|one|his|her) (arm|leg))",
        f"{_CALL}: sudden weakness, numbness, facial droop or trouble speaking can be a stroke.",
    ),
    _p(
        "chest pain",
        r"\b(chest (pain|pressure|tightness|discomfort)|crushing (pain|chest)|"
        r"(hurts?|pain|tight\w*|pressure|squeez\w*) in (my|the|their|his|her|your) chest|"
        r"chest (hurts|is tight)|(having|had|think \w+ (is|am|are) having) a heart attack)",
        f"{_CALL}: chest pain or pressure can be a heart attack.",
    ),
    _p(
        "breathing difficulty",
        r"\b(can'?t breathe|cannot breathe|difficulty breathing|trouble breathing|hard to breathe|"
        r"struggling to breathe|short(ness)? of breath|gasping|choking|lips (are |turning )?blue|"
        r"(can|could) (hardly|barely) (breathe|talk)|can'?t catch (my|his|her) breath)",
        f"{_CALL}: severe difficulty breathing needs emergency care.",
    ),
    _p(
        "anaphylaxis",
        r"\b(anaphyla\w*|throat (is )?(closing|swelling|tight)|swollen (tongue|lips|throat)|"
        r"(tongue|lips|throat|face) (is |are )?(swell\w*|swollen))",
        f"{_CALL} and use an epinephrine auto-injector if you have one: this may be anaphylaxis.",
    ),
    _p(
        "suicidal thoughts",
        r"\b(suicid\w*|kill (myself|me|yourself|you)|end (my|it) (life|all)|want to die|"
        r"self[- ]harm\w*|hurt(ing)? myself)",
        "If you might act on thoughts of harming yourself, call or text 988 (US Suicide & Crisis "
        "Lifeline) or your local emergency number now.",
    ),
    _p(
        "severe bleeding",
        r"\b((heavy|severe|uncontrolled|profuse) bleeding|bleeding (heavily|a lot|won'?t stop|"
        r"that won'?t stop)|(vomit\w*|cough\w*|throw\w* up) (up )?blood|"
        r"vomit\w* (something like )?coffee grounds|blood (is )?com+ing out (from|of) "
        r"(the |her |his |my )?mouth)",
        f"{_CALL}: heavy bleeding or vomiting/coughing blood needs emergency care.",
    ),
    _p(
        "fever in an infant",
        r"\b((newborn|infant|baby|[1-9]|1[0-2])[- ]?(week|month|wk|mo)s?[- ]old\b.{0,60}\bfever|"
        r"(newborn|infant)\b.{0,60}\bfever|fever\b.{0,60}\b(newborn|infant))",
        "A fever in a baby under 3 months needs same-day medical care: call your doctor or go to "
        "an emergency department now.",
    ),
    _p(
        "overdose or poisoning",
        r"\b(overdos\w*|poison\w*|swallowed (bleach|pills|battery|batteries)|took too many|"
        r"(child|toddler|baby|kid|son|daughter) (ate|swallowed|drank|took|got into)|"
        r"oleand[eo]r|foxglove|nightshade|hemlock|antifreeze|drain cleaner)",
        "Call your local emergency number or Poison Control (1-800-222-1222 in the US) now.",
    ),
    _p(
        "loss of consciousness or seizure",
        r"\b(unconscious|unresponsive|faint(s|ed|ing)? (due to|from|because)|"
        r"(even|sometimes|keeps?) faint(s|ing)?|right before (they|he|she|i) faint|"
        r"won'?t wake up|seizure (that )?(won'?t stop|lasting)|first seizure)",
        f"{_CALL}: loss of consciousness or a prolonged seizure needs emergency care.",
    ),
    _p(
        "sudden severe headache",
        r"\b(worst headache|thunderclap headache|sudden (severe|intense|excruciating) headache|"
        r"stiff neck (and|with) (a )?fever|fever (and|with) (a )?stiff neck)",
        f"{_CALL}: a sudden, severe headache or fever with a stiff neck needs emergency care.",
    ),
)


def _negated(text: str, start: int) -> bool:
    window = text[max(0, start - 40) : start]
    return bool(_NEGATION.search(window))


def detect_red_flags(question: str) -> tuple[RedFlag, ...]:
    """Emergency signs described in ``question`` (negated mentions ignored), one per kind."""
    found: list[RedFlag] = []
    for pattern in RED_FLAGS:
        for match in pattern.regex.finditer(question):
            if not _negated(question, match.start()):
                found.append(
                    RedFlag(kind=pattern.kind, matched=match.group(0), advice=pattern.advice)
                )
                break
    return tuple(found)


def banner(flags: tuple[RedFlag, ...]) -> str | None:
    """The urgent-care line shown before anything else, or None."""
    if not flags:
        return None
    advice = " ".join(dict.fromkeys(flag.advice for flag in flags))
    return f"Seek care now. {advice}"
