"""Warnings against giving a substance to children, from pages about something else."""

from __future__ import annotations

import pytest

from medcite import Engine
from medcite.answer import verify
from medcite.evidence.child_warnings import (
    for_this_age,
    forbids_for_children,
    search_texts,
    states_an_age,
)
from medcite.query.groups import child_age, child_patient


@pytest.mark.parametrize(
    ("text", "forbids"),
    [
        ("Babies younger than 6 months should not be given cow's milk.", True),
        ("Do not let toddlers drink cow's milk from a bottle at bedtime.", True),
        ("Never give cow's milk to a newborn.", True),
        ("Cow's milk is not recommended for infants.", True),
        ("Children who do not drink cow's milk may need calcium.", False),
        ("Help your kids avoid too much cow's milk.", False),
        ("Adults should not drink raw cow's milk.", False),
        # the prohibition is not of the name: it is far from it
        ("Mothers who don't have health problems should try to give babies cow's milk.", False),
    ],
)
def test_a_prohibition_for_children_that_names_the_substance(text: str, forbids: bool) -> None:
    assert forbids_for_children(text, ["cow's milk"]) is forbids


def test_a_warning_up_to_an_age_is_told_apart() -> None:
    assert states_an_age("Infants under 6 months should not be given water.")
    assert not states_an_age("Do not give water to babies.")


def test_only_a_question_about_a_young_child_naming_a_substance_searches(
    any_engine: Engine,
) -> None:
    assert search_texts(any_engine.understand("can my 8 month old have honey")) == ("honey",)
    assert search_texts(any_engine.understand("can I have honey while pregnant")) == ()
    assert search_texts(any_engine.understand("my 8 month old has a cough")) == ()


def test_a_page_on_another_topic_warns_against_a_food_for_a_baby(sample_engine: Engine) -> None:
    """The honey warning lives on NIH's botulism pages, not on the cough pages the question is
    about; it leads the bottom line of a yes/no question and cites the page that says it."""
    answer = sample_engine.ask("my 10 month old has a cough, can I give her honey")
    assert answer.bottom_line is not None
    lead = answer.bottom_line.bullets[0]
    assert "honey" in lead.text.lower()
    cited = [sample_engine.get(c.document_id) for c in lead.citations]
    assert any(d is not None and "botulism" in d.title.lower() for d in cited)
    # only the warning of such a page is shown, nothing else it says of botulism
    for bullet in verify.all_bullets(answer):
        docs = [sample_engine.get(c.document_id) for c in bullet.citations]
        if any(d is not None and "botulism" in d.title.lower() for d in docs):
            assert "honey" in bullet.text.lower()


def test_each_substance_is_searched_for_on_its_own(sample_engine: Engine) -> None:
    """A second substance in the question (the water the honey is stirred into) does not crowd
    the first one's warning out of the search."""
    question = "my 11 month old has a cold, is a spoon of honey stirred in warm water ok"
    query = sample_engine.understand(question)
    assert set(search_texts(query)) >= {"honey", "water"}
    answer = sample_engine.ask(question)
    assert answer.bottom_line is not None
    assert any("honey" in b.text.lower() for b in answer.bottom_line.bullets)


def test_a_warning_for_children_with_a_condition_needs_the_condition_asked() -> None:
    """ "Children with fevers should not take aspirin" warns a parent asking about a fever,
    not one whose child was prescribed aspirin for another illness."""
    warning = "Adults can take aspirin, but children with fevers should not take aspirin."
    assert forbids_for_children(warning, ["aspirin"], "can my 3 year old have aspirin for a fever")
    assert not forbids_for_children(warning, ["aspirin"], "why is my 3 year old on aspirin")


def test_a_food_named_as_a_colour_is_no_substance_given(any_engine: Engine) -> None:
    """Crusts the colour of honey are no honey given to a child."""
    assert (
        search_texts(any_engine.understand("my 2 year old has honey colored crusts on her chin"))
        == ()
    )
    assert search_texts(
        any_engine.understand("honey colored crusts, can my 2 year old have honey")
    ) == ("honey",)


def test_an_answer_of_a_warning_alone_opens_by_saying_so(sample_engine: Engine) -> None:
    """Nothing found answers whether two fever medicines go together for a child; the fever
    page's warning against aspirin for children is shown, under a bottom line that says the
    sources do not answer and give a warning, not one that calls it what they say about the
    two medicines."""
    answer = sample_engine.ask(
        "can i give my 5 year old motrin and tylenol together, her fever is 102"
    )
    assert answer.bottom_line is not None
    assert answer.bottom_line.verdict.startswith(
        "The sources found do not answer this directly; they give the warning below"
    )
    shown = [b.text for b in verify.all_bullets(answer)]
    assert shown and all("aspirin" in text.lower() for text in shown)


@pytest.mark.parametrize(
    ("question", "age"),
    [
        ("my 10 year old has a headache", 10),
        ("can my 10yo take this", 10),
        ("my daughter (6) has a cough", 6),
        ("my son, 9, fell over", 9),
        ("my 18 months old is teething", 1.5),
        ("what is a normal blood pressure", None),
    ],
)
def test_a_childs_age_is_read_as_people_tell_it(question: str, age: float | None) -> None:
    assert child_age(question) == age


def test_a_child_of_any_age_under_18_is_a_child_patient() -> None:
    assert child_patient("my 12 year old has a sore knee")
    assert child_patient("my toddler has a cough")
    assert not child_patient("I'm 34 and have a cough")
    assert not child_patient("I'm 16 weeks pregnant, can I take this")


def test_a_warning_up_to_an_age_the_child_is_past_is_no_warning_for_them() -> None:
    cough = "Do not give cough medicines to children under four."
    assert not for_this_age(cough, "my 10 year old has a cough")
    assert for_this_age(cough, "my 3 year old has a cough")
    babies = "Never give zorbamol to babies."
    assert not for_this_age(babies, "my 6 year old has a fever")
    assert for_this_age(babies, "my 10 month old has a fever")
    assert for_this_age("Children should not take zorbamol.", "my 14 year old has a fever")
    assert forbids_for_children("Children should not take zorbamol.", ["zorbamol"], "my 9yo")
    assert not forbids_for_children(
        "Do not give zorbamol to children under four.", ["zorbamol"], "my 9yo"
    )


def test_a_warning_for_children_reaches_a_school_age_child(sample_engine: Engine) -> None:
    """NIH says children should not take aspirin on its sore-throat and cold pages, not on the
    headache page a question about a child's headache is answered from."""
    answer = sample_engine.ask("My 9 year old has a sore head, can I give him an aspirin?")
    text = " ".join(b.text.lower() for b in verify.all_bullets(answer))
    assert "aspirin" in text and "children" in text


def test_a_drug_the_topics_own_page_treats_with_gets_no_warning_from_elsewhere(
    sample_engine: Engine,
) -> None:
    """Aspirin treats Kawasaki disease in children (its NIH pages say so): the general warning
    that children should not take aspirin, from the sore-throat page, is not set against it."""
    answer = sample_engine.ask("how is kawasaki disease treated in my 3 year old, is aspirin used?")
    texts = [b.text.lower() for b in verify.all_bullets(answer)]
    assert any("aspirin" in t for t in texts)
    assert not any("should not take aspirin" in t or "not give aspirin" in t for t in texts)


def test_a_warning_for_babies_ends_with_the_first_year() -> None:
    babies = "Do not let babies eat zorbacorn."
    assert not for_this_age(babies, "my 2 year old has a cough, can she have zorbacorn")
    assert for_this_age(babies, "my 8 month old has a cough")
    toddlers = "Never give zorbacorn to toddlers."
    assert for_this_age(toddlers, "my 2 year old has a cough")
    assert not for_this_age(toddlers, "my 4 year old has a cough")
