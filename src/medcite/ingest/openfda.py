"""openFDA drug labels: one :class:`Document` per clinically meaningful section of each label.

Input is openFDA's bulk download (``drug-label-0001-of-00NN.json.zip``: a ZIP holding one JSON
file of hundreds of MB), the same JSON unzipped, or an answer of the ``/drug/label.json`` API;
all three have the shape ``{"meta": {...}, "results": [label, ...]}``. The results array is read
one label at a time (ijson), so memory does not grow with the file.

A label is a JSON object whose section fields are lists of strings (openFDA's field names, e.g.
``dosage_and_administration``), with the harmonised names under ``openfda``
(``generic_name``, ``brand_name`` ...), the DailyMed ``set_id`` and the ``effective_time``
(``YYYYMMDD``). Each section of :data:`SECTIONS` present in a label becomes::

    Document(id="openfda:<set_id>#<field>", title="Singulair (montelukast sodium): Dosage and
             administration", focus="montelukast sodium", synonyms=("Singulair",),
             url="https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=<set_id>",
             site="FDA drug label", question_type="dosage", pub_date="2021-03-04",
             keywords=("Leukotriene Receptor Antagonist",), ...)

Each string of the field is one paragraph (white space normalised, sentences kept as written);
the label's established pharmacologic classes (``openfda.pharm_class_epc``) are its keywords; the
section's own heading at its start ("2 DOSAGE AND ADMINISTRATION", "WARNING: FETAL
TOXICITY") becomes the paragraph's label. Labels without ``set_id``, without
``openfda.generic_name`` (openFDA did not harmonise them; the free-text
``spl_product_data_elements`` cannot tell brand from generic name reliably) or without any
clinical section are reported as :class:`SkippedRecord`.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import IO, Any

import ijson  # type: ignore[import-untyped]

from medcite.errors import InputError
from medcite.ingest.compression import CORRUPT_INPUT, corrupt_input_error
from medcite.records import (
    BOXED_WARNING_TYPE,
    AbstractSection,
    Document,
    ParsedItem,
    SkippedRecord,
    Source,
)

ZIP_MAGIC = b"PK\x03\x04"
_ZIP_ERRORS: tuple[type[Exception], ...] = (zipfile.BadZipFile, *CORRUPT_INPUT)
SITE = "FDA drug label"
DAILYMED = "https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid="
WARNINGS_TYPE = "warnings"
"""Question type of warning sections (contraindications, warnings, specific populations)."""

NO_SET_ID = "no set_id"
NO_GENERIC_NAME = "no openfda.generic_name (label not harmonised by openFDA)"
NO_SECTIONS = "no clinical section"
NOT_A_LABEL = "not a JSON object"


@dataclass(frozen=True)
class LabelSection:
    """A label field medcite indexes: its openFDA name, display name and page question type."""

    field: str
    name: str
    question_type: str
    headings: tuple[str, ...] = ()
    """Upper-case headings the section text may open with, besides ``name`` in upper case."""
    titled: bool = False
    """The heading goes on with an upper-case title ("WARNING: FETAL TOXICITY")."""


SECTIONS: tuple[LabelSection, ...] = (
    LabelSection("boxed_warning", "Boxed warning", BOXED_WARNING_TYPE, ("WARNING",), True),
    LabelSection("indications_and_usage", "Indications and usage", "treatment", ("USES",)),
    LabelSection(
        "dosage_and_administration", "Dosage and administration", "dosage", ("DIRECTIONS",)
    ),
    LabelSection("contraindications", "Contraindications", WARNINGS_TYPE),
    LabelSection("warnings_and_cautions", "Warnings and precautions", WARNINGS_TYPE, ("WARNINGS",)),
    LabelSection("warnings", "Warnings", WARNINGS_TYPE, ("WARNING",)),
    LabelSection("precautions", "Precautions", WARNINGS_TYPE),
    LabelSection("drug_interactions", "Drug interactions", "interactions"),
    LabelSection("use_in_specific_populations", "Use in specific populations", WARNINGS_TYPE),
    LabelSection("pregnancy", "Pregnancy", WARNINGS_TYPE, ("USE IN PREGNANCY",)),
    LabelSection("teratogenic_effects", "Teratogenic effects", WARNINGS_TYPE),
    LabelSection("nursing_mothers", "Nursing mothers", WARNINGS_TYPE),
    LabelSection("pregnancy_or_breast_feeding", "Pregnancy or breast-feeding", WARNINGS_TYPE),
    LabelSection("pediatric_use", "Pediatric use", WARNINGS_TYPE),
    LabelSection("geriatric_use", "Geriatric use", WARNINGS_TYPE),
    LabelSection("do_not_use", "Do not use", WARNINGS_TYPE),
    LabelSection("ask_doctor", "Ask a doctor before use", WARNINGS_TYPE),
    LabelSection(
        "ask_doctor_or_pharmacist", "Ask a doctor or pharmacist before use", "interactions"
    ),
    LabelSection("stop_use", "Stop use", WARNINGS_TYPE),
    LabelSection("adverse_reactions", "Adverse reactions", "side effects"),
)
"""openFDA label fields that become documents, in label order. Renal and hepatic impairment
have no field of their own in openFDA: they are subsections of use_in_specific_populations."""

_CAPS_WORD = r"[A-Z][A-Z0-9,;&/()'\-]*"
_NUMBER = r"(?:\d+(?:\.\d+)*\.?\s+)?"


def parse(stream: IO[bytes], where: str) -> Iterator[ParsedItem]:
    """Parse an openFDA label file (ZIP or JSON), one label at a time; ``where`` names it.

    Raises :class:`InputError` for a damaged ZIP or malformed JSON.
    """
    if _is_zip(stream):
        yield from _parse_zip(stream, where)
    else:
        yield from parse_json(stream, where)


def parse_json(stream: IO[bytes], where: str) -> Iterator[ParsedItem]:
    """The labels of one ``{"meta", "results"}`` JSON stream, read incrementally."""
    try:
        for number, label in enumerate(ijson.items(stream, "results.item", use_float=True), 1):
            yield from label_documents(label, f"{where} label {number}")
    except ijson.JSONError as exc:
        raise InputError(f"{where}: malformed openFDA JSON ({exc})") from exc
    except CORRUPT_INPUT as exc:
        raise corrupt_input_error(where, exc) from exc


def _is_zip(stream: IO[bytes]) -> bool:
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(4)[:4]) == ZIP_MAGIC
    if not stream.seekable():
        return False
    start = stream.tell()
    head = stream.read(4)
    stream.seek(start)
    return head == ZIP_MAGIC


def _parse_zip(stream: IO[bytes], where: str) -> Iterator[ParsedItem]:
    if not stream.seekable():
        raise InputError(f"{where}: a ZIP archive must be a plain file (unpack it first)")
    try:
        with zipfile.ZipFile(stream) as archive:
            for member in archive.infolist():
                if member.filename.endswith(".json") and not member.is_dir():
                    with archive.open(member) as inner:
                        yield from parse_json(inner, f"{where}/{member.filename}")
    except _ZIP_ERRORS as exc:
        raise corrupt_input_error(where, exc, "archive") from exc


def label_documents(label: Any, where: str) -> Iterator[ParsedItem]:
    """The section documents of one label (an API or bulk result), or why there are none."""
    if not isinstance(label, dict):
        yield SkippedRecord(where=where, reason=NOT_A_LABEL)
        return
    set_id = _first(label.get("set_id"))
    names = DrugNames.of(label.get("openfda"))
    reason = NO_SET_ID if not set_id else NO_GENERIC_NAME if not names.generic else None
    if reason:
        yield SkippedRecord(where=where, reason=reason)
        return
    docs = [
        doc
        for section in SECTIONS
        if (doc := section_document(label, section, set_id, names)) is not None
    ]
    if not docs:
        yield SkippedRecord(where=f"{where} (set_id {set_id})", reason=NO_SECTIONS)
    yield from docs


@dataclass(frozen=True)
class DrugNames:
    """A label's generic and brand names, as shown (``montelukast sodium``, ``Singulair``)."""

    generic: tuple[str, ...]
    brands: tuple[str, ...]
    classes: tuple[str, ...] = ()
    """Established pharmacologic classes (``pharm_class_epc`` without its ``[EPC]`` tag:
    "Angiotensin Converting Enzyme Inhibitor"): labels state many interactions by class."""

    @classmethod
    def of(cls, openfda: Any) -> DrugNames:
        block = openfda if isinstance(openfda, dict) else {}
        generic = _names(block.get("generic_name"), str.lower)
        brands = _names(block.get("brand_name"), _brand_case)
        classes = _names(block.get("pharm_class_epc"), _without_class_tag)
        return cls(generic, tuple(b for b in brands if b.lower() not in generic), classes)

    @property
    def display(self) -> str:
        generic = ", ".join(self.generic)
        return f"{self.brands[0]} ({generic})" if self.brands else generic.capitalize()


def section_document(
    label: dict[str, Any], section: LabelSection, set_id: str, names: DrugNames
) -> Document | None:
    """The document of one section of ``label``; None when the label lacks it."""
    paragraphs = [p for text in _strings(label.get(section.field)) if (p := _paragraph(text))]
    if not paragraphs:
        return None
    pub_date = _pub_date(_first(label.get("effective_time")))
    return Document(
        id=f"openfda:{set_id}#{section.field}",
        source=Source.OPENFDA,
        title=f"{names.display}: {section.name}",
        sections=tuple(_split_heading(p, section) for p in paragraphs),
        pub_date=pub_date,
        year=int(pub_date[:4]) if pub_date else None,
        language="eng",
        url=DAILYMED + set_id,
        site=SITE,
        focus=", ".join(names.generic),
        question_type=section.question_type,
        synonyms=names.brands,
        keywords=names.classes,
    )


def _split_heading(paragraph: str, section: LabelSection) -> AbstractSection:
    """The paragraph with the section heading it opens with moved into the label."""
    match = _heading_pattern(section).match(paragraph)
    if match is None or match.end() >= len(paragraph):
        return AbstractSection(text=paragraph)
    return AbstractSection(label=match.group(0).strip(), text=paragraph[match.end() :])


@lru_cache(maxsize=len(SECTIONS))
def _heading_pattern(section: LabelSection) -> re.Pattern[str]:
    """The section's name in upper case (optionally numbered: "2 DOSAGE AND ADMINISTRATION"),
    or numbered in any case ("8.1 Pregnancy"); a titled section's heading also takes the
    upper-case words that follow ("WARNING: FETAL TOXICITY"); older labels write it in title
    case before a capitalised word ("Drug Interactions ACE-inhibitors: ...")."""
    names = sorted({section.name.upper(), *section.headings}, key=len, reverse=True)
    spelled = "|".join(re.escape(n).replace(r"\ AND\ ", r"\s+(?:AND|&)\s+") for n in names)
    caps = rf"(?::?(?:\s+{_CAPS_WORD})+)?" if section.titled else ""
    numbered = rf"\d+(?:\.\d+)*\.?\s+(?i:{spelled})"
    titled = rf"(?i:{spelled})(?=:?\s+[A-Z])"
    return re.compile(rf"(?:{_NUMBER}(?:{spelled}){caps}|{numbered}|{titled}):?\s+(?=\S)")


def _paragraph(text: str) -> str:
    return " ".join(text.split())


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _first(value: Any) -> str:
    strings = _strings(value)
    return strings[0].strip() if strings else ""


def _names(value: Any, case: Callable[[str], str]) -> tuple[str, ...]:
    names = (case(" ".join(v.split())) for v in _strings(value))
    return tuple(dict.fromkeys(n for n in names if n))


_CLASS_TAG = re.compile(r"\s*\[(?:EPC|MoA|PE|CS)\]\s*$")


def _without_class_tag(name: str) -> str:
    """``Nonsteroidal Anti-inflammatory Drug [EPC]`` → ``Nonsteroidal Anti-inflammatory Drug``."""
    return _CLASS_TAG.sub("", name)


def _brand_case(name: str) -> str:
    """``SINGULAIR`` → ``Singulair``; mixed-case brand names stay as written."""
    return name.title() if name.isupper() else name


_EFFECTIVE_TIME = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def _pub_date(effective_time: str) -> str | None:
    """``20210304`` → ``2021-03-04``; None for anything else."""
    match = _EFFECTIVE_TIME.match(effective_time)
    return "-".join(match.groups()) if match else None
