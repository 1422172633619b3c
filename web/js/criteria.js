// The criteria builder of the custom-view editor: conditions (field, a comparator that fits the
// field's type, value) in and/or groups, read from and written to Zoho's criteria JSON.
import { h, fill, option, uid } from "./dom.js";
import { label, NUMERIC, localDateTimeToIso, isoToLocalDateTime } from "./fields.js";
import { showError } from "./ui.js";
import { idPicker, pickable, suggestible, suggestValues } from "./pickers.js";

export const EMPTY = "${EMPTY}";
const TEXTUAL = new Set(["text", "textarea", "email", "phone", "website", "picklist", "formula", "autonumber"]);
const ORDERED = (t) => NUMERIC.has(t) || t === "date" || t === "datetime";
const COMPARATORS = [
  ["equal", "is"], ["not_equal", "is not"], ["in", "is one of"], ["not_in", "is none of"],
  ["contains", "contains"], ["not_contains", "does not contain"], ["starts_with", "starts with"], ["ends_with", "ends with"],
  ["less_than", "<"], ["less_equal", "≤"], ["greater_than", ">"], ["greater_equal", "≥"],
  ["between", "is between"], ["not_between", "is not between"],
];
const POSITIVE = { not_equal: "equal", not_in: "in", not_contains: "contains", not_between: "between" };

/** Mirrors io.sweep.crm.criteria.Comparator.appliesTo. */
export function comparatorsFor(type) {
  return COMPARATORS.filter(([c]) => {
    const p = POSITIVE[c] || c;
    if (p === "equal") return true;
    if (p === "in") return type !== "boolean";
    if (["less_than", "less_equal", "greater_than", "greater_equal", "between"].includes(p)) return ORDERED(type);
    if (p === "contains") return TEXTUAL.has(type) || type === "multiselectpicklist";
    if (p === "starts_with" || p === "ends_with") return TEXTUAL.has(type);
    return false;
  });
}

const acceptsEmpty = (c) => ["equal", "in"].includes(POSITIVE[c] || c);

/**
 * criteriaBuilder(fields, criteria, onChange, {module}) → {element, read(), showPathError(path, err)}
 * With the module, a text condition suggests the values its field already holds.
 * read() gives Zoho's criteria JSON, or null when there is no condition.
 */
export function criteriaBuilder(fieldList, criteria, onChange, { module } = {}) {
  const usable = fieldList.filter((f) => f.data_type !== "layout");
  const byName = new Map(usable.map((f) => [f.api_name, f]));
  let paths = new Map();

  function changed() {
    if (onChange) onChange();
  }

  // --- a condition row
  function condition(leaf) {
    const row = h("li", { class: "condition" });
    const fieldSel = h("select", { class: "crit-field", attrs: { "aria-label": "Field" } },
      usable.map((f) => option(f.api_name, label(f), leaf && leaf.field === f.api_name)));
    const compSel = h("select", { class: "crit-comparator", attrs: { "aria-label": "Comparator" } });
    const valueBox = h("span", { class: "crit-value" });
    const emptyBox = h("input", { type: "checkbox", class: "crit-empty", id: uid("empty") });
    const emptyLabel = h("label", { class: "check crit-empty-label", for: emptyBox.id }, emptyBox, " empty");
    const remove = h("button", { type: "button", class: "link remove", attrs: { "aria-label": "Remove this condition" } }, "Remove");
    let valueControls = [];

    function fieldDef() {
      return byName.get(fieldSel.value);
    }

    function fillComparators(selected) {
      const list = comparatorsFor(fieldDef().data_type);
      fill(compSel, list.map(([c, text]) => option(c, text, c === selected)));
    }

    function fillValue(values) {
      const f = fieldDef();
      const c = compSel.value;
      const p = POSITIVE[c] || c;
      emptyLabel.hidden = !acceptsEmpty(c);
      if (emptyLabel.hidden) emptyBox.checked = false;
      valueControls = [];
      if (p === "between") {
        valueControls = [single(f, values?.[0]), single(f, values?.[1])];
        valueControls[0].setAttribute("aria-label", "From");
        valueControls[1].setAttribute("aria-label", "To");
        fill(valueBox, valueControls[0], h("span", { class: "and" }, " and "), valueControls[1]);
      } else if (p === "in" && (f.data_type === "picklist" || f.data_type === "multiselectpicklist")) {
        const groupId = uid("in");
        const boxes = f.pick_list_values.map((v) => h("label", { class: "check" },
          h("input", { type: "checkbox", value: v.actual_value, checked: (values || []).includes(v.actual_value),
            on: { change: changed } }), " ", v.display_value));
        const group = h("span", { class: "checks inline", id: groupId, tabIndex: -1, attrs: { role: "group", "aria-label": "Values" } }, boxes);
        valueControls = [group];
        fill(valueBox, group);
      } else if (p === "in") {
        const input = h("input", { type: "text", value: (values || []).join(", "), attrs: { "aria-label": "Values, separated by commas" } });
        input.addEventListener("input", changed);
        valueControls = [input];
        fill(valueBox, input);
      } else if (pickable(f)) {
        // an owner or a lookup: found by name, kept as its id
        const picker = idPicker(f, values?.[0], changed);
        picker.input.setAttribute("aria-label", f.data_type === "ownerlookup" ? "Value: a user (type a name)" : "Value: a record (type a name)");
        valueControls = [picker.input];
        fill(valueBox, picker.element);
      } else {
        valueControls = [single(f, values?.[0])];
        valueControls[0].setAttribute("aria-label", "Value");
        fill(valueBox, valueControls[0]);
        // text: the values the field already holds are suggested as one types
        if (module && suggestible(f)) suggestValues(valueControls[0], module, f);
      }
      valueBox.hidden = emptyBox.checked;
    }

    function single(f, v) {
      let el;
      if (f.data_type === "picklist" || f.data_type === "multiselectpicklist") {
        el = h("select", null, f.pick_list_values.map((pv) => option(pv.actual_value, pv.display_value, pv.actual_value === v)));
      } else if (f.data_type === "boolean") {
        el = h("select", null, option("true", "true", v === true || v === "true"), option("false", "false", v === false || v === "false"));
      } else if (f.data_type === "date") {
        el = h("input", { type: "date", value: v || "" });
      } else if (f.data_type === "datetime") {
        el = h("input", { type: "datetime-local", step: "1", value: isoToLocalDateTime(v) });
      } else if (NUMERIC.has(f.data_type) && f.data_type !== "bigint") {
        el = h("input", { type: "number", step: "any", value: v ?? "" });
      } else {
        el = h("input", { type: "text", value: v ?? "" });
      }
      el.addEventListener("input", changed);
      el.addEventListener("change", changed);
      return el;
    }

    function typed(f, text) {
      if (text === "" || text === null || text === undefined) return "";
      if (f.data_type === "boolean") return text === "true";
      if (NUMERIC.has(f.data_type) && f.data_type !== "bigint") return Number(text);
      if (f.data_type === "datetime") return localDateTimeToIso(text);
      return text;
    }

    fieldSel.addEventListener("change", () => { fillComparators("equal"); fillValue([]); changed(); });
    compSel.addEventListener("change", () => { fillValue([]); changed(); });
    emptyBox.addEventListener("change", () => { valueBox.hidden = emptyBox.checked; changed(); });
    remove.addEventListener("click", () => {
      const list = row.parentElement;
      row.remove();
      list?.querySelector("select, input, button")?.focus();
      changed();
    });

    const initialValues = leaf ? leafValues(leaf.value) : [];
    fillComparators(leaf ? leaf.comparator : "equal");
    if (leaf && (leaf.value === EMPTY || leaf.value === null)) emptyBox.checked = true;
    fillValue(initialValues);
    row.append(fieldSel, compSel, emptyLabel, valueBox, remove);

    row.builder = {
      kind: "condition",
      controls: { field: fieldSel, comparator: compSel, value: valueBox },
      read(path) {
        paths.set(path, row.builder);
        const f = fieldDef();
        const c = compSel.value;
        let value;
        if (emptyBox.checked) value = EMPTY;
        else if ((POSITIVE[c] || c) === "in") {
          const ctl = valueControls[0];
          value = ctl.tagName === "INPUT" ? ctl.value.split(",").map((s) => s.trim()).filter(Boolean).map((s) => typed(f, s))
            : [...ctl.querySelectorAll("input:checked")].map((b) => b.value);
        } else if ((POSITIVE[c] || c) === "between") {
          value = valueControls.map((ctl) => typed(f, ctl.value));
        } else {
          value = typed(f, valueControls[0].value);
        }
        return { comparator: c, field: { api_name: f.api_name }, value };
      },
      focusTarget: (part) => (part === "field" ? fieldSel : part === "comparator" ? compSel : valueControls[0] || valueBox),
    };
    return row;
  }

  // --- a group: and/or over conditions and nested groups
  function group(node, nested) {
    const opSel = h("select", { class: "crit-op", attrs: { "aria-label": "Combine with" } },
      option("and", "all of these (and)", !node || node.group_operator !== "or"),
      option("or", "any of these (or)", node && node.group_operator === "or"));
    const list = h("ol", { class: "crit-list" });
    const addCond = h("button", { type: "button", class: "add-condition" }, "+ Condition");
    const addGroup = h("button", { type: "button", class: "add-group" }, "+ Group");
    const removeGroup = nested ? h("button", { type: "button", class: "link remove" }, "Remove group") : null;
    const box = h(nested ? "li" : "div", { class: ["crit-group", nested ? "nested" : "root"] },
      h("div", { class: "crit-head" }, h("span", null, "Match "), opSel), list,
      h("div", { class: "crit-actions" }, addCond, addGroup, removeGroup));
    opSel.addEventListener("change", changed);
    addCond.addEventListener("click", () => {
      const row = condition(null);
      list.append(row);
      row.querySelector("select").focus();
      changed();
    });
    addGroup.addEventListener("click", () => {
      const g = group(null, true);
      g.querySelector(".crit-list").append(condition(null));
      list.append(g);
      g.querySelector("select").focus();
      changed();
    });
    removeGroup?.addEventListener("click", () => {
      const parent = box.parentElement;
      box.remove();
      parent?.closest(".crit-group")?.querySelector("select")?.focus();
      changed();
    });
    for (const child of node?.group || []) list.append(child.group ? group(child, true) : condition(leafFrom(child)));
    box.builder = {
      kind: "group",
      controls: { group: opSel },
      children: () => [...list.children].map((c) => c.builder),
      read(path) {
        paths.set(path, box.builder);
        const kids = box.builder.children();
        return {
          group_operator: opSel.value,
          group: kids.map((k, i) => k.read(`${path ? path + "." : ""}group[${i}]`)),
        };
      },
      focusTarget: () => opSel,
    };
    return box;
  }

  function leafFrom(node) {
    return { field: node.field?.api_name || node.field, comparator: node.comparator, value: node.value };
  }

  // a single condition at the top becomes a group of one, so "+ Condition" works the same everywhere
  const root = group(criteria && (criteria.group || criteria.group_operator) ? criteria : null, false);
  if (criteria && !criteria.group && !criteria.group_operator) root.querySelector(".crit-list").append(condition(leafFrom(criteria)));

  return {
    element: root,
    read() {
      paths = new Map();
      const kids = root.builder.children();
      if (kids.length === 0) return null;
      if (kids.length === 1 && kids[0].kind === "condition") return kids[0].read("");
      return root.builder.read("");
    },
    /** Shows an error at the condition a path like "group[1].value" names; false when no such condition. */
    showPathError(path, err) {
      const m = /^(.*?)(?:\.?(field|comparator|value|group_operator)(?:\[\d+\])?)?$/.exec(path || "");
      let node = paths.get(m ? m[1] : path);
      let part = m ? m[2] : null;
      let prefix = m ? m[1] : "";
      while (!node && prefix) {
        prefix = prefix.replace(/\.?[^.]*$/, "");
        node = paths.get(prefix);
        part = null;
      }
      if (!node) return false;
      showError(node.focusTarget(part), err);
      return true;
    },
  };
}

function leafValues(value) {
  if (value === EMPTY || value === null || value === undefined) return [];
  return Array.isArray(value) ? value.map((v) => (v === EMPTY ? "" : v)) : [value];
}

/** One line of text for a criteria JSON (for lists). */
export function criteriaText(c) {
  if (!c) return "every record";
  if (c.group) return c.group.map((g) => (g.group ? `(${criteriaText(g)})` : criteriaText(g))).join(` ${c.group_operator} `);
  const v = Array.isArray(c.value) ? c.value.join(", ") : c.value === EMPTY || c.value === null ? "empty" : String(c.value);
  const name = (COMPARATORS.find(([k]) => k === c.comparator) || [null, c.comparator])[1];
  return `${c.field?.api_name || c.field} ${name} ${v}`;
}
