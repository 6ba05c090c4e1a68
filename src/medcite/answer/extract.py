"""Find, for each facet, the sentences of the retrieved evidence that answer it for this focus.

A sentence is a candidate for a facet when
- its document is relevant enough (evidence score ≥ MIN_EVIDENCE_SCORE),
- it is about the topic: it names the focus or an expansion term, or its document is (a guideline
  page whose focus/title names one); for an evidence question ("Is X associated with Y?") it
  must also name the other side, a second phrase or another of the question's words
  (:meth:`Topic.covers`), so a statement about X alone is not an answer,
- it matches the facet: a cue pattern (``caused by``, ``treated with`` ...) or, for guideline
  pages, the page's question type (a MedQuAD "causes" page answers CAUSES),
- it reads as a statement (6–70 words, not a question, not a study-purpose or methods sentence)
  and on its own: it does not open with a reference it leaves unresolved (:func:`dangling`).

    candidate score = evidence score × topic × facet × section × length

with topic = 1 + 0.4 × (extra topic phrases named), facet = 1.0 (cue) / 1.2 (question type) /
1.4 (both), × 1.25 for an unambiguous cue ("caused by", "treated with"), section = conclusions
1.3, results 1.1, background 0.8, other 1.0, and a mild penalty for very long sentences.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from medcite.answer.causes import (
    CONDITION_HEADS,
    PageTopic,
    cause_text,
    causes_something_else,
    effect_of_topic,
    initials,
)
from medcite.answer.segment import Sentence, document_sentences
from medcite.answer.terms import phrase_in
from medcite.evidence import child_warnings as warn_for_children
from medcite.evidence import organ_warnings as organ_warnings_of
from medcite.evidence.rank import names_study_animals, non_human, perinatal_study
from medcite.evidence.topic import condition_name
from medcite.query.concepts import VIA
from medcite.query.english import glued_words
from medcite.query.groups import (
    GROUPS,
    adult_patient,
    asker_sex,
    infant_patient,
    pregnancy_excluded,
    young_patient,
)
from medcite.query.understand import (
    ASKS_AGAIN,
    ASKS_UNDONE,
    asks_alternatives,
    chooses_among_treatments,
    evidence_question,
)
from medcite.records import (
    BOXED_WARNING_TYPE,
    Document,
    Evidence,
    EvidenceLevel,
    Facet,
    Query,
    QueryConcept,
    QuestionType,
    Source,
)
from medcite.text import normalise, stems, words

MIN_EVIDENCE_SCORE = 0.12
PATIENT_FACETS = frozenset(
    {Facet.TREATMENT, Facet.DOSAGE, Facet.SEEK_CARE, Facet.SIDE_EFFECTS, Facet.INTERACTIONS}
)
"""Facets an animal or in-vitro study never answers for a patient (evidence.rank.non_human)."""
HARM_PAGE_FACETS = frozenset({Facet.OVERVIEW, Facet.WARNINGS})
"""What a sentence of a page about a harm a drug does (:meth:`Topic.speaks_for_drug`) may
answer for a question about the drug without naming it: what the harm is, and a warning."""
OWN_NAME_FACETS = frozenset({Facet.DOSAGE, Facet.INTERACTIONS, Facet.OVERVIEW})
"""Facets a research sentence answers only when it names the topic itself: a study's dose or
interaction line without the drug's name is about the study's patients, not the reader's; an
overview line without it is about something else the study is on ("Amyloidosis is an uncommon
multisystem disease" in a study of a chronic cough)."""
MIN_WORDS, MAX_WORDS = 5, 70
MAX_DIGIT_SHARE = 0.06
NORMAL_RANGE = re.compile(
    r"\bnormal\b[^.;]{0,80}?\b(?:ranges? (?:from|between)|between|from)\s+\d"
    r"|\b(?:less|lower|more|higher|greater) than\s+\d[\d,.]*\b[^.;]{0,60}?\b(?:ab)?normal\b",
    re.IGNORECASE,
)
"""A reference range ("A normal white cell count ranges from 4,500 to 11,000"; "less than
4,500 … is lower than normal"): its numbers are what a reader with a result needs, so its
share of digits does not make it a run of statistics."""
_NO_DIGITS = str.maketrans("", "", "0123456789")

RAISES_RISK = (
    r"(?:increases?|increasing|raises?|raising) (?:your |the |a |one's |her |his )?(?:\w+ )?risks?"
)
"""Wording that makes something likelier ("can increase your risk", "raises the risk"): a
cause."""
CAUGHT_FROM = (
    r"(?:get|gets|getting|catch|pick up) (?:[\w']+ ){0,3}?(?:from|by) (?:\w+ ){0,2}?"
    r"(?:surfaces?|towels?|floors?|showers?|pools?|touching|sharing|contact|kissing|someone|"
    r"infected|other people|another person|people who)"
)
"""An infection caught from where or whom others left it ("You can get it from damp floors",
"people get it by sharing towels"): how it spreads."""


SENTENCE_CUES: dict[Facet, re.Pattern[str]] = {
    Facet.OVERVIEW: re.compile(
        r"\b(is|are) (a|an|the) (\w+[ ,-]+){0,4}(disorder|condition|disease|syndrome|movement|"
        r"problem|type|form|group|infection|inflammation|drug|medicine|medication|agent|"
        r"inhibitor|blocker|antibiotic|antibody|vaccine|hormone|vitamin|supplement|opioid|"
        r"benzodiazepine|antidepressant|analgesic|steroid|corticosteroid|chemotherapy)|"
        r"\b(is|are) characteri[sz]ed by|"
        r"\brefers to\b",
        re.I,
    ),
    Facet.CAUSES: re.compile(
        r"\b((?<!all-)(?<!all )caus\w*|due to|results? from|resulting from|risk factors?|"
        r"trigger\w*|etiolog\w*|"
        # what makes a condition likelier: "It can increase your risk of breast cancer"
        rf"{RAISES_RISK} (?:of|for)|"
        r"aetiolog\w*|secondary to|associated with|attributed to|brought on|"
        # how an infection is caught: "cannot be passed from one person to another"
        r"(?:is|are|be|not|no longer|less|more|very|highly) contagious|"
        r"(?:passed|spread|transmitted|caught) (?:on )?(?:from|between|to) (?:one )?"
        r"(?:person|people|another|others|someone|a person)|"
        r"spreads? (?:(?:easily|quickly|readily|rapidly|mainly|mostly),? )?(?:through|by|via)"
        r" (?:direct |close |the |infected )?(?:contact|air|coughing|sneezing|droplets|touch|"
        r"saliva|mucus|body fluids|blood|sex|sexual contact|food|water|kissing|sharing)|"
        r"(?:get|catch) (?:it|the virus|the infection) (?:from|when|if) (?:an? )?infected|"
        rf"{CAUGHT_FROM}|"
        # the problems a part of the body is the site of, listed: "… many common problems.
        # They include sprains, …" (``answer.segment`` joins the two)
        r"(?:problems|conditions|disorders|diseases)\. (?:They|These) (?:may |can |might |also )?"
        r"include|"
        # how a sexual infection is caught, on a patient page ("You can get it from having sex")
        r"(?:can|could|may) (?:get|catch) (?:it|them|the virus|the infection) (?:from|by|through|"
        r"during) (?:having )?(?:sex|oral sex|sexual contact|kissing|skin-to-skin contact)|"
        r"(?:virus|infection|bacteria|germs?|it) (?:can|could|may) (?:still )?spread (?:even )?"
        r"(?:when|if|without|before)|"
        r"(?:may|can|could) (?:transmit|spread|pass on) (?:the )?(?:bacteria|"
        r"bacterium|virus|infection|germs?|parasites?))\b",
        re.I,
    ),
    Facet.MECHANISMS: re.compile(
        r"\b(mechanism\w*|pathophysiolog\w*|pathogenes\w*|neurotransmitter\w*|hyperexcitab\w*|"
        r"demyelinat\w*|dopamin\w*|gaba\w*|cholinergic|inflammat\w*|immune response)\b",
        re.I,
    ),
    Facet.INHERITANCE: re.compile(
        r"\b(inherit\w*|heredit\w*|autosomal|x-linked|y-linked|mitochondrial inheritance|"
        r"familial|runs? in (the )?famil\w*|passed (down|on|from(?! (one )?(person|people|"
        r"someone|another)))|carriers?|de novo|"
        r"genetic (counsel\w*|test\w*|predisposition|susceptibility|risk|factors?|cause)|"
        r"(gene|genes|mutations?|variants?) (in|that|cause|causes|which)|"
        r"genes? (have been |has been |are |is |may be )?(linked|associated|involved)|"
        r"genetic(ally)? (component|basis|links?|linked|makeup|inherited))\b",
        re.I,
    ),
    Facet.SYMPTOMS: re.compile(
        r"\b(symptoms?|signs?|presents? with|presented with|characteri[sz]ed by|manifest\w*|"
        r"involuntary|complain\w* of|experience|if you notice|you (?:may|might) have "
        r"(?:an? )?[\w-]+(?: [\w-]+)? if)\b",
        re.I,
    ),
    Facet.DIAGNOSIS: re.compile(
        # "within 1 to 3 years of diagnosis" dates the course: no word of diagnosing
        r"\b(diagnos(?!is\b)\w*|(?<!of )(?<!after )(?<!since )(?<!following )diagnosis|mri|"
        r"imaging|magnetic resonance|electromyograph\w*|emg|blood tests?|examination|screening|"
        r"biopsy)\b"
        r"|\b(pap|hpv|stool|urine|lab|laboratory|skin|allergy|pregnancy|hearing|eye) "
        r"tests?\b|\btests? (can|may|will|could) (detect|find|show|tell)\b",
        re.I,
    ),
    Facet.TREATMENT: re.compile(
        r"\b(treat\w*|therap\w*|injections?|surg\w*|medications?|medicines?|drugs?|"
        r"relie\w*|efficacy|effective|management|managed with|improve\w*|dose|doses|"
        r"get rid of|creams?|ointments?|lotions?|curing|"
        # what cures it, not that nothing does ("There is no cure", "cannot be cured")
        r"(?<!no )(?<!not be )(?<!cannot be )(?<!can't be )cure[sd]?|"
        # a medicine class a condition needs ("infections in young babies may require antibiotics")
        r"(?:needs?|needed|require[sd]?|requiring|prescribed|given) (?:\w+ ){0,2}?(?:antibiotics?|"
        r"antivirals?|antifungals?)|"
        # how a medicine is stopped: "You often need to stop antidepressants gradually"
        r"(?:stop|stopping|come off|coming off) (?:taking )?(?:your |the |these |an? )?[\w-]+ "
        r"(?:gradually|slowly|suddenly|abruptly)|taper\w*)\b",
        re.I,
    ),
    Facet.PROGNOSIS: re.compile(
        r"\b(prognos\w*|outlook|recurr\w*\b(?! neural)|remission|surviv\w*|mortality|resolve[sd]?|"
        # not a habit's length ("long-term exposure to smoke") or a gloss ("chronic (long-term)")
        r"(?<!\()long[- ]term(?!\)| (?:exposure|use|smoking|contact|treatment|therapy|care|"
        r"medications?|management))|life expectancy|life ?span|progress(?:ion|es|ed|ing)?|"
        # a form's name ("primary progressive MS") is no course; "slowly progressive" is
        r"(?:slowly|rapidly|steadily) progressive|mildly affected|worst cases?|"
        r"wheelchairs?|assistive devices?|(?:unable|able) to (?:walk|work|speak|live)|"
        r"normal lives|normal life|(?:live|lead) (?:long|normal|productive)|do well|"
        # how long recovery takes ("Most people get better in two to four weeks", "you may
        # feel tired for a few months afterward")
        r"(?:get|gets|feel|feels) better (?:in|within) [^.;]{0,20}?(?:days?|weeks?|months?)|"
        r"(?:days?|weeks?|months?) afterwards?|"
        # how long it lasts ("Symptoms … last 2 to 14 days", "usually lasts a few weeks")
        r"(?:last|lasts) (?:for )?(?:about |around |up to |from |between )?(?:\d+|a few|several|"
        r"one|two|three|four|five|six|seven|ten)(?: (?:to|or|and|-) (?:\d+|\w+))? (?:days?|"
        r"weeks?|months?)|"
        # an illness that passes untreated ("Often, ear infections go away on their own.")
        # or a stone that passes untreated ("Most stones pass out of the body without help")
        r"(?:(?:go|goes|went|clear|clears|cleared|get|gets|heal|heals|resolve|resolves) "
        r"(?:away |up |better )?|(?:pass|passes) (?:(?:out of|through) [^.;,]{0,30}? )?)"
        r"(?:on (?:its|their) own|by (?:it|them)sel(?:f|ves)|without (?:any )?(?:treatment|"
        r"(?:medical )?help)))\b",
        re.I,
    ),
    Facet.PREVENTION: re.compile(
        r"\b(prevent\w*|(reduc|lower|lessen|cut|decreas)\w* (the |your |their |his |her )?"
        r"(risk|chances?|odds)(?! (that|of) (the |it |this )?(\w+ )?(will |would )?(come back|"
        r"return|recur))|avoid\w*|vaccin\w*|prophyla\w*)\b",
        re.I,
    ),
    Facet.SEEK_CARE: re.compile(
        r"\b(see (a|your) (doctor|physician|health care|healthcare)|seek (medical|care|help|"
        r"treatment)|medical (attention|evaluation|advice|care)|emergency|call 911|"
        r"(contact|call|phone) (a|your|the) (doctor|health|provider|gp|nurse|pa?ediatrician)|"
        r"consult\w*|should be evaluated|evaluated by|"
        r"get (medical )?help (immediately|right away|at once)|"
        r"(have|get) (a|your) (doctor|health ?care (professional|provider)|gp|nurse|"
        r"dermatologist) (check|look at|examine)|"
        r"(checked|looked at|examined) by (a|your) (doctor|health ?care (professional|provider)|"
        r"gp|nurse|dermatologist))\b",
        re.I,
    ),
    Facet.SIDE_EFFECTS: re.compile(
        r"\b(side[- ]effects?|adverse (events?|effects?|reactions?)|toxicit\w*|complications?)\b",
        re.I,
    ),
    Facet.INTERACTIONS: re.compile(
        r"\b(interact\w*(?! with (?:an? |the |other |several |many )?(?:\w+ )?(?:proteins?|genes?|"
        r"receptors?|enzymes?|molecules?|cells?|DNA|RNA)\b)|co-?administ\w*|concomitant\w*)\b",
        re.I,
    ),
    Facet.DOSAGE: re.compile(r"\b(\d+\s?(mg|mcg|µg|units?|ml)\b|dos(e|es|age|ing))\b", re.I),
}
STRONG_CUES: dict[Facet, re.Pattern[str]] = {
    Facet.CAUSES: re.compile(
        r"\b(caused by|due to|results? from|(is|are) the result of|causes? of|risk factors?|"
        r"triggered by)\b",
        re.I,
    ),
    Facet.TREATMENT: re.compile(
        r"\b(treated with|treatment of choice|(most|more|less|as|equally) effective|first[- ]line|"
        r"effective (treatment|therapy)|recommended|relieves?|comparable (results|efficacy))\b",
        re.I,
    ),
    Facet.SEEK_CARE: re.compile(r"\b(see (a|your) (doctor|physician)|seek medical)\b", re.I),
    Facet.INHERITANCE: re.compile(
        r"\b(inherited in an? |(autosomal|x-linked) (dominant|recessive)|pattern of "
        r"inheritance|runs? in famil\w*|(is|are) (not )?(inherited|hereditary))",
        re.I,
    ),
}
"""Unambiguous cue phrases; a sentence with one scores STRONG_BONUS times higher."""
STRONG_BONUS = 1.25
QTYPE_FACETS: dict[str, Facet] = {
    "causes": Facet.CAUSES,
    "inheritance": Facet.INHERITANCE,
    "symptoms": Facet.SYMPTOMS,
    "exams and tests": Facet.DIAGNOSIS,
    "treatment": Facet.TREATMENT,
    "outlook": Facet.PROGNOSIS,
    "prevention": Facet.PREVENTION,
    "when to contact a medical professional": Facet.SEEK_CARE,
    "complications": Facet.PROGNOSIS,
    "side effects": Facet.SIDE_EFFECTS,
    "warnings": Facet.SIDE_EFFECTS,
    BOXED_WARNING_TYPE: Facet.SIDE_EFFECTS,
    "interactions": Facet.INTERACTIONS,
    "dosage": Facet.DOSAGE,
    "information": Facet.OVERVIEW,
}
LEAD_POSITIONS = 2
"""An "information" page's first sentences define its topic: they answer OVERVIEW."""
SECTION_WEIGHT = {
    "CONCLUSIONS": 1.3,
    "RESULTS": 1.1,
    "BACKGROUND": 0.8,
    "OBJECTIVE": 0.0,
    "METHODS": 0.0,
}
_TERMINATED = re.compile(r"[.!][\"')\]]?$")
_GLOSS = re.compile(r"^[A-Z][\w'’/(),]*(?: [\w'’/(),]+){0,4} [-–—] (?:\S+ ){5,}\S+$")
"""A glossary line of a list ("Heat exhaustion - an illness that can precede heatstroke;
symptoms include heavy sweating"): a term of at most five words, a dash and what it is, in six
words or more. It names its own subject, so it reads as a statement without an end stop."""
_NOT_A_STATEMENT = re.compile(
    r"^(we|this (study|review|article|paper|trial)|the (aims?|purposes?|objectives?)|"
    r"our (aims?|objectives?|purposes?|goals?)|"
    r"in this (study|review|paper|article)|here,? we|to (evaluate|assess|investigate|determine|"
    r"compare|describe|examine|explore)|objectives?|methods?|purpose|aims?|these resources|"
    r"for more information|see also|here (?:are|is)|here's|the following)\b"
    r"|^(highlight|describe|evaluate|assess|investigate|determine|examine|explore|summari[sz]e|"
    r"analy[sz]e)\s"
    r"|^to (?!date\b)\w+\b(?![^.]*\b(?:is|are|was|were|be|should|must|can|could|will|may|"
    r"might|you|your|helps?|need|needs)\b)[^,;:]*\.$",
    re.I,
)
"""Purpose, methods and pointer sentences; also an abstract's objective written as an order
("Highlight the contribution of this study …", "Describe the outcomes …"), a page's
announcement of what follows ("Here are some tips to …"), and a purpose cut from its list ("To
look for early signs of cancer in the colon and rectum."). Orders patient pages give ("Report
side effects", "Discuss with your doctor", "Identify your triggers") and purposes with their
clause ("To prevent tick bites, use a repellent.") are kept."""
_BOILERPLATE = re.compile(
    r"\b(human phenotype ontology|the hpo|(this|the following|the) (table|list|chart|fact sheet)"
    r"( below)?|listed below|shown below|(?:listed|mentioned|described|shown|named) above|"
    r"above-mentioned|(?:has|have|offers?|provides?|gives?) more information (?:about|on)|click|"
    r"www\.|https?://|toll[- ]free|"
    r"1-8\d\d-\d{3}-\d{4}|\(\d{3}\) ?\d{3}-\d{4}|contact (us|the|your local)|call us|"
    # "call the center", not a patient page's advice to "call the doctor if …"
    r"call the(?! (doctor|gp|dentist|nurse|midwife|pharmacist|pa?ediatrician|health|provider|"
    r"physician|hospital|surgeon|emergency|ambulance|911|999|112|poison))|"
    r"visit (the|our|www)|order (free )?(copies|publications)|the (first|second|top|bottom) "
    r"number (of|in|is)|frequency (is|was) (listed|given|based)|much of (this|the) research|"
    r"frequenc(y|ies) (of \d+/\d+ means|may (also )?be listed|(is|are) based on)|"
    r"no information on frequency|the sign or symptom may be rare or common|"
    r"medical dictionary|comes from orphanet|rough estimate of the percentage|"
    r"genetic testing registry|centralized online resource|patients and consumers with|"
    r"(ninds|nih|nhlbi|niddk|nia|nci|nichd|nei|niams) (supports?|conducts?|funds?)|"
    r"(electronic|online|search) (tool|database|repository)|nih-funded|research portfolio|"
    r",\s*et al\b|^see (also|below|above|more|risk factors|the (section|page|article))\b|"
    r"^(see|watch|view|download|print|take) (a|an|this|the|our) (short )?(chart|table|list|"
    r"video|diagram|picture|graphic|infographic|quiz|checklist|worksheet)\b|"
    r"(get|find|learn|read|see) more (details |information )?(about|on)|"
    r"(press|click|tap|hit) (the |on )?(\w+ ){0,3}?(button|key|link|icon)|keyboard|"
    r"(enlarge|reduce|play|pause|replay|resize) the (video|animation|image|picture)|"
    r"(check out|see|read|find|look at) (the |this |our |more )?(information|details|links?|"
    r"resources?|page) (here|below|above|on this page)|"
    r"for more (information|details|tips|help|advice)|"
    r"more (information|details) (is|are|can be) (provided|found|given|available) "
    r"(in|at|on|from)|having a risk factor does not mean|not having risk factors does ?n[o']?t "
    r"mean|^certain factors affect (the )?(prognosis|chance of recovery|treatment options))\b"
    r"|^(the )?(technical|medical|scientific|latin|proper|clinical) (name|term|word) for "
    r"[^,;.]{1,40} is [^,;]{1,40}\.?$"
    r"|^you (may|might) (have heard|have read|hear) (of|about|that)\b",
    re.I,
)
"""Text about the page rather than the condition: ontology notes, tables and lists, contact
boxes, how to work its video ("To reduce the video, press the Escape button"), how to read a
measurement, links to more ("Get more details about …", "See risk factors for …", "Check out
the information here."), a reference to a paper ("Liu JL, Chu KY, et al.
…"), a sentence that only gives a word's technical name, a cancer page's stock lines on risk
factors and prognosis ("Having a risk factor does not mean that you will get cancer",
"Certain factors affect prognosis … and treatment options"), and hearsay set up for the
contrast the next sentence draws ("You may have heard of anabolic steroids …", followed by the
steroids the page is about). Never a statement for an answer."""


_CONNECTIVE = (
    r"(?:(?:however|moreover|furthermore|in addition|additionally|also|thus|therefore|hence|"
    r"but|and|so|still|yet|instead|similarly|otherwise|in contrast|consequently|indeed|"
    r"nevertheless|overall|finally|here),?\s+|[a-z]+(?:\s+[a-z]+){0,3},\s+|"
    r"(?:most |more |less )?[a-z]+ly\s+)?"
)
"""An opening connective, or any short opening phrase closed by a comma ("Most commonly, it
is …", "In most cases, they …"): what follows still opens the claim."""
_THOSE_RESOLVED = r"(with|who|whose|in|at|on|taking|receiving|undergoing|treated|aged|over|under)"
"""Words after "those" that say who is meant ("those who take insulin")."""
_DANGLING = re.compile(
    rf"^{_CONNECTIVE}(it|its|this|these|they|their|them|those(?! {_THOSE_RESOLVED}\b)|that|"
    r"such|he|she|his|her|both|"
    r"the (latter|former)|each|either|neither|"
    r"the (condition|disorder|disease|syndrome|illness|problem|drug|medicine|medication)|"
    # an elliptical condition ("If you do, ...") or the use of a drug not named ("Use of the
    # drug for more than 2 years ...")
    r"if (you|they|he|she|we|it) (do|does|did|are|is|have|has|can|will)(?= *,)|"
    r"(long-term |short-term |regular |daily )?use of (the|this|that|these|such) (drugs?|"
    r"medicines?|medications?|treatments?|products?)(?= (for|in|is|are|was|were|during|beyond|over|"
    r"longer|may|might|can|could|should|has|have|,)))\b",
    re.I,
)
_SUBORDINATE_REFERENCE = re.compile(
    rf"^{_CONNECTIVE}(if|when|whenever|while|although|though|because|unless|once|after|before|"
    r"until|since) (it|they|this|these|those|them)\b[^,]*, "
    r"(it|they|this|these|those|you|see|call|talk|ask|get|go|stop|take|tell|contact|use|try)\b",
    re.I,
)
"""A clause opening with a reference the rest of the sentence does not resolve either ("If it
does not go away, see a doctor."); "When it is caught early, hepatitis B can be treated"
names its subject after the comma."""
_EVENT_REFERENCE = re.compile(
    rf"^{_CONNECTIVE}(if|when|whenever|once|after|before|until|as|because) (this|that|these|"
    r"those|it|they) (happens?|happened|occurs?|occurred|is the case|gets worse|continues)\b",
    re.I,
)
"""A clause opening with an event an earlier sentence told ("When this happens, the ventricles
can't completely fill with blood."): read alone, what happens is not said."""
_OTHER_KINDS = re.compile(
    rf"^{_CONNECTIVE}((the )?other (types?|forms?|kinds?)\b|the (other|remaining|rest)\b|"
    r"((in|for|among|with) )?others\b|"
    r"the (second|third|fourth|fifth|last) (?!(most|leading|largest|highest|commonest)\b)\w+|"
    r"(all|these|those) (two|three|four|five|2|3|4|5)\b)",
    re.I,
)
"""Read against what was named before it: "Other types of …", "The other 10 percent of cases
…", "The remaining patients …", "In others, …", "The third gene …" (not "The second most common
cause …"), "All three types of therapy …" (not "The four major signs of narcolepsy are …")."""
_REFERRING_OPENING = re.compile(
    rf"^{_CONNECTIVE}((in |for |among |with )?((about|nearly|almost|roughly|over|more than|"
    r"less than|fewer than) )?(some|many|most|all|each|one|none|several|few|any|"
    r"both|half|either|neither) of (these|those|them|the above)\b|"
    r"there (are|is|may be) (also )?(many |several |some |a few |a number of )?other\b|"
    r"(in|for|among|with|of) (these|such) \w+|"
    r"(because of|due to|given|despite|owing to|in (light|view) of) (these|this|those|such|"
    r"that)\b|"
    rf"(in|for|among|with|of) those (?!{_THOSE_RESOLVED}\b)\w+)",
    re.I,
)
"""An opening that refers to what an earlier sentence named: "Some of these syndromes are …",
"About half of them die.", "There are many other causes.", "In these cases, the cause …",
"In some of these families, …", "Among those people, …", "Because of these interactions,
…"."""
_CONTINUATION = re.compile(
    r"^(?:(?:but|and|or|nor|so)\b(?!-| (?:if|when|whether)\b)|(?:similarly|likewise),)"
    r"|^below (?:are|is)\b|^.*\bthe following(?:\s+[\w-]+){0,6}[.:]?$",
    re.I,
)
"""A sentence opening with a conjunction or a "Similarly," goes on from the one before ("But
according to the association, …", "And in people who still got the disease …", "Similarly,
the rate fell."), or points to a list it does not hold ("Below are the risk factors.", "… one
or more of the following tests."): not a statement of its own; a condition it opens ("But if
you are pregnant and bleed, call …") is one. An opening "Also," is left: the sentence names
its own subject ("Also, your doctor may prescribe iron …"), and dropping it lost answers."""
_REPORTED_REFERENCE = re.compile(
    r"^(?:some|many|most|other|a few|few) (?:\w+ )?(?:people|patients|women|men|adults|children|"
    r"parents|users) (?:find|found|say|said|report|reported|feel|felt|think|believe|notice|"
    r"noticed)s? (?:that )?(?:it|they|these|those|this|them)\b(?! (?:is |was )?(?:hard|easier|"
    r"easy|difficult|helpful|useful|important|harder) to\b)",
    re.I,
)
"""What some people find of a thing the sentence before named ("Some people find they relieve
pain and itching."): alone, the reader cannot tell what "they" are. "Many people find it hard
to …" refers to nothing."""
_QUANTIFIER_SUBJECT = re.compile(
    r"^(?:some|many|most|others|several|both|few|a few)(?:,| (?:of (?:them|these|those)\b|"
    r"(?:also |often |usually |can |may |will |do |are |have )?(?:use|are|have|cause|can|may|"
    r"might|will|would|work|need|include|help|come|take|do|get|go|become|develop|respond|"
    r"improve|recover|die|live)\b))",
    re.I,
)
"""A quantifier standing for a noun the sentence before named ("Some use light to treat skin
lesions.", "Most can be treated.", "Many of them recover."): some what, alone? The verb of a
plural quantifier has no -s: "Some causes of fainting include …" names its noun."""
_TOO_END = re.compile(r", too[.!]$", re.I)
"""A closing ", too" ("The time from diagnosis to death varies, too."): what else does, the
sentence before said ("… but adults can get it too" says it itself)."""
_IT_IS = r"it (is|was|may be|can be|might be|has been|seems?|appears?|remains)"
_EXPLETIVE = re.compile(
    rf"^{_CONNECTIVE}{_IT_IS}(( (?!(a|an|the|due|related|linked|passed|spread)\b)\w+)( \w+)?)? "
    r"(to|that|whether|if|how|why|when)\b"
    rf"|^{_CONNECTIVE}{_IT_IS} (a|an) \w+( \w+)? to\b",
    re.I,
)
"""An expletive "it": "It is important to ...", "It is not known whether ...", "It is a good
idea to ...", but not "It is a disease that ..." (a noun with a relative clause: "it" refers)."""
_STUDY_REFERENCE = re.compile(
    rf"^{_CONNECTIVE}(this|these|our|the present) (study|studies|trial|trials|review|analysis|"
    r"analyses|meta-analysis|finding|findings|result|results|data|observation|observations|"
    r"evidence|survey|cohort|work)\b",
    re.I,
)


_DRUG_REFERENCE = re.compile(
    r"\b(these|those|this|that|such|both) (two |new |other )?(drugs?|medicines?|medications?|"
    r"treatments?|therapies|therapy|agents?|pills?|tablets?)\b",
    re.I,
)
"""A reference to treatments named in an earlier sentence, anywhere in the sentence ("While
these drugs cannot cure dementia, ...", "... whether these drugs help"): which drugs, the reader
of a bullet cannot tell."""


_THIS_THING = re.compile(
    r"\bthis (\w+ )?(test|vaccine|shot|procedure|surgery|operation|exam|examination|device|"
    r"step|scan|program|programme|process)\b|\b(this|these) (forms?|types?|kinds?|subtypes?) of\b|"
    r"\b(these|those) other \w+|\b(these|those) (clinical )?(trials|studies)\b|"
    r"\b(some|all|any|many|most|none|one|each) of (these|those) (things|factors)\b",
    re.I,
)
"""On a guideline page, "this test" / "this vaccine" / "this form of" / "these other factors"
anywhere: which one, an earlier sentence said ("Get this vaccine if you are younger than 64",
"People with this form of the condition have attacks", "If these other factors can be ruled
out, …", "ACE inhibitors block this process")."""
_ASIDE = re.compile(r"^\([^()]+\)[.!]?$")
"""A sentence in brackets ("(Inherited means the condition is passed from parents to children
through genes.)"): an aside on the sentence before, which it explains."""
_THIS_OPENING = re.compile(r"^(in|for|with|at|during|after|by) this (\w+)\b", re.I)
"""On a guideline page, an opening "In this form of diabetes, …", "In this case, …": which one,
an earlier sentence said. (A study's "In this study" names the cited study: research only
reads it as such.)"""


_CONDITION_REFERENCE = re.compile(
    r"\b(this|these|such) (complaints?|conditions?|diseases?|disorders?|symptoms?|problems?|"
    r"presentations?|entity|entities|lesions?|tumou?rs?|infections?)\b"
    # a relation found earlier in the abstract, referred to after the sentence opens
    r"|(?<=\w )(this|these|such) (associations?|relationships?|links?|correlations?)\b"
    # effects an earlier sentence told ("trials showed that these favourable effects …")
    r"|(?<=\w )(these|such) ((favou?rable|beneficial|protective|positive|adverse|harmful) )?"
    r"(effects|benefits)\b",
    re.I,
)
"""In a research abstract, a reference to a condition named in an earlier sentence ("When a
patient presents with this complaint, …"): which one, the reader of a bullet cannot tell (a
guideline page's "this condition" is its own topic)."""


_RESEARCH_ACTIVITY = re.compile(
    r"^(?:[^,]{0,40},\s+)?(?:the\s+|other\s+|many\s+|some\s+)?(?:[A-Z]{2,}[-\w]*\s+)?"
    r"(?:researchers|scientists|investigators)\s+(?:also\s+|now\s+)?"
    r"(?:are|hope|believe|plan|continue|seek|have begun|will|may|might)\b"
    r"|^(?:[^,]{0,40},\s+)?(?:the\s+)?(?:NINDS|NIH|NIA|NIAMS|NIDDK|NHLBI|NCI|NIMH|NIAID|NICHD)\b"
    r"[^.]{0,60}?\b(?:supports?|conducts?|funds?|sponsors?)\b"
    r"|^(?:[^,]{0,40},\s+)?(?:ongoing|current|future|several|many|prospective|further|new|other)\s+"
    r"(?:studies|research|(?:clinical\s+)?trials)\s+(?:are|is|will|aim|hope|seek)\b"
    # what is being tested, not what was found ("Possible future treatments under
    # investigation include …", "Other studies are being conducted to find out if …")
    r"|\b(?:under (?:investigation|study)|being (?:conducted|studied|tested|investigated|"
    r"explored|developed) to (?:find out|see|learn|determine|test))\b"
    r"|^(?:possible |potential )?(?:future|experimental|investigational) (?:treatments?|"
    r"therapies|drugs|medicines)\b",
    re.I,
)
"""On a guideline page, what research is under way ("Researchers also are examining …",
"Scientists believe that advances … will lead to …", "The NINDS supports research on …"): no
answer to a patient's question of cause, treatment or outlook, unless the question asks about
research (:data:`_ASKS_RESEARCH`). What researchers *found* ("Researchers have found that …")
is a statement like any other."""
_ASKS_RESEARCH = re.compile(
    r"\b(research\w*|studies|study|trials?|scientists|new (?:treatments?|drugs?|therap\w+)|"
    r"cure|breakthroughs?|experimental)\b",
    re.I,
)


def _background(sentence: Sentence) -> bool:
    """A study's background: its labelled BACKGROUND section, or the opening sentence of an
    unstructured abstract."""
    category = sentence.section_category
    return category == "BACKGROUND" or (category is None and sentence.position == 0)


_BARE_ACTION = re.compile(
    r"^(?:please\s+)?(?:call|dial|phone|go|get|seek|contact|visit|see|ring)\b[^.!?]{0,70}?"
    r"(?:\b(?:911|999|112|emergency|hospital|ambulance|hotline|lifeline|poison control|"
    r"urgent care|er)\b|\b(?:right away|immediately|at once|straight away)\b)[^.!?]{0,40}[.!]$",
    re.I,
)
_CONDITIONED = re.compile(
    r"\b(?:if|when|whenever|unless|in case|as soon as|after|before|while|during|because|since|"
    r"who|that|with|for (?!(?:emergency (?:services|help|care)|help|assistance)\b))\b",
    re.I,
)


def _bare_action(text: str) -> bool:
    """An urgent care-seeking imperative that says no when ("Go to the nearest hospital
    emergency room.", "Call your doctor right away."): on its page an item of a list under a
    condition ("If you are thinking about harming yourself: …"); read alone, it tells the
    reader to rush for nothing said. "Call 911 if you have chest pain" says when; "See your
    doctor regularly" is no urgent step."""
    return bool(_BARE_ACTION.match(text)) and not _CONDITIONED.search(text)


def _page_reference(text: str) -> bool:
    """On a guideline page: "these drugs", an opening "In this form of …", a closing "… any of
    these areas", "this advanced stage", a bare "Treatment is usually not required.", ways
    announced but not named or one item of them ("… from three simple techniques.", "the third
    option is …"), or "this test" anywhere, unless the sentence warns ("Pregnant women should
    not get this vaccine" beside its topic is kept)."""
    if _DRUG_REFERENCE.search(text) or _THIS_OPENING.match(text) or _OF_THESE_END.search(text):
        return True
    if _LIST_ANNOUNCED.search(text) or _ITEM_OF_A_LIST.search(text):
        return True
    if _THIS_STAGE.search(text) or _UNSCOPED.match(text):
        return True
    return bool(_THIS_THING.search(text)) and not WARNING_CUE.search(text)


_LIST_ANNOUNCED = re.compile(
    r"\b(?:two|three|four|five|six|several|a few) (?:\w+ )?(?:techniques|methods|options|"
    r"ways|steps|approaches)[.:]$",
    re.I,
)
"""A sentence that ends by announcing ways or steps it does not name ("Diagnosis can be reached
from three simple techniques."): the list follows, one sentence at a time, on its page. Tests
a doctor "may order several tests." is a statement of its own."""
_ITEM_OF_A_LIST = re.compile(
    r"\bthe (?:second|third|fourth|fifth) (?:option|method|technique|step|approach|way)\b",
    re.I,
)
"""A sentence that is one item of such a list ("the third option for diagnosis is …"): read
alone, the items before it are missing. "The first step in treating X is to see a doctor",
"… the next step is usually seeing a specialist" and "the final step before cancer" stand
alone."""
_THIS_STAGE = re.compile(
    r"\b(?:to|at|reach\w*|in|into|past)\s+(?:this|that|these|those)\s+(?:\w+\s+)?"
    r"(?:stages?|phases?|points?)\b",
    re.I,
)
"""A stage the sentence before described ("most people with gout do not progress to this
advanced stage")."""
_UNSCOPED = re.compile(
    r"^(?:treatment|surgery|therapy|medication|medicines?|antibiotics|hospitali[sz]ation)\s+"
    r"(?:is|are)\s+(?:usually\s+|often\s+|generally\s+|rarely\s+|seldom\s+|typically\s+)?"
    r"(?:not\s+)?(?:required|needed|necessary)[.!]?$",
    re.I,
)
"""A bare need told without what for ("Treatment is usually not required."): the sentence
before says for which stage or form, and alone it reads as said of the whole condition."""


_OF_THESE_END = re.compile(
    r"\b(?:any|all|each|either|one|some|none|most|many|both|several) of (?:these|those) "
    r"\w+(?: \w+)?[.!]$",
    re.I,
)
"""A sentence that ends on "any of these areas": the list it points to was earlier."""


def dangling(text: str, research: bool) -> bool:
    """True when a sentence opens with a reference it does not resolve ("It is a very common
    muscle problem.", "These are treated with ...", "However, they ...", "The condition may be
    caused by ..."), or, on a guideline page, refers to "these drugs" / "this treatment"
    anywhere, or, in a research abstract, to "this complaint" / "these lesions" anywhere: read
    alone, in another section, the reader cannot tell what it is about. An
    expletive "it" ("It is important to see a doctor") is no reference; in a research abstract,
    "These findings" / "This study" / "this treatment" refer to the cited study and its
    intervention, which the citation's title names."""
    if research and _CONDITION_REFERENCE.search(text):
        return True
    if not research and (_page_reference(text) or _bare_action(text)):
        return True
    openings = (
        _ASIDE,
        _SUBORDINATE_REFERENCE,
        _EVENT_REFERENCE,
        _OTHER_KINDS,
        _REFERRING_OPENING,
        _CONTINUATION,
        _REPORTED_REFERENCE,
        _QUANTIFIER_SUBJECT,
    )
    if any(p.match(text) for p in openings) or _TOO_END.search(text):
        return True
    if not _DANGLING.match(text) or _EXPLETIVE.match(text) or _SOME_NAMED.match(text):
        return False
    return not (research and _STUDY_REFERENCE.match(text))


_SOME_NAMED = re.compile(r"^some (?:[\w'-]+ ){0,2}?[\w'-]+, such as\b", re.I)
"""Some kinds of a thing, named by example ("Some rashes, such as hives, itch"): "such"
introduces the examples, no reference to what came before."""


def about_the_study(text: str) -> bool:
    """True for a study's sentence about itself ("These findings may inform counselling", "Our
    study suggests ..."): it may be shown with its citation, but it is no direct answer to a
    patient's question."""
    return bool(_STUDY_REFERENCE.match(text))


_EXPIRING = re.compile(
    r"\b(currently|presently|still|yet|at (this time|present)|so far|to date)\b[^.;]{0,20}"
    r"\bno (\w+ ){0,2}(vaccines?|(fda[- ])?approved (\w+ )?(treatments?|drugs?|medicines?|"
    r"therap(y|ies)))\b"
    r"|\bno (\w+ ){0,2}(vaccines?|(fda[- ])?approved (\w+ )?(treatments?|drugs?|medicines?|"
    r"therap(y|ies)))\b[^.;]{0,30}\b(yet|currently|at (this time|present)|so far|to date)\b",
    re.I,
)


def expiring(text: str) -> bool:
    """True for a statement that says itself it holds only for its time that no vaccine or
    approved treatment exists ("There is currently no vaccine for RSV.", "There are no
    FDA-approved treatments yet"): from a page whose date is unknown it may long have expired
    (RSV vaccines were approved years after such pages were written), so it is not quoted. "No
    cure" is left: it rarely expires, and the sentence usually goes on to what helps."""
    return bool(_EXPIRING.search(text))


@dataclass(frozen=True)
class Candidate:
    """A sentence that answers a facet, with the evidence it comes from and its score."""

    sentence: Sentence
    evidence: Evidence
    facet: Facet
    score: float
    stems: frozenset[str]

    @property
    def guideline(self) -> bool:
        return self.evidence.level is EvidenceLevel.GUIDELINE


MAX_INITIALS = 4
"""The longest single word read as initials ("TSH", "PSA", "SSRI"), see :func:`_initials`."""
BEHAVIOR_TREE = "F01.145"
"""MeSH Behavior: a habit asked of (marijuana use, vaping), see :attr:`Topic.habit`."""


def _initials(concept: QueryConcept) -> bool:
    """True when the question names ``concept`` by an abbreviation or a short single word
    ("TSH", "PSA", "SSRI")."""
    return concept.via == VIA["abbreviation"] or (
        " " not in concept.matched and len(concept.matched) <= MAX_INITIALS
    )


READER_AS_PATIENT = re.compile(
    r"\b(?:if|when|whether|once) you (?:have|had|feel|get|notice|experience|are having|"
    r"develop|think you have)\b|\byour symptoms\b|\byou (?:may|might|could|probably) have\b",
    re.I,
)
"""A page's sentence that speaks to the reader as the one with the symptoms."""


@dataclass(frozen=True)
class Topic:
    """The stems of the focus and of each expansion phrase, and how many distinct things a
    sentence (with its document's label) must name to be on topic."""

    phrases: tuple[frozenset[str], ...]
    needed: int = 1
    focus: frozenset[str] = frozenset()
    gated: bool = False
    """True when every document was already judged to be about the question's concept (the topic
    gate, evidence.topic): then one thing is named by the document itself, and only a relation
    question ("Is X associated with Y?") still needs its sentences to name the other side."""
    sides: tuple[tuple[frozenset[str], ...], ...] = ()
    """For taking several drugs together, or a drug with a condition: each side's names; a
    sentence must name two sides."""
    own_sides: tuple[tuple[frozenset[str], ...], ...] = ()
    """:attr:`sides` by each concept's own names only (no drug class)."""
    drug_sides: int = 0
    """For taking two or more drugs together, how many of the first :attr:`sides` are the
    drugs: a sentence must then name two of them (apixaban with the atrial fibrillation the
    asker has says nothing of taking ibuprofen with it)."""
    drug: bool = False
    """True for a question about a drug (``Query.about_a_drug``): a study's sentence that does
    not itself name it says nothing about it, whatever the facet."""
    paired: bool = False
    """True for a drug with a condition (``Query.drug_and_condition``, drug side first): a
    guideline page *about the drug* speaks for it in every sentence, so only the condition's
    pages and research need to name both."""
    alternatives: bool = False
    """True for a drug with a condition when the question asks for something else than the
    drug ("melatonin every night, or is there something better?", ``asks_alternatives``): the
    condition's page then answers with its treatments, which need not name the drug."""
    subjects: tuple[frozenset[str], ...] = ()
    """The stems of each name of the question's primary topics ("uveitis"): a sentence whose
    cause words lead to one of them says what the topic causes (:func:`effect_of_topic`)."""
    acronyms: frozenset[str] = frozenset()
    """The acronyms of the primary topics' names ("ed"): a page may name the topic by one."""
    young: bool = False
    """True when the question is about a baby or a young child (``YOUNG_PATIENT``): a page's
    sentence about the reader's own symptoms ("If you have these symptoms more than twice a
    week, you may have GERD") then describes an adult, not the child asked about."""
    from_birth: bool = False
    """True when the question speaks of a baby or of a condition present from birth: a page on
    the congenital form of its condition may answer it (:func:`congenital_page`)."""
    adult: bool = False
    """True when the question tells of an adult patient and names no child (``ADULT_TOLD``):
    a page's treatment for children ("Doctors prescribe children and teens medicines at special
    doses") then treats no one asked about."""
    infant: bool = False
    """True when the question is about a baby (``INFANT_TOLD``): a treatment or dose said of
    everyone is then said of adults (:data:`UNTOLD_FOR_INFANTS`)."""
    not_pregnant: bool = False
    """True when the question's patient cannot be pregnant and it names no pregnancy
    (``query.groups.pregnancy_excluded``: "my son", a child under ten): a statement about
    pregnancy then serves only as a warning, to a household (:func:`_usable`)."""
    pregnancy_untold: bool = False
    """True when the question names no pregnancy or breastfeeding: a statement about pregnancy
    that warns of nothing then ranks below the others (:data:`UNTOLD_GROUP_WEIGHT`), since it is
    true of pregnant women, not of the asker as told."""
    pregnancy_safety: bool = False
    """True when the question asks whether something is safe in a pregnancy or while
    breastfeeding (:data:`SAFETY_QUESTION`): a side effect or warning that names neither is no
    answer to it, and read beside the question it can scare a woman off a treatment she needs."""
    sex: str | None = None
    """"female" or "male" when the asker tells their own sex (``query.groups.asker_sex``): a
    statement said only of the other ("Androgenetic alopecia in men has been associated with …"
    for a woman asking about hair loss after a birth) is then of someone else (:func:`_usable`)."""
    caused: bool = True
    """False when no primary topic is a condition or a drug (a substance such as marijuana; a
    topic without tree numbers may be either, so it counts as one):
    then what the topic causes ("Marijuana can cause problems with memory") is what a reader
    asks of it and stays a Causes statement; a condition's effects are no causes of it."""

    said: tuple[frozenset[str], ...] = ()
    """The question's own words for each drug among its topics where they are not a phrase
    already ("antidepressant" for antidepressive agents): a sentence naming them names the topic
    (:meth:`covers`, :meth:`count`), though they add no weight (:meth:`weight`)."""

    habit: bool = False
    """True when a primary topic is a behaviour (MeSH F01.145: marijuana use, vaping, alcohol
    drinking): its page's plain statements of harm answer what it does, as a drug page's do."""
    patient: bool = False
    """True for a patient's question (no :func:`evidence_question`): a study's treatment
    sentence that does not itself name the topic treats what its study was about ("cabergoline
    for imminent OHSS" in a review of IVF complications, for a question about PCOS)."""

    @classmethod
    def of(cls, query: Query, gated: bool = False) -> Topic:
        texts = [query.focus or query.question, *query.expansions]
        phrases = tuple(s for s in (stems(t) for t in texts) if s)
        # a drug's everyday name ("antidepressant" for antidepressive agents) names it too;
        # not initials ("TSH", "PSA"), which studies of the hormone or antigen use as well
        said = tuple(
            s
            for c in query.topics
            if c.drug and not _initials(c) and (s := stems(c.matched)) and s not in phrases
        )
        focus = stems(query.focus or query.question)
        asks_evidence = evidence_question(query.question)
        relation = asks_evidence and len(focus) >= 2 and not conditions_compared(query)
        drug = query.about_a_drug
        primary = query.primary_topics
        young = young_patient(query.question)
        topic = cls(
            phrases,
            2 if relation else 1,
            focus,
            gated,
            drug=drug,
            subjects=tuple(n for c in primary for n in name_stems(c)),
            acronyms=frozenset(a for c in primary for n in c.names if (a := initials(n))),
            caused=any(c.has_causes for c in primary),
            young=young,
            from_birth=young or bool(FROM_BIRTH.search(query.question)),
            adult=adult_patient(query.question),
            infant=infant_patient(query.question),
            sex=asker_sex(query.question),
            not_pregnant=pregnancy_excluded(query.question),
            pregnancy_untold=not GROUPS["pregnancy"].search(query.question),
            pregnancy_safety=bool(
                GROUPS["pregnancy"].search(query.question)
                and SAFETY_QUESTION.search(query.question)
            ),
            said=tuple(dict.fromkeys(said)),
            habit=any(n.startswith(BEHAVIOR_TREE) for c in primary for n in c.tree_numbers),
            patient=not asks_evidence,
        )
        if Facet.INTERACTIONS in query.asked and len(query.topics) >= 2:
            # two medicines taken together: what one is taken for is no side of theirs
            # ("warfarin for AF and now clarithromycin": warfarin with AF is no interaction)
            drugs = without_their_classes([c for c in query.topics if c.drug])
            others = [
                c
                for c in query.topics
                if not c.drug and not taken_for_one(query.question, c, drugs)
            ]
            taken = [*drugs, *others]
            return replace(
                topic,
                needed=2,
                sides=_sides(taken),
                own_sides=_own_sides(taken),
                drug_sides=len(drugs) if _separate_drugs(drugs) else 0,
            )
        pair = query.drug_and_condition
        if pair:
            # the condition named by any reading of its phrase ("arthritis in both knees": knee
            # osteoarthritis, and osteoarthritis)
            readings = _readings(query.topics, pair[1])
            (drug_side, condition_side), (own_drug, own_condition) = _sides(pair), _own_sides(pair)
            return replace(
                topic,
                needed=2,
                sides=(drug_side, (*condition_side, *readings)),
                own_sides=(own_drug, (*own_condition, *readings)),
                paired=True,
                alternatives=asks_alternatives(query.question)
                or chooses_among_treatments(query.question),
            )
        return topic

    def count(self, sentence_stems: frozenset[str]) -> int:
        """How many of the topic's phrases, and the question's own words for its topics,
        ``sentence_stems`` name."""
        return self.weight(sentence_stems) + sum(phrase_in(p, sentence_stems) for p in self.said)

    def weight(self, sentence_stems: frozenset[str]) -> int:
        """How many of the topic's phrases ``sentence_stems`` name: each one more adds weight
        to the sentence (:func:`_document_candidates`)."""
        return sum(phrase_in(p, sentence_stems) for p in self.phrases)

    def names_side(self, side: int, text_stems: frozenset[str]) -> bool:
        """True when ``text_stems`` name the ``side``-th side (0: the drug of a drug named
        with a condition, 1: the condition)."""
        return len(self.sides) > side and any(phrase_in(p, text_stems) for p in self.sides[side])

    def names_topic(self, text_stems: frozenset[str]) -> bool:
        """True when ``text_stems`` name one of the question's primary topics."""
        return any(phrase_in(name, text_stems) for name in self.subjects)

    def speaks_for_drug(self, doc: Document, sentence_stems: frozenset[str]) -> bool:
        """For a question about a drug, False for a sentence that does not name the drug on a
        guideline page whose topic is a condition (``evidence.topic.condition_name``: "Fetal
        hydantoin syndrome", admitted for the harm the drug does): what such a page says of
        the condition's own treatment, tests or outlook is not about the drug. A drug named
        with a condition has its own rule (:attr:`paired`)."""
        if not self.drug or self.paired or not condition_name(doc):
            return True
        return self.names_topic(sentence_stems)

    def accepts(
        self, sentence_stems: frozenset[str], label: frozenset[str], research: bool
    ) -> bool:
        """:meth:`covers` for a sentence with its document's label; a guideline page whose
        label names the drug of a drug-and-condition question needs to name nothing more."""
        if self.paired and not research and any(phrase_in(p, label) for p in self.sides[0]):
            return self.covers(sentence_stems | label, needed=1)
        if self.alternatives and not research and self.names_side(1, label):
            return True  # the condition's page: its treatments (:func:`_document_candidates`)
        return self.covers(sentence_stems | label, research=research)

    def covers(
        self, text_stems: frozenset[str], needed: int | None = None, research: bool = False
    ) -> bool:
        """True when ``text_stems`` name a topic phrase and, counting the distinct phrases
        named and the question's own words outside them, ``needed`` (default: the topic's)
        things: for an evidence question ("Is X associated with Y?") X and Y, not X alone.
        A study names a drug side by the drug's own names (:attr:`own_sides`), not its
        class: a study of antibiotics in general is no study of nitrofurantoin."""
        wanted = self.needed if needed is None else needed
        sides = self.own_sides if research and self.own_sides else self.sides
        if sides and wanted >= 2:  # two drugs named, not one drug and the word "combine"
            hit = [any(phrase_in(p, text_stems) for p in side) for side in sides]
            if self.drug_sides >= 2 and sum(hit[: self.drug_sides]) < 2:
                # one of the drugs speaks of the pair only as taking it with others: with a
                # condition ("ibuprofen can interact with medicines taken for a gout flare"),
                # or with other drugs at all ("Some statins also interact adversely with
                # other drugs")
                combining = bool(text_stems & COMBINING_STEMS)
                with_any = any(hit[: self.drug_sides]) and text_stems >= OTHER_DRUGS
                return combining and (sum(hit) >= 2 or with_any)
            return sum(hit) >= 2
        if self.gated and wanted == 1:
            return True
        named = _distinct([p for p in (*self.phrases, *self.said) if phrase_in(p, text_stems)])
        if not named:
            return False
        # a word of a topic's name counts only with the whole name: "attacks" in a study of
        # terrorist attacks is no "heart attack"
        partial = [name for name in self.subjects if not name <= text_stems]
        others = (self.focus & text_stems).difference(*named, *partial)
        # a contraction's remnant ("re" of "we're") is no word of the question's
        return len(named) + len(others - CONTRACTION_REMNANTS) >= wanted


COMBINING_STEMS = stems(
    "interacts interaction interfere combined combination together concomitant "
    "coadministration mixing"
)
"""Stems of words that speak of taking medicines together."""
OTHER_DRUGS = stems("other drugs")
"""Stems of "other drugs": what a drug's page says it combines badly with, of any drug."""
CONTRACTION_REMNANTS = frozenset({"re", "ll", "ve", "nt", "s", "d", "m", "t"})
"""What is left of a contraction once split ("we're", "you'll"): no word of the question's
(:meth:`Topic.covers`)."""


def conditions_compared(query: Query) -> bool:
    """True for a comparison of two or more conditions ("osteoarthritis vs rheumatoid
    arthritis"): what tells them apart is what each page says of its own condition, so a
    statement need not name both (a comparison of treatments is what studies measure)."""
    topics = query.primary_topics
    return (
        query.question_type is QuestionType.COMPARISON
        and len(topics) >= 2
        and all(c.condition for c in topics)
    )


def taken_for_one(question: str, concept: QueryConcept, drugs: Sequence[QueryConcept]) -> bool:
    """True when ``question`` names ``concept`` as what one of two or more ``drugs`` (a
    combination product counts once) is taken for, and not what all are ("on warfarin for AF,
    now clarithromycin": AF; not the fever of "tylenol and motrin for her fever")."""
    text = question.lower()
    named = re.escape(concept.matched.lower())
    groups: dict[str, bool] = {}
    for d in drugs:
        pattern = (
            rf"\b{re.escape(d.matched.lower())}\b(?:\s+\w+){{0,3}}?\s+for\s+(?:(?:my|his|her|"
            rf"their|our|an?|the|some)\s+)?(?:\w+\s+){{0,2}}?{named}\b"
        )
        key = d.combination or d.key
        groups[key] = groups.get(key, False) or bool(d.matched and re.search(pattern, text))
    return len(groups) >= 2 and any(groups.values()) and not all(groups.values())


def without_their_classes(drugs: Sequence[QueryConcept]) -> list[QueryConcept]:
    """``drugs`` without a class another of them belongs to ("antibiotics" beside doxycycline):
    one medicine named twice, which its own side names by its class (:func:`_sides`), not a
    second medicine taken with it."""
    return [
        d
        for d in drugs
        if not any(
            o is not d and {n.lower() for n in d.names} & {k.lower() for k in o.classes}
            for o in drugs
        )
    ]


def _separate_drugs(drugs: Sequence[QueryConcept]) -> bool:
    """True for two or more drugs none of which is an ingredient of a combination product named
    (the ingredients of co-codamol are one product, not two medicines taken together)."""
    return len(drugs) >= 2 and not any(c.combination for c in drugs)


def _sides(concepts: Sequence[QueryConcept]) -> tuple[tuple[frozenset[str], ...], ...]:
    """Each concept's names as stems, one side per concept; a drug's side also by its class
    ("NSAIDs" for ibuprofen, :func:`class_stems`) unless another side shares the class (two
    NSAIDs taken together are not both named by "NSAIDs")."""
    classes = [class_stems(c) for c in concepts]
    return tuple(
        (
            *name_stems(c),
            *(s for s in own if not any(s in other for other in classes if other is not own)),
        )
        for c, own in zip(concepts, classes, strict=True)
    )


def _readings(topics: Sequence[QueryConcept], concept: QueryConcept) -> tuple[frozenset[str], ...]:
    """The names, as stems, of the other readings of ``concept``'s phrase among ``topics``."""
    return tuple(
        s
        for c in topics
        if c.matched == concept.matched and c.key != concept.key
        for s in name_stems(c)
    )


def _own_sides(concepts: Sequence[QueryConcept]) -> tuple[tuple[frozenset[str], ...], ...]:
    """Each concept's own names as stems, one side per concept."""
    return tuple(name_stems(c) for c in concepts)


def class_stems(concept: QueryConcept) -> tuple[frozenset[str], ...]:
    """The stems of each name of ``concept``'s drug classes (``QueryConcept.classes``)."""
    return tuple(s for n in concept.classes if (s := stems(n)))


def name_stems(concept: QueryConcept) -> tuple[frozenset[str], ...]:
    """The stems of each of ``concept``'s names (a name is matched whole: :func:`phrase_in`)."""
    return tuple(s for n in concept.names if (s := stems(n)))


def _distinct(phrases: Sequence[frozenset[str]]) -> list[frozenset[str]]:
    """Phrases not contained in another one ("hantavirus" in "hantavirus pulmonary syndrome")."""
    unique = list(dict.fromkeys(phrases))
    return [p for p in unique if not any(p < q for q in unique)]


def label_stems(candidate: Candidate) -> frozenset[str]:
    """The stems of what the candidate's document is about (its topic and synonyms, else its
    title)."""
    return _label(candidate.evidence)


def _label(evidence: Evidence) -> frozenset[str]:
    doc = evidence.hit.document
    return stems(" ".join(filter(None, [doc.focus, *doc.synonyms])) or doc.title)


def is_statement(sentence: Sentence) -> bool:
    """A readable statement: 5-70 words, ends a sentence (or is a list, see
    :mod:`medcite.answer.segment`, or a glossary line, :data:`_GLOSS`), not a purpose/methods
    sentence, not page boilerplate (:data:`_BOILERPLATE`), not a run of statistics (more than
    MAX_DIGIT_SHARE of its characters digits) and not a fragment (:data:`_FRAGMENT`)."""
    text = sentence.text
    words = len(text.split())
    terminated = sentence.is_list or _TERMINATED.search(text) or _GLOSS.match(text)
    if not MIN_WORDS <= words <= MAX_WORDS or not terminated:
        return False
    digits = len(text) - len(text.translate(_NO_DIGITS))
    share = digits / max(1, len(text))
    told_as_time = _SPAN_OF_TIME.search(text) and share <= 2 * MAX_DIGIT_SHARE
    if share > MAX_DIGIT_SHARE and not NORMAL_RANGE.search(text) and not told_as_time:
        return False
    return (
        SECTION_WEIGHT.get(sentence.section_category or "", 1.0) > 0
        and not _NOT_A_STATEMENT.match(sentence.text)
        and not _BOILERPLATE.search(text)
        and not _FRAGMENT.match(text)
        and not _gerund_item(text)
        and not _group_item(text)
    )


_SPAN_OF_TIME = re.compile(
    r"\b(?:last|lasts|lasting|lasted|for|within|takes?|took|up to)\s+(?:about\s+|around\s+)?"
    r"\d+(?:\s*(?:to|or|-|–)\s*\d+)?\s*(?:hours?|days?|weeks?|months?|years?)\b",
    re.I,
)
"""How long something lasts or takes, in numbers ("last 2 to 14 days"): a statement's numbers,
not a run of statistics."""


_GERUND_OPENING = re.compile(
    r"^(?:Taking|Using|Drinking|Eating|Getting|Avoiding|Keeping|Stopping|Starting|Giving|"
    r"Having|Wearing|Limiting|Quitting|Losing|Exercising|Applying|Checking|Making|Doing|Trying|"
    r"Following|Reducing|Cutting|Adding|Changing|Switching|Skipping|Washing|Staying)\b"
)
"""A gerund of doing something (not a sign: "Swelling in the legs and feet" is a symptom)."""
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|can|cannot|can't|may|might|will|would|should|could|must|"
    r"does|do|did|has|have|had|helps?|lowers?|reduces?|raises?|increases?|decreases?|causes?|"
    r"prevents?|protects?|keeps?|makes?|means?|improves?|works?|leads?|gives?|takes?|needs?|"
    r"affects?|lets?|stops?|eases?|relieves?|treats?|\w+ed)\b"
)
GERUND_ITEM_WORDS = 10
"""Words at most in a list item that opens with a gerund and has no verb of its own."""


def _gerund_item(text: str) -> bool:
    """True for a short item of a list of things to do, cut from its list: it opens with a
    gerund and has no verb of its own ("Taking the diabetes medicine metformin." from a list
    of ways to lower the risk of diabetes reads, alone, as advice to take it). "Losing
    weight lowers your risk" is a statement."""
    if not _GERUND_OPENING.match(text) or len(text.split()) > GERUND_ITEM_WORDS:
        return False
    rest = text.split(None, 1)[1] if " " in text else ""
    return not _FINITE.search(rest)


_GROUP_OPENING = re.compile(
    r"^(?:(?:Older|Young|Younger|Pregnant)\s+)?(?:People|Persons|Those|Anyone|Children|Adults|"
    r"Babies|Infants|Women|Men|Patients)\s+(?:who\s+\w+|with|that\s+\w+)\b",
    re.IGNORECASE,
)


def _group_item(text: str) -> bool:
    """True for an item of a list of who is at risk, cut from its list: a group and what marks
    it, with no verb of its own ("People who have long-term diseases or weak immune
    systems."); "People who smoke are more likely to get it" is a statement."""
    match = _GROUP_OPENING.match(text)
    if match is None:
        return False
    rest = text[match.end() :]
    return not _FINITE.search(rest) and not _PLAIN_VERB.search(rest)


_PLAIN_VERB = re.compile(
    r"\b(?:also|often|usually|still|tend|risk|get|develop|need|feel|become|live|go|take|use|"
    r"suffer|experience|notice|start|stop|show|report)\b",
    re.IGNORECASE,
)
"""Words of a main clause after a group ("People who inject the drug also risk …"): the group
is its subject, not an item of a list."""


ASCII_ONLY_SOURCES = frozenset({Source.MEDQUAD})
"""Sources whose text lost every non-ASCII character upstream (MedQuAD): a dash between two
words glued them."""


def damaged(doc: Document, text: str) -> bool:
    """True for a sentence of an ASCII-only source that holds words which lost the dash between
    them ("managementkeeping", ``query.english.glued``): quoted, it reads as nonsense. Other
    sources keep their dashes, and their real compounds ("wastewater") are no damage."""
    if doc.source not in ASCII_ONLY_SOURCES:
        return False
    lost = (_LOST_FRACTION, _LOST_RANGE, _HEADING_AFTER_LIST, _LOST_ASIDE, _LOST_KEY)
    if any(p.search(text) for p in lost):
        return True
    return bool(glued_words(text) or _GLUED_HEADING.match(text))


_LOST_FRACTION = re.compile(
    r"(?<![\d.,/-])\b1 (?:ounces|cups|teaspoons|tablespoons|pounds|inches|feet|hours|days|weeks|"
    r"months|years|glasses|servings|drinks|pints|liters|litres|kilograms|grams|minutes|miles)\b"
)
""""1 ounces", "about 1 inches long": the page lost the fraction or range after the 1 ("1½",
"1–2")."""
_LOST_RANGE = re.compile(
    r"(?<![\d.,/-])\b(?:12|23|34|45) (?:readings|visits|appointments|measurements|checks)\b"
)
""""Usually takes 23 readings at several medical appointments": the page lost the dash of a
range ("2–3") between two small consecutive numbers before a count of repeated checks."""
_LOST_KEY = re.compile(r"\b[A-Z] = [A-Z][a-z]+\W*$")
"""A lettered key's first entry run into the sentence that led to it ("… pigmented area of skin
with A = Asymmetry."): the list was flattened and the sentence ends mid-list."""
_LOST_ASIDE = re.compile(
    r"[a-z]{3}also (?:called|known as)\b|\b[A-Z]{2,}(?:is|are|was|were|has|have|can|may)\b"
)
"""An aside that lost its dashes ("Benign prostatic hyperplasiaalso called BPHis a
condition …"): the word before it and the acronym closing it ran into their neighbours."""
_HEADING_AFTER_LIST = re.compile(
    r";\s*(?:[A-Z][\w'-]*\s+(?:(?:and|or|of|the|with|for|to|a|an|in|on)\s+)*){1,6}[A-Z][\w'-]*\.?$"
)
"""A list whose last item is the next heading ("…; 1 ounces of liquor; Managing and Coping With
Stress."): the page lost the line break after the list."""


_HEADING_NOUNS = (
    r"(?:Causes|Symptoms|Signs|Treatments?|Diagnosis|Prevention|Effects|Factors|Role|Outlook|"
    r"Types|Overview|Risks?|Complications|Options)"
)
_GLUED_HEADING = re.compile(
    r"^(?:(?:[A-Z][\w'-]*|a|an|the|of|and|in|for|to|with) ){0,5}?"
    rf"{_HEADING_NOUNS}\s+(?!{_HEADING_NOUNS}\b)[A-Z][\w'-]* [a-z]"
)
"""A page heading run into the sentence after it ("Genetic Causes High blood pressure often runs
in families.", "Genes Play a Role No one knows …"): the page lost the line break between them."""


_FRAGMENT = re.compile(r"[a-z]+\b(?![-’'])")
"""A piece of a list or of a cut sentence: it opens with a plain lower-case word ("people with
weakened immune systems, …"); "mRNA", "pH" and "p53" open statements."""


_UNTREATED = re.compile(
    r"^(if ([\w-]+ ){1,6}(is|are) (not |never |left un)treated|(when |if )?left untreated|"
    r"without treatment),",
    re.I,
)
""""If X is not treated, …": what happens without treatment is no treatment; it says why to be
seen (filed under seeking care when that is asked)."""


def _reader_as_patient(text: str) -> bool:
    """True for a sentence about the reader's own symptoms that names no child."""
    return bool(READER_AS_PATIENT.search(text)) and not GROUPS["children"].search(text)


def _cause_of_something_else(text: str, topic: Topic, page: PageTopic) -> bool:
    """:func:`causes_something_else` with the names of the question's topic, of the page's own
    topic, and their acronyms."""
    # a page's topic by any of its words: "swallowing difficulties" on "Swallowing Disorders"
    page_words = [frozenset({w}) for w in page.stems - CONDITION_HEADS]
    names = [*topic.subjects, *page_words]
    acronyms = topic.acronyms | page.acronyms
    return bool(topic.subjects) and causes_something_else(text, names, acronyms)


_PASSING_TREATMENT = re.compile(
    r"(?<!not )(?<!n't )(?<!no )\b(?:needs?|needing|requires?|requiring|get|gets|getting|seek|"
    r"seeking|without|after|"
    r"before|during|even if you get|despite) (?:medical |prompt |any )?treatment\b"
    r"(?! (?:with|for|of|is|are|includes?|consists?))",
    re.I,
)
"""Treatment named in passing ("a problem that needs treatment", "after treatment"): no cue that
the sentence says how the condition is treated."""
_TREATMENT_PROSPECT = re.compile(
    r"\b(?:insights? into|understanding of|basis for|implications for|avenues? for|"
    r"development of)(?: (?:the|new|novel|better|more|effective|potential|future|its|their))*"
    r"(?: [\w-]+,?(?: and)?){0,4}? (?:treatments?|therap(?:y|ies))\b"
    r"|\b(?:new|novel|potential|possible|promising|future|better|innovative) "
    r"(?:treatment|therapeutic) (?:strategies|approaches|avenues)\b"
    r"|\b(?:treatment|therapeutic|drug) targets?\b",
    re.I,
)
"""Treatment as a prospect of research ("insight into the pathophysiology and treatment of
IBS", "new treatment strategies", "therapeutic targets"): no statement of how the condition is
treated."""


_DRUG_NOUNS = re.compile(r"\b(drugs?|medications?|medicines?|doses?)\b", re.I)
"""Words that, in a sentence about a drug, name the drug itself ("People who inject the drug",
"at higher doses"): in a sentence stating a harm, no cue that it says what the drug treats."""
_DRUG_HARM = re.compile(
    r"\b((health|serious|common) problems (from|include)|dangerous|at risk for|risks? getting|"
    r"(?:has|have|carries|carry) (?:some |serious )?risks|"
    r"addict\w*|dependen(t|ce)|overdos\w*|withdrawal|tolerance|can (?:also )?(?:cause|lead to) "
    r"(?:\w+ ){0,6}?problems)\b",
    re.I,
)
"""What a drug does to its user, in its own page's words ("Major health problems from heroin
include …", "the body becomes dependent", "HRT also has risks", "can cause problems with
memory"): its side effects."""


def _states_harm(text: str) -> bool:
    """True when ``text`` states a harm in a page's plain words or by a side-effect cue (read
    only on a guideline page about the drug asked of: a study's "cocaine-dependent
    participants" or a condition page's "health problems" say nothing of what the drug does)."""
    return bool(SENTENCE_CUES[Facet.SIDE_EFFECTS].search(text) or _DRUG_HARM.search(text))


def _facet_weight(
    facet: Facet, sentence: Sentence, qtype_facet: Facet | None, harm: bool = False
) -> float:
    """How well ``sentence`` answers ``facet`` by its cue words and its page's question type.
    A sentence stating a harm on a guideline page about the drug a question asks of (``harm``,
    see :func:`_states_harm`) answers its side effects, and is no treatment statement for
    naming the drug a drug ("Cocaine is more dangerous when combined with other drugs")."""
    text = cause_text(sentence.text) if facet is Facet.CAUSES else sentence.text
    if facet is Facet.TREATMENT:
        text = _TREATMENT_PROSPECT.sub("", _PASSING_TREATMENT.sub("", text))
        text = _DRUG_NOUNS.sub("", text) if harm else text
    cue = bool(SENTENCE_CUES[facet].search(text)) or (facet is Facet.SIDE_EFFECTS and harm)
    typed = qtype_facet is facet and (
        facet is not Facet.OVERVIEW or sentence.position < LEAD_POSITIONS
    )
    # a line of the page that speaks of another aspect only ("A physician may diagnose MS
    # soon after onset" on the outlook page) answers the page's aspect less well than its other
    # lines, still better than another aspect's cue makes it answer that one
    elsewhere = (
        typed
        and facet is not Facet.OVERVIEW
        and not cue
        and _speaks_of_another(facet, sentence.text)
    )
    weight = 1.4 if cue and typed else 1.1 if elsewhere else 1.2 if typed else 1.0 if cue else 0.0
    strong = STRONG_CUES.get(facet)
    return weight * STRONG_BONUS if weight and strong and strong.search(text) else weight


_OTHER_ASPECTS = (Facet.CAUSES, Facet.DIAGNOSIS, Facet.TREATMENT, Facet.PROGNOSIS, Facet.PREVENTION)


def _speaks_of_another(facet: Facet, text: str) -> bool:
    """True when ``text`` has the cue of a clinical aspect other than ``facet``."""
    return any(f is not facet and SENTENCE_CUES[f].search(text) for f in _OTHER_ASPECTS)


def candidates(query: Query, evidence: Sequence[Evidence], gated: bool = False) -> list[Candidate]:
    """Every (sentence, facet) candidate over the usable evidence, best first (``gated``: the
    evidence passed the topic gate, see :class:`Topic`); for a patient's question (no
    :func:`evidence_question`) none from animal or laboratory studies or case reports."""
    topic = Topic.of(query, gated)
    facets = (Facet.OVERVIEW, *query.facets) if Facet.OVERVIEW not in query.facets else query.facets
    # a patient learns nothing for themselves from an animal or laboratory study; a question
    # about what studies found ("Does X reduce Y in rats?") may still be answered by one
    patient = topic.patient
    human_only = query.about_a_drug or patient
    pattern = asked_amount(query) or dose_amount(query)
    amount = AmountAsked.of(query.question, pattern) if pattern is not None else None
    # the limits of what the question measured (not when it asks an amount of something
    # else: "how much exercise … it was 148/92")
    measured = measured_words(query) if amount is None else frozenset()
    activity = bool(_ASKS_RESEARCH.search(query.question))
    again = bool(ASKS_AGAIN.search(query.question.lower()))
    undone = bool(ASKS_UNDONE.search(query.question))
    # nor from one case's course ("silicone-induced lymphadenopathy … was described") about
    # a swollen lymph node of their own
    unused = {EvidenceLevel.EXCLUDED, *([EvidenceLevel.CASE_REPORT] if patient else [])}
    # a question naming no clinical topic ("wisdom teeth pulled … when can I eat normal food")
    # is about its context words only by default: a page on them may answer, a study of them
    # ("long-term food-related strategies in Russia") does not
    guideline_only = bool(query.primary_topics) and all(c.promoted for c in query.primary_topics)
    # nor, for a patient who tells of no pregnancy and no child, from a study of unborn or
    # newborn babies ("fetal heart rate during bradycardia" for an adult's slow pulse)
    no_births = patient and not (
        GROUPS["pregnancy"].search(query.question) or GROUPS["children"].search(query.question)
    )
    found = [
        c
        for e in evidence
        if e.level not in unused and e.score >= MIN_EVIDENCE_SCORE
        if not (guideline_only and e.level is not EvidenceLevel.GUIDELINE)
        if not (human_only and non_human(e.hit.document))
        if not (
            no_births and e.level is not EvidenceLevel.GUIDELINE and perinatal_study(e.hit.document)
        )
        if topic.from_birth or not congenital_page(e.hit.document)
        if not (topic.adult and children_page(e.hit.document))
        for c in _document_candidates(
            e,
            topic,
            facets,
            amount=amount,
            activity=activity,
            measured=measured,
            again=again,
            undone=undone,
        )
        # a study sentence about its animals, from a record whose headings or title did not say
        # it was animal work, is no patient evidence either
        if not (human_only and not c.guideline and names_study_animals(c.sentence.text))
        # nor what a study says nobody knows yet ("… has never been evaluated")
        if not (patient and not c.guideline and KNOWLEDGE_GAP.search(c.sentence.text))
    ]
    if LONG_TOLD.search(query.question):
        found = [c for c in found if not SHORT_COURSE.search(c.sentence.text)]
    return sorted(found, key=lambda c: -c.score)


_LONG_SPAN = (
    r"(?:[3-9]|\d\d|three|four|five|six|seven|eight|nine|ten|several|a few|many) weeks|"
    r"(?:\d+|two|three|four|five|six|several|a few|many) (?:months|years)|a (?:month|year)"
)
"""Three weeks or more, counted."""
LONG_TOLD = re.compile(
    r"\b(?:for|over|past|last|since|(?:been|had) (?:it |this |them )?(?:for )?)\s*(?:about |"
    rf"around |nearly |almost |over |more than |the (?:past|last) )?(?:{_LONG_SPAN}|months|"
    r"years)\b"
    # since an event that long ago, and still: "the fall was six weeks ago and it still …"
    rf"|\b(?:{_LONG_SPAN}) ago\b[^.?!]{{0,80}}?\bstill\b",
    re.IGNORECASE,
)
"""A question telling that its complaint has lasted three weeks or more ("a cough for about 4
weeks now", "for the past 2 months", "the fall was six weeks ago and it still aches")."""
SHORT_COURSE = re.compile(
    r"\b(?:lasts?|lasting|go(?:es)? away|gets? better|clears? up|resolves?|improves?)\b[^.;]{0,40}?"
    r"\b(?:(?:\d+|one|two|three|four|five|a few|several)(?:\s*(?:or|to|-|–)\s*(?:\d+|two|three|"
    r"four|five|seven))? (?:hours?|days?)|a day|(?:a|one|1) week)\b"
    r"|\b(?:go(?:es)?|went) away on (?:its|their) own\b|\bself-limit\w*",
    re.IGNORECASE,
)
"""A statement that the complaint is short and passes by itself ("Acute diarrhea … usually lasts
1 or 2 days and goes away on its own"): to someone who has had it for weeks (:data:`LONG_TOLD`)
it is false reassurance, not an answer."""


KNOWLEDGE_GAP = re.compile(
    r"\b(?:ha(?:s|ve) (?:never|not|rarely|not yet) been (?:\w+ )?(?:evaluated|studied|"
    r"investigated|examined|explored|assessed|reported|described|established)|remains? "
    r"(?:largely |still |poorly |mostly )?(?:unknown|unclear|uncertain|controversial|elusive|"
    r"to be (?:determined|elucidated|clarified|established))|(?:is|are) (?:still |currently "
    r"|largely |poorly )?(?:unknown|unclear|not (?:well |fully )?(?:known|understood|"
    r"established))|little is known|(?:data|evidence) (?:are|is|remain) (?:scarce|limited|"
    r"lacking|sparse)|knowledge gap)\b"
    r"|\b(?:studies|study|research|trials?)\b[^.;]{0,150}?\b(?:is|are) (?:still |urgently |"
    r"therefore |thus )?(?:needed|required|warranted)\b"
    # a study's premise: "There is currently no effective treatment for … depression"
    r"|\bthere (?:is|are|remains?) (?:currently |still |as yet |presently )?no (?:\w+ )?"
    r"(?:effective|satisfactory|curative) (?:treatments?|"
    r"therap(?:y|ies)|cures?|drugs?|medications?)\b",
    re.IGNORECASE,
)
"""A study's statement of what is not known ("The renal hazard of polypharmacy has never been
evaluated in …", "its natural history remains unknown", "a study of … is required to clarify
…"): why the study was done, no finding a patient can use; a question about the evidence
itself may still be answered by one."""


def findings(
    query: Query, evidence: Sequence[Evidence], limit: int, gated: bool = False
) -> list[Candidate]:
    """For an evidence question ("Does X reduce Y?", :func:`evidence_question`), the conclusion
    of each of the ``limit`` best research abstracts on the topic, in evidence order: the bottom
    line a clinician reads first, and what a review's summary is built from. Other questions
    get none (their facet sections answer what was asked).

    A conclusion is a statement of the abstract's CONCLUSIONS section or, for an abstract
    without one, its last sentence; the first one that (with the title) names the
    topic is taken: for an evidence question both sides of the relation (:meth:`Topic.covers`),
    so an abstract about X alone is no finding on "Is X associated with Y?". Each is an
    OVERVIEW candidate scored like a facet candidate (evidence score × conclusions weight).
    """
    if not evidence_question(query.question) or conditions_compared(query):
        return []
    topic = Topic.of(query, gated)
    preventing = Facet.PREVENTION in query.asked
    causing = query.asked[:1] == (Facet.CAUSES,)
    found: list[Candidate] = []
    for e in evidence:
        if len(found) >= limit:
            break
        if e.level in (EvidenceLevel.EXCLUDED, EvidenceLevel.GUIDELINE):
            continue
        if e.score >= MIN_EVIDENCE_SCORE and (sentence := _finding(e, topic, preventing, causing)):
            score = e.score * _shape(sentence)
            found.append(Candidate(sentence, e, Facet.OVERVIEW, score, stems(sentence.text)))
    return found


_RISK_SAID = re.compile(
    r"\b(?:risks?|incidence|occurrence|odds|onset|first (?:\w+ )?events?)\b", re.I
)
"""A finding's word for how often a condition arises: of whether something prevents it."""
_LINK_SAID = re.compile(
    r"\b(?:caus\w*|risks?|associat\w*|linked|links?|lead(?:s|ing)? to|led to|contribut\w*|"
    r"factors?|predict\w*|odds|incidence|develop\w*|relationship|related to|attributable)\b",
    re.I,
)
"""A finding's word for a link between an exposure and a condition: of whether one causes the
other."""


def _finding(
    evidence: Evidence, topic: Topic, preventing: bool = False, causing: bool = False
) -> Sentence | None:
    """The abstract's first conclusion naming the topic; asked whether something prevents a
    condition (``preventing``), one that speaks of preventing it or of its risk, not of how
    those who have it fare ("survival was better with aspirin" in a heart attack is no word on
    preventing one); asked whether something causes it (``causing``), one that speaks of a
    cause, risk or link (a contrast dose for imaging the joints of arthritis is no word on
    what brings it on)."""
    label = _label(evidence)
    on_topic = (
        s
        for s in _conclusions(evidence.hit.document)
        if topic.covers(stems(s.text) | label, research=True)
        and (
            not preventing
            or SENTENCE_CUES[Facet.PREVENTION].search(s.text)
            or _RISK_SAID.search(s.text)
        )
        and (not causing or _LINK_SAID.search(s.text))
    )
    return next(on_topic, None)


def _conclusions(doc: Document) -> list[Sentence]:
    """The CONCLUSIONS statements, else the closing statement of an abstract of ≥ 2 sentences
    (an unlabelled abstract, or one whose conclusions were cut off, ends on its main result)."""
    sentences = list(document_sentences(doc))
    usable = [s for s in sentences if is_statement(s) and not dangling(s.text, research=True)]
    labelled = [s for s in usable if s.section_category == "CONCLUSIONS"]
    if labelled:
        return labelled
    return sentences[-1:] if len(sentences) > 1 and sentences[-1] in usable else []


FROM_BIRTH = re.compile(
    r"\b(?:congenital\w*|born with|from birth|since birth|at birth|newborns?|infants?|"
    r"neonat\w*)\b",
    re.IGNORECASE,
)
_CONGENITAL_TOPIC = re.compile(r"\bcongenital\b", re.IGNORECASE)


def congenital_page(doc: Document) -> bool:
    """True for a guideline page on a condition present from birth ("Congenital
    hypothyroidism"): its treatment is a newborn's, not that of an adult told they have the
    condition, so it answers only a question about a baby or a congenital condition."""
    return doc.focus is not None and bool(_CONGENITAL_TOPIC.search(doc.focus))


_CHILDREN_TITLE = re.compile(
    r"\b(?:in|for|of|among) (?:young )?(?:children|kids|infants|babies|newborns|toddlers)\b"
    r"|\bp(?:a)?ediatric\b",
    re.IGNORECASE,
)


def children_page(doc: Document) -> bool:
    """True for a document whose title says it is about children ("Growth Failure in Children
    with Chronic Kidney Disease", "a pediatric cohort") and names no adults: what it says (a
    child's growth, a child's dose) is no answer for an adult told as the patient."""
    title = doc.title or ""
    return bool(_CHILDREN_TITLE.search(title)) and not _ANYONE.search(title)


def _document_candidates(
    evidence: Evidence,
    topic: Topic,
    facets: Iterable[Facet],
    *,
    amount: AmountAsked | None = None,
    activity: bool = False,
    again: bool = False,
    undone: bool = False,
    measured: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """The (sentence, facet) candidates of one document; for a question asking an amount
    (``amount``), a guideline page's sentence that states it (:meth:`AmountAsked.stated_by`)
    answers the overview; a page's
    line on research under way only when the question asks about research (``activity``)."""
    doc = evidence.hit.document
    label = _label(evidence)
    # the page's own topic judges a cause statement and a list headed by a condition's name
    # (:func:`_sentence_facets`): read once, and only when one of them is at hand
    causes = Facet.CAUSES in facets and topic.caused
    page_topic: PageTopic | None = None
    qtype_facet = QTYPE_FACETS.get((doc.question_type or "").lower())
    if non_human(doc):
        facets = [f for f in facets if f not in PATIENT_FACETS]
    found: list[Candidate] = []
    research = evidence.level is not EvidenceLevel.GUIDELINE
    # a page on a drug, or on a habit (marijuana use, vaping), states its harms in plain
    # words ("Marijuana can cause problems with memory")
    titled = topic.names_topic(label)  # the document's title names the topic
    drug_page = (topic.drug or topic.habit) and not research and titled
    if research:
        facets = _facets_of_study(doc, topic, facets)
    for sentence in document_sentences(doc):
        if not _usable(sentence, doc, topic, research=research, activity=activity):
            continue
        sentence_stems = stems(sentence.text)
        named = topic.count(sentence_stems)
        if not topic.accepts(sentence_stems, label, research):
            continue
        weight = topic.weight(sentence_stems)
        base = evidence.score * (1 + 0.4 * max(0, weight - 1)) * _shape(sentence)
        base *= _group_weight(topic, sentence.text)
        untreated = bool(_UNTREATED.match(sentence.text))
        if page_topic is None and (causes or _HEADED_OF.match(sentence.text)):
            page_topic = PageTopic.of(doc)
        own = _sentence_facets(
            sentence.text,
            facets,
            topic,
            research=research,
            named=named,
            untreated=untreated,
            page=page_topic,
        )
        if not research and not topic.speaks_for_drug(doc, sentence_stems):
            own = [f for f in own if f in HARM_PAGE_FACETS]
        if topic.alternatives and not research and not topic.names_side(0, sentence_stems):
            # another treatment of the condition, or its course without one
            own = [f for f in own if f in (Facet.TREATMENT, Facet.PROGNOSIS)]
        untold = _untold_facets(sentence.text, topic, label)
        own = [f for f in own if f not in untold]
        if research and not named:
            own = _unnamed_study_facets(own, sentence, topic, titled)
        harm = drug_page and _states_harm(sentence.text)  # once a sentence, not once a facet
        weights = {f: w for f in own if (w := _facet_weight(f, sentence, qtype_facet, harm))}
        if untreated and Facet.SEEK_CARE in own:  # why to be seen: what happens without care
            weights[Facet.SEEK_CARE] = max(weights.get(Facet.SEEK_CARE, 0.0), 1.0)
        for facet in _told_outright(sentence.text, facets, own, again=again, undone=undone):
            weights[facet] = max(weights.get(facet, 0.0), 1.0)
        if not research and (
            (amount is not None and amount.stated_by(sentence.text, sentence_stems, label))
            or (measured and limit_of(sentence.text, measured))
        ):
            weights[Facet.OVERVIEW] = max(weights.get(Facet.OVERVIEW, 0.0), AMOUNT_WEIGHT)
        strongest = max(weights.values(), default=0.0)
        found.extend(
            Candidate(sentence, evidence, facet, base * weight, sentence_stems)
            for facet, weight in weights.items()
            if weight == strongest
        )
    return found


def _told_outright(
    text: str, facets: Iterable[Facet], own: Sequence[Facet], *, again: bool, undone: bool
) -> list[Facet]:
    """Facets a sentence answers in full whatever its cue words: the course asked
    (:func:`_course_asked`), or the purpose its list serves (:func:`purpose_facet`: "To ease
    an attack: rest; …")."""
    told = []
    if Facet.PROGNOSIS in facets and _course_asked(text, again, undone):
        told.append(Facet.PROGNOSIS)
    if (purpose := purpose_facet(text)) is not None and purpose in own:
        told.append(purpose)
    return told


CHILDREN_ONLY_FACETS = frozenset({Facet.TREATMENT, Facet.DOSAGE, Facet.DIAGNOSIS})
_CHILDREN_SUBJECT = re.compile(
    r"^(?:(?:a|an|the|your|young|older|some|most|many|all)\s+)?(?:\w+\s+)?(?:children|child|kids?|"
    r"bab(?:y|ies)|infants?|toddlers?|teens?|teenagers?|adolescents?)\b(?! of\b)",
    re.IGNORECASE,
)
"""A statement whose subject is children ("Children with any of the following symptoms should
see a health care provider"), not one naming the children of someone ("Parents, siblings, and
children of a person with AATD should be evaluated")."""
UNTOLD_FOR_INFANTS = frozenset({Facet.TREATMENT, Facet.DOSAGE})
"""Facets a sentence answers for a baby only when it speaks of babies or children: medicines,
doses and operations said of everyone are said of adults ("you might need medicines or
surgery" on a reflux page is no answer for a thriving baby who spits up; ibuprofen is not for
a 4-month-old)."""
_ANYONE = re.compile(r"\b(adults?|grown-?ups?|everyone|anyone|all ages|people of all)\b", re.I)


_NO_TREATMENT = re.compile(
    r"\b(?:there is|there's|has) no (?:specific |known )?(?:treatment|cure)\b|"
    r"\bcannot be (?:treated|cured)\b",
    re.I,
)


def _said_for_infants(text: str) -> bool:
    """True for a sentence a baby's treatment may rest on: it speaks of babies or children, or
    says there is no treatment at all ("There is no treatment for measles, but the MMR vaccine
    can prevent it")."""
    return bool(GROUPS["children"].search(text) or _NO_TREATMENT.search(text))


def page_statements(evidence: Evidence, facet: Facet) -> Iterator[Candidate]:
    """Every quotable statement of ``evidence``'s page, in order, as a candidate for
    ``facet`` scored as the page: for a frame that needs one more line of a page already
    chosen (how long a condition lasts), whatever facet first took the page."""
    doc = evidence.hit.document
    research = evidence.level is not EvidenceLevel.GUIDELINE
    for sentence in document_sentences(doc):
        if _quotable(sentence, doc, research):
            yield Candidate(sentence, evidence, facet, evidence.score, stems(sentence.text))


def _quotable(sentence: Sentence, doc: Document, research: bool) -> bool:
    """A statement that stands alone (no dangling reference) and was not damaged upstream:
    the least any shown sentence must be."""
    text = sentence.text
    return is_statement(sentence) and not dangling(text, research) and not damaged(doc, text)


_SHORT_PROPERTY = re.compile(
    r"^(?P<subject>[A-Z][\w'-]*(?: [\w'-]+)?) (?:is|are) (?:not|never|rarely) [a-z]+\.$"
)
"""A statement of three or four words denying a property of its subject ("Gout is not
catching."): the no to a yes/no question; one granting a property ("Moles are very common.")
answers little and, beside a worry, reads as reassurance."""


def short_topic_statement(text: str, subjects: Sequence[frozenset[str]]) -> bool:
    """True for a guideline page's statement too short to be a statement (:data:`MIN_WORDS`)
    that tells a property of the question's topic under one of its own names ("Lupus is not
    contagious."): its subject is named, so it stands alone; of anything else ("Treatment is
    symptomatic.", "Others are mild.") it would not."""
    matched = _SHORT_PROPERTY.match(text)
    if matched is None or len(text.split()) >= MIN_WORDS:
        return False
    subject = stems(matched["subject"])
    return bool(subject) and subject in subjects


def _for_children_only(text: str) -> bool:
    """True for a sentence about treating children that names no adult ("Doctors prescribe
    children and teens medicines at special doses")."""
    return bool(GROUPS["children"].search(text)) and not _ANYONE.search(text)


_SEX_WORDS = {
    "male": r"men|males?|boys?|fathers?|husbands?",
    "female": r"women|females?|girls?|mothers?|wives",
}
OTHER_SEX = {"female": "male", "male": "female"}
LIST_MARK = re.compile(r"[;:]")
SEX_SAID_WITHIN = 60
"""Characters from a statement's start within which it says whom it is about."""
_RESTRICTED_TO = {
    sex: re.compile(
        rf"\b(?:in|among|for|of|to) (?:\w+ )?(?:{words})\b|^(?:{words})\b|\b(?:{words}) "
        r"(?:who|with)\b",
        re.IGNORECASE,
    )
    for sex, words in _SEX_WORDS.items()
}
"""A statement restricting itself to one sex: "in men", "among boys", "Men who …"."""
_NAMED = {
    sex: re.compile(rf"\b(?:{words}|both sexes)\b", re.IGNORECASE)
    for sex, words in _SEX_WORDS.items()
}
"""Someone of that sex named anywhere, or both sexes."""


def said_only_of(text: str, sex: str) -> bool:
    """True when ``text`` is said of one sex only: it restricts itself to it near its start
    ("In men, …", "Gout in women …", "Men who …", "For women with …") and names no one of the
    other sex ("in both men and women" is said of everyone). A list is said of everyone, whatever
    one item is ("Causes include: …; hormonal changes in women; …")."""
    if LIST_MARK.search(text):
        return False
    restricted = _RESTRICTED_TO[sex].search(text[:SEX_SAID_WITHIN])
    return bool(restricted) and not _NAMED[OTHER_SEX[sex]].search(text)


def _usable(
    sentence: Sentence, doc: Document, topic: Topic, *, research: bool, activity: bool
) -> bool:
    """False for a sentence no facet may use: no statement, dangling, damaged upstream, an
    undated claim that expires, a study's methods, a page's line on research under way (unless
    asked), the reader's own symptoms in a question about a young child, or what is said of
    pregnancy, other than a warning, in a question about someone who cannot be pregnant."""
    text = sentence.text
    quotable = _quotable(sentence, doc, research) or (
        not research and short_topic_statement(text, topic.subjects) and not damaged(doc, text)
    )
    if not quotable or (doc.year is None and expiring(text)):
        return False
    if research and _methods(text):
        return False
    if topic.young and _reader_as_patient(text):
        return False
    if topic.not_pregnant and GROUPS["pregnancy"].search(text) and not WARNING_CUE.search(text):
        return False  # "a screening test during pregnancy" for a son; not a household's warning
    if topic.sex is not None and said_only_of(text, OTHER_SEX[topic.sex]):
        return False  # "in men, it has been associated with …" for a woman asking
    return research or activity or not _RESEARCH_ACTIVITY.match(text)


def _sentence_facets(
    text: str,
    facets: Iterable[Facet],
    topic: Topic,
    *,
    research: bool,
    named: int,
    untreated: bool,
    page: PageTopic | None = None,
) -> list[Facet]:
    """The facets a sentence may answer, before its cue words weigh them (``page``: the page's
    own topic, which a cause it states may be of)."""
    page = page or PageTopic()
    headed = _headed_facet(text)
    if headed is not None:  # "Causes include: …" lists causes, whatever else its items name
        facets = [f for f in facets if f is headed]
    if _headed_elsewhere(text, topic, page):  # "The symptoms of a stroke include …"
        return []
    # a study's sentence that does not itself name the topic ("87.5% of patients required
    # dosage up-titration") tells a patient nothing about their own dose or treatment, nor,
    # when the question is about a drug, about the drug at all
    unnamed = research and not named
    own = [f for f in facets if not unnamed or (f not in OWN_NAME_FACETS and not topic.drug)]
    own = [f for f in own if f not in _not_answered_here(text, topic, page, untreated=untreated)]
    if Facet.CAUSES in own and topic.caused:
        if effect_of_topic(text, topic.subjects, topic.acronyms | page.acronyms):
            own = [f for f in own if f is not Facet.CAUSES]
        elif _cause_of_something_else(text, topic, page):
            # what leads to what ("Osteoarthritis causes pain") is no overview of the topic,
            # unless it says what the topic is ("Fibromyalgia is a disorder that causes pain")
            defines = _subject_names(text, [*topic.subjects, *page.names])
            dropped = (Facet.CAUSES,) if defines else (Facet.CAUSES, Facet.OVERVIEW)
            own = [f for f in own if f not in dropped]
    overview = research and topic.subjects and Facet.OVERVIEW in own
    if overview and not defines_topic(text, topic.subjects):
        own = [f for f in own if f is not Facet.OVERVIEW]
    if research and Facet.DOSAGE in own and (_MEASURED.search(text) or not DOSE.search(text)):
        # "pressure decreased significantly after 6.5 mg": a dose studied, not one to take;
        # "lower doses are required intraoperatively" states none
        own = [f for f in own if f is not Facet.DOSAGE]
    if Facet.SEEK_CARE in own and not named and _NO_VISIT_NEEDED.search(text):
        # "Most people don't need to see a doctor before they start walking" is about walking:
        # a reassurance that no visit is needed must name what it reassures about
        own = [f for f in own if f is not Facet.SEEK_CARE]
    if research and ADVICE.search(text):
        own = [f for f in own if f in ADVICE_FACETS]
    elif research:  # a study's finding is no advice on when to seek care
        own = [f for f in own if f not in ADVICE_ONLY]
    return own


_OTHERS_WITH = re.compile(
    r"^(?:an? |the |most |many |some )?(?:person|people|patients?|those|someone|anyone|men|"
    r"women|children|adults|individuals)\s+(?:with|who (?:have|has|develop))\s+"
    r"(?P<what>(?:[\w'-]+\s+){0,3}[\w'-]+)",
    re.IGNORECASE,
)
"""A statement about the people who have something ("A person with ESRD must …")."""
_OTHERS_AFTER = re.compile(
    rf"^{_CONNECTIVE}(?:an? |the |most |many |some )?(?:person|people|patients?|those|someone|"
    r"anyone|men|women|children|adults|individuals)\s+who\s+(?:[\w'-]+\s+){1,6}?"
    r"(?:after|following)\s+(?:an? |the )?(?P<event>[\w'-]+(?:\s+[\w'-]+)?)",
    re.IGNORECASE,
)
"""A statement about the people who have something after an event ("people who consistently
have epistaxis after TSA"): said of those who went through it."""
UNTOLD_FOR_OTHERS = frozenset({Facet.TREATMENT, Facet.DOSAGE})


def _untold_facets(text: str, topic: Topic, label: frozenset[str]) -> frozenset[Facet]:
    """The facets a statement cannot answer for the person asked about: a treatment or dose
    said of people with something else (:func:`_of_others`), what is said of children only
    for an adult, and a treatment or dose not said for babies for a baby."""
    untold: set[Facet] = set()
    if _of_others(text, topic, label):
        # "A person with ESRD must receive a kidney transplant or dialysis" on the
        # proteinuria page treats what those people have, not the topic
        untold |= UNTOLD_FOR_OTHERS
    if topic.adult and _for_children_only(text):
        untold |= CHILDREN_ONLY_FACETS
        if _CHILDREN_SUBJECT.match(text):  # a child's thresholds for being seen are not an adult's
            untold.add(Facet.SEEK_CARE)
    if topic.infant and not _said_for_infants(text):
        untold |= UNTOLD_FOR_INFANTS
    return frozenset(untold)


def _of_others(text: str, topic: Topic, label: frozenset[str]) -> bool:
    """True for a statement about the people who have something neither the question's topic
    nor the page's own ("A person with ESRD must receive … dialysis" on the proteinuria page):
    what it says they need treats what they have. "People with osteoarthritis may find …" on
    the osteoarthritis page speaks of the topic."""
    after, match = _OTHERS_AFTER.match(text), _OTHERS_WITH.match(text)
    if after is None and match is None:
        return False
    sides = (p for side in topic.sides for p in side)
    own = label.union(*sides, *topic.subjects, *topic.phrases, topic.acronyms)
    if after is not None and not stems(after.group("event")) & (own | topic.focus):
        return True  # "people who have epistaxis after TSA": a surgery the reader never had
    return match is not None and not stems(match.group("what")) & own


_NO_VISIT_NEEDED = re.compile(
    r"\b(?:do not|don'?t|dont|does not|doesn'?t|doesnt|no|never|rarely) (?:\w+ )?need (?:to )?"
    r"(?:see|visit|consult|call|contact) (?:a|your|the) (?:doctor|physician|health care|healthcare)"
    r"|\bno need (?:to|for) (?:see|visit|consult|call|a doctor|medical)",
    re.I,
)
_HEADED = re.compile(
    r"^(?:(?:other|common|the most common|the main|possible|some|known)\s+)?"
    r"(?P<head>causes|risk factors|symptoms|signs(?: and symptoms)?|treatments?|treatment options)"
    r"(?:\s+of\s+[\w' -]{1,40}?)?\s+(?:include|includes|can include|may include|are)\b",
    re.I,
)
_HEAD_FACETS = {
    "causes": Facet.CAUSES,
    "risk factors": Facet.CAUSES,
    "symptoms": Facet.SYMPTOMS,
    "signs": Facet.SYMPTOMS,
    "signs and symptoms": Facet.SYMPTOMS,
    "treatment": Facet.TREATMENT,
    "treatments": Facet.TREATMENT,
    "treatment options": Facet.TREATMENT,
}


_HEADED_OF = re.compile(
    r"^(?:the\s+)?(?:(?:other|common|most common|main|possible|some|known)\s+)?(?:[a-z]+\s+)?"
    r"(?:signs and symptoms|symptoms|signs|causes|risk factors|treatments?|treatment options)"
    r"\s+of\s+(?P<of>[\w' -]{1,40}?)\s+(?:include|includes|can include|may include|are)\b",
    re.I,
)
_OWN_TOPIC_WORDS = stems("a an the this that these those it its condition disease disorder illness")


def _headed_elsewhere(text: str, topic: Topic, page: PageTopic) -> bool:
    """True when a sentence heads a list of another condition's causes, symptoms or treatments
    ("The symptoms of a stroke include …" on a page or question about high blood pressure);
    "the symptoms of this condition" are the page's own."""
    match = _HEADED_OF.match(text)
    if match is None:
        return False
    named = stems(match["of"])
    if named <= _OWN_TOPIC_WORDS | topic.acronyms | page.acronyms or topic.count(named):
        return False
    return not any(name <= named for name in page.names)


def _not_answered_here(
    text: str, topic: Topic, page: PageTopic, *, untreated: bool
) -> frozenset[Facet]:
    """Facets a sentence cannot answer for this question, whatever its cue words: what
    another thing is says no outlook or treatment of the topic ("Asthma is a long-term lung
    disease" on the page about cough; as context, or a cause, it may stay); a side effect said
    of everyone is no answer whether something is safe in a pregnancy; an untreated topic has
    no treatment."""
    dropped: set[Facet] = set()
    if _defines_something_else(text, topic, page):
        dropped |= _NOT_BY_DEFINING
    if topic.pregnancy_safety and not _OF_PREGNANCY.search(text):
        dropped |= _SAFETY_FACETS
    if untreated or _treatment_named_as_cause(text):
        dropped.add(Facet.TREATMENT)
    return frozenset(dropped)


_CAUSE_LIST = re.compile(
    r"\b(?:causes?|triggers?|risk factors?)\b,?\s+(?:include|includes|including|are|such as)\b",
    re.I,
)


def _treatment_named_as_cause(text: str) -> bool:
    """Whether a sentence's only words of treatment are items of a list of causes ("There can
    be many other causes, including medicines, heat exhaustion …"): a medicine that causes
    the condition is no treatment of it. "X caused by an infection is treated with …" keeps
    its treatment."""
    listed = _CAUSE_LIST.search(text)
    return listed is not None and not SENTENCE_CUES[Facet.TREATMENT].search(text[: listed.start()])


_NOT_BY_DEFINING = frozenset({Facet.PROGNOSIS, Facet.TREATMENT})
SAFETY_QUESTION = re.compile(
    r"\b(safe|safely|safety|harm\w*|dangerous|risky|bad for)\b"
    r"|\b((is|are|be) (it|this|that|they)|it'?s|be) (ok|okay|alright|all right)\b(?!-)"
    r"|\b(ok|okay|alright|all right) (to|for)\b"
    r"|\b(can|could|may|should)\s+(i|you|we|he|she|they|my\s+\w+|a\s+\w+|someone)\s+"
    r"(still\s+)?(take|use|have|drink|eat|give|mix|combine|continue|keep taking)\b"
    r"|\b(affect|hurt|damage|injure)s?\s+(a|an|the|my|her|our|your|their)?\s*(unborn\s+)?"
    r"(baby|babies|fetus|foetus|unborn child|pregnancy)\b",
    re.I,
)
"""Questions about whether a person may take, use or combine something ("Is X safe …?", "Can I
take X while pregnant?", "Should my son use Y?", "Would X affect the baby?"): never answered
yes — a sentence saying a drug *can* cause birth defects must not read as "yes, you can take
it"."""
_OF_PREGNANCY = re.compile(
    rf"{GROUPS['pregnancy'].pattern}|\b(?:unborn|fetus|foetus|fetal|foetal|birth defects?|"
    r"miscarriage|baby|babies|breast ?milk)\b",
    re.I,
)
_SAFETY_FACETS = frozenset({Facet.SIDE_EFFECTS, Facet.WARNINGS})
_THERE_IS = re.compile(r"^there (?:is|are)\b", re.I)


def _defines_something_else(text: str, topic: Topic, page: PageTopic) -> bool:
    """True when a sentence says what something is that is neither the question's topic nor
    its page's, by name or acronym ("Asthma is a long-term lung disease …" on the page about
    cough, for a question about a cough): it states no outlook or treatment of either."""
    if _THERE_IS.match(text) or not _KIND_OF_THING.match(text):
        # "There are a number of treatments" defines nothing; "Beta blockers are the medicines
        # most used" says how the topic is treated
        return False
    names = [*topic.subjects, *page.names]
    acronyms = topic.acronyms | page.acronyms
    return defines_another(text, names) and not acronyms & set(words(text))


def _headed_facet(text: str) -> Facet | None:
    """The facet a sentence names as its subject ("Causes include: infection; eye drops" lists
    causes, though eye drops are a treatment word), or a list's purpose ("To prevent insect
    bites: wear long sleeves; …" lists prevention, "For relief, try: …" treatment)."""
    match = _HEADED.match(text)
    return _HEAD_FACETS[match["head"].lower()] if match else purpose_facet(text)


def purpose_facet(text: str) -> Facet | None:
    """The facet a list's purpose names ("To lower your risk …": prevention; "To ease …", "For
    relief, try": treatment), whatever words its items use; None for any other sentence."""
    if _PREVENTION_LEAD.match(text):
        return Facet.PREVENTION
    return Facet.TREATMENT if _RELIEF_LEAD.match(text) else None


_PREVENTION_LEAD = re.compile(
    r"^(?:to|for) (?:help )?(?:prevent|avoid|lower (?:the|your) (?:risk|chances?)|reduce (?:the|"
    r"your) (?:risk|chances?)|protect)\b",
    re.I,
)
_RELIEF_LEAD = re.compile(
    r"^(?:to (?:help )?(?:treat|relieve|ease|soothe|manage)\b|for (?:relief|comfort)\b)", re.I
)


_SUBJECT = re.compile(r"^(?P<subject>\S+(?:\s+\S+){0,5}?)\s+(?:is|are)\b", re.I)
"""The subject of a sentence of the form "<at most six words> is/are …"."""


def subject_stems(text: str) -> frozenset[str]:
    """The stems of the subject of "<at most six words> is/are …" (:data:`_SUBJECT`); empty
    for a sentence of another form."""
    match = _SUBJECT.match(text)
    return stems(match["subject"]) if match else frozenset()


def defines_topic(text: str, subjects: Sequence[frozenset[str]]) -> bool:
    """True when a study's sentence says what the question's topic is: its subject, before
    "is" / "are", names a primary topic ("Lamotrigine is an antiepileptic drug …"). Any other
    sentence of an abstract is no overview of the topic for a reader ("The dominant pathway of
    nicotine metabolism is …", "Moreover d-amphetamine-induced circling … is an artifact")."""
    return _subject_names(text, subjects, head_only=True)


_DEFINITION = re.compile(_SUBJECT.pattern + r"\s+(?:an?|the)\b", re.I)
"""A sentence saying what its subject is: :data:`_SUBJECT` followed by "a", "an" or "the"."""
_KIND_OF_THING = re.compile(_SUBJECT.pattern + r"\s+an?\b", re.I)
"""A sentence saying what kind of thing its subject is ("Asthma is a long-term lung disease"):
:data:`_DEFINITION` with "a" or "an" only."""


def defines_another(text: str, names: Sequence[frozenset[str]]) -> bool:
    """True when ``text`` says what something other than ``names`` is and never names them
    ("Asthma is a long-term lung disease …" on the page about cough): no statement about the
    topic itself ("Botulinum toxin is an effective treatment for hemifacial spasm" is one)."""
    if not names or _DEFINITION.match(text) is None:
        return False
    own = stems(text)
    return not any(phrase_in(n, own) for n in names)


_OF = re.compile(r"\s+(?:of|in|for|with|among)\s+", re.I)


def _subject_names(text: str, names: Sequence[frozenset[str]], *, head_only: bool = False) -> bool:
    """True when the subject of "<subject> is/are …" names one of ``names`` ("Granulomatosis
    with polyangiitis (GPA) is a condition that …"); with ``head_only``, its words before "of",
    "in", "for" … ("Disadvantages of the … vaccine" names no vaccine)."""
    match = _SUBJECT.match(text)
    if match is None:
        return False
    subject = match["subject"]
    if head_only:
        subject = _OF.split(subject, maxsplit=1)[0]
    own = stems(subject)
    return any(phrase_in(name, own) for name in names)


RECURS = re.compile(
    r"\b(?:(?:get|gets|catch) (?:it |\w+ ){0,2}?(?:again|twice|more than once)|"
    r"(?:become|becomes|became) active again|(?:come|comes|came) back)\b",
    re.I,
)
"""A statement of whether it comes again ("You probably will not get chickenpox again", "the
virus can become active again"): the course asked by ``understand.ASKS_AGAIN``, and only then (said
of chickenpox in general, it does not say how long a child stays off school)."""


def _course_asked(text: str, again: bool, undone: bool) -> bool:
    """True for a statement of the course the question asks: whether it comes twice
    (``again``: "You probably will not get chickenpox again") or can be undone (``undone``:
    "Vasectomy can sometimes be reversed")."""
    return bool((again and RECURS.search(text)) or (undone and REVERSED.search(text)))


REVERSED = re.compile(
    r"\b(?:(?:can|cannot|can'?t|may|might|could)(?: \w+)?(?: not)? be (?:reversed|undone)|"
    # said of it ("the damage is often reversible"), not a process named ("reversible
    # oxidation")
    r"(?:is|are|be|was|were) (?:\w+ )?(?:ir)?reversible)\b",
    re.I,
)
"""A statement of whether it can be undone, the course asked by ``understand.ASKS_UNDONE``
and only then ("reversible oxidation" in a study of a liver is no answer on how long sterility
takes after a vasectomy)."""
AMOUNT_QUESTION = re.compile(
    r"\bhow (much|many|long|big|large|heavy|tall|far|often)\b(?P<unit> [\w-]+)?", re.I
)
"""A question asking an amount ("how much urine does a bladder hold"): for a drug, a dose."""
_NUMBER = r"\b\d+(\.\d+)?( ?(-|to) ?\d+(\.\d+)?)? ?"
_COUNTED = (
    r"\b(?:\d+(?:\.\d+)?|a few|a couple of|several|few|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twelve)(?: ?(?:-|to|or) ?(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|"
    r"nine|ten|twelve))? ?"
)
_DURATION = re.compile(_COUNTED + r"(minutes?|hours?|days?|weeks?|months?|years?)\b", re.I)
"""A length of time, in digits or words ("2 to 3 weeks", "a few weeks", "several months")."""
_MEASURE = re.compile(
    _NUMBER + r"(ounces?|oz|cups?|ml|milliliters?|liters?|litres?|pounds?|lbs?|kg|kilograms?|"
    r"grams?|inches|feet|cm|centimeters?|mm|miles?)\b",
    re.I,
)
_COUNT = re.compile(
    r"\b\d+(\.\d+)? ?(%|percent\b)|\b\d+(\.\d+)? (million|thousand|in \d+|out of)\b", re.I
)
_RATE = re.compile(
    _COUNTED + r"(?!times\b)(?:[\w()-]+ ){0,4}?(?:a|an|per|each|every) (?:day|week|night|month)\b"
    r"|" + _COUNTED + r"(?!times\b)(?:[\w()-]+ ){0,3}?(?:daily|weekly|nightly)\b(?! values?\b)",
    re.I,
)
"""An amount in a length of time ("two to four cups of coffee a day", "no more than seven drinks
per week", "150 minutes of physical activity a week"), not how often ("several times a day")."""
_FREQUENCY = re.compile(
    r"\b(?:once|twice|three times|\d+ times|one to \w+ times)\b|\bevery (?:other |\d+ |few "
    r"|two |three |six )?(?:days?|weeks?|months?|years?)\b|\b(?:daily|weekly|monthly|yearly|"
    r"annually)\b",
    re.I,
)
"""How often ("once a week", "every 3 years", "yearly")."""
_DEPENDS = re.compile(
    r"\b(?:how (?:much|many|long|often)|the (?:amount|number|length)|amounts?)\b[^.;]{0,60}?"
    r"\b(?:depends? on|depending on|var(?:y|ies) (?:with|by|from|among|between|depending))\b",
    re.I,
)
"""That the amount asked depends on something ("How much you need depends on your size, activity
level, and the weather"): the answer, when no one amount fits all."""
_ASK_HOW_MUCH = re.compile(
    r"\b(?:check|ask|talk) (?:with |to )?(?:your|a) (?:health ?care provider|doctor|"
    r"pharmacist)\b[^.;()]{0,40}?\bhow (?:much|many)\b(?:[^.;()]{0,20}?\b(?:take|use|need)\b)",
    re.I,
)
"""That one's own dose is for the doctor to set ("Check with your health care provider to see
how much you should take"): the answer to a dose question when no source states one."""
_DOSE_ANSWERS = re.compile(
    f"(?:{_RATE.pattern})|(?:{_DEPENDS.pattern})|(?:{_ASK_HOW_MUCH.pattern})", re.I
)
QUANTITIES: dict[str, re.Pattern[str]] = {
    "long": _DURATION,
    "many": _COUNT,
    "often": _FREQUENCY,
    **dict.fromkeys(("much", "big", "large", "heavy", "tall", "far"), _MEASURE),
}
"""The kind of amount each "how …" asks: a duration, a count or share, a measure, a frequency."""
_TIME_UNITS = {
    "minutes": "minutes?|mins?",
    "hours": "hours?|hrs?",
    "days": "days?",
    "weeks": "weeks?",
    "months": "months?",
    "years": "years?",
}
"""The time units a "how many" question may name, each with the ways a sentence writes it."""


VALUE = re.compile(
    r"\b(?:came back|reading|readings|level|levels|result|results|score|count|a1c|hba1c|tsh|psa|"
    r"ldl|hdl|cholesterol|pressure|sugar|glucose|bp|ferritin|creatinine|egfr|inr|vitamin d|"
    r"platelets?|ha?emoglobin|hb|alt|ast|bilirubin|potassium|sodium|calcium|b12|folate|wbc|"
    r"crp|esr|uric acid|triglycerides?|alkaline phosphatase|alp|ggt|albumin|t-?score)"
    r"\W+(?:(?:is|was|are|were|of|at|as|around|about|only|just|now|a|an)\W+){0,3}\d"
    # an amount taken or drunk, a weight, a length of time is no measured test value
    r"|\b\d+\.\d+\b(?!\s*(?:mg|mcg|ml|g|iu|units?|tablets?|pills?|l|litres?|liters?|kg|kilos?|"
    r"lbs?|pounds?|stone|oz|ounces?|cups?|glasses|pints?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"miles?|km|k)\b)"
    r"|\b\d{2,3}\s*/\s*\d{2,3}\b",
    re.IGNORECASE,
)
THRESHOLD = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|percent|mg/dl|mmol|ng/ml|pg/ml|iu|u/l|mm ?hg)"
    r"|\b\d+\.\d+\b|\b\d{2,3}\s*/\s*\d{2,3}\b"
    r"|\b(?:above|below|over|under|less than|more than|higher than|lower than|between|at least)"
    r"\s+\d",
    re.IGNORECASE,
)
"""A value a statement gives for a test: a number with its unit, a decimal, a blood pressure,
or a number after a word of comparison ("above 6.5", "less than 5.7 percent")."""


LIMIT = re.compile(
    r"\branges? from\s+\d+(?:[.,]\d+)*\s+to\s+\d"
    r"|\b(?:above|below|over|under|less than|more than|higher than|lower than|greater than|"
    r"between|at least|up to)\s+\(?\d+(?:\.\d+)?(?:\s*/\s*\d+)?(?!\.?\d)"
    r"(?!\s*(?:million|thousand|billion|people|persons|adults|women|men|children|americans|"
    r"years?|months?|weeks?|days?|hours?|minutes?|times?|pounds?|lbs?|kg|kilograms?)\b)"
    r"(?!(?:\s+to\s+\d+)?\s*(?:%|percent)\s+of\b)"
    r"|\b\d+(?:\.\d+)?(?:\s*/\s*\d+)?\s*(?:%|percent|mg/dl|mmol/l|mm ?hg|ml/min\S*)?\s+or\s+"
    r"(?:higher|more|above|greater|lower|less|below)\b",
    re.IGNORECASE,
)
"""A limit a statement gives for a measured value: a number after a word of comparison ("below
5.7 percent", "higher than 120/80") or before one ("140 mmHg or higher"); not a count of people
("more than 53 million people"), a length of time ("for more than 2 years") or a share of
something else ("at least 5 to 10 percent of your weight")."""


def states_a_value(question: str) -> bool:
    """True when the question gives a measured value ("my A1c came back 6.1", "BP 150/95",
    "ferritin is 9"): whether the value means something is answered only by a statement that
    gives values (a threshold, a range), not by one that says what the test measures."""
    return bool(VALUE.search(question))


_LIMIT_CLAUSE_END = re.compile(r"[;:]|,\s+(?:so|and|but|or|while|whereas)\b|[.!?]\s")
"""Where a clause ends inside a statement: a list item's semicolon, ", so", ", but" …"""


def limit_of(text: str, measured: frozenset[str]) -> bool:
    """True when ``text`` gives a limit (:data:`LIMIT`) in a clause that names one of the
    ``measured`` words: "keep your blood pressure below 130/80" in a list on keeping the
    kidneys healthy is no limit of a kidney value, though the statement names the kidneys;
    "A GFR below 60 may mean kidney disease" is one."""
    ends = [m.start() for m in _LIMIT_CLAUSE_END.finditer(text)]
    for match in LIMIT.finditer(text):
        begin = max((e for e in ends if e < match.start()), default=0)
        end = min((e for e in ends if e >= match.end()), default=len(text))
        if stems(text[begin:end]) & measured:
            return True
    return False


def asked_amount(query: Query) -> re.Pattern[str] | None:
    """What a sentence must state to give the amount ``query`` asks, or None (no amount asked,
    or the question is about a drug and asks how much or how many: then the amount is a dose).
    "How long" asks a length of time of a drug too ("how long does it take to work")."""
    match = AMOUNT_QUESTION.search(query.question)
    if match is None or (query.about_a_drug and match[1].lower() != "long"):
        return None
    return amount_pattern(match[1].lower(), (match["unit"] or "").strip().lower())


LIFE_LEFT = re.compile(
    r"\bhow long (?:do|does|did|will|would|could|can|has|have|might|may) (?:\w+ ){1,2}?"
    r"(?:have(?! to\b)(?: got)?(?: left)?|got left|(?:got )?to live|live|survive)\b"
    r"|\bhow long (?:is|are) (?:\w+ ){1,2}?(?:expected|likely|going) to (?:live|survive)\b"
    r"|\blife expectancy\b",
    re.I,
)
"""How long someone has to live ("how long does he have", "how long will she live"): a
length of time of living, dying or the illness's course answers it, not any length of time
("the monitor is worn for 24 hours")."""
LIFE_WORDS = stems(
    "live lives living life survive survival survived die dies died death deaths mortality "
    "expectancy prognosis outlook progress progresses progression fatal"
)
"""What a length of time must be of to say how long someone has to live."""


_THING_AFTER = re.compile(r"\bhow (?:much|many)\s+(?:of\s+)?((?:[\w-]+\s*){1,3})", re.I)


_TIME_TO = re.compile(
    r"\bhow long\b[^.?!]{0,60}?\b(?:to|before|until|till) (?:i |he |she |they |you |we |"
    r"(?:my|his|her) \w+ )?(?:can |could |will |is |are |be able to |starts? )?(?:\w+ )?"
    r"(?P<verb>walk\w*|driv\w*|run\w*|work\w*|swim\w*|fly\w*|lift\w*|exercis\w*|heal\w*|"
    r"climb\w*|(?:play|do|have) (?:sports?|sex)|return\w*)",
    re.I,
)
"""What a "how long until" question waits for ("how long does it take an 80 year old to walk
again", "how long before I can drive"): a duration of something else (a 30-day death rate) is
no answer to it."""


def measured_thing(question: str) -> frozenset[str]:
    """The stems of what a "how much" or "how many" question measures, from the words after
    it ("how much exercise do I need …" → exercise, "how many units of alcohol" → units,
    alcohol), or of what a "how long until" question waits for (:data:`_TIME_TO`: walking,
    driving); empty when none is named ("how much should I take", "how long does it last")."""
    match = _THING_AFTER.search(question)
    return stems(match[1]) if match else waited_for(question)


def waited_for(question: str) -> frozenset[str]:
    """The stems of what a "how long until" question waits for (:data:`_TIME_TO`), or none."""
    waited = _TIME_TO.search(question)
    return stems(waited["verb"]) if waited else frozenset()


_MEASURE_OF = re.compile(
    r"\bhow (?:much|many)\s+([\w-]+)\s+of\b|\bhow many\s+([\w-]+)\s+(?:a|an|per|each|in)\b",
    re.I,
)


def names_the_measure(question: str, said: frozenset[str]) -> bool:
    """True unless the question asks in a measure of its own ("how many *units* of alcohol",
    "how many cups of coffee", "how many units a week") that the statement (its stems
    ``said``) does not name: "seven drinks per week" counts US drinks, not UK units."""
    match = _MEASURE_OF.search(question)
    return match is None or stems(match[1] or match[2]) <= said


def amount_said_for(question: str, text: str) -> bool:
    """False for an amount said of everyone when the question is about a young child or a
    pregnancy: the statement must speak of children, or of pregnancy ("the amount of caffeine
    in two to four cups of coffee a day is not harmful" is said of most people, not of a
    pregnant woman; "how much you need depends on your size" not of a 10-month-old)."""
    if young_patient(question) and not GROUPS["children"].search(text):
        return False
    return not (GROUPS["pregnancy"].search(question) and not GROUPS["pregnancy"].search(text))


def states_amount(pattern: re.Pattern[str], question: str, text: str, said: frozenset[str]) -> bool:
    """True when ``text`` (its stems ``said``) states an amount of the kind ``pattern`` finds,
    in the measure ``question`` asks in (:func:`names_the_measure`) and for the person it asks
    about (:func:`amount_said_for`)."""
    return (
        bool(pattern.search(text))
        and names_the_measure(question, said)
        and amount_said_for(question, text)
    )


@dataclass(frozen=True)
class AmountAsked:
    """The amount a question asks: what states one (``pattern``), of what (``thing``, the stems
    of :func:`measured_thing`), for whom (the ``question``, :func:`amount_said_for`)."""

    pattern: re.Pattern[str]
    thing: frozenset[str]
    question: str

    @classmethod
    def of(cls, question: str, pattern: re.Pattern[str]) -> AmountAsked:
        thing = LIFE_WORDS if LIFE_LEFT.search(question) else measured_thing(question)
        return cls(pattern, thing, question)

    def stated_by(self, text: str, said: frozenset[str], label: frozenset[str]) -> bool:
        """True when ``text`` (its stems ``said``, its page's label stems ``label``) states the
        amount asked, of the thing asked (it names it, or its page is about it: an amount on
        the *Drinking Water* page is of water; "Limit sodium to 2,300 mg daily" on a blood
        pressure page does not say how much exercise), for the person asked about."""
        of_the_thing = not self.thing or bool(self.thing & (said | label))
        return of_the_thing and states_amount(self.pattern, self.question, text, said)


def dose_amount(query: Query) -> re.Pattern[str] | None:
    """For a drug's or substance's "how much", "how many" or dose question ("vitamin D dose
    for a woman of 70"), what states an amount besides a dose (:data:`DOSE`): an amount in a
    length of time ("two to four cups of coffee a day"), that it depends on something ("How much
    you need depends on your size …") or that the doctor sets it (:data:`_ASK_HOW_MUCH`); None
    for other questions."""
    match = AMOUNT_QUESTION.search(query.question)
    asked = match is not None and match[1].lower() in ("much", "many")
    if not query.about_a_drug or not (asked or query.question_type is QuestionType.DOSE):
        return None
    return _DOSE_ANSWERS


@functools.cache
def amount_pattern(kind: str, unit: str = "") -> re.Pattern[str]:
    """What states an amount of the ``kind`` a "how <kind> [unit]" question asks: its own kind
    (:data:`QUANTITIES`; "how many hours" asks so many hours and nothing else), an amount in a
    length of time ("three drinks a day") for "how much" and "how many", or that the amount
    depends on something."""
    if kind == "many" and (unit in _TIME_UNITS or f"{unit}s" in _TIME_UNITS):
        # "how many hours of sleep": so many hours, not "a few minutes" nor "3 cycles a night"
        hours = re.compile(_COUNTED + rf"(?:{_TIME_UNITS[unit.rstrip('s') + 's']})\b", re.I)
        parts = [hours, _DEPENDS]
    else:
        parts = [QUANTITIES[kind], _DEPENDS] + ([_RATE] if kind in ("much", "many") else [])
    return re.compile("|".join(f"(?:{p.pattern})" for p in parts), re.I)


def corrected(text: str, corrections: dict[str, str]) -> str:
    """``text`` with the question's misspelt words as they were corrected ("aeortic stenosis" →
    "aortic stenosis"), so a misspelling is not read as something more asked."""
    words = normalise(text).split()
    return " ".join(corrections.get(w, w) for w in words)


_CLAUSE_END = re.compile(r"[,;:.!?]\s")
MEASURED_WINDOW = 4
"""Words before a value that may name what was measured ("home bp monitor says 148/94")."""
_MEASURE_SAYING = stems(
    "came back come said says say showed shows show like around about was is high low normal "
    "raised elevated"
)


def measured_words(query: Query) -> frozenset[str]:
    """The stems of what the question measured: the words just before each value it tells
    (:data:`MEASURED_WINDOW`), and the names of a concept they name ("bp" is high blood
    pressure, so "blood pressure" too); empty when it tells no value."""
    text = query.question.lower()
    # within the clause: "stage 3a kidney disease, egfr 52" measured the egfr
    windows = [
        " ".join(_CLAUSE_END.split(text[: m.start()])[-1].split()[-MEASURED_WINDOW:])
        + " "
        + " ".join(m.group(0).split()[:1])
        for m in VALUE.finditer(text)
    ]
    # as read ("bp" is "high blood pressure")
    words = stems(corrected(" ".join(windows), query.corrections)) - _MEASURE_SAYING
    said = frozenset(w for w in words if not w.isdigit())
    named = [c for c in query.concepts if c.matched and stems(c.matched) & said]
    if said and not said - _MEASURES:
        # "morning readings are like 162/101": the reading is of what the question is about
        named += query.primary_topics
    names = stems(" ".join(n for c in named for n in (c.name, *c.names)))
    # when and how often it was measured names nothing ("over the last week": not "a week")
    return ((said - _MEASURES) | names) - _MEASURE_SAYING


_MEASURES = stems(
    "reading readings level levels result results number numbers score value values home "
    "morning mornings evening evenings night today last past week weeks day days month months "
    "average averaged averaging avg usually mostly around"
)
"""Words naming a measurement, or when or how it was taken, without saying of what
("readings over the last week average 146/91")."""


AMOUNT_WEIGHT = 1.5
"""Above a page's opening lines (1.2): the sentence that states the amount asked answers first."""
METHODS = re.compile(
    r"\b(one|two|three|four|five|six|\d+|several|some|most|all|other) (of the )?(included |"
    r"retrieved |eligible |selected )?(studies|study|trials|trial|reviews) (relied|used|included|"
    r"measured|assessed|enrolled|recruited|classified|defined)\b"
    r"|\bour (retrieved|included|selected) (studies|trials|articles|papers)\b"
    r"|\b(studies|trials|articles|papers|reports) (were|was) (eligible|included|identified) "
    r"(for|in) (our|this|the) (meta-analysis|review|analysis|study)\b"
    r"|\b(removing|removal of|after removing) duplicates\b|\bfull[- ]text (screening|review|"
    r"assessment|reading)\b|\b(read|assessed|reviewed|screened) in full[- ]text\b"
    r"|\b(search|searches|screening) (\w+ ){0,4}?(resulted in|yielded|identified|retrieved)\b"
    r"|\b(were|was) (retrospectively |prospectively |previously |randomly |consecutively |"
    r"also |then |further |additionally )?"
    r"(reviewed|analy[sz]ed|enrolled|recruited|randomi[sz]ed|collected|selected|screened|"
    r"interviewed|surveyed|genotyped|followed up|allocated|assigned|compared|assessed|"
    r"investigated|evaluated|examined|studied|measured|performed|conducted|carried out|"
    r"recorded|calculated|operated|tested|standardi[sz]ed|pooled|extracted|abstracted|"
    r"tabulated|stratified|categori[sz]ed|matched|weighted)\b"
    r"|\b(study|studies|review|trial|we|authors) (aimed|aims|sought|seeks|set out|intended) to\b"
    # how long each arm was treated, what counted as a cure: the design, not a finding
    r"|^(the )?(duration|length) of (therapy|treatment|follow-up) was [\w ]{0,20}?\b(days?|"
    r"weeks?|months?|years?)( (for|in) (both|all|each) (groups|arms))?\.$"
    r"|\b(cure|response|remission|success|improvement) was (based on|defined as|judged by)\b"
    r"|\bthe (aim|aims|objective|objectives|purpose|goal) of (this|the present|our|the current) "
    r"(study|review|trial|work|analysis)\b"
    r"|\b(the|this|our) (current|present) (case|patient)\b|\bour patient\b"
    r"|\bwe (performed|conducted|carried out|undertook|did|searched|reviewed|analy[sz]ed|"
    r"used|developed|designed|describe|present|report)\b"
    r"|\b(is|are) (described|presented|discussed|reviewed|reported here)\.?$"
    r"|\b(this|the present|the current|our) (review|article|paper|report|chapter) "
    r"(summari[sz]es|describes|discusses|reviews|presents|outlines|provides)\b"
    r"|\b(this|the|the present|the current|our) (review|article|paper|report|chapter) "
    r"(concludes|closes|ends) with\b"
    r"|\b(the )?(primary|secondary|main|co-primary) (outcomes?|end ?points?)\b[^.;]{0,120}?"
    r"\b(was|were|included)\b"
    r"|^the (equation|formula|model|curve|algorithm|index|score) (was|were) (characteri[sz]ed|"
    r"defined|derived|calculated|computed|estimated|fitted|described)\b"
    r"|\bwe (also |briefly |further |then |first |here |now )?(discuss|summari[sz]e|highlight|"
    r"propose|outline|focus on|address|explore|review|introduce|overview)\b"
    r"|\b(this|the present|the current|our) (review|article|paper|chapter|work|overview|"
    r"commentary|perspective) (would|will|may|might|can|could|should|hopes?|helps?|aims?|"
    r"intends?|seeks?|attempts?|tries|is intended)\b"
    r"|\b(models?|analys[ie]s|regressions?|tests?|scales?|questionnaires?|methods?|software|"
    r"criteria) (was|were) (used|applied|fitted|built|developed) to\b"
    r"|^(\d+|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety)(-\w+)?) (?:(consecutive|eligible|adult|"
    r"pediatric|paediatric|referred|unselected) )*(patients|subjects|participants|cases|children|"
    r"adults|women|men|eyes|volunteers)( [\w-]+){0,4} ((were|was) (treated|given|operated|"
    r"included|studied|seen)|underwent|received|seen)\b",
    re.I,
)
"""A study's account of what it did ("medical records … were retrospectively reviewed",
"Twenty-nine patients were treated with infliximab") or set out to do ("this study aimed to
report …"), which tells a patient nothing; its findings are other sentences."""
FOUND = re.compile(
    r"\b(found|find|showed|shown|shows|revealed|demonstrated|significant(ly)?|"
    r"increased|decreased|reduced|improved)\b",
    re.I,
)
"""Words that report a result: a sentence that also has them is a finding, whatever else it
says of the study's methods ("… was assessed over two years, and it was found that …")."""


_MEASURED = re.compile(
    r"\b(found|showed|shown|revealed|demonstrated|significant(ly)?|increased|decreased|reduced|"
    r"improved|fell|rose|declined|depression|elevation|produced|induced|observed|measured|"
    r"did not|no (significant )?(difference|effect|change))\b",
    re.I,
)
"""A study's result: a dose in it is the dose studied, not one a patient takes."""


def _methods(text: str) -> bool:
    """True for a study's account of its methods or aims, or its call for more research
    (:data:`CALL_FOR_RESEARCH`), with no finding in it."""
    return bool(METHODS.search(text) or CALL_FOR_RESEARCH.search(text)) and not FOUND.search(text)


CALL_FOR_RESEARCH = re.compile(
    r"\b(further|more|additional|future|larger|prospective|well-designed)( [\w-]+){0,3} "
    r"(studies|research|trials|investigations?|work|data) (is |are |will be |would be )?"
    r"(still )?(needed|required|warranted|necessary)\b"
    r"|\b(future|further) (work|research|studies|trials) (needs?|should|must)\b"
    r"|\b(studies|research|trials) (is |are )(now |currently )?(under ?way|ongoing|in progress|"
    r"planned)\b"
    r"|\bresults of (these|this|the|our|such) ([\w-]+ ){0,2}(studies|study|trials?|research|work) "
    r"(is|are|will be) expected to\b"
    r"|\b(should|must|needs? to|deserves? to|remains? to) be (further |more |better )?"
    r"(investigated|studied|explored|examined|evaluated|confirmed|clarified|elucidated)\b"
    r"|\bwarrants? further\b|\b(receive|deserves?) more attention\b"
    r"|\bthere (is|remains) (a |an )?(\w+ )?need for (more|further|additional|larger|better|"
    r"well-designed)( [\w-]+){0,3} (studies|research|trials|data|evidence|investigations?)\b",
    re.I,
)
"""A study's call for more research ("Further studies are needed", "should be further
investigated"): what is not yet known, no finding for a reader."""


DOSE = re.compile(
    r"(?<![/\d.])\b\d+(\.\d+)?\s?(mg|mcg|µg|g|grams?|units?|iu|ml|milligrams?|micrograms?|tablets?|"
    r"capsules?|puffs?|drops?)\b(?!\s*/)|\b(once|twice|three times) (a|per) day\b|"
    r"\bevery \d+ hours\b|"
    r"\b(a |one |two |three |\d )?(single|one-time|one|two|three|first|second|third|booster|"
    r"\d-|one-|two-|three-)\s?(dose|doses|shot|shots)\b|\bevery \d+ (months|years)\b|"
    r"\b(every|each|once a) year\b|\b(yearly|annually)\b",
    re.I,
)
"""An amount taken (not a concentration such as "60 ug/100 ml", which is a measurement), or a
count of doses and how often ("a single dose", "a two-dose series", "a booster every 10 years")."""
ADVICE = re.compile(
    r"\b((is|are|was|were) (not )?(recommended|advised|warranted)|"
    r"should (not |never |always )?(be )?(performed|given|used|avoided|offered|treated|"
    r"considered|started|stopped|prescribed|administered|seen|referred|evaluated|admitted|"
    r"monitored|screened)|we (recommend|advise|suggest))\b",
    re.I,
)
"""A statement that advises what to do, rather than what was found."""
ADVICE_FACETS = frozenset(
    {Facet.TREATMENT, Facet.DIAGNOSIS, Facet.PREVENTION, Facet.SEEK_CARE, Facet.DOSAGE}
)
"""Where a study's advice may stand: about managing, testing for or preventing the condition,
never as a cause or a symptom of it."""
ADVICE_ONLY = frozenset({Facet.SEEK_CARE})
"""Facets a study answers only with its advice ("patients with X should be seen …"): that
perforated appendicitis was likelier in patients first seen in a clinic says nothing about when
to seek care."""
NOT_FROM_TREATMENT_STUDIES = frozenset(
    {Facet.CAUSES, Facet.MECHANISMS, Facet.INHERITANCE, Facet.SYMPTOMS}
)
"""Facets a study of a treatment does not answer: its "associated with" and "due to" are about
outcomes ("withdrawals due to adverse events", "FETO is associated with resolution of PH"),
not about what causes the condition or how it shows."""
_AIMS = (Facet.CAUSES, Facet.DIAGNOSIS, Facet.PROGNOSIS, Facet.PREVENTION, Facet.INHERITANCE)


_IN_SOMEONE = re.compile(r"^(?P<head>[^:.?]{3,100}?)\s+in\s+(?P<tail>[^:.?]{3,})", re.IGNORECASE)
_CONDITION_WORD = re.compile(
    r"\b(?!(?:dia|pro)gnos|apopto|mito|meio|osmo|hypno|symbio|anastomo|diplom|arom)"
    r"(?:\w{3,}(?:itis|opathy|osis|emia|aemia|oma)|syndromes?|diseases?|disorders?|cancers?|"
    r"infections?|deficienc(?:y|ies)|depression|anxiety|(?:heart|cardiac|kidney|renal|liver|"
    r"hepatic|respiratory) failure|encephalopathy|thrombosis|"
    r"embolism|ulcers?|fractures?|malnutrition|obesity|dementia|delirium|sepsis)\b",
    re.IGNORECASE,
)
"""A word that names a condition ("Wernicke's encephalopathy", "anxiety", "colorectal cancer");
a symptom the topic itself brings ("pain", "fatigue") is not one."""
CARE_FACETS = frozenset({Facet.TREATMENT, Facet.DOSAGE})
MAX_HEAD_WORDS = 6
"""A condition named before "in" is a short noun phrase; a longer head is a clause ("Does time
from previous surgery predict subsequent treatment failure in …"), no condition."""


def _facets_of_study(doc: Document, topic: Topic, facets: Iterable[Facet]) -> list[Facet]:
    """``facets`` less those a study's title says it cannot answer for the topic: a study of a
    treatment tells no causes (:func:`treatment_study`), one of another condition in people
    with the topic no treatment of the topic (:func:`comorbidity_study`)."""
    wanted = list(facets)
    if treatment_study(doc):
        wanted = [f for f in wanted if f not in NOT_FROM_TREATMENT_STUDIES]
    if comorbidity_study(doc, topic):
        wanted = [f for f in wanted if f not in CARE_FACETS]
    return wanted


def comorbidity_study(doc: Document, topic: Topic) -> bool:
    """True for a study of another condition in people with the question's topic ("Wernicke's
    encephalopathy in Crohn's disease and ulcerative colitis", "Depression in heart failure"):
    the treatment it reports treats that other condition (thiamine for the encephalopathy), not
    the topic, so it answers no *Treatment* or *Dosage* of the topic; what it says of the
    topic's course or complications still counts."""
    found = _IN_SOMEONE.match(doc.title)
    if found is None:
        return False
    head, tail = found.group("head"), found.group("tail")
    return (
        len(head.split()) <= MAX_HEAD_WORDS
        and bool(_CONDITION_WORD.search(head))
        and topic.names_topic(stems(tail))
        and not topic.names_topic(stems(head))
    )


def treatment_study(doc: Document) -> bool:
    """True when a study's title names a treatment and nothing else it could answer (causes,
    diagnosis, prognosis, prevention, inheritance): "Are biologics combined with methotrexate
    better than biologics monotherapy in psoriasis?", not "Anticholinergic drugs and the risk
    of dementia"."""
    title = doc.title
    treats = SENTENCE_CUES[Facet.TREATMENT].search(title) or _TREATMENT_TITLE.search(title)
    if not treats or _RISK_STUDY.search(title):
        return False
    return not any(SENTENCE_CUES[f].search(title) for f in _AIMS)


_TREATMENT_TITLE = re.compile(r"(\w*therap\w*|\b(randomi[sz]ed|trials?|versus|vs)\b)", re.I)
"""Title words of a treatment study beyond the sentence cues ("monotherapy", "randomized")."""
_RISK_STUDY = re.compile(r"\b(risks?|associations?|exposures?|odds|hazards?)\b", re.I)
"""A title that studies a risk ("… drugs and the risk of dementia") asks about a cause."""


STAGING = re.compile(
    r"\bstages? (?:0|[1-4][abc]?|i{1,3}[abc]?|iv[abc]?)\b|\bgleason (?:score|grade)\b|\btnm\b",
    re.IGNORECASE,
)
"""A cancer's staging ("In stage IV, the PSA can be any level"): what a stage is, not a limit a
told value is read against, nor what the condition is."""


UNTOLD_GROUP_WEIGHT = 0.6
"""How much a statement about pregnancy that warns of nothing weighs for a question that names
no pregnancy ("Pregnant women may safely be treated with anti-thyroid medications" when the
asker chooses among treatments)."""


_PREGNANT_SUBJECT = re.compile(
    r"^\W*(?:[\w'-]+\W+){0,4}?(?:(?:a|the) )?(?:pregnant (?:women|woman|patients?|mothers?|"
    r"people|girls?)|(?:women|mothers) who are (?:pregnant|breast-?feeding)|(?:during|in) "
    r"pregnancy|breast-?feeding (?:women|mothers)|if (?:you are|she is) (?:pregnant|"
    r"breast-?feeding))\b",
    re.I,
)
"""A statement whose subject is pregnant or breastfeeding women ("Pregnant women may safely be
treated with …", "During pregnancy, …"), not one that names pregnancy among causes."""


def _of_pregnant_women(text: str) -> bool:
    """True for a statement about pregnant or breastfeeding women (:data:`_PREGNANT_SUBJECT`)
    that warns of nothing."""
    return bool(_PREGNANT_SUBJECT.match(text)) and not WARNING_CUE.search(text)


def _unnamed_study_facets(
    own: list[Facet], sentence: Sentence, topic: Topic, titled: bool
) -> list[Facet]:
    """What a study's sentence that does not name the topic may answer: nothing when it is the
    study's background (it sets the scene: "The Internet is utilized now more than ever to
    research … treatments"), and no treatment for a patient's question (:attr:`Topic.patient`)
    unless the study's title names the topic (``titled``: a review of the topic's treatments
    speaks of it in every line)."""
    if _background(sentence):
        return []
    untitled = topic.patient and not titled
    return [f for f in own if f is not Facet.TREATMENT] if untitled else own


def _group_weight(topic: Topic, text: str) -> float:
    """:data:`UNTOLD_GROUP_WEIGHT` for a statement about pregnant women that is no warning,
    when the question names no pregnancy; else 1."""
    return UNTOLD_GROUP_WEIGHT if topic.pregnancy_untold and _of_pregnant_women(text) else 1.0


def _shape(sentence: Sentence) -> float:
    section = SECTION_WEIGHT.get(sentence.section_category or "", 1.0)
    words = len(sentence.text.split())
    return section * (1.0 if words <= 40 else 0.85)


WARNING_CUE = re.compile(
    r"\b(should not|must not|do not|don't|never|avoid\w*|contraindicat\w*|not recommended|"
    r"not be (used|given|taken)|warnings?|can (cause|harm)|may harm|birth defects?|harmful|"
    r"toxic to|unsafe|dangerous|(?:should|must) be careful|"
    # "it can be serious if you are pregnant"
    r"(?:can|may|could) be (?:serious|severe|life-threatening))\b",
    re.I,
)

ADVISES_AGAINST = re.compile(
    r"\b(?:should not|must not|never|avoid\w*|contraindicat\w*|not recommended|(?:should|must) be "
    r"careful|not be (?:used|given|taken)|(?:do not|don't) (?:take|use|give|drink|eat|start|stop|"
    r"let))\b",
    re.I,
)
"""Advice against doing something ("should not take aspirin", "do not use NSAIDs", "should be
careful about starting new medications"), not a statement that merely negates ("Most people who
consume alcohol do not suffer damage to the liver") or names a cause ("can cause cirrhosis"): a
topic page's sentence that names no asked thing is a warning only when it advises so, or when
it speaks of medicines (:data:`_MEDICINE_WORDS`: "Cough medicines may harm children")."""
_MEDICINE_WORDS = re.compile(
    r"\b(?:drugs?|medications?|medicines?|pills?|tablets?|remed(?:y|ies)|supplements?|"
    r"over-the-counter|OTC)\b",
    re.I,
)


OPINION_POLLED = re.compile(
    r"\b(?:agreed|disagreed|thought|believed|felt|supported|opposed|preferred|favou?red)\b"
    r"(?: that)?[^.;]{0,60}?\b(?:should|must|ought to)\b",
    re.IGNORECASE,
)
"""What a survey's respondents think should be done ("69% of parents agreed that heading should
be banned for players under 10"): an opinion polled, not a warning."""
_TEENS = re.compile(r"\b(?:teen\w*|adolescen\w*)\b", re.IGNORECASE)
"""Teenagers: of the children's group, the one a study of adolescents speaks for."""


def warnings(query: Query, evidence: Sequence[Evidence], gated: bool = False) -> list[Candidate]:
    """Warning statements the answer must show, best first: when the question names a group
    (pregnancy, children, older adults, kidney or liver disease), statements of the usable
    evidence that warn about that group; when it names a drug, statements that warn about it
    for any of those groups. Any sentence of the document counts, whatever facet it would
    answer; human evidence only; on topic as facet candidates are (:class:`Topic`)."""
    topic = Topic.of(query, gated)
    boxed = boxed_warnings(topic, evidence)
    patient = topic.patient
    drug_question = any(c.drug for c in query.primary_topics)
    named = {
        g for g, pattern in GROUPS.items() if pattern.search(_group_text(query, drug_question))
    }
    groups = [GROUPS[g] for g in (named or (GROUPS if drug_question else ()))]
    if not groups:
        return boxed
    drugs = warn_for_children.names_of(c for c in query.primary_topics if c.drug)
    found = []
    for e in evidence:
        doc = e.hit.document
        if e.level is EvidenceLevel.EXCLUDED or e.score < MIN_EVIDENCE_SCORE or non_human(doc):
            continue
        if topic.adult and children_page(doc):
            continue  # a child's complication is no warning for the adult asked about
        label = _label(e)
        research = e.level is not EvidenceLevel.GUIDELINE
        if research and not named:
            # a study's finding about a group the question does not name ("does not support
            # routine use in pregnant patients", of another use of the drug) is no warning
            continue
        for sentence in document_sentences(doc):
            text = sentence.text
            against = not research and advises_against(text, drugs)
            if not against and (
                not WARNING_CUE.search(text) or not any(g.search(text) for g in groups)
            ):
                continue
            if research and patient and KNOWLEDGE_GAP.search(text):
                continue  # what nobody has studied yet is no warning
            if research and _TEENS.search(text) and not _TEENS.search(query.question):
                continue  # a study's finding in teenagers warns no baby's mother
            if research and OPINION_POLLED.search(text):
                continue  # what those surveyed think should be done is no warning
            if not _quotable(sentence, doc, research):
                continue
            sentence_stems = stems(text)
            if topic.accepts(sentence_stems, label, research) or (
                named
                and not research
                and (ADVISES_AGAINST.search(text) or _MEDICINE_WORDS.search(text))
                and _warns_of_topic(topic, sentence_stems, label)
            ):
                score = e.score * _shape(sentence)
                found.append(Candidate(sentence, e, Facet.WARNINGS, score, sentence_stems))
    return boxed + sorted(found, key=lambda c: -c.score)


_AGAINST_DRUG = re.compile(
    r"\b(?:(?:do not|don'?t|never) (?:take|use|give)|(?:should|must) not (?:be )?(?:take|taken|use|"
    r"used|give|given)|not be (?:used|given|taken)|(?:is|are) contraindicated)\b(?P<rest>[^.;:]*)",
    re.IGNORECASE,
)
"""Advice not to take, use or give something ("Do not use aspirin for chickenpox", "should not
be given to children"), not advice to avoid a food or a place ("avoid gluten", "avoid
secondhand smoke") or to hurry ("Never delay calling 911 to take aspirin")."""
_AGAINST_WINDOW = 3
"""Words at most between the advice and the drug it names ("Do not use aspirin", "should not
be given any aspirin")."""


def advises_against(text: str, names: Sequence[str]) -> bool:
    """True for a sentence that advises against one of ``names`` by name, right after the
    advice ("Do not use aspirin for chickenpox; that combination can cause Reye syndrome"): a
    guideline page's warning about the drug asked, whatever group it names."""
    spelled = warn_for_children.names_pattern(tuple(names))
    if spelled is None:
        return False
    for match in _AGAINST_DRUG.finditer(text):
        near = " ".join(match["rest"].split()[:_AGAINST_WINDOW])
        if spelled.search(near):
            return True
    return False


def child_warnings(query: Query, evidence: Sequence[Evidence]) -> list[Candidate]:
    """From pages about something else (``GateResult.child_warnings``), only their statements
    that forbid one of the question's substances for children ("children less than 12 months
    old should not be fed honey" on the botulism page, for honey and a baby's cough)."""
    names = warn_for_children.names_of(warn_for_children.asked_for_a_child(query))
    found = _off_page_warnings(
        evidence, lambda text: warn_for_children.forbids_for_children(text, names, query.question)
    )
    # a warning that says up to which age first
    aged = warn_for_children.states_an_age
    return sorted(found, key=lambda c: (not aged(c.sentence.text), -c.score))


def treated_with_here(query: Query, cands: Sequence[Candidate]) -> bool:
    """True when a guideline page the answer draws on names a substance the question would
    give a child as its topic's treatment, for everyone and at no age limit ("high doses of
    aspirin" on the Kawasaki disease page): a warning against it for children, from a page on
    something else, does not hold there."""
    names = warn_for_children.names_of(warn_for_children.asked_for_a_child(query))
    spelled = warn_for_children.names_pattern(names)
    if spelled is None:
        return False
    return any(
        c.guideline
        and c.facet in (Facet.TREATMENT, Facet.DOSAGE)
        and spelled.search(c.sentence.text)
        and not warn_for_children.states_an_age(c.sentence.text)
        and not ADVISES_AGAINST.search(c.sentence.text)
        for c in cands
    )


def organ_warnings(query: Query, evidence: Sequence[Evidence]) -> list[Candidate]:
    """From pages on a broader kidney or liver topic (``GateResult.organ_warnings``), only
    their statements that warn against the question's drug or its class for a disease of that
    organ ("If you have kidney disease, do not use NSAIDs" on the *Kidney Disease* page, for
    ibuprofen with chronic kidney disease)."""
    asked = organ_warnings_of.asked_with_an_organ(query)
    if asked is None:
        return []
    names, organ = asked
    found = _off_page_warnings(evidence, lambda text: organ_warnings_of.warning(text, names, organ))
    return sorted(found, key=lambda c: -c.score)


def _off_page_warnings(
    evidence: Sequence[Evidence], warns: Callable[[str], bool]
) -> list[Candidate]:
    """The quotable statements of pages set aside by the topic gate that ``warns`` accepts, as
    WARNINGS candidates trimmed last, as a boxed warning is (the page ranks low for the
    question's words)."""
    found = []
    for e in evidence:
        doc = e.hit.document
        for sentence in document_sentences(doc):
            if not warns(sentence.text) or not _quotable(sentence, doc, research=False):
                continue
            score = e.score * _shape(sentence) * BOXED_BONUS
            found.append(Candidate(sentence, e, Facet.WARNINGS, score, stems(sentence.text)))
    return found


def _warns_of_topic(topic: Topic, sentence_stems: frozenset[str], label: frozenset[str]) -> bool:
    """A guideline page's warning about a group the question names, on the page of a topic
    it asks about, stands even when it names another drug than the one asked: "children with
    fevers should not take aspirin" on the fever page, for a question on which of two other
    medicines to give a feverish toddler."""
    named = topic.names_topic(label) or any(phrase_in(p, label) for s in topic.sides for p in s)
    return named and topic.covers(sentence_stems | label, needed=1)


def _group_text(query: Query, drug_question: bool) -> str:
    """The question's words that may name a group a warning is about: without a drug, not the
    words of the condition asked about ("polycystic renal disease" names no group of people
    with kidney disease; it is the topic)."""
    text = query.question.lower()
    if drug_question:
        # a kidney or liver disease named by its own name ("CKD", "cirrhosis", "hepatitis C")
        organs = {c.impaired_organ for c in query.concepts if c.role in ("topic", "qualifier")}
        return " ".join([text, *sorted(o for o in organs if o)])
    for concept in query.primary_topics:
        words = concept.matched.split()
        if words:
            text = re.sub(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", " ", text)
    return text


BOXED_BONUS = 10.0
"""A boxed warning's statement outranks every other warning (it is trimmed last)."""


def boxed_warnings(topic: Topic, evidence: Sequence[Evidence]) -> list[Candidate]:
    """The first statement of each drug label's boxed warning (FDA's most serious warning,
    ``BOXED_WARNING_TYPE``) among the evidence, in evidence order: always shown when the label
    is about what the question names (on topic as one thing, even for a question naming two
    drugs, see :class:`Topic`), whatever its relevance score."""
    found = []
    for e in evidence:
        doc = e.hit.document
        if e.level is EvidenceLevel.EXCLUDED or doc.question_type != BOXED_WARNING_TYPE:
            continue
        usable = (s for s in document_sentences(doc) if is_statement(s))
        sentence = next((s for s in usable if not dangling(s.text, research=False)), None)
        if sentence is None:
            continue
        sentence_stems = stems(sentence.text)
        if topic.covers(sentence_stems | _label(e), needed=1):
            score = e.score * BOXED_BONUS
            found.append(Candidate(sentence, e, Facet.WARNINGS, score, sentence_stems))
    return found
