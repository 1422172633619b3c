import { get } from "../api.js";
import { h, fill, field, option } from "../dom.js";
import { value as text, changeValue, time } from "../format.js";
import { fields as fieldsOf, label } from "../fields.js";
import { heading, loading, pager, scrollTable, sectionError } from "../ui.js";
import { replaceQuery } from "../../app.js";

const PER_PAGE = 50;
const HIDDEN_TYPES = new Set(["layout"]);
const ACTIONS = {
  mass_update: "mass update", change_owner: "change owner", create: "created", update: "updated", rule: "rule", undo: "undo",
};

/**
 * One record: its values, and its history — every write Sweep made to it, newest first, each
 * with who, how (trigger, job, rule and version) and the fields it changed from what to what.
 */
export async function render(container, { params: [module, id], query }) {
  const state = { field: query.get("field") || "", page: Number(query.get("page")) || 1 };
  const values = h("div", { id: "record-values" }, loading());
  const fieldFilter = h("select", { id: "history-field" }, option("", "every field"));
  const timeline = h("div", { id: "record-history" }, loading());
  container.append(
    heading(`${module} ${id}`, h("a", { class: "button", href: `#/records?module=${encodeURIComponent(module)}` }, `All ${module}`)),
    h("section", { attrs: { "aria-labelledby": "values-h" } }, h("h2", { id: "values-h" }, "Values"), values),
    h("section", { attrs: { "aria-labelledby": "history-h" } }, h("h2", { id: "history-h" }, "History"),
      h("div", { class: "filters" }, field("Field", fieldFilter)), timeline));

  const path = `${encodeURIComponent(module)}/${encodeURIComponent(id)}`;
  let fieldList = [];
  try {
    fieldList = (await fieldsOf(module)).filter((f) => f.visible !== false && !HIDDEN_TYPES.has(f.data_type));
  } catch (e) {
    return void sectionError(values, e);
  }
  const labels = new Map(fieldList.map((f) => [f.api_name, label(f)]));
  fieldList.forEach((f) => fieldFilter.append(option(f.api_name, label(f), f.api_name === state.field)));
  fieldFilter.addEventListener("change", () => { state.field = fieldFilter.value; state.page = 1; loadHistory(); });

  async function loadValues() {
    let body;
    try {
      body = await get(`/crm/v2/${path}`);
    } catch (e) {
      return void sectionError(values, e);
    }
    if (!body) return void fill(values, h("p", { class: "empty", id: "record-missing" }, "No such record, or not one you may see."));
    const r = body.data[0];
    fill(values, h("dl", { class: "record-values" },
      fieldList.filter((f) => r[f.api_name] !== undefined).map((f) => [h("dt", null, label(f)), h("dd", { dataset: { field: f.api_name } }, text(r[f.api_name], f.data_type))])));
  }

  async function loadHistory() {
    replaceQuery({ field: state.field, page: state.page > 1 ? state.page : null });
    fill(timeline, loading("Loading history…"));
    let body;
    try {
      body = await get(`/api/records/${path}/history`, { field: state.field, page: state.page, per_page: PER_PAGE });
    } catch (e) {
      fill(timeline);
      return void sectionError(timeline, e);
    }
    if (!body) return void fill(timeline);
    if (!body.history.length) {
      return void fill(timeline, h("p", { class: "empty", id: "history-empty" }, state.page > 1 ? "No more changes." : "Sweep has not changed this record."),
        state.page > 1 ? pager({ page: state.page, more: false, go, label: "History pages" }) : null);
    }
    fill(timeline, scrollTable(h("table", { class: "list", id: "history-table" },
      h("caption", { class: "visually-hidden" }, `History of ${module} ${id}, newest first`),
      h("thead", null, h("tr", null, ["When", "Version", "How", "Who", "Changes"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, body.history.map(entry))), "History"),
    pager({ page: state.page, more: body.info.more_records, go, label: "History pages" }));
  }

  function entry(e) {
    return h("tr", { dataset: { version: e.version, job: e.job_id || "" } },
      h("td", { class: "nowrap" }, time(e.time)),
      h("td", null, String(e.version)),
      h("td", null, how(e)),
      h("td", null, who(e)),
      h("td", null, h("ul", { class: "changes" }, e.changes.map((c) => h("li", null,
        h("span", { class: "field-name", title: c.field }, labels.get(c.field) || c.field), ": ",
        c.old === null && e.action === "create" ? "" : [h("span", { class: "old" }, changeValue(c.old)), " → "],
        h("span", { class: "new" }, changeValue(c.new)))))));
  }

  function go(page) {
    state.page = page;
    loadHistory();
  }

  await Promise.all([loadValues(), loadHistory()]);
}

/** The trigger and what it was, with its job and, for a rule, the rule and the short hash of the version it ran. */
function how(e) {
  const parts = [h("span", { class: "trigger" }, `${e.trigger} · ${ACTIONS[e.action] || e.action}`)];
  if (e.job_id) parts.push(" ", h("a", { class: "history-job", href: `#/jobs/${e.job_id}` }, `job ${e.job_id}`));
  if (e.rule_id) {
    parts.push(h("div", { class: "hint" }, "rule ", h("a", { href: `#/rules/${e.rule_id}` }, e.rule_id),
      " @ ", h("code", { class: "rule-version", title: e.rule_version }, e.rule_version_short)));
  }
  if (e.undo_of) parts.push(h("div", { class: "hint" }, "undid ", h("a", { href: `#/jobs/${e.undo_of}` }, `job ${e.undo_of}`)));
  return parts;
}

/** Who started it (a webhook or a schedule when nobody did), and whose rights it ran with when that differs. */
function who(e) {
  const name = (u) => u.name || u.email || u.id;
  const started = e.started_by ? name(e.started_by) : e.trigger;
  const differs = !e.started_by || e.started_by.id !== e.run_as.id;
  return differs ? `${started} · as ${name(e.run_as)}` : started;
}
