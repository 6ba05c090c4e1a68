"""Question understanding: what is asked (facets), about what (focus), in which clinical words.

``understand(question, vocabulary)`` is pure apart from vocabulary lookups. The focus is the
question with question words and facet words removed ("What causes facial twitches?" → "facial
twitches"); expansions are the clinical names of concepts found in the question's n-grams
(lay table, MeSH entry terms, MedQuAD synonyms), longest phrases first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from itertools import pairwise

from medcite.query.concepts import (
    DISEASE_TIER,
    SIGNS_PROPER_TREE,
    ExtraLookup,
    anatomy_only,
    is_sign,
    is_vaccine,
    names_a_vaccine,
    names_food,
    question_concepts,
    role,
    setting_only,
    taken_substance,
    with_body_part_pages,
    with_carer_strain,
    with_diabetes_complications,
    with_disease_complications,
    with_part_disorders,
    with_prevented_diseases,
    with_sharps_injury,
    with_substance_readings,
    with_the_pill,
    with_walking_pain,
    without_any_vaccine,
    without_mouth_readings_elsewhere,
)
from medcite.query.drugs import generic_names, ingredients
from medcite.query.english import near_english
from medcite.query.measures import BODY_CHEMICALS, asks_lowering, asks_reading, told_as_measured
from medcite.query.repair import (
    EPONYM_HEADS,
    eponym_heads,
    illness_senses,
    possessives,
    repair,
    verb_words,
    without_words_told_in_passing,
)
from medcite.query.scope import in_scope
from medcite.query.spelling import correctable, corrected, neighbours_from, suggestions
from medcite.query.vocab import Concept, Vocabulary
from medcite.records import (
    DIAGNOSTIC_TREE,
    Facet,
    Query,
    QueryConcept,
    QuestionType,
    lies_under,
    only_under,
    parent_numbers,
)
from medcite.text import message_sentences, normalise, uninverted

MAX_EXPANSIONS = 8

ALTERNATIVES = re.compile(
    r"\b(?:(?:some|any)thing (?:better|stronger|safer)|(?:ask (?:for|about)|switch to|try|"
    r"take|use|give (?:me|him|her|them)) (?:some|any)thing else|other (?:options|choices|"
    r"treatments?|medicines?|medications)|alternatives?(?! to))\b",
    re.IGNORECASE,
)
"""A request for other treatments than the one named ("is it safe to take melatonin every
night, or is there something better?"); not "a scan for something else" or "could it be
something else"."""
_PASSES_UNTREATED = re.compile(
    r"\bor (?:will|would|does|do|can|could) (?:it|they|this|that) (?:just )?(?:clear up|go away|"
    r"get better|settle|heal)(?: (?:by (?:it|them)sel(?:f|ves)|on (?:its|their) own))?\b"
    r"|\bor (?:will|would|does|do|can|could) (?:it|they|this|that) (?:just )?(?:go|pass) "
    r"(?:by (?:it|them)sel(?:f|ves)|on (?:its|their) own)\b",
    re.IGNORECASE,
)
"""Whether no treatment is needed ("does it need antibiotics, or will it clear up by
itself?"): the condition's course without one answers, as its other treatments do."""
_TOLD_AS_EFFECT = re.compile(
    r"\b(?:giving|gives|gave|causing|caused|causes|makes?|made|making) (?:me|him|her|them|us|"
    r"my|his|their)\b"
    r"|\bsince (?:i|he|she|we|they) (?:started|began)\b|\b(?:since|after) (?:starting|taking)\b",
    re.IGNORECASE,
)
"""A condition told as what a drug did ("metformin giving me awful diarrhea", "since I
started it")."""
_ASKED_AS_EFFECT = re.compile(
    r"\b(?:is (?:that|this|it) (?:from )?(?:the|my|his|her) (?:tablets?|pills?|meds?|medicines?|"
    r"medications?|drugs?|statins?)|(?:could|can|is|are|might) (?:the|my|his|her|it|this|that|"
    r"they) (?:\w+ )?(?:be )?caus\w*|(?:is|are) (?:that|this|it|they) (?:from|because of|due "
    r"to) (?:the|my|his|her) (?:\w+ ){0,2}?(?:tablets?|pills?|meds?|medicines?|medications?|"
    r"drugs?))\b",
    re.IGNORECASE,
)
"""A question whether a drug caused what is told ("Is that the tablets?", "Could the statin be
causing this?")."""


def tells_drug_effect(question: str) -> bool:
    """True when ``question`` tells a complaint as a drug's doing or asks whether it is
    (:data:`_TOLD_AS_EFFECT`, :data:`_ASKED_AS_EFFECT`): a harm of the drug is asked about."""
    return bool(_TOLD_AS_EFFECT.search(question) or _ASKED_AS_EFFECT.search(question))


def asks_alternatives(question: str) -> bool:
    """True when ``question`` asks for other treatments than the one it names
    (:data:`ALTERNATIVES`), or whether it needs any (:data:`_PASSES_UNTREATED`), of a condition
    it does not tell as the drug's doing (:data:`_TOLD_AS_EFFECT`: then "something else" is
    another drug, not another treatment of the diarrhoea)."""
    asked = ALTERNATIVES.search(question) or _PASSES_UNTREATED.search(question)
    return asked is not None and not (
        _TOLD_AS_EFFECT.search(question) or felt_since_starting(question)
    )


_TREATMENT_CHOICE = re.compile(
    r"\b(?:or|versus|vs\.?)\s+(?:an?\s+|the\s+|having\s+)?(?:surgery|operation|op|"
    r"radiotherapy|radiation|physio\w*|procedure|ablation|removal|transplant)\b|"
    r"\bchoose between\b|\b(?:choice|options?) (?:of|between|are)\b",
    re.IGNORECASE,
)


def chooses_among_treatments(question: str) -> bool:
    """True for a choice among a condition's treatments, a procedure among them ("carry on
    with the tablets, or surgery?", "choose between physio and an operation"): the
    condition's page answers with its treatments, which need not name the drug asked."""
    return bool(_TREATMENT_CHOICE.search(question))


ASKS_AGAIN = re.compile(
    r"\b(?:get|gets|catch|catches) (?:it |\w+ ){0,2}?(?:twice|again|more than once)\b"
    r"|\b(?:will|can|could|does|do|might|may) (?!(?:the |my |your )?(?:results?|tests?)\b)"
    r"(?:[a-z']+ ){1,3}?(?:ever )?come back\b"
)
"""A question whether something comes a second time ("can adults get chickenpox twice", "can
gout come back"), on lower-case text."""
ASKS_UNDONE = re.compile(r"\b(?:(?:ir)?reversib\w*|revers(?:e|ed|al)|undo(?:ne)?)\b", re.I)
"""A question whether something can be undone ("is a vasectomy reversible", "can the damage
be reversed")."""
_TO_A_PARTNER = (
    r"[^.?!]{0,40}?\b(?:to (?:my |his |her |your |our |a |the )?(?:partners?|boyfriend|"
    r"girlfriend|husband|wife|spouse|friends?|others|other people|someone|anyone|me|him|her|"
    r"them)\b|even (?:when|if|without)|through (?:sex|kissing)|by (?:kissing|sex))"
)
"""What makes "pass it on" catching, not heredity: passed to a partner or others, or even
without sores."""
_COMING_AGAIN = (
    r"(?:it|them|this|that|these) (?:\w+ )?(?:happening|coming|forming|recurring) (?:again|back)\b"
)
_STOPPED_AGAIN = rf"stop {_COMING_AGAIN}"
"""Asking how to keep a condition from coming again ("stop them recurring again"): prevention,
not treatment (:data:`FACET_CUES`, :data:`_AGAIN_KEPT_AWAY`)."""
_STOP_GETTING = r"stop (?:getting|having) (?:them|it|these|another|more|any more)"
"""Asking how to stop getting a condition ("stop having them")."""

FACET_CUES: dict[Facet, re.Pattern[str]] = {
    Facet.CAUSES: re.compile(
        r"\b(caus\w*|why (do|does|am|is|are|would|did|won'?t|can'?t|isn'?t|doesn'?t|don'?t)"
        # why a treatment is needed asks what it is for, not what causes the illness
        r"(?! (?:i|you|he|she|we|they|people|my \w+) (?:still |really |even |actually )?need)|"
        r"reasons?|triggers?|risk factors?|"
        # "what could it be?": what lies behind a complaint told, no name offered
        r"what (else )?(could|might|can) (it|this|that|these|they) be(?= *(\?|$|\.))|"
        r"etiolog\w*|what makes|where does .* come from|lead to|"
        r"how (do|does|did|can|could) (you|i|we|people|one|someone|a person) "
        r"(catch|get(?! rid)(?! (her|him|them|me|us|(my|our|the|your) \w+) to\b)|contract)|"
        r"contagious|spread(?:s|ing)?|transmi\w*|"
        rf"pass(?:es|ed|ing)? (?:it |this |that |them )?on(?={_TO_A_PARTNER}))\b"
    ),
    Facet.INHERITANCE: re.compile(
        r"\b(heredit\w*|inherit\w*|genetic(s|ally)?|genes?(?! therap)|"
        # "run in famlies": the facet is read before spelling is corrected
        # "pass it on" is heredity, unless told of a partner or of no sores (catching: causes)
        r"runs? in (the |my |our |his |her )?fam\w*|pass(ed|es)? (it |this |them )?(on|down)"
        rf"(?!{_TO_A_PARTNER})|"
        r"carriers?|familial)\b"
        r"|\bpass(ed|es|ing)? [\w' -]{1,40} (on|down) to (my |our |his |her |their )?"
        r"(child|children|kids?|baby|babies|sons?|daughters?|grandchild\w*)\b"
        r"|\b(chances?|risk|odds) (of |that )?(my |our |a )?(child|children|kids?|baby|son|"
        r"daughter)\w* (will )?(have|having|get|getting|inherit\w*)\b"
    ),
    Facet.SYMPTOMS: re.compile(
        r"\b(symptoms?|signs?|feel like|look like|how do i know|"
        r"(could|might) (this|that|it|these) be|is (this|that) (a |an )?\w+ or)\b"
    ),
    Facet.DIAGNOSIS: re.compile(
        # "just been diagnosed with X" tells how the condition was found, and asks nothing of it
        r"\b((?<!been )(?<!was )(?<!were )(?<!got )(?<!just )(?<!newly )(?<!recently )"
        r"(?<!i'm )(?<!im )diagnos\w*|tests?|testing|(get|be|getting|being) tested|detect\w*|"
        r"screen\w*|scan|"
        r"rule[sd]? (it )?out|(be|get|getting|being) (checked|examined|looked at) for|"
        r"how (do|does|did|can|could|will|would|to) (they|doctors?|the doctors?|you|one|someone)"
        r" (even )?(find out|figure out|know|check|confirm))\b"
        # what a result told means: "HPV positive but pap normal, what does that even mean"
        r"|\b(positive|negative|normal|abnormal|came back|results?|levels?|readings?)\b[^.?!]{0,60}"
        r"\bwhat (does|do|would|could) (that|this|it|these|those|they|the results?|my results?) "
        r"(even |really |actually )?mean\b"
    ),
    Facet.TREATMENT: re.compile(
        ALTERNATIVES.pattern + "|"
        r"\b(treat\w*|cure[sd]?|therap\w*|remed\w*|manag\w*|get rid of|relie\w*|"
        # not "stop them coming back", "stop having them": prevention
        rf"stop(?! {_COMING_AGAIN}| (?:getting|having) \w)|"
        r"help with|surgery|what (can|should) i (do|take)|what do (i|we) (take|use|give (him|her|"
        r"them))\b|"
        r"what (actually |really |else )?(helps|can help|will help|works)|"
        r"(anything|something|nothing) (that |which |else )?(actually |really )?(helps|can help|"
        r"will help|works)|"
        r"what (can|could|should) (he|she|they|we|you|my \w+) (have|take|use|be given) for|"
        r"calm (it |them )?down|sooth\w*|drain(ed|ing)?|removed|removal|taken out|"
        r"worth (taking|trying|using|starting|a try)|"
        # "should I take anything?": what helps
        r"(should|can|could|do|must) (i|he|she|we|they|you) (also |still )?(take|have|use|give "
        r"(him|her|them)) (anything|something)|"
        # "do I really need to use the lotion, or is combing enough?": whether a treatment is
        # needed, or a simpler one will do
        r"(?<!why )(do|does|would|will|should) (i|he|she|we|they|you) (really |actually |still |"
        r"even )?need (to )?(use|take|apply|try|give (him|her|them) |put on) (the |a |an |some |"
        r"any |this |that |my |his |her )?(\w+ )?(lotion|cream|ointment|gel|drops|spray|shampoo|"
        r"medicine|medication|meds|tablets?|pills?|antibiotics?|treatment|something|anything)|"
        r"(is|are) (just |simply )?\w+ing (it |them )?(alone |on its own )?enough|"
        # "is this something I just have to live with?": whether anything helps
        r"(have|has|need|needs|got) to (just )?live with|stuck with (it|this|that)|"
        r"(anything|something|nothing) (that )?(can|could) be done|"
        # "what kills them": what gets rid of an infestation or a germ
        r"what (actually |really |else |best )?(kills?|will kill|can kill|would kill)|"
        # what a treatment is for: "what's the point of the brown inhaler"
        r"what'?s the point (of|in)|whats the point (of|in)|what is the point (of|in))\b"
    ),
    Facet.PROGNOSIS: re.compile(
        r"\b(prognosis|outlook|life expectancy|surviv\w*|go away|recover\w*|how long|permanent|"
        r"curable|fatal|deadly|die of|(lead|leads) to death|can (you|people|someone|a person) die|"
        r"(ir)?reversible|clear(s|ed|ing)? up (by (it|them)sel(f|ves)|on "
        r"(its|their) own)|(go|goes|going|get better|settle|settles) on (its|their) own|"
        r"grow(s)? out of (it|them)|how (serious|bad|dangerous) (is|are) (it|this|that|"
        r"they|these)|"
        r"end(s|ed)? up (in|on|with|needing|being|blind|disabled|paralyzed)|"
        r"(live|lead|have) (a )?normal (life|lives|lifespan)|"
        r"get(s|ting)? worse (over time|with age|as (i|he|she|they) (get|gets) older)|"
        # whether it comes a second time ("can adults get chickenpox twice")
        + ASKS_AGAIN.pattern
        + r")\b"
    ),
    Facet.PREVENTION: re.compile(
        r"\b(prevent\w*|avoid\w*|(reduce|lower|cut) (the|my|his|her|their)? ?(risk|chances?)|"
        r"protect|keep (it |them |this |that |myself |him |her )?from (getting|coming|happening|"
        r"forming)|stop (it|them|this) from|"
        # "stop these forming again", "stop having them": another one kept away
        rf"{_STOPPED_AGAIN}|{_STOP_GETTING}|"
        # a medicine taken "just to be safe" or "as a precaution" is taken to prevent
        r"(just |simply )?to (be|stay) (safe|on the safe side)|as a precaution|"
        r"(preventive|preventative)ly|"
        r"(does ?n'?t|doesnt|do ?n'?t|dont|wo ?n'?t|wont|never) (come|comes) back|"
        r"stop (him|her|me|them|you|us|my \w+|our \w+) (from )?getting|"
        r"(happen|happens) again|"
        # "to stop getting kidney stones again": keeping it from coming back
        r"(stop|stops|avoid|prevent) (getting|having) (\w+ ){0,4}?(again|coming back)|"
        # keeping a next one away: "how do I avoid getting another", "so we never have more"
        r"(stop|stops|avoid|prevent|not|don'?t|dont|never) (getting|having|get|have|develop\w*) "
        r"(another|more|any more|anymore)\b(?! (\w+ )?(opinion|appointment|prescription|"
        r"test|scan|dose|shot|jab|vaccine|baby|child|pregnan\w*))|"
        r"(stop|keep) (it|them|this|these|that) (from )?(coming|growing|forming) back|"
        # "do I need to wash all the bedding": keeping it from spreading or coming back
        r"(wash|washing|clean|cleaning|disinfect\w*|bleach|boil|hoover|vacuum)\w* (all |the |my |"
        r"our |his |her |their |every )*(bedding|bed sheets|sheets|pillows?|pillowcases?|clothes|"
        r"clothing|towels|toys|carpets?|house|home|sofa|couch|furniture))\b"
    ),
    Facet.SEEK_CARE: re.compile(
        r"\b(when (should|to|do) (i )?(see|call|go|visit)|see a doctor|emergency|urgent|worried|"
        r"should i be concerned|serious)\b"
    ),
    Facet.SIDE_EFFECTS: re.compile(r"\b(side[- ]effects?|adverse|safe to|safety|harmful)\b"),
    # "a beer while on my meds": something taken with one's medicines
    Facet.INTERACTIONS: re.compile(
        # "stuck together with crust" holds things together: no two things taken together
        r"\b(interact\w*|(?<!stuck )(?<!glued )(?<!matted )(?<!sticking )(?<!stick )"
        r"(?<!sticks )(?<!crusted )(?<!clumped )together with|mix\w*|combine\w*)\b"
        r"|\b(with|while (on|taking)|on top of) (my|your|his|her|their|our|the)( \w+){0,2} "
        r"(meds|medications?|medicines?|pills|prescriptions?|tablets)\b"
        # "drink my coffee right after taking my levothyroxine": a food or drink with a drug
        r"|\b(drink|drinking|eat|eating)( \w+){1,3}? (right |just |soon |straight )?"
        r"(after|before|with|while) (taking|on|using)\b"
        # "does St John's wort stop the pill working": one thing undoing another
        r"|\b(stops?|make|makes|affect|affects|reduces?|cancels?( out)?)( the| my| your| her| his)?"
        r"( \w+){0,2}? (from )?(working|less effective|ineffective|not work)\b"
    ),
    # "stop it for how many days" asks how long to hold a drug, not its dose
    Facet.DOSAGE: re.compile(
        r"\b(dos(e|es|age|ing)|how (much|often)|mg)\b"
        r"|\bhow many\b(?!\s+(days|weeks|months|years)\b(?:(?!\b(take|use)\b)[^.?!])*(?:[.?!]|$))"
    ),
}
COMPANIONS: dict[Facet, tuple[Facet, ...]] = {
    Facet.OVERVIEW: (
        Facet.CAUSES,
        Facet.SYMPTOMS,
        Facet.DIAGNOSIS,
        Facet.TREATMENT,
        Facet.SEEK_CARE,
    ),
    Facet.CAUSES: (Facet.MECHANISMS, Facet.SEEK_CARE, Facet.TREATMENT),
    Facet.INHERITANCE: (Facet.CAUSES, Facet.DIAGNOSIS),
    Facet.SYMPTOMS: (Facet.DIAGNOSIS, Facet.SEEK_CARE),
    Facet.DIAGNOSIS: (Facet.SYMPTOMS,),
    Facet.TREATMENT: (Facet.SIDE_EFFECTS, Facet.SEEK_CARE),
    Facet.PROGNOSIS: (Facet.TREATMENT,),
    Facet.PREVENTION: (Facet.CAUSES,),
}
"""Facets a careful clinician adds to the ones asked ("what causes X" also gets when to seek
care and how X is treated)."""

FACET_QTYPES: dict[Facet, tuple[str, ...]] = {
    Facet.OVERVIEW: ("information",),
    Facet.CAUSES: ("causes", "inheritance", "genetic changes"),
    Facet.INHERITANCE: ("inheritance", "genetic changes"),
    Facet.SYMPTOMS: ("symptoms",),
    Facet.DIAGNOSIS: ("exams and tests",),
    Facet.TREATMENT: ("treatment",),
    Facet.PROGNOSIS: ("outlook", "complications"),
    Facet.PREVENTION: ("prevention",),
    Facet.SEEK_CARE: ("when to contact a medical professional",),
    Facet.SIDE_EFFECTS: ("side effects", "warnings", "boxed warning"),
    Facet.INTERACTIONS: ("interactions",),
    Facet.DOSAGE: ("dosage",),
}
"""MedQuAD question types that answer each facet; guideline pages of these types are boosted.
FDA drug label sections (ingest.openfda) use the same types, plus "warnings", "boxed warning"
and "interactions"."""


def page_types(query: Query) -> tuple[str, ...]:
    """The guideline-page question types that answer what ``query`` asks."""
    return tuple(t for facet in query.asked for t in FACET_QTYPES.get(facet, ()))


_QUESTION_WORDS = re.compile(
    r"\b(what|whats|what's|which|who|whom|how|why|when|where|if|is|are|was|were|am|do|does|did|can|"
    r"could|should|would|will|may|might|i|me|my|mine|we|our|you|your|it|its|they|them|there|this|"
    r"that|these|those|a|an|the|of|for|to|in|on|at|by|with|about|from|and|or|be|been|have|has|"
    r"had|get|gets|getting|go|goes|there|any|some|anything|something|please|tell|know|kind|kinds|"
    r"like|learn|more|info|information|"
    r"type|types|mean|means|common|usual|usually|often|best|way|ways|really|also|very|much|many|"
    r"happen|happens|happening|causes?|caused|causing|treat|treated|treating|treatments?|"
    r"symptoms?|signs?|cure|cured|diagnos\w*|prevent\w*|reasons?|effects?|side|help|helps|"
    r"options?|possible|thing|things|someone|person|people|patient|patients|having|take|taking|"
    r"keep|keeps|kept|see|doctor|physician|concerned|worried|normal|bad|worse|worst)\b",
    re.IGNORECASE,
)
_AUXILIARY_WORDS = "is|are|does|do|did|can|could|should|will|would|was|were|has|have|may"
_AUXILIARY = rf"({_AUXILIARY_WORDS})\b(?!['’]t\b)"
"""An auxiliary opening a yes/no question; "can't find an answer" opens a statement."""
_YES_NO = re.compile(rf"^(\w+[.:] )?{_AUXILIARY}")
_ASKS_YES_NO = re.compile(rf"^(\w+( \w+){{0,3}}[.:] )?{_AUXILIARY}")
"""A yes/no question after a subject line of up to four words ("general health. Is there ...")."""
_EFFECT = re.compile(
    r"\b(associat\w*|relat(ed|ion\w*)|link(ed)?|risks?|reduc\w*|improv\w*|increas\w*|"
    r"decreas\w*|lower\w*|prevent\w*|protect\w*|effective\w*|efficacy|efficacious|safe|"
    r"superior|inferior|better|worse|benefi\w*|outcomes?|impact|affect\w*|influenc\w*|"
    r"predict\w*|prognostic|accura\w*|useful|needed|necessary|indicated|feasible|"
    r"favou?rable|optimal|best|enhanc\w*|accelerat\w*|var(y|ies)|differ\w*|compar\w*|cause|"
    r"contribut\w*|trigger\w*|leads? to|reliev\w*|role|acceptable|alternative|reliable|"
    r"adequate|sufficient|indicative|worth|required|enabl\w*|compromis\w*|prognostication)\b"
)
_COMPARISON = re.compile(
    r"\b(evidence|efficacy|efficacious|effectiveness|versus|vs|compared (with|to)|"
    r"relationship between|association (of|between)|prevalence|incidence|"
    r"(impact|effects?) of .+ on)\b"
)


_PRODUCT_PROPERTY = re.compile(
    r"\b(colou?rs?|imprints?|markings?|shape|look like|looks like|pronounce\w*|spell\w*|"
    r"who makes|manufactur\w*|made by|schedule[ds]?|expir\w*|shelf life|stor(e|ed|age)|"
    r"strengths?|comes? in|how supplied|generic (name|version|for)|brand names?|cost|price)\b"
)
"""What a drug product looks like, is called, is made or sold as, or how it is kept."""


def asks_product_property(question: str) -> bool:
    """True for a question about a drug *product* — its colour, imprint, name, maker, legal
    schedule, strengths or storage ("what color is phenytoin", "who makes nitrofurantoin"):
    only a label or a pharmacist answers it; a study of the drug never does."""
    return bool(_PRODUCT_PROPERTY.search(question.lower()))


_REQUEST = re.compile(
    r"^(can|could|would|will) (you|someone|anyone|u)( please)? (tell|give|offer|provide|send|"
    r"explain|help|recommend|suggest|point|let|describe|share|list|direct)\b"
)
"""A polite request ("Could you offer me any information on this?"), not a yes/no question."""
_CLEAR_AUXILIARY = re.compile(r"^(is|are|does|do|can|could|should|would|will)\b(?!['’]t\b| not\b)")
"""An auxiliary that opens a question even without its question mark: a consumer's statement
may drop its subject ("Was diagnosed in May", "Have been taking it for years"), never as
"Does …" or "Could …"."""


_INVERTED = (
    r"(?:will|would|can|could|does|do|is|are|should)\s+(?:that|this|these|those|it|they|i|my|"
    r"your|the)\b"
)
_INVERTED_AFTER_CLAUSE = re.compile(
    rf"^(?:when|if|after|since|while|because|once)(?:\s+[\w'’-]+){{2,}}?\s+{_INVERTED}"
    rf"|(?:,|\s[-–—])\s*{_INVERTED}[^,]*\?$"
    rf"|,\s*(?:can|could|should)\s+i\s+(?:take|use|have|give|keep|stop|still|just)\b[^,.!?]*$"
    # a subject then asking leave, no comma: "ckd stage 4 can i still eat oranges"
    r"|^(?![^.?!]*\b(?:how|what|when|where|which|who|why|whom|whose)\b)(?:[\w'’-]+\s+){1,5}"
    r"(?:can|could|should|may)\s+i\s+(?:still\s+|also\s+|ever\s+)?(?:eat|drink|take|have|use|"
    r"give|keep|stop|do|go|get)\b"
)
"""A yes/no question after a clause: "When suffering from X will that cause swelling", "if I
stop taking it, will my eyes clear up?", "… on friday - is it alright?", and a message that
ends asking leave without its question mark ("my knee is flaring, can i take naproxen for a
few days"), or asks it straight after a short subject ("gout can i still eat oranges")."""


_OPENS_YES_NO = re.compile(rf"^\s*(?:{_AUXILIARY_WORDS}|am|might)\b", re.IGNORECASE)
"""An auxiliary opening a message's first sentence that a story follows."""


def asking_sentence(question: str) -> str | None:
    """The yes/no question of a longer message: a later one (:func:`later_yes_no`), or the
    opening one when it ends in "?" and a story follows it ("Is shingles contagious? My
    pregnant daughter wants to visit")."""
    later = later_yes_no(question)
    if later:
        return later
    first, _, rest = question.strip().partition("?")
    alone = rest.strip() and not re.search(r"[.!]", first)
    return first if alone and _OPENS_YES_NO.match(first) else None


_NEXT_QUESTION = re.compile(
    r"\s*(?:,|;|\band\b|\bbut\b|\balso\b)+\s*"
    r"(?=(?:(?:for|in|at|from|by|since|until|after|with) )?"
    r"(?:when|how|what|where|why|which|who|should|can|could|do|does|will|would|is|are)\b)",
    re.IGNORECASE,
)
"""Where a sentence goes on to ask a second question, perhaps after a preposition ("… and for
how long", "… and in what dose")."""


def yes_no_clause(sentence: str) -> str | None:
    """The yes/no question of a sentence that goes on to ask another ("is impetigo contagious
    and when can he go back to school" → "is impetigo contagious"), or None when it asks one
    thing or does not open as a yes/no question."""
    clauses = _two_clauses(sentence)
    return clauses[0] if clauses else None


def _two_clauses(sentence: str) -> tuple[str, str] | None:
    """A sentence that opens as a yes/no question and goes on to ask another, cut in two
    (:data:`_NEXT_QUESTION`); None when it asks one thing or does not open as a yes/no."""
    first, *rest = _NEXT_QUESTION.split(sentence.strip(), maxsplit=1)
    return (first, rest[0].strip()) if rest and _OPENS_YES_NO.match(first) else None


def second_yes_no(question: str) -> str | None:
    """The message with its yes/no question's first clause taken out, when that sentence goes
    on to ask a second yes/no ("… will it scar and can I swim with it?" → "… can I swim with
    it?"), so that the second is the one asked; None when it asks one thing, or goes on to
    ask no yes/no ("… and when can he go back to school")."""
    sentence = asking_sentence(question) or question
    clauses = _two_clauses(sentence)
    if clauses is None:
        return None
    rest = clauses[1]
    start = question.lower().find(sentence.strip().lower())
    if not _OPENS_YES_NO.match(rest) or start < 0:
        return None
    return f"{question[:start]}{rest}{question[start + len(sentence.strip()) :]}"


def later_yes_no(question: str) -> str | None:
    """The first yes/no question after the opening sentence of a longer message ("I drop
    peroxide into my ear … is there harm?"), or None: a sentence that ends with a question mark
    and opens with an auxiliary, or opens with one that no statement does, or asks one after a
    clause (:data:`_INVERTED_AFTER_CLAUSE`); polite requests ("Can you tell me …") are not
    yes/no questions."""
    sentences = message_sentences(question.lower())
    for i, sentence in enumerate(sentences):
        opens = i > 0 and (
            _CLEAR_AUXILIARY.match(sentence)
            or (sentence.endswith("?") and re.match(_AUXILIARY, sentence))
        )
        if (opens or _INVERTED_AFTER_CLAUSE.search(sentence)) and not _REQUEST.match(sentence):
            return sentence
    return None


_TITLED = re.compile(r"^[^:?]{3,160}: ")
"""A subject before a colon, as in a paper's title ("Anticoagulation after trauma: is it
safe?"): the yes/no question follows it."""


def evidence_question(question: str) -> bool:
    """True for a question about an effect, association or comparison ("Does X reduce Y?",
    "Is X associated with Y?", "X versus Y?", "X in children: is it safe?"): the answer is what
    the studies found, so no companion facets are added (their sections would be about X or Y
    alone, not what was asked)."""
    text = question.lower().strip()
    asks = _YES_NO.match(text) or _YES_NO.match(_TITLED.sub("", text, count=1))
    effect = _FELT.sub(" ", _KIND_OF.sub(" ", text))
    return bool(_COMPARISON.search(text) or (asks and _EFFECT.search(effect)))


_FELT = re.compile(
    r"\b(?:feel|feels|feeling|felt|getting|got|gotten) (?:a (?:bit|lot|little) |much |so much |"
    r"loads |way )?(?:better|worse)\b"
)
"""How the asker feels ("can I stop it? I feel better now"): a state told, no effect asked."""


_KIND_OF = re.compile(r"\b(different from|(the )?same (thing )?as|similar to)\b")
"""Whether one thing is another or differs from it ("is type 1 diabetes different from type
2", "is eczema the same as dermatitis") is asked of what each is, which their pages tell, not
of an effect studies measure; other effect words still make an evidence question ("is drug A
different from drug B in efficacy")."""


def detect_facets(question: str) -> tuple[tuple[Facet, ...], tuple[Facet, ...]]:
    """(facets asked, facets added as companions), in a stable order; an evidence question
    (:func:`evidence_question`) gets no companions."""
    text = question.lower()
    persists = _PERSISTS.search(text) is not None
    asked = [facet for facet, cue in FACET_CUES.items() if cue.search(_facet_text(text, facet))]
    if persists and Facet.CAUSES not in asked:
        asked.insert(0, Facet.CAUSES)
    if Facet.TREATMENT not in asked and asks_lowering(text):  # "get my cholesterol down"
        asked.append(Facet.TREATMENT)
    if asks_reading(text):  # "148/94, is that high enough to need tablets": its threshold, care
        asked.extend(f for f in (Facet.DIAGNOSIS, Facet.TREATMENT) if f not in asked)
    if Facet.TREATMENT not in asked and _FIRST_AID.search(question):  # "is it still RICE"
        asked.append(Facet.TREATMENT)
    if Facet.TREATMENT not in asked and _PASSES_UNTREATED.search(question):
        # "does it need antibiotics, or will it go on its own": whether treatment is needed
        asked.append(Facet.TREATMENT)
    if Facet.PREVENTION in asked and Facet.TREATMENT not in asked and _AGAIN_KEPT_AWAY.search(text):
        # "what stops them coming back": what keeps it away first, then what treats it
        asked.append(Facet.TREATMENT)
    if Facet.PROGNOSIS not in asked and _asks_its_course(text):
        asked.append(Facet.PROGNOSIS)
    if not asked:
        asked = [Facet.OVERVIEW]
    if evidence_question(question):
        return tuple(asked), ()
    added: list[Facet] = []
    for facet in asked:
        added.extend(f for f in COMPANIONS.get(facet, ()) if f not in asked and f not in added)
    if told_diagnosed(text):
        added = [f for f in added if f is not Facet.DIAGNOSIS]
    return tuple(asked), tuple(added)


def _asks_its_course(text: str) -> bool:
    """True when ``text`` (lower case) asks a condition's course without its words: when an
    activity can be taken up again ("when can i play again"), or whether it is normal, asked by
    someone afraid it is serious ("afraid it could be something serious; is that normal?") or
    of a complaint that goes on after an illness ("had the flu three weeks ago and I'm still
    exhausted, is that normal?")."""
    if asks_return_to(text):
        return True
    return bool(
        _NORMAL_ASKED.search(text) and (_FEARS_SERIOUS.search(text) or _LINGERS.search(text))
    )


_LINGERS = re.compile(
    r"\b(?:ago|after|since)\b[^.?!]{0,80}?\bstill\b|\bstill\b[^.?!]{0,80}?\b(?:weeks|months|"
    r"days) (?:after|since|on|later)\b"
)
"""A complaint that goes on after an illness or an event ("had flu 3 weeks ago and still
coughing", "still tired two months after glandular fever")."""
_AGAIN_KEPT_AWAY = re.compile(rf"\b{_STOPPED_AGAIN}|\b{_STOP_GETTING}\b")
"""Asking how to keep a condition from coming again (:data:`_STOPPED_AGAIN`,
:data:`_STOP_GETTING`)."""
_FEARS_SERIOUS = re.compile(r"\b(?:something|anything) (?:serious|sinister|dangerous)\b")
"""Fearing that what is told is serious in general ("scared it could be something serious"),
not a named disease: whether it mostly passes answers that fear; the course of the disease
named ("worried it's the start of dementia") would only feed it."""
_NORMAL_ASKED = re.compile(
    r"\b(?:is (?:this|that|it|he|she) (?:still )?(?:normal|usual|expected|to be expected)|"
    r"normal\s*(?:\?|or\b)|(?:^|[.?!]\s*)normal\b)"
)
"""Asking whether it is usual ("is this normal?", "Normal or should we be worried?")."""


_FIRST_AID = re.compile(r"\b(?:RICE|R\.I\.C\.E\.?|PRICE)\b|\b[Rr]est,? (?:and )?[Ii]ce\b")
"""First aid for a sprain by its acronym ("is it still RICE", written in capitals: "rice" is
a food) or its first words ("rest, ice …"): a question of treatment."""
_BACK_TO = re.compile(
    r"\b(?:when|how soon|how long (?:until|till|before)) (?:can|could|will|should) "
    r"(?:i|he|she|they|we|my \w+) (?:play|run|train|exercise|drive|work|swim|lift|dance)"
    r"(?: \w+)? again\b|\b(?:return|get back|go back) to (?:sport|play|playing|running|training|"
    r"the gym|football|netball|work)\b"
)
"""Asking when one can take up an activity again ("when can i play again"): the course of the
injury, a question of prognosis."""
_BACK_TO_ANY = re.compile(
    r"\b(?:return|get back|go back|getting back|going back) to (?:sports?|play|playing|running|"
    r"training|the gym|gym|football|netball|rugby|hockey|cricket|tennis|swimming|cycling|"
    r"lifting|exercise|exercising|work)\b"
    r"|\bwhen (?:is it|will it be) (?:safe|ok|okay|fine) (?:for (?:me|him|her|them) )?to "
    r"(?:play|run|train|exercise|drive|work|swim|lift|dance|cycle)\b"
)
"""An activity asked of in more words than :data:`_BACK_TO` reads as asking the course
("eager to get back to cricket", "when is it safe to cycle"): what is asked is when, and
how long most take to get better does not say it."""


def asks_return_to(question: str) -> bool:
    """True for a question when an activity can be taken up again (:data:`_BACK_TO`)."""
    return _BACK_TO.search(question.lower()) is not None


def asks_when_safe_again(question: str) -> bool:
    """True for a question when an activity can safely be taken up again, in any of the words
    of :data:`_BACK_TO` or :data:`_BACK_TO_ANY`."""
    text = question.lower()
    return _BACK_TO.search(text) is not None or _BACK_TO_ANY.search(text) is not None


_DIAGNOSED = re.compile(
    r"\b(?:i|he|she|we|they|my \w+(?: \w+)?)\s+(?:was|were|(?:has|have|had) been|got|am|is|"
    r"just got)\s+(?:just |newly |recently |finally |officially )?(?:diagnosed|dx'?d)\b"
    r"|\b(?:newly|recently|just) (?:diagnosed|dx'?d|dx)\b|\bdx'?d\b|\bdx(?= with\b)"
    r"|\b(?:doc|doctor|dr|gp|specialist|the tests?|the results?|my results?|biopsy|scan)\s+"
    r"(?:said|says|told me|showed|shows|confirmed)\s+(?:that\s+)?(?:i|he|she|we|my \w+)\s+"
    r"(?:have|has|had)\b",
)


def told_diagnosed(text: str) -> bool:
    """True when the question tells that the condition was already diagnosed ("newly dx
    celiac", "was diagnosed with gout", "the doctor said I have …"): how it is diagnosed is
    then no companion of what is asked (it stays when asked: "how is it diagnosed")."""
    return _DIAGNOSED.search(text) is not None


_PERSISTS = re.compile(
    r"\b(?:won'?t|wont|doesn'?t|doesnt|does not|will not|didn'?t|didnt|did not|never|not|"
    r"hasn'?t|hasnt|has not|haven'?t|havent|have not)\s+(?:go|goes|going|gone|went)"
    r"\s+away\b"
)
"""A complaint that lasts ("a metallic taste that won't go away", "it never goes away"): told
of a symptom, it asks what is behind it and what to do, not how the illness runs its course,
which "does it go away?" asks."""


def _facet_text(text: str, facet: Facet) -> str:
    """The words a facet's cue is matched against: without told amounts for a dose (see
    :func:`_without_told_amounts`), without a lasting complaint for prognosis
    (:data:`_PERSISTS`), without a diagnosis told as made for diagnosis (:data:`_DIAGNOSED`)."""
    if facet is Facet.DOSAGE:
        return _without_told_amounts(text)
    if facet is Facet.PROGNOSIS:
        return _PERSISTS.sub(" ", text)
    if facet is Facet.DIAGNOSIS:
        return _DIAGNOSED.sub(" ", text)
    return text


_TOLD_AMOUNT = re.compile(r"\b\d+(?:[.,]\d+)?\s*mg\b")
_STATEMENT = re.compile(r"[^.?!]*[.!](?=\s|$)")


def _without_told_amounts(text: str) -> str:
    """``text`` without the amounts told in its statements ("the cardiologist wants me on
    eliquis 5 mg twice a day." tells what is taken, it does not ask for a dose); an amount in
    a question, or in a message without any full stop ("can i take 800 mg ibuprofen"), stays."""
    return _STATEMENT.sub(lambda m: _TOLD_AMOUNT.sub(" ", m.group(0)), text)


_WHAT_TO_DO = re.compile(
    r"\b(what (should|can|do|must) (i|we|you) do|what to do|what do i do|how (do|can|should) "
    r"(i|we) (treat|stop|handle|deal with|get rid of|manage)|should (i|we) (go|see|call|worry))\b"
    # whether someone should be seen: "should my son see anyone about it"
    r"|\bshould (?:he|she|they|my \w+) (?:see|go to|talk to|speak to) (?:someone|somebody|anyone|"
    r"a doctor|a gp|the gp|the doctor|a specialist)\b"
    # "should she do anything about it?", "is there anything else we must do?"
    r"|\b((do|does|should|would|must) (i|we|he|she|they|you|my \w+) (need to |have to |still |"
    r"be )?(do|doing) (anything|something)|"
    r"(is there )?anything (else )?(i|we|you) (need to|should|must|have to|can) do)\b"
    r"|\b(do|does|would|will) (i|we|he|she|they|you|my \w+) need (to )?(go (to )?|see |be seen "
    r"(at|in|by) |take (him|her|them) (in )?to )?(an? |the )?(a ?& ?e|er|e\.r\.|emergency|"
    r"hospital|urgent care|walk[- ]in|doctor|gp|dr|pediatrician|paediatrician)\b"
    r"|\bshould (i|we) (take|bring) (him|her|them|my \w+) (in|to (the |a |an )?(a ?& ?e|er|"
    r"hospital|emergency|urgent care|doctor|gp))\b"
)
"""What to do, also whether to seek care ("do I need A&E", "should we take him in")."""
_COMPARE = re.compile(
    r"\b(vs\.?|versus|compared? (to|with)|comparison|difference between|different from|"
    r"better than|worse than|which (one )?(is|would be|works) (better|safer|stronger|best)|"
    r"(what'?s|whats|what is) the difference|"
    # "same as always" tells a pattern, compares nothing
    r"same (thing )?as(?! (always|usual|ever|before|last time|normal|every time))|similar to|"
    r"besides|other than|instead of|alternatives? to|"
    # "does exercise work as well as antidepressants"
    r"(work|works|help|helps|as good|as effective|as safe|as strong) as well as|"
    r"as (good|effective|safe|strong|bad) as)\b"
    r"|\b[\w-]+ or [\w-]+ (is |are )?(better|worse|safer|stronger|more effective|best)\b"
    r"|\b(is|would) it (be )?(better|safer|best) to\b[^.?!]{1,60}?\bor\b"
    r"|^\W*(should|do|can|would) (i|we|you) (use|take|try|apply|put|get|choose) [\w-]+ or [\w-]+"
    r"( for| on| after| with|\?|$)"
)
"""A comparison, including an either/or one ("is tylenol or advil better for …", "should I
use ice or heat for …"), which no yes or no answers."""
_DEFINITION = re.compile(r"^(\w+[.:] )?(what|whats|what's) (is|are|does)\b|\bwhat does .+ mean\b")
_TYPE_OF_FACET: tuple[tuple[Facet, QuestionType], ...] = (
    (Facet.SIDE_EFFECTS, QuestionType.SIDE_EFFECT),
    (Facet.CAUSES, QuestionType.CAUSE),
    (Facet.TREATMENT, QuestionType.TREATMENT),
    (Facet.PROGNOSIS, QuestionType.PROGNOSIS),
    (Facet.PREVENTION, QuestionType.PREVENTION),
    (Facet.DIAGNOSIS, QuestionType.DIAGNOSIS),
    (Facet.SYMPTOMS, QuestionType.SYMPTOMS),
)


def question_type(question: str, asked: Sequence[Facet], drug: bool = True) -> QuestionType:
    """The kind of answer ``question`` wants, first rule that applies: an interaction (two drugs
    together), a dose, a comparison ("versus", "difference between" ...), what to do, yes/no
    (opens with is/are/does/can/should ...), then the facet asked (side effect, cause,
    treatment, prognosis, prevention, diagnosis, symptoms), a definition ("what is X"), else
    general information. A dose question names a drug (``drug``): "how much urine does a
    bladder hold" asks an amount, not a dose."""
    text = question.lower().strip()
    rules: tuple[tuple[bool, QuestionType], ...] = (
        (Facet.INTERACTIONS in asked, QuestionType.INTERACTION),
        (Facet.DOSAGE in asked and drug, QuestionType.DOSE),
        (bool(_COMPARE.search(text)), QuestionType.COMPARISON),
        (bool(_WHAT_TO_DO.search(text)), QuestionType.WHAT_TO_DO),
        (bool(_ASKS_YES_NO.match(text) or later_yes_no(text)), QuestionType.YES_NO),
        *((facet in asked, kind) for facet, kind in _TYPE_OF_FACET),
        (bool(_DEFINITION.search(text)), QuestionType.DEFINITION),
    )
    return next((kind for applies, kind in rules if applies), QuestionType.INFORMATION)


_COMBINING = re.compile(r"\b(with|together|plus|while (on|taking|using)|mix\w*|combin\w*)\b")
_COMBINED_BEFORE = re.compile(
    r"\b(with|along with|plus|while (on|taking|using)|on top of)\s+(my|the|your|his|her|their)?\s*$"
)
"""Words just before the first drug that join it to the next ("while on lisinopril, can I take
ibuprofen")."""
_THEN_TAKE = re.compile(
    r"[^.?!]*\b(?:and|&|plus)\s+(?:also\s+|then\s+)?(?:take|taking|use|using|give|giving)\s+"
    r"(?:my\s+|the\s+|some\s+|an?\s+)?$"
)
"""A second drug added in the same breath: "rub voltaren gel on my knees and also take"."""
_TAKING = re.compile(r"\b(take|taking|use|using|give|giving)\b")
_AND_ONLY = re.compile(r"\s*(?:,\s*)?(?:and|&|\+|plus)(?:\s+also)?\s*")
_DOSE_WORDS = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|g|ml|iu|units?)?\b|\b(?:mg|mcg|ml|daily|a day|once|twice|"
    r"tablets?|pills?|caps(?:ules)?)\b",
    re.IGNORECASE,
)
"""Amounts told beside a drug ("lisinopril 10mg and metformin"): no words between the two."""


_ADULTERATED = re.compile(r"\b(laced|cut|spiked|tainted|contaminated|adulterated)\s+with\b")
"""A drug sold or found containing another ("heroin laced with fentanyl") is one product whose
harms are asked, not two medicines someone combines."""


def _combines_drugs(
    question: str, concepts: Sequence[QueryConcept], fixes: Mapping[str, str]
) -> bool:
    """True when the question names two or more drugs joined by the words between them ("Can I
    take ibuprofen with lisinopril?", "take X and Y", :func:`_between_drugs`), or said to be
    taken together ("X and Y together", "at the same time"), or named as a pair ("Lithium and
    ibuprofen.") in a question about taking them: an interaction question. A comparison ("the
    difference between X and Y") or an adulterated drug ("X laced with Y") is not one, nor a
    product named with its own ingredient ("sent home with co-codamol, is codeine ok while
    breastfeeding"), unless the two are told as taken together."""
    topics = [c for c in concepts if c.drug and c.role == "topic" and not _measured_only(c)]
    drugs = {c.combination or c.key for c in topics}
    text = question.lower()
    if len(drugs) < 2 or _COMPARE.search(text) or _ADULTERATED.search(text):
        return False
    if re.search(
        r"\b(together|at the same time|compatible)\b|\b(take|taking|have|having|use|using|on|mix|"
        r"mixing|give|giving) (them )?both\b",
        text,
    ):
        return True
    between = _between_drugs(_spelled(text, fixes), concepts)
    held = any(not c.combination and _held_by(c, topics) for c in topics)
    if held and not any(_INGREDIENT_JOINED.search(gap) for _lead, gap in between):
        return False  # a product and its own ingredient, with no word between joining them
    if any(_joined(lead, gap) for lead, gap in between) or _on_one_asks_another(
        _phrases_fixed(text, fixes), concepts
    ):
        return True
    # "Lithium and ibuprofen. ... is it ok to take advil": a pair named as such, then taking;
    # not two of one family ("lantus and novorapid"): a regimen, not a combination asked about
    paired = any(_AND_ONLY.fullmatch(_DOSE_WORDS.sub(" ", gap)) for _lead, gap in between)
    if not paired or _one_family([c for c in concepts if c.drug and c.role == "topic"]):
        return False
    return _TAKING_OR_SAFE.search(_TAKEN_ALONG.sub(" ", text)) is not None


MEASURED_ONLY_TREES = ("D12.776.124.400",)
"""MeSH Hemoglobins: chemicals a blood test measures (haemoglobin, HbA1c), never taken."""


def _measured_only(concept: QueryConcept) -> bool:
    """True for a chemical only measured, never taken (:data:`MEASURED_ONLY_TREES`): "my A1C
    on metformin" combines no two drugs."""
    return any(n.startswith(MEASURED_ONLY_TREES) for n in concept.tree_numbers)


_INGREDIENT_JOINED = re.compile(r"\b(?:and|with|plus|also|then|on top of|as well as)\b")
"""Words between a product and its own ingredient that tell both taken ("lemsip with
tylenol", "co-codamol and codeine linctus")."""


def _held_by(drug: QueryConcept, topics: Sequence[QueryConcept]) -> bool:
    """True when ``drug`` is an ingredient of a combination product among ``topics`` (codeine of
    co-codamol, "codeine and acetaminophen")."""
    name = drug.name.lower()
    return any(name in ingredients(c.combination) for c in topics if c.combination)


FAMILY_DEPTH = 5
"""Tree-number parts two drugs share when they are kinds of one family ("Insulins",
D06.472.699.587.200: a long- and a short-acting insulin)."""


def _one_family(drugs: Sequence[QueryConcept]) -> bool:
    """True when every two of ``drugs`` share a MeSH tree branch :data:`FAMILY_DEPTH` parts
    deep: kinds of one medicine taken as one regimen."""
    branches = [
        {
            ".".join(n.split(".")[:FAMILY_DEPTH])
            for n in c.tree_numbers
            if n.count(".") >= FAMILY_DEPTH - 1
        }
        for c in drugs
    ]
    return len(branches) >= 2 and all(a & b for a, b in pairwise(branches))


_ON_A_DRUG = re.compile(
    # not a reaction told for whenever it is taken ("a rash every time I swallow one")
    r"(?<!whenever )(?<!when )(?<!time )(?<!after )"
    r"\b(?:i|im|i'm|i am|he|she|he's|she's|hes|shes|we|they|and)\s+(?:\w+\s+){0,2}?"
    r"(?:take|takes|taking|took|use|uses|using|on)\s+(?:my\s+|a\s+|an\s+|the\s+|his\s+|her\s+)?"
    r"(?:\w+\s+){0,2}?$"
    # a message opening with the drug just started: "just started methotrexate for RA, …"
    r"|^\W*(?:just\s+|recently\s+)?(?:started|starting|began)\s+(?:on\s+)?(?:my\s+|a\s+|the\s+)?$"
)
"""Words before a drug the asker (or the person asked about) is on: "I take", "im on a baby"."""
_ASKS_TO_ADD = re.compile(
    r"\b(?:safe|ok|okay|alright|(?:can|should|may|could) (?:i|he|she|we|they|(?:my|our) \w+))\b"
    r"(?:\s+\w+){0,4}?\s+"
    r"(?:take|taking|use|using|have|give|giving|start|add)\b(?:\s+\w+){0,3}?\s*$"
    r"|\b(?:am i|are we|is (?:he|she)|are they) (?:still )?allowed(?:\s+\w+){0,3}?\s*$"
)
"""Words before a drug asked to be taken: "is it safe to keep taking my", "can i take", "could
my mum have"."""
_CARRIED = re.compile(
    r"\s+(?:\w+\s+)?(?:in|into)\s+(?:my|the|a|our|his|her|your)\s+(?:hand\s+|carry-?on\s+|"
    r"checked\s+)?(?:luggage|baggage|bags?|suitcase|case|carry-?on)\b|\s+(?:on|onto)\s+"
    r"(?:the|a)\s+(?:plane|flight|aircraft|cruise|ship)\b|\s+(?:abroad|overseas|through "
    r"(?:airport )?security)\b",
    re.IGNORECASE,
)
"""Words after a drug "taken" along, not taken as a dose: "can I take insulin in my hand
luggage", "take my inhaler on the plane"."""
_TAKEN_ALONG = re.compile(rf"\b(?:take|taking)\s+(?:\w+\s+){{0,2}}?\w+(?={_CARRIED.pattern})", re.I)
"""A drug taken along on a journey ("take insulin in my hand luggage"): carrying it."""


def tells_being_on(question: str, drug: QueryConcept) -> bool:
    """True when ``question`` tells someone is on ``drug`` ("I'm on amoxicillin", "she takes
    sertraline"), by the words before one of its mentions (:data:`_ON_A_DRUG`)."""
    if not drug.matched:
        return False
    text = question.lower()
    leads = (
        text[_sentence_start(text, m.start()) : m.start()]
        for m in re.finditer(_as_written(drug.matched), text)
    )
    # "can I take ibuprofen" asks whether to, it does not tell someone is on it
    return any(_ON_A_DRUG.search(lead) and not _ASKS_TO_ADD.search(lead) for lead in leads)


def _on_one_asks_another(text: str, concepts: Sequence[QueryConcept]) -> bool:
    """True when the asker tells a drug they are on ("I take Plavix every day", "im on plavix")
    and asks whether another may be taken ("is it safe to keep taking my fish oil"): whether
    the two go together, in whichever sentence each is named."""
    on: set[str] = set()
    asked: set[str] = set()
    for start, end, key in _drug_mentions(text, concepts):
        lead = text[_sentence_start(text, start) : start]
        if _ON_A_DRUG.search(lead):
            on.add(key)
        if _ASKS_TO_ADD.search(lead) and not _CARRIED.match(text, end):
            asked.add(key)
    return bool(on and asked and (on | asked) - (on & asked) and len(on | asked) >= 2)


def _told_topics(concepts: Sequence[QueryConcept]) -> list[QueryConcept]:
    """The topics the question names in words of its own (a topic concept with matched words):
    what the rules that read the question's wording can find in it."""
    return [c for c in concepts if c.role == "topic" and c.matched]


def _drug_mentions(text: str, concepts: Sequence[QueryConcept]) -> list[tuple[int, int, str]]:
    """Where ``text`` names each drug topic: (start, end, the drug's or its product's key), in
    order."""
    return sorted(
        (m.start(), m.end(), c.combination or c.key)
        for c in _told_topics(concepts)
        if c.drug
        for m in re.finditer(_as_written(c.matched), text)
    )


def _as_written(matched: str) -> str:
    """A pattern for a concept's matched words as the question may write them: each word
    perhaps with a plural or possessive ending the match dropped ("shingle vaccine" in
    "shingles vaccine")."""
    return r"\b" + r"\W+".join(rf"{re.escape(w)}(?:'?s|es)?" for w in matched.split())


def _sentence_start(text: str, index: int) -> int:
    """Where the sentence (or line) holding ``text[index]`` starts."""
    return max(text.rfind(mark, 0, index) for mark in ".?!\n") + 1


def _joined(lead: str, gap: str) -> bool:
    """True when the words between two drugs (``gap``), or those just before the first one
    (``lead``, from the start of its sentence), join them: "ibuprofen with lisinopril", "while
    on X, Y", or only "and" between them with a verb of taking in the sentence ("can you take
    tamsulosin and ciprofloxacin"). "and" elsewhere joins nothing ("my ferritin was 8 and I'm
    taking ferrous sulfate"), nor does "or" ("excedrin or advil"): those are listed, not
    combined."""
    if _COMBINING.search(gap) or _COMBINED_BEFORE.search(lead) or _THEN_TAKE.match(gap):
        return True
    return bool(_AND_ONLY.fullmatch(_DOSE_WORDS.sub(" ", gap))) and bool(_TAKING.search(lead + gap))


def weighs_options(question: str) -> bool:
    """True when the question weighs its drugs against each other ("whats the difference and
    which one is better", "X or Y"): it asks which to choose, even where the two are read
    as taken together."""
    text = question.lower()
    return bool(_COMPARE.search(text) or _OPTIONS.search(text))


_OPTIONS = re.compile(
    r"\bwhich (one )?(is |would be |works )?(better|safer|stronger|best)\b"
    r"|\b(what'?s|whats|what is) the difference\b"
)


_TAKING_OR_SAFE = re.compile(
    r"\b(?:is (?:it|that|this)|are (?:they|these)|it'?s|would it be)\s+(?:\w+\s+)?(?:ok|okay|safe|"
    r"alright|fine)\b|\b(?:can|could|may|should|do)\s+(?:i|he|she|we|they|you)\s+(?:\w+\s+)?"
    r"(?:take|use|have|give)\b|\b(?:ok|okay|safe|alright|fine) to (?:\w+ )?(?:take|use|have|give)\b"
    r"|\b(?:ok|okay|safe|alright|fine)\W*$"
)
"""Asking leave to take what was named ("is it ok to take advil", "can I have both", "X and Y
ok?"); not asking when to start a pack or whether to keep taking everything."""


MAX_JOINING_CHARS = 60
"""How far apart two drug names may be and still be joined by a word between them ("ibuprofen
with lisinopril", "tamsulosin and ciprofloxacin")."""


def _between_drugs(text: str, concepts: Sequence[QueryConcept]) -> list[tuple[str, str]]:
    """For each two mentions of different drugs at most :data:`MAX_JOINING_CHARS` apart, the
    words of their sentence before the first (so that the verb of taking before it counts: "can
    i take X and Y") and the words between the two: a "with" elsewhere ("grabbed the rack with
    my hand") joins nothing. ``text`` is the question with its spelling fixes, as the concepts
    name it."""
    parts: list[tuple[str, str]] = []
    for (start, end, key), (next_start, _end, other) in pairwise(_drug_mentions(text, concepts)):
        if key != other and next_start - end <= MAX_JOINING_CHARS:
            parts.append((text[_sentence_start(text, start) : start], text[end:next_start]))
    return parts


def _without_dose(
    asked: tuple[Facet, ...], added: tuple[Facet, ...]
) -> tuple[tuple[Facet, ...], tuple[Facet, ...]]:
    """ "How much urine does a bladder hold?" asks an amount, not a drug's dose: no dosage facet
    without a drug."""
    kept = tuple(f for f in asked if f is not Facet.DOSAGE) or (Facet.OVERVIEW,)
    return kept, added


_STARTED_THEN = re.compile(
    r"\b(?:started|began|starting|put on|switched to|moved (?:up )?to|went up (?:to|on)|upped|"
    r"increased)\b[^.?!]{0,80}?\band (?:now |since then |since |now that )?(?:i|i'?ve|ive|i'?m|im|"
    r"he|she|they|he'?s|she'?s|(?:my|his|her) \w+)(?: \w+)? (?:feel\w*|have|has|get|gets|got|am|"
    r"is|are|can'?t|cant|keep|been)\b"
    r"|\b(?:started|began|put (?:me|him|her|them|(?:my|his|her|our|their) \w+) on|put on|"
    r"switched to)\b[^?!]{0,160}?"
    r"\bever since\b",
    re.IGNORECASE,
)
"""A complaint told after a drug was started or raised ("started X 2 weeks ago and I feel
worse", "since the dose went up and she has", "they put me on X. I've had a cough ever
since")."""
_ASKS_IF_EXPECTED = re.compile(
    r"\b(?:is (?:this|that|it) (?:\w+ )?(?:normal|expected|common|usual|ok|okay)|should (?:i|he|"
    r"she|we) (?:stop|come off|keep (?:taking|going))|(?:does|will|would) (?:this|that|it) "
    r"(?:\w+ )?(?:go away|pass|settle|wear off|get better)|side[- ]?effects?|(?:can|could) (?:i|he|"
    r"she|we) (?:just )?(?:stop|come off)|(?:do|will|must) (?:i|he|she|we) (?:just )?(?:have to )?"
    r"put up with)\b",
    re.IGNORECASE,
)
"""Asking whether what is felt is to be expected, will pass, means stopping or has to be
borne."""


def felt_since_starting(question: str) -> bool:
    """True when the question tells a complaint since a drug was started or raised and asks
    whether it is to be expected, will pass or means stopping ("started X two weeks ago and I
    feel more on edge, is this normal or should I stop"): the drug's side effects are asked,
    before the condition it treats."""
    told = _STARTED_THEN.search(question) or _TOLD_AS_EFFECT.search(question)
    asks = _ASKS_IF_EXPECTED.search(question) or _ASKED_AS_EFFECT.search(question)
    return bool(told and asks)


def _drug_facets(
    question: str,
    concepts: Sequence[QueryConcept],
    fixes: Mapping[str, str],
    facets: tuple[tuple[Facet, ...], tuple[Facet, ...]],
) -> tuple[tuple[Facet, ...], tuple[Facet, ...]]:
    """``facets`` (asked, added) with what the question's drugs make it ask: their interaction
    when it combines them, their side effects when it tells a complaint since one was
    started."""
    if _combines_drugs(question, concepts, fixes):
        return _interaction_facets(*facets)
    if any(c.drug for c in concepts) and (
        felt_since_starting(question) or _drug_named_complaint(question, concepts, fixes)
    ):
        return _effect_facets(*facets)
    return facets


def _drug_named_complaint(
    question: str, concepts: Sequence[QueryConcept], fixes: Mapping[str, str]
) -> bool:
    """True when a complaint is named by the drug that brings it ("this lisinopril cough", "my
    statin aches"): the drug's side effect is asked about, not the complaint in
    general."""
    text = _as_fixed(question, fixes)
    drugs = [c.matched for c in concepts if c.drug and c.matched]
    signs = [c.matched for c in concepts if c.matched and not c.drug and is_sign(c)]
    return any(
        re.search(rf"\b{re.escape(drug)}\s+{re.escape(sign)}\b", text)
        for drug in drugs
        for sign in signs
    )


def _effect_facets(
    asked: tuple[Facet, ...], added: tuple[Facet, ...]
) -> tuple[tuple[Facet, ...], tuple[Facet, ...]]:
    """Side effects first; the complaint told is the drug's doing, so neither the symptoms nor
    the diagnosis of a disease is asked, nor, unless asked, its treatment (what treats
    migraine does not say whether a tablet's headaches pass)."""
    kept = [f for f in asked if f not in (Facet.SIDE_EFFECTS, Facet.SYMPTOMS, Facet.DIAGNOSIS)]
    asked = (Facet.SIDE_EFFECTS, *kept)
    unasked = (Facet.DIAGNOSIS, Facet.TREATMENT)
    return asked, tuple(f for f in added if f not in asked and f not in unasked)


def _interaction_facets(
    asked: tuple[Facet, ...], added: tuple[Facet, ...]
) -> tuple[tuple[Facet, ...], tuple[Facet, ...]]:
    kept = tuple(f for f in asked if f is not Facet.OVERVIEW)
    asked = (Facet.INTERACTIONS, *(f for f in kept if f is not Facet.INTERACTIONS))
    extra = (Facet.SIDE_EFFECTS, Facet.SEEK_CARE)
    return asked, tuple(f for f in extra if f not in asked)


_NUMBERED = re.compile(r"\d+|i{1,3}|iv|v|a|b|c", re.IGNORECASE)


def _numbered(word: str, after: list[str]) -> bool:
    """True for "type" before its number or letter ("type 1 diabetes", "type II", "type A"):
    part of a name, not a question word."""
    return word.lower() in {"type", "types"} and bool(after) and bool(_NUMBERED.fullmatch(after[0]))


def _name_pairs(words: Sequence[str], i: int, gone: Collection[int]) -> list[str]:
    """The two-word phrases the question word ``words[i]`` may complete or begin; it begins
    none with another question word ("side effects" is no name to keep)."""
    before = [normalise(f"{words[i - 1]} {words[i]}")] if i > 0 else []
    begins = i + 1 < len(words) and i + 1 not in gone
    return before + ([normalise(f"{words[i]} {words[i + 1]}")] if begins else [])


MAX_BRIDGED = 2
"""At most this many question words inside a name ("ringing in the ears")."""


def _bridged_names(words: Sequence[str], i: int, gone: Collection[int]) -> list[str]:
    """The name the question word ``words[i]`` may sit inside, between two kept words, with at
    most :data:`MAX_BRIDGED` question words in a row there ("shortness of breath", "loss of
    appetite", "ringing in the ears")."""
    start, end = i, i
    while start - 1 in gone:
        start -= 1
    while end + 1 in gone:
        end += 1
    if start == 0 or end + 1 >= len(words) or end - start + 1 > MAX_BRIDGED:
        return []
    return [normalise(" ".join(words[start - 1 : end + 2]))]


def extract_focus(question: str, names: Callable[[list[str]], set[str]] | None = None) -> str:
    """The question minus question and facet words: the condition or drug asked about.

    With ``names`` (which of these normalised phrases are vocabulary terms?) a question word
    that completes a name with the word before it ("vitamin a", "hepatitis a") or begins one
    with the word after it ("common cold") stays."""
    words = re.findall(r"[\w'’-]+", question)
    dropped = [
        i
        for i, w in enumerate(words)
        if _QUESTION_WORDS.fullmatch(w) and not _numbered(w, words[i + 1 : i + 2])
    ]
    gone = set(dropped)
    pairs = {i: _name_pairs(words, i, gone) + _bridged_names(words, i, gone) for i in dropped}
    phrases = [p for found in pairs.values() for p in found]
    known = names(phrases) if names is not None and phrases else set()
    named = {i for i, found in pairs.items() if known.intersection(found)}
    kept = [w for i, w in enumerate(words) if i not in dropped or i in named]
    return " ".join(kept).strip(" -'")


def across_sentences(phrase: str, question: str) -> bool:
    """True when the words of ``phrase`` (a concept's words as matched) follow each other in
    ``question`` only across the end of a sentence ("… eating and drinking. Is this a water
    infection?" names no drinking water); False when they stand in one sentence, or when they
    are not found as written (spelling corrected, singular for plural)."""
    return _only_across(phrase, question, r"\b{}", r"[^.?!;]*?", r"[\s\S]*?")


MIN_PHRASE_WORDS = 2


def _only_across(phrase: str, question: str, word: str, together: str, across: str) -> bool:
    """True when the words of ``phrase`` (each written as ``word``, a pattern with ``{}`` for
    the escaped word) follow each other in ``question`` only with ``across`` between them,
    never with ``together``; False for a phrase of one word."""
    said = phrase.split()
    if len(said) < MIN_PHRASE_WORDS:
        return False
    words = [word.format(re.escape(w)) for w in said]
    if re.search(together.join(words), question, re.IGNORECASE):
        return False
    return bool(re.search(across.join(words), question, re.IGNORECASE))


def _apart(question: str, fixes: Mapping[str, str]) -> Callable[[str], bool]:
    """Whether a phrase's words stand only across sentences of ``question``
    (:func:`across_sentences`); a phrase the repairs wrote ("parkinsons" → "parkinson
    disease") is one, wherever its words stand ("… has parkinsons … is it the disease?")."""
    written = set(fixes.values())
    compared = bool(_COMPARING.search(question))
    return lambda phrase: (
        phrase not in written
        and (across_sentences(phrase, question) or (compared and across_sides(phrase, question)))
    )


_COMPARING = re.compile(
    r"\b(?:difference|differences|differ|compared?|comparison|versus|vs)\b", re.I
)
"""A question comparing two things: the words before and after its "and" are two sides."""


def across_sides(phrase: str, question: str) -> bool:
    """True when the words of ``phrase`` follow each other in ``question`` only across an
    "and", "or" or "vs" ("how do gout and arthritis differ" names no "gout arthritis"); written
    together they are one name."""
    sides = r"\W+(?:and|or|vs\.?|versus|&)\W+(?:the\W+|an?\W+)?"
    return _only_across(phrase, question, r"\b{}\w*(?:'s|’s|s')?", r"\W+", sides)


def _expansions(concepts: Sequence[QueryConcept], focus_norm: str) -> tuple[str, ...]:
    """Clinical names of the concepts the question names (longest match, so "fever" never
    brings "Q fever"), topics before qualifiers; the focus itself is not repeated."""
    names: dict[str, None] = {}
    for concept in sorted(concepts, key=lambda c: c.role != "topic"):
        if concept.role not in UNUSED_ROLES and normalise(concept.name) != focus_norm:
            names.setdefault(concept.name.lower(), None)
    return tuple(names)[:MAX_EXPANSIONS]


def understand(
    question: str,
    vocabulary: Vocabulary,
    known: Callable[[str], bool] | None = None,
    extra: Sequence[ExtraLookup] = (),
    drug_words: Collection[str] = frozenset(),
    *,
    frequency: Callable[[str], int] | None = None,
) -> Query:
    """Facets, focus, clinical expansions and the search text for ``question``.

    With ``known`` (does a word occur in the index?) misspelt clinical words of the focus are
    corrected before the vocabulary lookup (:mod:`medcite.query.spelling`), so "Antiphosoholipid
    Syndrome" expands to "antiphospholipid syndrome"; ``drug_words`` (generic drug names) join
    the vocabulary's words as correction targets ("Montelucast" → montelukast); ``frequency``
    (in how many indexed documents a word occurs) lets a rare word one edit from a far more
    frequent vocabulary word be read as its misspelling.
    """
    asked, added = detect_facets(question)
    plain, fixes = illness_senses(question)
    named = without_words_told_in_passing(plain)
    idioms_read = bool(fixes)
    focus = extract_focus(named, _term_finder(vocabulary) if vocabulary.loaded else None)
    focus_words = normalise(focus).split()
    if vocabulary.loaded:
        repaired = repair(
            focus_words,
            vocabulary.lookup,
            vocabulary.word_counts,
            drop=verb_words(question),
            possessive=possessives(focus),
        )
        focus_words, shots = shots_as_vaccines(repaired.words, vocabulary.lookup)
        fixes = fixes | repaired.changes | shots
    neighbours = neighbours_from(vocabulary.words_beginning, drug_words)
    if known is not None and vocabulary.loaded:
        lexicon = _with_words(vocabulary.word_counts, drug_words)
        keep = {p for lookup in extra for p in lookup(focus_words)}
        focus_words, spelled = corrected(
            focus_words,
            lexicon,
            known,
            neighbours,
            keep,
            frequency=frequency,
            terms=lambda phrases: vocabulary.by_phrase(phrases).keys(),
            drug_name=_drug_name(extra, drug_words, vocabulary),
            brand_name=brand_name,
        )
        focus_words, headed = _mended_eponyms(focus_words, spelled, focus, vocabulary)
        fixes |= spelled | headed
    concepts = question_concepts(focus_words, vocabulary, extra, apart=_apart(question, fixes))
    # a substance told only as context ("how much water … to stop getting kidney stones")
    # makes no dose question of one on the condition
    drug = any(c.drug and c.role == "topic" for c in concepts)
    if Facet.DOSAGE in asked and not drug and vocabulary.loaded:
        asked, added = _without_dose(asked, added)
    unknown = (
        _unknown_terms(focus_words, concepts, vocabulary, known, question)
        if known is not None
        else ()
    )
    concepts = _heads_of_unknown_names(unknown, focus_words, concepts)
    concepts = _across_coordinators(plain, concepts)
    concepts = _negated(_renamed(plain, fixes), concepts)
    concepts = _as_told(plain, _denied_parts(plain, concepts))
    concepts = _class_predicates(question, concepts)
    concepts = _salt_forms(focus_words, concepts)
    concepts = _ingredients(question, concepts)
    concepts = _facet_named(concepts, asked)
    concepts = _sensed_like(_descriptions(question, concepts, fixes), question, fixes)
    concepts = _cancer_feared(question, _guesses(question, concepts, fixes), fixes)
    concepts = _told_as_context(question, concepts, fixes, asked)
    concepts = _measured_beside_a_condition(question, concepts, fixes, vocabulary)
    concepts = _belly_cramps(plain, _signs_of_disease(question, _signs_of_injury(concepts), fixes))
    concepts = _prevented_accidents(
        question,
        with_part_disorders(
            question,
            with_body_part_pages(without_mouth_readings_elsewhere(concepts), vocabulary),
            vocabulary,
        ),
    )
    concepts = with_sharps_injury(
        question,
        with_disease_complications(
            question, with_diabetes_complications(concepts, vocabulary), vocabulary
        ),
        vocabulary,
    )
    concepts = with_the_pill(
        question,
        with_carer_strain(question, with_walking_pain(question, concepts, vocabulary), vocabulary),
        vocabulary,
    )
    concepts = _subject_topics(question, concepts, fixes)
    concepts = _likened(
        question, with_prevented_diseases(without_any_vaccine(concepts), vocabulary), fixes
    )
    concepts = with_substance_readings(concepts, vocabulary)
    concepts = _with_page_names(concepts, vocabulary)
    asked, added = _drug_facets(question, concepts, fixes, (asked, added))
    concepts = _vaccine_as_occasion(concepts, asked)
    expansions = _expansions(concepts, normalise(focus))
    search_text = " ".join([focus, *fixes.values(), *expansions]) if focus else question
    query = Query(
        question=question,
        focus=focus or None,
        facets=asked + added,
        asked=asked,
        expansions=expansions,
        search_text=search_text,
        in_scope=not vocabulary.loaded or in_scope(plain, concepts, asked, idioms_read),
        concepts=concepts,
        vocabulary_read=vocabulary.loaded,
        corrections=fixes,
        question_type=question_type(question, asked, drug),
        unknown_terms=unknown,
        suggestions={t: near for t in unknown if (near := suggestions(t, neighbours))},
    )
    return _with_prevention(_with_seek_care(_with_drug_companions(query)))


def _vaccine_as_occasion(
    concepts: tuple[QueryConcept, ...], asked: tuple[Facet, ...]
) -> tuple[QueryConcept, ...]:
    """``concepts`` with a vaccine made a qualifier when a dose is asked and a medicine that
    is no vaccine is a topic too ("the jabs are tomorrow, how much paracetamol after?"): the
    vaccine is the occasion, and its pages' doses (a booster every 10 years) are no answer."""
    if Facet.DOSAGE not in asked:
        return concepts
    if not any(c.role == "topic" and c.drug and not names_a_vaccine(c) for c in concepts):
        return concepts
    return tuple(
        c.model_copy(update={"role": "qualifier"})
        if c.role == "topic" and names_a_vaccine(c)
        else c
        for c in concepts
    )


def _with_drug_companions(query: Query) -> Query:
    """A question about a drug gets the drug's companion facets (:data:`DRUG_COMPANIONS`),
    not a disease's; what a vaccine is for is prevention, so its uses are asked as such; and
    beside a complaint told since the drug was started, what the drug treats is not asked."""
    if not query.about_a_drug:
        return query
    vaccine = any(is_vaccine(c) for c in query.primary_topics)
    companions = _drug_companions(query.asked, vaccine)
    if felt_since_starting(query.question):
        companions = tuple(f for f in companions if f is not Facet.TREATMENT)
    return query.model_copy(update={"facets": query.asked + companions})


_SHOTS = frozenset({"shot", "shots", "jab", "jabs"})
"""Lay words for a vaccine given ("the RSV shot", "a whooping cough jab")."""


def shots_as_vaccines(
    words: list[str], lookup: Callable[[Iterable[str]], Iterable[Concept]]
) -> tuple[list[str], dict[str, str]]:
    """``words`` with a "<name> shot" or "<name> jab" that neither the vocabulary nor the lay
    table knows read as the "<name> vaccine" the vocabulary does ("rsv shot" → rsv vaccine),
    and the readings made."""
    out = list(words)
    made: dict[str, str] = {}
    for i in range(1, len(out)):
        if out[i] not in _SHOTS:
            continue
        said, meant = f"{out[i - 1]} {out[i]}", f"{out[i - 1]} vaccine"
        if not any(True for _ in lookup([said])) and _keyed(lookup([meant])):
            out[i] = "vaccine"
            made[said] = meant
    return out, made


def _keyed(concepts: Iterable[Concept]) -> bool:
    return any(c.key for c in concepts)


def _mended_eponyms(
    words: list[str], spelled: Mapping[str, str], focus: str, vocabulary: Vocabulary
) -> tuple[list[str], dict[str, str]]:
    """A possessive eponym the speller mended gets its head noun too, as one spelt right does
    before it (``repair.eponym_heads``: "alzhiemers" → alzheimer → Alzheimer disease)."""
    mended = {c for w, c in spelled.items() if w in possessives(focus) and " " not in c}
    if not mended:
        return words, {}
    return eponym_heads(words, vocabulary.lookup, mended)


def _with_page_names(
    concepts: tuple[QueryConcept, ...], vocabulary: Vocabulary
) -> tuple[QueryConcept, ...]:
    """Each topic with the names of the NIH pages on its concept when no page goes by its name
    or the question's words for it ("Gastrointestinal Bleeding" for hematochezia, a term of
    gastrointestinal hemorrhage; not a page on it together with something else,
    :func:`_names_only_it`): the pages are then found by their topic. A topic with a page of
    its own gets none: MeSH files narrower kinds as entry terms ("androgenetic alopecia" under
    alopecia, whose page is "Hair Loss"), and their pages would rank with the topic's own."""
    keys = {c.key for c in concepts if c.role == "topic" and c.key.startswith("D")}
    found = vocabulary.page_names(keys) if keys else {}
    found |= _parent_page_names([c for c in concepts if c.key in keys - found.keys()], vocabulary)
    if not found:
        return concepts
    return tuple(
        c.model_copy(update={"page_names": pages})
        if (pages := _other_page_names(found.get(c.key, ()), c))
        else c
        for c in concepts
    )


DISEASE_TREE = "C"
MIN_PAGE_PARENT_DEPTH = 4
"""Tree-number segments a disease's parent needs for its pages to be searched for it:
"Candidiasis" (C01.150.703.160) for oral candidiasis, not "Hemorrhage" (C23.550.414) for a
bleed in the eye, whose page says what bleeding is in general."""


def _parent_page_names(
    concepts: Sequence[QueryConcept], vocabulary: Vocabulary
) -> dict[str, tuple[str, ...]]:
    """For each of ``concepts`` (topics no NIH page is on): the names of the pages on the
    concept just above it in MeSH ("Yeast Infections" for oral candidiasis, a kind of
    candidiasis), which the topic gate admits when no page on the topic is found."""
    found: dict[str, tuple[str, ...]] = {}
    for concept in concepts:
        numbers = {
            n
            for n in parent_numbers(concept.tree_numbers)
            if n.startswith(DISEASE_TREE) and n.count(".") >= MIN_PAGE_PARENT_DEPTH - 1
        }
        parents = vocabulary.filed_at(numbers)
        if not parents:
            continue
        keyed = vocabulary.page_names(parents.keys())
        named = [
            *(n for key in parents for n in keyed.get(key, ())),
            *vocabulary.pages_named(parents.values()),
        ]
        if named:
            found[concept.key] = tuple(dict.fromkeys(named))
    return found


def _other_page_names(pages: Sequence[str], concept: QueryConcept) -> tuple[str, ...]:
    if any(page.lower() in concept.names for page in pages):
        return ()  # the topic has a page of its own
    return tuple(page for page in pages if _names_only_it(page))


def _names_only_it(page: str) -> bool:
    """A page name that names nothing else beside the topic: the page "Amyloidosis and Kidney
    Disease" is also about amyloidosis, so it is no other name of kidney disease."""
    return not re.search(r"\band\b|&|,", page.lower())


def _drug_name(
    extra: Sequence[ExtraLookup], drug_words: Collection[str], vocabulary: Vocabulary
) -> Callable[[str], bool]:
    """Is a word a drug's name: a generic name, a name the drug-name tables know, or a MeSH
    chemical or drug taken as such (:func:`~medcite.query.concepts.taken_substance`: not a
    dosage form such as "tablet", nor a food such as "coffee")?"""

    def drug_name(word: str) -> bool:
        if word in drug_words:
            return True
        if any(c.origin == "drug" for lookup in extra for c in lookup([word]).get(word, ())):
            return True
        return any(map(taken_substance, vocabulary.by_phrase([word]).get(word, ())))

    return drug_name


def brand_name(word: str) -> bool:
    """Is ``word`` a drug's brand (not its generic name)?"""
    return any(d.brand for d in generic_names(word))


def _with_seek_care(query: Query) -> Query:
    """A what-to-do question also asks when to seek care (its bottom line gives the first steps
    and when to be seen), also about a drug."""
    if query.question_type is not QuestionType.WHAT_TO_DO or Facet.SEEK_CARE in query.facets:
        return query
    return query.model_copy(update={"facets": (*query.facets, Facet.SEEK_CARE)})


def _with_prevention(query: Query) -> Query:
    """What to do about an accident ("she has fallen twice, what can we do") is how to keep it
    from happening again: prevention instead of treatment."""
    if query.question_type is not QuestionType.WHAT_TO_DO:
        return query
    if not any(n.startswith(ACCIDENTS_TREE) for c in query.primary_topics for n in c.tree_numbers):
        return query
    facets = [f for f in query.facets if f is not Facet.TREATMENT]
    if Facet.PREVENTION not in facets:
        facets.insert(1 if facets and facets[0] is Facet.OVERVIEW else 0, Facet.PREVENTION)
    return query.model_copy(update={"facets": tuple(facets)})


DRUG_COMPANIONS: dict[Facet, tuple[Facet, ...]] = {
    Facet.OVERVIEW: (Facet.TREATMENT, Facet.SIDE_EFFECTS),
    Facet.TREATMENT: (Facet.SIDE_EFFECTS,),
    Facet.CAUSES: (Facet.SIDE_EFFECTS,),
}
"""Companion facets when the question is about a drug: its uses and side effects, never a
disease's causes, symptoms or diagnosis ("what is xanax" has no "Causes" section)."""


def _drug_companions(asked: tuple[Facet, ...], vaccine: bool = False) -> tuple[Facet, ...]:
    """The companions of the facets ``asked`` about a drug; a vaccine's uses are prevention."""
    wanted = [f for a in asked for f in DRUG_COMPANIONS.get(a, ())]
    if vaccine:
        wanted = [Facet.PREVENTION if f is Facet.TREATMENT else f for f in wanted]
    return tuple(f for f in dict.fromkeys(wanted) if f not in asked)


def _heads_of_unknown_names(
    unknown: Sequence[str], words: Sequence[str], concepts: tuple[QueryConcept, ...]
) -> tuple[QueryConcept, ...]:
    """A head noun right after an unknown name is part of that name, not a topic of its own:
    "Zorbexal syndrome" is about a syndrome nobody here knows, not about syndromes
    (:data:`~medcite.query.repair.EPONYM_HEADS`)."""
    heads = {words[i + 1] for i, w in enumerate(words[:-1]) if w in unknown}
    return _demoted(concepts, {c.key for c in concepts if c.matched in heads & set(EPONYM_HEADS)})


def _across_coordinators(
    question: str, concepts: tuple[QueryConcept, ...]
) -> tuple[QueryConcept, ...]:
    """A phrase read across an "and" or "or" ("spots on his hands and feet and ulcers in his
    mouth" names no foot ulcer) is no concept, unless the concept's own name coordinates
    ("hand, foot and mouth disease")."""
    text = normalise(question)
    apart = {
        c.key
        for c in concepts
        if c.role == "topic"
        and len(words := c.matched.split()) > 1
        and not {"and", "or"} & set(normalise(c.name).split())
        and not re.search(rf"\b{re.escape(c.matched)}\b", text)
        and re.search(r"\b" + _COORDINATOR.join(map(re.escape, words)) + r"\b", text)
    }
    return _demoted(concepts, apart) if apart else concepts


_COORDINATOR = r"\s+(?:(?:and|or|n|&|plus)\s+)?"


def _demoted(
    concepts: tuple[QueryConcept, ...], keys: Collection[str], role: str = "ignored"
) -> tuple[QueryConcept, ...]:
    """``concepts`` with the topics among ``keys`` given ``role`` instead."""
    return tuple(
        c.model_copy(update={"role": role}) if c.role == "topic" and c.key in keys else c
        for c in concepts
    )


SALT_WORDS = frozenset(
    "sodium potassium calcium magnesium hydrochloride hcl sulfate sulphate citrate succinate "
    "tartrate maleate mesylate besylate acetate phosphate bromide chloride fumarate "
    "hyclate monohydrate".split()
)
"""Salt and hydrate names that follow a drug's name on its label ("enoxaparin sodium",
"metoprolol succinate"): part of the drug's name, not a second topic."""


def _salt_forms(
    words: Sequence[str], concepts: tuple[QueryConcept, ...]
) -> tuple[QueryConcept, ...]:
    """A salt word next to a drug's name is part of that name (:data:`SALT_WORDS`): "codeine
    phosphate", and in a patient's order "phosphate codeine"; two salt words side by side
    ("calcium magnesium") are two things."""
    # a mineral named beside another ("calcium magnesium") is no salt of it
    named = [c.matched.split() for c in concepts if c.drug and c.matched not in SALT_WORDS]
    drug_ends = {m[-1] for m in named}
    drug_starts = {m[0] for m in named}
    salts = {word for before, word in pairwise(words) if word in SALT_WORDS and before in drug_ends}
    salts |= {
        word for word, after in pairwise(words) if word in SALT_WORDS and after in drug_starts
    }
    return _demoted(concepts, {c.key for c in concepts if c.matched in salts})


_CLASS_PREDICATE = re.compile(
    r"\b(?:is|are|was|were)\s+(?!there\b|in\b)(?:\S+\s+){1,3}?(?:a|an|like\s+an?|like|considered\s+an?)\s+"
    r"(?:(?:kind|type|form|sort)\s+of\s+)?(?P<cls>[a-z][a-z -]*)"
)


_FREE_OF = re.compile(r"\b(?:is|are)\s+(?!there\b)(?:\S+\s+){1,3}?(?P<cls>[a-z]+)[ -]free\b")
""""is X gluten free?": the property asked about X, like a class."""


def _class_predicates(
    question: str, concepts: tuple[QueryConcept, ...]
) -> tuple[QueryConcept, ...]:
    """In "is X a steroid?" / "is it like an antibiotic?" the class after the verb is what is
    asked *about X*, not a topic of its own: it becomes a qualifier when another topic is named,
    so the answer must come from documents about X (or say there are none), not about steroids.
    "Is there a vaccine for …" asks whether something exists and is left alone."""
    text = normalise(question)
    classes = [m.group("cls") for m in _CLASS_PREDICATE.finditer(text)]
    classes += [m.group("cls") for m in _FREE_OF.finditer(text)]
    lowered = question.lower()
    predicate = {
        c.key
        for c in concepts
        if c.role == "topic"
        and any(cls.startswith(c.matched) for cls in classes)
        and not _diagnosis_guess(lowered, c)
        and not _differential(text, c, concepts)
    }
    others = [c for c in concepts if c.role == "topic" and c.key not in predicate]
    if not predicate or not others:
        return concepts
    return _demoted(concepts, predicate, "qualifier")


def _diagnosis_guess(text: str, concept: QueryConcept) -> bool:
    """ "is this a pinched nerve?" asks whether the trouble told is that condition: a guess at a
    diagnosis (:func:`_guesses`), not a class asked of a named thing ("is it a steroid?", "is
    lupus an autoimmune disease?"). Only a specific condition counts; a broad heading after
    "is it a(n)" ("an autoimmune disease") still describes something named before."""
    return (
        concept.condition
        and not concept.category
        and bool(concept.matched)
        and _guessed(text, concept.matched)
    )


def _denied_parts(question: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """A body part named only where a symptom is denied ("no pain down my legs") is not where
    the trouble is: it stands for no page on that part's disorders."""
    text = sentences_marked(question)
    denied = {
        c.key
        for c in concepts
        if c.role == "qualifier"
        and anatomy_only(c)
        and c.matched
        and _only_after(_NEGATED, text, c.matched)
    }
    if not denied:
        return concepts
    return tuple(
        c.model_copy(update={"role": NEGATED_ROLE}) if c.key in denied else c for c in concepts
    )


_FALLEN_ON = re.compile(
    r"\b(?:slipped|slipping|slip|slips|fell|falling|fall|tripped|tripping|slid|skidded|"
    r"landed) (?:over )?(?:on|in|over) (?:the |some |a |an |black |wet |an icy )?$"
)
"""What someone slipped or fell on ("slipped on ice", "fell in the snow"): the setting."""
_FINE_AFTER = re.compile(
    r"^\s+(?:is|are|was|seems|seem|feels|feel) (?:completely |totally |still |all )?(?:fine|ok|"
    r"okay|normal|good|alright|all right|unaffected)(?=\s*(?:$|[,.;:!?]|and\b|but\b|so\b|though\b|"
    r"now\b|too\b))"
)
"""A function told to be unaffected ("walking is fine", "my strength is normal")."""


def _fallen_on(question: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """A substance or thing named only as what someone slipped or fell on (:data:`_FALLEN_ON`:
    "slipped on ice and landed on my tailbone") is where it happened, not the topic."""
    text = normalise(question)
    fallen = {
        c.key
        for c in concepts
        if c.role == "topic" and c.matched and _only_after(_FALLEN_ON, text, c.matched)
    }
    return _set_aside(concepts, fallen, "ignored", text) if fallen else concepts


def _as_told(question: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """The concepts named only as the setting, the tool, a feeling or something unaffected are
    no topics (:func:`_fallen_on`, :func:`_told_fine`, :func:`_felt_as`, :func:`_tools`), nor
    one whose last letter is an article (:func:`_letter_articles`)."""
    concepts = _told_fine(question, _fallen_on(question, _letter_articles(question, concepts)))
    return _tools(question, _felt_as(question, concepts))


_ARTICLE_AFTER = re.compile(
    r"^\s+(?:week|weeks|day|days|month|months|year|years|fortnight|while|bit|lot|few|couple|"
    r"little|long|night|time|minute|hour|dozen)\b"
)
"""What follows "a" used as an article ("a B complex vitamin a week ago")."""


def _letter_articles(question: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """A name ending in the letter "a" ("vitamin a", "hepatitis a") every mention of which is
    followed by a time or amount (:data:`_ARTICLE_AFTER`: "started a vitamin a week ago") is
    the article, not the letter: no concept."""
    return _aside_before(
        question, concepts, _ARTICLE_AFTER, lambda c: c.matched.endswith(" a"), qualifiers=True
    )


_TOOL_AFTER = re.compile(
    r"^\s+(?:clippers?|scissors|file|files|brush|brushes|dryer|dryers|straighteners?|"
    r"tongs|gun|guns|buds?|clips?|bands?|grips?|pick|picks|trimmers?|cutters?|"
    r"nippers|tweezers|spray|sprays|pads?|braces?)\b"
)
"""A tool named after the body part it is used on ("nail clippers", "hair dryer")."""


def _tools(question: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """A body part named only as what a tool is for (:data:`_TOOL_AFTER`: "cut them off with
    nail clippers") is not where the trouble is."""
    return _aside_before(question, concepts, _TOOL_AFTER, anatomy_only, qualifiers=True)


FELT_WORDS = frozenset({"sting", "stings", "burn", "burns"})
"""Words that are also verbs of what a sore place feels like ("it stings a bit")."""
_FELT_AFTER = re.compile(
    r"^\s+(?:a bit|a little|slightly|when|whenever|with|if|like|after|badly|so much|more|"
    r"really|every time|sometimes)\b"
)
"""What follows such a word used as a verb ("stings when I wash it", "burns a bit")."""


def _an_injury_in_general(concept: QueryConcept) -> bool:
    """Burns or stings in general (a heading two levels deep), not one the question sites ("it
    burns like crazy" after cleaner in the eye is an eye burn)."""
    return bool(concept.tree_numbers) and all(n.count(".") <= 1 for n in concept.tree_numbers)


def _felt_as(question: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """A topic named only by a word of feeling used as a verb (:data:`FELT_WORDS`: "my tongue
    stings with spicy food", "the cut burns a bit") is how a place feels, not a sting or a
    burn."""
    return _aside_before(
        question,
        concepts,
        _FELT_AFTER,
        lambda c: c.matched in FELT_WORDS and _an_injury_in_general(c),
    )


def _told_fine(question: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """A topic every mention of which is told to be unaffected (:data:`_FINE_AFTER`: "walking
    is fine") is no trouble asked about."""
    return _aside_before(question, concepts, _FINE_AFTER, _a_function, role=NEGATED_ROLE)


def _aside_before(
    question: str,
    concepts: tuple[QueryConcept, ...],
    after: re.Pattern[str],
    kind: Callable[[QueryConcept], bool],
    *,
    qualifiers: bool = False,
    role: str = "ignored",
) -> tuple[QueryConcept, ...]:
    """``concepts`` with those of ``kind`` (topics, and with ``qualifiers`` qualifiers too)
    every mention of which is followed by what ``after`` finds set aside with ``role``
    (:func:`_set_aside`): the shared reading of :func:`_letter_articles`, :func:`_tools`,
    :func:`_felt_as` and :func:`_told_fine`."""
    text = normalise(question)
    roles = ("topic", "qualifier") if qualifiers else ("topic",)
    keys = {
        c.key
        for c in concepts
        if c.role in roles and c.matched and kind(c) and _only_before(after, text, c.matched)
    }
    return _set_aside(concepts, keys, role, text) if keys else concepts


def _a_function(concept: QueryConcept) -> bool:
    """A bodily function or activity (MeSH G, I), not a test, drug, feeling or disease:
    "walking is fine" tells it unaffected, "my TSH is normal" tells a result still asked
    about, "is her anxiety normal" asks about the anxiety."""
    return bool(concept.tree_numbers) and only_under(concept.tree_numbers, ("G", "I"))


def _set_aside(
    concepts: tuple[QueryConcept, ...], keys: Collection[str], role: str, text: str
) -> tuple[QueryConcept, ...]:
    """``concepts`` with the topics among ``keys`` given ``role``; when no topic is left, what
    the question tells instead becomes the topic (:func:`_promoted_instead`), as when nothing
    central is named ("my tongue stings": the tongue)."""
    out = _demoted(concepts, keys, role)
    if any(c.role == "topic" for c in out):
        return out
    return _promoted_instead(text, out, ())


_NEGATED = re.compile(
    r"\b(not|no|never|without|non|(?:is|are|was|were|does|do|did|has|have|had)n'?t)"
    r"(?!\s+(?:\S+\s+)?(?:work|works|working|help|helps|helping|cure|cures|treat|treats|fix|"
    r"fixes)\b)(\s+[^\s.]+){0,2}"
    r"(\s+(?:or|nor)(\s+[^\s.]+){0,2})?(?<!\sfor)(?<!\sagainst)(?<!\swith)(?<!\son)\s+$"
)
"""A negation just before a phrase: "not overweight", "no fever", "don't have diabetes", and
as typed without the apostrophe ("dont have any pain", "didnt see any blood"); it reaches
across "or" ("no common cold or fever"), not into the object of what is negated ("antibiotics
don't work for colds", "it doesn't help my migraine": the cold is there), nor past the end of
its sentence (:func:`sentences_marked`: "no blackheads. rosacea or acne?")."""
_SENTENCE_END = re.compile(r"(?<=[.?!;])\s+")
"""Where a message's sentences (or ";"-joined clauses) end, whatever case follows."""


def sentences_marked(question: str) -> str:
    """The normalised question with " . " between its sentences, which a negation does not
    reach across (:data:`_NEGATED`)."""
    return " . ".join(filter(None, (normalise(part) for part in _SENTENCE_END.split(question))))


_REQUIRED = re.compile(
    r"\b(?:can'?t|cannot|won'?t|wont|couldn'?t|not allowed to|isn'?t allowed to|not supposed to"
    r"|no way to)\b[^.]{0,50}?\bwithout(?:\s+[^\s.]+){0,2}\s+$"
)
"""What someone cannot do without ("she can't go back to nursery without antibiotic drops"):
something asked for, not denied."""
_NEGATED_HABIT = re.compile(
    r"\b(?:not|never|no longer|(?:do|does|did)(?:n'?t| not))(?:\s+(?:ever|really|even|actually|"
    r"usually|normally))?(?:\s+(?:smoke|smoked|smoking|drink|drank|drinking|eat|ate|eating|"
    r"chew|chewing|vape|vaping|consume|consumed|like|touch|touched|do|did))?\s+$"
    r"|\bwithout(?:\s+(?:taking|using|popping|relying\s+on|needing|resorting\s+to|having\s+to"
    r"\s+take))?(?:\s+(?:any|more|so\s+many|all\s+the|strong))?\s+$"
    # a medicine denied: "I'm not on any blood thinners", "he is not taking statins"
    r"|\b(?:not|never|no\s+longer)\s+(?:on|taking|using)\s+(?:any\s+)?$"
)
"""A negation right before a substance, or before a verb of a habit ("I don't smoke", "never
drank alcohol"): a habit the asker does not have; a medicine someone is said not to be on
("not on any blood thinners"); or a drug the asker wants to do without
("manage knee arthritis without popping painkillers"). "Can I not take metformin" and "no
hives, benadryl doesn't help" ask about the drug itself."""


OF_THE_TOPIC = frozenset(
    {Facet.PROGNOSIS, Facet.SIDE_EFFECTS, Facet.INTERACTIONS, Facet.DOSAGE, Facet.SEEK_CARE}
)
"""Facets whose words ask about the topic's course or effects and name no procedure."""
NEGATED_ROLE = "negated"
"""The role of a concept the question says is absent: neither searched nor answered."""
UNUSED_ROLES = frozenset({"ignored", NEGATED_ROLE})


def _negated(question: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """A condition the question says someone does *not* have ("He is not overweight", "a cough
    but no fever"), or one told as over ("the rash has gone but the skin still burns"), is
    no topic when another one is named: neither searched for nor answered
    about (:data:`NEGATED_ROLE`); nor is a substance the asker does not use ("I don't smoke",
    :data:`_NEGATED_HABIT`). A drug whose taking is negated still is: "can I not take
    metformin for a day" is about metformin."""
    text = sentences_marked(question)
    negated = {
        c.key
        for c in concepts
        if c.role == "topic"
        and c.matched
        and _only_after(_NEGATED_HABIT if c.drug else _NEGATED, text, c.matched)
        and not _guessed_not(question, c.matched)
        and not _only_after(_REQUIRED, text, c.matched)
    }
    gone = {
        c.key
        for c in concepts
        if c.role == "topic" and c.matched and not c.drug and _only_before(_GONE, text, c.matched)
    }
    if any(c.role == "topic" and c.key not in negated | gone for c in concepts):
        negated |= gone
    others = [c for c in concepts if c.role == "topic" and c.key not in negated]
    if not negated:
        return concepts
    if not others:
        stated = {
            c.key
            for c in concepts
            if c.key in negated and is_sign(c) and not _asked_in_a_question(question, c)
        }
        return _promoted_instead(text, concepts, negated, stated)
    return _demoted(concepts, negated, NEGATED_ROLE)


_GONE = re.compile(
    r"^\s+(?:has\s+|have\s+|had\s+|is\s+|are\s+|was\s+|were\s+)?(?:now\s+|all\s+|"
    r"completely\s+|totally\s+|long\s+|since\s+)?(?:gone|cleared|disappeared|healed|faded|"
    r"went\s+away|cleared\s+up)(?:\s+(?:away|up|now|completely))?(?=\s*$|\s+\.|\s+(?:but|and|now|"
    r"since|though|although|yet)\b)"
)
"""Words after a condition that tell it is over ("the rash has gone but …", "the swelling went
away."): not "the rash has gone red" or "gone to my chest"."""


_OPENS_ASKING = re.compile(
    rf"^\W*(?:{_AUXILIARY_WORDS}|am|might|what|whats|what's|why|how|which|who)\b", re.IGNORECASE
)
"""The first word of a sentence that asks something."""
_ASKING_TAG = re.compile(
    r",\s*(?:is|isn'?t|isnt|was|wasn'?t|wasnt|does|doesn'?t|doesnt|right|surely)\b"
    r"(?:\s+(?:it|that|this|he|she|they))?\W*$",
    re.IGNORECASE,
)
"""A question tagged onto a statement as typed without its question mark ("it's not gout,
is it", "that's not shingles, right")."""


def _asked_in_a_question(question: str, concept: QueryConcept) -> bool:
    """True when ``concept`` is named in a sentence of ``question`` that asks ("is it not a
    fever?", "no fever, is it"), not only in one that tells ("No fever.", "no pain at all, no
    burning"): a sign denied as a fact leaves nothing to answer about it. (``records``'s
    ``_asked_of`` counts a question mark alone, for the asked-about reading of a concept.)"""
    return any(
        (
            sentence.rstrip().endswith("?")
            or _OPENS_ASKING.match(sentence)
            or _ASKING_TAG.search(sentence)
        )
        and _mentions(normalise(sentence), concept.matched or "")
        for sentence in message_sentences(question)
    )


NOT_TOLD_TROUBLE = ("I", "J", "K", "L", "M", "N", "V", "Z")
"""MeSH branches of what a question tells beside its trouble (people, places, occupations,
health care, foods, publication kinds): never made the topic in place of a denied one."""
ACCIDENTS_TREE = "N06.850.135"
"""Accidents (falls, traffic accidents, drowning): filed under public health, but what happened
to the person asked about ("has fallen twice, no broken bones"), so trouble enough to be the
topic in place of a denied one."""


_PREVENTING = re.compile(
    r"\b(?:stop|stopping|prevent|preventing|avoid|avoiding|reduce|reducing|cut down|less|fewer|"
    r"keep (?:\w+ )?from|risk of|chance of)\b(?:\W+\w+){0,2}?\W+$"
)
"""Words asking to keep something from happening, just before it ("stop her falling",
"prevent falls", "keep him from falling")."""
_PREVENTING_IT = re.compile(
    r"\b(?:stop|prevent|avoid|reduce)\w* (?:it|this|that|them|these)(?: (?:from )?happening)?"
    r"(?: again)?\W*$|\b(?:stop|prevent|avoid)\w* (?:it|this|that|them|these)(?: (?:from )?"
    r"happening)?(?: again)?\b[^.?!]{0,20}[.?!]"
)
"""Words asking to keep it from happening, after the accident was told ("he has had three falls
this year … how do we stop it happening?")."""


def _prevented_accidents(
    question: str, concepts: tuple[QueryConcept, ...]
) -> tuple[QueryConcept, ...]:
    """An accident the question asks to prevent ("how can we stop her falling") is what it is
    about, beside the signs it tells ("dizzy when she stands"): a topic as central as they
    are, not a qualifier."""
    text = normalise(question)
    wanted = {
        c.key
        for c in concepts
        if c.role == "qualifier"
        and c.matched
        and any(n.startswith(ACCIDENTS_TREE) for n in c.tree_numbers)
        and any(
            _PREVENTING.search(text[: m.start()]) or _PREVENTING_IT.search(text[m.end() :])
            for m in re.finditer(rf"\b{re.escape(c.matched)}\w*", text)
        )
    }
    if not wanted:
        return concepts
    # as central as the most central thing told
    tier = min((c.tier for c in concepts if c.role == "topic"), default=DISEASE_TIER)
    return tuple(
        c.model_copy(update={"role": "topic", "tier": min(tier, c.tier)}) if c.key in wanted else c
        for c in concepts
    )


def _promoted_instead(
    text: str,
    concepts: tuple[QueryConcept, ...],
    negated: Collection[str],
    stated: Collection[str] = (),
) -> tuple[QueryConcept, ...]:
    """When the only topic is one the question denies ("my fingers go numb … not carpal tunnel,
    the doctor said"), what it tells instead (a body part, a sign) becomes the topic, as when
    nothing central is named, unless it is denied too ("no chills or fever"); with nothing
    else told, the denied topic stays (it is still what the question is about: "is it not
    gout?", "the doctor said it is not gout"), unless it is a sign ``stated`` absent and asked
    about nowhere ("a lump down there. No fever."); ``text`` is the normalised question."""
    told = {
        c.key
        for c in concepts
        if c.role == "qualifier"
        and (
            not only_under(c.tree_numbers, NOT_TOLD_TROUBLE)
            or any(n.startswith(ACCIDENTS_TREE) for n in c.tree_numbers)
        )
        and not setting_only(c)
        and not (c.matched and _only_after(_NEGATED, text, c.matched))
    }
    if not told:
        return _demoted(concepts, stated, NEGATED_ROLE)
    return tuple(
        c.model_copy(update={"role": NEGATED_ROLE})
        if c.key in negated
        else c.model_copy(update={"role": "topic", "promoted": True})
        if c.key in told
        else c
        for c in concepts
    )


_GUESSED_NOT = re.compile(
    r"\b(?:it|that|this)\s+(?:is\s+|was\s+)?(?:not|isnt|wasnt|isn't|wasn't)\s+(?:just\s+)?"
    r"(?:an?\s+)?$|\b(?:isnt|wasnt|isn't|wasn't)\s+(?:it|that|this)\s+(?:just\s+)?(?:an?\s+)?$"
)
"""What the complaint is said not to be ("that isn't a yeast infection, right?", "it's not
just a cold"): a guess the asker wants checked, not a condition said to be absent."""


def _guessed_not(question: str, phrase: str) -> bool:
    """True when ``phrase`` follows :data:`_GUESSED_NOT` in a sentence of ``question`` that
    asks ("that isn't a yeast infection, right?"); told as a fact ("the hospital said it
    wasn't a heart attack.") it is absent."""
    for sentence in message_sentences(question):
        if not sentence.rstrip().endswith("?"):
            continue
        text = normalise(sentence)
        mentions = re.finditer(rf"\b{re.escape(phrase)}\b", text)
        if any(_GUESSED_NOT.search(text[: m.start()]) for m in mentions):
            return True
    return False


def _facet_named(
    concepts: tuple[QueryConcept, ...], asked: Collection[Facet]
) -> tuple[QueryConcept, ...]:
    """A concept named only by the words that ask about a course or an effect ("prognosis",
    "life expectancy", "safety"; :data:`OF_THE_TOPIC`) is what is asked *of* the topic, not the
    topic: it is no topic, even when the question names nothing else (then no document is
    required to be about "prognosis"). A drug or a condition keeps its role; so do the words
    that ask for a test or a treatment, which may name the procedure asked about ("should I get
    a screening scan", "is surgery safe at 90")."""
    cues = [FACET_CUES[f] for f in asked if f in OF_THE_TOPIC]
    facet_words = {
        c.key
        for c in concepts
        if c.role == "topic"
        and c.tree_numbers
        and not (c.drug or c.condition)
        and any(cue.fullmatch(c.matched) for cue in cues)
    }
    return _demoted(concepts, facet_words) if facet_words else concepts


def _only_after(before: re.Pattern[str], text: str, phrase: str) -> bool:
    """True when every mention of ``phrase`` in ``text`` follows what ``before`` finds at the
    end of the text before it (a negation, :data:`_NEGATED`; a demonstrative,
    :data:`_REFERRING`)."""
    mentions = _mentions(text, phrase)
    return bool(mentions) and all(before.search(text[: m.start()]) for m in mentions)


def _mentions(text: str, phrase: str) -> list[re.Match[str]]:
    """Every whole-word mention of ``phrase`` in ``text``."""
    return list(re.finditer(rf"\b{re.escape(phrase)}\b", text))


_SENSED_LIKE = re.compile(
    r"\b(?:smell|smells|smelled|smelt|smelling|taste|tastes|tasted|tasting|stink|stinks|"
    r"stank|reeks?) (?:like|of)(?:\s+\S+){0,2}\s+$"
)
"""What a smell or taste is likened to ("coffee smells like burnt rubbish", "tastes of
metal"): a description, not something the question is about."""


def _sensed_like(
    concepts: tuple[QueryConcept, ...], question: str, fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """Topics named only as what a smell or taste is likened to (:data:`_SENSED_LIKE`) are no
    topics: "smells like burnt rubbish" is not about burns."""
    text = _as_fixed(question, fixes)
    likened = {
        c.key
        for c in concepts
        if c.role == "topic"
        and c.matched
        and not c.drug
        and _only_after(_SENSED_LIKE, text, c.matched)
    }
    return _demoted(concepts, likened) if likened else concepts


_REFERRING = re.compile(
    r"\b(this|that|these|those|the same(?!\s+(thing\s+)?as\b)|such an?)"
    r"(?!\s+(?:morning|afternoon|evening|night|week|weekend|month|year|time|summer|winter|spring|"
    r"autumn|fall|christmas)\b)(\s+\S+){0,3}\s+$"
)
"""A demonstrative just before a phrase, at most three words before it: "this auto-immune
blood disorder" describes a condition the question has named already ("the same as the flu"
compares instead; "this morning" tells a time)."""


def _descriptions(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A condition named only after "this" / "that" ("I struggle with this auto-immune blood
    disorder", after naming antiphospholipid syndrome) describes a topic already named, and is
    no topic of its own: it becomes a qualifier, so the answer comes from documents about the
    named condition, not about blood disorders in general. Only when another topic was named
    before it (read with the question's spelling ``fixes``), and not as over ("I had a cold 3
    weeks ago and I'm fine apart from this cough"); a drug is never a description, and
    "it" after a drug ("advil barely touches it … could it be endometriosis") is the trouble
    told, so what follows is a guess, not something asked of the drug."""
    text = _as_fixed(question, fixes)
    topics = _told_topics(concepts)
    first = _first_mentions(topics, text)
    earliest = min(first.values(), default=0)
    # a sign told first ("a bit dizzy … could it be fibroids") is what "it" asks about, no
    # disease the later name describes
    diseases = [
        first[c.key]
        for c in topics
        if c.key in first and c.tier == DISEASE_TIER and not c.drug and not is_sign(c)
    ]
    described = {
        c.key
        for c in topics
        if not c.drug
        and first.get(c.key, 0) > earliest  # another topic was named before it
        and (
            (
                _only_after(_REFERRING, text, c.matched)
                and not _guessed(text, c.matched)
                and any(
                    _same_kind(c, o) and not _only_after(_PAST, text, o.matched)
                    for o in topics
                    if first.get(o.key, 0) < first[c.key]
                )
            )
            or (
                any(d < first[c.key] for d in diseases)
                and _asked_of_it(text, c.matched)
                and not _differential(text, c, concepts)
            )
        )
    }
    return _demoted(concepts, described, "qualifier") if described else concepts


def _differential(text: str, concept: QueryConcept, named: Sequence[QueryConcept]) -> bool:
    """True when ``concept`` is one of two conditions the asker weighs ("is it jock itch or
    thrush"): a guess at what the trouble told is, not a description of it."""
    others = [re.escape(o.matched) for o in named if o.key != concept.key and not o.drug]
    if not others:
        return False
    mine, theirs = re.escape(concept.matched), "|".join(others)
    pattern = (
        rf"\b{mine}\s+or\s+(?:an?\s+)?(?:{theirs})\b|\b(?:{theirs})\s+or\s+(?:an?\s+)?{mine}\b"
    )
    return re.search(pattern, text) is not None


def _same_kind(concept: QueryConcept, before: QueryConcept) -> bool:
    """True when ``concept`` can describe ``before``: both in one MeSH tree (a disorder
    describes a disease, a surgery a procedure), or either without tree numbers. A procedure
    named after "that" is no description of the disease named before ("severe aortic stenosis
    … too old for that TAVR procedure" asks about the procedure)."""
    mine = {n[:1] for n in concept.tree_numbers}
    theirs = {n[:1] for n in before.tree_numbers}
    return not mine or not theirs or bool(mine & theirs)


def _guesses(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """When the asker guesses the condition ("pain with sex and during bowel movements … could
    this be endometriosis?"), the guess is the topic: the things told before it (a body
    function, a symptom, a body part) describe what they feel and become qualifiers; a drug
    named before it stays a topic."""
    text = _as_fixed(question, fixes)
    concepts = _stages_guessed(text, concepts)
    topics = _told_topics(concepts)
    first = _first_mentions(topics, text)
    guesses = [
        first[c.key]
        for c in topics
        if c.key in first
        and (
            _guessed(text, c.matched)
            if c.may_be_condition
            else only_under(c.tree_numbers, PHYSIOLOGY_TREES) and _guessed_as_cause(text, c.matched)
        )
    ]
    if not guesses:
        return concepts
    guess = min(guesses)
    told = {c.key for c in topics if not c.drug and c.key in first and first[c.key] < guess}
    return _demoted(concepts, told, "qualifier") if told else concepts


PHYSIOLOGY_TREES = ("G07", "G08")
"""MeSH Physiological Phenomena and Reproductive and Urinary Physiological Phenomena: a body's
states and stages (ageing, puberty, perimenopause, pregnancy), not the physical world's ("the
sun")."""


def _stages_guessed(text: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """A stage of life or state of the body guessed as the cause of what is told ("periods all
    over the place … could this be perimenopause?") is what is asked about, as a guessed
    condition is: a topic, ranked with the question's most central topics, though a body
    process is otherwise only a qualifier."""
    guessed = {
        c.key
        for c in concepts
        if c.role == "qualifier"
        and c.matched
        and only_under(c.tree_numbers, PHYSIOLOGY_TREES)
        and _guessed_as_cause(text, c.matched)
    }
    if not guessed:
        return concepts
    best = min((c.tier for c in concepts if c.role == "topic"), default=0)
    return tuple(
        c.model_copy(update={"role": "topic", "tier": min(c.tier, best) if best else c.tier})
        if c.key in guessed
        else c
        for c in concepts
    )


CANCER_HEADING = ("C04", "neoplasms")
"""MeSH's heading for all neoplasms (tree number, name): "cancer" or "a tumour" with no site
or kind (the lay and MedQuAD concepts for it carry the name without the tree number)."""


def _cancer_in_general(concept: QueryConcept) -> bool:
    """True for the heading of all neoplasms (:data:`CANCER_HEADING`)."""
    number, name = CANCER_HEADING
    numbers = set(concept.tree_numbers)
    return numbers == {number} or (not numbers and concept.name.lower() == name)


def feared_cancer(concept: QueryConcept) -> bool:
    """True for a grave condition as a context, not a topic: the fear a question voices about
    something it tells (see :func:`_cancer_feared`)."""
    return concept.role == "qualifier" and concept.feared


def named_fear(concept: QueryConcept) -> bool:
    """True for a feared condition named by its kind ("bone cancer", "ALS"), not cancer in
    general (:func:`feared_cancer`)."""
    return feared_cancer(concept) and not _cancer_in_general(concept)


def feared_name(concept: QueryConcept, question: str) -> str:
    """How to name a feared condition (:func:`feared_cancer`) to the asker: in their words, with
    their article ("a brain tumor"), or in full for an abbreviation ("ALS")."""
    if concept.via == "abbreviation":
        return uninverted(concept.name).lower()
    name = concept.matched.lower()
    first = re.escape(name.split()[0]) if name.split() else ""
    article = re.search(rf"\b(an?) {first}", normalise(question)) if first else None
    return f"{article.group(1)} {name}" if article else name


GRAVE_TREES = ("C04", "C10.574", "C10.114.375", "C10.228.140.300", "C14.280.647.500")
"""Neoplasms, neurodegenerative diseases, multiple sclerosis, strokes (cerebrovascular
disorders) and heart attacks: the grave diagnoses a patient fears of a symptom they tell ("I
read twitching can be ALS", "the room spins … terrified I'm having a stroke", "a sore chest,
scared it's a heart attack")."""


BENIGN_GROWTHS = (
    "C04.182",
    "C04.445",
    "C04.557.470.035",
    "C04.557.450.565.590.340",
    "C04.557.645.375",
    "C04.557.450.590.450",
    "C04.557.450.550.400",
    "C04.557.450.590.540",
    "C04.557.580.600.580",
    "C04.557.665.560",
    "C04.557.470.700.600",
    "C04.557.450.565.575.610",
)
"""Cysts, hamartomas and the common benign tumours (adenoma, fibroma, haemangioma, fibroids,
lipoma, myoma, neurofibroma, moles, papilloma, osteochondroma): filed under neoplasms, but no
grave fear ("could it be fibroids?" is answered from the page on fibroids)."""


def _grave(concept: QueryConcept) -> bool:
    """True for cancer in general or a named grave condition (:data:`GRAVE_TREES`, benign
    growths aside)."""
    return _cancer_in_general(concept) or any(
        _under(n, GRAVE_TREES) and not _under(n, BENIGN_GROWTHS) for n in concept.tree_numbers
    )


def _under(number: str, trees: Sequence[str]) -> bool:
    return any(number == tree or number.startswith(tree + ".") for tree in trees)


def _cancer_feared(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """ "sore lump under my nipple … is it cancer?" fears cancer of what it tells: cancer in
    general is no topic whose pages could say whether this lump is one (they answer with
    cancer's definition or papers on any cancer). When the guess is cancer with no site or
    kind and the question tells something else (a body part, a sign), cancer becomes a
    qualifier. A named grave condition guessed or feared of a sign or another condition the
    question tells ("I read twitching can be ALS", "these warty spots, my friend said
    melanoma", "a bump below his kneecap, could it be bone cancer") becomes one too: its pages
    describe it, which cannot say whether this is it and reads as confirming the fear; the
    answer comes from what is told, or says that a doctor who examines it can tell."""
    text = _as_fixed(question, fixes)
    guessed = [
        c
        for c in concepts
        if c.role == "topic"
        and _grave(c)
        and (_guessed(text, c.matched) or _feared(text, c.matched))
        and (_cancer_in_general(c) or not _asked_what(text, c.matched))
    ]
    told = [c for c in concepts if c not in guessed and c.role in ("topic", "qualifier")]
    named = any(not _cancer_in_general(c) for c in guessed)
    if named and not _told_trouble(told):  # a named fear stays the topic of a test told
        guessed = [c for c in guessed if _cancer_in_general(c)]
        named = False
    feared = {c.key for c in guessed}
    if not feared or not told:
        return concepts
    kept = [c for c in told if c.role == "topic"]
    # with a named fear gone, a sign told beside it is what is asked about ("ringing in my
    # ears"); an illness told as context stays context ("a lump after a bad cold")
    signs = {c.key for c in told if named and not kept and is_sign(c)}
    return tuple(
        c.model_copy(update={"role": "qualifier", "feared": True})
        if c.role == "topic" and c.key in feared
        else c.model_copy(update={"role": "topic"})
        if c.key in signs
        else c
        for c in concepts
    )


_FEAR = (
    r"\b(?:scared|worried|afraid|terrified|frightened|panicking|paranoid|convinced|fear|fears)"
    r"(?: that)? (?:it|its|it'?s|this|these|they|they'?re|theyre|i|it might be|it could be|"
    r"it may be)"
    r"(?: (?:is|are|have|might have|could have|ve got|got|has))? (?:an? )?(?:(?:\w+ ){1,3}?or "
    r"(?:an? )?)?{name}\b"
    r"|\b(?:scared|worried|afraid|terrified|frightened|panicking|paranoid|convinced|fear|fears|"
    r"thought|think)(?: that)? (?:i'?m|im|i am|i was|he'?s|hes|he is|she'?s|shes|she is) having "
    r"(?:an? )?{name}\b"
    r"|\b(?:is|could|might|can) (?:this|that|it|these|they) (?:be )?(?:an? )?(?:(?:early )?"
    r"(?:signs?|symptoms?|warning signs?) of )?(?:(?:\w+ ){1,3}?or )?(?:an? )?{name}\b"
    r"|\b(?:freaking out|freaked out|panicking|terrified|scared|worried|worrying|paranoid|"
    r"anxious) (?:about|it is|it s|its|that it is|that its) (?:an? )?{name}\b"
    r"|\b(?:read|heard|googled?|saw|friend said|(?:friends?|mum|mom|wife|husband|internet|"
    r"google) says?)(?: online)?(?: that)? "
    r"(?:it|this|that|they|these|those|\w+ing) (?:can|could|might|may) (?:be|mean) "
    r"(?:an? )?{name}\b"
    r"|\b(?:friends?|mum|mom|mother|dad|sister|brother|wife|husband|partner|neighbou?r|"
    r"colleague|someone|somebody|people)(?: (?!(?:doctor|gp|nurse|consultant|specialist|dr|"
    r"pharmacist)\b)\w+){0,3}? (?:said|says|say|told me|tells me|reckons?)(?: that)? "
    r"(?:it|this|that|they|these|those|\w+ing) (?:can|could|might|may) (?:be|mean) "
    r"(?:an? )?{name}\b"
    r"|\b(?:googled?|looked) (?:it|them|this|that)(?: up)?(?: online)? and (?:saw|found|read|"
    r"it said|it says|got) (?:an? )?{name}\b"
    r"|\b(?:something|anything) (?:serious|bad|nasty|sinister|worse) like (?:an? )?{name}\b"
    # whether what is told is it: "I'd love to know if these patches on my back are cancer"
    r"|\b(?:know|wonder|wondering|tell me|check|see) (?:if|whether) (?:it|its|it'?s|this|that|"
    r"these|those|they|they'?re|my|the)\b(?:\W+\w+){0,10}? (?:is|are|could be|might be|is an?) "
    r"(?:an? )?{name}\b"
)
"""The asker's own or a lay fear of a diagnosis ("im scared its a tumour", "I read twitching
can be ALS", "my friend said they could be melanoma", "a mum at work said it could be
leukaemia", "googled it and saw skin cancer", "could it be something serious like a tumour",
"scared they're cancer"); a doctor's "this might mean …" is a diagnosis being made, which the
asker asks about."""
_WHAT_CONDITION = r"\bwhat (?:is|are|s|does) (?:an? )?{name}\b|\bwhat (?:is|are) (?:that|this|it)\b"


def _asked_what(text: str, phrase: str) -> bool:
    """True when the question asks what the condition is ("… could be Wilson's disease. What
    is that?"): it asks about the condition, whatever it fears."""
    return re.search(_WHAT_CONDITION.replace("{name}", re.escape(phrase)), text) is not None


def _told_trouble(told: Sequence[QueryConcept]) -> bool:
    """True when what the question tells beside its fear is trouble a page could speak of (a
    sign, a condition, a body part), and no other topic is something else: "picks up his tea
    … could it be Parkinson's" tells no trouble the index knows, so the feared disease stays
    the topic."""
    trouble = [c for c in told if c.may_be_condition or anatomy_only(c)]
    # a food or drink told beside it is a habit ("living on coffee"), not something else asked
    others = [
        c
        for c in told
        if c.role == "topic" and not (c.may_be_condition or anatomy_only(c) or _food_only(c))
    ]
    return bool(trouble) and not others


def _food_only(concept: QueryConcept) -> bool:
    """A food or drink (coffee, cheese), which the vocabulary may also file as a mixture or
    a physiological phenomenon, not a drug or a disease."""
    return names_food(concept.tree_numbers) and not (concept.drug and concept.tier == 1)


def _feared(text: str, phrase: str) -> bool:
    """True when the asker says they fear ``phrase`` is what they have ("im scared its a
    tumour", "I read it can be ALS", "my friend said they could be melanoma")."""
    return re.search(_FEAR.replace("{name}", re.escape(phrase)), text) is not None


def _told_as_context(
    question: str,
    concepts: tuple[QueryConcept, ...],
    fixes: Mapping[str, str],
    asked: Collection[Facet],
) -> tuple[QueryConcept, ...]:
    """The topics the asker tells as context beside what they ask become qualifiers: a past
    condition, a drug no longer taken, what is told beside a comparison, the reason a drug was
    taken, a drug told beside a disease whose course is asked, drugs already tried, the
    illness a complaint dates from, a habit told beside a complaint, a drug taken in spite of
    which something went wrong (each rule
    below says when; none touches a topic the subject line names, :func:`_as_context`)."""
    concepts = _earlier_illnesses(question, concepts, fixes)
    concepts = _background_intro(question, concepts, fixes)
    concepts = _past_history(question, concepts, fixes)
    concepts = _before_the_turn(question, concepts, fixes)
    concepts = _imagined(question, concepts, fixes)
    concepts = _habits(question, concepts, fixes)
    concepts = _carried(question, concepts, fixes)
    concepts = _past_drugs(question, concepts, fixes)
    concepts = _dose_asked_of(question, concepts, fixes, asked)
    concepts = _compared(question, concepts, fixes)
    concepts = _indications(question, concepts, fixes)
    concepts = _course_asked(question, concepts, fixes, asked)
    concepts = _tried_treatments(question, concepts, fixes, asked)
    concepts = _despite_drugs(question, concepts, fixes)
    concepts = _results_fine(question, concepts, fixes)
    concepts = _class_of_a_named_drug(question, concepts, fixes)
    return _finding_tests(question, concepts, fixes)


_INJURY_TREE = "C26"
_INJURY_NAME = re.compile(
    r"\b(?:(?!and\b)\w+ injur(?:y|ies)|concussions?|sprains?|strains?|fractures?|whiplash|"
    r"dislocations?|burns?|bites?)\b",
    re.IGNORECASE,
)
"""An injury by its name, for a topic the vocabulary does not place (a MedQuAD page's topic);
not "Wounds and Injuries", all of them."""


def _injury(concept: QueryConcept) -> bool:
    """An injury of some kind (MeSH C26 below its root: "wounds and injuries" itself is what a
    stray "stitch" or "cut" may be read as), or a topic named as one."""
    if concept.tree_numbers:
        return any(n.startswith(f"{_INJURY_TREE}.") for n in concept.tree_numbers)
    return bool(_INJURY_NAME.search(concept.name))


_MANIFESTATIONS = (SIGNS_PROPER_TREE, "C10.597")
"""MeSH signs and symptoms, and neurologic manifestations (headache, dizziness)."""


def _only_a_sign(concept: QueryConcept) -> bool:
    """A sign or symptom and nothing else ("headache", "swelling"; not atrial fibrillation,
    which MeSH files as a disease too)."""
    return only_under(concept.tree_numbers, _MANIFESTATIONS)


def _signs_of_injury(concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """A sign or symptom told beside an injury is the injury's ("banged heads ... had a
    headache", "sprained ankle swelling"): it becomes a qualifier (ranking only), with every
    other reading of the same words, so that pages on the sign alone (headache types) do not
    answer for the injury."""
    topics = [c for c in concepts if c.role == "topic"]
    if not any(_injury(c) and not is_sign(c) for c in topics):
        return concepts
    return _ranking_only(concepts, {c.matched for c in topics if _only_a_sign(c)})


def _ranking_only(
    concepts: tuple[QueryConcept, ...], matched: Collection[str]
) -> tuple[QueryConcept, ...]:
    """``concepts`` with the topics named by the words ``matched`` made qualifiers, every
    reading of those words alike."""
    return tuple(
        c.model_copy(update={"role": "qualifier"})
        if c.role == "topic" and c.matched in matched
        else c
        for c in concepts
    )


_HAVING = re.compile(
    r"\b(?:i|he|she|they|we|you|who|mum|mom|dad|wife|husband)?\s*(?:have|has|having|with|"
    r"diagnosed with|suffers? from|suffering from|living with)\s+(?:\S+\s+){0,2}$"
    # a doctor's word for it: "the nurse at the clinic said impetigo", "GP thinks it's eczema"
    r"|\b(?:doctor|dr|gp|nurse|paediatrician|pediatrician|consultant|dermatologist)\s+"
    r"(?:\S+\s+){0,2}(?:said|says|thinks|thought|called\s+it|diagnosed)\s+"
    r"(?:(?:it'?s|it\s+is|it\s+was|he\s+has|she\s+has|he\s+had|she\s+had|was|its)\s+)?"
    r"(?:an?\s+|the\s+)?$"
)
"""Words that tell a disease as one the person has ("I have COPD", "dad has copd", "living
with heart failure", a doctor's word for it), not one that is over ("after a cold")."""
_GUESSED = re.compile(
    r"\b(?:think|thinks|convinced|worried|afraid|scared|sure|if|whether|do|does|might|could|"
    r"may|maybe|wonder\w*)\s+(?:i|he|she|they|we|you|my \w+)\s+(?:have|has|had)\s+"
    r"(?:\S+\s+){0,2}$"
    r"|\b(?:will|would|might|could|going\s+to)\s+(?:have|get|develop)\s+(?:\S+\s+){0,2}$"
)
"""A disease guessed at or foreseen, not told as had ("convinced I have ALS", "do I have
COPD", "does this mean she will have epilepsy")."""
ORGAN_SYSTEMS = tuple(f"C{n:02d}" for n in range(1, 21) if n != 4)
"""The MeSH disease trees of organ systems and infections (C01–C20, not C04 neoplasms)."""


def _signs_of_disease(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A symptom that MeSH also files under the organ system of a disease the person is told to
    have ("I have COPD and get winded": breathlessness, filed under respiration disorders, is
    the lung disease's) becomes a qualifier (ranking only), so that the answer is not held to
    statements naming both. A symptom of another system ("heavy periods … and breathless"), or
    one beside an illness that is over ("a cough after a cold"), stays a topic."""
    text = _as_fixed(question, fixes)
    topics = [c for c in concepts if c.role == "topic"]
    had = [
        c
        for c in topics
        if not is_sign(c)
        and _only_after(_HAVING, text, c.matched)
        and not _only_after(_GUESSED, text, c.matched)
    ]
    systems = {n.split(".")[0] for c in had for n in c.tree_numbers if n.startswith(ORGAN_SYSTEMS)}
    if not systems:
        return concepts
    # the words that tell the disease are not a sign of it ("I have memory loss": one
    # reading is a sign, another the disorder itself)
    disease_words = {c.matched for c in had}
    signs = {
        c.matched
        for c in topics
        if any(n.startswith(SIGNS_PROPER_TREE) for n in c.tree_numbers)
        and any(n.split(".")[0] in systems for n in c.tree_numbers)
        and c.matched not in disease_words
    }
    return _ranking_only(concepts, signs)


MUSCLE_CRAMP_TREE = "C05.651.475"
GUT_TREE = "C06"
_BELLY = re.compile(
    r"\b(?:stomach|tummy|belly|abdom\w*|bowels?|gut|periods?(?! of)|menstrua\w*|bloat\w*|diarrh\w*|"
    r"constipat\w*|ibs)\b",
    re.IGNORECASE,
)
"""Words of the belly or of periods, beside which "cramps" are the belly's."""


def _belly_cramps(plain: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """Cramps told beside a disease of the gut, or beside words of the belly or of periods
    ("IBS … bloating and cramps", "period cramps"), are the belly's, not a muscle's: the
    muscle-cramp reading of a bare "cramps" is dropped, so that a page on leg cramps ("stretch
    the muscle") does not answer them."""
    gut = any(n.startswith(GUT_TREE) for c in concepts if c.role == "topic" for n in c.tree_numbers)
    if not gut and not _BELLY.search(plain):
        return concepts
    cramps = {
        c.key
        for c in concepts
        if c.matched in ("cramp", "cramping")
        and any(n.startswith(MUSCLE_CRAMP_TREE) for n in c.tree_numbers)
    }
    return _demoted(concepts, cramps) if cramps else concepts


_DESPITE = re.compile(
    r"\b(?:even\s+(?:though|tho|thou|if)|although|altho|despite|in\s+spite\s+of)\b"
    r"(?:\s+\S+){0,3}?\s+(?:taking|on|using|take|takes|with)(?:\s+(?:my|the|his|her|their))?\s+$"
)
"""Words that tell a drug as taken all along beside what went wrong: "my a1c went up even tho
im taking metformin", "despite taking my inhaler"."""


def _despite_drugs(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A drug told as taken in spite of what is asked about ("my a1c went from 6.8 to 7.9 even
    tho im taking metformin, what does that mean") is context, a qualifier, when another topic
    remains: the question is about the result, which the drug's studies (metformin in oral
    cancer cells) do not explain."""
    text = _as_fixed(question, fixes)
    topics = _told_topics(concepts)
    despite = {c.key for c in topics if c.drug and _only_after(_DESPITE, text, c.matched)}
    if not despite or all(c.key in despite for c in topics):
        return concepts
    return _as_context(question, concepts, fixes, despite)


_TEST_FOUND = re.compile(
    r"^\s+(?:\S+\s+){0,4}?(?:showed|shows|show|found|finds|find|revealed|reveals|reveal|said|"
    r"says|say|came back|come back|confirmed|confirm|saw|seen|detected|detect|picked up|"
    r"pick up|spotted|spot|noticed|notice)\b"
)
"""Words after a test that tell what it found, as typed or normalised ("the ultrasound showed",
"my mri found", "ultrasound says" read as "ultrasound say")."""
_TEST_HAD = re.compile(
    r"\b(?:had|got|did|done|after|during|on|from|via|by|in)\s+(?:an?\s+|my\s+|the\s+|his\s+|"
    r"her\s+|this\s+)?(?:\S+\s+){0,2}?$"
)
"""Words before a test that tell it was done: "had an ultrasound", "on my ct scan"."""
_TEST_WORDS = (
    r"ultrasound|scan|x\s?-?\s?ray|xray|mri|ct|test|bloods|colonoscopy|endoscopy|scope|biopsy|"
    r"ecg|ekg|echo|mammogram|smear"
)
"""How a test is named in a normalised question ("an ultrasound", "my bloods", "an x-ray")."""
_TEST_REASON = re.compile(
    rf"\b(?:{_TEST_WORDS})\s+(?:(?:to\s+)?(?:check|look|test|screen|checking|"
    r"looking|screening)\s+for|for|to\s+rule\s+out|ruling\s+out)\s+(?:an?\s+|my\s+|"
    r"his\s+|her\s+|the\s+|possible\s+|suspected\s+)?$"
)
"""Words that tell why a test was done ("an ultrasound for kidney stones", "a scan to check for
gallstones"): the condition looked for, context when the test found another one."""
_TEST_RESULT = re.compile(
    rf"\b(?:{_TEST_WORDS}|ray|report)\s+(?:\S+\s+){{0,6}}?(?:showed|shows|show|found|find|"
    r"revealed|reveal|said|says|say|came back|come back|picked up|detected|spotted)\b"
    r"|\bdiagnosed\b"
)
"""Words that tell what a test found ("an ultrasound for kidney stones and they said …", "the
report says …", "diagnosed with … after a CT for a cough")."""


_RESULT_FINE = re.compile(
    r"^\s+(?:levels?\s+|results?\s+|readings?\s+|numbers?\s+)?(?:is\s+|are\s+|was\s+|were\s+|"
    r"came\s+back\s+|come\s+back\s+|has\s+been\s+|have\s+been\s+|always\s+been\s+)?"
    r"(?:all\s+|always\s+|perfectly\s+|completely\s+|totally\s+|absolutely\s+)?"
    r"(?:ok|okay|fine|normal|good|great|healthy|perfect)\b(?!\s+(?:to|for|with|if|when)\b)"
)
"""Words after a measure or a condition that tell it is fine ("cholesterol ok", "my blood
pressure is normal")."""


def _results_fine(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A topic told only as fine, in sentences that tell rather than ask ("healthy, cholesterol
    ok, should I take a daily aspirin?"), is context to what is asked, a qualifier, when another
    topic remains; "is my cholesterol normal?" asks about it."""
    topics = _told_topics(concepts)
    sentences = [
        (sentence.rstrip().endswith("?"), _clauses(sentence, fixes, commas=True))
        for sentence in _SENTENCE_END.split(question)
    ]
    fine = {
        c.key
        for c in topics
        if (c.drug or not c.condition) and _only_said_fine(sentences, c.matched)
    }
    others = [c for c in topics if c.key not in fine]
    return _as_context(question, concepts, fixes, fine) if fine and others else concepts


def _only_said_fine(sentences: Sequence[tuple[bool, list[str]]], phrase: str) -> bool:
    """True when every clause of ``sentences`` (whether each asks, and its clauses) that names
    ``phrase`` tells it fine (:data:`_RESULT_FINE`), and none is the asking end of a sentence
    ("amoxicillin and alcohol ok?" asks; "my iron came back normal, so why am I tired?"
    tells)."""
    told: list[str] = []
    for asks, clauses in sentences:
        if clauses and asks and _named(clauses[-1], phrase):
            return False
        told += [c for c in clauses if _named(c, phrase)]
    return bool(told) and all(
        not _OPENS_ASKING.match(s)
        and all(_RESULT_FINE.match(s[m.end() :]) for m in _mentions(s, phrase))
        for s in told
    )


def _finding_tests(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A diagnostic test told as done or as what found the trouble ("had an ultrasound for my
    gallbladder and they said I have fatty liver", "my MRI showed a herniated disc") is
    context to the condition it found, a qualifier; a test asked about ("do I need an MRI")
    stays a topic. So is the condition a test looked for ("an ultrasound for kidney stones …
    they said I have a fatty liver") when the question tells another one it found."""
    text = _as_fixed(question, fixes)
    topics = _told_topics(concepts)
    if not any(c.may_be_condition for c in topics):
        return concepts
    done = {
        c.key
        for c in topics
        if c.tree_numbers
        and only_under(c.tree_numbers, (DIAGNOSTIC_TREE,))
        and _told_as_done(text, c.matched)
    }
    reasons = {
        c.key for c in topics if c.may_be_condition and _only_after(_TEST_REASON, text, c.matched)
    }
    found = _TEST_RESULT.search(text) is not None
    if found and any(c.may_be_condition and c.key not in reasons for c in topics):
        done |= reasons
    return _as_context(question, concepts, fixes, done)


def _told_as_done(text: str, phrase: str) -> bool:
    """True when every mention of ``phrase`` (a test) in ``text`` tells it was done or what it
    found (:data:`_TEST_HAD`, :data:`_TEST_FOUND`)."""
    mentions = _mentions(text, phrase)
    return bool(mentions) and all(
        _TEST_FOUND.match(text[m.end() :]) or _TEST_HAD.search(text[: m.start()]) for m in mentions
    )


_HABIT = re.compile(
    r"\b(?:i|he|she|they|we|you)\s+(?:also\s+|still\s+|only\s+|sometimes\s+|occasionally\s+|"
    r"usually\s+|do\s+|don'?t\s+|dont\s+)?$"
)
"""A subject right before a concept's word makes the word a verb of habit: "I smoke half a
pack a day", "he vapes"."""
_AGE_HABIT = re.compile(r"(?:^|[.,;!?]\s*)\d{1,3}\s*(?:yo|y/o|m|f)?\s+and\s+(?:also\s+)?$")
"""An age opening a clause, then the habit ("… a bit sore. 58 and smoke a pack a day"), read on
the question as typed: "simvastatin 40 and amlodipine" tells a dose, no age."""


def _habits(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A substance the asker tells as their habit ("hoarse for 3 weeks, I smoke half a pack a
    day") is context to the complaint asked about, a qualifier, when a condition or sign
    remains the topic; a sign told so ("I bruise easily") is no habit."""
    text = _as_fixed(question, fixes)
    topics = _told_topics(concepts)
    typed = question.lower()
    habits = {
        c.key
        for c in topics
        if not c.may_be_condition
        and (_only_after(_HABIT, text, c.matched) or _only_after(_AGE_HABIT, typed, c.matched))
    }
    others = [c for c in topics if c.key not in habits and c.may_be_condition]
    if not habits or not others:
        return concepts
    return _as_context(question, concepts, fixes, habits)


_CARRIES = re.compile(r"\bcarries\s+(?:(?:an?|his|her|their|two|spare)\s+)*$")
"""Words that tell a rescue medicine as someone else's kit ("my sister, who carries an adrenaline
pen"): who that person is, not what is asked; the asker's own "should I carry …" or "how do I
carry …" asks about it."""


def _carried(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A medicine told only as one someone else carries ("my brother is allergic to bee stings
    and carries an adrenaline pen; does it run in families?") is context, a qualifier, when a
    condition remains the topic and no other drug is named."""
    typed = question.lower()  # as typed: reading turns "carries" into "carry"
    topics = _told_topics(concepts)
    carried = {c.key for c in topics if c.drug and _only_after(_CARRIES, typed, c.matched)}
    others = [c for c in topics if c.key not in carried and c.may_be_condition and not c.drug]
    if not carried or not others or any(c.drug for c in topics if c.key not in carried):
        return concepts  # beside another drug, the one carried may be what it interacts with
    return _as_context(question, concepts, fixes, carried)


_PAST = re.compile(
    r"\b(?<!family\s)(?:(?:a|my|his|her|their|past|prior)\s+)?(?:medical\s+)?history\s+of"
    r"(?:\s+(?:an?|the))?\s+$"
    r"|\b(?:used\s+to\s+have|(?<!has\s)(?<!have\s)(?<!ve\s)had|recovered\s+from|recovering\s+from"
    r"|in\s+remission\s+from)"
    r"(?:\s+(?:an?|the|my|his|her|their))?\s+$"
    r"|(?:^|[.?!]\s*|\b(?:i'?m|i\s+am|im)\s+(?:an?\s+)?)\d{1,3}\s*(?:yo|y/o|y\.o\.|yrs?|years?"
    r"(?:\s+old)?)?\s*(?:[mf]|male|female|man|woman|guy|lady)\s+with\s+(?:an?\s+)?$"
    # who someone cared for is: "I care for my son who has cerebral palsy. … a red patch on
    # his heel"
    r"|\b(?:son|daughter|child|kid|boy|girl|baby|toddler|teen|teenager|husband|wife|partner|"
    r"mum|mom|mother|dad|father|brother|sister|grandma|grandmother|grandpa|grandfather|nan|gran|"
    r"granny|aunt|uncle|friend|patient|client|resident)\s+(?:who|that)\s+(?:has|has\s+had|"
    r"lives\s+with|was\s+born\s+with)(?:\s+(?:an?|the))?\s+$"
)
"""Words that put a condition in the asker's past or history: "a history of alcoholism", "I
used to have migraines", "had hepatitis", "recovered from hepatitis" ("has had sinusitis for a
week" goes on), a case header ("70F with high blood pressure, …", "I'm a 45 yo man with
asthma"). A *family* history is no history of one's own: in "a family history of breast
cancer, should I be screened" the condition is what is asked about."""


_AGE_TOLD = re.compile(
    r"\b\d{1,3}\s*(?:[mf]|yo|y/o|yrs?|years?(?:\s+old)?|male|female)\b"
    r"|\b(?:i'?m|im|i am|aged?)\s+\d{1,3}\b",
    re.IGNORECASE,
)
"""An age told ("53F", "I'm 60", "aged 71")."""
MAX_INTRO_WORDS = 8
"""How long an opening line that introduces the asker may be ("53F, type 2 diabetic.")."""
_INTRO_WORDS = frozenset(
    {"i", "im", "i'm", "am", "a", "an", "and", "with", "have", "has", "had", "type", "on", "of",
     "old", "male", "female", "man", "woman", "diabetic", "mum", "dad", "mom", "m", "f",
     "also", "too", "as", "well"}
)  # fmt: skip
"""Words an opening line that only introduces the asker may hold beside the age and the
condition ("I'm 60 and have COPD", "53F, type 2 diabetic")."""


def _background_intro(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A long-standing condition told in a short line that only introduces the asker (an
    opening line with the age, "61M, type 1 diabetic. The skin on my shins has gone shiny …
    why?", or a later line of its own, "… worse when I climb stairs. I'm asthmatic too. Any
    ideas?") is background: when another sentence tells a complaint of another
    body system and names the condition no more, the condition is a qualifier. Not in a
    question about a drug (the condition may be why it is asked), nor beside a complaint of
    the condition's own system ("70M, COPD. more breathless this week")."""
    sentences = message_sentences(question)
    if len(sentences) < 2 or any(c.drug and c.role == "topic" for c in concepts):
        return concepts
    for i, line in enumerate(sentences):
        if not _introduces(line, first=i == 0):
            continue
        rest = " ".join(_as_fixed(s, fixes) for j, s in enumerate(sentences) if j != i)
        told = _background_told(f" {_as_fixed(line, fixes)} ", rest, concepts)
        if told:
            return _demoted(concepts, told, "qualifier")
    return concepts


_OF_ONESELF = re.compile(
    r"^\W*(?:(?:and|also|oh|btw|fyi|ps|plus)\W+)*(?:i'?m|im|i am|i have|i'?ve|ive|i also have|"
    r"i'?m also|i am also|i was born with|(?:\d{1,3}\s*(?:[mf]|yo|y/o|male|female)\b))"
    r"(?![^?]*\?)",
    re.IGNORECASE,
)
"""A later line that tells something of the asker ("I'm diabetic.", "I also have asthma",
"48 f, i'm a smoker"), asking nothing."""


def _introduces(line: str, *, first: bool) -> bool:
    """A line short enough to only introduce the asker: the opening one with an age told, or a
    later statement of the asker's own (:data:`_OF_ONESELF`)."""
    if len(line.split()) > MAX_INTRO_WORDS:
        return False
    return bool(_AGE_TOLD.search(line)) if first else bool(_OF_ONESELF.match(line))


def _background_told(line: str, rest: str, concepts: tuple[QueryConcept, ...]) -> set[str]:
    """The conditions ``line`` tells as who the asker is, when ``rest`` tells a complaint of
    another body system without naming them; empty when the line tells more."""
    topics = _told_topics(concepts)
    told = {
        c.key
        for c in topics
        if c.may_be_condition
        and not is_sign(c)
        and _said_in(line, c.matched)
        and not _named(rest, c.matched)
    }
    named = " ".join(c.matched for c in topics if c.key in told)
    said = set(_AGE_TOLD.sub(" ", line).split()) - set(named.split()) - _INTRO_WORDS
    if len(said) > 1:  # the line tells more than who the asker is ("my cholesterol came back")
        return set()
    systems = {n.split(".")[0] for c in topics if c.key in told for n in c.tree_numbers}
    others = [
        c
        for c in topics
        if c.key not in told
        and c.may_be_condition
        and _named(rest, c.matched)
        and not any(n.split(".")[0] in systems for n in c.tree_numbers)
    ]
    return told if others else set()


def _past_history(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A condition named only as the asker's past ("NOTE: I also have a history of alcoholism",
    beside a question about a drug's liver tests) is background to what is asked, not its
    topic: it becomes a qualifier, which ranks the documents that also speak of it higher, when
    a drug or another condition named in another sentence or clause ("had a cold last week,
    now a rash") remains a topic. Alone, or told in
    one breath with the drug taken for it ("had diverticulitis and was on antibiotics"), or
    when its return is asked about ("so it doesn't come back"), it stays the topic."""
    text = _as_fixed(question, fixes)
    if _RECURRENCE.search(text):
        return concepts
    topics = _told_topics(concepts)
    lasting = {c.key for c in topics if _lasting(text, c.matched)}
    past = _conditions_after(_PAST, text, topics) - lasting
    if not past:
        return concepts
    elsewhere = [
        s
        for s in _clauses(question, fixes, commas=True)
        if not any(_named(s, c.matched) for c in topics if c.key in past)
    ]
    others = [
        c
        for c in topics
        if c.key not in past
        and (c.drug or c.may_be_condition)
        and any(_named(s, c.matched) for s in elsewhere)
    ]
    return _as_context(question, concepts, fixes, past) if others else concepts


_TURN = re.compile(
    r"(?<!since )(?<!until )(?<!till )"
    r"\b(?:(?<!day )(?<!days )(?<!week )(?<!weeks )(?<!month )(?<!months )(?<!year )(?<!years )"
    r"(?<!ages )(?<!while )now|"
    r"this (?:morning|afternoon|evening)|today|tonight|since then)\b(?!\s+(?:and|or)\b)"
)
"""Words that turn a story to what is going on now: "had the flu … and this morning …"."""
_EPISODE = re.compile(
    r"\b(?:had|been|(?<!ve\s)(?<!have\s)(?<!has\s)got|caught|getting\s+over|recovering\s+from|"
    r"c[oa]me\s+down\s+with)"
    r"(?:\s+(?:a|an|the|my|his|her|this|bad|nasty|heavy|horrible|awful|really|stinking|lot|lots|"
    r"of)){0,3}\s+$"
)
"""Words that tell an illness as an episode someone had or went through ("had the flu", "been
coughing", "caught a cold"), not as a condition they live with ("I have asthma", "I've got a
kidney stone")."""


def _before_the_turn(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A disease told only as an episode (:data:`_EPISODE`) before the story turns to now
    (:data:`_TURN`: "I've had the flu and been coughing hard, and this morning the white of
    my eye is bright red") is the occasion of what came after: a qualifier, when a condition of
    another part of the body, named after the turn, remains the topic. Not a sign of no part
    ("back pain for a week, today I wet myself"), nor an injury, nor a disease whose course goes
    on in the same part ("cystitis since Saturday, today a fever and pain in my side"), nor one
    whose return is asked about."""
    text = _as_fixed(question, fixes)
    if _RECURRENCE.search(text):
        return concepts
    topics = _told_topics(concepts)
    first = _first_mentions(topics, text)
    turn = next(
        (m for m in _TURN.finditer(text) if m.start() > min(first.values(), default=0)), None
    )
    if turn is None:
        return concepts
    earlier = [
        c
        for c in _diseases(topics)
        if (_systems(c) or not is_sign(c))
        and not _injury(c)
        and all(m.end() <= turn.start() for m in _mentions(text, c.matched))
        and _only_after(_EPISODE, text, c.matched)
    ]
    systems = {s for c in earlier for s in _systems(c)}
    later = [
        c
        for c in topics
        if c not in earlier
        and c.may_be_condition
        and _systems(c)
        and not _systems(c) & systems
        and any(m.start() >= turn.end() for m in _loose_mentions(text, c.matched))
    ]
    keys = {c.key for c in earlier}
    return _as_context(question, concepts, fixes, keys) if earlier and later else concepts


_IMAGINED = re.compile(
    r"\b(?:(?:thoughts?|images?|pictures?|flash(?:es)?|visions?|nightmares?|dreams?) "
    r"(?:of|about)|(?:keep|kept|keeps) (?:imagining|picturing|seeing|thinking about))\b"
    r"(?:(?!\b(?:and|but) (?:i|i'?m|im|i'?ve|ive|feel|felt|it|they|she|he)\b)[^.?!;])*$"
)
"""What a harm is told as the content of a thought, an image or a dream ("awful pictures of my
daughter getting burns at bath time", "I keep picturing the car crash"), up to the mention
that follows it within its sentence."""


def _imagined(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """An injury or accident named only as what the asker sees in their mind (:data:`_IMAGINED`)
    happened to no one: it, and what else is named only in the same image (the bath), are what
    the thoughts are about, qualifiers; the thoughts (or what else is told) are the topic. Not
    a harm the person tells happened ("she fell and I keep thinking about the fall": "fell" is
    said outside the image too)."""
    text = _as_fixed(question, fixes)
    seen = [c for c in _told_topics(concepts) if _only_after(_IMAGINED, text, c.matched)]
    if not any(_injury(c) for c in seen):
        return concepts
    return _set_aside(concepts, {c.key for c in seen}, "ignored", text)


_GENERAL_TREES = ("C01", "C23")
"""MeSH disease trees that say what kind of trouble a condition is (an infection; a sign or
symptom), not which part of the body it is in."""


def _systems(concept: QueryConcept) -> set[str]:
    """The body systems of ``concept``: the first parts of its disease tree numbers, without
    the general trees (:data:`_GENERAL_TREES`)."""
    return {
        n.split(".")[0]
        for n in concept.tree_numbers
        if n.startswith("C") and not n.startswith(_GENERAL_TREES)
    }


def _loose_mentions(text: str, phrase: str) -> list[re.Match[str]]:
    """Every mention of ``phrase`` in ``text``, with up to two words between its words ("lost my
    sense of smell" for the lay phrase "lost sense smell")."""
    words = r"(?:\W+\w+){0,2}?\W+".join(re.escape(w) for w in phrase.split())
    return list(re.finditer(rf"\b{words}\b", text))


_FOR_A_WHILE = (
    r"\s+(?:for|since)\s+(?:about\s+|over\s+|nearly\s+|almost\s+|the\s+(?:last|past)\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple\s+of)\s+"
    r"(?:days?|weeks?|wks?|months?|years?|yrs?)\b(?![^.;!?]{0,30}\b(?:ago|last\s+(?:year|month|"
    r"summer|winter)|when\s+i\s+was|as\s+a\s+(?:kid|child|teen)|back\s+in)\b)"
)


def _lasting(text: str, matched: str) -> bool:
    """True when ``text`` tells the condition ``matched`` as lasting up to now ("Had tennis
    elbow for 4 months, physio is helping": the subject-less "I've had"), not as over ("had
    shingles for 3 weeks last year")."""
    words = r"\W+".join(re.escape(w) for w in matched.split())
    return re.search(rf"\b{words}\w*{_FOR_A_WHILE}", text, re.IGNORECASE) is not None


_TIME_AFTER = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|few|several|couple\s+of)\s+(?:days?|weeks?|wks?|"
    r"months?|years?)\s+(?:after|since)(?:\s+(?:an?|the|my|his|her|their))?\s+$"
    r"|\b(?:ever\s+since|since\s+(?:i|he|she|they|we)\s+(?:had|got|caught))"
    r"(?:\s+(?:an?|the|my|his|her|their))?\s+$"
    r"|\b(?:after|since)\s+(?:my|his|her|their)\s+$|\bsince\s+an?\s+$"
)
"""Words that date a complaint from an earlier illness: "a cough six weeks after a cold",
"ever since I had covid", "bedbound after his stroke", "blocked since a cold"."""
_CAME_WITH = re.compile(
    r"\b(?:after|(?<!woke up )(?<!wake up )(?<!waking up )(?<!came down )(?<!come down )"
    r"(?<!coming down )(?<!diagnosed )(?<!presented )(?<!born )with)\s+an?\s+"
    r"(?:bad\s+|heavy\s+|nasty\s+|stinking\s+|streaming\s+)?$"
)
"""Words that tell the infection a complaint came with or after ("my knee flared up with a
nasty flu", "a sore jaw after a bad cold"); not what one woke up or came down with, or was
diagnosed with."""
_LOST = re.compile(
    r"\b(?:lost|losing|loss\s+of|lose)\s+(?:(?:my|his|her|their|the|all|any)\s+)*"
    r"(?:sense\s+of\s+)?(?:smell|taste|hearing|voice|hair|appetite|sight|vision|periods?)\b"
)
"""A sense or a function told as lost ("lost my taste after the flu"): "will it come
back" then asks for it, not for the illness to return."""
INFECTIONS_TREE = "C01"
"""Infections (MeSH C01): what one catches and gets over, so what a complaint can come with."""


def _earlier_illnesses(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A condition named only as the illness a complaint dates from (:data:`_TIME_AFTER`), or
    an infection it came with (:data:`_CAME_WITH`), is a qualifier when another condition or a
    drug remains the topic ("a cough that won't go away six weeks after a cold" asks about the
    cough), unless its return is asked about."""
    text = _as_fixed(question, fixes)
    if _RECURRENCE.search(text) and not _LOST.search(text):
        return concepts
    topics = _told_topics(concepts)
    caught = [c for c in topics if any(n.startswith(INFECTIONS_TREE) for n in c.tree_numbers)]
    earlier = (
        _conditions_after(_TIME_AFTER, text, topics)
        | _conditions_after(_CAME_WITH, text, caught)
        | {c.key for c in caught if _dated_after(text, c.matched)}
    )
    others = [c for c in topics if c.key not in earlier and (c.drug or c.may_be_condition)]
    return _as_context(question, concepts, fixes, earlier) if earlier and others else concepts


_DATED = re.compile(
    r"(?:\s+[\w']+){0,2}?\s+(?:(?:about|around|nearly|almost|over|some|like)\s+)?(?:\d+|a|an|one|"
    r"two|three|four|five|six|few|several|couple\s+of)\s+(?:days?|weeks?|months?|years?)\s+ago"
    r"|\s+(?:last|this\s+past)\s+(?:week|month|year|winter|summer|spring|autumn|fall|"
    r"christmas)|\s+in\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b"
)
"""A date right after an illness named: "… after shingles last spring"."""


def _dated_after(text: str, name: str) -> bool:
    """True when every time ``text`` names ``name`` it is right after "after" and dated ("lost
    my hearing in one ear after mumps three weeks ago"): the illness the complaint dates from,
    not the one asked about ("after chickenpox, how many days before school?")."""
    found = list(re.finditer(rf"\b{re.escape(name)}\b", text))
    return bool(found) and all(
        re.search(r"\bafter\s+$", text[: m.start()]) and _DATED.match(text, m.end()) for m in found
    )


def _conditions_after(
    before: re.Pattern[str], text: str, topics: Sequence[QueryConcept]
) -> set[str]:
    """The keys of the conditions (no drugs) that ``text`` names only right after words
    ``before`` finds (:func:`_only_after`)."""
    return {
        c.key
        for c in topics
        if c.may_be_condition and not c.drug and _only_after(before, text, c.matched)
    }


_RECURRENCE = re.compile(
    r"\b(?:come|comes|coming|came)\s+back\b|\b(?:recur|recurs|recurring|recurrence|relapse|"
    r"again)\b"
    r"|\b(?:does|doe|will|could|might|can)\s+(?:this|that|it|having\s+(?:had\s+)?(?:it|one))\s+"
    r"(?:mean|make|cause|lead\s+to)\b[^.?!]{0,40}?\b(?:will|would|might|could|is\s+going\s+to|"
    r"are\s+going\s+to)\s+(?:have|get|develop|end\s+up\s+with|go\s+on\s+to)\b"
)
"""Words that ask about a past condition's return ("what can I do so it doesn't come back")
or what it leads to ("had a febrile seizure … does this mean she will have epilepsy"): then
the past condition is what is asked about. It reads the text as :func:`_as_fixed` writes it,
whose plural-stripping turns "does" into "doe" (as :func:`_asked_of_it` reads it)."""


def _diseases(topics: Sequence[QueryConcept]) -> list[QueryConcept]:
    """The diseases (or curated names that may be one) among ``topics``: no drug, no sign."""
    return [c for c in topics if c.may_be_condition and not c.drug and c.tier <= DISEASE_TIER]


def _named(text: str, phrase: str) -> bool:
    return re.search(rf"\b{re.escape(phrase)}\b", text) is not None


_CLAUSE_BREAK = re.compile(
    r",|\b(?:and|but)\s+(?=(?:now|since then|ever since|these days|lately|today)\b)"
    # a turn to what goes on: "had a cold a month ago and I'm still coughing"
    r"|\b(?:and|but)\s+(?=(?:(?:i|he|she|they|we)(?:'m|’m|'s|’s|'re|’re|\s+am|\s+is|\s+are)?\s+)?"
    r"still\b)"
    r"|(?:(?<=yesterday)|(?<=\bago)|(?<=last night)|(?<=last week)|(?<=this morning))\s+"
    r"(?=now\b)",
    re.IGNORECASE,
)


def _clauses(question: str, fixes: Mapping[str, str], commas: bool = False) -> list[str]:
    """The question's sentences as typed (a lower-case word may follow the "?"), each read
    with the spelling ``fixes``; with ``commas``, also the parts a comma or a turn to the present
    separates ("had a cold last week, now a rash", "had a stroke last year and now he coughs")."""
    parts = _SENTENCE_END.split(question)
    if commas:
        parts = [p for part in parts for p in _CLAUSE_BREAK.split(part)]
    return [_as_fixed(part, fixes) for part in parts if part.strip()]


_LIKENED_TO = re.compile(
    r"\b(?:just|only|simply|merely)\s+another\s+(?P<name>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
    r"\s*(?:[?.!,]|$)|\b(?:same as|similar to|like)\s+(?:an?|the|my)\s+"
    r"(?P<like>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s*(?:[?.!,]|$)",
    re.IGNORECASE,
)
"""What the asked thing is likened to at the end of a clause ("or is it just another flu
shot?", "is it the same as a flu jab?"); not the asker's own guess ("just a cold?")."""


def _likened(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A topic named only as what the asked thing is likened to ("is the RSV shot worth it or is
    it just another flu shot?") is context: its pages say nothing of the thing asked. Not when
    no other topic would be left."""
    likened = [
        f" {_as_fixed(m.group('name') or m.group('like'), fixes)} "
        for m in _LIKENED_TO.finditer(question)
    ]
    if not likened:
        return concepts
    topics = [c for c in concepts if c.role == "topic" and c.matched]
    keys = {c.key for c in topics if any(_said_in(span, c.matched) for span in likened)}
    if not keys or all(c.key in keys for c in topics):
        return concepts
    return _demoted(concepts, keys, "qualifier")


def _said_in(text: str, phrase: str) -> bool:
    """``phrase`` is in ``text``, also as typed in two words ("heat stroke" for heatstroke)."""
    return _named(text, phrase) or phrase.replace(" ", "") in text.replace(" ", "")


def _compared(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A comparison ("what's the difference between heat exhaustion and heat stroke? my husband
    came home with a headache") is about the things compared: when the sentence that compares
    names two topics or more, a topic named only in the other sentences (what someone felt,
    told as context) becomes a qualifier. When the things compared are all medicines, a
    condition told beside them is what they are compared for ("my back aches. is naproxen or
    diclofenac better?" compares them for the backache) and stays a topic."""
    topics = _told_topics(concepts)
    inside: set[str] = set()
    # the clause that compares ("…, my son was just diagnosed with one of them after weight
    # loss"), else its whole sentence ("the difference between A, B and C")
    for commas in (True, False):
        comparing = [s for s in _clauses(question, fixes, commas) if _COMPARE.search(s)]
        inside = {c.matched for c in topics if any(_said_in(s, c.matched) for s in comparing)}
        if len(inside) >= 2:
            break
    if len(inside) < 2:
        return concepts
    medicines = all(c.drug for c in topics if c.matched in inside)
    told = {
        c.key
        for c in topics
        if c.matched not in inside and not (medicines and c.condition and not c.drug)
    }
    return _as_context(question, concepts, fixes, told)


_RECOVERY = re.compile(
    r"\bhow\s+long\s+(?:until|till|before|will\s+(?:it|this|that|they)|(?:does|do|did)\s+(?:it|this|"
    r"that|they|these)\s+(?:take|last))\b|\b(?:go|goes|going)\s+away\b"
    r"|\b(?:go|goes|get|gets)\s+back\s+to\s+normal\b|\brecover(?:y|ing)?\b|\bheal\b"
    r"|\bhow\s+long\s+(?:should|do|must|can)\s+(?:i|we|you)\s+(?:wait|leave\s+it)\b"
)
"""Words that ask how a condition runs its course: "how long until it goes back to normal",
"how long should I wait before going back"."""


DRUG_FACETS = frozenset({Facet.SIDE_EFFECTS, Facet.INTERACTIONS, Facet.DOSAGE})


def _course_asked(
    question: str,
    concepts: tuple[QueryConcept, ...],
    fixes: Mapping[str, str],
    asked: Collection[Facet],
) -> tuple[QueryConcept, ...]:
    """A question whose asking sentence wants a disease's course or its return, or what the
    disease is, and names no drug ("urgent care said Bell's palsy and gave me prednisone. how
    long until it goes back to normal"; "I'm on indomethacin now. what should I avoid so it
    doesn't come back"; "what exactly is atrial fibrillation? she was put on apixaban") is
    about the disease: a drug told only in the other sentences becomes a qualifier. A drug in the
    asking sentence is what is asked ("how long does prednisone take to work"), and so is one
    beside a symptom only ("just started metformin and I have diarrhea. does this go away":
    the symptom is the drug's effect) or in a question of side effects, doses or
    interactions, or one told as what brought on the complaint (:func:`felt_since_starting`)
    or naming it (:func:`_drug_named_complaint`)."""
    if DRUG_FACETS & set(asked) or felt_since_starting(question):
        return concepts
    if _drug_named_complaint(question, concepts, fixes):
        return concepts  # "this lisinopril cough … will it pass": the drug's effect
    parts = [part for part in _SENTENCE_END.split(question) if part.strip()]
    read = [_as_fixed(part, fixes) for part in parts]
    topics = _told_topics(concepts)
    drugs = [c for c in topics if c.medicine]
    diseases = _diseases(topics)
    course = [
        bool(_RECOVERY.search(r) or _RECURRENCE.search(r) or _defines(r, diseases)) for r in read
    ]
    if not any(course) or not drugs or not diseases:
        return concepts
    # a drug named in a sentence that asks (of the course, or with a question mark) is asked
    asking = [
        r
        for part, r, c in zip(parts, read, course, strict=True)
        if c or part.rstrip().endswith("?")
    ]
    if any(_said_in(r, c.matched) for r in asking for c in drugs):
        return concepts
    return _as_context(question, concepts, fixes, {c.key for c in drugs})


_WHAT_IS = re.compile(
    r"\bwhat (?:exactly |actually |really )?(?:is|are) (?:an? |the )?(?P<rest>.+)$"
)


_ASKS_WHAT_IT_IS = re.compile(
    r"\bwhat(?:'s|s|\s+is|\s+are)\s+(?:exactly\s+|actually\s+)?"
    r"(?!(?:an?\s+|the\s+)?(?:best|right|normal|usual|treatments?|cures?|doses?|dosage|"
    r"difference|causes?|causing|risks?|chances?|odds|recommended|safest|max|maximum|minimum|"
    r"point|problem|matter|way|likelihood|outlook|side|effects?|signs?|symptoms?|options?|"
    r"it\s+(?:like|going|for|about|doing|worth|causing)|this|that|wrong|going|happening|"
    r"there|good|bad|better|worse|some|any|things?|ways?|foods?|exercises?|tips?|home)\b)"
    r"(?:an?\s+|the\s+)?[a-z]"
    r"|\bwhat\s+(?:does|do)\b[^.?!]{1,60}?\bmean\b"
)
"""A part of a question asking what something is or means ("slapped cheek, what is it"); not
what the best treatment, the dose or the cause is, nor "what are some things I can do", nor
"what's wrong", nor "what is this" said
of one's own symptom, which asks to name it rather than to describe a topic already named."""


def asks_what_it_is(question: str) -> bool:
    """True when any part of ``question`` asks what something is or means ("what is MGUS? my
    dad's test found it", "whats a polyp", "what does a raised ALT mean"), whatever else it
    asks."""
    return bool(_ASKS_WHAT_IT_IS.search(question.lower()))


def _defines(sentence: str, diseases: Sequence[QueryConcept]) -> bool:
    """True when ``sentence`` (normalised) asks what one of ``diseases`` is ("what exactly is
    atrial fibrillation"): told beside it, the drug it was treated with is context."""
    match = _WHAT_IS.search(sentence)
    return match is not None and any(_named(match["rest"], c.matched) for c in diseases)


_TRIED = re.compile(
    r"\b(?:tried|trying|been\s+(?:using|taking|on)|used|took|didn'?t\s+help|nothing\s+works)"
    r"(?:\s+\S+){0,5}\s+$"
)
"""Words that tell a treatment already tried: "tried otc creams and coal tar shampoo"."""
_SET_ASIDE = re.compile(
    r"\b(?:apart\s+from|aside\s+from|other\s+than|besides|except(?:\s+for)?|on\s+top\s+of)"
    r"(?:\s+(?:taking|using|the|my|his|her|their))?\s+$"
)
"""Words that set a treatment aside while asking what else helps ("anything that helps apart
from heat packs?"): the treatment is known, the condition is asked about."""
_CONTINUED = re.compile(
    r"\b(?:stay(?:ing)?\s+on|keep(?:ing)?\s+(?:on|taking|using)|continu\w*(?:\s+(?:on|taking|"
    r"using))?|(?:come|coming|get|getting|go|going|wean\w*)\s+off(?:\s+of)?|stop(?:ping)?"
    r"(?:\s+(?:taking|using))?|quit(?:ting)?)\s+(?:it|them|this|that)\b"
    r"|\bstop(?:ping)?\s+(?:it\s+)?(?:abruptly|suddenly|all\s+at\s+once)\b"
)
"""Words that ask whether to go on with, or stop, a treatment the asker is on ("is it bad to
stay on it", "can I just stop abruptly", "how do I come off them"): that treatment is what is
asked about, not one tried before."""


def _tried_treatments(
    question: str,
    concepts: tuple[QueryConcept, ...],
    fixes: Mapping[str, str],
    asked: Collection[Facet],
) -> tuple[QueryConcept, ...]:
    """A question asking a disease's treatment options, after telling the drugs already tried
    ("tried creams and coal tar shampoo, nothing works. what are the treatment options now"),
    is about the disease: the drugs tried become qualifiers (they still rank the documents
    that speak of them). Only when every mention of the drug follows such words. A drug told
    as failing ("advil barely touches it … could it be endometriosis") is context too, whatever
    is asked, unless the question asks of the drug itself (its dose, side effects or
    interactions). So is a drug set aside while asking what else helps, whatever is asked
    (:data:`_SET_ASIDE`: "what else helps besides X"). A drug the asker is on and asks whether
    to stay on or stop (:data:`_CONTINUED`) stays a topic."""
    text = _as_fixed(question, fixes)
    topics = _told_topics(concepts)
    if not any(c.condition and not c.drug and c.tier <= DISEASE_TIER for c in topics):
        return concepts
    tried = set()
    if Facet.TREATMENT in asked and not _CONTINUED.search(text):
        tried = {c.key for c in topics if c.medicine and _only_after(_TRIED, text, c.matched)}
    tried |= {c.key for c in topics if c.medicine and _only_after(_SET_ASIDE, text, c.matched)}
    if not OF_A_DRUG & set(asked):
        tried |= {
            c.key
            for c in topics
            if c.medicine
            and _only_before(_FAILED, text, c.matched)
            and not _only_after(_CLAIM_ASKED, text, c.matched)
        }
    return _as_context(question, concepts, fixes, tried)


_CLAIM_ASKED = re.compile(
    r"\b(?:is\s+it\s+true|true\s+that|is\s+it\s+a\s+myth|myth\s+that|heard|read|people\s+say|"
    r"they\s+say|why)\b(?:\s+\S+){0,3}\s+$"
)
"""Words before a drug that make its failing a claim asked about ("is it true antibiotics
don't work for colds", "why doesn't ibuprofen help a migraine"), not a failure told."""


_FAILED = re.compile(
    r"^\s+(?:\S+\s+){0,2}?(?:(?:barely|hardly|never|no\s+longer|(?:does|doe|do|did|is|was)(?:n'?t|\s+not))"
    r"\s+(?:even\s+|really\s+)?(?:touch|help|work|(?:do|doing)\s+(?:anything|much|a\s+thing))"
    r"\w*"
    r"|(?:does|doe|did|do)\s+nothing|(?:is|was)\s+(?:not\s+)?(?:useless|no\s+help))\b"
)
"""Words after a drug that say it failed: "advil barely touches it", "tylenol doesn't help",
"the ibuprofen isn't working", "motrin does nothing", "the shampoo isn't doing much"."""
OF_A_DRUG = frozenset({Facet.DOSAGE, Facet.SIDE_EFFECTS, Facet.INTERACTIONS})
"""Facets asked of a drug itself: a drug told as failing is still what such a question asks
about ("tylenol doesn't help, can I take more?")."""


def _only_before(after: re.Pattern[str], text: str, phrase: str) -> bool:
    """True when every mention of ``phrase`` in ``text`` is followed by what ``after`` finds
    at the start of the text after it."""
    mentions = _mentions(text, phrase)
    return bool(mentions) and all(after.search(text[m.end() :]) for m in mentions)


def _indications(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """The condition a drug was taken for ("got C. diff after taking clindamycin for a tooth
    infection") says why the drug was taken: when the question names another disease, that one
    is the topic, and the drug's reason becomes a qualifier; so it does beside a complaint told
    since the drug was started ("started amlodipine two weeks ago for migraine and now my
    ankles are swollen. Is this normal?", :func:`felt_since_starting`). Alone, it stays the
    topic ("can I take ibuprofen for gout"), and what something is tested for is no reason
    ("cut out wheat. Should I be tested for gluten intolerance")."""
    text = _as_fixed(question, fixes)
    topics = _told_topics(concepts)
    drugs = [re.escape(c.matched) for c in concepts if c.medicine and c.matched]
    if not drugs:
        return concepts
    reason = re.compile(
        rf"\b(?:{'|'.join(drugs)})(?:\s+[^\s.?!;]+){{0,5}}?\s+(?<!test )(?<!tested )(?<!checked )"
        r"(?<!screened )for\s+(?:an?\s+|the\s+|my\s+|his\s+|her\s+)?$"
    )
    diseases = _diseases(topics)
    # another disease, or a complaint the drug brought on (then the reason may be a measure:
    # "for blood pressure"): not one of the readings of the phrase the drug was taken for
    others = diseases
    reasons = diseases
    if felt_since_starting(question):
        others = [c for c in topics if c.may_be_condition]
        reasons = [c for c in topics if not c.medicine]
    why = {c.key for c in reasons if _only_after(reason, text, c.matched)}
    why_phrases = {c.matched for c in reasons if c.key in why}
    if not why or all(c.matched in why_phrases for c in others):
        return concepts
    return _as_context(question, concepts, fixes, why)


_STOPPED = re.compile(
    r"\b(?:finished|stopped|quit|came\s+off|come\s+off|was\s+on|were\s+on|used\s+to\s+take|"
    r"no\s+longer\s+(?:take|on)|not\s+on"
    r"|(?:won'?t|will\s+not|wouldn'?t|wouldnt|refused\s+to|refuses\s+to|didn'?t|didnt)\s+"
    r"(?:give|prescribe)\s+(?:me|him|her|us|them)(?:\s+any)?)"
    r"(?:\s+(?:the|my|his|her|taking))?\s+$"
)
"""Words that end a drug's course, or refuse it: "finished eliquis", "stopped taking
metformin", "the GP won't give me antibiotics"."""


def _past_drugs(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A drug the asker no longer takes ("finished eliquis. … should I take an aspirin") is
    context, a qualifier, when another topic remains: it neither makes an interaction question
    with the drug asked about nor a topic of its own. A complaint told as dating from stopping
    it ("stopped my venlafaxine 3 days ago, now dizzy") keeps it the topic."""
    text = _as_fixed(question, fixes)
    topics = _told_topics(concepts)
    stopped = {
        c.key
        for c in topics
        if c.drug
        and _only_after(_STOPPED, text, c.matched)
        and not _since_stopping(question.lower(), c)
    }
    if not stopped or all(c.key in stopped for c in topics):
        return concepts
    return _as_context(question, concepts, fixes, stopped)


_GIVEN = re.compile(
    r"\b(?:had|got|was\s+given|were\s+given|received|after)(?:\s+(?:the|my|his|her|their|a|"
    r"an|all))?(?:\s+\d+[- ]?(?:week|month|year|wk|mo)s?)?\s+$"
)
"""Words that tell a drug as given and done: "had her jabs", "got a flu shot", "after the
12 week vaccines"."""


def _dose_asked_of(
    question: str,
    concepts: tuple[QueryConcept, ...],
    fixes: Mapping[str, str],
    asked: Collection[Facet],
) -> tuple[QueryConcept, ...]:
    """A dose is asked of the drug named where the dose is asked ("had her jabs yesterday, now
    a fever. can I give calpol and how much"): a drug told as given already (:data:`_GIVEN`),
    in another sentence or in the dose's own ("… a temp after her jabs"), is context, whose
    amounts (a vaccine's booster schedule) answer nothing asked. A drug the asker is on stays:
    the dose of another may depend on it."""
    if Facet.DOSAGE not in asked:
        return concepts
    asking = [s for s in _clauses(question, fixes) if FACET_CUES[Facet.DOSAGE].search(s)]
    drugs = [c for c in _told_topics(concepts) if c.drug]
    text = _as_fixed(question, fixes)
    given = {c.key for c in drugs if _only_after(_GIVEN, text, c.matched)}
    # in the dose's own sentence too: "how much calpol …, she has a temp after her jabs"
    dosed = {
        c.key for c in drugs if c.key not in given and any(_said_in(s, c.matched) for s in asking)
    }
    return _as_context(question, concepts, fixes, given) if dosed and given else concepts


_SINCE = re.compile(
    r"^[^.?!]{0,60}?\b(?:now|since then|ever since|and now|since|after that|withdrawal|zaps?)\b"
)
"""Words after a stopped drug that date a complaint from stopping it: "stopped my venlafaxine
3 days ago, now dizzy"."""


def _since_stopping(text: str, drug: QueryConcept) -> bool:
    """True when a complaint is told, in the same sentence of ``text`` (the question as typed,
    lower-cased), as dating from stopping ``drug`` (:data:`_SINCE`): then what stopping it
    does is asked, and the drug stays the topic."""
    return any(_SINCE.match(text[m.end() :]) for m in _mentions(text, drug.matched))


_TELLING = re.compile(
    r"\s*(?:(?:i|i'm|im|i've|ive|my|we|our|he|she|his|her|they)\b"
    r"|\d{1,3}\s*(?:yo|y/o|yrs?|years?(?:\s+old)?)?\s*(?:[mf]|male|female|man|woman)\s+with\b)",
    re.IGNORECASE,
)
"""A first sentence that opens by telling ("I finished eliquis.", "70F with gout.") is no
subject line."""


_LEVEL_ASKED = re.compile(
    r"\b(?:should|ought to) (?:it|that|this|mine|they|my \w+) be (?:higher|lower|above|below|"
    r"over|under)\b|\b(?:it|that|this|mine|they) (?:should|ought to) be (?:higher|lower|above|"
    r"below|over|under)\b|\bis (?:that|it|this|mine) (?:\w+ )?(?:normal|too low|too high|high "
    r"enough|low enough|enough|ok|okay|fine)\b|\bwhat (?:level|number|range) should\b"
    r"|\bwhat (?:does|doe|do|would|could|might) (?:an? |my |his |her |the |this |that )?\w+ "
    r"(?:level |result |reading |count )?(?:of |at |around )?\d[\d.,]* (?:\w+ )?mean\b",
    re.IGNORECASE,
)
"""A question whether the value itself is right ("is that high enough?", "should it be
higher?") or what it means ("what does an ALT of 68 mean?"): the substance measured stays
what is asked about."""


def _measured_beside_a_condition(
    question: str,
    concepts: tuple[QueryConcept, ...],
    fixes: Mapping[str, str],
    vocabulary: Vocabulary,
) -> tuple[QueryConcept, ...]:
    """A substance of the body told only as a test result ("her ferritin is 6") beside a
    condition the message names ("… the nurse says it's anaemia") is context: the
    condition is what the reader asks about, not the protein. A test with an NIH page of its
    own stays a topic: the A1C page gives the limits a result is read against."""
    text = _as_fixed(question, fixes)
    if _LEVEL_ASKED.search(text):
        return concepts  # whether the value itself is right is asked of the substance
    topics = [c for c in concepts if c.role == "topic"]
    measured = {
        c.key
        for c in topics
        if only_under(c.tree_numbers, BODY_CHEMICALS)
        and told_as_measured(c.matched, text)
        and not vocabulary.page_names({c.key})
        and not vocabulary.pages_named(c.names)
    }
    if not measured or not any(c.may_be_condition and c.key not in measured for c in topics):
        return concepts
    return _as_context(question, concepts, fixes, measured)


def _class_of_a_named_drug(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A drug class named with "the" or "this" after a drug of that class ("we use
    hydrocortisone … how often can I use the steroid cream") is that drug named again, not a
    second medicine: it is context, so the two make no pair to interact."""
    text = _as_fixed(question, fixes)
    drugs = [c for c in concepts if c.role == "topic" and c.drug and c.matched]
    first = _first_mentions(drugs, text)
    again = {
        cls.key
        for cls in drugs
        for member in drugs
        if member.key != cls.key
        and member.key in first
        and cls.tree_numbers
        and lies_under(member.tree_numbers, cls.tree_numbers)
        and _named_again(text[first[member.key] :], member.matched, cls.matched)
    }
    return _as_context(question, concepts, fixes, again) if again else concepts


_FORMS = frozenset(
    "cream creams ointment gel tablet tablets pill pills capsule capsules inhaler inhalers "
    "injection injections jab jabs shot shots spray sprays drops patch patches liquid".split()
)
"""Words for a medicine's form: "the steroid inhaler" after hydrocortisone cream is another
medicine."""


def _named_again(text: str, member: str, cls: str) -> bool:
    """True when ``text`` (from the member drug's first mention on) names the class with "the"
    or "this", in no form or in one the member was told in (or told in none)."""
    again = re.search(rf"\b(?:the|this|that|these|those)\s+{re.escape(cls)}\b(?:\s+(\w+))?", text)
    if again is None:
        return False
    last = cls.rsplit(maxsplit=1)[-1]
    form = last if last in _FORMS else again.group(1)
    if form is None or form not in _FORMS:
        return True
    told = re.search(rf"\b{re.escape(member)}\b(?:\W+\w+){{0,3}}", text)
    forms = set(told.group(0).split()) & _FORMS if told else set()
    return not forms or form in forms


def _as_context(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str], keys: set[str]
) -> tuple[QueryConcept, ...]:
    """``concepts`` with the topics among ``keys`` made qualifiers, told as context, except one
    a subject line names ("COPD. my dad … is he using too much albuterol"; "History of DVT. …
    should I take an aspirin"): the subject says what the message is about."""
    line = _subject_line(question)
    if line is not None and not _TELLING.match(line):
        subject = f" {_as_fixed(line, fixes)} "
        keys = {
            k
            for k in keys
            if not any(c.key == k and _said_in(subject, c.matched) for c in concepts)
        }
    return _demoted(concepts, keys, "qualifier") if keys else concepts


def _spelled(text: str, fixes: Mapping[str, str]) -> str:
    """``text`` with the question's spelling ``fixes`` applied word by word, punctuation kept."""
    if not fixes:
        return text
    return re.sub(r"[\w'’-]+", lambda m: fixes.get(normalise(m.group(0)), m.group(0)), text)


def _phrases_fixed(text: str, fixes: Mapping[str, str]) -> str:
    """``text`` (lower case) with the question's fixes applied, phrases as well as words,
    punctuation kept: "a couple of drinks" read as alcohol names it where it was said."""
    for said, meant in fixes.items():
        if " " in said:
            text = re.sub(rf"\b{re.escape(said.lower())}\b", meant, text)
    return _spelled(text, fixes)


def _as_fixed(text: str, fixes: Mapping[str, str]) -> str:
    """``text`` normalised, read with the question's ``fixes``: the lay descriptions read in
    plain words ("coughs when he eats" → dysphagia, :func:`illness_senses`), then the spelling
    fixes of single words."""
    plain = normalise(text)
    for said, meant in fixes.items():
        if " " in said and (told := normalise(said)):
            plain = re.sub(rf"\b{re.escape(told)}\b", meant, plain)
    return " ".join(fixes.get(w, w) for w in plain.split())


def _renamed(text: str, fixes: Mapping[str, str]) -> str:
    """``text`` as typed, with each phrase of several words that the repairs renamed ("heart
    problems" → "heart disease") written as renamed, so that what is said of the phrase ("no
    heart problems") is said of the concept found for it."""
    for said, meant in fixes.items():
        words = said.split()
        if len(words) > 1:
            typed = r"\W+".join(rf"{re.escape(w)}(?:s|es|'s|’s)?" for w in words)
            text = re.sub(rf"\b{typed}\b", meant, text, flags=re.IGNORECASE)
    return text


def _first_mentions(concepts: Sequence[QueryConcept], text: str) -> dict[str, int]:
    """Where the words of each concept first stand in ``text``, by concept key (concepts whose
    words are not there are left out)."""
    return {
        c.key: m.start() for c in concepts if (m := re.search(rf"\b{re.escape(c.matched)}\b", text))
    }


def _asked_of_it(text: str, phrase: str) -> bool:
    """True when ``phrase`` is asked of "it" ("what is lichen sclerosus … is it cancer", "a
    thyroid nodule … does it mean cancer"): after a disease was named, "it" is that disease and
    the phrase says what is asked of it."""
    asked = r"\b(?:is|could|might|can|would|does|doe|do)\s+it\s+(?:be\s+|mean\s+)?(?:an?\s+)?"
    return re.search(asked + rf"{re.escape(phrase)}\b", text) is not None


def _guessed(text: str, phrase: str) -> bool:
    """True when ``phrase`` is what the asker guesses the trouble is, ending the clause of "is
    this …" / "could this be …" / "does this mean I have …" / "do I have …" ("is this swimmer's
    ear and does he need drops"), also when it is said to begin ("is this arthritis starting"):
    a question about it, not a description of a condition already named ("is this auto-immune
    blood disorder hereditary")."""
    name = rf"(?:an?\s+)?{re.escape(phrase)}(?:\s+{_ONSET})?"
    guess = rf"{_GUESS_OPENING}{name}"
    ended = re.search(guess + rf"\s*(?:$|[?.,!;]|\b(?:and|or|{_CLAUSE_START})\b)", text) is not None
    return ended or re.search(rf"\b{_MEANS_HAVING}{name}\b", text) is not None


_ONSET = r"(?:starting|beginning|setting in|coming on|developing|already|again|coming back)"
"""Words that say a guessed condition is beginning ("is this arthritis starting?")."""
_CLAUSE_START = "do|does|did|can|could|should|will|would|what|how|why|when|i|my"
"""Words that start the next question in a normalised text (its commas gone): "is this a
pinched nerve do i need an mri" ends the guess before "do"."""


_GUESS_OPENING = r"\b(?:is|could|might|can)\s+(?:this|that|it)\s+(?:be\s+)?"
"""How a guess at what is wrong opens: "is this …", "could it be …"."""


def _guessed_as_cause(text: str, phrase: str) -> bool:
    """True when ``phrase`` ends an "is this …" / "could it be …" clause, perhaps beside
    another guess ("is this menopause or my thyroid"): a stage guessed as the cause of what is
    told, not an activity asked about ("when can we go swimming again"), nor one offered
    as the harmless reading of what is told ("is it just the change?": the heavy
    bleeding told stays what is asked about)."""
    name = rf"(?:an?\s+|the\s+)?{re.escape(phrase)}"
    guess = rf"{_GUESS_OPENING}{name}"
    return re.search(guess + r"\s*(?:$|[?.,!;]|\b(?:and|or)\b)", text) is not None


_MEANS_HAVING = (
    r"(?:(?:does|doe|do|could|can|would|might)\s+(?:this|that|it|these|those)\s+mean\s+|"
    r"(?:do|could|can|might)\s+)(?:i|he|she|they|we|you|my\s+\w+)\s+(?:have|has|got|had)\s+"
)
"""'does this mean I have …', 'could she have …': the asker's guess at a diagnosis."""


_SUBJECT = re.compile(
    r"^\s*(?:(?:subject|re|topic|question)\s*:\s*)?(?P<subject>[^.?!:\n]{2,60})[.:]\s+\S",
    re.IGNORECASE,
)
MAX_SUBJECT_WORDS = 5
"""Words of a subject line before the message ("Constipation. my mom is 78 and …")."""


def _subject_line(question: str) -> str | None:
    """The subject line the message opens with ("Constipation. my mom …", "Subject: gout
    flares. …"), as typed without its label, or None (none, or longer than MAX_SUBJECT_WORDS
    words)."""
    match = _SUBJECT.match(question)
    if match is None or len(match.group("subject").split()) > MAX_SUBJECT_WORDS:
        return None
    return match.group("subject")


BROAD_DEPTH = 3
"""MeSH tree depth (parts of a tree number) up to which a pathologic process is too broad for
a subject line to make it the message's topic ("Disease", C23.550.288)."""
PATHOLOGIC_PROCESSES = "C23.550"


def _broad(concept: QueryConcept) -> bool:
    """A category, or a general pathologic process ("Disease"); not a sign such as hot
    flashes (C23.888.475), however high it sits in the tree."""
    return concept.category or (
        bool(concept.tree_numbers)
        and all(
            n.startswith(PATHOLOGIC_PROCESSES) and n.count(".") < BROAD_DEPTH
            for n in concept.tree_numbers
        )
    )


def _subject_topics(
    question: str, concepts: tuple[QueryConcept, ...], fixes: Mapping[str, str]
) -> tuple[QueryConcept, ...]:
    """A message that opens with a subject line ("Constipation. my mom hasn't had a bowel
    movement in 5 days") is about what the subject names: a topic named there ranks with the
    most central topics of the message, so a symptom in the subject is not outranked by a
    body process the message mentions. Others are not demoted: the message may name a second
    condition it asks about. A subject that already names a most central topic ("Elbow pain."
    with the elbow's disorders) lifts nothing: the symptom beside it says what is wrong with
    it. Nor does a symptom named with a body part ("Ear pain." before "is this swimmer's
    ear?"): the subject names pain of that part, not pain in general; nor a subject before a
    message that guesses the condition ("Breastfeeding pain. … is this mastitis?")."""
    line = _subject_line(question)
    if line is None:
        return concepts
    subject = f" {_as_fixed(line, fixes)} "
    # a broad concept the subject names ("… disease clinical trials") lifts nothing
    named = [c for c in concepts if f" {c.matched} " in subject and not _broad(c)]
    topics = [c for c in concepts if c.role == "topic"]
    best = min((c.tier for c in topics), default=0)
    if any(c.tier == best for c in named if c.role == "topic"):
        return concepts
    text = _as_fixed(question, fixes)
    if any(_guessed(text, c.matched) for c in topics if c.matched and c not in named):
        return concepts  # "Breastfeeding pain. … is this mastitis?": the guess is the topic
    part = any(map(anatomy_only, named))
    return tuple(
        c.model_copy(update={"tier": best})
        if c in named and c.role == "topic" and c.tier > best and not (part and is_sign(c))
        else c
        for c in concepts
    )


_AMOUNT_IN = re.compile(
    r"\b(?:how ?much|how many|amount of|quantity of|is there|are there|any)\b"
    r"(?P<what>.+?)\bin\b(?P<product>.+)$"
)
"""'How much X is in Y', 'is there X in Y': X is an ingredient asked about the product Y."""


def _ingredients(question: str, concepts: tuple[QueryConcept, ...]) -> tuple[QueryConcept, ...]:
    """In "how much alcohol is in 2 puffs of ProAir?" or "how much aspirin in butalbital" the
    drug before "in" is an ingredient asked about the drug product after it: a qualifier, so
    the answer must come from documents about the product (or say there are none), not from
    studies of alcohol or aspirin."""
    match = _AMOUNT_IN.search(normalise(question))
    if match is None:
        return concepts
    what, product = f" {match.group('what')} ", f" {match.group('product')} "
    drugs = [c for c in concepts if c.role == "topic" and c.drug and c.matched]
    if not any(f" {c.matched} " in product for c in drugs):
        return concepts
    inside = {c.key for c in drugs if f" {c.matched} " in what and f" {c.matched} " not in product}
    return _demoted(concepts, inside, "qualifier") if inside else concepts


CURATED_ORIGINS = frozenset({"mesh", "lay"})
"""Vocabularies whose names may keep a question word: MeSH and the curated lay table."""


def _term_finder(vocabulary: Vocabulary) -> Callable[[list[str]], set[str]]:
    """Which phrases name a disease, drug or procedure of MeSH ("common cold", "vitamin a") or
    a curated lay term ("bad breath"): a question word is kept as part of such a name only
    ("patient portal", a MedQuAD topic, does not make "reset my patient portal password" a
    health question)."""

    def names(phrases: list[str]) -> set[str]:
        found = vocabulary.lookup(phrases)
        return {c.phrase for c in found if c.origin in CURATED_ORIGINS and role(c) == "topic"}

    return names


def _with_words(
    counts: Callable[[Collection[str]], Mapping[str, int]], extra: Collection[str]
) -> Callable[[Collection[str]], Mapping[str, int]]:
    """A spelling lexicon: the vocabulary's word counts, plus ``extra`` words counted once."""

    def lexicon(words: Collection[str]) -> Mapping[str, int]:
        found = dict(counts(words))
        for word in words:
            if word in extra:
                found.setdefault(word, 1)
        return found

    return lexicon


_TEST_BRAND = re.compile(
    r"\b(?:negative|positive|\d+|two|three|several|a few|home|cheap)\s+([a-z][\w-]*)\s+"
    r"(?:pregnancy\s+|ovulation\s+)?(?:tests?|kits?|strips?|sticks?)\b",
    re.IGNORECASE,
)
"""The brand of a home test told with its results ("2 negative zorbexal tests"): a product's
name, not something asked about that nobody here knows."""


def _glossed(question: str, concepts: Sequence[QueryConcept]) -> set[str]:
    """The words in brackets right after a drug the question names ("empagliflozin
    (Jardiance)"), lower-cased."""
    text = question.lower()
    return {
        w
        for c in concepts
        if c.drug and c.matched
        for m in re.finditer(_as_written(c.matched) + r"\s*\(([^()]{1,40})\)", text)
        for w in normalise(m.group(1)).split()
    }


def _unknown_terms(
    words: Sequence[str],
    concepts: Sequence[QueryConcept],
    vocabulary: Vocabulary,
    known: Callable[[str], bool],
    question: str = "",
) -> tuple[str, ...]:
    """Focus words that look like a name nobody here knows: no concept matched them, they are
    no English word or typo of one, no vocabulary term uses them and no indexed document does
    ("what is zorbexal for my knee" → "zorbexal"); not a name the question glosses a drug it
    names with ("empagliflozin (Zorbexal)": its brand, already known by the drug)."""
    covered = {w for c in concepts for w in c.matched.split()}
    covered |= _glossed(question, concepts)
    covered |= {normalise(m.group(1)) for m in _TEST_BRAND.finditer(question)}
    wanted = [w for w in dict.fromkeys(words) if w not in covered and correctable(w)]
    wanted = [w for w in wanted if not near_english(w)]
    if not wanted:
        return ()
    in_vocabulary = vocabulary.word_counts(wanted)
    return tuple(w for w in wanted if w not in in_vocabulary and not known(w))
