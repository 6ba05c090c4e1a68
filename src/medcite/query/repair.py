"""Word-level repairs of a question before its concepts are looked up.

Consumers write clinical names the way they say them, and a name split or shortened that way
matches no vocabulary term. Three general repairs, each applied only when the result is a term
of the vocabulary (so an ordinary word is never rewritten into something the index knows nothing
about):

- **A split combining form is joined**: "anti biotic" → "antibiotic", "hypo thyroidism" →
  "hypothyroidism", "osteo porosis" → "osteoporosis". Only after a Greek/Latin combining
  prefix (``COMBINING_PREFIXES``) and only when the joined word occurs in the vocabulary.
- **An eponym without its head noun gets it**: "alzheimers", "parkinson's" (normalised to
  "alzheimer", "parkinson") name a disease the vocabulary only knows with its head noun
  ("Alzheimer disease", "Parkinson disease"). The first of ``EPONYM_HEADS`` that makes a
  vocabulary term of a disease (MeSH tree C or F03) is added — provided the question wrote the
  word as a possessive ("-'s", "-s'", or a name ending in "s"), the word alone is no term and
  it is not an ordinary English word, with or without its "s" ("grave", "bell", "christmas"
  stay as they are).
- **Shortened words** people write in front of a name (``ALIASES``: "vit d") are written out.
- **A lay head noun becomes the clinical one** (``LAY_HEADS``): "autoimmune illness", "kidney
  problems", "heart condition" → "… disease" (or "… disorder"), when the words as written are no
  term and the clinical phrase is a disease of the vocabulary.

- **A "type N" without its head shares another's** ("type 1 diabetes … type 2" → "type 2
  diabetes") when the result is a term.
- **A past participle becomes its noun** ("sprained ankle" → "sprain ankle", "burned" → "burn")
  when the noun is a disease or injury of the vocabulary and the participle is no term.

A verb that is also a substance or an injury ("does X *lead to* Y", "it *burns* when I eat") is
not the element lead or a burn: the words of ``VERB_PHRASES`` are dropped before lookup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from medcite.query.english import is_common_english
from medcite.query.measures import measure_senses
from medcite.query.vocab import Concept
from medcite.text import blanked, normalise, singular

COMBINING_PREFIXES = frozenset(
    """anti hypo hyper angio non pre post peri intra extra neuro osteo cardio gastro micro poly
    auto pseudo para sub trans infra supra inter multi hemi dys""".split()
)
EPONYM_HEADS = (
    "disease",
    "syndrome",
    "granulomatosis",
    "palsy",
    "disorder",
    "anemia",
    "ataxia",
    "dystrophy",
    "thyroiditis",
    "sarcoma",
    "lymphoma",
)
LAY_HEADS: Mapping[str, tuple[str, ...]] = {
    "illness": ("disease", "disorder"),
    "sickness": ("disease",),
    "condition": ("disease", "disorder"),
    "problem": ("disease", "disorder"),
    "trouble": ("disease",),
}
CLINICAL_TREES = ("C", "F03")
ALIASES: Mapping[str, str] = {"vit": "vitamin", "vitamine": "vitamin"}
_FELT_BEFORE = (
    r"(?:it|that|which|really|still|also|just|only|and|but|doesn'?t|does not|kind of|"
    r"(?:my|his|her|your|their|our) (?:\w+ )?(?:eyes?|skin|throat|mouth|tongue|feet|hands?|"
    r"stomach|chest|scalp|nose|ears?|lips?)|(?:\w+ )?(?:food|foods|drinks?|juice|soap|"
    r"shampoo|cream|lotion|sweat|wee|pee|urine))"
)
_FELT_AFTER = r"(?:when|while|if|after|during|whenever|every time)"
ROUTINES = ("bath", "shower", "meal", "breakfast", "lunch", "dinner", "supper", "nap", "feed")
"""Daily routines that tell a time of day when said after a word of time ("every bath", "after
dinner", "with meals", "bath time"): then they are no topic (baths, meals), see
:func:`without_words_told_in_passing`."""
VERB_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(lead|leads|leading) (to|up to)\b", re.IGNORECASE), "lead"),
    # a tin of food or paint is a can, not the metal
    (
        re.compile(
            r"\btins? of\b|\b(?:a|the|an|this|that) (?:\w+ )?tin\b(?! (?:mine|poisoning|"
            r"levels?|exposure))",
            re.IGNORECASE,
        ),
        "tin",
    ),
    (
        re.compile(
            rf"\b{_FELT_BEFORE} burns?\b|\b(?:burns?|burning) {_FELT_AFTER}\b", re.IGNORECASE
        ),
        "burn",
    ),
    (
        re.compile(
            rf"\b{_FELT_BEFORE} stings?\b|\b(?:stings?|stinging) {_FELT_AFTER}\b", re.IGNORECASE
        ),
        "sting",
    ),
    (re.compile(r"\b(?:let|lets) (?:him|her|them|me|us|it|my|the|a)\b", re.IGNORECASE), "let"),
    # a drink held or carried ("when I hold a cup of tea") is no drink taken
    *(
        (
            re.compile(
                rf"\b(?:hold|holds|holding|held|carry|carrying|carried|lift|lifting|pour|pouring|"
                rf"pick up|picking up) (?:a|my|the|his|her) (?:full )?(?:cup|mug|glass|pot|cuppa)"
                rf" of {drink}\b",
                re.IGNORECASE,
            ),
            drink,
        )
        for drink in ("tea", "coffee", "water")
    ),
    # a period's start told as bleeding ("it lifts the day I start bleeding")
    *(
        (
            re.compile(
                r"^(?=[\s\S]*\bperiods?\b)[\s\S]*?\b(?:(?:start|starts|started|starting|"
                r"begin|begins|began) (?:to )?bleed(?:ing)?|(?:as soon as|once|when|the day) (?:i|"
                r"she) (?:start to |begin to )?bleeds?)\b",
                re.IGNORECASE,
            ),
            word,
        )
        for word in ("bleeding", "bleed")
    ),
    # a cough or sneeze as the moment something happens ("pops out when I cough")
    (
        re.compile(
            r"\b(?:when|whenever|if|as|while|every time) (?:i|you|he|she|they|we) (?:\w+ (?:or|"
            r"and) )?(?:cough|coughs|sneeze|sneezes)\b(?! (?:up|out|blood))",
            re.IGNORECASE,
        ),
        "cough",
    ),
    *(
        (re.compile(rf"\b{form} (?:back )?asleep\b", re.IGNORECASE), form)
        for form in ("fall", "falls", "falling", "fell")
    ),
    # the shape of a rash, not trees
    (
        re.compile(
            r"\b(?:christmas|xmas|fir|pine) ?trees? (?:pattern|shape|shaped|distribution|like|"
            r"look)\b|\blike (?:a |the )?(?:christmas|xmas|fir|pine) ?trees?\b",
            re.IGNORECASE,
        ),
        "tree",
    ),
    # a result with nothing wrong, not the eye-drop brand "All Clear"
    (re.compile(r"\ball clear\b(?! eye| drops?)", re.IGNORECASE), "clear"),
    # something coming away, not a person falling: "the scab fell off", "her hair falls out"
    *(
        (
            re.compile(
                rf"\b(?:nails?|hair|teeth|tooth|scabs?|stitch(?:es)?|crusts?|skin|it|they|them) "
                rf"(?:\w+ ){{0,3}}?{form} (?:off|out|apart)\b",
                re.IGNORECASE,
            ),
            form,
        )
        for form in ("fall", "falls", "falling", "fell", "fallen")
    ),
    (
        re.compile(
            r"\b(?:\d+|one|two|three|four|five|several|many|a few|some|every|each|any|all the|"
            r"first|second|third|last|next|this|that|the same|a long|a short|at) times?\b"
            r"|\bat a time\b",
            re.IGNORECASE,
        ),
        "time",
    ),
    (
        re.compile(
            r"\bback (?:(?:right|left|top|bottom) )?(?:(?:side|part) )?of (?:my|his|her|their|"
            r"the|your|our|a) (?:\w+ )?(?:head|neck|legs?|knees?|hands?|throat|eyes?|mouth|"
            r"tongue|arms?|thighs?|calf|calves|heels?|ankles?|skull|scalp|ears?|teeth|tooth)\b",
            re.IGNORECASE,
        ),
        "back",
    ),
    (
        re.compile(
            r"\b(?:go|goes|going|went|gone|get|gets|got|getting|put \w+|send \w+|back) to bed\b|"
            r"\bbed ?time\b|\bbefore bed\b|\bin bed\b",
            re.IGNORECASE,
        ),
        "bed",
    ),
    (
        re.compile(
            r"\b(?:a )?couple (?:of )?(?:times|days|weeks|months|years|hours|minutes|nights|"
            r"mornings|drinks|beers|glasses|pills|tablets|doses)\b|\ba couple of\b",
            re.IGNORECASE,
        ),
        "couple",
    ),
    *(
        (
            re.compile(
                rf"\b{form} (?:down|flat|still|there|around|back|on (?:my|his|her|their|"
                r"your|the|a|one) (?:\w+ )?(?:back|side|stomach|tummy|front|left|right|bed|"
                r"couch|sofa|floor)|in (?:bed|the (?:bath|tub|dark|sun)))\b"
                rf"|\b(?:while|when|after|from) {form}\b",
                re.IGNORECASE,
            ),
            form,
        )
        for form in ("lie", "lies", "lying", "lay", "laying")
    ),
    *(
        # a pain told as like an electric shock is a kind of pain, no electrical injury
        (
            re.compile(
                r"\b(?:electric(?:al)?|electricity) shocks?[- ]?(?:like )?(?:pains?|feelings?|"
                r"sensations?|twinges?|jolts?)\b|\blike (?:an? )?(?:electric(?:al)?|electricity) "
                r"shocks?\b|\bshocks? of (?:pain|electricity)\b",
                re.IGNORECASE,
            ),
            word,
        )
        for word in ("electric", "shock")
    ),
    (
        # straining to pass a stool or urine is pushing, no sprain or strain of a muscle
        re.compile(
            r"\bstrain(?:s|ed|ing)?\b(?=[^.?!]{0,60}?\b(?:poo\w*|stools?|bowel movements?|toilet|"
            r"loo|pee\w*|wee\w*|urinat\w*|defecat\w*|push\w*)\b)|\b(?:poo\w*|stools?|bowel "
            r"movements?|toilet|loo|pee\w*|wee\w*|urinat\w*)\b[^.?!]{0,40}?\bstrain(?:s|ed|"
            r"ing)?\b",
            re.IGNORECASE,
        ),
        "strain",
    ),
    (
        re.compile(
            r"\bboil (?:an?|the|some|my|your|it|them|water|eggs?|milk|pasta|rice|potatoes)\b"
            r"|\b(?:you|i|we|to|should|don'?t) boil\b",
            re.IGNORECASE,
        ),
        "boil",
    ),
)
"""Verbs that are also vocabulary terms, in the constructions that make them verbs, and the
normalised word each drops: "does smoking lead to …" names no lead; "burns when I eat" is a
feeling, no burn injury; "a couple of times" is a number, no couple; "the back of her head" is a
place on the head, not the back; "go to bed" is a time of day, not beds; "lying in bed" is a
posture, no deception; "boil an egg" is cooking, no skin boil."""

_ROUTINE_TIMES = "|".join(ROUTINES)
_SIZE_THINGS = (
    r"peas?|grapes?|golf ?balls?|tennis ?balls?|ping ?pong ?balls?|baseballs?|marbles?|"
    r"walnuts?|almonds?|peanuts?|lentils?|beans?|eggs?|oranges?|lemons?|limes?|grapefruits?|"
    r"cherry|cherries|plums?|dimes?|nickels?|quarters?|pencil erasers?|rice grains?|"
    r"grains? of rice|fists?"
)
_STRAINS = "cough|coughs|sneeze|sneezes|laugh|laughs"
"""What strains the belly for a moment: the occasion of a leak or a headache, as people tell it."""
_STRAINING = "coughing|sneezing|laughing"
"""The same strains in the verb's "-ing" form ("leaking when coughing", "a coughing fit")."""
_FIT_WORDS = r"(?:(?:bad|big|long|violent|huge|massive|really|very)\s+)*"
"""How a fit of coughing or sneezing is told big: "a really bad coughing fit"."""


def _series(words: str) -> str:
    """One of ``words`` (an alternation), or several joined by commas, "or" and "and" ("cough
    or sneeze", "coughing, sneezing and laughing")."""
    return rf"(?:{words})(?:(?:\s*,\s*|\s+)(?:or\s+|and\s+)?(?:{words}))*"


_TOLD_IN_PASSING = re.compile(
    # a daily routine after a word of time is a time of day: "every bath", "after dinner"
    rf"\b(?:every|each|after|before|during|at|with|until|till|around|since)\s+"
    rf"(?:(?:every|each|my|his|her|their|our|your|the|a|its)\s+)?(?P<routine>(?:{_ROUTINE_TIMES})s?)\b"
    rf"|\b(?P<timed>{_ROUTINE_TIMES}) ?time\b"
    # "back" after a verb of moving says where: "it came back", "pull it back"
    r"|\b(?:pull|push|come|go|get|grow|bring|put|turn|roll|hold|stretch|call|send|take|give|"
    r"cut|fight|bounce|went|came|brought|held|sent|took|gave|grew|got|coming|taking|giving|"
    r"cutting|getting|putting|bouncing)(?:s|ed|ing|ten|en)?\s+"
    r"(?:(?:it|them|him|her|me|us|this|that)\s+)?(?P<back>back)\b"
    # "was back playing", "at the back of my knee": a return or a place, no spine
    r"|\b(?:was|is|are|were|been|being|he'?s|she'?s|i'?m|we'?re|they'?re)\s+(?P<returned>back)\s+"
    r"(?=to\b|playing|at\b|home|in\b|on\b|up\b|now\b|normal|running|walking|eating|asleep)"
    r"|\b(?:at|round|around)\s+the\s+(?P<behind>back)\b"
    # RICE in capitals is rest, ice, compression, elevation: no rice
    r"|\b(?P<rice>(?-i:RICE))\b"
    # a height or a distance names no foot: "5 feet tall", "five foot two"
    r"|\b(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|ten|few|several)[- ]?"
    r"(?P<length>feet|foot|ft)\b"
    # a few bites of food are mouthfuls, no bites to the skin: "full after a few bites"
    r"|\b(?:full|eat\w*|ate|food|meals?|swallow\w*|chew\w*|hungry|appetite)\b[^.?!]{0,40}?"
    r"\b(?:a few|few|a couple(?: of)?|couple of|one|two|three|some|several|first|last|small|"
    r"tiny|little|\d+)\s+(?:more\s+)?(?P<bite>bites?)\b(?!\s+(?:from|by|on|in|to|all)\b)"
    # a thing a lump is likened to says its size, no food: "a pea sized lump", "the size of a grape"
    rf"|\b(?P<size>(?:{_SIZE_THINGS}))[- ]?(?:sized?|shaped)\b"
    rf"|\b(?:size of|big as|large as|small as)\s+(?:an?\s+|the\s+|one\s+|two\s+)?"
    rf"(?P<likened>(?:{_SIZE_THINGS}))\b"
    # "swollen like a tennis ball", "a lump like an egg", "a big egg on her forehead"
    r"|\b(?:lumps?|bumps?|swelling|swollen|knots?|bruises?|cysts?|growths?)\b[^.?!]{0,25}?"
    rf"\blike\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?P<like>(?:{_SIZE_THINGS}))\b"
    r"|\b(?P<egg>eggs?)\s+on\s+(?:his|her|my|the|their|your|our)\s+(?:head|forehead|temple|"
    r"brow|scalp|shin|leg|knee|arm|elbow|cheek)\b"
    # a thing a colour or a crust is likened to names no food or drink: "honey crusted scabs",
    # "tea-coloured urine", "coffee-coloured patches"
    r"|\b(?P<tint>honey|straw|rust|coffee|tea|cola|coke|chocolate|wine|salmon|mustard|butter)"
    r"[- ]?(?:colou?red|crusted|crusty|yellow|brown|tinted)\b"
    # an in-law is a relative, no law
    r"|\b(?:mother|father|sister|brother|son|daughter)s?[- ]in[- ](?P<law>laws?)\b"
    # a drink that names a piece of furniture or a pause is no drink: "the coffee table"
    r"|\b(?P<furniture>coffee|tea)\s+(?:tables?|shops?|breaks?|towels?)\b"
    # what someone does when a complaint comes is its occasion, no complaint of its own:
    # "leaking when I cough or sneeze", "a headache only when I cough"
    r"|\b(?:when|whenever|every\s+time|each\s+time|if|as)\s+(?:i|he|she|they|you|we)\s+"
    rf"(?P<occasion>{_series(_STRAINS)})\b"
    # … or with the verb's "-ing" form alone: "leaking when coughing", "pain on sneezing"
    rf"|\b(?:when|whenever|while|on|from)\s+"
    rf"(?P<straining>{_series(_STRAINING)})\b"
    # … or a fit of it that a complaint followed: "a red eye after a coughing fit"
    rf"|\b(?:after|during|from)\s+(?:(?:a|the|my|his|her|their|one|that|this)\s+)?"
    rf"{_FIT_WORDS}(?P<fit>(?:{_STRAINING})\s+(?:fits?|bouts?|spells?|attacks?|episodes?))\b"
    # … or one such fit told as had: "I had a really bad coughing fit last night"
    rf"|\bhad\s+(?:a|one|that|this)\s+{_FIT_WORDS}"
    rf"(?P<fit_had>(?:{_STRAINING})\s+(?:fit|bout|spell|attack|episode))\b",
    re.IGNORECASE,
)


def without_words_told_in_passing(text: str) -> str:
    """``text`` without the words that only say when, where or who in the constructions of
    ``_TOLD_IN_PASSING`` ("stretch it back every bath" names no back and no baths; "after
    dinner" no meals; "5 foot tall" no foot; "full after a few bites" no bite wound; "a
    pea sized lump" no peas; "my mother in law" no law; "leaking when I cough" no cough); the
    same words elsewhere stay ("my back pain came back" keeps the back of "back pain")."""
    spans = [
        match.span(group)
        for match in _TOLD_IN_PASSING.finditer(text)
        for group in (
            "routine",
            "timed",
            "back",
            "returned",
            "behind",
            "rice",
            "length",
            "bite",
            "size",
            "likened",
            "like",
            "egg",
            "law",
            "tint",
            "furniture",
            "occasion",
            "straining",
            "fit",
            "fit_had",
        )
        if match.group(group)
    ]
    return blanked(text, spans)


Lookup = Callable[[Collection[str]], list[Concept]]
WordCounts = Callable[[Collection[str]], Mapping[str, int]]


@dataclass(frozen=True)
class Repaired:
    """The repaired words and what was changed (original → replacement), for ``--explain``."""

    words: list[str]
    changes: dict[str, str]


def verb_words(question: str) -> frozenset[str]:
    """Normalised words used as verbs in ``question`` ("lead" in "does smoking lead to ...")."""
    return frozenset(normalise(word) for pattern, word in VERB_PHRASES if pattern.search(question))


_POSSESSIVE = re.compile(r"\b([a-z]{3,})(?:'s|’s|s'|s)\b", re.IGNORECASE)


def possessives(text: str) -> frozenset[str]:
    """Words of ``text`` written with a possessive or plural "s", as their stem, lower-case
    ("Crohn's" and "crohns" → "crohn")."""
    return frozenset(m.group(1).lower() for m in _POSSESSIVE.finditer(text))


_AFTER_NOUN = (
    r"(?=\s*(?:[.,;:!?)]|$|\s(?:and|or|but|for|with|that|since|last|is|was|will|which|after|"
    r"before|than|so|because|in|on|every|again|going|coming|from|like|i|it|how|what|the|a|"
    r"an|to|at|all|if|when|now|yet|too|then|as|same|different|turn|turned|turns|over|during|"
    r"back|this|yesterday|recently|earlier|while|about|around|some|few|couple|one|two|three|four|"
    r"five|six|several)\b|\s\d))"
)
_HEAD_BLOW = (
    r"\b(?:hit|hits|hitting|bang(?:ed|s|ing)?|bump(?:ed|s|ing)?|knock(?:ed|s|ing)?|"
    r"smack(?:ed|s|ing)?|whack(?:ed|s|ing)?|bonk(?:ed|s|ing)?|clash(?:ed|es|ing)?)\s+"
    r"(?:(?:his|her|my|their|your|our|its|the|a|both)\s+)?heads?\b(?!\s+(?:lice|louse|start))"
    # the blow as a noun: "took a knock to the head", "a nasty bang on the head"
    r"|\b(?:knock|bang|blow|bump|whack|smack|clash|hit)\s+(?:to|on|in)\s+(?:the|his|her|my|"
    r"their|your|our)\s+head\b"
)
_SOAKING = (
    r"\b(?:soak(?:s|ed|ing)?|bleed(?:s|ing)? through|go(?:ing)? through|chang(?:e|es|ed|ing)) "
    r"(?:through )?(?:a |one |my |an? \w+ )?(?:(?:super|maxi|night|overnight) )?"
    r"(?:pads?|tampons?|sanitary (?:pads?|towels?))(?: (?:and|or) (?:a |my )?(?:\w+ )?"
    r"(?:pads?|tampons?))?"
)
_SOAKING_FAST = _SOAKING + r"(?= (?:every|in|each|within) (?:an? |one |two |\d+ )?(?:hour|hr))"
"""Bleeding told by how fast it soaks a pad or tampon ("soaking through a super tampon and a pad
in an hour"): heavy periods, which a pad an hour or two makes."""
_BIRTH_TOLD = (
    r"(?:bab(?:y|ies)|newborn|postpartum|postnatal|post natal|gave birth|giving birth|birth|"
    r"delivery|blues|new mom|new mum|pregnan\w*|breastfeed\w*)"
)
"""Words that tell of a birth, before or after it: beside them "PPD" is postpartum depression."""
_LOST_UNITS = (
    r"\b(?:lost|losing|dropped|dropping|lose) (?:about |nearly |almost |over |more than |around )?"
    r"(?:a |half a |a couple of |\d+ ?|two |three |four |five )(?:stone|st|kg|kilos?|lbs?|pounds)"
    r"\b"
)
"""Weight told lost in units, not in the word ("lost about a stone"): weight loss when told as
unplanned ("without trying"); a diet's or an operation's loss is no symptom."""
_PRESSURE_MARK = (
    r"\b(?:red|reddish|dark|purple|purplish|maroon|angry|sore|broken|raw)\s+(?:\w+\s+)?"
    r"(?:patch|mark|area|spot|skin|blister|sore)\s+(?:\w+\s+)?(?:on|over|at)\s+(?:his|her|my|"
    r"their|the|both)\s+(?:\w+\s+)?(?:heels?|bottom|buttocks?|bum|hips?|tailbone|sacrum|"
    r"coccyx|ankles?|elbows?|shoulder blades?)\b"
)
"""A red, dark or broken patch over a bone that bears weight when lying or sitting."""
_LYING_STILL = (
    r"\b(?:wheelchair|bed-?bound|bedridden|bed ridden|in bed all day|stays? in bed|immobile|"
    r"can'?t (?:move|walk|turn)|paralys\w*|paraly[sz]ed|hospital bed|care home|nursing home)\b"
)
"""Someone who sits or lies in one position for long: the pressure sores risk."""
_NOT_BLANCHING = (
    r"\b(?:does ?n'?t|doesnt|won'?t|wont|not|never) (?:go away|fade|go white|turn white|go pale|"
    r"blanch)\w* (?:when|if) (?:i |you |we )?(?:press|push)"
)
"""Redness that stays when pressed: the earliest stage of a pressure sore."""
_HEAD_HURT = rf"(?:{_HEAD_BLOW}|\bhead injur(?:y|ies)\b)"
"""A blow to the head, or a head injury as an idiom (:data:`IDIOMS`) has already named one."""
_CONCUSSED = (
    r"\b(?:headaches?|foggy|fog|dazed|dizzy|dizziness|confused|confusion|saw stars|seeing stars|"
    r"blacked out|knocked out|passed out|(?:can'?t|cannot|couldn'?t) remember|not (?:himself|"
    r"herself|themselves|myself)|out of it)\b"
)
"""What a blow to the head is followed by when it is a concussion (CDC's signs: headache,
fogginess, dizziness, confusion, loss of consciousness, memory loss)."""
"""A blow to the head as people tell it ("fell and hit his head", "banged heads in practice"):
a head injury, and a concussion when told with its signs (:data:`_CONCUSSED`)."""
_NOT_HEALING = (
    r"\b(?:(?:not|isn'?t|isnt|hasn'?t|hasnt|won'?t|wont|doesn'?t|doesnt|never) (?:\w+ )?"
    r"heal\w*|(?:for|over|about|nearly|almost) (?:\d+|three|four|five|six|a few|several) "
    r"(?:weeks|wks|months)|(?:\d+|three|four|five|six|several) (?:weeks|wks|months) (?:now|and))"
)
"""A sore told as lasting weeks or not healing."""
_THRUSH_OF_THE_BODY = (
    r"(?:groin|vagina\w*|vulva\w*|down there|penis|genitals?|privates|thighs?|discharge|"
    r"foreskin|bits|crotch|"
    # what thrush is told with when it is a yeast infection of the body, not the mouth's: a
    # course of antibiotics, bacterial vaginosis, its creams, pessaries and pills
    r"antibiotics?|bv|vaginosis|pessar(?:y|ies)|canesten|clotrimazole|fluconazole|diflucan)"
)
"""Where thrush is a skin or genital yeast infection, not the mouth's, and what it is told with
then."""

_THRUSH_OF_A_MAN = (
    r"(?![^\n]*\b(?:mouth|tongue|throat|oral|gums?|lips?|cheeks?|nipples?|breast\w*)\b)"
    r"(?=[^\n]*\b(?:penis|foreskin|glans|men|man|male|husband|boyfriend|scrotum|willy)\b)"
)
"""A question on thrush that tells of a man's body and of no mouth or breast: a yeast infection
of a man, which no page on the vagina's answers, so every thrush in it is the yeast infection
(candidiasis) in general."""

_EAR_PRESSED = (
    r"\bears?\b[^.?!]{0,40}?\b(?:blocked|popping|pop|popped|stuffed|stuffy|plugged|clogged|"
    r"full|muffled|pressure|bunged)\b|\b(?:blocked|popping|plugged|clogged|stuffed|bunged) ears?\b"
)
_PRESSURE_CHANGE = (
    r"\b(?:flights?|flew|flying|plane|airplane|aeroplane|landing|landed|take[- ]?off|"
    r"dive|dives|diving|dived|scuba|altitude)\b"
)
"""A blocked or popping ear, and the change of air or water pressure that may have caused it."""


_GROIN = r"(?:groin|inner thighs?|crotch)"
_GROIN_OTHER = (
    r"blisters?|sores?|ulcers?|warts?|lumps?|bumps?|spots?|herpes|shav\w*|razor|wax\w*|nappy|"
    r"nappies|diapers?|bab(?:y|ies)|infants?|toddlers?|discharge|pus|swollen|swelling|hernia"
)
"""What makes a groin rash another thing than jock itch: sores or lumps (an infection told by
sex, a hernia), shaving, a baby's nappy."""
_WEEKS = r"(?:\d{1,2}|a few|a couple of|two|three|four|five|six|seven|eight)"
_AFTER_A_BIRTH = (
    rf"\b{_WEEKS} (?:days?|weeks?) (?:since|after) (?:i )?(?:gave birth|giving birth|the birth|"
    r"birth|delivery|(?:my|the) (?:c-?section|caesarean|delivery|baby)|having (?:him|her|the baby|"
    r"my baby|my son|my daughter))\b|\b(?:gave birth|had (?:my|the|our) baby|delivered|had a "
    rf"c-?section) {_WEEKS} (?:days?|weeks?) ago\b|\b{_WEEKS} (?:days?|weeks?) post-?partum\b"
)
"""A birth days or weeks ago ("5 weeks since I gave birth", "had the baby 12 days ago")."""
_BLEEDING_HERSELF = (
    r"\b(?<!rectal )(?<!nose )(?<!gum )(?:bleeding|spotting)\b(?! (?:from|in|on) (?:my |the )?"
    r"(?:bottom|back passage|nose|gums?|nipples?|stitches|scar|wound|bum|rectum))"
)
"""Bleeding from the womb, not from the bottom, nose, gums, nipples or a wound."""
_HEAVY_BLEEDING = (
    r"soak\w*|clots?|heavy|heavier|gush\w*|pouring|flooding|faint\w*|dizz\w*|bright red again"
)
"""Heavy bleeding after a birth: an emergency, whose card speaks of it; no page on the usual
bleeding of the weeks after a birth is to be read beside it."""


def either_way(first: str, second: str, gap: str) -> str:
    """A pattern of ``first`` and ``second`` in either order with ``gap`` between them ("a jolt
    … as I drop off", "as I drop off … a jolt")."""
    return f"{first}{gap}{second}|{second}{gap}{first}"


_FLUIDS_TOLD = (
    r"thirst\w*|pee\w*|wee|weeing|urin\w*|dehydrat\w*|fluids?|liquids?|water|milk|formula|"
    r"breast\w*|nappies|nappys|nappy|diapers?|juice|squash|coffee|tea|cola|coke|soda|pop|"
    r"smoothies?|babies|baby|toddlers?|infants?|newborns?|feeds?|feeding"
)
"""What tells of drinking as taking in fluids: thirst, passing urine, the drinks named, a
baby's or toddler's feeds."""
_NOT_A_DRINKER = "".join(
    rf"(?<!\b{w} )"
    for w in [
        *"eating not no stopped stop isn't isnt hasn't hasnt hardly barely won't wont".split(),
        "eating and",
        "eating or",
        "eat and",
    ]
)
"""Words before "drinking" that tell of fluids refused or stopped, as a baby's or a sick
person's (and "stopped drinking", which may be either)."""
_DROPPING_OFF = (
    r"(?:drop|drops|dropping|doze|dozes|dozing|nod|nods|nodding|drift|drifts|drifting) off|"
    r"(?:fall|falls|falling|fell) asleep|(?:go|goes|going) to sleep|(?:get|getting) to sleep"
)
"""The moment of falling asleep."""
_JERK = r"jolts?|(?<!\ba )(?<!\bis )(?<!\bthe )(?<!\bsuch a )jerks?|jerking"
"""A sudden jerk of the body (not "a jerk", a person)."""
_LOW_MOOD = (
    r"crying|cry|cries|tearful|teary|weepy|weeping|low|down|sad|overwhelmed|anxious|"
    r"can'?t stop crying"
)
"""Words of a low or anxious mood."""
_A_BABY = (
    r"newborns?|babies|baby|infants?|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve) (?:days?|weeks?|months?)[- ]olds?"
)
"""A baby, or a child's age in days, weeks or months."""
_SLEEP_POSITION = (
    r"(?:sleep\w*|slept|settles?|settling|naps?|napping|lie|lies|lying|put (?:her|him|them) "
    r"down) (?:\w+ ){0,3}?on (?:her|his|their|its|the) (?:tummy|front|stomach|side|belly)"
)
"""How a baby is laid to sleep ("rolls onto her front", "napping on his side")."""
_A_CUT = r"(?:cut|graze|gash|wound)s?"
ILLNESS_SENSES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        # a cut or graze asked about as infected is a wound infection
        re.compile(
            rf"\b(?:my|a|the|this|his|her|their|your) (?:\w+ )?{_A_CUT}\b[^.?!]{{0,80}}?\b(?:is|"
            r"are|looks?|looking|got|gets|getting|gone|goes|went|be|been|seems?|become|becoming|"
            rf"turned|turning|it|this|that) (?:\w+ )?infected\b|\binfected (?:\w+ )?{_A_CUT}\b|"
            rf"\b{_A_CUT} infections?\b|\b(?:is|are|was|were) (?:my|the|this|his|her|their|your) "
            rf"(?:\w+ )?{_A_CUT} (?:\w+ )?infected\b",
            re.IGNORECASE,
        ),
        rf"{_A_CUT}\b",
        "wound infection",
    ),
    (
        # how a baby is laid to sleep is asked for the risk of cot death (safe sleep)
        re.compile(
            either_way(rf"\b(?:{_A_BABY})\b", _SLEEP_POSITION, r"[^?!]{0,120}?"),
            re.IGNORECASE,
        ),
        r"(?:tummy|front|stomach|side|belly)\b",
        "sudden infant death",
    ),
    (
        # a low, tearful mood in the weeks after a birth is the baby blues or postnatal
        # depression, the page on which tells them apart
        re.compile(
            either_way(rf"(?:{_AFTER_A_BIRTH})", rf"\b(?:{_LOW_MOOD})\b", r"[^?!]*?"),
            re.IGNORECASE,
        ),
        rf"(?:{_LOW_MOOD})\b",
        "postpartum depression",
    ),
    (
        # a jolt or jerk as one drops off is a sleep start, a myoclonic jerk
        re.compile(
            either_way(rf"\b(?:{_JERK})\b", rf"\b(?:{_DROPPING_OFF})\b", r"[^.?!]{0,60}?"),
            re.IGNORECASE,
        ),
        "(?:jolts?|jerks?|jerking)",
        "myoclonus",
    ),
    (
        # drinking told with no drink, no thirst and no fluids is drinking alcohol ("does
        # drinking damage the liver"), not drinking behaviour in general
        re.compile(
            rf"^(?![\s\S]*\b(?:{_FLUIDS_TOLD})\b)[\s\S]*?{_NOT_A_DRINKER}\bdrinking\b"
            r"(?! (?:and eating|or eating|enough|plenty|more|lots|loads|much|a lot|from|out of|"
            r"fine|ok|okay|well|normally|properly|less|little|"
            r"through|a|an|the|it|that|this|something|anything|all (?:day|the time)|her|his|my|"
            r"their|its|your|milk|water|fluids?|bottles?|juice|feeds?)\b)",
            re.IGNORECASE,
        ),
        "drinking",
        "alcohol drinking",
    ),
    (
        # bleeding in the weeks after a birth is postnatal bleeding, not bleeding in general
        # (nor from the bottom, nose or gums)
        re.compile(
            rf"^(?![\s\S]*\b(?:{_HEAVY_BLEEDING}))[\s\S]*?(?:(?:{_AFTER_A_BIRTH})[^?!]*?"
            rf"{_BLEEDING_HERSELF}|{_BLEEDING_HERSELF}[^?!]*?(?:{_AFTER_A_BIRTH}))",
            re.IGNORECASE,
        ),
        "(?:bleeding|spotting)",
        "postnatal bleeding",
    ),
    (
        # an itchy red rash in the groin or on the inner thighs is jock itch (tinea cruris)
        re.compile(
            rf"^(?![\s\S]*\b(?:{_GROIN_OTHER})\b)(?=[\s\S]*\b(?<!not )(?<!no )(?<!isn't )itch)"
            rf"[\s\S]*?(?:\b{_GROIN}\b[^.?!]{{0,80}}?\b(?:itch\w*|rash)\b|\b(?:itch\w*|rash)\b"
            rf"[^.?!]{{0,80}}?\b{_GROIN}\b)[^.?!]*",
            re.IGNORECASE,
        ),
        "(?:(?:itchy |red |itchy red |red itchy )?rash|itch(?:y|ing)?)",
        "jock itch",
    ),
    (
        re.compile(r"\bears?\b[^.?!]{0,60}?\bwax\b|\bwax\b[^.?!]{0,40}?\bears?\b", re.IGNORECASE),
        r"(?<!ear )(?<!ears )wax",
        "earwax",
    ),
    (
        re.compile(
            rf"(?:{_EAR_PRESSED})(?=[\s\S]*{_PRESSURE_CHANGE})"
            rf"|{_PRESSURE_CHANGE}[\s\S]*?(?:{_EAR_PRESSED})",
            re.IGNORECASE,
        ),
        "ears?\\b",
        "barotrauma",
    ),
    (
        re.compile(
            r"\beyes? (?:is |are |look |looks |have |has |went |go |gone |turned )?(?:been |gone |"
            r"all |really |very |so )*(?:pink|red|bloodshot)\b[^.?!]{0,40}?\b(?:gunky|gunk|"
            r"crust\w*|sticky|stuck (?:shut|together)|goo\w*|discharge|pus\w*|weep\w*|gooey)"
            # or told the other way round: "one eye glued shut with yellow gunk, the white is a
            # bit pink"
            r"|\beyes?\b[^.?!]{0,20}?\b(?:glued|stuck|crusted|gummed) (?:shut|together|closed)"
            r"\b[^.?!]{0,60}?\b(?:pink|red|bloodshot)\b",
            re.IGNORECASE,
        ),
        "(?:pink|red|bloodshot)",
        "pink eye",
    ),
    (
        re.compile(rf"^{_THRUSH_OF_A_MAN}[^\n]*\bthrush\b[^\n]*$", re.IGNORECASE | re.MULTILINE),
        "thrush",
        "candidiasis",
    ),
    (
        re.compile(
            either_way(r"\bthrush\b", rf"\b{_THRUSH_OF_THE_BODY}\b", r"[^.?!]{0,80}?"),
            re.IGNORECASE,
        ),
        "thrush",
        "yeast infection",
    ),
    (
        re.compile(
            r"\b(?:(?:a|my|his|her|their|bad|nasty|head|chest|this|another|the common|no|any) cold"
            + _AFTER_NOUN
            + r"|colds)\b",
            re.IGNORECASE,
        ),
        "cold",
        "common cold",
    ),
    (
        re.compile(
            r"\b(?:menstrual|period) cramps?\b"
            r"|\bperiods?\b(?! of\b)[^.?!]{0,80}?\bcramp(?:s|ing)?\b"
            r"|\bcramp(?:s|ing)?\b[^.?!]{0,40}?\b(?:during|with|before|on|from|each) "
            r"(?:my|her|their|the|every|each) (?:monthly )?periods?\b",
            re.IGNORECASE,
        ),
        "cramp(?:s|ing)?",
        "period pain",
    ),
    (
        re.compile(
            r"\b(?:(?:her|his|my|their|our|the|baby'?s?|flu|covid|mmr|chicken ?pox|whooping "
            r"cough|tetanus|hpv|booster|measles|pertussis|\d+[- ]?(?:week|wk|month|mo|year|yr)s?|"
            r"(?:two|four|six|eight|twelve)[- ]?(?:week|month)s?)\s+)jabs?\b",
            re.IGNORECASE,
        ),
        "jab",
        "vaccine",
    ),
    (
        re.compile(
            r"\b(?:(?:mouth|tongue|cheek|gum|lip) ulcers?|ulcers? (?:\w+ )?(?:in|on|inside) "
            r"(?:(?:the )?(?:side|tip|edge|underside|floor|roof|back) of )?(?:my |his |her |the |"
            r"their )?(?:mouth|tongue|cheeks?|gums?|lips?))\b"
            r"(?![\s\S]*\bhand,? (?:n |and |& )?f(?:oo|ee)t\b)"
            # one that will not heal is no canker sore to wait out: a doctor or dentist checks it
            rf"(?![\s\S]*{_NOT_HEALING})",
            re.IGNORECASE,
        ),
        "ulcers?",
        "canker sores",
    ),
    (
        re.compile(
            r"^(?![\s\S]*\b(?:insulin|lantus|novorapid|humalog|levemir|tresiba|heparin|botox|"
            r"vitamins?|iu|blood|flat|house|electric\w*|energy|kwh|bills?|heating|boiler|solar)\b)"
            r"[\s\S]*?\bunits? (?:of alcohol|(?:a|per|each) (?:week|day|"
            r"night))\b",
            re.IGNORECASE,
        ),
        r"units?(?= (?:of alcohol|a |per |each ))(?: of alcohol)?",
        "alcohol drinking",
    ),
    (
        re.compile(either_way(_HEAD_HURT, _CONCUSSED, r"[\s\S]*"), re.IGNORECASE),
        _HEAD_HURT,
        "concussion",
    ),
    (
        re.compile(_HEAD_BLOW, re.IGNORECASE),
        _HEAD_BLOW,
        "head injury",
    ),
    (
        re.compile(
            r"\bleak\w*\b[^.?!]{0,30}?\b(?:when|whenever|every\s+time|if)\s+(?:i|he|she|we|you|they)"
            rf"\s+(?:{_STRAINS}|jump|jumps|lift|lifts)\b",
            re.IGNORECASE,
        ),
        r"leak\w*",
        "urinary incontinence",
    ),
    (
        re.compile(_SOAKING_FAST, re.IGNORECASE),
        _SOAKING,
        "heavy periods",
    ),
    (
        re.compile(
            r"\b(?:got|get|getting|gets|have|has|had|having|with|given (?:me|him|her|us) |"
            r"(?:giv(?:e|es|ing)|gave) (?:me|him|her|us|them) )\s*"
            r"(?:the |a (?:bad )?(?:case|dose) of the |(?:terrible|awful|bad|horrible|constant) )"
            r"runs\b",
            re.IGNORECASE,
        ),
        "runs",
        "diarrhea",
    ),
    (
        # PPD beside a birth is postpartum depression, not the tuberculin skin test
        re.compile(
            rf"\bppd\b(?=[\s\S]*\b{_BIRTH_TOLD}\b)|\b{_BIRTH_TOLD}\b[\s\S]*\bppd\b",
            re.IGNORECASE,
        ),
        r"\bppd\b",
        "postpartum depression",
    ),
    (
        re.compile(
            rf"{_LOST_UNITS}[^.?!]{{0,40}}?(?:without (?:even )?(?:trying|meaning to|dieting)|for "
            r"no (?:obvious |apparent )?reason|not (?:even )?trying|unintentional\w*|unexplained)",
            re.IGNORECASE,
        ),
        _LOST_UNITS,
        "weight loss",
    ),
    (
        re.compile(
            rf"{_PRESSURE_MARK}[\s\S]*{_LYING_STILL}|{_LYING_STILL}[\s\S]*{_PRESSURE_MARK}|"
            rf"{_PRESSURE_MARK}[^.?!]*{_NOT_BLANCHING}",
            re.IGNORECASE,
        ),
        _PRESSURE_MARK,
        "pressure ulcer",
    ),
)
"""Words whose everyday sense the vocabulary lacks, with the context that gives that sense: "a
cold" or "colds" is the common cold, while "cold" alone is a temperature (MeSH) and "a cold
compress" is a cold thing (a noun follows); cramps told with periods are period pain; a flu or
a baby's "jab" (British) is a vaccination; a blow to the head is a head injury, or a concussion
when headache, fogginess or confusion follow; "the runs" is diarrhoea; a pad or tampon soaked
within an hour or two is heavy periods; leaking when one coughs, sneezes or lifts is urinary
incontinence; wax told with an ear is earwax; pink or red eyes that are sticky or crusted are
pink eye; a mouth ulcer is a canker sore, unless it is told as weeks old or not healing."""


EMOTIONAL_NUMBNESS = (
    "(?:feel|feels|feeling|felt) (?:so |really |kind of |kinda |just |all |emotionally )*"
    "numb(?=[^.?!]{0,80}\\b(?:nothing|fun|care|caring|empty|emotions?|feelings?|inside|sad|"
    "happy|enjoy\\w*|interest\\w*)\\b)|emotionally numb"
)
"""Numbness told of one's feelings ("I just feel numb, nothing is fun"): no loss of sensation."""


_TO_PASS_WATER = (
    r"(?:to|for) (?:a )?(?:pee|urinate|wee|wee-wee|piss|the (?:loo|toilet|bathroom)|"
    r"use the (?:bathroom|toilet|loo)|go to the (?:bathroom|toilet|loo))\b"
)
"""Getting up to pass water, told in lay words ("for a wee", "to the loo")."""
_STREAM_WEAK = (
    "(?:is |has been |got |gotten |seems )?(?:really |very |so |kind of |kinda |a bit |pretty )?"
    "(?:weak|slow)"
)
"""How a urine stream is told weak: "is really weak", "got slow"."""


_RACES = (
    "(?:races|racing|raced|race|shoots up|shot up|goes up|went up|jumps|jumped|pounds|pounding)"
)
_ON_STANDING = (
    "(?:when(?:ever)?|every time|each time|as soon as|if) (?:i|he|she|they|you) "
    "(?:stand|stands|stood|get up|gets up|got up)"
)
"""A pulse that climbs as someone stands up: "my heart races whenever I stand"."""


_UNNAMED = "(?![^\\n]*\\b{}\\b)"
"""Put before a lay description of a condition: read as the condition only when the question
does not name it later itself ("my cheeks go red after wine … is this rosacea?" asks about
rosacea in its own words, and what it tells stays told)."""


_AT_A_MEAL = "(?:{})".format(
    "|".join(
        f"(?<={prep} {whose} )"
        for prep in ("with", "after", "before")
        for whose in ("my", "our", "his", "her")
    )
)
"""Right after "with my", "after our" and the like: where a meal is named (lookbehinds of
one width each, as Python's require)."""
_NOT_SUTURED = "(?<!need )(?<!needs )(?<!needed )(?<!put )(?<!with )"
"""Not a stitch needed, put in or had with a wound: that one is a suture."""
_NOT_A_SUTURE = _NOT_SUTURED + _NOT_SUTURED.replace(" )", " a )")
"""The same, before a stitch whose article is optional ("needed a stitch")."""
IDIOMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b(?:{idiom})\b", re.IGNORECASE), plain)
    for idiom, plain in (
        ("cold turkey", "abruptly"),
        # a tickle one chokes on is a cough's, no blocked airway
        ("chok(?:e|es|ed|ing) on (?:a|the|this|that|my) tickle", "coughing"),
        # a person's law or principle is a maxim, not the disease named after the same person
        # ("Hodgkin's law" would be no lymphoma)
        # (the apostrophe is required: "the cannabis law", "his principles" name no person)
        (
            "(?!(?:it|that|what|who|there|here)(?:'|’)s\\b)[a-z]+(?:'|’)s (?:law|principle|"
            "paradox|razor|theorem)s?",
            "a maxim",
        ),
        ("(?:fall|falls|fell|fallen|falling) pregnant", "get pregnant"),
        # tea in the evening, with or after which one takes a tablet, is the evening meal
        (
            f"{_AT_A_MEAL}tea(?= (?:tonight|this evening|later|at (?:5|6|7|five|six|seven)))|"
            "tea ?time",
            "evening meal",
        ),
        # Lyme alone is the disease, but not the places named Lyme
        (
            "(?<!old )lyme(?! (?:regis|bay|park|disease|borreliosis|arthritis|carditis))",
            "lyme disease",
        ),
        # skin burnt by the sun, told without the word sunburn
        (
            "(?:burnt|burned|burn|fried|frazzled) (?:[a-z]+ ){0,3}?(?:in|by|from) the sun",
            "sunburnt",
        ),
        (
            "(?:fell|fallen|falling|dozed off|dozing off) (?:asleep )?in the sun(?=[^.?!]{0,100}"
            "\\b(?:red|burn\\w*|blister\\w*|peel\\w*|sore|stings?|stinging)\\b)",
            "got sunburnt",
        ),
        (
            "nursing (?:my|a|the|our|her|his|your) (?:\\w+ )?(?:baby|babies|newborn|infant|son|"
            "daughter|twins)",
            "breastfeeding",
        ),
        (
            "(?:smokes?|smoking) (?:weed|pot|cannabis|marijuana|joints?|dope|skunk|grass|hash)",
            "marijuana use",
        ),
        (
            "smokes(?! (?:alarm|detector|signal|screen|machine|weed|pot|cannabis|marijuana|joints?|"
            "dope|skunk|grass|hash)\\b)",
            "smoking",
        ),
        # a medicine given by injection, not a vaccination ("a steroid jab", "iron jabs")
        (
            "(?<=\\bb12 )jabs?|(?<=\\bb-12 )jabs?|(?<=\\bsteroid )jabs?|(?<=\\bcortisone )jabs?|"
            "(?<=\\binsulin )jabs?|(?<=\\biron )jabs?|(?<=\\bdepo )jabs?|"
            "(?<=\\bhormone )jabs?|(?<=\\bcontraceptive )jabs?|(?<=\\btestosterone )jabs?",
            "injection",
        ),
        # a shop is where a remedy is bought, not a food or health topic
        (
            "(?:from|at|in|off) (?:the |a |my |our |any )?(?:local )?(?:health ?food|health|"
            "vitamin|supplement) (?:shops?|stores?)",
            "over the counter",
        ),
        ("under the weather", "unwell"),
        # a fright, boredom or worry told as "to death" is no death
        (
            "(?:scared|scares|scaring|frightened|frightens|terrified|worried|worries|bored|"
            "freaked|petrified|startled|sick|tired) (?:(?:me|him|her|us|them|myself) )?"
            "(?:half |nearly |almost )?to death",
            "badly",
        ),
        # standing for long, not the feet ("worse at the end of the day on my feet")
        (
            "(?:been|being|stay\\w*|all day|(?:end|rest) of (?:the|a|my) (?:day|shift)|long|back|"
            "get|got|keep|kept|(?:hours|day|shifts?)) on (?:my|his|her|their|your|our) feet"
            "(?! (?:hurt|ache|are|is|swell|itch|burn|tingl))",
            "standing",
        ),
        ("(?:at|on) (?:my|our|his|her|their|the) wits?'? ?ends?", "desperate"),
        # "face" as a verb: to bear or to confront something, not the face
        (
            "(?:can'?t|cant|cannot|can not|couldn'?t|couldnt|could not|unable to|not ready to|"
            "struggl(?:e|ing) to|won'?t|wont) (?:even )?face(?= \\w+ing\\b| it\\b| them\\b| "
            "him\\b| her\\b| the (?:thought|idea|day|world|future|people))",
            "put off",
        ),
        ("fac(?:e|es|ed|ing) up to", "accept"),
        ("out of the blue", "suddenly"),
        # breastfeeding, not the profession nor a cold being nursed
        (
            "(?:while|when|whilst) (?:i'?m |i am |she'?s |she is |still |currently )?nursing"
            "(?! (?:a|an|my|his|her|the|this) (?:\\w+ )?(?:cold|hangover|injury|grudge|drink|"
            "wound|sore|bruise|headache)|\\w| home| student| school| staff| course| degree| "
            "career| job| shift)",
            "while breastfeeding",
        ),
        # a position that hurts, not sleeplessness: "can't sleep on my tummy, my ribs hurt" (a
        # side: below)
        (
            "(?:can'?t|cant|cannot|can not|unable to|couldn'?t|hard to) (?:sleep|lie|lay) on "
            "(?:my|her|his|their|your|the) (?:front|back|tummy|stomach|belly)",
            "can't lie that way",
        ),
        # how someone is, not the self of psychology: "back to her usual self by teatime"
        (
            "(?:(?:my|his|her|their|your|our)(?: (?:usual|normal|old|same|own|happy|cheerful|"
            "bubbly|cheeky|regular|typical))+ ?self)",
            "as usual",
        ),
        ("on the mend", "recovering"),
        # swallowing that fails, not the bird ("he is unable to swallow capsules now")
        (
            "(?:can'?t|cant|cannot|can no longer|unable to|struggl\\w* to|no longer able to) "
            "(?:really |properly |easily )?swallow(?! (?:my|her|his|their|your) (?:pride|words))",
            "trouble swallowing",
        ),
        # scaly patches of skin are a rash, not the body part they sit on
        ("(?:scaly|flaky) (?:\\w+ )?(?:patch|patches|spots|blotches|plaques)", "scaly rash"),
        # skin told as itchy with words between ("her skin is always so itchy")
        (
            "skin (?:(?:is|was|gets|got|getting|feels|felt|to be|has been|have been|always|"
            "constantly|so|really|very|terribly|incredibly|super) ){1,3}itch(?:y|ing)",
            "itchy skin",
        ),
        # asleep in the daytime, not sleeplessness at night
        (
            "(?:falling|falls|fall|fell|dozing|dozes|doze|nodding|nods) (?:asleep|off) (?:\\w+ )"
            "{0,3}?(?:during|in) the (?:day|daytime|afternoons?)|(?:sleepy|drowsy) (?:all|"
            "during the) day",
            "daytime sleepiness",
        ),
        # many medicines together, not the tablet as a form
        (
            "(?:too many|so many|(?:[5-9]|1\\d|2\\d|five|six|seven|eight|nine|ten|eleven|twelve|"
            "several|many|lots of|loads of) different) (?:tablets|pills|medicines|medications|"
            "meds)",
            "polypharmacy",
        ),
        # worms a person has caught (threadworms in a child), not garden worms or a "can of
        # worms"
        (
            "(?:be|got|get|gets|getting|has|have|having|had|caught|catch|picked up|with|for) "
            "(?:(?:intestinal|tummy|gut) )?worms",
            "with worm infection",
        ),
        # thin skin torn by a knock, not tears of the eyes
        (
            "(?:tear|tears|tore|torn|tearing|rip|rips|ripped) (?:my|her|his|their|the|your) "
            "(?:\\w+ )?skin|skin (?:that )?(?:tears|tore|rips|ripped|tearing)",
            "skin tear",
        ),
        ("(?:get|gets|got|getting|have|having) cold feet", "get doubts"),
        ("sweet tooth", "craving for sweets"),
        ("frog in (?:my|his|her|the) throat", "hoarseness"),
        ("pins (?:and|&|n) needles", "tingling"),
        # the specialist, not endometriosis ("my endo says i can do methimazole")
        (
            "endo(?= (?:says|said|told|tells|wants|thinks|thought|recommended|recommends|"
            "suggested|suggests|prescribed|put me|doctor|appointment|appt|visit)\\b)",
            "endocrinologist",
        ),
        # a home remedy, not the chemical class "salts"
        (
            "(?:warm |hot )?salt(?:y|ed)? water (?:mouth ?)?(?:rinses?|gargles?|mouthwash\\w*|"
            "washes)|(?:rinse|rinses|rinsing|gargle|gargles|gargling) with (?:warm |hot )?salt"
            "(?:y|ed)? water",
            "home rinses",
        ),
        (
            "white (?:\\w+ )?(?:spots?|patches?|dots?|stuff|pus) (?:\\w+ ){0,2}?(?:on|in) "
            "(?:my |his |her |the |their )?(?:\\w+ )?tonsils?",
            "tonsillitis",
        ),
        (
            "(?:feet|foot) (?:are|is|r|have been|has been) (?:absolutely |really |just )?killing "
            "(?:me|him|her)|(?:aching|achy|sore) feet|feet (?:ache|hurt|are sore)",
            "foot health",
        ),
        (
            "(?:crunch\\w*|crack\\w*|click\\w*|popp\\w*|grind\\w*|creak\\w*|grating) "
            "(?:noises?|sounds?)(?=[^.?!]{0,60}\\b(?:knees?|joints?|shoulders?|hips?|ankles?|"
            "stairs|squat\\w*)\\b)|(?<=knee makes a )(?:\\w+ )?(?:noise|sound)",
            "joint sounds",
        ),
        (
            "(?:stage|grade) (?:[1-5]|i{1,3}|iv|v|one|two|three|four|five)[ab]? (?:chronic )?"
            "(?:kidney|renal) (?:disease|failure)|ckd(?: stage)? ?[1-5][ab]?",
            "chronic kidney disease",
        ),
        (
            "(?:nodule|spot|shadow) (?:\\w+ ){0,2}?(?:on|in) (?:my |his |her |the |their )?"
            "(?:right |left |upper |lower )?lungs?",
            "lung nodule",
        ),
        (
            "(?:\\d+|a|one|two|three|four|five|a few|a couple of?|couple of?) "
            "(?:large |big |small )?(?:glass(?:es)?|pints?|cans?|bottles?|drinks?|shots?) "
            "of (?:red |white )?(?:wine|beer|"
            "alcohol|vodka|whisk(?:e)?y|gin|rum|spirits|cider)",
            "alcohol drinking",
        ),
        (
            # drinks counted, with no kind named, are drinks of alcohol ("a couple of drinks
            # at a party"); "two drinks of water" or "a few fizzy drinks" name their kind
            "(?:a couple of|a few|couple of|few|some|two|three|four|2|3|4) drinks\\b(?! of\\b)"
            "(?![^.?!]{0,40}?\\b(?:tea|coffee|water|juice|squash|milk|cola|coke|pop|soda)\\b)",
            "alcohol",
        ),
        (
            "(?:is|could|can) (?:it|that|this) (?:be )?(?:from )?(?:my|his|the|an enlarged|a) "
            "prostate",
            "prostate problem",
        ),
        (
            "(?:"
            + "|".join(
                f"(?<={verb} )"
                for verb in (
                    "flight flew drove drive trip came come got went way ride walk flying".split()
                )
            )
            + ")back (?:from|home|to)",
            "returning",
        ),
        (
            "(?:^|(?<=\\bmy )|(?<=\\bhave )|(?<=\\bhaving )|(?<=\\bwith )|(?<=\\bfor )|"
            "(?<=\\babout ))ed(?=[^.?!]{0,40}\\b(?:at \\d{2}|stress|erections?|sex|viagra|cialis|"
            "libido|perform\\w*|partner|wife|girlfriend)\\b)",
            "erectile dysfunction",
        ),
        (
            "slapped[- ]cheeks?(?: (?:syndrome|disease|virus|rash))?|"
            "(?:cheeks?|face) (?:\\w+ ){0,4}?(?:like|as if|as though) "
            "(?:he|she|they|someone)(?:'?s| has| had| have|'?ve| was| were)? (?:been )?slapped",
            "fifth disease",
        ),
        (
            "(?:feels? (?:\\w+ ){0,2}?like )?(?:there'?s |theres |there is )?(?:sand|grit|dust) in "
            "(?:both )?(?:my |his |her |their |the )?(?:both )?eyes?|gritty eyes?|eyes? "
            "(?:feel|feels|are|is) (?:so |really |very )?gritty",
            "dry eye",
        ),
        (
            "protein (?:\\w+ ){0,2}?in (?:my |his |her |the )?(?:urine|pee|wee)|(?:urine|pee|wee) "
            "(?:dip|dipstick|test|sample|check)\\w* (?:\\w+ ){0,4}?(?:showed|shows|found|had|has|"
            "with|positive for) (?:some |a little |trace )?(?:\\w+ ){0,1}?protein",
            "proteinuria",
        ),
        (
            "(?:(?:my|his|her|their|your|[a-z]+'?s) )(?:skin|whites of (?:my|his|her|their|the) "
            "eyes|eyes|face)(?: and (?:the )?"
            "(?:skin|whites of (?:my|his|her|their|the) eyes|eyes|face))? (?:\\w+ ){0,4}?"
            "(?:gone|going|turned|turning|look|looks|looking|is|are|got|getting|seem|seems)"
            " (?:\\w+ )?(?:yellow|yellowish|yellowy)",
            "jaundice",
        ),
        (
            "(?:whoosh\\w*|puls\\w*|thump\\w*|throb\\w*|heartbeat) (?:\\w+ ){0,2}?(?:in|inside) "
            "(?:my |his |her |one |both )?(?:\\w+ )?ears?(?=[^.?!]{0,60}\\b(?:heart ?beat|pulse|"
            "time with|rhythm)\\b)|(?:hear|hearing|can hear) (?:my )?(?:heart ?beat|pulse) in "
            "(?:my )?(?:\\w+ )?ears?",
            "pulsatile tinnitus",
        ),
        (
            "(?:only|just|barely) (?:says|said|saying|uses|knows) (?:maybe |like |about |around )?"
            "(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of?) words",
            "speech delay",
        ),
        (
            "(?:don'?t|dont|do not|can'?t|cant) see the point (?:of|in) (?:getting up|getting out "
            "of bed|doing anything|anything|much|life)|everything (?:feels|seems|is) (?:so )?"
            "(?:grey|gray|pointless|empty|meaningless|flat)|lost interest in (?:everything|"
            "anything|things i (?:used to )?(?:love|enjoy)\\w*|(?:\\w+ ){1,6}?(?:which|that|i) "
            "(?:i )?used to (?:love|enjoy)\\w*)"
            # told as a person's state ("my son says I'm depressed", "feeling so depressed")
            "|(?:i'?m|im|i am|feel|feels|feeling|felt|been|he'?s|she'?s|is|was|seems?) (?:so |"
            "really |very |a bit |quite |pretty |really quite |a little )?depressed"
            "(?! (?:skull|fracture|immune|bone|area|spot|scar|nipple)\\w*)",
            "depression",
        ),
        ("flu[- ]?(?:ish|like|y)(?: symptoms| feeling)?", "achy and feverish"),
        (
            "(?:red|hot|painful|sore|hard|tender)(?:,? (?:and )?(?:red|hot|painful|sore|hard|"
            "tender|warm|swollen))* (?:lump|area|patch|spot|wedge|streak)\\w* (?:\\w+ ){0,2}?in "
            "(?:my |her |one |the )?(?:\\w+ )?(?:breast|boob)s?(?=[\\s\\S]{0,120}"
            "(?:breast ?feed\\w*|nursing|pp\\b|post ?partum))|(?:breast ?feed\\w*|nursing)"
            "[^.?!]{0,80}\\b(?:boob|breast)s? (?:\\w+ ){0,5}?(?:red|hot|painful|sore|hard|tender) "
            "(?:\\w+ ){0,3}?(?:lump|area|patch|spot|wedge)",
            "mastitis",
        ),
        (
            "(?:virus|malware|trojan|worm)(?: \\w+){0,3} (?:on|in|from|off) "
            "(?:my |the |his |her |our )?"
            "(?:laptop|computer|pc|phone|mac|tablet|ipad|browser|chrome|windows|hard drive|email)|"
            "(?:laptop|computer|pc|phone|mac|tablet|browser)(?: \\w+){0,3} (?:has|got|caught|"
            "picked up) (?:a |some )?(?:virus|malware)",
            "computer virus",
        ),
        # bitten by a pet or another animal, however the owner is named
        (
            "(?:bit|bitten|nipped) (?:me |him |her |us |them )?(?:by |on \\w+ \\w+ by )?"
            "(?:a |an |the |my |our |his |her |their )?(?:[\\w'’]+ ){0,2}?(?:dog|puppy|cat|kitten|"
            "hamster|rabbit|ferret|fox|rat|horse|monkey)s?\\b|(?:dog|puppy|cat|kitten|hamster|rabbit|ferret|"
            "fox|rat|horse|monkey) (?:has |just )?(?:bit|bitten|nipped)\\b",
            "animal bites",
        ),
        (
            "(?:has|have|had|keeps?|kept|'s|is) (?:fallen|falling|fell)(?: down| over)? (?:twice|"
            "(?:\\d+|three|four|five|six|many) times|a few times|several times|"
            "a couple (?:of )?times|again|a lot|more often)",
            "falls",
        ),
        (
            "(?:felt|feel|feeling) like (?:i|he|she) (?:was|were|am|is) (?:going to |gonna )?"
            "(?:die|dying)(?=[^.?!]{0,60}\\b(?:out of nowhere|for no reason|(?:store|supermarket|"
            "shop|mall|meeting|class|crowd)\\w*)\\b)|(?:had to|had to run out of|left|leave) "
            "(?:the )?(?:store|supermarket|shop|mall|meeting|class|room)\\w* (?:\\w+ ){0,3}?"
            "because (?:i|he|she) (?:felt|feel|was|thought) (?:like )?(?:i|he|she)? ?"
            "(?:was |were )?(?:going to |gonna )?(?:die|dying|panick\\w*)",
            "panic attack",
        ),
        (
            "(?:weak|slow|poor|trickl\\w*|dribbl\\w*) (?:urine|pee|urinary) stream|(?:urine|pee) "
            f"stream {_STREAM_WEAK}|(?:weak|slow|poor) stream(?=[^.?!]{{0,60}}\\b(?:pee|peeing|"
            "urin\\w*|wee|bathroom|toilet)\\b)|(?:(?<=pee )|(?<=peeing )|(?<=urinate )|"
            f"(?<=urinating )|(?<=wee ))(?:\\w+ ){{0,3}}?(?:stream|flow) {_STREAM_WEAK}",
            "weak urine stream",
        ),
        (
            "(?:flood|floods|flooded|flooding) (?:through |my |her |a |the )*(?:\\w+ ){0,2}?"
            "(?:pads?|tampons?|towels?|sanitary|knickers|sheets)\\b|(?:periods?|menstrual "
            "bleeding) (?:\\w+ ){0,6}?(?:flood|floods|flooding)\\b",
            "period",  # bleeding through pads: no flood; the index has no page on menorrhagia
        ),
        (
            "(?:gets?|getting|got|wakes?|waking|woke) up (?:[\\w-]+ ){0,5}?"
            f"(?:a|at|every|each|in the) (?:night|nite) (?:\\w+ ){{0,2}}?{_TO_PASS_WATER}|"
            f"(?:gets?|getting|got|wakes?|waking|woke) up (?:[\\w-]+ ){{0,3}}?{_TO_PASS_WATER}"
            "(?=[^.?!]{0,40}\\b(?:night|nite|nights)\\b)|(?:times?|often) (?:a|at|every|each|"
            f"in the) (?:night|nite) (?:\\w+ ){{0,6}}?{_TO_PASS_WATER}",
            "nocturia",
        ),
        (
            "(?:stops?|stopped|stopping|pauses?|paused|quits?) breathing(?=[^.?!]{0,80}\\b(?:"
            "gasp\\w*|snor\\w*|sleep\\w*|at night)\\b)|(?<=snores )(?:\\w+ ){0,6}?(?:stops?|"
            "stopped|pauses?) breathing|snor(?:e|ed|ing) (?:\\w+ ){0,6}?(?:stops?|stopped|pauses?) "
            "breathing|(?:stops?|stopped|pauses?) breathing (?:\\w+ ){0,3}?(?:in|"
            "during|while) (?:his |her |my |their )?sleep",
            "sleep apnea",
        ),
        (
            "(?:barely|hardly|won'?t|wont|refuses? to|stopped|not) eat(?:s|ing)?"
            "(?=[\\s\\S]{0,200}?\\b"
            "(?:calorie\\w*|obsess\\w*|thinks? (?:s?he|they|i) (?:is|are|am|looks?) fat|afraid of "
            "(?:gaining|getting fat)|(?:angry|upset|mad) (?:\\w+ ){0,3}?(?:bring up|mention|talk "
            "about) food|hid(?:es|ing)? food|work(?:s|ing)? out for hours|exercis\\w* (?:for hours|"
            "obsessively|compulsively)|(?:make|makes|making) (?:him|her|my|them)(?:self|selves) "
            "(?:throw up|sick|vomit)|purg\\w*)\\b)",
            "eating disorder",
        ),
        (
            "white (?:\\w+ ){0,2}?(?:coating|coat|film|patch(?:es)?|spots?|stuff|layer) "
            "(?:\\w+ ){0,5}?(?:on|in|inside) (?:my |his |her |the |their )?(?:\\w+ )?"
            "(?:tongue|mouth|cheeks?|gums?)(?=[^.?!]{0,60}\\b(?:won'?t|wont|will not|doesn'?t|"
            "does not|don'?t|dont|do not|can'?t|cannot|not) (?:\\w+ )?"
            "(?:brush|wipe|scrape|rub|come|rinse)\\w* off)",
            "oral thrush",
        ),
        (
            "burning (?:feeling |sensation |pain )?(?:in|behind) "
            "(?:(?:the )?(?:middle|center|centre) of )?(?:my |his |her |the )?(?:chest|breastbone)"
            "(?=[^.?!]{0,80}\\b(?:after (?:eating|"
            "meals?|dinner|lunch|breakfast|food)|lying down|lie down|throat|sour|acid|bitter)\\b)",
            "heartburn",
        ),
        (
            "post[- ]?nasal drip(?:ping)?|(?:mucus|phlegm|snot) (?:\\w+ ){0,2}?(?:drips?|dripping|"
            "runs?|running) down (?:the back of )?(?:my|his|her|the) throat",
            "rhinitis",
        ),
        (
            "(?:testicles?|testis|scrotum|balls?|nuts?|sack|sac)(?:\\W+\\w+){0,4}?\\W+(?:feels?|felt|"
            "feeling|looks?|is|are) (?:\\w+ ){0,2}?like (?:an? )?(?:bag|sack|bunch) of (?:worms|"
            "spaghetti|noodles)|(?:bag|sack|bunch) of (?:worms|spaghetti|noodles) (?:\\w+ ){0,3}?"
            "(?:in|on|above) (?:my|his|the) (?:\\w+ )?(?:testicles?|scrotum|balls?|sack|sac)",
            "varicocele",
        ),
        (
            "(?:diet|cherry|vanilla) coke|coke zero|coca[- ]cola|(?:can|glass|bottle) of coke",
            "cola",
        ),
        ("cabin fever", "restlessness from being shut in"),
        ("butterflies in (?:my|the|his|her) (?:stomach|tummy)", "nervousness"),
        ("(?:backs? (?:is |are )?)?against the wall", "in a desperate situation"),
        ("(?:the )?cold shoulder", "ignoring"),
        (
            "(?:is|are|'s|was|were|be|being|such) (?:(?:literally|really|just|truly|such|an?|"
            "real|total|royal|huge|big|bit of a|absolute|complete) )*pain in the (?:neck|butt|"
            "ass|backside|rear)",
            "is annoying",
        ),
        (
            "(?:say|says|said|saying|told (?:me|him|her|us|them)|wish(?:ed|es)? (?:me|him|her|"
            "us|them|you)|mean by|means?|[\"“'‘]) ?break a leg|break a leg\\W{0,3} "
            "(?:means?|mean|come from)",
            "good luck",
        ),
        (
            "(?:everything|vision|sight|eyes|it|the world|the room) (?:goes|went|going|turns|"
            "turned|turning|gets|got) (?:all )?(?:black|dark|grey|gray|white)",
            "almost pass out",
        ),
        (
            "heart (?:\\w+ ){0,2}?(?:does|did|doing|do|has|had|gives?|gave) (?:an? |these |this "
            "|some )?(?:(?:little|weird|funny|strange|quick|small|odd) )*(?:flip[- ]?flops?|flips?|"
            "flutters?|skips?|somersaults?|stutters?)(?: (?:skips?|flips?|thing))?"
            "|(?:flip[- ]?flops?|flutter\\w*|fluttery feeling) in (?:my|the|his|her) chest"
            "|(?<!without )(?<!never )(?:skips?|skipped|skipping|miss|misses|missed|missing|"
            "drops?|dropped) (?:a |the odd "
            "|an odd |odd |the occasional |some |extra )?(?:heart ?)?beats?",
            "heart palpitations",
        ),
        (
            "(?:stomach|tummy|belly|gut|bowels?|intestines?) (?:\\w+ ){0,3}?(?:noises?|"
            "growl\\w*|gurgl\\w*|rumbl\\w*|sounds)",
            "intestinal gas",
        ),
        ("shak\\w+ (?:with|and) chills|chills and shak\\w+|shaking chills", "chills"),
        (
            "(?:bright |fresh )?(?:red )?blood (?:on|in) (?:the |my |his |her )?(?:toilet paper|"
            "toilet bowl|toilet roll|loo roll|tissue|paper|stools?|poop|poo)|bleed\\w* (?:when|"
            "after) (?:i |he |she )?(?:poop|poo|wipe|go to the (?:bathroom|toilet)|have a bowel "
            "movement)",
            "hematochezia",
        ),
        (
            "(?:poop|poo|stools?|bowel movements?) (?:\\w+ ){0,2}?(?:is|was|were|are|looks?|"
            "looked|came out|turned|has been) (?:\\w+ )?(?:dark |bright |deep )?(?:red|maroon)\\b",
            "hematochezia",
        ),
        (
            "(?:red (?:spot|blotch|patch|splotch)|blood(?: spot| patch)?) (?:\\w+ ){0,3}?(?:in|on|"
            "over|covering|across|filling) (?:half |most of |part of )?"
            "the white of (?:my|his|her|the|your) eyes?|white of (?:my|his|her|the|your) (?:right "
            "|left )?eyes? (?:\\w+(?:, | )){0,9}?(?:red (?:spot|blotch|patch|splotch|blob)|"
            "blood(?: spot)?|blob of blood)",
            "eye hemorrhage",
        ),
        (
            "chest freezers?|(?:toy|treasure|hope|ice|cedar|tool) chests?|chests? of drawers",
            "storage box",
        ),
        (
            "(?:always|constantly|so|feel|feels|feeling|get|gets|getting) (?:so |really |very )?"
            "cold (?:all the time|easily)|(?:always|constantly) (?:so |really |very )?cold"
            "|(?:feel|feels|feeling) (?:so |really |very )?cold(?= (?:and|,|even|when|all))",
            "often chilly",
        ),
        (
            "hair (?:is |keeps |has been |started |starting )?(?:falling|coming) out"
            "|(?:losing|shedding) (?:so much |a lot of |lots of |loads of |clumps of |handfuls "
            "of )?(?:my |his |her |their )?hair|(?:clumps|handfuls) of hair",
            "hair loss",
        ),
        (
            "(?:pee|peed|peeing|urine|wee) (?:is |was |looks |looked |came out |turned |is "
            "coming out |has been |had been |went |goes )?(?:bright |dark |pinkish[- ]|reddish[- ]"
            "|pinky[- ]|light )?(?:red|pink)",
            "hematuria",
        ),
        ("apple watch|fitbit|smart ?watch|oura ring|garmin", "wearable electronic device"),
        (
            "(?:(?:honey|golden)[- ]?)?(?:crusty|crusted|crusting|weepy|weeping) (?:\\w+ ){0,2}?"
            "(?:golden|honey|yellow)"
            "(?:[- ](?:yellow|brown|colou?red))? (?:sores|crusts|scabs|spots|blisters)"
            "|(?:golden|honey)[- ](?:yellow |brown )?(?:colou?red )?(?:crusts|scabs|crusty "
            "(?:sores|scabs))",
            "impetigo",
        ),
        (
            "(?:ring|circle)s?\\W+(?:\\w+\\W+){0,8}?(?:clear|paler|pale|normal|lighter)(?:[- ]"
            "looking)? (?:middle|centre|center|inside)",
            "ringworm",
        ),
        (
            "(?:pain|ache|aching|hurting|twinges?|zings?|throbbing)\\w* (?:\\w+ ){0,2}?in "
            "(?:one of )?(?:my|his|her|their|the|a|one|two|both|some) (?:\\w+ )?(?:teeth|tooth|"
            "molars?)\\b"
            "|(?:teeth|tooth|molars?) (?:is |are |keeps? |has been |have been |started )?"
            "(?:really |so |very |a bit )?(?:hurt\\w*|ach(?:e|es|ing)|throbbing|killing me|"
            "sensitive)\\b",
            "toothache",
        ),
        (
            "(?:pale|paler|white|whitish|light|lighter) (?:\\w+ ){0,2}?(?:spots|patches|marks) "
            "(?:\\w+ ){0,6}?(?:that )?(?:don'?t|dont|do not|doesn'?t|does not|won'?t|wont|"
            "will not|never) tan",
            "tinea versicolor",
        ),
        (
            "(?:flaky|flaking|scaly|greasy) (?:\\w+ ){0,3}?(?:on|around|in) (?:my |his |her |the )?"
            "(?:eyebrows|sides of (?:my |his |her |the )?nose)",
            "seborrheic dermatitis",
        ),
        (
            "infected hangnail|(?:skin|side|edge|corner|fold) (?:\\w+ ){0,2}?(?:next to|around|"
            "beside|by|at the side of) (?:my |his |her |the |a )?(?:finger|toe|thumb)?nails? "
            "(?:is |are |has |got |gone |went )?(?:\\w+ ){0,2}?(?:red|swollen|throbb\\w*|pus|"
            "infected)",
            "paronychia",
        ),
        ("ringing (?:\\w+ ){0,3}?ears?|ears? (?:(?:are|is|keep|keeps) )?ringing", "tinnitus"),
        (
            "(?:an? |the )?(?:feeling of a )?lump (?:\\w+ ){0,2}?(?:in|at the back of) "
            "(?:my|the|his|her|your) throat",
            "globus sensation",
        ),
        (
            # a runner's stitch, not a suture ("needed a stitch in his side" is one)
            f"{_NOT_A_SUTURE}(?:an? |the )?(?:stitch|stitches) "
            "(?:in|on|down) (?:my|the|his|her|your) (?:(?:right|left|lower|upper) )?(?:side|ribs|"
            "belly|stomach|tummy|abdomen)|side stitch(?:es)?|"
            f"{_NOT_SUTURED}(?:a|the|this|that) "
            "stitch(?:es)?(?= (?:\\w+ ){0,6}?(?:when|while|whenever|during) (?:i |he |she |you |"
            "we |they |my |his |her |a |the )?(?:run|runs|running|jog|jogs|jogging|exercise|"
            "exercising|swim|swims|swimming|train|training|race|races))",
            "abdominal pain during exercise",
        ),
        (
            "(?:fingers?|toes?|fingertips) (?:\\w+ ){0,2}?(?:go|goes|turn|turns|went|turned|going|"
            "turning) (?:\\w+ ){0,2}?white(?:,? (?:and |then |and then )?(?:go |turn )?(?:blue|"
            "purple|red))?(?= (?:\\w+ ){0,5}?(?:cold|winter|freezing|chilly|stress))",
            "raynaud phenomenon",
        ),
        (
            "(?:temp|temperature|fever) (?:of |is |was |at |hit |reached |went up to |around |"
            "about |like )?(?:100\\.[4-9]|10[1-7](?:\\.\\d)?|38(?:\\.\\d)?|39(?:\\.\\d)?|4[01]"
            "(?:\\.\\d)?)(?![\\d.])|running a (?:temp|temperature|fever)",
            "fever",
        ),
        (EMOTIONAL_NUMBNESS, "anhedonia"),
        (
            "(?:trouble|problems?|difficulty|a hard time|issues?|struggling|struggle|can'?t|"
            "cannot|unable to) (?:\\w+ ){0,2}?(?:getting|keeping|maintaining|get|keep|maintain|"
            "having|have) (?:an? )?(?:erections?|it up|hard-?ons?)|(?:can'?t|cannot|couldn'?t) "
            "get it up|(?:erections?) (?:\\w+ ){0,2}?(?:won'?t|don'?t|doesn'?t|do not|does not)"
            " (?:last|stay|happen)|erections? (?:\\w+ ){0,3}?(?:weaker|softer|less (?:firm|hard)|"
            "not as (?:hard|firm|strong))",
            "erectile dysfunction",
        ),
        (
            "(?:leak|leaks|leaking|leaked|dribble|dribbles|dribbling) (?:a (?:little|bit) |some |"
            "small amounts of )?(?:of )?(?:pee|urine|wee)|(?:pee|urine|wee) (?:leaks?|leaking|"
            "leaked|dribbles?|dribbling)|(?:wet|wets|wetting|peed|pees|peeing) (?:myself|herself|"
            "himself|themselves)\\b|(?:pee|wet|wets|wetting|peed) (?:my pants|a little) "
            "(?:when|if|whenever|every time)",
            "urinary incontinence",
        ),
        (
            "(?:yellow\\w*|greasy|oily|crusty|crusted|scaly|flaky|waxy)(?:,? (?:and )?\\w+){0,3}"
            " (?:flakes|scales|crusts?|patches|scabs) on (?:his|her|the|my|their|baby'?s|your) "
            "(?:\\w+ )?scalp",
            "seborrheic dermatitis",
        ),
        (
            # a red streak running up a limb from a wound: its infection spreading in the skin
            "(?:a |the )?red (?:line|lines|streak|streaks|stripe|stripes|track|tracks) "
            "(?:\\w+ ){0,2}?(?:going|running|spreading|tracking|moving|creeping|travell?ing|"
            "heading|coming|shooting) up",
            "cellulitis spreading up",
        ),
        (
            # dry, rough skin in the creases of the elbows or behind the knees
            "dry(?:,? (?:and )?(?:red|rough|scaly|itchy|flaky|cracked|sore|pink|raw|bumpy))* "
            "(?:patches|patch|skin|rash)(?=[^.?!]{0,60}?\\b(?:(?:creases?|folds?|bends?|crooks?|"
            "insides?) of (?:his|her|my|their|the|both|your) (?:elbows?|knees?)|(?:behind|inside) "
            "(?:his|her|my|their|the|both|your) (?:knees|elbows)|(?:elbow|knee) (?:creases|folds))"
            "\\b)",
            "eczema",
        ),
        (
            "(?:is ?n'?t|isnt|not|has ?n'?t|hasnt|does ?n'?t|doesnt|not really) (?:saying|say|"
            "talking|talk|speaking|speak)(?: any| many| much| real)?(?: words)? yet",
            "speech delay",
        ),
        (
            "(?:(?:massive|big|huge|large|an?) )?(?:goose ?)?egg (?:\\w+ ){0,2}?on (?:my|his|her|"
            "their|the) (?:fore)?head|(?:bumped|banged|hit|knocked|smacked|whacked|bashed) "
            "(?:my|his|her|their) head(?= (?:on|against|off|into))",
            "head injury",
        ),
        (
            "(?:has ?n'?t|hasnt|has not|have ?n'?t|havent|have not|had ?n'?t|hadnt|not|"
            "can'?t|cant|cannot|unable to|struggl\\w* to|won'?t|wont|refuses? to) "
            "(?:\\w+ ){0,2}?(?:poo(?:ed|d|p|ped|ping)?|done a (?:poo|poop|number two)|"
            "had a (?:poo|poop|bowel movement|bm))\\b",
            "constipation",
        ),
        # stools told as rare and hard: "goes every 5 days or so and it hurts to push"
        (
            "(?:only )?(?:poos?|poops?|goes) (?:about |once )?every (?:\\d+(?: ?(?:-|to|or) ?"
            "\\d+)?|few|two|three|four|five|six|other) days(?=[^.?!]{0,80}\\b(?:hard|pain\\w*|"
            "hurts?|cr(?:y|ies|ying)|strain\\w*|pellets?)\\b)",
            "constipation",
        ),
        ("emergency (?:c[- ]?section|caesarean|cesarean)(?: section)?", "cesarean section"),
        ("nits(?! ?pick\\w*)", "head lice"),
        (
            "(?:feel\\w*|achy|achey|aching|shivery|shaky) (?:and (?:\\w+ )?)?(?:\\w+ )?like "
            "(?:i'?ve got |i have |i'?m getting |i am getting )?(?:the |a )?flu\\b",
            "achy and feverish",
        ),
        (
            "(?:cough\\w*|chok\\w*|splutter\\w*|sputter\\w*|gag\\w*)"
            "(?: (?:and|&|n) (?:cough\\w*|chok\\w*|splutter\\w*|sputter\\w*|gag\\w*))? "
            "(?:\\w+ ){0,4}?(?:when|while|whenever|every time|after|as) (?:s?he |they |i )?"
            "(?:eats?|eating|drinks?|drinking|swallow\\w*)",
            "dysphagia",
        ),
        (
            "(?<!not )(?<!n't )(?<!nt )(?<!never )"
            "(?:\\bttc\\b|trying to (?:conceive|get pregnant|have a baby)|trying for a baby)"
            "(?=[^.?!]{0,80}\\b(?:months?|years?|yrs?|nothing|no luck|not (?:pregnant|happening)|"
            "still not|yet)\\b)",
            "infertility",
        ),
        (
            # "pins and needles" was read as tingling by the idiom above
            "(?:tingl\\w*|numb\\w*) (?:\\w+ ){0,4}?(?:in|of) "
            "(?:my |his |her |both )?(?:thumbs?|index fingers?|first (?:two|2|three|3) fingers|"
            "thumb and (?:first|index|middle) (?:\\w+ )?fingers?)"
            "(?=[^.?!]{0,120}\\b(?:night|wakes? me|woke me|waking me|shake|shaking|flick\\w*|"
            "typing|keyboard|mouse|driving)\\b)",
            "carpal tunnel syndrome",
        ),
        ("cricks? in (?:my|his|her|the) neck|cricked (?:my|his|her) neck", "neck pain"),
        # one-sided pain round an eye with that eye watering or that side of the nose running,
        # in attacks that come at the same time or last about an hour (a cluster headache)
        (
            _UNNAMED.format("cluster headaches?")
            + "(?:pain|headaches?|ache)\\b(?:\\W+\\w+){0,3}?\\W+(?:behind|around|in) "
            "(?:my |his |her |one |the )?(?:right |left )?eye\\b"
            "(?=[^\\n]{0,240}?\\b(?:eye (?:\\w+ )?(?:waters|watering|streams|streaming)|watery eye|"
            "nose (?:\\w+ )?(?:runs|running|streams|streaming|blocks|blocked)|runny nose)\\b)"
            "(?=[^\\n]{0,240}?\\b(?:same time|every (?:night|day|evening|morning)|wakes? me|"
            "lasts? (?:about |around |for )?(?:an? |\\d+ )?(?:hour|minutes?))\\b)",
            "cluster headache",
        ),
        # a fit with a fever in a child is a febrile seizure
        (
            "(?:fit|fits|seizure|seizures|convulsion|convulsions) (?:\\w+ ){0,2}?(?:with|from|"
            "during|because of|due to) (?:a |his |her )?(?:high |very high )?(?:temp|temperature|"
            "fever)",
            "febrile seizure",
        ),
        # bleeding after sex
        (
            "(?:bleed\\w*|bled|spotting) (?:\\w+ ){0,3}?after (?:sex|intercourse)|post-?coital "
            "(?:bleed\\w*|spotting)",
            "vaginal bleeding",
        ),
        # eating very large amounts fast until sick is binge eating, as its criteria word it
        (
            "(?:eat|eats|eating|ate) (?:\\w+ ){0,2}?(?:huge|massive|enormous|vast|large) "
            "(?:amounts|quantities)(?: of food)?(?=(?:\\W+\\w+){0,16}?\\W+(?:until|till|til) "
            "(?:i|he|she|they) (?:feel|feels|felt|am|was|is|'m) (?:\\w+ )?(?:sick|ill|stuffed|"
            "uncomfortable|disgusted)\\b)",
            "binge-eating disorder",
        ),
        # a tight band round the head is a tension-type headache
        (
            "(?:tight |heavy )?band (?:\\w+ )?(?:round|around|across) (?:my|his|her|the) "
            "(?:head|forehead)",
            "tension type headache",
        ),
        # back pain that runs down one leg is sciatica, whatever body parts it passes
        (
            "(?:(?:lower|low) )?back(?: (?:ache|aches|aching|pain|hurts))?\\W+(?:\\w+\\W+){0,5}?"
            "(?:going|goes|running|runs|shooting|shoots|radiating|radiates|travell?ing|travels|"
            "spreading|spreads) (?:all the way )?down (?:the back of )?(?:my|his|her|the|one|both) "
            "(?:left |right )?(?:leg|legs|buttock|bum|thigh)s?(?: (?:in)?to (?:my|his|her|the) "
            "(?:foot|feet|toes|knee|calf|ankle))?"
            # or told from the buttock: "pain shooting from my left buttock down the back of my leg"
            "|(?:pain|ache|aching)\\w* (?:\\w+ ){0,2}?(?:going|goes|running|runs|shooting|shoots|"
            "radiating|radiates|travell?ing|travels|spreading|spreads) from (?:my|his|her|the) "
            "(?:left |right )?(?:buttock|bum|backside|lower back) (?:\\w+ ){0,2}?down (?:the "
            "back of )?(?:my|his|her|the) (?:left |right )?legs?",
            "sciatica",
        ),
        # blisters or spots on the hands and feet with sores in the mouth, told together
        (
            "(?:blisters|spots|sores|a rash|rash) on (?:his|her|my|their|the) (?:hands?|palms?)"
            "(?: and|,) (?:\\w+ )?(?:feet|soles|foot)(?:,? and (?:\\w+ ){0,2}?(?:ulcers|sores|"
            "blisters|spots) in (?:his|her|my|their|the) mouth)?(?=[^.?!]{0,80}?\\b(?:mouth|"
            "tongue)\\b|(?<=mouth))"
            "|(?:ulcers|sores|blisters|spots) in (?:his|her|my|their|the) mouth,? and (?:\\w+ )"
            "{0,2}?(?:blisters|spots|sores|a rash|rash) on (?:his|her|my|their|the) (?:hands?|"
            "palms?) and (?:\\w+ )?(?:feet|soles|foot)",
            "hand, foot and mouth disease",
        ),
        # an itchy red rash in the groin with a clear edge, spreading onto the inner thighs
        (
            "(?:(?:itchy|red|sore) )*rash (?:\\w+ ){0,2}?(?:in|on|around) (?:my|his|the) groin"
            "(?=[^.?!]{0,80}?\\b(?:edge|border|ring|inner thighs?|sweat\\w*))",
            "tinea cruris",
        ),
        # a child who wakes screaming, eyes open, not knowing anyone, and cannot be comforted
        (
            "(?:wakes?|woke|waking) (?:up )?(?:\\w+ ){0,8}?screaming(?=[^.?!]{0,120}?\\b(?:eyes "
            "(?:wide )?open|(?:doesn'?t|does not|didn'?t) (?:seem to )?(?:know|recogni[sz]e)|"
            "can'?t be (?:woken|comforted|consoled|calmed)|no memory|(?:doesn'?t|does not) "
            "remember))",
            "night terrors",
        ),
        # small print held farther away to be read
        (
            "(?:hold|holding|held) (?:my |the |a )?(?:phone|book|menu|paper|newspaper|labels?)s? "
            "(?:\\w+ ){0,2}?(?:at arm'?s length|(?:further|farther) away)",
            "presbyopia",
        ),
        # "should I panic?": how worried to be, no panic disorder
        (
            "(?:should|do|must) (?:i|we) (?:be )?panic(?:king)?"
            "|(?:don'?t|do not|not to|no need to) panic",
            "be concerned",
        ),
        # white patches in the mouth that can be scraped off (a coating that brushes off, or a
        # baby's milk that wipes off, is none)
        (
            "white (?:patches|spots|coating|film|stuff|bits) (?:\\w+ ){0,2}?(?:on|in|over) (?:my|"
            "his|her|their|the) (?:tongue|mouth|cheeks?|gums?)(?=[^.?!]{0,60}?\\b(?:scrape|"
            "scrapes|scraped|scraping) (?:off|away))",
            "oral thrush",
        ),
        # a bulge in the groin that comes out on standing or coughing and goes back lying down
        (
            "(?:bulge|lump|swelling) (?:\\w+ ){0,2}?in (?:my|his|her|the) (?:right |left )?groin"
            "(?=[^.?!]{0,80}?\\b(?:pops? (?:out|up)|popping out|comes? out|goes? (?:back|away|"
            "down)|disappears|lie down|lying down))",
            "inguinal hernia",
        ),
        # red patches on the tongue with pale edges that move about "like a map"
        (
            "(?:patch\\w*|spots?) (?:\\w+ ){0,2}?on (?:my|his|her|the) tongue(?=[^.?!]{0,80}?\\b"
            "(?:like a map|map[- ]like|move (?:around|about|to different)|moves? (?:around|about)|"
            "change (?:places?|shape)|wander))",
            "geographic tongue",
        ),
        # hearing gone in one ear ("can barely hear anything out of my right ear")
        (
            _UNNAMED.format("(?:hearing loss|deaf\\w*)")
            + "(?:can'?t|cannot|can barely|can hardly|barely|hardly|could(?:n'?t| barely| hardly)"
            ") hear (?:anything |much |a thing |properly |well )?(?:out of|in|with|from|on) "
            "(?:my|his|her|their|one|the) (?:left |right |good )?ear",
            "hearing loss",
        ),
        # something coming down in or out of the vagina: a prolapse
        (
            _UNNAMED.format("prolapse")
            + "(?:something|a (?:\\w+ )?(?:bulge|lump|ball)) (?:is |has )?(?:\\w+ )?(?:coming|come|"
            "came|dropping|dropped|falling|pushing|sticking) (?:down|out) (?:\\w+ ){0,2}?(?:in|"
            "into|from|of|at) (?:my|her|the) vagina|(?:bulge|lump|ball) (?:\\w+ ){0,2}?(?:in|at|"
            "from) (?:the entrance of |the opening of )?(?:my|her|the) vagina",
            "pelvic organ prolapse",
        ),
        # a baby told to look yellow ("3 weeks old and still a bit yellow")
        (
            _UNNAMED.format("jaundice")
            + "(?:baby|newborn|(?:my|our) (?:son|daughter|little one)|he|she|he's|she's) "
            "(?:(?!(?:teeth|tooth|nails?|tongue|poo\\w*|stools?|wee|urine|pee|phlegm|mucus|snot)\\b)"
            "\\w+ ){0,6}?(?:is|are|looks?|seems?|still|gone|turned|going|getting) (?:\\w+ ){0,3}?"
            "yellow(?:ish|y)?\\b(?! (?:poo|poop|stools?|phlegm|mucus|snot|discharge|nappy|"
            "nappies|diaper|diarrh\\w*|vomit|sick|pus|crust\\w*|gunk))",
            "jaundice",
        ),
        # the whites of the eyes turned yellow
        (
            _UNNAMED.format("jaundice")
            + "(?:yellow(?:ish)? in (?:the )?whites? of (?:his|her|my|their|the) eyes"
            "|whites? of (?:his|her|my|their|the) eyes (?:are |have |has |look |looks |went |is |"
            "seem )?(?:\\w+ ){0,3}?yellow(?:ish)?)",
            "jaundice",
        ),
        # a red, flushed face across the cheeks and nose that wine, hot drinks or heat bring on
        (
            _UNNAMED.format("rosacea")
            + "(?:(?:red|flushed|flushing|flush)(?:,? (?:and )?\\w+){0,3} (?:across|on|over|in) "
            "(?:my|her|his|the) (?:cheeks|nose)(?: and (?:nose|cheeks|forehead|chin))?"
            "|(?:my|her|his|the) (?:nose and cheeks|cheeks and nose|cheeks|face) (?:go|goes|get|"
            "gets|turn|turns|went|are|is|look|looks)(?: \\w+){0,2}? (?:red|flushed))"
            "(?=[^.?!]{0,80}?\\b(?:wine|alcohol|hot drinks?|spicy|sun|heat|coffee))",
            "rosacea",
        ),
        # itchy bumps between the fingers (itching worst at night, or shared with a partner)
        (
            _UNNAMED.format("scabies")
            + "(?:itch\\w*[^.?!]{0,80}?(?:bumps|spots|rash|blisters|lines)[^.?!]{0,20}? between "
            "(?:my|his|her|their|the) fingers"
            "|(?:bumps|spots|rash|blisters|lines)[^.?!]{0,20}? between (?:my|his|her|their|the) "
            "fingers(?=[^.?!]{0,80}?\\bitch))",
            "scabies",
        ),
        # woke unable to move or call out for a while
        (
            _UNNAMED.format("sleep paralysis")
            + "(?:woke|wake|wakes|waking) up (?:\\w+ ){0,4}?(?:and )?(?:couldn'?t|could not|can'?t|"
            "cannot|unable to) (?:move|speak|shout|talk)",
            "sleep paralysis",
        ),
        # checking or washing the same thing over and over, many times
        (
            "(?:check|checks|checking|wash|washes|washing)(?: (?:that|if|whether|my|the|his|her)"
            ")?(?: \\w+){0,6}? (?:[1-9]\\d+|ten|twenty|thirty|fifty|a hundred|so many|loads of|"
            "lots of|hundreds of) times(?! (?:a|per|each|every) (?:day|week|night|month))",
            "obsessive-compulsive disorder",
        ),
        # someone close who died, still grieved: crying, missing them, not moving on
        (
            "(?:wife|husband|partner|mum|mom|mother|dad|father|son|daughter|brother|sister|"
            "child|baby|friend) (?:died|passed away|passed)(?=[^?!]{0,160}?\\b(?:cry|crying|"
            "cries|miss (?:him|her|them)|griev\\w*|grief|moving on|move on|get over|hear (?:him|"
            "her)|see (?:him|her)))",
            "bereavement",
        ),
        # a big toe joint gone red, hot and swollen overnight, too sore for a sheet to touch
        (
            _UNNAMED.format("gout")
            + "(?:big toe|toe joint|bunion joint)(?: joint)? (?:\\w+ ){0,3}?(?:red|hot|swollen|"
            "swelled|throbbing)(?=[^.?!]{0,100}?\\b(?:overnight|sheets?|bedsheets?|duvet|blanket|"
            "touch\\w*|agony|excruciating|woke (?:me )?up))",
            "gout",
        ),
        # blisters in a band or on one side of the body, or a rash in a band
        (
            _UNNAMED.format("shingles")
            + "(?:(?:rash (?:of|with) )?blister\\w*[^.?!]{0,40}?\\b(?:in a (?:band|strip|stripe|"
            "belt|line)|(?:down|on|"
            "along|round) one side)|rash[^.?!]{0,40}?\\bin a (?:band|strip|stripe|belt|line))\\b",
            "shingles",
        ),
        # low mood or anger every month in the days before a period, gone once it starts
        (
            "(?:week|days?|few days) before (?:my|her|the) period\\b(?=[^.?!]{0,120}?\\b(?:cry\\w*|"
            "snap\\w*|hopeless|irritab\\w*|moody|mood swings?|angry|anger|rage|depress\\w*|anxious|"
            "tearful|weepy|different person))",
            "premenstrual syndrome",
        ),
        (
            "(?:(?:my|his|her|the|left|right) )?shoulder (?:hurts|aches|is sore|is painful|is "
            "killing me)|(?:pain|ache|aching) in (?:my|his|her|the) (?:left |right )?shoulder",
            "shoulder pain",
        ),
        (
            "pull(?:ed|ing)? (?:my |his |her |a )?(?:hamstring|groin|calf|quad|thigh)(?: muscle)?|"
            "(?:hamstring|groin|calf|quad) (?:strain|pull|tear)",
            "muscle strain",
        ),
        (
            "(?:can'?t|cant|cannot|unable to|can not) (?:sleep|lie|lay) on (?:my|that|his|her|the|"
            "this|either|one) (?:\\w+ )?side",
            "can't lie on that side",
        ),
        (
            "(?:dull |sharp |bad |nagging |constant )?(?:ache|aching|pain|soreness) (?:in |across "
            "|at )?(?:my |his |her |the )?(?:lower|low) back|(?:lower|low) back (?:ache|aches|"
            "aching|pain|hurts|is sore|soreness|is killing me)",
            "low back pain",
        ),
        (
            "cradle cap|(?:crusty|flaky|scaly|greasy)(?:,? (?:and )?\\w+){0,3} scalp",
            "seborrheic dermatitis",
        ),
        (
            "threadworms?|(?:tiny |little |small )?(?:white )?(?:threads?|worms?) (?:\\w+ ){0,3}?"
            "in (?:her|his|my|their|the) (?:\\w+(?:'s|s')? )?"
            "(?:poo|poop|stool|bum|bottom|nappy|diaper)",
            "pinworm infection",
        ),
        (
            "(?:do|doing|does|lift|lifting|lifts|use|using) (?:some |free |heavy |light )?"
            "weights|weight ?(?:training|lifting)|weightlifting",
            "strength training",
        ),
        (
            "sinus (?:pressure|pain|headaches?|congestion|blocked|blockage)|(?:pressure|pain) "
            "(?:in|around) (?:my |his |her |the )?sinuses",
            "sinusitis",
        ),
        (
            "(?:can'?t|cant|cannot|unable to|not able to|never) (?:get|go|fall) back to sleep",
            "insomnia",
        ),
        (
            "(?:bulg\\w*|slipped|prolapsed) dis[ck]s?|dis[ck] (?:bulges?|bulging|prolapse)",
            "herniated disk",
        ),
        ("pre-?diabet(?:ic|es)", "prediabetes"),
        (
            "(?:my |his |her |the )?eyes (?:are |feel |get |go |have been )?(?:so |really |very "
            "|always |a bit |quite )?(?:dry|gritty)(?: and (?:gritty|dry|sore|itchy))?|"
            "(?:dry|gritty),? (?:and )?(?:(?:gritty|dry|sore|itchy|tired|burning|stinging),? "
            "(?:and )?){0,2}eyes",
            "dry eye",
        ),
        (
            "(?:sugar|placebo|inactive|dummy|reminder) pills?(?= (?:\\w+ ){0,8}?(?:pack|packet|"
            "strip|period|bleed)\\b)|(?:skip|skipping|skipped|miss\\w*|take|taking|took) the "
            "(?:sugar|placebo|inactive|dummy) pills?",
            "oral contraceptives",
        ),
        (
            "(?:(?<=get )|(?<=got )|(?<=on )|(?<=take )|(?<=taking )|(?<=start )|(?<=started )|"
            "(?<=stop )|(?<=stopped )|(?<=off )|(?<=prescribed )|(?<=missed )|(?<=forgot ))the "
            "pill\\b(?! (?:for|to treat|that))",
            "oral contraceptives",
        ),
        (
            "(?:type (?:1|2|one|two|i|ii) )?diabet\\w*[^?!]{0,80}?\\b(?:feet|foot|toes|soles)\\b"
            "[^.?!]{0,30}?\\b(?:burn\\w*|tingl\\w*|"
            "numb\\w*|pins and needles|shooting pains?)"
            "|(?:diabetic |diabetes )?nerve (?:damage|pain) (?:\\w+ ){0,2}?(?:from|with|in|of) "
            "(?:my |his |her )?diabet\\w*|diabetic nerve (?:damage|pain)",
            "diabetic neuropathies",
        ),
        (
            "(?:(?:cramp\\w*|pain|aches?|aching|tight\\w*) (?:\\w+ ){0,2}?in "
            "(?:my |his |her |the |both )?(?:calf|calves|legs?|thighs?|buttocks?)|"
            "(?:calf|calves|legs?|thighs?|buttocks?) (?:\\w+ )?"
            "(?:cramp\\w*|hurts?|aches?|aching|pain)) (?:\\w+ ){0,2}?when (?:i |he |she |they )?"
            "(?:walk|walking|walks|go for a walk)\\b(?=[^.?!]{0,80}\\b(?:goes|go|went|eases?|"
            "wears?|settles?|stops?) (?:off|away|down)?\\W*(?:\\w+ ){0,5}?"
            "(?:rest|stop|stand still)\\w*)",
            "peripheral arterial disease",
        ),
        (
            "(?:combined|combination|mini|progesterone[- ]only|progestogen[- ]only|pop) "
            "(?:contraceptive |birth control )?pills?\\b",
            "oral contraceptives",
        ),
        (
            "(?:unprotected|unsafe|condomless|bareback) sex(?=[^.?!]{0,120}\\b(?:test\\w*|std|"
            "stds|sti|stis|checked|screen\\w*)\\b)|(?:std|sti) (?:test|check|screen)\\w*",
            "sexually transmitted diseases",
        ),
        (
            "put on (?:nearly |almost |about |over )?(?:a|one|two|three|\\d+) stone|"
            "(?:gained|put on|piled on) (?:so much |a lot of |some )?weight",
            "weight gain",
        ),
        (
            "(?:lip|lips|dermal|cheek|face|facial|under ?eye|chin|jaw) fillers?"
            "|fillers? in (?:my|her|his|the) (?:lips?|cheeks?|face|chin|jaw)",
            "dermal filler",
        ),
        (
            # a heart that races on standing up, and settles lying down
            f"(?:heart(?: rate)?|pulse) (?:\\w+ ){{0,2}}?{_RACES}(?:[^.?!]{{0,40}}?)? "
            f"{_ON_STANDING}|{_ON_STANDING},? (?:\\w+ ){{0,3}}?(?:heart(?: rate)?|pulse) "
            f"(?:\\w+ ){{0,2}}?{_RACES}",
            "postural orthostatic tachycardia syndrome",
        ),
        (
            # a baby bringing milk back up after feeds
            "(?:spits?|spitting|spat|sicks?|sicking|sicked|brings?|bringing|brought) (?:\\w+ )?up "
            "(?:\\w+ ){0,4}?(?:after|during|with|from|at) (?:\\w+ ){0,2}?(?:feeds?|feeding|"
            "bottles?|milk)|\\bpossets?\\b|\\bposseting\\b",
            "gastroesophageal reflux",
        ),
        (
            # a teenager's puberty not yet begun: a voice not broken, no growth spurt
            "voice (?:hasn'?t|has not|hasnt|still hasn'?t|not yet|hasn'?t yet|has not yet) "
            "(?:yet )?(?:broken|broke|dropped|deepened)|no (?:sign of (?:a |any )?)?growth spurt"
            "(?: yet)?|(?:hasn'?t|has not|hasnt) (?:yet )?(?:started|hit|gone through|begun) "
            "puberty",
            "delayed puberty",
        ),
        (
            # an ear sore since swimming, or sore when its outer part is pulled
            "(?:ear|earache|ears)\\b(?! ?plugs?)(?![^.?!]*\\bwax\\b)[^.?!]{0,80}?"
            "\\b(?:swimming|swim|pool)\\b"
            "|\\b(?:swimming|swim|pool)\\b[^.?!]{0,80}?\\b(?:ear|earache|ears)\\b(?! plugs?)",
            "swimmer's ear",
        ),
        (
            # a heart told as given to racing ("seems to race", "keeps racing"), which the
            # lay terms name only in their own words ("heart racing")
            "heart (?:\\w+ )?(?:seems to|seemed to|keeps|kept|tends to|starts to|started to|"
            "begins to|began to|will) (?:race|racing)\\b",
            "heart racing",
        ),
        (
            # a neck sore or stiff since a car crash or being hit from behind
            "(?:stiff|sore|painful|aching|achy|bad) neck\\b[^.?!]{0,80}?\\b(?:since|after|from) "
            "(?:\\w+ ){0,3}?(?:car (?:crash|accident|collision)|crash|collision|rear[- ]ended|"
            "shunt|rta)\\b|\\bneck (?:\\w+ ){0,3}?(?:stiff|sore|hurts?|pain|aches?)\\b[^.?!]{0,80}?"
            "\\b(?:since|after|from) (?:\\w+ ){0,3}?(?:car (?:crash|accident|collision)|crash|"
            "collision|rear[- ]ended|shunt|rta)\\b|\\b(?:car (?:crash|accident|collision)|"
            "rear[- ]ended)\\b[^.?!]{0,80}?\\b(?:stiff|sore|painful|aching|achy) neck\\b",
            "whiplash",
        ),
    )
)
"""Everyday idioms whose words would name other concepts ("stop cold turkey" is no cold and no
bird), with their plain sense."""


def illness_senses(question: str) -> tuple[str, dict[str, str]]:
    """``question`` with each word in an illness sense (:data:`ILLNESS_SENSES`) named as the
    illness ("a cold" → "a common cold") and each idiom (:data:`IDIOMS`) in plain words, and the
    replacements made (for ``--explain``)."""
    changes: dict[str, str] = {}
    for idiom, plain in IDIOMS:
        found = idiom.search(question)
        if found:
            changes[found.group(0).lower()] = plain
            question = idiom.sub(plain, question)
    for pattern, word, illness in ILLNESS_SENSES:
        named = re.compile(rf"\b{word}", re.IGNORECASE)

        def rename(match: re.Match[str], named: re.Pattern[str] = named, to: str = illness) -> str:
            text = match.group(0)
            return text if to.lower() in text.lower() else named.sub(to, text)

        replaced = pattern.sub(rename, question)
        if replaced != question:
            said = pattern.search(question)
            told = named.search(said.group(0)) if said else None
            changes[told.group(0).lower() if told else word] = illness
            question = replaced
    question, measured = measure_senses(question)
    return question, changes | measured


def repair(
    words: Sequence[str],
    lookup: Lookup,
    word_counts: WordCounts,
    drop: Collection[str] = (),
    possessive: Collection[str] = (),
) -> Repaired:
    """``words`` (normalised) with the repairs of the module docstring applied; ``possessive``
    (:func:`possessives` of the question) are the words an eponym repair may extend."""
    changes: dict[str, str] = {}
    words = [ALIASES.get(w, w) for w in words if w not in drop]
    words = _joined(words, word_counts, changes)
    words = _eponyms(words, lookup, changes, possessive)
    words = _named_stems(words, lookup, changes)
    words = _lay_heads(words, lookup, changes)
    words = _lesion_sites(words, lookup, changes)
    words = _allergens(words, lookup, changes)
    words = _participles(words, lookup, changes)
    words = _shared_heads(words, lookup, changes)
    return Repaired(words, changes)


_TYPE_NUMBER = re.compile(r"\d+|i{1,3}|iv|[abc]")


def _shared_heads(words: list[str], lookup: Lookup, changes: dict[str, str]) -> list[str]:
    """A "type N" without its head noun shares the head of another "type M <head>" in the
    question ("is type 1 diabetes different from type 2", "type 1 and type 2 diabetes"), when
    "type N <head>" is a vocabulary term."""
    typed = [
        i
        for i in range(len(words) - 1)
        if words[i] == "type" and _TYPE_NUMBER.fullmatch(words[i + 1])
    ]
    heads = {
        words[i + 2]
        for i in typed
        if i + 2 < len(words) and words[i + 2].isalpha() and words[i + 2] not in _JOINERS
    }
    bare = [i for i in typed if i + 2 >= len(words) or words[i + 2] in _JOINERS]
    if not heads or not bare:
        return words
    wanted = {f"type {words[i + 1]} {h}": (i, h) for i in bare for h in heads}
    terms = {c.phrase for c in lookup(set(wanted))}
    out = list(words)
    for phrase in sorted(wanted, key=lambda p: -wanted[p][0]):  # insert from the end
        i, head = wanted[phrase]
        if phrase in terms and (i + 2 >= len(out) or out[i + 2] != head):
            out.insert(i + 2, head)
            changes[f"type {words[i + 1]}"] = phrase
    return out


_JOINERS = frozenset({"type", "and", "or", "vs", "versus", "v"})


MIN_PARTICIPLE_CHARS = 6
IRREGULAR_PARTICIPLES: Mapping[str, tuple[str, ...]] = {
    "stung": ("sting",),
    "bitten": ("bite",),
    "burnt": ("burn",),
    "sunburnt": ("sunburn",),
    "frostbitten": ("frostbite",),
    "swollen": ("swelling",),
    "torn": ("tear",),
    "broken": ("break", "fracture"),
}
"""Irregular past participles of verbs that name an injury, with the nouns they may be filed
under; the noun replaces the word only when it is a disease or injury, as for a regular one
("torn" is no tear: MeSH files tears as a body fluid)."""


def _participles(words: list[str], lookup: Lookup, changes: dict[str, str]) -> list[str]:
    """A past participle naming an injury or a condition ("sprained", "fractured", "burned",
    "bruised", or an irregular one: "stung", "bitten") becomes the noun the vocabulary files it
    under, when the word itself is no term and the noun is a disease or injury (so "stressed"
    or "depressed" stay as they are)."""
    wanted = {
        i: IRREGULAR_PARTICIPLES.get(w) or _participle_stems(w)
        for i, w in enumerate(words)
        if w in IRREGULAR_PARTICIPLES
        or (len(w) >= MIN_PARTICIPLE_CHARS and w.endswith("ed") and w.isalpha())
    }
    if not wanted:
        return words
    found = lookup({words[i] for i in wanted} | {n for pair in wanted.values() for n in pair})
    terms = {c.phrase for c in found}
    diseases = {c.phrase for c in found if _clinical(c)}
    out = list(words)
    for i, nouns in wanted.items():
        noun = next((n for n in nouns if n in diseases), None)
        if words[i] not in terms and noun is not None:
            out[i] = noun
            changes[words[i]] = noun
    return out


_DOUBLING = re.compile(r"^[^aeiouy]*[aeiou][^aeiouwxy]$")
"""A one-syllable stem ending in one vowel and one consonant ("scar", "cut"): its "-ed" form
doubles the consonant ("scarred")."""


def _participle_stems(word: str) -> tuple[str, ...]:
    """The verbs a regular "-ed" word may come from: "burned" ← burn, "bruised" ← bruise,
    "scarred" ← scar. A one-syllable stem that would double its last consonant is not one
    ("scared" is no "scar", which makes "scarred")."""
    bare, with_e = word[:-2], word[:-1]
    if len(bare) > 2 and bare[-1] == bare[-2] and _DOUBLING.match(bare[:-1]):
        return (bare[:-1], bare)  # "scarred" ← scar; "spilled" ← spill
    return (with_e,) if _DOUBLING.match(bare) else (bare, with_e)


def _joined(words: list[str], word_counts: WordCounts, changes: dict[str, str]) -> list[str]:
    pairs = {
        i: words[i] + words[i + 1]
        for i in range(len(words) - 1)
        if words[i] in COMBINING_PREFIXES and words[i + 1] not in COMBINING_PREFIXES
    }
    known = word_counts(set(pairs.values())) if pairs else {}
    out: list[str] = []
    i = 0
    while i < len(words):
        joined = pairs.get(i)
        if joined is not None and joined in known:
            changes[f"{words[i]} {words[i + 1]}"] = joined
            out.append(joined)
            i += 2
            continue
        out.append(words[i])
        i += 1
    return out


def eponym_heads(
    words: list[str], lookup: Lookup, possessive: Collection[str]
) -> tuple[list[str], dict[str, str]]:
    """``words`` with the eponym repair of the module docstring applied to the ``possessive``
    ones, and the changes made: for a name the speller corrected after the repairs ran
    ("alzhiemers" → alzheimer → Alzheimer disease)."""
    changes: dict[str, str] = {}
    return _eponyms(words, lookup, changes, possessive), changes


def _eponyms(
    words: list[str], lookup: Lookup, changes: dict[str, str], possessive: Collection[str]
) -> list[str]:
    wanted = [
        i
        for i, w in enumerate(words)
        if w in possessive
        and len(w) >= 4
        and w.isalpha()
        and not is_common_english(w)
        and not is_common_english(f"{w}s")  # "christmas" is no Christmas disease
        and (i + 1 == len(words) or words[i + 1] not in EPONYM_HEADS)
    ]
    if not wanted:
        return words
    phrases = {f"{words[i]} {head}" for i in wanted for head in EPONYM_HEADS}
    phrases |= {words[i] for i in wanted}
    found = lookup(phrases)
    alone = {c.phrase for c in found}
    diseases = {c.phrase for c in found if _clinical(c)}
    out = list(words)
    for i in reversed(wanted):
        word = words[i]
        if word in alone:
            continue
        head = next((h for h in EPONYM_HEADS if f"{word} {h}" in diseases), None)
        if head is not None:
            out[i : i + 1] = [word, head]
            changes[word] = f"{word} {head}"
    return out


STEM_HEADS = ("syndrome", "disease", "thrombophilia")
"""Head nouns a patient leaves off a condition's name of several words ("restless legs",
"von Willebrand")."""
MIN_STEM_WORDS = 2
MAX_STEM_WORDS = 4


def _named_stems(words: list[str], lookup: Lookup, changes: dict[str, str]) -> list[str]:
    """A run of two to four words that is no term of its own but, with a head noun after it
    (:data:`STEM_HEADS`), names a disease or an NIH page's topic gets that head, even where
    its first words alone name something else (a clotting protein, for a thrombophilia). Runs
    of one word are left alone ("down" is no Down syndrome), and so are runs of everyday words
    only, which other readings name better ("hand foot and mouth" is no hand-foot syndrome,
    "chronic fatigue" may be tiredness). The longest run wins."""
    runs = {
        (i, j)
        for i in range(len(words))
        for j in range(i + MIN_STEM_WORDS, min(len(words), i + MAX_STEM_WORDS) + 1)
        if (j == len(words) or words[j] not in STEM_HEADS)
        and not any(is_common_english(w) and len(w) <= 2 for w in (words[i], words[j - 1]))
        and not all(is_common_english(w) or len(w) <= 2 for w in words[i:j])
    }
    if not runs:
        return words
    texts = {run: " ".join(words[run[0] : run[1]]) for run in runs}
    found = lookup({*texts.values(), *(f"{t} {h}" for t in texts.values() for h in STEM_HEADS)})
    terms = {c.phrase for c in found}
    named = {c.phrase for c in found if _clinical(c) or c.origin == "medquad"}
    out, taken = list(words), set[int]()
    for i, j in sorted(runs, key=lambda r: (r[0] - r[1], r[0])):
        text = texts[(i, j)]
        head = next((h for h in STEM_HEADS if f"{text} {h}" in named), None)
        if head is None or text in terms or taken & set(range(i, j)):
            continue
        taken |= set(range(i, j))
        changes[text] = f"{text} {head}"
        out[j - 1] = f"{out[j - 1]} {head}"
    return " ".join(out).split()


LESIONS = frozenset("cyst nodule polyp stone fibroid spur".split())
"""Growths a patient places on an organ ("a cyst on my left ovary")."""
ORGAN_FORMS: Mapping[str, tuple[str, ...]] = {
    "ovary": ("ovarian",),
    "kidney": ("kidney", "renal"),
    "colon": ("colon", "colonic"),
    "uterus": ("uterine",),
    "womb": ("uterine",),
    "thyroid": ("thyroid",),
    "breast": ("breast",),
    "bladder": ("bladder", "urinary bladder"),
    "lung": ("lung", "pulmonary"),
    "liver": ("liver", "hepatic"),
    "nose": ("nasal",),
    "heel": ("heel",),
    "gallbladder": ("gallbladder",),
}
"""An organ's word and the adjectives its lesions are named with ("ovarian cyst")."""
SIDES = frozenset("left right both one my".split())


def _lesion_sites(words: list[str], lookup: Lookup, changes: dict[str, str]) -> list[str]:
    """A growth placed on an organ, as the focus keeps it ("cyst left ovary", "stones
    kidney"), is named as the vocabulary names the lesion of that organ ("ovarian cyst"),
    when that is a disease of the vocabulary."""
    out = list(words)
    for i, word in enumerate(words):
        lesion = singular(word)
        if lesion not in LESIONS:
            continue
        j = i + 1 + (i + 1 < len(words) and words[i + 1] in SIDES)
        organ = singular(words[j]) if j < len(words) else ""
        if organ not in ORGAN_FORMS or (i > 0 and singular(words[i - 1]) in ORGAN_FORMS):
            continue  # no organ after it, or one already names it ("thyroid nodule")
        wanted = [f"{form} {lesion}" for form in ORGAN_FORMS[organ]]
        onward = [f"{words[j]} {words[j + 1]}"] if j + 1 < len(words) else []
        found = lookup(wanted + onward)
        if any(c.phrase in onward for c in found):
            continue  # the organ begins a name of its own ("… nodule thyroid cancer")
        diseases = {c.phrase for c in found if _clinical(c)}
        named = next((w for w in wanted if w in diseases), None)
        if named is not None:
            out[i : j + 1] = [named] + [""] * (j - i)
            changes[" ".join(words[i : j + 1])] = named
    return [w for w in " ".join(out).split() if w]


ALLERGIC = frozenset({"allergic", "allergy", "allergies"})
"""Words that tell an allergy to the thing named after them ("allergic to latex")."""
ALLERGY_HEADS = ("allergy", "hypersensitivity")
_REACTIONS = frozenset({"reaction", "reactions"})


def _allergens(words: list[str], lookup: Lookup, changes: dict[str, str]) -> list[str]:
    """An allergy told before what it is to ("allergic to eggs", "an allergy to latex") is
    named as the vocabulary names that allergy ("egg allergy"), when that is a disease of the
    vocabulary: the thing alone (a rubber, a food) is not what is asked about."""
    out = list(words)
    for i, word in enumerate(words):
        if word not in ALLERGIC:
            continue
        j = i + 1 + (i + 1 < len(words) and words[i + 1] in _REACTIONS)
        if j >= len(words) or not words[j].isalpha() or words[j] in ALLERGIC:
            continue
        wanted = [
            f"{form} {head}" for form in (singular(words[j]), words[j]) for head in ALLERGY_HEADS
        ]
        named = next((c.phrase for c in lookup(wanted) if _clinical(c)), None)
        if named is not None:
            out[i : j + 1] = [named] + [""] * (j - i)
            changes[" ".join(words[i : j + 1])] = named
    return [w for w in " ".join(out).split() if w]


_NO_MODIFIER = frozenset("still just only even also really no any same other another".split())
"""Words before a lay head that say how, not what ("is my knee still a problem"): "still problem"
is no Still disease."""


def _lay_heads(words: list[str], lookup: Lookup, changes: dict[str, str]) -> list[str]:
    wanted = [
        i
        for i in range(1, len(words))
        if words[i] in LAY_HEADS and words[i - 1] not in _NO_MODIFIER
    ]
    if not wanted:
        return words
    written = {f"{words[i - 1]} {words[i]}" for i in wanted}
    clinical = {f"{words[i - 1]} {head}" for i in wanted for head in LAY_HEADS[words[i]]}
    found = lookup(written | clinical)
    terms = {c.phrase for c in found}
    diseases = {c.phrase for c in found if _clinical(c)}
    out = list(words)
    for i in wanted:
        if f"{words[i - 1]} {words[i]}" in terms:
            continue
        head = next((h for h in LAY_HEADS[words[i]] if f"{words[i - 1]} {h}" in diseases), None)
        if head is not None:
            out[i] = head
            changes[f"{words[i - 1]} {words[i]}"] = f"{words[i - 1]} {head}"
    return out


def _clinical(concept: Concept) -> bool:
    return any(n.startswith(CLINICAL_TREES) for n in concept.tree_numbers)
