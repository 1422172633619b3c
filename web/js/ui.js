// Small shared widgets: errors next to their control, confirmation dialogs, status badges,
// progress bars, scrollable tables, busy buttons, notices.
import { h, uid, describe, undescribe, fill } from "./dom.js";
import { num, progressPercent } from "./format.js";
import { cronWords } from "./cron.js";

/**
 * The API's message as a person reads it: a sentence and the details that say what to fix. The
 * code (e.g. INVALID_CREDENTIALS) is for those who look it up: it goes in a tooltip ({@link errorCode}).
 */
export function errorText(err) {
  if (!err) return "";
  const parts = [sentence(err.message || "Something went wrong")];
  const d = err.details || {};
  const extra = [];
  if (d.expected_data_type) extra.push(`expected ${d.expected_data_type}`);
  if (d.api_name) extra.push(`field ${d.api_name}`);
  if (d.param_name) extra.push(`parameter ${d.param_name}`);
  if (d.path) extra.push(`at ${d.path}`);
  if (d.limit) extra.push(`limit ${d.limit}`);
  if (d.retry_after_seconds) extra.push(`retry in ${d.retry_after_seconds} s`);
  if (extra.length) parts.push(`(${extra.join(", ")})`);
  return parts.join(" ");
}

/** The API's error code to show on hover, or null. */
export function errorCode(err) {
  return err && typeof err === "object" && err.code && err.code !== "NETWORK_ERROR" ? err.code : null;
}

/** "the record was changed since" → "The record was changed since." */
export function sentence(text) {
  const t = String(text).trim();
  if (!t) return t;
  const first = t[0].toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}

/** An error's text with its code as a tooltip (and data-code), for any element that shows one. */
function withCode(el, err) {
  const code = errorCode(err);
  if (code) {
    el.title = `Error code: ${code}`;
    el.dataset.code = code;
  }
  return el;
}

/** A paragraph showing an error, its code on hover. */
export function errorLine(err, attrs = {}) {
  return withCode(h("p", { class: "error", ...attrs, attrs: { role: "alert" } }, typeof err === "string" ? err : errorText(err)), err);
}

/** Shows an error right after a control (or its .field wrapper) and links it with aria-describedby. */
export function showError(control, err) {
  clearError(control);
  const text = typeof err === "string" ? err : errorText(err);
  const msg = withCode(h("p", { class: "error", id: uid("err"), attrs: { role: "alert" } }, text), err);
  const row = control.closest(".condition");
  if (row) {
    // a criteria-builder row: the message goes at the end of its row
    msg.classList.add("row-error");
    row.append(msg);
  } else {
    (control.closest(".field, .control-group") || control).after(msg);
  }
  control.setAttribute("aria-invalid", "true");
  describe(control, msg.id);
  control.dataset.errorId = msg.id;
  return msg;
}

export function clearError(control) {
  const id = control.dataset.errorId;
  if (!id) return;
  document.getElementById(id)?.remove();
  undescribe(control, id);
  control.removeAttribute("aria-invalid");
  delete control.dataset.errorId;
}

export function clearErrors(container) {
  container.querySelectorAll("[data-error-id]").forEach(clearError);
  container.querySelectorAll(".page-error").forEach((e) => e.remove());
}

/** An error that belongs to no single control, shown at the top of a section. */
export function sectionError(container, err) {
  container.querySelectorAll(":scope > .page-error").forEach((e) => e.remove());
  const text = typeof err === "string" ? err : errorText(err);
  const box = withCode(h("p", { class: "error page-error", attrs: { role: "alert" } }, text), err);
  container.prepend(box);
  return box;
}

/** A modal confirmation; resolves true when confirmed. Escape or Cancel resolve false. */
export function confirmDialog({ title, message, confirmLabel = "Confirm", danger = false, body = null, onOpen = null }) {
  return new Promise((resolve) => {
    const titleId = uid("dlg");
    const msgId = uid("dlg");
    const cancel = h("button", { type: "button" }, "Cancel");
    const ok = h("button", { type: "button", class: danger ? "danger" : "primary" }, confirmLabel);
    // body: more of the question (choices); onOpen(ok) lets it relabel or disable the confirm button as they change
    const dialog = h("dialog", { class: "confirm", attrs: { "aria-labelledby": titleId, "aria-describedby": msgId } },
      h("h2", { id: titleId }, title),
      h("p", { id: msgId }, message),
      body,
      h("div", { class: "actions" }, cancel, ok));
    if (onOpen) onOpen(ok);
    let answer = false;
    cancel.addEventListener("click", () => dialog.close());
    ok.addEventListener("click", () => { answer = true; dialog.close(); });
    dialog.addEventListener("close", () => { dialog.remove(); resolve(answer); });
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}

export function badge(status) {
  const s = String(status || "").toLowerCase();
  return h("span", { class: ["badge", `badge-${s}`] }, String(status || "—"));
}

/**
 * A labelled progress bar for a job. Text, bar and percent are one number: records processed
 * (updated, failed or skipped) out of the total, all read from the same job snapshot.
 */
export function jobProgress(job, label = "Progress") {
  const bar = h("progress", { attrs: { "aria-label": `${label} of job ${job.id}` } });
  const text = h("span", { class: "progress-text" });
  const box = h("div", { class: "progress" }, bar, text);
  updateJobProgress(box, job);
  return box;
}

/** How far a job got: {processed, total, percent}; a job with nothing to do that completed is at 100 %. */
export function jobFigures(job) {
  const total = job.Total_Count || 0;
  const processed = (job.Updated_Count || 0) + (job.Failed_Count || 0) + (job.skipped_count || 0);
  const percent = total === 0 ? (job.status === "COMPLETED" ? 100 : 0) : progressPercent(processed, total);
  return { processed, total, percent };
}

export function updateJobProgress(box, job) {
  const [bar, text] = box.children;
  const { processed, total, percent: p } = jobFigures(job);
  // the bar shows the percent the text says, so the two cannot disagree
  bar.max = 100;
  bar.value = p;
  text.textContent = `${num(processed)} of ${num(total)} (${p}%)`;
  box.dataset.status = job.status;
  box.dataset.percent = String(p);
}

const TRIGGERS = { api: "Mass update", rule: "Rule", webhook: "Webhook", schedule: "Schedule", undo: "Undo" };

/**
 * What started a job and on what, by name: "Rule stale-leads", "Mass update of the view “Hot leads”",
 * "Undo of job 12". The ids stay in tooltips and links.
 */
export function jobTrigger(j) {
  const what = TRIGGERS[j.trigger] || j.trigger;
  if (j.rule_id) return [`${what} `, h("a", { href: `#/rules/${j.rule_id}`, title: `rules/${j.rule_id}.js` }, j.rule_id)];
  if (j.undo_of) return [`${what} of `, h("a", { href: `#/jobs/${j.undo_of}` }, `job ${j.undo_of}`)];
  if (j.cvid) {
    return [`${what} of the view `, h("span", { class: "view-name", title: `custom view id ${j.cvid}` },
      j.view_name ? `“${j.view_name}”` : `${j.cvid} (deleted)`)];
  }
  return `${what} by record ids`;
}

/**
 * Whether the user has changed a form since it opened or was last saved: any input or change
 * event they caused inside it. clear() after a save; the page hands dirty to guardLeaving.
 */
export function formChanges(form) {
  let dirty = false;
  const mark = (e) => { if (e.isTrusted) dirty = true; };
  form.addEventListener("input", mark);
  form.addEventListener("change", mark);
  return { dirty: () => dirty, clear: () => { dirty = false; } };
}

/** A wide table in a region that scrolls sideways on a narrow window (and can be scrolled by keyboard). */
export function scrollTable(table, label) {
  return h("div", { class: "table-scroll", tabIndex: 0, attrs: { role: "region", "aria-label": label } }, table);
}

/** Disables a button while work runs and marks it busy; the page stays usable. */
export async function busy(button, work) {
  const was = button.disabled;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    button.disabled = was;
    button.removeAttribute("aria-busy");
  }
}

let liveRegion = null;
/** A short message announced to screen readers and shown for a few seconds. */
export function notify(message) {
  liveRegion = liveRegion || document.getElementById("notices");
  if (!liveRegion) return;
  const item = h("p", { class: "notice" }, message);
  liveRegion.append(item);
  setTimeout(() => item.remove(), 6000);
}

/** Prev / next paging: calls go(page). With the number of pages known, says "Page 2 of 17". */
export function pager({ page, more, go, label = "Pages", pages = null }) {
  const prev = h("button", { type: "button", disabled: page <= 1, on: { click: () => go(page - 1) } }, "← Previous");
  const next = h("button", { type: "button", disabled: !more, on: { click: () => go(page + 1) } }, "Next →");
  const where = pages ? `Page ${num(page)} of ${num(pages)}` : `Page ${num(page)}`;
  return h("nav", { class: "pager", attrs: { "aria-label": label } }, prev, h("span", { class: "page-no" }, where), next);
}

export function loading(text = "Loading…") {
  return h("p", { class: "loading", attrs: { role: "status" } }, text);
}

export function heading(title, ...actions) {
  return h("div", { class: "page-head" }, h("h1", { tabIndex: -1 }, title), actions.length ? h("div", { class: "actions" }, actions) : null);
}

export function empty(container, text) {
  fill(container, h("p", { class: "empty" }, text));
}

/** A cron schedule in words with the expression beside it ("every day at 03:00 UTC (0 3 * * *)"), or the expression alone. */
export function schedule(cron) {
  const words = cronWords(cron);
  return h("span", { class: "schedule", dataset: { cron } },
    words ? [h("span", { class: "schedule-words" }, words), " ", h("span", { class: "hint" }, "(", h("code", { class: "cron", title: "cron expression, in UTC" }, cron), ")")]
      : [h("code", { class: "cron" }, cron), " (UTC)"]);
}
