from __future__ import annotations

import csv
import gzip

import pytest

from conftest import MESH_TERMS, need
from medcite.query.abbreviations import abbreviations, lookup_abbreviation
from medcite.query.vocab import lay_terms
from medcite.text import normalise

NOT_IN_MESH = frozenset(
    {
        # standard clinical terms with no MeSH 2021 descriptor
        "comprehensive metabolic panel",
        "basic metabolic panel",
        # a MeSH entry term folded into a broader descriptor (Attention Deficit and Disruptive
        # Behavior Disorders): naming the descriptor would take in ADHD too
        "oppositional defiant disorder",
        # lay terms shipped before these additions
        "facial myokymia",
        "myokymia",
        "headache disorders",
        "heartburn",
        "runny nose",
    }
)


@pytest.mark.parametrize(
    ("token", "term"),
    [
        ("MS", "multiple sclerosis"),
        ("AFib", "atrial fibrillation"),
        ("UTIs", "urinary tract infections"),
        ("COPD", "pulmonary disease, chronic obstructive"),
        ("CRP", "c-reactive protein"),
        ("copd", "pulmonary disease, chronic obstructive"),
        ("Pcos", "polycystic ovary syndrome"),
        ("A1C", "glycated hemoglobin a"),
        ("AIDS", "acquired immunodeficiency syndrome"),
        ("POTS", "postural orthostatic tachycardia syndrome"),
        # three letters that are no English word: any case
        ("uti", "urinary tract infections"),
        ("hiv", "hiv infections"),
        # PrEP in a patient's question is HIV pre-exposure prophylaxis
        ("PrEP", "pre-exposure prophylaxis"),
        ("PrEP", "hiv infections"),
        # procedures and common conditions
        ("TAVR", "transcatheter aortic valve replacement"),
        ("cabg", "coronary artery bypass"),
        ("ACL", "anterior cruciate ligament"),
        ("BPPV", "benign paroxysmal positional vertigo"),
        ("HR", "heart rate"),
        ("ALT", "alanine transaminase"),
        ("LFTs", "liver function tests"),
        # a capital S that is the acronym's own letter, not a plural
        ("DOMS", "myalgia"),
        ("SAD", "seasonal affective disorder"),
    ],
)
def test_abbreviations_resolve(token: str, term: str) -> None:
    assert term in lookup_abbreviation(token)


@pytest.mark.parametrize(
    "token",
    [
        "ms",
        "Ms",
        "ct",
        "add",
        "odd",
        "a1c",
        "aids",
        "Aids",
        "pots",
        "the",
        "PE",
        "hr",
        "sad",
        "Sad",
    ],
)
def test_short_or_english_abbreviations_need_capitals(token: str) -> None:
    assert lookup_abbreviation(token) == ()


def test_table_size_and_normalised_keys() -> None:
    table = abbreviations()
    assert len(table) >= 80
    assert "pco" in table  # normalised like vocab.normalise("PCOS")


def _descriptor_names() -> set[str]:
    need(MESH_TERMS)
    with gzip.open(MESH_TERMS, "rt", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        return {row[1].lower() for row in rows}


def test_every_abbreviation_term_is_a_mesh_descriptor() -> None:
    names = _descriptor_names() | NOT_IN_MESH
    missing = {t for terms in abbreviations().values() for t in terms} - names
    assert not missing


def test_added_lay_terms_are_mesh_descriptors() -> None:
    names = _descriptor_names() | NOT_IN_MESH | MEDQUAD_ONLY
    table = lay_terms()
    added = ["sinus infection", "ear infection", "hay fever", "jock itch", "period", "fever",
             "bed bug", "stomach bug", "c section", "morning after pill", "flu shot",
             "arthritis both knee", "knee arthritis", "can't sleep", "haven't slept properly",
             "playing squash", "breast lump", "lump left breast", "wax drop",
             "repeating the same question", "asking same question", "for lyme", "jellyfish sting",
             "finger turn white", "sea band", "tick bite", "hurt my lower back",
             "banged her head", "lump on his forehead", "bp", "low bp", "period have stopped",
             "period stopped", "flashback", "nightmare accident",
             "nightmare car crash", "suncream", "spf", "brown sugar", "salt", "grind teeth",
             "jaw click", "b12", "dyskaryosis", "autistic", "breast bud", "refusing school",
             "stop pill working", "bald patch", "wax", "tubular adenoma",
             "bowel polyp", "come too quickly", "left ball", "pull foreskin back",
             "white matter spot", "hospice", "omnipod", "insulin pump", "dexcom",
             "cgm", "keep forgetting pill", "baby formula", "formula milk",
             "wet nappy", "stress incontinence", "urge incontinence", "triple bypass",
             "morning wood", "smoke a joint", "erection problem", "poison ivy",
             "poison oak", "poison sumac", "tailbone", "tail bone", "big prostate",
             "large prostate", "swollen prostate", "early menopause", "menopause this young",
             "menopause so young", "finish too quickly", "finish too fast",
             "finish within minute", "bag worm", "woke up and couldnt move",
             "woke up and could not move", "woke up unable to move",
             "wake up and cant move", "finish minute", "hair pulling", "pulling out hair",
             "chewing gum", "sugar free gum", "nicotine gum", "back passage",
             "got drunk", "really drunk", "hand shake", "bowel cancer", "loose stool",
             "loose poo", "coughing", "blood in my phlegm", "lost sense smell",
             "lost sense taste", "lost voice", "lose voice", "losing voice", "croaky",
             "postnatal bleeding", "croaky voice", "heart racing", "heart race",
             "rotator cuff problem",
             "torn rotator cuff", "brown patch", "dark patch", "nappy rash",
             "bring up milk", "spitting up milk", "posseting", "lactose intolerant",
             "taste like metal", "taste of metal", "metallic taste", "tummy bug",
             "sickness bug", "blood clot lung", "clot lung", "blood clot leg",
             "clot leg", "blue inhaler", "blue puffer", "reliever inhaler", "brown inhaler",
             "brown puffer", "preventer inhaler", "water tablet", "cholesterol tablet",
             "blood pressure tablet", "thyroid tablet", "cystitis", "blood in poo",
             "blood in poop", "blood on toilet paper", "rectal bleeding", "bleeding from bottom",
             "bleeding from back passage", "skin tear", "worm infection", "white spot nail",
             "white mark nail", "dioralyte", "pedialyte", "rehydration sachet"]  # fmt: skip
    for lay in added:
        assert lay in table, lay
        assert set(table[lay]) <= names, (lay, table[lay])


MEDQUAD_ONLY = frozenset(
    {
        # NIH topic pages whose name is no MeSH 2021 term; the vocabulary resolves them to the page
        "concussion",
        "heart palpitations",
        "wounds and injuries",
        "neoplasms",
        "endocrine diseases",
        "cervical cancer screening",
        "end of life issues",
        "tailbone disorders",
    }
)


def test_a_heart_that_skips_or_thumps_is_palpitations() -> None:
    table = lay_terms()
    for lay in ("heart skip", "big thump", "missed beat", "heart thumping"):
        assert table[lay] == ("heart palpitations",), lay


def test_lay_names_of_a_rash_a_test_and_an_injury_map_to_their_concepts() -> None:
    table = lay_terms()
    assert "lyme disease" in table["bull eye rash"]
    assert table["chest xray"] == ("radiography, thoracic",)
    assert table["wound"] == ("wounds and injuries",)


def test_every_lay_term_names_a_vocabulary_concept() -> None:
    """A clinical name the vocabulary cannot resolve becomes a concept with no tree numbers,
    which ranks as a disease and can push the resolved reading of the same phrase aside."""
    names = _descriptor_names() | _entry_terms() | NOT_IN_MESH | MEDQUAD_ONLY
    missing = {t.lower() for terms in lay_terms().values() for t in terms} - names
    assert not missing


def _entry_terms() -> set[str]:
    with gzip.open(MESH_TERMS, "rt", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows)
        return {row[2].lower() for row in rows}


def test_a_lay_term_opening_with_a_predicative_adjective_also_reads_reversed() -> None:
    """ "my ankle is swollen" and "my throat is sore" are "swollen ankle" and "sore throat"."""
    table = lay_terms()
    assert table["ankle swollen"] == table["swollen ankle"]
    assert table["throat sore"] == table["sore throat"]
    assert "prostatic hyperplasia" in table["stream weak"]  # "my stream is weak"
    assert "attack heart" not in table  # "heart attack" opens with no such adjective


def test_a_lab_result_in_lay_words_names_its_condition_in_either_order() -> None:
    """ "high calcium", "calcium level high" and "my potassium is low" (the verb is gone from
    the focus) name the abnormality; a blood count keeps its test page ("a high white blood cell
    count" is no lay term)."""
    table = lay_terms()
    assert table["high calcium"] == table["calcium level high"] == ("hypercalcemia",)
    assert table["potassium low"] == ("hypokalemia",)
    assert "high white blood cell count" not in table


def test_fainting_and_a_nasal_rinse_in_lay_words() -> None:
    table = lay_terms()
    assert table["almost pass out"] == table["pass out"] == ("syncope",)
    assert table["neti pot"] == ("nasal lavage",)
    assert "amebic meningoencephalitis" in table["brain eating amoeba"]


def test_an_abbreviation_of_a_medicine_reads_as_the_medicine() -> None:
    """ "HRT" is read as its full name is, a treatment taken (the drug table's); an abbreviation
    of a condition stays one."""
    from medcite.query.lookups import abbreviation_lookup

    found = abbreviation_lookup("does HRT cause weight gain")(["hrt"])
    assert [(c.name, c.origin) for c in found["hrt"]] == [("hormone replacement therapy", "drug")]
    uti = abbreviation_lookup("UTI again")(["uti"])
    assert all(c.origin == "abbreviation" for c in uti["uti"])


def test_mental_health_and_substance_use_in_lay_words() -> None:
    """Purging, cutting, "an alcoholic", a line of coke, stopping smoking and night shifts name
    their clinical concepts; "alcoholic" before a drink does not."""
    table = lay_terms()
    assert table[normalise("making herself sick")][0] == "bulimia nervosa"
    assert table[normalise("cutting himself")] == ("self-injurious behavior",)
    assert table[normalise("an alcoholic")] == ("alcoholism",)
    assert normalise("alcoholic drink") not in table
    assert table[normalise("lines of coke")] == ("cocaine",)
    assert table[normalise("giving up smoking")] == ("smoking cessation", "smoking")
    assert "sleep disorders, circadian rhythm" in table[normalise("night shifts")]


def test_a_child_holding_in_poo_and_soiling_is_encopresis() -> None:
    """Withholding stool and soiling told in a parent's words name encopresis and
    constipation."""
    table = lay_terms()
    assert table[normalise("holding in her poo")] == ("encopresis", "constipation")
    assert table[normalise("soiling his pants")] == ("encopresis", "constipation")


def test_cirrhosis_alone_is_the_liver_disease() -> None:
    """MeSH files "cirrhosis" under Fibrosis; said alone, people mean the liver's."""
    assert lay_terms()[normalise("cirrhosis")] == ("liver cirrhosis",)


def test_baby_aspirin_names_no_baby() -> None:
    """A low-dose aspirin called "baby aspirin" is taken by adults; "baby oil" is a product."""
    from medcite.query.groups import GROUPS, young_patient

    assert not young_patient("I take a baby aspirin every day, is that why I bruise")
    assert not GROUPS["children"].search("is baby oil good for dry skin")
    assert young_patient("can my baby have aspirin")
