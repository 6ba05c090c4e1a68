"""The topic gate: documents about the question's concept (or a narrower one) only."""

from __future__ import annotations

from medcite.answer.compose import ComposeInput, compose, topic_names
from medcite.evidence.rank import rank
from medcite.evidence.topic import TopicJudge, gate, specific_names
from medcite.query.understand import understand
from medcite.query.vocab import Concept, Vocabulary
from medcite.records import AbstractSection, Document, Hit, Source


def _page(doc_id: str, focus: str, *synonyms: str) -> Document:
    return Document(
        id=f"medquad:{doc_id}",
        source=Source.MEDQUAD,
        title=f"What is (are) {focus} ?",
        focus=focus,
        synonyms=synonyms,
    )


def _paper(doc_id: str, title: str, *major: str) -> Document:
    return Document(id=f"pmid:{doc_id}", source=Source.PUBMED, title=title, mesh_major=major)


def _on_topic(question: str, docs: list[Document], vocabulary: Vocabulary) -> list[str]:
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
    result = gate(understand(question, vocabulary), rank(hits, 2026), TopicJudge(vocabulary))
    assert result.applied
    return sorted(e.hit.document.id for e in result.on_topic)


def test_a_page_on_a_longer_concept_naming_the_word_is_set_aside(
    handmade_vocabulary: Vocabulary,
) -> None:
    vocabulary = handmade_vocabulary
    docs = [_page("fever", "Fever"), _page("q", "Q fever"), _paper("1", "Fever in adults")]
    assert _on_topic("What should I do about a fever?", docs, vocabulary) == [
        "medquad:fever",
        "pmid:1",
    ]


def test_narrower_concepts_are_on_topic(handmade_vocabulary: Vocabulary) -> None:
    vocabulary = handmade_vocabulary
    docs = [_paper("2", "Fever of unknown origin: a review"), _paper("3", "Sick sinus syndrome")]
    assert _on_topic("fever", docs, vocabulary) == ["pmid:2"]
    assert _on_topic("q fever", [_page("fever", "Fever")], vocabulary) == []


def test_a_cancer_of_the_organ_is_no_kind_of_the_organ_s_diseases(
    handmade_vocabulary: Vocabulary,
) -> None:
    """MeSH files a cancer under its organ's diseases too, but a patient asking about stomach
    disease has not asked about stomach cancer; one asking about the cancer has."""
    vocabulary = handmade_vocabulary
    docs = [
        _paper("11", "A case series", "Stomach Neoplasms"),
        _paper("12", "A case series", "Gastritis"),
        _page("sd", "Stomach Disorders"),
    ]
    assert _on_topic("what causes stomach disease in children", docs, vocabulary) == [
        "medquad:sd",
        "pmid:12",
    ]
    assert "pmid:11" in _on_topic("is stomach cancer curable", docs, vocabulary)


def test_sinus_words_do_not_make_sinusitis(handmade_vocabulary: Vocabulary) -> None:
    vocabulary = handmade_vocabulary
    docs = [_page("sss", "Sick sinus syndrome"), _page("s", "Sinusitis")]
    assert _on_topic("antibiotics for sinusitis", docs, vocabulary) == ["medquad:s"]


def test_a_drug_named_inside_a_longer_label_counts(handmade_vocabulary: Vocabulary) -> None:
    vocabulary = handmade_vocabulary
    page = _page("frs", "Fetal retinoid syndrome", "Isotretinoin embryopathy")
    assert _on_topic("Is accutane safe in pregnancy?", [page], vocabulary) == ["medquad:frs"]


def test_a_page_on_harm_to_an_unborn_child_answers_only_pregnancy_or_the_drug_alone(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A page on the birth defects a drug causes is about the drug for a question on
    pregnancy, one on preventing it, or one naming the drug alone; not for one asking about the
    drug with something else (a drink, a sore lip), which it does not answer."""
    page = _page("frs", "Fetal retinoid syndrome", "Isotretinoin embryopathy")
    for asked in (
        "Is accutane safe in pregnancy?",
        "why do I need contraception while on accutane",
        "what are the side effects of accutane",
    ):
        assert _on_topic(asked, [page], handmade_vocabulary) == ["medquad:frs"], asked
    for asked in ("is it ok to have bread with accutane", "accutane and my knee aches"):
        assert _on_topic(asked, [page], handmade_vocabulary) == [], asked


def test_mesh_major_headings_say_what_a_paper_is_about(handmade_vocabulary: Vocabulary) -> None:
    vocabulary = handmade_vocabulary
    docs = [_paper("4", "A case series", "Sinusitis"), _paper("5", "A case series")]
    assert _on_topic("sinusitis", docs, vocabulary) == ["pmid:4"]


def test_without_a_concept_the_gate_is_not_applied(handmade_vocabulary: Vocabulary) -> None:
    vocabulary = handmade_vocabulary
    hits = [Hit(document=_page("x", "Q fever"), score=1.0, rank=1)]
    query = understand("why does this keep happening lately", vocabulary)
    result = gate(query, rank(hits, 2026), TopicJudge(vocabulary))
    assert not result.applied
    assert len(result.on_topic) == 1


def test_an_untitled_record_is_read_by_its_mesh_headings(handmade_vocabulary: Vocabulary) -> None:
    untitled = Document(id="pmid:6", source=Source.PUBMEDQA, mesh_terms=("Sinusitis", "Adult"))
    assert _on_topic("sinusitis", [untitled], handmade_vocabulary) == ["pmid:6"]


def _combination_lookup(phrases: object) -> dict[str, list[Concept]]:
    """A handmade combination brand: "ibulisin" = ibuprofen + lisinopril."""
    if "ibulisin" not in phrases:  # type: ignore[operator]
        return {}
    return {
        "ibulisin": [
            Concept("ibulisin", "ibuprofen", "", "drug"),
            Concept("ibulisin", "lisinopril", "", "drug"),
        ]
    }


def test_a_combination_product_needs_documents_about_every_ingredient(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand("what is ibulisin for", handmade_vocabulary, extra=[_combination_lookup])
    assert {c.combination for c in query.primary_topics} == {"ibulisin"}
    docs = [
        _paper("1", "Ibuprofen for pain"),
        _paper("2", "Lisinopril and ibuprofen in older adults"),
    ]
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
    result = gate(query, rank(hits, 2026), TopicJudge(handmade_vocabulary))
    assert [e.hit.document.id for e in result.on_topic] == ["pmid:2"]
    assert topic_names(query) == "ibulisin (ibuprofen and lisinopril)"


def test_a_question_about_an_unknown_name_has_nothing_on_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    query = understand(
        "what is zorbexal for the knee", handmade_vocabulary, known=lambda _word: False
    )
    docs = [_paper("1", "Knee pain in runners", "Knee")]
    hits = [Hit(document=d, score=1.0, rank=1) for d in docs]
    result = gate(query, rank(hits, 2026), TopicJudge(handmade_vocabulary))
    assert result.applied and not result.on_topic
    answer = compose(ComposeInput("t", query, 12, gate=result), result.on_topic)
    assert answer.abstained and "zorbexal" in (answer.abstain_reason or "")
    assert any("zorbexal" in note for note in answer.notes)


def test_a_drug_word_inside_a_disease_name_is_not_the_drug(
    handmade_vocabulary: Vocabulary,
) -> None:
    # Lead is a drug/chemical (tree D); "lead" inside a longer disease label is not about it
    # unless that label is a harm lead causes.
    docs = [_paper("1", "Lead nephropathy in children"), _paper("2", "Lead in drinking water")]
    assert _on_topic("is lead in water dangerous", docs, handmade_vocabulary) == ["pmid:2"]


def test_a_body_part_named_as_the_site_of_a_disease_is_not_the_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    vocabulary = handmade_vocabulary
    docs = [
        _page("gk", "Gout", "Gout of the knee"),
        _page("k", "Knee"),
        _paper("4", "Knee movement after a long run"),
    ]
    assert _on_topic("How far does a knee bend?", docs, vocabulary) == ["medquad:k", "pmid:4"]
    assert _on_topic("Is gout painful?", docs, vocabulary) == ["medquad:gk"]


def test_a_body_part_asked_about_alone_is_no_page_on_a_disease_of_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A page whose own topic is a disease that names the part ("Head and Neck Cancer" names
    the head) is not about a knee asked about with nothing more central; the knee's page and a
    paper on knees are."""
    docs = [
        _page("kc", "Knee and Thigh Cancer"),
        _page("k", "Knee"),
        _paper("5", "Knee shape in children"),
    ]
    assert _on_topic("my knee looks flat on one side", docs, handmade_vocabulary) == [
        "medquad:k",
        "pmid:5",
    ]


def test_a_body_part_asked_about_alone_has_no_condition_page_above_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """With no page on the toe, the page on the foot above it may answer; a page on a rare
    condition known only by its name, which names the foot, may not ("the tip of my toe is
    bent" is no question on a birth defect of the foot)."""
    rare = _page("sfm", "Split foot malformation recessive")
    foot = _page("ft", "Foot")
    assert _on_topic("the tip of my toe is bent since I kicked a door", [rare, foot],
                     handmade_vocabulary) == ["medquad:ft"]  # fmt: skip


def test_a_drug_inside_the_name_of_a_condition_page_is_not_its_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    # a page on a condition named after a substance is not about the substance...
    named = _page("ibu", "Ibuprofen receptor insensitivity syndrome")
    anemia = _page("ira", "Ibuprofen-refractory ibuprofen deficiency anemia")
    inside = _page("xid", "X-linked immunodeficiency with ibuprofen defect and rashes")
    # ...unless one of its names is a harm the substance does
    harm = _page("frs", "Fetal retinoid syndrome", "Isotretinoin embryopathy")
    paper = _paper("9", "Ibuprofen for pain after surgery")
    docs = [named, anemia, inside, paper]
    assert _on_topic("what is ibuprofen", docs, handmade_vocabulary) == ["pmid:9"]
    assert _on_topic("Is accutane safe in pregnancy?", [harm], handmade_vocabulary) == [
        "medquad:frs"
    ]


def test_a_page_named_by_another_name_of_the_topic_is_on_the_topic_itself(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Serum hepatitis" is an entry term of Hepatitis B: its page is the topic's own page, not
    one on a narrower topic; a page on "Fever of unknown origin" is a narrower one, on topic
    only when the question tells what makes the fever that kind."""
    vocabulary = handmade_vocabulary
    docs = [_page("serum", "Serum hepatitis"), _page("fuo", "Fever of unknown origin")]
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
    judge = TopicJudge(vocabulary)
    hepatitis = gate(understand("Is hepatitis B curable?", vocabulary), rank(hits, 2026), judge)
    assert hepatitis.exact == {"medquad:serum"}
    fever = gate(understand("Is a fever dangerous?", vocabulary), rank(hits, 2026), judge)
    assert [e.hit.document.id for e in fever.on_topic] == []
    told = "Is a fever dangerous when its origin stays unknown?"
    fever = gate(understand(told, vocabulary), rank(hits, 2026), judge)
    assert [e.hit.document.id for e in fever.on_topic] == ["medquad:fuo"]
    assert fever.exact == frozenset()


def test_the_use_of_a_substance_is_also_about_the_substance(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A patient page on tobacco is about using it: "tobacco use" reads as both."""
    vocabulary = handmade_vocabulary
    docs = [_page("tobacco", "Tobacco"), _page("fever", "Fever")]
    assert _on_topic("how does tobacco use harm you", docs, vocabulary) == ["medquad:tobacco"]
    query = understand("how does tobacco use harm you", vocabulary)
    assert {c.key for c in query.primary_topics} == {"D34", "D35"}


def test_a_page_topic_named_under_a_heading_is_read_by_its_parts(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Parasites - Scabies" is about scabies: each part of a "<heading> - <topic>" page topic
    is read as a label, and the last one names the page's own topic."""
    vocabulary = handmade_vocabulary
    docs = [_page("cdc-fever", "Symptoms - Fever"), _page("cdc-gout", "Joints - Gout")]
    hits = [Hit(document=d, score=10.0 - i, rank=i + 1) for i, d in enumerate(docs)]
    result = gate(
        understand("what to do for a fever", vocabulary), rank(hits, 2026), TopicJudge(vocabulary)
    )
    assert [e.hit.document.id for e in result.on_topic] == ["medquad:cdc-fever"]
    assert result.exact == {"medquad:cdc-fever"}


def test_a_kind_named_by_another_organism_is_not_the_one_asked_about(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A bee sting is a bite or sting, and so is a spider bite, but a page on spider bites is
    not about the sting asked about; a page on insect bites and stings is (bees are insects),
    and so is one that names no organism, or only people."""
    docs = [
        _page("spider", "Spider Bites"),
        _page("insect", "Insect Bites and Stings"),
        _page("any", "Bites and Stings"),
        _paper("4", "Stings in human volunteers"),
    ]
    on = ["medquad:any", "medquad:insect", "pmid:4"]
    assert _on_topic("what to do for a bee sting", docs, handmade_vocabulary) == on
    # no organism named: every kind is on topic
    every = ["medquad:any", "medquad:insect", "medquad:spider", "pmid:4"]
    assert _on_topic("what to do for a sting", docs, handmade_vocabulary) == every
    # an organism of another sort (a host, a pet) is no rival kind: a dog is no arthropod
    assert _on_topic("can my dog get a sting", docs, handmade_vocabulary) == every


def test_the_page_just_above_the_topic_answers_when_none_is_on_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """No page on type 1 gout: the Gout page (the concept just above it) is the page a patient
    would be given; with a page on the topic itself it is not needed. A study on the broader
    concept stays out either way."""
    gout, paper = _page("gout", "Gout"), _paper("9", "Gout in adults")
    asked = "what is type 1 gout"
    assert _on_topic(asked, [gout, paper], handmade_vocabulary) == ["medquad:gout"]
    own = _page("t1", "Type 1 gout")
    assert _on_topic(asked, [gout, own, paper], handmade_vocabulary) == ["medquad:t1"]
    hits = [Hit(document=d, score=1.0, rank=1) for d in (gout, paper)]
    judge = TopicJudge(handmade_vocabulary)
    result = gate(understand(asked, handmade_vocabulary), rank(hits, 2026), judge)
    assert result.broader == {"medquad:gout"}


def test_a_rare_syndrome_whose_other_name_says_the_parent_is_no_parent_page(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A page on a rare syndrome known by its page's name, one of whose other names says
    "gout", is no page on gout: it does not stand in for the missing page on type 1 gout,
    the Gout page does."""
    rare = _page("kxg", "Kinase X gout syndrome", "gout with kinase X deficiency")
    asked = "what is type 1 gout"
    assert _on_topic(asked, [rare], handmade_vocabulary) == []
    gout = _page("gout", "Gout")
    assert _on_topic(asked, [rare, gout], handmade_vocabulary) == ["medquad:gout"]
    # a page whose own name names the parent stands in for it ("What I need to know about Gout")
    guide = _page("wint", "What I need to know about Gout")
    assert _on_topic(asked, [rare, guide], handmade_vocabulary) == ["medquad:wint"]


def test_a_page_on_using_a_substance_is_about_the_substance(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A MedQuAD topic that names a substance's use ("Alcohol Use and Older Adults", a topic of
    its own to the vocabulary) is about the substance; a topic naming it otherwise is not."""
    use = _page("auoa", "Alcohol Use and Older Adults")
    assert _on_topic("what does alcohol do to the body", [use], handmade_vocabulary) == [
        "medquad:auoa"
    ]


def test_a_page_on_a_condition_in_some_people_is_about_the_condition(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Gout in Adults" is a topic of its own to the vocabulary, yet its page is about gout; a
    page on gout in children is not used for an asker who may be an adult."""
    adults = _page("ga", "Gout in Adults")
    children = _page("gc", "Gout in Children")
    assert _on_topic(
        "how do I keep gout from coming back", [adults, children], handmade_vocabulary
    ) == ["medquad:ga"]


def test_specific_names_are_codes_and_capitals_not_amounts_or_words() -> None:
    assert specific_names("Homozygous MTHFR A1298C, long term outlook?") == ("A1298C", "MTHFR")
    assert specific_names("estradiol 75g patch, 10mg, 5mm stone, im 24yo") == ()
    assert specific_names("PLEASE HELP my knee") == ()


def test_a_question_with_no_concept_keeps_only_documents_naming_its_codes(
    handmade_vocabulary: Vocabulary,
) -> None:
    """No vocabulary concept, but a gene and a variant named: a page naming them is on topic,
    a page that shares only ordinary words is not; with none naming them, nothing is."""
    gene = _paper("7", "Zqx12 variants and homocysteine")
    other = _paper("8", "Long term outlook after surgery")
    question = "what is the long term outlook with a ZQX12 R99W change"
    assert _on_topic(question, [gene, other], handmade_vocabulary) == ["pmid:7"]
    assert _on_topic(question, [other], handmade_vocabulary) == []


def test_an_eponym_asks_about_the_documents_that_name_it(handmade_vocabulary: Vocabulary) -> None:
    """The vocabulary files "Osgood-Schlatter disease" under Osteochondrosis; a page on
    another disease that lists the descriptor as a synonym (Kienbock disease) is no page on
    the eponym, a paper naming it is. Asked by the descriptor's name, both are."""
    kienbock = _page("kb", "Kienbock disease", "Osteochondrosis")
    paper = _paper("7", "Osgood-Schlatter disease in young footballers")
    docs = [kienbock, paper]
    assert _on_topic("will osgood schlatter go away", docs, handmade_vocabulary) == ["pmid:7"]
    # said without its head noun, the name is read whole ("… disease")
    assert topic_names(understand("will osgood schlatter go away", handmade_vocabulary)) == (
        "osgood schlatter disease"
    )
    assert _on_topic("what is osteochondrosis", docs, handmade_vocabulary) == [
        "medquad:kb",
        "pmid:7",
    ]
    # an eponym that is another name of its descriptor: the descriptor's own page and papers
    # naming the descriptor answer it; a page on another topic listing it among its names not
    own = _page("on", "Osteonecrosis")
    named = _paper("8", "Osteonecrosis of the wrist bones")
    other = _page("lp", "Perthes hip disorder", "Osteonecrosis")
    assert _on_topic("what is kienbock disease", [own, named, other], handmade_vocabulary) == [
        "medquad:on",
        "pmid:8",
    ]


def test_an_inherited_deficiency_page_is_about_the_disorder(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A deficiency page is about the nutrient ("Ibuprofen deficiency" stands in for a vitamin
    here), unless the deficiency is inherited: "X-linked ibuprofen deficiency" names a
    disorder one is born with, no page on taking the substance."""
    nutrient = _page("nd", "Ibuprofen deficiency")
    inherited = _page("xd", "X-linked ibuprofen deficiency")
    congenital = _page("cd", "Congenital ibuprofen deficiency")
    docs = [nutrient, inherited, congenital]
    assert _on_topic("what is ibuprofen", docs, handmade_vocabulary) == ["medquad:nd"]


def test_a_body_part_asked_about_alone_is_no_page_named_as_a_condition(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A page whose topic the vocabulary does not know but whose name is a condition's ("…
    knee dysplasia") is, like a page on a known disease, no page on a knee asked about with
    nothing more central."""
    docs = [_page("kd", "Absent patella and knee dysplasia"), _page("k", "Knee")]
    assert _on_topic("my knee looks flat on one side", docs, handmade_vocabulary) == ["medquad:k"]


def test_a_page_on_a_species_infection_is_about_the_genus_infection(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Helicobacter Pylori Infections" is no term of the vocabulary, which knows the genus's
    infections and the species as an organism: the page is about the genus's infections (a
    narrower kind). A label whose middle word names no organism gets no such reading."""
    docs = [
        _page("hp", "Helicobacter pylori infections"),
        _page("hx", "Helicobacter gastric infections"),
    ]
    assert _on_topic(
        "do I need a test after treating helicobacter infection", docs, handmade_vocabulary
    ) == ["medquad:hp"]


def test_problems_with_a_part_and_coordinated_groupings_take_the_disorders_name(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Problems with Hearing" is MeSH's hearing disorders; "Vision and Hearing Disorders" is
    about both vision disorders and hearing disorders."""
    docs = [
        _page("ph", "Problems with Hearing"),
        _page("vh", "Vision and Hearing Disorders"),
        _page("s", "Sinusitis"),
    ]
    assert _on_topic("what causes hearing disorders", docs, handmade_vocabulary) == [
        "medquad:ph",
        "medquad:vh",
    ]
    assert _on_topic("are vision disorders inherited", docs, handmade_vocabulary) == ["medquad:vh"]


def test_a_page_named_for_bleeding_is_about_the_hemorrhage_mesh_names(
    handmade_vocabulary: Vocabulary,
) -> None:
    """MedlinePlus says "Gastrointestinal Bleeding" where MeSH says "Gastrointestinal
    Hemorrhage" (whose entry term is hematochezia)."""
    docs = [_page("gib", "Gastrointestinal Bleeding"), _page("s", "Sinusitis")]
    assert _on_topic("is hematochezia serious", docs, handmade_vocabulary) == ["medquad:gib"]


def test_a_page_on_another_disease_named_with_the_sign_is_no_page_on_the_sign(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A rare-disease page whose name merely ends "with a cough" is no page on cough: the page
    on the broader respiratory signs is given too."""
    docs = [
        _page("rare", "Autosomal recessive lung disease with cough"),
        _page("signs", "Respiratory Signs"),
    ]
    assert _on_topic("why do i cough at night", docs, handmade_vocabulary) == [
        "medquad:rare",
        "medquad:signs",
    ]
    own = [_page("c", "Cough"), _page("signs", "Respiratory Signs")]
    assert _on_topic("why do i cough at night", own, handmade_vocabulary) == ["medquad:c"]


def test_a_condition_word_naming_a_container_names_no_condition(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Fever packs" in a title are containers (as blister packs hold tablets): no paper about
    the fever; the fever named on its own is."""
    docs = [
        _paper("31", "Impact of fever packs on adherence: a time series"),
        _paper("32", "Fever in children treated with a new packaging of antipyretics"),
    ]
    assert _on_topic("what should I do about a fever?", docs, handmade_vocabulary) == ["pmid:32"]


def test_a_result_of_a_substance_is_answered_from_the_test_page_naming_it(
    handmade_vocabulary: Vocabulary,
) -> None:
    """With no page on the substance, a question telling its measured result ("my ferritin
    came back 8") may be answered from the page on the test that names it; a test page that
    does not name it, or a question asking no result, is not."""
    naming = _page("imt", "Iron Metabolism Tests")
    naming = naming.model_copy(
        update={"sections": (AbstractSection(text="The tests measure iron and ferritin."),)}
    )
    silent = _page("imt2", "Iron Metabolism Tests").model_copy(
        update={"sections": (AbstractSection(text="The tests measure iron in blood."),)}
    )
    question = "my ferritin came back 8 on my labs, is that bad?"
    assert _on_topic(question, [naming, silent], handmade_vocabulary) == ["medquad:imt"]
    assert _on_topic("where is ferritin made in the body", [naming], handmade_vocabulary) == []


def test_a_page_on_a_sibling_is_no_page_on_the_concept_above(
    handmade_vocabulary: Vocabulary,
) -> None:
    """With no page on type 2 diabetes, the page on diabetes (the concept above) may answer;
    a page on type 1 diabetes names diabetes too, but is on a sibling."""
    docs = [_page("d", "Diabetes"), _page("t1", "Type 1 Diabetes", "Juvenile diabetes")]
    assert _on_topic("what is type 2 diabetes", docs, handmade_vocabulary) == ["medquad:d"]


def test_a_page_topic_with_another_name_after_a_colon_is_read_by_both_names() -> None:
    """ "Kidney Stones: Renal Calculi" names its topic twice; a colon inside a chemical name
    ("arginine:glycine amidinotransferase deficiency") splits nothing."""
    from medcite.evidence.topic import topic_parts

    page = _page("stones", "Kidney Stones: Renal Calculi")
    assert topic_parts(page) == ["Kidney Stones", "Renal Calculi"]
    enzyme = _page("agat", "arginine:glycine amidinotransferase deficiency")
    assert topic_parts(enzyme) == []
    assert topic_parts(_page("scabies", "Parasites - Scabies")) == ["Parasites", "Scabies"]


def test_a_genetic_condition_named_a_and_b_is_about_neither_alone(
    handmade_vocabulary: Vocabulary,
) -> None:
    """On a genetic-conditions site, "Hepatitis B and gout" names one syndrome, which a question
    on gout did not ask about; a health-topics page of that name is about each of the two."""
    genetic = _page("ghr", "Hepatitis B and gout").model_copy(update={"site": "GHR"})
    topics = _page("mplus", "Hepatitis B and gout").model_copy(update={"site": "MedlinePlus"})
    assert _on_topic("what causes gout", [genetic, topics], handmade_vocabulary) == [
        "medquad:mplus"
    ]
    # a syndrome named by the list of its features, each of them a condition of its own
    listed = _page("gard", "Periodic fever, gout, knee injuries and sinusitis")
    rare = listed.model_copy(update={"site": "GARD"})
    assert _on_topic("what causes gout", [rare], handmade_vocabulary) == []
    named = _page("gard-named", "Gout, type 1").model_copy(update={"site": "GARD"})
    assert _on_topic("what causes type 1 gout", [named], handmade_vocabulary) == [
        "medquad:gard-named"
    ]


def _page_saying(doc_id: str, focus: str, text: str) -> Document:
    return Document(
        id=f"medquad:{doc_id}",
        source=Source.MEDQUAD,
        title=f"What is (are) {focus} ?",
        focus=focus,
        sections=(AbstractSection(text=text),),
    )


def test_a_sign_named_as_the_sign_of_a_condition_is_no_topic_of_its_own(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "flu cough" names the cough of the flu: when the Flu page lists a cough, a page on
    coughs in general is about something else. A cough named apart from the flu ("a cough
    that won't go away after the flu") is what is asked about, and its page stays."""
    flu = _page_saying("flu", "Flu", "The flu causes fever, a dry cough and aches.")
    cough = _page_saying("cough", "Cough", "A cough may come from reflux or asthma.")
    docs = [flu, cough]
    assert _on_topic("flu cough at night what helps", docs, handmade_vocabulary) == ["medquad:flu"]
    assert _on_topic("a cough that wont go away after the flu", docs, handmade_vocabulary) == [
        "medquad:cough",
        "medquad:flu",
    ]
    silent = _page_saying("flu", "Flu", "The flu is an infection caught from others.")
    assert _on_topic("flu cough at night what helps", [silent, cough], handmade_vocabulary) == [
        "medquad:cough",
        "medquad:flu",
    ]


def test_a_rare_condition_named_with_another_is_no_page_on_the_first(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "Gout with kidney cysts syndrome" on a rare-conditions site is a condition of its own,
    even where the vocabulary files it under gout; a question naming it still gets it."""
    variant = _page("gard-with", "Gout with kidney cysts syndrome").model_copy(
        update={"site": "GARD"}
    )
    own = _page("gout", "Gout")
    assert _on_topic("what causes gout", [variant, own], handmade_vocabulary) == ["medquad:gout"]
    assert "medquad:gard-with" in _on_topic(
        "what is gout with kidney cysts syndrome", [variant, own], handmade_vocabulary
    )


def test_a_plural_of_the_name_is_no_eponym(handmade_vocabulary: Vocabulary) -> None:
    """ "cluster headaches" normalises to a word that is in no dictionary ("headach"), yet it is
    the concept's own name in the plural: the answer names the concept, not the stemmed words."""
    query = understand("what are cluster headaches and how are they treated", handmade_vocabulary)
    assert topic_names(query) == "cluster headache"


def test_a_question_naming_only_its_setting_has_nothing_on_topic(
    handmade_vocabulary: Vocabulary,
) -> None:
    """ "rolled off the bed, now sleepy": the bed is where it happened; a page on bed sores is
    no answer, so nothing is on topic."""
    sores = _page("ps", "Bed sores")
    assert _on_topic("she rolled off the bed and now seems odd", [sores], handmade_vocabulary) == []


def test_a_cancer_page_named_with_a_body_part_is_no_page_on_the_part(
    handmade_vocabulary: Vocabulary,
) -> None:
    docs = [_page("1", "Toe and Foot Cancer"), _page("2", "Toe Care")]
    assert _on_topic("a small soft bump on my toe, what is it?", docs, handmade_vocabulary) == [
        "medquad:2"
    ]


def test_a_page_on_a_narrower_kind_of_a_sign_needs_the_kind_told(
    handmade_vocabulary: Vocabulary,
) -> None:
    """A page on "Back Pain" is about pain only when the question tells of the back: a sharp
    pain on passing stool is no back pain. A paper filed under the narrower kind keeps the
    tree-number reading (it names no topic of its own)."""
    docs = [
        _page("p", "Pain"),
        _page("b", "Back Pain"),
        _paper("9", "Back pain at work", "back pain"),
    ]
    assert _on_topic("a sharp pain when I pass stool, what helps?", docs, handmade_vocabulary) == [
        "medquad:p",
        "pmid:9",
    ]
    assert _on_topic("pain in my back after lifting, what helps?", docs, handmade_vocabulary) == [
        "medquad:b",
        "medquad:p",
        "pmid:9",
    ]
    # "back passage" names the rectum, not the back
    told = "a sharp pain deep in my back passage at night, what is it?"
    assert _on_topic(told, docs, handmade_vocabulary) == ["medquad:p", "pmid:9"]


def test_a_page_on_a_kind_of_a_pathological_condition_needs_no_kind_told(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Polyps, hernias and bleeds sit beside the signs in MeSH but keep their kinds, as diseases
    do: a page on colonic polyps answers a question on a polyp removed."""
    docs = [_page("cp", "Colonic Polyps")]
    assert _on_topic("they removed a polyp, is that bad?", docs, handmade_vocabulary) == [
        "medquad:cp"
    ]


def test_a_study_of_a_procedure_in_a_disease_not_named_is_about_that_disease(
    handmade_vocabulary: Vocabulary,
) -> None:
    """Asked about a colonoscopy alone, a study of colonoscopy in stomach bleeding is about
    those patients; one of colonoscopy itself, and a patient page on it, stay. Asked about
    colonoscopy for stomach bleeding, the study is on topic."""
    docs = [
        _paper("31", "Colonoscopy in gastrointestinal hemorrhage", "Colonoscopy"),
        _paper("32", "Colonoscopy: bowel preparation in adults", "Colonoscopy"),
        _page("colo", "Colonoscopy"),
    ]
    alone = _on_topic("how long does a colonoscopy take", docs, handmade_vocabulary)
    assert alone == ["medquad:colo", "pmid:32"]
    named = _on_topic(
        "how long does a colonoscopy take for gastrointestinal hemorrhage",
        docs,
        handmade_vocabulary,
    )
    assert "pmid:31" in named
