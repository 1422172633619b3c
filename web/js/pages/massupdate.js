import { api } from "../api.js";
import { h, fill, field, option, uid } from "../dom.js";
import { num } from "../format.js";
import { fields as fieldsOf, label, moduleSelect, valueInput } from "../fields.js";
import { viewsOf } from "../views-data.js";
import { renderPreview } from "../preview.js";
import { badge, busy, clearError, clearErrors, confirmDialog, errorText, formChanges, heading, loading, scrollTable, showError } from "../ui.js";
import { guardLeaving, replaceQuery } from "../../app.js";

export async function render(container, { query, navigate }) {
  const module = await moduleSelect(query.get("module") || "Leads", { onlyEditable: true });
  module.id = "mu-module";
  const byView = h("input", { type: "radio", name: "mu-by", value: "cvid", id: "mu-by-view", checked: query.get("ids") === null });
  const byIds = h("input", { type: "radio", name: "mu-by", value: "ids", id: "mu-by-ids", checked: query.get("ids") !== null });
  const view = h("select", { id: "mu-view" });
  const ids = h("textarea", { id: "mu-ids", rows: 3, spellcheck: false, value: query.get("ids") || "",
    placeholder: "5725767000001000010, 5725767000001000011" });
  const fieldSelect = h("select", { id: "mu-field" });
  const valueBox = h("div", { class: "value-box" });
  const clear = h("input", { type: "checkbox", id: "mu-clear" });
  const clearField = h("div", { class: "field switch clear-field", hidden: true }, clear,
    h("label", { for: clear.id }, "Clear this field: empty it on every selected record"));
  const preview = h("button", { type: "button", id: "mu-preview", disabled: true }, "Preview");
  const run = h("button", { type: "submit", class: "primary", id: "mu-run", disabled: true }, "Run mass update");
  const readiness = h("p", { class: "hint", id: "mu-ready", attrs: { "aria-live": "polite" } });
  const result = h("section", { class: "preview", id: "mu-result", attrs: { "aria-label": "Result" } });

  const viewField = field("Custom view", view, { className: "by-view" });
  const idsField = field("Record ids", ids, { hint: "up to 500, separated by commas, spaces or lines; updated at once", className: "by-ids" });
  const recordsGroup = h("fieldset", { class: "control-group" }, h("legend", null, "Records"),
    h("div", { class: "radios" },
      h("label", { class: "check" }, byView, " every record of a custom view (in the background, up to 50,000)"),
      h("label", { class: "check" }, byIds, " these record ids")),
    viewField, idsField);
  const form = h("form", { class: "mass-update", id: "mu-form", attrs: { novalidate: true } },
    field("Module", module), recordsGroup, field("Field", fieldSelect, { hint: "fields that can be mass updated" }), valueBox, clearField,
    h("div", { class: "actions toolbar" }, preview, run), readiness);
  container.append(heading("Mass update"), form, result);

  let fieldList = [];
  let input = null;
  let viewList = [];
  // what the shown preview was made from (the request's JSON); Run sends only exactly that
  let previewed = null;

  function syncMode() {
    viewField.hidden = !byView.checked;
    idsField.hidden = !byIds.checked;
  }

  async function loadModule() {
    clearErrors(form);
    replaceQuery({ module: module.value });
    const [fs, vs] = await Promise.all([fieldsOf(module.value), viewsOf(module.value)]);
    fieldList = fs.filter((f) => f.mass_update);
    viewList = vs;
    // nothing is chosen for the admin: no view, no field, no value until they pick one
    fill(view, option("", "— choose a custom view —"), vs.map((v) => option(v.id, v.record_count === null || v.record_count === undefined ? v.name : `${v.name} (${num(v.record_count)})`, v.id === query.get("cvid"))));
    fill(fieldSelect, option("", fieldList.length ? "— choose a field —" : "no field can be mass updated"),
      fieldList.map((f) => option(f.api_name, `${label(f)}${f.field_read_only ? " (you may not edit it)" : ""}`, f.api_name === query.get("field"))));
    loadField();
  }

  function chosenField() {
    return fieldList.find((x) => x.api_name === fieldSelect.value) || null;
  }

  function loadField() {
    const f = chosenField();
    input = f ? valueInput(f, { module: module.value }) : null;
    clear.checked = false;
    clearField.hidden = !input;
    fill(valueBox, input ? input.element : fieldList.length ? null : h("p", { class: "hint" }, "This module has no field that can be mass updated."));
  }

  /** The request the form stands for, or why there is none yet. */
  function request() {
    if (byView.checked && !view.value) return { why: "Choose a custom view." };
    const idList = ids.value.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
    if (byIds.checked && !idList.length) return { why: "Enter the record ids." };
    if (!input) return { why: "Choose a field." };
    const st = clear.checked ? { status: "ok", value: null } : input.state();
    if (st.status === "invalid") return { why: st.message, invalid: st.message };
    if (st.status === "empty") return { why: `Choose a value for ${fieldSelect.value}, or tick “Clear this field”.` };
    const b = { data: [{ [fieldSelect.value]: st.value }] };
    if (byIds.checked) b.ids = idList;
    else b.cvid = view.value;
    // clearing a multi-select replaces its values with none
    if (input.overWrite) b.over_write = clear.checked || input.overWrite.checked;
    return { body: b, key: JSON.stringify({ module: module.value, body: b }) };
  }

  /** After any change: the value's own error, which buttons work, and no preview of other inputs. */
  function sync() {
    const r = request();
    if (input) {
      input.setDisabled(clear.checked);
      if (r.invalid) {
        if (input.control.dataset.invalidValue !== r.invalid) {
          showError(input.control, r.invalid);
          input.control.dataset.invalidValue = r.invalid;
        }
      } else if (input.control.dataset.invalidValue) {
        clearError(input.control);
        delete input.control.dataset.invalidValue;
      }
    }
    if (previewed && previewed.key !== r.key) {
      previewed = null;
      fill(result, h("p", { class: "hint stale", id: "mu-stale" }, "The form changed since the preview: preview again to run."));
    }
    preview.disabled = !r.key;
    run.disabled = !(r.key && previewed && previewed.key === r.key && !previewed.error);
    readiness.textContent = r.why ? r.why
      : run.disabled ? "Preview shows what would change; Run is enabled for exactly what was previewed."
        : "Run applies exactly what was previewed.";
  }

  /** What a confirmation says is written: "Rating to “Active”" or "clear Rating". */
  function change() {
    if (clear.checked) return { text: `Clear ${fieldSelect.value}`, value: "clear" };
    return { text: `Set ${fieldSelect.value} to “${input.describe()}”`, value: input.describe() };
  }

  /** The control an API error is about, so the message shows next to it. */
  function target(err) {
    const d = err.details || {};
    const msg = err.message || "";
    if (err.code === "INVALID_MODULE" || msg === "permission denied") return module;
    if (msg === "Field Edit Permission not given" || msg === "This field cannot be updated in the Mass Update"
      || msg === "Max field limit exceeded" || msg === "No field found") return fieldSelect;
    if (d.expected_data_type || msg === "invalid data") return input ? input.control : fieldSelect;
    if (d.param_name === "ids" || msg === "the id given seems to be invalid" || (byIds.checked && err.code === "MANDATORY_NOT_FOUND")) return byIds.checked ? ids : view;
    if (msg === "Customview not accessible" || err.code === "NO_RECORDS_FOUND" || err.code === "ALREADY_SCHEDULED"
      || err.code === "LIMIT_EXCEEDED" || d.cvid !== undefined || d.territory !== undefined) return byIds.checked ? ids : view;
    return run;
  }

  async function doPreview(b, limit = 20) {
    return api("POST", "/api/mass_update/preview", { body: b, query: { module: module.value, limit } });
  }

  module.addEventListener("change", () => { previewed = null; loadModule().then(sync).catch((e) => showError(module, e)); });
  fieldSelect.addEventListener("change", () => { clearErrors(form); loadField(); });
  byView.addEventListener("change", syncMode);
  byIds.addEventListener("change", syncMode);
  // every change to the form runs after the control's own handler (bubbling)
  form.addEventListener("input", sync);
  form.addEventListener("change", sync);
  syncMode();

  preview.addEventListener("click", () => busy(preview, async () => {
    clearErrors(form);
    const r = request();
    if (!r.key) return;
    previewed = null;
    fill(result, loading("Running the dry run…"));
    try {
      const p = await doPreview(r.body);
      renderPreview(result, p, { module: module.value });
      previewed = { key: r.key, error: p.error || null };
      if (p.error) showError(target(p.error), p.error);
    } catch (e) {
      fill(result);
      showError(e.httpStatus === 400 && e.code === "INVALID_MODULE" ? module : preview, e);
    }
  }).then(sync));

  const changes = formChanges(form);
  guardLeaving(() => (changes.dirty() ? "The mass update form has values not run yet." : null));

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const r = request();
    if (!r.key || !previewed || previewed.key !== r.key) return void sync();
    busy(run, async () => {
      clearErrors(form);
      const b = r.body;
      // say how many records the update will touch, counted now, before it starts
      let check;
      try {
        check = await doPreview(b, 1);
      } catch (err) {
        return void showError(run, err);
      }
      if (check.error) return void showError(target(check.error), check.error);
      const n = check.selected;
      const what = change();
      const where = b.cvid ? ` of the view “${viewList.find((v) => v.id === b.cvid)?.name || b.cvid}”` : "";
      const later = b.cvid ? " You can cancel it while it runs and undo it afterwards." : " It is written at once.";
      const ok = await confirmDialog({
        title: "Run the mass update?",
        message: `${what.text} on ${num(n)} ${n === 1 ? "record" : "records"}${where}.${later}`,
        confirmLabel: `${clear.checked ? "Clear it on" : "Update"} ${num(n)} ${n === 1 ? "record" : "records"}`,
        danger: clear.checked,
      });
      if (!ok) return;
      // a run changes the records: what was previewed no longer stands
      previewed = null;
      await submit(b);
    }).then(sync);
  });

  async function submit(b) {
    let res;
    try {
      res = await api("POST", `/crm/v2/${encodeURIComponent(module.value)}/actions/mass_update`, { body: b, response: true });
    } catch (err) {
      if (err.body && Array.isArray(err.body.data)) return void perId(err.body.data, 400);
      return void showError(target(err), err);
    }
    const entries = (res.body && res.body.data) || [];
    if (b.cvid) {
      const first = entries[0] || {};
      if (first.status === "success" && first.details && first.details.job_id) {
        changes.clear();
        return void navigate(`#/jobs/${first.details.job_id}`);
      }
      return void showError(target(first), first);
    }
    perId(entries, res.status);
  }

  function perId(entries, status) {
    const ok = entries.filter((x) => x.status === "success").length;
    const rows = entries.map((x) => h("tr", { dataset: { record: x.details?.id || "" } },
      h("th", { scope: "row" }, x.details?.id || "—"),
      h("td", null, badge(x.status)),
      h("td", null, x.code || ""),
      h("td", null, x.status === "success" ? x.message : errorText(x))));
    const summaryId = uid("sum");
    fill(result,
      h("p", { id: summaryId, class: ok === entries.length ? "ok" : "error", attrs: { role: "status" } },
        `HTTP ${status}: ${num(ok)} of ${num(entries.length)} records updated.`),
      scrollTable(h("table", { class: "list", id: "mu-ids-result" },
        h("thead", null, h("tr", null, ["Record", "Status", "Code", "Message"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", null, rows)), "Per-record result"));
    if (ok < entries.length) ids.setAttribute("aria-describedby", summaryId);
  }

  await loadModule();
  sync();
}
