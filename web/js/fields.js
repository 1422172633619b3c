// CRM metadata (modules, fields, views) with a small cache, and value inputs that fit a field's type.
import { get } from "./api.js";
import { h, uid, option } from "./dom.js";
import { suggestible, suggestValues } from "./pickers.js";

const cache = new Map();

function cached(key, load) {
  if (!cache.has(key)) {
    const p = load().catch((e) => { cache.delete(key); throw e; });
    cache.set(key, p);
  }
  return cache.get(key);
}

/** Forgets every cached answer (prefix "") or those of one kind ("fields:"). */
export function forget(prefix) {
  for (const key of [...cache.keys()]) if (key.startsWith(prefix)) cache.delete(key);
}

export function modules() {
  return cached("modules", async () => (await get("/crm/v2/settings/modules")).modules
    .filter((m) => m.api_supported !== false && m.viewable !== false)
    .sort((a, b) => (a.sequence_number ?? 0) - (b.sequence_number ?? 0)));
}

export function fields(module) {
  return cached("fields:" + module, async () => (await get("/crm/v2/settings/fields", { module })).fields
    .slice().sort((a, b) => (a.sequence_number ?? 0) - (b.sequence_number ?? 0)));
}

/** The views the caller may use in a module (Zoho's settings endpoint). */
export async function customViews(module) {
  const body = await get("/crm/v2/settings/custom_views", { module });
  return body ? body.custom_views : [];
}

/** A <select> of modules, the given one selected. */
export async function moduleSelect(selected, { onlyEditable = false } = {}) {
  const list = (await modules()).filter((m) => !onlyEditable || m.editable);
  const select = h("select", { id: uid("module") }, list.map((m) => option(m.api_name, m.plural_label || m.api_name, m.api_name === selected)));
  return select;
}

export function label(f) {
  return f.display_label || f.field_label || f.api_name;
}

export const NUMERIC = new Set(["integer", "bigint", "double", "decimal", "currency", "percent"]);

/** A datetime-local value ("2026-03-01T12:00[:ss]") as ISO-8601 with the browser's offset. */
export function localDateTimeToIso(v) {
  if (!v) return null;
  const withSeconds = v.length === 16 ? v + ":00" : v.slice(0, 19);
  const d = new Date(withSeconds);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  const p = (x) => String(Math.floor(Math.abs(x))).padStart(2, "0");
  return `${withSeconds}${sign}${p(off / 60)}:${p(off % 60)}`;
}

/** ISO-8601 with offset → a datetime-local value in the browser's zone. */
export function isoToLocalDateTime(iso) {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const p = (x) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * An input fitting the field's data type. Returns {element, control, read, state, setDisabled, overWrite?}:
 * element goes in the form, control takes focus and errors, read() gives the JSON value, state()
 * says whether a value was chosen: {status: "empty"}, {status: "ok", value} or {status: "invalid", message}.
 * Nothing is chosen at first (a picklist starts at "choose a value"), and an empty input never
 * stands for "clear the field": clearing is a choice of its own (see the mass update page).
 * Multi-select gives checkboxes and an over-write switch; picklist a select; date a date input…
 */
export function valueInput(f, { labelText = "Value", initial, module } = {}) {
  const type = f.data_type;
  const id = uid("value");
  if (type === "multiselectpicklist") {
    const legendId = uid("legend");
    const boxes = f.pick_list_values.map((v) => {
      const box = h("input", { type: "checkbox", value: v.actual_value, id: uid("opt"),
        checked: Array.isArray(initial) && initial.includes(v.actual_value) });
      return h("label", { class: "check" }, box, " ", v.display_value);
    });
    const group = h("fieldset", { class: "control-group checks", id, attrs: { "aria-labelledby": legendId } },
      h("legend", { id: legendId }, `${labelText}: ${label(f)}`), boxes);
    group.tabIndex = -1;
    const over = h("input", { type: "checkbox", id: uid("overwrite"), attrs: { role: "switch" } });
    const overField = h("div", { class: "field switch" }, over,
      h("label", { for: over.id }, "Over-write: replace the record's values (off: add these to the values present)"));
    const read = () => [...group.querySelectorAll("input:checked")].map((b) => b.value);
    return {
      element: h("div", { class: "value-input" }, group, overField),
      control: group,
      overWrite: over,
      read,
      state: () => (read().length ? { status: "ok", value: read() } : { status: "empty" }),
      setDisabled: (off) => { group.disabled = off; over.disabled = off; },
      describe: () => `${read().join(", ")}${over.checked ? " (replacing the values present)" : " (added to the values present)"}`,
    };
  }
  let control;
  // parse(raw text) → the JSON value, or throws a message saying what is wrong
  let parse = (v) => v;
  if (type === "picklist") {
    control = h("select", { id }, option("", "— choose a value —"), f.pick_list_values.map((v) =>
      option(v.actual_value, v.display_value, v.actual_value === initial)));
  } else if (type === "boolean") {
    control = h("select", { id }, option("", "— choose a value —"),
      option("true", "true", initial === true), option("false", "false", initial === false));
    parse = (v) => v === "true";
  } else if (type === "date") {
    control = h("input", { type: "date", id, value: initial || "" });
  } else if (type === "datetime") {
    control = h("input", { type: "datetime-local", id, step: "1", value: isoToLocalDateTime(initial) });
    parse = localDateTimeToIso;
  } else if (type === "integer" || type === "bigint") {
    // a text input, so what was typed stays visible and a typo is reported instead of dropped
    control = h("input", { type: "text", id, value: initial ?? "", attrs: { inputmode: "numeric" } });
    parse = (v) => {
      if (!/^[-+]?[0-9]+$/.test(v)) throw `${label(f)} needs a whole number, not “${v}”.`;
      return type === "bigint" ? v.replace(/^\+/, "") : Number(v);
    };
  } else if (NUMERIC.has(type)) {
    control = h("input", { type: "text", id, value: initial ?? "", attrs: { inputmode: "decimal" } });
    parse = (v) => {
      if (!/^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(v)) throw `${label(f)} needs a number (${type}), not “${v}”.`;
      return Number(v);
    };
  } else {
    control = h("input", { type: type === "website" ? "url" : type === "phone" ? "tel" : "text", id, value: initial ?? "" });
    if (f.length) control.maxLength = f.length;
  }
  const raw = () => (control.tagName === "SELECT" ? control.value : control.value.trim());
  const state = () => {
    const v = raw();
    if (v === "") return { status: "empty" };
    try {
      return { status: "ok", value: parse(v) };
    } catch (message) {
      return { status: "invalid", message: String(message) };
    }
  };
  const hint = h("small", { class: "hint", id: uid("hint") }, typeHint(f));
  control.setAttribute("aria-describedby", hint.id);
  const element = h("div", { class: "field value-input" }, h("label", { for: id }, `${labelText}: ${label(f)}`), control, hint);
  // text: the values the field already holds in the module are suggested as one types
  if (module && suggestible(f)) suggestValues(control, module, f);
  return {
    element,
    control,
    read: () => {
      const st = state();
      return st.status === "ok" ? st.value : null;
    },
    state,
    setDisabled: (off) => { control.disabled = off; },
    describe: () => (control.tagName === "SELECT" ? control.selectedOptions[0]?.textContent || raw() : raw()),
  };
}

function typeHint(f) {
  const t = f.data_type;
  if (t === "picklist") return "one of the picklist's values";
  if (t === "date") return "a date";
  if (t === "datetime") return "date and time in your time zone";
  if (t === "boolean") return "true or false";
  if (t === "integer" || t === "bigint") return "a whole number";
  if (NUMERIC.has(t)) return `a number (${t})`;
  return f.length ? `text, up to ${f.length} characters` : "text";
}
