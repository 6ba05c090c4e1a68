"""Red flags: each emergency concept fires on handmade sentences; negations, idioms, general
questions and past events do not; the advice says whom to call. The dev part of the written
red-flag set is the only labelled data used here (the test part is only reported)."""

from __future__ import annotations

import pytest

from medcite.answer.safety import CONCEPTS, about_an_animal, banner, detect_red_flags
from medcite.eval import datasets as ds
from medcite.eval.metrics import binary_scores

pytestmark = pytest.mark.usefixtures("rules_only")
"""These tests are of the rules: the statistical wording check that backs them up when none
fires (``answer.triage``, tested in ``test_triage.py``) is switched off (``tests/conftest.py``)."""


def kinds(question: str) -> set[str]:
    return {flag.kind for flag in detect_red_flags(question)}


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Sudden weakness on one side of my face and slurred speech, what is happening?", "stroke"),
        ("my dad's face is drooping and he can't lift his arm", "stroke"),
        ("her face looks crooked and her words are all garbled", "stroke"),
        ("an hour ago he suddenly couldn't lift his left arm, speech has gone slurry", "stroke"),
        (
            "headache came on at the gym, like being hit with a hammer on the head",
            "sudden severe headache",
        ),
        ("sudden headache an hour ago, worst i've ever had, feel sick", "sudden severe headache"),
        (
            "on insulin for years, now sweaty and shaky and she isn't making sense",
            "diabetic emergency",
        ),
        (
            "took paracetamol all weekend, maybe 16 tablets a day for the pain",
            "overdose or poisoning",
        ),
        # signs of sepsis told in passing during an infection
        (
            "dad is on antibiotics for pneumonia and today he seems a little confused",
            "fever with a warning sign",
        ),
        ("covid since monday and now she is breathing very fast", "fever with a warning sign"),
        # an airway that is closing: saliva not swallowed, a muffled voice (a throat abscess)
        (
            "tonsils are huge, he cannot swallow his saliva and his voice is muffled",
            "throat abscess with drooling",
        ),
        # paracetamol from two products at once
        (
            "have been taking paracetamol every 4 hours and a night nurse at bedtime",
            "overdose or poisoning",
        ),
        ("took co-codamol for my back and two tylenol on top of it", "overdose or poisoning"),
        (
            "grandpa slipped on the stairs, his leg looks shorter and twisted out",
            "possible broken hip",
        ),
        ("she fell in the garden, can't get up and says her hip hurts", "possible broken hip"),
        ("pressed the epipen wrong way round into my finger", "adrenaline injected into a finger"),
        ("I have crushing chest pain spreading to my left arm", "chest pain"),
        ("It hurts in my chest, and I can hardly talk", "chest pain"),
        ("i think my husband is having a heart attack", "chest pain"),
        ("my pulse is 210 and I feel faint", "dangerous heart rhythm"),
        ("I can't breathe after a bee sting and my throat is closing", "breathing difficulty"),
        ("his lips are blue and he is gasping", "breathing difficulty"),
        ("my lips are swollen after eating peanuts", "anaphylaxis"),
        ("my tongue is swelling after the new antibiotic", "anaphylaxis"),
        ("I've been vomiting blood since this morning", "severe bleeding"),
        ("deep cut on my leg and the bleeding won't stop", "severe bleeding"),
        ("period is so heavy, soaking a maxi pad every half hour", "severe bleeding"),
        (
            "suddenly got a horrible pain in the back of my head while lifting",
            "sudden severe headache",
        ),
        ("i get panic attacks but right now i think im having a heart attack", "chest pain"),
        (
            "our toddler has had a fever for four days and is off his food",
            "fever for days in a young child",
        ),
        ("painful blisters on my vulva and it burns when i wee", "painful genital sores"),
        (
            "my depression is getting worse and i can't get out of bed, i need help",
            "depression getting worse",
        ),
        ("what are the signs of an overdose on oxycodone", "overdose or poisoning"),
        (
            "mum had an eye injection for macular degeneration 2 days ago, now it hurts and is red",
            "painful eye after eye surgery",
        ),
        ("type 1, readings in the high 20s and ketones showing", "diabetic emergency"),
        ("pain at the back of her head like being hit by a hammer", "sudden severe headache"),
        ("redness and swelling in her thigh after starting the pill", "possible blood clot"),
        ("my 6 week old baby has a fever of 38.5", "fever in an infant"),
        ("newborn 12 days old, temp 38.2 under the arm", "fever in an infant"),
        ("my toddler swallowed bleach", "overdose or poisoning"),
        ("what happens if your child ate a tylenol tablet", "overdose or poisoning"),
        ("I took 40 of my sleeping pills an hour ago", "overdose or poisoning"),
        ("i think my roommate overdosed, he won't answer", "overdose or poisoning"),
        ("our carbon monoxide detector keeps beeping and i feel dizzy", "overdose or poisoning"),
        ("my brother is having a seizure right now", "loss of consciousness or seizure"),
        ("she collapsed in the kitchen and is unresponsive", "loss of consciousness or seizure"),
        ("worst headache of my life, came on suddenly", "sudden severe headache"),
        ("fever and a stiff neck since tonight", "sudden severe headache"),
        ("fever of 39 and the cut on my leg is oozing pus", "fever with a warning sign"),
        ("tiny purple dots on her shins that don't fade when pressed", "rash that does not fade"),
        ("my mother in law has gotten really confused since sunday", "new confusion"),
        ("my aunt keeps seeing people who aren't there since her fall", "new confusion"),
        ("peed dark brown after a long run, my legs are so sore", "possible muscle breakdown"),
        ("my pee has gone dark brown and my eyes look a bit yellow", "yellow skin or dark urine"),
        (
            "28 weeks and the baby is kicking a lot less since last night",
            "warning signs in pregnancy",
        ),
        ("my son (15) has been cutting himself, how do we help", "suicidal thoughts"),
        ("found blades hidden in her drawer, she's 14, how do i talk to her", "suicidal thoughts"),
        ("noticed scratches on my 13 year old sons forearms, what now", "suicidal thoughts"),
        ("my girl is 15 and there are cuts across her thighs", "suicidal thoughts"),
        ("my sodium came back critically low on the portal", "critical lab result"),
        ("sudden splitting headache while lifting weights", "sudden severe headache"),
        (
            "bad headache at the gym, like someone hit me on the back of the head",
            "sudden severe headache",
        ),
        ("left calf swollen and sore since the long flight home", "possible blood clot"),
        ("on the pill and my right calf is tight and swollen", "possible blood clot"),
        (
            "he drinks water constantly and lost weight without trying, now he is throwing up",
            "diabetic emergency",
        ),
        ("the lab called, my calcium result is critical, what now", "critical lab result"),
        (
            "dad 84, fine last week, today talking nonsense and doesnt know what day it is",
            "new confusion",
        ),
        ("son has a bad headache and there are dark red spots on his chest", "signs of meningitis"),
        ("headache, stiff neck and the light hurts her eyes, no fever", "signs of meningitis"),
        (
            "little marks on his arm that don't go away when you push on them",
            "rash that does not fade",
        ),
        ("bitten by a macaque on holiday, just a graze", "possible rabies exposure"),
        ("the dog bit my finger, it's swollen now", "animal bite that needs care"),
        (
            "spilled the deep fat fryer on my leg, skin has turned white",
            "serious burn or electrical injury",
        ),
        (
            "her baby is really limp and hasn't had a wet nappy all day",
            "warning signs in a baby or young child",
        ),
        (
            "pulled a tick off my arm last week and now there's a red ring round it",
            "rash after a tick bite",
        ),
        (
            "shivering with a fever a week after I got back from Kenya",
            "fever after travel to a malaria area",
        ),
        (
            "at 3900m my friend is confused and can't walk straight",
            "altitude sickness with warning signs",
        ),
        ("32 weeks pregnant and it stings when I wee", "urine infection in pregnancy"),
        (
            "ate a cookie with nuts in, now my throat is getting tight and my voice sounds hoarse",
            "anaphylaxis",
        ),
        (
            "took cialis at midnight and he is still erect this morning",
            "prolonged erection or trapped foreskin",
        ),
        ("heartburn since dinner, now spreading into my jaw, sweating a lot", "chest pain"),
        (
            "brother has not slept for days, talking really fast and spent his savings on a scheme",
            "signs of mania",
        ),
        ("shingles rash right above my eyebrow on the forehead", "shingles near the eye"),
        (
            "he slipped and knocked his head on the step, since then he keeps repeating himself",
            "head injury with a warning sign",
        ),
        (
            "cystitis for days, now the pain has moved into my back and I was shivery all night",
            "fever with a warning sign",
        ),
        (
            "nursing my 3 week old, one breast is hot and red and I'm achy and shivery",
            "breast infection while breastfeeding",
        ),
        (
            "grandad has diabetes, the ulcer under his toe is oozing and smells",
            "infected foot with diabetes",
        ),
        (
            "gran has gone very confused since yesterday and is seeing dogs that aren't there",
            "new confusion",
        ),
        (
            "things are really bad, I've made my will and given my cat to my neighbour",
            "suicidal thoughts",
        ),
    ],
)
def test_each_concept_fires(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "I feel like killing myself",
        "i want to kill myself",
        "I don't want to live anymore",
        "dont want to live like this",
        "sometimes i just want to end it all",
        "everyone would be better off if I were dead",
        "i'd be better off dead",
        "I want to die",
        "there's no reason to live",
        "I'm going to take my own life",
        "i keep wanting to hurt myself",
        "I'm suicidal",
        "feeling really suicidal tonight",
        "my daughter told me she wants to kill herself",
        "how many of my pills would it take to not wake up",
        "how much gravol to kill you",
        "how many tylenol would it take to just never wake up",
        # hopelessness, and a plan to swallow every pill in the house
        "honestly i can't see any point anymore",
        "my son said he doesn't see the point in anything anymore",
        "keep thinking of swallowing the whole bottle of painkillers",
        "i want to take all of my sleeping pills and be done",
    ],
)
def test_suicidal_intent_in_its_common_phrasings(question: str) -> None:
    assert "suicidal thoughts" in kinds(question)


def test_the_words_of_a_crisis_are_one_sign_not_two() -> None:
    """Said of oneself, "sleep and not wake up" is the crisis, not also a person who cannot be
    woken; someone who cannot be woken after pills is both."""
    assert kinds("how many of my pills would it take to sleep and not wake up") == {
        "suicidal thoughts"
    }
    both = kinds("he took all his pills and i cant wake him up, he said he wanted to die")
    assert "suicidal thoughts" in both and "loss of consciousness or seizure" in both


@pytest.mark.parametrize(
    "question",
    [
        "I have a cough but no chest pain",
        "mild rash without any trouble breathing",
        "patient denies chest pain, what else could cause sweating?",
        "never had a seizure but my eyelids twitch",
        "my 5 week old has no fever but sneezes a lot",
        "I'm not suicidal, just tired all the time",
        "I don't want to die of a heart attack like my father, what should I eat",
        "I don't have any thoughts of hurting myself, I just feel flat",
        # a question of schedule, and a point about something else
        "thinking about taking all my tablets in the morning instead of spreading them out",
        "I don't see the point of this diet anymore, can I stop counting calories",
        # a context denied ("no fever") does not make a sign of it a warning
        "the cut on my arm is oozing a little, no fever",
        # bad breath is no infected wound
        "his breath smells awful and he has had a fever since yesterday",
    ],
)
def test_negated_mentions_do_not_count(question: str) -> None:
    assert detect_red_flags(question) == ()


@pytest.mark.parametrize(
    "question",
    [
        "Can too much caffeine kill you?",
        "this migraine is killing me",
        "my kids are killing me, how do I get more sleep",
        "I'm dying to know whether keto works",
        "scared to death of the dentist, any tips",
        "how long does a poison ivy rash last",
        "is poison oak contagious",
        "how long does food poisoning last",
        "I'm afraid I'll hurt myself lifting, what belt should I buy",
        "I cut myself shaving, how do I stop the little nick bleeding",
        "my husband snores and stops breathing at night",
        "I'd rather die than run a marathon, is walking enough exercise",
        "is it critical to take my statin at the same time every day",
        "I found a razor blade in the shower drain, can a cut from it get infected",
        "my puppy is 10 weeks and the baby gate is too low",
        "my toddler is talking nonsense words all day, is that normal",
        "ticked the wrong box and now the rash cream form is wrong",
        "i slept funny, my neck is stiff and now i have a headache",
        "migraine again today, light hurts my eyes and my neck is stiff",
        "trekking to 3000m next month, how do I avoid headaches",
        "back from Ghana and jet lagged, how long until I sleep normally",
        "on viagra and it is still hard to keep an erection",
        "haven't slept for days with the baby, my husband talks fast when he is stressed",
        "had shingles on my back last year, can I have the vaccine now",
        "just made my will, who should I leave my pets to",
        "he snores so loudly and my mum says he stops breathing now and then at night",
        "my periods have been heavy for the last year with big clots, is this the menopause",
    ],
)
def test_idioms_do_not_count(question: str) -> None:
    assert detect_red_flags(question) == ()


@pytest.mark.parametrize(
    "question",
    [
        "how is a heart attack treated",
        "What are the warning signs of a stroke?",
        "what causes chest pain in young people",
        "can anxiety cause shortness of breath",
        "is a febrile seizure hereditary",
        "which antidepressants carry a warning about suicidal thoughts",
        "what temperature is a fever in a newborn",
        "what should i do if someone is having a seizure",
        "What causes facial twitches?",
        "How is high blood pressure treated?",
        "Does ibuprofen interact with warfarin?",
        "is it possible to overdose on vitamin D",
        "what is critical care medicine",
        "how many kicks should a baby make at 30 weeks",
        "my calf is sore after running a marathon",
        "my 4 year old snores loudly, and sometimes stops breathing then gasps, tonsils out?",
        "on the pill, is it ok to fly long haul",
        "my headache got better after i hit the gym",
        "my son has scratches on his arms from the cat, do they need cream",
        "found a cut on my daughter's knee after she fell off her bike",
        "she has scars on her wrists from carpal tunnel surgery",
    ],
)
def test_general_questions_do_not_count(question: str) -> None:
    assert detect_red_flags(question) == ()


@pytest.mark.parametrize(
    "question",
    [
        "had a heart attack 4 years ago, can I lift weights",
        "my son had a febrile seizure last month, will it come back",
        "I overdosed when I was 20, is my liver ok now",
        "I had anaphylaxis to shellfish as a kid, can I eat fish",
        "my grandmother died of a stroke, am I at risk",
        "my father has a history of seizures, can he drive",
        "my cousin committed suicide, how do I talk to my kids about it",
        "I fainted once when I gave blood in college, can I donate again",
        # dated by the sentence after it
        "my lips and tongue swelled up after eating a cashew. that was six years ago, can i try "
        "almonds?",
        # a story dated long ago, its clauses told in the past
        "i got stung by a hornet some years ago, my throat closed up and i collapsed at the "
        "picnic. what should i carry on a camping trip?",
    ],
)
def test_past_events_and_history_do_not_count(question: str) -> None:
    assert detect_red_flags(question) == ()


@pytest.mark.parametrize(
    "question",
    [
        "a few years ago i reacted to a hornet sting, and just now my throat closed up",
        "i had a hornet sting allergy years ago, my throat is closing up after a sting",
        "diagnosed with asthma years ago but the last two days i can't breathe",
    ],
)
def test_a_story_long_ago_that_turns_to_now_counts(question: str) -> None:
    assert detect_red_flags(question), question


def test_now_after_a_past_event_counts() -> None:
    # bleeding after a birth has its own emergency card (not the general one's stools)
    soaking = kinds("gave birth last week and now I'm soaking a pad an hour")
    assert "heavy bleeding after a birth" in soaking
    assert "loss of consciousness or seizure" in kinds("my wife just had a seizure, never before")


def test_asking_how_many_pills_not_to_wake_up_is_no_faint() -> None:
    """The crisis line speaks for "how many would it take to not wake up"; the advice for
    someone unconscious does not join it."""
    found = kinds("how many of my sleeping pills would it take to just not wake up")
    assert found == {"suicidal thoughts"}


def test_each_kind_says_whom_to_call() -> None:
    advice = {concept.kind: concept.advice for concept in CONCEPTS}
    # a fit that goes on: the rescue medicine a family may hold comes first
    assert "rescue medicine" in advice["loss of consciousness or seizure"]
    assert "988" in advice["suicidal thoughts"]
    assert "emergency number" in advice["suicidal thoughts"]
    poisoning = advice["overdose or poisoning"]
    assert "Poison Control (1-800-222-1222 in the US)" in poisoning
    # harm that shows hours later: no waiting to see whether the person gets ill
    assert "even if the person seems well" in poisoning
    assert "emergency number" in poisoning and "unconscious" in poisoning
    for kind, text in advice.items():
        assert "emergency" in text, kind


def test_a_flag_keeps_the_words_that_raised_it() -> None:
    (flag,) = detect_red_flags("Since lunch my chest feels tight and heavy.")
    assert flag.kind == "chest pain"
    assert flag.matched == "chest feels tight"


def test_banner_starts_by_telling_to_seek_care() -> None:
    flags = detect_red_flags("chest pain and shortness of breath")
    text = banner(flags)
    assert text is not None and text.startswith("Seek care now.")
    assert {f.kind for f in flags} == {"chest pain", "breathing difficulty"}
    assert banner(()) is None


def test_dev_part_of_the_written_set() -> None:
    questions = list(ds.written_red_flag_set(split="dev"))
    predicted = [bool(detect_red_flags(q.question)) for q in questions]
    scores = binary_scores([q.label for q in questions], predicted)
    assert scores.recall is not None and scores.recall >= 0.95
    assert scores.false_positive_rate is not None and scores.false_positive_rate <= 0.05
    emergencies = [q for q in questions if q.label]
    right_kind = sum(q.kind in kinds(q.question) for q in emergencies)
    assert right_kind >= 0.9 * len(emergencies)


@pytest.mark.parametrize(
    ("question", "flagged"),
    [
        ("can't lift my arm above my head for 3 months now, is it arthritis", False),
        ("my mom can't lift her left arm since an hour ago", True),
        ("heavy periods with big clots for years, do I need surgery", False),
        ("I'm soaking through a pad every hour with big clots", True),
        ("I have had chest pain for 3 weeks, what could it be", True),
        # an age and a sex, not a temperature in °F
        ("38f, felt faint getting up too fast this morning, fine now", False),
    ],
)
def test_a_sudden_emergency_s_sign_that_has_lasted_months_does_not_count(
    question: str, flagged: bool
) -> None:
    """Weakness that has lasted months is for a doctor's visit, not 911; a heavy period with
    clots likewise, unless it soaks a pad an hour. Chest pain is not only sudden: it counts."""
    assert bool(detect_red_flags(question)) is flagged


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # handmade: a stomach bug on lithium, a sandpaper rash with a sore throat, a drooping
        # fingertip after a knock
        (
            "on lithium, had a tummy bug for two days and now my hands are trembling",
            "dangerous reaction to a medicine",
        ),
        ("fever and sore throat, now a sandpapery rash on her chest", "possible scarlet fever"),
        ("caught a ball on my finger, the end of it droops and won't lift", "mallet finger"),
        ("dads leg ulcer is oozing and hot and red all round it", "spreading skin infection"),
        (
            "gallstones again, right side pain for six hours and shivering",
            "possible gallbladder infection",
        ),
        (
            "had this migraine for the past four days, nothing shifts it",
            "migraine that will not stop",
        ),
        ("sunburn with blisters all over my legs and now i feel dizzy", "severe sunburn"),
        (
            "my son has been making himself vomit after meals and says he feels faint",
            "making oneself sick often",
        ),
        (
            "lump in my cheek in front of my ear, very sore, fever since yesterday",
            "swollen salivary gland with fever",
        ),
        (
            "toddler has a barky cough and a harsh noise when breathing in",
            "croup with noisy breathing",
        ),
        ("molar aching for days and now her jaw is swollen", "spreading tooth infection"),
        ("my face swelled up on one side, i think from a bad tooth", "spreading tooth infection"),
        ("after his knee operation my husband is confused and agitated", "new confusion"),
        ("my mother doesnt know where she is since the infection started", "new confusion"),
        ("mum has chf, up 3 lbs since yesterday", "fluid build-up in heart failure"),
        (
            "snore and always tired, nodded off at the lights last week",
            "falling asleep while driving",
        ),
        ("i nearly fell asleep while driving home", "falling asleep while driving"),
        # paracetamol with combination products that hold it, the product named in the plural
        ("been taking paracetamol all week and a few Lemsips at bedtime", "overdose or poisoning"),
        (
            "my weak heart and i weigh 2kg more than on monday, ankles swelling",
            "fluid build-up in heart failure",
        ),
    ],
)
def test_urgent_same_day_signs_fire(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "had a molar extracted yesterday, how long will my cheek stay swollen",
        "gums are a bit swollen when i floss",
        "I'm confused about how to take my inhaler",
        "she seems confused by the new insurance forms",
        "type 2 diabetic, on insulin, and he is confused why he needs a heart pill",
        "the pharmacy only had 16 tablets of paracetamol, so i took one",
        "is 8 tablets of paracetamol a day too many",
        "on antibiotics for a uti and a little confused about when to take them",
        # asking whether they may go together is no overdose told
        "can i have a lemsip if i took paracetamol this morning",
        "been on paracetamol for my knee, is it safe to add a nyquil tonight",
        "the worst flu ever, and a headache",
        "grandpa has alzheimer's and gets confused in the evenings, any tips",
        "put on 2 kg over christmas, how do i lose it",
        "my baby falls asleep in the car every time we drive",
        "i nodded off watching tv last night",
        "he has heart failure and has gained 3 kg over the last year",
        "fell last week, hip a bit sore but walking fine",
        "my hip hurts when i climb the stairs",
        "on lithium for years and my hands shake a little when i write",
        "my heels are rough like sandpaper",
        "leg ulcer dressing, how often should it be changed",
        "i get a migraine for 3 days before every period",
        "my gallbladder was removed last year, what can i eat",
        "sunburn blisters, should i pop them",
        "how can i stop making myself sick after meals",
        "the neighbours dog barks and i cant breathe for the dust in this flat",
        # a fever over, sores on the lip, depression asked about in general
        "my daughter had a fever for 3 days last month, is she ok to swim now",
        "cold sores on my lip keep coming back, what cream",
        "sore itchy rash on my penis since i changed washing powder",
        # how to use an auto-injector, asked ahead of need
        "how do we use her epipen, the school wants a plan",
        "how long does depression usually last with treatment",
        "had cataract surgery years ago, hay fever makes my eyes red and sore",
        # how a known panic attack feels, told of each one
        "when my panic attacks start i always feel like i'm having a heart attack, how to calm",
        # a medicine's everyday questions, and swelling with no heart failure told
        "i take digoxin, which foods should i avoid",
        "is it ok to take lanoxin with my evening meal",
        "my feet look huge in these new shoes",
        # an eyelid swollen alone is no anaphylaxis, nor an infection behind the eye
        "my eyelid is swollen from a stye, what helps",
        # a stomach bug's cramps, and "terrible" told of a cold
        "stomach bug, been sick twice and cant get comfortable in bed with the cramps",
        "terrible cold since yesterday, what helps",
        # teething drool with a night-time fuss, a short nosebleed, pills hard to swallow
        "our 8 month old is teething, drooling loads, has a temp of 38 and wont lie down",
        "my son had a nosebleed for 5 minutes after picking his nose",
        "nosebleeds on and off for 20 years, should i get them looked at",
        "I can't swallow big tablets, can I crush them",
        "had a tooth pulled yesterday, my jaw is swollen and it hurts to swallow",
        # weight lost on purpose, food that sticks now and then
        "lost weight on my diet and now my stools are looser",
        "food sometimes sticks when I eat too fast, no weight loss",
        "diabetic runner with a black toenail after a marathon",
        "my knees swell a little after a long run, no redness",
        "had blood tests for my diarrhoea last year, all clear",
        "is a bloody nose on chemo common",
        "he burned the toast and the smoke alarm went off",
        "the red swollen bite on my ankle is itchy",
        "my asthma nurse says to use the reliever when needed",
        "ketones were 0.2 this morning, is that fine",
        "had blood in my urine from a kidney stone years ago, can i drink more coffee",
    ],
)
def test_expected_swelling_and_everyday_confusion_do_not_fire(question: str) -> None:
    urgent = {
        "an extra dose of a blood thinner",
        "vomiting or diarrhoea on medicines that need a sick-day pause",
        "a problem during chemotherapy",
        "broken skin during radiotherapy",
        "a stoma with no output",
        "restlessness on a new antipsychotic or anti-sickness medicine",
        "a tight cast",
        "urine infection with a fever",
        "bleeding after a tooth was taken out",
        "severe food restriction",
        "opioid withdrawal",
        "no stool for days after an operation",
        "blood in the urine",
        "possible urine infection in a young child",
        "chest pain that came and went",
        "COPD flare-up",
        "possible pneumonia",
        "fast breathing in a young child",
        "pain after a tooth was taken out",
        "broken or knocked-out adult tooth",
        "possible shingles",
        "cut from someone's teeth",
        "run out of a vital medicine",
        "sudden change in a frail older person",
        "chickenpox in an adult",
        "possible torn Achilles tendon",
        "problem with a dialysis fistula or bag",
        "repeated low blood sugars",
        "new symptoms on immunotherapy",
        "coughing up blood",
        "swelling on an ACE inhibitor",
        "possible whooping cough near a baby",
        "spreading tooth infection",
        "new confusion",
        "fluid build-up in heart failure",
        "falling asleep while driving",
        "fever with a warning sign",
        "overdose or poisoning",
        "possible broken hip",
        "possible scarlet fever",
        "dangerous reaction to a medicine",
        "spreading skin infection",
        "croup with noisy breathing",
        "possible gallbladder infection",
        "migraine that will not stop",
        "severe sunburn",
        "making oneself sick often",
        "swollen salivary gland with fever",
        "chest pain",
        "fever for days in a young child",
        "painful genital sores",
        "depression getting worse",
        "anaphylaxis",
        "painful eye after eye surgery",
        "bleeding from the bowel with weight loss",
        "severe alcohol withdrawal",
        "possible psychosis",
        "thoughts of harming a baby",
        "infection around the eye",
        "severe belly pain with vomiting",
        "sudden severe pain",
        "tooth infection spreading to the neck",
        "cannot swallow saliva",
        "drooling with noisy breathing",
        "severe bleeding",
        "nosebleed that will not stop",
        "swallowing trouble with weight loss",
        "bowel change with weight loss",
        "infected foot with diabetes",
        "bone through the skin",
        "missed dialysis with warning signs",
        "bloody diarrhoea",
        "hot swollen joint",
        "swelling behind the ear",
        "wound problem after an operation",
        "serious problem after an operation",
        "asthma getting worse",
        "raised ketones",
        "burn that needs care",
        "pregnancy with a coil or after sterilisation",
        "diarrhoea or vomiting on cancer treatment",
        "INR far above its range",
        "bleeding on a blood thinner",
        "low blood sugar",
        "high fever in a baby under 6 months",
        "new irregular heartbeat",
        "thirst and confusion with cancer",
        "a toe or foot changing colour",
        "injured nose blocked on both sides",
        "infected ear cartilage",
        "red swollen eyelid getting worse",
        "flare of diverticulitis",
        "new back pain after cancer",
        "swallowed object in a child",
        "painful swelling at the vaginal opening",
        "wound that may need a tetanus jab",
        "severe flare of colitis",
    }
    assert not urgent & kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("my boy is 13, sudden pain in his right testicle and he vomited", "testicular torsion"),
        ("really bad scrotum pain since this morning", "testicular torsion"),
        (
            "5 weeks pregnant, cramping on my left side and now some bleeding",
            "possible ectopic pregnancy",
        ),
        ("positive test, one-sided pain and i feel faint", "possible ectopic pregnancy"),
        ("toddler has a high-pitched noise when she breathes in", "breathing difficulty"),
    ],
)
def test_torsion_ectopic_pregnancy_and_stridor_fire(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "dull ache in my testicle for months when i stand a lot",
        "small lump on my testicle, no pain at all",
        "the balls of my feet hurt after a long walk, swollen too",
        "20 weeks pregnant and dizzy when i stand up fast",
        "pregnant, round ligament pain on my right side, no bleeding, normal?",
    ],
)
def test_everyday_scrotal_and_pregnancy_complaints_do_not_fire(question: str) -> None:
    assert not {"testicular torsion", "possible ectopic pregnancy"} & kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("I stuck myself with a used needle from my neighbour, what now", "needle-stick injury"),
        ("pricked my finger on a syringe I found in the park", "needle-stick injury"),
        ("got a needle stick from a patient at work an hour ago", "needle-stick injury"),
        ("I drink about 15 beers a day, is it ok to stop cold turkey", "alcohol withdrawal"),
        ("he gets the shakes every morning until he has a drink", "alcohol withdrawal"),
        ("my wife drinks a bottle of wine a night and wants to quit", "alcohol withdrawal"),
    ],
)
def test_needle_sticks_and_stopping_heavy_drinking_need_care_today(
    question: str, kind: str
) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "I poked myself with my own insulin pen needle, is that bad?",
        "my arm is sore where the nurse stuck me with the needle for my flu shot",
        "how do hospitals prevent needlestick injuries",
        "I got a needle stick 3 years ago and tested negative, can HIV show up now?",
        "my dad drank 10 beers a day for years but quit 5 years ago, can his liver recover",
        "I quit smoking cold turkey last month, why am I so hungry",
        "I drink 8 cups of coffee a day and feel shaky",
        "how many drinks a day is too many",
    ],
)
def test_own_needles_past_sticks_and_other_habits_do_not_fire(question: str) -> None:
    assert not {"needle-stick injury", "alcohol withdrawal"} & kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "we turned the furnace on last week and now both kids and I get headaches at home",
            "carbon monoxide poisoning",
        ),
        (
            "ran the generator in the garage and my husband is dizzy and throwing up",
            "carbon monoxide poisoning",
        ),
        (
            "the pain began near my belly button and moved to the lower right",
            "possible appendicitis",
        ),
        (
            "lower right belly pain that hurts worse when i walk or cough, fever 101",
            "possible appendicitis",
        ),
        ("bad back pain and i cant feel the toilet paper when i wipe", "spinal nerve compression"),
        (
            "sciatica for years, now both legs weak and I havent been able to pee all day",
            "spinal nerve compression",
        ),
    ],
)
def test_carbon_monoxide_appendicitis_and_spinal_compression_fire(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "is it safe to cook on a gas stove while pregnant",
        "my lower right side has ached on and off for years after meals",
        "i have back pain, what mattress is best",
        "can a gas heater dry out the air and cause nosebleeds in general?",
    ],
)
def test_appliances_old_aches_and_plain_back_pain_do_not_fire(question: str) -> None:
    assert not {
        "carbon monoxide poisoning",
        "possible appendicitis",
        "spinal nerve compression",
    } & kinds(question)


def test_a_red_flag_shows_the_words_that_raised_it() -> None:
    (flag,) = detect_red_flags("I drink about 12 beers a day and want to quit")
    assert flag.matched == "drink about 12 beers a day"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "my daughter put a coin battery from the car key in her mouth and now we cant find it",
            "swallowed battery or magnets",
        ),
        (
            "i think my son swallowed two of those magnetic balls from his desk toy",
            "swallowed battery or magnets",
        ),
        (
            "my 3 year old fell down the stairs and has vomited twice since, is that normal",
            "head injury in a child",
        ),
        ("toddler hit his head on the table, now very sleepy and cranky", "head injury in a child"),
        (
            "30 weeks pregnant, blurry vision and my hands are suddenly swollen",
            "preeclampsia warning signs",
        ),
        ("i have adrenal insufficiency and have been vomiting since last night", "adrenal crisis"),
        (
            "found a bat in our bedroom this morning, no bites that we can see",
            "possible rabies exposure",
        ),
        ("got scratched by a raccoon while camping", "possible rabies exposure"),
        (
            "on cipro for a uti and my achilles is sore and swollen",
            "tendon pain on a fluoroquinolone",
        ),
        (
            "she took a bunch of her sleeping pills and i cant get her to wake up",
            "loss of consciousness or seizure",
        ),
        ("he took about 20 of his ambien an hour ago", "overdose or poisoning"),
    ],
)
def test_swallowed_batteries_head_injuries_and_other_new_emergencies_fire(
    question: str, kind: str
) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "how long do hearing aid batteries last",
        "my 5 year old fell off his bike and scraped his knee, how do i clean it",
        "is it normal for my feet to swell at 32 weeks pregnant",
        "what is addison's disease and is it genetic",
        "we saw bats flying over the lake at dusk, are they dangerous",
        "can levofloxacin cause tendon problems in general?",
        "my son plays baseball, which bat is best for a 10 year old",
    ],
)
def test_everyday_batteries_falls_pregnancy_and_bats_do_not_fire(question: str) -> None:
    new = {
        "swallowed battery or magnets",
        "head injury in a child",
        "preeclampsia warning signs",
        "adrenal crisis",
        "possible rabies exposure",
        "tendon pain on a fluoroquinolone",
    }
    assert not new & kinds(question)


def test_a_negation_in_an_earlier_clause_does_not_cancel_a_sign() -> None:
    """ "tylenol didn't help, I'm seeing spots": the negation belongs to its own clause."""
    assert "preeclampsia warning signs" in kinds(
        "34 weeks pregnant, headache and tylenol didnt help, im seeing flashing lights"
    )


def test_lab_tests_are_no_labrador() -> None:
    assert not about_an_animal("do I need to stop biotin before my labs next week")
    assert about_an_animal("my lab ate a whole sock, should he see someone")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "some oven cleaner got in my sons eye, its red and he is screaming",
            "chemical in the eye",
        ),
        ("i splashed bleach into my eyes while cleaning the bathroom", "chemical in the eye"),
        (
            "sore throat for a week, now i cant open my mouth all the way and sound muffled",
            "throat abscess or airway swelling",
        ),
        (
            "my belly is swollen like a drum, i keep vomiting and havent passed gas since sunday",
            "possible bowel obstruction",
        ),
        (
            "her leg is in a cast since yesterday and now her toes are cold and numb",
            "pressure under a cast",
        ),
    ],
)
def test_eye_chemicals_throat_abscess_blocked_bowel_and_tight_casts_fire(
    question: str, kind: str
) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "when she laughs hard her face goes droopy for a few seconds, is that narcolepsy",
            "stroke",
        ),
        (
            "my son fainted twice this year at sports, what tests should he have",
            "loss of consciousness or seizure",
        ),
        ("how do I get eye drops in without blinking", "chemical in the eye"),
        ("my cast itches so much, how do i scratch under it", "pressure under a cast"),
    ],
)
def test_brief_triggered_droops_counted_past_faints_and_everyday_cast_worries_do_not_fire(
    question: str, kind: str
) -> None:
    assert kind not in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "since lunch a shower of dark specks in my left eye, and it flickers at the edges",
        "lots of new grey dots and flashing in his eye after he bumped his head",
        "it's like a shadow is creeping in from the bottom of my eye since this morning",
    ],
)
def test_floaters_in_lay_words_and_a_shadow_moving_in_fire(question: str) -> None:
    assert "sudden loss of vision" in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "she's been fitting for 8 or 9 minutes and her lips are going a funny colour",
        "his fit stopped for a second then started again, he hasnt come to",
        "two fits now and she hasnt woken up in between them",
    ],
)
def test_a_long_or_returning_fit_is_an_emergency(question: str) -> None:
    assert "loss of consciousness or seizure" in kinds(question)


def test_bowel_bleeding_with_weight_loss_is_seen_promptly() -> None:
    kind = "bleeding from the bowel with weight loss"
    assert kind in kinds("blood in my stools for weeks and lost half a stone without trying")
    assert kind in kinds("bloody diarrhoea most days, dropped 6 kg for no reason")
    assert kind not in kinds("blood on the paper after a hard poo, probably piles")
    assert kind not in kinds("lost a stone dieting and saw some blood in my poo once")


def test_a_fit_that_ended_or_a_dress_that_fits_is_none() -> None:
    assert "loss of consciousness or seizure" not in kinds(
        "she has epilepsy, had a fit this morning that stopped after a minute, she is fine now"
    )
    assert "loss of consciousness or seizure" not in kinds("my new dress keeps fitting badly")


@pytest.mark.parametrize(
    "question",
    [
        "spider bite on my calf is a big itchy red lump, infected or just an allergic reaction?",
        "could this be a mild allergic reaction to the new soap, my hands are itchy",
        "i see loads of black spots for a second when i stand up too quickly",
        "found a new dark spot on my shoulder, should a doctor look at it",
        "the scan showed a shadow moving across the lung field, what does that mean",
    ],
)
def test_wondered_allergies_dizzy_spots_and_skin_spots_do_not_fire(question: str) -> None:
    assert not {"anaphylaxis", "sudden loss of vision"} & kinds(question)


def test_an_allergic_reaction_happening_still_fires() -> None:
    assert "anaphylaxis" in kinds("my son is having an allergic reaction to the peanuts he ate")


def test_a_sign_on_ones_own_body_is_about_a_person() -> None:
    assert not about_an_animal("scaly circle on my wrist since the new puppy came, what cream")
    assert about_an_animal("our puppy has a scaly circle on his leg, what cream")


def test_a_walked_dog_or_a_child_told_by_age_is_no_animal_patient() -> None:
    assert not about_an_animal("my inhaler gets used most when I walk the dog on frosty days")
    assert not about_an_animal("new puppy and my 6 year old gets itchy eyes, do we give him up")
    assert about_an_animal("our puppy keeps shaking his head, what ear drops")


def test_an_animal_licking_itself_is_still_the_patient() -> None:
    assert about_an_animal("my cat keeps licking himself and cant pee, can it wait")
    assert not about_an_animal("our dog licked my baby's face, should i worry")


def test_a_question_about_what_harms_animals_is_about_animals() -> None:
    """ "safe around cats", "toxic to dogs": the animal is the one at risk, so a vet answers;
    a person who may catch something from animals is asked about themselves."""
    assert about_an_animal("is it ok to burn scented candles around my cats")
    assert about_an_animal("are grapes toxic to dogs")
    assert not about_an_animal("can you catch ringworm from cats")
    assert not about_an_animal("is it safe to be around cats when pregnant")


@pytest.mark.parametrize(
    "question",
    [
        "ive had severe pain in my side all night, can this wait till my appointment on friday",
        "my daughter has a fever of 104 and is screaming, should we wait until morning",
        "his leg is numb and getting worse, can he just sleep it off",
    ],
)
def test_asking_to_wait_with_a_severe_sign_gets_same_day_care(question: str) -> None:
    flags = detect_red_flags(question)
    assert [f.kind for f in flags] == ["severe symptoms, asked whether to wait"]
    assert "today" in flags[0].advice and "emergency" in flags[0].advice


@pytest.mark.parametrize(
    "question",
    [
        "my knee is a bit sore after running, should i wait and see",
        "is it normal to feel tired after the flu shot",
        "what is the worst food for gout",
    ],
)
def test_mild_signs_or_no_waiting_asked_get_no_catch_all(question: str) -> None:
    assert "severe symptoms, asked whether to wait" not in kinds(question)


def test_the_catch_all_stays_out_when_a_named_emergency_fires() -> None:
    flags = kinds("my dad's face is drooping on one side, can he sleep it off, it is severe")
    assert "stroke" in flags
    assert "severe symptoms, asked whether to wait" not in flags


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "his arm suddenly turned white and cold an hour ago and it hurts a lot",
            "a limb without blood flow",
        ),
        (
            "all of a sudden my foot went ice cold and blue and I can't really move my toes",
            "a limb without blood flow",
        ),
        (
            "she got kicked in the back of the head at practice, now she is unusually sleepy",
            "head injury with a warning sign",
        ),
    ],
)
def test_a_limb_losing_its_blood_and_a_head_blow_told_at_length_fire(
    question: str, kind: str
) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "why do my toes go white when I swim in cold water",
        "my feet are always cold in bed, is that circulation",
        "my arm went numb after sleeping on it, it got better in a minute",
    ],
)
def test_cold_fingers_and_toes_and_a_slept_on_arm_are_no_lost_limb(question: str) -> None:
    assert "a limb without blood flow" not in kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "my nephew was kneed in the groin at football and now one side is swollen",
            "testicular torsion",
        ),
        (
            "36 weeks along and pregnant, my feet and hands itch all night",
            "warning signs in pregnancy",
        ),
    ],
)
def test_a_groin_blow_with_swelling_and_itchy_hands_and_feet_late_in_pregnancy_fire(
    question: str, kind: str
) -> None:
    assert kind in kinds(question)


def test_a_groin_knock_that_settled_and_itchy_hands_outside_pregnancy_do_not_fire() -> None:
    assert "testicular torsion" not in kinds("got hit in the groin last week, sore but fine now")
    assert "warning signs in pregnancy" not in kinds("my hands and feet itch after hiking")


def test_numb_feelings_are_no_numb_limb() -> None:
    """ "I feel numb, I don't enjoy anything" tells of feelings, not a lost sensation: no
    same-day card for a severe sign; a numb leg asked about is one."""
    feelings = "lately i feel numb inside and don't enjoy anything, is that normal"
    assert "severe symptoms, asked whether to wait" not in kinds(feelings)
    leg = "my leg went numb an hour ago and it still is, is that normal"
    assert "severe symptoms, asked whether to wait" in kinds(leg)


@pytest.mark.parametrize(
    ("question", "hoping"),
    [
        ("calf swollen since the flight. just a pulled muscle?", True),
        ("is it ok to sleep it off", True),
        ("should i ice it and see if it settles", True),
        ("can we wait and see how she is tomorrow", True),
        ("what causes a swollen calf after a flight", False),
        ("is it just me or is it hot in here", False),
        ("her lips are blue but she says it's nothing", True),
        ("it's probably nothing but my leg is swollen", True),
        ("it's nothing to do with food, the rash came first", False),
        ("the blisters have reached my ear now, is this normal spread", True),
        ("should we go to a&e or wait for the gp tomorrow", True),
        ("what is a normal heart rate for a 70 year old", False),
        ("can't wee since last night, anything he can try at home to get it going?", True),
        ("any home remedies for a swollen tongue", True),
        ("I work at home and my wrist hurts from typing", False),
        ("I have some eye drops from the chemist, will those work?", True),
        ("would my inhaler help with this?", True),
        ("how do antibiotics work?", False),
    ],
)
def test_a_question_asking_to_be_told_it_is_nothing(question: str, hoping: bool) -> None:
    from medcite.answer.safety import seeks_reassurance

    assert seeks_reassurance(question) is hoping


@pytest.mark.parametrize(
    "question",
    [
        "my friend took some pills at a party and now she is burning up and confused",
        "had some coke at a club and now my heart is racing, what do i do",
        "he collapsed after taking ketamine, we are at the gig",
    ],
)
def test_a_recreational_drug_doing_harm_now_is_an_emergency(question: str) -> None:
    assert "reaction to a recreational drug" in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "i feel really hot after taking some pills for my headache",
        "is mdma safe with sertraline",
        "took molly last week and my jaw ached the next day, is that normal",
    ],
)
def test_a_medicine_or_a_drug_asked_about_is_no_drug_reaction(question: str) -> None:
    assert "reaction to a recreational drug" not in kinds(question)


def test_breathless_lying_flat_with_swollen_legs_needs_a_doctor_today() -> None:
    """No longer able to lie flat (or sleeping propped up) with swollen legs or ankles can be
    heart failure; either alone, or pillows for heartburn, is no card."""
    told = "can no longer sleep flat, propped up on four pillows, and my ankles are swollen"
    assert "breathless lying flat with swollen legs" in kinds(told)
    for alone in (
        "my ankles swell on long flights, is that normal",
        "sleeping propped up on 3 pillows because of heartburn",
        "cant lie flat since my back surgery",
    ):
        assert "breathless lying flat with swollen legs" not in kinds(alone), alone


@pytest.mark.parametrize(
    ("question", "flagged"),
    [
        ("my dad accidentally took his evening tablets twice tonight, he seems fine", True),
        ("i gave her a double dose of her antibiotic by mistake", True),
        ("took my water pills twice this morning and now im dizzy", True),
        ("i take my inhaler twice a day, is that enough", False),
        ("can i take a double dose if i missed one yesterday", False),
        ("my pills are taken twice daily with food", False),
    ],
)
def test_a_medicine_taken_twice_by_mistake_is_a_call_to_poison_control(
    question: str, flagged: bool
) -> None:
    assert ("overdose or poisoning" in kinds(question)) is flagged


def test_stopping_steroid_tablets_then_vomiting_or_fever_is_seen_today() -> None:
    from medcite.answer.safety import SAME_DAY, detect_red_flags

    flags = detect_red_flags(
        "I came off my prednisolone a week ago after two months and now I keep being sick "
        "and I feel dizzy"
    )
    assert [f.kind for f in flags] == ["adrenal insufficiency after stopping steroids"]
    assert flags[0].urgency == SAME_DAY
    # tablets not had for days, told without the word "stopped"
    for told in (
        "on dexamethasone for three months, forgot them at the hotel and have not taken any "
        "since Friday, now vomiting",
        "hydrocortisone tablets for a year, haven't had any for 5 days and I'm weak as a lamb",
    ):
        assert "adrenal insufficiency after stopping steroids" in kinds(told), told
    # stopping alone, or another thing stopped, is no sign
    assert not detect_red_flags("i stopped my prednisolone last month, can i drink wine")
    assert not detect_red_flags("stopped vaping last week and now a bit dizzy")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "out of nowhere a headache like being struck by a hammer, worst ever",
            "sudden severe headache",
        ),
        (
            "sudden awful headache at the gym and an hour later my neck feels really stiff",
            "sudden severe headache",
        ),
        ("slipped disc pain for days and now my groin is kind of numb", "spinal nerve compression"),
        (
            "back pain since friday and I wet myself in the car without noticing",
            "spinal nerve compression",
        ),
    ],
)
def test_sah_and_cauda_equina_told_in_other_words(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "my bum goes numb on long bike rides",
        "worst ever hay fever this year, headache too",
        "headache after a sudden change in the weather, is that a thing",
    ],
)
def test_numb_on_a_bike_or_a_bad_season_is_no_emergency(question: str) -> None:
    assert not {"sudden severe headache", "spinal nerve compression"} & set(kinds(question))


def test_a_sign_already_seen_by_a_clinician_is_no_new_emergency() -> None:
    from medcite.answer.safety import detect_red_flags

    seen = (
        "my daughter passed out at the pool on saturday, the paramedics checked her over and "
        "said she was fine to go home. could it be her heart?"
    )
    assert not detect_red_flags(seen)
    # a sign told after the visit is new
    again = "he had a fit on monday and the hospital discharged him, and now he won't wake up"
    assert "loss of consciousness or seizure" in kinds(again)


def test_signs_of_dying_in_hospice_call_the_hospice_line_not_911() -> None:
    from medcite.answer.safety import EMERGENCY, HOSPICE, detect_red_flags

    flags = detect_red_flags(
        "dad is in palliative care at home, his breathing has long pauses and a wet rattle tonight"
    )
    assert [f.kind for f in flags] == [HOSPICE]
    assert all(f.urgency != EMERGENCY for f in flags)
    assert flags[0].advice.startswith("Call the hospice team")
    # the same breathing without hospice care is an emergency
    assert "breathing difficulty" in kinds("dad's breathing has long pauses and he is turning blue")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "I wear contacts and my right eye is red and sore, light hurts it since this morning",
            "contact lens eye infection",
        ),
        (
            "knocked my head on a cupboard door, now I keep nodding off and my words are slurred",
            "head injury with a warning sign",
        ),
        (
            "sciatica for a week and now I have trouble starting to pee",
            "spinal nerve compression",
        ),
    ],
)
def test_more_ways_of_telling_a_sign(question: str, kind: str) -> None:
    assert kind in kinds(question)


def test_contact_lens_questions_without_a_sick_eye_are_no_red_flag() -> None:
    assert "contact lens eye infection" not in kinds("which contact lens solution is best")
    assert "contact lens eye infection" not in kinds("my contacts make my eyes dry by evening")


def test_one_card_for_meningitis_signs() -> None:
    """Spots that do not fade beside a headache and a stiff neck: the call-now meningitis card
    alone, not the same-day card for the spots as well."""
    found = kinds(
        "bad headache, stiff neck, and red spots on her tummy that won't fade when pressed"
    )
    assert found == {"signs of meningitis"}


def test_a_head_injury_on_a_blood_thinner_with_a_warning_sign_is_one_call_now_card() -> None:
    found = kinds("dad is on warfarin, bumped his head on a shelf and now he is muddled")
    assert found == {"head injury with a warning sign"}


def test_a_swollen_face_late_in_pregnancy_is_preeclampsia_not_anaphylaxis() -> None:
    """Nothing eaten or stung: the swelling is preeclampsia's sign (with an allergen named, both
    cards stand)."""
    found = kinds("33 weeks pregnant, seeing flashing lights and my face has puffed up today")
    assert found == {"preeclampsia warning signs"}
    assert "anaphylaxis" in kinds("33 weeks pregnant, ate prawns and my face has puffed up")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "my 3 year old got into the cupboard and swallowed some of grandma's propranolol",
            "overdose or poisoning",
        ),
        ("since starting penicillin yesterday my lips have gone puffy", "anaphylaxis"),
        (
            "she has been googling how many of her sleeping pills it would take",
            "suicidal thoughts",
        ),
        (
            "it has stayed hard for about 6 hrs and is getting painful",
            "prolonged erection or trapped foreskin",
        ),
        (
            "his eczema has come up in clusters of blisters and he has a temperature",
            "infected eczema",
        ),
        ("it stings so much when I wee that I can't go", "cannot pass urine"),
        ("mum is 84 and she's been really muddled since Tuesday", "new confusion"),
    ],
)
def test_signs_told_by_a_drug_s_name_a_search_or_an_everyday_word(question: str, kind: str) -> None:
    """A medicine named by its generic stem ("-olol", "-dipine"), a search for how many tablets
    it would take, "hrs", "muddled": each still raises its card."""
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "been working hard for 12 hours and my back aches",
        "I looked up how many calories it takes to lose a pound",
        "my eczema flares every winter, which cream is best",
        "does amlodipine make your ankles swell",
    ],
)
def test_everyday_hours_searches_and_eczema_are_no_red_flag(question: str) -> None:
    assert not kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("out walking the dog, now a crushing feeling in my chest that won't ease", "chest pain"),
        (
            "the nurse phoned and said to go to A&E with my sodium result, I feel ok though",
            "told to go to hospital",
        ),
        ("a band of blisters across my forehead and now my eye is red", "shingles near the eye"),
        ("woke up this morning and can barely hear in my right ear", "sudden hearing loss"),
        (
            "tooth abscess and now my face is swollen and I can't swallow",
            "tooth infection spreading to the neck",
        ),
    ],
)
def test_more_signs_as_people_tell_them(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    ("question", "absent"),
    [
        ("hives all over since lunch, breathing is fine and my lips are normal", "anaphylaxis"),
        ("my gums bleed when I floss, 30 weeks pregnant", "warning signs in pregnancy"),
        ("nosebleeds most days at 26 weeks pregnant", "warning signs in pregnancy"),
        ("tooth abscess and now my face is swollen and I can't swallow", "anaphylaxis"),
        ("my GP said there was no need to go to A&E for the cut", "told to go to hospital"),
        ("the nurse said to go to hospital if the rash spreads", "told to go to hospital"),
    ],
)
def test_look_alikes_of_an_emergency_raise_no_call_now_card(question: str, absent: str) -> None:
    """Hives with breathing and lips told fine, bleeding gums or nose in pregnancy, a face
    swollen by a bad tooth: each has its own card or none, not the emergency's."""
    assert absent not in kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("so tired of it all, what's the point anymore", "suicidal thoughts"),
        ("i have a whole box of my sleeping tablets put aside now", "suicidal thoughts"),
        ("would 30 of my tablets be enough so i never wake up", "suicidal thoughts"),
        ("no appetite for weeks and i won't be here much longer anyway", "suicidal thoughts"),
        ("my flatmate has been cutting her thighs, how do i bring it up", "suicidal thoughts"),
        (
            "he drank a litre of vodka a day until he quit three days ago, now he is hallucinating",
            "severe alcohol withdrawal",
        ),
        ("after a line of cocaine my chest is crushing me", "chest pain"),
        ("my chest is squeezing and my left arm went heavy, 58 male", "chest pain"),
        (
            "my aunt insists the police are tracking her and the radio is sending her messages",
            "possible psychosis",
        ),
        ("my son hears voices telling him he is being punished", "possible psychosis"),
        (
            "two weeks after the birth i get images of drowning my baby in the bath",
            ("thoughts of harming a baby"),
        ),
    ],
)
def test_crisis_psychosis_and_withdrawal_told_in_everyday_words(question: str, kind: str) -> None:
    """Despair asked back, tablets put aside, a passive wish, a partner's cutting, withdrawal
    hallucinations, a crushed chest, persecutory beliefs and unwanted thoughts about a baby."""
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "what's the point of taking a statin anymore if my cholesterol is normal",
        "i have terminal cancer and won't be around much longer, how do i tell my kids",
        "is 5 mg of melatonin enough so i don't wake up at 4am",
        "i think people are watching me at the gym, how do i get less self-conscious",
        "stopped drinking ten years ago and have had epilepsy since childhood, seizure advice",
        "my teenage son keeps cutting his arm hair off, is that a habit disorder",
        "had a dream about dropping my baby, is that normal after giving birth",
        "panic attacks on the bus, heart pounding and i feel like i'm going to die",
        "the turbulence was awful, i honestly thought i was going to die. how do i fly again",
        "moving abroad next month so i won't be here much longer, can i get 3 months of pills",
    ],
)
def test_look_alikes_of_crisis_psychosis_and_withdrawal_are_no_red_flag(question: str) -> None:
    assert not kinds(question) & {
        "suicidal thoughts",
        "severe alcohol withdrawal",
        "possible psychosis",
        "thoughts of harming a baby",
    }


@pytest.mark.parametrize(
    ("question", "present", "absent"),
    [
        (
            "took a sumatriptan on top of my fluoxetine, now twitching, sweating, heart at 140",
            "possible serotonin syndrome",
            "dangerous reaction to a medicine",
        ),
        ("can my mum use her GTN spray for chest pain with her new eye drops", None, "chest pain"),
        ("he uses a spray for chest pain and the pain still hasn't eased", "chest pain", None),
    ],
)
def test_serotonin_syndrome_calls_now_and_a_medicine_s_use_is_no_chest_pain(
    question: str, present: str | None, absent: str | None
) -> None:
    """Twitching with sweating on two serotonergic medicines is a call-now card of its own; a
    spray "for chest pain" tells what it is for, unless pain now is told too."""
    found = kinds(question)
    assert present is None or present in found
    assert absent is None or absent not in found


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "first time trying hummus, now her lips look puffy and her voice is hoarse",
            "anaphylaxis",
        ),
        ("gave him egg for the first time and his lips are puffy and he's coughing", "anaphylaxis"),
        (
            "my 3 week old son has been off his feeds all day and much sleepier than usual and "
            "keeps grunting when he breathes, and now the thermometer says 38.4",
            "fever in an infant",
        ),
        (
            "she has had a fever all day and there are tiny red spots on her arms, i pressed a "
            "glass against them and they didn't fade",
            "signs of meningitis",
        ),
        (
            "tiny red spots on his shins, i pressed a glass on them and they did not go away, "
            "no temperature",
            "rash that does not fade",
        ),
    ],
)
def test_a_first_food_a_long_sentence_and_the_glass_test_in_two_steps(
    question: str, kind: str
) -> None:
    """A reaction to a food tried for the first time, a young baby's fever told at the end of
    a long sentence, and the glass test told as what was done and what the spots did."""
    assert kind in kinds(question)


def test_a_sentence_dating_an_event_only_recently_leaves_it_an_emergency() -> None:
    """ "That was an hour ago" dates the swelling before it as now, not as history; "it happened
    once before" tells an earlier episode, not when this one was."""
    told = "my lips and tongue swelled up after eating a cashew. that was an hour ago, what now?"
    assert "anaphylaxis" in {f.kind for f in detect_red_flags(told)}
    # an earlier episode told after it is no date of this one
    again = (
        "a chunk of chicken is stuck in my chest and i cannot swallow my spit. it happened once "
        "before and went away."
    )
    assert "cannot swallow saliva" in {f.kind for f in detect_red_flags(again)}
