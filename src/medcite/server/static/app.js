// medcite web page: ask a question, show progress from the answer stream, render the cited answer.
//
// Safety rule: everything that comes from the question, the documents or the server is inserted
// with textContent (via el()), never as HTML; links are only ever http(s) URLs built here.
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

  const $ = (id) => document.getElementById(id);
  const form = $("ask-form");
  const box = $("question");
  const askButton = $("ask-button");
  const formMessage = $("form-message");
  const counter = $("question-count");
  const progress = $("progress");
  const progressStatus = $("progress-status");
  const answerView = $("answer");

  let maxChars = 1000;
  let current = null; // AbortController of the request in flight
  let tipCounter = 0;

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

  function badge(level) {
    const [label, cls] = LEVELS[level] || LEVELS.other;
    return el("span", { className: `badge ${cls}`, text: label });
  }

  // ---- rendering the answer ------------------------------------------------------------------

  function referenceMap(answer) {
    const refs = new Map();
    for (const ref of [...(answer.references || []), ...(answer.closest || [])]) {
      refs.set(ref.number, ref);
    }
    return refs;
  }

  function tooltip(ref, id) {
    return el(
      "span",
      { className: "tip", role: "tooltip", id },
      el("span", { className: "tip-meta", text: `[${ref.number}] ${authorsText(ref)}` }),
      el("span", { className: "tip-title", text: tidyTitle(ref.title) }),
      el("span", { className: "tip-meta" }, venueText(ref), badge(ref.level)),
    );
  }

  function citation(number, refs) {
    const ref = refs.get(number);
    if (!ref) return el("span", { className: "cite", text: String(number) });
    const id = `tip-${++tipCounter}`;
    const href = primaryUrl(ref);
    const link = el("a", {
      className: "cite",
      href: href || `#ref-${number}`,
      text: String(number),
      "aria-label": `reference ${number}`,
      "aria-describedby": id,
      target: href ? "_blank" : null,
      rel: href ? "noopener noreferrer" : null,
    });
    const wrap = el("span", { className: "cite-wrap" }, link, tooltip(ref, id));
    link.addEventListener("keydown", (event) => {
      if (event.key === "Escape") wrap.classList.add("dismissed");
    });
    link.addEventListener("blur", () => wrap.classList.remove("dismissed"));
    wrap.addEventListener("mouseleave", () => wrap.classList.remove("dismissed"));
    return wrap;
  }

  function citations(bullet, refs) {
    const numbers = [...new Set((bullet.citations || []).map((c) => c.number))].sort((a, b) => a - b);
    const span = el("span", { className: "cites" });
    numbers.forEach((n, i) => {
      if (i > 0) span.append(", ");
      span.append(citation(n, refs));
    });
    return span;
  }

  function bulletItem(bullet, refs) {
    return el("li", {}, el("span", { text: bullet.text }), " ", citations(bullet, refs));
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
        el("span", { className: "lead-sentence" }, bullet.text, " ", citations(bullet, refs)),
      );
    });
    return p;
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
      badge(ref.level),
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

  function bannerBlock(answer) {
    if (!answer.banner) return null;
    return el(
      "div",
      { className: "banner", role: "alert" },
      el("span", { className: "banner-icon", "aria-hidden": "true", text: "⚠" }),
      el("p", { text: answer.banner }),
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
      guidelinesBlock(answer, refs),
      researchBlock(answer, refs),
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

  function renderAnswer(answer, markdown) {
    tipCounter = 0;
    const refs = referenceMap(answer);
    const title = el("h2", { id: "answer-title", tabindex: "-1", text: answer.question });
    const body = answer.abstained ? abstentionBlocks(answer) : answerBlocks(answer, refs);
    answerView.replaceChildren(
      ...[
        bannerBlock(answer),
        title,
        answer.sources_note ? el("p", { className: "note", text: answer.sources_note }) : null,
        ...body,
        excludedBlock(answer),
        actionsBlock(markdown),
        el("p", { className: "disclaimer", text: answer.disclaimer }),
      ].filter(Boolean),
    );
    answerView.hidden = false;
    title.focus({ preventScroll: true });
    (answerView.querySelector(".banner") || title).scrollIntoView({ block: "start", behavior: "smooth" });
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

  function startProgress() {
    progress.querySelectorAll("li").forEach((item) => item.classList.remove("done", "active"));
    progress.hidden = false;
    progressStatus.textContent = "Sending your question…";
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

  async function readAnswer(response) {
    let markdown = "";
    for await (const { event, data } of streamEvents(response)) {
      if (event === "stage") setProgress(JSON.parse(data).stage);
      else if (event === "markdown") markdown = JSON.parse(data).markdown;
      else if (event === "answer") return { answer: JSON.parse(data), markdown };
      else if (event === "error") throw new Error(errorText(JSON.parse(data), null));
    }
    throw new Error("The connection closed before the answer arrived; please try again.");
  }

  async function ask(question) {
    if (current) current.abort();
    const controller = new AbortController();
    current = controller;
    showMessage("");
    startProgress();
    setBusy(true);
    try {
      const response = await fetch("/v1/answer/stream", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify({ question }),
        signal: controller.signal,
      });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        throw new Error(errorText(body, response));
      }
      const { answer, markdown } = await readAnswer(response);
      progress.hidden = true;
      renderAnswer(answer, markdown);
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

  async function loadLimits() {
    try {
      const response = await fetch("/v1/limits");
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
  loadLimits();
})();
