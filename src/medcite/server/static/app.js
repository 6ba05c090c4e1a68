// medcite web page: ask a question, show progress from the answer stream, render the cited answer:
// the bottom line first, then the guideline and research sections; an emergency replaces the
// answer with an action card. Every answer gets a permalink (/a/{id}), so Back, reload and sharing
// keep it; a citation chip opens the exact verified sentence, highlighted in its source.
// With "Write as prose" (shown only when GET /v1/capabilities says the server may use a language
// model) the extractive answer is shown at once and replaced by the model's checked synthesis
// when the stream's `synthesis` event arrives; statements that failed the check can be listed.
//
// Safety rule: everything that comes from the question, the documents or the server is inserted
// with textContent (via el()), never as HTML; links are only ever http(s) URLs built here, or the
// fixed tel:/sms: numbers of CALLS.
"use strict";

(() => {
  const STAGES = ["understanding", "searching", "ranking", "composing"];
  const STAGE_TEXT = {
    understanding: "Understanding the question…",
    searching: "Searching guidelines and research…",
    ranking: "Ranking the evidence…",
    composing: "Composing the cited answer…",
  };
  const LEVELS = {
    "guideline": ["Guideline", "level-guideline"],
    "systematic review": ["Systematic review", "level-sr"],
    "trial": ["Clinical trial", "level-trial"],
    "observational": ["Observational", "level-obs"],
    "review": ["Review", "level-review"],
    "case report": ["Case report", "level-case"],
    "other": ["Other", "level-other"],
    "excluded": ["Excluded", "level-excluded"],
  };
  const MAX_AUTHORS = 3;
  const EXAMPLE = "What causes facial twitches?";
  const CONTEXT_CHARS = 240; // source text shown either side of a quoted sentence
  // Whom to call, by red-flag kind (medcite.answer.safety.CONCEPTS); any other kind: 911.
  const CALLS = {
    emergency: [{ href: "tel:911", text: "Call 911", note: "emergency services (US)" }],
    crisis: [
      { href: "tel:988", text: "Call 988", note: "Suicide & Crisis Lifeline (US)" },
      { href: "sms:988", text: "Text 988", note: "Suicide & Crisis Lifeline (US)" },
    ],
    poison: [{ href: "tel:+18002221222", text: "Call Poison Control 1-800-222-1222", note: "US" }],
    worse: [{ href: "tel:911", text: "Call 911 if it gets worse", note: "emergency services (US)" }],
  };
  // A red flag's urgency (medcite.records.RedFlag): "emergency" (now), "same-day" (today) or
  // "soon" (within days); the card's heading is that of its most urgent flag.
  const URGENCY_HEADINGS = {
    emergency: "Get help now",
    "same-day": "Get medical care today",
    soon: "See a doctor soon",
  };
  const URGENCY_ORDER = Object.keys(URGENCY_HEADINGS);
  const KIND_CALLS = {
    "suicidal thoughts": ["crisis", "emergency"],
    "overdose or poisoning": ["poison", "emergency"],
  };
  const PERMALINK = /^\/a\/([0-9a-f]{32})$/;
  // The same words as medcite.render.synthesis (the CLI and Markdown say the same).
  const SYNTHESIS_VERDICT = "In short (written by a language model from the sources below, each sentence checked):";
  const BOTTOM_LINE = "bottom_line";
  const GUIDELINE_PROSE = "guideline_prose";
  const TOKEN_KEY = "medcite-api-token";
  const PAGE_TITLE = document.title;

  const $ = (id) => document.getElementById(id);
  const form = $("ask-form");
  const box = $("question");
  const askButton = $("ask-button");
  const formMessage = $("form-message");
  const counter = $("question-count");
  const progress = $("progress");
  const progressStatus = $("progress-status");
  const answerView = $("answer");
  const proseOption = $("prose-option");
  const proseToggle = $("prose-toggle");
  const proseModel = $("prose-model");

  let maxChars = 1000;
  let current = null; // AbortController of the request in flight
  let cardCounter = 0;
  let llmModel = null; // the language model this server lets the page use (GET /v1/capabilities)
  const shown = new Map(); // answer id → {answer, markdown}: Back and Forward without refetching
  const documents = new Map(); // document id → Promise of the document (or null)

  // ---- small DOM helpers ------------------------------------------------------------------

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = String(value);
      else if (key === "className") node.className = value;
      else node.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function httpUrl(value) {
    if (typeof value !== "string" || value === "") return null;
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch {
      return null;
    }
  }

  function externalLink(href, text, label) {
    return el("a", { href, text, target: "_blank", rel: "noopener noreferrer", "aria-label": label });
  }

  // ---- references: the same conventions as medcite.render.cite ------------------------------

  function pubmedUrl(ref) {
    return /^\d{1,10}$/.test(ref.pmid || "") ? `https://pubmed.ncbi.nlm.nih.gov/${ref.pmid}/` : null;
  }

  function doiUrl(ref) {
    if (!ref.doi || !/^10\.\S+\/\S+$/.test(ref.doi)) return null;
    return "https://doi.org/" + ref.doi.split("/").map(encodeURIComponent).join("/");
  }

  function sourceUrl(ref) {
    return ref.pmid ? null : httpUrl(ref.url);
  }

  function primaryUrl(ref) {
    return pubmedUrl(ref) || doiUrl(ref) || sourceUrl(ref);
  }

  function authorsText(ref) {
    const names = ref.authors || [];
    if (names.length === 0) return ref.site || "";
    const shown = names.slice(0, MAX_AUTHORS).join(", ");
    return names.length > MAX_AUTHORS ? `${shown}, et al` : shown;
  }

  function tidyTitle(title) {
    if (!title) return "(untitled)";
    return title.replace(" (are) ", " ").replace(" ?", "?").replace(/\.$/, "");
  }

  function titleSentence(title) {
    const text = tidyTitle(title);
    return /[.?!]$/.test(text) ? text : `${text}.`;
  }

  function venueText(ref) {
    return [ref.journal, ref.year].filter(Boolean).join(" ");
  }

  function badge(level, kind) {
    const [label, cls] = LEVELS[level] || LEVELS.other;
    return el("span", { className: `badge ${cls}`, text: kind || label });
  }

  function referenceBadge(ref) {
    return badge(ref.level, ref.kind); // answers logged before kinds existed: the level's label
  }

  function notesBlock(ref) {
    const notes = (ref.notes || []).filter(Boolean);
    if (notes.length === 0) return null;
    return el("span", { className: "ref-notes" }, ...notes.map((n) => el("span", { className: "ref-note", text: n })));
  }

  // ---- rendering the answer ------------------------------------------------------------------

  function referenceMap(answer) {
    const refs = new Map();
    for (const ref of [...(answer.references || []), ...(answer.closest || [])]) {
      refs.set(ref.number, ref);
    }
    return refs;
  }

  // A citation chip is a disclosure button: it opens a card under its statement with the exact
  // verified sentence highlighted in its source (fetched from /v1/documents/{id}), the source's
  // design, year and title. Click, tap, Enter or Space open and close it; Escape closes it.

  function fetchDocument(id) {
    if (!documents.has(id)) {
      const found = api(`/v1/documents/${encodeURIComponent(id)}`)
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null);
      documents.set(id, found);
    }
    return documents.get(id);
  }

  function squeeze(text) {
    return String(text || "").replace(/\s+/g, " ").trim();
  }

  function contextAround(text, sentence) {
    const whole = squeeze(text);
    const wanted = squeeze(sentence);
    const at = wanted ? whole.indexOf(wanted) : -1;
    if (at < 0) return null;
    let before = whole.slice(Math.max(0, at - CONTEXT_CHARS), at);
    let after = whole.slice(at + wanted.length, at + wanted.length + CONTEXT_CHARS);
    if (at > CONTEXT_CHARS) before = "…" + before.slice(before.indexOf(" ") + 1);
    if (at + wanted.length + CONTEXT_CHARS < whole.length) after = after.slice(0, after.lastIndexOf(" ")) + "…";
    return [before, wanted, after];
  }

  function quoteBlock(sentence) {
    return el("blockquote", { className: "quote" }, el("mark", { text: sentence }));
  }

  async function showInSource(quote, documentId, sentence) {
    const found = await fetchDocument(documentId);
    const parts = found && contextAround(found.abstract, sentence);
    if (!parts) return;
    const [before, match, after] = parts;
    quote.replaceChildren(
      el("span", { className: "context", text: before }),
      el("mark", { text: match }),
      el("span", { className: "context", text: after }),
    );
    quote.classList.add("in-source");
  }

  function sourceLine(ref) {
    const line = el("p", { className: "card-meta" }, referenceBadge(ref));
    if (ref.year) line.append(` ${ref.year}`);
    const who = [authorsText(ref), ref.journal].filter(Boolean).join(" · ");
    if (who) line.append(` · ${who}`);
    return line;
  }

  function writtenNote(model, quotes) {
    const checked = `The statement above was written by ${model} and checked against this source`;
    return quotes ? `${checked}; the answer's quotes from it:` : `${checked}.`;
  }

  function citeCard(ref, quotes, id, written) {
    const href = primaryUrl(ref);
    const card = el(
      "div",
      { className: "cite-card", id, role: "group", "aria-label": `Source ${ref.number}` },
      sourceLine(ref),
      el("p", { className: "card-title", text: tidyTitle(ref.title) }),
      written ? el("p", { className: "model-note", text: writtenNote(written, quotes.length) }) : null,
      ...quotes.map((c) => c.block),
      notesBlock(ref),
      el(
        "p",
        { className: "card-links" },
        href ? externalLink(href, "Open the source", `open source ${ref.number} in a new tab`) : null,
        el("a", { href: `#ref-${ref.number}`, text: `Reference ${ref.number}` }),
      ),
    );
    return card;
  }

  function closeCard(chip) {
    const card = document.getElementById(chip.getAttribute("aria-controls"));
    if (card) card.remove();
    chip.setAttribute("aria-expanded", "false");
  }

  function openCard(chip, ref, sentences, written) {
    const item = chip.closest("li"); // a statement; a lead sentence's card goes after its paragraph
    const scope = item || chip.closest("p");
    scope.querySelectorAll(".cite[aria-expanded='true']").forEach(closeCard);
    const quotes = sentences
      .filter(([, sentence]) => sentence)
      .map(([documentId, sentence]) => ({ documentId, sentence, block: quoteBlock(sentence) }));
    const card = citeCard(ref, quotes, chip.getAttribute("aria-controls"), written);
    card.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      closeCard(chip);
      chip.focus();
    });
    if (item) item.append(card);
    else scope.after(card);
    chip.setAttribute("aria-expanded", "true");
    for (const q of quotes) showInSource(q.block, q.documentId, q.sentence);
  }

  function citation(number, refs, sentences, written) {
    const ref = refs.get(number);
    if (!ref) return el("span", { className: "cite", text: String(number) });
    const chip = el("button", {
      type: "button",
      className: "cite",
      text: String(number),
      "aria-label": `Source ${number}: show the quoted sentence`,
      "aria-expanded": "false",
      "aria-controls": `card-${++cardCounter}`,
      "data-ref": number,
    });
    chip.addEventListener("click", () => {
      if (chip.getAttribute("aria-expanded") === "true") closeCard(chip);
      else openCard(chip, ref, sentences, written);
    });
    chip.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && chip.getAttribute("aria-expanded") === "true") {
        event.preventDefault();
        closeCard(chip);
      }
    });
    return chip;
  }

  function citations(bullet, refs) {
    const byNumber = new Map();
    for (const c of bullet.citations || []) {
      if (!byNumber.has(c.number)) byNumber.set(c.number, []);
      byNumber.get(c.number).push([c.document_id, c.sentence]);
    }
    const span = el("span", { className: "cites" });
    [...byNumber.keys()].sort((a, b) => a - b).forEach((n, i) => {
      if (i > 0) span.append(" ");
      span.append(citation(n, refs, byNumber.get(n), bullet.written));
    });
    return span;
  }

  // ---- the language model's synthesis: the same shape as medcite.render.synthesis.view ------
  // Only supported claims whose every citation is a reference of the answer are shown; a chip on
  // a written statement opens its source with the sentences the extractive answer quoted from it.

  function quotedSentences(answer) {
    const quoted = new Map(); // reference number → [[document id, verbatim sentence], ...]
    const bullets = [
      ...((answer.bottom_line && answer.bottom_line.bullets) || []),
      ...(Array.isArray(answer.guideline_lead) ? answer.guideline_lead : []),
      ...[...(answer.guideline_sections || []), ...(answer.research_sections || [])].flatMap((s) => s.bullets || []),
    ];
    for (const bullet of bullets) {
      for (const c of bullet.citations || []) {
        if (!quoted.has(c.number)) quoted.set(c.number, []);
        const list = quoted.get(c.number);
        if (!list.some(([, sentence]) => sentence === c.sentence)) list.push([c.document_id, c.sentence]);
      }
    }
    return quoted;
  }

  function writtenBullet(claim, documents, quoted, model) {
    const citations = claim.citations.flatMap((n) => {
      const sentences = quoted.get(n) || [[documents.get(n), null]];
      return sentences.map(([documentId, sentence]) => ({ number: n, document_id: documentId, sentence }));
    });
    return { text: claim.text, citations, written: model };
  }

  function writtenSections(claims, prefix, bullet) {
    const titles = new Map();
    for (const claim of claims) {
      if (!claim.section.startsWith(prefix)) continue;
      const title = claim.section.slice(prefix.length).trim() || "Findings";
      if (!titles.has(title)) titles.set(title, []);
      titles.get(title).push(claim);
    }
    return [...titles].map(([title, found]) => ({ facet: "overview", title, bullets: found.map(bullet) }));
  }

  function synthesisView(answer) {
    const synthesis = answer.synthesis;
    if (!synthesis || !synthesis.shown || answer.abstained) return answer;
    const documents = new Map((answer.references || []).map((r) => [r.number, r.document_id]));
    const kept = (synthesis.claims || []).filter(
      (c) => c.verdict === "supported" && (c.citations || []).every((n) => documents.has(n)),
    );
    const quoted = quotedSentences(answer);
    const bullet = (claim) => writtenBullet(claim, documents, quoted, synthesis.model);
    const top = kept.filter((c) => c.section === BOTTOM_LINE);
    return {
      ...answer,
      bottom_line: top.length ? { verdict: SYNTHESIS_VERDICT, bullets: top.map(bullet) } : null,
      guideline_lead: kept.filter((c) => c.section === GUIDELINE_PROSE).map(bullet),
      guideline_sections: writtenSections(kept, "guideline:", bullet),
      guideline_note: null,
      research_sections: writtenSections(kept, "research:", bullet),
    };
  }

  function synthesisNote(answer) {
    const synthesis = answer.synthesis;
    if (!synthesis || answer.abstained) return null;
    if (!synthesis.shown) {
      return `Language-model summary not shown (${synthesis.fallback_reason}); the answer below quotes the sources directly.`;
    }
    const claims = synthesis.claims || [];
    const kept = claims.filter((c) => c.verdict === "supported").length;
    return `Written by ${synthesis.model} from the numbered sources; ${kept} of ${claims.length} statements were checked against the sources they cite and kept.`;
  }

  function rejectedBlock(answer) {
    const claims = ((answer.synthesis && answer.synthesis.claims) || []).filter((c) => c.verdict !== "supported");
    if (claims.length === 0) return null;
    const items = claims.map((c) => {
      const cited = (c.citations || []).length ? ` [${c.citations.join(", ")}]` : "";
      const why = c.reason || c.verdict;
      return el("li", {}, el("s", { text: c.text + cited }), el("span", { className: "reason", text: ` — ${why}` }));
    });
    return el(
      "details",
      { className: "rejected" },
      el("summary", { text: `Show statements that failed the check (${claims.length})` }),
      el("p", { className: "hint", text: "The language model wrote these, but the sources they cite do not say them; they are not part of the answer." }),
      el("ul", {}, ...items),
    );
  }

  function synthesisBlock(answer, pending) {
    if (pending) {
      const model = llmModel || "the language model";
      return el("p", {
        className: "synthesis-status",
        role: "status",
        text: `Writing the answer as prose with ${model}; every statement will be checked against its sources. Meanwhile, the answer below quotes the sources directly.`,
      });
    }
    const note = synthesisNote(answer);
    if (!note) return null;
    return el(
      "section",
      { className: "synthesis-note", "aria-label": "About this answer's wording" },
      el("p", { className: "note", role: "status", text: note }),
      rejectedBlock(answer),
    );
  }

  // A list sentence (a lead line and its item lines, joined by newlines in the source) as
  // "lead: item; item." — the same as medcite.text.list_display.
  function listDisplay(text) {
    const [lead, ...items] = String(text || "").split("\n").map((line) => line.trim());
    if (items.length === 0) return String(text || "");
    return `${lead}${lead.endsWith(":") ? " " : ": "}${items.join("; ")}.`;
  }

  function bulletItem(bullet, refs) {
    return el("li", {}, el("span", { text: listDisplay(bullet.text) }), " ", citations(bullet, refs));
  }

  function sectionBlock(section, refs) {
    return el(
      "section",
      { className: "facet", "data-facet": section.facet },
      el("h4", { text: section.title }),
      el("ul", { className: "bullets" }, ...section.bullets.map((b) => bulletItem(b, refs))),
    );
  }

  function leadBlock(lead, refs) {
    if (typeof lead === "string") return lead ? el("p", { className: "lead", text: lead }) : null;
    if (!Array.isArray(lead) || lead.length === 0) return null;
    const p = el("p", { className: "lead" });
    lead.forEach((bullet, i) => {
      if (i > 0) p.append(" ");
      p.append(
        el("span", { className: "lead-sentence" }, listDisplay(bullet.text), " ", citations(bullet, refs)),
      );
    });
    return p;
  }

  function bottomLineBlock(answer, refs) {
    const line = answer.bottom_line;
    if (!line || (!line.verdict && !(line.bullets || []).length)) return null;
    const bullets = line.bullets || [];
    return el(
      "section",
      { className: "bottom-line", "aria-labelledby": "bottom-line-title" },
      el("h3", { id: "bottom-line-title", text: "Bottom line" }),
      line.verdict ? el("p", { className: "verdict" }, el("strong", { text: line.verdict })) : null,
      bullets.length ? el("ul", { className: "bullets" }, ...bullets.map((b) => bulletItem(b, refs))) : null,
    );
  }

  function lengthBlock(answer) {
    const detail = answer.detail === true;
    const button = el("button", {
      type: "button",
      id: "detail-toggle",
      "aria-pressed": detail ? "true" : "false",
      text: detail ? "Show the short answer" : "Show all statements (detail)",
    });
    button.addEventListener("click", () => {
      box.value = answer.question;
      updateCounter();
      ask(answer.question, !detail);
    });
    const hint = detail
      ? "Every statement found, in full."
      : "A short answer: the bottom line and the strongest statements.";
    return el("div", { className: "length" }, el("p", { className: "hint", text: hint }), button);
  }

  function guidelinesBlock(answer, refs) {
    const block = el("section", { className: "guidelines" }, el("h3", { text: "From the Guidelines" }));
    if (answer.guideline_note) {
      block.append(el("p", { className: "note", text: answer.guideline_note }));
      return block;
    }
    block.append(leadBlock(answer.guideline_lead, refs) || "");
    for (const section of answer.guideline_sections || []) block.append(sectionBlock(section, refs));
    return block;
  }

  function researchBlock(answer, refs) {
    const sections = answer.research_sections || [];
    if (sections.length === 0) return null;
    return el(
      "section",
      { className: "research" },
      el("h3", { text: "From the Research" }),
      ...sections.map((s) => sectionBlock(s, refs)),
    );
  }

  function referenceLinks(ref) {
    const links = el("span", { className: "ref-links" });
    const pubmed = pubmedUrl(ref);
    const doi = doiUrl(ref);
    const source = sourceUrl(ref);
    if (pubmed) links.append(externalLink(pubmed, `PMID ${ref.pmid}`, `PubMed record ${ref.pmid}`));
    if (doi) links.append(externalLink(doi, `doi:${ref.doi}`, `DOI ${ref.doi}`));
    if (source) links.append(externalLink(source, ref.site || "source", `source page: ${ref.site || "source"}`));
    return links;
  }

  function referenceItem(ref) {
    const venue = venueText(ref);
    return el(
      "li",
      { id: `ref-${ref.number}`, value: ref.number },
      authorsText(ref) ? `${authorsText(ref)}. ` : "",
      el("span", { className: "ref-title", text: titleSentence(ref.title) }),
      venue ? ` ${venue}.` : "",
      referenceBadge(ref),
      notesBlock(ref),
      referenceLinks(ref),
    );
  }

  function referencesBlock(title, refs, className) {
    if (!refs || refs.length === 0) return null;
    return el(
      "section",
      { className },
      el("h3", { text: title }),
      el("ol", { className: "references" }, ...refs.map(referenceItem)),
    );
  }

  function excludedBlock(answer) {
    const excluded = answer.excluded || [];
    if (excluded.length === 0) return null;
    const items = excluded.map((doc) => {
      const url = httpUrl(doc.url);
      const title = url ? externalLink(url, doc.title, null) : el("span", { text: doc.title });
      return el(
        "li",
        {},
        badge("excluded"),
        " ",
        title,
        el("span", { className: "reason", text: ` — ${doc.reason}` }),
      );
    });
    return el(
      "section",
      { className: "excluded" },
      el("h3", { text: "Excluded from the evidence" }),
      el("p", { className: "hint", text: "Retracted or otherwise unusable documents found while searching; nothing above relies on them." }),
      el("ul", {}, ...items),
    );
  }

  function searchedBlock(answer, open) {
    const searched = answer.searched || [];
    const expansions = (answer.query && answer.query.expansions) || [];
    if (searched.length === 0 && expansions.length === 0) return null;
    const details = el("details", { className: "searched", open: open ? "" : null },
      el("summary", { text: "What was searched" }));
    if (expansions.length) details.append(el("p", { text: `Also searched for: ${expansions.join(", ")}` }));
    if (searched.length) details.append(el("ul", {}, ...searched.map((s) => el("li", { text: s }))));
    return details;
  }

  // ---- emergencies: an action card replaces the answer -------------------------------------

  function mostUrgent(flags) {
    const levels = flags.map((flag) => URGENCY_ORDER.indexOf(flag.urgency || "emergency"));
    return URGENCY_ORDER[Math.min(...levels.map((level) => (level < 0 ? 0 : level)))];
  }

  function callsFor(flags) {
    if (mostUrgent(flags) !== "emergency") return CALLS.worse;
    const groups = [];
    for (const flag of flags) {
      for (const group of KIND_CALLS[flag.kind] || ["emergency"]) {
        if (!groups.includes(group)) groups.push(group);
      }
    }
    if (!groups.includes("emergency")) groups.push("emergency");
    return groups.flatMap((group) => CALLS[group]);
  }

  function callLink(call) {
    return el(
      "a",
      { className: "call", href: call.href },
      el("span", { className: "call-text", text: call.text }),
      el("span", { className: "call-note", text: call.note }),
    );
  }

  function warningSigns(flags) {
    const named = flags.filter((f) => f.matched || f.kind);
    if (named.length === 0) return null;
    const items = named.map((f) =>
      el("li", {}, f.matched ? `“${f.matched}”` : "", f.matched && f.kind ? " — " : "", f.kind || ""),
    );
    return el(
      "div",
      { className: "warning-signs" },
      el("h3", { text: "Warning signs in your question" }),
      el("ul", {}, ...items),
    );
  }

  function emergencyCard(answer) {
    const flags = (answer.query && answer.query.red_flags) || [];
    return el(
      "section",
      { className: "emergency", role: "alert", "aria-labelledby": "emergency-title" },
      el("h2", {
        id: "emergency-title",
        tabindex: "-1",
        text: URGENCY_HEADINGS[flags.length ? mostUrgent(flags) : "emergency"],
      }),
      el("p", { className: "emergency-advice", text: answer.banner }),
      el("div", { className: "calls" }, ...callsFor(flags).map(callLink)),
      warningSigns(flags),
      el("p", { className: "emergency-note", text: "Outside the US, call your local emergency number (112 in Europe)." }),
    );
  }

  function collapsed(blocks) {
    return el(
      "details",
      { className: "evidence" },
      el("summary", { text: "The evidence found for this question" }),
      ...blocks.filter(Boolean),
    );
  }

  function abstentionBlocks(answer) {
    return [
      answer.guideline_note ? el("p", { className: "note", text: answer.guideline_note }) : null,
      el("p", { className: "abstain", text: answer.abstain_reason || "No answer could be given." }),
      searchedBlock(answer, true),
      referencesBlock("Closest documents found", answer.closest, "closest"),
    ];
  }

  function answerBlocks(answer, refs) {
    return [
      bottomLineBlock(answer, refs),
      guidelinesBlock(answer, refs),
      researchBlock(answer, refs),
      lengthBlock(answer),
      referencesBlock("References", answer.references, "reference-list"),
      searchedBlock(answer, false),
    ];
  }

  function actionsBlock(markdown) {
    const status = el("span", { className: "copy-status", role: "status" });
    const button = el("button", { type: "button", id: "copy-markdown", text: "Copy as Markdown" });
    const block = el("div", { className: "answer-actions" }, button, status);
    button.disabled = !markdown;
    button.addEventListener("click", () => copyMarkdown(markdown, status, block));
    return block;
  }

  // options.pending: the language model is still writing (a status line says so);
  // options.replace: the same answer again, now with its synthesis (no scrolling).
  function renderAnswer(answer, markdown, options = {}) {
    cardCounter = 0;
    const hadFocus = answerView.contains(document.activeElement);
    const refs = referenceMap(answer);
    const title = el("h2", { id: "answer-title", tabindex: "-1", text: answer.question });
    const body = [
      answer.sources_note ? el("p", { className: "note", text: answer.sources_note }) : null,
      synthesisBlock(answer, options.pending),
      ...(answer.abstained ? abstentionBlocks(answer) : answerBlocks(synthesisView(answer), refs)),
      excludedBlock(answer),
    ];
    const emergency = answer.banner ? emergencyCard(answer) : null;
    answerView.replaceChildren(
      ...[
        emergency,
        title,
        ...(emergency ? [collapsed(body)] : body),
        actionsBlock(markdown),
        el("p", { className: "disclaimer", text: answer.disclaimer }),
      ].filter(Boolean),
    );
    answerView.classList.toggle("has-emergency", Boolean(emergency));
    answerView.dataset.answer = answer.id;
    answerView.hidden = false;
    document.title = `${answer.question} — medcite`;
    const first = emergency ? emergency.querySelector("h2") : title;
    if (options.replace) {
      if (hadFocus) first.focus({ preventScroll: true });
      return;
    }
    first.focus({ preventScroll: true });
    (emergency || title).scrollIntoView({ block: "start", behavior: "smooth" });
  }

  // ---- the API token: a server started with MEDCITE_API_TOKEN is opened as /#token=<token> ----
  // The token is kept for this tab only (sessionStorage), removed from the address bar at once,
  // and sent as "Authorization: Bearer <token>" with every /v1/ request.

  function takeToken() {
    const match = /^#token=([^&]+)$/.exec(location.hash);
    if (!match) return;
    try {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    } catch {
      // no storage: requests go without a token and the server says it needs one
    }
    history.replaceState(history.state, "", location.pathname + location.search);
  }

  function api(url, options = {}) {
    let token = null;
    try {
      token = sessionStorage.getItem(TOKEN_KEY);
    } catch {
      token = null;
    }
    if (!token) return fetch(url, options);
    const headers = new Headers(options.headers || {});
    headers.set("Authorization", `Bearer ${token}`);
    return fetch(url, { ...options, headers });
  }

  // ---- permalinks: /a/{id} ------------------------------------------------------------------

  function permalinkId(path) {
    const match = PERMALINK.exec(path);
    return match ? match[1] : null;
  }

  function showAnswer(answer, markdown, options = {}) {
    shown.set(answer.id, { answer, markdown });
    renderAnswer(answer, markdown, options);
    const path = `/a/${encodeURIComponent(answer.id)}`;
    if (location.pathname === path) history.replaceState({ answer: answer.id }, "", path);
    else history.pushState({ answer: answer.id }, "", path);
  }

  async function fetchLogged(id, signal) {
    const url = `/v1/answers/${encodeURIComponent(id)}`;
    const response = await api(url, { signal, headers: { Accept: "application/json" } });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      if (response.status === 404) throw new Error("This answer is not available on this server (the link may be from another server, or its answer log was cleared). Ask the question again below.");
      throw new Error(errorText(body, response));
    }
    const answer = await response.json();
    const text = await api(`${url}?format=markdown`, { signal })
      .then((r) => (r.ok ? r.text() : ""))
      .catch(() => "");
    return { answer, markdown: text };
  }

  async function openPermalink(id) {
    const known = shown.get(id);
    if (known) {
      if (current) current.abort();
      showMessage("");
      progress.hidden = true;
      box.value = known.answer.question;
      updateCounter();
      renderAnswer(known.answer, known.markdown);
      return;
    }
    await run(async (signal) => {
      const found = await fetchLogged(id, signal);
      shown.set(id, found);
      box.value = found.answer.question;
      updateCounter();
      renderAnswer(found.answer, found.markdown);
    }, "Loading the answer…");
  }

  function clearAnswer() {
    if (current) current.abort();
    delete answerView.dataset.answer;
    answerView.replaceChildren();
    answerView.hidden = true;
    progress.hidden = true;
    showMessage("");
    document.title = PAGE_TITLE;
  }

  function followLocation() {
    const id = permalinkId(location.pathname);
    if (id && !answerView.hidden && answerView.dataset.answer === id) return; // a #ref-N link
    if (id) openPermalink(id);
    else clearAnswer();
  }

  // ---- copy as Markdown ----------------------------------------------------------------------

  async function copyMarkdown(markdown, status, block) {
    try {
      await navigator.clipboard.writeText(markdown);
      status.textContent = "Copied to the clipboard.";
    } catch {
      const area = el("textarea", { className: "copy-fallback", "aria-label": "The answer as Markdown", readonly: "" });
      area.value = markdown;
      block.append(area);
      area.select();
      status.textContent = "Copying is blocked here; the Markdown is selected below: press Ctrl+C.";
    }
  }

  // ---- progress and messages -----------------------------------------------------------------

  function showMessage(text) {
    formMessage.textContent = text;
    formMessage.hidden = !text;
  }

  function setProgress(stage) {
    const position = STAGES.indexOf(stage);
    progress.querySelectorAll("li").forEach((item, i) => {
      item.classList.toggle("done", i < position);
      item.classList.toggle("active", i === position);
    });
    progressStatus.textContent = STAGE_TEXT[stage] || "";
  }

  function startProgress(status, stages) {
    progress.querySelectorAll("li").forEach((item) => item.classList.remove("done", "active"));
    progress.hidden = !stages;
    progressStatus.textContent = status;
  }

  function setBusy(busy) {
    askButton.disabled = busy;
    askButton.textContent = busy ? "Asking…" : "Ask";
    answerView.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function updateCounter() {
    const n = box.value.trim().length;
    counter.textContent = `${n.toLocaleString("en")} / ${maxChars.toLocaleString("en")}`;
    counter.classList.toggle("over", n > maxChars);
  }

  // ---- asking --------------------------------------------------------------------------------

  function problemWith(question) {
    if (!question) return `Type a question first, for example “${EXAMPLE}”`;
    if (question.length > maxChars) {
      return `Your question is ${question.length.toLocaleString("en")} characters long; ` +
        `please shorten it to at most ${maxChars.toLocaleString("en")} characters.`;
    }
    return null;
  }

  function errorText(body, response) {
    const message = body && body.error && body.error.message;
    return message || `The server could not answer (HTTP ${response ? response.status : "error"}).`;
  }

  function parseEvent(raw) {
    let event = "message";
    const data = [];
    for (const line of raw.split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    return { event, data: data.join("\n") };
  }

  async function* streamEvents(response) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        yield parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  }

  // Without prose the stream ends with `answer`. With prose, `answer` (the extractive answer) is
  // handed to onAnswer at once and the stream goes on to `synthesis` (the final answer); if the
  // synthesis fails, the extractive answer stays and the error is shown under the question box.
  async function readAnswer(response, prose, onAnswer) {
    let markdown = "";
    let first = null;
    for await (const { event, data } of streamEvents(response)) {
      if (event === "stage" && !first) setProgress(JSON.parse(data).stage);
      else if (event === "markdown") markdown = JSON.parse(data).markdown;
      else if (event === "answer") {
        first = { answer: JSON.parse(data), markdown };
        if (!prose) return first;
        onAnswer(first);
      } else if (event === "synthesis") return { answer: JSON.parse(data), markdown };
      else if (event === "error") {
        const message = errorText(JSON.parse(data), null);
        if (first) renderAnswer(first.answer, first.markdown, { replace: true });
        throw new Error(first ? `The prose version could not be written: ${message}` : message);
      }
    }
    if (first) renderAnswer(first.answer, first.markdown, { replace: true });
    throw new Error(first
      ? "The connection closed before the prose version arrived; the answer below quotes the sources."
      : "The connection closed before the answer arrived; please try again.");
  }

  // One request at a time: a new one (or Back/Forward) abandons the one in flight.
  async function run(work, status, stages) {
    if (current) current.abort();
    const controller = new AbortController();
    current = controller;
    showMessage("");
    startProgress(status, stages);
    setBusy(true);
    try {
      await work(controller.signal);
      progress.hidden = true;
    } catch (error) {
      if (controller.signal.aborted) return;
      progress.hidden = true;
      showMessage(error instanceof TypeError ? "The server cannot be reached; check your connection and try again." : error.message);
    } finally {
      if (current === controller) {
        current = null;
        setBusy(false);
      }
    }
  }

  function ask(question, detail = false) {
    const prose = Boolean(llmModel) && proseToggle.checked;
    return run(async (signal) => {
      const response = await api("/v1/answer/stream", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify(prose ? { question, detail, llm: true } : { question, detail }),
        signal,
      });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        throw new Error(errorText(body, response));
      }
      let early = false;
      const { answer, markdown } = await readAnswer(response, prose, (first) => {
        progress.hidden = true;
        early = true;
        showAnswer(first.answer, first.markdown, { pending: true });
      });
      progress.hidden = true;
      showAnswer(answer, markdown, { replace: early });
    }, "Sending your question…", true);
  }

  function submit() {
    const question = box.value.trim();
    const problem = problemWith(question);
    box.setAttribute("aria-invalid", problem ? "true" : "false");
    if (problem) {
      showMessage(problem);
      box.focus();
      return;
    }
    ask(question);
  }

  async function loadCapabilities() {
    try {
      const response = await api("/v1/capabilities");
      const llm = response.ok ? (await response.json()).llm : null;
      llmModel = llm && llm.available ? String(llm.model || "a language model") : null;
    } catch {
      llmModel = null; // an older server: no prose option
    }
    proseModel.textContent = llmModel || "the model";
    proseOption.hidden = !llmModel;
    if (!llmModel) proseToggle.checked = false;
  }

  async function loadLimits() {
    try {
      const response = await api("/v1/limits");
      if (response.ok) maxChars = (await response.json()).max_question_chars || maxChars;
    } catch {
      // keep the default; the server checks again anyway
    }
    updateCounter();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  box.addEventListener("input", () => {
    updateCounter();
    if (box.getAttribute("aria-invalid") === "true" && !problemWith(box.value.trim())) {
      box.setAttribute("aria-invalid", "false");
      showMessage("");
    }
  });
  document.querySelectorAll("button.example").forEach((button) => {
    button.addEventListener("click", () => {
      box.value = button.textContent;
      updateCounter();
      submit();
    });
  });
  window.addEventListener("popstate", followLocation);
  takeToken();
  loadLimits();
  loadCapabilities();
  if (permalinkId(location.pathname)) followLocation();
})();
