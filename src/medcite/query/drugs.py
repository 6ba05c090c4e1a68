"""Drug names in a question: brand → generic, offline.

The dictionary is the one shipped by ``drug-named-entity-recognition`` (MIT, Fast Data Science:
DrugBank, MeSH, MedlinePlus and NHS names, ≈107k name variants → ≈20k canonical names). Its
``find_drugs()`` is not called: importing its module loads the dictionary *and* reads
``~/.omop_cache.pkl`` and imports ``requests``; we read the same ``drug_ner_dictionary.pkl.bz2``
directly and keep a filtered lookup table.

Filters (the raw dictionary maps ordinary words to chemicals: "sits", "caps", "mops", "kendrick",
"generics", "fargo", "available generically", "ears and nose"):

* only *medicines* resolve: a canonical name with a MedlinePlus, NHS or DrugBank id (MeSH-only
  drug classes such as "diuretics" or "penicillins" do not — MeSH entry terms cover those);
  a combined canonical name ("fluticasone and salmeterol", "budesonide/formoterol") resolves to
  its ingredients when each is a medicine;
* a one-word name that is in pyspellchecker's English list resolves only when it *is* the
  generic name of a MedlinePlus/NHS medicine ("aspirin", "insulin") or is a well-known brand
  listed in :data:`ENGLISH_BRANDS` ("valium", "tylenol");
* a multi-word name made only of common English words resolves only when it contains a word of
  the generic name;
* names of three letters or fewer do not resolve (abbreviations are :mod:`abbreviations`' job).

Brands of combination products the dictionary lacks or names as one string come from
``data/drug_combinations.tsv`` and win over the dictionary. MeSH descriptor ids come from
``data/drug_mesh.tsv`` (generic name = a MeSH term of exactly one descriptor, MeSH 2021), not from
the dictionary, whose ``mesh_id`` is often the pharmacological-action class (loperamide →
Antidiarrheals; 3,747 of 8,749 differ).

Loading: the bz2 dictionary takes ≈3 s to read, so the filtered table is written once to the
user cache directory (JSON, keyed by package and table versions) and later processes load it in
well under a second. Lookups are dict reads.
"""

from __future__ import annotations

import bz2
import contextlib
import csv
import gzip
import json
import pickle
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from medcite.query.english import COMMON_MIN_FREQUENCY, english_frequency

PACKAGE = "drug-named-entity-recognition"
COMBINATIONS = "medcite combinations"
TABLE_VERSION = 2
"""Bump when the filters change: the cached table is rebuilt."""
MAX_WORDS = 6
"""Longest drug name (in words) :func:`find_drugs` tries."""
ENGLISH_BRANDS = frozenset(
    {
        "advil", "allegra", "antabuse", "benadryl", "cipro", "creon", "darvon", "dexedrine",
        "excedrin", "imodium", "librium", "metamucil", "motrin", "mycostatin", "novocaine",
        "oxycontin", "pentothal", "prozac", "quaalude", "ritalin", "robitussin", "seconal",
        "thorazine", "tylenol", "valium", "ventolin", "viagra", "zoloft", "zyrtec",
    }
)  # fmt: skip
"""Brands that are in the English word list but are unambiguous drug names."""
NOT_DRUG_NAMES = frozenset({"vitamin b", "vitamin d"})
"""Class names the dictionary narrows to one member (vitamin D → ergocalciferol): not resolved."""

_KEY_JUNK = re.compile(r"[\s\-‐‑–]+")
_COMPONENTS = re.compile(r"\s*/\s*|\s*,\s*(?:and\s+)?|\s+and\s+|\s+with\s+")
_MEDICINE_IDS = ("medline_plus_id", "nhs_url", "drugbank_id")
_HUMAN_MEDICINE_IDS = ("medline_plus_id", "nhs_url")


@dataclass(frozen=True)
class DrugName:
    """One generic drug a name in the question stands for."""

    generic: str
    """Lower-case generic (US) name: ``montelukast``."""
    mesh_id: str | None
    """MeSH DescriptorUI of the generic, when MeSH 2021 names it unambiguously."""
    brand: str | None
    """The brand as matched (lower-case key, ``zyrtec d``); None when the generic was written."""
    source: str
    """``drug-named-entity-recognition`` or ``medcite combinations``."""


@dataclass(frozen=True)
class DrugMention:
    """A drug name found in a tokenised question: words ``[start, end)``."""

    start: int
    end: int
    text: str
    """The question's words joined by spaces."""
    drugs: tuple[DrugName, ...]
    """Its generic(s): one for a single drug, several for a combination product."""


def generic_names(phrase: str) -> tuple[DrugName, ...]:
    """Generic drug(s) for a brand or generic name, case-insensitive; () for anything else.

    ``generic_names("Singulair")`` → ``(DrugName("montelukast", ..., brand="singulair", ...),)``.
    """
    key = _key(phrase)
    if not key:
        return ()
    combos = _combinations()
    if key in combos:
        return tuple(DrugName(g, _mesh_ids().get(g), key, COMBINATIONS) for g in combos[key])
    generics = _table().get(key)
    if not generics:
        return ()
    brand = None if key in {_key(g) for g in generics} else key
    return tuple(DrugName(g, _mesh_ids().get(g), brand, PACKAGE) for g in generics)


def known_medicine(key: str, names: Iterable[str]) -> bool:
    """True when a concept (MeSH id ``key``, its ``names``) is a medicine the drug tables know:
    a generic's descriptor, or a name that resolves to a generic ("ibuprofen", "Advil"). A
    chemical of MeSH alone ("mercury", "protein", "silk") is not."""
    return key in _medicine_mesh_ids() or any(generic_names(name) for name in names)


@cache
def _medicine_mesh_ids() -> frozenset[str]:
    return frozenset(_mesh_ids().values())


def find_drugs(words: Sequence[str]) -> list[DrugMention]:
    """Drug names in ``words`` (a tokenised question), longest match first, left to right."""
    mentions: list[DrugMention] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            text = " ".join(words[i : i + n])
            drugs = generic_names(text)
            if drugs:
                mentions.append(DrugMention(i, i + n, text, drugs))
                i += n
                break
        else:
            i += 1
    return mentions


@cache
def generic_words() -> frozenset[str]:
    """Every one-word generic name of the table ("oxybutynin"): the spelling corrector's drug
    lexicon (brands are left out: a typo is corrected to what the drug is, not to a brand)."""
    return frozenset(g for generics in _table().values() for g in generics if " " not in g)


def _key(text: str) -> str:
    text = text.strip().lower().replace("’", "'").strip("'\".,;:!?()[]")
    return _KEY_JUNK.sub(" ", text).strip()


@cache
def _combinations() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for brand, generics in read_tsv("drug_combinations.tsv"):
        table[_key(brand)] = generics
    return table


def ingredients(product: str) -> tuple[str, ...]:
    """The generic names of a combination product of ``data/drug_combinations.tsv`` ("lemsip" →
    acetaminophen, phenylephrine); () for a name that is none."""
    return _combinations().get(_key(product), ())


def products_containing(generic: str) -> tuple[str, ...]:
    """The combination products of ``data/drug_combinations.tsv`` that contain ``generic``
    (acetaminophen → Lemsip, NyQuil, co-codamol …), as the table spells them."""
    return tuple(brand for brand, generics in _combinations().items() if generic in generics)


def drug_classes(generic: str) -> tuple[str, ...]:
    """The names of the classes ``generic`` belongs to as patient pages write them
    (``data/drug_classes.tsv``: atorvastatin → "statins", "statin"), each class's usual name
    first; () for a drug in none."""
    return _classes().get(generic.strip().lower(), ())


def class_pattern(names: Sequence[str]) -> re.Pattern[str]:
    """Any of ``names`` (a drug's and its classes' names, :func:`drug_classes`) as whole words,
    any case, and not as part of a hyphenated compound ("Corticosteroid-binding globulin
    deficiency" names no corticosteroid)."""
    alternatives = "|".join(map(re.escape, sorted(set(names), key=len, reverse=True)))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def other_classes(generics: Sequence[str]) -> tuple[str, ...]:
    """The names of every class in the table that none of ``generics`` belongs to ("NSAIDs"
    for acetaminophen): a page on a class they share names another kind by one of these."""
    own = {n for g in generics for n in drug_classes(g)}
    return tuple(sorted({n for names in _classes().values() for n in names} - own))


@cache
def _classes() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = defaultdict(list)
    for names, generics in read_tsv("drug_classes.tsv", lower=False):
        for generic in generics:
            table[generic.lower()].extend(n.strip() for n in names.split("|") if n.strip())
    return {g: tuple(dict.fromkeys(names)) for g, names in table.items()}


def mesh_id(generic: str) -> str | None:
    """The MeSH descriptor id of a generic name (``data/drug_mesh.tsv``), or None."""
    return _mesh_ids().get(generic.lower())


@cache
def _mesh_ids() -> dict[str, str]:
    return {generic: ids[0] for generic, ids in read_tsv("drug_mesh.tsv")}


def read_tsv(name: str, lower: bool = True) -> Iterable[tuple[str, tuple[str, ...]]]:
    """The rows of the package table ``query/data/<name>``: the first column (lower-case unless
    ``lower`` is False) and the ``;``-separated values of the second; comments and blank lines
    skipped."""
    text = resources.files("medcite.query").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        left, _, right = line.partition("\t")
        values = tuple(v.strip() for v in right.split(";") if v.strip())
        if left.strip() and values:
            yield (left.strip().lower() if lower else left.strip()), values


@cache
def _table() -> Mapping[str, tuple[str, ...]]:
    """Filtered name → generic(s) table, from the user cache or built from the package."""
    version = f"{TABLE_VERSION}:{metadata.version(PACKAGE)}:{metadata.version('pyspellchecker')}"
    path = _cache_path()
    if path is not None and path.is_file():
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored["version"] == version:
                return {k: tuple(v) for k, v in stored["table"].items()}
    table = build_table(_package_dictionary())
    if path is not None:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"version": version, "table": table}), encoding="utf-8")
            tmp.replace(path)
    return table


def _cache_path() -> Path | None:
    try:
        from platformdirs import user_cache_path

        return user_cache_path("medcite") / "drug_names.json"
    except (ImportError, OSError):  # pragma: no cover - platformdirs is a dependency
        return None


def _package_dictionary() -> dict[str, Any]:
    source = resources.files("drug_named_entity_recognition").joinpath(
        "drug_ner_dictionary.pkl.bz2"
    )
    # The package's own data file, shipped in its wheel (not user input).
    data: dict[str, Any] = pickle.loads(bz2.decompress(source.read_bytes()))
    return data


def build_table(dictionary: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """The filtered lookup table from the package's raw dictionary (see the module doc)."""
    variants: Mapping[str, list[str]] = dictionary["drug_variant_to_canonical"]
    canonicals: Mapping[str, dict[str, Any]] = dictionary["drug_canonical_to_data"]

    def medicine(canonical: str, ids: tuple[str, ...] = _MEDICINE_IDS) -> bool:
        data = canonicals.get(canonical, {})
        return any(k in data for k in ids)

    @cache
    def generics(canonical: str) -> tuple[str, ...]:
        parts = [p for p in _COMPONENTS.split(canonical) if p]
        if len(parts) > 1:
            resolved = [variants.get(p, [None])[0] for p in parts]
            if all(r is not None and medicine(r) for r in resolved):
                return tuple(dict.fromkeys(r for r in resolved if r is not None))
        return (canonical,) if medicine(canonical) else ()

    table: dict[str, tuple[str, ...]] = {}
    for variant, targets in variants.items():
        key = _key(variant)
        if not targets or len(key.replace(" ", "")) <= 3:
            continue
        canonical = targets[0]
        found = generics(canonical)
        if not found or not _plausible(key, canonical, medicine(canonical, _HUMAN_MEDICINE_IDS)):
            continue
        table.setdefault(key, found)
    return table


def _plausible(key: str, canonical: str, human_medicine: bool) -> bool:
    """False for a name that is ordinary English rather than a drug (see the module doc)."""
    if key in NOT_DRUG_NAMES:
        return False
    if key in ENGLISH_BRANDS:
        return True
    words = key.split()
    if len(words) == 1:
        if english_frequency(key) == 0:
            return True
        return human_medicine and key in {canonical, canonical + "s", canonical + "es"}
    if all(english_frequency(w) >= COMMON_MIN_FREQUENCY for w in words):
        return bool(set(words) & set(_key(canonical).split()))
    return True


def write_mesh_table(mesh_terms_tsv_gz: Path, out: Path) -> int:
    """Write ``generic<TAB>DescriptorUI`` for every generic this module can return that is a
    term of exactly one MeSH descriptor (``mesh*_descriptor_terms.tsv.gz``: DescriptorUI,
    DescriptorName, TermName). Returns the number of lines written."""
    wanted = {g for gs in build_table(_package_dictionary()).values() for g in gs}
    wanted |= {g for gs in _combinations().values() for g in gs}
    found: dict[str, set[str]] = defaultdict(set)
    with gzip.open(mesh_terms_tsv_gz, "rt", encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t")
        next(rows, None)
        for ui, _name, term in rows:
            if term.lower() in wanted:
                found[term.lower()].add(ui)
    lines = sorted(f"{g}\t{next(iter(uis))}" for g, uis in found.items() if len(uis) == 1)
    header = (
        "# Generic drug name -> MeSH DescriptorUI (MeSH 2021; the name is a term of exactly one\n"
        "# descriptor). Generated by medcite.query.drugs.write_mesh_table; do not edit by hand.\n"
    )
    out.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)
