"""Safety: emergency red flags, the urgent-care banner, the disclaimer, out-of-scope refusals.

Red flags are detected by a set of *concepts* (:data:`CONCEPTS`), one per emergency, each with
its advice:

- emergencies: stroke, chest pain, a dangerous heart rhythm, breathing difficulty (stridor
  included), anaphylaxis, severe bleeding, a possible blood clot, poisoning or overdose, fever
  in a young infant, seizure or loss of consciousness, a sudden severe headache, suicidal
  intent, a twisted testicle, a possible ectopic pregnancy, a swallowed button battery or
  magnets, a child's head injury with vomiting or drowsiness, preeclampsia warning signs, adrenal
  crisis, a chemical in the eye, a possible bowel obstruction, pressure under a cast, carbon
  monoxide poisoning, possible appendicitis, pressure on the spinal nerves, a possible neck
  injury, coughing up a lot of blood, muscle breakdown, a large scald on a small child, giant
  cell arteritis affecting the eye;
- same-day care, whose advice says when to go to an emergency department: a throat abscess, a
  spreading tooth infection, new confusion in an older adult, a needle-stick from a needle used
  on someone else, stopping heavy drinking all at once, a possible rabies exposure, tendon pain
  on a fluoroquinolone, an extra dose of a blood thinner, vomiting or diarrhoea on medicines
  that need a sick-day pause, a problem during chemotherapy, broken skin during radiotherapy, a
  stoma with no output, restlessness on a new antipsychotic, a tight cast, a urine infection
  with a fever, bleeding after a tooth was taken out;
- warning signs by body system, written from general triage rules rather than one disease each:
  sudden loss of vision (a curtain, new floaters and flashes, halos with a painful red eye),
  fever with a warning sign (stiff neck, a rash that does not fade, chemotherapy, fever with
  flank pain and urinary symptoms, an infected wound, mottled skin in an infection), a spreading
  skin infection, warning signs in pregnancy, after a birth and in a baby, a prolonged erection
  or trapped foreskin, a possible penile fracture, urine that cannot be passed, a diabetic
  emergency, a possible fracture, a head knock on a blood thinner, serious burns and electrical
  injury, heat stroke, hypothermia or frostbite, venomous and animal bites, severe skin and
  other dangerous reactions to medicines, very high blood pressure, sudden severe or one-sided
  pain with vomiting, weakness spreading up the body, sudden hearing loss, danger from another
  person, an eye injury, fluids not kept down, a head injury with a warning sign, and (same day)
  a headache with a warning sign, a child not using an arm or leg, yellow skin or cola-dark
  urine, something stuck in the body, a gaping wound, care needed soon after sex, pain in waves
  from the side to the groin, coughing up blood, swelling on an ACE inhibitor, whooping cough
  near a baby, a urine infection in a young child, chest pain that came and went, a COPD flare,
  possible pneumonia, fast breathing in a young child, pain after a tooth was taken out, a
  broken adult tooth, shingles, a cut from someone's teeth, an epilepsy medicine or insulin run
  out, a sudden change in a frail older person;
- when none of these fires, two catch-alls: a message that asks whether it can wait ("until
  Monday", "sleep it off", "is this normal") while describing a severe sign
  (:data:`WAITING_WITH_SEVERE_SIGNS`), and one that tells several kinds of warning sign
  together, one of them a whole-body sign (:func:`signs_together`: recent, severe, worsening,
  red, hot or swollen, fever, vomiting, fainting, drowsiness, not drinking, pale or sweaty skin,
  fast breathing, a vital sign out of range (which counts for two), a vulnerable person,
  waiting asked).

A pattern that needs context anywhere in the message ("pregnant" somewhere, then "seeing
spots") is anchored at its start and judged by its ``key`` words. Each concept has three trigger
lexicons, from the most to the least self-evident, and its own exclusions:

- ``asked``: wording that signals the emergency even in a general question ("how many pills would
  it take to not wake up", "what happens if you swallowed bleach");
- ``signs``: what is happening to someone ("lips are swelling", "can't breathe", "chest pressure");
  they count unless the question asks about them in general, with nobody in it ("can anxiety cause
  shortness of breath?");
- ``events``: the emergency named as something happening to a person ("my mom overdosed", "I'm
  suicidal", "she is having a seizure"); they count only when the question is about a person
  (I, my dad, she, a child ...), so "is a febrile seizure genetic?" does not.

Every match is then checked in its context:

- **negation** a few words before it, within the clause ("no chest pain", "denies any chest pain",
  "never had a seizure", "I don't want to die from covid"); pseudo-negations ("not sure", "don't
  know") do not negate;
- **the past or someone's history** in the same clause ("3 years ago", "last month", "as a kid",
  "when I was 19", "history of"); "last night" and "this morning" are recent, and "... last week and
  now ..." starts a new clause;
- **a topic, not an event**: the trigger follows "symptoms of", "risk of", "died of", "lost her
  brother to" ...;
- **idioms and general uses** shared by all concepts (:data:`IDIOMS`: "killing me", "dying to
  know", "scared to death", "poison ivy", "food poisoning", "heart attack on a plate") and each
  concept's own exclusions ("afraid I'll hurt myself at the gym", "stop breathing at night").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from medcite.answer import triage
from medcite.query.drugs import products_containing
from medcite.query.english import is_common_english
from medcite.query.repair import EMOTIONAL_NUMBNESS
from medcite.query.scope import asks_for_writing
from medcite.records import RedFlag
from medcite.text import any_whole_word, blanked

Urgency = Literal["emergency", "same-day", "soon"]
EMERGENCY: Urgency = "emergency"
HOSPICE = "care at the end of life"
"""The kind for signs of dying told of someone in hospice care: the hospice team, not 911, is
called, so no emergency card is shown beside it."""
CRISIS_KINDS = frozenset({"suicidal thoughts"})
"""Kinds still shown beside :data:`HOSPICE`: a carer's own crisis is not the patient's dying."""
SAME_DAY: Urgency = "same-day"
SOON: Urgency = "soon"
"""Be seen within days, not at a routine check-up: a sign that needs tests (bleeding after the
menopause, weight lost with a change in the bowels), not care today."""
ANAPHYLAXIS = "anaphylaxis"
PREECLAMPSIA = "preeclampsia warning signs"
TOOTH_INFECTION = "spreading tooth infection"
TOOTH_INFECTION_SPREAD = "tooth infection spreading to the neck"
THROAT_ABSCESS = "throat abscess or airway swelling"
THROAT_ABSCESS_AIRWAY = "throat abscess with drooling"
_ABSCESS_SIDE = (
    r"(?:can'?t|cannot|cant|barely|hardly|hard to|unable to) (?:\w+ )?open (?:my|his|her) "
    r"(?:mouth|jaw)|hot potato|muffled|(?:worse|swollen|bigger) on (?:the |one )?(?:left|right|"
    r"one) side|(?:one|left|right) side (?:of (?:my|his|her|the) throat )?(?:is )?(?:\w+ )?"
    r"(?:swollen|worse)|tonsil (?:\w+ )?(?:pushed|bulg\w*)"
)
"""How a throat abscess is told: a mouth that will not open, a muffled voice, one side worse."""
SWELLING_LOOKALIKES = frozenset(
    {PREECLAMPSIA, TOOTH_INFECTION, TOOTH_INFECTION_SPREAD, THROAT_ABSCESS, THROAT_ABSCESS_AIRWAY}
)
"""Cards whose face or throat swelling is their own sign, not anaphylaxis's, when nothing eaten
or stung is told (preeclampsia late in pregnancy, a tooth infection spreading into the face, a
sore throat swollen on one side with a muffled voice)."""
SALIVA_BLOCKED = "cannot swallow saliva"
NOSEBLEED = "nosebleed that will not stop"
BLEEDING_AFTER_BIRTH = "heavy bleeding after a birth"
BLEEDING_WOUND = "wound that will not stop bleeding"
INFECTED_JOINT = "hot swollen joint with a fever"
SPREADING_SKIN_INFECTION = "spreading skin infection"
CHEST_PAIN_ON_EXERTION = "chest pain on exertion"
BACK_PAIN_AFTER_CANCER = "new back pain after cancer"
COUGHED_BLOOD = "coughing up blood"
COUGHED_BLOOD_A_LOT = "coughing up a lot of blood"
ACE_INHIBITOR_SWELLING = "swelling on an ACE inhibitor"
WHOOPING_COUGH_NEAR_A_BABY = "possible whooping cough near a baby"
URINE_INFECTION_IN_A_CHILD = "possible urine infection in a young child"
CHEST_PAIN_THAT_PASSED = "chest pain that came and went"
COPD_FLARE = "COPD flare-up"
POSSIBLE_PNEUMONIA = "possible pneumonia"
FAST_BREATHING_IN_A_CHILD = "fast breathing in a young child"
DRY_SOCKET = "pain after a tooth was taken out"
BROKEN_ADULT_TOOTH = "broken or knocked-out adult tooth"
SHINGLES = "possible shingles"
FIGHT_BITE = "cut from someone's teeth"
RAN_OUT_OF_A_VITAL_MEDICINE = "run out of a vital medicine"
FRAIL_AND_DECLINING = "sudden change in a frail older person"
NECK_INJURY = "possible neck injury"
TORN_ACHILLES = "possible torn Achilles tendon"
ADULT_CHICKENPOX = "chickenpox in an adult"
DIALYSIS_ACCESS = "problem with a dialysis fistula or bag"
REPEATED_LOWS = "repeated low blood sugars"
IMMUNOTHERAPY_SIDE_EFFECT = "new symptoms on immunotherapy"
OPEN_FRACTURE = "bone through the skin"
POSSIBLE_ABUSE = "possible abuse"
MENINGOCOCCAL_CONTACT = "close contact of meningococcal disease"
CARD_ALONE = frozenset(
    {
        "animal bite that needs care",
        "possible rabies exposure",
        "rash after a tick bite",
        "fever after travel to a malaria area",
        "urine infection in pregnancy",
        POSSIBLE_ABUSE,
        MENINGOCOCCAL_CONTACT,
    }
)
"""Same-day cards shown alone, as an emergency card is: what an index holds beside them is read
as the answer and misleads (insect stings, "most bites are harmless", for a cat bite; cortisone
cream for the rash after a tick bite; "malaria is curable" for a fever after a trip; dementia
drugs and what a bruise is, for marks of abuse)."""

DISCLAIMER = (
    "This summary of published evidence is not medical advice; "
    "talk to a health professional about your own situation."
)
OUT_OF_SCOPE = (
    "medcite answers health and medical questions from clinical evidence; this question does not "
    "look like one, so no answer was composed."
)
OUT_OF_SCOPE_WRITING = (
    "medcite answers health questions from clinical evidence; it does not write letters, emails "
    "or other texts. Ask what you want to know about the health matter itself to get cited "
    "evidence."
)
OUT_OF_SCOPE_ANIMAL = (
    "medcite answers questions about people's health from clinical evidence, not about animals: "
    "ask a veterinarian. If an animal may have eaten something poisonous, call your veterinarian "
    "or an animal poison control line now (in the US, the ASPCA Animal Poison Control Center, "
    "888-426-4435)."
)
_ANIMAL = re.compile(
    r"\b(?:my|our|the|a)\s+(?:\w+\s+){0,3}?(?:dogs?|pupp(?:y|ies)|cats?(?!\s*scans?)|kittens?|"
    r"pets?|horses?|rabbits?|bunny|parrots?|birds?|hamsters?|guinea pigs?|ferrets?|beagles?|"
    r"lab(?!s|\s+(?:results?|tests?|work|reports?|values?|draws?))|labradors?|terriers?|"
    r"poodles?|chickens|hens|goats?|cows?|pon(?:y|ies)|pigs?|goldfish|lizards?|geckos?|"
    r"turtles?|tortoises?|budgies?)\b"
    r"|\b(?:around|near|for|to)\s+(?:(?:small|young|older|our|my)\s+)?(?:dogs|cats|pets|"
    r"pupp(?:y|ies)|kittens|birds|rabbits|horses)\b"
    r"|^\W*(?:dogs?|pupp(?:y|ies)|cats?|kittens?|horses?|pon(?:y|ies)|rabbits?|bunn(?:y|ies)|"
    r"parrots?|birds?|budgies?|hamsters?|guinea pigs?|ferrets?|chickens|hens|goats?|cows?|pigs?|"
    r"goldfish|lizards?|geckos?|turtles?|tortoises?)\s+(?:is|are|has|have|hasn'?t|hasnt|"
    r"haven'?t|had|won'?t|wont|keeps?|kept|ate|eats|got|not|isn'?t|isnt|can'?t|cant|seems?|"
    r"lame|\w+ing)\b"
    r"|\b(?:vet|vets|veterinarian|veterinary)\b",
    re.IGNORECASE,
)
"""An animal the question is about: one of someone's ("my dog"), animals a thing may harm
("safe around cats", "toxic to dogs"), one a question opens with as its subject ("kitten has
runny eyes", "rabbit hasn't eaten"; not "fish oil", "chicken soup"), or one a veterinarian
looks after ("the vet said")."""


_PERSON_HARMED = re.compile(
    r"\b(?:bit|bites?|bitten|biting|scratch\w*|lick\w* (?:me|my|us|our)|attack\w*|jumped on|"
    r"kiss\w*|allerg\w*|"
    r"caught|catch|gave me|got from|sleeps? in (?:my|our|the) bed|died|passed away|put down|"
    r"death|grie\w+|pregnan\w*|(?:can|could|will|would|do|does) (?:i|you|we|humans?|people|"
    r"(?:my|our) \w+) (?:get|catch) (?:(?:\w+ ){0,3}?(?:from|off)|sick|ill|infected|it|that|"
    r"this|rabies|worms|fleas|ringworm|lice|mites|toxo\w*|salmonella|\w+itis))\b",
    re.IGNORECASE,
)
_PERSON_TOLD = re.compile(
    r"\b(?:my|our) (?:son|daughter|child|children|kids?|baby|toddler|wife|husband|partner|mom|"
    r"mum|mother|dad|father|grand\w+|boyfriend|girlfriend|sister|brother|friend|family)\b"
    r"|\b(?:my|our) \d{1,2}[- ]?(?:yo|y/o|yrs?[- ]old|years?[- ]old|months?[- ]old|weeks?[- ]old|"
    r"year old|month old)\b"
    r"|\b(?:i am|i'm|im|i have|i've|ive|i feel|i can'?t|i cant|i don'?t|i dont|i keep|me|"
    r"myself|we (?:have|'ve) (?:a|an|been|had|got|all)|we feel|us)\b"
    # a sign on the writer's own body ("a red ring on my forearm")
    r"|\b(?:on|in|to|of|around|behind|under|over|between) my (?:left |right |upper |lower )?"
    r"(?:arms?|forearms?|legs?|hands?|face|skin|back|chest|neck|feet|foot|fingers?|toes?|head|"
    r"scalp|eyes?|ears?|stomach|tummy|belly|knees?|elbows?|ankles?|wrists?|shoulders?|lips?|"
    r"mouth|nose|thighs?|hips?|shins?|calf|calves|groin|bottom)\b",
    re.IGNORECASE,
)


_WITH_THE_ANIMAL = re.compile(
    r"\b(?:walk\w*|feed\w*|play\w* with|groom\w*|stroking) (?:the|my|our) (?:dogs?|cats?|"
    r"horses?|pon(?:y|ies)|pupp(?:y|ies)|kittens?|pets?)\b",
    re.IGNORECASE,
)
"""What a person does with an animal ("when I walk the dog in the cold"): told of the person."""


_SIMILE = re.compile(
    r"\b(?:as|like) (?:a|an) (?:(?:little|new-?born|baby|sick|wet|drowned|tired) )?(?:dogs?|"
    r"pupp(?:y|ies)|cats?|kittens?|horses?|pigs?|bats?|mules?|birds?|rabbits?|mouse|rats?|"
    r"lambs?|ox|bears?|lions?|fish|snails?|sloths?|bulls?|goats?|hawks?|owls?)\b",
    re.IGNORECASE,
)
"""An animal in a simile ("weak as a kitten", "sick as a dog", "eating like a horse"): how a
person feels, no animal the question is about."""


def _of_animals(question: str) -> str:
    """``question`` without the animals told of a person (:data:`_WITH_THE_ANIMAL`,
    :data:`_SIMILE`)."""
    return _SIMILE.sub(" ", _WITH_THE_ANIMAL.sub(" ", question))


def about_an_animal(question: str) -> bool:
    """True when the one the question is about is an animal ("my dog is limping, can I give him
    one of my Advil", "my cat chewed a lily"): answered from human evidence it could harm the
    animal, so it is sent to a veterinarian (:data:`OUT_OF_SCOPE_ANIMAL`). Not when a person
    is hurt by the animal or told about ("my dog bit me", "my son is allergic to our cat", "my
    10 year old sneezes near the kitten"), nor when the animal is only walked or fed by the
    asker (:data:`_WITH_THE_ANIMAL`)."""
    told = _of_animals(question)
    return bool(
        _ANIMAL.search(told) and not _PERSON_HARMED.search(told) and not _PERSON_TOLD.search(told)
    )


def out_of_scope_reason(question: str) -> str:
    """Why a question out of medcite's scope gets no answer: one about an animal ("my dog ate
    dark chocolate") is sent to a veterinarian, and to animal poison control when it may have
    eaten something poisonous; a request to write a text gets :data:`OUT_OF_SCOPE_WRITING`;
    any other gets :data:`OUT_OF_SCOPE`."""
    if _ANIMAL.search(_of_animals(question)):
        return OUT_OF_SCOPE_ANIMAL
    return OUT_OF_SCOPE_WRITING if asks_for_writing(question) else OUT_OF_SCOPE


_rx = any_whole_word


# --- shared context ---------------------------------------------------------------------------

_NEGATION_CUE = (
    r"\b(?:no|not|never|without|nor|none|neither|denies|denied|deny|absence of|free of|"
    r"negative for|ruled out|rules out|no signs? of|(?:do|does|did|have|has|is|was|are|were)"
    r"(?:n'?t| not)|dont|doesnt|didnt|havent|hasnt|isnt|wasnt|arent)\b"
)
_NEGATED = re.compile(_NEGATION_CUE + r"(?:[^\w)]+\w+){0,3}[^\w)]*$", re.IGNORECASE)
"""A negation just before a sign; an aside closed by a bracket ends its reach ("the left leg
(not the sore one) is swollen")."""
_NEGATED_LIST = re.compile(_NEGATION_CUE + r"(?:[^\w),.;:!?]+\w+){1,3}\s*,\s*$", re.IGNORECASE)
"""A negation before the first item of a list, the sign being a later item ("no headache, ")."""
_LIST_GOES_ON = re.compile(r"[\w' ]{0,30}?(?:,|\bor\b|\bnor\b)", re.IGNORECASE)
"""The list goes on after the sign ("chest pain or vision problems"): the negation still
reaches it, unlike a new clause after a comma ("no fever, chest pain since an hour")."""
_HEDGED = re.compile(r"\b(?:almost|nearly)\W+(?:\w+\W+)?$", re.IGNORECASE)
"""A sign that almost happened ("almost blacked out", "nearly passed out"): it did not."""
_PSEUDO_NEGATION = _rx(
    r"not sure", r"(?:do|did)(?:n'?t| not) know", r"dont know", r"didnt know", r"no idea",
    r"not only", r"not just", r"not certain", r"no matter",
    r"without (?:even )?(?:trying|meaning to|dieting)",
    # an organ taken out is a state, not a sign denied ("no spleen and a fever")
    r"(?:no|without (?:a|an|my|his|her)) (?:spleen|gall ?bladder|thyroid|appendix|womb|uterus)",
)  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?;\n]|\bbut\b|\bhowever\b|\bthough\b", re.IGNORECASE)
_CLAUSE_END = re.compile(
    r"[.!?;:,\n]|\s[–—-]\s|\bbut\b|\b(?:and )?now\b|\bhowever\b|\band (?=since\b|today\b|"
    r"tonight\b|"
    r"yesterday\b|this (?:morning|afternoon|evening|week)\b|lately\b|recently\b|these days\b|"
    r"(?:over |for |in )?the (?:last|past) (?:few |couple (?:of )?)?(?:days|weeks)\b)"
    r"|\band (?=(?:i |i'?ve |i'?m |im |she |he |they )?(?:keep|keeps|kept|still)\b)",
    re.IGNORECASE,
)
"""Where a clause ends: punctuation, "but", "now", or "and" before a new time ("had a
transplant two years ago and since this morning …", "… in 2019 and lately …") or before what
keeps happening ("paracetamol isn't shifting it and keep seeing sparkly lights")."""
_LONG_PAST = (
    r"years a ?go", r"when (?:i|he|she|they) (?:was|were) (?:\d+|young|little|younger|an? \w+)",
    r"in (?:19|20)\d\d", r"in (?:college|high school|school|university|my (?:teens|twenties))",
    r"history of", r"used to",
)  # fmt: skip
"""Past told as years back: in :data:`_PAST`, and in :data:`_LONG_AGO`, where an exposure's
window has closed."""
_PAST = _rx(
    *_LONG_PAST,
    r"(?:\d+|an?|one|two|three|four|five|six|few|several|many|some) (?:years?|yrs?|months?|weeks?)"
    r" a ?go",
    r"(?<!the )(?<!this )last (?:year|month|week|spring|summer|fall|autumn|winter)",
    r"as an? (?:kid|child|teen|teenager|baby|toddler|student)",
    r"once (?:when|in|at|before|after|during)",
    # "back in 2019", not "pulled it back in the shower"
    r"back in (?:the day|those days|(?:19|20)\d\d|the \d0'?s|my (?:\w+ )?days|(?:high )?school|"
    r"college|university)",
    r"in the past", r"previously",
    r"(?:once|twice|\w+ times) (?:this|last|a|per) (?:year|month|summer|winter|spring|fall)",
    r"(?:went away|stopped|resolved|cleared up) (?:after|on its own|by itself)",
    # a fever told as over: "the fever went 3 days ago", "temperature's gone now"
    r"(?:fever|temperature|temp)(?:'s|’s| has| had| is| was)? (?:went|gone|broke|broken|settled|"
    r"cleared|disappeared|c[oa]me down)(?! up)",
)  # fmt: skip
_TOPIC = re.compile(
    r"\b(?:signs?|symptoms?|risks?|causes?|cause|causing|treat(?:ment|ing)?|warnings?|prevent\w*|"
    r"history|survival|died|die|dies|death|deaths|difference between)"
    r"(?: (?:of|from|for|about|to|after|with|by|like))?\W+(?:an?\W+|the\W+)?$",
    re.IGNORECASE,
)
_PRONOUN = _rx(
    r"i", r"i'm", r"im", r"i've", r"ive", r"i'd", r"i'll", r"me", r"my", r"mine", r"myself",
    r"we", r"our", r"us", r"he", r"she", r"his", r"her", r"him", r"he's", r"hes", r"she's",
    r"shes", r"himself", r"herself",
)  # fmt: skip
_RELATIVE = _rx(
    r"mom", r"mum", r"mother", r"dad", r"father", r"son",
    r"daughter", r"baby", r"infant", r"newborn", r"kid", r"child", r"toddler", r"husband", r"wife",
    r"partner", r"friend", r"brother", r"sister", r"grand(?:ma|mother|pa|father|son|daughter)",
    r"teen", r"teenager", r"boyfriend", r"girlfriend", r"gf", r"bf", r"patient", r"roommate",
    r"uncle", r"aunt", r"cousin", r"nephew", r"niece",
)  # fmt: skip
_GENERAL_OPENING = re.compile(
    r"^\W*(?:what|what's|whats|how|why|which|when|where|who|can|could|does|do|is|are|will|"
    r"would|should|at what|define|explain|list|tell me about)\b",
    re.IGNORECASE,
)
IDIOMS: tuple[re.Pattern[str], ...] = (
    _rx(r"(?:kill|kills|killing) (?:me|you|us)"),
    _rx(r"dying (?:to|for|of (?:boredom|laughter|curiosity))", r"rather die than"),
    _rx(r"(?:scared|bored|worried|frightened|freezing|sick|tired) to death", r"could kill for"),
    _rx(r"poison (?:ivy|oak|sumac)", r"food poisoning", r"heart attack on a plate"),
    _rx(r"gives? (?:me|him|her|us) (?:a )?heart attack"),
)

# fmt: off
# --- the lexicons the concepts share -----------------------------------------------------------

_SUBJECT_NOW = r"(?:is|are|am|'s|'m|im|hes|shes|theyre|keeps?|started|starts?|been)"
_CHILD = (
    r"(?:child|toddler|baby|kid|son|daughter|grand(?:son|daughter|child|kid)|infant|teen|"
    r"teenager|little one|\d+[- ]?(?:year|yr|month|week)s?[- ]?old|(?:[1-9]|1[0-7]) ?(?:yo|y/o)"
    r"(?!\w))"
)
_THIRST = (
    r"(?:drinking|drinks|thirsty|thirst)\b[^.?!]{0,40}?(?:like crazy|a lot|all the time|"
    r"non[- ]?stop|constantly|so much|gallons|loads|tons)|(?:always|so|very|really|super) "
    r"thirsty"
)
_PEEING_A_LOT = (
    r"(?:peeing|weeing|urinating) (?:a lot|all the time|constantly|all night|so much|loads|"
    r"lots|non[- ]?stop)|up (?:\w+ ){0,2}?(?:peeing|weeing|to pee|to wee) (?:loads|lots|a lot|"
    r"all night|every hour|\d+ times)"
)
"""Weeks of thirst and of peeing a lot: what high sugars do before diabetes is known."""
_HEART_FAILURE = r"(?:heart failure|chf|congestive heart|weak heart|heart is weak|hf)"
_HEART_HISTORY = (
    rf"{_HEART_FAILURE}|stents?|stented|heart attacks?|bypass (?:surgery|op\w*)|triple bypass|"
    r"cabg|angina|angioplasty|heart (?:disease|valve|condition|problems?)|valve (?:replacement|"
    r"surgery|problem)|coronary|cardiac (?:arrest|history)"
)
"""A known heart condition told about the person."""
_BREATHLESS_LAY = (
    r"winded|out of breath|short(?:ness)? of breath|breathless\w*|puffed(?: out)?|huffing and "
    r"puffing|can'?t catch (?:my|his|her) breath|sob on exertion"
)
"""Breathlessness as people tell it."""
_NEWLY = (
    r"never used to|didn'?t used? to|not like (?:me|him|her)|(?:the )?(?:last|past) (?:few|couple"
    r"(?: of)?|two|three|\d) (?:days|weeks|months)|lately|recently|new|getting worse|worse than"
    r"|more than (?:usual|before|normal)|(?:this|last) (?:week|month)"
)
"""Told as new or worsening, not the person's usual."""
_FLAT_BREATHLESS = (
    r"(?:can'?t|cant|cannot|unable to|can no longer|no longer able to) (?:\w+ )?(?:lie|lay|sleep)"
    r" (?:down )?flat|(?:short of breath|breathless|out of breath|can'?t breathe) (?:\w+ ){0,3}?"
    r"(?:lying|laying) (?:down|flat)|(?:sleep\w*|propped up) (?:\w+ ){0,3}?(?:on|with) "
    r"(?:\d|two|three|four|five|more) pillows|wak\w* up (?:\w+ ){0,3}?(?:gasping|breathless|"
    r"short of breath|fighting for breath)"
)
"""Breathlessness lying flat: no longer able to lie flat, sleeping propped up on pillows, waking
up gasping."""
_SWALLOW = (
    r"(?:swallow\w*|ate|eaten|eating|drank|drunk|drinking|drinks?|chewed|chewing|bit into|"
    r"bitten into|"
    r"got into|gotten into|ingest\w*|licked|sucked on|took|taken|popped)"
)
_MEDICINE = (
    r"(?:pills?|tablets?|tabs|capsules?|meds|medicines?|medications?|tylenol|acetaminophen|"
    r"paracetamol|ibuprofen|advil|motrin|aspirin|iron|vitamins|gummies|edibles?|xanax|valium|"
    r"oxy\w*|opioids?|fentanyl|heroin|methadone|benadryl|antidepressants?|insulin|ambien|"
    r"zolpidem|zopiclone|zimovane|sleeping pills?|sleep aids?|seroquel|trazodone|klonopin|"
    r"ativan|sertraline|citalopram|escitalopram|mirtazapine|venlafaxine|duloxetine|lithium|"
    r"codeine|co-?codamol|tramadol|pregabalin|gabapentin|quetiapine|"
    r"\w+(?:dipine|pril|olol|sartan|statin|azepam|azolam|oxetine|triptyline|prazole|"
    r"gliflozin|gliptin|formin|xaban|thyroxine|profen|phenidate|setron))"
)
_CONTACT = (
    r"(?:exposed|exposure|in contact|contact with|around|near|next to|played with|playing with|"
    r"same (?:time|room|class|daycare|waiting room)|waiting room|sat with|hugged|kissed|babysat|"
    r"holding|held|cuddl\w*|on (?:my|his|her|their) laps?|looked after|looking after|stayed "
    r"(?:with|over)|slept (?:with|next to|in the same))"
)
"""Words of having been near someone with an infection."""
_ANTIBIOTIC = (
    r"antibiotics?|\w+cillin|augmentin|cephalexin|keflex|\w+mycin|clindamycin|cleocin|"
    r"cipro\w*|levofloxacin|levaquin|\w+floxacin|doxycycline|bactrim|cefdinir|ceftriaxone|"
    r"\w+cef\w+|z-?pack"
)
"""Antibiotics by class word or common name."""
_FAINT_RISK = (
    r"(?:new|started|starting|changed|increased|higher) (?:\w+ ){0,3}?(?:meds?|medications?|"
    r"medicines?|pills?|doses?|tablets?)|(?:i'?m|im|she'?s|shes|he'?s|hes|is|aged?) "
    r"(?:[6-9]\d|1[01]\d)\b|(?:[6-9]\d|1[01]\d)[- ]?(?:yo|y/o|years?[- ]old|yrs?)\b|heart rate|"
    r"pulse|heart (?:is |was |keeps )?(?:racing|pounding|skipping|going crazy)|palpitations|"
    r"chest pain"
)
"""What makes nearly fainting a same-day matter: a new or changed medicine, an older age, or
the heart."""
_INSULIN = (
    r"insulin(?! (?:syringe|needle|pen needle|pen tip)s?\b)|lantus|levemir|tresiba|toujeo|"
    r"semglee|basaglar|abasaglar|novolog|novorapid|humalog|"
    r"apidra|fiasp|lyumjev|humulin|novomix|insulatard|actrapid"
)
"""Insulin, by its name or a brand."""
TOO_MUCH_INSULIN = "too much insulin"
POSSIBLE_NEW_DIABETES = "signs of high blood sugar"
INFECTION_AFTER_PREGNANCY_LOSS = "infection after a miscarriage or abortion"
_FAINT_PASSED = (
    r"\b(?:faint(?:ed|s)?|fainting|passed out|blacked out)\b[^.?!]{0,160}?\b(?:came|come|"
    r"coming|comes|woke|woken) (?:back )?(?:round|around|to|up)\W+(?:\w+\W+){0,2}?(?:(?:in|within|"
    r"after) (?:(?:about|around|like|maybe|only|just|roughly|under|less than) )?(?:a few |"
    r"a couple of |\d+ |few |a )?(?:seconds|secs|second|moments?|"
    r"minute)|straight away|right away|quickly|immediately|almost immediately)\b"
    # "… woke up on the floor with the nurse. fine now", unless a sign of the heart, the
    # breathing or a fit is told after the faint
    r"|\b(?:faint(?:ed|s)?|fainting|passed out|blacked out)\b(?![\s\S]*\b(?:pulse|heart ?rate|"
    r"bpm|heart ?beat|palpitations?|racing|chest|breath\w*|seiz\w*|fits?|jerk\w*|blue|grey "
    r"lips|hit (?:his|her|my) head)\b)[^?!]{0,200}?\b(?:(?:feel|feels|"
    r"felt|is|am|i'?m|seems?|was) )?(?:totally |completely |absolutely )?(?:fine|ok|okay|"
    r"alright|normal|back to normal) now\b"
    r"|\b(?:faint(?:ed|s)?|fainting|passed out|blacked out)\b[^.?!]{0,60}?\b(?:was|were|been) "
    r"(?:out|unconscious|gone)(?: cold)? for (?:only |just |maybe |about |around |like |less than "
    r")?(?:a few |a couple of |few |\d+ |a )?(?:seconds|secs|second|moments?)\b"
)
"""A faint told as over within moments ("passed out in the queue and came round in seconds",
"fainted, was out for maybe 10 secs")."""
_FAINT_PASSED_RX = re.compile(_FAINT_PASSED, re.IGNORECASE)
_FAINT_RISK_NOW = (
    rf"{_FAINT_RISK}|(?:at|in) (?:the )?(?:gym|training|practice|football|netball|rugby|match|"
    r"game|race|pool)\b|(?:during|while|when|after) (?:\w+ )?(?:exercis\w*|running|a run|jogging|"
    r"playing|training|swimming|sport|football|the gym|working out)|mid[- ]?(?:run|game|match)|"
    r"breathless\w*|short of breath|heart (?:condition|disease|problem)|pacemaker"
)
"""What makes a faint that has passed a same-day matter: :data:`_FAINT_RISK`, or fainting
during exercise, breathlessness or a known heart condition."""
_NEW_MEDICINE = (
    r"(?:new|started|starting|began|begun) (?:\w+ ){0,3}?(?:medicine|medication|meds?|pills?|"
    r"drugs?|antibiotics?)|(?<!need )(?<!needs )(?<!get )(?<!want )(?<!any )antibiotics?|"
    r"\w+cillin|augmentin|cephalexin|keflex|lamotrigine|"
    r"lamictal|allopurinol|bactrim|sulfa|"
    r"carbamazepine|tegretol|phenytoin|dilantin|nevirapine|(?:after|since) (?:taking|starting)"
)
"""A medicine started lately, or one whose rashes can turn serious; antibiotics asked for
("do I need antibiotics?") are none taken."""
_HAZARD = (
    r"(?:bleach|ammonia|detergent|(?:laundry|detergent|dishwasher|tide) pods?|"
    r"(?:liquid|fluid|stuff|spray) (?:for|to) clean(?:ing)?|cleaning (?:liquid|fluid|product|"
    r"spray|stuff)|"
    r"dish(?:washer)? (?:liquid|soap)|drain cleaner|oven cleaner|toilet cleaner|antifreeze|"
    r"windshield (?:washer )?fluid|lighter fluid|gasoline|petrol|kerosene|lamp oil|"
    r"paint thinner|turpentine|nail polish remover|acetone|hand sanitizer|rubbing alcohol|"
    r"hydrogen peroxide|pesticide|insecticide|weed ?killer|rat poison|poison|roach \w+|"
    r"button batter(?:y|ies)|batter(?:y|ies)|magnets?|(?:wild |unknown )?berries|"
    r"(?:wild )?mushrooms|oleand\w+|foxglove|nightshade|hemlock|lily of the valley)"
)
_NUMBER_WORDS = "five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
_MANY = (
    r"(?:(?:like|about|around|maybe|over|almost|at least) )?"
    rf"(?:[5-9]|\d\d+|{_NUMBER_WORDS}|too (?:many|much)|"
    r"(?:a whole|a full|the whole) (?:bottle|pack|box|packet|strip)|a handful|a (?:whole )?bunch|"
    r"a load|a fistful|most of (?:my|his|her|their|the)|all (?:of )?(?:my|his|her|the))"
)
_DEGREES = r"(?:3[89]|4[0-2])(?:[.,]\d+)?|100[.,][4-9]\d*|10[1-6](?:[.,]\d+)?"
_CELSIUS = r"(?:3[89]|4[0-2])(?:[.,]\d+)?"
_FAHRENHEIT = r"100[.,][4-9]\d*|10[1-6](?:[.,]\d+)?"
_READING = r"(?:3[89]|4[0-2])[.,]\d+|100[.,][4-9]\d*|10[1-6](?:[.,]\d+)?"
"""A temperature no age reads like: 38-42 with decimals, or 100.4-106 °F."""
_LOCAL_HEAT = "".join(
    rf"(?<!{part} )"
    for part in (
        "cut wound bite burn graze sting scar site spot patch lump boil swelling area finger "
        "fingers toe toes thumb hand foot feet arm leg knee ankle elbow wrist joint calf shin "
        "thigh breast nipple gum tooth ear eye"
    ).split()
)
"""A wound or a limb that is hot ("the cut on my finger is hot") is inflamed, not feverish."""
_FEVER = (
    # hay fever is an allergy, cabin fever a mood; "afebrile" is no fever
    r"(?:(?<![a-z])(?<!hay )(?<!hay-)(?<!cabin )(?<!spring )(?<!yellow )(?<!yellow-)fever\w*|"
    r"(?<![a-z])febrile|"
    r"running a temp\w*|burning up|"
    rf"{_LOCAL_HEAT}(?:is|feels?|felt|seems|was) (?:very |really |so )?hot|"
    rf"(?:temp\w*|thermometer|reading|hit|reached)\W+(?:\w+\W+){{0,4}}?(?:{_DEGREES})\b|"
    # a bare "is 39" may be an age: only a reading with decimals, or over 100 °F
    rf"(?:of|at|is|was)\W+(?:\w+\W+)?(?:{_READING})\b|"
    rf"(?:{_DEGREES})\s*(?:°|degrees?\b|rectal|armpit|under)|"
    # "38f" is an age and a sex; a reading in °F is 100 or more
    rf"(?:{_CELSIUS})\s*c\b|(?:{_FAHRENHEIT})\s*f\b)"
)
_WEEKS = r"(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_YOUNG = (
    r"(?:newborn|new born|neonate|"
    rf"(?:\d{{1,2}}|{_WEEKS})[- ]?(?:days?|d|weeks?|wks?)[- ]old|"
    r"(?:1|2|one|two)[- ]?(?:months?|mos?|mths?)[- ]old|"
    r"(?:baby|infant|newborn|son|daughter|he|she)(?:'s|s| is)? "
    rf"(?:\d{{1,2}}|{_WEEKS}) (?:days?|weeks?)(?! (?:into|ago|after|since|of|pregnant|post))|"
    rf"(?:infant|baby) (?:\d{{1,2}}|{_WEEKS}) (?:days?|weeks?))"
)

_CALL = "Call your local emergency number (911 in the US) now"
_STEROID_INHALER = (
    r"(?:steroid|preventer|brown|purple) (?:inhaler|puffer)|clenil|qvar|beclo\w*|flutic\w*|"
    r"budeson\w*|seretide|symbicort|fostair|flixotide|pulmicort|relvar|advair"
)
"""An inhaled steroid: a hoarse voice and a sore mouth are its known effects."""
_ASTHMA_TOLD = (
    r"asthma\w*|inhaler|puffer|reliever|preventer|ventolin|salbutamol|albuterol|symbicort|"
    r"fostair|seretide|clenil|smart regime|smart therapy"
)
"""Asthma told by name or by its inhalers."""
_VOMITED = r"vomit\w*|(?:threw|throwing|thrown|throw) up"
"""Being sick, as people write it: a sign of an adrenal crisis, with or without a known
adrenal disease."""
_BEING_SICK = r"vomit\w*|throw\w* up|threw up|puk\w*|been sick|being sick"
"""Vomiting as people write it, "been sick" included: beside belly pain (a blocked bowel,
pancreatitis)."""
_STEROID_TABLETS = (
    r"prednisone|prednisolone|dexamethasone|hydrocortisone|methylprednisolone|medrol|"
    r"(?:steroid|corticosteroid) (?:tablets?|pills?)|steroids"
)
"""Steroid medicines taken by mouth for weeks, whose stopping can leave the adrenals idle."""
_STOPPED = (
    r"stopp(?:ed|ing)|tapered|tapering|taper(?:ed)? off|came off|coming off|weaned off|"
    r"ran out|run out|quit|(?:haven'?t|havent|have not|hasn'?t|hasnt|has not) (?:had|taken) "
    r"(?:any|them|it|one|my \w+)|forgot (?:to take |to bring )?(?:them|my \w+)|"
    r"left (?:them|my \w+) (?:at|behind)"
)
_SCALDED = (
    r"burn|burns|burned|burnt|scald\w*|boiling|boiled|hot (?:water|oil|tea|coffee|soup|drink)|"
    r"mug of (?:[\w-]+ )?(?:tea|coffee)|kettle|"
    r"(?:spill\w*|spilt|knocked|pulled|grabbed|tipped|poured)\b[^.?!]{0,40}?\b(?:coffee|tea|"
    r"cuppa|hot chocolate)\b|(?:coffee|tea|cuppa|hot chocolate)\b[^.?!]{0,40}?\b(?:spill\w*|"
    r"spilt|went (?:down|over|on|all over)|poured|splash\w*)"
)
"""A burn or a scald, named or told as a hot drink spilt ("grabbed my coffee and it went down
her arm")."""
_BURNED_CHILD = (
    rf"{_CHILD}|{_YOUNG}|toddler|baby|infant|(?:[1-4]|one|two|three|four)[- ]?(?:yo|y/o|"
    r"years?[- ]old)|\d{1,2}[- ]?months?[- ]old"
)
"""A baby or a child under five, for whom a scald is judged apart."""
_TOOTH = r"(?:tooth|teeth|molar|wisdom tooth|dental|gum|gums|abscess\w*|toothache)"
_AFTER_DENTAL_WORK = re.compile(
    r"\b(?:pulled|extract\w*|removed|taken out|oral surgery|implants?|root canal|fillings?|"
    r"crowns?|braces)\b",
    re.IGNORECASE,
)
"""Dental work, after which swelling is expected for a few days."""
_SWALLOWING_HARD = (
    r"(?:hard|difficult|trouble|difficulty|struggl\w*|painful|pain) (?:to |when |with )?"
    r"(?:swallow\w*|open (?:my|his|her) mouth|breath\w*)|(?:can'?t|cannot|cant|unable to|barely) "
    r"(?:\w+ )?(?:swallow|open (?:my|his|her) mouth|breathe)"
)
"""Swallowing, opening the mouth or breathing made hard."""
_FACE_SWELLING = (
    r"(?:face|cheek|jaw|chin|neck|eye)\W+(?:\w+\W+){0,2}?(?:is\W+|are\W+|got\W+|getting\W+|"
    r"looks\W+|went\W+|has\W+gotten\W+)?(?:very\W+|so\W+|all\W+)?(?:swollen|swelling|puffy|swelled)"
    r"|(?:swollen|swelling (?:of|in|on)|puffy|swelled up) (?:\w+ ){0,2}?"
    r"(?:face|cheek|jaw|chin|neck)"
)
_FUEL_BURNING = (
    r"(?:furnace|boiler|space heaters?|(?:gas|kerosene|propane|oil) heaters?|generators?|"
    r"(?:gas|oil) (?:central )?heating|log ?burners?|wood ?burners?|(?:gas|coal) fires?|flue|"
    r"gas (?:stove|oven|fire|fireplace|appliance)s?|wood ?stove|car (?:running|idling)|engine "
    r"running|(?:charcoal|grill|bbq) (?:indoors|inside)|carbon monoxide)"
)
"""Something that burns fuel indoors and may leak carbon monoxide."""
_HEAVY_DRINKING = (
    r"(?:drink|drinks|drinking|have|has|having|down|downing|go through|goes through)"
    r"(?: (?:about|around|maybe|like|at least|up to|over|more than))? (?:"
    r"(?:1[0-9]|[2-9][0-9]|[6-9]|six|seven|eight|nine|ten|twelve|a dozen) (?:or more )?(?:beers|"
    r"drinks|shots|cans|glasses(?: of wine)?)(?: \w+){0,2}? (?:a|per|every|each) (?:day|night)"
    r"|(?:a|one|two|three|half a|[1-5]) (?:fifth|bottle|handle|liter|litre)s?(?: of \w+)? (?:a|"
    r"per|every|"
    r"each) (?:day|night))"
)
"""Heavy daily drinking told in the present ("I drink about 12 beers a day"), whose sudden
stop may bring dangerous withdrawal."""
_PARACETAMOL = r"(?:tylenol|paracetamol|acetaminophen|panadol|calpol|excedrin)"
_PILL_COUNT = (
    r"(?:(?:9|[1-9]\d)|nine|ten|eleven|twelve|fifteen|sixteen|eighteen|twenty)"
    r"(?:\s*(?:or|to|-)\s*(?:\d{1,2}|twenty))?\s+(?:tablets|pills|caplets|capsules|gel ?caps)"
)
_TOOK = r"(?:took|taken|swallowed|been taking|(?:i|he|she|we|they)\s+had)"
_PARACETAMOL_COUNT = (
    rf"\b{_TOOK}\b[^?!]{{0,40}}?\b{_PARACETAMOL}\b[^?!]{{0,120}}?\b{_PILL_COUNT}\b"
    rf"|\b{_TOOK}\W+(?:\w+\W+){{0,3}}?{_PILL_COUNT}\b[^?!]{{0,40}}?\b{_PARACETAMOL}\b"
)
"""Nine or more paracetamol tablets told as taken ("took Tylenol extra strength all day and
night, about 18 or 20 tablets over 24 hours"): past the daily limit of the common 500 mg
tablet, and its liver damage shows hours or days later."""
_NOT_ASKING = r"(?:(?!\b(?:can|could|should|may|might|ok|okay|safe|allowed)\b)[^.?!])"
"""Any character of a clause that does not ask whether something may be taken."""


def _paracetamol_twice() -> str:
    """Paracetamol told as taken together with a combination product that contains it too
    ("been taking 2 paracetamol 4 times a day plus a couple of Lemsip Max sachets"): paracetamol
    from two products at once, the usual way people pass its daily maximum without knowing;
    not a question whether they may be taken together ("can I take Lemsip with paracetamol")."""
    products = "|".join(
        re.escape(p).replace(r"\ ", r"[\s-]+") for p in products_containing("acetaminophen")
    )
    taking = r"(?:took|taken|taking|having|had|swallowed|on)"
    joined = r"(?:plus|and|with|as well as|on top of|also|alongside|together with)"
    return (
        rf"\b{taking}\b{_NOT_ASKING}{{0,60}}?\b{_PARACETAMOL}\b{_NOT_ASKING}{{0,60}}?\b{joined}\b"
        rf"{_NOT_ASKING}{{0,40}}?\b(?:{products})s?\b"
        rf"|\b{taking}\b{_NOT_ASKING}{{0,60}}?\b(?:{products})s?\b{_NOT_ASKING}{{0,60}}?\b{joined}\b"
        rf"{_NOT_ASKING}{{0,40}}?\b{_PARACETAMOL}\b"
    )


_SHARP = r"(?:needles?|syringes?|lancets?|sharps|(?:insulin |epi ?)?pens? needles?)"
"""A sharp that may carry someone else's blood."""
_CARE_NEEDLES = (
    r"\b(?:(?:flu |covid |tetanus )?shots?|vaccin\w*|jabs?|injections?|blood (?:tests?|draws?)|"
    r"acupuncture|tattoo\w*|piercing|iv line|drip)\b"
)
_SOMEONE = (
    r"(?:he|she|hes|shes|he's|she's|(?:my|our) (?:mom|mum|mother|dad|father|grandma|grandpa|"
    r"grandmother|grandfather|husband|wife|partner|aunt|uncle|parents?|patient|"
    r"(?:father|mother|dad|mom)[- ]in[- ]law))"
)

_NOSE_BLEEDING = (
    r"nose ?bleeds?|nose (?:has |had |is |was |keeps |kept |started )?(?:been )?bleed\w*|"
    r"bleed\w* from (?:my|his|her|their|the) nose"
)
_TWENTY_MINUTES_OR_MORE = (
    r"(?:[2-9]\d|1\d\d) ?(?:min\w*|m)\b|(?:twenty|thirty|forty|fifty|sixty)(?:[- ]\w+)? min\w*|"
    r"half an hour|an hour|(?:\d+|one|two|three|several) hours?|hours"
)
"""A nosebleed that has lasted this long, pressed on or not, needs a doctor now."""
_ANTICOAGULANT = (
    r"(?:blood ?thinners?|anticoagula\w*|warfarin|coumadin|jantoven|eliquis|apixaban|xarelto|"
    r"rivaroxaban|pradaxa|dabigatran|savaysa|edoxaban)"
)
"""A medicine that stops the blood clotting (not an antiplatelet such as clopidogrel): too
strong, it shows as bleeding and bruises."""
_BLOOD_THINNER = (
    rf"(?:{_ANTICOAGULANT}|lovenox|enoxaparin|heparin|plavix|clopidogrel|brilinta|ticagrelor)"
)
"""A medicine that makes bleeding inside the skull after a knock more likely: an
anticoagulant, a heparin or an antiplatelet."""
_EAR_BLOCKED_OTHERWISE = (
    r"(?<!no )(?<!not a )(?<!maybe )(?<!probably )(?:cold|flu|congest\w*|sinus\w*|swim\w*|flight|"
    r"flying|plane|wax|earwax)(?! drops| softener| remover)"
)
"""What else muffles an ear (a cold, swimming, a flight, wax): then a deaf ear is no sudden
hearing loss. Wax drops bought for it, or wax only guessed ("maybe wax"), are no such cause."""
_ONSET = (
    r"(?:sudden(?:ly)?|all of a sudden|out of nowhere|out of the blue|came on (?:fast|quickly|"
    r"all at once)|just (?:started|came on|began)|started (?:an hour|about an hour|a few hours|"
    r"\d+ (?:minutes?|mins?|hours?|hrs?)|this morning|tonight|last night) ago|started (?:this "
    r"morning|tonight|last night|today)|woke (?:me )?up (?:with|to)|overnight)"
)
"""Words that place the start of a symptom within the last hours."""
_SEVERITY = (
    r"(?:severe|severely|worst|excruciating|unbearable|agoni[sz]ing|agony|terrible|horrendous|"
    r"ripping|tearing|10 ?/ ?10|"
    r"10 out of 10|doubled over|can'?t stand (?:up |straight )?"
    r"(?:from|because of|with) (?:the )?pain|screaming in pain)"
)
"""Words for pain at its worst (not "sharp" or "bad", which are everyday)."""
_HOURS_OR_DAYS = (
    r"(?:\d+|twelve|ten|eight|six|several|many|twenty[- ]four) (?:hours|hrs)|all (?:day|night)|"
    r"since (?:yesterday|last night|this morning|the morning)|(?:a|one|two|2|a whole) days?|"
    r"over a day|since (?:about |around |roughly )?(?:\d{1,2}(?:[.:]\d\d)? ?(?:am|pm|o'?clock)|"
    r"lunch(?:time)?|breakfast|midday|noon|teatime)"
)
"""A symptom's length when hours matter (fluids not kept down, no urine passed)."""
_PREGNANT = (
    r"(?:pregnan\w*|pregant\w*|pregnat\w*|pregnet\w*|preggo|preggers|"
    r"(?:\d{1,2}|twenty|thirty)[- ]?(?:\w+[- ])?(?:weeks?|wks?)(?: pregnant| along| "
    r"gestation)|(?:[12]\d|3\d|4[0-2]) ?(?:weeks?|wks?)(?! old)\W+(?:and |now |in |with )?"
    r"(?:the |my |our )?(?:baby|bump|fetus)\b|weeks along|"
    r"(?:first|second|third|1st|2nd|3rd) trimester|my (?:ob|obgyn|midwife)|due date|"
    r"(?:[4-9]|[1-3]\d|4[0-2]) ?(?:weeks?|wks?|w) (?:with|expecting) (?:my|our|her|the) "
    r"(?:first|second|third|fourth|\d(?:st|nd|rd|th)|baby|twins|son|daughter|little one)|"
    # weeks and days of gestation as midwives write them ("39+2")
    r"(?:2[4-9]|3\d|4[0-2]) ?\+ ?[0-6](?![\d.])|"
    # a message that opens with its weeks ("33 weeks, itching ...")
    r"^\s*(?:1[2-9]|2\d|3\d|4[0-2]) ?(?:weeks?|wks?)(?: pregnant)?\s*(?:[,.:;!-]|and\b|now\b))"
)
_EARLY_PREGNANCY = (
    r"(?:[3-9]|1[0-3]) ?(?:weeks?|wks?|w)\b(?! old| ago| postpartum| after)|(?:first|1st) "
    r"trimester|early pregnancy|(?:just )?found out (?:i'?m|im|i am|she'?s|she is|we'?re) "
    r"(?:pregnant|expecting)"
)
"""The first three months of a pregnancy, told by its weeks or in words."""
_SPOTTING = (
    r"spotting|bleeding|(?:bright red |fresh |brown |pink )?blood (?:when|on|in) (?:i wipe|the "
    r"(?:pad|toilet|tissue|paper))|(?:brown|pink|bloody) discharge"
)
"""Bleeding from the vagina, as people tell it."""
_GAVE_BIRTH = (
    r"(?:gave birth|giving birth|ha(?:d|ving) (?:a|my|the|our|her) baby|delivered|deliver(?:y|ing)|"
    r"post[- ]?partum|c[- ]?section|since (?:the )?(?:birth|baby was born)|after (?:the |my |her )?"
    r"(?:birth|delivery)|(?:had|having) (?:a|my|the|our|her|their) (?:son|daughter|boy|girl|twins|"
    r"little one) (?:\w+ ){0,2}?(?:\d+|a few|two|three|four|five|six|ten) (?:days?|weeks?) ago|"
    r"(?:was|were) born (?:\d+|a few|two|three|four|five|six|ten) (?:days?|weeks?) ago)"
)
_PREECLAMPSIA_SIGNS = (
    r"seeing (?:\w+ )?(?:spots|stars|flashing lights|sparkl\w+)|"
    r"(?:sparkly|flashing|sparkling) (?:spots|lights)|(?:blurry|blurred) vision|"
    r"zig ?-?zags?|(?:spots|sparkl\w*|flash\w*|lights|stars) (?:\w+ )?(?:in|across|"
    r"before) (?:my|her|the) (?:vision|eyes?)|headache\W+(?:\w+\W+){0,8}?"
    r"(?:paracetamol|tylenol|acetaminophen|painkillers?|pain ?killers?) "
    r"(?:isn'?t|is not|aren'?t|are not|won'?t|doesn'?t|don'?t|not|hasn'?t|haven'?t) "
    r"(?:even )?(?:touch\w*|help\w*|work\w*|shift\w*|doing anything)|"
    r"pain under (?:my|the|her) right ribs|"
    r"(?:right upper|upper right) (?:belly|abdomen|stomach) pain|"
    r"(?:face|hands|fingers)(?: and (?:face|hands|fingers))? (?:have |has )?(?:got "
    r"|are |is |became |went |gone |going |getting )?(?:really |very |suddenly |"
    r"so )?(?:puffy|swollen|puffed up)"
)
"""How preeclampsia's warning signs are told: spots or flashing lights, a headache painkillers
do not touch, pain under the right ribs, a face or hands gone puffy."""
_LATE_PREGNANCY = r"pregnan\w*|(?:2\d|3\d|4[0-2]) (?:weeks|wks)|third trimester"
"""A pregnancy, told as one or by its week from the twentieth on (when preeclampsia comes)."""
_BIRTH_LONG_AGO = r"(?:months?|years?|yrs?) (?:ago|since|after)|last year"
"""Words that put a birth months or years back: past the weeks preeclampsia can follow it."""
_SEROTONERGIC = (
    r"(?:ssris?|snris?|sertraline|zoloft|fluoxetine|prozac|paroxetine|paxil|citalopram|celexa|"
    r"escitalopram|lexapro|venlafaxine|effexor|duloxetine|cymbalta|desvenlafaxine|pristiq|"
    r"tramadol|ultram|trazodone|linezolid|mdma|molly|ecstasy|st\.? john'?s wort|sumatriptan|"
    r"triptans?|dextromethorphan|antidepressants?|mao inhibitors?|maois?)"
)
_ANTIPSYCHOTIC = (
    r"(?:antipsychotics?|haloperidol|haldol|risperidone|risperdal|olanzapine|zyprexa|"
    r"quetiapine|seroquel|aripiprazole|abilify|ziprasidone|geodon|chlorpromazine|"
    r"metoclopramide|reglan|clozapine|clozaril|lurasidone|latuda)"
)
_FEVERISH = (
    rf"{_FEVER}|feverish|burning hot|(?:a|high|has a|had a|have a|got a|running a|with a) "
    r"temp(?:erature)?"
    r"(?!\w)"
)
_ALLERGEN = (
    r"stung|stings?|bee|wasp|hornet|ate|eaten|eating|peanuts?|nuts?|shellfish|allerg\w*|"
    r"eggs?|sesame|first (?:time )?(?:trying|tried|taste|tasting|bite)|(?:trying|tried) "
    r"(?:\w+ ){0,2}?for the first time"
)
"""What a swelling of the face or lips can be a reaction to."""
_ALLERGEN_TOLD = _rx(_ALLERGEN)
_AMOUNT_OF = (
    r"(?:up|some|a|little|bit|of|streaks?|specks?|spots?|flecks?|traces?|bits?|bright|red|fresh|"
    r"dark|lots|small|tiny|amounts?|blobs?|clots?|pink)"
)
"""Words between a cough and the blood it brings up ("coughing up little specks of")."""
_COUGHED_BLOOD = (
    rf"cough\w*(?: up)? (?:{_AMOUNT_OF} ){{0,3}}?(?:blood|bloody)(?!\s+(?:pressure|tests?|sugars?|"
    r"thinners?|counts?|levels?|work|donors?))|(?:blood|bloody|blood[- ]streaked|streaks of blood|"
    r"specks of "
    r"blood) (?:in )?(?:my |his |her |the )?(?:phlegm|sputum|mucus)|(?:phlegm|sputum|mucus) "
    r"(?:(?!no |not |without )\w+ ){0,4}?(?:blood\b|bloody|red streaks|streaked with blood)"
)
"""Blood coughed up, in any amount ("coughing up streaks of blood", "blood in my phlegm"), not a
cough told beside a blood test or blood pressure."""
_ACE_INHIBITOR = (
    r"ace[- ]inhibitors?|\w+pril|tritace|zestril|prinivil|vasotec|coversyl|accupril|altace|"
    r"lotensin"
)
_GLIFLOZIN = r"\w+gliflozin|jardiance|forxiga|farxiga|invokana"
"""An SGLT2 medicine, by its generic ending or a common brand."""
_AGE_80_PLUS = r"(?:[89]\d|1[01]\d)"
_VERY_OLD = (
    rf"\b{_AGE_80_PLUS}[- ]?(?:yo|y/o|yrs?|years?)\b|\({_AGE_80_PLUS}\)|\b(?:is|aged|age|she'?s|"
    rf"he'?s|turned|now|(?:dad|mum|mom|father|mother|nan|nana|gran|granny|grandad|grandpa|"
    rf"grandma|grandmother|grandfather)(?:'?s)?) {_AGE_80_PLUS}\b"
)
"""Someone aged 80 or more, as written ("is 88", "mum (84)", "91 years old"), not any number
in the 80s ("weighs 95 kg", "a pulse of 90")."""
_FRAIL = rf"{_VERY_OLD}|frail|nursing home|care home"
"""Someone aged 80 or more, frail, or living in a care home."""
_HOT_JOINT = (
    r"(?:joint|knee|knees|ankle|toe|toes|wrist|elbow|hip|shoulder|knuckle)\W+"
    r"(?:\w+\W+){0,4}?(?:red|hot|swollen)(?:,|\W+and| and| n)?\W+(?:\w+\W+)?"
    r"(?:hot|swollen|red)\b(?! (?:chil\w*|pepper\w*|sauce))|"
    r"(?:red|hot|swollen)(?:,| and)? (?:and )?(?:red|hot|swollen) (?:big )?"
    r"(?:joint|knee|ankle|toe|wrist|elbow|knuckle)"
)
"""A joint told as red, hot or swollen, two of the three ("knee is hot and swollen", "a red,
swollen toe")."""
_SMALL_CHILD = (
    r"toddler|baby|infant|(?:[1-5]|one|two|three|four|five)(?: and a half)?[- ]?(?:yo|y/o|yrs?|"
    r"years?)(?:[- ]old)?\b|\d{1,2}[- ]?months?[- ]old"
)
"""A child under school age, as parents write it ("my 2 and a half year old", "3yo")."""
_CHILD_AGE_TOLD = (
    r"(?:son|daughter|boy|girl|grandson|granddaughter|he|she)(?:'s| is) (?:[1-9]|1[0-2])"
    r"(?!\d|[.,]\d|:)"
    r"(?! ?(?:weeks?|months?|days?|hours?|minutes?|mins?|hrs?|o'?clock|am|pm|kg|lbs?|stone|%))"
)
"""A child's age told after the child ("my son is 4", "he is 8"), not a time or a weight."""
_SKIN_ALL_OVER = (
    r"(?:hives|welts|wheals|lumps|bumps|blotches|rash)\W+(?:\w+\W+){0,4}?(?:all over|everywhere|"
    r"spreading)|all over (?:my|his|her|their) (?:body|skin)"
)
"""A skin reaction told as widespread ("itchy lumps all over my body", "hives everywhere")."""
_OTHER_SYSTEMS_FINE = (
    r"no (?:trouble|problems?|difficulty|issues?) (?:with )?breathing|no breathing (?:problems?|"
    r"trouble|difficulty|issues?)|breathing (?:is )?(?:fine|ok|okay|normal)|lips (?:are |look )?"
    r"(?:fine|ok|okay|normal)|no swelling|nothing else|no other symptoms|otherwise (?:fine|well)"
)
"""Breathing and lips told to be fine: hives alone then are no anaphylaxis."""
_AFTER_A_UROLOGY_PROCEDURE = (
    r"cystoscop\w*|catheter\w*|biops\w*|turp|lithotripsy|stent|ureteroscop\w*|"
    r"(?:prostate|bladder|kidney) (?:surgery|operation|procedure)|diagnos\w*"
)
"""A procedure on the urinary tract, after which pink urine is expected for a day or two, or
a diagnosis already made of what the blood was from: no new blood to be checked."""
_RELIEVER_NAMED = r"(?:blue|reliever|rescue|ventolin|salbutamol|albuterol|proair|inhaler|puffer)"
"""An asthma reliever inhaler as people name it, before how often it is needed."""
_ANTIHISTAMINE_TAKEN = (
    r"(?:took|taken|had|given|gave (?:him|her|them)) (?:an? |my |his |her |some |one |two )?"
    r"(?:\w+ )?(?:antihistamines?|cetirizine|zyrtec|loratadine|claritin|piriton|chlorphenamine|"
    r"benadryl|diphenhydramine|fexofenadine|allegra|telfast|hayfever tablets?)\b[^.?!]{0,40}?"
    r"\b(?:this morning|last night|yesterday|hours? ago|earlier|still)"
)
"""An antihistamine taken hours before and the hives still there: a skin reaction with time
to show more, and none told."""
_BREATH_HOLDING_SPELL = _rx(
    r"(?:cries|crying|cry|cried|upset|tantrum|screaming|screams|hurts? (?:him|her)self)"
    r"[^.?!]{0,80}?\b(?:goes|went|gone|turns?|turned|falls?|fell) (?:silent|quiet)\b[^.?!]{0,80}?"
    r"\b(?:blue|bluish|purple|grey|gray)\b(?:[^.?!]{0,80}?\b(?:floppy|limp)\b)?"
)
"""A breath-holding spell: a toddler cries, falls silent, turns blue and may go limp for a
moment, then comes round; its colour and limpness are no sign of a breathing emergency."""
_LASTING_OR_RECURRING = (
    r"for (?:\d+|a few|several|two|three|four|five|six|a couple of) (?:days|weeks|months)|"
    r"(?:days|weeks|months) now|(?:come|comes|coming|came) and go\w*|on and off|off and on|"
    r"every (?:few |couple of )?(?:hours|days)|keeps? (?:coming back|getting them)"
)
"""A complaint told to have lasted days or to come and go: no sudden reaction now."""
_MALARIA_PLACES = (
    r"africa|ghana|nigeria|kenya|tanzania|uganda|malawi|zambia|mozambique|sierra leone|cameroon|"
    r"congo|gambia|senegal|ethiopia|sudan|india|pakistan|bangladesh|papua|the amazon|the tropics"
)
_MALARIA_TRIP = (
    r"malaria|anti-?malarials?|malarone|(?:back|home|returned|came back|got back|flew back|"
    rf"arrived back) from (?:\w+ ){{0,3}}?(?:{_MALARIA_PLACES})|(?:trip|holiday|travel\w*|"
    rf"safari|visit\w*) (?:to|in) (?:\w+ ){{0,2}}?(?:{_MALARIA_PLACES})|(?:{_MALARIA_PLACES}) "
    r"(?:trip|holiday|safari|visit)"
)
"""A trip to where malaria is, or malaria named: a fever after it needs a malaria test today."""
_ALTITUDE = (
    r"altitude|mountain sickness|base camp|\d{4}\s?(?:m|metres|meters)|\d{1,2},\d{3}\s?(?:ft|feet)"
)
"""High altitude, as trekkers write it ("at 4200m", "above 12,000 ft")."""
_HEAD_PAIN = r"headaches?|head (?:is |was )?(?:pounding|killing|splitting|hurts|hurting|aches)"
_STIFF_NECK = (
    r"stiff neck|neck (?:is |feels |was |got |getting )?(?:\w+ )?(?:stiff|hurts?|hurting|sore|"
    r"painful|pain)|(?:can'?t|cannot|won'?t|unable to) (?:bend|put|touch|move|lower) "
    r"(?:\w+ ){0,2}?(?:chin|neck|head) (?:down|to|forward)"
)
"""A neck told stiff or hurting, or that the chin cannot go to the chest."""
_PURPLE_SPOTS = (
    r"(?:purple|purplish|dark red|bruise[- ]like)(?:[- ]red)? (?:spots|rash|dots|blotches|patches|"
    r"marks)|petechia\w*"
)
_NOT_FADING = (
    r"(?:rash|spots|dots|blotches|specks|marks)\W+(?:\w+\W+){0,8}?(?:don'?t|doesn'?t|won'?t|"
    r"didn'?t|does not|do not|not|isn'?t|never) (?:fade|blanch|go (?:white|pale)|(?:go away|"
    r"disappear) (?:\w+ ){0,2}?(?:when|if|under) (?:\w+ ){0,3}?(?:press\w*|push\w*|a glass))|"
    r"non[- ]?blanching|"
    # the glass test told in two steps: "pressed a glass on them and they didn't go away"
    r"press\w* (?:a |the )?glass (?:on|against|over|onto) (?:them|it|the \w+)\W+(?:\w+\W+){0,6}?"
    r"(?:didn'?t|didnt|don'?t|dont|won'?t|wont|did not|do not|does not|doesn'?t|not|never) "
    r"(?:fade|go away|disappear|blanch|go white|go pale|change)"
)
"""Spots that do not fade when pressed (the glass test)."""
_LIGHT_HURTS = (
    r"(?:light|bright lights?|the light|lights?) (?:\w+ )?(?:hurts?|bothers?|hurting) (?:my|his|"
    r"her|their) eyes|(?:sensitive|sensitivity) to (?:the )?light|photophobi\w*|can'?t "
    r"(?:stand|bear|look at) (?:the )?light"
)
"""A fever, also told the British way ("she's got a temperature")."""
_URINARY = (
    r"(?:uti|cystitis|bladder infection|water infection|urine infection|urinary|pee\w*|"
    r"urinat\w*|wee|wees|weeing|kidney infection|(?:burn\w*|sting\w*) when)"
)
_EXERTION = (
    r"(?! (?:after|from|when|while|during) (?:running|the race|a run|a race|exercise|exercising|"
    r"working out|the gym|climbing|playing|sports|training|jogging|a workout|practice|hiking))"
)
_CLOT_BREATH = (
    rf"short(?:ness)? of breath{_EXERTION}|out of breath{_EXERTION}|breathless{_EXERTION}|"
    rf"(?:get|gets|getting|got|feel|feels|feeling|felt) (?:so |really |very |easily )?"
    rf"(?:winded|puffed out|out of puff){_EXERTION}|"
    r"can'?t catch (?:my|her|his) breath|"
    r"(?:hurts?|pain\w*|sharp) (?:\w+ ){0,6}?when (?:i |she |he )?(?:breathe|take a (?:deep )?"
    r"breath|breathing in|breathe in)|(?:hurts?|painful) to (?:breathe|take a (?:deep )?breath)"
)
"""Breathlessness, or chest pain on breathing in, the lungs' signs of a clot."""
_CLOT_RISK = (
    r"c[- ]?section|gave birth|had (?:the|my|our|a) baby|post[- ]?partum|(?:days|weeks?) after "
    r"(?:my |the |her |his )?(?:surgery|operation|op|birth|delivery)|(?:surgery|operation|"
    r"c[- ]?section|arthroscopy|procedure|keyhole \w+|\w+ectomy|\w+oscopy|\w+plasty|repair) "
    r"(?:\w+ ){0,2}?(?:\d+|a few|two|three|four|five|six|ten) (?:days|weeks?) ago|"
    r"long (?:\w+ )?(?:flight|drive|car ride|trip|journey|coach ride|bus ride|train ride)|"
    r"(?:flying|flew|flight|flights) (?:back|home|from|to)|"
    r"(?:on|taking|started) (?:the )?(?:combined )?(?:pill|birth control|contraceptive "
    r"pills?|hrt|estrogen|oestrogen)|(?:knee|hip|joint) replacement (?:\w+ ){0,2}?(?:\d+|a few|"
    r"two|three|four|five|six|ten) (?:days|weeks?) ago"
)
"""What makes a blood clot more likely: a recent birth or operation, a long journey, hormone
pills."""
_HEADACHE = r"headaches?|head (?:hurts|pain|aches)"
_HIGH_MMOL = r"(?:1[4-9]|[23]\d)(?:[.,]\d)?\s*mmol|(?:1[4-9]|[23]\d)[.,]\d"
"""A high blood sugar told in mmol/L (14 or more, about 250 mg/dL), with its decimal or unit so
that no age or count reads as one."""
_VERY_HIGH_BP = (
    r"(?:(?:1[89]\d|2\d\d)\s*(?:/|over)\s*\d{2,3}|\d{2,3}\s*(?:/|over)\s*(?:1[2-9]\d))"
)
"""A blood pressure reading of 180/120 or more (either number)."""
_FIT_TOLD = r"\bfit\b|\bfits\b|fitting|seiz\w*|convuls\w*"
"""A fit told by name ("a fit", "fitting", "seizures"); not "fitness" nor clothes that fit."""
_SUGAR = r"(?:blood sugars?|sugars?|glucose|bgs?|bs|blood glucose|readings?|meter|cgm|dexcom|libre)"
_SUGAR_NOT_KETONES = rf"(?<!ketone )(?<!ketones ){_SUGAR}"
"""A sugar reading's word that no ketone names ("the ketone meter says 2.1" is no low sugar)."""
_SUGAR_TOLD_BARE = (
    rf"{_SUGAR} (?:levels? )?(?:are|is|was|were|of|at|read|reads|reading|running at|(?:have|has) "
    r"been|(?:went|gone|shot) up to) (?:about |around |over |nearly |still )?(?:1[4-9]|[23]\d)\b"
    r"(?![.,]?\d|\s*(?:years?|yrs?|yo|months?|weeks?|days?|hours?|times|%|units?|mg|grams?|g\b))"
)
"""A high blood sugar told as a bare number right after the word (14 to 39: mmol/L, since no
reading in mg/dL that low is called high)."""
_HIGH_SUGAR_SIGNS = (
    r"vomit\w*|throw\w* up|threw up|puk\w*|(?:being|been) sick|fruity|nail polish|acetone|"
    r"(?:can'?t|cant|cannot|can not|unable to) keep (?:anything|any ?thing|food|fluids?|water|"
    r"drinks?|liquids?) down|"
    r"breath\w* (?:\w+ )?(?:fast|hard|deep|heavy|weird)|confus\w*|drows\w*|hard to wake|"
    r"can'?t (?:keep|stay) awake|muddled|disoriented|(?:very|v|really|so) sleepy|"
    r"(?:doesn'?t|doesnt|does not|can'?t|cant) (?:know|tell) what (?:day|year) it is"
)
"""Signs beside a high sugar that make it ketoacidosis (or a hyperosmolar state)."""
_AFTER_MISSED_DIALYSIS = (
    r"weak\w*|heavy|heaviness|palpitations?|flutter\w*|(?:heart|pulse)\W+(?:\w+\W+){0,4}?"
    r"(?:racing|pounding|skipping|missing|irregular|funny|slow)|breathless\w*|short of breath|"
    r"can'?t (?:catch (?:my|his|her) )?breath\w*|chest (?:pain|tight\w*)|swollen|confus\w*"
)
"""What a missed dialysis brings: a high potassium (weak, heavy legs, a heart that skips) or
fluid (breathless, swollen)."""
_ELECTRICAL = (
    r"(?:electric\w*|outlet|socket|live wire|power ?lines?|electrical (?:cord|wire)s?|volts?|"
    r"voltage|lightning|electric fence|mains|rewir\w*|wiring)"
)


_NOT_JUST_BEFORE = "".join(
    rf"(?<!\b{cue} )"
    for cue in (
        "no", "not", "nor", "without", "denies", "never", "no a", "no high", "not on any",
        "not on", "not taking any", "not taking", "no longer on", "any",
    )
)  # fmt: skip
"""A context said right after a negation ("no fever", "not on any blood thinners") is not
there."""


_MOUTH_SIGN = (
    r"(?:ulcers?|sores?|white patch\w*|red patch\w*|lumps?)\W+(?:\w+\W+){0,5}?(?:on|in|inside|"
    r"under) (?:the )?(?:\w+ )?(?:of )?(?:my|his|her|the) (?:tongue|mouth|gums?|lips?|cheeks?)|"
    r"(?:tongue|mouth|gum|lip|cheek) (?:ulcers?|sores?)|(?:voice|throat) (?:\w+ ){0,3}?(?:hoarse|"
    r"croaky|husky|raspy|gravelly)|hoarse(?:ness)?(?: voice)?"
)
"""A sore or patch in the mouth, or a hoarse voice."""
_WEEKS_LONG = (
    r"(?:(?:for|about|over|been|past|last|nearly|almost|like|now)\b[^.?!]{0,15}?)?(?:(?:[3-9]|1\d|"
    r"three|four|five|six|seven|eight|several|a few|many) (?:weeks?|wks?|months?)|(?:weeks|months)|"
    r"(?<=for )a month|(?:about|over|nearly|almost|more than) a month)(?! old)\b"
)
"""A length of three weeks or more (not an age: "a 6 month old")."""
_MOUTH_SIGN_EXPLAINED = (
    r"(?:cold|flu|covid|laryngitis|tonsillitis) (?:\w+ ){0,3}?(?:last|this) week|shout\w*|sing\w*|"
    rf"(?:braces|brace|dentures?) (?:\w+ )?(?:rub\w*|new)|{_STEROID_INHALER}|(?:wipe|wipes|"
    r"wiped|rub|rubs|rubbed|scrape|scrapes|scraped|brush|brushes) (?:\w+ )?off|"
    r"every (?:few |couple of |\d+ )?(?:weeks|"
    r"months)|come and go|keep getting|\d+ ?(?:months?|weeks?)[- ]old|started \w+ (?:\d+|a few|"
    r"two|three) "
    r"weeks ago"
)
"""A cause told (a cold last week, shouting, new braces, a new medicine), ulcers that come and
go, or a baby's age: the sign is no lasting one to check for cancer."""
HIGH_POTASSIUM = "high potassium on a blood test"
HIGH_POTASSIUM_TODAY = "raised potassium on a blood test"
_POTASSIUM = r"\bpotassium\b|\bk\+|\bk\b"
_UP_TO_ITS_VALUE = (
    r"(?: \w+){0,4}? ?(?:was |is |of |at |came back |level |levels? (?:is |was |of )?|result "
    r"(?:is |was |of )?|[:=] ?)?"
)
_POTASSIUM_TOLD = rf"(?P<key>{_POTASSIUM}){_UP_TO_ITS_VALUE}"
"""A potassium result told ("potassium came back 6.8", "K+ 6.2"), up to its value (its word the
card's key)."""
_POTASSIUM_SAID = rf"(?:{_POTASSIUM}){_UP_TO_ITS_VALUE}"
"""The same, inside a pattern that names its own key."""
_NOT_AN_AMOUNT = r"\b(?! ?(?:mg|mcg|g|ml|%|years?|weeks?|days?))"
_ABROAD = (
    r"abroad|overseas|on (?:holiday|vacation|a trip|safari|a gap year)|travell?ing|backpacking|"
    r"while (?:away|travell?ing)|(?:got|came|flew) (?:back|home) from"
)
"""Told as having happened on a trip abroad."""


_PANIC_NAMED = _rx(
    r"[^.?!]{0,160}\b(?:panic|anxiety) attacks\b"
    r"(?:(?!\b(?:but|now|lips|blue|grey|gray)\b)[^?!]){0,160}",
    # "what is a panic attack? I keep getting them ...": named and recurring
    r"(?:panic|anxiety) attack\W+(?:\w+\W+){0,6}?(?:keep|kept|keeps) (?:getting|"
    r"having) (?:them|these)\b[^?!]{0,160}",
)
"""Recurring attacks the person names as panic or anxiety: no emergency now (up to "but" or
"now", and never blue lips, which no panic brings)."""


def _given(
    contexts: tuple[str, ...], key: str, unless: tuple[str, ...] = ()
) -> re.Pattern[str]:
    """A pattern for ``key`` words when every one of ``contexts`` is somewhere in the message,
    not right after a negation ("lithium" anywhere, then "vomiting"; not "no fever"), and none
    of ``unless`` is: anchored at the start, judged by its ``key``."""
    ahead = "".join(
        rf"(?=[\s\S]*\b{_NOT_JUST_BEFORE}(?:{context})(?!\w))" for context in contexts
    )
    absent = "".join(rf"(?![\s\S]*\b(?:{other}))" for other in unless)
    return re.compile(rf"^{absent}{ahead}[\s\S]*?\b(?P<key>{key})\b", re.IGNORECASE)


_AFTER_MENOPAUSE = (
    r"(?:periods?|menstruation|bleeds?) (?:\w+ ){0,2}?(?:stopped|finished|ended|stopping) "
    r"(?:\w+ ){0,3}?(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|"
    r"a few|a couple of) (?:years?|yrs?)(?: ago)?|(?:after|since|past|through|gone through|been "
    r"through|finished|finished with) (?:the |my |her )?menopause|post-?menopaus\w*|menopause "
    r"(?:\w+ ){0,3}?(?:\d+|a|one|two|three|four|five|six|several|many) years? ago|(?:no|"
    r"(?:haven'?t|havent|hasn'?t|hasnt|not) had (?:a |any )?)periods? "
    r"(?:for|in) (?:over |more than )?(?:a year|\d+ years?|(?:two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|fifteen|twenty|several|many) years)"
)
"""Periods told as stopped a year or more ago: "my periods ended five years back", "since the
menopause", "postmenopausal"."""
_VAGINAL_BLOOD = (
    r"bleed\w*|spotting|spots? of (?:blood|red)|(?:pink|pinkish|brown|brownish|red) "
    r"(?:\w+ )?(?:discharge|spotting|stain\w*|streaks?)|blood (?:\w+ ){0,3}?(?:on|in) (?:the |my "
    r"|her )?(?:tissue|toilet paper|loo roll|pants|knickers|underwear|pad|panty ?liner)"
)
"""Blood from the vagina, however little ("a brown stain in my knickers")."""
_BLEEDS_ELSEWHERE = (
    r"gums?|nose ?bleeds?|nose|ears?|bum|bottom|back passage|rectal|rectum|piles|ha?emorrhoids|"
    r"stools?|poo+|urine|pee|wee|mouth|teeth|tooth|cut|graze|wound|nipples?|cough\w*|vomit\w*"
)
"""Another place a bleed may come from: then it is not from the vagina."""
_ON_HRT_BLEEDS = (
    r"(?:period|monthly|withdrawal) bleeds? (?:\w+ ){0,3}?(?:hrt|hormone replacement)|"
    r"(?:hrt|hormone replacement)[^.?!]{0,40}\b(?:period|monthly|withdrawal) bleeds?"
)
"""Monthly bleeds expected on cyclical HRT, told as such."""
_SUGAR_LOWERING = (
    r"insulin|novorapid|humalog|lantus|levemir|tresiba|toujeo|humulin|gliclazide|diamicron|"
    r"glipizide|glimepiride|amaryl|glibenclamide|glyburide|sulfonylureas?|sulphonylureas?"
)
"""A diabetes medicine that can bring the blood sugar too low on its own (insulin, a
sulfonylurea); metformin, gliptins and the newer tablets alone seldom do."""
_RECURRING_SPELLS = (
    r"every time|whenever|each time|(?:happened|happens|had (?:it|them|these|this)) (?:\d+|a few|"
    r"several|many|two|three|four|five|a couple of) times|(?:been|started|for|over) (?:about |over "
    r"|nearly |almost )?(?:a|one|two|three|four|\d+) (?:weeks?|months?)|(?:a|one|two|\d+) weeks? "
    r"(?:now|ago)"
)
"""Words that tell spells coming back over days or weeks ("every time I roll over", "it's
happened 4 times now", "started a week ago")."""
_FEARED_SPELL = _given(
    (_RECURRING_SPELLS,),
    r"(?:terrified|scared|worried|afraid|frightened|paranoid|panicking|convinced|thought|"
    r"worrying|wonder(?:ing)? if)(?: that)? (?:(?:i'?m|im|i am|i was|he'?s|hes|he is|he was|"
    r"she'?s|shes|she is|she was|they'?re|they are) )?(?:having|had) (?:a |an )?(?:stroke|"
    r"mini[- ]stroke|tia|fits?|seizures?|convulsions?)"
    r"(?![^.?!]{0,30}\b(?:now|right now|at the moment|currently|this minute)\b)",
)
"""A stroke or fits feared for spells that have come and gone for days ("the room spins every
time I roll over … terrified I'm having a stroke"): the fear is no stroke or fit happening now;
the signs told, if any, are judged on their own. "I think she's having a fit", or a fear told
of now ("scared he's having a seizure right now"), still counts."""


_HEARSAY_FAINT = _rx(
    r"(?:friend|mate|colleague|workmate|neighbou?r|cousin|someone|somebody|people)\W+"
    r"(?:\w+\W+){0,3}?(?:fainted|passed out|blacked out|collapsed) (?:on|from|after "
    r"(?:taking|starting)|because of|with) (?:it|them|this|that|these|those|the "
    r"(?:same )?(?:\w+ )?(?:tablets?|pills?|drug|medicine|medication))\b"
)
"""Someone else's faint told as a medicine's effect ("is tamsulosin safe? my friend fainted on
it"): hearsay about the medicine, not a faint to act on."""


_NEW_DOTS = (
    r"(?:(?:an? )?(?:sudden )?(?:shower|burst|cloud) of (?:new )?|(?:lots|loads|tons|hundreds|"
    r"a bunch) of (?:new )?|new |sudden )(?:\w+ )?(?:black|dark|grey|gray) (?:dots|spots|specks|"
    r"flecks)"
)
"""Floaters told in lay words: new dark dots, a shower of black specks (not dark spots alone,
which light-headedness on standing also brings)."""

_UNPLANNED_WEIGHT_LOSS = (
    r"(?:lost|losing|lose|dropped|dropping) (?:about |nearly |almost |over |more than )?"
    r"(?:a (?:lot of )?|(?:a |half a |\d+ )?(?:stone|st|kg|kilos?|lbs?|pounds) (?:of )?)?weight"
    r"(?: \w+)? (?:without (?:trying|meaning to|dieting)|for no reason)|"
    r"(?:lost|losing|dropped) (?:about |nearly |almost |over |more than )?(?:a |half a |\d+ ?)"
    r"(?:stone|st|kg|kilos?|lbs?|pounds)\b[^.?!]{0,20}?(?:without (?:trying|meaning to|"
    r"dieting)|for no reason|not trying)|unexplained weight loss|weight loss without trying"
)
"""Weight lost without trying ("lost nearly a stone without trying")."""


_OPIOID = (
    r"heroin|fentanyl|carfentanil|opioids?|opiates?|oxy\w*|morphine|methadone|tramadol|"
    r"codeine|hydrocodone|percocet|vicodin|dope|smack"
)
"""Drugs whose overdose stops breathing."""

_OPIOID_STOPPED = (
    r"(?:off|stopped|stopping|quit|quitting|coming off|came off|cut out|ran out of|run out of|"
    r"cold turkey (?:from|off|on)) (?:(?:my|the|his|her|all|of) ){0,2}(?:heroin|fentanyl|"
    r"opioids?|opiates?|oxy|oxys|oxycodone|oxycontin|morphine|methadone|tramadol|codeine|"
    r"co-?codamol|dihydrocodeine|hydrocodone|percocet|vicodin|buprenorphine|subutex|suboxone|"
    r"painkillers|pain ?pills)"
)
"""An opioid just stopped ("day 2 off oxy", "ran out of my tramadol")."""

_OPIOID_WITHDRAWAL_SIGNS = (
    r"sweat\w*|yawn\w*|goose ?(?:bumps|pimples|flesh)|runny nose|diarrh?o?ea|the runs|"
    r"(?:ach\w*|hurt\w*|pain) (?:all over|everywhere)|restless legs|chills|cold sweats|"
    r"dope ?sick|withdrawals"
)
"""What opioid withdrawal brings: sweats, yawning, goosebumps, runny nose, the runs, aching all
over ("withdrawals" as told of oneself; "withdrawal symptoms" in a question is general)."""

_NO_STOOL = (
    r"(?:no|not had a|haven'?t had a|hasn'?t had a|not done a|haven'?t done a|not passed a) "
    r"(?:poo|poop|bowel movement|number two|stool|bm)|(?:not|haven'?t|hasn'?t) (?:yet )?"
    r"(?:pooed|pooped|opened (?:my|his|her) bowels|been for a poo|had (?:a )?(?:poo|bowel "
    r"movement))|constipated|bunged up"
)
"""No stool passed ("no poo since", "haven't opened my bowels", "constipated")."""

_DAYS_ON_END = r"(?:[3-9]|1\d|three|four|five|six|seven|eight|nine|ten) days|a week|over a week"
"""Several days on end (three or more)."""

_BLOCKED_BELLY = (
    r"bloat\w*|cramp\w*|swollen|distended|(?:belly|tummy|stomach|abdomen|abdominal) (?:\w+ )?"
    r"(?:pain|ache|hurts?)|nause\w*|feel\w* sick|being sick|vomit\w*"
)
"""A belly that a stool not passed has made unwell (bloating, cramps, pain, sickness): a
question about the best laxative alone is not it."""

_IBD = r"colitis|uc|crohn'?s|ibd|inflammatory bowel"
"""Inflammatory bowel disease told by name or initials."""

_DIABETES_TOLD = (
    r"diabet\w*|type (?:1|2|one|two|i|ii)\b(?! (?:error|hypersensitivity|allergy|reaction))|"
    r"t[12]dm?|insulin|metformin|gliclazide|neuropath\w*"
)
"""Diabetes told by name, type or medicine, or the neuropathy that hides foot pain."""

_FOOT_PART = r"(?:foot|feet|toes?|heel|sole|instep)"
_INFLAMED = r"red|hot|warm|swollen|puffy"

_VERY_LOW_INTAKE = (
    r"(?:[1-7]\d\d|[1-9]\d|800) ?(?:calories|kcal|cals)(?: \w+){0,2}? (?:a|per|each) day|"
    r"(?:barely|hardly) (?:eating|eaten|eat) (?:anything|at all)|(?:starv\w+|restrict\w+) "
    r"(?:myself|herself|himself)"
)
"""Food cut to far below need ("500 calories a day", "barely eating anything")."""

_STARVED_BODY = (
    r"dizzy|faint\w*|light-?headed|black(?:ed|ing)? out|palpitations?|heart (?:\w+ ){0,2}?"
    r"(?:racing|pounding|slow|skipp\w+|irregular)|chest pain|(?:hands|feet|fingers|toes) "
    r"(?:\w+ ){0,3}?(?:go|goes|going|turn|turns|turning|are|look) (?:purple|blue)|collaps\w*"
)
"""What starving does to the body that needs a doctor today: dizziness or fainting, a heart
that races or slows, purple hands and feet."""


_IN_SENTENCE = r"(?:[^\w.?!]|[.](?!\s))+"
"""Non-word characters that do not end a sentence (the point of "6.9" does not)."""
_A_FALL = r"(?:fell|fall|fallen|falling)(?!\s+(?:asleep|ill|sick|pregnant|apart|out\b|behind))"
"""A fall, not falling asleep, ill or pregnant ("fell asleep in my contact lenses")."""
_TO_HOSPITAL = (
    r"(?:go|get|come) (?:straight |right )?(?:to|into|in to) (?:a ?& ?e|a and e|the er|er|"
    r"the emergency|emergency|hospital|the hospital|casualty)"
)
"""Going to the hospital's emergency department."""
_OPERATED = (
    r"c-?section|caesarean|cesarean|surgery|operation|\bop\b|operated|incision|"
    # stitches put in, not asked for ("does this cut need stitches?")
    r"(?<!need )(?<!needs )(?<!needed )(?<!require )(?<!requires )(?<!get )stitches|"
    r"staples|keyhole|laparoscop\w*|vasectomy|hernia repair|(?:appendix|gallbladder|gall "
    r"bladder|thyroid|part of (?:my|his|her) \w+) (?:out|removed)|removed part of|(?:hip|knee) "
    r"replacement"
)
"""An operation told (a wound, its kind or a part taken out)."""
_BLACK_STOOLS = (
    r"(?:poos?|poops?|stools?|bowel movements?|motions?)\W+(?:\w+\W+){0,3}?(?:black|tarry|"
    r"like tar|jet black)|(?:black|tarry)(?: and)? (?:sticky |smelly |tarry )?(?:poos?|poops?|"
    r"stools?|bowel movements?)|"
    r"(?:loo|toilet)\W+(?:\w+\W+){0,4}?black (?:and sticky )?like tar"
)
"""Black, tarry stools told in lay words (bleeding high in the gut, or iron tablets)."""
_BLOOD_LOST = (
    r"(?:nearly |almost )?(?:passed out|fainted|blacked out|collapsed)|(?:very|really|so|"
    r"deathly|grey and|white as a sheet and) pale|pale (?:and|as) (?:grey|a ghost|sweaty|clammy)"
)
"""Signs that much blood has been lost: fainting or nearly, a marked pallor."""
_GUT_BLEED_DRUG = r"aspirin|ibuprofen|naproxen|diclofenac|nsaids?|anti-?inflammator\w*"
"""Medicines that make the stomach bleed: aspirin and the anti-inflammatory painkillers."""
_DIZZY_ON_STANDING = (
    r"(?:dizzy|light[- ]?headed|faint|woozy) (?:when|on|if|as soon as) (?:i |he |she )?(?:stand|"
    r"stood|get up|got up|standing|getting up)"
)
"""Dizzy or light-headed on standing up: the blood pressure falls, as with a fever's sepsis or
blood lost."""
_NOT_FROM_THE_WOMB = r"gums?|nose\w*|piles|ha?emorrhoids?"
"""Bleeding common in pregnancy that is no sign of the pregnancy's: gums, nose, piles."""
_NOT_PREGNANT_NOW = (
    r"(?:get|getting|become|becoming|fall|falling|end up) pregnant|pregnancy scare|"
    r"(?:sister|friend|cousin|colleague|co-?worker|neighbou?r|aunt|niece|(?:sister|daughter)[- ]"
    r"in[- ]law)(?:'s| is| who is) (?:\w+ )?pregnant"
)
"""A pregnancy feared or hoped for ("could I get pregnant?"), or a pregnant relative or friend
told beside another person's complaint: no pregnancy of the person with the complaint."""
_LATER_SPOTTING = _given(
    (_PREGNANT,), _SPOTTING, unless=(_EARLY_PREGNANCY, _NOT_FROM_THE_WOMB, _NOT_PREGNANT_NOW)
)
"""Bleeding told in a pregnancy past its first three months (or of unknown length)."""


@dataclass(frozen=True)
class Concept:
    """One kind of emergency: its trigger lexicons, its exclusions, and what to do."""

    kind: str
    advice: str
    signs: tuple[re.Pattern[str], ...] = ()
    """What is happening to someone: counts unless negated, past, a topic or asked in general."""
    events: tuple[re.Pattern[str], ...] = ()
    """The emergency named as happening: counts only when the question is about a person."""
    asked: tuple[re.Pattern[str], ...] = ()
    """Wording that is a red flag even in a general question (only negation cancels it)."""
    exclusions: tuple[re.Pattern[str], ...] = ()
    """General uses and idioms of this concept's words; a trigger inside one does not count."""
    sudden: bool = False
    """An emergency that comes on suddenly: a sign of it that has lasted weeks
    (:data:`_LONG_STANDING`) does not count."""
    urgency: Urgency = EMERGENCY
    """:data:`EMERGENCY` (now), :data:`SAME_DAY` (be seen today) or :data:`SOON` (within
    days)."""
    exposure: bool = False
    """A contact whose danger follows it ("was in the waiting room with a child with
    measles"): told in the past tense, it still counts."""
    window: bool = False
    """An ``exposure`` whose treatment has a window (shots after a bite, antibiotics after a
    contact): told as years ago (:data:`_LONG_AGO`), it no longer counts."""


_DOUBLE_DOSE = (
    # an extra contraceptive pill is no poisoning (the leaflet's own advice for a missed one)
    r"(?![^.?!]{0,60}?\b(?:birth control|contraceptive|contraception|mini ?pills?|combined "
    r"pills?)\b)(?:"
    r"(?:took|taken|had|given|gave (?:him|her|them|me)|swallowed) (?:all )?(?:of )?(?:my|his|her|"
    r"their|the|our) (?:\w+ ){0,2}?(?:pills|tablets|meds|medications?|medicines?|dose|doses|"
    r"insulin)(?: \w+){0,3}? twice(?! (?:a|per|each|every) (?:day|daily|week))(?! daily)"
    r"|(?:took|taken|had|given|gave (?:him|her|them|me)|swallowed) (?:a |an )?(?:double|"
    r"extra|second) (?:dose|lot|set)(?! (?:if|when|of vitamin))"
    r"|(?:accidentally|mistakenly|by mistake|by accident) (?:took|taken|given|gave|doubled|had)\b"
    r"[^.?!]{0,40}?\b(?:pills|tablets|meds|medications?|medicines?|dose|doses|insulin)\b"
    # ten times the dose drawn up or taken, a number with more digits than the one meant:
    # "50 units instead of 5", "100 mg instead of 10" (not "10 mg instead of 20")
    r"|(?:drew up|drawn up|injected|took|taken|gave|given|had|used|measured) (?:\w+ ){0,4}?"
    r"(?:[1-9]\d ?(?:units?|mg|mcg|ml|clicks|tablets|pills)\b[^.?!]{0,40}?\binstead of "
    r"(?:the )?\d(?:\.\d+)?|[1-9]\d\d ?(?:units?|mg|mcg|ml|clicks|tablets|pills)\b[^.?!]{0,40}?"
    r"\binstead of (?:the )?\d\d?(?:\.\d+)?)(?![\d.]| \d)(?: ?(?:units?|mg|mcg|ml|clicks|"
    r"tablets|pills))?)"
)
"""A medicine taken twice by mistake ("took her morning pills twice today", "gave him a double
dose"): a medication error to call Poison Control about now, not a schedule ("twice a day")
nor a question whether to double a missed dose. Two contraceptive pills in a day are no
overdose: taking the forgotten one with the next is what their leaflets advise."""
_NOT_AGAIN = (
    r"(?:never|not|n'?t|nt) (?:\w+ ){0,2}?(?:happened|came back|come back|bled|had it|seen it)"
    r"(?: \w+)? (?:again|since)"
)
"""A sign told as not come back ("it has never happened again", "hasn't bled since")."""
CHEST_PAIN_ON_PDE5 = "chest pain after an erection medicine"
_PDE5 = (
    r"viagras?|sildenafil|cialis|tadalafil|levitra|vardenafil|spedra|avanafil|blue pills?"
)
"""Erection medicines (PDE5 inhibitors), which a nitrate must not follow."""
_ALCOHOL = r"drink\w*|alcohol\w*|booze|wine|beers?|vodka|spirits|whisk(?:e)?y|cider|lager"
_ALCOHOL_STOPPED = (
    r"(?:stopped|quit|gave up|given up|cut out|stopping|quitting) (?:\w+ ){0,3}?(?:(?:\d|a|one|"
    r"two|three|four|five|a few|a couple of|couple of) (?:days?|nights?) ago|cold turkey|"
    r"yesterday|last night|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))|"
    r"cold turkey|withdrawals?|withdrawing|detox\w*|(?:no|without a|not had a|haven'?t had a) "
    r"drink (?:for|since|in)"
)
"""Heavy drinking just stopped: the time withdrawal comes."""
_RECREATIONAL = (
    r"pills?(?= at| from| at a| at the| someone| a friend| at (?:a|the) (?:festival|party|club|rave"
    r"|gig))|molly|mdma|ecstasy|mandy|pingers?|speed|"
    r"cocaine|coke|ket|ketamine|acid|lsd|meth|crystal|drugs|party drugs|something at (?:a|the) "
    r"(?:festival|party|club|rave|gig)"
)
"""A recreational drug taken: named, or "some pills" taken at a festival or party."""
_TOXIC_SIGN = (
    r"burning up|overheat\w*|(?:very|really|so|super) hot|confused|confusion|not making sense|"
    r"jaw (?:\w+ ){0,3}clench\w*|clenching|seizure|fitting|having a fit|collapsed|passed out|"
    r"unconscious|unresponsive|won'?t wake|can'?t wake|hallucinat\w*|heart (?:is )?racing|"
    r"chest pain"
)
"""Signs that a drug taken is doing harm now."""
_BACK_TROUBLE = (
    r"back (?:pain|ache|problems?|trouble|injury|spasms?)|backache|"
    r"(?:bad|sore|painful|stiff|aching|achy|dodgy) (?:lower |low )?back\b|"
    r"(?:hurt|injured|pulled|ricked|twisted|tweaked|put out|did|done) (?:my|his|her) "
    r"(?:lower |low )?back\b"
)
"""Trouble with the back told as people tell it: "back pain", "a bad back for a week", "I
hurt my back lifting"."""
_URINE_COLOURING_MEDICINE = (
    r"nitrofurantoin|macrobid|macrodantin|metronidazole|flagyl|rifampi\w+|rifadin|senna|"
    r"senokot|methocarbamol|levodopa|sinemet|madopar|phenazopyridine|pyridium|azo\b"
)
"""Medicines that turn urine brown, dark or orange, harmlessly: dark urine told beside one is
the medicine's doing, not a sign of the liver or muscle (yellow eyes or skin still count)."""
_KNUCKLE_ON_TEETH = (
    r"(?:knuckles?|fist)\b(?:\W+\w+){0,8}?\W+(?:teeth|tooth)\b|"
    r"\b(?:teeth|tooth)\b(?:\W+\w+){0,6}?\W+knuckles?\b"
)
"""A hand cut on someone's teeth, as by a punch (a "fight bite")."""


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "suicidal thoughts",
        "If you might act on thoughts of harming yourself, call or text 988 (US Suicide & Crisis "
        "Lifeline) or your local emergency number now; if someone else is in danger, stay with "
        "them and call for help. Thoughts like these need help today even if you do not plan to "
        "act: in the UK or Ireland call Samaritans on 116 123, or your doctor, and tell someone "
        "you trust; if you have pills or other means at hand, put them out of reach.",
        signs=(
            _rx(r"(?:kill|killing|kills|unalive|unaliving) (?:myself|my self|himself|herself|"
                r"themselves|themself)"),
            _rx(r"(?:thoughts?|thinking|feel\w*|feelings?|keep) (?:about |of |like )?(?:not|never) "
                r"(?:wanting|want|wanna) (?:to )?(?:live|be alive|exist|be here|wake up)",
                r"not (?:wanting|want|wanna) to (?:live|be alive|exist|be here|wake up) "
                r"(?:anymore|any more)"),
            _rx(r"(?:do|does|did)(?:n'?t| not) (?:really |even |just |honestly )?(?:want|wanna) "
                r"(?:to )?(?:live|be alive|exist|be here|wake up)", r"(?:dont|doesnt|didnt) "
                r"(?:really |even |just |honestly )?(?:want|wanna) (?:to )?(?:live|be alive|"
                r"exist|be here|wake up)"),
            _rx(r"end (?:it all|(?:my|his|her|their) (?:own )?life)",
                r"ending (?:it all|(?:my|his|her|their) (?:own )?life)",
                r"tak(?:e|ing) (?:my|his|her|their) (?:own )?life"),
            _rx(r"better off (?:dead|without me|without him|without her)",
                r"better off if (?:i|he|she) (?:was|were|wasn'?t|weren'?t) (?:dead|gone|here|"
                r"around|alive)"),
            _rx(r"(?:want|wanna|wants|wanted|going|ready) (?:to )?die", r"wish (?:i|he|she) "
                r"(?:was|were|could be) dead", r"wish i could die",
                r"(?:go to sleep|fall asleep|sleep) and (?:never|not) wake up",
                r"(?:easier|better)(?: for everyone)? (?:if (?:i|he|she) (?:just )?(?:didn'?t|did "
                r"not|never|don'?t|wouldn'?t) wake up|not to wake up)",
                r"never wake up again"),
            _rx(r"no (?:reason|point|purpose) (?:to|in|of|for) (?:live|living|life|going on|"
                r"being alive|being here)",
                r"(?:don'?t|dont|doesn'?t|doesnt|do not|does not|didn'?t|can'?t|cant|cannot) "
                r"see (?:the|any|much) point (?:in|of) (?:living|life|going on|being alive|being "
                r"here|carrying on)", r"(?:tired|sick) of (?:living|being alive|life)",
                r"(?:don'?t|dont|do not|can'?t|cant) see (?:the|any) point (?:in|of) (?:any of it|"
                r"anything|carrying on) (?:anymore|any more)",
                # a ligature found round the neck, or a car left running in a shut garage
                r"(?:belt|rope|cord|noose|ligature|cable|flex|lead)\W+(?:\w+\W+){0,2}?(?:round|"
                r"around) (?:his|her|my|their) neck",
                r"(?:car|engine)\W+(?:\w+\W+){0,3}?running\W+(?:\w+\W+){0,6}?(?:door|doors) "
                r"(?:shut|closed)|(?:garage|shed)\W+(?:\w+\W+){0,5}?(?:car|engine) (?:\w+ )?"
                r"running|hose\W+(?:\w+\W+){0,4}?exhaust",
                r"can'?t go on (?:anymore|any more|like this|living)",
                r"(?:life|it)(?:'s| is)?(?: not|n'?t| isnt| isn'?t) worth living",
                r"wish (?:i|he|she) (?:was|were|had) (?:never|not|n'?t) (?:been )?(?:born|alive)",
                r"wish (?:i|he|she) (?:wasn'?t|weren'?t|was not) (?:alive|here|born)"),
            _rx(r"(?:want|wanting|wants|urges?|thoughts?|thinking|think|thought|going|gonna|"
                r"plan|planning|tempted) (?:to |of |about )?(?:hurt|hurting|harm|harming|cut|"
                r"cutting) (?:myself|my self|himself|herself)",
                r"self[- ]?harm\w*", r"cutting (?:myself|my self|my arms?|my wrists?)",
                r"harm(?:ing)? (?:myself|my self)",
                r"(?:is|been|was|started|starting|keeps?|has been) (?:cutting|burning) "
                r"(?:herself|himself|themselves|themself)",
                r"(?:is|been|was|started|starting|keeps?|has been) cutting (?:his|her|their) "
                r"(?:own )?(?:arms?|wrists?|thighs?|legs?|forearms?)(?! (?:hair|off))",
                r"found (?:\w+ ){0,3}?(?:razor ?)?blades? (?:\w+ ){0,2}?(?:in|under|hidden in|"
                r"inside) (?:her|his|their) (?:room|bag|drawer|backpack|pocket|bed|desk|closet)",
                r"(?:found|noticed|noticing|seen|saw|spotted) (?:\w+ ){0,2}?(?:cuts|cut marks|"
                r"scratches|scars|slashes|burns|burn marks) (?:all )?(?:on|up|across) (?:my |our )?"
                r"(?:[\w-]+ ){0,4}?(?:daughter|son|child|kid|teen|teenager|girl|boy|"
                r"stepdaughter|stepson|olds?|yos?)(?:'?s)? (?:upper )?(?:arms?|wrists?|thighs?|"
                r"forearms?)",
                r"(?:cuts|cut marks|slashes|scars) (?:\w+ ){0,2}?(?:on|across) (?:her|his|their) "
                r"(?:upper |inner )?(?:wrists?|thighs?|forearms?)(?! from)"),
            _given((r"overdose|suicid\w*|self[- ]?harm\w*|attempt\w*|tried to (?:end|kill)",),
                   r"(?:the )?(?:thoughts|urges|feelings) (?:are |have been |keep |started )?"
                   r"(?:creeping|coming|came) back"),
            # fresh cuts or scratches a child shows, told with distress
            _given((r"bully\w*|upset|crying|sad|low|depress\w*|(?:want|wants|wanting) to die|"
                    r"on purpose|did (?:it|them) (?:herself|himself)",),
                   r"(?:fresh|new|recent) (?:cuts|scratches|cut marks|slashes) (?:\w+ ){0,2}?on "
                   r"(?:her|his|their) (?:wrists?|forearms?|arms?|thighs?)"),
            _rx(r"(?:feel|feeling|felt|am|'m|im|is|are|been|getting|became|becoming|"
                r"turning)(?: so| very| really| pretty| a bit| kind of| kinda)? suicidal",
                r"(?:want|wanna|gonna|going|about)(?: to)? kms",
                r"(?:thinking|thought|think) (?:of|about) ending (?:it|things|everything)",
                # "what's the point in going on": no reason left to live
                r"(?:what'?s|whats|what is) the point (?:in|of) (?:going on|living|carrying on|"
                r"being (?:here|alive)|life|it all|anything anymore)"),
            # warning signs of a plan: pills put aside, belongings given away, "nobody would notice"
            _rx(r"(?:saving|saved|stockpil\w+|hoard\w*|collecting|stashing|stashed) (?:up )?"
                r"(?:all )?(?:my |his |her |the )?(?:sleeping )?(?:pills|meds|medications?|"
                r"tablets)(?: up)?",
                r"(?:enough|a stash|a stockpile|a pile|loads|lots|all|a (?:whole |full )?"
                r"(?:box|bottle|pack|packet)) (?:of )?(?:my |his |her )?"
                r"(?:\w+ )?(?:pills|meds|medications?|tablets) (?:saved|stashed|stockpiled|"
                r"hoarded|hidden|put (?:aside|away|by)|set aside)",
                r"(?:have|got|kept|keeping|keep) (?:all )?(?:my|his|her|the|some|these) (?:\w+ )?"
                r"(?:pills|meds|medications?|tablets|painkillers) (?:all )?(?:saved up|stashed|"
                r"stockpiled|hoarded)(?![^.?!]{0,40}\b(?:organi[sz]er|dosette|blister|holiday|"
                r"trip|travel\w*|abroad)\b)",
                # a day chosen: "I've decided this weekend is it"
                r"(?:decided|made up my mind|chosen|picked)\W+(?:\w+\W+){0,3}?(?:is it|is the "
                r"(?:day|night|time)|(?:will|'ll) be the (?:day|night|end))(?=\s*(?:[.!,;]|$|"
                r"\s(?:and|so)\b))",
                r"(?:giv(?:ing|en|e)|gave) away (?:all )?(?:my|his|her) (?:stuff|things|"
                r"belongings|possessions)",
                r"(?:giv(?:ing|en|e)|gave) (?:all )?(?:my|his|her) (?:stuff|things|belongings|"
                r"possessions) away",

                r"(?:nobody|no one|noone) (?:would|will|gonna) (?:even )?(?:miss me|care if i|"
                r"notice if i|notice i'?m gone)",
                r"(?:don'?t|dont|do not) think (?:anyone|anybody) would (?:even )?(?:notice|care|"
                r"miss me)(?!\W+(?:the|my|a|it|this|that|if it)\b)"),
            # overdoses read about, with tablets at hand or no strength left for more of this
            _given((r"(?:reading|read|looking|looked|googl\w*|search\w*|research\w*) (?:up )?"
                    r"(?:about |into |for |on )?overdos\w*",),
                   r"(?:have|got|kept|keeping|hid|hidden|stashed|there'?s) (?:a |the |an? "
                   r"(?:whole |full )?)?(?:box|bottle|pack|packet|load|stash|drawer) (?:full )?of "
                   r"(?:[\w']+ ){0,3}?(?:tablets|pills|meds|medication|painkillers|paracetamol)|"
                   r"(?:can'?t|cannot|don'?t think i can|can not) (?:do|face|take|go through|"
                   r"survive) (?:another|one more) (?:day|week|month|year|night) (?:of this|like "
                   r"this)"),
            # affairs put in order and a pet or belongings handed on, told with despair
            _given((r"things (?:are|have been) (?:\w+ )?(?:bad|hopeless|awful|grim|dark)|can'?t "
                    r"(?:go on|cope|do this)|(?:so|really|pretty|very) (?:low|down|hopeless)|"
                    r"no point|what'?s the point|had enough",),
                   r"(?:sorted|sorting|made|making|wrote|written|writing|updated|done) (?:out )?"
                   r"(?:my|his|her) will\W+(?:\w+\W+){0,8}?(?:giv(?:ing|en|e)|gave|left|"
                   r"handed)\W+(?:\w+\W+){0,3}?(?:dog|cat|pets?|kids|stuff|things|belongings)"),
            # a farewell: affairs in order or a pet handed on, then medicines or thanks "for
            # everything" no longer needed
            _given((r"(?:sorted|put|putting|got|getting|set) (?:out )?(?:all )?(?:my|his|her) "
                    r"affairs|affairs (?:are )?(?:now )?(?:in order|sorted)|"
                    r"(?:giv(?:ing|en|e)|gave|handed) (?:away )?(?:my|his|her|the) (?:\w+ ){0,2}?"
                    r"(?:dog|cat|pets?|things|belongings|possessions|stuff) (?:away|to)",),
                   r"won'?t (?:be )?(?:needing|need) (?:\w+ ){0,3}?(?:prescriptions?|medicines?|"
                   r"medications?|meds|tablets|pills|appointments?|repeats?)|(?:cancel|stop) "
                   r"(?:my |all my |the )?(?:prescriptions?|repeats?|appointments?)|(?:thank you|"
                   r"thanks) for (?:all|everything)|good ?byes?",
                   unless=(r"terminal|hospice|palliative|months to live|weeks to live|moving|"
                           r"emigrat\w*|abroad|care home|nursing home|operation|surgery|"
                           r"procedure|holiday|vacation|trip",)),
            _given((),
                   r"(?:i|i'?ll|ill) (?:won'?t|wont|will not|am not going to|'?m not going "
                   r"to|m not gonna|'?m not gonna) be (?:around|here) (?:much longer|for (?:much|"
                   r"very) long|for long|anymore|any more)",
                   unless=(r"terminal|cancer|hospice|palliative|months to live|weeks to live|"
                           r"prognosis|moving|moving away|leaving|abroad|holiday|vacation",)),
            # letters left for the family or a night set, with the means or a farewell
            _given((r"pills|tablets|meds|rope|paperwork|affairs|life insurance|at peace|"
                    r"tonight|good ?bye|bye to",),
                   r"(?:wrote|written|writing|left) (?:\w+ ){0,2}?(?:letters?|notes?) (?:for|to) "
                   r"(?:the (?:kids|children|family)|my (?:kids|children|family|wife|husband|"
                   r"partner|mum|mom|dad|parents|son|daughter|boys|girls))|tonight(?:'s| is) the "
                   r"night|(?:feel|i'?m|im) at peace with (?:it|my decision|the decision|this)",
                   unless=(r"terminal|hospice|palliative|months to live|weeks to live|"
                           r"birthday|christmas|wedding|holiday|exam",)),
            # a note or a text that says goodbye and sorry
            _given((r"sorry",),
                   r"(?:letter|note|text|message|texted|messaged|wrote|written|left)\W+(?:\w+\W+)"
                   r"{0,10}?(?:saying|says|said) (?:good ?bye|bye)",
                   unless=(r"terminal|hospice|palliative|months to live|weeks to live|moving|"
                           r"emigrat\w*|abroad|airport|flight|holiday|vacation|trip|leaving "
                           r"(?:for|the)|new job|break ?up|broke up|split up|dumped",)),
            _given((r"(?:way|how) to (?:go|die|do it|end it)|if i stop replying|won'?t be "
                    r"replying|pills|tablets",),
                   r"(?:already |just )?(?:said|saying) (?:good ?)?byes? to (?:all )?(?:my |the )?"
                   r"(?:friends|family|everyone|mates|kids)|if i stop replying"),
            _rx(r"(?:want|wants|going|gonna|plan|planning|about|decided) to (?:overdose|od|"
                r"take all (?:of )?(?:my|his|her|the) (?:pills|meds|medication)|jump off|"
                r"hang (?:myself|himself|herself)|shoot (?:myself|himself|herself))",
                # a plan to swallow every pill at hand, unless it is a question of schedule
                r"(?:thinking|thought|think|considering|tempted|planning|going|gonna|want|wanna|"
                r"urge) (?:of |about |on |to )?(?:tak(?:e|ing)|swallow(?:ing)?) (?:all|every "
                r"one|the (?:whole|entire) (?:box|bottle|packet|pack|lot)) (?:of )?(?:my |his |"
                r"her |the |these |those )?(?:pills|tablets|meds|medications?|medicines?|"
                r"painkillers|sleeping pills)(?![^.?!]{0,40}\b(?:morning|breakfast|lunch|"
                r"dinner|with food|with meals|instead|rather than|once a day|a day|same time)\b)",
                r"(?:don'?t|dont|do not|doesn'?t|doesnt|does not|can'?t|cant) see (?:the|any|much) "
                r"point(?: in (?:anything|it all|any of it|trying|life|living))? "
                r"(?:anymore|any more)\b",
                # despair asked back: "what's the point anymore", not the point of a treatment
                r"what'?s the point (?:anymore|any more|of (?:anything|it all|any of it|living|"
                r"life|going on|being here))\b(?! (?:of|in|to|with|if|taking|having|doing)\b)",
                # looking up how many tablets it would take
                r"(?:look\w* up|looked up|googl\w*|search\w*|research\w*|read\w* up on) how "
                r"(?:much|many) (?:of )?(?:my |his |her |the |these )?(?:\w+ ){0,2}?(?:pills|"
                r"tablets|meds|medications?|painkillers|paracetamol|insulin)\b[^.?!]{0,30}?\b"
                r"(?:it would take|would it take|it takes|it'?d take|would kill|to take)\b",
                # ... or of a medicine named, not of its pills ("how many of my sertraline it
                # would take"), unless the amount asked is one that works
                r"(?:look\w* up|googl\w*|search\w*|research\w*|read\w* up on|check\w*) how "
                r"(?:much|many) of (?:my|his|her|the|these) [\w-]+(?: [\w-]+)? (?:it would "
                r"take|would it take|it'?d take)\b(?! (?:to|for) (?:work|help|kick in|start))"),
            # the tablets laid out, told with despair
            _given((r"depress\w*|hopeless\w*|suicid\w*|can'?t cope|(?:so|really|very) low|no point|"
                    r"overdos\w*|how (?:much|many) (?:\w+ ){0,4}?(?:it would take|would it take)|"
                    r"(?:don'?t|dont) (?:even )?know why (?:i'?m|im) (?:typing|writing|"
                    r"telling)",),
                   r"(?:got|have|put|laid|lined|counted|tipped|emptied) (?:them|all of them|"
                   r"(?:all )?(?:my|the) (?:\w+ )?(?:pills|tablets|meds)) (?:all )?(?:out|up)\b"
                   r"(?: on| in front of| beside| next to)?"),
        ),
        events=(
            _rx(r"suicidal\w*", r"(?:thoughts?|thinking|think|thought|considering) (?:of |about )?"
                r"(?:suicide|ending it)", r"(?:attempt\w*|commit|committing|try to commit|"
                r"tried to commit) suicide"),
            _rx(r"(?:lethal|fatal|deadly) (?:dose|amount|overdose)"),
        ),
        asked=(
            _rx(r"(?:least|most) painless (?:way|method) to (?:go|die|end it|do it|kill)|"
                r"least painful (?:way|method) (?:to|of) (?:go|going|die|dying|end it|ending it|"
                r"do it|kill)"),
            re.compile(
                r"\bhow (?:much|many)\b[^.?!]{0,60}?\b(?:to|would|will|could|enough to|does it "
                r"take to|it take to)\s+(?:just |simply |finally )?(?:kill|die|overdose|od|"
                r"not wake up|never wake up|cause "
                r"(?:an? )?overdose|be (?:lethal|fatal))\b",
                re.IGNORECASE,
            ),
            # whether an amount is "enough so I don't wake up"
            _rx(r"enough\b[^.?!]{0,40}?\b(?:to (?:kill (?:me|myself)|die|not wake up|never wake "
                r"up|end it)|so (?:that )?(?:i|he|she|they) (?:don'?t|dont|won'?t|wont|never|do "
                r"not|will not|doesn'?t|doesnt) wake up)(?! (?:at|in|during|early|every|before|"
                r"till|until|through|too|so|as)\b)"),
        ),
        exclusions=(
            _rx(r"(?:afraid|scared|worried|careful|avoid|avoiding|without|prevent|so as not to|"
                r"(?:do|did)n'?t want)(?: \w+){0,3} (?:hurt|hurting|harm|harming|cut|cutting) "
                r"(?:myself|my self|himself|herself)"),
            _rx(r"(?:hurt|hurting|cut|cutting) (?:myself|my self|himself|herself) (?:(?:at|in) "
                r"the (?:gym|garden|kitchen)|(?:while|when|during) (?:\w+ )?(?:lifting|running|"
                r"playing|exercising|working out|training|shaving|cooking|practice|workouts?)|"
                r"lifting|running|playing|shaving|cooking|falling|skiing|working out)"),
            _rx(r"killing (?:myself|himself|herself) (?:at|over|for) (?:work|the gym|school|"
                r"my job|exams?|this|it)"),
            _rx(r"(?:lost|losing)(?: \w+){1,3} to suicide", r"committed suicide"),
            # a lethal dose asked for a school project
            _rx(r"(?:lethal|fatal|deadly) (?:dose|amount)(?=[\s\S]{0,200}\b(?:school|science|"
                r"class|homework) (?:project|assignment|essay))",
                r"(?:school|science|class|homework) (?:project|assignment|essay)[^?!]{0,200}"
                r"(?:lethal|fatal|deadly) (?:dose|amount)"),
            # the harm of an everyday drink asked about ("the lethal dose of caffeine? I have 6
            # coffees a day"), not of pills
            _rx(r"(?:lethal|fatal|deadly|toxic) (?:dose|amount) of (?:caffeine|coffee|tea|energy "
                r"drinks?|water|salt)(?! (?:pills?|tablets?|powder))"),
            # the dread of a panic attack: "feel like I'm going to die", "I was sure I was
            # about to die"
            _rx(r"(?:(?:feel|feels|felt|feeling) like|thought|was sure|was convinced) (?:that )?"
                r"(?:i'?m|im|i am|i was|i'?ll|he'?s|she'?s|he was|she was) "
                r"(?:going to|gonna|about to) die"),
            # whether a mistake could kill: "am I going to die?", "is she gonna die from it?"
            _rx(r"(?:am|are|is) (?:i|we|he|she|they|(?:my|our|the) \w+) (?:going to|gonna) die"
                r"(?=\W*(?:\?|$|(?:from|of|after|because) (?:it|this|that|them|these|those)\b))"),
            # a fear of dying of an illness or a pain ("worried I'm going to die from the pain
            # when I cough"), or a pain told as one that could kill
            _rx(r"(?:worried|scared|afraid|frightened|terrified|feared|fear|convinced|sure|"
                r"panick\w*)\b[^.?!]{0,20}?\b(?:going to|gonna|about to|will|'ll) die (?:from|of) ",
                r"(?:going to|gonna) die (?:from|of) (?:the |this |that |my |all (?:the |this )?)?"
                r"(?:\w+ )?(?:pain|ache|itch\w*|cough\w*|heat|cold|hunger|headache|hangover|"
                r"cramps?|flu|sore throat|toothache)\b"),
            # dying of embarrassment, boredom or laughter
            _rx(r"(?:going to|gonna|wanna|want to) die (?:of|from) (?:embarrassment|shame|"
                r"boredom|laughing|laughter|cringe)"),
        ),
    ),
    Concept(
        "overdose or poisoning",
        "Call Poison Control (1-800-222-1222 in the US) now, even if the person seems well: some "
        "poisons and overdoses (paracetamol, for one) do their harm hours later. Call your local "
        "emergency number (911 in the US) if the person is unconscious, having a seizure or "
        "struggling to breathe, and go to an emergency department if it was taken on purpose, "
        "was more paracetamol (acetaminophen) than a day's maximum, even spread over the day, or "
        "was iron tablets or a button battery swallowed by a child. "
        "Outside the US, call your local poison centre or emergency number.",
        signs=(
            re.compile(
                rf"\b{_CHILD}\W+[^.?!]{{0,70}}?\b{_SWALLOW}\b(?:\W+\w+){{0,6}}?\W+"
                rf"(?:{_MEDICINE}|{_HAZARD}|something)\b",
                re.IGNORECASE,
            ),
            re.compile(
                rf"\b{_SWALLOW}\b(?:\W+\w+){{0,6}}?\W+{_HAZARD}\b|\b{_HAZARD}\W+(?:was|were)\W+"
                rf"{_SWALLOW}",
                re.IGNORECASE,
            ),
            re.compile(
                rf"\b{_SWALLOW}\W+{_MANY}\b(?:\W+\w+){{0,4}}?\W+{_MEDICINE}\b"
                rf"|\b{_SWALLOW}\W+(?:a (?:whole|full)|the whole) (?:bottle|pack|box|packet)"
                # "took most of a bottle of extra strength tylenol"
                rf"|\b{_SWALLOW}\W+(?:most|half|all|the rest) of (?:a|an|the|his|her|my|their|"
                rf"our) (?:\w+ )?(?:bottle|pack|box|packet|tub|strip|blister pack)s? of "
                rf"(?:\w+ ){{0,3}}?{_MEDICINE}",
                re.IGNORECASE,
            ),
            _rx(_DOUBLE_DOSE),
            # pills or drugs taken, then someone who cannot be woken or breathes strangely
            _given((r"(?:took|taken|take|had|swallowed|necked|dropped|popped) (?:\w+ ){0,3}?"
                    rf"(?:pills|tablets|meds|drugs|painkillers|sleeping pills|something|"
                    rf"{_MEDICINE})",),
                   r"(?:can'?t|cant|cannot|couldn'?t|won'?t|unable to) (?:wake|rouse) (?:him|her|"
                   r"them)(?: up)?|(?:won'?t|wont|will not|isn'?t|is not|not) (?:wake|waking) up|"
                   r"unresponsive|unconscious|snoring (?:\w+ ){0,2}?(?:weird|weirdly|strange\w*|"
                   r"funny|oddly|odd)"),
            # a child into an adult's medicines: "think she had some of the amlodipine"
            _given((_CHILD,),
                   rf"(?:had|got hold of|got at|got into) (?:some|a few|one|two|a couple|a "
                   rf"handful|any) of (?:the |my |his |her |their |\w+'s )?(?:\w+ ){{0,2}}?"
                   rf"{_MEDICINE}|(?:pill|tablet|medicine|meds) (?:organi[sz]er|box|dosette|bottle|"
                   r"packet)\W+(?:\w+\W+){0,3}?open"),
            # how many is not known, but the pack is all but empty
            _given((rf"{_SWALLOW}\W+(?:\w+\W+){{0,3}}?{_MEDICINE}",),
                   r"(?:box|packet|pack|bottle|strip|blister pack|tub)\W+(?:\w+\W+){0,2}?(?:is|was|"
                   r"looks?) (?:nearly|almost|practically|pretty much|half) empty"),
            # an emptied pack found beside someone who is drowsy or will not wake
            _given((r"found (?:him|her|them|my \w+)|(?:next to|beside) (?:him|her|them)|lying|"
                    r"snoring|drowsy|won'?t wake|can'?t wake|unconscious|vodka|drunk",),
                   rf"empty (?:box|packet|pack|bottle|strip|blister pack|tub)s? of (?:\w+ ){{0,3}}?"
                   rf"{_MEDICINE}"),
            re.compile(_PARACETAMOL_COUNT, re.IGNORECASE),
            re.compile(_paracetamol_twice(), re.IGNORECASE),
            _rx(r"mix\w* (?:bleach|ammonia)(?: \w+){0,2} (?:and|with) (?:bleach|ammonia|vinegar|"
                r"\w+ cleaner)",
                r"(?:carbon monoxide|co) (?:alarm|detector)", r"carbon monoxide (?:leak|is)",
                r"gas leak"),
        ),
        events=(
            # "OD'd", or "odd" only as "odd on" (the odd period is no overdose)
            _rx(r"overdos(?:ed|ing)(?! on (?:\w+ ){0,2}?(?:chocolate|cheese|sweets|candy|cake|"
                r"food|pizza|cookies|biscuits|crisps|chips|carbs|netflix|tv|sun|christmas|"
                r"festive|turkey)\b)", r"od'd", r"odd on", r"oded",
                r"(?:took|taken|had) an? overdose", r"(?:been|was|got|is|being|were) poisoned",
                r"poisoned (?:myself|him|her|me)"),
            _rx(r"(?:\w+ )?poisoning"),
        ),
        asked=(
            re.compile(
                rf"\bwhat (?:happens|will happen|would happen|to do|should i do|do i do) if\b"
                rf"(?:\W+\w+){{0,4}}?\W+{_SWALLOW}\b(?:\W+\w+){{0,5}}?\W+(?:{_HAZARD}|"
                rf"{_MEDICINE})\b",
                re.IGNORECASE,
            ),
            _rx(r"what (?:to|should (?:i|we)|do (?:i|we)) do (?:with|about|for) (?:\w+ ){0,3}"
                r"(?:poisoning|overdose)"),
            # how an overdose of a drug that stops breathing shows: someone may be watching one
            _given((_OPIOID,), r"(?:signs?|symptoms?) (?:of|for) (?:an? )?(?:\w+ )?overdos\w*"),
        ),
        exclusions=(
            _rx(r"(?:lead|alcohol|mercury|arsenic|radiation|blood) poisoning"),
            _rx(r"poison control"),
            # an overdose feared ahead of taking something ("worried about overdosing on
            # nicotine if I use the patch and the gum"); one feared already taken still counts
            _rx(r"(?:worried|scared|afraid|nervous|concerned|paranoid|anxious) (?:about|of) "
                r"(?:accidentally )?overdosing"),
        ),
    ),
    Concept(
        "reaction to a recreational drug",
        "Call your local emergency number (911 in the US) now: after taking a drug, overheating, "
        "confusion, a racing heart, a seizure or collapse can be a life-threatening reaction. "
        "Move the person somewhere cool, do not leave them alone, give small sips of water only "
        "if they are awake, and tell the paramedics what was taken.",
        signs=(
            re.compile(
                rf"\b(?:took|taken|taking|had|dropped|swallowed|snorted|popped)\W+(?:\w+\W+){{0,3}}?"
                rf"(?:{_RECREATIONAL})\b[^?!]{{0,120}}?\b(?:{_TOXIC_SIGN})\b"
                rf"|\b(?:{_TOXIC_SIGN})\b[^?!]{{0,80}}?\bafter (?:taking |having |doing )?"
                rf"(?:\w+\W+){{0,2}}?(?:{_RECREATIONAL})\b",
                re.IGNORECASE,
            ),
        ),
    ),
    Concept(
        "fever in an infant",
        "A fever in a baby under 3 months needs same-day medical care: call your doctor or go to "
        "an emergency department now.",
        signs=(
            re.compile(
                rf"\b{_YOUNG}\b[^?!]{{0,200}}?(?P<key>{_FEVER})|(?P<key2>{_FEVER})[^?!]{{0,80}}?"
                rf"\b{_YOUNG}\b",
                re.IGNORECASE,
            ),
        ),
        # a breastfeeding mother's own fever with a sore, hot breast is hers, not the baby's
        exclusions=(
            _given((r"boob|breast|nipple|mastitis", r"i feel|i'?m|i am|i have|i'?ve got|my temp"),
                   rf"{_FEVER}", unless=(r"(?:baby|she|he|her|his) (?:\w+ ){0,3}?(?:is |feels |"
                                         r"has |had )?(?:hot|a temp|a fever|feverish)",)),
        ),
    ),
    Concept(
        "torn artery in the neck",
        f"{_CALL} or go to an emergency department now: a new headache or neck pain with "
        "dizziness, double vision, unsteadiness, slurred speech or vomiting after the neck was "
        "manipulated or cracked can be a tear in an artery of the neck, which can cause a "
        "stroke. Do not have the neck manipulated again until a doctor has seen you.",
        signs=(
            _given((r"chiropract\w*|osteopath\w*|manipulat\w*|(?:crack\w*|click\w*|adjust\w*) "
                    r"(?:my|his|her|their|the) neck|neck (?:\w+ )?(?:was |got |being )?(?:cracked|"
                    r"manipulated|adjusted|clicked)",
                    r"headaches?|neck (?:\w+ )?(?:pain|hurts|ache\w*|sore)|(?:sore|painful) neck"),
                   r"double vision|seeing double|dizz\w*|vertigo|room (?:is |was )?spinning|"
                   r"unsteady|off balance|wobbly|slurr\w*|vomit\w*|throw\w* up|threw up|"
                   r"(?:face|arm|leg|hand) (?:\w+ )?(?:numb|tingl\w*|weak)"),
        ),
    ),
    Concept(
        "stroke",
        f"{_CALL}: sudden weakness, numbness, facial droop or trouble speaking can be a stroke, "
        "even when it has passed: a mini-stroke (TIA) often comes before a stroke.",
        sudden=True,
        signs=(
            _rx(r"(?:face|mouth|smile|lip)(?: \w+){0,2} (?:is |was |looks |look |went |seems )?"
                r"(?:droop\w*|lopsided|crooked|uneven|sagging)",
                r"droop\w* (?:face|mouth|eyelid and mouth|on one side)", r"facial droop\w*",
                r"(?:left|right|one) side of (?:my|his|her|the) face (?:\w+ )?(?:won'?t|wont|"
                r"can'?t|cant|doesn'?t|does not|will not) move",
                r"(?:can'?t|cant|cannot|unable to) (?:close (?:my|his|her) eye|smile) on (?:that|"
                r"one|the (?:left|right)) side",
                r"(?:face|mouth|smile)(?: \w+){0,2} (?:is |was |looks |went |seems )?(?:hanging|"
                r"slipp\w*|sliding) (?:down )?(?:on )?(?:one|the (?:left|right)) side",
                r"side of (?:my|his|her|the) (?:face|mouth) (?:is |was )?(?:droop\w*|sagging|"
                r"numb)", r"(?:half|one side|side)(?: of)? (?:my|his|her|the) (?:face|mouth) "
                r"(?:has |had )?(?:dropped|drooped|fallen|gone slack|sagged)"),
            _rx(r"slurr\w* (?:speech|words)",
                r"(?:speech|talking|words) (?:is |are |was |has |had |sounds? |seems? |"
                r"sounded |seemed )?(?:suddenly )?(?:a bit |a little |slightly |kind of |sort of "
                r"|really |very |all )?(?:gone |become |got |gotten |went |going )?slurr\w*",
                r"words are (?:coming out )?(?:all )?(?:jumbled|garbled|mixed up)",
                r"words (?:\w+ )?(?:come|came|coming|comes|are coming|were coming) out (?:all )?"
                r"(?:jumbled|garbled|mixed up|muddled|wrong|backwards|as nonsense|funny|weird|"
                r"strange|odd)",
                r"can'?t (?:seem to |quite )?(?:find|get out|say) (?:his|her|my|the) words",
                r"(?:can'?t|cant|cannot|couldn'?t|couldnt|could not|unable to) (?:seem to |quite "
                r")?get (?:his|her|my|the|their|any) words out"),
            _rx(r"(?:can'?t|cannot|cant|couldn'?t|could not|unable to) (?:move|feel|lift|raise) "
                r"(?:my|his|her) "
                r"(?:\w+ )?(?:left|right|arm|leg|side|hand)",
                r"(?:numb\w*|weak\w*|paraly\w*) (?:on|in|down) one side",
                r"(?:half|one side) of (?:my|his|her|the) (?:face|body) (?:\w+ )?(?:numb|weak|"
                r"paraly\w*|dead)", r"one[- ]sided (?:weakness|numbness)",
                r"arm (?:keeps )?(?:dropping|drifting|falls? down)",
                r"(?:left|right) arm and (?:left |right )?leg (?:\w+ ){0,2}?(?:weak\w*|numb\w*|"
                r"dead|heavy|paraly\w*)",
                r"(?:arm and leg|leg and arm) on (?:my|his|her|the|one) (?:left |right )?side "
                r"(?:\w+ ){0,2}?(?:weak\w*|numb\w*|dead|heavy|paraly\w*)",
                r"dragging (?:his|her|my|one) (?:foot|leg)",
                r"(?:left|right) (?:arm|leg|hand) (?:suddenly |just )?(?:went|has gone|gone|"
                r"going|is|was) (?:all |completely )?(?:floppy|limp|dead|useless)(?! (?:after|"
                r"from|when|because) (?:\w+ )?(?:sleep|lying|lay|slept))",
                r"(?:keeps |kept |keep )?dropping (?:\w+ ){0,3}?(?:with|from|in|out of) (?:his|her|"
                r"my) (?:right|left) hand",
                r"(?:right|left) hand (?:suddenly )?(?:keeps|kept|has been|is|was|started|starts) "
                r"(?:\w+ )?dropping"),
            re.compile(
                r"\b(?:sudden(?:ly)?|all of a sudden|out of nowhere)\b(?:\W+\w+){0,6}?\W+"
                # confusion told as more than before was there before: worse, not new
                r"(?:numb\w*|weak\w*|paraly\w*|(?<!more )confus\w*|can'?t (?:feel|move|speak|talk|"
                r"see)|"
                r"(?:lost|loss of) (?:vision|sight)|blind)\b|\b(?:numb\w*|weak\w*|(?:lost|loss of)"
                r" (?:vision|sight)\b[^.?!]{0,30}) (?:all of a sudden|suddenly|out of nowhere)",
                re.IGNORECASE,
            ),
            _rx(r"(?:lost|loss of) (?:vision|sight) in one eye"),
        ),
        events=(_rx(r"(?<!am i )(?<!is he )(?<!is she )(?<!was i )(?<!could i be )"
                    r"(?<!if i'm )(?<!if im )(?<!whether i'm )having a (?:stroke|mini[- ]stroke|"
                    r"tia)"),),
        exclusions=(
            _FEARED_SPELL,
            # a droop of a few seconds set off by laughing or strong feeling (cataplexy)
            re.compile(
                r"\b(?:when|whenever|every time) (?:i|he|she|they) (?:laugh|get (?:excited|angry|"
                r"surprised))[^.?!]{0,80}|[^.?!]{0,80}\bfor (?:a few|a couple of|\d+) seconds\b",
                re.IGNORECASE,
            ),
        ),
    ),
    Concept(
        CHEST_PAIN_ON_PDE5,
        f"{_CALL}: chest pain after an erection medicine (sildenafil, tadalafil or vardenafil) "
        "needs emergency care. Do not use a nitrate (a GTN spray or tablet) within 24 hours of "
        "sildenafil or vardenafil, or 48 hours of tadalafil: together they can make the blood "
        "pressure fall dangerously. Tell the ambulance crew which medicine was taken and when.",
        signs=(
            _given((_PDE5,),
                   r"chest (?:pains?|pressure|tightness|discomfort|heaviness)|angina (?:pain|"
                   r"attack|is back|came on|coming on|started|starting)|(?:getting|having|got) "
                   r"(?:my |his |an? )?(?:usual )?angina|chest (?:hurts|is tight|feels tight)|"
                   r"(?:pain|pressure|tight\w*|heaviness|hurts?) in (?:my|his|her|the) chest",
                   # what a spray is for ("a GTN spray for chest pain"), no pain told now
                   unless=(r"(?:spray|tablets?|pills?|medicines?|prescribed|given)(?: \w+){0,3}? "
                           r"(?:for|to use for|in case of) (?:his |her |my |the |any )?chest "
                           r"pains?(?![\s\S]*\b(?:now|today|tonight|again|worse)\b)",)),
        ),
    ),
    Concept(
        "chest pain",
        f"{_CALL}: chest pain or pressure can be a heart attack.",
        signs=(
            _rx(r"chest (?:pains?|pressure|tightness|discomfort|heaviness)",
                r"(?:crushing|squeezing) (?:pain|chest|pressure)",
                r"(?:hurts?|pain|tight\w*|pressure|squeez\w*|heaviness|(?:crushing|squeezing|"
                r"pressing|heavy|tight) (?:feeling|sensation)) in (?:the (?:middle|center|"
                r"centre) of )?(?:my|the|their|his|her|your) (?:upper |lower |left |right |whole "
                r")?chest",
                r"chest (?:hurts|is hurting|is tight|feels? (?:tight|heavy|like)|felt "
                r"\W?(?:tight|heavy)|is heavy)",
                r"chest (?:feels?|felt|is) (?:very|really|so|quite|a bit|kind of) (?:tight|heavy)",
                r"chest (?:is |feels |felt )?(?:crushing|squeezing|being (?:crushed|squeezed))",
                r"clutch\w* (?:my|his|her|their) chest",
                r"(?:elephant|weight) (?:sitting )?on (?:my|his|her) chest",
                r"pain (?:going|spreading|radiating|shooting) (?:down|to|into) (?:my|his|her) "
                r"(?:left )?(?:arm|jaw|neck)"),
            # a heart attack without chest pain: the jaw, arm or back aches with a cold sweat
            _given((r"sweaty|sweating|sweats|clammy|cold sweat|drenched|breaking out in (?:a )?"
                    r"sweat",),
                   r"(?:ache|aching|pain|hurts?|hurting|pressure|discomfort|tightness) "
                   r"(?:\w+ ){0,2}?(?:in|of|to) (?:my|his|her|the) (?:(?:left|lower|upper) )?"
                   r"(?:jaw|arm|neck)|(?:jaw|left arm)\W+"
                   r"(?:\w+\W+){0,2}?(?:aches?|aching|pain|hurts?|hurting|pressure)|between (?:my|"
                   r"his|her|the) shoulder ?blades|(?:goes|going|went|spreads?|spreading|radiat\w+|"
                   r"moves?|moving|shoots?|shooting|travel\w*) (?:up |down )?(?:in)?to (?:my|his|"
                   r"her|the) (?:left )?(?:jaw|arm|neck)|down (?:my|his|her|the) left arm"),
            # chest pain or pressure that travels to the jaw, neck or arm
            _given((r"chest|indigestion|heartburn",),
                   r"(?:goes|going|went|spreads?|spreading|spread|radiat\w+|moves?|moving|"
                   r"shoots?|shooting|travels?|travel+ing) (?:up |down |over )?(?:to|into|in) "
                   r"(?:my|his|her|the) (?:left )?(?:arm|jaw|neck|shoulder)"
                   r"|left arm (?:feels? |is |has |went |gone |going )?(?:heavy|numb|dead|weak)"),
        ),
        events=(
            _rx(r"having (?:a|another) heart attack",
                r"(?:think|thinks|afraid|scared|worried) (?:i'?m|im|i am|he'?s|hes|he is|"
                r"she'?s|shes|she is|they'?re|it'?s|its) (?:having )?(?:a )?heart attack"),
        ),
        exclusions=(
            _rx(r"chest (?:acne|congestion|x[- ]?rays?|ct|hair|cold|infection|muscles?|wall)"),
            # pain behind the breastbone on swallowing: the gullet (a tablet that stuck, reflux)
            _rx(r"(?:pain|hurts?|burn\w*|tight\w*)\W+(?:\w+\W+){0,6}?chest\W+(?:\w+\W+){0,2}?"
                r"(?:when|while|as|every time|whenever) (?:i |he |she |they )?swallow\w*",
                r"chest (?:pain|hurts?|burn\w*) (?:on|with|from) swallowing"),
            # what a medicine is for ("a GTN spray for chest pain"), when no pain now is told
            _rx(r"(?:spray|tablets?|pills?|medicines?|medication|meds|inhaler|patch(?:es)?|"
                r"prescribed|given|uses?|using|takes?|taking)(?: \w+){0,3}? (?:for|to use for|"
                r"in case of) (?:his |her |my |the |any )?chest pains?(?![\s\S]*\b(?:now|still|"
                r"currently|at the moment|today|tonight|this (?:morning|evening|afternoon)|won'?t|"
                r"wont|not (?:going|easing|stopping)|sweat\w*|clammy|grey|gray|again|worse)\b)"),
            # an asthmatic's tight chest with a cold, told beside the inhaler
            _given((_ASTHMA_TOLD,), r"chest (?:is |feels? |felt |gets? )?(?:\w+ )?tight\w*|"
                   r"tight chest"),
            # a known effect of a migraine drug: "sumatriptan makes my chest feel tight"
            _rx(r"\w*triptan\b[^.?!]{0,60}?\bchest (?:\w+ ){0,2}?(?:tight\w*|pressure|heavy|"
                r"heaviness)", r"(?:imigran|maxalt|zomig)\b[^.?!]{0,60}?\bchest (?:\w+ ){0,2}?"
                r"(?:tight\w*|pressure|heavy|heaviness)"),
            # a figure of speech for stress: "I feel like I'm having a heart attack every time …"
            _rx(r"(?:feel|felt|feels) like (?:i'?m|im|i am|i was|he'?s|she'?s) (?:having|going to "
                r"have) a heart attack (?:\w+ ){0,2}?(?:every time|whenever|each time)"),
            # how each panic attack feels: "when the attacks come I feel like I'm having one"
            _rx(r"(?:when|whenever|every time|each time|during) (?:the |my |a |an |these )?"
                r"(?:panic )?attacks? (?:\w+ )?(?:\w+\W+){0,6}?(?:feel|felt|feels|feeling) like "
                r"(?:i'?m|im|i am|i was) (?:having|going to have|about to have) a heart attack",
                r"panic attacks? (?:\w+ ){0,3}?(?:feel|feels|felt) (?:just )?like (?:i'?m having )?"
                r"(?:a )?heart attacks?"),
            # a panic attack that is over, the heart attack it was feared to be ruled out by
            # tests ("had a panic attack on Monday, thought it was my heart, the ECG was
            # normal"), with no chest pain told as still there
            _rx(r"^(?=[\s\S]*\b(?:had|was having|after|since) (?:a |an |another |my first |that )?"
                r"(?:\w+ )?panic attacks?\b)(?=[\s\S]*\b(?:ecg|ekg|bloods?|blood tests?|tests?|"
                r"troponin|heart tracing|scans?|checks?|checked (?:over|out)?)\b[^.?!]{0,40}?\b"
                r"(?:normal|fine|clear|ok|okay|nothing wrong)\b)(?![\s\S]*?(?:\b(?:still|now|"
                r"right now|at the moment|today|tonight)\b[^.?!]{0,30}?\b(?:chest|pains?|tight\w*)"
                r"\b|\b(?:chest|pains?|tight\w*)\b[^.?!]{0,30}?\b(?:still|now|right now|at the "
                r"moment|today|tonight)\b))[\s\S]*"),
            # a young adult's sore chest wall after lifting or training that hurts where it is
            # pressed, with none of the signs of a heart cause beside it
            _rx(r"^(?=[\s\S]*\b(?:chest wall|(?:hurts?|pain\w*|tender\w*|sore\w*|aches?) "
                r"(?:\w+ ){0,5}?(?:when|if|where) (?:i |you |he |she )?(?:press|push|prod|poke|"
                r"touch)\w*))(?=[\s\S]*\b(?:bench\w*|lift\w*|gym|press[- ]?ups?|push[- ]?ups?|"
                r"weights|work(?:ing)? ?outs?|training|pull[- ]?ups?|dips|chest day|rowing|"
                r"climbing)\b)(?![\s\S]*\b(?:breath\w*|sweat\w*|clammy|arms?|jaw|neck|back|"
                r"faint\w*|dizz\w*|light ?headed|(?:been |being |feel\w* )sick|nause\w*|vomit\w*|"
                r"grey|gray|pale|spread\w*|radiat\w*|crushing|heavy|heaviness|pressure|"
                r"squeez\w*|tight\w*|angina|stents?|bypass|heart (?:condition|disease|problems?)|"
                r"(?:[4-9]\d|[1-9]\d\d) ?(?:m|f|yo|y/o|years?|yrs?)\b)\b)[\s\S]*"),
        ),
    ),
    Concept(
        "dangerous heart rhythm",
        f"{_CALL} if a very fast or very slow heart rate comes with fainting, chest pain or "
        "breathlessness; otherwise see a doctor today.",
        signs=(
            re.compile(
                r"\b(?:heart ?(?:rate|beat)|pulse|heart (?:is |was )?(?:\w+ ){0,2}?"
                r"(?:racing|pounding|beating))\D{0,30}"
                r"\b(?:1[6-9]\d|2\d\d)\b",
                re.IGNORECASE,
            ),
            # a very slow pulse with a faint or collapse
            _given((r"fainted|faints|fainting|pass(?:ing)? out|passed out|black(?:ing)? out|"
                    r"blacked out|collaps\w*",),
                   r"(?:heart ?(?:rate|beat)|pulse)\D{0,25}\b(?:[1-3]\d|40)\b(?!\s*(?:%|"
                   r"years?|yrs?|y/?o|kg|kilos?|lbs?|mins?|minutes|seconds|secs|hours?|days?))"),
            _given((r"faint\w*|pass(?:ing)? out|black(?:ing)? out|collaps\w*",
                    r"pale|sweat\w*|clammy|grey|gray"),
                   r"heart (?:is |was )?(?:go|goes|going|went|beating|racing|pounding) (?:very |"
                   r"really |so |super )?(?:fast|quick\w*|hard)|heart (?:is |was )?racing"),
        ),
    ),
    Concept(
        "breathing difficulty",
        f"{_CALL}: severe difficulty breathing needs emergency care.",
        signs=(
            _rx(r"can'?t breathe?", r"cant breathe?", r"cannot breathe?", r"unable to breathe",
                r"(?:can|could) (?:hardly|barely) (?:breathe?|talk|speak)",
                r"(?:difficulty|trouble|struggling|struggle|fighting) (?:to )?breath\w*",
                r"hard to breathe?", r"short(?:ness)? of breath", r"gasping", r"choking",
                r"can'?t (?:catch|get) (?:my|his|her|their) breath",
                r"couldn'?t catch (?:my|his|her|their) breath",
                r"(?:lips|face|skin|fingers)(?: \w+){0,2} (?:a bit |a little |slightly |kind of |"
                r"kinda |quite )?(?:dusky )?(?:blue|bluish|purple|grey|gray)",
                r"(?:turning|turned|going|gone) (?:blue|purple|grey|gray)",
                # blue told in any tense ("goes grey" on standing is the sight dimming)
                r"(?:turns?|goes|went) (?:a bit |a little |slightly |very |really |all )?"
                r"(?:blue|purple)",
                r"(?:not|isn'?t|stop|stopped|stops|keeps stopping|stopping) breathing",
                r"breathing (?:is |seems |looks |sounds |very |really )*(?:slow|shallow|fast and|"
                r"labou?red)",
                r"(?:restrict\w*|restricted) (?:my |his |her )?breathing",
                r"wheez\w* so (?:bad|hard|badly)", r"can'?t (?:finish|complete) (?:a )?sentences?",
                r"(?:hard|difficult|struggl\w*|trouble|a struggle) (?:to )?(?:finish\w*|"
                r"complet\w*) (?:a |my |his |her )?sentences?",
                # too breathless to talk: "too out of breath to finish talking"
                r"too (?:breathless|out of breath|short of breath|wheezy|puffed) to (?:\w+ )?"
                rf"(?:talk\w*|speak\w*|say|finish (?:a |my |his |her )?(?:sentences?|talking|"
                rf"speaking))\b{_EXERTION}",
                r"(?:skin )?between (?:his|her|the) ribs", r"ribs? (?:suck|sucking|pull)\w*",
                r"(?:suck\w*|pull\w*|sink\w*|draw\w*) in (?:under|between|below|around) "
                r"(?:his|her|the|their|my) ribs",
                r"(?:grey|gray|blue|bluish|dusky) (?:round|around) (?:the |his |her |their )?"
                r"(?:mouth|lips)",
                r"inhaler (?:is(?:n'?t| not)|isnt|not) (?:working|helping)",
                r"inhaler is doing nothing", r"oxygen (?:level |sat\w* )?(?:of |is |at )?[78]\d\b",
                r"asthma attack", r"stridor",
                r"(?:can|could) only (?:say|speak|get out|manage) (?:a few|a couple of|one or "
                r"two|two or three|\d) words",
                r"inhaler (?:is(?:n'?t| not)|isnt|not) doing (?:anything|much|a thing)",
                r"pink (?:froth\w*|foam\w*)|froth\w* pink",
                r"(?:noise|sound|noisy)\W+(?:\w+\W+){0,3}?when (?:he|she|i|they|my \w+) "
                r"breathes? in",
                r"breathed in (?:\w+ ){0,2}?smoke|smoke inhalation|(?:nose hairs?|eyebrows?) "
                r"(?:\w+ )?singed",
                r"(?:nose hairs?|eyebrows?|eyelashes)(?: and (?:my |his |her )?(?:nose hairs?|"
                r"eyebrows?|eyelashes))? (?:are |is |were |got |have been |all )?(?:\w+ )?"
                r"(?:singed|burnt|burned|scorched|frazzled)",
                r"(?:squeak\w*|whistl\w*|high[- ]pitched|crowing) (?:\w+ ){0,3}"
                r"(?:when|while|as|every time) (?:he|she|they|i|my \w+)? ?(?:breathes? in|inhales?|"
                r"breathing in|takes? a breath|tries to breathe)"),
        ),
        exclusions=(
            _rx(r"breathe? through (?:my|his|her|the) nose",
                # a blocked nose that needs its spray ("can't breathe without it")
                r"(?:can'?t|cannot|cant) breathe (?:properly )?without (?:it|the spray|my "
                r"spray|(?:the |my )?nasal spray|a nasal spray|(?:the |my )?decongestant)"),
            # a bruised toe or finger, or a swollen penis or foreskin, turning colour is no sign
            # of breathing
            _rx(r"(?:foreskin|penis|glans|testic\w*|scrotum)\W+(?:\w+\W+){0,12}?(?:turning|"
                r"turned|going|gone) (?:blue|purple|grey|gray)"),
            _rx(r"(?:toes?|fingers?|nails?|foot|feet|legs?|arms?|knees?|ankles?|shins?|bruises?)"
                r"\W+(?:\w+\W+){0,4}?(?:turns?|turning|turned|goes|go|going|went|gone) (?:\w+ )?"
                r"(?:blue|purple|grey|gray)",
                # … or a limb told injured, its swelling gone purple further on ("rolled my ankle
                # last night, it's swollen and gone purple")
                r"(?:toes?|fingers?|foot|feet|legs?|arms?|knees?|ankles?|wrists?|elbows?|shins?|"
                r"thumbs?|hands?)\b[^.?!]{0,80}?\b(?:swollen|swelling|bruised|bruising)\W+"
                r"(?:\w+\W+){0,3}?(?:turns?|turning|turned|goes|go|going|went|gone) (?:\w+ )?"
                r"(?:blue|purple|black)"),
            # hair that greys
            _rx(r"(?:hair|hairs|beard|eyebrows?|roots|temples)\W+(?:\w+\W+){0,4}?(?:turns?|turning|"
                r"turned|goes|go|going|went|gone) (?:\w+ )?(?:grey|gray|white|silver)"),
            _rx(r"(?:stops?|stopped|stopping|pauses?|paused) breathing (?:\w+ ){0,3}(?:at night|"
                r"in (?:my|his|her|their) sleep|while (?:sleeping|asleep))",
                r"snor\w*(?:\W+\w+){0,16}\W+(?:stops?|stopped|stopping|pauses?|paused) breathing",
                r"(?:some|most|every|at) nights?\W+(?:\w+\W+){0,3}?(?:stops?|stopped|stopping|"
                r"pauses?|paused) breathing"),
            _rx(r"short(?:ness)? of breath (?:(?:when|on|after|with|while|if) (?:i |he |she |"
                r"we |they |you )?)?(?:the |a |my |his |her )?(?:exercise\w*|exertion|stairs|"
                r"run\w*|walk\w*|climb\w*|"
                r"going up|(?:go|going|get|getting) up (?:the )?(?:stairs|hills?)|jog\w*|"
                r"working out|hills?)"),
            _PANIC_NAMED,
            # a tickle one chokes on is a cough's ("like I'm choking on a tickle every night")
            _rx(r"chok\w* on (?:a|the|this|that|my) tickle"),
            # choking told as what keeps happening when swallowing (a swallowing problem for
            # the doctor), not as happening now
            _rx(r"(?:started|starting|keeps?|kept|always|often|sometimes|tends? to) (?:\w+ )?"
                r"chok\w* on (?:his |her |my |their |the |these |those )?(?:them|tablets|pills|"
                r"capsules|food|drinks?|water|liquids?|medicines?|meds)\b"),
            # a breath-holding spell: a child turns blue holding the breath, then breathes
            _rx(r"(?:holds?|holding|held) (?:his|her|their|my) breath\b[^.?!]{0,60}?"
                r"(?:blue|bluish|purple|grey|gray)"),
            _BREATH_HOLDING_SPELL,
            # a young baby's pauses of a few seconds in sleep (periodic breathing), the sleep
            # told after the pause or before it
            _rx(r"(?:stops?|stopped|stopping|pauses?|paused) breathing (?:for )?(?:like |about |"
                r"around |maybe |just |only )?(?:a few|a couple of|[1-9]|1[0-5])(?:[- ](?:to )?"
                r"(?:[1-9]|1[0-5]))? ?(?:seconds|secs)\b[^.?!]{0,40}?\b(?:asleep|sleeping|in "
                r"(?:his|her|their) sleep)\b",
                r"\b(?:asleep|sleeping|in (?:his|her|their) sleep)\b[^.?!]{0,60}?\b(?:stops?|"
                r"stopped|stopping|pauses?|paused) breathing (?:for )?(?:like |about |around |"
                r"maybe |just |only )?(?:a few|a couple of|[1-9]|1[0-5])(?:[- ](?:to )?(?:[1-9]|"
                r"1[0-5]))? ?(?:seconds|secs)\b"),
        ),
    ),
    Concept(
        "infection around the eye",
        "Go to an emergency department now: a swollen, red eyelid with pain on moving the eye, "
        "blurred or double vision, or a bulging eye, above all after a sinus infection or with a "
        "fever, can be an infection spreading behind the eye (orbital cellulitis), which can harm "
        "the sight and spread within hours.",
        signs=(
            _given((r"eyelids?\W+(?:\w+\W+){0,3}?(?:swell\w*|swollen|puff\w*)|swollen (?:\w+ )?"
                    r"eyelids?|(?:swelling|swollen) (?:around|of|near) (?:my|his|her|the|their) "
                    r"eyes?",),
                   r"(?:hurts?|hurting|painful|pain|sore|cries|crying|screams|winc\w*) "
                   r"(?:\w+ ){0,2}?(?:to|when|on|if) (?:i |he |she |you |they )?(?:moves?|moving|"
                   r"look\w*|turn\w*) (?:\w+ )?(?:eyes?|sideways)|blurr\w*|double vision|"
                   r"seeing double|bulg\w*|"
                   r"(?:can'?t|cannot) move (?:my|his|her|the) eye"),
        ),
    ),
    Concept(
        "painful red eye with blurred vision",
        "Get the eye checked today, at an eye casualty or an emergency department: a red, "
        "painful eye with blurred vision, haloes round lights or pain from bright light can be "
        "acute glaucoma, inflammation inside the eye or an infection of the cornea (above all in "
        "contact lens wearers), which can harm the sight within hours to days.",
        urgency=SAME_DAY,
        signs=(
            _given((r"eyes?\W+(?:\w+\W+){0,6}?(?:red|bloodshot)|(?:red|bloodshot) eyes?",
                    r"(?:painful|pain|hurts?|hurting|aching|throbbing)"),
                   r"(?:vision|eyesight|sight)\W+(?:\w+\W+){0,3}?(?:blurr\w*|blurry|cloudy|misty|"
                   r"foggy|hazy|dim)|blurr\w* (?:vision|eyesight|sight)|haloe?s?|(?:bright )?"
                   r"lights? (?:\w+ ){0,2}?(?:hurts?|painful|unbearable)|(?:can'?t|cannot) "
                   r"(?:stand|bear|tolerate) (?:the )?(?:bright )?light",
                   # tired eyes after close work or a screen
                   unless=(r"after (?:reading|a long day|work)|screens?|computer|laptop|tired|"
                           r"hay ?fever",)),
        ),
    ),
    Concept(
        ANAPHYLAXIS,
        f"{_CALL} and use an epinephrine auto-injector if you have one: this may be anaphylaxis.",
        signs=(
            # an eyelid alone swells with a stye, an allergy or an infection (see the card on
            # infection around the eye); with an allergen it counts below
            _rx(r"(?:tongue|lips?|throat|face|mouth)(?: \w+){0,3} (?:is |are |has |have |"
                r"started |keeps? |feels? |felt )?(?:swell\w*|swollen|puff\w* up|closing|closed|"
                r"tightening)",
                r"swell\w* (?:up )?(?:of |in )?(?:my|his|her|the) (?:tongue|lips|throat|face)",
                r"swollen (?:tongue|lips|throat)", r"throat (?:feels )?(?:like (?:it'?s|its) )?"
                r"(?:closing|tight\w*)",
                # "lips feel tingly and a bit swollen", "kind of tight in my throat"
                r"(?:tongue|lips?|throat|mouth) (?:feels?|felt|are|is|went|gone|going) (?:\w+ )"
                r"{0,2}?(?:and|&) (?:a bit |a little |slightly |kind of |really |quite )?"
                r"(?:swell\w*|swollen|puff\w*)",
                r"tight\w* (?:feeling )?in (?:my|his|her|the) throat",
                r"hives (?:and|with) (?:\w+ )?(?:trouble|difficulty|wheez\w*|faint\w*|dizz\w*|"
                r"swelling|vomit\w*)",
                # using one now; "needs an EpiPen" is owning one, asked ahead
                r"(?:use|give) (?:my|his|her|an|the) epi[- ]?pen|need (?:my|his|her|the) "
                r"epi[- ]?pen"),
            # hives everywhere, unless breathing and lips are told to be fine: hives alone are no
            # anaphylaxis
            _given((), r"hives all over",
                   unless=(_OTHER_SYSTEMS_FINE, _LASTING_OR_RECURRING, _ANTIHISTAMINE_TAKEN)),
            # hives or welts all over after a sting, a food or a new medicine, with faintness,
            # a tight chest or wheezing: more than the skin is reacting
            _given((f"{_ALLERGEN}|{_NEW_MEDICINE}", _SKIN_ALL_OVER),
                   r"faint\w*|dizz\w*|light[- ]?headed|chest (?:\w+ ){0,2}?tight\w*|tight chest|"
                   r"wheez\w*|(?:short|out) of breath|breathless\w*|(?:trouble|difficulty|"
                   r"struggling) breathing|vomit\w*|throwing up"),
            _given((f"{_ALLERGEN}|{_NEW_MEDICINE}",),
                   r"(?:tongue|lips?|face|eyelids?)\W+(?:\w+\W+){0,3}?(?:puffy|puffing|puffed)|"
                   r"(?:throat|thoat|throut)\W+(?:\w+\W+){0,3}?(?:tight\w*|closing|swell\w*|"
                   r"swollen)"),
            # a changed voice, unless a steroid inhaler explains it (hoarseness is its effect)
            _given((f"{_ALLERGEN}|{_NEW_MEDICINE}",),
                   r"(?:voice|speech) (?:\w+ ){0,2}?(?:husky|hoarse|croaky|changed|gone funny)",
                   unless=(_STEROID_INHALER,)),
        ),
        events=(_rx(r"anaphyla\w*", r"allergic reaction"),),
        exclusions=(
            _rx(r"what (?:does|do|would|might|will|can) (?:an? )?(?:anaphyla\w*|allergic "
                r"reactions?)(?: \w+){0,2} look like",
                r"(?:be |get )?prepared for (?:an? )?(?:anaphyla\w*|allergic reactions?)",
                # an allergic reaction wondered about, or a mild or local one
                r"(?:or|just|only|probably|maybe) (?:an? )?(?:\w+ )?allergic reactions?",
                r"(?:is|was|could|might) (?:it|this|that)(?: be)? (?:an? )?(?:\w+ )?allergic "
                r"reactions?",
                r"(?:an? )?(?:mild|local|minor|small|slight|skin) allergic reactions?",
                # asked whether what is told is one ("am I having an allergic reaction?"): its
                # signs, when told, still count
                r"(?:am i|is (?:he|she|it|this|that)|are (?:we|they|you)) having (?:an? )?"
                r"(?:\w+ )?allergic reactions?"),
            # the usual reaction of a known allergy, told as what happens whenever the food is
            # eaten ("hives and vomiting when he eats egg"), not as happening now
            _rx(r"hives (?:and|with) (?:\w+ )?\w+ (?:when|whenever|every time|each time|if) "
                r"(?:he|she|i|they|we|you|my \w+) (?:eats?|has|have|drinks?|touches?|takes?|"
                r"gets?)\b",
                # or told beside the allergy in brackets, or as what it does ("allergic to nuts
                # (my lips swell)", "lips swell up if I eat them")
                r"allergic to (?:\w+ ){1,3}?\((?:my |his |her |the )?(?:lips?|tongue|face|mouth|"
                r"eyes?) (?:swells?|swell up|go(?:es)? puffy|puffs? up)(?=\))",
                r"(?:lips?|tongue|face|mouth) (?:swells?|swell up|go(?:es)? puffy|puffs? up) "
                r"(?:when|whenever|every time|each time|if) (?:he|she|i|they|we|you|my \w+) "
                r"(?:eats?|has|have|drinks?|touches?|takes?)\b"),
            # how or when to use one, asked ahead: its swelling signs still count
            _rx(r"(?:how|when) (?:do|does|should|would|can|could|to|are|is) (?:i |you |we |one |"
                r"they |he |she )?(?:\w+ )?(?:use|give|inject) (?:an?|my|his|her|the|their) "
                r"epi[- ]?pens?",
                # whether one should be prescribed, asked about the future
                r"(?:do|does|should|would|will|must) (?:i|you|we|they|he|she|my \w+) (?:\w+ )?"
                r"(?:need|get|carry|have) (?:an?|to (?:carry|have|get) an?) epi[- ]?pens?"),
        ),
    ),
    Concept(
        COUGHED_BLOOD_A_LOT,
        f"{_CALL}: coughing up more than a few teaspoons of blood, or blood with trouble "
        "breathing or chest pain, can block the airways and needs emergency care now.",
        signs=(
            _rx(r"cough\w*(?: up)? (?:a lot of|lots of|loads of|so much|a cup\w* of|cups? of|"
                r"mouthfuls? of|large amounts? of|clots of|more than (?:a )?(?:few |couple of )?"
                r"(?:tea|table)?spoons?(?:ful)?s? of) (?:fresh |bright red |red )?blood"),
            _given((_COUGHED_BLOOD,), r"(?:can'?t|cannot|struggling to|hard to) breathe|"
                   r"(?:trouble|difficulty|struggling) breathing|gasping"),
        ),
    ),
    Concept(
        COUGHED_BLOOD,
        "Coughing up blood, even streaks of it, needs a doctor today: call your doctor or a "
        "nurse advice line today, above all if you smoke or are over 40. Call your local "
        "emergency number (911 in the US) now if you cough up more than a few teaspoons of "
        "blood, or have trouble breathing or chest pain.",
        urgency=SAME_DAY,
        signs=(_given((), _COUGHED_BLOOD, unless=(r"nose ?bleed\w*|bleeding gums?",)),),
    ),
    Concept(
        ACE_INHIBITOR_SWELLING,
        "Swelling of the lips, tongue or face on an ACE inhibitor (such as ramipril, lisinopril "
        "or enalapril) can be angioedema, which can start even after years on the medicine: do "
        "not take the next dose until you have spoken to your doctor or pharmacist today. Call "
        "your local emergency number (911 in the US) now if the tongue or throat swells, or "
        "breathing, swallowing or speaking gets hard.",
        urgency=SAME_DAY,
        signs=(
            _given((_ACE_INHIBITOR,),
                   r"(?:tongue|lips?|face|mouth|cheeks?)\W+(?:\w+\W+){0,4}?(?:puffy|puff\w* up|"
                   r"swell\w*|swollen|puffed)|(?:swollen|puffy|swelling of (?:my|his|her|the)) "
                   r"(?:\w+ )?(?:lips?|tongue|face)"),
        ),
    ),
    Concept(
        WHOOPING_COUGH_NEAR_A_BABY,
        "A cough that comes in fits, with a whoop or being sick after it, can be whooping "
        "cough, which is dangerous for babies: see a doctor today, as early antibiotics also "
        "protect a baby or a pregnant woman at home. Call your local emergency number (911 in "
        "the US) now if a baby turns blue, stops breathing or has pauses in breathing.",
        urgency=SAME_DAY,
        signs=(
            _given((r"bab(?:y|ies)|newborns?|infants?|\d+[- ](?:weeks?|months?|wks?|mths?)[- ]old|"
                    r"pregnan\w*",),
                   r"whoop(?:ing)? (?:noise|sound)|whoops?|cough\w* (?:\w+ ){0,3}?(?:in )?"
                   r"(?:\w+ )?fits|fits of cough\w*|cough\w* (?:\w+ ){0,4}?(?:until|till|then) "
                   r"(?:\w+ ){0,2}?(?:sick|vomit\w*|throws? up)",
                   unless=(r"vaccin\w*|jabs?|immunis\w*|immuniz\w*",)),
        ),
    ),
    Concept(
        NOSEBLEED,
        "Go to an emergency department now, or call your local emergency number if the person "
        "feels faint or dizzy: a nosebleed that has not stopped after 20 minutes of pressure, "
        "above all on a blood thinner, needs a doctor to stop it. Meanwhile sit up, lean "
        "forward (not back) and pinch the soft part of the nose firmly without letting go.",
        sudden=True,
        signs=(
            re.compile(
                rf"\b(?:{_NOSE_BLEEDING})\b[^.?!]{{0,30}}?\b(?:for|over) (?:over |more than |"
                rf"about |nearly |almost )?(?:{_TWENTY_MINUTES_OR_MORE})"
                rf"|\b(?:{_NOSE_BLEEDING})\b[^.?!]{{0,50}}?\b(?:won'?t|wont|will not|doesn'?t|"
                r"does not|isn'?t|not|can'?t|cannot) (?:\w+ )?stop(?:ping)?\b"
                r"|\bnose (?:\w+ )?(?:won'?t|wont|will not|doesn'?t|does not|isn'?t|can'?t) stop "
                r"bleeding\b"
                # "started bleeding about 45 minutes ago … it just keeps going"
                rf"|\b(?:{_NOSE_BLEEDING})\b[^.?!]{{0,30}}?\b(?:{_TWENTY_MINUTES_OR_MORE}) ago\b"
                r"|\bnose (?:started |has been |is |was )?bleed\w*\b[^?!]{0,120}?\b(?:it (?:just )?"
                r"keeps? (?:on )?going|still (?:going|bleeding|pouring)|(?:has ?n'?t|hasnt|has "
                r"not) stopped)\b",
                re.IGNORECASE,
            ),
        ),
    ),
    Concept(
        BLEEDING_WOUND,
        f"{_CALL}: a cut or wound still bleeding through a cloth needs emergency care. Press "
        "hard on it with a clean cloth and do not lift it to look; put more cloth on top if "
        "blood soaks through, and raise it above the heart if you can. If the cut was made on "
        "purpose, say so: it will be treated all the same, and help for what led to it is there "
        "too.",
        sudden=True,
        signs=(
            _given((r"cut\w*(?! (?:down|back|out)\b)|wound|gash\w*|lacerat\w*|slic\w*|stab\w*|"
                    r"knife|razor|blade|glass",),
                   r"(?:bleed\w*|bled|blood\w*|soak\w*) (?:right |straight )?(?:through|thru) "
                   r"(?:\w+ ){0,2}?"
                   r"(?:towels?|bandages?|dressings?|cloths?|plasters?|gauze|kitchen roll|"
                   r"t-?shirts?|tissues|tea towels?)|(?:won'?t|wont|will not|doesn'?t|does not|"
                   r"can'?t) stop bleeding|(?:blood (?:is )?)?(?:spurting|gushing|pumping|"
                   r"squirting) (?:out )?(?:blood)?"),
        ),
    ),
    Concept(
        BLEEDING_AFTER_BIRTH,
        f"{_CALL}: in the weeks after a birth, bleeding that soaks a pad in an hour or less, or "
        "passes clots bigger than a plum, above all with dizziness, a racing heart or feeling "
        "faint, can be a postpartum haemorrhage. Lie down with your legs raised and keep the "
        "baby's red book or maternity notes at hand; do not drive yourself.",
        signs=(
            _given((_GAVE_BIRTH,),
                   r"soak\w* (?:through )?(?:a |\w+ ){0,2}?(?:pads?|towels?|sheets?)|(?:huge|big|"
                   r"large|massive) (?:blood )?clots|(?:bleeding|blood|it) (?:\w+ ){0,3}?(?:got|"
                   r"gotten|getting|became|is|went) (?:really |very |much |so |suddenly )?"
                   r"(?:heavy|heavier|worse)\b"),
        ),
    ),
    Concept(
        "severe bleeding",
        f"{_CALL}: heavy bleeding, vomiting or coughing blood, or black, tarry stools (bleeding "
        "in the gut) need emergency care; tell them every medicine taken, blood thinners and "
        "painkillers above all.",
        sudden=True,
        signs=(
            _rx(r"(?:spurting|gushing|pouring|squirting|pumping) (?:out )?blood",
                r"(?:blood|bleeding)\W+(?:\w+\W+){0,8}?in spurts",
                r"blood (?:is )?(?:spurting|gushing|pouring|squirting|pumping)",
                r"blood (?:\w+ )?(?:spurts|gushes|squirts|pumps) (?:out|everywhere)",
                r"bleed\w* (?:really |so |very )?(?:heavily|a lot|bad|badly|nonstop|non-stop|"
                r"profusely)",
                r"(?:heavy|severe|uncontrolled|profuse|massive) bleeding",
                r"(?:won'?t|wont|will not|doesn'?t|does not|can'?t) stop bleeding"),
            # blood everywhere, unless the bleeding is told to have stopped
            _given((), r"blood (?:is )?(?:everywhere|all over)",
                   unless=(r"(?:it|bleeding|it'?s|its|it has|bleeding has|nosebleed) (?:has )?"
                           r"(?:now |since |finally |nearly |almost |mostly |pretty much |just "
                           r"about )?stopped|stopped (?:now|bleeding)",
                           # stopped long since: "it took a quarter of an hour to stop but
                           # all fine since then"
                           r"(?:took|taking) (?:about |around |over |nearly |almost |a good )?"
                           r"(?:\d+|a few|five|ten|fifteen|twenty|half an hour) ?(?:mins?|"
                           r"minutes)? to stop\W+(?:\w+\W+){0,6}?(?:fine|ok|okay|all right|"
                           r"alright|nothing) since",
                           # nosebleeds that keep coming back, told as a pattern
                           r"(?:keeps?|kept) (?:getting|having) (?:\w+ )?nose ?bleeds|"
                           r"nose ?bleeds,? (?:\w+ ){0,4}?(?:a|per|every|each) (?:week|month|"
                           r"night|day)")),
            re.compile(
                r"\b(?:bleed\w*|blood|nosebleed)\b[^.?!]{0,50}?\b(?:won'?t|wont|will not|"
                r"doesn'?t|does not|isn'?t|not) stop(?:ping)?\b",
                re.IGNORECASE,
            ),
            _rx(r"(?:vomit\w*|throw\w* up|threw up|puk\w*|cough\w*) (?:up )?(?:\w+ )?(?:blood|"
                r"bright red)", r"coffee grounds",
                r"(?<!streak of )(?<!streaks of )(?<!fleck of )(?<!flecks of )(?<!speck of )"
                r"(?<!specks of )(?<!bit of )(?<!trace of )(?<!spot of )(?<!spots of )"
                r"(?:bright red |fresh |red )?blood (?:\w+ ){0,2}?in (?:the |my |his |her |their )?"
                r"(?:sick|vomit|puke|spew)\b(?! bag)", r"blood (?:is )?com+ing out (?:from|of) "
                r"(?:the |her |his |my )?mouth",
                r"maroon(?: and)? (?:tarry )?(?:poop|stools?|bowel movements?)",
                r"soak\w* (?:through )?(?:a |\w+ ){0,2}?(?:pads?|tampons?)",
                r"(?:huge|big|large) (?:blood )?clots",
                r"(?:pooping|passing|shitting) (?:out )?(?:a lot of |lots of |pure )?blood",
                r"peeing (?:out )?(?:a lot of |lots of |pure )blood",
                r"(?:losing|lost|lose) (?:a lot of|lots of|so much|too much) blood",
                r"(?:bleed\w*|soak\w*|blood\w*) (?:right )?(?:through|thru) (?:\w+ ){0,2}?"
                r"(?:towels?|"
                r"bandages?|dressings?|cloths?|plasters?|gauze|kitchen roll|t-?shirts?|tissues)",
                r"(?:cough\w*|vomit\w*|threw|throw\w*|brought|bringing|sick) up (?:what "
                r"(?:\w+ ){0,3}?(?:be|like) )?(?:about |nearly |almost |at least |half )?"
                r"(?:a |an )?(?:cup|cupful|mug|mugful|glass|mouthful|mouthfuls|tablespoon|"
                r"spoonful|lot|load)s? (?:\w+ )?of (?:\w+ ){0,2}?blood"),
            _given((r"(?:tonsils?|adenoids|wisdom (?:teeth|tooth)|tooth|teeth|polyps?) (?:\w+ )?"
                    r"(?:out|removed|pulled|extracted)|(?:after|since) (?:my |the |his |her )?"
                    r"(?:surgery|operation|op|procedure|biopsy)|(?:surgery|operation|op|procedure|"
                    r"biopsy) (?:\w+ ){0,2}?(?:\d+|a few|two|three|four|five|six|ten) days ago",),
                   r"(?:loads of|lots of|a lot of|so much|bright red|fresh) (?:bright red |fresh )?"
                   r"(?:blood|bleeding)|bleeding (?:again|heavily|a lot)"),
            # black stools, unless something that blackens them is taken (iron told as not
            # taken does not count: "I haven't taken any iron tablets")
            re.compile(
                r"^(?![\s\S]*\b(?<!not taken )(?<!not taken any )(?<!no )(?<!not on )"
                r"(?<!haven't taken any )(?<!havent taken any )(?<!haven't had any )"
                r"(?:iron|ferrous|pepto|bismuth|blueberr\w*|licorice|liquorice|beetroot)\b)"
                rf"[\s\S]*?\b(?P<key>{_BLACK_STOOLS})\b",
                re.IGNORECASE,
            ),
            # black stools on a blood thinner, aspirin or an anti-inflammatory, or with signs of
            # blood lost, whatever else is taken ("is this from iron tablets?" asked beside
            # fainting or light-headedness on standing)
            _given((rf"{_BLOOD_THINNER}|{_GUT_BLEED_DRUG}|{_BLOOD_LOST}|{_DIZZY_ON_STANDING}",),
                   _BLACK_STOOLS),
        ),
        # a heavy period with clots is for a doctor's visit; soaking a pad an hour is not
        exclusions=(
            _rx(r"blood (?:is |was )?(?:everywhere|all over)[^?!]{0,120}?\b(?:stopped|stops) "
                r"(?:on its own|by itself|with (?:pinching|pressure))"),
            _rx(r"heavy (?:menstrual )?(?:periods?|flow)(?: \w+){0,3}? (?:big |large |huge )?clots",
                r"(?:periods?|menstrual|menstruation)\b[^.?!]{0,40}\b(?:big |large |huge )?clots",
                # heavy for months or a year: a doctor's visit, whatever the clots
                r"(?:periods?|menstrual|menstruation)\b[^.?!]{0,40}\b(?:the (?:last|past) "
                r"(?:\w+ )?(?:year|years|months)|for (?:months|years))[^.?!]{0,80}\b"
                r"(?:big |large |huge )?clots"),
            # soaking pads told as how periods usually go, not a bleed happening now
            _rx(r"(?:on (?:(?:the|her|my|their) )?heavy days|(?:every|each) (?:period|month|"
                r"cycle)|(?:sometimes|usually|always|often|normally))\W+(?:\w+\W+){0,4}?soak\w* "
                r"(?:through )?(?:a |\w+ ){0,2}?(?:pads?|tampons?)",
                # told of one's periods ("my periods last 9 days and I soak a tampon an hour"),
                # with no faintness and no pregnancy: a doctor's visit
                r"(?:periods?|menstrual|menstruation)\b(?![^.?!]*\b(?:dizz\w*|faint\w*|light ?"
                r"headed|passed out|pale|washed out|pregnan\w*|miscarr\w*|birth|today|tonight|"
                r"since|this (?:morning|afternoon|evening)|right now|for (?:\w+ )?hours|hours? ago|"
                r"half (?:an )?hour|"
                r"minutes|is (?:so |really |very |super )?heavy)\b)[^.?!]{0,60}?\b"
                r"soak\w* (?:through )?(?:a |\w+ ){0,2}?(?:pads?|tampons?)"),
        ),
    ),
    Concept(
        "possible blood clot",
        "A painful, red, swollen leg can be a blood clot (DVT): get medical care today, and call "
        "your emergency number if breathing becomes hard or there is chest pain.",
        urgency=SAME_DAY,
        signs=(
            re.compile(
                r"\b(?:red\w*|pain\w*|warm\w*|hot|swell\w*|swollen|tender)\W+(?:\w+\W+){0,4}?"
                r"(?:red\w*|pain\w*|warm\w*|hot|swell\w*|swollen|tender)\b[^.?!]{0,20}?\b(?:calf|"
                r"calves|thigh|leg)\b|\b(?:calf|thigh|leg) (?:is |has been |was |looks |feels "
                r"|got |gone )?(?:red\w*|pain\w*|warm\w*|hot|"
                r"swell\w*|swollen)\W+(?:and\W+)?(?:red\w*|pain\w*|warm\w*|hot|swell\w*|swollen|"
                r"sore|tender|achy|aching|tight)",
                re.IGNORECASE,
            ),
            # one swollen or sore calf after a flight, an operation, a birth, or on the pill
            _given((_CLOT_RISK,),
                   r"(?:calf|calves|leg|thigh)\W+(?:\w+\W+){0,5}?(?:swollen|swelling|swelled|"
                   r"sore|painful|tender|aching|achy|tight)|swollen (?:calf|leg)"),
            # an arm with a line in its vein (a PICC or port) swelling
            _given((r"picc|central line|portacath|port[- ]a[- ]cath|(?:iv|drip|long) line|"
                    r"line in (?:my|his|her|their) arm",),
                   r"arm\W+(?:\w+\W+){0,5}?(?:swollen|swelling|swelled|puffy)|swollen (?:\w+ )?"
                   r"arm"),
        ),
    ),
    Concept(
        "possible blood clot in the lungs",
        f"{_CALL}: shortness of breath or chest pain on breathing in, with a swollen painful "
        "calf, or after an operation, a birth, a long journey or on hormone pills, can be a "
        "blood clot in the lungs (pulmonary embolism).",
        signs=(
            _given((_CLOT_BREATH,),
                   r"(?:calf|leg|thigh)\W+(?:\w+\W+){0,3}?(?:swollen|swelling|sore|painful|red|"
                   r"tender|hurts?|aching)|swollen (?:calf|leg)"),
            _given((_CLOT_RISK,), _CLOT_BREATH),
        ),
    ),
    Concept(
        "loss of consciousness or seizure",
        f"{_CALL}: loss of consciousness or a prolonged seizure needs emergency care. If a "
        "seizure has gone on for 5 minutes and a rescue medicine has been prescribed (such as "
        "buccal midazolam), give it now as the care plan says. Lie someone who is breathing but "
        "not awake on their side, protect their head, and put nothing in their mouth.",
        signs=(
            _rx(r"unconscious", r"unresponsive", r"passed out", r"collapsed", r"blacked out",
                r"knocked out", r"(?:won'?t|wont|will not|isn'?t|not|stopped) respond\w*",
                r"faint(?:s|ed)", r"(?:won'?t|wont|isn'?t|isnt|not|can'?t|cant) wak(?:e|ing) "
                r"(?:\w+ )?up", r"hard to wake", r"doesn'?t wake up",
                r"(?:can'?t|cant|cannot|could ?n'?t) (?:\w+ )?wake (?:him|her|them) (?:properly|"
                r"fully)",
                r"(?:found|lying) (?:[\w'()]+ ){0,6}?on (?:the|her|his|their|my) (?:\w+ )?floor\W+"
                r"(?:\w+\W+){0,8}?(?:won'?t|wont|will not|isn'?t|isnt|not|can'?t|cant) "
                r"(?:answer|talk|respond)\w*",
                r"(?:can'?t|cant|cannot|could ?n'?t|unable to) get (?:him|her|them) to wake",
                r"(?:seizure|fit|convulsion)s? (?:that )?(?:won'?t stop|lasting|for (?:over|more "
                r"than) \d+|(?:going|went) on)",
                r"(?:seizure|fit|convulsion)s?,? (?:(?:has|have|'s|s) )?(?:been )?going (?:on )?"
                r"(?:for )?(?:over |more than |about |nearly |almost )?(?:[5-9]|[1-5]\d|five|six|"
                r"seven|eight|nine|ten|fifteen|twenty) ?(?:min\w*|m)\b",
                r"(?:seizures|fits|convulsions) one after another", r"eyes rolled back",
                r"(?:shaking|jerking) all over",
                # a fit told by how long it has lasted, or with no coming round between
                r"(?:seizing|fitting|convulsing|having (?:a )?(?:fit|seizure)s?) (?:for|since) "
                r"(?:over |more than |about |nearly |almost )?(?:\d+|five|ten|a few)"
                r"(?:(?: or |-| to )(?:\d+|six|seven|eight|ten))? ?(?:min\w*|m)\b",
                r"(?:not|isn'?t|isnt|hasn'?t|hasnt|without) (?:\w+ )?(?:coming|come|came) "
                r"(?:round|around|to)\b"),
            # a second fit before coming round from the first, or no answer after a fit
            _given((_FIT_TOLD,),
                   r"(?:another|second|again)\W+(?:\w+\W+){0,6}?before (?:he|she|they|I|you)"
                   r"(?:'d| had| has|'s)? (?:\w+ )?(?:come|came|coming) (?:round|around|to)\b|"
                   r"(?:doesn'?t|does not|didn'?t|did not|isn'?t|is not) (?:really |properly |"
                   r"fully )?(?:respond\w*|responsive)"),
            # a fit while coming off alcohol, benzodiazepines or sleeping pills
            _given((r"(?:stopped|stopping|quit|quitting|coming off|came off|withdraw\w*|cold "
                    r"turkey|detox\w*)",
                    r"drink\w*|alcohol|booze|xanax|valium|diazepam|alprazolam|benzo\w*|"
                    r"lorazepam|clonazepam|sleeping (?:pills|tablets)"),
                   r"(?:had|having|has had|just had) (?:some (?:kind|sort) of |a |what looked like "
                   r"a )?(?:fit|seizure|convulsion)"),
            # fits that come back with no waking between them
            _given((_FIT_TOLD,),
                   r"(?:shaking|jerking|twitching|fitting|seizing)\W+(?:\w+\W+){0,3}?(?:over|more "
                   r"than|for|about|nearly|almost) (?:[5-9]|[1-5]\d|five|six|seven|eight|nine|ten|"
                   r"fifteen|twenty) ?(?:min\w*|m)\b|(?:shaking|jerking|fit|seizure) (?:\w+ ){0,2}?"
                   r"(?:won'?t|wont|will not|doesn'?t|isn'?t) stop"),
            _given((r"fit\w*|seiz\w*|convuls\w*",),
                   r"(?:hasn'?t|hasnt|has not|hadn'?t|hadnt|didn'?t|didnt|not|without) "
                   r"(?:\w+ )?(?:woken|waking|woke|wake) up (?:in between|between)|"
                   r"(?:stopped|stops) (?:\w+ ){0,3}?(?:and|then) (?:\w+ )?(?:started|starts) "
                   r"(?:up )?again"),
        ),
        exclusions=(
            # an illness or a person not helped by a treatment: "isn't responding to the tablets"
            _rx(r"(?:not|isn'?t|isnt|doesn'?t|doesnt|aren'?t|hasn'?t|didn'?t|wasn'?t|never) "
                r"(?:\w+ )?respond\w* (?:well |at all )?to (?:the |his |her |"
                r"my |their |any |its )?(?:new |current |first |usual )?(?:treatment|medic\w*|meds|"
                r"tablets|pills|drugs?|doses?|therapy|antibiotics|steroids?|inhalers?)"),
            # "how many would it take to not wake up" asks a way to die, not about a faint
            _rx(r"(?:take|enough|need) to (?:just |simply |finally )?(?:not|never) wake up"),
            # flopped down tired: "collapsed on the sofa, dead to the world"
            _rx(r"collapsed (?:\w+ )?(?:on|onto|into|in) (?:the |his |her |my |a )?(?:sofa|couch|"
                r"settee|bed|armchair|chair|beanbag)", r"dead to the world"),
            # a faint that passed within moments is no emergency now (see "a faint that has
            # passed" for when it still needs a doctor today)
            _FAINT_PASSED_RX,
            _FEARED_SPELL,
            _HEARSAY_FAINT,
            # a tooth knocked out, not a person: "knocked out two of her teeth"
            _rx(r"knocked out (?:(?:a|an|one|two|three|some|both|several) )?(?:of )?"
                r"(?:(?:his|her|my|their|your|the|a) )?(?:\w+ ){0,3}?(?:tooth|teeth)\b",
                r"knocked (?:(?:a|an|one|two|his|her|my|their|the) )?(?:\w+ ){0,3}?(?:tooth|teeth) "
                r"out"),
        ),
        events=(
            _rx(rf"{_SUBJECT_NOW} (?:having|had) (?:a |an )?(?:seizure|fit|convulsion)s?",
                r"(?:just|first) (?:had (?:a |her |his |my )?)?(?:first )?(?:seizure|convulsion)",
                rf"{_SUBJECT_NOW} (?:seizing|convulsing)",
                # "fitting" is a seizure when a person does it ("she's fitting"), not a dress
                r"(?:he|she|they|baby)(?:'?s| is| has been|s been| keeps| started| starts) "
                r"fitting\b"
                r"(?! (?:in|into|well|better|less|fine|the|a|his|her|their|my)\b)"),
        ),
    ),
    Concept(
        "possible penile fracture",
        "Go to an emergency department now: a pop or crack of the penis during sex or an "
        "erection, with the erection going at once and then swelling or bruising, can be a "
        "penile fracture, which needs repair within hours to keep erections and passing urine "
        "normal; do not wait to see whether it heals.",
        signs=(
            _given((r"penis|penile|dick|cock|manhood|willy", r"sex|intercourse|erection|erect|"
                    r"hard|masturbat\w*|bent|bend\w*"),
                   r"pop|popp(?:ed|ing)|crack(?:ed|ing)?|snap(?:ped)?"),
            _rx(r"(?:broke|broken|break|breaking|fractured?|snapped) (?:my|his|your) (?:penis|dick|"
                r"cock|manhood|willy)"),
        ),
        exclusions=(_rx(r"(?:pop|popp\w*|crack\w*|snap\w*) (?:in|of) (?:my|his|the) (?:knee|back|"
                        r"hip|neck|jaw|ears?|shoulder|ankle)"),),
    ),
    Concept(
        "testicular torsion",
        "Go to an emergency department now: sudden or severe pain in a testicle, most of all with "
        "vomiting or swelling, can be a twisted testicle (torsion), which needs surgery within "
        "hours.",
        sudden=True,
        signs=(
            re.compile(
                r"^(?=[\s\S]*\b(?:sudden\w*|severe\w*|really bad|very bad|worst|woke (?:up )?with|"
                r"vomit\w*|threw up|throwing up|swollen|swelling|kicked|hit|scream\w*|agony|"
                r"excruciating|(?:been|being) sick|sick (?:twice|again)|doubled (?:up|over)|"
                r"woke (?:up )?(?:\w+ ){0,3}?(?:screaming|crying|in pain)|higher (?:up )?than the "
                r"other|high[- ]riding)\b)[\s\S]*?"
                r"(?:\b(?:testic\w*|testis|testes|scrot\w*|(?:left|right|one) ball|balls|his "
                r"(?:privates|private parts|nuts))\b"
                r"[^.?!]{0,80}?\b(?P<key>pain\w*|hurts?|hurting|aches?|aching|swollen|swelling|"
                r"tender)\b|\b(?P<key2>pain\w*|hurts?|hurting|aches?|aching|swollen|swelling)\b"
                r"[^.?!]{0,40}?\b(?:testic\w*|testis|testes|scrot\w*|(?:left|right|one) ball|"
                r"balls|his (?:privates|private parts|nuts))\b)",
                re.IGNORECASE,
            ),
            # a blow told as "kicked in the groin", with swelling or vomiting after it
            _given((r"(?:kicked|hit|struck|kneed|whacked|smacked|elbowed) (?:\w+ ){0,2}?(?:in|on) "
                    r"(?:the|his|my|her) (?:groin|nuts|privates|crotch)",),
                   r"swollen|swelling|vomit\w*|threw up|throwing up|been sick"),
        ),
        exclusions=(
            _rx(r"balls? of (?:my|his|her|the|your) (?:feet|foot)", r"(?:tennis|golf|foot|stress) "
                r"balls?", r"balls? (?:of|in) (?:the )?(?:feet|foot|hand)"),
        ),
    ),
    Concept(
        "possible ectopic pregnancy",
        "Go to an emergency department now, and call your local emergency number (911 in the US) "
        "if you feel faint: pain on one side of the belly, bleeding, shoulder-tip pain or "
        "dizziness early in pregnancy can be an ectopic pregnancy.",
        signs=(
            re.compile(
                r"^(?=[\s\S]*\b(?:pregnan\w*|positive (?:pregnancy |home )?test|missed (?:my |her "
                r")?period|late period|weeks? along|period (?:is |was |'s )?(?:\w+ ){0,3}?late)\b)"
                r"(?=[\s\S]*\b(?<!no )(?<!not )(?<!any )(?<!without )(?:spotting|bleeding|blood|"
                r"dizz\w*|faint\w*|pass(?:ed|ing)? out|light[- ]?headed)\b)"
                r"[\s\S]*?\b(?P<key>(?:left|right|one)[- ]sided (?:\w+ )?(?:pain|cramp\w*)|(?:pain|"
                r"cramp\w*|hurts?) (?:\w+ ){0,3}(?:on|in) (?:my |her |the )?(?:(?:left|right|one)"
                r"(?: lower| upper)? side|(?:left|right)\b(?! (?:arm|leg|hand|foot|eye|ear|knee|"
                r"breast|shoulder|hip|wrist|ankle|elbow)\b| (?:side )?of (?:my |her |the )?(?:head|"
                r"face|neck|jaw|chest|back|mouth|tongue|throat|nose|eye|ear|arm|leg|foot|hand)))|"
                r"shoulder (?:tip )?(?:pain|hurts?|aches?)|"
                r"pain in (?:my|her) shoulder|tip of (?:my |her |the )?shoulder)\b",
                re.IGNORECASE,
            ),
            # pain on one side low down in the first weeks, before a scan has seen the pregnancy
            _given((r"pregnan\w*|positive (?:pregnancy |home )?test", _EARLY_PREGNANCY),
                   r"(?:left|right|one)[- ]sided (?:\w+ )?(?:pain|ache|cramp\w*)|(?:pain|ache|"
                   r"cramp\w*|twinge\w*|hurts?) (?:\w+ ){0,3}(?:on|in) (?:my |her |the )?(?:left|"
                   r"right|one)(?: lower)? side"),
        ),
    ),
    Concept(
        "possible ruptured spleen",
        f"{_CALL}: sudden pain under the left ribs or in the left shoulder tip, above all with "
        "dizziness or fainting, during or after glandular fever (mono) can be a torn spleen, "
        "which bleeds inside the belly.",
        signs=(
            _given((r"glandular fever|mono|mononucleosis|epstein[- ]barr|ebv|(?:enlarged|"
                    r"swollen|big) spleen|splenomegaly",),
                   r"(?:pain|hurts?|ache|aching|sore)\W+(?:\w+\W+){0,3}?(?:under|below|in|around) "
                   r"(?:my |his |her |the )?left (?:ribs?|side|upper (?:tummy|belly|abdomen))|"
                   r"left (?:side|ribs?)\W+(?:\w+\W+){0,2}?(?:pain|hurts?|aches?|agony)|"
                   r"(?:pain|hurts?)\W+(?:\w+\W+){0,6}?(?:up |in)?(?:to|into) (?:my |his |her |"
                   r"the )?(?:left )?shoulder|shoulder[- ]tip pain",
                   unless=(r"years ago|as a (?:kid|child|teen\w*)|when (?:i|he|she) was "
                           r"(?:\d+|young|little|a kid)",)),
        ),
    ),
    Concept(
        TOOTH_INFECTION,
        "A tooth infection with a swollen face, jaw or neck can spread: see a dentist or doctor "
        "today, and go to an emergency department now if there is a fever, trouble swallowing or "
        "breathing, or swelling that reaches the eye or neck.",
        urgency=SAME_DAY,
        signs=(
            re.compile(
                rf"\b{_TOOTH}\b[^?!]{{0,160}}?(?P<key>{_FACE_SWELLING})"
                rf"|(?P<key2>{_FACE_SWELLING})[^?!]{{0,160}}?\b{_TOOTH}\b",
                re.IGNORECASE,
            ),
        ),
        exclusions=(_AFTER_DENTAL_WORK,),
    ),
    Concept(
        TOOTH_INFECTION_SPREAD,
        f"{_CALL}, or go to an emergency department: a tooth infection with swelling that "
        "spreads under the jaw or down the neck, with a fever or trouble swallowing, opening the "
        "mouth or breathing, can close the airway (Ludwig's angina) and needs antibiotics into "
        "a vein and often drainage today.",
        signs=(
            _given(
                (_TOOTH, r"swollen|swelling|swelled|puffy"),
                rf"{_FEVERISH}|{_SWALLOWING_HARD}|(?:spread\w*|going|moving|extend\w*) "
                r"(?:\w+ ){0,2}?(?:down|into|to|under) (?:my |his |her |the )?(?:neck|throat)|"
                r"(?:neck|throat) (?:is |was |has )?(?:\w+ )?(?:swollen|swelling|swelled)",
            ),
        ),
        exclusions=(_AFTER_DENTAL_WORK,),
    ),
    Concept(
        "new confusion",
        "New confusion in an older adult, after surgery or with an infection, needs a doctor "
        "today: call the doctor or the surgical team now, and your local emergency number (911 in "
        "the US) if the person is hard to wake or has weakness, a high fever or trouble speaking.",
        urgency=SAME_DAY,
        signs=(
            re.compile(
                rf"\b{_SOMEONE}\b(?:\W+\w+){{0,3}}?\W+(?:is|seems|got|gets|getting|gotten|became|"
                r"become|becoming|been|was|acting|now|suddenly|very|so)\W+(?:\w+\W+)?"
                r"(?P<key>confused|disoriented|delirious|muddled)\b"
                r"(?!\W+(?:about|by|with|whether|if|as to|on|why|what|how|which))",
                re.IGNORECASE,
            ),
            re.compile(
                r"\b(?:hes|shes|he's|she's)\W+(?:(?:gone|got|getting|become|been|really|very|so|"
                r"more|all|suddenly)\W+){0,2}(?P<key>confused|disoriented|delirious|"
                r"muddled)\b(?!\W+(?:about|by|with|whether|if|as to|on|why|what|how|which))",
                re.IGNORECASE,
            ),
            _rx(r"(?:does ?n'?t|doesnt|did ?n'?t|didnt) (?:know|recogni[sz]e) where (?:he|she) is",
                r"(?:does ?n'?t|doesnt|did ?n'?t|didnt|can'?t|cant) (?:know|tell|remember) what "
                r"(?:day|year|month) it is",
                r"(?:talking|speaking|saying) (?:total |complete |utter )?(?:nonsense|gibberish)",
                r"(?:is ?n'?t|isnt|not) making (?:any )?sense (?:when|today|since|anymore)",
                r"(?:does ?n'?t|doesnt) recogni[sz]e (?:me|us|his|her|anyone)",
                r"seeing things(?: that are ?n'?t there)?", r"hallucinat\w+",
                r"seeing (?:people|someone|kids|children|animals|bugs|insects|cats|dogs|things|"
                r"spiders|faces) (?:who|that) "
                r"(?:are|were|is|was) ?(?:n'?t|not) (?:there|real)",
                r"seeing (?:\w+ )?(?:people|someone|kids|children|animals|bugs|insects|snakes|"
                r"rats|mice|things|spiders|faces)(?: \w+){0,4}? (?:who|that|which) (?:\w+ ){1,3}?"
                r"(?:says?|said|tells? me|told me) (?:are|were|is|was) ?(?:n'?t|not) "
                r"(?:there|real)"),
        ),
        exclusions=(
            _rx(r"(?:dementia|alzheimer'?s?|demented)(?: \w+){0,6}",
                r"(?:\w+ ){0,6}(?:dementia|alzheimer'?s?)"),
            # a small child's babble is no confusion
            _rx(r"(?:toddler|baby|babies|infant|child|kid)\w*(?:\W+\w+){0,5}?\W+(?:talking|"
                r"speaking|saying) (?:\w+ )?(?:nonsense|gibberish)(?: \w+)?"),
        ),
    ),
    Concept(
        "sudden severe headache",
        f"{_CALL}: a sudden, severe headache or fever with a stiff neck needs emergency care.",
        sudden=True,
        signs=(
            _rx(r"worst headache", r"thunderclap", r"sudden (?:\w+ )?(?:severe|intense|"
                r"excruciating|explosive|horrible|splitting|blinding|agoni[sz]ing|crushing) "
                r"headache",
                r"(?:headache|pain)\W+(?:\w+\W+){0,8}?like (?:being|getting|i was|i'?d been|i got|"
                r"someone) (?:hit|struck|smacked|whacked|kicked|clubbed|shot) (?:me )?"
                r"(?:(?:with|by) (?:a |an )?\w+ )?(?:on|in|at|over) (?:the )?"
                r"(?:back of (?:the |my )?)?head",
                r"headache\W+(?:\w+\W+){0,20}?worst (?:one |pain )?(?:i'?ve|i have|ive|i'?d|of "
                r"my life|ever)\b",
                r"headache\W+(?:\w+\W+){0,8}?like (?:being|getting|i was|i'?d been|i got|someone) "
                r"(?:hit|struck|smacked|whacked|kicked|clubbed|shot) (?:with|by) (?:a |an )?"
                r"(?:baseball )?(?:bat|hammer|brick|club|crowbar|bullet|truck|train)",
                r"sudden\w* (?:\w+ )?headache\W+(?:\w+\W+){0,25}?(?:stiff neck|neck (?:is |was |"
                r"feels |went |got )?(?:really |very |so )?stiff)",
                r"headache (?:came on|hit|started) (?:\w+ )?(?:suddenly|like a|out of nowhere|all "
                r"of a sudden)",
                r"sudden\w*\W+(?:\w+\W+){0,4}?(?:massive|severe|intense|excruciating|explosive|"
                r"horrible|blinding|agoni[sz]ing|crushing|terrible|awful) (?:pain|headache) "
                r"(?:in|at) (?:the )?(?:back of )?(?:my |the |his |her )?head",
                r"(?:pain|ache) (?:in|at) (?:the )?(?:back of )?(?:my |the |his |her )?head\W+like "
                r"(?:being|getting|someone|i was|i got|i'?d been) (?:hit|struck|smacked|whacked|"
                r"kicked|clubbed)",
                # a sudden headache with a drooping eyelid or double vision: a nerve pressed
                r"sudden\w* (?:\w+ )?headache\W+(?:\w+\W+){0,25}?(?:seeing double|double vision|"
                r"eyelid (?:is |has )?(?:\w+ )?droop\w*|droop\w* eyelid)",
                r"stiff neck (?:and|with) (?:a )?(?:high )?fever", r"fever\w* (?:\w+ )?(?:and|with)"
                r" (?:a )?stiff neck", r"fever, (?:a )?stiff neck",
                r"rash (?:that )?(?:doesn'?t|does not|won'?t) fade", r"non[- ]?blanching"),
        ),
    ),
    Concept(
        "signs of meningitis",
        f"{_CALL}: purple spots or a rash that does not fade when pressed, with a fever or with "
        "a headache and a stiff or painful neck, or a stiff neck with light hurting the eyes, can "
        "be meningitis or blood poisoning, which can kill within hours. Do not wait to sleep it "
        "off; go to an emergency department if you cannot call.",
        signs=(
            _given((rf"{_HEAD_PAIN}|{_STIFF_NECK}",), rf"{_PURPLE_SPOTS}|{_NOT_FADING}"),
            # a fever with spots that do not fade: meningococcal blood poisoning until shown not
            _given((_FEVERISH,), _NOT_FADING),
            _given((_HEAD_PAIN, _STIFF_NECK), _LIGHT_HURTS, unless=(r"migraines?",)),
        ),
    ),
    Concept(
        "swallowed battery or magnets",
        "Go to an emergency department now, even if the child seems well: a button battery "
        "swallowed, or pushed into the nose or an ear, can burn through the tissue within hours, "
        "and two or more swallowed magnets can pinch the gut. Do not make the child vomit or try "
        "to dig it out. In the US, the National Battery Ingestion "
        "Hotline is 800-498-8666.",
        signs=(
            _given((rf"{_SWALLOW}|missing|can'?t find|cannot find|in (?:his|her|their) mouth|"
                    r"put (?:it|one) in|(?:up|in|into|inside) (?:his|her|their|my|the) (?:nose|"
                    r"nostrils?|ears?)",),
                   r"(?:button|coin|watch|round|flat|lithium|disc|hearing aid|remote|small) "
                   r"(?:\w+ )?batter(?:y|ies)|magnets|magnetic balls?"),
        ),
    ),
    Concept(
        "head injury in a child",
        "Go to an emergency department now: after a fall or a blow to the head, a child who "
        "vomits more than once, is unusually sleepy or hard to wake, seems confused or not "
        "themselves, or has a seizure needs to be checked today.",
        sudden=True,
        signs=(
            _given((_CHILD, r"fell|fall|falls|fallen|hit (?:his|her|their) head|bumped (?:his|"
                    r"her|their) head|head injury|head first"),
                   r"(?:thrown|threw|throwing|throws) up|vomit\w*|drows\w*|(?:very |"
                   r"really )?sleepy|"
                   r"wan(?:ts?|ting) to (?:fall )?(?:asleep|sleep)|hard to wake|confused|"
                   r"(?:seems|acting|is) (?:off|not (?:right|himself|herself))|"
                   r"pupils? (?:\w+ )?(?:different|uneven|unequal)"),
        ),
    ),
    Concept(
        PREECLAMPSIA,
        "Call your maternity unit or go to a hospital emergency department now: in the second "
        "half of pregnancy or the weeks after a birth, a bad headache, seeing spots or flashing "
        "lights, sudden swelling of the face or hands, or pain under the right ribs can be "
        "preeclampsia, which needs checking the same day.",
        sudden=True,
        signs=(
            _given((_LATE_PREGNANCY,), _PREECLAMPSIA_SIGNS),
            _given((_GAVE_BIRTH,), _PREECLAMPSIA_SIGNS, unless=(_BIRTH_LONG_AGO,)),
            _given((_LATE_PREGNANCY, r"\b(?:bp|blood pressure)\b"),
                   r"(?:1[4-9]\d|2\d\d) ?/ ?(?:9\d|1\d\d)"),
        ),
    ),
    Concept(
        "adrenal crisis",
        "If you cannot keep your steroid tablets down, use your emergency hydrocortisone "
        "injection if you have one and go to an emergency department now: vomiting or diarrhoea "
        "with adrenal insufficiency can bring on an adrenal crisis. When ill but able to take "
        "tablets, follow the sick-day dose your doctor gave you and call them today.",
        signs=(
            _given((r"addison'?s|adrenal insufficiency|adrenal crisis|hypopituitarism|"
                    r"congenital adrenal hyperplasia",),
                   rf"{_VOMITED}|can'?t keep (?:\w+ ){{0,3}}down|diarrh\w*"),
        ),
    ),
    Concept(
        "adrenal insufficiency after stopping steroids",
        "After stopping steroid tablets (such as prednisone) taken for weeks or longer, "
        "vomiting, belly pain, fever, dizziness or great weakness can mean the body is not "
        "making enough of its own steroid (adrenal insufficiency): see a doctor today, and call "
        "your local emergency number (911 in the US) for fainting, confusion or not keeping "
        "fluids down.",
        urgency=SAME_DAY,
        signs=(
            _given((_STEROID_TABLETS, _STOPPED),
                   rf"{_VOMITED}|(?:stomach|belly|abdominal|tummy) (?:pain|cramps?|ache)|"
                   r"fever|chills|faint\w*|dizz\w*|confus\w*|"
                   r"(?:very|so|really|extremely) weak|weak and (?:shaky|dizzy)|"
                   r"weak as an? \w+"),
        ),
    ),
    Concept(
        "contact lens eye infection",
        "Take your contact lenses out and see an eye doctor today (an emergency department if "
        "none can see you): a red, painful eye in someone who wears contact lenses, above all "
        "with blurred vision or light that hurts, can be an infection of the cornea (keratitis) "
        "that can damage sight within a day. Do not use redness-relief drops or put the lenses "
        "back in.",
        urgency=SAME_DAY,
        signs=(
            _given((r"contacts?|contact lens\w*", r"eyes?"),
                   r"(?:red|painful|pain\w*|hurts?|sore)\W+(?:\w+\W+){0,10}?(?:blurr\w*|light|"
                   r"vision|see)|(?:blurr\w*|light (?:hurts|is painful)|sensitive to light)\W+"
                   r"(?:\w+\W+){0,6}?(?:red|painful|pain|hurts?)"),
        ),
    ),
    Concept(
        HOSPICE,
        "Call the hospice team's 24-hour line now rather than your local emergency number "
        "(unless the plan of care says to call it): in the last days of life, noisy or "
        "rattling breathing, long pauses between breaths, sleeping most of the time and not "
        "eating are common, and the hospice nurse can come and help keep the person "
        "comfortable.",
        urgency=SAME_DAY,
        signs=(
            _given((r"hospice|palliative|end of life|end-of-life|comfort care|dying at home",),
                   r"breath\w*|rattl\w*|gurgl\w*|pauses?|not eating|won'?t (?:eat|drink|wake)|"
                   r"unresponsive|agitat\w*|restless\w*|moaning|choking"),
        ),
    ),
    Concept(
        "possible rabies exposure",
        "Call your doctor or the local health department today (an emergency department if you "
        "cannot reach them): a bat in a room where someone was asleep, or with a child, may need "
        "rabies shots even without a bite you can see; a bite or scratch from a wild animal "
        "or a stray dog or cat needs the same call today (a monkey's too, at home or abroad): "
        "rabies shots work only if started before symptoms. Wash the wound with soap and running "
        "water for 15 minutes now.",
        urgency=SAME_DAY,
        signs=(
            re.compile(
                r"\b(?P<key>bats?)\b(?:\W+\w+){0,12}?\W+(?:bedroom|room|bed|house|home|"
                r"attic|tent|cabin|sleeping|asleep|woke)\b|\b(?:bedroom|room|bed|house|woke up)\b"
                r"(?:\W+\w+){0,12}?\W+(?P<key2>bats?)\b",
                re.IGNORECASE,
            ),
            _rx(r"(?:bit|bitten|scratched) (?:\w+ ){0,4}?by (?:a |an )?(?:raccoon|fox|skunk|bat|"
                r"coyote|wild animal|(?:stray|street) (?:dog|cat)|monkey|macaque)",
                r"(?:stray|street) (?:dog|cat)\W+(?:\w+\W+){0,3}?(?:bit|bitten|scratched|nipped)",
                r"(?:monkey|macaque)\W+(?:\w+\W+){0,3}?(?:bit|bitten|scratched)"),
            # any dog or cat bite abroad: where rabies is common, a pet may carry it too
            _given((_ABROAD,),
                   r"(?:dog|cat|puppy|kitten)\W+(?:\w+\W+){0,3}?(?:bit|bitten|scratched|"
                   r"nipped)|(?:bit|bitten|scratched|nipped) (?:\w+ ){0,4}?by (?:a |an |the )?"
                   r"(?:\w+ )?(?:dog|cat|puppy|kitten)"),
        ),
        exclusions=(_rx(r"(?:baseball|cricket|softball) bats?", r"bat (?:mitzvah|signal)"),),
        # the shots help until symptoms start: a bite told weeks later still counts
        exposure=True,
        window=True,
    ),
    Concept(
        POSSIBLE_ABUSE,
        "Call your local emergency number (911 in the US) if someone is in danger now. Bruises "
        "shaped like fingers or a grip, injuries the story does not explain, or fear of one "
        "particular person can be signs of abuse: today, have a doctor examine and record the "
        "injuries, and report it (a care home's manager, and adult or child protective services "
        "or the police; in the US the Eldercare Locator, 1-800-677-1116, finds them).",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:bruis\w*|marks?)\W+(?:\w+\W+){0,6}?(?:finger|fingertip|grip|grab|hand) ?"
                r"(?:marks?|prints?|shaped)",
                r"(?:finger|fingertip|grip|grab|hand) ?(?:marks?|prints?|shaped) (?:\w+ )?"
                r"bruis\w*",
                r"(?:bruis\w*|marks?)\W+(?:\w+\W+){0,3}?(?:in the )?(?:shape|pattern) of "
                r"(?:a |an )?(?:hand|fingers|grip|belt)",
                r"(?:bruis\w*|marks?) (?:\w+ ){0,3}?(?:like|as if) (?:someone|somebody) "
                r"(?:grabbed|gripped|squeezed|held|hit|slapped|pinched)"),
            _rx(r"(?:scared|afraid|terrified|frightened|flinch\w*|cower\w*) (?:\w+ ){0,3}?(?:of|"
                r"when|whenever|every time|around) (?:a |one |that |the |this |her |his )?"
                r"(?:particular |certain |new |one )?(?:aide|carer|caregiver|care worker|"
                r"staff member|helper|babysitter|nanny|stepdad|stepfather|boyfriend)"),
        ),
    ),
    Concept(
        "urine infection in pregnancy",
        "See a doctor or midwife today: burning or stinging when you pass urine, or needing to "
        "go much more often, in pregnancy is usually a bladder infection that needs an "
        "antibiotic safe in pregnancy (untreated it can reach the kidneys and bring on early "
        "labour); go to an emergency department or the maternity unit with a fever, back pain, "
        "or contractions.",
        urgency=SAME_DAY,
        signs=(
            _given((_PREGNANT,),
                   r"(?:burn\w*|sting\w*|hurts?|pain\w*) (?:\w+ ){0,2}?(?:when|as|while) "
                   r"(?:i |you )?(?:pee|wee|urinat\w*|pass (?:urine|water)|go to the "
                   r"(?:toilet|loo|bathroom))|"
                   r"(?:peeing|weeing) (?:\w+ ){0,2}?(?:burns?|stings?|hurts?)"),
        ),
    ),
    Concept(
        "signs of mania",
        "See a doctor today, or call a mental health crisis line (988 in the US): days without "
        "sleep with very fast talk, big plans or reckless spending that are new for someone can "
        "be a manic episode, which needs assessment the same day; call your local emergency "
        "number if they talk of harming themselves or others or seem out of touch with reality.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:hasn'?t|hasnt|has not|haven'?t|havent|not|hardly|barely) (?:\w+ )?"
                    r"(?:slept|sleeping)|no sleep|without (?:any )?sleep|(?:up|awake) (?:all night "
                    r"|for )(?:\w+ )?(?:days|nights)",
                    r"talk\w* (?:\w+ ){0,3}?(?:fast|quick\w*|non[- ]?stop)|racing thoughts|"
                    r"pressured speech",),
                   r"(?:spent|spending|blew|maxed) (?:\w+ ){0,4}?(?:credit cards?|savings|\d+k|"
                   r"thousands|[£$€]\s?\d{1,3}(?:,\d{3})+|[£$€]\s?\d{4,})|(?:grand|big|"
                   r"business) (?:plans|ideas|schemes)|invincible"),
        ),
    ),
    Concept(
        "possible psychosis",
        "Call a doctor or a mental health crisis team today (988 in the US; NHS 111 in the UK), "
        "even if the person refuses to go themselves: fixed beliefs of being watched, followed "
        "or sent messages, or hearing or seeing things others do not, can be psychosis, which "
        "needs assessment the same day. Call your local emergency number if they may harm "
        "themselves or others.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:convinced|believes?|insists?|keeps? saying) (?:that )?(?:the |his "
                r"|her |my |our )?(?:neighbou?rs?|people|someone|somebody|everyone|everybody|they|"
                r"the (?:government|police|fbi|mi5|cia)|strangers?) (?:is|are|have been|has been|"
                r"were|was) (?:\w+ ){0,2}?(?:watching|following|spying on|poisoning|tracking|"
                r"bugging|recording|filming|plotting against|out to get|after) (?:him|her|me|them|"
                r"us|the family|(?:his|her|my|their) (?:food|water|drinks?|meals?))",
                r"(?:convinced|believes?|insists?|keeps? saying) (?:that )?(?:the |his |her |my )?"
                r"(?:neighbou?rs?|people|someone|they|the (?:government|police)) (?:is|are|have "
                r"been|has been) (?:putting|hiding|planting) (?:cameras|microphones|bugs|"
                r"trackers|chips)",
                r"(?:tv|television|radio|telly|phone|computer) (?:is |was |keeps )?(?:sending|"
                r"giving|talking to) (?:him|her|me|them) (?:secret |special |hidden )?"
                r"(?:messages|signals|instructions)",
                r"(?:hears?|hearing|heard) voices (?:that|telling|in (?:his|her|my|their) head|"
                r"no one else|nobody else|others)",
                r"(?:hears?|hearing|heard) a voice (?:telling|saying|that (?:tells|says|keeps))",
                r"voices (?:in (?:his|her|my|their) head|telling (?:him|her|me|them) to)",
                r"(?:god|the devil|satan|angels?|spirits?|a voice|voices) (?:is |are |keeps? |"
                r"has been |have been )?(?:telling|told|ordering|commanding|instructing) (?:him|"
                r"her|me|them) (?:that )?(?:he|she|i|they|to)\b",
                r"(?:says|said|saying|thinks|believes|insists|convinced) (?:that )?(?:the |his |"
                r"her |my |our |all the )?(?:\w+ )?(?:is|are) (?:demons?|devils?|possessed|"
                r"impostors?|imposters?|aliens?|robots?)\b"),
        ),
    ),
    Concept(
        "thoughts of harming a baby",
        "Talk to your doctor, midwife or health visitor today: unwanted, frightening thoughts of "
        "harming a baby are common after a birth and are rarely acted on, but they can come "
        "with postnatal depression or anxiety, and treatment helps. Call your local emergency "
        "number now if you feel you might act on them or cannot tell what is real.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:thoughts?|thinking|urges?|images?|pictur\w+) (?:of|about) (?:\w+ )?"
                r"(?:harming|hurting|killing|drowning|shaking|dropping|smothering|suffocating) "
                r"(?:my|the|our) (?:\w+ )?(?:baby|newborn|infant|son|daughter|little one)"),
        ),
    ),
    Concept(
        "told to go to hospital",
        "Go to the hospital or emergency department now, as the clinician who has your result "
        "or saw you advised: they judged that it cannot wait, and a result that needs hospital "
        "care can be dangerous before it causes any symptom, so feeling well is no reason to "
        "wait until tomorrow.",
        signs=(
            # within one sentence: "the pharmacist said see GP. Should I go to A&E?" asks
            _rx(rf"(?:gp|doctor|dr|nurse|111|surgery|hospital|consultant|pharmacist|practice|"
                rf"clinic){_IN_SENTENCE}(?:\w+{_IN_SENTENCE}){{0,4}}?(?:rang|called|phoned|rung|"
                rf"said|told|says|advised|wants){_IN_SENTENCE}(?:\w+{_IN_SENTENCE}){{0,14}}?"
                rf"{_TO_HOSPITAL}"),
        ),
        exclusions=(
            # told not to go, or to go only if something happens
            _rx(r"(?:don'?t|do not|didn'?t|did not|doesn'?t|does not|no need|not|never|"
                rf"wouldn'?t|won'?t)\W+(?:\w+\W+){{0,3}}?{_TO_HOSPITAL}",
                rf"\bif\b[^.?!]{{0,60}}?{_TO_HOSPITAL}", rf"{_TO_HOSPITAL}\W+(?:\w+\W+){{0,3}}?"
                r"(?:if|when|should)\b"),
        ),
    ),
    Concept(
        "shingles near the eye",
        "See a doctor today: shingles on the forehead, nose or around the eye can harm the eye, "
        "and antiviral tablets work best started within three days of the rash; go to an "
        "emergency department or eye casualty if the eye is painful or red or the sight blurs.",
        urgency=SAME_DAY,
        signs=(
            _given((r"shingles|zoster|(?:blistery|blistering|blistered) rash|rash (?:of|with) "
                    r"blisters|blisters (?:\w+ )?in a (?:band|strip|stripe|line)|band of "
                    r"blisters",),
                   r"(?:on|around|near|by|above|over|touching|reaching|spread\w* to) (?:the |one )?"
                   r"(?:(?:left|right) )?(?:side of |tip of )?(?:my |his |her |the )?"
                   r"(?:forehead|nose|eye\w*|temple)|"
                   r"eyes? (?:\w+ ){0,6}?(?:gritty|red|sore|"
                   r"painful|watery|hurts?|blurr\w*)"),
        ),
    ),
    Concept(
        "painful eye after eye surgery",
        "Call the eye surgery team's emergency line or go to an eye emergency service or "
        "emergency department now: more pain, redness or worse vision in the days or weeks after "
        "eye surgery or an eye injection can be an infection inside the eye (endophthalmitis), "
        "which can take the sight within hours.",
        signs=(
            _given((r"cataract (?:op|operation|surgery|removal)|eye (?:op|operation|surgery)|"
                    r"lasik|laser eye|vitrectomy|corneal transplant|(?:eye|intravitreal) "
                    r"injections?|lens (?:replacement|implant)",
                    r"(?:\d+|one|two|three|four|five|six|a few|a couple of|couple of) (?:days?|"
                    r"weeks?) ago|yesterday|last week|this week|since (?:the|his|her|my) "
                    r"(?:op|operation|surgery)",
                    r"red|bloodshot|blurr\w*|vision\W+(?:\w+\W+){0,4}?(?:worse|gone|dim\w*|"
                    r"cloud\w*|lost|loss)|can'?t see|cannot see"),
                   r"pain\w*|hurts?|hurting|aching|aches|sore"),
        ),
    ),
    Concept(
        "fever for days in a young child",
        "See a doctor today: a fever that has lasted 3 days or more, or keeps coming back, in a "
        "young child needs checking for its cause (an ear, chest or urine infection, or rarely "
        "Kawasaki disease). Go to an emergency department, or call your local emergency number, "
        "if the child is floppy, hard to wake or breathing hard, has a rash that does not fade "
        "when pressed, or stops drinking.",
        urgency=SAME_DAY,
        signs=(
            _given((_CHILD,),
                   rf"(?:{_FEVER}|temp\w*)\W+(?:\w+\W+){{0,10}}?(?:for|over|nearly|almost) "
                   r"(?:\w+ )?(?:[3-9]|three|four|five|six|seven|a few|several) days|"
                   r"(?:[3-9]|three|four|five|six|seven|a few|several) days (?:\w+ )?(?:of|with) "
                   r"(?:a )?(?:high )?(?:fever|temp\w*)"),
        ),
    ),
    Concept(
        "painful genital sores",
        "See a doctor or a sexual health clinic today: painful sores or blisters on the genitals, "
        "most of all a first outbreak that stings when you pass urine, can be genital herpes, "
        "which is treated best within days. Go to an emergency department if you cannot pass "
        "urine.",
        urgency=SAME_DAY,
        signs=(
            _given((r"pain\w*|sore|hurts?|hurting|sting\w*|burn\w*|agony|raw",),
                   # "sores", "a sore": not "sore" of a rash ("a sore red rash on my foreskin")
                   r"(?:ulcers?|sores|blisters?|\ban? (?:\w+ )?sore(?! \w+ rash))\W+"
                   r"(?:\w+\W+){0,3}?(?:down (?:below|there)|on "
                   r"(?:my |the |his |her )?(?:vagina|vulva|labia|penis|genitals?|privates|bits|"
                   r"foreskin))|(?:genital|vaginal|vulval|vulvar|penile) (?:ulcers?|sores?|"
                   r"blisters?)"),
        ),
    ),
    Concept(
        "bleeding from the bowel with weight loss",
        "See a doctor promptly, within days: blood in the stool with weight loss you did not try "
        "for, or with the bowels going much more often, is not part of IBS and needs tests for "
        "inflammatory bowel disease or a growth. Go to an emergency department if you pass a lot "
        "of blood, feel faint or dizzy, or have a fever with severe belly pain.",
        urgency=SOON,
        signs=(
            _given((_UNPLANNED_WEIGHT_LOSS,),
                   r"blood (?:\w+ ){0,2}?(?:in|on|with) (?:my |his |her |the )?(?:poo\w*|stools?|"
                   r"bowel movements?|motions?|faeces|feces|toilet paper)|bloody (?:stools?|poo\w*|"
                   r"diarrh\w*)|(?:rectal|bowel) bleeding|bleeding from (?:my |his |her |the )?"
                   r"(?:bum|bottom|back passage|rectum|anus)"),
        ),
    ),
    Concept(
        "swallowing trouble with weight loss",
        "See a doctor promptly, within days: food sticking when you swallow, with weight lost "
        "without trying, needs a camera test of the gullet (an endoscopy) soon. Go to an "
        "emergency department if food is stuck and you cannot swallow your own saliva, or you "
        "vomit blood.",
        urgency=SOON,
        signs=(
            _given((_UNPLANNED_WEIGHT_LOSS,),
                   r"(?:food|meat|bread|it) (?:\w+ ){0,2}?(?:stuck|sticks|sticking)|(?:trouble|"
                   r"difficulty|problems?|pain) (?:with )?swallowing|hard to swallow|"
                   r"(?:can'?t|cannot) swallow"),
        ),
    ),
    Concept(
        "bowel change with weight loss",
        "See a doctor promptly, within days: a change in your bowel habit that lasts for weeks "
        "(looser, more often or thinner stools), with weight lost without trying, needs tests for "
        "a growth or inflammation of the bowel, such as a stool test and a colonoscopy. Go to an "
        "emergency department if you pass a lot of blood, or have severe belly pain with "
        "vomiting.",
        urgency=SOON,
        signs=(
            _given((_UNPLANNED_WEIGHT_LOSS,),
                   r"(?:poo\w*|stools?|bowels?|bowel movements?) (?:\w+ ){0,3}?(?:thinner|"
                   r"narrower|pencil[- ]thin|looser|runnier|more (?:often|frequent))|going "
                   r"(?:to the toilet )?(?:a lot )?more often|change "
                   r"(?:in|of) (?:my |his |her )?bowel habits?|(?:diarrh\w*|loose stools?) for "
                   r"(?:\d+|two|three|four|five|six|several|a few) (?:weeks|months)"),
        ),
    ),
    Concept(
        "night sweats or a lump with weight loss",
        "See a doctor promptly, within days: drenching sweats at night or a lump in the neck, "
        "armpit or groin, with weight lost without trying, need blood tests and often a scan or "
        "a biopsy; infections such as TB and conditions of the lymph glands are among the "
        "causes, and most are treatable. Go to an emergency department if you are short of "
        "breath, very unwell or have a high fever.",
        urgency=SOON,
        signs=(
            _given((_UNPLANNED_WEIGHT_LOSS,),
                   r"night ?sweats|(?:soaked|drenched|drenching sweats?|sweating buckets) "
                   r"(?:\w+ ){0,3}?(?:every|each|most|at|in the) night|(?:wak\w*|woke|woken) "
                   r"(?:up )?(?:\w+ ){0,3}?(?:soaked|drenched|"
                   r"soaking|dripping|wringing wet|pouring with sweat)|(?:soaked|drenched) "
                   r"(?:\w+ ){0,3}?(?:sheets|pyjamas|pajamas|bed)|chang\w* (?:the|my|his|her) "
                   r"(?:sheets|pyjamas|pajamas|nightclothes)|lump (?:\w+ ){0,3}?(?:in|on|under) "
                   r"(?:my |his |her |the )?(?:neck|armpit|groin|collar ?bone)|(?:neck|armpit|"
                   r"groin) lump"),
        ),
    ),
    Concept(
        "depression getting worse",
        "Contact your doctor or mental health team today, or call a crisis line now (988 in the "
        "US; in the UK, NHS 111 or Samaritans on 116 123): depression that is getting much worse, "
        "with not eating or not getting out of bed, needs help today. Call your local emergency "
        "number if you might act on thoughts of harming yourself.",
        urgency=SAME_DAY,
        signs=(
            _given((r"depress\w*|low mood",
                    r"(?:getting|got|gotten|much|so much|a lot|way) worse|worse and worse|"
                    r"spiral\w*"),
                   r"(?:stopped|not|barely|hardly) eating|can'?t (?:even )?(?:get|getting) out of "
                   r"bed|(?:haven'?t|havent|not) (?:been )?(?:out of|left) (?:my )?bed|can'?t cope|"
                   r"i need help|need help (?:now|today|urgently|asap)"),
            # hopelessness about everything, the step before thoughts of ending it
            _rx(r"(?:don'?t|doesn'?t|dont|doesnt|can'?t|cant|not|no longer) see(?:s|ing)? "
                r"(?:the |any )?point (?:of|in|to) (?:anything|everything|it all|life)",
                r"(?:there'?s|there is|theres|is|with) no point (?:in |to )?(?:anything|"
                r"everything|life)(?: anymore| any more)?",
                r"life (?:has|had|holds) no (?:point|meaning)",
                r"nothing (?:matters|seems to matter) (?:anymore|any more)"),
        ),
    ),
    Concept(
        "infected foot with diabetes",
        "See a doctor or the diabetes foot team today: with diabetes, a foot sore or cut that is "
        "red, hot, swollen, smelly or oozing, or not healing, can be an infection that spreads "
        "fast, and a red, hot, swollen foot without a wound can be a Charcot foot, which needs "
        "the weight kept off it, even when it does not hurt; go to an emergency department if "
        "the redness spreads, the skin turns black or there is a fever.",
        urgency=SAME_DAY,
        signs=(
            # a red, hot, swollen foot with no wound: infection or a Charcot foot
            _given((_DIABETES_TOLD,), rf"{_FOOT_PART}\W+(?:\w+\W+){{0,4}}?(?:{_INFLAMED})\W+"
                   rf"(?:\w+\W+){{0,2}}?(?:{_INFLAMED})"),
            _given((_DIABETES_TOLD,), rf"(?:ulcer|wound|sore|cut|blister)s? (?:on|under|between) "
                   rf"(?:\w+ ){{0,3}}?{_FOOT_PART}\W+(?:\w+\W+){{0,5}}?(?:not heal\w*|won'?t "
                   r"heal|isn'?t healing|hasn'?t healed)"),
            _given((r"diabet\w*|type [12]\b", r"foot|feet|toes?|heel|sole"),
                   r"(?:sore|ulcer|wound|cut|blister)\W+(?:\w+\W+){0,12}?(?:red|hot|swollen|"
                   r"smell\w*|pus|oozing|black)|smell\w* (?:bad|funny|off)|pus|oozing|"
                   # skin gone black or dark: tissue that may be dying, painless with numb feet
                   r"(?:black|blackish|dark|purple)\W+(?:\w+\W+){0,1}?(?:patch|spot|area|mark|"
                   r"skin|toe|tip)\b|(?:toe|skin|tip)\W+(?:\w+\W+){0,3}?(?:turn\w*|gone|going|"
                   r"is|looks?) (?:black|dark)\b"),
        ),
    ),
    Concept(
        "breast infection while breastfeeding",
        "See a doctor today: a red, hot, painful area of the breast with a fever, chills or "
        "aches while breastfeeding is usually mastitis, which may need antibiotics; keep feeding "
        "or pumping from that side. Go to an emergency department if you feel very unwell, "
        "confused or faint.",
        urgency=SAME_DAY,
        signs=(
            _given((r"breast-?fe\w*|breastfed|nursing|pumping|postpartum|pp\b|feeding (?:on|from) "
                    r"(?:that|the|this|one|my \w+) side|baby is \d{1,2} (?:weeks?|months?)|"
                    r"\d{1,2}[- ]?(?:weeks?|months?)[- ]old",
                    rf"{_FEVERISH}|flu|fluey|shiver\w*|shaking|chills|rigou?rs|achy|"
                    r"aching all over"),
                   r"(?:breast|boob)s?\W+(?:\w+\W+){0,8}?(?:red|hot|wedge\w*|hard|lump)|"
                   r"(?:red|hot|wedge\w*|hard|lump)\W+(?:\w+\W+){0,6}?(?:breast|boob)s?\b"),
        ),
    ),
    Concept(
        "rash after a tick bite",
        "See a doctor today: a red rash spreading from where a tick bit (often a ring with a "
        "clearer middle), or fever and aches in the weeks after a bite, can be Lyme disease, "
        "which is treated with antibiotics; go to an emergency department if the face droops or "
        "the heart races or skips.",
        urgency=SAME_DAY,
        signs=(
            _given((r"ticks?(?! (?:the|a|all|box|boxes)\b)",),
                   r"rash|red (?:ring|circle|patch|mark|area|blotch)|bull'?s?[- ]?eye|target"),
        ),
    ),
    Concept(
        "fever after travel to a malaria area",
        "See a doctor today and say where you travelled: a fever in the year after a trip to a "
        "malaria area (most of Africa, South Asia, parts of Central and South America) needs a "
        "malaria blood test the same day, even after antimalarial tablets; go to an emergency "
        "department for someone drowsy, confused, yellow or short of breath.",
        urgency=SAME_DAY,
        signs=(_given((_MALARIA_TRIP,), rf"{_FEVERISH}|chills|shiver\w*|rigou?rs"),),
    ),
    Concept(
        "altitude sickness with warning signs",
        f"{_CALL} or get help to go down now, with someone staying with the person: at high "
        "altitude, confusion, stumbling or breathlessness at rest can be fluid on the brain or "
        "lungs, which can kill within hours. Do not wait a day to see; give oxygen if there is "
        "some, and go to an emergency department once down.",
        signs=(
            _given((_ALTITUDE,),
                   r"confus\w*|stumbl\w*|stagger\w*|(?:walk\w*|acting|looks?) (?:\w+ ){0,2}?like "
                   r"(?:he'?s|she'?s|they'?re|i'?m|hes|shes|im) drunk|can'?t walk straight|"
                   r"drows\w*|hard to wake|(?:breathless|short of breath|out of breath) (?:\w+ )?"
                   r"(?:at|when|while) rest\w*|cough\w* (?:up )?(?:pink|froth\w*)|gurgl\w*"),
        ),
    ),
    Concept(
        "an extra dose of a blood thinner",
        "Call your anticoagulation clinic, doctor or pharmacist today, before the next dose: an "
        "extra dose of a blood thinner raises the risk of bleeding for a day or two, and they will "
        "say whether to skip a dose or check your blood. Go to an emergency department for "
        "bleeding that will not stop, black stools, vomiting blood, a bad headache, or a fall "
        "with a knock to the head.",
        urgency=SAME_DAY,
        signs=(
            _rx(rf"(?:took|taken|had|given|gave (?:him|her|them|me)) (?:my |his |her |their |the |"
                rf"an? )?(?:\w+ ){{0,2}}?{_ANTICOAGULANT}(?: \w+){{0,4}}? twice(?! (?:a|per|each|"
                r"every) (?:day|week))(?! daily)",
                rf"(?:took|taken|had|given|gave (?:him|her|them|me)) (?:a |an )?(?:double|extra|"
                rf"second) (?:dose|tablet|pill)s? of (?:my |his |her |the )?{_ANTICOAGULANT}",
                rf"(?:accidentally|by mistake|by accident|mistakenly) (?:took|taken|had|given|gave|"
                rf"doubled) (?:\w+ ){{0,3}}?{_ANTICOAGULANT}"),
        ),
    ),
    Concept(
        "vomiting or diarrhoea on medicines that need a sick-day pause",
        "Ask your pharmacist or doctor today whether to pause these medicines until you are "
        "eating and drinking normally again (the 'sick day rules'): vomiting or diarrhoea while "
        "taking metformin, a blood pressure medicine such as ramipril or losartan, a water "
        "tablet, an SGLT2 medicine (a 'gliflozin') or an anti-inflammatory painkiller can "
        "dehydrate you and harm the kidneys. Get medical help today if you cannot keep fluids "
        "down for a day or pass little urine, and go to an emergency department if you feel "
        "drowsy or confused.",
        urgency=SAME_DAY,
        signs=(
            _given((rf"metformin|glucophage|{_ACE_INHIBITOR}|\w+sartan|water (?:tablets?|pills?)|"
                    r"diuretics?|furosemide|frusemide|lasix|bumetanide|bendroflumethiazide|"
                    rf"indapamide|hydrochlorothiazide|spironolactone|{_GLIFLOZIN}",),
                   r"(?:diarrh?o?ea|the runs) and (?:vomit\w*|being sick|sickness)|(?:vomit\w*|"
                   r"being sick|sickness) and (?:diarrh?o?ea|the runs)|d ?(?:&|and) ?v|"
                   r"(?:stomach|tummy|sickness|vomiting|norovirus|winter vomiting) (?:bug|virus)|"
                   r"gastro(?:enteritis)?|can'?t keep (?:\w+ ){0,3}?down|(?:keep|kept) "
                   r"(?:vomiting|being sick|throwing up)"),
        ),
    ),
    Concept(
        "a problem during chemotherapy",
        "Call the 24-hour chemotherapy or cancer treatment helpline on your treatment card "
        "today: mouth sores that stop you eating or drinking, or vomiting or diarrhoea that will "
        "not settle, during chemotherapy need the cancer team's advice the same day. Call it now, "
        "or go to an emergency department, if your temperature is 38°C (100.4°F) or more, or you "
        "feel shivery or unwell.",
        urgency=SAME_DAY,
        signs=(
            _given((r"chemo\w*",),
                   r"(?:can'?t|cannot|can barely|can hardly|barely|hardly|unable to|not able to|"
                   r"struggling to) (?:eat|drink|swallow|keep (?:\w+ ){0,3}?down)|(?:diarrh?o?ea|"
                   r"vomit\w*|being sick|throwing up)\W+(?:\w+\W+){0,3}?(?:[5-9]|\d\d|five|six|"
                   r"seven|eight|ten|several|many|loads of) times"),
        ),
    ),
    Concept(
        "broken skin during radiotherapy",
        "Call your radiotherapy team today: skin in the treated area that has broken down, is "
        "raw, weeping, blistered or bleeding needs their dressing and advice, and a check for "
        "infection. Call them now for a fever, or spreading redness or pus, and go to an "
        "emergency department if you cannot reach them.",
        urgency=SAME_DAY,
        signs=(
            _given((r"radiotherapy|radiation (?:therapy|treatment)|rads",),
                   r"(?:skin|it|area|breast|neck)\W+(?:\w+\W+){0,4}?(?:broken down|broke down|"
                   r"breaking down|broken|raw|weeping|blister\w*|oozing|open and|peeled off)"),
        ),
    ),
    Concept(
        "a stoma with no output",
        "Call your stoma nurse or surgical team today: an ileostomy with no output for 6 hours "
        "or more, or a colostomy for several days, above all with cramps or bloating, can be a "
        "blockage. Go to an emergency department now if you are being sick, the pain is bad, or "
        "the stoma turns dark, purple or black.",
        urgency=SAME_DAY,
        signs=(
            _given((r"stoma|ileostomy|colostomy",),
                   r"nothing (?:has )?(?:come|coming|came|gone|going|been) (?:\w+ ){0,3}?(?:bag|"
                   r"out|through)|no output|not (?:been )?(?:working|filling)|(?:bag|stoma) "
                   r"(?:\w+ ){0,3}?(?:empty|not filling|stopped)"),
        ),
    ),
    Concept(
        "restlessness on a new antipsychotic or anti-sickness medicine",
        "Call the prescriber or your mental health team today: an inner restlessness, not being "
        "able to sit still or pacing after starting or raising an antipsychotic (such as "
        "aripiprazole or risperidone) or an anti-sickness medicine (metoclopramide) can be "
        "akathisia, a side effect that can be eased; it can make people feel desperate. If you "
        "have thoughts of harming yourself, call or text 988 (in the US) or your local crisis "
        "line now, or go to an emergency department.",
        urgency=SAME_DAY,
        signs=(
            _given((r"aripiprazole|abilify|risperidone|risperdal|haloperidol|haldol|olanzapine|"
                    r"zyprexa|quetiapine|seroquel|lurasidone|latuda|brexpiprazole|rexulti|"
                    r"cariprazine|vraylar|metoclopramide|maxolon|reglan|prochlorperazine|"
                    r"antipsychotics?",),
                   r"(?:can'?t|cannot|couldn'?t|unable to) (?:sit|keep|stay) still|pacing|"
                   r"crawl\w* out of (?:my|his|her) skin|(?:so|really|very|unbearabl\w*|"
                   r"terribl\w*) restless|restless\w* (?:all|every)"),
        ),
    ),
    Concept(
        "a tight cast",
        "Raise the limb above the level of the heart and keep moving the fingers or toes, and "
        "call the fracture clinic or the hospital that put the cast on today: swelling of the "
        "fingers or toes, or a cast that feels too tight, needs checking. Go to an emergency "
        "department now if the pain keeps getting worse, or the fingers or toes go numb, pale, "
        "blue or cold, or cannot move.",
        urgency=SAME_DAY,
        signs=(
            # (numb, cold or colourless fingers, or pain ever worse, are pressure under a cast:
            # an emergency whose card says otherwise than to raise the limb and call)
            # "stuck a plaster on" is a sticking plaster, not a plaster cast
            _given((r"casts?|(?<!a )(?<!stuck a )plaster(?! on)|pot",),
                   r"(?:fingers?|toes?|hand|foot)\W+(?:\w+\W+){0,4}?(?:puffy|swollen|swelling|"
                   r"swell\w*|fat)|(?:cast|plaster|pot) (?:\w+ ){0,2}?(?:feels? |is |seems |"
                   r"getting |got )?(?:very |really |a bit |quite |too )?(?:tight|digging in)",
                   unless=(r"numb\w*|cold|blue|white|pale|tingl\w*|pins and needles|(?:more|worse) "
                           r"than (?:before|earlier)|screaming|agony",)),
        ),
    ),
    Concept(
        "tendon pain on a fluoroquinolone",
        "Stop taking it and call your prescriber today (an urgent care or emergency department "
        "if you cannot reach them): heel, ankle or other tendon pain while taking a "
        "fluoroquinolone antibiotic (levofloxacin, ciprofloxacin, moxifloxacin) can be the start "
        "of a tendon rupture; rest the leg until you have spoken to them.",
        urgency=SAME_DAY,
        signs=(
            _given((r"levaquin|levofloxacin|cipro|ciprofloxacin|moxifloxacin|avelox|ofloxacin|"
                    r"fluoroquinolones?",),
                   r"(?:heel|achilles|ankle|tendons?|calf|shoulder)(?: \w+){0,4}? (?:is |are |"
                   r"feels? "
                   r"|got |gets )?(?:very |really |so |quite |a bit |extremely )?(?:sore|pain\w*|"
                   r"hurts?|swollen|stiff|tender)|"
                   r"(?:pain|soreness|swelling) (?:in|above|at|behind) (?:my |the |his |her )?"
                   r"(?:heel|achilles|ankle|tendon)"),
        ),
    ),
    Concept(
        "chemical in the eye",
        "Rinse the eye with lukewarm running water now, for at least 15 minutes, holding the "
        "lids open, then go to an emergency department (call Poison Control, 1-800-222-1222 in "
        "the US, on the way): a chemical in the eye, above all drain cleaner, bleach or lime, "
        "can blind within hours. Do not put other drops in instead of rinsing.",
        signs=(
            re.compile(
                rf"\b(?P<key>{_HAZARD}|chemicals?|acid|lye|lime|cement|pool chlorine|chlorine|"
                r"cleaner|cleaning (?:spray|product)|(?:drain |sink |pipe )?unblocker|caustic"
                r"(?: soda)?|descaler|degreaser)\b(?:\W+\w+){0,12}?\W+(?:in|into) (?:my|his|"
                r"her|their|the|both|one)(?: \w+'?s?)? eyes?\b"
                rf"|\b(?:splash\w*|spray\w*|squirt\w*|got|get|gets)\b(?:\W+\w+){{0,4}}?\W+"
                r"(?P<key2>(?:drain|oven|toilet) cleaner|bleach|ammonia|acid|lye|chemicals?)\b"
                r"(?:\W+\w+){0,6}?\W+eyes?\b",
                re.IGNORECASE,
            ),
        ),
    ),
    Concept(
        THROAT_ABSCESS,
        "See a doctor today, and go to an emergency department now if breathing is hard or "
        "you cannot swallow your own saliva: a sore throat much worse on one side, with "
        "trouble opening the mouth, a muffled 'hot potato' voice or drooling, can be an abscess "
        "that needs draining.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:can'?t|cannot|cant|barely|hardly|hard to|unable to) (?:\w+ )?open (?:my|his|"
                r"her) mouth", r"hot potato",
                r"(?:voice|talk\w*|sound\w*) (?:\w+ ){0,3}?like (?:i'?ve|i have|he'?s|she'?s|"
                r"he has|she has|i'?m|he is|she is) (?:got )?(?:\w+ )?(?:something hot|"
                r"a hot \w+|a potato|a mouth ?ful|food) in (?:my|his|her) mouth",
                r"drool\w* because (?:\w+ )?(?:swallow\w*|it hurts)",
                r"(?:can'?t|cannot|unable to) swallow (?:my |his |her |their )?(?:own )?"
                r"(?:spit|saliva)",
                r"(?:voice|speech) (?:\w+ )?(?:sounds? |is |gone )?muffled",
                r"muffled (?:voice|speech)"),
        ),
    ),
    Concept(
        THROAT_ABSCESS_AIRWAY,
        "Go to an emergency department now (call your local emergency number if breathing gets "
        "hard): a sore throat much worse on one side, with trouble opening the mouth or a "
        "muffled 'hot potato' voice, and drooling or not being able to swallow your own saliva, "
        "can be an abscess narrowing the throat that needs draining today.",
        signs=(
            _given((_ABSCESS_SIDE,),
                   r"drool\w*|(?:can'?t|cannot|cant|unable to|not able to|couldn'?t) (?:\w+ ){0,6}?"
                   r"swallow (?:(?:my|his|her|their) (?:own )?)?(?:spit|saliva)|(?:spitting|"
                   r"spit) (?:out )?(?:my|his|her|their)? ?(?:own )?(?:spit|saliva)"),
        ),
    ),
    Concept(
        SALIVA_BLOCKED,
        "Go to an emergency department now, and call your local emergency number if breathing "
        "gets hard: not being able to swallow even your own saliva, from food stuck in the "
        "gullet or a swelling in the throat, needs treatment today before the airway is "
        "threatened; do not try to wash it down or make yourself sick.",
        signs=(
            _rx(r"(?:can'?t|cannot|cant|unable to|not able to|couldn'?t) (?:even |really |"
                r"properly |actually )?swallow (?:\w+ ){0,4}?"
                r"(?:(?:my|his|her|their) (?:own )?)?(?:spit|saliva)",
                # "can't really open my mouth or swallow my own spit"
                r"(?:can'?t|cannot|cant|unable to|not able to|couldn'?t) (?:\w+ ){1,6}?(?:or|and|"
                r"nor) swallow (?:(?:my|his|her|their) (?:own )?)?(?:spit|saliva)",
                r"(?:spit|saliva) (?:\w+ )?(?:comes?|coming|came) (?:back )?(?:up|out)",
                r"(?:spitting|drooling) (?:out )?(?:my|his|her|their)? ?(?:own )?(?:spit|saliva) "
                r"because (?:\w+ )?(?:can'?t|cannot) swallow"),
            # food stuck on the way down that lets not even water pass
            _given((r"(?:food|meat|steak|chicken|bread|bite|piece|mouthful|lump)\W+(?:\w+\W+)"
                    r"{0,6}?(?:stuck|lodged)|(?:stuck|lodged) (?:half ?way|in (?:my|his|her|the) "
                    r"(?:throat|gullet|oesophagus|esophagus|chest))",),
                   r"(?:can'?t|cannot|cant|unable to|not able to|couldn'?t) (?:even )?(?:get|"
                   r"swallow|keep) (?:any |a sip of |sips of )?(?:water|liquids?|fluids?|a drink|"
                   r"drinks|anything)(?: down)?"),
        ),
    ),
    Concept(
        "drooling with noisy breathing",
        f"{_CALL}: drooling with a harsh noise on breathing in, sitting up leaning forward or "
        "being unable to swallow can mean the throat is swelling shut (epiglottitis or an "
        "abscess); keep the person calm and upright, and do not look in the throat or make "
        "them lie down.",
        signs=(
            _given(
                (r"drool\w*|dribbl\w*", _FEVERISH),
                r"noisy breath\w*|stridor|(?:funny|weird|strange|odd|harsh|high[- ]pitched|rasping|"
                r"squeaky|whistling|crowing|grunting) (?:noise|sound)s? (?:(?:when|on|while|as) "
                r"(?:\w+ )?)?breath\w*|(?:sitting|sits|sat|leaning|leans|leant|bent) (?:\w+ ){0,4}?"
                r"forward|(?:won'?t|wont|will not|can'?t|cannot|refus\w* to) lie (?:down|flat)",
                unless=(r"teeth\w*|teething",),
            ),
        ),
    ),
    Concept(
        "possible bowel obstruction",
        "Go to an emergency department now: crampy belly pain with a swollen belly, vomiting "
        "(above all green or brown vomit) and no wind or stool can be a blocked bowel; do not "
        "take a laxative.",
        signs=(
            _rx(r"(?:sick|vomit|puke)\w* (?:\w+ ){0,2}?(?:that |which )?(?:smells?|smelling|"
                r"smelt) (?:\w+ )?(?:like|of) (?:poo|poop|faeces|feces|stools?|sewage)"),
            _given((r"(?:tummy|belly|stomach|abdomen)\W+(?:\w+\W+){0,3}?(?:swollen|bloated|"
                    r"distended|massive|huge|tight|hard|like a drum)",),
                   r"(?:have ?n'?t|havent|hasn'?t|hasnt|has not|not|no) (?:\w+ ){0,2}?(?:pooed|"
                   r"pooped|opened (?:\w+ )?bowels|had a (?:poo|"
                   r"bowel movement))(?: \w+){0,3}? (?:or|"
                   r"nor) (?:even )?(?:passed|passing|pass) (?:any )?(?:gas|wind)"),
            _given((_BEING_SICK + r"|bring\w* up|brought up",),
                   r"(?:have ?n'?t|havent|haven't|hasn'?t|hasnt|has not|not|no|can'?t|cannot|"
                   r"unable to) (?:\w+ ){0,2}?(?:passed|"
                   r"pass|passing) (?:any )?(?:gas|wind)|(?:swollen|bloated|distended) like a drum|"
                   # "haven't passed anything, not even wind"
                   r"(?:not|nor) even (?:passed |passing |any )?(?:gas|wind)|"
                   r"(?:green|brown|poop|fecal|faecal)(?:ish)? (?:stuff|vomit|liquid|bile)"),
        ),
    ),
    Concept(
        "severe belly pain with vomiting",
        "Go to an emergency department now: severe pain in the upper belly going through to the "
        "back, or belly pain so bad you cannot get comfortable or keep still, with vomiting, can "
        "be pancreatitis, a gallbladder or kidney stone, or another problem that needs treatment "
        "today; call your local emergency number if the person is pale, sweaty, faint or confused.",
        signs=(
            _given((_BEING_SICK,),
                   r"(?:pain|ache|hurts?|hurting)\W+(?:\w+\W+){0,9}?(?:(?:going|goes|went) )?"
                   r"(?:straight |right )?(?:through|going through|goes through|into) (?:to )?"
                   r"(?:my|the|his|her) back|"
                   r"(?:can'?t|cannot|couldn'?t) (?:get comfortable|keep still|lie still|sit "
                   r"still)"),
        ),
        exclusions=(
            _rx(r"(?:menstrual|period) (?:pain|cramps?)", r"during (?:my |her )?periods?",
                r"labou?r", r"(?:stomach|tummy|vomiting) (?:bug|flu)", r"food poisoning",
                r"gastro\w*", r"norovirus", r"diarrh\w*"),
        ),
    ),
    Concept(
        "pressure under a cast",
        "Go to an emergency department now: pain under a cast or splint, or in a limb after a "
        "hard blow or a crush, that keeps getting worse despite pain medicine, with a tense, "
        "rock-hard swelling or numb, cold, pale or blue fingers or toes, can mean dangerous "
        "pressure on the muscles and nerves (compartment syndrome).",
        signs=(
            _given((r"cast|splint",),
                   r"(?:fingers|toes|hand|foot)\W+(?:\w+\W+){0,5}?(?:numb|cold|blue|white|pale|"
                   r"tingl\w*)|(?:hurts?|"
                   r"pain\w*) "
                   r"(?:way |much |a lot )?(?:more|worse) than (?:before|earlier)"),
            # a limb gone tense and rock hard after a blow or crush
            _given((r"kick\w*|hit|struck|crush\w*|trapped|run over|tackle\w*|blow|fell|fall|"
                    r"broke\w*|fracture\w*",),
                   r"(?:calf|shin|leg|thigh|forearm|arm|hand|foot)\W+(?:\w+\W+){0,3}?(?:rock hard|"
                   r"hard and tight|tight and hard|tense and swollen|swollen and tense)"),
        ),
    ),
    Concept(
        "a limb without blood flow",
        "Call your local emergency number (911 in the US) now: a leg or arm that suddenly turns "
        "cold, pale or blue and hurts, goes numb or cannot move may have lost its blood supply "
        "(a blocked artery), which needs treatment within hours to save the limb.",
        sudden=True,
        signs=(
            _given((r"sudden\w*|all of a sudden|out of nowhere",
                    r"pain\w*|hurts?|hurting|numb\w*|can'?t (?:\w+ )?(?:feel|move)|"
                    r"cannot (?:\w+ )?(?:feel|move)|tingl\w*"),
                   r"(?:legs?|arms?|foot|feet|hand) (?:\w+ ){0,3}?(?:went|turned|turning|going|"
                   r"is|are|has gone|have gone|became|got|gets|looks?|feels?) (?:\w+ )?(?:ice )?"
                   r"(?:cold|pale|white|blue|mottled|purple)"),
        ),
    ),
    Concept(
        "carbon monoxide poisoning",
        "Get everyone, pets too, out into fresh air now and call your local emergency number "
        "(911 in the US) from outside: headaches, dizziness or nausea at home near a furnace, "
        "heater, generator or gas appliance may be carbon monoxide poisoning.",
        exposure=True,  # the heating turned on last week still leaks today
        signs=(
            _given((_FUEL_BURNING,),
                   r"headaches?|dizz\w*|nause\w*|vomit\w*|throwing up|light[- ]?headed|drows\w*|"
                   r"confus\w*"),
            # the heating just turned on, and the whole household unwell, better away from home
            _given((r"heating (?:\w+ ){0,3}?(?:on|came on)|(?:turned|switched|put) (?:the )?"
                    r"(?:\w+ )?heating on",
                    r"(?:all|everyone|both of us|whole family|all of us)\b[^.?!]{0,80}?\b"
                    r"(?:headaches?|dizz\w*|sick|nause\w*)|(?:better|fine) (?:\w+ ){0,3}?(?:out|"
                    r"away|outside|at (?:work|school))"),
                   r"headaches?|dizz\w*|nause\w*|feel\w* (?:kind of |a bit )?sick"),
        ),
        exclusions=(_rx(r"(?:gas|fuel) prices?"),),
    ),
    Concept(
        "wild mushrooms eaten",
        "Call Poison Control (1-800-222-1222 in the US) or go to an emergency department now, "
        "even if it seems to be passing: vomiting or diarrhoea hours after eating wild or "
        "picked mushrooms can be a deadly kind (death cap) whose liver damage shows only a day "
        "or two later. Take any leftover mushrooms with you.",
        signs=(
            _given((r"(?:wild|foraged|picked|garden|woods?|forest|field|lawn) (?:\w+ ){0,3}?"
                    r"mushrooms?|mushrooms? (?:\w+ ){0,4}?(?:picked|foraged|from (?:the|our|a) "
                    r"(?:garden|woods?|lawn|yard|field|forest|park))|toadstools?|(?:picked|"
                    r"foraged) (?:\w+ ){0,3}?mushrooms?",),
                   r"vomit\w*|diarrh\w*|throwing up|threw up|thrown up|been sick|being sick|"
                   r"stomach cramps|tummy cramps"),
        ),
    ),
    Concept(
        "high-pressure injection injury",
        "Go to an emergency department now and say it was a high-pressure injection: paint, "
        "grease, oil or fluid forced into a finger or hand from a spray gun, injector or hydraulic "
        "line can look like a pinprick but destroys tissue within hours and usually needs an "
        "operation.",
        signs=(
            _rx(r"(?:paint|grease|airless|high[- ]pressure|hydraulic|diesel|fuel|oil) "
                r"(?:\w+ )?(?:spray\w*|guns?|lines?|hoses?|injectors?|washers?)\W+(?:\w+\W+)"
                r"{0,14}?(?:fingers?|hand|thumb|palm)",
                r"(?:fingers?|hand|thumb|palm)\W+(?:\w+\W+){0,10}?(?:paint|grease|airless|"
                r"high[- ]pressure|hydraulic) (?:\w+ )?(?:spray\w*|guns?|lines?|hoses?|"
                r"injectors?)"),
        ),
    ),
    Concept(
        "possible appendicitis",
        "Go to an emergency department now: belly pain that moves to the lower right side and "
        "gets worse when you walk, cough or are jolted, especially with fever or vomiting, may be "
        "appendicitis, which needs urgent care.",
        sudden=True,
        signs=(
            re.compile(
                r"\b(?:belly ?button|navel|umbilic\w*|middle of (?:my |the |his |her )?(?:belly|"
                r"stomach|tummy|abdomen))\b(?:\W+\w+){0,12}?\W+(?:moved|moving|shifted|went|"
                r"travel\w*|migrat\w*|now (?:it'?s|its|it is|the pain is|it hurts))\b"
                r"(?:\W+\w+){0,6}?\W+"
                r"(?P<key>(?:lower |low |bottom )?right)\b",
                re.IGNORECASE,
            ),
            re.compile(
                r"\b(?P<key>(?:lower|low|bottom) right|right lower)\b[^.?!]{0,120}?\b(?:worse|"
                r"hurts?|kills?)\b(?:\W+\w+){0,4}?\W+(?:when|if|as)\W+(?:\w+\W+){0,4}?(?:walk\w*|"
                r"cough\w*|mov\w+|jump\w*|bump\w*|step\w*)",
                re.IGNORECASE,
            ),
        ),
    ),
    Concept(
        "spinal nerve compression",
        f"{_CALL} or go to an emergency department now: back pain with numbness between the legs, "
        "new trouble passing urine or controlling the bowels, or new weakness in both legs can "
        "mean pressure on the nerves of the spine (cauda equina syndrome), which needs treatment "
        "within hours.",
        signs=(
            _rx(r"(?:can'?t|cannot|cant|unable to|could ?n'?t) (?:really |properly |quite )?feel "
                r"(?:the )?(?:toilet paper|"
                r"(?:it )?when (?:i|he|she) wipes?)",
                r"(?:can'?t|cannot|cant|could ?n'?t|couldnt) (?:really )?feel (?:myself |"
                r"(?:it )?when (?:i|he|she) )?(?:having a |have a |do a |doing a )?(?:wee|pee|"
                r"peeing|weeing|urinat\w*)",
                r"numb\w*(?: \w+){0,5} (?:down there|(?:in |of )?(?:my |the )?(?:groin|genitals?|"
                r"private parts|buttocks|inner thighs)|between (?:my|his|her|the) legs)",

                r"saddle (?:numbness|anesthesia|anaesthesia)"),
            # told the other way round, with the back: numbness there from a bike seat is not
            _given((rf"{_BACK_TROUBLE}|spine|spinal|sciatica|slipped disc|disk",),
                   r"numb\w*(?: \w+){0,3} (?:(?:around|round|in|on) )?(?:my |his |her |"
                   r"the )?(?:butt|bum|bottom|backside)\b|"
                   r"(?:trouble|difficulty|struggling|hard) (?:\w+ )?(?:starting to |to )?(?:pee|"
                   r"urinat\w*)|can'?t (?:start|get) (?:my )?(?:pee|peeing|urine) "
                   r"(?:going|started)|"
                   r"(?:between (?:my|his|her|the) legs|groin|genitals?|private parts|buttocks|bum|"
                   r"butt|bottom|back passage|inner thighs|inside of (?:my|his|her|the) thighs)"
                   r"(?: \w+){0,3} (?:feels? |feel |felt |is |are |"
                   r"went |going |gone |getting )?(?:really |very |all |kind of |kinda )?numb\b"),
            _given((r"back|spine|spinal|sciatica|disc|disk|legs?",),
                   r"(?:can'?t|cannot|cant|unable to|have ?n'?t been able to|havent been able to|"
                   r"not able to) (?:pee|wee|urinate|empty (?:my|his|her|the) bladder)|(?:haven'?t|"
                   r"hasn'?t|not|hardly|barely) managed (?:a |to )?(?:proper )?(?:wee|pee)|"
                   r"(?:lost|losing|no) control (?:of|over) (?:my |his |her )?(?:bladder|bowels?)|"
                   r"(?:wet|peed|"
                   r"soiled|pooed|pooped) (?:myself|himself|herself) (?:\w+ ){0,4}?"
                   r"(?:without (?:realis|realiz|notic|feeling|knowing)\w*|and (?:didn'?t|did not) "
                   r"(?:notice|feel|realis\w*|realiz\w*))"),
        ),
    ),
    Concept(
        "severe alcohol withdrawal",
        f"{_CALL}: seeing or hearing things that are not there, confusion or a seizure after "
        "stopping heavy drinking can be delirium tremens, which is life-threatening and needs "
        "hospital treatment. Do not give alcohol or sedatives to stop it, and stay with the "
        "person until help comes.",
        signs=(
            _given((_ALCOHOL_STOPPED, _ALCOHOL),
                   r"hallucinat\w*|(?:seeing|see|saw|sees) (?:\w+ ){0,3}?(?:things|bugs|insects|"
                   r"spiders|snakes|"
                   r"rats|mice|people|faces)(?! (?:blurry|blurred|double|clearly))|hearing "
                   r"(?:\w+ )?(?:voices|things)|delirium tremens|dts|seizures?|(?:having|had|"
                   r"has) (?:a )?fits?|fitting|convuls\w*|(?:very |really |so )?confused|"
                   # "keeps saying there are spiders on the ceiling", "isn't making sense"
                   r"(?:says?|saying|thinks?|thinking|sees?|swears?) (?:that )?there (?:are|is|"
                   r"were) (?:\w+ ){0,2}?(?:spiders|bugs|insects|snakes|rats|mice|people|ants)|"
                   r"(?:not|isn'?t|isnt|wasn'?t) making (?:any )?sense"),
        ),
    ),
    Concept(
        "alcohol withdrawal",
        "Stopping heavy drinking all at once can bring on dangerous withdrawal (seizures, "
        "confusion, seeing things): talk to a doctor before you stop, today if you already get "
        "shaky or sweaty without a drink, and call your local emergency number (911 in the US) "
        "for confusion, a seizure or hallucinations.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:quit|quitting|stop|stopping|give up|giving up) (?:drinking|alcohol|booze)"
                r"(?: \w+){0,3}? (?:cold turkey|abruptly|all at once|on my own|at home)",
                r"(?:the )?(?:shakes|shaky|tremors?|sweat\w*)(?: \w+){0,6}? (?:without|until|"
                r"before|till) (?:i |he |she |they )?(?:have |has |get |gets )?(?:a |my |his |her "
                r")?(?:drink|beer|shot)"),
            re.compile(
                rf"^(?=[\s\S]*\b(?:quit\w*|stop\w*|cold turkey|detox\w*|shak\w+|tremor\w*|"
                rf"the shakes)\b)[\s\S]*?\b(?P<key>{_HEAVY_DRINKING})",
                re.IGNORECASE,
            ),
            # drinking every day told with the shakes: dependence, whatever the amount
            _given((r"(?:every|each) (?:night|day|evening)|(?:a|per) (?:day|night)|daily|nightly",
                    r"drink\w*|cans|pints|beers?|wine|vodka|cider|lager|spirits|whisk(?:e)?y|"
                    r"booze|alcohol"),
                   r"(?:get|gets|getting|got|have|has|having|with|wake up with|waking up with) "
                   r"(?:the )?(?:shakes|shaky hands|tremors?)|(?:shakes|shaky|shaking|tremor\w*)"
                   r"(?: \w+){0,3}? (?:in the )?mornings?",
                   unless=(r"coffees?|caffeine|energy drinks?|monsters?|red bulls?|espresso|"
                           r"parkinson\w*|essential tremor",)),
        ),
    ),
    Concept(
        "needle-stick injury",
        "A needle-stick from a needle used on someone else can pass on HIV or hepatitis: wash the "
        "wound with soap and water now and see a doctor or go to an emergency department today; "
        "medicine that prevents HIV works best started within hours, and no later than 72 hours.",
        urgency=SAME_DAY,
        signs=(
            _rx(rf"(?:stuck|pricked|poked|jabbed|stabbed|scratched|cut) (?:\w+ ){{0,5}}?(?:with|by|"
                rf"on|from) (?:\w+'?s? ){{0,4}}?{_SHARP}",
                r"needle[- ]?sticks?(?! injur\w* (?:prevention|rates?|policy))",
                r"needlestick", rf"stepped on (?:\w+ ){{0,3}}?{_SHARP}"),
        ),
        exclusions=(
            # one's own needle, a clean one, or a needle used on oneself by a professional
            _rx(rf"(?:my|his|her|their) own (?:\w+ ){{0,2}}?{_SHARP}",
                rf"(?:new|clean|sterile|unused|fresh) (?:\w+ ){{0,2}}?{_SHARP}",
                r"(?:nurse|doctor|dentist|phlebotomist|they|she|he) (?:stuck|pricked|poked) me"),
            # a needle used on oneself for care: a shot, a blood test, acupuncture, a tattoo
            re.compile(rf"(?:{_CARE_NEEDLES})[^.?!]{{0,120}}|[^.?!]{{0,120}}(?:{_CARE_NEEDLES})",
                       re.IGNORECASE),
        ),
    ),
    # --- general triage discriminators: severe signs by body system, not by disease ---------
    Concept(
        "sudden loss of vision",
        "Go to an emergency department or an eye emergency service now: sudden loss of vision, a "
        "curtain or shadow over part of it, a burst of new floaters or flashes, or a painful red "
        "eye with halos and vomiting can cost the sight within hours.",
        sudden=True,
        signs=(
            re.compile(
                rf"\b{_ONSET}\W+(?:\w+\W+){{0,6}}?(?P<key>(?:lost|losing|loss of|lose) (?:\w+ )?"
                r"(?:\w+ )?(?:vision|sight|eyesight)|(?:can'?t|cannot|couldn'?t|could not) see"
                r"(?: anything| out of)?|(?:vision|sight|eye)\w* (?:went|is|got|turned|going|has "
                r"gone) (?:\w+ )?(?:black|dark|blind|grey|gray|dim))\b",
                re.IGNORECASE,
            ),
            # an eye that went dark or black, told as what happened, not on standing up
            _given((), r"(?:vision|sight|eye)\W+(?:just |suddenly |completely |completly |totally "
                   r"|all )*(?:went|turned|has gone) (?:completely |completly |totally |all )?"
                   r"(?:black|dark|blind|blank)",
                   unless=(r"st(?:oo|a)d(?:ing)? up|(?:got|get|getting) up|head rush|for a "
                           r"(?:second|moment|few seconds)",)),
            _rx(r"(?:vision|sight|eyesight)\W+(?:\w+\W+){0,2}?(?:suddenly|all of a sudden) (?:went|"
                r"got|turned|is|became|has gone) (?:\w+ )?(?:black|dark|blind|grey|gray|dim|"
                r"blurry)",
                r"(?:lost|losing|lose) (?:the |all )?(?:vision|sight) (?:in|of|out of) (?:my|his|"
                r"her|one|the) (?:left |right )?eye",
                r"(?:vision|sight) (?:in|of|out of) (?:my|his|her|one|the) (?:left |right )?eye "
                r"(?:just |suddenly |completely |all of a sudden )?(?:went|has gone|disappeared|"
                r"blacked out|went black|went dark)",
                r"like a (?:blind|curtain|shade|shutter|blackout) (?:\w+ )?(?:coming|came|being "
                r"pulled|pulled|dropping|dropped) down",
                r"(?:like|as though|as if) (?:a |an )?(?:dark |black |grey )?(?:blind|curtain|"
                r"shade|shutter) (?:\w+ ){0,3}?(?:pulled|drawn|dropped|come|came|coming) down",
                r"(?:vision|sight) (?:in|of|out of) (?:my|his|her|one|the) (?:left |right )?eye "
                r"(?:had|has) (?:quite |completely |totally |all )?gone",
                r"(?:unable to|can'?t|cannot|couldn'?t|could not) see (?:anything )?out of "
                r"(?:my|his|her|one|the) (?:left |right )?eye",
                r"(?:curtain|shade|shadow|veil|dark (?:area|patch)|black (?:area|patch))\W+"
                r"(?:\w+\W+){0,6}?(?:over|across|coming (?:down|up|in|over|across)|covering|"
                r"blocking|came down)\W+(?:\w+\W+){0,5}?(?:vision|eye|sight)",
                r"(?:new|sudden|lots of|tons of|a shower of|a bunch of|hundreds of|a burst of) "
                r"(?:\w+ )?floaters",
                r"floaters\W+(?:\w+\W+){0,4}?(?:and|with) (?:\w+ )?flash\w*",
                r"flash\w* (?:of light )?(?:and|with) (?:\w+ )?(?:new )?floaters",
                r"flash\w* of light\W+(?:\w+\W+){0,25}?(?:new|sudden|lots of|many|a great many) "
                r"(?:\w+ ){0,2}?(?:floaters|specks|dots|cobwebs)",
                # floaters told as new dark dots in the eye, or with flashes
                rf"(?:{_NEW_DOTS})\W+(?:\w+\W+){{0,5}}?(?:in|across|over) (?:my|his|her|the|one) "
                r"(?:\w+ )?(?:eye|vision|sight)",
                rf"(?:{_NEW_DOTS})\W+(?:\w+\W+){{0,3}}?(?:and|with) (?:\w+ )?flash\w*"),
            # a shadow moving in from the side, in a message about the eye
            _given((r"eyes?|vision|sight|floaters|flash\w*",),
                   r"(?:curtain|shade|shadow|veil)\W+(?:\w+\W+){0,2}?(?:creep\w*|spread\w*|"
                   r"moving|moved|coming|came|closing|drawn|drawing|pulled|falling|fell)\W+"
                   r"(?:in|over|across|down|up|from)"),
            _given((r"halos?|rainbow (?:rings|circles)|colou?red (?:rings|circles)|(?:rings|"
                    r"circles) (?:\w+ ){0,2}?(?:round|around) (?:the )?(?:\w+ )?(?:lights|lamps|"
                    r"bulbs)",),
                   r"eye (?:pain|ache)|eyes? (?:is |are |was |got )?(?:\w+ )?(?:painful|red|hurts?|"
                   r"aching|throbbing)|pain\w* (?:in|around|behind) (?:my |his |her |the )?eyes?|"
                   r"(?:painful|sore|throbbing),? (?:\w+ )?eyes?|"
                   r"vomit\w*|threw up|throwing up|thrown up|been sick|nause\w*"),
        ),
    ),
    Concept(
        "fever with a warning sign",
        "Go to an emergency department now (call your local emergency number for someone very "
        "drowsy or confused): fever with a stiff neck, a rash that does not fade when pressed, "
        "shaking chills, fainting on standing, yellow skin or eyes, an infected wound, or during "
        "chemotherapy or after a transplant, and mottled skin with any infection, can be a "
        "serious infection (meningitis, sepsis) that needs treatment within hours.",
        signs=(
            # a fever, or shivering while hot, with new confusion (sepsis, meningitis)
            _given((rf"{_FEVERISH}|shiver\w*|chills|feels? (?:really |very |so )?hot|burning up",),
                   r"(?:really|very|so|suddenly|now|more|all) confused|disoriented|delirious|"
                   r"(?:doesn'?t|doesnt|does not|can'?t|cant) (?:know|tell|remember) what (?:day|"
                   r"year|month) it is",
                   unless=(r"dementia|alzheimer",)),
            _given((_FEVERISH,),
                   r"stiff neck|neck (?:is |feels |was |got |getting )?(?:\w+ )?stiff|"
                   r"(?:can'?t|cannot|won'?t|unable to) (?:bend|put|touch|move|"
                   r"lower) (?:\w+ ){0,2}?"
                   r"(?:chin|neck|head) (?:down|to|forward)|(?:rash|spots|dots|blotches)\W+"
                   r"(?:\w+\W+){0,8}?(?:don'?t|doesn'?t|won'?t|didn'?t|does not|do not|not|isn'?t) "
                   r"(?:fade|blanch|go (?:away|white|pale))|(?:purple|purplish|dark red|bruise[- ]"
                   r"like)(?: red)? (?:spots|rash|dots|blotches|patches)|petechia\w*|"
                   r"chemo\w*|neutropeni\w*|tampons?|"
                   r"(?:white (?:blood )?cells?|wbc|white counts?|counts?) (?:is |are |was |were )?"
                   r"(?:very |really )?low|transplant\w*|mottled|blotchy (?:and )?(?:cold|blue|"
                   r"purple)|shaking (?:chills|uncontrollably|so hard|violently)|rigou?rs|"
                   r"(?:uncontrollabl[ey]|violent\w*) (?:shak\w*|shiver\w*)|"
                   r"teeth (?:are )?chattering|"
                   r"(?:light|bright lights?|the light) (?:hurts?|bothers?) (?:my|his|her) eyes|"
                   r"(?:yellow|jaundiced) (?:eyes|skin)|(?:eyes|skin) (?:\w+ )?(?:are |is |look |"
                   r"looks |turned |turning )?(?:yellow|jaundiced)|(?:nearly|almost) (?:fell|"
                   rf"fainted|passed out|collapsed|keeled)|{_DIZZY_ON_STANDING}"),
            # a fever with a kidney stone: an infected, blocked kidney
            _given((rf"{_FEVERISH}|rigou?rs|\b3[89][.,]\d\b",),
                   r"kidney stones?|renal colic|(?:the |a |my |his |her )stone (?:is |has been )?"
                   r"(?:passing|stuck|moving)"),
            _given((rf"{_FEVERISH}|shiver\w*|rigou?rs|\b3[89][.,]\d\b", _URINARY),
                   r"(?:gone|going|moved|moving|spread\w*) (?:round |up )?(?:in)?to "
                   r"(?:my|the|his|her) (?:\w+ )?(?:back|side|flank|loin)|"
                   r"(?:back|side|flank|kidney|loin)\W+(?:\w+\W+){0,2}?(?:pain|hurts?|aching|ache|"
                   r"agony)|"
                   # "my side is killing me": the idiom is the pain's size, the key is the side
                   r"(?:back|side|flank|loin)(?=\W+(?:\w+\W+){0,2}?killing (?:me|her|him)\b)|"
                   r"pain (?:\w+ ){0,2}?(?:in|on|under) (?:\w+ ){0,5}?(?:back|side|flank|loin|"
                   r"ribs)"),
            # a fever now during chemotherapy or after a transplant, the treatment told as past
            # ("had my 3rd round of chemo last week, tonight temp is 38.5")
            _given((r"chemo\w*|neutropeni\w*|transplant\w*",), _FEVERISH,
                   unless=(r"(?:finished|completed|ended|last had) (?:my |his |her )?chemo\w* "
                           r"(?:\w+ ){0,2}?(?:years|months) ago",)),
            # a fever with sickle cell disease or without a spleen: an infection can overwhelm
            _given((r"sickle[- ]?cell|splenectomy|(?:no |without a |removed (?:my |his |her |"
                    r"the )?)spleen|spleen (?:was |has been )?(?:removed|taken out)",),
                   _FEVERISH,
                   # asked of fevers to come, not told of one now
                   unless=(r"any (?:fever|temp\w*)|if (?:i|he|she|they|you) (?:\w+ )?(?:get|gets|"
                           r"have|has|develops?|runs?) (?:a |any )?(?:high )?(?:fever|temp\w*)",)),
            # fever with an infected wound, ulcer, bite or operation site
            _given((_FEVERISH,),
                   r"pus|oozing|abscess|(?<!breath )smells? (?:really |very )?(?:bad|foul|awful|"
                   r"rotten)|"
                   r"foul[- ]smelling|(?:wound|incision|cut|scar|ulcer|bite|stitches)\W+(?:\w+\W+)"
                   r"{0,4}?(?:red|hot|swollen|oozing|weeping|opened|open)"),
            _given((_FEVERISH, r"eczema"),
                   r"blisters?|punched[- ]out|(?:crusty|weeping|open) sores"),
            # signs of sepsis in someone with an infection, with or without a fever
            _given((r"infection|uti|antibiotics?|pneumonia|cellulitis|flu|covid|fever|temp\w*",),
                   r"mottled|blotchy (?:and )?(?:blue|purpl\w*|mottled|cold|grey|gray)|"
                   r"(?:cold|cool) and clammy|clammy and (?:cold|cool)|"
                   r"(?:hasn'?t|has not|haven'?t|not) (?:peed|weed|wee'?d|passed (?:any )?urine)"
                   r"(?: since| all day| for)|"
                   r"(?:feels?|feeling|says?) (?:like )?(?:he'?s|she'?s|i'?m|they'?re) (?:going to|"
                   r"gonna) die|"
                   r"shaking (?:with|and) chills|chills and shaking|rigou?rs|"
                   r"breathing (?:really |very |so |super )?(?:fast|quickly|rapidly)|"
                   r"(?:fast|rapid) breathing"),
            # new confusion, not a pattern told of how someone is treated ("they give her
            # antibiotics every time she seems a bit confused")
            _given((r"infection|uti|antibiotics?|pneumonia|cellulitis|flu|covid|fever|temp\w*",),
                   r"(?:feel|feels|feeling|felt|am|i'?m|is|getting|got|seems?|really|very|so|bit|"
                   r"little|slightly|kinda|quite) "
                   r"confused(?!\W+(?:about|by|with|whether|if|as to|on|over|why|what|how))",
                   unless=(r"every time|each time|whenever",)),
        ),
        exclusions=(_rx(r"(?:yellow|green) (?:mucus|snot|phlegm|discharge)"),),
    ),
    Concept(
        "fluid build-up in heart failure",
        "With heart failure, a weight gain of about 1 kg (2-3 lb) in a day or 2 kg (5 lb) in a "
        "week, or new swelling of the legs or belly, can be fluid building up: call the heart "
        "failure nurse or doctor today, as the water tablets may need changing; call your local "
        "emergency number (911 in the US) for breathlessness at rest, being unable to lie flat, "
        "chest pain or fainting.",
        signs=(
            _given(
                (_HEART_FAILURE,),
                r"(?:weight|weighs?|weighed|scales?)\W+(?:\w+\W+){0,6}?(?:up|gone up|went up|"
                r"increased|jumped|gained|put on|risen|gain of|up by)\W+(?:\w+\W+){0,2}?"
                r"(?:[1-9](?:\.\d)?|one|two|three|four|five) ?(?:kgs?|kilos?|lbs?|pounds?)\b"
                r"|(?:gained|put on|gain of|up) (?:about |almost |nearly |over )?(?:[1-9](?:\.\d)?|"
                r"one|two|three|four|five) ?(?:kgs?|kilos?|lbs?|pounds?) (?:\w+ ){0,3}?"
                r"(?:in|over|this|within|since) (?:the last |the past )?"
                r"(?:a |one |two |three |four |five |[1-7] )?"
                r"(?:days?|week|yesterday|overnight|monday|tuesday|wednesday|thursday|friday|"
                r"saturday|sunday)"
                r"|weigh\w* (?:about |almost |nearly |over )?(?:[1-9](?:\.\d)?|one|two|three|four|"
                r"five) ?(?:kgs?|kilos?|lbs?|pounds?) (?:more|heavier)"
                r"|(?:needs?|needing|sleeps? on|sleeping on|propped up on) (?:[3-9]|three|four|"
                r"five|more|extra) pillows"
                r"|swell\w* (?:right )?up to (?:his|her|my|the) knees",
            ),
        ),
        urgency=SAME_DAY,
    ),
    Concept(
        "breathless lying flat with swollen legs",
        "Breathlessness when lying flat (needing more pillows, waking up gasping) together with "
        "swollen legs or ankles can be heart failure or fluid on the lungs: see a doctor today; "
        "call your local emergency number (911 in the US) for breathlessness at rest, chest "
        "pain, fainting or coughing up pink, frothy spit.",
        signs=(
            _given(
                (_FLAT_BREATHLESS,),
                r"(?:legs?|ankles?|feet|foot) (?:\w+ ){0,3}?(?:swell\w*|swollen|puffy|huge|"
                r"massive|like balloons|ballooned)|swell\w* "
                r"(?:\w+ ){0,3}?(?:legs?|ankles?|feet)|swollen (?:legs?|ankles?|feet)",
            ),
        ),
        urgency=SAME_DAY,
    ),
    Concept(
        "new breathlessness with heart disease",
        "New or worsening breathlessness on effort in someone with heart disease (a stent, a "
        "heart attack, bypass surgery, angina, heart failure or a valve problem) can be angina or "
        "the heart weakening: see your doctor today; call your local emergency "
        "number (911 in the US) for chest pain or pressure, breathlessness at rest, sweating, or "
        "fainting.",
        signs=(
            _given(
                (_HEART_HISTORY,),
                rf"(?:{_BREATHLESS_LAY})\W+(?:\w+\W+){{0,8}}?(?:{_NEWLY})"
                rf"|(?:{_NEWLY})\W+(?:\w+\W+){{0,8}}?(?:{_BREATHLESS_LAY})",
            ),
        ),
        urgency=SAME_DAY,
    ),
    Concept(
        "falling asleep while driving",
        "Do not drive until a doctor has seen you about it: nodding off at the wheel can kill "
        "you or others. See a doctor soon (today if you must keep driving) about the sleepiness, "
        "which sleep apnoea and other treatable problems can cause; after a crash, call your "
        "local emergency number (911 in the US).",
        signs=(
            _rx(r"(?:nodd\w*|dozed?|dozing|fell|falls?|falling|drift\w*) (?:off |asleep )?"
                r"(?:\w+ ){0,3}?(?:at|behind) (?:the |a )?(?:wheel|lights|traffic lights?|"
                r"red lights?)",
                r"(?:nodd\w*|dozed?|dozing|fell|falls?|falling) (?:off|asleep) (?:\w+ ){0,3}?"
                r"(?:while|when|whilst) (?:driving|i drive|i was driving|at the wheel)",
                r"asleep at the wheel",
                # nearly nodding off at the wheel is the warning itself
                r"(?:nearly|almost) (?:fell|falling|dozed|dozing|nodded|nodding) (?:off|asleep) "
                r"(?:\w+ ){0,3}?(?:while|when|whilst|at|behind) (?:driving|the wheel)"),
        ),
        urgency=SAME_DAY,
        exposure=True,  # nodding off at the wheel last week: the danger is still there
    ),
    Concept(
        "critical lab result",
        "Call the doctor's office, or its after-hours line, today about a result marked "
        "critical: such results are flagged because they may need treatment the same day; go "
        "to an emergency department if you feel faint, short of breath, or have chest pain, "
        "palpitations or new weakness.",
        signs=(
            _rx(r"(?:\bis|\bwas|marked|flagged|came back|says|said|listed|shows?)(?: as| it'?s)? "
                r"(?:critical(?:ly (?:high|low))?|a critical (?:value|result|level))"
                r"(?! (?:care|illness|thinking|period|condition|role|part|step|mass|point))",
                r"(?:critical|panic) (?:lab )?(?:value|result|level)s?"),
        ),
        urgency=SAME_DAY,
    ),
    Concept(
        "INR far above its range",
        "Call your anticoagulation clinic, doctor or out-of-hours service today, before the next "
        "warfarin dose: an INR of 5 or more raises the risk of bleeding, and the dose usually "
        "needs holding or changing (sometimes with vitamin K). Go to an emergency department "
        "for bleeding that will not stop, blood in the urine or stools, black stools, vomiting "
        "blood, a severe headache, or a fall with a knock to the head.",
        signs=(
            _given((r"warfarin|coumadin|jantoven|marevan|acenocoumarol|sinthrome|phenindione|"
                    r"anticoagula\w*|blood thinners?",),
                   r"inr\W+(?:\w+\W+){0,8}?(?<![\d.,])(?:[5-9](?:[.,]\d+)?|1\d(?:[.,]\d+)?)\b"
                   r"(?!\s*(?:days?|weeks?|years?|months?|hours?|mg|times|tablets?|pills?|am|pm|"
                   r"o'?clock))"),
        ),
        urgency=SAME_DAY,
    ),
    Concept(
        "rash that does not fade",
        "See a doctor today: small red or purple spots that do not fade when pressed (a glass "
        "pressed on them) can come from bleeding under the skin and need a check the same day; "
        "with a fever, or in someone who seems unwell, go to an emergency department now.",
        signs=(
            _rx(_NOT_FADING, r"petechia\w*"),
            # unexplained bruising with pinpoint spots or bleeding gums: platelets may be low
            _given((r"bruis\w*",),
                   r"(?:tiny|little|small|pin ?prick|pin-prick|pinpoint|"
                   r"pin-point)\W+(?:\w+\W+){0,2}?"
                   r"(?:red|purple|dark|reddish|purplish)\W+(?:\w+\W+){0,1}?(?:dots|spots|specks|"
                   r"marks|freckles)"),
        ),
        urgency=SAME_DAY,
    ),
    Concept(
        "long fever in a child",
        "A child's fever that has lasted five days or more needs a doctor today, even if the "
        "child seems better between fevers (with red eyes, red cracked lips or a rash it can be "
        "Kawasaki disease, which needs treatment within days); go to an emergency department for "
        "a child who is floppy, hard to wake or breathing hard.",
        signs=(
            _given((_CHILD,),
                   r"(?:fever|temp\w*|temperature)\W+(?:\w+\W+){0,6}?(?:for|over|more than|"
                   r"nearly|almost|about) (?:(?:the )?(?:last|past) )?(?:[5-9]|1[0-4]|five|six|"
                   r"seven|eight|nine|ten|a week|a whole week|over a week) (?:days?|straight "
                   r"days)?|(?:[5-9]|five|six|seven|eight|nine|ten) days (?:of|with) (?:a )?"
                   r"(?:high )?fevers?"),
        ),
        urgency=SAME_DAY,
    ),
    Concept(
        SPREADING_SKIN_INFECTION,
        "See a doctor today (urgent care or an emergency department): redness or swelling that "
        "spreads over hours, red streaks running up from a wound, or skin turning dark with "
        "severe pain can be a spreading infection; go to an emergency department now with fever, "
        "chills or confusion.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"red (?:streaks?|lines?)\W+(?:\w+\W+){0,4}?(?:going|running|moving|spreading|"
                r"travel\w*|creeping|heading|coming) (?:up|toward|towards|from|out)",
                r"(?:streaks?|lines?) (?:going|running|moving|spreading|travel\w*|creeping) up "
                r"(?:my|his|her|the)",
                r"(?:redness|red area|red patch|red part|swelling|infection|the red|it)\W+"
                r"(?:\w+\W+){0,4}?(?:spread\w*|grown|growing|getting bigger|got bigger|moving|"
                r"gone past|went past|past|beyond|outside) (?:\w+ ){0,5}?(?:line|circle|marker|"
                r"pen|outline)",
                r"(?:redness|red area|red patch|swelling|infection|the red)\W+(?:\w+\W+){0,4}?"
                r"(?:spreading|spread|growing|getting bigger)\W+(?:\w+\W+){0,3}?(?:fast|quickly|"
                r"rapidly|by the hour|every hour|within hours|in (?:a few |\d+ )?hours|since "
                r"(?:this morning|last night))",
                r"pain (?:is )?(?:way |much |a lot )?(?:worse|more) than (?:it looks|the "
                r"(?:wound|cut|scratch|bite|skin) looks)"),
            _given((r"red|redness|swelling|swollen|warm|hot",
                    r"bite|cut|scratch\w*|wound|scrape|graze\w*|sore|infection|patch|incision|"
                    r"blister"),
                   r"(?:bigger|larger|spread\w*|grow\w*|wider)\W+(?:\w+\W+){0,2}?(?:every|each|"
                   r"by the) (?:day|hour)|(?:every|each) day (?:it'?s|it is|it gets) (?:bigger|"
                   r"larger|wider)|(?:bigger|larger|wider|more spread out) than (?:it was )?"
                   r"(?:yesterday|this morning|last night|earlier)"),
            _given((r"chicken ?pox|bites?|bitten|cuts?|scratch\w*|graze\w*|wounds?|blisters?|"
                    r"splinters?|piercings?|pimples?|boils?|burns?|stitches|tattoo",),
                   r"(?:really |very )?(?:red|hot|swollen|warm)(?:,| and|, and) (?:really |very )?"
                   r"(?:red|hot|swollen|warm)(?:,| and|, and) (?:really |very )?(?:red|hot|swollen|"
                   r"warm)"),
            _given((r"(?:wound|cut|bite|scratch|incision|infection|swelling|red|redness)",),
                   r"(?:skin|area|wound|edges?)\W+(?:\w+\W+){0,3}?(?:turning|turned|going|gone|"
                   r"is|are) (?:\w+ )?(?:black|dusky|dark purple|grey|gray)"),
            # an ulcer or wound that smells or oozes, with redness or heat around it
            _given((r"ulcers?|wounds?|cuts?|burns?|bites?|grazes?|stitches|incision",
                    r"red|redness|hot|warm|swollen"),
                   r"smells?|smelly|smelling|pus|oozing|bigger"),
            # a boil or abscess that is large, growing or soft in the middle, or a hot lump
            # where someone injects: it may need draining
            _rx(r"(?:boil|abscess|carbuncle)\W+(?:\w+\W+){0,8}?(?:(?:size|as big as|big as) "
                r"(?:of )?an? (?:golf ?ball|egg|plum|walnut|lemon|tangerine|satsuma|ping ?pong "
                r"ball)|getting (?:bigger|larger)|soft (?:in the )?(?:middle|centre|center))",
                r"(?:massive|huge|giant|enormous) (?:\w+ )?(?:boil|abscess)"),
            _given((r"inject(?:ing|ed)?|shoot(?:ing)? up|(?:iv|intravenous) drugs?",),
                   r"(?:hot|red|swollen|painful|tender)\W+(?:\w+\W+){0,2}?lump|lump\W+(?:\w+\W+)"
                   r"{0,6}?(?:hot|swollen|getting bigger)",
                   unless=(r"vaccin\w*|jabs?|shots?|immunis\w*|immuniz\w*|flu|covid|booster",)),
        ),
    ),
    Concept(
        "adrenaline injected into a finger",
        "Go to an emergency department now: adrenaline from an auto-injector (EpiPen) injected "
        "into a finger or thumb can cut off its blood supply; keep the hand warm and do not "
        "wait for the colour to come back.",
        signs=(
            _given((r"epi ?pens?|auto-?injector|adrenaline pen|jext|emerade",),
                   r"(?:into|in|through) (?:my |his |her |the )?(?:thumb|finger|fingertip|hand)"),
        ),
    ),
    Concept(
        "croup with noisy breathing",
        "See a doctor today, and call your local emergency number or go to an emergency "
        "department now if breathing is hard, the noisy breathing is there at rest, or the "
        "lips look blue: a barking cough with a harsh, noisy sound on breathing in (stridor) "
        "can be croup that needs a steroid.",
        urgency=SAME_DAY,
        signs=(
            _given((r"bark\w*|seal",),
                   r"noisy breath\w*|stridor|(?:harsh|whistl\w*|squeak\w*|rasp\w*) (?:\w+ )?"
                   r"(?:when|on) (?:breathing|he breathes|she breathes|breathing in)"),
        ),
    ),
    Concept(
        "bleeding in early pregnancy",
        "Spotting or light bleeding in the first three months of pregnancy is common and often "
        "settles, but call your doctor, midwife or early pregnancy unit today to be checked; go "
        "to an emergency department now for heavy bleeding (a pad soaked in an hour), pain low "
        "on one side, shoulder-tip pain, or feeling faint, which can be a miscarriage or an "
        "ectopic pregnancy.",
        signs=(_given((_PREGNANT, _EARLY_PREGNANCY), _SPOTTING, unless=(_NOT_PREGNANT_NOW,)),),
        urgency=SAME_DAY,
    ),
    Concept(
        "warning signs in pregnancy",
        "Call your maternity unit or labour and delivery now, or go there: fewer or no baby "
        "movements, bleeding, fluid leaking, a belly that stays hard and painful, or itching of "
        "the hands and feet (a liver condition of pregnancy), or a fall or a blow to the bump "
        "after 20 weeks, need checking today, not at the next visit; call your local emergency "
        "number for heavy bleeding.",
        signs=(
            _given((_PREGNANT,),
                   r"(?:baby|babys|baby'?s|fetus|he|she)\W+(?:\w+\W+){0,2}?(?:has(?:n'?t| not)|"
                   r"hasnt|is(?:n'?t| not)|isnt|not|stopped|barely|hardly) (?:been )?(?:\w+ )?"
                   r"(?:mov\w+|kick\w*)|(?:baby|babys|baby'?s|fetus|he|she)\W+(?:\w+\W+){0,2}?"
                   r"(?:mov\w+|kick\w*) (?:\w+ ){0,2}?(?:less|fewer|slower|not as much)\b|"
                   r"(?:less|fewer|reduced|decreased|no|not as many|barely "
                   r"any|hardly any) (?:fetal |baby'?s? )?(?:movements?|kicks?|movement)|"
                   r"(?:can'?t|cannot|haven'?t|havent|not|don'?t|didn'?t) (?:\w+ )?(?:feel|felt) "
                   r"(?:\w+ ){0,2}?(?:baby|him|her|it) (?:move|moving|kick\w*)|"
                   r"(?:barely|hardly|not) (?:felt|feel|feeling|noticed) (?:the )?baby\b|"

                   r"(?:gush|trickle|leak\w*|dripping) (?:of )?(?:\w+ ){0,2}?(?:fluid|water|"
                   r"liquid)|(?:felt|had|heard) a (?:\w+ )?pop\b|(?:clear|watery) (?:\w+ ){0,2}?"
                   r"(?:stuff|fluid|liquid|water) (?:\w+ ){0,3}?(?:trickl|leak|drip|run|com|"
                   r"seep)\w*|"
                   r"itch\w*\W+(?:\w+\W+){0,8}?(?:palms|soles|hands and feet|feet and hands)|"
                   r"(?:palms|soles|hands and feet|feet and hands)\W+(?:\w+\W+){0,6}?itch\w*|"
                   r"waters? (?:broke|has broken|have broken|breaking|might have broken|went|"
                   r"have gone|has gone|gone|may have gone|are leaking)|"
                   r"(?:belly|stomach|bump|uterus|womb) (?:\w+ )?(?:is |feels |stays |went |has "
                   r"been )?(?:rock |really |very )?(?:hard|tight)(?: like a (?:rock|board)| as a "
                   r"(?:rock|board))?\W+(?:\w+\W+){0,6}?"
                   r"(?:pain|hurts?|won'?t (?:relax|soften)|blood|bleed\w*)"),
            # "usually really kicky in the evenings … today I've barely felt anything"
            _given((_PREGNANT, r"kick\w*|mov\w+|wriggl\w*"),
                   r"(?:barely|hardly|not) (?:felt|feel|feeling|noticed) (?:anything|any "
                   r"(?:movement|movements|kicks?)|(?:him|her) (?:at all|today|since))"),
            # a fall or a blow to the bump after 20 weeks: the placenta can come away unseen
            _given((r"(?:i'?m|i am|im|she'?s|she is|at|now|currently|^)\s*(?:2\d|3\d|4[0-2])[- ]?"
                    r"(?:weeks?|wks?)(?! old| ago| postpartum| after)",),
                   r"(?:had a |took a |bad )?fall\b|fell\b|slipped\b|tripped\b|(?:car|road|"
                   r"traffic) (?:crash|accident)|(?:kicked|punched|hit|elbowed|knocked) "
                   r"(?:\w+ ){0,2}?(?:in|on) (?:the|my|her) (?:bump|belly|tummy|stomach)",
                   unless=(r"(?:last|previous|first) (?:pregnancy|baby)|before (?:i was|she was) "
                           r"pregnant",)),
            # a baby told quiet, or a few kicks counted, unless it moved normally again
            _given((_PREGNANT,),
                   r"(?:baby|babys|baby'?s|bump|he'?s|hes|she'?s|shes)\W+(?:\w+\W+){0,3}?"
                   r"(?:really |very |so |unusually |much |a lot )?quiet(?:er)?\b|"
                   r"(?:only )?(?:felt|had|counted) (?:maybe |about |like |just |only )?(?:[1-3]|"
                   r"one|two|three|a couple of|a few) (?:small |little |tiny |weak |faint )?"
                   r"(?:kicks|movements|flutters)\b",
                   unless=(r"then (?:\w+ ){0,2}?(?:kick|mov|wrigg|squirm)\w*|(?:kicking|moving|"
                           r"wriggling) (?:\w+ )?(?:again|loads|lots|normally|fine|as usual)|"
                           r"at night|when i (?:sleep|lie)|what does it mean",)),
            _given((_PREGNANT,), _FEVERISH, unless=(_NOT_PREGNANT_NOW,)),
            _LATER_SPOTTING,
            _rx(r"(?:my|her) waters? (?:\w+ )?(?:broke|has broken|have broken|went|have gone|has "
                r"gone|may have gone|might have gone|are leaking|is leaking)"),
            _given((r"(?:i'?m|i am|im|she'?s|she is|at|now|currently|^)\s*(?:2[4-9]|3\d|4[0-2])"
                    r"[- ]?(?:weeks?|wks?)(?! old| ago| postpartum| after)|(?:second|third|2nd|"
                    r"3rd) trimester",),
                   r"bleed\w*|spotting|(?:bright red )?blood(?! (?:pressure|tests?|sugars?|"
                   r"groups?|type|count|work|results?|donors?|bank))",
                   unless=(_NOT_FROM_THE_WOMB,)),
        ),
        exclusions=(
            _rx(r"waters? (?:\w+ )?(?:broke|burst)\W+(?:\w+\W+){0,6}?(?:washing machine|"
                r"dishwasher|hose|pipes?|tank|boiler|radiator|kitchen floor)"),
        ),
    ),
    Concept(
        INFECTION_AFTER_PREGNANCY_LOSS,
        "Call your early pregnancy unit, doctor or gynaecology ward now, or go to an emergency "
        "department today: a fever, shivering, foul-smelling discharge or a tender tummy after "
        "a miscarriage or an abortion can be an infection of the womb, which needs checking and "
        "antibiotics today. Call your local emergency number if you feel faint or confused, are "
        "very unwell, or bleed heavily.",
        urgency=SAME_DAY,
        signs=(
            _given(
                (r"miscarr\w*|abortion|termination|erpc|d ?(?:&|and) ?c|lost (?:the|my|our) baby|"
                 r"pregnancy loss",),
                rf"{_FEVERISH}|(?:temp|temperature) (?:of |is |was )?(?:3[89]|10[0-4])|shiver\w*|"
                r"shaking chills|rigou?rs|foul[- ]smelling|smelly|smells? (?:really |very )?"
                r"(?:bad|foul|awful|rotten|off)",
            ),
        ),
    ),
    Concept(
        "warning signs after a birth",
        "Call your doctor or midwife now, or go to an emergency department: heavy bleeding (a "
        "pad soaked in an hour, clots bigger than a golf ball), fever with foul-smelling "
        "discharge, or confusion, hearing voices or not sleeping for days after a birth need "
        "care today; call your local emergency number (911 in the US) for heavy bleeding with "
        "dizziness, fainting or a racing heart, or if she might harm herself or the baby.",
        signs=(
            _given((_GAVE_BIRTH,),
                   r"soak\w* (?:through )?(?:\w+ ){0,2}?pads? (?:in |every |within )?(?:under |"
                   r"less than )?(?:an? |one |1 )?hour|clots? (?:the size of|as big as|"
                   r"bigger than|larger than) (?:a |"
                   r"an )?"
                   r"(?:golf ?ball|plum|egg|lemon|orange|fist)|hearing (?:voices|things)|"
                   r"seeing things|(?:hasn'?t|hasnt|haven'?t|havent|not|hardly|barely) slept "
                   r"(?:at all )?(?:in|for) (?:days|nights|(?:\d+|two|three|four) (?:days|nights))|"
                   r"(?:hasn'?t|"
                   r"hasnt|haven'?t|havent) slept at all|talking (?:really |very |so )?fast|"
                   r"(?:baby|babies) (?:has |have |had |was |were )?(?:been )?(?:swapped|switched|"
                   r"replaced|possessed)|(?:radio|tv|television|phone) (?:is |was |keeps )?"
                   r"(?:sending|talking to|giving) (?:her|him|me)|"
                   r"(?:thinks|believes|says|convinced) (?:that )?(?:the|her|my|our) baby "
                   r"(?:is|isn'?t|was) (?:not |evil|possessed|replaced|someone|dead|being)|"
                   r"foul[- ]smelling|smells? (?:really |very )?(?:bad|foul|awful|"
                   r"rotten)"),
            # frightening thoughts of harm to a new baby, or no feeling for it
            _given((rf"{_GAVE_BIRTH}|{_YOUNG}",),
                   r"(?:flashes|thoughts|images|pictures) of (?:her|him|the baby|my baby) "
                   r"(?:being )?(?:hurt|harmed|dying|dead)|feel nothing (?:at all )?for (?:her|"
                   r"him|the baby|my baby)|terrified of (?:myself|what i might do)|"
                   r"scared (?:that )?i (?:might|will|could) hurt (?:her|him|the baby|my baby)"),
        ),
    ),
    Concept(
        "warning signs in a baby or young child",
        "Call your child's doctor now or go to an emergency department: green vomit, vomiting "
        "after every feed, yellow skin on the first day, no wet diaper for 6 to 8 hours, a "
        "sunken soft spot, or a baby who is floppy, will not feed or is hard to wake needs care "
        "today; call your local emergency number for a child who is limp or unresponsive.",
        signs=(
            _given((rf"{_CHILD}|{_YOUNG}|newborn|infant",),
                   r"green (?:vomit|spit[- ]?up|puke|throw[- ]?up|bile)|(?:vomit\w*|threw up|"
                   r"throwing up|throws up|spit\w* up|puk\w*|sick) (?:\w+ ){0,3}?(?:green|bile|"
                   r"yellow[- ]green|dark green)|projectile (?:vomit\w*|throw\w* up|spit\w* up)"
                   r"|no wet (?:diapers?|nappy|nappies)|(?:hasn'?t|hasnt|not|no|hadn'?t) "
                   r"(?:had |made )?(?:a |any )?wet (?:diapers?|nappy|nappies)|"
                   r"(?:diapers?|nappy|nappies) (?:\w+ ){0,2}?(?:dry|bone dry)|"
                   r"fewer wet (?:diapers?|nappy|nappies)|"
                   r"wet (?:diapers?|nappy|nappies) (?:\w+ ){0,3}?(?:fewer|less)\b|"
                   r"(?:only|just) (?:had |has |changed |done )?(?:1|2|3|one|two|three) wet "
                   r"(?:diapers?|nappy|"
                   r"nappies)|(?:barely|hardly) any wet (?:diapers?|nappy|nappies)|"
                   r"sunken (?:soft spot|fontanel\w*|eyes)|(?:no|without) tears "
                   r"when (?:\w+ )?(?:cry|crying|cries)|(?:is|seems|went|gone|looks|feels|so|very|"
                   r"really|he'?s|she'?s|hes|shes) (?:\w+ )?(?:floppy|limp)|"
                   r"\band (?:\w+ )?floppy(?=\s*(?:[.,;!?]|$|and\b|in\b|"
                   r"between\b|now\b|today\b))|(?:goes|going) (?:\w+ ){0,3}?floppy|"
                   r"(?:red|bloody|currant)[- ]jelly|jelly[- ](?:like|looking) "
                   r"(?:poop|stool|stuff|mucus)|"
                   # a pale stool in a yellow baby: a blocked bile duct
                   r"(?:poos?|poops?|stools?|nappies|diapers?)\W+(?:\w+\W+){0,3}?(?:pale|white|"
                   r"chalk\w*|grey|gray|clay\w*)\b|(?:pale|white|chalky|grey|gray|clay[- ]"
                   r"colou?red) (?:poo|poop|stools?)"),
            # a baby's vomit told green after the fact ("been sick twice and it's dark green")
            _given((rf"{_CHILD}|{_YOUNG}|newborn|infant", _BEING_SICK),
                   r"(?:it'?s|its|it is|it was|which is|which was|that is|that was) (?:\w+ ){0,2}?"
                   r"green\b"),
            _given((r"newborn|(?:\d|one|two|three|four|five|six)[- ]?days?[- ]old|born "
                    r"(?:yesterday|today|last night)",),
                   r"jaundice\w*|(?<![-/ ]white[-/ ])(?<!white-)(?<!white/)yellow\w*(?! (?:spots?|"
                   r"pimples?|heads?|crusts?|bumps?|dots?|pus|discharge|poo\w*|stools?|"
                   r"centres?|centers?|middles?|tips?|fluid))"
                   # yellow scales or crusts on the scalp or skin (cradle cap), not yellow skin
                   r"(?! (?:\w+,? ){0,3}?(?:flakes?|flaky|scales?|scaly|scabs?|crust\w*))"),
            _given((rf"{_YOUNG}|newborn",),
                   r"(?:won'?t|wont|not|isn'?t|isnt|refus\w*|stopped) (?:\w+ )?(?:feed\w*|eat\w*|"
                   r"nurs\w*|taking (?:the |his |her |a )?(?:bottle|breast))|(?:feed\w*|eat\w*|"
                   r"drink\w*|tak\w*) (?:about |only |less than |barely )*(?:half|a third|a "
                   r"quarter)"),
        ),
        exclusions=(_BREATH_HOLDING_SPELL,),
    ),
    Concept(
        "prolonged erection or trapped foreskin",
        "Go to an emergency department now: an erection that lasts more than 4 hours, or a "
        "foreskin stuck behind the head of the penis with swelling, needs treatment within hours "
        "to prevent lasting damage.",
        signs=(
            _rx(r"erection\w*\W+(?:\w+\W+){0,6}?(?:won'?t|wont|will not|doesn'?t|does not|not) "
                r"(?:go (?:away|down)|subside|soften|stop)",
                r"erection\w* (?:for|lasting|(?:that )?(?:has |had |'s )?(?:now |already |still )?"
                r"lasted|(?:has )?been going on|going on) (?:for )?(?:over |more than |almost |"
                r"about |around |like |nearly )?(?:[3-9]|\d\d|three|four|five|six|several) "
                r"(?:hours|hrs?)\b",
                r"(?:(?:been|it'?s|its|stayed|staying|still|is|was|stays) (?:rock |really |very "
                r"|so )?hard|erect) for (?:over |more than |like |about |around |almost |nearly )?"
                r"(?:[3-9]|\d\d|three|four|five|six|several) (?:hours|hrs?)\b", r"priapism",
                r"(?:still )?(?:got|have|having|has|had) (?:an |a |the )?erection\W+"
                r"(?:\w+\W+){0,2}?(?:[3-9]|\d\d|three|four|five|six|several) (?:hours|hrs?) "
                r"(?:later|on|now)",
                r"(?:still|been|stayed|staying) (?:rock |really |very |so )?hard\W+(?:\w+\W+){0,4}?"
                r"(?:[3-9]|\d\d|three|four|five|six|several) (?:hours|hrs?)\b",
                r"(?:viagras?|viagaras?|sildenafil|cialis|tadalafil|levitra|blue pills?|caverject|"
                r"alprostadil|edex|tri-?mix|bi-?mix|penile injections?)\W+"
                r"(?:\w+\W+){0,20}?still (?:rock |really |very |so )?(?:hard|erect|stiff)"
                r"(?! to\b)",
                # "can't pull it back" is a tight foreskin (phimosis), no emergency; one stuck
                # back that cannot be brought forward again is
                r"foreskin\W+(?:\w+\W+){0,8}?(?:stuck|won'?t (?:go|come|slide) (?:back|forward|"
                r"down)|can'?t (?:pull (?:it )?(?:forward|down|over)|(?:get|push|slide) (?:it )?"
                r"(?:back|forward|down|over)))"),
        ),
        exclusions=(_rx(r"(?:for|if|about|of) (?:an |any |your )?erections? (?:lasting|that "
                        r"lasts?|last\w*) (?:longer|more) than (?:4|four) hours"),),
    ),
    Concept(
        "cannot pass urine",
        "Go to an emergency department or urgent care today: being unable to pass urine for "
        "hours, with a full or painful bladder, needs a catheter to drain it; no urine all day "
        "with vomiting or diarrhea is dehydration that needs care.",
        urgency=SAME_DAY,
        sudden=True,
        signs=(
            _rx(r"(?:can'?t|cannot|cant|unable to|have ?n'?t been able to|havent been able to|"
                r"has ?n'?t been able to|"
                r"hasnt been able to|"
                r"not able to|could ?n'?t|couldnt) (?:\w+ )?(?:pee|wee|urinate|"
                r"pass (?:any )?(?:urine|water)|"
                r"empty (?:my|his|her|the) bladder)(?: \w+){0,3}? (?:(?:for|in) (?:over |"
                r"more than |"
                rf"almost |about )?)?(?:{_HOURS_OR_DAYS}|hours)",
                r"(?:haven'?t|havent|hasn'?t|hasnt|has not|have not|not|hadn'?t) (?:\w+ )?"
                r"(?:peed|urinated|passed (?:any )?(?:urine|water)|"
                r"wee'?d)\W+(?:\w+\W+){0,2}?(?:(?:in|for) "
                rf"(?:over |more than |almost |about )?)?(?:{_HOURS_OR_DAYS}|hours)",
                # "hasn't managed to pass any urine since last night"
                r"(?:can'?t|cannot|haven'?t|havent|hasn'?t|hasnt|has not|have not|not|hadn'?t) "
                r"(?:managed|been able) to (?:pee|wee|urinate|pass (?:any )?(?:urine|water))\W+"
                r"(?:\w+\W+){0,2}?since (?:last night|yesterday|this morning|the morning|"
                r"lunch\w*|breakfast|\d{1,2} ?(?:am|pm|o'?clock))"),
            _rx(r"(?:burn\w*|sting\w*|hurts?|pain\w*) (?:\w+ ){0,4}?when (?:i|he|she) "
                r"(?:pee|wee|urinate)\w* (?:that )?(?:i|he|she) (?:can'?t|cant|cannot) "
                r"(?:go|do it|pee|wee)\b"),
            _given((r"catheter",),
                   r"(?:bag|catheter)\W+(?:\w+\W+){0,2}?(?:hasn'?t|has not|hasnt|isn'?t|is not|"
                   r"not) (?:\w+ ){0,2}?fill\w*"),
            _given((r"catheter",),
                   r"(?:nothing|no urine|no pee|not|isn'?t|hasn'?t|"
                   r"stopped) (?:\w+ ){0,2}?(?:drain\w*|"
                   r"coming out|come out|into the bag|in the bag)"),
        ),
        exclusions=(_rx(r"(?:in|at) (?:public|front of|work)", r"when (?:people|someone|others)",
                        r"(?:shy|pee[- ]shy)", r"sometimes", r"at times", r"occasionally"),),
    ),
    Concept(
        "blood in the urine",
        "See a doctor within a day or two: blood you can see in the urine, even once and even if "
        "it has stopped, needs a urine test and often a scan or a look inside the bladder, above "
        "all after 40 or in a smoker. Go to an emergency department today if you pass clots, "
        "cannot pass urine, or have a fever with pain in your side.",
        urgency=SAME_DAY,
        # blood seen last week and gone still needs the test; seen years ago, no longer
        exposure=True,
        window=True,
        signs=(
            _given((), r"(?:peeing|pissing|weeing|urinating) (?:out )?(?:\w+ )?blood(?! tests?)|"
                   r"blood (?:in|with) (?:my|his|her|their|the) (?:urine|pee|wee)|bloody (?:urine|"
                   r"pee|wee)", unless=(_AFTER_A_UROLOGY_PROCEDURE,)),
            # red or pink urine, unless a food or a medicine that colours it is named
            _given((), r"(?:urine|pee|wee) (?:is |was |has been |looks |looked |turned |went |came "
                   r"out |comes out |coming out )?(?:bright |dark |properly |really |very |quite "
                   r"|slightly |a bit )?(?:red(?:dish)?|pink(?:ish)?|bloody)",
                   unless=(r"beet\w*|rhubarb|blackberr\w*|rifamp\w*|senna|phenazopyridine|"
                           r"pyridium", _AFTER_A_UROLOGY_PROCEDURE)),
        ),
        exclusions=(
            # blood only a test found, or a colour from food or a medicine
            _rx(r"(?:traces?|microscopic|tiny amounts?|small amounts?|non-?visible|invisible)\W+"
                r"(?:\w+\W+){0,3}?blood\W+(?:\w+\W+){0,2}?(?:urine|pee|wee)",
                r"(?:tests?|dipsticks?|samples?|results?|urinalysis)\W+(?:\w+\W+){0,6}?blood (?:in|"
                r"with) (?:my|his|her|their|the) (?:urine|pee|wee)",
                # "found blood in my urine on a dipstick"
                r"blood (?:in|with) (?:my|his|her|their|the) (?:urine|pee|wee)\W+(?:\w+\W+){0,3}?"
                r"(?:dipsticks?|urine tests?|urinalysis|samples?)",
                ),
        ),
    ),
    Concept(
        "diabetic emergency",
        f"{_CALL} for someone with diabetes who is confused, very drowsy, vomiting with high "
        "sugars or ketones (on an SGLT2 medicine such as empagliflozin, even with a near-normal "
        "sugar), or breathing fast and deep: this can be diabetic ketoacidosis or a severe low. "
        "If the sugar is low and they can swallow, give sugar now (glucagon if prescribed).",
        signs=(
            _given((rf"{_SUGAR}\W+(?:\w+\W+){{0,4}}?(?:[3-9]\d\d|1\d\d\d|HI|high|over \d\d\d|"
                    rf"{_HIGH_MMOL}|in the (?:high )?(?:20s|30s|twenties|thirties))",),
                   rf"ketones?|{_HIGH_SUGAR_SIGNS}"),
            # a bare reading ("my sugar was 23 at lunch") with the signs of ketoacidosis, not
            # ketones alone (a raised ketone reading has its own same-day card)
            _given((_SUGAR_TOLD_BARE,), _HIGH_SUGAR_SIGNS),
            _given((rf"{_SUGAR}\W+(?:\w+\W+){{0,4}}?(?:(?:is|was|of|at|dropped to|down to|"
                    r"dipped to|read|reads) )?(?:[1-4]\d|low)\b",),
                   r"confus\w*|(?:won'?t|wont|can'?t|cant|not|isn'?t) (?:\w+ )?wak\w+|not making "
                   r"sense|slurr\w*|combative|can'?t swallow|unable to swallow|(?:won'?t|can'?t|"
                   r"cant) (?:eat|drink) (?:anything|it)|seiz\w*|passed out|unresponsive"),
            _given((r"type (?:1|one|i)|t1d?|diabetic|diabetes|insulin|lantus|levemir|tresiba|"
                    r"novolog|humalog|basaglar",),
                   r"fruity|nail polish|acetone|breath\w* (?:\w+ ){0,2}?(?:deep|fast) and (?:deep|"
                   r"fast)|breathing (?:\w+ ){0,2}?(?:deep|heavy|hard) (?:\w+ ){0,2}?(?:fast|"
                   r"quick\w*)"),
            _given((r"type (?:1|one|i)|t1d?|diabetic|diabetes|insulin",),
                   r"slurr\w*|can'?t (?:seem to )?swallow|(?:won'?t|can'?t|cant) (?:\w+ )?wake|"
                   r"unresponsive|(?:not|isn'?t|is not|aren'?t) making (?:any )?sense|"
                   r"acting (?:drunk|strange|weird)|"
                   r"(?:sweaty|sweating|clammy),? (?:and )?(?:shaky|shaking|trembling)|"
                   r"(?:shaky|shaking|trembling),? (?:and )?(?:sweaty|sweating|clammy)|"
                   r"(?:is|was|seems|got|gets|became|getting|suddenly) (?:very |really |so )?"
                   r"confused\b(?!\W+(?:why|about|by|with|whether|if|as to|on|what|how|which))"),
            # an SGLT2 medicine ("a gliflozin") in a vomiting illness, with fast breathing or
            # belly pain: ketoacidosis can come with a near-normal sugar
            _given((rf"{_GLIFLOZIN}|steglatro|synjardy|xigduo",
                    rf"{_BEING_SICK}|(?:stomach|tummy|sickness|vomiting) bug|barely eating|not "
                    r"eating|can'?t keep (?:\w+ ){0,3}?down"),
                   r"breath\w* (?:\w+ ){0,2}?(?:fast|hard|deep|heavy|quick\w*)|breathless|"
                   r"(?:stomach|belly|tummy|abdomen|abdominal)\W+(?:\w+\W+){0,2}?(?:pain\w*|"
                   r"hurts?|ache\w*)"),
            # diabetes not yet known: weeks of thirst, peeing or weight loss, then ketone signs
            _given((rf"{_THIRST}|{_PEEING_A_LOT}|up (?:all night|at night) (?:peeing|weeing)|"
                    r"lost (?:\w+ )?weight (?:without|w/?o) trying",),
                   r"fruity|nail polish|acetone|breath\w* (?:\w+ ){0,3}?(?:deep|fast) and "
                   r"(?:deep|fast)|breathing (?:\w+ ){0,2}?(?:deep|heavy|hard) (?:\w+ ){0,2}?"
                   r"(?:and )?(?:fast|quick\w*)"),
            # weeks of thirst and weight loss, then vomiting, fast breathing or drowsiness
            _given((_THIRST, rf"lost (?:\w+ )?weight|losing weight|weight loss|{_PEEING_A_LOT}"),
                   r"breathing (?:\w+ ){0,2}?(?:fast|quick\w*|heavy|deep)|vomit\w*|throw\w* up|"
                   r"threw up|puk\w*|(?:very|really|super|so) (?:sleepy|drowsy)|drows\w*|"
                   r"hard to wake"),
            _rx(r"ketones?\W+(?:\w+\W+){0,5}?(?:[3-9]\.\d|[3-9](?:\.\d)? mmol)",
                r"ketones?\W+(?:\w+\W+){0,4}?(?:are|is|were|was|came back|showed|shows?|read|"
                r"reads) (?:\w+ )?(?:large|high|moderate|dark purple)",
                r"ketones? (?:are |is |were |was )?(?:large|high|moderate|dark purple|very high)",
                r"(?:large|high|moderate) ketones?"),
        ),
    ),
    Concept(
        "possible broken hip",
        "Call your local emergency number (999 in the UK, 911 in the US) now: after a fall, hip "
        "or groin pain with being unable to get up or stand, or a leg that looks shorter or "
        "turned out, can be a broken hip. Do not try to get the person up or walk them; keep them "
        "warm and still, and give nothing to eat or drink until they are seen.",
        signs=(
            _given((rf"{_A_FALL}|slipped|tripped|(?:found|lying|lay|been|was)\W+"
                    r"(?:\w+\W+){0,4}?on the (?:\w+ )?(?:floor|ground)",),
                   r"(?:leg|foot)\W+(?:\w+\W+){0,4}?(?:shorter|turned out(?:wards?)?|rolled out|"
                   r"twisted out|pointing out)"),
            _given((rf"{_A_FALL}|slipped|tripped",
                    r"(?:can'?t|cannot|cant|unable to|won'?t|wont|not able to|couldn'?t) (?:\w+ )?"
                    r"(?:get up|stand|walk|put (?:any )?weight|bear (?:any )?weight)"),
                   r"hip\W+(?:\w+\W+){0,2}?(?:hurts?|hurting|pain\w*|sore|agony)|(?:pain|hurts?) "
                   r"(?:\w+ ){0,2}?(?:in|at) (?:her|his|my|the) (?:hip|groin)"),
        ),
    ),
    Concept(
        "possible broken bone or dislocation",
        "Get care today — an emergency department or urgent care with X-ray — and call your "
        "local emergency number for bone showing through the skin or a limb that is cold, pale "
        "or numb: a limb that looks bent or out of place, or being unable to stand or bear "
        "weight after a fall, can be a fracture or dislocation. Do not try to straighten it.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"bones?\W+(?:\w+\W+){0,3}?(?:sticking|poking|came|coming|pushing|showing|"
                r"popping) (?:out|through)",
                r"(?:see|seeing|saw|can see) (?:the )?bone(?! (?:scan|density|doctor|specialist|"
                r"report|results?|marrow|age))(?! (?:in|at the bottom of|inside) (?:the |my )?"
                r"(?:hole|socket|gap|gum))",
                r"(?:arm|forearm|leg|wrist|ankle|finger|shoulder|elbow|knee|hip|foot|toe|thumb|"
                r"collarbone|kneecap)\W+(?:\w+\W+){0,5}?(?:is |looks |looked |was |seems |"
                r"went |is now |got )?(?:bent|crooked|deformed|out of place|at a (?:weird|funny|"
                r"strange|odd|wrong) angle|facing the wrong way|popped out|out of (?:its |the )?"
                r"socket)"),
            _given((rf"{_A_FALL}|slipped|tripped|twisted|rolled|went over (?:on )?"
                    r"(?:my|his|her|the|an?)|turned (?:my|his|her|an?) ankle|landed (?:awkwardly|"
                    r"badly|funny|wrong)",),
                   r"(?:can'?t|cannot|cant|unable to|won'?t|wont|not able to|couldn'?t) (?:\w+ )?"
                   r"(?:get up|stand(?! (?:the |bright |loud )?(?:lights?|noise|sounds?|smells?|"
                   r"it|him|her|them)\b)|walk|put (?:any )?weight|bear (?:any )?weight|move "
                   r"(?:her|his|my|the) (?:leg|hip|arm)|take (?:more than )?(?:\d+|two|three|"
                   r"four|a few|a single|a|any) steps?)|(?:leg|foot)\W+(?:\w+\W+){0,3}?"
                   r"(?:shorter|turned out|rolled out|twisted out)"),
            # pain at the base of the thumb after a fall on the hand: a scaphoid fracture, which
            # an X-ray must look for even when the wrist moves ("probably just a sprain")
            _given((r"fell|fall|fallen|landed|outstretched (?:hand|arm)|put (?:my|his|her) "
                    r"hands? out",),
                   r"(?:pain|sore|tender\w*|hurts?|aches?)\W+(?:\w+\W+){0,4}?(?:at|in|near|by) "
                   r"(?:the )?base of (?:my |his |her |the )?thumb|snuff ?box|thumb side of (?:my |"
                   r"his |her |the )?wrist"),
            # a fingertip crushed in a door: a broken tip or a torn nail bed
            _given((r"(?:trapped|caught|slammed|shut|crushed|squashed|jammed) (?:\w+ ){0,3}?"
                    r"(?:fingers?|thumbs?|toes?|fingertips?)\W+(?:\w+\W+){0,2}?(?:in|under|by|"
                    r"with) (?:the |a )?(?:\w+ )?(?:door|drawer|window|hinge|gate|machine)",),
                   r"squashed|flattened|crushed|blood under (?:the |his |her |my )?(?:\w+ )?nail|"
                   r"nail (?:\w+ )?(?:lifted|hanging|coming off|came off|torn|ripped)"),
            # a child's wrist or forearm swollen after a fall needs an X-ray the same day
            _given((r"fell|fall|fallen|landed|came off", rf"{_SMALL_CHILD}|{_CHILD_AGE_TOLD}"),
                   r"(?:wrist|forearm|elbow|ankle|collarbone)\W+(?:\w+\W+){0,3}?(?:swollen|"
                   r"swelling|swelled|puffed up)",
                   unless=(r"last (?:year|month)|(?:years|months) ago|x-?rays? (?:\w+ )?(?:was|"
                           r"were|came back|showed) (?:fine|normal|clear|nothing)",)),
            _given((r"fell|fall|fallen|slipped|tripped|landed|came off",
                    r"(?:wrist|ankle|arm|forearm|elbow|hand|foot|collarbone)\W+(?:\w+\W+){0,3}?"
                    r"(?:swollen|swelling|swelled|puffed up|bruised)"),
                   r"x-?rays?|(?:can'?t|cannot|cant|unable to|won'?t|not able to) (?:\w+ )?(?:turn|"
                   r"grip|hold|use|lift|bend|move) (?:a |the |his |her |my |it|anything)|(?:sore|"
                   r"painful|agony|hurts?) to (?:move|use|touch)",
                   unless=(r"last (?:year|month)|(?:years|months) ago|x-?rays? (?:\w+ )?(?:was|"
                           r"were|came back|showed) (?:fine|normal|clear|nothing)",)),
        ),
        exclusions=(_rx(r"bent over", r"fall(?:ing)? (?:back )?asleep",
                        r"(?:locks?|locked|locking|stuck|gets stuck) (?:\w+ ){0,2}?bent",
                        r"(?:pops?|popped|keeps popping|comes?|came) out (?:\w+ ){0,2}?(?:\d+|"
                        r"two|three|four|several|many|a few|"
                        r"a couple of) times",
                        r"(?:finger|toe|knee|leg)s? (?:is |are )?bent (?:at|when|while)",
                        r"trigger finger"),),
    ),
    Concept(
        "possible scarlet fever",
        "See a doctor today: a sore throat or fever with a rough, sandpaper-like rash (or a red "
        "'strawberry' tongue) can be scarlet fever, which is treated with antibiotics; keep the "
        "child off school or nursery until 24 hours after starting them. Go to an emergency "
        "department now if the child is very drowsy, breathing hard, or the rash does not fade "
        "when pressed.",
        urgency=SAME_DAY,
        signs=(
            _given((r"sore throat|throat|fever|temp\w*|high temperature|tonsil\w*",),
                   r"sand ?papery?|sand-papery?|strawberry tongue"),
        ),
    ),
    Concept(
        "possible gallbladder infection",
        "See a doctor today (urgent care or an emergency department): gallstone pain under the "
        "right ribs that lasts more than a few hours, or comes with a fever or yellow skin, can "
        "be an infected or blocked gallbladder; go to an emergency department now with a high "
        "fever, shivering or yellow eyes.",
        urgency=SAME_DAY,
        signs=(
            _given((r"gall ?stones?|gall ?bladder|biliary",),
                   r"(?:for|over|lasting|lasted) (?:about |nearly |over |more than )?(?:[4-9]|1\d|"
                   r"four|five|six|seven|eight|ten|twelve|several) (?:hours|hrs)|temp\w*|fever\w*|"
                   r"shiver\w*|yellow"),
        ),
    ),
    Concept(
        "migraine that will not stop",
        "See a doctor today: a migraine that has lasted more than three days, or that your usual "
        "treatment no longer touches, needs treatment to stop it; go to an emergency department "
        "now if it came on suddenly, is the worst ever, or comes with weakness, confusion, a "
        "fever or a stiff neck.",
        urgency=SAME_DAY,
        signs=(
            _given((r"migraines?",),
                   r"(?:[3-9]|three|four|five|six|seven) (?:whole )?days (?:now|non-?stop|straight|"
                   r"solid|in a row)|for (?:the )?(?:last|past) (?:[3-9]|three|four|five|six|"
                   r"seven) days"),
        ),
    ),
    Concept(
        "severe sunburn",
        "See a doctor today: sunburn with blisters over a large area, or with shivering, fever, "
        "feeling sick or dizzy, needs care (and can mean heat exhaustion); cool the skin, drink "
        "water, and go to an emergency department if confused, fainting or vomiting "
        "repeatedly.",
        urgency=SAME_DAY,
        signs=(
            _given((r"sunburn\w*|sun ?burnt|sun ?burned|(?:on|at) the beach|in the sun|"
                    r"sunbath\w*|sunbed", r"blister\w*"),
                   r"shiver\w*|chills|fever\w*|feel(?:ing)? sick|vomit\w*|dizzy|faint\w*"),
        ),
    ),
    Concept(
        "lasting mouth or throat sign",
        "See your doctor or dentist within the next few days, not at a routine check-up: a mouth "
        "ulcer, sore or patch that has not healed in 3 weeks, or a hoarse voice for more than 3 "
        "weeks, above all in someone who smokes or drinks or is losing weight, needs checking "
        "for cancer of the mouth or throat (most turn out to be something else). Go to an "
        "emergency department for trouble breathing or swallowing.",
        urgency=SOON,
        signs=(
            re.compile(
                rf"^(?![\s\S]*\b(?:{_MOUTH_SIGN_EXPLAINED})\b)[\s\S]*?\b(?P<key>{_MOUTH_SIGN})\b"
                rf"[^.?!]{{0,60}}?\b{_WEEKS_LONG}"
                rf"|^(?![\s\S]*\b(?:{_MOUTH_SIGN_EXPLAINED})\b)[\s\S]*?\b{_WEEKS_LONG}"
                rf"[^.?!]{{0,40}}?\b(?P<key2>{_MOUTH_SIGN})\b",
                re.IGNORECASE,
            ),
        ),
    ),
    Concept(
        "changing mole",
        "See your doctor within the next couple of weeks, not at a routine check-up: a mole "
        "that is growing, changing shape or colour, or bleeding needs checking for melanoma, a "
        "skin cancer that is cured when caught early (most changing moles turn out to be "
        "harmless). Go to an emergency department only for bleeding that will not stop with "
        "firm pressure.",
        urgency=SOON,
        signs=(
            _given((r"moles?|beauty spots?|birthmarks?",),
                   r"(?:got|getting|gotten|grown|growing|gone|become|becoming|turned|turning|"
                   r"looks?|looking|is|it'?s) (?:\w+ ){0,2}?(?:bigger|larger|darker|black|"
                   r"blacker|raised|lumpy|irregular|ragged|two colou?rs|multicolou?red)|"
                   r"chang\w* (?:\w+ )?(?:shape|colou?rs?|size)|(?:shape|colou?r|size) "
                   r"(?:\w+ )?(?:has |have )?chang\w*|grow\w* (?:\w+ ){0,2}?(?:bigger|larger|"
                   r"fast|quickly)|(?:keeps?|started|starting) bleed\w*|bleeds? (?:\w+ )?"
                   r"(?:on its own|for no reason|when)",
                   unless=(r"garden|lawn|molehills?|(?:removed|cut out|excised|biops\w*|"
                           r"checked|looked at|came back)\W+(?:\w+\W+){0,6}?(?:benign|fine|"
                           r"normal|harmless|nothing)|dog|cat|horse|molar|moles? (?:per|of) "
                           r"\w+|mole fraction|hydatidiform",)),
        ),
    ),
    Concept(
        "bleeding after the menopause or after sex",
        "See your doctor within the next few days, not at a routine check-up: any bleeding or "
        "spotting from the vagina a year or more after periods stopped, however little, and "
        "bleeding after sex that keeps happening, need an examination (and often a scan) to find "
        "the cause; most turn out to be something simple, but it must be checked. Go to an "
        "emergency department for heavy bleeding or feeling faint.",
        urgency=SOON,
        # told of last month, a bleed still needs checking
        exposure=True,
        signs=(
            _given((_AFTER_MENOPAUSE,), _VAGINAL_BLOOD, unless=(_ON_HRT_BLEEDS, _BLEEDS_ELSEWHERE)),
            _given((r"(?:after|during|following) (?:sex|intercourse)|post-?coital",
                    r"(?:\d+|two|three|four|five|several|a few|a couple of) times|keeps? "
                    r"(?:happening|coming back)|every time|each time|again|for (?:\w+ )?(?:weeks|"
                    r"months)|(?:second|third|fourth|fifth|\d+(?:nd|rd|th)) time"),
                   r"bleed\w*|bled|spotting|blood",
                   unless=(_NOT_AGAIN,)),
        ),
    ),
    Concept(
        HIGH_POTASSIUM,
        "Go to an emergency department now: a potassium of 6.5 mmol/L or more, or of 6.0 or "
        "more with palpitations or weakness, can upset the heart's rhythm without warning, "
        "above all on medicines that raise it (ACE inhibitors, ARBs, spironolactone); it needs "
        "checking and treating today, not after the weekend.",
        signs=(
            re.compile(rf"{_POTASSIUM_TOLD}(?:6[.,][5-9]|[7-9](?:[.,]\d)?){_NOT_AN_AMOUNT}", re.I),
            _given((r"palpitations?|flutter\w*|racing|pounding|skipp\w*|irregular|weak\w*|"
                    r"heavy (?:arms|legs)|chest",),
                   rf"{_POTASSIUM_SAID}6[.,]\d{_NOT_AN_AMOUNT}"),
        ),
    ),
    Concept(
        HIGH_POTASSIUM_TODAY,
        "Speak to your doctor or an out-of-hours service today, and do not wait for a routine "
        "appointment: a potassium of 6.0 to 6.4 mmol/L needs a repeat test and often a change of "
        "medicine the same day. Go to an emergency department now with palpitations, weakness "
        "or chest pain.",
        urgency=SAME_DAY,
        signs=(re.compile(rf"{_POTASSIUM_TOLD}6[.,][0-4]{_NOT_AN_AMOUNT}", re.I),),
    ),
    Concept(
        "making oneself sick often",
        "See a doctor today: making yourself sick several times a day can upset the body's salts "
        "(potassium), which can affect the heart, and dizziness or fainting with it needs a "
        "blood test; go to an emergency department now for chest pain, a racing or irregular "
        "heartbeat, or collapse. Eating disorder helplines (Beat in the UK, NEDA in the US) can "
        "help too.",
        urgency=SAME_DAY,
        signs=(
            _given((r"dizzy|faint\w*|light-?headed|palpitations?|weak|skip\w* (?:a )?beats?|"
                    r"(?:missed|missing|extra) beats?|heart (?:\w+ ){0,3}?(?:skip\w*|flutter\w*|"
                    r"racing|pound\w*|irregular)|cramp\w*",),
                   r"(?:make|makes|made) (?:herself|himself|myself|themselves) (?:be )?sick|"
                   r"making (?:herself|himself|myself|themselves) (?:be )?sick|making (?:herself|"
                   r"himself|myself|themselves) (?:throw up|vomit)|purg\w*"),
        ),
    ),
    Concept(
        "severe flare of colitis",
        "Go to an emergency department now, and tell your IBD team: with ulcerative colitis or "
        "Crohn's, six or more bloody stools a day, or a flare with a fever, a racing heart or a "
        "swollen, tender belly, can be a severe flare that needs hospital treatment today. Do "
        "not wait to see whether extra tablets work.",
        signs=(
            _given((_IBD, r"blood\w*|bleed\w*"),
                   r"(?:[6-9]|1\d|2\d|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
                   r"(?:\+| or more)? times (?:a|per|each|in a) day"),
            _given((_IBD, r"blood\w*|bleed\w*"),
                   rf"{_FEVERISH}|temp\w* (?:of |is |was )?(?:3[89]|40)|3[89](?:[.,]\d)? ?"
                   r"(?:c|°c?)?\b|(?:heart|pulse)\W+(?:\w+\W+){0,2}?(?:racing|pounding|fast)|(?:stomach|"
                   r"belly|tummy|abdomen) (?:is |feels |looks )?(?:\w+ )?(?:swollen|bloated|"
                   r"distended|hard)"),
        ),
    ),
    Concept(
        "severe food restriction",
        "See a doctor today: eating very little for weeks, with dizziness or fainting, hands and "
        "feet that go purple, or a very low weight (a BMI under 16), can upset the body's salts "
        "and slow the heart, and needs a heart check and blood tests; go to an emergency "
        "department now for chest pain, a racing, slow or irregular heartbeat, or collapse. "
        "Eating disorder helplines (Beat in the UK, NEDA in the US) can help too.",
        urgency=SAME_DAY,
        signs=(
            _given((_VERY_LOW_INTAKE,), _STARVED_BODY),
            _given((_VERY_LOW_INTAKE,), r"bmi (?:of |is |at |now |around |about )?(?:1[0-5]|"
                   r"[5-9])(?:[.,]\d)?"),
        ),
    ),
    Concept(
        "opioid withdrawal",
        "Talk to your doctor, a drug service or a pharmacist today: medicines such as "
        "buprenorphine, methadone or lofexidine ease opioid withdrawal, and after even a few days "
        "off, the old dose can stop your breathing because tolerance is lost. Go to an emergency "
        "department for vomiting that will not stop, fainting, confusion or a seizure; if you "
        "have thoughts of harming yourself, call or text 988 (in the US) or your local crisis "
        "line now.",
        urgency=SAME_DAY,
        signs=(_given((_OPIOID_STOPPED,), _OPIOID_WITHDRAWAL_SIGNS),),
    ),
    Concept(
        "no stool for days after an operation",
        "Call your surgical team, GP or pharmacist today: several days without a stool after an "
        "operation, with bloating or cramps, above all on codeine or other opioid "
        "painkillers, needs a laxative plan and a check. Go to an emergency department now if "
        "you are being sick, your belly swells and goes hard or very painful, or you stop "
        "passing wind.",
        urgency=SAME_DAY,
        signs=(
            _given((r"operation|surgery|op|c-?section|caesarean|replacement|discharged|sent "
                    r"(?:me |him |her )?home", _DAYS_ON_END, _BLOCKED_BELLY), _NO_STOOL),
        ),
    ),
    Concept(
        "swollen salivary gland with fever",
        "See a doctor today: a painful swelling below or in front of the ear, worse when eating, "
        "with a temperature can be mumps or an infected salivary gland; go to an emergency "
        "department now if the swelling spreads to the neck or makes it hard to breathe or "
        "swallow.",
        urgency=SAME_DAY,
        signs=(
            _given((r"temp\w*|fever\w*|3[89](?:[.,]\d)?",),
                   r"(?:swollen|swelling|lump)\W+(?:\w+\W+){0,3}?(?:jaw|cheek)\W+(?:\w+\W+){0,2}?"
                   r"(?:under|below|in front of|near|by) (?:my |his |her |the )?ear"),
        ),
    ),
    Concept(
        "mallet finger",
        "See a doctor, a minor injuries unit or an emergency department today: a fingertip that "
        "droops and cannot be straightened after a knock is a mallet finger, a torn tendon that "
        "needs a splint, worn day and night, within days to heal straight.",
        urgency=SAME_DAY,
        signs=(
            _given((r"finger|thumb",),
                   r"(?:tip|end)\W+(?:\w+\W+){0,3}?(?:droops?|drooping|droopy|hangs? down|"
                   r"flops?(?: down)?)|can'?t (?:straighten|lift) (?:the )?(?:tip|end)"),
        ),
    ),
    Concept(
        "animal bite that needs care",
        "See a doctor today (urgent care; an emergency department if redness spreads fast, with "
        "a fever, or if the bleeding does not stop): a deep or puncture bite, and any bite to "
        "the face, hand or fingers, needs cleaning and often antibiotics and a tetanus check; "
        "cat bites to the hand infect easily. Wash the bite under running water now.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:dog|cat|animal|pit ?bull|puppy|kitten|horse|ferret|hamster|rat|monkey)"
                    r"(?:'?s)?\W+(?:\w+\W+){0,6}?(?:bit|bite|bites|bitten|went for|attacked|"
                    r"savaged|mauled)|bitten (?:\w+ ){0,4}?"
                    r"by (?:a |my |the |our )?(?:[\w'’]+ ){0,2}?(?:dog|cat|puppy|kitten|monkey)",),
                   r"(?:on|in|to) (?:the |my |his |her )?(?:face|lip|lips|cheek|nose|eyelid|hand|"
                   r"fingers?|thumb)|(?:bit|bitten) (?:me )?(?:on )?(?:my|his|her|the) (?:face|lip|"
                   r"cheek|nose|hand|fingers?|thumb)|deep|puncture\w*|gaping|(?:won'?t|doesn'?t) "
                   r"stop bleeding|red line|pus|swollen|swelling|broke (?:the )?skin|broken skin|"
                   r"drew blood"),
        ),
    ),
    Concept(
        "head injury on a blood thinner",
        "Go to an emergency department today for a head scan: a knock to the head while taking a "
        "blood thinner can cause bleeding inside the skull that shows hours later, even when the "
        "person seems fine; call your local emergency number for a worsening headache, vomiting, "
        "drowsiness or confusion.",
        urgency=SAME_DAY,
        signs=(
            _given((_BLOOD_THINNER,),
                   r"(?:hit|bumped|banged|smacked|whacked|knocked|struck|cracked) (?:\w+ ){0,2}?"
                   r"(?:(?:the )?(?:back|side|front|top) of )?(?:his|her|my|their|the) "
                   r"(?:head|forehead|temple)\b|(?:fell|fall|fallen|"
                   r"tripped|"
                   r"slipped)\W+(?:\w+\W+)"
                   r"{0,5}?head|head (?:injury|bump|wound|trauma)|(?:bump|knot|lump|gash|cut) on "
                   r"(?:\w+ )?(?:his|her|my|their|the) (?:head|forehead)"),
        ),
        exclusions=(_rx(r"fall(?:ing)? (?:back )?asleep"),),
    ),
    Concept(
        "serious burn or electrical injury",
        f"{_CALL} for an electrical injury or a burn with breathing trouble, and go to an "
        "emergency department for burns larger than the person's palm, deep burns (white, "
        "leathery or charred skin), or burns of the face, hands, feet, genitals or joints. Cool "
        "the burn under cool running water for 20 minutes; no ice, butter or creams.",
        signs=(
            _given((_ELECTRICAL,),
                   r"(?:shocked|zapped) (?:by|from|when|while)|electrocuted|"
                   r"(?:got|had|took|get|gets|getting) (?:a |an )?(?:\w+ )?(?:electric(?:al)? )?"
                   r"shock (?:off|from) (?:the |a |an )?(?:mains|socket|outlet|wire|wiring|cable|"
                   r"plug|light|fence|appliance)|"
                   r"electric(?:al)? (?:shock|burn|injury)|struck by lightning|"
                   r"(?:touched|grabbed|bit|chewed|licked) (?:\w+ ){0,3}?(?:live wire|outlet|"
                   r"socket|"
                   r"power ?line|electrical cord|cord|wire)"),
            _given((r"burn|burns|burned|burnt|scald\w*|boiling|hot (?:water|oil|tea|coffee|soup)|"
                    r"chip pan|(?:deep )?fat fryer|(?:spilt|spilled|splashed|knocked) "
                    r"(?:\w+ ){0,3}?(?:oil|kettle|tea|coffee|soup)",),
                   r"(?:bigger|larger) than (?:\w+ ){0,2}?(?:palm|hand)|size of (?:\w+ ){0,2}?"
                   r"(?:hand|palm|plate)|(?:white|leathery|charred|waxy) (?:skin|patches?|areas?)|"
                   r"(?:peeling|peeled|raw|blistered|blistering) and (?:\w+ )?(?:white|leathery|"
                   r"charred|waxy)|(?:quite |really |very |a )?(?:big|large|huge|massive) "
                   r"(?:area|patch)|"
                   r"skin (?:is |looks |went |turned )?(?:white|leathery|charred|black|waxy)|"
                   r"(?:gone|turned|going|looks?) (?:\w+ ){0,2}?(?:white|leathery|charred|waxy)|"
                   r"(?:blisters?|blistering) (?:all over|on (?:his|her|my|the) (?:face|hands?|"
                   r"genitals|groin|chest|whole))|(?:whole|entire) (?:\w+ ){0,3}?(?:is |are )?"
                   r"(?:blister\w*|red raw)|(?:burn\w*|scald\w*) (?:\w+ ){0,2}?(?:on|to) "
                   r"(?:his|her|my|the) (?:face|genitals|groin|eyes?|private)"),
            # a blistering burn or scald over the trunk of a baby or toddler (a large area for
            # a small body)
            _given((r"burn|burns|burned|burnt|scald\w*|boiling|hot (?:water|oil|tea|coffee|soup)|"
                    r"(?:cup|mug|pot|pan) of (?:tea|coffee|soup|hot)|kettle",
                    rf"{_YOUNG}|baby|infant|toddler|(?:[1-9]|1[0-9]|2[0-3])[- ]?(?:months?|mths?)"
                    r"[- ]old|(?:1|2|one|two)[- ]?(?:years?|yrs?)[- ]old",
                    r"chest|tummy|belly|stomach|back|neck|groin|bottom|genitals|face"),
                   r"blister\w*"),
        ),
        exclusions=(_rx(r"sun ?burn\w*", r"(?:razor|carpet|rug|friction|wind|freezer|mat) ?burn\w*",
                        r"electric(?:al)?(?:[- ]like)? (?:shock|jolt|zap)s?(?:[- ]like)? (?:\w+ )?"
                        r"(?:pains?|sensations?|feelings?|feel)", r"like (?:an? )?electric\w*",
                        # shock-like feelings in the head, as on stopping an antidepressant
                        r"(?:brain|head) zaps?", r"electric(?:al)? (?:shock|jolt)s? (?:\w+ )?zaps?",
                        r"zaps? (?:in|through) (?:my|his|her|the) (?:head|brain)",
                        r"(?:jalape\w*|peppers?|chil[ie]s?|capsaicin|hot sauce)(?: \w+){0,4}? "
                        r"burn\w*", r"burn\w* (?:\w+ ){0,3}(?:calories|fat)",
                        r"electric (?:toothbrush|blanket|razor|shaver|bill|car|guitar)"),),
    ),
    Concept(
        "heat stroke",
        f"{_CALL}: someone hot who is confused, acting strangely, collapsing or no longer sweating "
        "may have heatstroke. Move them somewhere cool and cool them with cold water or wet "
        "cloths and a fan while you wait.",
        signs=(
            _given((r"heat|heatwave|heat wave|hot (?:car|day|weather|sun|room|attic|kitchen|"
                    r"outside|here|spell)|(?:without|no) (?:a |the )?(?:fan|air con\w*)|sauna|"
                    r"hot tub|in the sun|(?:outside|outdoors) (?:all day|in the "
                    r"heat)|sun ?stroke|heat ?stroke|heat exhaustion|(?:9\d|1[01]\d) degrees "
                    r"(?:outside|out)|(?:got|getting|gone) (?:really |very |so |too |far too )?"
                    r"(?:hot|overheated)|overheat\w*|(?:it'?s|its|it is|it was) (?:3[2-9]|4\d) ?"
                    r"(?:degrees|°)(?! ?f)",),
                   r"(?:stopped|not|isn'?t|no longer|has stopped|wasn'?t|quit) sweat\w*|"
                   r"(?:skin )?(?:is |feels |felt |was )?(?:hot and dry|dry and hot)|"
                   r"confus\w*|acting (?:weird|strange|drunk|odd|funny|out of it)|slurr\w*|"
                   r"talking (?:strange|weird|odd) things|"
                   r"not making sense|disoriented|collapsed|stumbling"),
        ),
        exclusions=(_rx(r"heat (?:rash|pack|pad|pads|therapy|lamp)", r"hot flash\w*",
                        r"(?:confused|confusing) (?:about|by|as to|whether|if)"),),
    ),
    Concept(
        "hypothermia or frostbite",
        f"{_CALL} for someone very cold who is confused, very drowsy or has stopped shivering; get "
        "them somewhere warm and out of wet clothes. Skin that is white or grey, waxy and hard "
        "after the cold is frostbite and needs emergency care — do not rub it.",
        signs=(
            _given((r"cold|snow|frost\w*|freez\w*|ice|icy|winter|outside|lake|river|water|"
                    r"sledg\w*|sledding|skiing|snowboard\w*",),
                   r"(?:stopped|stops|has stopped|quit) shivering|(?:not|isn'?t|no longer) "
                   r"(?:even )?shivering (?:anymore|any more|now)|shivering (?:uncontrollably|"
                   r"violently|so hard)|(?:fingers|toes|nose|ears?|skin|feet|hands|cheeks)\W+"
                   r"(?:\w+\W+){0,5}?(?:(?:white|grey|gray) and (?:hard|waxy|numb)|waxy|hard and "
                   r"(?:white|numb)|(?:turned|turning|gone|going) (?:black|grey|gray))"),
            # found very cold and muddled (a long lie, the heating off)
            _given((r"(?:ice|icy|freezing|stone|very|really|so) cold\b|hypotherm\w*|heating "
                    r"(?:was |is |had been )?(?:off|broken)|(?:lying|lay|been) (?:\w+ ){0,3}?"
                    r"(?:on the floor|outside) (?:all night|for hours|overnight)",),
                   r"confus\w*|mumbl\w*|drows\w*|slurr\w*|not making sense|(?:won'?t|can'?t) "
                   r"(?:wake|stay awake)"),
        ),
        exclusions=(_rx(r"raynaud\w*", r"(?:in|with) (?:the )?cold (?:weather )?(?:and|then) "
                        r"(?:go|goes|turn|turns) back",
                        r"(?:confused|confusing|mumbl\w*) (?:about|by|as to|whether|if|with|"
                        r"over)"),),
    ),
    Concept(
        "venomous bite or sting",
        f"{_CALL} or go to an emergency department now: a snake bite, or a spider or scorpion "
        "bite with spreading pain, cramps, sweating or a darkening wound, can need antivenom. "
        "Keep the bitten limb still and at heart level; no tourniquet, cutting or sucking.",
        signs=(
            _rx(r"snake ?bit\w*", r"(?:bit|bitten|stung) by (?:a |an |some )?(?:\w+ )?(?:snake|"
                r"rattler|rattlesnake|copperhead|cottonmouth|water moccasin|viper|adder|scorpion|"
                r"black widow|brown recluse|stingray|box jellyfish)",
                r"(?:snake|rattlesnake|copperhead|cottonmouth|viper|adder|scorpion|black widow|"
                r"brown recluse) (?:bite|bit|sting|stung)"),
            _given((r"bit|bitten|bite",),
                   r"snake|adder|viper|rattlesnake|rattler|copperhead|cottonmouth|water moccasin|"
                   r"scorpion|black widow|brown recluse"),
            _given((r"spider (?:bite|bit|bites)|bit(?:ten)? by (?:a )?(?:\w+ )?spider|"
                    r"spider(?: \w+)? bit",),
                   r"(?:black|dark|purple) (?:center|centre|middle|spot|area|patch)|(?:turning|"
                   r"turned|going) (?:black|dark|purple)|(?:cramp\w*|(?:stomach|belly|muscle) "
                   r"(?:pain|spasms?))|sweat\w* (?:a lot|heavily|badly)|spreading"),
        ),
    ),
    Concept(
        MENINGOCOCCAL_CONTACT,
        "Call your doctor or the local health department today: people who live with, share a "
        "room with or kissed someone with meningococcal disease (bacterial meningitis or "
        "sepsis) usually need preventive antibiotics, best within 24 hours, even when they feel "
        "well. Go to an emergency department now for a fever, a bad headache, a stiff neck or a "
        "rash that does not fade when pressed.",
        urgency=SAME_DAY,
        exposure=True,
        window=True,
        signs=(
            # someone ill with it, and the asker near them
            _given((rf"{_CONTACT}|room ?mates?|housemates?|flatmates?|boyfriend|girlfriend|"
                    r"partner|husband|wife|classmates?|dorm|nursery|daycare|same house|"
                    r"live with|lives with|living with|share (?:a|the) (?:room|flat|house|dorm)",),
                   r"(?:diagnosed with|has|had|got|caught|died (?:of|from)|ill with|sick with|"
                   r"came down with|(?:in|to) hospital with) (?:\w+ ){0,2}?(?:meningococc\w*|"
                   r"(?<!viral )meningitis)(?! (?:vaccine|shot|jab))",
                   unless=(r"viral meningitis",)),
        ),
    ),
    Concept(
        "exposed to measles or chickenpox",
        "Call your doctor or your child's doctor today, and say so before going in so no one "
        "else is exposed: after contact with measles, or with chickenpox for a baby, a pregnant "
        "woman or someone with weak immunity, a vaccine or an antibody injection given within "
        "days can prevent the illness or make it milder. Call your local emergency number for "
        "trouble breathing, a seizure, or a child who is very drowsy.",
        urgency=SAME_DAY,
        exposure=True,
        window=True,
        signs=(
            _rx(rf"{_CONTACT}[^.?!]{{0,60}}?\bmeasles", rf"measles\b[^.?!]{{0,60}}?{_CONTACT}"),
            _given((rf"{_YOUNG}|{_PREGNANT}|chemo\w*|transplant|immun\w+",),
                   rf"{_CONTACT}[^.?!]{{0,60}}?\b(?:chicken ?pox|varicella|shingles)"
                   rf"|(?:chicken ?pox|varicella|shingles)\b[\s\S]{{0,80}}?{_CONTACT}"
                   # someone at home has it now
                   r"|(?:kid|kids|child|children|son|daughter|toddler|grandson|granddaughter|"
                   r"husband|wife|partner|nephew|niece|brother|sister)(?:'s| has| have) (?:got |"
                   r"just got |come out in |came out in )?(?:the )?(?:chicken ?pox|shingles)",
                   # immune already: had it as a child, or the vaccine
                   unless=(r"(?<!ever )(?<!if i )(?<!whether i )(?:had|caught) (?:chicken ?pox|"
                           r"it) (?:\w+ )?(?:as a (?:kid|child)|"
                           r"when (?:i was )?(?:little|young|a kid|a child)|before|already)|"
                           r"immune|had the (?:chicken ?pox |varicella )?(?:vaccine|jab)",)),
        ),
    ),
    Concept(
        "diarrhoea after antibiotics",
        "Watery diarrhoea many times a day, with a fever, cramps or blood, during or after a "
        "course of antibiotics can be a C. difficile infection, which needs a stool test and "
        "its own treatment: see a doctor today. Do not take loperamide (Imodium) or other "
        "anti-diarrhoea medicines until a doctor has seen you; drink fluids. Go to an "
        "emergency department now if there is confusion, a swollen belly or no urine.",
        urgency=SAME_DAY,
        signs=(
            _given(
                (_ANTIBIOTIC, r"fever|temp(?:erature)? of|\d+ (?:or more |to \d+ )?times a day|"
                 r"blood\w*|cramp\w*|(?:stomach|belly|tummy) pain"),
                r"diarrh\w*|(?:watery|loose|runny) (?:stools?|poops?|bowel movements?)|the runs",
                # antibiotics only asked about ("do I need antibiotics too?") were not taken
                unless=(r"(?:do|should|would|will|can) (?:i|we|you|he|she|they) (?:\w+ )?(?:need|"
                        r"take|get|have) (?:any |some )?antibiotics?",),
            ),
        ),
    ),
    Concept(
        "a faint that has passed",
        "See a doctor today, even though you came round quickly: a faint at an older age, on a "
        "new or changed medicine, during exercise, or with chest pain, breathlessness, a "
        "racing, slow or irregular heartbeat or a heart condition needs a heart check (an ECG) "
        "today, and no driving until then. Call your local emergency number if chest pain or "
        "breathlessness goes on, or if the person faints again and does not come round.",
        urgency=SAME_DAY,
        signs=(
            _given(
                (_FAINT_RISK_NOW,),
                r"(?<!nearly )(?<!almost )(?<!like )(?<!to )(?<!about )"
                r"(?:faint(?:ed|s)|fainting|passed out|blacked out)",
            ),
        ),
        exclusions=(_HEARSAY_FAINT,),
    ),
    Concept(
        "nearly fainting",
        "Nearly fainting on a new medicine, at an older age or with a racing, slow or irregular "
        "heartbeat needs a doctor today: sit or lie down when it starts, and do not drive. Call "
        "your local emergency number if it comes with chest pain, breathlessness or a very slow "
        "or very fast pulse, or if the person faints and does not come round.",
        urgency=SAME_DAY,
        signs=(
            _given(
                (_FAINT_RISK,),
                r"(?:nearly|almost) (?:\w+ )?(?:faint\w*|pass(?:ed|ing|es)? out|"
                r"black(?:ed|ing|s)? out)",
            ),
        ),
    ),
    Concept(
        "rash on a new medicine",
        "Contact the prescriber or a pharmacist today, before the next dose: a new rash in the "
        "first weeks of a medicine can be the start of a drug reaction, which with some "
        "medicines (lamotrigine, carbamazepine, allopurinol, sulfa antibiotics) can turn "
        "serious. Go to an emergency department now if it blisters or peels, or comes with a "
        "fever, sores in the mouth or eyes, or a swollen face.",
        urgency=SAME_DAY,
        signs=(
            _given((_NEW_MEDICINE,), r"rash\w*|hives|welts|(?:red |itchy )+(?:spots|bumps)"),
        ),
        exclusions=(_rx(r"sun ?burn\w*", r"diaper rash", r"nappy rash", r"heat rash"),),
    ),
    Concept(
        "methotrexate taken daily",
        "Stop the methotrexate and go to an emergency department now, or call your doctor's "
        "out-of-hours line or NHS 111 straight away: methotrexate taken every day instead of "
        "once a week can poison the blood cells, gut and liver even before there are symptoms. "
        "Take the box with you.",
        signs=(
            _given((r"methotrexate|metoject|otrexup|rasuvo|trexall",),
                   r"instead of (?:just )?(?:once |one )?(?:a |each |every |per )?week\w*|"
                   r"(?:taking|took|taken|had|having|given) (?:it|them|her methotrexate|his "
                   r"methotrexate|my methotrexate|methotrexate)(?: tablets?)? (?:every day|daily|"
                   r"each day)\b(?![^.?!]{0,40}\bfolic)"),
        ),
    ),
    Concept(
        "severe skin reaction to a medicine",
        "Go to an emergency department now, and ask before taking the next dose: a rash that "
        "blisters or peels, with sores in the mouth, eyes or genitals, can be a severe drug "
        "reaction (Stevens-Johnson syndrome).",
        signs=(
            _given((r"rash", _NEW_MEDICINE),
                   r"(?:peel\w*|blister\w*|sloughing|coming off)\b(?:\W+\w+){0,8}?\W+(?:mouth|eyes|"
                   r"lips|genitals)|(?:mouth|eyes|lips|genitals)\b(?:\W+\w+){0,8}?\W+(?:peel\w*|"
                   r"blister\w*|sores|ulcers)|skin (?:is )?(?:peeling|coming) off in (?:sheets|"
                   r"layers)"),
            # … or a sore mouth or eyes with a fever beside the spreading rash
            _given((r"rash", _NEW_MEDICINE, r"fever|temperature|temp|feverish|hot and shivery"),
                   r"(?:mouth|eyes|lips|genitals)\b(?:\W+\w+){0,4}?\W+(?:are|is|feel|feels|look|"
                   r"looks|went|gone|got|getting)\s+(?:\w+ )?(?:sore|burning|painful|raw)"),
        ),
        exclusions=(_rx(r"sun ?burn\w*", r"cold sores?", r"fever blisters?", r"(?:hand|foot)"
                        r",? foot(?:,)? and mouth", r"chapped"),),
    ),
    Concept(
        "infected eczema",
        "See a doctor today (urgent care or an emergency department out of hours): eczema that "
        "suddenly turns painful with clusters of small blisters or punched-out sores, above all "
        "with a fever or feeling unwell, can be a herpes infection of the eczema (eczema "
        "herpeticum) that needs antiviral treatment the same day; go now if it is near the eyes.",
        urgency=SAME_DAY,
        signs=(
            _given((r"eczema|dermatitis",),
                   r"punched[- ]out|(?:clusters?|lots|loads|crops?) of (?:\w+ )?(?:blisters|sores)|"
                   r"(?:blisters|sores)\W+(?:\w+\W+){0,3}?(?:spreading|all over|everywhere)",
                   ),
        ),
    ),
    Concept(
        "possible serotonin syndrome",
        f"{_CALL}: jerking or twitching muscles with sweating, a fever or a racing heart on a "
        "medicine that raises serotonin (antidepressants, tramadol, triptans, MDMA), "
        "especially after starting a second one, can be serotonin syndrome, which can get "
        "worse within hours. Do not take another dose, and tell them every medicine taken.",
        signs=(
            _given((_SEROTONERGIC, r"twitch\w*|jerk\w*|clonus|rigid|(?:muscles?|legs?|jaw) "
                    r"(?:\w+ )?(?:stiff|rigid|jumping)"),
                   r"fever|temperature (?:of |is |was )?(?:10[0-9]|3[89])|(?:heart|pulse) (?:is |"
                   r"was )?(?:racing|pounding)|(?:heart|pulse) (?:is |was )?(?:going |beating |"
                   r"running )?(?:like |at |about )?(?:1[2-9]\d)|agitat\w*|confus\w*|shiver\w*|"
                   r"burning up|sweat\w*"),
        ),
    ),
    Concept(
        "dangerous reaction to a medicine",
        "Contact the prescriber or a doctor today, and call your local emergency number for a "
        "high temperature, confusion or rigid muscles: these signs on this medicine can be a "
        "dangerous drug reaction (lithium or digoxin toxicity, serotonin syndrome, neuroleptic "
        "malignant syndrome, or a loss of white blood cells on carbimazole, clozapine, "
        "methotrexate or a similar medicine, which needs a blood count today). Do not take the "
        "next dose until a doctor has said so.",
        urgency=SAME_DAY,
        signs=(
            _given((r"lithium",),
                   r"vomit\w*|throw\w* up|threw up|diarrh\w*|confus\w*|unsteady|stumbl\w*|"
                   r"slurr\w*|(?:very )?(?:drowsy|wobbly)|can'?t walk straight"),
            # shaky or thirsty after a stomach bug: dehydration raises the lithium level
            _given((r"lithium", r"stomach bug|tummy bug|gastro\w*|bug"),
                   r"shak\w*|tremor\w*|trembl\w*|thirst\w*"),
            # shaky or thirsty with a medicine that raises the lithium level
            _given((r"lithium", r"ibuprofen|naproxen|diclofenac|nsaids?|anti-?inflammator\w*|"
                    r"water (?:tablets?|pills?)|diuretic\w*"),
                   r"shak\w*|tremor\w*|trembl\w*|thirst\w*"),
            # aching muscles on a statin with a medicine that raises its level
            _given((r"\w+statin|statins?", r"clarithromycin|erythromycin|gemfibrozil|fibrates?|"
                    r"fusidic|itraconazole|ketoconazole"),
                   r"muscles?\W+(?:\w+\W+){0,3}?(?:ache|aching|pain\w*|sore|weak\w*|tender)|"
                   r"(?:aching|sore|weak) muscles|(?:dark|brown|cola)[- ]colou?red (?:pee|urine)"),
            _given((r"carbimazole|methimazole|tapazole|propylthiouracil|ptu|clozapine|clozaril|"
                    r"sulfasalazine|methotrexate|azathioprine|mercaptopurine|leflunomide",),
                   r"sore throat|mouth ulcers|(?<!yellow )(?<!hay )(?<!scarlet )fever|temp\w*|"
                   r"(?:a|high) temperature"),
            _given((_ANTIPSYCHOTIC, r"stiff|rigid"),
                   r"fever|temperature|confus\w*|sweat\w*"),
            # an acute dystonia: the neck or eyes pulled and held, days into such a medicine
            _given((_ANTIPSYCHOTIC + r"|prochlorperazine|stemetil|buccastem|maxolon|"
                    r"domperidone|new (?:medicine|medication|tablets?|pills?|meds?)|started (?:a |"
                    r"the |on )?(?:new )?(?:\w+ )?(?:medicine|medication|tablets?|pills?|meds?)",),
                   r"(?:neck|head|jaw|tongue)\W+(?:\w+\W+){0,2}?(?:twist\w*|pull\w*|turn\w*|"
                   r"lock\w*|stuck|spasm\w*) (?:\w+ ){0,2}?(?:to (?:one|the) side|sideways|back|"
                   r"and (?:i|he|she) (?:can'?t|cant|cannot)|on (?:its|it'?s) own)|"
                   r"eyes?\W+(?:\w+\W+){0,2}?(?:roll\w*|turn\w*|go\w*|stuck|pull\w*) "
                   r"(?:up|upwards|back|to the (?:top|ceiling))"),
            # digoxin's toxicity: off food, sick, seeing yellow or blurred, muddled
            _given((r"digoxin|lanoxin",),
                   r"nause\w*|feel\w* sick|feeling sick|vomit\w*|throw\w* up|threw up|"
                   r"(?:looks?|seeing|sees|see|vision|everything)\W+(?:\w+\W+){0,3}?"
                   r"(?:yellow\w*|green\w*)|halos?|off (?:her|his|my|their) food|"
                   r"(?:lost|losing|no) (?:her |his |my )?appetite|confus\w*|muddled"),
        ),
    ),
    Concept(
        "very high blood pressure with warning signs",
        f"{_CALL}: a blood pressure of 180/120 or higher with a severe headache, blurred or lost "
        "vision, chest pain, shortness of breath, confusion or weakness can be a hypertensive "
        "emergency, with a risk of stroke or damage to the heart, kidneys or eyes. Do not take "
        "extra doses of your tablets to bring it down fast.",
        signs=(
            _given((rf"(?:blood pressure|bp|b/p|pressure|reading)\W+(?:\w+\W+){{0,6}}?"
                    rf"{_VERY_HIGH_BP}|{_VERY_HIGH_BP}\W+(?:\w+\W+){{0,4}}?(?:blood pressure|bp|"
                    r"b/p|on (?:my|the|his|her) (?:home )?(?:machine|monitor|cuff))",),
                   r"(?:bad|severe|pounding|splitting|thumping|worst) headache|headache "
                   r"(?:\w+ ){0,3}?(?:pounding|severe|splitting)|(?:vision|eyesight|sight) "
                   r"(?:\w+ ){0,2}?(?:is |has gone |went |gone |going )?(?:blurr\w*|blurry|"
                   r"fuzzy|funny|double|dim)|blurr\w* (?:vision|eyesight)|chest pain|"
                   r"(?:short of|can'?t catch (?:my|his|her)) breath|confus\w*|slurr\w*|"
                   r"weak\w* (?:in|on) (?:one|my|his|her) (?:side|arm|leg)"),
            # the reading told after the signs, further from the words for it ("took my blood
            # pressure as my head is splitting and my eyes went fuzzy, the machine says 205/118")
            _given((r"blood pressure|bp|b/p",
                    rf"(?:it|monitor|machine|cuff|reading) (?:says|said|reads|read|shows|showed|"
                    rf"was|is|came up) (?:as )?{_VERY_HIGH_BP}"),
                   r"(?:bad|severe|pounding|splitting|thumping|worst) headache|(?:vision|eyesight|"
                   r"sight) (?:\w+ ){0,2}?(?:is |has gone |went |gone |going )?(?:blurr\w*|blurry|"
                   r"fuzzy|double|dim)|blurr\w* (?:vision|eyesight)|chest pain|confus\w*|"
                   r"slurr\w*"),
        ),
    ),
    Concept(
        "very high blood pressure",
        "A blood pressure of 180/120 or higher needs a doctor's advice today (recheck after 5 "
        "minutes' rest); call your local emergency number (911 in the US) with chest pain, "
        "shortness of breath, weakness, trouble speaking, vision changes or a severe headache.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:blood pressure|bp|b/p|pressure|reading|read|monitor|cuff|machine|"
                    r"systolic|diastolic)",), _VERY_HIGH_BP),
        ),
    ),
    Concept(
        "sudden severe pain",
        "Go to an emergency department now, and call your local emergency number if the person "
        "is pale, sweaty, faint or the pain is in the chest, back or belly: severe pain that came "
        "on suddenly needs to be checked today.",
        sudden=True,
        signs=(
            re.compile(
                rf"\b{_ONSET}\b[^.?!]{{0,60}}?\b(?P<key>{_SEVERITY})\b[^.?!]{{0,40}}?\b(?:pain|"
                r"ache|cramps?|cramping|hurts?|hurting)\b|\b(?P<key2>" + _SEVERITY + r")\b"
                r"[^.?!]{0,40}?\b(?:pain|ache|cramps?|cramping)\b[^.?!]{0,60}?\b" + _ONSET + r"\b",
                re.IGNORECASE,
            ),
            # pain that came on suddenly on one side, with vomiting (a twisted ovary, a stone)
            _given((r"vomit\w*|been sick|being sick|threw up|throwing up|thrown up|puk\w*",),
                   rf"{_ONSET}\W+(?:\w+\W+){{0,12}}?(?:pain|cramps?|ache)\W+(?:\w+\W+){{0,4}}?"
                   r"(?:(?:on|in) (?:my |the |his |her )?(?:\w+ )?(?:right|left|one) side|(?:lower|"
                   r"low) (?:down )?(?:on )?(?:my |the )?(?:right|left))"),
        ),
        exclusions=(_rx(r"every (?:period|month|time|day|night)", r"each (?:month|period|time)",
                        r"during (?:my |"
                        r"her )?periods?", r"(?:menstrual|period) (?:pain|cramps?)"),),
    ),
    Concept(
        "weakness spreading up the body",
        "Go to an emergency department today: weakness or numbness that spreads up from the feet "
        "or hands over hours to days can be Guillain-Barre syndrome or another nerve emergency; "
        "call your local emergency number with any trouble breathing or swallowing.",
        urgency=SAME_DAY,
        sudden=True,
        signs=(
            _rx(r"(?:weak\w*|numb\w*|tingl\w*|pins and needles)\W+(?:\w+\W+){0,6}?(?:spreading|"
                r"spread|moving|creeping|going|climbing|travel\w*|working (?:its|their) way|"
                r"crept|moved|went) up (?:to |into |my |his |her |the )",
                r"(?:legs|arms) (?:are |keep |keeps )?(?:getting|got|growing) (?:weaker|more and "
                r"more weak)",
                r"(?:(?:tingl\w*|numb\w*|weak\w*|pins and needles)\W+(?:\w+\W+){0,4}?(?:feet|toes|"
                r"legs)|(?:feet|toes|legs)\W+(?:\w+\W+){0,4}?(?:tingl\w*|numb\w*|weak\w*))\W+"
                r"(?:\w+\W+){0,10}?(?:now|then|spread\w* to|moved to|(?:is |are )?starting)\W+"
                r"(?:\w+\W+){0,3}?(?:hands|fingers|arms)\W+(?:\w+\W+){0,4}?(?:tingl\w*|numb\w*|"
                r"weak\w*)",
                r"(?:(?:tingl\w*|numb\w*|weak\w*|pins and needles)\W+(?:\w+\W+){0,4}?(?:feet|toes|"
                r"legs)|(?:feet|toes|legs)\W+(?:\w+\W+){0,4}?(?:tingl\w*|numb\w*|weak\w*))\W+"
                r"(?:\w+\W+){0,16}?(?:hands|fingers|arms)\W+(?:\w+\W+){0,4}?(?:tingl\w*|numb\w*|"
                r"weak\w*)\W+(?:\w+\W+)?(?:too|as well|also)"),
        ),
    ),
    Concept(
        "sudden hearing loss",
        "See a doctor today (urgent care, or an emergency department if no one else can see you):"
        " sudden hearing loss in one ear can often be "
        "treated, and treatment works best when started early.",
        urgency=SAME_DAY,
        sudden=True,
        signs=(
            _given((rf"\b(?:{_ONSET}|woke up)",),
                   r"(?:left |right |one )?ear\W+(?:\w+\W+){0,2}?(?:sounds?|feels?|felt|is|"
                   r"went|gone|going) (?:\w+ ){0,2}?(?:muffled|blocked|dull|deaf|underwater|"
                   r"under water)",
                   unless=(_EAR_BLOCKED_OTHERWISE,)),
            _given((), r"(?:went|gone|going|has gone) (?:completely |totally |suddenly )?deaf in "
                   r"(?:my|one|his|her|the) (?:left |right )?ear",
                   unless=(_EAR_BLOCKED_OTHERWISE,)),
            re.compile(
                rf"\b(?:{_ONSET}|woke up)\W+(?:\w+\W+){{0,6}}?(?P<key>can'?t hear|cannot hear|"
                r"can (?:hardly|barely) hear|deaf|"
                r"lost "
                r"(?:\w+ )?(?:hearing)|hearing (?:loss|went|is gone|is muffled|dropped)|hearing in "
                r"(?:my|his|her|one|the) (?:left |right )?ear (?:has )?(?:\w+ ){0,2}?(?:gone|went|"
                r"disappeared|dropped))",
                re.IGNORECASE,
            ),
        ),
    ),
    Concept(
        "danger from another person",
        "If you are in danger now, call your local emergency number (911 in the US). After a "
        "sexual assault an emergency department can offer care, medicine against HIV and "
        "pregnancy, and evidence collection, best within 72 hours. In the US the National "
        "Domestic Violence Hotline is 1-800-799-7233 and RAINN is 1-800-656-4673.",
        signs=(
            _rx(r"(?:he|she|they|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex|dad|"
                r"father|mom|mother|son|brother|stepdad|stepfather)) (?:\w+ ){0,2}?(?:hit|beat|"
                r"beats|hits|kicked|kicks|punched|punches|slapped|choked|chokes|strangled|"
                r"strangles) me", r"threatened to kill (?:me|us|my)",
                r"(?:hands?|arms?) (?:\w+ ){0,2}?(?:round|around|on) (?:my|her|his) (?:neck|"
                r"throat)",
                r"squeez\w* (?:my|her|his) (?:neck|throat)"),
            _given((r"hurt|kill|harm|threat\w*|voices|scared|afraid|not making (?:any )?sense|"
                    r"attack\w*|stab\w*|shoot|convinced|paranoid|reading (?:his|her|my) "
                    r"thoughts|(?:won'?t|wont|will not) put it down",),
                   r"(?:holding|has|had|got|waving|grabbed|pulled|carrying|with|picked up) (?:a |"
                   r"the |his |her )?(?:knife|gun|weapon|machete|blade|kitchen knife|box cutter|"
                   r"stanley knife|craft knife|razor|axe|hammer|screwdriver|scissors)"),
        ),
        asked=(_rx(r"(?:spiked|drugged) (?:my|her|his) drink", r"(?:drugged|roofied) (?:me|her|"
                   r"him)", r"drinks? (?:was|were|got|had been|has been) (?:spiked|drugged)"),),
        events=(
            _rx(r"raped", r"sexually assaulted", r"sexual(?:ly)? assault\w*", r"molested",
                r"forced (?:me|her|him) (?:to have sex|into (?:having )?sex|to do (?:sexual )?"
                r"(?:stuff|things))", r"(?:had sex with|touched|undressed) me (?:\w+ ){0,3}?"
                r"(?:while|when) (?:i|I) (?:was )?(?:asleep|sleeping|passed out|unconscious|"
                r"blacked "
                r"out|too drunk|out of it)"),
            # sex not wanted, told beside a party, a blackout or a memory gap
            _given((r"part(?:y|ies)|drunk|drinks?|(?:can'?t|cannot|don'?t) remember|blacked out|"
                    r"passed out|woke up|sex|touched",),
                   r"(?:i )?(?:didn'?t|did not|never) (?:want (?:it|that|to do (?:it|that))|"
                   r"consent|"
                   r"agree to (?:it|that|sex))\b|without my consent"),
        ),
    ),
    Concept(
        "eye injury",
        "Go to an emergency department or an eye service today, and do not rub the eye or try to "
        "remove anything stuck in it: a fragment that hit the eye at speed, or an eye injury with "
        "pain, blurred vision or blood in the eye, needs an eye exam.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:poked|scratched|scratch|jabbed|caught|fingernail|nail|branch|twig|stick)"
                    r"\W+(?:\w+\W+){0,5}?eye",),
                   r"blurr\w*|(?:hurts?|painful|sore|can'?t) (?:\w+ ){0,3}?(?:in (?:the )?"
                   r"(?:bright )?light|to open|open it)|(?:light|sun|brightness) (?:\w+ ){0,2}?"
                   r"hurts"),
            _rx(r"(?:metal|glass|wood chip|splinter|chip|shard|fishhook|fish hook|shrapnel|wire|"
                r"sliver|pellet|bb)\W+(?:\w+\W+){0,5}?(?:flew|went|"
                r"is stuck|stuck|poked|shot|flicked) (?:\w+ ){0,2}?(?:in|into) (?:my|his|her|the) "
                r"eye",
                r"(?:hit|poked|struck|jabbed) (?:\w+ ){0,3}?in (?:my|his|her|the) eye\W+"
                r"(?:\w+\W+){0,8}?(?:blood|can'?t see|blurr\w*|double|vision)",
                r"blood (?:in|inside) (?:the )?(?:colou?red part|front) of (?:my|his|her|the) eye"),
            # a fragment thrown by a tool at speed can go into the eye with little pain
            _given((r"grind\w*|grinder|drill\w*|hammer\w*|chisel\w*|strimm\w*|strimmer|"
                    r"weed ?(?:eat|whack)\w*|sanding|sander|weld\w*|lathe|cutting (?:metal|"
                    r"tiles?)",),
                   r"(?:something|a bit|a piece|bits?|stuff|debris|a fragment|a chip|a speck)\W+"
                   r"(?:\w+\W+){0,3}?(?:flew|went|shot|flicked|got|pinged) (?:\w+ )?(?:in|into) "
                   r"(?:my|his|her|the) eye|eye\W+(?:\w+\W+){0,3}?(?:feels?|is|like) (?:like )?"
                   r"(?:there'?s |there is )?(?:\w+ )?(?:grit|gritty|sand|something in it)|"
                   r"(?:grit|something) in (?:my|his|her|the) eye"),
        ),
    ),
    Concept(
        "not keeping fluids down",
        "Get care today — call your doctor's office or go to urgent care: not keeping fluids "
        "down for many hours, passing little or no urine, or dizziness on standing is "
        "dehydration that may need fluids by drip; sooner for a baby or young child, and go to an "
        "emergency department for drowsiness, confusion or no urine at all.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:can'?t|cannot|cant|unable to|not able to|couldn'?t|won'?t|wont) keep "
                r"(?:anything|any \w+|fluids|water|liquids|it|food or (?:water|drink)) down\W+"
                r"(?:\w+\W+){0,3}?(?:(?:for|in) (?:over |more than |almost |about )?)?(?:"
                + _HOURS_OR_DAYS + r")",
                r"(?:vomit\w*|throw\w* up|threw up|puk\w*) (?:\w+ ){0,3}?(?:everything|every "
                r"(?:sip|drink|time (?:she|he|i) drinks?))\W+(?:\w+\W+){0,3}?(?:(?:for|in) "
                rf"(?:over |more than |almost |about )?)?(?:{_HOURS_OR_DAYS})"),
            _given((r"diarrh\w*|vomit\w*|throw\w* up|threw up|being sick|been sick|"
                    r"kept (?:anything|\w+) down|keep (?:anything|much|\w+) down|"
                    r"(?:sickness|stomach|tummy) bug|(?:barely|hardly|not) drinking",),
                   r"(?:hardly|barely|not|isn'?t|hasn'?t been|haven'?t been|very little) (?:\w+ )?"
                   r"(?:weeing|peeing|urinating|passing (?:much |any )?urine)|"
                   r"(?:weeing|peeing|urinating) (?:much |a lot |far |way )?less|"
                   r"(?:dizzy|light[- ]?headed|faint|woozy) (?:when |on |if )?(?:standing|"
                   r"(?:she |he |i )?stands?(?: up)?|getting up|(?:she |he |i )?gets? up|"
                   r"(?:she |he |i )?stood up)|(?:wee|pee|urine) is (?:very |really |quite )?dark"),
        ),
    ),
    Concept(
        NECK_INJURY,
        "Call your local emergency number (911 in the US) now and keep the head and neck still; "
        "do not drive or walk the person in: neck pain after a fall or a blow, with tingling, "
        "numbness or weakness in the arms or legs, can be an injury of the spine.",
        signs=(
            _given((r"fell|fall|fallen|dived|dove|landed|crash\w*|thrown|came off|hit (?:my|his|"
                    r"her) head", r"neck"),
                   r"(?:both|my|his|her) (?:arms?|hands?|legs?)\W+(?:\w+\W+){0,3}?(?:pins and "
                   r"needles|tingl\w*|numb\w*|weak\w*|dead)|(?:pins and needles|tingl\w*|numb\w*) "
                   r"(?:in|down) (?:both|my|his|her) (?:arms?|hands?|legs?)"),
        ),
    ),
    Concept(
        "head injury with a warning sign",
        "Go to an emergency department now (call your local emergency number if they pass out, "
        "have a seizure or cannot be woken): after a blow to the head or face, drowsiness, "
        "vomiting more than once, double vision, confusion, clear fluid from the nose or ears or "
        "a worsening headache can be bleeding inside the skull or a broken bone.",
        sudden=True,
        signs=(
            _given((r"(?:hit|bang\w*|knock\w*|bump\w*|struck|smack\w*|whack\w*|fell|fall|"
                    r"punched|kicked|head[- ]?butt\w*) (?:\w+ ){0,5}?(?:head|face|skull|temple|"
                    r"forehead)|(?:head|face) (?:\w+ ){0,3}?(?:injury|knock|blow|hit)|out cold|"
                    r"knocked (?:out|unconscious)|(?:came|fell|thrown) off (?:\w+ ){0,2}?(?:bike|"
                    r"horse|scooter|motorbike|skateboard|ladder)\W+(?:\w+\W+){0,2}?no helmet|"
                    # a baby or toddler who fell from a height hit its head, told or not
                    r"(?:rolled|fell|fallen|toppled|tumbled|dropped) (?:off|from|down) "
                    r"(?:\w+ ){0,2}?(?:bed|sofa|couch|settee|changing (?:table|mat)|table|chair|"
                    r"stairs|high chair|bunk)",),
                   r"drows\w*|(?:super|very|really|so|unusually|extremely) (?:sleepy|tired)|"
                   r"hard to wake|(?:vomit\w*|threw up|throwing up|thrown up|been sick) "
                   r"(?:\w+ ){0,2}?"
                   r"(?:twice|again|\d times|three times|more than once|several times)|"
                   r"seeing double|"
                   r"double vision|confus\w*|clear (?:fluid|liquid) (?:\w+ ){0,2}?(?:nose|ears?)|"
                   r"(?:keeps|kept) (?:forgetting|asking the same)|(?:keeps?|kept) repeating "
                   r"(?:her|him|them|my|your)sel(?:f|ves)|muddled|(?:keeps?|kept) (?:dozing|"
                   r"nodding|falling asleep)|can'?t stay awake|not making (?:any )?sense|"
                   r"talking nonsense|slurr\w*|(?:one )?pupils? (?:\w+ )?"
                   r"(?:bigger|different|uneven)|headache (?:\w+ )?(?:getting|got|is getting) "
                   r"worse"),
        ),
    ),
    Concept(
        "possible giant cell arteritis affecting the eye",
        "Go to an emergency department now: a new headache with a tender scalp or jaw pain "
        "when chewing, with blurred, dimmed or double vision (even for a few minutes), can be "
        "giant cell arteritis, which can blind an eye within days; steroids started today "
        "prevent it.",
        signs=(
            _given((_HEADACHE, r"(?:scalp|temple)\W+(?:\w+\W+){0,3}?(?:tender|sore|hurts|painful)|"
                    r"jaw (?:\w+ )?(?:aches|hurts|pain\w*|tired) (?:\w+ ){0,2}?(?:when|while) "
                    r"(?:i |he |she )?(?:chew|eat)"),
                   r"(?:eye|vision|sight)\W+(?:\w+\W+){0,3}?(?:went|goes|gone|going|was|is|got) "
                   r"(?:\w+ )?(?:blurr\w*|dim|dark|black|grey|gray|misty)|(?:blurr\w*|dimm\w*|"
                   r"double|lost|loss of) (?:\w+ )?(?:vision|sight)|seeing double"),
        ),
    ),
    Concept(
        "headache with a warning sign",
        "See a doctor today: a headache that is worse lying down, coughing or straining with "
        "vomiting, a new headache over 50 with a tender scalp or jaw pain when chewing, or a "
        "headache after a spinal or epidural that is worse sitting up, or headaches on waking "
        "with vomiting, new clumsiness or a squint (in a child too) needs checking today; go "
        "to an emergency department for the worst headache of your life, confusion, weakness or "
        "a stiff neck with fever.",
        urgency=SAME_DAY,
        signs=(
            # pressure in the skull: morning headaches with vomiting, or with a new squint,
            # clumsiness or double vision
            _given((_HEADACHE, r"vomit\w*|threw up|throwing up|been sick|(?:is|was|gets?) sick"
                    r"|puk\w*"),
                   r"(?:woken|wakes?|waking|woke) (?:up )?(?:\w+ ){0,4}?(?:with|from|by) (?:a |the "
                   r"|bad |her |his |my )?headaches?|(?:\w+ )?(?:mornings?|on waking)"
                   r"(?: \w+){0,3}? (?:with )?(?:a |bad )?headaches?",
                   unless=(r"migraines?|hangover|hung ?over|drinking|drunk",)),
            _given((_HEADACHE,),
                   r"(?:new|suddenly|started|starting|gone|going|become|getting|a bit|more) "
                   r"(?:\w+ )?(?:clums\w*|wobbly|unsteady|off balance|cross[- ]eyed|squint\w*)|"
                   r"eyes? (?:\w+ ){0,3}?(?:crossed|cross[- ]eyed|squint\w*|turn(?:ing|s)? in)|"
                   r"(?:new |now )?(?:double vision|seeing double)"),
            _given((_HEADACHE, r"vomit\w*|threw up|throwing up|been sick|puk\w*"),
                   r"worse (?:\w+ ){0,2}?(?:lying down|lie down|when (?:i |he |she )?(?:lie|lay) "
                   r"(?:down|flat)|when (?:i |he |she )?(?:cough|sneeze|strain|bend))"),
            _given((_HEADACHE,),
                   r"(?:scalp|temple)\W+(?:\w+\W+){0,3}?(?:tender|sore|hurts|painful)|"
                   r"jaw (?:\w+ )?(?:aches|hurts|pain\w*|tired) (?:\w+ ){0,2}?(?:when|while) "
                   r"(?:i |he |she )?(?:chew|eat)"),
            _given((_HEADACHE, r"epidural|spinal|lumbar puncture"),
                   r"(?:worse|awful|unbearable|terrible) (?:\w+ ){0,2}?(?:sitting|standing|when "
                   r"(?:i |she |he )?(?:sit|stand)) up"),
        ),
    ),
    Concept(
        "a child not using an arm or leg",
        "Take your child to a doctor or urgent care today: a child who suddenly will not use an "
        "arm, will not walk or put weight on a leg, or starts limping without a clear cause, "
        "especially with a fever, needs checking for a pulled elbow, a fracture or an infected "
        "joint; go to an emergency department if they are unwell, floppy or in severe pain.",
        urgency=SAME_DAY,
        signs=(
            _given((_CHILD,),
                   r"(?:won'?t|wont|will not|refus\w*|not|isn'?t|stopped|doesn'?t) (?:\w+ )?"
                   r"(?:use|using|move|moving|lift|lifting|bear weight on|put weight on|"
                   r"putting weight on|walk on|stand on) (?:his|her|their|the|one|that|an?|any) "
                   r"(?:\w+ )?(?:arms?|legs?|hands?|foot|feet)|(?:started|is|has been|keeps) "
                   r"limping|limping (?:today|since)|(?:holds|holding|keeps) (?:it|his arm|her "
                   r"arm|the arm) (?:\w+ ){0,2}?(?:by|at|against) (?:his|her|their) side"),
        ),
    ),
    Concept(
        "possible muscle breakdown",
        "Go to an emergency department now: very painful, swollen or weak muscles with urine "
        "the colour of tea or cola, after hard exercise, a long lie on the floor, a crush or a "
        "new medicine, can be muscle breakdown (rhabdomyolysis), which can damage the kidneys "
        "within hours and needs a blood test and fluids by drip. Do not take ibuprofen.",
        signs=(
            _given((r"muscles?|thighs?|calf|calves|legs|arms|shoulders|biceps|quads?|glutes",
                    r"pain\w*|swollen|swelling|sore|ach\w*|weak|stiff|can'?t (?:\w+ )?(?:bend|"
                    r"move|lift|straighten)"),
                   r"(?:pee|peed|peeing|pees|urine|wee|piss)\W+(?:\w+\W+){0,5}?(?:dark brown|"
                   r"brown|cola|coke|coca[- ]cola|tea[- ]colou?red|like (?:black )?tea|black)|"
                   r"(?:dark brown|cola[- ]colou?red|tea[- ]colou?red|coke[- ]colou?red) "
                   r"(?:pee|urine|wee)"),
        ),
    ),
    Concept(
        "yellow skin or dark urine",
        "See a doctor today: skin or the whites of the eyes turning yellow, or urine as dark as "
        "tea or cola (not just dark yellow), can come from the liver, the blood or damaged "
        "muscle and needs a blood test soon; go to an emergency department with confusion, "
        "severe belly pain, vomiting blood or very little urine.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:eyes|skin|whites of (?:my|his|her|their|the) eyes)\W+(?:\w+\W+){0,3}?(?:gone|"
                r"turned|turning|going|gotten|got|look\w*|are|is|seem) (?:a bit |slightly |really "
                r"|very |quite )?(?:yellow\w*|jaundiced|orange)",
                r"(?:yellow|jaundiced) (?:eyes|skin|whites)"),
            _given((),
                   r"(?:pee|peed|peeing|pees|urine|urinated|wee|piss)\W+(?:\w+\W+){0,5}?(?:dark "
                   r"brown|brown|cola|coke|coca[- ]cola|tea[- ]colou?red|like (?:black )?tea|"
                   r"black)|(?:dark brown|cola[- ]colou?red|tea[- ]colou?red|coke[- ]colou?red) "
                   r"(?:pee|urine|wee)",
                   unless=(_URINE_COLOURING_MEDICINE,)),
        ),
        exclusions=(_rx(r"(?:fake|spray|self)[- ]?tan\w*", r"(?:carrots?|beetroot|beets|turmeric)"
                        r"(?: \w+){0,4}"),),
    ),
    Concept(
        "something stuck in the body",
        "See a doctor or urgent care today: an object or insect in the ear or nose, a fish hook, "
        "glass or dirt deep in a wound, or food stuck in the throat needs removing by a "
        "professional; do not dig for it. Go to an emergency department now if food is stuck and "
        "you cannot swallow your own saliva, or for a swallowed button battery or magnets.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:bug|insect|bead|pea|stone|pebble|object|something|toy|crayon|bean|button|"
                r"earring back|piece of \w+|moth|fly|spider|batter(?:y|ies)|magnets?|coin) "
                r"(?:\w+ ){0,3}?(?:in|up|into) "
                r"(?:my|his|her|their|the) (?:ear|nose|nostril)",
                r"(?:buzzing|moving|crawling|scratching) (?:\w+ ){0,2}?(?:in|inside) "
                r"(?:my|his|her) ear",
                r"fish ?hook|(?:barb|hook) (?:is |was )?(?:still )?(?:in|stuck|embedded)",
                r"(?:glass|gravel|grit|dirt|metal|splinters?|wood|thorn|nail) (?:\w+ ){0,3}?"
                r"(?:stuck|embedded|lodged|deep|ground in|ground into|buried) (?:\w+ ){0,3}?"
                r"(?:in|into|under)",
                r"(?:stuck|lodged) in (?:my|his|her|the) (?:throat|gullet|oesophagus|esophagus)|"
                r"(?:throat|gullet)\W+(?:\w+\W+){0,3}?(?:something|food|it|a (?:bone|piece))\W+"
                r"(?:\w+\W+){0,2}?stuck"),
        ),
        exclusions=(_rx(r"(?:song|tune|thought|idea|words?) (?:\w+ ){0,3}?stuck",
                        r"ear ?wax", r"fly(?:ing)? (?:to|from|home|back)",
                        r"(?:sometimes|often|always|keeps?|usually|occasionally|every (?:time|now "
                        r"and then)|from time to time|again and again)(?: \w+){0,8}? stuck"),),
    ),
    Concept(
        "a wound that may need closing",
        "See a doctor, urgent care or a minor injuries unit today (within 6 to 8 hours is best "
        "for stitches or glue): a cut that gapes, opens when the part moves, is deep enough to "
        "show fat or is on the face or a joint; press on it meanwhile, and go to an emergency "
        "department if it will not stop bleeding, you cannot move a finger, or it is numb beyond "
        "the cut.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:cut|wound|gash\w*|laceration|slic\w*|split)\W+(?:\w+\W+){0,14}?(?:gaping|"
                r"gapes|gape (?:apart|open|a bit|a little|slightly)|"
                r"wide open|(?:opens?|pulls? apart|comes? apart|splits? open) (?:up )?(?:again )?"
                r"when)",
                r"gaping (?:cut|wound|gash|hole)",
                # bone seen in a tooth's socket is a dry socket, not a wound
                r"(?:can|could) see (?:the )?(?:fat|bone|tendon|white stuff|yellow fat)(?! (?:in|"
                r"at the bottom of|inside) (?:the |my )?(?:hole|socket|gap|gum))"),
            # a cut tendon or nerve: the finger no longer bends, or goes numb past the cut
            _given((r"cut|gash\w*|slic\w*|laceration|glass|knife|blade",),
                   r"(?:can'?t|cannot|can not|unable to|couldn'?t|won'?t) (?:\w+ )?(?:bend|move|"
                   r"straighten|curl) (?:the |my |his |her )?(?:tip |end |top )?(?:of )?(?:the |"
                   r"my |his |her )?(?:(?:ring|index|middle|little|pinky|pinkie|first|fore) )?"
                   r"(?:finger|thumb)|"
                   r"(?:finger ?tip|tip of (?:the |my |his |her )?(?:finger|thumb)|side of "
                   r"(?:the |my |his |her )?(?:finger|thumb)\w*)\W+(?:\w+\W+){0,2}?(?:feels? |is |"
                   r"has gone |went |gone )?numb"),
        ),
    ),
    Concept(
        "needs care soon after sex",
        "See a pharmacist, a sexual health clinic or urgent care today: emergency contraception "
        "and medicine that prevents HIV after an exposure (PEP) work best the sooner they are "
        "started, and PEP must start within 72 hours. After a sexual assault, an emergency "
        "department can offer both.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"condom (?:\w+ )?(?:broke|split|burst|came off|slipped off|tore|ripped|fell off)",
                r"(?:exposed to|exposure to) hiv",
                r"hiv(?:[- ]positive)?\W+(?:\w+\W+){0,10}?(?:unprotected|no condom|without a "
                r"condom|condom broke)",
                r"(?:unprotected|no condom|without (?:a )?condom)\W+(?:\w+\W+){0,10}?(?:hiv|"
                r"hiv[- ]positive)",
                r"(?:missed|forgot|forgotten|skipped) (?:\w+ ){0,3}?(?:pills?|doses?)\W+"
                r"(?:\w+\W+){0,10}?(?:unprotected|without (?:a )?condom|no condom)",
                r"(?:unprotected|without (?:a )?condom|no condom)\W+(?:\w+\W+){0,10}?"
                r"(?:missed|forgot|forgotten|skipped) (?:\w+ ){0,3}?(?:pills?|doses?)",
                r"(?:unprotected|without (?:a )?condom|no condom|bareback)\W+(?:\w+\W+){0,30}?"
                r"(?:never (?:been )?tested|not (?:been )?tested|hiv status|pill you can take "
                r"after|\bpep\b)",
                r"(?:unprotected|without (?:a )?condom|no condom)\W+(?:\w+\W+){0,25}?(?:morning[- ]"
                r"after pill|emergency contraception|plan b|levonelle|ellaone|ella\b|(?:emergency "
                r"|copper )coil)",
                r"(?:morning[- ]after pill|emergency contraception|plan b|levonelle|ellaone)\W+"
                r"(?:\w+\W+){0,25}?(?:unprotected|without (?:a )?condom|no condom|condom (?:\w+ )?"
                r"(?:broke|split|came off))"),
        ),
    ),
    Concept(
        "pain that comes in waves",
        "See a doctor or urgent care today: pain that comes in waves from the back or side "
        "towards the groin is often a kidney stone; go to an emergency department with fever or "
        "shivering, vomiting that does not stop, or pain that painkillers do not control.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:pain|cramp\w*|ache)\W+(?:\w+\W+){0,3}?(?:comes? and goes|comes? in waves|in "
                r"waves)\W+(?:\w+\W+){0,6}?(?:back|side|flank|groin|loin|kidney)",
                r"(?:back|side|flank|loin|kidney)\W+(?:\w+\W+){0,6}?(?:groin|testicle|vagina|"
                r"bladder)\W+(?:\w+\W+){0,4}?(?:waves|comes? and goes)",
                r"(?:pain|ache|cramp\w*) in (?:my |his |her |the )?(?:\w+ )?(?:side|flank|loin|"
                r"back|kidney)\W+(?:\w+\W+){0,5}?(?:coming|comes?) in waves",
                r"waves of (?:\w+ )?(?:pain|cramp\w*|agony)\W+(?:\w+\W+){0,6}?(?:back|side|"
                r"flank|groin|loin|kidney)",
                r"(?:waves|comes? and goes)\W+(?:\w+\W+){0,4}?from (?:my |his |her |the )?"
                r"(?:back|side|flank|loin)\W+(?:\w+\W+){0,2}?(?:to|into|down to) (?:my |his |"
                r"her |the )?groin"),
        ),
    ),
    Concept(
        OPEN_FRACTURE,
        f"{_CALL}: bone seen in a wound or through the skin is an open fracture, which needs "
        "surgery and antibiotics within hours. Cover it with a clean dressing, press around "
        "(not on) the bone if it bleeds, keep the limb still, and do not drive or push the bone "
        "back; go to an emergency department only if an ambulance cannot come.",
        sudden=True,
        signs=(
            _rx(r"bones?\W+(?:\w+\W+){0,2}?(?:showing|visible|exposed) (?:in|through|out of) "
                r"(?:it|the (?:cut|wound|gash|skin)|(?:my|his|her) (?:skin|leg|arm|shin|finger))",
                r"(?:cut|wound|gash)\W+(?:\w+\W+){0,6}?(?:white |the |a )?bone (?:showing|"
                r"visible|exposed|sticking out|poking out)",
                r"bones?\W+(?:\w+\W+){0,3}?(?:sticking|poking|came|coming|pushing|popping) "
                r"(?:out of|through) (?:the|his|her|my) skin"),
        ),
    ),
    Concept(
        "missed dialysis with warning signs",
        f"{_CALL} or go to an emergency department now: after a missed dialysis, weakness, "
        "heaviness of the legs, palpitations or breathlessness can mean a dangerously high "
        "potassium or fluid in the lungs; tell your dialysis unit on the way.",
        signs=(
            _given((r"(?:missed|skipped|didn'?t go to|did not go to|couldn'?t get to|not had|"
                    r"haven'?t had) (?:my |his |her |a |the |last )?(?:\w+ )?dialysis",),
                   _AFTER_MISSED_DIALYSIS),
            _given((r"\w*dialysis", r"(?:missed|skipped|didn'?t go to|did not go to|not had) "
                    r"(?:\w+ ){0,4}?(?:sessions?|runs?|treatments?|slots?)"),
                   _AFTER_MISSED_DIALYSIS),
        ),
    ),
    Concept(
        "bloody diarrhoea",
        "See a doctor or urgent care today: diarrhoea with blood in it, above all with a fever, "
        "after travel, or in a child or an older person, needs a stool test and sometimes "
        "antibiotics; drink often, and go to an emergency department for heavy bleeding, "
        "dizziness or fainting, severe belly pain, or no urine for 12 hours.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"bloody (?:diarrh\w*|runs|poo\w*|stools?)",
                r"diarrh\w*\W+(?:(?!(?:no|not|without|never|any)\b)\w+\W+){0,8}?(?:with "
                r"|of |and )?(?:some |bits of |streaks of |lots of )?(?:blood|bloody)\b"
                r"(?! tests?| pressure| sugar| results?| work)"),
        ),
    ),
    Concept(
        INFECTED_JOINT,
        "Go to an emergency department now: a hot, swollen joint with a fever can be an "
        "infected joint (septic arthritis), which can damage the joint within hours and needs "
        "treatment in hospital; in a child, a fever with a limp or refusing to walk needs "
        "seeing now too. A fever medicine can hide the fever but does not treat the joint.",
        signs=(
            _given((rf"{_FEVERISH}|shiver\w*|rigou?rs|chills",), _HOT_JOINT,
                   unless=(r"(?:dr|doctor|gp|physician|rheumatologist) (?:\w+ )?(?:said|says|"
                           r"diagnosed|confirmed)|diagnosed (?:it |this )?(?:as|with)",)),
        ),
    ),
    Concept(
        "hot swollen joint",
        "See a doctor today: a joint that turns red, hot and swollen over hours may be gout, but "
        "an infected joint has to be ruled out the same day; go to an emergency department now "
        "with a high temperature or shivering, or if you feel very unwell.",
        urgency=SAME_DAY,
        signs=(
            # not a nail, a bunion or a bite beside the joint, nor a flare a doctor has named
            _given((),
                   _HOT_JOINT,
                   unless=(r"ingrown|toe ?nails?|nail bed|bunion|splinter|bitten|\bbite|sting|"
                           r"stung|chilblains?|(?:every|each|in|in the) winter|when (?:it'?s|its) "
                           r"cold|cold (?:weather|snap)|(?:warm|warming|heat|heating) (?:them|it|"
                           r"my (?:feet|toes|hands|fingers)) up|(?:by|near|after|in front of) "
                           r"the (?:heater|fire|radiator)|"
                           r"(?:hip|joint|knee) replacement|(?:dr|doctor|gp|physician|"
                           r"rheumatologist|nurse) (?:\w+ )?(?:said|says|diagnosed|confirmed)|"
                           r"diagnosed (?:it |this )?(?:as|with)|(?:on|started|taking|prescribed) "
                           r"(?:\w+ ){0,2}?(?:indomethacin|colchicine|naproxen|prednisolone)",)),
        ),
    ),
    Concept(
        "swelling behind the ear",
        "See a doctor today: redness, swelling or tenderness behind the ear, or an ear that "
        "sticks out more than the other, after an ear infection can be mastoiditis, an infection "
        "of the bone behind the ear that needs antibiotics; go to an emergency department now "
        "with a high fever, a severe headache, drowsiness or a stiff neck.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:ear|earlobe) (?:is |has )?(?:\w+ )?(?:sticking|pushed|poking|standing) "
                r"(?:out|forward)"),
            _given((r"ear ?infection|ear ?ache|ear pain|otitis|(?:ear|ears) (?:\w+ )?(?:hurt\w*|"
                    r"sore|discharg\w*|leak\w*)|temp\w*|fever",),
                   r"behind (?:my|his|her|the|their) ears?\W+(?:\w+\W+){0,4}?(?:red|swollen|"
                   r"swelling|tender|puffy|hot)|(?:bit|area|skin|bone) behind (?:my|his|her|the) "
                   r"ears? (?:is |has gone |went |gone )?(?:\w+ )?(?:red|swollen|puffy|hot)"),
        ),
    ),
    Concept(
        "serious problem after an operation",
        f"{_CALL} or go to an emergency department now: in the days after an operation, a belly "
        "that swells and hurts all over with a fever or a racing pulse can be a leak or an "
        "infection inside, and a neck that swells with noisy or hard breathing can close the "
        "airway; tell them what operation it was and when.",
        signs=(
            _given((_OPERATED, r"temp\w*|fever\w*|\b3[89](?:[.,]\d)?\b|heart rate|pulse|"
                    r"all over|vomit\w*|being sick"),
                   r"(?:belly|tummy|abdomen|stomach)\W+(?:\w+\W+){0,3}?(?:getting |more |"
                   r"increasingly |really |very )*(?:swollen|distended|rigid|hard as a board)"),
            _given((_OPERATED,),
                   r"(?:neck|throat)\W+(?:\w+\W+){0,5}?(?:swollen|swelling|tight)\W+"
                   r"(?:\w+\W+){0,12}?(?:breath\w*|noisy|stridor|wheez\w*|struggl\w*)"),
        ),
    ),
    Concept(
        "wound problem after an operation",
        "Call your surgical team, doctor or urgent care today: a surgical wound that leaks pus "
        "or cloudy fluid, smells, opens up or grows red and more painful, above all with a "
        "temperature, may be infected, and a tense swelling after an operation can be a "
        "collection of blood; go to an emergency department if you feel very unwell or "
        "shivery, or the redness spreads fast.",
        urgency=SAME_DAY,
        signs=(
            _given((_OPERATED,),
                   r"(?:wound|scar|incision|cut|stitches|staples|site)\W+(?:\w+\W+){0,10}?"
                   r"(?:leak\w*|ooz\w*|weep\w*|pus\b|discharg\w*|smell\w*|gap\w*|opened up|"
                   r"come apart|coming apart|split open|yellow stuff)|"
                   r"(?:scrotum|testicles?|balls)\W+(?:\w+\W+){0,4}?(?:swell\w*|swollen)\W+"
                   r"(?:\w+\W+){0,6}?(?:size of|tight|purple|black|huge|massive)"),
        ),
    ),
    Concept(
        "asthma getting worse",
        "See your doctor or urgent care today: needing the reliever inhaler every four hours or "
        "more often, waking at night, or a peak flow below three-quarters of your best means an "
        "asthma attack is building and may need steroid tablets; call your local emergency "
        "number (or go to an emergency department) if the reliever does not help, you cannot "
        "finish a sentence, or your lips turn blue.",
        urgency=SAME_DAY,
        signs=(
            _rx(rf"{_RELIEVER_NAMED}\W+(?:\w+\W+){{0,4}}?every (?:1|2|3|4|one|two|three|four|"
                r"couple of|few|hour|2-3|3-4|2 to 3|3 to 4|1-2)(?: ?-? ?\d)? ?(?:hours?|hrs?|"
                r"hourly)?\b",
                r"peak flow\W+(?:\w+\W+){0,4}?[2-7]\d(?= ?(?:%|percent|per cent))"),
            # the reliever needed four or more times a day (told, not asked, and not in COPD,
            # whose flare the card does not describe)
            _given((), rf"{_RELIEVER_NAMED}\W+(?:\w+\W+){{0,4}}?(?:[4-9]|four|five|six|seven|"
                   r"eight|several|loads of|lots of)(?: or (?:[5-9]|five|six|seven|eight))? "
                   r"times (?:a|per|each) day",
                   unless=(r"copd|emphysema|bronchitis|(?:can|may|should|could) (?:i|he|she|we|"
                           r"they) (?:\w+ ){0,3}?(?:more than|up to)",)),
            # the reliever needed more and asthma waking them at night
            _given((r"asthma\w*|inhaler|puffer|reliever|ventolin|salbutamol|albuterol",),
                   r"(?:wak\w+|woke|woken) (?:her|him|me|them|us)? ?(?:up )?(?:at night|in the "
                   r"night|every night|most nights)"),
        ),
    ),
    Concept(
        "raised ketones",
        "Follow your sick-day rules and call your diabetes team or doctor today: blood ketones "
        "above 0.6 mmol/L while ill need extra insulin and a recheck within two hours, and "
        "above 1.5 mean a risk of ketoacidosis; go to an emergency department now if ketones "
        "reach 3, or with vomiting, belly pain, or fast or deep breathing.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"ketones?\W+(?:\w+\W+){0,4}?(?:0[.,][6-9]|[12][.,]\d|[12] ?mmol)\b"
                r"(?! ?(?:%|percent))"),
        ),
    ),
    Concept(
        "large burn on a child",
        "Go to an emergency department now (call your local emergency number if the child is "
        "drowsy or breathing is hard): a scald or burn on a baby's or young child's chest, "
        "belly or back, or one larger than the child's hand, needs hospital care. Keep cooling "
        "it under cool running water for 20 minutes, cover it loosely with cling film, keep "
        "the child warm, and put no cream on it.",
        signs=(
            _given((_SCALDED, _BURNED_CHILD, r"blister\w*|red|raw|peel\w*|white"),
                   r"(?:onto|on|over|down) (?:his|her|their|the|its) (?:chest|tummy|belly|stomach|"
                   r"back|front)|(?:bigger|larger|more) than (?:my|his|her|their|the|a|an "
                   r"adult'?s) (?:hand|palm)"),
        ),
        exclusions=(_rx(r"sun ?burn\w*"),),
    ),
    Concept(
        "burn that needs care",
        "Get the burn seen today at urgent care, a minor injuries unit or your doctor: a burn "
        "that blisters in a baby or young child, or one on the face, hands, feet, genitals or "
        "over a joint, needs assessing. Cool it under cool running water for 20 minutes and "
        "cover it loosely with cling film; go to an emergency department for a large or deep "
        "burn, or call your local emergency number for breathing trouble.",
        urgency=SAME_DAY,
        signs=(
            _given((rf"{_SCALDED}|hot (?:mug|cup|pan|iron)", _BURNED_CHILD), r"blister\w*"),
            _given((r"burn|burns|burned|burnt|scald\w*|boiling|hot (?:water|oil|tea|coffee|soup|"
                    r"drink|mug|cup|pan|iron|tray|plate|dish)|baking tray|oven|kettle|steam",
                    r"palms?|hands?|face|feet|foot|groin|genitals?|knees?|elbows?|large|big|"
                    r"huge"),
                   r"blister\w*", unless=(r"(?:one |a )?(?:small|tiny|little) blister",)),
        ),
        exclusions=(_rx(r"sun ?burn\w*", r"(?:razor|carpet|rug|friction) ?burn\w*"),),
    ),
    Concept(
        "pregnancy with a coil or after sterilisation",
        "See a doctor or an early pregnancy unit today: a pregnancy that starts with a coil in "
        "place or after sterilisation is more often ectopic (outside the womb), which an early "
        "scan checks. Go to an emergency department now for one-sided belly pain, pain at the "
        "tip of the shoulder, bleeding, dizziness or fainting.",
        urgency=SAME_DAY,
        signs=(
            _given((r"\bcoil\b|\biud\b|\bius\b|mirena|kyleena|jaydess|copper t|tubes? (?:\w+ )?"
                    r"(?:tied|clipped|cut)|sterili[sz]\w*|tubal ligation|essure",),
                   r"positive (?:pregnancy )?test|(?:test|tests) (?:\w+ ){0,2}?(?:positive|"
                   r"came up pregnant)|(?:i'?m|i am|she'?s|she is) pregnant|(?:two|2) (?:pink |"
                   r"blue )?lines"),
        ),
    ),
    Concept(
        "diarrhoea or vomiting on cancer treatment",
        "Call your cancer team's 24-hour helpline (or your doctor) today, whatever the time: "
        "diarrhoea four or more times a day, vomiting, or any fever on chemotherapy, "
        "capecitabine or immunotherapy can become dangerous quickly and may mean stopping the "
        "tablets; go to an emergency department for a temperature of 38°C (100.4°F) or more, "
        "shivering, or feeling very unwell.",
        urgency=SAME_DAY,
        signs=(
            _given((r"chemo\w*|capecitabine|xeloda|fluorouracil|5-?fu|irinotecan|oxaliplatin|"
                    r"folfox|folfiri|immunotherapy|pembrolizumab|keytruda|nivolumab|opdivo|"
                    r"ipilimumab",),
                   r"diarrh\w*|the runs|loose (?:stools|poos?|bowels)|vomit\w*|being sick|"
                   r"been sick|throw\w* up|threw up"),
        ),
    ),
    Concept(
        TOO_MUCH_INSULIN,
        "Act now: extra insulin can bring a dangerous low blood sugar hours later, in the night "
        "too. Check the sugar now and every hour or two (set alarms), eat extra carbohydrate to "
        "keep it up, do not sleep alone until it is steady, and call your diabetes team, "
        "out-of-hours line or Poison Control now for how much to eat and how long to watch. "
        "Call your local emergency number if a low will not come up, or the person is very "
        "drowsy, confused, cannot swallow or has a fit (use glucagon if prescribed).",
        signs=(
            _given((_INSULIN,), _DOUBLE_DOSE),
            _given(
                (_INSULIN,),
                r"(?:took|taken|did|done|injected|jabbed|gave|given|had|used|put in) (?:\w+ ){0,3}?"
                rf"(?:{_INSULIN}) (?:\w+ ){{0,2}}?twice(?! (?:a|per|each|every) (?:day|daily|week))"
                r"(?! daily)|(?:another|a second|an extra|second) (?:\d+ ?(?:units?)?|dose|shot|"
                r"injection|jab)\b[^.?!]{0,60}?\b(?:by mistake|by accident|accidentally)\b|"
                r"(?:by mistake|by accident|accidentally) (?:\w+ ){0,3}?(?:did|done|injected|"
                r"jabbed|gave|given|took|taken|had|used) (?:\w+ ){0,3}?(?:another|a second|an "
                r"extra|second|double|twice)",
            ),
        ),
    ),
    Concept(
        POSSIBLE_NEW_DIABETES,
        "See a doctor today and ask for a blood sugar test (a finger-prick test gives the answer "
        "in minutes): great thirst with passing a lot of urine, new bedwetting, weight loss or "
        "tiredness can be diabetes, which in a child can turn dangerous within days. Go to an "
        "emergency department now if there is vomiting, tummy pain, fast or deep breathing, or "
        "drowsiness.",
        urgency=SAME_DAY,
        signs=(
            _given(
                (_THIRST,),
                rf"{_PEEING_A_LOT}|(?:started |begun |began )?wetting (?:the |his |her |their )?"
                r"bed (?:again|at night)|bed ?wetting (?:again|has started)|(?:lost|losing) "
                r"(?:\w+ )?weight|(?:seems?|looks?|getting|got|is) (?:a lot |much |so )?thinner|"
                rf"weight loss|{_UNPLANNED_WEIGHT_LOSS}",
                # known diabetes has its own cards; drinking on purpose or drinking alcohol
                # explains the thirst and the peeing
                unless=(
                    r"diabet\w*|insulin|metformin|type (?:1|2|one|two)\b|diet\w*|on purpose|"
                    r"trying to drink|hydrat\w*|alcohol|beers?|wine|booze|pints|vodka|lager|"
                    r"drunk|hangover|heat ?wave|hot weather|(?:this|the) heat|running|marathon|"
                    r"gym|prostate",
                ),
            ),
        ),
    ),
    Concept(
        "low blood sugar",
        "Treat a low blood sugar now: if the person is awake and can swallow, give fast-acting "
        "sugar (about 15–20 g: a small glass of fruit juice or non-diet fizzy drink, or 4–5 "
        "glucose tablets), check again after 15 minutes and repeat if it is still under 4 mmol/L "
        "(70 mg/dL), then give a starchy snack or meal. Call your local emergency number if they "
        "cannot swallow, are very drowsy, unconscious or having a fit: give nothing by mouth, and "
        "use glucagon if it was prescribed.",
        signs=(
            _given((r"diabet\w*|insulin|gliclazide|glipizide|glimepiride|sulfonylurea|"
                    r"sulphonylurea|type (?:1|2|one|two)|t[12]d?",),
                   rf"{_SUGAR_NOT_KETONES}\W+(?:(?:is|was|of|at|says|said|reads?|showing|shows|dropped|"
                   r"down|went|gone|to|now|just|only|reading)\W+){0,3}(?:[0-3][.,]\d|[1-3]"
                   r"(?![\d.,]))(?: ?mmol\w*)?(?! ?(?:%|percent|hours?|days?|weeks?|years?|times|"
                   r"units?))\b|(?:having|had|has|going) (?:a )?hypo\b",
                   # a pattern of lows over days is for the diabetes team, not first aid now
                   unless=(r"(?:a few|few|several|some|many|\d+|two|three|couple of) times|every "
                           r"(?:night|morning|day)|most (?:nights|mornings|days)|keeps? (?:going|"
                           r"dropping|getting)|lately|recently|this week|last week|last "
                           r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|sorted (?:it|him|her)|"
                           r"(?:was|were|felt) fine",)),
            # a low told by its signs: sweaty or shaky, then muddled, on a medicine that can
            # bring the sugar down (insulin, a sulfonylurea)
            _given((_SUGAR_LOWERING, r"sweat\w*|clammy|shak\w*|trembl\w*"),
                   r"confus\w*|muddled|talking (?:\w+ ){0,3}?(?:nonsense|rubbish|gibberish)|"
                   r"not making (?:any )?sense|"
                   r"(?:acting|behaving) (?:strange\w*|odd\w*|weird\w*|drunk)|slurr\w*",
                   unless=(r"every time|whenever|when (?:his|her|my|their) (?:blood )?(?:sugar|"
                           r"glucose)|(?:a few|several|some|many|\d+|two|three|couple of) times",)),
        ),
    ),
    Concept(
        "bleeding on a blood thinner",
        "Call your anticoagulation clinic or doctor today and ask for an INR or blood check: "
        "repeated nosebleeds, bleeding gums, blood in the urine or new bruises you cannot explain "
        "on a blood thinner can mean it is too strong (a new antibiotic can do this). Go to an "
        "emergency department for bleeding that will not stop, black stools, vomiting blood, or a "
        "bad headache.",
        urgency=SAME_DAY,
        signs=(
            _given((_ANTICOAGULANT,),
                   r"(?:[2-9]|two|three|four|five|several|a few|a couple of|repeated|lots of) nose "
                   r"?bleeds|nose ?bleeds? (?:\w+ ){0,3}?(?:[2-9]|two|three|four|several) times|"
                   r"gums? (?:\w+ ){0,2}?(?:bleed\w*|keep bleeding)|bleed\w* gums|(?:new|lots of|"
                   r"several|loads of|big|unexplained|random) bruis\w*|bruis\w* (?:\w+ ){0,4}?"
                   r"(?:can'?t remember|for no reason|out of nowhere)|blood in "
                   r"(?:my|his|her|the) (?:pee|wee|urine)|(?:pee|wee|urine) (?:is |looks |has "
                   r"gone |went )?(?:pink|red|bloody)",
                   unless=(r"(?:always|years|as long as i can remember|normal for me|easily|"
                           r"barely (?:bump|knock|touch)\w*|thin skin|skin tears?|(?:\w+ )?months "
                           r"ago|for months|stops? (?:straight|right) away)\b",)),
        ),
    ),
    Concept(
        "high fever in a baby under 6 months",
        "Call your doctor or an out-of-hours service now to have the baby seen today: a "
        "temperature of 39°C (102.2°F) or more in a baby aged 3 to 6 months needs checking even "
        "if the baby seems well; go to an emergency department if the baby is floppy, hard to "
        "wake, breathing hard or has a rash that does not fade.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:[3-5]|three|four|five)[- ]?(?:months?|mos?|mths?)[- ]old|(?:baby|son|"
                    r"daughter|she|he|infant)(?:'s| is)? (?:[3-5]|three|four|five) (?:months?|mos?|"
                    r"mths?)(?! ago| pregnant)",),
                   r"(?:temp\w*|fever|thermometer|reading)\W+(?:\w+\W+){0,3}?(?:39|40|41)"
                   r"(?:[.,]\d+)?|(?:39|40|41)(?:[.,]\d+)?\s*(?:°|degrees?\b|c\b)|10[2-5]"
                   r"(?:[.,]\d+)?\s*(?:°|degrees?\b|f\b)"),
        ),
    ),
    Concept(
        "new irregular heartbeat",
        "See a doctor today (your practice or urgent care) for an ECG: a new fast, irregular "
        "pulse can be atrial fibrillation, which raises the risk of a stroke and is treated. "
        "Call your local emergency number for chest pain, fainting, breathlessness, or sudden "
        "weakness or trouble speaking; go to an emergency department if the pulse stays above "
        "about 130.",
        urgency=SAME_DAY,
        signs=(
            _given((r"irregular|all over the place|erratic|jumping about|chaotic|no rhythm",),
                   r"(?:pulse|heart ?rate|hr|heart)\W+(?:\w+\W+){0,3}?(?:is |of |at |around |"
                   r"about |between )?1[0-5]\d(?:\s*(?:-|to)\s*1[0-6]\d)?|(?:watch|smartwatch|"
                   r"fitbit|kardia|app)\W+(?:\w+\W+){0,3}?(?:flag\w*|detect\w*|warn\w*|alert\w*|"
                   r"notif\w*|pick\w* up|keeps saying)",
                   unless=(r"ecgs? (?:was |were |came back )?(?:normal|fine|clear)|24 ?h(?:ou)?r "
                           r"(?:tape|monitor)|holter|for years|(?:already|been) (?:diagnosed|"
                           r"checked)|on (?:bisoprolol|apixaban|warfarin|rivaroxaban|digoxin)|"
                           r"exercis\w*|running|gym|workout",)),
        ),
    ),
    Concept(
        "thirst and confusion with cancer",
        "Call your cancer team's helpline or your doctor today: great thirst, constipation, "
        "sickness and new confusion or drowsiness in someone with cancer (myeloma above all) can "
        "be a high calcium level, which is treated in hospital; go to an emergency department if "
        "they become very drowsy or confused.",
        urgency=SAME_DAY,
        signs=(
            _given((r"myeloma|cancer|chemo\w*|tumou?rs?|lymphoma|leuka?emia|oncolog\w*",
                    r"(?:very |really |so |always |constantly |extremely )?thirsty|thirst",),
                   r"confus\w*|forgetful|muddled|drowsy|not making sense|(?:not|isn'?t) "
                   r"(?:himself|herself)"),
        ),
    ),
    Concept(
        "a toe or foot changing colour",
        "See a doctor today (your practice, urgent care or a foot service): a toe or part of the "
        "foot turning dark, blue or black, or foot pain at night that eases when the leg hangs "
        "down, can mean the blood supply is failing, above all with diabetes or after smoking. Go "
        "to an emergency department if the foot turns cold, pale or numb.",
        urgency=SAME_DAY,
        signs=(
            _given((),
                   r"(?:toe(?!nail)|toes|foot|feet|heel)\W+(?:\w+\W+){0,4}?(?:gone|turned|going|"
                   r"turning|become|becoming) (?:a |an )?(?:\w+ )?(?:black|dusky|dark (?:blue|"
                   r"purple|colou?r|red)|blue|purple)(?: colou?r)?|(?:hang\w*|dangl\w*) (?:it|my "
                   r"(?:foot|leg)|(?:his|her) (?:foot|leg)) (?:\w+ )?(?:over|out of|off) (?:the )?"
                   r"(?:side of the )?bed",
                   unless=(r"bruis\w*|stubb\w*|dropped|nail (?:polish|varnish)|raynaud\w*|"
                           r"chilblains?|(?:in|from) the cold|football|kicked|trod on|stepped on|"
                           r"toenail",)),
        ),
    ),
    Concept(
        "injured nose blocked on both sides",
        "See a doctor or an emergency department today: after a knock to the nose, both sides "
        "blocked or a soft swelling inside the nose can be a blood collection that needs "
        "draining within a day or two to save the nose's shape.",
        urgency=SAME_DAY,
        signs=(
            _given((r"nose|nasal",
                    r"hit|elbow\w*|punch\w*|ball|fell|fall|knock\w*|bang\w*|smack\w*|head[- ]?butt"
                    r"\w*|collid\w*|injur\w*|broke|broken"),
                   r"both (?:sides|nostrils) (?:\w+ )?(?:completely |totally |fully )?(?:blocked|"
                   r"bunged|swollen shut|closed)|(?:soft |purple\w* |dark |red )?swelling (?:\w+ )"
                   r"{0,3}?inside (?:my|his|her|the) nose|swelling (?:\w+ ){0,3}?(?:on )?(?:the )?"
                   r"(?:middle wall|septum)"),
        ),
    ),
    Concept(
        "infected ear cartilage",
        "See a doctor today (your practice or urgent care): a red, hot, swollen upper ear after a "
        "piercing or injury can be an infection of the cartilage, which needs antibiotics soon "
        "to keep the ear's shape; go to an emergency department if it spreads fast or with a "
        "fever.",
        urgency=SAME_DAY,
        signs=(
            _given((r"pierc\w*|cartilage", r"ears?"),
                   r"lost (?:its|it'?s) shape|misshapen|(?:red|swollen),? (?:\w+,? ){0,3}?(?:hot|"
                   r"swollen)|(?:hot|swollen),? (?:\w+,? ){0,3}?(?:red|swollen)"),
        ),
        exclusions=(_rx(r"ear ?lobes?", r"lobe"),),
    ),
    Concept(
        "red swollen eyelid getting worse",
        "See a doctor today (your practice or urgent care): a red, swollen eyelid that is "
        "getting worse can be an infection of the skin around the eye, which needs antibiotics; "
        "go to an emergency department now if moving the eye hurts, the sight blurs or doubles, "
        "or the eye bulges.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:swollen|puffy),? (?:and )?red (?:\w+ )?eyelids?|red,? (?:and )?(?:swollen|"
                    r"puffy) (?:\w+ )?eyelids?|eyelids? (?:is |are |has gone |went )?(?:red|"
                    r"swollen|puffy),? (?:and )?(?:red|swollen|puffy)",),
                   r"getting (?:\w+ )?(?:puffier|worse|bigger|more swollen|redder|more red)|"
                   r"spread\w*|(?:swelling|puffiness) (?:is )?(?:increasing|growing)|(?:nearly|"
                   r"almost|completely|half|swollen) (?:\w+ )?(?:closed|shut)|can'?t open (?:it|"
                   r"(?:his|her|my|the) eye)"),
            # a newborn's sticky eye with swollen lids: an infection caught at birth
            _given((_YOUNG, r"eyelids? (?:\w+ ){0,2}?swollen|swollen (?:\w+ )?eyelids?"),
                   r"sticky eyes?|(?:yellow|green) (?:gunk|pus|discharge|goo)|pus"),
        ),
    ),
    Concept(
        "flare of diverticulitis",
        "See a doctor today (your practice or urgent care): pain low on the left side with a "
        "temperature in someone with diverticular disease can be diverticulitis, which may need "
        "antibiotics; go to an emergency department for severe pain, vomiting, a hard belly, "
        "or blood from the back passage.",
        urgency=SAME_DAY,
        signs=(
            _given((r"diverticul\w*", r"pain\w*|tender\w*|hurts?|ache"),
                   r"temp\w*|fever\w*|shiver\w*|chills|high temperature|3[89][.,]\d|37[.,][5-9]"),
        ),
    ),
    Concept(
        "new back pain after cancer",
        "See your doctor or cancer team within a day or two, not at the next check-up: new back "
        "pain that is worse lying down or wakes you at night after a cancer can be the cancer in "
        "the spine, which is treated best early. Go to an emergency department the same day "
        "for weak or numb legs, or trouble passing urine or controlling the bowels.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:had|have|history of|treated for|survivor|finished (?:treatment|chemo\w*|"
                    r"radiotherapy) for|diagnosed with) (?:\w+ ){0,3}?(?:cancer|lymphoma|myeloma)|"
                    r"(?:breast|prostate|lung|kidney|thyroid|bowel) cancer",
                    r"back\b"),
                   r"(?:worse|bad|worst|hurts|agony) (?:\w+ ){0,3}?(?:at night|lying (?:down|flat)|"
                   r"in bed)|(?:wakes?|woke|waking) (?:me|him|her) (?:up)?"),
        ),
    ),
    Concept(
        "swallowed object in a child",
        "Take the child to an emergency department or urgent care today: a swallowed coin or "
        "other small object that brings drooling, pain, vomiting, coughing or trouble swallowing "
        "may be stuck in the food pipe and needs an X-ray. Call your local emergency number for "
        "choking or breathing trouble, and go now if it may be a button battery or magnets.",
        urgency=SAME_DAY,
        signs=(
            _given((_CHILD, r"drool\w*|vomit\w*|being sick|been sick|throw\w* up|threw up|"
                    r"(?:tummy|stomach|chest|belly|throat) (?:\w+ )?(?:pain|ache|hurts?)|cough\w*|"
                    r"chok\w*|gag\w*|(?:won'?t|can'?t|cannot|not) (?:eat|swallow|drink)\w*"),
                   r"swallow\w* (?:a |an |the |some |one of (?:the |my |his |her )?)?(?:\w+ )?"
                   r"(?:coins?|penny|pennies|[125]0?p|marbles?|beads?|screws?|nails?|pins?|"
                   r"earrings?|(?<!button )buttons?(?! batter)|lego|keys?|tacks?|drawing pins?|"
                   r"stones?|"
                   r"pebbles?)\b(?! batter)",
                   unless=(r"\bno (?:\w+ )?(?:coughing|choking|drooling|pain|vomiting|gagging)\w* "
                           r"(?:or|and|nor) |(?:totally|completely|absolutely|perfectly) fine|"
                           r"do not eat",)),
        ),
    ),
    Concept(
        "painful swelling at the vaginal opening",
        "See a doctor, a sexual health clinic or urgent care today: a painful swelling at the "
        "entrance of the vagina that makes it hard to sit or walk, or comes with a temperature, "
        "can be an abscess that needs draining; do not squeeze it. Go to an emergency department "
        "if you feel very unwell.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:swelling|lump|cyst|boil)\W+(?:\w+\W+){0,8}?(?:vagina\w*|vulva\w*|labia\w*)"
                    r"|(?:vagina\w*|vulva\w*|labia\w*)\W+(?:\w+\W+){0,4}?(?:swelling|lump|"
                    r"swollen)",),
                   r"(?:can'?t|cannot|hard to|barely) (?:\w+ )?(?:sit|walk)|temperature|fever\w*|"
                   r"golf ball|size of an? (?:egg|plum|golf ball)"),
        ),
    ),
    Concept(
        URINE_INFECTION_IN_A_CHILD,
        "Pain on passing urine, with a fever, strong-smelling urine or a red, sore opening, in "
        "a young child can be a urine or skin infection, which needs a urine test and often "
        "antibiotics: see a doctor today. "
        "Go to an emergency department or call your local emergency number if the child is "
        "floppy, hard to wake, vomiting everything or not drinking.",
        urgency=SAME_DAY,
        signs=(
            _given((_SMALL_CHILD, _FEVERISH),
                   r"(?:cries|crying|screams|screaming|hurts?|stings?|burns?|pain\w*) (?:\w+ )?"
                   r"(?:when|while|as|to) (?:she |he |they )?(?:wees?|pees?|urinat\w*|does a wee|"
                   r"goes to the toilet)|(?:wee|pee|urine) (?:\w+ )?(?:smells?|is smelly|stinks?)|"
                   r"smelly (?:wee|pee|urine)"),
            _given((rf"{_SMALL_CHILD}|{_CHILD_AGE_TOLD}", r"red|swollen|sore"),
                   r"(?:cries|crying|screams|screaming|hurts?|stings?|burns?|pain\w*) (?:\w+ )?"
                   r"(?:when|while|as|to) (?:she |he |they )?(?:wees?|pees?|urinat\w*|does a wee|"
                   r"goes to the toilet)"),
        ),
    ),
    Concept(
        "urine infection with a fever",
        "Burning or pain when passing urine with a fever or shivers can be an infection that "
        "has reached the kidneys: see a doctor or urgent care today for a urine test and "
        "antibiotics. Go to an emergency department if you are vomiting and cannot keep "
        "fluids or tablets down, feel confused or faint, or have pain in your back or side.",
        urgency=SAME_DAY,
        signs=(
            _given((_FEVERISH,),
                   r"(?:hurts?|stings?|burns?|burning|stinging|pain\w*) (?:\w+ ){0,2}?(?:when|"
                   r"while|as) (?:i |she |he |they |you )?(?:wee\w*|pee\w*|urinat\w*|pass(?:ing)? "
                   r"(?:urine|water))|(?:burning|stinging|pain) (?:when|on) (?:peeing|weeing|"
                   r"urinating|passing urine)",
                   unless=(_SMALL_CHILD,)),
        ),
    ),
    Concept(
        CHEST_PAIN_THAT_PASSED,
        "Chest pain or tightness in the last few days that lasted minutes and then went, "
        "above all at rest or with heart disease in the family, can be angina or a warning of a "
        "heart attack: see a doctor today. Call your local emergency number (911 in the US) now "
        "if it comes back, lasts more than 15 minutes, or comes with breathlessness, sweating "
        "or sickness.",
        urgency=SAME_DAY,
        exposure=True,
        signs=(
            _given((r"(?:yesterday|last night|(?:two|2|three|3|a couple of|a few|few) days ago|"
                    r"this morning|earlier today|on (?:monday|tuesday|wednesday|thursday|friday|"
                    r"saturday|sunday))",
                    r"lasted (?:about |around |for |maybe |like )?(?:\d+|five|ten|fifteen|twenty|"
                    r"thirty|a few|several) (?:min\w*)"),
                   r"(?:tight|heavy|crushing|squeez\w*|pressing|sharp) (?:\w+ )?(?:pain|feeling|"
                   r"pressure|band)? ?(?:in|across|on|over) (?:my |his |her |the )?chest|chest "
                   r"(?:pain|tightness)"),
        ),
    ),
    Concept(
        CHEST_PAIN_ON_EXERTION,
        "Chest tightness, pressure or pain that comes on with exercise or effort and eases with "
        "rest can be angina, a sign the heart is short of blood: stop the exercise and see a "
        "doctor today, before exercising again. Call your local emergency number (911 in the US) "
        "now if it comes at rest, lasts more than 15 minutes, or comes with sweating, sickness "
        "or breathlessness.",
        urgency=SAME_DAY,
        signs=(
            _given((r"runs?|running|ran|jog\w*|walk\w*|exercis\w*|exertion|stairs|hills?|uphill|"
                    r"gym|cycl\w*|climb\w*|dig\w*|workouts?|training",
                    r"(?:goes|go|went|going) away|eases?|eased|easing|settles?|settled|passes|"
                    r"wears off|stops? (?:when|if|after)|better (?:when|if|after)"),
                   r"(?:tight|heavy|squeez\w*|pressing|crushing|constrict\w*) (?:\w+ ){0,2}?"
                   r"(?:pain|feeling|sensation|pressure|band|ache)? ?(?:in|across|on|over|round|"
                   r"around) "
                   r"(?:my |his |her |the )?chest|chest (?:pain|tightness|pressure|discomfort)|"
                   r"tight chest|chest (?:gets|goes|feels|got|went) (?:\w+ )?tight",
                   unless=(r"asthma\w*|inhaler|wheez\w*|pulled (?:a )?muscle|(?:years|months) "
                           r"ago",)),
        ),
    ),
    Concept(
        BACK_PAIN_AFTER_CANCER,
        "New back or neck pain after cancer, above all pain that is worse at night or lying down, "
        "can be the cancer coming back in the spine: see a doctor or call your cancer team "
        "today. Go to an emergency department now if the legs turn weak or numb, or bladder or "
        "bowel control changes.",
        urgency=SAME_DAY,
        exposure=True,
        signs=(
            _given((r"(?:had|treated for|treatment for|history of|survived|diagnosed with|"
                    r"survivor of|recovered from) (?:\w+ ){0,2}?cancer|cancer (?:survivor|\w+ "
                    r"(?:years?|months?) ago)|(?:mastectomy|lumpectomy|chemo\w*|radiotherapy|"
                    r"radiation therapy) (?:\w+ ){0,4}?(?:years?|months?) ago",),
                   r"new (?:\w+ ){0,3}?pain in (?:my|his|her|the) (?:\w+ )?(?:back|spine|neck)|"
                   r"new (?:\w+ )?(?:back|spine|neck) pain|(?:back|spine|neck)\W+(?:\w+\W+){0,8}?"
                   r"worse (?:at night|when (?:i |he |she )?lie|lying down|in bed)"),
        ),
    ),
    Concept(
        COPD_FLARE,
        "A COPD flare-up, more breathless than usual with more or discoloured phlegm, needs "
        "treatment today: start the rescue pack if you have one and your plan says so, and tell "
        "your doctor or COPD nurse today. Call your local emergency number (911 in the US) if "
        "too breathless to speak, confused, drowsy, or the lips turn blue.",
        urgency=SAME_DAY,
        signs=(
            _given((r"copd|emphysema|chronic bronchitis",
                    r"(?:phlegm|sputum|mucus|spit)\W+(?:\w+\W+){0,4}?(?:green|yellow|brown|thick|"
                    r"darker|more)|(?:green|yellow|brown|thick|more) (?:\w+ )?(?:phlegm|sputum|"
                    r"mucus)"),
                   r"more (?:out of breath|breathless|short of breath)|(?:out of breath|breathless|"
                   r"short of breath) (?:\w+ )?(?:more|than usual|than normal)|rescue pack|"
                   r"standby (?:pack|antibiotics|steroids)"),
        ),
    ),
    Concept(
        POSSIBLE_PNEUMONIA,
        "A fever and cough with pain on breathing in, rusty or bloody phlegm, or fast "
        "breathing can be pneumonia: see a doctor today. Call your local emergency number (911 "
        "in the US) if breathless at rest, confused, or the lips turn blue.",
        urgency=SAME_DAY,
        signs=(
            _given((_FEVERISH, r"cough\w*"),
                   r"pain (?:\w+ ){0,4}?(?:when|as|if|on) (?:i |he |she |you )?(?:take a (?:deep )?"
                   r"breath|breath\w* in|breathe|deep breath\w*)|rusty|(?:breathing|breaths?) "
                   r"(?:a bit |a little |much |a lot )?(?:quicker|faster)"),
            _given((r"chest infection|pneumonia|(?:green|yellow|brown) (?:phlegm|sputum|mucus)",
                    rf"{_FEVERISH}|temp\w*"),
                   r"(?:getting|got|gets) worse(?: not better)?|not (?:getting )?better|"
                   r"breathless\w*|short of breath|out of breath"),
        ),
    ),
    Concept(
        FAST_BREATHING_IN_A_CHILD,
        "A young child breathing faster than usual, with a cold or a wheeze, needs a doctor "
        "today. Call your local emergency number (911 in the US) now if the skin sucks in "
        "between or under the ribs, the child grunts, is too breathless to feed or talk, or "
        "turns pale or blue.",
        urgency=SAME_DAY,
        signs=(
            _given((_SMALL_CHILD,),
                   r"(?:breathing|breaths?|breathes) (?:is )?(?:a bit |a little |slightly |much |a "
                   r"lot |really |very )?(?:quicker|faster|fast|rapid)",
                   unless=(r"(?:when|after|while) (?:\w+ ){0,2}?(?:running|playing|crying|excited|"
                           r"exercis\w*|active|sport)",)),
        ),
    ),
    Concept(
        DRY_SOCKET,
        "Pain that gets worse a few days after a tooth was taken out, often up to the ear and "
        "with a bad taste, can be a dry socket or an infection: see your dentist or an urgent "
        "dental service today. Go to an emergency department for swelling of the face or neck, "
        "a fever, or trouble swallowing or breathing.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:tooth|teeth|molar|wisdom tooth) (?:\w+ )?(?:pulled|out|removed|"
                    r"extracted|taken out)|extraction",),
                   r"(?:pain|ache|throbbing)\W+(?:\w+\W+){0,4}?(?:worse|getting worse|going "
                   r"(?:up )?(?:to|into) (?:my |the )?ear)|(?:hole|socket) (?:\w+ )?(?:looks|is) "
                   r"empty"),
        ),
    ),
    Concept(
        "bleeding after a tooth was taken out",
        "Bite firmly on a clean rolled gauze or a damp tea bag over the socket for 30 minutes "
        "without checking it, sitting up; if it still bleeds, call your dentist or an urgent "
        "dental service today. Go to an emergency department if the bleeding is heavy, fills "
        "your mouth, or you feel faint, or you take a blood thinner and it will not stop.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:tooth|teeth|molars?|wisdom tooth) (?:\w+ )?(?:pulled|out|removed|"
                    r"extracted|taken out)|extraction",),
                   r"(?:still|keeps?|kept)\W+(?:\w+\W+){0,2}?(?:bleed\w*|ooz\w*)|"
                   r"(?:bleed\w*|ooz\w*)\W+(?:\w+\W+){0,4}?(?:won'?t stop|will not stop|not "
                   r"stopp\w*|hours? later|for hours)|(?:won'?t|will not) stop (?:bleed\w*|"
                   r"ooz\w*)"),
        ),
    ),
    Concept(
        BROKEN_ADULT_TOOTH,
        "See a dentist today, and within the hour for an adult tooth knocked out: hold it by "
        "the crown, rinse it briefly in milk, put it back in its socket or keep it in milk, and "
        "go now. A broken adult tooth with a pink or red spot in it needs a dentist today. Go to "
        "an emergency department if there is also a head injury or heavy bleeding.",
        urgency=SAME_DAY,
        signs=(
            # an age told, 12 or older: the tooth knocked out or broken is an adult one
            _given((r"(?:\bi'?m|\bim|\bi am|\bhe'?s|\bshe'?s|\bhe is|\bshe is) (?:1[2-9]|[2-9]\d)"
                    r"\b(?! ?(?:months?|weeks?|mins?|minutes?|hours?|days?|kg|lbs?|stone|%)\b)|"
                    r"\b(?:1[2-9]|[2-9]\d) ?(?:yo|y/o|"
                    r"yrs? old|years? old)|root and all|(?:the )?whole root",),
                   r"(?:tooth|teeth)\W+(?:\w+\W+){0,4}?(?:chipped|broke\w*|snapped|cracked|knocked "
                   r"out|came out|fell out)|(?:chipped|broke|broken|snapped|cracked|knocked) "
                   r"(?:\w+ ){0,5}?(?:tooth|teeth)"),
            _given((r"(?:adult|permanent|grown-up|big) (?:front )?(?:tooth|teeth)|adult one|"
                    r"permanent one",),
                   r"(?:chipped|broke|broken|snapped|cracked|knocked (?:clean |right |completely )?"
                   r"(?:out|loose)|came out|fell out|knocked (?:\w+ ){0,5}?(?:tooth|teeth) out)"),
        ),
    ),
    Concept(
        SHINGLES,
        "A painful band of blisters on one side of the body can be shingles: see a doctor or "
        "pharmacist today, as antiviral medicine works best started within 3 days, above all "
        "over 50 or with a weak immune system. Go to an emergency department now if it is near "
        "the eye or the vision changes.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:band|strip|stripe|belt|line) of (?:\w+ ){0,2}?(?:blisters|spots|bumps)",
                r"blisters?\W+(?:\w+\W+){0,5}?(?:on|down|around|along) (?:one side|the (?:left|"
                r"right) side|(?:my|his|her) (?:left|right) side)"),
        ),
    ),
    Concept(
        FIGHT_BITE,
        "A cut on the hand from someone's teeth, punching someone in the mouth included, is a "
        "human bite that infects easily and can reach the joint: see a doctor or urgent care "
        "today for cleaning and antibiotics. Go to an emergency department if the hand or "
        "finger is swollen, red, stiff or hard to move.",
        urgency=SAME_DAY,
        signs=(
            _given((r"(?:punched|hit|smacked|thumped|struck) (?:\w+ ){0,2}?in the (?:mouth|teeth|"
                    r"face|jaw)",),
                   r"(?:cut|graze|gash|wound|split|broken skin)\W+(?:\w+\W+){0,4}?(?:knuckle|"
                   r"hand|finger)|(?:knuckle|hand|finger)\W+(?:\w+\W+){0,4}?(?:cut|graze|gash|"
                   r"tooth|teeth)"),
            # told by the teeth that cut the knuckle, with what the wound does now
            _given((_KNUCKLE_ON_TEETH,),
                   r"cut|split|gash\w*|broke (?:the )?skin|broken skin|bled|bleeding|swollen|"
                   r"swelling|red|throbb\w*|pus|hurts? to (?:bend|move)|can'?t (?:bend|move)"),
        ),
    ),
    Concept(
        RAN_OUT_OF_A_VITAL_MEDICINE,
        "Running out of an epilepsy medicine, insulin, a steroid taken for months "
        "(prednisolone, hydrocortisone) or an anti-platelet medicine after a heart stent is "
        "urgent: a pharmacist can often give an emergency supply today, or call the out-of-hours "
        "service; missed doses can bring on seizures, a diabetic emergency, an adrenal crisis "
        "(weakness, vomiting, faintness) or a clot in the stent. Call your local emergency number "
        "(911 in the US) for a seizure lasting 5 minutes, vomiting and drowsiness with high "
        "sugars, or collapse after stopping steroids.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:run|ran|running|gone|going|^|i'?m|im|i am|he'?s|she'?s) ?out of (?:my |his |"
                r"her |their |the )?(?:\w+ )?"
                r"(?:levetiracetam|keppra|lamotrigine|lamictal|valproate|epilim|depakote|"
                r"carbamazepine|tegretol|phenytoin|topiramate|zonisamide|lacosamide|clobazam|"
                r"epilepsy (?:meds|medication|medicine|tablets|pills)|seizure (?:meds|medication|"
                r"medicine|tablets|pills)|anti-?epileptics?|insulin|ticagrelor|brilinta|brilique|"
                r"prasugrel|efient|clopidogrel|plavix)"),
            # a steroid taken for months, run out (the body no longer makes its own)
            _given((r"prednis\w*|hydrocortisone|fludrocortisone|dexamethasone|steroid tablets",),
                   r"(?:ran|run|running|gone|i'?ve|have) out\b(?! of\b)|(?:ran|run|running) out "
                   r"of (?:it|them|(?:my|his|her|the) (?:\w+ )?(?:tablets|pills|meds|steroids|"
                   r"prednis\w*|hydrocortisone))"),
        ),
    ),
    Concept(
        FRAIL_AND_DECLINING,
        "A sudden change in a frail older person, sleeping much more or eating and drinking "
        "much less over a day or two, can be the first sign of an infection, dehydration or a "
        "medicine problem: call their doctor today. Call your local emergency number (911 in "
        "the US) if they are hard to wake, breathing fast, or not drinking at all.",
        urgency=SAME_DAY,
        signs=(
            _given((_FRAIL,
                    r"(?:last|past) (?:\d|two|three|few|couple of) days|since (?:yesterday|"
                    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)"),
                   r"sleeping (?:a lot |much |far )?more|more (?:sleepy|drowsy|muddled|confused)|"
                   r"(?:only|just|barely) (?:picking|nibbling|eating a little)|off (?:her|"
                   r"his) food|stopped eating|not eating"),
            _given((_FRAIL,
                    r"since (?:the (?:gp|doctor|hospital|consultant) )?(?:upped|increased|raised|"
                    r"doubled|put (?:him|her) on|started (?:him|her) on|changed)"),
                   r"(?:keeps|kept) falling|drowsier|sleepier|more (?:drowsy|sleepy|confused|"
                   r"wobbly|unsteady)"),
        ),
    ),
    Concept(
        TORN_ACHILLES,
        "See a doctor today (urgent care, a minor injuries unit or an emergency department): a "
        "sudden pop, or a feeling of being kicked in the back of the heel or calf, then trouble "
        "pushing off or standing on tiptoe, can be a torn Achilles tendon, which heals best when "
        "treated within days (a boot or surgery), even if you can still walk. Rest it meanwhile.",
        urgency=SAME_DAY,
        sudden=True,
        signs=(
            _given((r"heel|ankle|calf|achilles",),
                   r"(?:heard|felt) (?:a |an |like a |something )?(?:loud )?(?:pop|snap|crack)|"
                   r"(?:like|as if|as though) (?:someone|somebody|something) (?:had )?(?:kicked|"
                   r"hit|shot|whacked|struck|kick)\w* (?:me |him |her )?(?:in )?(?:the )?"
                   r"(?:back of (?:my|his|her|the) )?(?:heel|ankle|calf|leg)|(?:can'?t|cannot|"
                   r"unable to|couldn'?t|can not) (?:go |stand |get |push |rise )?(?:up )?on "
                   r"(?:to )?(?:my |his |her )?(?:tip ?toes?|toes)",
                   # a pop as the ankle rolled over is a sprain's
                   unless=(r"(?:rolled|twisted|turned|went over on|go over on|sprained|inverted) "
                           r"(?:on )?(?:my |his |her |the |an? )?ankle|ankle (?:rolled|twisted|"
                           r"turned|gave way|went over)",)),
        ),
    ),
    Concept(
        ADULT_CHICKENPOX,
        "See a doctor or call your practice today, and say so before going in: chickenpox in an "
        "adult, in a pregnancy or in someone with weak immunity can be severe, and an antiviral "
        "medicine works best started within a day of the rash. Call your local emergency number "
        "for breathlessness, chest pain, coughing blood, drowsiness or a rash that bleeds.",
        urgency=SAME_DAY,
        signs=(
            # the writer's own chickenpox, now: an adult writing about themself
            _rx(r"(?:i'?ve|i have|i'?ve got|i got|i caught|i'?ve caught|i think i'?ve (?:got|"
                r"caught)|i think i (?:have|got|caught)|i'?m (?:\w+ )?(?:coming out|covered) in|"
                r"i (?:came|come) out in) (?:\w+ ){0,2}?chicken ?pox(?! (?:as|when|before|years|"
                r"in|at))",
                # "I'm 29 (M) and caught chickenpox from my nephew"
                r"(?:i'?m|i am|im) (?:a )?(?:1[89]|[2-9]\d)\W+(?:\(?[mf]\)?\W+)?(?:\w+\W+){0,2}?"
                r"(?:and )?(?:have |'ve )?(?:caught|got|have) chicken ?pox(?! (?:as|when|before|"
                r"years|in|at))"),
        ),
        exclusions=(_rx(r"(?:as|when i was) (?:a )?(?:kid|child|little|young|baby|teenager)",
                        r"(?:years|months) ago"),),
    ),
    Concept(
        DIALYSIS_ACCESS,
        "Call your dialysis unit now: a fistula or graft that has stopped buzzing, or is red, "
        "hot or swollen, can be a clot or an infection that is treated best within hours, and a "
        "cloudy peritoneal dialysis bag can be peritonitis. Go to an emergency department if "
        "the unit is closed, and call your local emergency number for bleeding from the fistula "
        "that does not stop with firm pressure.",
        urgency=SAME_DAY,
        signs=(
            _rx(r"(?:fistula|graft)\W+(?:\w+\W+){0,4}?(?:stopped|no longer|not|isn'?t|hasn'?t got|"
                r"lost|can'?t feel) (?:\w+ )?(?:buzz\w*|thrill|whoosh\w*|humm\w*|puls\w*|"
                r"vibrat\w*)",
                r"(?:can'?t|cannot|couldn'?t) (?:feel|hear) (?:the |a |any |its )?(?:buzz\w*|"
                r"thrill|whoosh\w*|humm\w*|puls\w*) (?:\w+ ){0,3}?fistula",
                r"fistula\W+(?:\w+\W+){0,4}?(?:red|hot|swollen|oozing|pus)\b",
                r"(?:bag|fluid|drain\w*|effluent|dialysate)\W+(?:\w+\W+){0,3}?(?:cloudy|murky|"
                r"milky)"),
        ),
        exclusions=(_rx(r"anal fistula|fistula (?:in|near|around) (?:my |the )?(?:bum|bottom|"
                        r"anus|back passage)"),),
    ),
    Concept(
        REPEATED_LOWS,
        "Call your diabetes team or doctor today: low blood sugars again and again mean a "
        "medicine dose (insulin, or a tablet such as gliclazide, which can keep the sugar low for "
        "hours) needs changing. Treat each low with fast sugar then a snack, check before "
        "driving, and call your local emergency number for someone who cannot swallow, is very "
        "drowsy or having a fit.",
        urgency=SAME_DAY,
        signs=(
            _given((r"diabet\w*|insulin|gliclazide|glipizide|glimepiride|glibenclamide|"
                    r"sulfonylurea|sulphonylurea|type (?:1|2|one|two)",),
                   r"(?:\d+|two|three|four|five|several|a few|a couple of|lots of|loads of) "
                   r"(?:\w+ )?(?:hypos|lows)\b(?! (?:a|per|each) (?:year|month))|(?:hypos|lows) "
                   r"(?:\w+ )?(?:every|most) (?:day|night|morning)|(?:keeps?|kept) (?:having|"
                   r"going) (?:\w+ )?(?:hypos|low)\b",
                   unless=(r"years ago|last year|(?:when|after) (?:i |he |she )?(?:was )?"
                           r"(?:first )?diagnosed",)),
        ),
    ),
    Concept(
        IMMUNOTHERAPY_SIDE_EFFECT,
        "Call your cancer team's acute or 24-hour line today, whatever the time: on "
        "immunotherapy, a new cough or breathlessness, diarrhoea, a rash, yellow skin or a new "
        "headache can be the immune system inflaming an organ, which needs treatment early. Call "
        "your local emergency number for severe breathlessness or chest pain.",
        urgency=SAME_DAY,
        signs=(
            _given((r"pembrolizumab|keytruda|nivolumab|opdivo|ipilimumab|yervoy|atezolizumab|"
                    r"tecentriq|durvalumab|imfinzi|cemiplimab|libtayo|avelumab|bavencio|"
                    r"dostarlimab|jemperli|checkpoint inhibitors?|immunotherapy",),
                   r"cough\w*|breathless\w*|out of breath|short of breath|diarrh\w*|the runs|loose "
                   r"(?:stools|poos?|bowels)|rash\w*|(?:yellow|jaundiced) (?:skin|eyes)|"
                   r"(?:skin|eyes) (?:\w+ )?(?:yellow|jaundiced)|headaches?|tummy pain|"
                   r"stomach pain|belly pain|blood in (?:my|his|her) (?:poo|stools?)",
                   unless=(r"allerg\w*|pollen|hay ?fever|desensiti\w*|grass|venom|dust mites?|"
                           r"before (?:i |he |she )?started|(?:finished|stopped|completed) "
                           r"(?:\w+ ){0,2}?(?:immunotherapy|it) (?:\w+ ){0,2}?years? ago",)),
        ),
    ),
    Concept(
        "wound that may need a tetanus jab",
        "See a doctor, a nurse or urgent care today: a deep or dirty wound (a nail through the "
        "foot, soil, rust, a bite) needs a tetanus booster if you are not sure you are up to "
        "date, and sometimes a protective injection, best within a day or two. Go to an "
        "emergency department for a wound that will not stop bleeding, or later for stiffness of "
        "the jaw or spasms.",
        urgency=SAME_DAY,
        exposure=True,  # "my last jab was years ago" is when the jab was, not the wound
        signs=(
            _given((r"rusty|nail|puncture\w*|soil|manure|garden\w*|stood on|trod on|stepped on|"
                    r"bite|bitten|barbed wire|deep cut|deep wound",),
                   r"(?:can'?t|cannot|don'?t|do not|couldn'?t) (?:\w+ ){0,2}?(?:remember|recall|"
                   r"know) (?:\w+ ){0,4}?(?:tetanus|jab|booster|injection)|(?:tetanus|booster) "
                   r"(?:\w+ ){0,4}?(?:can'?t remember|not sure|don'?t know|never had|"
                   # long enough ago to be due (not "8 years ago", within the ten years)
                   r"(?<!\b[1-9] )(?<!\bone )(?<!\btwo )(?<!three )(?<!\bfour )(?<!\bfive )"
                   r"(?<!\bsix )(?<!seven )(?<!eight )(?<!\bnine )(?<!couple of )(?<!\bfew )"
                   r"years ago|"
                   r"out of date|overdue|not up to date)|(?:never had|not had|no) (?:a |any )?"
                   r"tetanus|(?:tetanus|booster) (?:jab |shot |injection )?in (?:over |more than |"
                   r"about |like )?(?:\d+\+?|ten|twenty|many|years|a few|several) (?:years|yrs)"),
        ),
    ),
)

_WAIT_ASKED = (
    r"(?:can|could|should|do|does) (?:this|it|that|he|she|i|we|they)(?: just)? (?:wait|hold off)|"
    r"(?:should|do|can|could) (?:i|we) (?:just )?(?:wait|hold off|watch (?:it|him|her))|"
    r"wait (?:until|till|til|for) (?:tomorrow|monday|the morning|morning|my|his|her|the "
    r"(?:vet|doctor|appointment)|next week)|sleep it off|let (?:him|her|them) (?:sleep|nap)|"
    r"is (?:this|that|it) (?:just )?normal|(?:my|his|her) appointment is (?:on |next )?\w+"
)
_SEVERE = (
    r"severe|worst|unbearable|excruciating|way worse|much worse|getting worse|(?:keeps|kept) "
    r"getting worse|screaming|can'?t (?:breathe|walk|stand|swallow|pee|move|feel|open|keep "
    r"(?:anything|\w+) down)|barely (?:breathe|walk|stand|swallow|open|move)|numb|cold and (?:blue|"
    r"pale|numb)|(?:blue|purple|gray|grey) (?:lips|fingers|toes)|fever (?:of |is |was )?"
    r"(?:10[2-9]|39|40|41)|(?:temp|temperature) (?:of |is |was )?(?:10[2-9]|39|40|41)|"
    r"vomit\w* (?:blood|green|everything|all night|\d+ times)|passed out|faint\w*|"
    r"drool\w*|confused"
)
_EVENINGS_IN_DEMENTIA = (
    r"(?:dementia|alzheimer'?s?)\b[^?]{0,200}?\b(?:(?:every|each|most|some) (?:evening|night|"
    r"afternoon)s?|in the (?:evenings|afternoons|late afternoon)|late (?:in the )?(?:afternoon|"
    r"day)|sundown\w*|by (?:about |around )?(?:[1-9]|tea ?time|dinner ?time|supper ?time)"
    r"(?: ?pm| ?o'?clock)?\b)"
)
"""Confusion with dementia told as coming each evening (sundowning): the course of a known
illness, to raise with its doctor, not a new confusion that cannot wait."""
WAITING_WITH_SEVERE_SIGNS = Concept(
    "severe symptoms, asked whether to wait",
    "Do not wait for a routine appointment with symptoms like these: get care today — call your "
    "doctor's out-of-hours line or a nurse advice line now, or go to urgent care — and go to an "
    "emergency department or call your local emergency number (911 in the US) if it gets "
    "worse, or with trouble breathing, confusion, fainting or severe pain.",
    urgency=SAME_DAY,
    signs=(
        _given((_WAIT_ASKED,), _SEVERE, unless=(_EVENINGS_IN_DEMENTIA,)),
    ),
    exclusions=(re.compile(EMOTIONAL_NUMBNESS, re.IGNORECASE), _PANIC_NAMED),
)
"""The catch-all when no emergency concept fires: the asker asks whether it can wait (until
Monday, until the appointment, sleep it off, is this normal) and describes a severe sign (severe
or worsening pain, a high fever, numbness, fainting, repeated vomiting)."""

_WAIT_FOR_CARE = (
    r"(?:can|could|should|is it (?:ok|okay|safe|alright|fine) to|(?:ok|okay|safe|alright|fine) "
    r"to) (?:this |it |that |he |she |i |we |they )?(?:just )?(?:wait|leave (?:it|this|her|him)|"
    r"hold off|ride it out|sit it out|see how (?:it|he|she|things) (?:goes|go))|wait (?:until|till|"
    r"til|for) (?:the |my |his |her |our )?(?:morning|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|weekend|appointment|appt|gp|doctor|check ?-?up|clinic)|"
    r"sleep it off"
)
"""The asker asks whether care can wait (until the morning, the appointment, the weekend)."""
_TOLD_RECENTLY = (
    _ONSET + r"|since (?:yesterday|last night|this (?:morning|afternoon|evening)|today|tonight|"
    r"lunch|breakfast|dinner|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:this|last) "
    r"(?:morning|afternoon|evening|night)|tonight|today|yesterday|(?:an|\d+|a few|few|couple of) "
    r"(?:hours?|hrs?) ago|(?:for|over) (?:the (?:last|past) )?(?:\d|a few|few|two|three|a couple "
    r"of) (?:hours|hrs|days)|(?:\d|two|three|a few) days ago|getting worse|worse (?:and worse|"
    r"today|tonight|every)"
)
"""A complaint told as new or growing."""
_KNOWN_FOR_LONG = (
    r"for (?:years|months|ages)|(?:\d+|several|many|few|two|three) (?:years|months)|since (?:i was|"
    r"childhood|my teens)|always|(?:already|been) (?:seen|checked|investigated|diagnosed|told)|"
    r"as usual|same as (?:always|usual|before|last time)|every (?:month|year|winter|summer)|"
    r"routine|review|repeat prescription|(?:ecg|scan|bloods?|tests?) (?:was|were|came back) "
    r"(?:normal|fine|clear)"
)
"""A complaint long known or already looked at: its wait is no new worry."""
NEW_SYMPTOM_ASKED_WHETHER_TO_WAIT = Concept(
    "new symptoms, asked whether to wait",
    "A new or worsening symptom that makes you ask whether it can wait should be checked today:"
    " call your doctor's practice, an out-of-hours line or a nurse advice line (NHS 111 in the "
    "UK) and describe it. Go to an emergency department or call your local emergency number if "
    "it gets worse, or with trouble breathing, chest pain, confusion, fainting or severe pain.",
    urgency=SAME_DAY,
    signs=(
        _given(
            (_TOLD_RECENTLY,),
            _WAIT_FOR_CARE,
            # a dose's timing or how long before a treatment is no wait for care
            unless=(_KNOWN_FOR_LONG, r"how long (?:\w+ ){0,3}?(?:should|do|can|must) (?:i|we|"
                    r"you) wait|wait before (?:(?:i|he|she|we|they|you) )?(?:get|gets|getting|"
                    r"tak\w*|try\w*|start\w*|us(?:e|es|ing)|go|goes|going|return\w*|exercis\w*|"
                    r"fly\w*|driv\w*|hav\w*)|dose|forgot|"
                    r"missed (?:my|a|the|her|his) (?:\w+ )?(?:pill|tablet|injection|jab)"),
        ),
    ),
)
"""The second catch-all, when no concept and no severe sign fires: the asker tells a complaint
as new or growing and asks whether seeing someone can wait; on every dev part of the written
sets such a message needed care today, and it is not a long-known complaint."""

VITAL_SIGN = "a vital sign out of range"
"""A measured sign outside safe limits counts for two: with one more sign it is enough."""
_SIGNS_TOGETHER: dict[str, re.Pattern[str]] = {
    # when it started and how it goes
    "recent": _rx(
        _ONSET, r"since (?:yesterday|last night|this (?:morning|afternoon|evening)|today|tonight|"
        r"lunch|breakfast|dinner)", r"(?:this|last) (?:morning|afternoon|evening|night)",
        r"tonight", r"today", r"yesterday", r"(?:an|\d+|a few|few|couple of) hours? ago",
        r"for (?:the (?:last|past) )?(?:\d|a few|few|two|three|a couple of) (?:hours|days)",
        r"(?:\d|two|three|a few) days ago"),
    "severe": _rx(
        _SEVERITY, r"(?:really|very|so|extremely) (?:bad(?:ly)?|painful)", r"agony",
        r"can'?t (?:move|walk|stand|sleep) (?:because of|for|from|with) (?:the )?pain"),
    "worsening": _rx(
        r"(?:getting|got|gets|gone|much|way|even) worse", r"worse and worse", r"spreading",
        r"spread(?:s)? to", r"now (?:also|too)", r"(?:is|are) now", r"too now",
        r"(?:more|worse) (?:\w+ ){0,2}?than (?:(?:his|her|my|their|its|your) )?(?:normal|usual)",
        r"(?:bigger|worse|redder) (?:every|each) (?:day|hour)"),
    # a part of the body inflamed: two of red, hot and swollen (an infection or a hot joint)
    "red, hot or swollen": _rx(
        r"(?:red|hot|warm|swollen|puffy)(?:,? (?:and |&)?(?:red|hot|warm|swollen|puffy|"
        r"painful|tender|sore|angry)){1,3}",
        r"(?:red|swollen)\W+(?:\w+\W+){0,3}?(?:hot|warm) to (?:the )?touch",
        r"(?:hot|warm)\W+(?:\w+\W+){0,3}?(?:red|swollen)"),
    # signs that the whole body is affected
    "fever": _rx(
        _FEVERISH, r"shiver\w*", r"shivery", r"chills", r"rigou?rs", r"shaking all over",
        r"flu[- ]?(?:ey|y|ish|like)", r"(?:slight|low|bit of a|small|mild) temp(?:erature)?"),
    "vomiting": _rx(
        r"vomit\w*", r"been sick", r"being sick", r"threw up", r"throwing up", r"thrown up",
        r"puk\w*", r"can'?t keep (?:anything|\w+) down", r"d ?(?:&|and|n) ?v\b",
        r"diarrh\w* and (?:vomit\w*|sickness)"),
    "dizziness or fainting": _rx(
        r"dizzy", r"light[- ]?headed", r"faint\w*", r"nearly (?:fell|collapsed|passed out)",
        r"black(?:ing|ed|s)? out",
        r"passed out", r"collapsed", r"woozy"),
    "drowsiness or confusion": _rx(
        r"confus\w*", r"muddled", r"drows\w*", r"hard to (?:wake|rouse)", r"lethargic", r"floppy",
        r"(?:very|super|really|so|unusually|extremely|abnormally) sleepy",
        r"stumbling", r"not responding", r"unresponsive",
        r"not (?:herself|himself|making sense)", r"out of it", r"delirious", r"disoriented"),
    "not eating, drinking or passing urine": _rx(
        r"(?:not|isn'?t|barely|hardly|won'?t|refus\w*) (?:\w+ )?(?:eating|drinking|feeding|"
        r"weeing|peeing)", r"no (?:wet )?(?:nappies|nappy|diapers?)",
        r"hardly (?:any|weeing|peeing)", r"soft spot (?:\w+ )?(?:is |looks |seems |feels )?"
        r"sunken", r"sunken (?:soft spot|fontanel\w*|eyes)"),
    "pale or sweaty skin": _rx(
        r"pale", r"clammy", r"sweaty", r"sweating (?:buckets|a lot|heavily)", r"grey", r"gray",
        r"mottled", r"blotchy"),
    "fast breathing": _rx(
        r"breathing (?:really |very |so )?(?:fast|quickly|heavily|hard)", r"short of breath",
        r"breathless", r"out of breath"),
    # a number outside safe limits: oxygen under 92 %, a pulse under 40 or over 140, 40 °C
    VITAL_SIGN: _rx(
        r"(?:sats?|saturations?|oxygen(?: levels?| sats?| saturation)?|o2|spo2|pulse ox\w*)\W+"
        r"(?:\w+\W+){0,5}?(?:[4-8]\d|9[01])(?=\s*%)",
        r"(?:heart ?rate|pulse|hr|bpm)\W+(?:\w+\W+){0,4}?(?:[12]\d|3\d|1[5-9]\d|2\d\d)\b"
        r"(?!\s*(?:%|years?|yo|mins?|minutes|days|weeks|mg|kg|lbs?|f\b|c\b|°))",
        r"(?:temp\w*|fever|thermometer)\W+(?:\w+\W+){0,3}?(?:4[0-2](?:\.\d)?(?=\s*(?:°|c\b|"
        r"degrees))|10[4-7](?:\.\d)?)"),
    # who it happens to, and whether waiting is asked
    "a vulnerable person": _rx(
        _YOUNG, r"newborn", r"(?:[89]\d|1[01]\d)[- ]?(?:years?[- ]old|yo|y/o)",
        r"(?:is|aged|age) [89]\d", r"(?:nan|nana|gran|granny|grandma|grandpa|grandad|"
        r"grandfather|grandmother|elderly)", _PREGNANT, r"chemo\w*", r"transplant",
        r"immun\w*(?:suppress\w*|compromised)", r"dialysis", r"steroids", r"prednisol\w*",
        r"prednisone", r"diabet\w*", r"type (?:1|2|one|two)", _BLOOD_THINNER, _GAVE_BIRTH,
        r"(?:days|weeks?) after (?:my |the |her |his )?(?:surgery|operation|op|procedure)",
        r"(?:operation|surgery|op|procedure|repair|c[- ]?section) (?:\w+ ){0,2}?(?:\d+|a few|"
        r"two|three|four|five|six|ten) days ago", r"post[- ]?op\w*"),
    "waiting asked": _rx(
        _WAIT_ASKED, r"see how (?:she|he|it|they|i) (?:is|are|go|goes|feel)",
        r"(?:wait|hold on) (?:until|till|til|for) \w+", r"fine to wait", r"ok to wait",
        r"just rest", r"sleep it off", r"til+ (?:the )?(?:morning|monday|tomorrow)"),
}  # fmt: skip
"""Warning signs that are not an emergency alone but are together (:func:`signs_together`):
how recent and how severe, a worsening course, signs that the whole body is affected, a
vulnerable person, and a question whether it can wait."""
_WHOLE_BODY = frozenset(
    {
        "fever",
        "vomiting",
        "dizziness or fainting",
        "drowsiness or confusion",
        "not eating, drinking or passing urine",
        "pale or sweaty skin",
        "fast breathing",
        VITAL_SIGN,
    }
)
_LASTING_STATES = frozenset({"a vulnerable person"})
"""Kinds of sign that are states lasting from the past: "a kidney transplant last year" or
"gave birth 5 days ago" still make someone vulnerable now."""
_SPARED: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "a vulnerable person": (_rx(_PREGNANT), _rx(_NOT_PREGNANT_NOW)),
    "drowsiness or confusion": (
        re.compile(r"[\s\S]*confus[\s\S]*", re.IGNORECASE),
        re.compile(_EVENINGS_IN_DEMENTIA, re.IGNORECASE),
    ),
}
"""Signs that do not count in some questions: a sign's words, and what spares them ("could I
get pregnant", "my sister is pregnant" beside a child's fever, tells of no one ill; confusion
told as coming each evening with a known dementia is its course, :data:`_EVENINGS_IN_DEMENTIA`)."""
SIGNS_TOGETHER_NEEDED = 3
"""How many kinds of warning sign, one of them a whole-body sign, make a same-day red flag."""
SEVERAL_SIGNS_KIND = "several warning signs together"
SEVERAL_SIGNS_ADVICE = (
    "These signs together need a doctor today: call your doctor's out-of-hours line or a nurse "
    "advice line now, or go to urgent care — and go to an emergency department or call your "
    "local emergency number (911 in the US) if it gets worse, or with trouble breathing, "
    "confusion, fainting or severe pain."
)

# fmt: on


def signs_together(question: str) -> dict[str, str]:
    """The kinds of warning sign in ``question`` (:data:`_SIGNS_TOGETHER`), each with the words
    that show it; negated signs and signs told in the past do not count."""
    found: dict[str, str] = {}
    for name, pattern in _SIGNS_TOGETHER.items():
        lasting = name in _LASTING_STATES
        spared = _SPARED.get(name)
        for match in pattern.finditer(question):
            if spared and spared[0].fullmatch(match.group(0)) and spared[1].search(question):
                continue
            if lasting and _told_as_dead(question, match):
                continue  # "my uncle died of a stroke": not whom it is happening to
            past = not lasting and _in_the_past(question, match.start())
            if not _negated(question, match.start()) and not past:
                found[name] = match.group(0)
                break
    return found


_DIED_AFTER = re.compile(
    r"^(?:'s)?\W+(?:\w+\W+){0,2}?(?:died|passed away|passed on|(?:is|was) dead|(?:has|had) died)\b",
    re.IGNORECASE,
)
_LOST_BEFORE = re.compile(
    r"\b(?:lost|losing|buried|death of|funeral of|funeral for|passing of) (?:my |our |his |her |"
    r"their )?$",
    re.IGNORECASE,
)


def _told_as_dead(question: str, match: re.Match[str]) -> bool:
    """True when the person ``match`` names is told as having died ("my uncle died of a
    stroke", "since we lost my nan")."""
    return bool(
        _DIED_AFTER.match(question[match.end() :]) or _LOST_BEFORE.search(question[: match.start()])
    )


_AFTER_A_VACCINE = re.compile(
    r"\b(?:shot|jab|vaccine|vaccination|vaccinated|booster|immuni[sz]ation|immuni[sz]ed)s?\b"
    r"[^.?!]{0,60}?\b(?:yesterday|last night|today|this morning|earlier|(?:a|one|two|2|1|a "
    r"couple of) days? ago)\b|\b(?:yesterday|last night|this morning)\b[^.?!]{0,40}?\b(?:shot|"
    r"jab|vaccine|vaccination|booster)s?\b",
    re.IGNORECASE,
)
"""A vaccine given in the last day or two: a sore red arm, a fever and feeling rough are the
expected reaction, not signs adding up to an emergency nor urgent wording (a named emergency
still counts)."""
_INCONSOLABLE = re.compile(
    r"\b(?:crying|screaming|scream\w*|cries|cried)\W+(?:\w+\W+){0,2}?(?:non-?stop|for hours|"
    r"for (?:\d+|two|three|four|five) hours)|\bnothing (?:\w+ )?(?:settles|calms|soothes)|"
    r"\b(?:won'?t|wont|will not|can'?t|cannot) (?:be )?(?:settle|settled|calm|calmed|"
    r"console|consoled|soothed)|\binconsolabl\w*",
    re.IGNORECASE,
)
"""A baby crying for hours whatever is done: after a vaccine too, a doctor should hear of it."""


_BABY_JABS = re.compile(
    r"\b(?:bab(?:y|ies|y's)|infants?|newborns?|\d{1,2}[- ]?(?:weeks?|wks?|months?|mos?)\b)",
    re.IGNORECASE,
)
"""A baby's vaccines ("her 12 month jabs", "8 week jabs"): a fever in a baby is for the rules
and the check to read, whatever vaccine came before it."""


def _expected_after_vaccine(question: str) -> bool:
    """A vaccine given in the last day or two (:data:`_AFTER_A_VACCINE`) to someone who is no
    baby (:data:`_BABY_JABS`), with no crying for hours told (:data:`_INCONSOLABLE`)."""
    return (
        bool(_AFTER_A_VACCINE.search(question))
        and not _BABY_JABS.search(question)
        and not _INCONSOLABLE.search(question)
    )


_EASING = re.compile(
    r"\b(?:calpol|paracetamol|acetaminophen|tylenol|ibuprofen|nurofen|motrin|advil|medicine|"
    r"painkillers?|it|that)\W+(?:(?:has|have|had|really|definitely)\W+)?(?:helped|worked)\b|"
    r"\b(?:has|have|had|he'?s|she'?s|they'?ve|they'?re) (?:now )?(?:settled|perked up|slept)\b|"
    r"\b(?:seems?|seeming|feels?|feeling|looks?|looking) (?:a bit |a lot |much |loads )?"
    r"better\b",
    re.IGNORECASE,
)
"""Signs told as easing with home care ("Calpol helped and he's slept", "seems better now"):
their course is settling, not adding up to a visit today."""


def _settling(question: str, found: Mapping[str, str]) -> bool:
    """True when ``question`` tells its signs easing (:data:`_EASING`) and none as severe,
    worsening or out of range."""
    return bool(_EASING.search(question)) and not {"severe", "worsening", VITAL_SIGN} & found.keys()


def _several_signs(question: str, found: Mapping[str, str]) -> RedFlag | None:
    """The catch-all for an emergency no concept names: at least
    :data:`SIGNS_TOGETHER_NEEDED` kinds of warning sign (``found``: :func:`signs_together`),
    one of them a whole-body sign (a high temperature, vomiting, fainting, drowsiness ...), in
    a question about a person."""
    if _asked_in_general(question) or _expected_after_vaccine(question):
        return None
    # a faint over within moments: its hot, sweaty, greying start is that faint's, and the
    # faint's own cards decide (see "a faint that has passed")
    if _FAINT_PASSED_RX.search(question):
        return None
    needed = SIGNS_TOGETHER_NEEDED - (VITAL_SIGN in found)
    if len(found) < needed or not _WHOLE_BODY & found.keys() or _settling(question, found):
        return None
    return RedFlag(
        kind=SEVERAL_SIGNS_KIND,
        matched="; ".join(found.values()),
        advice=SEVERAL_SIGNS_ADVICE,
        urgency=SAME_DAY,
    )


def _negated(text: str, start: int) -> bool:
    """A negation cue a few words before ``start`` in the same sentence ("no", "denies"), or
    before the first item of a list the sign goes on ("no headache, chest pain or vision
    problems")."""
    window = text[max(0, start - 60) : start]
    if _NEGATED_LIST.search(window) and _LIST_GOES_ON.match(text[start : start + 50]):
        return True
    window = _CLAUSE_END.split(window)[-1]
    window = _PSEUDO_NEGATION.sub(" ", window)
    return bool(_NEGATED.search(window))


def _hedged(text: str, start: int) -> bool:
    """A hedge just before ``start`` ("almost blacked out"): the event did not happen, though
    the feeling of it is still a warning sign (:func:`signs_together` counts it)."""
    return bool(_HEDGED.search(text[max(0, start - 30) : start]))


def _clause(text: str, start: int) -> str:
    """The clause around ``start`` (between commas, sentence ends, "but", "and now"; the
    boundaries are found in the whole text, so "and" before a new time counts)."""
    begin, end = _clause_span(text, start)
    return text[begin:end]


def _clause_span(text: str, start: int) -> tuple[int, int]:
    """Where the clause around ``start`` begins and ends (:func:`_clause`)."""
    begin, end = 0, len(text)
    for boundary in _CLAUSE_END.finditer(text):
        if boundary.end() <= start:
            begin = boundary.end()
        elif boundary.start() >= start:
            end = boundary.start()
            break
    return begin, end


_ASSESSED = _rx(
    r"(?:er|a&e|a and e|ed|emergency (?:room|department)|hospital|urgent care|walk-in|"
    r"(?:the|our|his|her|my) (?:doctors?|gp|pediatrician|paediatrician)|paramedics|ambulance "
    r"(?:crew|staff))\b[^.?!]{0,60}?\b(?:sent (?:us|him|her|me|them) (?:back )?home|discharged "
    r"(?:us|him|her|me|them)|released (?:us|him|her|me|them)|(?:checked|looked) (?:us|him|her|me|"
    r"them) (?:out|over)\b[^.?!]{0,30}?\b(?:fine|ok|okay|home))",
)
"""A clinician who has already seen the person and sent them home ("ER said febrile seizure and
sent us home"): the signs told before it were assessed; a sign told after it is new."""


def _assessed_after(text: str, start: int) -> bool:
    """True when the sign at ``start`` was told before a clinician saw the person and sent them
    home (:data:`_ASSESSED`)."""
    return any(m.start() > start for m in _ASSESSED.finditer(text))


def _in_the_past(text: str, start: int) -> bool:
    return (
        bool(_PAST.search(_clause(text, start)))
        or _dated_after(text, start)
        or _story_long_ago(text, start)
    )


_TOLD_AS_NOW = _rx(
    r"now", r"today", r"tonight", r"this (?:morning|afternoon|evening|week)", r"yesterday",
    r"last night", r"still", r"again", r"currently", r"right now", r"at the moment",
    r"these days", r"lately", r"recently", r"since", r"just", r"suddenly", r"keeps?",
    r"(?:is|are|am|has|have|feels?|looks?|seems?|can'?t|cannot|won'?t|isn'?t|aren'?t|"
    r"doesn'?t|don'?t)", r"\w+'(?:s|re|m|ve)", r"ive", r"im", r"(?:last|past) \w+ \w+",
    r"but", r"however", r"though", r"although", r"yet",
)  # fmt: skip
"""Words that tell a sign as happening now (a present tense, a recent time, "the last two
months"), or that turn from the story told to something else ("but")."""


def _story_long_ago(text: str, start: int) -> bool:
    """True when the sentence holding ``start`` opens a story dated long ago (:data:`_LONG_AGO`)
    and tells every clause up to the end of the sign's own in the past ("I reacted badly to a
    sting about ten years ago, my lips swelled and I passed out"): the sign is that story's, not
    today's (not "two years ago I had a stroke, my arm is weak", nor "… and suddenly")."""
    begin = max((stop.end() for stop in _SENTENCE_STOP.finditer(text, 0, start)), default=0)
    told = text[begin : _clause_span(text, start)[1]]
    dated = _LONG_AGO.search(told)
    return (
        dated is not None
        and dated.start() < start - begin
        and not _TOLD_AS_NOW.search(told[dated.end() :])
    )


_DATED_BACK = re.compile(
    r"^\W*(?:and )?(?:that|this|it|all (?:of )?that) (?:was|were|happened|all happened) ",
    re.IGNORECASE,
)
"""The opening of a sentence that dates the one before it ("That was five years ago.")."""
DATED_WITHIN = 30
"""Characters after that opening within which it names a time long ago (not "It happened once
before", a sign told as happening again)."""


def _dated_after(text: str, start: int) -> bool:
    """True when the sentence after the one holding ``start`` dates it in the past ("I fainted
    at a concert. That was years ago; no trouble since.")."""
    end = _SENTENCE_STOP.search(text, start)
    if end is None:
        return False
    rest = text[end.end() :]
    opening = _DATED_BACK.match(rest)
    when = rest[opening.end() : opening.end() + DATED_WITHIN] if opening else ""
    return bool(_LONG_AGO.search(when))


_SENTENCE_STOP = re.compile(r"[.!?;]+")


_LONG_AGO = _rx(
    *_LONG_PAST,
    r"(?:\d+|many|several|some|a few|few|a couple of|two|three|four|five|ten) (?:years?|yrs?|"
    r"decades?) a ?go", r"decades a ?go",
    r"(?<!the )(?<!this )last (?:year|spring|summer|fall|autumn|winter)",
    r"back in", r"once when",
)  # fmt: skip
"""Past told as long ago: an exposure this far back has no window left to act in."""


def _told_too_long_ago(text: str, start: int, concept: Concept) -> bool:
    """Whether the sign at ``start`` is past for ``concept``: told in the past, unless an
    ``exposure``, and then only when its ``window`` has closed."""
    if not _in_the_past(text, start):
        return False
    if not concept.exposure:
        return True
    return concept.window and (
        bool(_LONG_AGO.search(_clause(text, start))) or _story_long_ago(text, start)
    )


_LONG_STANDING = _rx(
    r"for (?:the (?:past|last) )?(?:\d+|a few|few|several|many|two|three|four|five|six) "
    r"(?:weeks|months|years)", r"for (?:weeks|months|years)",
    r"(?:\d+|a few|few|several|many|two|three|four|five|six) (?:weeks|months|years) now",
    r"since (?:last (?:year|month)|(?:19|20)\d\d)", r"for as long as",
    r"over (?:the )?(?:\d+|a few|a couple of|few|several|many|two|three|four|five|six) "
    r"(?:weeks|months|years)",
    r"(?:over |in |for |during )?the (?:last|past) (?:\d+ |few |couple (?:of )?|several )?"
    r"(?:year|years|months)",
)  # fmt: skip
"""A sign that has lasted weeks, months or years ("can't lift my arm above my head for 3
months now"): no sudden emergency, a doctor's visit."""


def _long_standing(text: str, start: int) -> bool:
    return bool(_LONG_STANDING.search(_clause(text, start)))


_GENERIC_SUBJECT = re.compile(
    r"\b(?:someone|somebody|anyone|a person|people|a (?:patient|child|baby|kid))\b"
    r"(?:\W+(?!(?:he|she|hes|shes|i|im|they|my|his|her|we)\b)\w+){0,3}\W*$",
    re.IGNORECASE,
)
"""Anyone as the subject just before a trigger, with no person named in between ("to hurt
people and he's holding a knife" is about him)."""


def _about_anyone(text: str, start: int) -> bool:
    """The trigger happens to anyone ("if someone is having a seizure"), not to a person here."""
    return bool(_GENERIC_SUBJECT.search(text[max(0, start - 50) : start]))


def _is_topic(text: str, start: int) -> bool:
    """The trigger is what the question is about ("symptoms of an overdose"), not an event."""
    return bool(_TOPIC.search(text[max(0, start - 40) : start]))


_GENERIC_DETERMINER = re.compile(r"\b(?:an?|any|every|each|some)\W+(?:\w+\W+)?$", re.I)


def _about_a_person(question: str) -> bool:
    """Someone is in the question: a pronoun (I, my, she ...) or "my son", "your child",
    "grandma" -- but not "a newborn" or "any child", which are anyone -- or an event told with
    when it happened ("condom broke last night", :data:`_TOLD_WHEN`), which happened to
    someone."""
    if _PRONOUN.search(question) or _TOLD_WHEN.search(question):
        return True
    return any(
        not _GENERIC_DETERMINER.search(question[max(0, m.start() - 20) : m.start()])
        for m in _RELATIVE.finditer(question)
    )


_TOLD_WHEN = re.compile(
    r"\b(?:broke|split|burst|happened|started|began|fell|took|swallowed|ate|drank|hit|cut)\b"
    r"[^.?!]{0,30}?\b(?:last night|yesterday|this morning|earlier today|(?:\d+|an?|one|two|three|"
    r"four|five) (?:hours?|days?) ago)\b",
    re.IGNORECASE,
)
"""An event told with when it happened ("the condom split last night", "took them an hour
ago")."""


def _asked_in_general(question: str) -> bool:
    """A general question with nobody in it: "what causes chest pain in young people?"."""
    return bool(_GENERAL_OPENING.search(question)) and not _about_a_person(question)


def _key_span(match: re.Match[str]) -> tuple[int, int]:
    """Where the words that carry the meaning are (a ``key`` group, else the whole match): a
    pattern that reads the whole message for its context ("pregnant" anywhere, then "seeing
    spots") is judged by its key words alone."""
    for name in ("key", "key2"):
        if name in match.re.groupindex and match.start(name) >= 0:
            return match.span(name)
    return match.span()


def _trigger_start(match: re.Match[str]) -> int:
    """Where the trigger begins: the match, or its key words when the pattern is anchored at
    the start of the message to read its context."""
    return _key_span(match)[0] if match.re.pattern.startswith("^") else match.start()


def _shown(match: re.Match[str]) -> str:
    """The words that carry the meaning (:func:`_key_span`)."""
    start, end = _key_span(match)
    return match.string[start:end]


def _excluded(spans: list[tuple[int, int]], match: re.Match[str]) -> bool:
    return any(start < match.end() and match.start() < end for start, end in spans)


def _counts(
    question: str,
    match: re.Match[str],
    tier: str,
    excluded: list[tuple[int, int]],
    concept: Concept,
) -> bool:
    """Whether ``match`` of a trigger in ``tier`` reads as an emergency in its context (a
    ``sudden`` concept's sign that has lasted weeks does not; an ``exposure`` told in the
    past still does, unless its ``window`` has closed)."""
    start = _key_span(match)[0]
    if _excluded(excluded, match) or _negated(question, start) or _hedged(question, start):
        return False
    if tier == "asked":
        return True
    if (
        _told_too_long_ago(question, start, concept)
        or _assessed_after(question, start)
        or _is_topic(question, _trigger_start(match))
        or (concept.sudden and _long_standing(question, start))
        or _about_anyone(question, _trigger_start(match))
    ):
        return False
    if tier == "events" and not _about_a_person(question):
        return False
    return not _asked_in_general(question)


def _spans(question: str, patterns: tuple[re.Pattern[str], ...]) -> list[tuple[int, int]]:
    """Where ``patterns`` match, by their key words (:func:`_key_span`): an exclusion that reads
    the message for its context excludes its key words alone."""
    return [_key_span(m) for pattern in patterns for m in pattern.finditer(question)]


def _first_match(
    question: str, concept: Concept, idioms: list[tuple[int, int]]
) -> re.Match[str] | None:
    """The first trigger of ``concept`` that counts; ``asked`` wording is never an idiom
    (``idioms``: the spans of :data:`IDIOMS` in ``question``)."""
    own = _spans(question, concept.exclusions)
    with_idioms = own + idioms
    tiers = (("asked", concept.asked), ("signs", concept.signs), ("events", concept.events))
    for tier, patterns in tiers:
        excluded = own if tier == "asked" else with_idioms
        for pattern in patterns:
            for match in _overlapping(pattern, question):
                if _counts(question, match, tier, excluded, concept):
                    return match
    return None


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match of ``pattern`` in ``text``, a later one also where it overlaps an earlier
    one: a match that does not count ("the difference between the morning after pill and the
    coil? the condom split", read from "morning after pill" as a topic asked about) must not
    hide the one inside it ("the condom split")."""
    start = 0
    while (match := pattern.search(text, start)) is not None:
        yield match
        start = match.start() + 1


_EXCLUSIONS: tuple[re.Pattern[str], ...] = tuple(
    pattern for concept in CONCEPTS for pattern in concept.exclusions
)
"""Every concept's general uses and idioms, blanked before the wording check reads a message."""

SUPERSEDED_BY: dict[str, frozenset[str]] = {
    # a red, painful eye whose cause the message tells has that cause's card
    "painful red eye with blurred vision": frozenset(
        {
            "sudden loss of vision",
            "contact lens eye infection",
            "shingles near the eye",
            "painful eye after eye surgery",
        }
    ),
    # same-day advice beside the call-now card for the same trouble would water it down
    "urine infection with a fever": frozenset({"fever with a warning sign"}),
    "a tight cast": frozenset({"pressure under a cast"}),
    "vomiting or diarrhoea on medicines that need a sick-day pause": frozenset(
        {"diabetic emergency", "adrenal crisis"}
    ),
    "possible broken bone or dislocation": frozenset({"possible broken hip", OPEN_FRACTURE}),
    "raised ketones": frozenset({"diabetic emergency"}),
    REPEATED_LOWS: frozenset({"low blood sugar", "diabetic emergency"}),
    "pregnancy with a coil or after sterilisation": frozenset({"possible ectopic pregnancy"}),
    "croup with noisy breathing": frozenset(
        {"breathing difficulty", "drooling with noisy breathing"}
    ),
    THROAT_ABSCESS: frozenset(
        {SALIVA_BLOCKED, "drooling with noisy breathing", THROAT_ABSCESS_AIRWAY}
    ),
    # an abscess told with the saliva it stops is that card, not one of food stuck
    SALIVA_BLOCKED: frozenset({THROAT_ABSCESS_AIRWAY}),
    # the swelling's own emergency cards say it already: an infected tooth spreading into the
    # neck, the drooling and harsh breathing of a throat swelling shut
    THROAT_ABSCESS_AIRWAY: frozenset({TOOTH_INFECTION_SPREAD, "drooling with noisy breathing"}),
    "something stuck in the body": frozenset({SALIVA_BLOCKED}),
    TOOTH_INFECTION: frozenset({TOOTH_INFECTION_SPREAD}),
    "severe bleeding": frozenset({NOSEBLEED, BLEEDING_WOUND, BLEEDING_AFTER_BIRTH}),
    "hot swollen joint": frozenset({INFECTED_JOINT}),
    # redness spreading from a scratch is its infection, not a clot in the vein beneath
    "possible blood clot": frozenset({SPREADING_SKIN_INFECTION}),
    # a person hurting someone now is the emergency card's; the same-day report follows it
    POSSIBLE_ABUSE: frozenset({"danger from another person"}),
    HIGH_POTASSIUM_TODAY: frozenset({HIGH_POTASSIUM}),
    # the emergency card of the same headache or knock to the head says it already
    "headache with a warning sign": frozenset(
        {
            "possible giant cell arteritis affecting the eye",
            "sudden severe headache",
            "head injury with a warning sign",
            "head injury on a blood thinner",
            "torn artery in the neck",
        }
    ),
    # the emergency card of high sugars with vomiting or fast breathing says it already
    POSSIBLE_NEW_DIABETES: frozenset({"diabetic emergency", "breathing difficulty"}),
    # the emergency card of the same faint says it already
    "a faint that has passed": frozenset({"loss of consciousness or seizure"}),
    # dizziness beside blood lost is shock, not the dehydration of a stomach bug
    "not keeping fluids down": frozenset({"severe bleeding"}),
    "bleeding in early pregnancy": frozenset({"possible ectopic pregnancy", "severe bleeding"}),
    "swallowed object in a child": frozenset({"swallowed battery or magnets"}),
    "low blood sugar": frozenset({"diabetic emergency"}),
    "burn that needs care": frozenset(
        {"serious burn or electrical injury", "large burn on a child"}
    ),
    # dark urine with painful swollen muscles is the muscle-breakdown card's
    "yellow skin or dark urine": frozenset({"possible muscle breakdown"}),
    "red swollen eyelid getting worse": frozenset({"infection around the eye"}),
    "bowel change with weight loss": frozenset({"bleeding from the bowel with weight loss"}),
    "swallowing trouble with weight loss": frozenset({SALIVA_BLOCKED}),
    "rash that does not fade": frozenset(
        {"signs of meningitis", "fever with a warning sign", "sudden severe headache"}
    ),
    "signs of meningitis": frozenset({"sudden severe headache", "fever with a warning sign"}),
    "head injury on a blood thinner": frozenset({"head injury with a warning sign"}),
    "new confusion": frozenset(
        {
            "diabetic emergency",
            "fever with a warning sign",
            "head injury with a warning sign",
            "head injury on a blood thinner",
            "severe alcohol withdrawal",
            "possible psychosis",
        }
    ),
    "alcohol withdrawal": frozenset({"severe alcohol withdrawal"}),
    BLEEDING_WOUND: frozenset({NOSEBLEED}),
    # extra insulin's own card says what to do through the night
    "overdose or poisoning": frozenset({"possible psychosis", TOO_MUCH_INSULIN}),
    "rash on a new medicine": frozenset({ANAPHYLAXIS}),
    "chest pain": frozenset({ANAPHYLAXIS, CHEST_PAIN_ON_PDE5}),
    CHEST_PAIN_THAT_PASSED: frozenset({"chest pain", CHEST_PAIN_ON_EXERTION}),
    CHEST_PAIN_ON_EXERTION: frozenset({"chest pain"}),
    SHINGLES: frozenset({"shingles near the eye"}),
    FRAIL_AND_DECLINING: frozenset(
        {"dangerous reaction to a medicine", "new confusion", "not keeping fluids down"}
    ),
    POSSIBLE_PNEUMONIA: frozenset(
        {"breathing difficulty", FAST_BREATHING_IN_A_CHILD, "fever for days in a young child"}
    ),
    FAST_BREATHING_IN_A_CHILD: frozenset(
        {"breathing difficulty", "warning signs in a baby or young child", "fever in an infant"}
    ),
    COUGHED_BLOOD: frozenset(
        {COUGHED_BLOOD_A_LOT, "possible blood clot in the lungs", "breathing difficulty"}
    ),
    "very high blood pressure": frozenset({"very high blood pressure with warning signs"}),
}
"""A milder card left out when a graver one about the same situation fires: "spotting early in
pregnancy is common" must not stand beside "this can be an ectopic pregnancy, go now"; spots
that do not fade need no same-day card beside a call-now one for meningitis, and meningitis no
second call-now card beside the card for a sudden headache or fever with a stiff neck, which
already names it; confusion after a head injury is the head injury's warning sign, and a rash
with swollen lips after a new medicine is anaphylaxis."""


_TEXT_SPEAK = {
    "n": "and",
    "v": "very",
    "sumthin": "something",
    "sumthing": "something",
    "smthing": "something",
    "wat": "what",
    "wot": "what",
    "u": "you",
    "ur": "your",
    "yday": "yesterday",
    "yest": "yesterday",
    "2day": "today",
    "2nite": "tonight",
    "tonite": "tonight",
    "morn": "morning",
    "coz": "because",
    "cos": "because",
    "cuz": "because",
    "abt": "about",
    "prob": "probably",
    "tho": "though",
    "pls": "please",
    "plz": "please",
}
"""Text-speak words and what they stand for ("chest v heavy n sweatin"): single letters only
where no other reading is likely ("r" is left: "r arm" is a right arm)."""
_TEXT_SPEAK_WORD = re.compile(
    rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, _TEXT_SPEAK))})(?![\w'’-])", re.IGNORECASE
)
_DROPPED_G = re.compile(r"\b([a-z]{3,})in\b", re.IGNORECASE)
_D_AND_V = re.compile(r"\bd\s*(?:&|and|n)\s*v\b", re.IGNORECASE)


def plain_speech(question: str) -> str:
    """``question`` with text-speak written out: "d n v" as diarrhoea and vomiting, the short
    forms of :data:`_TEXT_SPEAK`, and a dropped g restored where only the -ing form is a word
    ("sittin", "breathin"; not "aspirin", "basin" or "insulin", which are words)."""
    text = _D_AND_V.sub("diarrhoea and vomiting", question)
    text = _TEXT_SPEAK_WORD.sub(lambda m: _TEXT_SPEAK[m.group(0).lower()], text)
    return _DROPPED_G.sub(_with_g, text)


def _with_g(match: re.Match[str]) -> str:
    word = match.group(0)
    full = f"{word}g"
    return full if not is_common_english(word.lower()) and is_common_english(full.lower()) else word


def detect_red_flags(question: str) -> tuple[RedFlag, ...]:
    """Emergency signs described in ``question``, one per kind: the emergencies, then the signs
    needing care the same day, each in the order of :data:`CONCEPTS`.

    Negated, past, general and idiomatic mentions are ignored (see the module docstring), and
    text-speak is read written out (:func:`plain_speech`).
    """
    question = plain_speech(question)
    idioms = _spans(question, IDIOMS)
    found = [flag for concept in CONCEPTS if (flag := _flag(question, concept, idioms))]
    kinds = {flag.kind for flag in found}
    found = [flag for flag in found if not SUPERSEDED_BY.get(flag.kind, frozenset()) & kinds]
    if kinds & SWELLING_LOOKALIKES and not _ALLERGEN_TOLD.search(question):
        # a face swelling late in pregnancy or from a bad tooth, nothing eaten or stung
        found = [flag for flag in found if flag.kind != ANAPHYLAXIS]
    crisis = [flag.matched.lower() for flag in found if flag.kind in CRISIS_KINDS]
    # the words of a crisis are not a second sign too ("sleep and not wake up")
    found = [
        flag
        for flag in found
        if flag.kind in CRISIS_KINDS or not any(flag.matched.lower() in c for c in crisis)
    ]
    if any(flag.kind == HOSPICE for flag in found):
        # expected signs of dying: the hospice line, not an emergency number
        found = [flag for flag in found if flag.kind == HOSPICE or flag.kind in CRISIS_KINDS]
    # call-now signs before see-a-doctor-today ones: a card opens with what to do first
    found.sort(key=lambda flag: _URGENCY_ORDER.index(flag.urgency))
    if not found and (caught := _caught_by_a_catch_all(question, idioms)):
        found.append(caught)
    return tuple(found)


def _caught_by_a_catch_all(question: str, idioms: list[tuple[int, int]]) -> RedFlag | None:
    """The first catch-all that fires when no concept did: severe signs asked whether they can
    wait, several warning signs together, then, unless the signs are told as easing
    (:func:`_settling`), a new complaint asked whether it can wait and the statistical check.
    The signs are read once, for the two rules that weigh them."""
    if caught := _flag(question, WAITING_WITH_SEVERE_SIGNS, idioms):
        return caught
    signs = signs_together(question)
    if together := _several_signs(question, signs):
        return together
    if _settling(question, signs):
        return None
    return _flag(question, NEW_SYMPTOM_ASKED_WHETHER_TO_WAIT, idioms) or _worded_urgently(question)


def _worded_urgently(question: str) -> RedFlag | None:
    """The last catch-all: the statistical triage model (:mod:`medcite.answer.triage`), for a
    question about someone (not asked in general, not about an animal, not told as long known)
    that no rule read. It reads the question without its idioms and the general uses every
    concept excludes ("this rota is killing me", "confused about the new rota"): words the
    rules know carry no urgency there carry none for the model either. What is left must read
    as urgent with them too: a blanked idiom must not leave its neighbours weighing alone ("I
    can't fall asleep" is no "I can't …")."""
    if (
        _asked_in_general(question)
        or about_an_animal(question)
        or _told_as_long_known(question)
        or _RELIEVER_SHAKES.search(question)
        or _expected_after_vaccine(question)
        or _EXPLAINED_LOOKALIKE.search(question)
    ):
        return None
    model = triage.shipped_model()
    stripped = _without_known_uses(question)
    if stripped != question and triage.triage_flag(question, model) is None:
        return None
    return triage.triage_flag(stripped, model)


_EXPLAINED_LOOKALIKE = re.compile(
    # a black stool or tongue after bismuth or iron, red urine after beetroot
    r"\b(?:pepto|bismuth|iron (?:tablets?|pills?|supplements?))\b[\s\S]{0,160}?\bblack\b"
    r"|\bblack\b[\s\S]{0,160}?\b(?:pepto|bismuth|iron (?:tablets?|pills?|supplements?))\b"
    r"|\bbeet(?:root)?s?\b[\s\S]{0,160}?\b(?:pee|peed|wee|urine)\b"
    r"|\b(?:pee|peed|wee|urine)\b[\s\S]{0,160}?\bbeet(?:root)?s?\b"
    # a night terror: a child who wakes screaming and remembers nothing of it next day
    r"|\b(?:wakes?|woke|waking)\b[\s\S]{0,60}?\bscream\w*[\s\S]{0,240}?\b(?:remembers? "
    r"nothing|(?:doesn'?t|does not|didn'?t|did not|can'?t) remember|no memory)\b"
    # a red patch on the white of the eye told as painless, with sight unchanged
    r"|^(?=[\s\S]*\bwhites? of (?:my|his|her|the|their|one|an?) eyes?\b)"
    r"(?=[\s\S]*\b(?:(?:doesn'?t|does not|don'?t|do not|didn'?t) hurt|no pain|painless|not "
    r"(?:sore|painful))\b)"
    r"(?=[\s\S]*\b(?:(?:can|could) see (?:fine|ok|okay|normally|perfectly|clearly)|vision (?:is |"
    r"seems )?(?:fine|ok|okay|normal|unaffected))\b)",
    re.IGNORECASE,
)
"""A harmless look-alike told with its explanation: a black stool after bismuth (Pepto-Bismol)
or iron, red urine after beetroot, a child's night terror (woken screaming, not remembered), a
red patch on the white of the eye that does not hurt and sees as before (a burst vessel under
its surface; "like blood" weighs alone for the wording check). The rules still read such a
message (blood vomited, a faint, a painful red eye or one that sees less); only the statistical
check, which weighs the alarming words without their explanation, leaves it."""


_LONG_KNOWN = re.compile(_KNOWN_FOR_LONG, re.IGNORECASE)
_ON_AND_OFF = re.compile(
    r"\b(?:lately|for a while|on and off|off and on|comes? and goes?|every now and then|from "
    r"time to time|now and again)\b",
    re.IGNORECASE,
)
"""A complaint told as coming and going, or of late rather than of today."""
_RECURRING_OR_RELATED = re.compile(
    r"\b(?:\d|one|two|three|four|five|a few|several) (?:or \d+ )?times? (?:a|per|every) "
    r"(?:week|month|day)\b|\bevery (?:week|month|day|night|morning)\b|\brelated\b",
    re.IGNORECASE,
)
"""A complaint told as recurring ("2-3 times a week", "every night") or asked about as related
to another: a question for a routine visit, not a guess at urgency."""
_OVER_NOW = re.compile(
    r"\b(?:wore off|worn off|went away|gone away|settled down|cleared up|back to normal)\b",
    re.IGNORECASE,
)
"""A complaint told as over ("it wore off and I slept fine"): what is asked is what it meant,
which the rules read if a sign of it is still there."""


_RELIEVER_SHAKES = re.compile(
    r"\b(?:salbutamol|albuterol|ventolin|proair|airomir|reliever|blue inhaler|inhaler|puffer)"
    r"\b[^?!]{0,80}?\b(?:shak\w*|trembl\w*|tremor\w*|jitter\w*|heart (?:is |was )?(?:pounding|"
    r"racing|beating fast))\b",
    re.IGNORECASE,
)
"""Shaky hands and a fast heart after puffs of a reliever inhaler: its known, passing effect,
for the rules (breathing trouble, chest pain) to read rather than the wording check."""


def _told_as_long_known(question: str) -> bool:
    """The complaint is told as lasting weeks or more, as coming and going or of late, as
    already looked at or as over ("for the last year", "4 months ago", "on and off", "lately",
    "already seen", "it wore off"): the wording check backs the rules up on what is new, and a
    new turn of an old complaint is the rules' to read."""
    return bool(
        _LONG_STANDING.search(question)
        or _LONG_KNOWN.search(question)
        or _ON_AND_OFF.search(question)
        or _RECURRING_OR_RELATED.search(question)
        or _OVER_NOW.search(question)
    )


def _without_known_uses(question: str) -> str:
    """``question`` with the spans of :data:`IDIOMS` and of every concept's exclusions blanked
    (overlapping spans are merged first, so each stretch is blanked once)."""
    return blanked(question, _spans(question, IDIOMS) + _spans(question, _EXCLUSIONS))


def _flag(question: str, concept: Concept, idioms: list[tuple[int, int]]) -> RedFlag | None:
    """``concept``'s red flag when one of its triggers counts in ``question`` (``idioms``: the
    spans of :data:`IDIOMS` in it, found once for all concepts)."""
    match = _first_match(question, concept, idioms)
    if match is None:
        return None
    return RedFlag(
        kind=concept.kind, matched=_shown(match), advice=concept.advice, urgency=concept.urgency
    )


EMERGENCY_OPENING = "Seek care now."
SAME_DAY_OPENING = "Get medical care today."
SOON_OPENING = "Book an appointment now."
_URGENCY_ORDER: tuple[Urgency, ...] = (EMERGENCY, SAME_DAY, SOON)
"""Most urgent first: the card's opening is that of its most urgent flag."""


REASSURANCE = re.compile(
    r"\b(?:just|only) (?:a |an |some |my |the )?[\w' -]{2,50}\?"
    r"|\b(?:ok|okay|alright|fine|safe) (?:to|if (?:i|we)) (?:just )?(?:wait|leave it|sleep|watch|"
    r"ignore)"
    r"|\bsleep (?:it|this) off\b|\bwait (?:and see|it out|till|until)\b"
    r"|\b(?:it'?s|its|it is) (?:probably |likely |just )?nothing\b(?! (?:to do with|like))"
    r"|\bsee (?:if|how) (?:it|she|he|they) (?:settles?|goes|is)\b|\bnothing to worry about\b"
    r"|\b(?:should|can|do) (?:i|we) (?:just )?(?:wait|leave it|ice it|rest it)\b"
    r"|\bis (?:this|that|it) (?:\w+ )?normal\b|\bwait for (?:\w+ ){0,3}?(?:doctor|gp|"
    r"appointment|tomorrow|monday|the morning)\b"
    r"|\b(?:do|try|give|use|manage|treat)\b[^.?!]{0,30}?\bat home\b|\bhome (?:remed\w*|"
    r"treatments?|cures?)\b"
    r"|\b(?:will|would|do|does|can|could) (?:those|these|they|it|that|this|the \w+|my \w+) "
    r"(?:\w+ )?(?:work|help|do the trick|sort it|clear it|fix it)\b",
    re.IGNORECASE,
)
"""A question asking to be told it is nothing ("just a pulled muscle?", "ok to sleep it off",
"should I ice it and see if it settles", "he says it's nothing", "is this normal", "or wait for
his doctor tomorrow", "what can he do at home", "I have some drops, will those work"): beside
an urgent card, quoted sources could read as that reassurance."""


def seeks_reassurance(question: str) -> bool:
    """True when ``question`` asks to be told it is nothing (:data:`REASSURANCE`)."""
    return bool(REASSURANCE.search(question))


def by_rule(flags: tuple[RedFlag, ...]) -> tuple[RedFlag, ...]:
    """The flags a rule raised, without the statistical check's (:mod:`medcite.answer.triage`):
    a card from the check is shown first, but being a guess from wording it never hides the
    answer nor the documents found."""
    return tuple(flag for flag in flags if flag.kind != triage.TRIAGE_KIND)


def an_emergency(flags: tuple[RedFlag, ...]) -> bool:
    """True when one of ``flags`` needs care now (not only today)."""
    return any(flag.urgency == EMERGENCY for flag in flags)


def card_alone(flags: tuple[RedFlag, ...]) -> bool:
    """True when one of ``flags`` is a same-day card shown alone (:data:`CARD_ALONE`)."""
    return any(flag.kind in CARD_ALONE for flag in flags)


def banner(flags: tuple[RedFlag, ...]) -> str | None:
    """The urgent-care line shown before anything else, or None. It opens as its most urgent
    flag asks: "Seek care now." for an emergency, "Get medical care today." for a same-day
    card, "Book an appointment now." when every flag asks to be seen within days."""
    if not flags:
        return None
    advice = " ".join(dict.fromkeys(flag.advice for flag in flags))
    return f"{_OPENINGS[most_urgent(flags)]} {advice}"


_OPENINGS: dict[Urgency, str] = {
    EMERGENCY: EMERGENCY_OPENING,
    SAME_DAY: SAME_DAY_OPENING,
    SOON: SOON_OPENING,
}


def most_urgent(flags: tuple[RedFlag, ...]) -> Urgency:
    """The most urgent level among ``flags`` (which must not be empty)."""
    return min((flag.urgency for flag in flags), key=_URGENCY_ORDER.index)
