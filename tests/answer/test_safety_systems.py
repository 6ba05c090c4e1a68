"""Red flags by body system (the general triage discriminators of ``answer.safety``): each
fires on handmade messages that describe it without naming a disease, and stays quiet on
the everyday, chronic, past or general messages that share its words."""

from __future__ import annotations

import pytest

from medcite.answer.safety import (
    ANAPHYLAXIS,
    POSSIBLE_ABUSE,
    PREECLAMPSIA,
    SAME_DAY,
    SEVERAL_SIGNS_KIND,
    detect_red_flags,
)

pytestmark = pytest.mark.usefixtures("rules_only")
"""These tests are of the rules: the statistical wording check that backs them up when none
fires (``answer.triage``, tested in ``test_triage.py``) is switched off (``tests/conftest.py``)."""


def kinds(question: str) -> set[str]:
    return {flag.kind for flag in detect_red_flags(question)}


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("all of a sudden i cant see anything out of my right eye", "sudden loss of vision"),
        (
            "theres like a dark curtain coming down over the top of my vision",
            "sudden loss of vision",
        ),
        (
            "tons of new floaters and flashes of light in one eye since lunch",
            "sudden loss of vision",
        ),
        (
            "my eye is red and hurts a lot, I see halos round lamps and threw up",
            "sudden loss of vision",
        ),
        (
            "fever of 102 and my neck is so stiff i cant put my chin to my chest",
            "fever with a warning sign",
        ),
        ("she's on chemo and now has a temp of 38.4, do we wait?", "fever with a warning sign"),
        (
            "fever, pain in my lower back on the right and it burns when I pee",
            "fever with a warning sign",
        ),
        (
            "the redness round the bite is spreading fast, it was small this morning",
            "spreading skin infection",
        ),
        ("theres a red line running up my forearm from the scratch", "spreading skin infection"),
        (
            "I drew around the red patch with a pen and it has gone past the line",
            "spreading skin infection",
        ),
        (
            "im 36 weeks pregnant and havent felt the baby move since yesterday",
            "warning signs in pregnancy",
        ),
        (
            "29 weeks pregnant, had a gush of clear fluid, is that normal",
            "warning signs in pregnancy",
        ),
        (
            "I'm 31 weeks and started spotting bright red this afternoon",
            "warning signs in pregnancy",
        ),
        ("since I gave birth I'm soaking a pad every hour", "warning signs after a birth"),
        (
            "my sister delivered 5 days ago and now she is hearing voices",
            "warning signs after a birth",
        ),
        ("our 10 day old threw up green stuff twice", "warning signs in a baby or young child"),
        (
            "my toddler has had no wet diapers since breakfast and is floppy",
            "warning signs in a baby or young child",
        ),
        ("my 3 day old looks yellow all over", "warning signs in a baby or young child"),
        ("my 4 week old son won't feed at all today", "warning signs in a baby or young child"),
        (
            "i have had an erection for 5 hours and it will not go down",
            "prolonged erection or trapped foreskin",
        ),
        (
            "my son pulled his foreskin back and now it's stuck and swollen",
            "prolonged erection or trapped foreskin",
        ),
        ("my dad hasn't peed in 14 hours and his belly is swollen", "cannot pass urine"),
        (
            "i cant pee since last night and my bladder feels like it will burst",
            "cannot pass urine",
        ),
        ("blood sugar 480 and she keeps throwing up", "diabetic emergency"),
        ("his sugar dropped to 38 and he is confused and not making sense", "diabetic emergency"),
        ("the ketones on the strip are large", "diabetic emergency"),
        (
            "he fell off his bike and his wrist looks bent at a weird angle",
            "possible broken bone or dislocation",
        ),
        (
            "grandma slipped in the bathroom and can't put weight on her leg",
            "possible broken bone or dislocation",
        ),
        (
            "my mom takes eliquis and bumped her head on a cupboard",
            "head injury on a blood thinner",
        ),
        (
            "dad is on warfarin, he tripped and has a lump on his forehead",
            "head injury on a blood thinner",
        ),
        (
            "my son got shocked by an outlet and his hand has a burn",
            "serious burn or electrical injury",
        ),
        (
            "i spilled boiling water and burned my arm, the skin looks white and leathery",
            "serious burn or electrical injury",
        ),
        (
            "it's a heat wave and my grandpa is acting strange and his skin is hot and dry",
            "heat stroke",
        ),
        ("he was out in the snow for hours and has stopped shivering", "hypothermia or frostbite"),
        ("bitten by a copperhead while gardening", "venomous bite or sting"),
        ("a spider bite on my leg has a black center and it's spreading", "venomous bite or sting"),
        (
            "started a new antibiotic and now have a rash with blisters in my mouth",
            "severe skin reaction to a medicine",
        ),
        (
            "I take lithium and have had diarrhea and vomiting for two days, and feel unsteady",
            "dangerous reaction to a medicine",
        ),
        (
            "on sertraline plus tramadol, legs jerking and my heart is racing",
            "possible serotonin syndrome",
        ),
        (
            "my mother is on digoxin and keeps vomiting, and she says lights have halos",
            "dangerous reaction to a medicine",
        ),
        ("grandpa on digoxin says the tv looks kind of yellow", "dangerous reaction to a medicine"),
        (
            "mum has had a chest infection all week, now she is cold and clammy and confused",
            "fever with a warning sign",
        ),
        ("my husband was bitten on the ankle by a stray dog abroad", "possible rabies exposure"),
        (
            "my eyelid is swollen and red since my sinus infection and it hurts to move my eye",
            "infection around the eye",
        ),
        (
            "severe pain in my upper tummy that goes through to my back and i keep throwing up",
            "severe belly pain with vomiting",
        ),
        (
            "horrible pain up under the ribs on the left side which goes through to my back, "
            "and I have been sick all night",
            "severe belly pain with vomiting",
        ),
        (
            "dad had an op on his bowel years ago, now his belly is swollen, he has been sick "
            "and hasn't passed any wind today",
            "possible bowel obstruction",
        ),
        ("my mother suddenly has terrible pain in her belly, she is 80", "sudden severe pain"),
        ("grandad has had black sticky poo since this morning", "severe bleeding"),
        ("i haven't taken any iron, but my stools have turned black", "severe bleeding"),
        (
            "gran has congestive heart failure, gained 2 kg in the last 3 days",
            "fluid build-up in heart failure",
        ),
        (
            "i can't lie flat in bed any more and both my ankles are like balloons",
            "breathless lying flat with swollen legs",
        ),
        ("my blood pressure is 200/118 and i have a headache", "very high blood pressure"),
        ("sudden excruciating pain on my left side that came out of nowhere", "sudden severe pain"),
        ("tearing pain between my shoulder blades, started an hour ago", "sudden severe pain"),
        (
            "the tingling in my feet has moved up to my knees in two days, and my hands now",
            "weakness spreading up the body",
        ),
        ("woke up and suddenly can't hear out of my left ear", "sudden hearing loss"),
        ("my husband choked me last night and says he will do worse", "danger from another person"),
        ("i think someone drugged my drink at the party", "danger from another person"),
        ("a metal sliver flew into my eye while grinding", "eye injury"),
        ("my son can't keep anything down for 10 hours now", "not keeping fluids down"),
        (
            "my nose has been bleeding for half an hour even pressing on it",
            "nosebleed that will not stop",
        ),
        (
            "she has a fever of 39.5, is drooling and sits bent forward to breathe",
            "drooling with noisy breathing",
        ),
        (
            "abscess on my molar, now my chin is swollen and it's getting hard to breathe",
            "tooth infection spreading to the neck",
        ),
        ("a fish bone is stuck and he can't swallow his saliva", "cannot swallow saliva"),
        ("his nose won't stop bleeding and he is on apixaban", "nosebleed that will not stop"),
        ("her right arm and leg went numb for twenty minutes, better now", "stroke"),
        ("my heart suddenly started racing at 180 and I feel faint", "dangerous heart rhythm"),
        (
            "lost a stone without trying and meat sticks in my chest when I eat",
            "swallowing trouble with weight loss",
        ),
        (
            "stools much thinner for weeks and I've lost weight without trying",
            "bowel change with weight loss",
        ),
        (
            "aged 66, my bowels have been runnier for 3 months and I've dropped a stone for no "
            "reason",
            "bowel change with weight loss",
        ),
        (
            "Took my blood pressure as my head is splitting and my eyesight went fuzzy, the "
            "machine says 205/118. Ok to wait for the GP on Monday?",
            "very high blood pressure with warning signs",
        ),
        (
            "48F, dropped half a stone without trying, always thirsty and up weeing lots at night",
            "signs of high blood sugar",
        ),
        (
            "type 1 diabetic, the tip of my little toe has gone dark and feels cold",
            "infected foot with diabetes",
        ),
        ("he swallowed a load of his sleeping pills after the row", "overdose or poisoning"),
        (
            "she took her sertraline tablets, the packet looks almost empty",
            "overdose or poisoning",
        ),
        (
            "the gash on his leg is bleeding through two tea towels",
            "wound that will not stop bleeding",
        ),
        ("I just coughed up about a mouthful of fresh blood", "severe bleeding"),
        (
            "grandad's belly is hard and swollen, he hasn't pooed or passed wind since Sunday",
            "possible bowel obstruction",
        ),
        ("he's vomiting stuff that smells of poo", "possible bowel obstruction"),
        ("sciatica all week and now I can't feel myself peeing", "spinal nerve compression"),
        ("she says she hears a voice telling her she is evil", "possible psychosis"),
        (
            "I've put my affairs in order and given my cat to my sister. thank you for everything",
            "suicidal thoughts",
        ),
        (
            "my 3 week old has been sick twice and it's dark green",
            "warning signs in a baby or young child",
        ),
        (
            "baby of 5 months with a tummy bug, fewer wet nappies since this morning",
            "warning signs in a baby or young child",
        ),
        (
            "strange bruises on my arms and little purple dots on my feet",
            "rash that does not fade",
        ),
        (
            "tonsillitis for four days, I can hardly open my mouth now",
            "throat abscess or airway swelling",
        ),
        (
            "my son's voice sounds like he's got a hot potato in his mouth",
            "throat abscess or airway swelling",
        ),
        (
            "two days on haloperidol and his eyes keep rolling up to the ceiling",
            "dangerous reaction to a medicine",
        ),
        ("36 weeks pregnant, my fingers have gone swollen today", PREECLAMPSIA),
        ("28 weeks pregnant and my bp was 152/98 at the chemist", PREECLAMPSIA),
        (
            "gastro since yesterday, can't keep much down, peeing much less than normal",
            "not keeping fluids down",
        ),
        ("I make myself sick after meals and my heart keeps skipping", "making oneself sick often"),
        (
            "was hammering a nail and a bit of metal flew into my eye, looks fine",
            "eye injury",
        ),
        ("pain in my right side coming in waves since lunch", "pain that comes in waves"),
        ("fell off my bike and there is bone showing through the skin", "bone through the skin"),
        (
            "I missed dialysis yesterday and my heart feels like it is skipping",
            "missed dialysis with warning signs",
        ),
        ("bloody diarrhoea since we got back from India", "bloody diarrhoea"),
        ("diarrhoea for 3 days and now there is blood in it", "bloody diarrhoea"),
        ("my ankle joint is hot and swollen, no injury", "hot swollen joint"),
        (
            "ear infection last week, now the area behind his ear is swollen",
            "swelling behind the ear",
        ),
        (
            "c-section 10 days ago and the wound is oozing and smells",
            "wound problem after an operation",
        ),
        (
            "had a vasectomy yesterday, my scrotum is swollen to the size of a lemon",
            "wound problem after an operation",
        ),
        ("using my ventolin every 2 hours since the weekend", "asthma getting worse"),
        ("peak flow is only 60% of my best today", "asthma getting worse"),
        ("type 1 and poorly, blood ketones 1.4", "raised ketones"),
        (
            "my 2 year old pulled a hot cup of coffee over, blisters on her arm",
            "burn that needs care",
        ),
        ("on warfarin and the clinic rang, my INR is 7.4", "INR far above its range"),
        ("honestly i dont even want to be here now", "suicidal thoughts"),
        ("he swallowed 15 of his mirtazapine tablets", "overdose or poisoning"),
        ("she keeps nodding off at red lights on the way home", "falling asleep while driving"),
        (
            "shingles blisters reaching the tip of my nose, the eye on that side is sore",
            "shingles near the eye",
        ),
        ("suddenly this morning my right ear went dull and muffled", "sudden hearing loss"),
        (
            "hip replacement two weeks ago. now the calf on that side has become swollen and sore",
            "possible blood clot",
        ),
        (
            "I have a mirena coil and a positive pregnancy test",
            "pregnancy with a coil or after sterilisation",
        ),
        (
            "dad is on chemo and has had diarrhoea five times today",
            "diarrhoea or vomiting on cancer treatment",
        ),
        # thirty-ninth stop: signs read from the fifth set's dev part, in my own words
        ("38+4 and a trickle of clear water every time I stand", "warning signs in pregnancy"),
        ("her seizure, been going 8 mins now, what do I do", "loss of consciousness or seizure"),
        ("my brother says the angels are telling him to stop eating", "possible psychosis"),
        ("she keeps saying the nurses are impostors sent to hurt her", "possible psychosis"),
        (
            "I've written letters to my wife and kids and the pills are counted out",
            "suicidal thoughts",
        ),
        ("what's the least painful way of dying", "suicidal thoughts"),
        ("said goodbye to all my mates, if i stop replying dont worry", "suicidal thoughts"),
        ("I went totally deaf in my right ear this morning", "sudden hearing loss"),
        (
            "there's a long line in my arm for chemo and the arm has gone swollen",
            "possible blood clot",
        ),
        ("had a hernia repair 8 days ago and now my calf feels tight", "possible blood clot"),
        (
            "flew home from Perth on Sunday, my right calf (not the left) has got tight",
            "possible blood clot",
        ),
        (
            "pain under my ribs going straight through to my back and I keep vomiting",
            "severe belly pain with vomiting",
        ),
        (
            "7 weeks pregnant, sharp pain on my left side low down since yesterday",
            "possible ectopic pregnancy",
        ),
        ("34 weeks pregnant and she's been really quiet all day", "warning signs in pregnancy"),
        ("28 weeks pregnant, only felt two kicks since lunch", "warning signs in pregnancy"),
        ("my 3 week old is yellow and his poo is white", "warning signs in a baby or young child"),
        ("my baby is sucking in under her ribs with each breath", "breathing difficulty"),
        ("she looks grey round her mouth and is breathing fast", "breathing difficulty"),
        ("waves of cramping pain in my right side down to the groin", "pain that comes in waves"),
        ("burnt the back of my hand on the oven and there's a big blister", "burn that needs care"),
        ("my toddler scratched my eye with his nail and now it's blurry", "eye injury"),
        ("on apixaban and my gums keep bleeding", "bleeding on a blood thinner"),
        ("warfarin for my valve, and three nosebleeds this week", "bleeding on a blood thinner"),
        ("my 5 month old has a temperature of 39.4", "high fever in a baby under 6 months"),
        ("my pulse is 120 and feels irregular since yesterday", "new irregular heartbeat"),
        ("mum has lymphoma and is very thirsty and muddled", "thirst and confusion with cancer"),
        ("my big toe has turned black over the last week", "a toe or foot changing colour"),
        (
            "got punched in the nose and both nostrils are completely blocked",
            "injured nose blocked on both sides",
        ),
        ("had my upper ear pierced and now it's swollen, red and hot", "infected ear cartilage"),
        (
            "my son's eyelid is red and swollen and getting bigger",
            "red swollen eyelid getting worse",
        ),
        (
            "diverticulitis again I think, left side pain and a temperature",
            "flare of diverticulitis",
        ),
        (
            "I was treated for prostate cancer and now my back hurts, worse at night",
            "new back pain after cancer",
        ),
        ("my 3 year old swallowed a marble and now she's drooling", "swallowed object in a child"),
        (
            "a lump next to my vagina, so painful I can't sit down",
            "painful swelling at the vaginal opening",
        ),
        ("type 1 and my sugar was 3.2 before lunch, feel shaky", "low blood sugar"),
        (
            "bad back again and I can't really feel the toilet paper when I wipe",
            "spinal nerve compression",
        ),
        (
            "had some cialis at 10pm and still have an erection 6 hours on",
            "prolonged erection or trapped foreskin",
        ),
        (
            "felt a snap in my penis during sex, now it is bent and bruised",
            "possible penile fracture",
        ),
        (
            "pretty sure I broke my penis last night, can a bend like that heal?",
            "possible penile fracture",
        ),
        ("mum takes gliclazide, her meter says 2.8 and she's sweaty", "low blood sugar"),
        (
            "stepped on a nail in the garden, can't remember my last tetanus jab",
            "wound that may need a tetanus jab",
        ),
        ("been coughing up little specks of blood since the weekend", "coughing up blood"),
        ("there is bright red blood in my phlegm every morning", "coughing up blood"),
        ("he coughed up a cupful of blood an hour ago", "coughing up a lot of blood"),
        ("on lisinopril for years and my tongue feels puffy today", "swelling on an ACE inhibitor"),
        (
            "my lower lip has swelled up twice this week, I take perindopril",
            "swelling on an ACE inhibitor",
        ),
        (
            "my 10 year old coughs in fits and makes a whoop, we have a 3 week old at home",
            "possible whooping cough near a baby",
        ),
        ("ate a prawn curry and now have welts all over and feel dizzy", ANAPHYLAXIS),
        (
            "took two of my brother's blue pills, still really hard after 6 hours",
            "prolonged erection or trapped foreskin",
        ),
        (
            "she tripped on the step and her ankle is swollen, can she wait for an x-ray tomorrow",
            "possible broken bone or dislocation",
        ),
        (
            "skipped three pills this month and we had sex without a condom on friday",
            "needs care soon after sex",
        ),
        (
            "the sight in my left eye just went black ten minutes ago, no pain",
            "sudden loss of vision",
        ),
        (
            "my 14 month old pulled a cup of just-boiled coffee over her arm, it is blistering",
            "burn that needs care",
        ),
        (
            "mum has heart failure and now needs four pillows to sleep and her legs are puffy",
            "fluid build-up in heart failure",
        ),
        (
            "I take azathioprine for crohns and have had a fever and a sore throat since monday",
            "dangerous reaction to a medicine",
        ),
        (
            "temperature of 38.9 after my safari trip to tanzania",
            "fever after travel to a malaria area",
        ),
        (
            "my 4 year old has a temperature and screams when she does a wee",
            "possible urine infection in a young child",
        ),
        (
            "yesterday I had a heavy pain across my chest that lasted ten minutes then went",
            "chest pain that came and went",
        ),
        (
            "emphysema, sputum has turned brown and I'm more breathless than normal",
            "COPD flare-up",
        ),
        (
            "feverish and coughing for four days, sharp pain on the left when I breathe in",
            "possible pneumonia",
        ),
        (
            "my 18 month old has a cold and is breathing much faster tonight",
            "fast breathing in a young child",
        ),
        (
            "wisdom tooth taken out on friday and the throbbing is getting worse each day",
            "pain after a tooth was taken out",
        ),
        (
            "my son knocked out his adult front tooth at football",
            "broken or knocked-out adult tooth",
        ),
        ("a stripe of blisters has come up round my left side and it burns", "possible shingles"),
        (
            "hit a bloke in the mouth on saturday and there's a cut on my knuckle",
            "cut from someone's teeth",
        ),
        (
            "I'm going to run out of my lamotrigine tomorrow",
            "run out of a vital medicine",
        ),
        (
            "gran is 88 and for the last two days she has stopped eating and is sleeping more",
            "sudden change in a frail older person",
        ),
        (
            "came off my bike and landed on my neck, now both hands are numb",
            "possible neck injury",
        ),
        (
            "my 3 year old got into my tablet box and I think she had some of the metformin",
            "overdose or poisoning",
        ),
        (
            "since lunch grandad can't seem to find his words and keeps dropping things from his "
            "left hand",
            "stroke",
        ),
        (
            "woke up and the hearing in my right ear has nearly gone, just a hiss",
            "sudden hearing loss",
        ),
        ("this morning he was unable to see out of his left eye", "sudden loss of vision"),
        (
            "I wear daily contacts and my eye is sore and streaming and I really can't stand the "
            "light",
            "contact lens eye infection",
        ),
        (
            "slipped on ice and landed on my hand, the wrist is swollen and agony to move",
            "possible broken bone or dislocation",
        ),
        (
            "my 2 month old keeps stopping breathing and her lips look dusky blue",
            "breathing difficulty",
        ),
        ("grandma's mouth is hanging down on the left side", "stroke"),
        ("his words keep coming out muddled and his left arm has gone limp", "stroke"),
        (
            "found a note on my partner's pillow saying goodbye, it says she is sorry",
            "suicidal thoughts",
        ),
        ("30 weeks. I slipped down the stairs this morning", "warning signs in pregnancy"),
        (
            "im 35 weeks and my belly went hard as a board and there is blood",
            "warning signs in pregnancy",
        ),
        (
            "boiling water from the pan went over her leg and the skin is peeling and waxy",
            "serious burn or electrical injury",
        ),
        (
            "my husband got a shock off the mains socket at work",
            "serious burn or electrical injury",
        ),
        ("I have sickle cell and a fever of 38.6", "fever with a warning sign"),
        ("temp this evening 39.1, my spleen was removed years ago", "fever with a warning sign"),
        ("I have no spleen and a fever since lunchtime", "fever with a warning sign"),
        ("born without a spleen, temp 38.7 tonight", "fever with a warning sign"),
        (
            "on apixaban, my poo went black and sticky today and I nearly fainted, could it be "
            "my iron pills?",
            "severe bleeding",
        ),
        ("taking iron, stools are black and he is white as a sheet and pale", "severe bleeding"),
        (
            "I get panic attacks but now his lips are blue and he cant breathe",
            "breathing difficulty",
        ),
        ("she has panic attacks. her lips are blue", "breathing difficulty"),
        (
            "haven't been able to wee since about 7am and my lower tummy is tight",
            "cannot pass urine",
        ),
        ("our baby is 4 weeks old. She is fussy today and feels really hot", "fever in an infant"),
        ("my brother drank some liquid for cleaning the floors", "overdose or poisoning"),
        (
            "on chemo, tonight he is shaking violently and feels burning hot",
            "fever with a warning sign",
        ),
        ("went to the toilet and it was black like tar, I'm on warfarin", "severe bleeding"),
        ("can't wake him properly, he was drinking all night", "loss of consciousness or seizure"),
        ("found grandma on the floor, she won't answer me", "loss of consciousness or seizure"),
        (
            "found my uncle (he's diabetic) on the bathroom floor and he won't respond",
            "loss of consciousness or seizure",
        ),
        (
            "three days after my operation my tummy is more swollen and I have a fever of 38.8",
            "serious problem after an operation",
        ),
        (
            "since my neck operation the neck is swelling and my breathing sounds noisy",
            "serious problem after an operation",
        ),
        (
            "gallbladder removed last week, the wound has yellow stuff coming out",
            "wound problem after an operation",
        ),
        (
            "stopped drinking three days ago and just had a fit in the hallway",
            "loss of consciousness or seizure",
        ),
        (
            "he is confused and paranoid and holding a hammer, shouting",
            "danger from another person",
        ),
        (
            "I found my sister beside an empty packet of sleeping tablets, she's snoring",
            "overdose or poisoning",
        ),
        ("my son is in the garage with the engine running and won't open up", "suicidal thoughts"),
        ("we found a cord around his neck in his room", "suicidal thoughts"),
        ("honestly i dont see the point of anything anymore", "suicidal thoughts"),
        ("took an overdose in spring and the thoughts are coming back", "suicidal thoughts"),
        (
            "my 8 year old has new cuts on her arm and has been crying about school bullies",
            "suicidal thoughts",
        ),
        (
            "my baby is 2 weeks old and I keep having thoughts of him being hurt",
            "warning signs after a birth",
        ),
        (
            "got hit by a cricket ball on the forearm, now it is rock hard and the pain is worse",
            "pressure under a cast",
        ),
        ("a little coin battery went up her nose an hour ago", "something stuck in the body"),
        (
            "been on prednisone for a year for my arthritis and ran out on Friday, feel awful",
            "run out of a vital medicine",
        ),
        ("his catheter bag is not filling since this morning", "cannot pass urine"),
        (
            "mum takes lithium and the GP added naproxen, now she is shaky all the time",
            "dangerous reaction to a medicine",
        ),
        (
            "I take simvastatin and was given erythromycin, my muscles are sore and weak",
            "dangerous reaction to a medicine",
        ),
        (
            "his big front tooth got knocked clean out at rugby, it's an adult one",
            "broken or knocked-out adult tooth",
        ),
        (
            "sliced my thumb on a tin, the cut gapes a little when I bend it",
            "a wound that may need closing",
        ),
        (
            "hernia repair 5 days ago, the wound looks red and angry and puffy today with pus",
            "wound problem after an operation",
        ),
        (
            "she is sitting up with her head forward, drooling, high temp, and rasping breath",
            "drooling with noisy breathing",
        ),
        (
            "pulled the foreskin back in the bath and now I can't get it back, swollen",
            "prolonged erection or trapped foreskin",
        ),
        (
            "my 2 week old has been yellow and her poos are pale grey",
            "warning signs in a baby or young child",
        ),
        (
            "his eyelid is red and swollen and almost shut this morning",
            "red swollen eyelid getting worse",
        ),
        (
            "fell off a horse, was out cold, and I've thrown up twice",
            "head injury with a warning sign",
        ),
        (
            "found him outside in the snow, he's not even shivering any more",
            "hypothermia or frostbite",
        ),
        (
            "caught my thumb in the car door and the tip is squashed with blood under the nail",
            "possible broken bone or dislocation",
        ),
        (
            "my daughter is 7 and fell off the climbing frame, her wrist is swollen",
            "possible broken bone or dislocation",
        ),
        (
            "went over on my ankle on the stairs and can't put weight on it",
            "possible broken bone or dislocation",
        ),
        (
            "found mum lying on the bathroom floor, her right leg is turned outwards",
            "possible broken hip",
        ),
        (
            "my 3 year old says it stings when she wees and she is red and sore down there",
            "possible urine infection in a young child",
        ),
        (
            "an insect bite on my calf is hot, red and swollen",
            "spreading skin infection",
        ),
        (
            "the red area round the graze is bigger than it was last night",
            "spreading skin infection",
        ),
        (
            "we had sex without a condom yesterday, where can I get the morning after pill",
            "needs care soon after sex",
        ),
        (
            "was sanding metal all day, now my eye feels gritty and sore",
            "eye injury",
        ),
        (
            "spent the day in the sun, my shoulders have blisters and I'm shivering",
            "severe sunburn",
        ),
        (
            "gashed my hand on a broken bottle last night, it's deep and gaping",
            "a wound that may need closing",
        ),
        (
            "stood on a rusty nail, no tetanus jab in 15 years",
            "wound that may need a tetanus jab",
        ),
        (
            "I've missed my last two dialysis sessions and my legs feel weak",
            "missed dialysis with warning signs",
        ),
        ("I think I've caught chickenpox, I'm 35", "chickenpox in an adult"),
        (
            "jumped for a ball and felt a snap at the back of my ankle, can't stand on tiptoe",
            "possible torn Achilles tendon",
        ),
        ("my graft has stopped buzzing since last night", "problem with a dialysis fistula or bag"),
        ("my PD bag looks cloudy this morning", "problem with a dialysis fistula or bag"),
        ("type 2 on gliclazide, had 4 hypos in the last week", "repeated low blood sugars"),
        ("on nivolumab for lung cancer and now I have diarrhoea", "new symptoms on immunotherapy"),
        (
            "I'm 12 weeks pregnant and my son has got chickenpox",
            "exposed to measles or chickenpox",
        ),
        (
            "my mother is 91 and since the doctor increased her tablets she is much more confused",
            "sudden change in a frail older person",
        ),
        ("I've run out of clopidogrel since my stent", "run out of a vital medicine"),
        ("my smartwatch keeps alerting me to an irregular rhythm", "new irregular heartbeat"),
        ("my chest feels really heavy and im sweaty", "chest pain"),
        ("son 12 woke up with bad pain in his privates and vomiting", "testicular torsion"),
        ("she is having a fit, been jerking for over 6 mins", "loss of consciousness or seizure"),
        (
            "grandad is grey and clammy, says his heart is going fast, feels faint",
            "dangerous heart rhythm",
        ),
        ("toddler sick all day, hardly any wet nappies", "warning signs in a baby or young child"),
        ("i'm out of my insulin until tuesday", "run out of a vital medicine"),
        ("my nan 85 is more confused the last 3 days", "sudden change in a frail older person"),
        ("chest infection for a week, temperature, now breathless", "possible pneumonia"),
        (
            "2 week old baby has a sticky eye with green gunk and a swollen eyelid",
            "red swollen eyelid getting worse",
        ),
        ("backache since monday and now numb round my bum", "spinal nerve compression"),
        (
            "oven cleaner spray went back off the tray and straight into my eye",
            "chemical in the eye",
        ),
        (
            "the neighbour's big dog went for my son and there are deep puncture marks",
            "animal bite that needs care",
        ),
        ("bitten by my aunt's old cat, the finger is swollen today", "animal bite that needs care"),
        ("sometimes I think it would be easier not to wake up", "suicidal thoughts"),
        ("cut on my knee, the edges gape apart when I bend it", "a wound that may need closing"),
        ("woke up and my right ear felt blocked and dull, no cold", "sudden hearing loss"),
        ("the blood from the cut is coming out in spurts", "severe bleeding"),
        (
            "very hot here today, grandpa is not sweating and is talking strange things",
            "heat stroke",
        ),
        ("the sight in my right eye has completely gone", "sudden loss of vision"),
        (
            "painful red eye and I see coloured rings around the street lamps",
            "sudden loss of vision",
        ),
        ("flashes of light since yesterday and now many new floaters", "sudden loss of vision"),
        (
            "finished my second cycle of chemo last week and tonight my temp is 38.4",
            "fever with a warning sign",
        ),
        ("woke up and the left side of my face won't move", "stroke"),
        (
            "woke up today and my right ear is nearly deaf, bought wax drops, ok?",
            "sudden hearing loss",
        ),
        ("accidentally took my apixaban twice this morning", "an extra dose of a blood thinner"),
        (
            "stomach bug since last night, can't keep water down, I'm on losartan and a water "
            "tablet",
            "vomiting or diarrhoea on medicines that need a sick-day pause",
        ),
        (
            "on chemo and the sores in my mouth mean I can hardly swallow",
            "a problem during chemotherapy",
        ),
        (
            "third week of radiation therapy and the skin on my neck is raw and weeping",
            "broken skin during radiotherapy",
        ),
        (
            "my colostomy has had nothing come through since yesterday and I feel bloated",
            "a stoma with no output",
        ),
        (
            "since his risperidone went up he paces the hall and cannot sit still",
            "restlessness on a new antipsychotic or anti-sickness medicine",
        ),
        ("new plaster cast on my ankle and my toes look swollen", "a tight cast"),
        ("the graze on my shin is red and swollen and oozing pus", "spreading skin infection"),
        ("massive boil under my arm, soft in the middle", "spreading skin infection"),
        (
            "shivery and a temperature of 38.6, and it stings when I wee",
            "urine infection with a fever",
        ),
        (
            "had two molars extracted at lunchtime and the gum keeps oozing blood",
            "bleeding after a tooth was taken out",
        ),
        ("tender red lump on my forearm where I've been injecting", "spreading skin infection"),
        (
            "on dapagliflozin, had a sickness bug all day and now my belly aches and I'm "
            "breathing hard",
            "diabetic emergency",
        ),
        (
            "on levofloxacin and the back of my ankle is really sore",
            "tendon pain on a fluoroquinolone",
        ),
        ("shingles rash on the right side of my forehead since Monday", "shingles near the eye"),
        (
            "three days off my methadone, cold sweats and goosebumps and the runs",
            "opioid withdrawal",
        ),
        (
            "constipated for 4 days after my c-section, on co-codamol, bloated and sore tummy",
            "no stool for days after an operation",
        ),
        (
            "living on 400 calories a day since summer, my fingers turn blue and I nearly fainted",
            "severe food restriction",
        ),
        ("barely eating anything for weeks and my BMI is 14.8 now", "severe food restriction"),
        (
            "type 2 for years, numb feet, and now my left foot is hot, red and swollen though I "
            "didn't hurt it",
            "infected foot with diabetes",
        ),
        (
            "diabetic, the blister under my heel still hasn't healed after three weeks",
            "infected foot with diabetes",
        ),
        ("crohn's flaring, going nine times a day with blood", "severe flare of colitis"),
        (
            "ulcerative colitis flare with blood in every stool, pulse racing and a temp of 38.3",
            "severe flare of colitis",
        ),
        ("weeing blood since saturday, no pain at all, I'm 71", "blood in the urine"),
        ("there was blood in my urine twice this week but it went", "blood in the urine"),
        ("my wee came out bright red this morning", "blood in the urine"),
        ("saw blood in my wee a few days last month, gone now, I'm 58", "blood in the urine"),
        (
            "he took some of his tramadol with wine and now we can't wake him",
            "overdose or poisoning",
        ),
        (
            "two mornings running my urine has been pinkish, nothing else wrong",
            "blood in the urine",
        ),
        (
            "since the new tablets my son says there's no point in anything",
            "depression getting worse",
        ),
        (
            "my mum keeps saying life has no meaning, she hardly leaves the house",
            "depression getting worse",
        ),
        ("hives all over after eating shellfish ten minutes ago", "anaphylaxis"),
        ("the baby is turning blue and floppy", "breathing difficulty"),
        ("80 yo, her left eye just went totally black half an hour ago", "sudden loss of vision"),
        (
            "his left calf has been hot and swollen since a long train journey",
            "possible blood clot",
        ),
        ("dad keeps saying what's the point in carrying on since mum died", "suicidal thoughts"),
        (
            "his eyelid is swollen shut, temp 38.9, and he cries when he moves his eye",
            "infection around the eye",
        ),
        ("my lips went numb and a little swollen after the bee got me", "anaphylaxis"),
        ("ate a prawn cracker and now there's a tight feeling in my throat", "anaphylaxis"),
        (
            "mum takes apixaban and banged her temple on the cupboard door",
            "head injury on a blood thinner",
        ),
        ("splashed caustic soda into his eye while clearing the sink", "chemical in the eye"),
        ("when I take the towel off the blood spurts out again", "severe bleeding"),
        (
            "our 7 week old feels hot and the thermometer in his armpit now reads 38.2",
            "fever in an infant",
        ),
        ("I'm 35 weeks and my face has puffed up, with zig zag lights in my eyes", PREECLAMPSIA),
        ("35 weeks pregnant, headache all day and tylenol isn't helping at all", PREECLAMPSIA),
        (
            "my 14 month old grabbed my mug of coffee and now has blisters down her chest",
            "serious burn or electrical injury",
        ),
        (
            "grandad was lying on the floor all night with the heating broken, he is freezing cold "
            "and drowsy",
            "hypothermia or frostbite",
        ),
        (
            "my partner had our daughter five days ago and has not slept for four nights and keeps "
            "talking very fast",
            "warning signs after a birth",
        ),
        (
            "28 weeks, had a pop feeling then clear fluid keeps dripping down my legs",
            "warning signs in pregnancy",
        ),
        (
            "33 weeks and the soles of my feet itch like mad at night",
            "warning signs in pregnancy",
        ),
        (
            "my 11 month old has had diarrhoea all day and i have only changed one wet nappy",
            "warning signs in a baby or young child",
        ),
        (
            "my husband's kidney stone still hasn't passed and now he has a temperature of 39.1",
            "fever with a warning sign",
        ),
        ("fever and violent shivering since lunch, feel awful", "fever with a warning sign"),
        ("the cuff says 185/100 on both arms", "very high blood pressure"),
        # drinking every day told with the shakes: dependence, whatever the amount
        (
            "have 3 pints every night and wake up with the shakes, going to quit",
            "alcohol withdrawal",
        ),
        ("my partner drinks wine daily and gets shaky hands in the mornings", "alcohol withdrawal"),
        # new thoughts of not wanting to live, told as thoughts
        (
            "since the new tablets I keep having thoughts of not wanting to live",
            "suicidal thoughts",
        ),
        ("feeling like not wanting to be here any more", "suicidal thoughts"),
        # a wound still bleeding through what presses on it
        (
            "gashed my shin on a step and it has bled through two tea towels",
            "wound that will not stop bleeding",
        ),
        (
            "sliced my palm with a bread knife, blood is pumping out",
            "wound that will not stop bleeding",
        ),
        # pills taken, then someone who cannot be woken
        (
            "my brother swallowed a load of tablets and now he won't wake up",
            "overdose or poisoning",
        ),
        ("she took something at a party and is unresponsive on the sofa", "overdose or poisoning"),
        # black stools with blood loss, whatever else is taken
        (
            "black tarry poop since yesterday and I nearly fainted, took pepto too",
            "severe bleeding",
        ),
        # black stools on aspirin or an anti-inflammatory, or light-headed on standing
        ("on naproxen for my back and my poo has gone black like tar", "severe bleeding"),
        (
            "poo black for two days, go woozy when I get up, probably my iron pills?",
            "severe bleeding",
        ),
        # a hot swollen joint with a fever
        (
            "my 8 year old has a temp of 38.9 and his ankle is red and swollen",
            "hot swollen joint with a fever",
        ),
        ("shivering all night and my knee is hot and swollen", "hot swollen joint with a fever"),
        # chest tightness on effort that eases with rest
        (
            "tight feeling across my chest when I cycle to work, eases when I stop",
            "chest pain on exertion",
        ),
        (
            "a heavy feeling across my chest walking up hills that goes away after a minute",
            "chest pain on exertion",
        ),
        # new back pain after cancer
        (
            "had bowel cancer treated 3 years ago, new pain in my lower back keeping me up",
            "new back pain after cancer",
        ),
        # a limb that looks bent after a fall, told at length
        (
            "she came off the trampoline and her forearm is puffy, red and looks crooked",
            "possible broken bone or dislocation",
        ),
        # a knock told as to the side or back of the head, on a blood thinner
        (
            "grandad is on rivaroxaban and walked into the shed door, hit the side of his head",
            "head injury on a blood thinner",
        ),
        # most of a pack of a medicine swallowed
        (
            "my sister swallowed half of a box of her sleeping tablets tonight",
            "overdose or poisoning",
        ),
        # someone else's loss of a reason to live, told in the third person
        ("my brother says he doesnt see any point in being here", "suicidal thoughts"),
        # redness spreading past the line drawn round it
        (
            "bitten by a horsefly on my thigh, the red patch has grown a lot past the marker line",
            "spreading skin infection",
        ),
        # a testicle that hurts, told with screaming and being sick
        (
            "my boy woke at 4am screaming that his left testicle hurts, he's been sick",
            "testicular torsion",
        ),
        # an erection still there after an injection for it
        (
            "did a trimix shot at 8pm and it's midnight, still really hard and it aches",
            "prolonged erection or trapped foreskin",
        ),
        # breathlessness told as getting winded, after an operation
        (
            "a week after my operation I get winded walking to the bathroom",
            "possible blood clot in the lungs",
        ),
        # a reliever wearing off with breath too short to end a sentence
        (
            "asthma flared with this cold, reliever puffer every couple of hours and I have "
            "trouble finishing sentences",
            "breathing difficulty",
        ),
        # a low told in lay words on a sulfonylurea
        (
            "grandma takes glipizide, skipped breakfast and now she is clammy and muddled, "
            "talking utter nonsense",
            "low blood sugar",
        ),
        # seeing things told with "see" after heavy drinking stopped
        (
            "gave up the whisky three days ago after years of a bottle each night, now I see "
            "spiders in the corners of the room",
            "severe alcohol withdrawal",
        ),
        # periods told as not had for years, then blood
        (
            "aged 66 and not had a period for twelve years, a little brown spotting since monday",
            "bleeding after the menopause or after sex",
        ),
        (
            "my 18 month old knocked a cup of coffee over his arm and it has blistered",
            "burn that needs care",
        ),
        (
            "trod on a rusty nail at the allotment, my last tetanus booster was 14 years ago",
            "wound that may need a tetanus jab",
        ),
    ],
)
def test_each_system_sign_fires(question: str, kind: str) -> None:
    assert kind in kinds(question)


def test_text_speak_is_read_written_out() -> None:
    """ "d n v", "v", "n" and a dropped g are read as written out; words ending in -in stay."""
    from medcite.answer.safety import plain_speech

    assert plain_speech("2yo d n v since yday") == "2yo diarrhoea and vomiting since yesterday"
    assert plain_speech("chest v tight n sweatin") == "chest very tight and sweating"
    assert plain_speech("took aspirin and insulin at the basin") == (
        "took aspirin and insulin at the basin"
    )
    assert "chest pain" in kinds("chest feels v heavy like sumthin sittin on it n im sweatin")


def test_blood_lost_is_not_told_as_dehydration() -> None:
    """Dizziness on standing after vomiting blood is blood lost: the card on keeping fluids
    down (which calls that dizziness dehydration) does not stand beside the bleeding card."""
    found = kinds("he threw up a lot of bright red blood and is dizzy when he stands up")
    assert "severe bleeding" in found and "not keeping fluids down" not in found
    assert "not keeping fluids down" in kinds("stomach bug, can't keep water down, dizzy standing")


@pytest.mark.parametrize(
    "question",
    [
        "I've had floaters in both eyes for 10 years, nothing has changed",
        "what does a retinal detachment feel like",
        "had a fever and a stiff neck from sleeping wrong last year",
        "is fever a side effect of chemo",
        "my eczema rash keeps spreading on my arms, what cream helps",
        "my 6 month old spits up after feeds, is that reflux",
        "is it normal for the baby to kick less at night? im 20 weeks",
        "what does 'an erection lasting more than 4 hours' on the viagra leaflet mean",
        "sometimes I can't pee in public bathrooms",
        "my blood sugar was 180 after dinner, is that ok",
        "took a load of photos of the rash to show the gp",
        "coughing up a lot of phlegm but no blood",
        "my stomach is bloated and I haven't pooed for two days, I do pass wind though",
        "I hear a voice in my head when I read, is that normal",
        "I sorted my affairs before my knee operation, can I cancel my repeat prescriptions",
        "my baby's poo is bright green and she was sick once",
        "what are the tiny red dots on my chest, no bruises",
        "red hot chilli gave me a swollen lip and sore knees",
        "ingrown toenail on my big toe, red and swollen at the side",
        "my knee is hot and swollen after the gout flare, the doctor said it is gout",
        "behind my ear there is a small lump I have had for years",
        "does chemo cause diarrhoea",
        "I used my blue inhaler every day as a child",
        "what is a normal ketone level",
        "can you get pregnant with a coil in",
        "scald on my arm from the kettle last month has healed",
        "will my scar from the operation fade",
        "does asthma get worse in winter",
        "what happens if you miss dialysis",
        "my INR is usually 2.5 on warfarin, I take 5 mg",
        "i dont really want to go back to that gym",
        "woke up with my ear feeling blocked after a long flight",
        "my ear went muffled after swimming this morning",
        "what should my INR be on warfarin, 2 to 3?",
        "INR checked every 6 weeks since I started warfarin",
        "how is diabetic ketoacidosis treated",
        "my ring finger gets stuck bent in the morning",
        "my shoulder popped out 3 times playing rugby, should I get surgery",
        "I take warfarin, can I fall asleep with my head raised",
        "I get electric shock like pains in my jaw when I chew",
        "sunburn with blisters on my shoulders, what helps",
        "my mouth burns after eating jalapeno peppers",
        "my fingers turn white in the cold and then red, is it raynaud",
        "I have spider veins on my legs that keep spreading",
        "my lips are peeling from the cold",
        "I have taken lithium for 10 years, can I drink coffee",
        "my blood pressure was 130/85 this morning",
        "I get terrible period cramps every month",
        "my feet have been numb for years from diabetes",
        "I was raped ten years ago and still have nightmares, can therapy help",
        "I have something in my eye, probably an eyelash",
        "what happens to your body when you can't keep fluids down",
        "my kids were shocked by the news and can't sleep",
        "small blister on my finger from the iron, how do I look after it",
        "rizatriptan makes my chest feel heavy for a bit, is that common",
        "on clopidogrel and I bruise easily, is that normal",
        "my pulse went to 150 and felt irregular while running",
        "dropped a tin on my toe and it's gone purple",
        "my earlobe piercing is a bit red and sore",
        "my son swallowed a coin, no coughing or choking, eating fine",
        "had letters to write for work tonight, feel at peace with my inbox",
        "my 5 month old's temperature is 37.4",
        "what does it mean when a pregnant woman's baby is quiet at night",
        "does prednisone raise blood sugar? i have type 2",
        "had a hypo last sunday and sorted it with juice, was fine after",
        "t1d, sugar dips to 3.5 most nights, what should I change",
        "I get the odd headache after my coffee, nothing much",
        "what causes coughing up blood in smokers",
        "had a blood test for this cough and it was normal",
        "my cough is worse since my blood pressure tablets were changed",
        "is a dry cough common on ramipril",
        "pregnant and wondering when to have the whooping cough jab",
        "my sister had whooping cough as a child, can you get it twice",
        "hives all over after a hot shower, itchy but nothing else",
        "is it normal to be hard for hours after taking viagra? asking for a friend",
        "my wrist was swollen for a week after I fell last year, the x-ray was fine",
        "how many pills can I miss before the pill stops working",
        "I lost the sight in my right eye as a child after an injury",
        "my 10 month old touched the kettle last year and it blistered, it has healed",
        "dad has heart failure, how many pillows should he sleep on",
        "what blood tests do I need on methotrexate",
        "is a trip to Kenya safe in pregnancy, and which malaria tablets are best",
        "my 4 year old has smelly wee but no temperature and is fine",
        "I had chest pain years ago that lasted ten minutes, tests were normal",
        "my COPD is stable, how often should I have the flu jab",
        "can pneumonia come back after antibiotics",
        "my 2 year old breathes faster when she is running around",
        "can I drink through a straw after having a tooth taken out",
        "my 6 year old's baby tooth fell out, is bleeding normal",
        "had shingles two years ago, should I have the vaccine",
        "is it ok to punch a punchbag without gloves",
        "how should I store my lamotrigine tablets",
        "gran is 88 and has not been eating much since grandad died last year",
        "he weighs 95 kg and for the last two days he is not eating because of a tummy bug",
        "I was coughing after giving blood yesterday, is that normal",
        "my neck is stiff after sleeping badly, no other symptoms",
        "my 3 year old chewed open a silica gel packet that said do not eat, she is fine",
        "my waters burst - the washing machine hose split - at 34 weeks can I mop?",
        "30 weeks pregnant, my blood pressure was fine at the clinic today",
        "my left arm went dead after I slept on it, fine now",
        "said goodbye to my sister at the airport, sorry to see her go",
        "my gums bleed a little when I floss, on apixaban for years",
        "I had chickenpox as a child, can I get it again?",
        "what is a panic attack? I keep having them at work, racing heart, can't breathe",
        "my heel has hurt for months and I can't stand on my toes for long",
        "no spleen since an accident, do I need to go to A&E if I get a fever?",
        "I have no spleen and no fever, is it safe to fly?",
        "started iron tablets last week and my poo is black, a bit dizzy some mornings",
        "new iron pills, my poo has gone black, is it bleeding? I'm not on any blood thinners",
        "how can I stop my panic attacks on the bus, heart races and I cant breathe, twice a week",
        "I overdosed on pizza and cake at the party, is Rennie ok",
        "what's a fatal dose of salt? it's for my daughter's science project",
        "the car was running rough in the garage yesterday, which mechanic",
        "I don't see the point of diets, which foods are healthy?",
        "she wore a scarf around her neck to the wedding",
        "back in 2015 I had a fit after stopping drinking, is it safe to drink a little now",
        "found an empty box of vitamins in the cupboard, how many should I take",
        "on prednisolone for asthma, we ran out of bread, is toast ok",
        "she collapsed on the couch after the party, dead to the world, fine now",
        "finished chemo 2 years ago, now a cold and a temp of 38",
        "my lad had a nosebleed at rugby, blood everywhere, it stopped on its own with pinching",
        "he likes to sit in the basin with aspirin and vitamin tablets",
        "what is the best insulin pen needle size",
        "my husband has shingles, I'm pregnant but I had chickenpox as a kid",
        "my anal fistula has stopped draining, is that good?",
        "had a hypo 3 years ago, should I still carry sweets?",
        "what immunotherapy helps grass pollen allergy with a cough",
        "the cut on my knee is red, what cream should I use",
        "can apixaban be taken twice a day?",
        "I take metformin, does it cause diarrhoea?",
        "what can I eat during chemo to help with mouth sores?",
        "will radiotherapy make my skin sore?",
        "how often should I empty my ileostomy bag?",
        "does aripiprazole cause weight gain?",
        "how long will my cast stay on?",
        "on jardiance and my stomach hurts after meals",
        "had my booster injection yesterday and there's a red lump on my arm",
        "the surgery gives him antibiotics every time he seems a bit confused, is that right?",
        "small boil on my neck, which cream is best?",
        "it stings when I wee but no temperature, is cranberry juice any good?",
        "how long does the gap bleed after a tooth extraction?",
        "my son is 5 weeks old and my hayfever is awful, which antihistamine suits a feeding mum?",
        "the nurse said my 4 week old was afebrile at the check",
        "coming off tramadol, what withdrawal symptoms should I expect?",
        "came off oxygen yesterday and sweating a lot at night",
        "haven't had a poo for four days since my knee replacement, which laxative works best?",
        "I eat 1200 calories a day and feel dizzy after the gym, is that normal",
        "what BMI counts as underweight for a woman of 30?",
        "crohns flare, some blood in my poo, what diet helps",
        "I'm diabetic, what shoes are best for swollen feet in summer?",
        "is ulcerative colitis linked to bowel cancer? my dad had bleeding",
        "the dipstick test showed a trace of blood in my urine, should I repeat it",
        "my pee went pink after a big bowl of beetroot soup",
        "had a cystoscopy this morning and my wee is a bit pink, is that ok",
        "she was diagnosed with kidney stones after blood in her urine last year",
        "what can cause blood in urine in older men",
        "hives all over my body for five days now, they come and go",
        "taking the tablet gives me a burning pain in my chest when I swallow it",
        "I don't see the point of this diet, can I stop it",
        "my sight went dark for a few seconds when I stood up from the bath",
        "my calf has been sore since the gym on monday",
        "whats the point in taking vitamins if I eat well",
        "there was blood all over the sink after my nosebleed but it has stopped now",
        "our 3 day old has little yellow spots on her nose, like tiny pimples",
        "my 2 year old got a blister from her new shoes",
        "I'm 30 weeks and my ankles swell by the evening",
        "it's freezing cold in the office and I'm confused about the new rota",
        "I'm 14 weeks into marathon training and my knee is bleeding after a fall",
        "my kidney stone passed last year, can i prevent another",
        "had a fever last week and a kidney stone years ago",
        "my monitor read 130/85 is that ok",
        # the shakes from coffee, not from drink
        "I drink four espressos every day and get the shakes by lunch",
        # the lethal amount of an everyday drink, asked about one's habit
        "whats the lethal dose of caffeine, my friend says my 5 energy drinks a day will kill me",
        # bismuth turns stools black
        "black poop after taking pepto bismol, is that normal",
        # a nosebleed after cutting down on drink is no wound
        "i cut back on beer and i get little nosebleeds that stop in a minute",
        # pills taken, sleeping soundly
        "took my sleeping tablets and slept right through, is that ok",
        # chest tightness on effort with asthma
        "asthma, my chest gets tight when I jog in the cold and eases with my inhaler",
        # exercise asked about after cancer
        "had breast cancer 4 years ago, is pilates ok for a stiff back",
        # an extra contraceptive pill taken by mistake
        "by mistake I took my contraceptive pills twice today, am I still covered?",
        # the expected reaction to a vaccine given yesterday: no several-signs card
        "had the pneumonia jab yesterday, now a temp of 38.4, vomited once and my arm is swollen",
        # blood only a urine test found
        "the nurse found blood in my urine on a urine test at my check up, I can't see any",
        # soaking pads told as how heavy periods usually go
        "my periods are heavy, on the heavy days I soak a pad every hour or two, I'm 16",
        # peeing at night told with an enlarged prostate, thirst with the heat
        "up weeing lots at night with my enlarged prostate, and really thirsty in this heat",
        # a bowel change since a new medicine, with no weight lost
        "my bowels have been looser since I started metformin, is that normal",
        # a painless red patch on the white of the eye, sight unchanged
        "there's a bright red blotch on the white of my eye since this morning, it looks like "
        "blood but doesn't hurt and my vision is fine, should I panic?",
        "woke up with a big blood red patch on the white of my eye, no pain at all and I can see "
        "fine, really scared",
        # a booster within the ten years
        "trod on a rusty nail at the allotment, my last tetanus booster was 6 years ago",
        # confusion that comes each evening with a known dementia (sundowning)
        "grandpa has had dementia for years and gets confused every evening, is this normal?",
    ],
)
def test_everyday_past_and_general_messages_do_not_fire(question: str) -> None:
    assert not kinds(question), kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("my stools have turned jet black and I feel faint", "severe bleeding"),
        ("bitten on the hand by what looked like a viper", "venomous bite or sting"),
        (
            "out of nowhere a pain low on my left side, and I've been sick three times",
            "sudden severe pain",
        ),
        ("he put his hands around my throat during the argument", "danger from another person"),
        ("I'm sure my drink was spiked last night", "danger from another person"),
        (
            "tingling began in my toes on monday and now my fingers are numb too",
            "weakness spreading up the body",
        ),
        ("woke up and can't hear in my right ear", "sudden hearing loss"),
        ("he can't pass water since this morning and his belly is tight", "cannot pass urine"),
        ("mum's catheter bag has had nothing draining into it all afternoon", "cannot pass urine"),
        ("she's type 1 and is slurring and not making sense", "diabetic emergency"),
        ("my blood ketones read 4.2 this morning", "diabetic emergency"),
        (
            "red painful eye, rainbow circles around lights and I've been sick",
            "sudden loss of vision",
        ),
        ("my 5 day old only had 2 wet nappies today", "warning signs in a baby or young child"),
        ("vomiting since yesterday and dizzy when I stand up", "not keeping fluids down"),
        (
            "on carbimazole and now a sore throat and a temperature",
            "dangerous reaction to a medicine",
        ),
        ("I feel feverish and the wound on my shin is oozing pus", "fever with a warning sign"),
        ("his knees look mottled and he has a chest infection", "fever with a warning sign"),
        ("28 weeks pregnant with a temp of 38.5", "warning signs in pregnancy"),
        (
            "35 weeks pregnant and my palms and soles itch like crazy at night",
            "warning signs in pregnancy",
        ),
        (
            "she gave birth two weeks ago, hasn't slept at all and says the tv is talking to her",
            "warning signs after a birth",
        ),
    ],
)
def test_signs_told_in_other_words_fire(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "I take iron tablets and my poo is black, is that normal",
        "how do you treat a snake bite",
        "I have had a dull ache on my right side for months",
        "can I change my own urinary catheter at home",
        "my wee is dark in the morning, am I dehydrated",
        "I'm type 1 diabetic, can I drink alcohol",
        "my eczema has little blisters on my hands, what cream helps",
        "is it normal for palms to itch in summer",
        "what should ketone levels be on a keto diet",
        "my feet hurt after running and my hands are weak from climbing",
        "my toes are cold and my fingers tingle when I type",
        "I was sick once this morning after too much wine, any tips",
        "my hip pops during sex, is that arthritis",
    ],
)
def test_the_same_words_in_everyday_messages_do_not_fire(question: str) -> None:
    assert not kinds(question), kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "a rash came up on my tummy since last night, can it wait till monday?",
        "my wrist has been getting worse since the weekend, ok to leave it until my appointment?",
    ],
)
def test_a_new_complaint_asked_whether_it_can_wait_gets_same_day_care(question: str) -> None:
    """The second catch-all: a complaint told as new or growing, asked whether care can wait."""
    assert kinds(question) == {"new symptoms, asked whether to wait"}


@pytest.mark.parametrize(
    "question",
    [
        "I've had this rash for years, can it wait till my appointment?",
        "missed my pill today, should I wait until tomorrow or take two?",
        "how long should i wait before taking more ibuprofen today",
        "can it wait till monday? it's just a question about my repeat prescription",
    ],
)
def test_a_long_known_complaint_or_a_dose_asked_whether_to_wait_does_not_fire(
    question: str,
) -> None:
    assert not kinds(question), kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "my grandad has had a temperature since yesterday and is not himself, can we see how "
        "he is tomorrow",
        "she has been throwing up since this morning and looks pale and sweaty",
        "I'm on chemo and tonight I feel shivery and dizzy",
    ],
)
def test_several_warning_signs_together_get_same_day_care(question: str) -> None:
    flags = detect_red_flags(question)
    assert flags, question
    if [f.kind for f in flags] == ["several warning signs together"]:
        assert "today" in flags[0].advice and "emergency" in flags[0].advice
        assert ";" in flags[0].matched


@pytest.mark.parametrize(
    "question",
    [
        "I had a fever and was vomiting for days last year, could it have been covid",
        "no fever, no vomiting, just a runny nose since yesterday",
        "what causes fever, vomiting and dizziness in elderly people",
        "my 80 year old dad gets dizzy sometimes",
        "is it normal for a newborn to sneeze a lot",
        # the grandmother is the one who died, not the one with the cough
        "my nan passed away with a chest infection in may and now i've a cough and a temp for 3 "
        "days, am i overreacting",
    ],
)
def test_one_or_two_signs_negated_past_or_general_do_not_add_up(question: str) -> None:
    assert "several warning signs together" not in kinds(question)
    assert not kinds(question)


def test_signs_told_as_easing_with_home_care_do_not_add_up() -> None:
    """A child's sore ear and a mild temperature that ibuprofen settled, asked whether to wait,
    is a routine question; the same signs told as getting worse still need a doctor today."""
    easing = (
        "my daughter (3) has had a sore ear since this morning with a temp of 38.6, the "
        "ibuprofen worked and she seems better now, can we wait and see?"
    )
    assert not kinds(easing), kinds(easing)
    worse = (
        "my daughter (3) has had a sore ear since this morning with a temp of 38.6, the "
        "ibuprofen worked for an hour but she is getting worse now, can we wait and see?"
    )
    assert kinds(worse)


def test_signs_together_names_each_kind_with_its_words() -> None:
    from medcite.answer.safety import signs_together

    found = signs_together("since last night she is vomiting and feels faint, no fever")
    assert found["vomiting"] == "vomiting"
    assert found["dizziness or fainting"] == "faint"
    assert "fever" not in found
    assert "recent" in found


def test_dev_part_of_the_fresh_set() -> None:
    """The second writer's dev messages: every one that needs care today is flagged, no
    routine one is (the test part is only reported, by ``benchmarks/red_flags.py``)."""
    from medcite.eval import datasets as ds

    questions = list(ds.fresh_red_flag_set(split="dev"))
    assert len(questions) > 50
    missed = [q.id for q in questions if q.label and not detect_red_flags(q.question)]
    false_alarms = [q.id for q in questions if not q.label and detect_red_flags(q.question)]
    assert len(missed) <= 2, missed
    assert not false_alarms, false_alarms


def test_same_day_flags_say_today_and_an_emergency_says_now() -> None:
    from medcite.answer.safety import banner

    hearing = detect_red_flags("woke up and suddenly can't hear out of my right ear")
    assert [f.urgency for f in hearing] == ["same-day"]
    assert (banner(hearing) or "").startswith("Get medical care today.")
    stroke = detect_red_flags("my dad's face is drooping and he can't lift his arm")
    assert [f.urgency for f in stroke] == ["emergency"]
    both = hearing + stroke
    assert (banner(both) or "").startswith("Seek care now.")


def test_a_sign_that_needs_tests_within_days_says_soon_not_today() -> None:
    """A card whose advice is to be seen within days opens as such, not as "care today"; beside
    a same-day or an emergency flag the card opens as its most urgent flag asks."""
    from medcite.answer.safety import banner, most_urgent

    weight = detect_red_flags(
        "I've dropped about 8 kg without dieting and bread gets stuck going down lately"
    )
    assert [f.urgency for f in weight] == ["soon"]
    assert (banner(weight) or "").startswith("Book an appointment now. See a doctor promptly")
    hearing = detect_red_flags("woke up and suddenly can't hear out of my right ear")
    assert most_urgent(weight + hearing) == "same-day"
    assert (banner(weight + hearing) or "").startswith("Get medical care today.")
    stroke = detect_red_flags("my dad's face is drooping and he can't lift his arm")
    assert most_urgent(weight + stroke) == "emergency"
    # the most urgent card comes first, whatever order the concepts are checked in
    both = detect_red_flags(
        "lost weight without trying, food sticks when I swallow, and now my face is drooping "
        "on one side"
    )
    assert next(f.urgency for f in both) == "emergency"


@pytest.mark.parametrize(
    ("question", "flagged"),
    [
        ("my daughter has had a fever for six days now, what can I give her", True),
        ("5 days of fever in my 4 year old, is that normal", True),
        ("my son had a fever for 5 days last year, could it come back", False),
        ("is a fever for 5 days in a child dangerous", False),
        ("my toddler has had a fever for 2 days, how much tylenol", False),
    ],
)
def test_a_child_s_fever_of_five_days_or_more_needs_care_today(
    question: str, flagged: bool
) -> None:
    flags = [f for f in detect_red_flags(question) if f.kind == "long fever in a child"]
    assert bool(flags) is flagged
    assert all(f.urgency == "same-day" for f in flags)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "there's a heavy pressure in my lower chest and it spreads into my left arm",
            "chest pain",
        ),
        ("a tight feeling in my chest that moves up into my jaw", "chest pain"),
        ("my daughter is type 1 and her breath smells fruity", "diabetic emergency"),
        ("he has diabetes, is vomiting and breathing deep and fast", "diabetic emergency"),
        ("the redness around the cut is a bit bigger every day", "spreading skin infection"),
    ],
)
def test_signs_told_by_where_they_go_or_how_they_grow_fire(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "my chest x-ray was fine but the pain goes into my shoulder when I lift",
        "my shoulder pain goes into my neck after work",
        "is fruity breath a sign of diabetes",
        "my mole is a bit bigger every year",
    ],
)
def test_where_pain_goes_or_what_grows_elsewhere_does_not_fire(question: str) -> None:
    # a mole growing year by year is to be seen within weeks (a "soon" card), no more
    assert not kinds(question) - {"changing mole"}, kinds(question)


def test_a_pet_question_naming_what_we_have_at_home_is_about_the_pet() -> None:
    from medcite.answer.safety import about_an_animal

    assert about_an_animal("our rabbit stopped eating, can I give him the drops we have")
    assert not about_an_animal("we have all been sneezing since we got a rabbit")


@pytest.mark.parametrize(
    ("question", "flagged"),
    [
        ("my calf has been swollen and sore since tuesday and now I'm short of breath", True),
        ("I had knee surgery 5 days ago and now it hurts when I breathe in", True),
        ("three weeks after my c-section, I get out of breath walking to the kitchen", True),
        ("my calf is sore after running and I was out of breath after the race", False),
        ("am I out of breath because of the pill?", False),
    ],
)
def test_breathlessness_with_a_clot_sign_or_risk_is_a_possible_clot_in_the_lungs(
    question: str, flagged: bool
) -> None:
    found = "possible blood clot in the lungs" in kinds(question)
    assert found is flagged


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # the catch-all's wider lexicons: a lasting vulnerable state, inflamed skin, vitals
        (
            "on long-term steroids for my lungs and since this morning I have a temp and the runs",
            SEVERAL_SIGNS_KIND,
        ),
        (
            "a week after having my baby my breast is swollen, red and warm, and I feel shivery",
            SEVERAL_SIGNS_KIND,
        ),
        (
            "mum has emphysema, far more puffed out than her usual, oxygen reading 85% and drowsy",
            SEVERAL_SIGNS_KIND,
        ),
        (
            "my ankle went hot and swollen overnight and I have a slight temperature",
            "hot swollen joint",
        ),
        # signs added to the body-system concepts
        ("one side of his face has drooped since lunch and he is dribbling", "stroke"),
        ("he can only get out two or three words between breaths", "breathing difficulty"),
        ("my inhaler isnt doing anything tonight", "breathing difficulty"),
        (
            "our 4 year old got into the medicine cabinet, he may have swallowed a few tablets",
            "overdose or poisoning",
        ),
        (
            "tooth pulled 5 days ago and now there is a lot of bright red blood in my mouth",
            "severe bleeding",
        ),
        (
            "my uncle is shouting about voices and waving a kitchen knife at us",
            "danger from another person",
        ),
        (
            "my 2 week old only takes about half of her usual bottle",
            "warning signs in a baby or young child",
        ),
        ("38 weeks and I think my waters have gone, no pains yet", "warning signs in pregnancy"),
        # new same-day concepts
        ("the whites of my eyes have turned yellow this week", "yellow skin or dark urine"),
        ("after the marathon my pee came out the colour of cola", "yellow skin or dark urine"),
        ("my son pushed a bead up his nose and we cant get it out", "something stuck in the body"),
        ("a splinter of glass is buried deep in my heel", "something stuck in the body"),
        (
            "sliced my palm on a tin lid and the cut gapes open when I stretch my fingers",
            "a wound that may need closing",
        ),
        ("the condom came off during sex last night", "needs care soon after sex"),
        (
            "cramping pain in waves from my left side round to my groin since 4am",
            "pain that comes in waves",
        ),
        (
            "my husband walked into a low beam and hit his head, now he threw up twice and is "
            "drowsy",
            "head injury with a warning sign",
        ),
        ("threw up twice and my headache is worse when I cough", "headache with a warning sign"),
        (
            "I am 68 and have a new headache, my temple is tender to touch",
            "headache with a warning sign",
        ),
        (
            "since my spinal anaesthetic on monday the headache is unbearable sitting up",
            "headache with a warning sign",
        ),
        (
            "my 6 year old is limping today and wont put weight on his left leg",
            "a child not using an arm or leg",
        ),
        ("6 weeks pregnant and I have some bleeding today", "bleeding in early pregnancy"),
        (
            "36 weeks with our first and she has hardly moved since this morning",
            "warning signs in pregnancy",
        ),
        (
            "boiling water spilled on my toddler and her whole arm is blistering",
            "serious burn or electrical injury",
        ),
        (
            "my son makes a honking noise when he breathes in and he is drooling",
            "breathing difficulty",
        ),
        ("her pulse is 36 and she feels faint", SEVERAL_SIGNS_KIND),
        (
            "he said he wants to hurt people and he is holding a knife in the kitchen",
            "danger from another person",
        ),
        (
            "began carbamazepine ten days ago and today there are itchy red bumps on my back",
            "rash on a new medicine",
        ),
        ("my daughter broke out in hives on day 4 of her penicillin", "rash on a new medicine"),
        (
            "two weeks after my z-pack i have the runs ten times a day and belly pain",
            "diarrhoea after antibiotics",
        ),
        (
            "my 11 month old keeps drawing his legs up and crying, his poo is like bloody jelly",
            "warning signs in a baby or young child",
        ),
        (
            "my 7 month old is sleepy and floppy, will not wake properly",
            "warning signs in a baby or young child",
        ),
        (
            "my daughter sat next to a boy with measles at church on sunday, she never had the mmr",
            "exposed to measles or chickenpox",
        ),
        (
            "20 weeks pregnant and my nephew I babysat friday now has chickenpox",
            "exposed to measles or chickenpox",
        ),
        (
            "my mum has shingles on her arm and has been cuddling our 3 week old",
            "exposed to measles or chickenpox",
        ),
        (
            "my dad is 79 and started a new sleeping pill last week, now hes confused at night",
            "new confusion",
        ),
        ("im 81 and i almost passed out twice getting out of bed this week", "nearly fainting"),
        (
            "a wasp got her on the arm ten minutes ago and now her lips look puffy",
            "anaphylaxis",
        ),
        (
            "my son has been so thirsty for weeks and peeing all night, now vomiting and his "
            "breath smells like nail polish",
            "diabetic emergency",
        ),
        (
            "temp of 39.5 and tiny dark red dots on her arms and back that dont go away when "
            "pressed with a cup",
            "fever with a warning sign",
        ),
        ("since the new water pill i nearly black out when I stand up", "nearly fainting"),
        (
            "my husband has pneumonia and tonight he is shaking with chills and his breathing "
            "is fast",
            "fever with a warning sign",
        ),
        (
            "had a kidney infection since monday, now i feel so confused i cant find my words",
            "fever with a warning sign",
        ),
        (
            "our 3 year old climbed onto the counter and got into the cupboard and swallowed "
            "some of the iron tablets",
            "overdose or poisoning",
        ),
        (
            "did a pregnancy test two weeks ago and it was positive. tonight cramping on my left "
            "side and i feel faint",
            "possible ectopic pregnancy",
        ),
        (
            "my son held his breath crying and went blue and now he is not breathing",
            "breathing difficulty",
        ),
        (
            "my husband is 66 and is clammy and grey, says his left arm aches and he feels sick",
            "chest pain",
        ),
        (
            "im 61, sweating buckets and there is a pressure between my shoulder blades",
            "chest pain",
        ),
        ("i have been stockpiling my meds for a few weeks now", "suicidal thoughts"),
        ("gave away all my belongings this week, feels like the right time", "suicidal thoughts"),
    ],
)
def test_wider_signs_fire(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "my pee is darker than usual after the gym, is that ok",
        "my pee is dark yellow in the morning, should i drink more water",
        "i had a kidney transplant 10 years ago, what foods should i avoid",
        "sometimes bread gets stuck in my throat and I have to drink water, for years now",
        "I always get a song stuck in my head, is that normal",
        "how long after a cut do stitches usually come out",
        "what is the failure rate of condoms",
        "my resting heart rate is 58 bpm and I run 5 times a week",
        "my knee is a bit swollen after football but not hot or red",
        "what does anaphylaxis look like in a child, my daughter has a peanut allergy",
        "I feel like I'm having a heart attack whenever my phone rings, how do I calm my anxiety",
        "my headache is worse when I lie down after a long day, is that normal",
        "my son bumped his head on the table yesterday, he is fine and playing, no vomiting",
        "is spotting normal in early pregnancy?",
        "my 3 year old limped for a day last month after a fall but is fine now",
        "my temple hurts when I wear tight glasses",
        "can lamotrigine cause a rash in the first months?",
        "which antibiotics are safe if I got hives from penicillin as a child",
        "my baby has diaper rash since starting solids, what cream helps",
        "can antibiotics give you diarrhea and a fever?",
        "my toddler has a runny nose and floppy ears, is it a cold",
        "since covid my heart races when I stand and I nearly blacked out twice, what is POTS",
        "how long after being exposed to measles do symptoms start?",
        "shes confused about which blood pressure pill to take first, is there an order",
        "my 8 year old was exposed to chickenpox at school, when would spots appear",
        "can you catch shingles from holding a baby?",
        "does a bee sting usually make your lips puffy?",
        "my lips are puffy every morning when I wake up",
        "I'm always thirsty in summer and pee a lot, is that normal",
        "on amoxicillin and my stools are a bit loose, should I take a probiotic",
        "i have a uti and im confused about whether to finish the antibiotics",
        "my grandson is 2 and keeps trying to get into my pill box, how do i childproof it",
        "my 18 month old holds her breath when she cries until her face goes purple, then "
        "she is fine",
        "my jaw aches from grinding my teeth at night, is a mouth guard worth it",
        "i sweat a lot at the gym and my arm hurts after bench press",
        "im giving away my old baby things to a friend, is the car seat still safe",
    ],
)
def test_wider_signs_stay_quiet_on_everyday_messages(question: str) -> None:
    assert not kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "had a heart attack 3 years ago and lately i get puffed out walking up a slope",
        "my mum had a triple bypass and is getting short of breath on the stairs, never used to",
        "been out of breath on my walks the past few weeks, I have angina",
        "dad has heart failure and is more breathless than usual this week",
    ],
)
def test_new_breathlessness_with_heart_disease_is_seen_today(question: str) -> None:
    flags = detect_red_flags(question)
    assert [f.kind for f in flags] == ["new breathlessness with heart disease"]
    assert flags[0].urgency == SAME_DAY


@pytest.mark.parametrize(
    "question",
    [
        "i get short of breath walking up stairs, is that normal at 40",
        "I get out of breath when I run, how do I build stamina",
        "had a stent put in 5 years ago, can I run a marathon",
        "is breathlessness a side effect of a stent",
        "shortness of breath on exercise since I stopped training, how do I get fit again",
    ],
)
def test_breathlessness_on_effort_alone_is_no_emergency(question: str) -> None:
    assert not kinds(question)


def test_and_before_lately_starts_a_new_clause() -> None:
    """A past event ("a heart attack in 2019") does not make what follows "and lately" past."""
    question = "I had a heart attack in 2019 and lately I get out of breath climbing stairs"
    assert kinds(question) == {"new breathlessness with heart disease"}


def test_an_age_after_is_is_no_temperature() -> None:
    """ "is 39" may be an age; a reading with decimals or over 100 °F is a temperature."""
    assert not kinds("my wife is 39 and has had vomiting since yesterday")
    assert kinds("she was 38.9 last night and vomiting") == {SEVERAL_SIGNS_KIND}
    assert kinds("my baby is 101 and vomiting since this morning") == {SEVERAL_SIGNS_KIND}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("light spotting at 7 wks pregnant, no pain", {"bleeding in early pregnancy"}),
        ("just found out im pregnant, some pink discharge", {"bleeding in early pregnancy"}),
        ("first trimester and a little bleeding when I wipe", {"bleeding in early pregnancy"}),
        ("28 weeks pregnant and some spotting this morning", {"warning signs in pregnancy"}),
    ],
)
def test_bleeding_early_in_pregnancy_is_checked_today(question: str, expected: set[str]) -> None:
    """Spotting in the first three months is a same-day call (the emergency signs of a
    miscarriage or an ectopic pregnancy are named in the advice); later it is the maternity
    unit's."""
    assert kinds(question) == expected


def test_a_graver_card_leaves_out_the_milder_one_about_the_same_bleeding() -> None:
    question = "7 weeks pregnant, sharp pain low down on one side and feel faint, bit of spotting"
    assert kinds(question) == {"possible ectopic pregnancy"}


SEIZURE = "loss of consciousness or seizure"


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("he has been fitting for 8 mins and isn't coming round", SEIZURE),
        ("she's fitting again, what do we do", SEIZURE),
        ("gran is very sleepy and her lips look a little blue", "breathing difficulty"),
        ("3 days after the birth, soaking a pad within an hour", "warning signs after a birth"),
        ("light brown spotting at 6 weeks pregant", "bleeding in early pregnancy"),
    ],
)
def test_urgent_signs_in_everyday_words(question: str, kind: str) -> None:
    """A seizure told by its length or as "fitting", blue lips "a little", a misspelt
    pregnancy, heavy bleeding some days after the birth."""
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "my daughter is fitting in well at her new school",
        "he is fitting less since the new tablets",
        "my toes go white then blue in the cold, is it raynauds",
    ],
)
def test_everyday_fitting_and_cold_fingers_stay_quiet(question: str) -> None:
    assert not kinds(question)


def test_a_high_sugar_in_mmol_with_vomiting_is_a_diabetic_emergency() -> None:
    """Blood sugar told in mmol/L (UK, Europe), not only in mg/dL."""
    assert "diabetic emergency" in kinds("type 1, sugar 19.5 mmol and I keep being sick")
    assert not kinds("my sugar was 15.2 this morning, is that high for type 2")


def test_black_stools_on_iron_are_no_bleeding() -> None:
    """Iron, bismuth or liquorice blacken stools; told as not taken, they explain nothing."""
    assert "severe bleeding" not in kinds("black poo since i started ferrous sulphate, normal?")
    assert "severe bleeding" not in kinds("black sticky poo after pepto bismol last night")


def test_a_hot_wound_is_inflamed_not_feverish() -> None:
    """Heat told of a cut, a bite or a limb is no fever (no call-now card for a fever with an
    infected wound); the wound's infection is a same-day matter."""
    found = kinds("the bite on my ankle is hot and full of pus")
    assert "fever with a warning sign" not in found
    assert "spreading skin infection" in found


def test_a_cast_with_numb_cold_fingers_gets_only_the_emergency_card() -> None:
    """Raising the limb and calling the clinic is wrong advice beside pressure under a cast."""
    found = kinds("cast put on today, now her fingers are swollen, cold and numb")
    assert "pressure under a cast" in found
    assert "a tight cast" not in found


def test_same_day_advice_is_not_added_to_the_call_now_card_for_the_same_trouble() -> None:
    """A urine infection with a fever and pain in the side is the call-now kidney infection;
    the same-day card for a urine infection with a fever would water it down."""
    found = kinds("it burns when I pee, temp of 39 and pain in my right side and back")
    assert "fever with a warning sign" in found
    assert "urine infection with a fever" not in found
    sick_day = kinds("on jardiance, stomach bug, being sick all day and now breathing fast")
    assert "diabetic emergency" in sick_day
    assert "vomiting or diarrhoea on medicines that need a sick-day pause" not in sick_day


def test_a_swollen_penis_going_purple_is_no_breathing_sign() -> None:
    """A colour change of the genitals is their own emergency, not cyanosis."""
    found = kinds("my foreskin is stuck back and the swollen head is going purple")
    assert "prolonged erection or trapped foreskin" in found
    assert "breathing difficulty" not in found


def test_a_hot_joint_calls_now_only_with_a_fever() -> None:
    """A red, hot, swollen joint is a same-day card (gout or an infection to rule out); with a
    fever or shivering it is a call-now one, and the same-day card is left out."""
    assert kinds("big toe red hot and swollen overnight, no temperature") == {"hot swollen joint"}
    assert kinds("big toe red hot and swollen overnight and a temp of 38.6") == {
        "hot swollen joint with a fever"
    }


def test_chest_pain_that_calls_now_leaves_out_the_exertion_card() -> None:
    """Chest pressure read as a possible heart attack keeps its call-now card alone: the
    same-day card for pain on effort would water it down."""
    assert kinds("chest pressure walking up hills that goes away after a minute") == {"chest pain"}


def test_overdoses_read_about_with_tablets_at_hand_are_a_crisis() -> None:
    """Overdoses read about, told beside tablets kept at hand or no strength left for another
    week of this, are suicidal thoughts; a box of tablets or an essay on overdoses alone is not."""
    assert "suicidal thoughts" in kinds(
        "been looking up overdoses all week and there's a drawer of dad's pills in the kitchen"
    )
    assert "suicidal thoughts" in kinds(
        "reading about overdoses again, I can't face another week like this"
    )
    assert not kinds("I have a box of ibuprofen at home, how many can I take for toothache")
    assert not kinds("reading about overdoses for a nursing essay, what dose is toxic")


def test_redness_spreading_from_a_bite_is_no_clot_card() -> None:
    """A red, hot, swollen calf with the redness spreading from a bite past a drawn line is the
    bite's infection: its card alone, not the blood-clot one beside it."""
    question = (
        "bitten by a horsefly on my calf, its red hot and swollen and the red patch has grown "
        "a lot past the marker line"
    )
    assert kinds(question) == {"spreading skin infection"}


@pytest.mark.parametrize(
    "question",
    [
        "bee got me on the wrist two days ago, swollen up to the elbow but I feel fine, "
        "should I get an epipen for next time?",
        "my son reacted to a hornet with a big itchy lump, does he need an epi-pen now?",
        "a big local reaction to a bee two summers ago; my aunt reckons I need an epipen",
        "allergic to walnuts (my lips swell) - is a walnut oil face cream ok?",
        "her mouth puffs up if she eats raw apple, is that the same as a nut allergy",
    ],
)
def test_asking_whether_to_carry_an_adrenaline_pen_is_no_anaphylaxis(question: str) -> None:
    assert ANAPHYLAXIS not in kinds(question)


def test_swelling_on_one_side_of_a_sore_throat_is_an_abscess_not_anaphylaxis() -> None:
    found = kinds(
        "tonsillitis for four days, now the left side of my throat is very swollen and I keep "
        "drooling because swallowing hurts"
    )
    assert found & {"throat abscess or airway swelling", "throat abscess with drooling"}
    assert ANAPHYLAXIS not in found


@pytest.mark.parametrize(
    "question",
    [
        "ate a cashew at a party and now my throat is swollen, should I use my epipen?",
        "bee sting on the neck, my lips are swelling, do I need my epipen",
        "allergic to sesame (lips swell) and just had hummus; my tongue is swelling now",
    ],
)
def test_swelling_after_an_allergen_still_calls_for_the_pen(question: str) -> None:
    assert ANAPHYLAXIS in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "a street dog nipped my calf while we were backpacking, it bled a little, that was "
        "ten days ago and it looks fine now",
        "got scratched by a kitten on holiday last week, do I need anything?",
    ],
)
def test_a_dog_or_cat_bite_abroad_told_days_later_is_a_rabies_question(question: str) -> None:
    assert "possible rabies exposure" in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "a stray dog bit me when I was 7, ever since I have been scared of dogs",
        "we had bats in the loft last summer, how do I stop them nesting again?",
    ],
)
def test_a_bite_or_bat_told_as_long_ago_is_no_rabies_card(question: str) -> None:
    assert "possible rabies exposure" not in kinds(question)


def test_speech_that_sounds_slurred_is_a_stroke_sign() -> None:
    assert "stroke" in kinds("woke up dizzy and his words sound a little slurred this morning")


@pytest.mark.parametrize(
    "question",
    [
        "my aunt lives in a care home and has bruises on her wrists that look like grip marks",
        "dad flinches whenever a certain carer walks in and he won't say why",
    ],
)
def test_signs_of_abuse_of_someone_cared_for_are_reported_today(question: str) -> None:
    assert POSSIBLE_ABUSE in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "my toddler is scared of the dark and of the hand dryer",
        "she has a red hand print mark on her cheek from the sun cream",
    ],
)
def test_everyday_fears_and_marks_are_no_abuse(question: str) -> None:
    assert POSSIBLE_ABUSE not in kinds(question)


def test_a_side_that_is_killing_me_with_a_fever_and_a_urine_infection_is_the_kidneys() -> None:
    found = kinds("bladder infection since monday, now my left side is killing me and temp is 38.9")
    assert "fever with a warning sign" in found


def test_sharing_a_room_with_someone_with_meningococcal_disease_is_seen_today() -> None:
    found = kinds("my flatmate was taken to hospital with meningococcal sepsis, I feel okay")
    assert "close contact of meningococcal disease" in found


@pytest.mark.parametrize(
    "question",
    [
        "which meningitis vaccine do students living in halls need?",
        "my housemate had viral meningitis and is home again, can I catch it?",
    ],
)
def test_meningitis_vaccines_and_viral_meningitis_are_no_contact_card(question: str) -> None:
    assert "close contact of meningococcal disease" not in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "tonsil swollen on the right side, voice all muffled and I can't even swallow my own spit",
        "he can't open his mouth much or swallow his own saliva, sore throat for a week",
    ],
)
def test_a_sore_throat_with_saliva_that_cannot_be_swallowed_calls_now(question: str) -> None:
    assert kinds(question) == {"throat abscess with drooling"}
    assert all(f.urgency == "emergency" for f in detect_red_flags(question))


def test_saliva_stopped_by_food_stuck_keeps_its_own_card() -> None:
    assert kinds("a chunk of chicken is stuck and I can't even swallow my spit") == {
        "cannot swallow saliva"
    }


@pytest.mark.parametrize(
    "question",
    [
        "bloods back, potassium 6.4 mmol/L, I'm on ramipril, feel a bit weak",
        "lab rang: my K+ is 7.0 and they want me to come in",
    ],
)
def test_a_high_potassium_on_a_blood_test_calls_now(question: str) -> None:
    assert "high potassium on a blood test" in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "my potassium was 5.3, is that too high?",
        "how much potassium is in 7 apricots",
        "taking vitamin k for 6 weeks after the birth",
    ],
)
def test_a_potassium_below_six_or_an_amount_eaten_is_no_emergency(question: str) -> None:
    assert not kinds(question) & {
        "high potassium on a blood test",
        "raised potassium on a blood test",
    }


def test_a_potassium_just_over_six_without_symptoms_is_seen_today() -> None:
    assert kinds("potassium 6.2 on my routine bloods, feel fine, doctor's letter says repeat") == {
        "raised potassium on a blood test"
    }


def test_a_yellow_fever_jab_is_no_fever() -> None:
    assert not kinds("I'm on a biologic and need a yellow fever jab for a trip to Kenya")


def test_a_heavy_period_told_as_how_periods_go_is_no_emergency() -> None:
    assert "severe bleeding" not in kinds(
        "my periods last a week and on heavy days I soak through a pad every hour, always tired"
    )
    assert "severe bleeding" in kinds(
        "my period is so heavy, soaking a pad every hour and I feel faint when I stand"
    )


def test_named_recurring_panic_attacks_are_no_severe_sign_to_wait_on() -> None:
    assert not kinds("I get panic attacks before tests, I can't breathe and shake, is this normal?")


def test_left_sided_pain_during_glandular_fever_is_a_torn_spleen() -> None:
    assert "possible ruptured spleen" in kinds(
        "had mono for three weeks and now a stabbing pain under my left ribs, going into my "
        "shoulder, and I feel faint"
    )
    assert "possible ruptured spleen" not in kinds(
        "my left shoulder aches after the gym, I had glandular fever years ago"
    )


def test_a_period_weeks_late_with_one_sided_pain_and_faintness_is_an_ectopic() -> None:
    assert "possible ectopic pregnancy" in kinds(
        "my period is about 10 days late and I've got sharp pain on my left side and feel faint"
    )


def test_vomiting_with_nothing_passed_not_even_wind_is_a_blocked_bowel() -> None:
    assert "possible bowel obstruction" in kinds(
        "cramps since last night, been sick four times and nothing has come out, not even wind"
    )


@pytest.mark.parametrize(
    "question",
    [
        "drew up 40 units of my weight loss jab instead of 4 units this morning",
        "my mum took 100mg instead of 10mg of her amitriptyline tonight",
    ],
)
def test_ten_times_the_dose_is_a_medication_error(question: str) -> None:
    assert "overdose or poisoning" in kinds(question)


def test_a_smaller_dose_than_meant_is_no_overdose() -> None:
    assert "overdose or poisoning" not in kinds("I took 10 mg instead of 20 mg this morning")


def test_a_nosebleed_that_keeps_going_on_a_blood_thinner_calls_now() -> None:
    assert "nosebleed that will not stop" in kinds(
        "on warfarin, my nose started bleeding about 40 minutes ago and it just keeps going"
    )


def test_a_front_tooth_knocked_out_at_an_adult_age_is_the_tooth_card() -> None:
    assert "broken or knocked-out adult tooth" in kinds(
        "I'm 31, a cricket ball knocked one of my front teeth out, root and all"
    )


def test_witnessed_pauses_in_breathing_at_night_are_no_breathing_emergency() -> None:
    assert "breathing difficulty" not in kinds(
        "my wife snores like a train and some nights she stops breathing for a bit then gasps"
    )


@pytest.mark.parametrize(
    "question",
    [
        "62 and a smoker, my voice has been croaky for about six weeks with no cold",
        "white patch inside my cheek for a month now, doesn't hurt, I drink most nights",
    ],
)
def test_a_mouth_or_voice_sign_lasting_weeks_is_checked_soon(question: str) -> None:
    assert "lasting mouth or throat sign" in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "mouth ulcer for 3 days, should I use salt water?",
        "I get mouth ulcers every few months, what causes them?",
        "hoarse for a few weeks after singing in the choir every night",
    ],
)
def test_short_or_recurring_mouth_and_voice_signs_get_no_card(question: str) -> None:
    assert "lasting mouth or throat sign" not in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "how long does a broken wrist take to heal? I'm 62 and it's in a cast",
        "cracked heels that bleed a bit, I'm 70 with diabetes, which cream?",
    ],
)
def test_an_age_told_beside_something_else_broken_is_no_tooth_card(question: str) -> None:
    assert "broken or knocked-out adult tooth" not in kinds(question)


def test_a_baby_of_some_months_with_mouth_patches_is_no_lasting_sign() -> None:
    assert "lasting mouth or throat sign" not in kinds(
        "my 5 month old has white patches in her mouth that don't wipe off"
    )


def test_nodding_off_at_a_red_light_is_drowsy_driving() -> None:
    assert "falling asleep while driving" in kinds("he's so tired he nodded off at a red light")


def test_a_household_unwell_since_the_heating_came_on_is_carbon_monoxide() -> None:
    assert "carbon monoxide poisoning" in kinds(
        "we switched the heating on last week and all of us have headaches and feel sick in the "
        "evenings, better once we are at work"
    )
    assert "carbon monoxide poisoning" not in kinds(
        "I put the heating on and my skin is dry, what cream helps?"
    )


def test_sickness_after_eating_picked_mushrooms_is_poisoning() -> None:
    assert "wild mushrooms eaten" in kinds(
        "we fried some mushrooms we picked in the park, now my wife has been sick all night"
    )
    assert "wild mushrooms eaten" not in kinds("shop mushrooms gave me diarrhoea, is that normal?")


def test_a_pinprick_from_a_grease_gun_is_a_high_pressure_injection() -> None:
    assert "high-pressure injection injury" in kinds(
        "caught the grease gun on my thumb at work, tiny hole but it's throbbing now"
    )


def test_confusion_after_getting_very_hot_at_work_is_heat_stroke() -> None:
    assert "heat stroke" in kinds("he got really hot on the roof and now he's confused")


def test_a_sticking_plaster_is_no_cast() -> None:
    assert "a tight cast" not in kinds("cut my hand, stuck a plaster on, now the hand is swollen")


def test_thumb_base_pain_after_a_fall_on_the_hand_is_an_x_ray_today() -> None:
    assert "possible broken bone or dislocation" in kinds(
        "slipped on ice and landed on my hand yesterday, it hurts at the base of my thumb"
    )
    assert "possible broken bone or dislocation" not in kinds(
        "aching at the base of my thumb from texting, no injury"
    )


def test_hot_dry_skin_and_confusion_on_a_hot_day_is_heat_stroke() -> None:
    assert "heat stroke" in kinds("it's 36 degrees at the match and my brother is confused")
    assert "heat stroke" not in kinds("my temperature is 38 degrees and I feel a bit confused")


def test_words_that_will_not_come_out_and_a_hand_dropping_things_is_a_stroke() -> None:
    assert "stroke" in kinds("all of a sudden my nan couldnt get her words out, 20 minutes ago")
    assert "stroke" in kinds("his left hand keeps dropping his cup since lunch and he seems off")


def test_morning_headaches_with_sickness_or_a_new_squint_are_checked_today() -> None:
    kind = "headache with a warning sign"
    assert kind in kinds("my boy keeps waking up with headaches and throwing up before school")
    assert kind in kinds("she has had headaches all week and now her eyes look crossed")
    assert kind not in kinds("I get migraines and wake up with a headache and vomit sometimes")


def test_a_faint_over_within_seconds_is_no_emergency_call() -> None:
    question = (
        "I passed out in the queue just now, felt hot and sweaty first, came round within seconds"
    )
    assert not kinds(question) & {"loss of consciousness or seizure", SEVERAL_SIGNS_KIND}
    assert "loss of consciousness or seizure" in kinds("he fainted and is not coming round")


def test_a_faint_that_has_passed_at_an_older_age_or_in_sport_is_seen_today() -> None:
    kind = "a faint that has passed"
    assert kind in kinds("my grandad is 79, he blacked out in the garden and came round quickly")
    assert kind in kinds("she fainted while running and came to right away")
    assert kind not in kinds("I nearly fainted in the heat at the bus stop")


def test_insulin_done_twice_by_mistake_gets_the_extra_insulin_card() -> None:
    assert kinds("I think I did my tresiba twice tonight, 20 units each time") == {
        "too much insulin"
    }
    assert "too much insulin" in kinds(
        "gave my son another 6 units of novorapid by mistake after dinner"
    )
    assert "too much insulin" not in kinds("is it better to take levemir twice a day?")


def test_things_seen_after_stopping_drinking_are_severe_withdrawal() -> None:
    assert "severe alcohol withdrawal" in kinds(
        "my brother drinks vodka every day and stopped cold turkey on friday, now he swears "
        "there are ants all over the walls and he isn't making sense"
    )


def test_thirst_with_bedwetting_or_weight_loss_is_a_sugar_test_today() -> None:
    kind = "signs of high blood sugar"
    assert kind in kinds("my 8 year old is always thirsty and has started wetting the bed again")
    assert kind in kinds("drinking loads all day and I've lost weight without trying")
    assert kind not in kinds("I'm drinking lots of water on my diet and losing weight, good?")
    assert kind not in kinds("type 1 diabetic, very thirsty today and peeing a lot")


def test_a_fever_or_foul_discharge_after_a_miscarriage_is_seen_today() -> None:
    kind = "infection after a miscarriage or abortion"
    assert kind in kinds("lost the baby at 9 weeks last week, now shivery and the discharge smells")
    assert kind not in kinds("had a miscarriage in the spring, when can we try again?")


def test_a_cut_that_stops_a_finger_bending_or_numbs_its_tip_is_seen_today() -> None:
    kind = "a wound that may need closing"
    assert kind in kinds("sliced my hand on a knife, now I can't bend the end of my ring finger")
    assert kind in kinds("cut my thumb on a tin lid and the tip of my thumb has gone numb")
    assert kind not in kinds("cut my finger peeling carrots, it bled a bit then stopped")


def test_frozen_fingers_described_in_several_words_are_frostbite() -> None:
    assert "hypothermia or frostbite" in kinds(
        "after sledging all afternoon two of his toes are pale, greyish, hard and waxy"
    )


def test_a_negation_reaches_every_item_of_its_list() -> None:
    assert "chest pain" not in kinds(
        "bp was high at the pharmacy, no dizziness, chest pain or fits"
    )
    assert "chest pain" in kinds("no fever, chest pain since this morning and sweaty")


def test_a_faint_with_seconds_of_being_out_is_a_faint_that_passed() -> None:
    assert "loss of consciousness or seizure" not in kinds(
        "my son fainted at the dentist, was out for about 5 seconds and was fine after"
    )
    assert "loss of consciousness or seizure" in kinds("she fainted and was out for two minutes")


def test_blood_everywhere_that_has_nearly_stopped_is_no_severe_bleeding() -> None:
    assert "severe bleeding" not in kinds("nosebleed, blood all over but it has almost stopped")


def test_a_pop_as_the_ankle_rolled_is_a_sprain_not_an_achilles_tear() -> None:
    assert "possible torn Achilles tendon" not in kinds(
        "twisted my ankle on a kerb and heard a pop, bruised on the outside"
    )
    assert "possible torn Achilles tendon" in kinds("heard a pop at the back of my ankle at squash")
    assert "possible broken bone or dislocation" in kinds(
        "rolled my ankle at hockey and I cannot take 4 steps on it"
    )


def test_antibiotics_only_asked_about_are_no_course_taken() -> None:
    kind = "diarrhoea after antibiotics"
    assert kind not in kinds("loose stools 5 times a day on holiday, should I take antibiotics?")
    assert kind in kinds("on amoxicillin for a week and now watery diarrhea 7 times a day")


def test_fever_or_shivering_with_new_confusion_is_an_emergency() -> None:
    assert "fever with a warning sign" in kinds(
        "grandad is shivering but burning up and really confused this evening"
    )
    assert "fever with a warning sign" not in kinds("I have a fever and I'm confused about doses")


def test_cola_urine_with_sore_swollen_muscles_is_muscle_breakdown() -> None:
    assert "possible muscle breakdown" in kinds(
        "after a huge leg day my thighs are swollen and agony, and my urine is brown like cola"
    )
    assert "possible muscle breakdown" not in kinds("legs ache after running and my pee is yellow")


def test_a_scald_on_a_small_childs_chest_is_an_emergency() -> None:
    assert "large burn on a child" in kinds(
        "my 2 year old spilled boiling water onto her tummy, it is red and blistering"
    )
    assert "large burn on a child" not in kinds("my 3 year old touched a hot pan, small red mark")


def test_a_blocked_nose_that_needs_its_spray_is_no_breathing_emergency() -> None:
    assert "breathing difficulty" not in kinds(
        "used a decongestant spray for weeks and now I cant breathe without it, how do I stop"
    )


def test_a_very_high_sugar_reading_with_muddle_is_a_diabetic_emergency() -> None:
    assert "diabetic emergency" in kinds(
        "mum is diabetic, her meter just says HI and she is muddled and very sleepy"
    )


def test_a_tender_scalp_headache_with_blurred_vision_is_an_emergency() -> None:
    kind = "possible giant cell arteritis affecting the eye"
    assert kind in kinds(
        "new headache at 75, my temple is sore to touch and my vision went misty this morning"
    )
    assert kind not in kinds("headache for days and my temple is sore, eyes are fine")


def test_a_fall_off_furniture_with_vomiting_is_a_head_injury_with_a_warning_sign() -> None:
    kind = "head injury with a warning sign"
    assert kind in kinds("my 9 month old fell off the changing table and has vomited three times")
    assert kind not in kinds("my toddler fell off the sofa, cried a little and is now playing")


def test_an_adult_telling_age_then_chickenpox_gets_the_adult_card() -> None:
    assert "chickenpox in an adult" in kinds("I'm 41 (f) and got chickenpox from my daughter")
    assert "chickenpox in an adult" not in kinds("I'm 41 and had chickenpox as a child")


def test_bone_seen_in_a_tooth_socket_is_no_fracture_or_open_wound() -> None:
    found = kinds("tooth pulled 4 days ago, throbbing and I can see bone in the socket")
    assert "possible broken bone or dislocation" not in found
    assert "a wound that may need closing" not in found
    assert "possible broken bone or dislocation" in kinds("came off my bike, I can see bone")


def test_blood_in_the_sick_is_vomiting_blood() -> None:
    assert "severe bleeding" in kinds("been sick four times and now there is red blood in the sick")
    assert "severe bleeding" not in kinds("a fleck of blood in the sick after retching all night")


def test_a_steroid_inhalers_hoarse_voice_is_no_anaphylaxis() -> None:
    assert "anaphylaxis" not in kinds("since starting my brown inhaler my voice has gone croaky")
    assert "anaphylaxis" in kinds("started a new tablet this morning and my throat is swelling")


def test_an_asthmatics_tight_chest_is_no_heart_attack_but_crushing_pain_still_is() -> None:
    assert "chest pain" not in kinds("asthma, got a cold and my chest is tight, how many puffs")
    assert "chest pain" in kinds("I have asthma and crushing chest pain down my arm for an hour")


def test_a_reliever_needed_many_times_a_day_or_asthma_waking_at_night_is_seen_today() -> None:
    kind = "asthma getting worse"
    assert kind in kinds("my son needs his blue inhaler 6 times a day this week")
    assert kind in kinds("my asthma has been waking me up at night all week")
    assert kind not in kinds("I use my blue inhaler twice a week before football")


def test_a_baby_usually_kicking_now_barely_felt_is_a_pregnancy_warning_sign() -> None:
    kind = "warning signs in pregnancy"
    assert kind in kinds(
        "29 weeks with our second, normally he kicks loads but I've hardly felt anything today"
    )
    assert kind not in kinds("31 weeks pregnant with a cold, I can barely feel anything in my nose")


def test_a_faint_told_fine_now_is_no_collapse_unless_the_heart_is_told() -> None:
    assert "loss of consciousness or seizure" not in kinds(
        "fainted while having a jab, woke up on the floor, totally fine now"
    )
    assert "loss of consciousness or seizure" in kinds(
        "she fainted at school, her pulse was 35 and she seems fine now"
    )
    assert "a faint that has passed" in kinds("he passed out at the gym and is fine now")


def test_a_breastfeeding_mothers_own_fever_is_mastitis_not_the_babys_fever() -> None:
    found = kinds("red hot lump in my boob, I feel shivery, temp 38.6, baby is 5 weeks")
    assert "breast infection while breastfeeding" in found
    assert "fever in an infant" not in found
    assert "fever in an infant" in kinds("breastfeeding my 5 week old and she has a temp of 38.3")


def test_an_amount_of_a_named_medicine_looked_up_to_take_is_suicidal() -> None:
    kind = "suicidal thoughts"
    assert kind in kinds("I've been checking how many of my citalopram it would take")
    assert kind in kinds("so hopeless lately. I've put all my tablets out on the table")
    assert kind not in kinds("looked up how many of my melatonin it would take to work")


def test_a_faint_over_in_like_seconds_is_no_collapse() -> None:
    assert "loss of consciousness or seizure" not in kinds(
        "went very hot in the queue then passed out, came round in like 5 seconds"
    )


def test_sex_told_as_forced_or_not_wanted_is_danger_from_another_person() -> None:
    kind = "danger from another person"
    assert kind in kinds("my ex forced me to have sex on friday")
    assert kind in kinds("I got very drunk at a party and I did not consent to what happened")
    assert kind not in kinds("I didn't want to go to the party but went, now I have a cold")


def test_a_sore_lower_jaw_with_sweating_is_a_heart_attack_sign() -> None:
    assert "chest pain" in kinds("I'm 60, pain in my lower jaw for 20 minutes and I'm sweating")


def test_food_lodged_that_lets_no_water_down_cannot_wait() -> None:
    assert "cannot swallow saliva" in kinds(
        "a piece of chicken is lodged in my gullet and I can't swallow any water"
    )
    assert "cannot swallow saliva" not in kinds(
        "a piece of bread felt stuck earlier but I can swallow water fine now"
    )


def test_thrush_from_an_inhaler_or_patches_that_wipe_off_are_no_lasting_mouth_sign() -> None:
    kind = "lasting mouth or throat sign"
    assert kind not in kinds("white patches on my tongue for 3 weeks since I began my qvar")
    assert kind not in kinds("a sore white patch in my cheek for 4 weeks, it scrapes off")
    assert kind in kinds("white patch on my tongue for 4 weeks now and I smoke")


def test_a_pregnancy_feared_or_of_a_friend_is_no_warning_sign_in_pregnancy() -> None:
    kind = "warning signs in pregnancy"
    assert kind not in kinds("on the mini pill and keep bleeding in between, could I get pregnant")
    found = kinds("my friend is pregnant and came round yesterday, my son has a fever, is she ok")
    assert kind not in found
    assert "several warning signs together" not in found
    assert kind in kinds("I'm 28 weeks pregnant and bleeding")


def test_hives_all_over_hours_after_an_antihistamine_are_no_anaphylaxis() -> None:
    assert "anaphylaxis" not in kinds(
        "hives all over my legs, took a loratadine last night and still itchy"
    )


def test_spots_that_do_not_fade_told_in_more_words_with_a_fever_are_meningitis() -> None:
    kind = "signs of meningitis"
    assert kind in kinds("purple-red spots on her chest and a bad headache")
    assert kind in kinds(
        "he has a fever, I pressed a glass on it like the leaflet says and it doesn't fade"
    )


def test_a_breath_holding_spell_and_a_babys_short_pauses_in_sleep_are_no_emergency() -> None:
    spell = kinds(
        "my 18 month old screams in a tantrum, goes quiet, turns blue round the lips and then "
        "goes limp for a second, then he's fine"
    )
    assert "breathing difficulty" not in spell
    assert "warning signs in a baby or young child" not in spell
    assert "breathing difficulty" in kinds("my toddler turned blue and is not breathing")
    assert "breathing difficulty" not in kinds(
        "my 2 week old stops breathing for about 6 seconds while asleep"
    )
    assert "breathing difficulty" in kinds("my baby stops breathing for 30 seconds when asleep")


def test_night_sweats_or_a_neck_lump_with_weight_loss_need_a_doctor_within_days() -> None:
    kind = "night sweats or a lump with weight loss"
    assert kind in kinds("drenched every night for a month and lost 3 kg without trying")
    assert kind in kinds("lost nearly a stone without trying and found a lump in my armpit")
    assert kind not in kinds("I've had night sweats since starting HRT")


def test_no_urine_passed_since_a_time_told_is_urine_that_cannot_be_passed() -> None:
    assert "cannot pass urine" in kinds("grandad has not managed to pass urine since 6am")


def test_belly_pain_from_the_navel_told_now_low_on_the_right_is_possible_appendicitis() -> None:
    assert "possible appendicitis" in kinds(
        "pain began by his belly button this morning and now it's low on the right, he's 12"
    )


def test_speech_coming_out_strange_is_a_stroke_sign_and_asking_whether_is_no_stroke() -> None:
    assert "stroke" in kinds(
        "since lunch my wife's words keep coming out weird and her arm is weak"
    )
    assert "stroke" not in kinds("am i having a stroke or is it just a migraine, my eyes sparkle")
    assert "stroke" in kinds("I think he's having a stroke, his face has dropped on one side")


def test_numbness_between_the_legs_with_a_bad_back_is_spinal_nerve_compression() -> None:
    kind = "spinal nerve compression"
    assert kind in kinds("bad back since Tuesday and now my bottom feels numb")
    assert kind not in kinds("my bum goes numb on long bike rides, is that normal")


def test_a_knuckle_cut_on_someones_teeth_told_by_the_teeth_is_seen_today() -> None:
    kind = "cut from someone's teeth"
    assert kind in kinds("hit someone on saturday, his tooth cut my knuckle, now it's swollen")
    assert kind not in kinds("my knuckles ache in the cold and my teeth are sensitive")
    assert kind not in kinds("my toddler bit me, just teeth marks, what do I do about biting")


def test_burning_behind_the_breastbone_on_swallowing_is_no_heart_attack() -> None:
    assert "chest pain" not in kinds(
        "burning pain in the middle of my chest whenever I swallow since taking a pill"
    )


def test_dark_urine_beside_a_medicine_that_colours_it_is_no_liver_sign() -> None:
    kind = "yellow skin or dark urine"
    assert kind not in kinds("on metronidazole for 3 days and my urine has gone dark brown")
    assert kind in kinds("on metronidazole and my urine is dark brown and my eyes are yellow")
    assert kind in kinds("my wee has turned dark brown, no new medicines")


def test_antibiotics_asked_for_are_no_new_medicine_beside_a_rash() -> None:
    kind = "rash on a new medicine"
    assert kind not in kinds("got red itchy bumps after the spa, do I need antibiotics")
    assert kind in kinds("on antibiotics for my chest since Monday and now a red itchy rash")


def test_cold_toes_rewarmed_are_no_hot_swollen_joint() -> None:
    kind = "hot swollen joint"
    assert kind not in kinds("in winter my toes get red, swollen and hot after the fire")
    assert kind in kinds("my big toe went red, hot and swollen overnight")


def test_days_without_sleep_with_non_stop_talk_and_a_sum_spent_are_signs_of_mania() -> None:
    assert "signs of mania" in kinds(
        "my brother has not slept in days, he talks non stop and spent £12,000 on a car"
    )


def test_a_very_slow_pulse_with_a_faint_is_a_dangerous_heart_rhythm() -> None:
    kind = "dangerous heart rhythm"
    assert kind in kinds("mum fainted in the kitchen and her pulse was 36")
    assert kind not in kinds("I run marathons and my resting pulse is 41, is that ok")


def test_a_stroke_or_fits_feared_for_spells_that_keep_coming_back_is_no_emergency() -> None:
    assert "stroke" not in kinds(
        "whenever I turn my head fast I feel woozy for a few seconds, it's been two weeks and I'm "
        "worried I'm having a stroke"
    )
    assert "loss of consciousness or seizure" not in kinds(
        "he goes stiff and stares for a second when he's cross, it happened 3 times now, I'm "
        "frightened he's having seizures"
    )
    # a stroke sign told beside the fear still counts, and so does a fear told of now
    assert "stroke" in kinds("I'm worried I'm having a stroke, my face is drooping on one side")
    assert "stroke" in kinds("I think I'm having a stroke")
    # a fit believed or feared to be happening now, in a story of spells, still counts
    for now in (
        "she's had 3 fits this month, every time with a fever, I think she's having a fit",
        "he has had these spells for two weeks and I'm scared he's having a seizure right now",
    ):
        assert "loss of consciousness or seizure" in kinds(now), now


def test_someone_elses_faint_told_of_a_medicine_is_hearsay() -> None:
    assert not kinds("is amlodipine ok for me? my neighbour passed out on it")
    assert "loss of consciousness or seizure" in kinds(
        "my neighbour passed out in the garden and won't wake up"
    )


def test_a_disease_named_fever_is_no_fever_on_a_medicine() -> None:
    assert not kinds("I take azathioprine, can I have the yellow fever jab before my trip?")
    assert "dangerous reaction to a medicine" in kinds(
        "I take azathioprine and now I have a fever and mouth ulcers"
    )


def test_a_low_blood_sugar_told_by_its_signs() -> None:
    assert "low blood sugar" in kinds(
        "dad takes gliclazide, he's sweating buckets and slurring his words, what should we do"
    )
    # metformin alone seldom brings a low; signs over many days are for the team
    assert "low blood sugar" not in kinds("on metformin and a bit shaky and confused today")
    assert "low blood sugar" not in kinds(
        "on gliclazide, sweaty and confused a few times this month before lunch"
    )


def test_more_wordings_of_known_emergencies() -> None:
    assert "prolonged erection or trapped foreskin" in kinds(
        "took two viagras at 9 and it is 2am, still hard and throbbing"
    )
    assert "sudden hearing loss" in kinds("woke up today and my right ear is nearly totally deaf")
    assert "needs care soon after sex" in kinds(
        "sex without condom 3 days ago, is the morning after pill still any use"
    )


def test_turning_blue_in_any_tense_is_a_breathing_emergency() -> None:
    for question in ("my baby turns blue when she feeds", "he went blue and floppy in the cot"):
        assert "breathing difficulty" in kinds(question), question
    # hands or feet blue in the cold, and greying hair, are not
    assert "breathing difficulty" not in kinds("my fingers go blue when it's cold out")
    assert not kinds("my beard has gone grey in a year, is that stress?")


def test_a_babys_short_pauses_in_sleep_told_after_the_sleep_are_periodic_breathing() -> None:
    assert not kinds(
        "our 3 week old, when he is asleep, stops breathing for about 5 seconds then carries on"
    )
    assert "breathing difficulty" in kinds(
        "our 3 week old, when he is asleep, stops breathing for about 5 seconds and turns blue"
    )


def test_asking_whether_it_is_an_allergic_reaction_is_no_anaphylaxis_by_itself() -> None:
    assert "anaphylaxis" not in kinds(
        "my arms went blotchy and warm after the new vitamin, am I having an allergic reaction?"
    )
    # the signs told beside the question still count
    assert "anaphylaxis" in kinds(
        "am I having an allergic reaction? my throat is closing up after the prawns"
    )


def test_an_overdose_feared_ahead_is_no_overdose() -> None:
    assert "overdose or poisoning" not in kinds(
        "can I take vitamin D and a multivitamin together or am I worried about overdosing"
    )
    assert "overdose or poisoning" in kinds("I'm scared I overdosed on my sleeping pills")


def test_heavy_bleeding_after_a_birth_gets_its_own_card() -> None:
    """Soaking pads days after a birth is a postpartum haemorrhage, told as such, not the
    card of bleeding in general (vomited blood, black stools)."""
    told = "Delivered my son a week ago and since lunch the bleeding has got really heavy"
    assert "heavy bleeding after a birth" in kinds(told)
    assert "severe bleeding" not in kinds(told)
    soaked = "gave birth on monday, now soaking through pads and passing big clots"
    assert "heavy bleeding after a birth" in kinds(soaked)
    # bleeding heavily with no birth told stays the general card
    assert "severe bleeding" in kinds("I cut my hand on glass and it is bleeding heavily")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # falling asleep is no fall, and not standing a bright light is no broken bone
        (
            "fell asleep on the sofa with my lenses in, now my eye aches and I can't stand "
            "the light",
            "possible broken bone or dislocation",
        ),
        # what a pharmacist said, then a question of one's own in the next sentence
        (
            "The nurse said see my GP next week. Should I go to A&E instead?",
            "told to go to hospital",
        ),
        # the usual reaction of a known allergy, told as what happens whenever it is eaten
        (
            "She gets hives and swelling when she eats peanuts. Can she have the MMR?",
            "anaphylaxis",
        ),
        # choking on tablets told as what keeps happening when swallowing them
        ("mum keeps choking on her tablets, can they come as a liquid", "breathing difficulty"),
        # a swelling that grew over months is no sudden torsion
        ("his testicle has got swollen over several months, no pain", "testicular torsion"),
        # nosebleeds that keep coming back, told as a pattern
        (
            "my daughter keeps getting nosebleeds, a few a week, with blood all over her sheets",
            "severe bleeding",
        ),
    ],
)
def test_patterns_and_idioms_are_not_the_emergency(question: str, kind: str) -> None:
    assert kind not in kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "fell off my bike and now I can't stand on my left leg",
            "possible broken bone or dislocation",
        ),
        ("the GP rang, my sodium is 119.5 and I must go to A&E now", "told to go to hospital"),
        ("ate a peanut and now has hives and vomiting, lips swelling", "anaphylaxis"),
        ("he is choking on a sweet and can't breathe", "breathing difficulty"),
        ("sudden pain in my left testicle, swollen and I threw up", "testicular torsion"),
    ],
)
def test_the_same_words_told_as_happening_now_still_fire(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "Had my daughter 10 days ago; since lunchtime I keep seeing flashing lights and my "
            "hands are puffy",
            PREECLAMPSIA,
        ),
        ("his lips have gone blue and he is wheezing", "breathing difficulty"),
        (
            "my toddler got an electric shock off the plug socket",
            "serious burn or electrical injury",
        ),
        ("my wrist is red, hot and swollen and I never hurt it", "hot swollen joint"),
    ],
)
def test_still_fires_beside_its_lookalikes(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # a birth years back is past the weeks preeclampsia can follow it
        ("gave birth 2 years ago and my fingers are swollen today", PREECLAMPSIA),
        # an injured limb's bruise gone purple is no sign of breathing
        (
            "Twisted my wrist on the trampoline, it's swollen and gone purple",
            "breathing difficulty",
        ),
        # shock-like feelings in the head after missed antidepressant doses
        (
            "Missed two doses of my sertraline and I keep getting brain zaps",
            "serious burn or electrical injury",
        ),
        (
            "on day 3 without my pills I get electric shock zaps in my head",
            "serious burn or electrical injury",
        ),
        # a sting's swelling around a joint is no hot joint
        (
            "Stung by a bee on my hand yesterday, now my wrist is red, hot and swollen",
            "hot swollen joint",
        ),
    ],
)
def test_a_lookalike_is_no_emergency_of_that_kind(question: str, kind: str) -> None:
    assert kind not in kinds(question)


def test_a_fever_told_as_over_and_a_wait_before_exercise_ask_no_care() -> None:
    found = kinds(
        "how long after a bout of flu should we wait before she goes back to swimming? her "
        "fever went yesterday but she is still tired"
    )
    assert SEVERAL_SIGNS_KIND not in found
    assert "new symptoms, asked whether to wait" not in found


@pytest.mark.parametrize(
    "question",
    [
        "I've got my tablets stockpiled now and I've made up my mind, Friday is it.",
        "he has all his painkillers saved up and told me he has decided tonight is the night",
    ],
)
def test_a_plan_with_pills_put_by_is_a_crisis(question: str) -> None:
    assert "suicidal thoughts" in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "I have my pills saved up in a weekly organiser, is that safe?",
        "I have decided this weekend is it for the garden party, which sunscreen?",
        "kept my tablets hidden from the kids, is that ok",
    ],
)
def test_pills_put_away_and_a_day_chosen_are_no_crisis_by_themselves(question: str) -> None:
    assert "suicidal thoughts" not in kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        (
            "Dad has been having his methotrexate tablets every day this week instead of once a "
            "week, and now his gums are bleeding",
            "methotrexate taken daily",
        ),
        (
            "Began carbamazepine a fortnight ago, now a rash all over my back, a temperature and "
            "my lips feel really sore",
            "severe skin reaction to a medicine",
        ),
    ],
)
def test_a_medicine_taken_wrongly_or_reacting_badly_is_an_emergency(
    question: str, kind: str
) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("I take methotrexate on Mondays and folic acid every day", "methotrexate taken daily"),
        ("is it ok to take methotrexate every day?", "methotrexate taken daily"),
        (
            "started amoxicillin and now a rash, my mouth is a bit sore",
            "severe skin reaction to a medicine",
        ),
    ],
)
def test_lookalikes_of_a_medicine_emergency_stay_quiet(question: str, kind: str) -> None:
    assert kind not in kinds(question)


def test_a_red_eye_that_hurts_or_sees_less_is_still_read() -> None:
    """The painless red patch with sight unchanged is left; one that hurts and blurs is not,
    and one whose cause is told (a contact lens slept in) gets that cause's card alone."""
    assert "painful red eye with blurred vision" in kinds(
        "the white of my eye went bright red this morning, it is very painful and my "
        "vision is blurry"
    )
    lens = kinds(
        "slept in my contact lenses, now my eye is red and painful and everything looks blurry"
    )
    assert "contact lens eye infection" in lens
    assert "painful red eye with blurred vision" not in lens


def test_a_sign_inside_a_topic_asked_about_still_counts() -> None:
    """A match read from a topic the question asks about ("the difference between the morning
    after pill and …") must not hide the event told inside it ("the condom split")."""
    assert "needs care soon after sex" in kinds(
        "what is the difference between the morning after pill and the coil? the condom split "
        "2 days ago"
    )
    assert not kinds("what is the difference between the morning after pill and the coil?")
    # no one named, but an event told with when it happened happened to someone
    assert "needs care soon after sex" in kinds(
        "what works better, the morning after pill or the coil? condom split last night"
    )


@pytest.mark.parametrize(
    "question",
    [
        "ate a slice of mouldy bread by mistake, am I going to die?",
        "my mum swallowed her eye drops instead of her tonic, is she gonna die from it?",
        "I'm going to die of embarrassment, I sneezed all over my date",
    ],
)
def test_asking_whether_one_will_die_is_no_crisis(question: str) -> None:
    """Whether a mistake can kill, or dying of shame, asks about a danger: no wish to die."""
    assert "suicidal thoughts" not in kinds(question)


def test_a_wish_to_die_is_still_a_crisis() -> None:
    assert "suicidal thoughts" in kinds("I am going to die tonight, the pills are ready")
    assert "suicidal thoughts" in kinds("some days I just want to die")


def test_a_tooth_knocked_out_is_no_faint() -> None:
    """A tooth knocked out is a dental matter; a person knocked out is still unconscious."""
    baby = kinds("my daughter (3) knocked out a milk tooth on the climbing frame")
    assert "loss of consciousness or seizure" not in baby
    teen = kinds("he knocked out two of his teeth in a bike crash, he's 16")
    assert "loss of consciousness or seizure" not in teen
    assert "broken or knocked-out adult tooth" in teen
    assert "loss of consciousness or seizure" in kinds(
        "she was knocked out for a minute after the fall and lost a tooth"
    )


def test_heavy_bleeding_long_stopped_is_no_emergency() -> None:
    """Blood everywhere that took minutes to stop and has been fine since is over; one that
    started again or still oozes is not."""
    assert "severe bleeding" not in kinds(
        "cut my palm on a glass last week, blood everywhere, it took ten minutes to stop and "
        "it has been fine since. will it scar?"
    )
    assert "severe bleeding" in kinds(
        "cut my palm on a glass, blood everywhere, it took ten minutes to stop and now it is "
        "pouring again"
    )


@pytest.mark.parametrize(
    "question",
    [
        "my mum is 70, her periods finished 20 years ago and she has a little red spotting",
        "post-menopausal and found a streak of blood on the loo roll, probably nothing?",
        "bled after intercourse again, that is the fourth time since May",
    ],
)
def test_bleeding_after_the_menopause_or_after_sex_again_needs_a_doctor_soon(
    question: str,
) -> None:
    assert "bleeding after the menopause or after sex" in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "my periods finished 4 years ago, why do I still get night sweats?",
        "spotted a little after sex for the first time, I'm 24",
        "since the menopause my gums bleed when I brush",
        "on cyclical HRT and my monthly bleeds on HRT are lighter now",
    ],
)
def test_lookalikes_of_bleeding_after_the_menopause_stay_quiet(question: str) -> None:
    assert "bleeding after the menopause or after sex" not in kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # a second fit before the first has ended: no coming round between
        (
            "my daughter had a seizure at lunch and a second one straight after, before she "
            "had come round from the first; she's asleep now",
            "loss of consciousness or seizure",
        ),
        (
            "he had a fit an hour ago and still isn't really responding when we call his name",
            "loss of consciousness or seizure",
        ),
        # too breathless to speak
        (
            "my wife is wheezing and too short of breath to say more than a word or two now",
            "breathing difficulty",
        ),
        ("asthma flare, I'm too breathless to finish my sentences", "breathing difficulty"),
        # a high sugar told as a bare number, with vomiting
        (
            "type 1 diabetic, been vomiting all morning and my blood sugar is 22",
            "diabetic emergency",
        ),
        # black stools told in the plural, on an anti-inflammatory
        ("two jet-black tarry poops today, I take naproxen daily", "severe bleeding"),
    ],
)
def test_emergencies_told_in_other_words(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "his epilepsy isn't responding to the new tablets, he still has a fit every month",
        "she had one seizure years ago and came round within two minutes",
        "too out of breath to talk after running up the hill, am I just unfit?",
        "type 2, my sugar was 16 after a big dinner, I feel fine, is that bad?",
        "my poops went black since the iron tablets started, is that normal?",
    ],
)
def test_their_look_alikes_raise_no_emergency(question: str) -> None:
    assert not {
        "loss of consciousness or seizure",
        "breathing difficulty",
        "diabetic emergency",
        "severe bleeding",
    } & set(kinds(question))


@pytest.mark.parametrize(
    "question",
    [
        "the mole on my shoulder has changed colour and gone a bit raised",
        "a beauty spot on my cheek keeps bleeding for no reason",
        "my husband's mole has grown bigger since spring",
    ],
)
def test_a_changing_mole_asks_to_be_seen_within_weeks(question: str) -> None:
    flags = [f for f in detect_red_flags(question) if f.kind == "changing mole"]
    assert [f.urgency for f in flags] == ["soon"]


@pytest.mark.parametrize(
    "question",
    [
        "how do I get rid of moles digging up the lawn? they are getting bigger every year",
        "I have lots of moles and freckles, is that normal?",
        "had a mole cut out that had grown, the biopsy came back benign",
    ],
)
def test_moles_that_are_not_changing_raise_no_card(question: str) -> None:
    assert "changing mole" not in kinds(question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # an erection told as having lasted hours
        (
            "erection has now lasted nearly 6 hrs and it hurts, what do I do",
            "prolonged erection or trapped foreskin",
        ),
        # a button battery pushed into the ear or nose, not swallowed
        (
            "my 4 year old stuck a flat watch battery in her ear, she's fine",
            "swallowed battery or magnets",
        ),
        # early pregnancy: one-sided pain told without "side", pain at the shoulder tip
        (
            "pregnancy test was positive on monday, cramps on the left since this morning and "
            "I'm light-headed",
            "possible ectopic pregnancy",
        ),
        (
            "pregnant and bleeding a little, with sharp pains felt at the tip of her shoulder",
            "possible ectopic pregnancy",
        ),
    ],
)
def test_more_emergencies_told_in_other_words(question: str, kind: str) -> None:
    assert kind in kinds(question)


@pytest.mark.parametrize(
    "question",
    [
        "my erection lasted 2 hours last night, is that normal?",
        "a battery in the remote control leaked onto my hand",
        "I'm pregnant and feel faint, with a pain on the right of my head",
    ],
)
def test_the_new_emergencies_look_alikes_stay_quiet(question: str) -> None:
    assert not {
        "prolonged erection or trapped foreskin",
        "swallowed battery or magnets",
        "possible ectopic pregnancy",
    } & set(kinds(question))


def test_a_cut_asked_whether_it_needs_stitches_is_no_surgical_wound() -> None:
    """Stitches asked for are no operation; a wound after one that oozes still is."""
    asked = "does a cut on my thumb from the bread knife need stitches? it keeps oozing"
    assert "wound problem after an operation" not in kinds(asked)
    after = "I've got stitches in my knee and the wound keeps oozing pus"
    assert "wound problem after an operation" in kinds(after)


def test_confusion_told_as_worse_than_before_is_no_sudden_stroke_sign() -> None:
    """Confusion told as more than before, in someone already muddled, is confusion getting
    worse (a same-day problem such as an infection); new and sudden confusion is a stroke sign."""
    worse = kinds("nan has alzheimer's and since this morning she is suddenly far more confused")
    assert worse and "stroke" not in worse
    assert "stroke" in kinds("my uncle suddenly got confused and his arm is weak")


def test_a_tickle_one_chokes_on_and_a_bleed_that_never_came_back_stay_quiet() -> None:
    """Choking on a tickle is a cough's, not a blocked airway; one bleed after sex years ago
    that never came back is no repeated bleeding. Choking now, and a bleed that keeps
    happening, still are."""
    assert "breathing difficulty" not in kinds(
        "weeks of a dry cough on my new pills, most evenings I choke on a tickle in my throat"
    )
    assert "breathing difficulty" in kinds("he is choking on a sweet and going red")
    once = "some blood after intercourse one time two years back, it never happened again since"
    assert "bleeding after the menopause or after sex" not in kinds(once)
    again = "blood after intercourse again last night, for the third time in a month"
    assert "bleeding after the menopause or after sex" in kinds(again)


def test_chest_pain_after_an_erection_medicine_warns_against_a_nitrate() -> None:
    """Chest pain after sildenafil or tadalafil is the emergency card that also says no
    nitrate spray; a spray prescribed for chest pain beside the medicine, with no pain now,
    is no emergency."""
    from medcite.answer.safety import CHEST_PAIN_ON_PDE5

    now = kinds(
        "took a cialis at nine, since ten there is pain in the chest, and he has a nitro spray"
    )
    assert CHEST_PAIN_ON_PDE5 in now and "chest pain" not in now
    told = kinds(
        "my father uses sildenafil sometimes and the heart doctor gave him a nitro spray for "
        "chest pain, are both ok?"
    )
    assert not told & {CHEST_PAIN_ON_PDE5, "chest pain"}


def test_a_ketone_reading_is_no_low_sugar_and_sugars_high_with_nothing_kept_down_call_now() -> None:
    """A number on the ketone meter is a ketone level, not a sugar: no low-sugar first aid
    (sugar given for a high sugar would harm). High sugars with nothing kept down are a
    diabetic emergency; a sugar meter's low number still gets the low-sugar card."""
    high = (
        "type 1, poorly with a virus, cannot keep fluids down, my sugar was 24, ketone meter "
        "reads 1.8"
    )
    assert "low blood sugar" not in kinds(high)
    assert "diabetic emergency" in kinds(high)
    assert "low blood sugar" not in kinds("on insulin, ketones reading 2.4 this morning")
    assert "low blood sugar" in kinds("on insulin and my meter says 2.6, feel shaky")


@pytest.mark.parametrize(
    "question",
    [
        "twisted my knee skiing, really believed I would die of the pain, is a brace good",
        "scared I'm going to die from this cough, it's been a month, what syrup is best",
        "gonna die from this toothache, is ibuprofen with paracetamol ok",
    ],
)
def test_dying_of_a_pain_or_an_illness_is_no_suicidal_wording(question: str) -> None:
    assert "suicidal thoughts" not in kinds(question)


def test_wanting_to_die_still_is_suicidal_wording() -> None:
    assert "suicidal thoughts" in kinds("I'm going to die tonight, I've had enough of everything")


def test_yellow_crusts_on_a_baby_s_scalp_are_no_yellow_skin() -> None:
    """Yellow flakes, scales or crusts on a young baby's head are cradle cap, not jaundice; a
    newborn who looks yellow still gets the card."""
    assert not kinds("newborn with greasy yellow scaly patches on her head, feeding well")
    assert not kinds("our newborn has yellow crusty bits in his eyebrows, is that normal")
    assert "warning signs in a baby or young child" in kinds("my newborn looks yellow today")


def test_a_panic_attack_that_is_over_with_normal_tests_is_no_chest_pain_card() -> None:
    """A panic attack told as past, the feared heart attack ruled out by tests, asks how to stop
    the attacks: no chest-pain card, unless chest pain is told as still there."""
    past = (
        "after a panic attack on sunday I was certain I was having a heart attack, yet the ECG "
        "came back normal. how to stop more of them?"
    )
    assert "chest pain" not in kinds(past)
    now = (
        "after a panic attack on sunday the ECG came back normal, but the chest pain is still "
        "there now"
    )
    assert "chest pain" in kinds(now)


def test_a_young_adult_s_chest_wall_sore_to_press_after_training_is_no_chest_pain_card() -> None:
    """A sore spot on the chest that hurts when pressed, since weights or press-ups, in a young
    adult, with no sign of a heart cause, is the chest wall; breathlessness, spreading pain or
    an older age beside it keep the card."""
    assert "chest pain" not in kinds(
        "29M, a tender spot in my chest hurts if I push on it, started after a long rowing "
        "session, worried I'm having a heart attack"
    )
    assert "chest pain" in kinds(
        "my chest hurts when I press on it since lifting weights and the pain goes into my arm"
    )
    assert "chest pain" in kinds("61M, my chest hurts if I press it after the gym")


@pytest.mark.parametrize(
    "question",
    [
        "an osteopath manipulated my neck on friday, now a bad headache and the room spinning",
        "had my neck clicked by a chiropractor, since then my neck hurts and I'm slurring",
    ],
)
def test_headache_or_neck_pain_with_dizziness_after_neck_manipulation_calls_now(
    question: str,
) -> None:
    assert "torn artery in the neck" in kinds(question)


def test_neck_manipulation_alone_or_mild_soreness_after_it_is_quiet() -> None:
    assert not kinds("is it safe to see a chiropractor for my back?")
    assert not kinds("had my neck adjusted yesterday and it's a bit stiff, normal?")
