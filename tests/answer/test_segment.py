"""Sentence segmentation edge cases."""

from __future__ import annotations

from medcite.text import split_sentences


def _page_sentences(text: str) -> list[str]:
    """The sentences medcite reads on a patient page holding ``text``."""
    from medcite.answer.segment import document_sentences
    from medcite.records import AbstractSection, Document, Source

    page = Document(
        id="medquad:p", source=Source.MEDQUAD, title="Page", sections=(AbstractSection(text=text),)
    )
    return [s.text for s in document_sentences(page)]


def test_abbreviations_decimals_and_initials_do_not_split() -> None:
    text = (
        "Hemifacial spasm (HFS) is common, e.g. in Asia. Smith et al. reported p < 0.05 in 12.5% "
        "of cases. Dr. Jones agreed. J. Smith disagreed! Was it real? (Yes) it was. "
        "3 patients died."
    )
    assert split_sentences(text) == [
        "Hemifacial spasm (HFS) is common, e.g. in Asia.",
        "Smith et al. reported p < 0.05 in 12.5% of cases.",
        "Dr. Jones agreed.",
        "J. Smith disagreed!",
        "Was it real?",
        "(Yes) it was.",
        "3 patients died.",
    ]


def test_structured_label_is_not_part_of_the_sentence() -> None:
    assert split_sentences("RESULTS: Botulinum toxin helped. It was safe.") == [
        "Botulinum toxin helped.",
        "It was safe.",
    ]


def test_sentences_are_exact_substrings() -> None:
    text = "First one i.e. this.  Second   one (n = 3). Third vs. fourth. Fig. 2 shows it."
    for sentence in split_sentences(text):
        assert sentence in text


def test_lowercase_after_period_continues_the_sentence() -> None:
    assert split_sentences("Values were approx. equal. Then it ended.") == [
        "Values were approx. equal.",
        "Then it ended.",
    ]


def test_empty_text() -> None:
    assert split_sentences("   ") == []


def test_an_unmapped_pubmed_label_gets_the_category_its_words_name() -> None:
    from medcite.answer.segment import document_sentences
    from medcite.records import AbstractSection, Document, Source

    def section(label: str, category: str | None, text: str) -> AbstractSection:
        return AbstractSection(label=label, category=category, text=text)

    paper = Document(
        id="pmid:1",
        source=Source.PUBMED,
        sections=(
            section("METHODS", "UNASSIGNED", "Regression analysis to find risk factors."),
            section("Principal findings", None, "Smoking doubled the risk."),
            section("Results and conclusions", "UNASSIGNED", "Quitting lowered it."),
            section("KEY MESSAGE", "UNASSIGNED", "Smoking harms the eyes."),
            section("BACKGROUND", "BACKGROUND", "Eye disease is common."),
        ),
    )
    categories = [s.section_category for s in document_sentences(paper)]
    assert categories == ["METHODS", "RESULTS", "CONCLUSIONS", "UNASSIGNED", "BACKGROUND"]
    page = Document(
        id="medquad:x#1",
        source=Source.MEDQUAD,
        sections=(section("Treatment methods", None, "Rest helps most people."),),
    )
    assert [s.section_category for s in document_sentences(page)] == [None]


def _page(*lines: str):  # type: ignore[no-untyped-def]
    from medcite.records import AbstractSection, Document, Source

    sections = tuple(AbstractSection(text=line) for line in lines)
    return Document(id="medquad:x", source=Source.MEDQUAD, title="Gout", sections=sections)


def test_a_list_lead_and_its_item_lines_are_one_sentence() -> None:
    from medcite.answer.extract import is_statement
    from medcite.answer.segment import document_sentences
    from medcite.answer.verify import problems
    from medcite.records import Answer, Bullet, Citation, EvidenceLevel, Query, Reference

    doc = _page(
        "Gout causes sudden pain. Signs of an attack can include",
        "Redness of the big toe",
        "Warm skin over the joint",
        "A joint too tender to touch",
        "See a doctor if the pain lasts.",
    )
    sentences = list(document_sentences(doc))
    assert [s.text for s in sentences] == [
        "Gout causes sudden pain.",
        "Signs of an attack can include\nRedness of the big toe\nWarm skin over the joint\n"
        "A joint too tender to touch",
        "See a doctor if the pain lasts.",
    ]
    listed = sentences[1]
    assert listed.is_list and is_statement(listed)
    # the joined list still resolves in its source, white space normalised
    cite = Citation(number=1, document_id=doc.id, sentence=listed.text)
    answer = Answer(
        id="a",
        question="q",
        query=Query(question="q", facets=(), asked=(), expansions=(), search_text="q"),
        disclaimer="not advice",
        guideline_lead=(Bullet(text=listed.text, citations=(cite,)),),
        references=(
            Reference(number=1, document_id=doc.id, title="Gout", level=EvidenceLevel.GUIDELINE),
        ),
    )
    assert problems(answer, {doc.id: doc}) == []


def test_these_include_after_a_named_sentence_stays_with_it() -> None:
    """ "These may include headache …" alone does not say what they are; after "Statins may
    cause mild side effects." it is read with it."""
    from medcite.answer.segment import document_sentences
    from medcite.records import AbstractSection, Document, Source

    text = "Statins may cause mild side effects. These may include headache and muscle aches."
    page = Document(
        id="medquad:st",
        source=Source.MEDQUAD,
        title="Statins",
        sections=(AbstractSection(text=text),),
    )
    assert [s.text for s in document_sentences(page)] == [text]


def test_list_items_may_be_long_phrases() -> None:
    """An item line without sentence punctuation is an item even when it explains itself in a
    long phrase ("Bulimia nervosa, which involves …"): alone it is no statement."""
    from medcite.answer.segment import document_sentences

    doc = _page(
        "Types of eating problems include",
        "Overeating, in which you eat far more than your body needs over a short time",
        "Undereating, in which you do not eat enough because you are afraid of putting on weight",
        "Get help early.",
    )
    first = next(iter(document_sentences(doc)))
    assert first.is_list and "Undereating, in which" in first.text


def test_an_organisation_credited_after_a_list_is_no_item() -> None:
    from medcite.answer.segment import document_sentences

    doc = _page(
        "People who should not take colchicine are those who have",
        "Kidney failure",
        "Liver disease",
        "Arthritis Foundation",
    )
    (listed, credit) = [s.text for s in document_sentences(doc)]
    assert listed.endswith("Liver disease")
    assert credit == "Arthritis Foundation"
    nih = _page(
        "Get help at once if the child has",
        "Repeated vomiting",
        "Slurred speech",
        "NIH: National Institute of Neurological Disorders and Stroke",
    )
    assert next(s.text for s in document_sentences(nih)).endswith("Slurred speech")


def test_lines_that_are_sentences_or_a_single_line_make_no_list() -> None:
    from medcite.answer.segment import document_sentences

    one = _page("Symptoms include", "Fever", "Rest helps.")
    assert all("\n" not in s.text for s in document_sentences(one))
    punctuated = _page("Treatments include", "Rest.", "Ice.")
    assert all("\n" not in s.text for s in document_sentences(punctuated))
    no_lead = _page("Gout is common.", "Redness of the toe", "Warm skin")
    assert all("\n" not in s.text for s in document_sentences(no_lead))


def test_sentences_that_complete_a_lead_ending_in_a_colon_stay_with_it() -> None:
    """After "Call your doctor if:" each line, even a whole sentence, completes the lead; alone
    "Your cough does not stop." would say what the page does not. The next such lead starts
    its own list."""
    from medcite.answer.segment import document_sentences
    from medcite.text import list_display

    doc = _page(
        "Most colds get better on their own. Call your doctor if:",
        "Your cough does not stop after three weeks.",
        "Call 911 if:",
        "You cannot breathe.",
        "Your lips turn blue.",
        "Most people get better with rest, fluids and time, and they do not need any medicine "
        "at all.",
    )
    texts = [s.text for s in document_sentences(doc)]
    assert texts == [
        "Most colds get better on their own.",
        "Call your doctor if:\nYour cough does not stop after three weeks.",
        "Call 911 if:\nYou cannot breathe.\nYour lips turn blue.",
        "Most people get better with rest, fluids and time, and they do not need any medicine "
        "at all.",
    ]
    assert list_display(texts[1]) == (
        "Call your doctor if: Your cough does not stop after three weeks."
    )


def test_a_list_is_shown_as_lead_and_items() -> None:
    from medcite.text import list_display

    assert list_display("Signs can include\nRedness\nWarm skin") == (
        "Signs can include: Redness; Warm skin."
    )
    assert list_display("Signs are:\nRedness\nWarm skin") == "Signs are: Redness; Warm skin."
    assert list_display("Gout is common.") == "Gout is common."


def test_a_short_instruction_finishes_the_sentence_before_it() -> None:
    """ "Get help immediately." alone is no statement, and the sentence before it would lose its
    advice; joined, the text is still exactly the source's."""
    text = (
        "Heartburn is a burning feeling in your chest. If you have crushing chest pain, it could "
        "be a heart attack. Get help immediately. Most heartburn goes away on its own."
    )
    sentences = _page_sentences(text)
    assert sentences == [
        "Heartburn is a burning feeling in your chest.",
        "If you have crushing chest pain, it could be a heart attack. Get help immediately.",
        "Most heartburn goes away on its own.",
    ]
    assert all(s in text for s in sentences)


def test_a_short_instruction_after_a_list_dash_still_finishes_the_sentence() -> None:
    text = (
        "Heartburn is common. If you have crushing chest pain, it could be a heart attack. "
        "- Get help immediately. - Eat smaller meals."
    )
    sentences = _page_sentences(text)
    assert sentences == [
        "Heartburn is common.",
        "If you have crushing chest pain, it could be a heart attack. - Get help immediately.",
        "Eat smaller meals.",
    ]
    assert all(s in text for s in sentences)


def test_it_after_a_short_sentence_opening_with_a_name_stays_with_that_sentence() -> None:
    """On a patient page, "It is usually given every 10 years." alone says nothing of what
    is given; after "Td prevents tetanus." (a name and its verb) it is read with it, up to
    three sentences. An expletive "it" and a sentence after an unnamed subject stay apart."""
    from medcite.answer.segment import document_sentences
    from medcite.records import AbstractSection, Document, Source

    text = (
        "Td prevents tetanus. It is for adults. It is usually given every 10 years. "
        "It is best to ask your doctor. Many people forget. It is a common mistake."
    )
    page = Document(
        id="medquad:td", source=Source.MEDQUAD, title="Td", sections=(AbstractSection(text=text),)
    )
    assert [s.text for s in document_sentences(page)] == [
        "Td prevents tetanus. It is for adults. It is usually given every 10 years.",
        "It is best to ask your doctor.",
        "Many people forget.",
        "It is a common mistake.",
    ]
    study = page.model_copy(update={"id": "pmid:1", "source": Source.PUBMED})
    assert len(list(document_sentences(study))) == 6


def test_it_after_a_contrast_naming_a_name_stays_with_it() -> None:
    """ "However, HRT also has risks. It can …": the contrast opening does not hide the name the
    "It" stands for."""
    from medcite.answer.segment import document_sentences
    from medcite.records import AbstractSection, Document, Source

    text = "Td prevents tetanus. However, Td also has risks. It can cause a sore arm."
    page = Document(
        id="medquad:td", source=Source.MEDQUAD, title="Td", sections=(AbstractSection(text=text),)
    )
    assert [s.text for s in document_sentences(page)][-1] == (
        "However, Td also has risks. It can cause a sore arm."
    )


def test_steps_after_you_should_are_one_list() -> None:
    """ "To protect yourself, you should" introduces steps as much as "include" does; a
    sentence ending in "should" with no item lines after it stays alone."""
    from medcite.answer.segment import document_sentences

    doc = _page(
        "Ticks live in tall grass. To protect yourself, you should",
        "Use an insect repellent",
        "Wear long sleeves",
        "Check your skin every day",
    )
    texts = [s.text for s in document_sentences(doc)]
    assert texts[-1] == (
        "To protect yourself, you should\nUse an insect repellent\nWear long sleeves\n"
        "Check your skin every day"
    )
    alone = _page("Ask what you should.", "Rest helps.")
    assert all("\n" not in s.text for s in document_sentences(alone))


def test_what_you_may_notice_is_a_list_lead() -> None:
    from medcite.answer.segment import document_sentences

    doc = _page("You may have gout if you notice", "A red big toe", "Pain at night")
    assert [s.text for s in document_sentences(doc)] == [
        "You may have gout if you notice\nA red big toe\nPain at night"
    ]
    signs = _page("Get help at once if the child has", "Repeated vomiting", "Slurred speech")
    assert [s.text for s in document_sentences(signs)] == [
        "Get help at once if the child has\nRepeated vomiting\nSlurred speech"
    ]


def test_a_caveat_stays_with_the_statement_it_limits() -> None:
    """ "However, … should not …" limits the sentence before it: quoted alone, that sentence
    would recommend what its source forbids to some readers. A "however" that sets no limit
    stays a sentence of its own."""
    text = (
        "Rest helps most sprains heal. Ice packs may ease the swelling. However, people with "
        "poor circulation should not use ice packs. However, most sprains heal within weeks."
    )
    sentences = _page_sentences(text)
    assert sentences == [
        "Rest helps most sprains heal.",
        "Ice packs may ease the swelling. However, people with poor circulation should not use "
        "ice packs.",
        "However, most sprains heal within weeks.",
    ]
    assert all(s in text for s in sentences)


def test_a_statement_whose_caveat_lost_its_dashes_is_damaged_with_it() -> None:
    """The source dropped the dashes of the caveat ("diarrheaa sign … infectionshould"); joined
    to the advice it limits, the advice is damaged too and is not quoted without its limit."""
    from medcite.answer.extract import damaged
    from medcite.records import Document, Source

    text = (
        "Some medicines may help stop diarrhea in adults. However, people with bloody diarrheaa "
        "sign of infectionshould not use these medicines."
    )
    assert _page_sentences(text) == [text]
    assert damaged(Document(id="medquad:p", source=Source.MEDQUAD, title="Page"), text)


def test_they_after_a_caveat_joined_statement_still_refers_to_the_name() -> None:
    # "They" is the statins of the first sentence, through the caveat joined to it
    text = (
        "Widgetins are relatively safe for most people. But they are not recommended for "
        "pregnant women. They can also cause serious muscle problems. Some people never notice."
    )
    assert _page_sentences(text) == [
        "Widgetins are relatively safe for most people. But they are not recommended for "
        "pregnant women. They can also cause serious muscle problems.",
        "Some people never notice.",
    ]


def test_they_after_a_long_first_statement_stays_apart() -> None:
    text = (
        "Widgetins are drugs that many doctors in many countries prescribe every day to adults "
        "of all ages. They can also cause serious muscle problems."
    )
    assert len(_page_sentences(text)) == 2


def test_it_after_a_sentence_that_calls_the_name_it_still_stands_for_the_name() -> None:
    """ "Measles is a virus infection. Most people who get it are young, but adults can have it
    too. It passes through coughs.": the middle sentence speaks of measles as "it", so the
    last is still about measles and is read with both. A middle sentence with a subject of its
    own, or a third name, breaks the chain."""
    text = (
        "Measles is a virus infection. Most people who get it are young, but adults can have it "
        "too. It passes through coughs."
    )
    assert _page_sentences(text) == [text]
    own_subject = "Measles is a virus infection. Rubella is milder and adults get it. It is rare."
    assert _page_sentences(own_subject) == [
        "Measles is a virus infection.",
        "Rubella is milder and adults get it. It is rare.",
    ]
    clause = "Measles is a virus infection. If you get it, rest. It passes through coughs."
    assert _page_sentences(clause)[-1] == "It passes through coughs."


def test_a_purpose_line_leads_the_items_after_it() -> None:
    """ "To lower your risk" and "To ease the itching" introduce the lines after them, with no
    colon: the items are read with their lead, not as orphan lines."""
    from medcite.answer.segment import document_sentences
    from medcite.records import AbstractSection, Document, Source

    for lead in ("To lower your risk", "To ease the itching"):
        sections = (
            AbstractSection(text=lead),
            AbstractSection(text="Wash your hands often"),
            AbstractSection(text="Stay home when you are ill"),
        )
        page = Document(id="medquad:l", source=Source.MEDQUAD, title="Flu", sections=sections)
        assert [s.text for s in document_sentences(page)] == [
            f"{lead}\nWash your hands often\nStay home when you are ill"
        ]


def test_a_list_of_the_kinds_just_named_joins_its_lead() -> None:
    """ "… the site of many common problems. They include sprains, …" says which problems; the
    list alone would open with a "They" that stands for nothing."""
    sentences = _page_sentences(
        "Your wrist has eight small bones. Because it is used so much, it is the site of many "
        "common problems. They include sprains, fractures and tendinitis. Rest helps most of them."
    )
    assert (
        "Because it is used so much, it is the site of many common problems. They include "
        "sprains, fractures and tendinitis." in sentences
    )
    assert "Rest helps most of them." in sentences
    # a "They" after a sentence naming no kinds is not joined
    plain = _page_sentences("The joint often hurts at night. They include swelling of one joint.")
    assert "They include swelling of one joint." in plain


def test_a_list_of_the_ways_just_named_joins_its_lead() -> None:
    """ "… there are ways to lower the risk. These include …" says which ways: the steps a
    reader can take; alone, "These" stands for nothing."""
    sentences = _page_sentences(
        "Gout flares can be painful. Although no test tells who will flare, there are ways to "
        "cut the odds of one. These include drinking more water and eating less red meat. "
        "Most flares ease in days."
    )
    assert (
        "Although no test tells who will flare, there are ways to cut the odds of one. These "
        "include drinking more water and eating less red meat." in sentences
    )


def test_a_heading_glued_to_its_sentence_is_left_out() -> None:
    """A page's heading that lost its line break ("Ongoing Work The clinic runs …") is not read
    as part of the sentence; a name that is the sentence's subject, or the stage a sentence
    defines, stays."""
    sentences = _page_sentences(
        "Gout is common. Relief is Possible Although there is no cure for gout, flares can be "
        "treated. Ongoing Work The gout clinic runs trials of new medicines. National Gout "
        "Society researchers found that cherries may help. Stage IB: The tophus is larger than "
        "2 centimeters and hard. A Joint That is Swollen Also see a doctor if the big toe turns "
        "red and hot."
    )
    assert "Also see a doctor if the big toe turns red and hot." in sentences
    assert "Stage IB: The tophus is larger than 2 centimeters and hard." in sentences
    assert "Although there is no cure for gout, flares can be treated." in sentences
    assert "The gout clinic runs trials of new medicines." in sentences
    assert "National Gout Society researchers found that cherries may help." in sentences


def test_whom_it_concerns_is_a_list_lead() -> None:
    """ "It can be serious if you" lists whom it concerns on the lines after it."""
    from medcite.answer.segment import document_sentences

    doc = _page(
        "Gout is usually mild. It can be serious if you", "Are pregnant", "Have kidney disease"
    )
    assert [s.text for s in document_sentences(doc)] == [
        "Gout is usually mild.",
        "It can be serious if you\nAre pregnant\nHave kidney disease",
    ]


def test_they_after_a_longer_definition_of_a_plural_name_stands_for_the_name() -> None:
    text = (
        "Gizmo rashes are patches of sore skin caused by sitting on one hard chair for far too "
        "long. They usually form over the bony parts of the back. Some people never notice."
    )
    assert _page_sentences(text) == [
        "Gizmo rashes are patches of sore skin caused by sitting on one hard chair for far too "
        "long. They usually form over the bony parts of the back.",
        "Some people never notice.",
    ]


def test_a_list_lead_after_a_longer_definition_stays_apart() -> None:
    """ "They can help" leads a list: joined, the definition would go into it."""
    text = "Gizmo walks are one of the most useful things you can do for your health. They can help"
    assert _page_sentences(text)[0] == (
        "Gizmo walks are one of the most useful things you can do for your health."
    )


def test_it_after_a_longer_definition_needs_a_verb_that_agrees() -> None:
    text = (
        "Gizmo rashes are patches of sore skin caused by sitting on one hard chair for far too "
        "long. It usually forms over the bony parts of the back."
    )
    assert len(_page_sentences(text)) == 2


def test_it_after_a_sentence_pointing_back_at_the_name_still_stands_for_the_name() -> None:
    """ "Gizmoviruses are a group of viruses. Infection with these viruses causes gizmitis. It
    spreads through coughs.": the middle sentence's subject points back at the name, so the last
    is read with both; a middle sentence speaking of something else breaks the chain."""
    text = (
        "Gizmoviruses are a group of related viruses. Infection with these viruses causes an "
        "illness called gizmitis. It can spread from person to person."
    )
    assert _page_sentences(text) == [text]
    own = (
        "Gizmoviruses are a group of related viruses. Many people think that colds are worse. "
        "It can spread from person to person."
    )
    assert _page_sentences(own)[-1] == "It can spread from person to person."


def test_a_run_of_headings_ending_in_a_dashed_section_name_is_left_out() -> None:
    """Headings glued together and to their section's name ("Gout Pseudogout - Risk Factors
    Gout affects …") are no part of the sentence after them; a dash inside a sentence is."""
    sentences = _page_sentences(
        "Gout Pseudogout (CPPD) Gout - Risk Factors Gout affects about eight million adults in "
        "the country. Type 2 diabetes - the commonest kind - affects many more adults today."
    )
    assert "Gout affects about eight million adults in the country." in sentences
    assert "Type 2 diabetes - the commonest kind - affects many more adults today." in sentences
