import { api, get, post } from "../api.js";
import { h, fill, field, uid } from "../dom.js";
import { createEditor } from "../editor.js";
import { renderPreview } from "../preview.js";
import { num, time } from "../format.js";
import { badge, busy, clearErrors, confirmDialog, heading, notify, schedule, sectionError, showError, loading } from "../ui.js";
import { guardLeaving, replaceQuery } from "../../app.js";
import { ruleDrafts } from "../drafts.js";

export async function render(container, { params: [id], query, session, navigate }) {
  container.append(loading());
  let rule;
  let isNew = false;
  try {
    rule = await get(`/api/rules/${id}`);
  } catch (e) {
    if (e.httpStatus !== 404) throw e;
    isNew = true;
    rule = { id, status: "new", problems: [], source: template(session.user.email) };
  }
  if (!isNew && query.get("new")) notify(`A rule named ${id} exists already; this is it.`);
  container.replaceChildren();

  const info = h("dl", { class: "meta" });
  const problemsBox = h("div", { class: "problems", id: "rule-problems", attrs: { "aria-live": "polite" } });
  // an administrator's Preview sends the editor's text (previewing it asks what saving asks); anyone else's uses the file
  const dirtyNote = h("p", { class: "hint", id: "rule-dirty", hidden: true }, session.user.admin
    ? "Unsaved changes: Preview shows the text as edited; Run and Dry run use the saved file."
    : "Unsaved changes: Preview, Run and Dry run use the saved file.");
  const editorBox = h("div", { class: "editor", id: "rule-editor" });
  // a file that does not validate is shown as it is on disk, so its problems line up with its text
  const fromDisk = rule.status === "error" && typeof rule.file_source === "string";
  // what the file holds now: the editor differs from it = unsaved work
  let savedSource = fromDisk ? rule.file_source : rule.source ?? "";
  const drafts = ruleDrafts(session.user.id, id);
  const editor = createEditor(editorBox, {
    source: savedSource,
    label: `Source of rule ${id}`,
    describedBy: problemsBox.id,
    onChange: () => {
      const dirty = editor.getValue() !== savedSource;
      dirtyNote.hidden = !dirty;
      // every edit is kept in this browser, so a closed tab or an expired login loses nothing
      if (dirty) drafts.keep(editor.getValue());
      else drafts.drop();
    },
  });
  guardLeaving(() => (editor.getValue() !== savedSource ? `The rule ${id} has unsaved changes.` : null));
  const draftBox = h("div", { id: "rule-draft-box" });
  offerDraft();

  /** A draft kept from an earlier visit (another tab, before a login) that differs from the file: offered back, not forced. */
  function offerDraft() {
    const draft = drafts.get();
    if (!draft || draft.source === savedSource) {
      if (draft) drafts.drop();
      return;
    }
    const restore = h("button", { type: "button", id: "rule-draft-restore", class: "primary small" }, "Restore the draft");
    const discard = h("button", { type: "button", id: "rule-draft-discard", class: "small" }, "Discard it");
    restore.addEventListener("click", () => { editor.setValue(draft.source); fill(draftBox); });
    discard.addEventListener("click", () => { drafts.drop(); fill(draftBox); });
    fill(draftBox, h("div", { class: "notice-inline draft", id: "rule-draft", attrs: { role: "status" } },
      `Unsaved changes to this rule from ${time(draft.saved_at)} are kept in this browser. `, restore, " ", discard));
  }

  const save = h("button", { type: "button", class: "primary", id: "rule-save", disabled: !session.user.admin }, isNew ? "Create" : "Save");
  const preview = h("button", { type: "button", id: "rule-preview", disabled: isNew && !session.user.admin }, "Preview");
  const run = h("button", { type: "button", id: "rule-run", disabled: isNew }, "Run");
  const dryRun = h("button", { type: "button", id: "rule-dry-run", disabled: isNew,
    title: "A job over the whole selection that writes no record" }, "Dry run");
  const dryRunStarted = h("p", { class: "hint", id: "rule-dry-run-started", attrs: { "aria-live": "polite" } });
  const paramsInput = h("textarea", { id: "rule-params", rows: 2, spellcheck: false, placeholder: "{}" });
  const previewBox = h("section", { class: "preview", id: "rule-preview-result", attrs: { "aria-label": "Dry run" } });
  const actions = h("div", { class: "actions toolbar" }, save, preview, run, dryRun,
    session.user.admin ? null : h("span", { class: "hint" }, "Only administrators save rules: a rule runs as the user it names."));

  function showRule(r) {
    rule = r;
    fill(info,
      term("Status", badge(r.status)),
      term("Module", r.module || "—"),
      term("Description", r.description || "—"),
      term("Runs as", r.run_as || "—"),
      term("Run by hand by", r.allow ? ["administrators", ...r.allow.users, ...r.allow.profiles.map((p) => `profile ${p}`)].join(", ") : "—"),
      term("Selects", r.select ? (r.select.criteria || (r.select.cvid ? `custom view ${r.select.cvid}` : "—")) : "—"),
      term("Triggers", r.triggers ? [["manual", r.triggers.webhook ? "webhook" : null].filter(Boolean).join(", "),
        r.triggers.schedule ? [", ", schedule(r.triggers.schedule)] : null] : "—"),
      r.triggers && r.triggers.next_fire_time ? term("Next fire", time(r.triggers.next_fire_time)) : null,
      r.recent_fires && r.recent_fires.length ? term("Recent fires", recentFires(r.recent_fires)) : null,
      term("Version", r.version ? r.version.slice(0, 12) : "—"));
    paramsInput.placeholder = r.params && Object.keys(r.params).length ? JSON.stringify(r.params) : "{}";
    showProblems(r.problems, r.status !== "error" ? null
      : r.source !== undefined ? "The file on disk (shown here) has these problems; runs use its last good version until it is fixed."
        : "The file on disk (shown here) has these problems and has never loaded; fix it and save.");
  }

  function showProblems(problems, note) {
    editor.setProblems(problems);
    if (!problems.length) return void fill(problemsBox);
    fill(problemsBox,
      h("h2", null, problems.length === 1 ? "1 problem" : `${problems.length} problems`),
      note ? h("p", { class: "hint" }, note) : null,
      h("ul", null, problems.map((p) => h("li", { class: "problem", dataset: { line: p.line } },
        h("button", { type: "button", class: "link", on: { click: () => editor.goToLine(p.line, p.column) } },
          `Line ${p.line}, column ${p.column}`), ": ", p.message))));
  }

  save.addEventListener("click", () => busy(save, async () => {
    clearErrors(container);
    try {
      const source = editor.getValue();
      const saved = await api("PUT", `/api/rules/${id}`, { body: { source } });
      savedSource = source;
      dirtyNote.hidden = editor.getValue() === savedSource;
      if (dirtyNote.hidden) drafts.drop();
      fill(draftBox);
      if (isNew) {
        isNew = false;
        save.textContent = "Save";
        preview.disabled = false;
        run.disabled = false;
        dryRun.disabled = false;
        replaceQuery({});
      }
      showRule(saved);
      notify(`Saved rules/${id}.js`);
    } catch (e) {
      if (e.details && Array.isArray(e.details.problems)) {
        showProblems(e.details.problems, "Not saved: the file was left as it was.");
        const first = e.details.problems[0];
        if (first) editor.goToLine(first.line, first.column);
      } else {
        showError(save, e);
      }
    }
  }));

  function runParams() {
    const text = paramsInput.value.trim();
    if (!text) return undefined;
    try {
      const value = JSON.parse(text);
      if (value && typeof value === "object" && !Array.isArray(value)) return value;
    } catch { /* reported below */ }
    showError(paramsInput, "Parameters must be a JSON object, e.g. {\"days\": 45}.");
    return null;
  }

  preview.addEventListener("click", () => busy(preview, async () => {
    clearErrors(container);
    const params = runParams();
    if (params === null) return;
    fill(previewBox, loading("Previewing…"));
    // the text as edited, unsaved, for those who may save it; the saved file for anyone else
    const source = session.user.admin && (isNew || editor.getValue() !== savedSource) ? editor.getValue() : null;
    const body = source !== null ? { params: params ?? {}, source } : params ?? "";
    try {
      const p = await api("POST", `/api/rules/${id}/preview`, { body, query: { limit: 20 } });
      if (source !== null) showProblems([]);
      renderPreview(previewBox, p, { module: rule.module, whole: true });
    } catch (e) {
      fill(previewBox);
      if (e.details && Array.isArray(e.details.problems)) {
        showProblems(e.details.problems, "Not previewed: the text as edited has these problems.");
        const first = e.details.problems[0];
        if (first) editor.goToLine(first.line, first.column);
      } else {
        showError(preview, e);
      }
    }
  }));

  dryRun.addEventListener("click", () => busy(dryRun, async () => {
    clearErrors(container);
    const params = runParams();
    if (params === null) return;
    try {
      const job = await api("POST", `/api/rules/${id}/run`, { body: params ?? "", query: { dry_run: true } });
      fill(dryRunStarted, "Dry run started (the saved file; nothing will be written): ",
        h("a", { href: `#/jobs/${job.id}`, id: "rule-dry-run-job" }, `job ${job.id}`), ".");
    } catch (e) {
      showError(dryRun, e);
    }
  }));

  run.addEventListener("click", () => busy(run, async () => {
    clearErrors(container);
    const params = runParams();
    if (params === null) return;
    // a run gets the same confirmation as a mass update: how many records, counted now
    let check;
    try {
      check = await api("POST", `/api/rules/${id}/preview`, { body: params ?? "", query: { limit: 1 } });
    } catch (e) {
      if (e.details && Array.isArray(e.details.problems)) showProblems(e.details.problems);
      return void showError(run, e);
    }
    if (check.error) return void showError(run, check.error);
    const n = check.selected;
    const records = `${num(n)} ${n === 1 ? "record" : "records"}`;
    const ok = await confirmDialog({
      title: `Run the rule ${id}?`,
      message: `It selects ${records} of ${rule.module || "its module"} and writes what its update() returns for each`
        + `${rule.run_as ? `, as ${rule.run_as}` : ""}${params ? `, with the parameters ${JSON.stringify(params)}` : ""}.`
        + " You can cancel it while it runs and undo it afterwards.",
      confirmLabel: `Run on ${records}`,
    });
    if (!ok) return;
    try {
      const job = await api("POST", `/api/rules/${id}/run`, { body: params ?? "" });
      const wrapped = job && job.data && job.data[0];
      if (wrapped && wrapped.status === "error") return void showError(run, wrapped);
      navigate(`#/jobs/${job.id}`);
    } catch (e) {
      if (e.details && Array.isArray(e.details.problems)) showProblems(e.details.problems);
      showError(run, e);
    }
  }));

  container.append(
    heading(isNew ? `New rule: ${id}` : `Rule: ${id}`, h("a", { href: "#/rules", class: "button" }, "All rules")),
    draftBox,
    isNew ? h("p", { class: "hint" }, `Creating rules/${id}.js. It is checked before it is written.`) : info,
    problemsBox,
    h("div", { class: "editor-label", id: uid("lbl") }, "Source (JavaScript)"),
    editorBox,
    dirtyNote,
    field("Run parameters (JSON object, optional)", paramsInput, { hint: "override the rule's params for Preview and Run" }),
    actions,
    dryRunStarted,
    previewBox);
  if (!isNew) showRule(rule);
  // Ctrl+S / Cmd+S saves the rule instead of the browser saving the page
  const onKey = (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "s") {
      e.preventDefault();
      if (!save.disabled) save.click();
    }
  };
  document.addEventListener("keydown", onKey);
  return () => { document.removeEventListener("keydown", onKey); editor.destroy(); };
}

/** The schedule's latest fires: each links to its job, or says why it started none. */
function recentFires(fires) {
  return h("ul", { class: "plain", id: "rule-recent-fires" }, fires.map((f) => h("li", null, time(f.fire_time), " — ",
    f.job_id ? h("a", { href: `#/jobs/${f.job_id}` }, `job ${f.job_id}`) : h("span", { class: "hint" }, `skipped: ${f.skipped_because || "no job"}`))));
}

function term(name, value) {
  return h("div", null, h("dt", null, name), h("dd", null, value));
}

function template(email) {
  return `export const rule = {
  module: "Leads",
  description: "What this rule does",
  select: { criteria: "(Lead_Status:equals:Contacted)" },
  runAs: ${JSON.stringify(email)},
};

// Called once per selected record: return the fields to set, or null to leave it alone.
export function update(record, ctx) {
  return null;
}
`;
}
