"""Scope: questions about a thing of another field, requests to write, animals (handmade)."""

from __future__ import annotations

import pytest

from medcite import Engine
from medcite.answer.pipeline import declines
from medcite.answer.safety import OUT_OF_SCOPE_WRITING, about_an_animal, out_of_scope_reason
from medcite.query.scope import asks_about_investing, asks_for_writing, other_field_things


@pytest.mark.parametrize(
    "question",
    [
        "my truck radiator keeps overheating, what are the symptoms of a leak",
        "best software to diagnose a slow laptop",
        "the ctrl and alt keys on my keyboard stopped working",
        "how long should grout cure before the shower can be used",
        "is a kidney shaped patio harder to pour",
        "how do I treat the spots on my houseplants",
        "ransomware infected the home network, how do we contain it",
        "constant pop ups after installing a free game, is it a virus",
        "cloud of tiny fruit flies around the bin, how do i get rid of them",
    ],
)
def test_a_thing_of_another_field_without_a_persons_health_is_declined(
    sample_engine: Engine, question: str
) -> None:
    query = sample_engine.understand(question)
    assert other_field_things(question)
    assert not query.in_scope
    assert declines(question, query)


@pytest.mark.parametrize(
    "question",
    [
        "can exhaust fumes from an idling car give my toddler a headache",
        "my phone app says my heart rate is 41 at night, should I worry",
        "does typing at a computer all day cause carpal tunnel syndrome",
        "how long after taking diphenhydramine can I drive my car",
        "my grandpa is 91 and keeps forgetting where he parked the car",
        "is sanding old paint in the nursery safe while pregnant",
        "is breathing cement dust bad for your lungs",
        "type 1 for ten years, my sugar drops during long bike rides",
        "eyes so dry by night after the laptop all day, 61",
        "seen floaters in my vision for months, is that normal",
        "just feel off lately, no idea what is up",
        "ultrasound said fatty infiltration of the liver, what now",
        "grandad has hardly been eating since grandma passed, what can we do",
        "how long do people have once they stop drinking at the end of life",
        "dad has been so low since the funeral, hardly eating",
        "auntie has gone very quiet since uncle died and barely eats, what now",
        "should mum move into a care home now her memory is going",
        "so lonely since the move, is that normal at 80",
        # only a person has nightmares or flashbacks
        "flashbacks of the train derailment every night since",
        "bad nightmares since the house fire, waking up shouting",
        # a baby's or toddler's teeth coming, a faint: health whatever else is named
        "our two year old is teething and chews the furniture, what helps",
        "fainted at the bus stop on monday, feel fine now",
        # a body part had as a complaint, or an age and sex told as forums write them
        "still got a sore knee since the car door swung into it",
        "the car crash was a month ago and the shoulder clicks, 47F",
    ],
)
def test_a_persons_health_beside_a_thing_of_another_field_is_answered(
    sample_engine: Engine, question: str
) -> None:
    assert sample_engine.understand(question).in_scope


def test_requests_to_write_are_declined_with_their_own_reason(sample_engine: Engine) -> None:
    question = "please draft a short letter to my landlord about my asthma and the mold"
    assert asks_for_writing(question)
    assert not sample_engine.understand(question).in_scope
    assert out_of_scope_reason(question) == OUT_OF_SCOPE_WRITING
    assert not asks_for_writing("what should I write down before my cardiology appointment")
    assert not asks_for_writing("can a letter from my doctor excuse me from jury duty")


def test_an_emergency_is_never_declined_as_a_writing_request(sample_engine: Engine) -> None:
    question = "help me write a goodbye note, I want to end it all tonight"
    query = sample_engine.understand(question)
    assert not query.in_scope and query.red_flags
    assert not declines(question, query)


@pytest.mark.parametrize(
    ("question", "animal"),
    [
        ("puppy has been vomiting all morning, what can I give him", True),
        ("goats coughing after the rain, is it pneumonia", True),
        ("the vet gave him cephalexin, how often do I give it", True),
        ("how do I get the tablet into my cat without being bitten", False),  # a person bitten
        ("how do i get the capsule into my cat, she spits it out", True),
        ("can I catch ringworm off my kitten", False),
        ("fish oil and blood thinners together", False),
        ("chicken soup for a cold, does it work", False),
        ("horse chestnut for varicose veins", False),
        # an animal in a simile tells how a person feels
        ("three days of flu and now I'm feeble as a kitten, when will it pass", False),
        ("been sick as a dog since the weekend, what can I take", False),
        ("our dog is sick as a dog after eating grass", True),
    ],
)
def test_animals_the_question_is_about(question: str, animal: bool) -> None:
    assert about_an_animal(question) is animal


@pytest.mark.parametrize(
    ("question", "health"),
    [
        ("the cucumber plant leaves are curling and turning yellow, why", False),
        ("4 beers most nights and a bottle of wine at the weekend, is that a problem", True),
        ("how many drinks a week is too many for a man", True),
        ("i put away 6 cans most nights after work, is that a lot", True),
        # how often a child poos is a health question, told without a clinical word
        ("how many times a week should a 4 year old poo", True),
        # "wee" is also "little": no health word
        ("is it a wee bit chilly for a barbecue tonight", False),
        ("3 cans of tuna a week, too much mercury?", True),
        ("the room spins every time I get out of bed", True),
        ("my laptop screen gives me headaches by the afternoon", True),
        # an infection a thing has: a plant's fungus, not a person's
        ("the hedge has a white fungus all over it, how do I treat it", False),
        ("picked up a fungal infection on my feet at the gym pool", True),
        # jabs are vaccines: a traveller's question is a health question
        ("which jabs before a trip to kenya", True),
        # a memory lapse or a small child's eating is a health worry, told without a health word
        ("grandma forgot where she lives twice this week, is that normal at 80", True),
        ("my toddler refuses anything but crackers, should I be worried", True),
        # falls are filed under public health, yet a person's falls are a health question
        ("grandad has been falling over a lot lately, twice last week, what helps", True),
        # whether something is safe for a child or to have every day
        ("is it alright for my 12 year old to have cola with dinner", True),
        ("is it ok to eat two bananas a day", True),
        ("is it ok to park on the kerb outside a school", False),
        # a child told by age in weeks or months; a voice lost
        ("gran put maple syrup on my 5 month old's spoon, is that ok", True),
        ("how do I stop my 10 month old puppy chewing the sofa", False),
        ("sang at three weddings in a row and now I have lost my voice", True),
    ],
)
def test_who_has_the_sign(sample_engine: Engine, question: str, health: bool) -> None:
    assert sample_engine.understand(question).in_scope is health


def test_a_persons_falls_named_twice_are_the_topic(sample_engine: Engine) -> None:
    """ "keeps falling … two falls since Easter": the falls named once as a MeSH public-health
    term and once by NIH's page name are one topic, not a qualifier only ranked by."""
    query = sample_engine.understand(
        "my grandma is 90 and keeps falling, two falls since easter, how do we stop it"
    )
    assert query.in_scope
    assert any("fall" in c.name.lower() for c in query.primary_topics)


def test_a_question_about_buying_shares_is_no_health_question() -> None:
    """Whatever health words it names, a question about shares asks for financial advice."""
    assert asks_about_investing("should I buy shares in the vaccine maker before the winter?")
    assert asks_about_investing("is the insulin company's stock price going to rise")
    assert not asks_about_investing("my son shares a room with his sister who has measles")
    assert not asks_about_investing("which is the better buy for a cold, the brand or generic?")


@pytest.mark.parametrize(
    "question",
    [
        "how often should a 3 week old be feeding at night?",
        "how many wet nappies a day is normal",
        # the feed told before the baby
        "Roughly what amount of formula per day for a 7 week old?",
    ],
)
def test_how_a_baby_feeds_or_wees_is_a_health_question(
    sample_engine: Engine, question: str
) -> None:
    assert sample_engine.understand(question).in_scope
