"""A fake engine for the server tests: real-looking documents and hand-built Answer records.

The documents and sentences are taken from the sample corpora (NINDS / GARD / GHR pages of
MedQuAD, PubMed records of pubmed21n1298) so the page and its screenshots look like the real thing;
one answer carries XSS payloads in every field that comes from documents or the question.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from medcite.answer.safety import banner, detect_red_flags
from medcite.errors import SourceError
from medcite.records import (
    Answer,
    BottomLine,
    Bullet,
    Citation,
    Document,
    EvidenceLevel,
    ExcludedDocument,
    Facet,
    Hit,
    IndexStats,
    Query,
    QuestionType,
    RedFlag,
    Reference,
    Section,
    Source,
)

DEMO_QUESTION = "What causes facial twitches?"
RED_FLAG_QUESTION = (
    "My face suddenly drooped on one side and my speech is slurred, what is happening?"
)
XSS_TITLE = '<script>window.__xss = "title"</script>Botulinum toxin for blepharospasm'
XSS_QUESTION = "<img src=x onerror=\"window.__xss='question'\">What causes <b>eyelid</b> twitches?"
DISCLAIMER = (
    "medcite summarises published evidence; it is not medical advice. "
    "Ask a health professional about your situation."
)
STAGES = ("understanding", "searching", "ranking", "composing")

NINDS_HFS = "http://www.ninds.nih.gov/disorders/hemifacial_spasm/hemifacial_spasm.htm"
GHR_BEB = "https://ghr.nlm.nih.gov/condition/benign-essential-blepharospasm"
GARD_BLEPH = "https://rarediseases.info.nih.gov/gard/5909/blepharospasm"

HFS_WHAT = (
    "Hemifacial spasm is a neuromuscular disorder characterized by frequent involuntary "
    "contractions (spasms) of the muscles on one side (hemi-) of the face (facial). The first "
    "symptom is usually an intermittent twitching of the eyelid muscle that can lead to forced "
    "closure of the eye. The condition may be caused by a facial nerve injury, or a tumor, or it "
    "may have no apparent cause. Most often hemifacial spasm is caused by a blood vessel pressing "
    "on the facial nerve at the place where it exits the brainstem."
)
HFS_TREAT = (
    "Surgical treatment in the form of microvascular decompression, which relieves pressure on "
    "the facial nerve, will relieve hemifacial spasm in many cases. This intervention has "
    "significant potential side-effects, so risks and benefits have to be carefully balanced. "
    "Other treatments include injections of botulinum toxin into the affected areas, which is the "
    "most effective therapy and the only one used in most cases."
)
BEB_WHAT = (
    "Benign essential blepharospasm is a condition characterized by abnormal blinking or spasms "
    "of the eyelids. This condition is a type of dystonia. Benign essential blepharospasm is "
    "different from the common, temporary eyelid twitching that can be caused by fatigue, "
    "stress, or caffeine."
)
BLEPH_WHAT = (
    "Benign essential blepharospasm is a progressive neurological disorder characterized by "
    "involuntary muscle contractions and spasms of the eyelid muscles. Most cases are treated "
    "with botulinum toxin injections."
)
TIC_SR = (
    "Acupuncture treatment alone is more effective in the treatment of TD than pharmaceutical "
    "treatment, as seen in the reduction of YGTSS scores."
)
DYSTONIA_COHORT = (
    "In a cohort of 450 patients followed in our botulinum toxin injections clinic, we identified "
    "11 (2.4%; 7 women) who developed parkinsonism at a median of 14 years after the onset of "
    "dystonia."
)


def _doc(doc_id: str, source: Source, title: str, text: str, **fields: object) -> Document:
    return Document.model_validate(
        {"id": doc_id, "source": source, "title": title, "sections": [{"text": text}], **fields}
    )


DOCUMENTS: tuple[Document, ...] = (
    _doc(
        "medquad:6_NINDS_QA/0000145#0000145-1",
        Source.MEDQUAD,
        "What is (are) Hemifacial Spasm ?",
        HFS_WHAT,
        site="NINDS",
        url=NINDS_HFS,
        focus="Hemifacial Spasm",
        question_type="information",
    ),
    _doc(
        "medquad:6_NINDS_QA/0000145#0000145-2",
        Source.MEDQUAD,
        "What are the treatments for Hemifacial Spasm ?",
        HFS_TREAT,
        site="NINDS",
        url=NINDS_HFS,
        focus="Hemifacial Spasm",
        question_type="treatment",
    ),
    _doc(
        "medquad:3_GHR_QA/0000116#0000116-1",
        Source.MEDQUAD,
        "What is (are) benign essential blepharospasm ?",
        BEB_WHAT,
        site="GHR",
        url=GHR_BEB,
        focus="benign essential blepharospasm",
    ),
    _doc(
        "medquad:2_GARD_QA/0000760#0000760-1",
        Source.MEDQUAD,
        "What is (are) Blepharospasm ?",
        BLEPH_WHAT,
        site="GARD",
        url=GARD_BLEPH,
        focus="Blepharospasm",
        synonyms=("BEB", "Benign Essential Blepharospasm"),
    ),
    _doc(
        "pmid:33989798",
        Source.PUBMED,
        "Clinical efficacy and safety of acupuncture treatment of TIC disorder in children: "
        "A systematic review and meta-analysis of 22 randomized controlled trials.",
        TIC_SR,
        pmid="33989798",
        doi="10.1016/j.ctim.2021.102734",
        journal="Complementary therapies in medicine",
        year=2021,
        authors=("Lu C", "Wu LQ", "Hao H", "Kimberly Leow X", "Xu FW"),
        publication_types=("Journal Article", "Review"),
    ),
    _doc(
        "pmid:34015516",
        Source.PUBMED,
        "Development of parkinsonism after long-standing cervical dystonia - A cohort.",
        DYSTONIA_COHORT,
        pmid="34015516",
        doi="10.1016/j.jns.2021.117477",
        journal="Journal of the neurological sciences",
        year=2021,
        authors=("Balint B", "Mulroy E", "Gövert F", "Latorre A"),
        publication_types=("Journal Article",),
    ),
    _doc(
        "pmid:34092543",
        Source.PUBMED,
        "How I do it a microsurgical neurovascular decompression for hemifacial spasm.",
        "A microsurgical neurovascular decompression for hemifacial spasm, step by step.",
        pmid="34092543",
        doi="10.1016/j.anorl.2021.01.008",
        journal="European annals of otorhinolaryngology, head and neck diseases",
        year=2021,
        authors=("Dubernard X", "Bazin A", "Kleiber JC"),
        publication_types=("Video-Audio Media",),
    ),
    _doc(
        "jsonl:xss-1",
        Source.JSONL,
        XSS_TITLE,
        "<img src=x onerror=\"window.__xss='abstract'\"> Eyelid twitching is usually harmless.",
        url="javascript:window.__xss='url'",
    ),
)
BY_ID = {d.id: d for d in DOCUMENTS}


def _query(question: str, **fields: object) -> Query:
    return Query.model_validate({"question": question, "search_text": question, **fields})


def _cite(number: int, doc_id: str, sentence: str) -> Citation:
    return Citation(number=number, document_id=doc_id, sentence=sentence)


def _bullet(text: str, *cites: tuple[int, str]) -> Bullet:
    return Bullet(text=text, citations=tuple(_cite(n, d, text) for n, d in cites))


def _quoted(text: str, *cites: tuple[int, str, str]) -> Bullet:
    """A bullet whose supporting sentences differ from its text (merged or resolved)."""
    return Bullet(text=text, citations=tuple(_cite(n, d, sentence) for n, d, sentence in cites))


def _reference(
    number: int, doc_id: str, level: EvidenceLevel, kind: str = "", notes: tuple[str, ...] = ()
) -> Reference:
    doc = BY_ID[doc_id]
    return Reference(
        kind=kind,
        notes=notes,
        number=number,
        document_id=doc.id,
        authors=doc.authors,
        title=doc.title,
        journal=doc.journal,
        year=doc.year,
        level=level,
        publication_types=doc.publication_types,
        pmid=doc.pmid,
        doi=doc.doi,
        url=doc.url,
        site=doc.site,
    )


HFS1, HFS2 = "medquad:6_NINDS_QA/0000145#0000145-1", "medquad:6_NINDS_QA/0000145#0000145-2"
BEB, BLEPH = "medquad:3_GHR_QA/0000116#0000116-1", "medquad:2_GARD_QA/0000760#0000760-1"
PATIENT_PAGE = "NIH patient information"
OLD_NOTE = "published 1979, over 25 years ago"
REFERENCES = (
    _reference(1, HFS1, EvidenceLevel.GUIDELINE, PATIENT_PAGE),
    _reference(2, BEB, EvidenceLevel.GUIDELINE, PATIENT_PAGE),
    _reference(3, BLEPH, EvidenceLevel.GUIDELINE, PATIENT_PAGE),
    _reference(4, HFS2, EvidenceLevel.GUIDELINE, PATIENT_PAGE),
    _reference(5, "pmid:33989798", EvidenceLevel.SYSTEMATIC_REVIEW, "Systematic review"),
    _reference(6, "pmid:34015516", EvidenceLevel.OBSERVATIONAL, "Observational study", (OLD_NOTE,)),
    _reference(7, "pmid:34092543", EvidenceLevel.OTHER),  # no kind: an answer logged before kinds
)
"""Reference 6's note is invented (it is from 2021): the page must show notes beside a reference."""
GUIDELINE_SECTIONS = (
    Section(
        facet=Facet.CAUSES,
        title="Causes",
        bullets=(
            _bullet(
                "Most often hemifacial spasm is caused by a blood vessel pressing on the facial "
                "nerve at the place where it exits the brainstem.",
                (1, HFS1),
            ),
            _bullet(
                "The condition may be caused by a facial nerve injury, or a tumor, or it may have "
                "no apparent cause.",
                (1, HFS1),
            ),
            _bullet(
                "Benign essential blepharospasm is different from the common, temporary eyelid "
                "twitching that can be caused by fatigue, stress, or caffeine.",
                (2, BEB),
            ),
        ),
    ),
    Section(
        facet=Facet.SYMPTOMS,
        title="Symptoms",
        bullets=(
            _bullet(
                "The first symptom is usually an intermittent twitching of the eyelid muscle that "
                "can lead to forced closure of the eye.",
                (1, HFS1),
            ),
            _quoted(
                "Blepharospasm is characterized by involuntary muscle contractions and spasms of "
                "the eyelid muscles.",
                (
                    2,
                    BEB,
                    "Benign essential blepharospasm is a condition characterized by abnormal "
                    "blinking or spasms of the eyelids.",
                ),
                (
                    3,
                    BLEPH,
                    "Benign essential blepharospasm is a progressive neurological disorder "
                    "characterized by involuntary muscle contractions and spasms of the eyelid "
                    "muscles.",
                ),
            ),
        ),
    ),
    Section(
        facet=Facet.TREATMENT,
        title="Treatment Options",
        bullets=(
            _bullet(
                "Injections of botulinum toxin into the affected areas are the most effective "
                "therapy for hemifacial spasm and the only one used in most cases.",
                (4, HFS2),
            ),
            _bullet("Most cases are treated with botulinum toxin injections.", (3, BLEPH)),
        ),
    ),
)
RESEARCH_SECTIONS = (
    Section(
        facet=Facet.TREATMENT,
        title="Treatment Options",
        bullets=(
            _bullet(TIC_SR, (5, "pmid:33989798")),
            _bullet(
                "Microvascular decompression relieves pressure on the facial nerve in hemifacial "
                "spasm.",
                (4, HFS2),
                (7, "pmid:34092543"),
            ),
        ),
    ),
    Section(
        facet=Facet.PROGNOSIS,
        title="Prognosis",
        bullets=(_bullet(DYSTONIA_COHORT, (6, "pmid:34015516")),),
    ),
)
EXCLUDED = (
    ExcludedDocument(
        document_id="pmid:34092123",
        title="Retraction of: Association of Lesion Location and Depressive Symptoms Poststroke.",
        reason="retraction notice (Retraction of Publication)",
        url="https://pubmed.ncbi.nlm.nih.gov/34092123/",
    ),
)


DETAIL_SECTIONS = (
    Section(
        facet=Facet.TREATMENT,
        title="Surgery",
        bullets=(
            _bullet(
                "Surgical treatment in the form of microvascular decompression, which relieves "
                "pressure on the facial nerve, will relieve hemifacial spasm in many cases.",
                (4, HFS2),
            ),
        ),
    ),
)
"""What the long form (``detail``) adds to the demo answer."""
BOTTOM_LINE = BottomLine(
    verdict="The sources found name these causes of facial twitches:",
    bullets=(
        _bullet(
            "Most often hemifacial spasm is caused by a blood vessel pressing on the facial "
            "nerve at the place where it exits the brainstem.",
            (1, HFS1),
        ),
        _bullet(
            "Benign essential blepharospasm is different from the common, temporary eyelid "
            "twitching that can be caused by fatigue, stress, or caffeine.",
            (2, BEB),
        ),
    ),
)


def _answer_id(question: str, usual_question: str, usual_id: str) -> str:
    """``usual_id`` for the usual question, another id for any other (32 hex, as the engine
    gives)."""
    if question == usual_question:
        return usual_id
    return hashlib.sha256(question.encode()).hexdigest()[:32]


def detail_id(answer_id: str) -> str:
    """The id of a canned answer's long form (the two forms are different answers)."""
    return hashlib.sha256(f"{answer_id} detail".encode()).hexdigest()[:32]


DEMO_ID = "2f6c1d0b9e4a47c8b1d35e0f9a6c2b71"
RED_FLAG_ID = "8d41e7aa03b54c2f9e16a7d0c3b58e42"
XSS_ID = "0a55e1c2d3b44f6a8b9c0d1e2f3a4b5c"


def _detailed(answer_id: str, detail: bool) -> str:
    return detail_id(answer_id) if detail else answer_id


def demo_answer(question: str = DEMO_QUESTION, *, detail: bool = False) -> Answer:
    return Answer(
        id=_detailed(_answer_id(question, DEMO_QUESTION, DEMO_ID), detail),
        question=question,
        query=_query(
            question,
            focus="facial twitches",
            facets=(Facet.CAUSES, Facet.SYMPTOMS, Facet.TREATMENT),
            expansions=("hemifacial spasm", "blepharospasm", "fasciculation", "myokymia"),
            question_type=QuestionType.CAUSE,
        ),
        bottom_line=BOTTOM_LINE,
        detail=detail,
        guideline_lead=(
            _bullet(
                "Hemifacial spasm is a neuromuscular disorder characterized by frequent "
                "involuntary contractions (spasms) of the muscles on one side (hemi-) of the face "
                "(facial).",
                (1, HFS1),
            ),
            _bullet(
                "Benign essential blepharospasm is a condition characterized by abnormal blinking "
                "or spasms of the eyelids.",
                (2, BEB),
            ),
        ),
        guideline_sections=GUIDELINE_SECTIONS + (DETAIL_SECTIONS if detail else ()),
        research_sections=RESEARCH_SECTIONS,
        references=REFERENCES,
        excluded=EXCLUDED,
        disclaimer=DISCLAIMER,
        searched=("local: facial twitches hemifacial spasm blepharospasm fasciculation myokymia",),
        timings_ms={"understand": 1.2, "search": 6.8, "rank": 0.9, "compose": 4.1},
        created_at=datetime(2025, 1, 15, 9, 30, tzinfo=UTC),
    )


def red_flag_answer(question: str = RED_FLAG_QUESTION) -> Answer:
    """An emergency: the red flags and banner medcite's own safety check gives the question."""
    flags = detect_red_flags(question)
    return Answer(
        id=_answer_id(question, RED_FLAG_QUESTION, RED_FLAG_ID),
        question=question,
        query=_query(question, focus="facial droop", red_flags=flags),
        banner=banner(flags),
        guideline_note="No guideline-level source in the index answers this question.",
        abstained=True,
        abstain_reason="No document in the index answers this question well enough to cite.",
        closest=(REFERENCES[0],),
        disclaimer=DISCLAIMER,
        searched=("local: facial droop slurred speech stroke",),
    )


def xss_answer(question: str = XSS_QUESTION) -> Answer:
    evil = BY_ID["jsonl:xss-1"]
    reference = Reference(
        number=1,
        document_id=evil.id,
        authors=("<b>Mallory</b>",),
        title=XSS_TITLE,
        journal="<i>Journal</i>",
        year=2020,
        level=EvidenceLevel.OTHER,
        url=evil.url,
        kind="<b>Kind</b>",
        notes=("<img src=x onerror=\"window.__xss='note'\">",),
    )
    bullet = _quoted(  # its sentence is the abstract's own payload: the page shows it in context
        "<img src=x onerror=\"window.__xss='bullet'\"> twitches", (1, evil.id, evil.abstract)
    )
    flag = RedFlag(
        kind="<b>kind</b>",
        matched="<img src=x onerror=\"window.__xss='matched'\">",
        advice="<script>window.__xss='advice'</script>",
    )
    return Answer(
        id=XSS_ID,
        question=question,
        query=_query(question, red_flags=(flag,)),
        banner='<script>window.__xss="banner"</script>Banner',
        bottom_line=BottomLine(
            verdict="<script>window.__xss='verdict'</script>Verdict",
            bullets=(_bullet("<img src=x onerror=\"window.__xss='bottom'\"> yes", (1, evil.id)),),
        ),
        guideline_lead=(_bullet("</p><script>window.__xss='lead'</script>", (1, evil.id)),),
        guideline_sections=(
            Section(facet=Facet.CAUSES, title="<em>Causes</em>", bullets=(bullet,)),
        ),
        references=(reference,),
        excluded=(
            ExcludedDocument(
                document_id="pmid:1",
                title="<iframe src=javascript:window.__xss='excluded'></iframe>",
                reason="<b>retracted</b>",
                url="javascript:window.__xss='excluded-url'",
            ),
        ),
        disclaimer=DISCLAIMER,
    )


def answer_for(question: str, detail: bool = False) -> Answer:
    """The canned answer for a question: XSS payloads, a red flag, or the demo answer."""
    if "<" in question:
        return xss_answer(question)
    if detect_red_flags(question):
        return red_flag_answer(question)
    return demo_answer(question, detail=detail)


class FakeEngine:
    """search/get/stats over DOCUMENTS; ask returns canned answers and reports its stages."""

    def __init__(self, delay: float = 0.0, fail: Exception | None = None) -> None:
        self.delay = delay
        self.fail = fail
        self.asked: list[tuple[str, str, int]] = []
        self.details: list[bool] = []
        """``detail`` of each ``ask``, in order."""
        self.given: dict[str, str] = {}
        """The JSON of every answer given, by id (what the audit log would hold)."""
        self.started = threading.Event()

    def ask(
        self,
        question: str,
        *,
        source: str = "local",
        max_refs: int = 12,
        progress: Callable[[str], None] | None = None,
        detail: bool = False,
    ) -> Answer:
        self.asked.append((question, source, max_refs))
        self.details.append(detail)
        self.started.set()
        for stage in STAGES:
            if progress is not None:
                progress(stage)
            time.sleep(self.delay / len(STAGES))
        if self.fail is not None:
            raise self.fail
        answer = answer_for(question, detail)
        self.given[answer.id] = answer.model_dump_json()
        return answer

    def logged(self, answer_id: str) -> str | None:
        """An answer given before, by its full id (``create_app(get_answer=...)``)."""
        return self.given.get(answer_id)

    def search(self, query: str, k: int = 10) -> list[Hit]:
        words = {w for w in query.lower().split() if len(w) > 3}
        found = [d for d in DOCUMENTS if words & set(f"{d.title} {d.abstract}".lower().split())]
        return [
            Hit(document=d, score=10.0 / rank, rank=rank, snippet=d.abstract[:120])
            for rank, d in enumerate(found[:k], start=1)
        ]

    def get(self, doc_id: str) -> Document | None:
        return BY_ID.get(doc_id)

    def stats(self) -> IndexStats:
        return IndexStats(
            path="/fake/index",
            schema_version=1,
            documents=len(DOCUMENTS),
            size_bytes=4096,
            by_source={"medquad": 4, "pubmed": 3, "jsonl": 1},
            by_publication_type={},
            by_year={"2021": 3},
        )


class NoProgressEngine(FakeEngine):
    """An engine whose ask has no ``progress`` parameter (the server reports stages itself)."""

    def ask(  # type: ignore[override]
        self, question: str, *, source: str = "local", max_refs: int = 12, detail: bool = False
    ) -> Answer:
        return super().ask(question, source=source, max_refs=max_refs, detail=detail)


class SearchOnlyEngine:
    """An engine from before ``ask`` existed: search, get and stats only."""

    def __init__(self) -> None:
        self._inner = FakeEngine()

    def search(self, query: str, k: int = 10) -> list[Hit]:
        return self._inner.search(query, k)

    def get(self, doc_id: str) -> Document | None:
        return self._inner.get(doc_id)

    def stats(self) -> IndexStats:
        return self._inner.stats()


def unreachable_source() -> SourceError:
    return SourceError("PubMed did not answer in 10 s; try again or use source=local")
