// Search-as-you-type for a field that holds a record id: an owner is picked from the CRM's users by
// name or e-mail, a lookup from its module's records by name. The input keeps the id (what the API
// compares); a native <datalist> suggests ids by name, and the line under it names the chosen one.
import { get } from "./api.js";
import { h, uid, fill } from "./dom.js";

/** The fields a record is known by, in the order Zoho's modules name them. */
const NAME_FIELDS = ["Full_Name", "Account_Name", "Deal_Name", "Product_Name", "Subject", "Name", "Last_Name"];
/** How long typing must pause before the records are searched. */
const SEARCH_DELAY_MS = 250;

let usersOnce = null;

/** The CRM's active users as [{id, label}] (one request per page load). */
function users() {
  usersOnce = usersOnce || get("/crm/v2/users", { type: "ActiveUsers", per_page: 200 })
    .then((b) => (b ? b.users : []).map((u) => ({ id: u.id, label: `${u.full_name || u.email} <${u.email}>` })))
    .catch((e) => { usersOnce = null; throw e; });
  return usersOnce;
}

function recordName(r) {
  for (const f of NAME_FIELDS) {
    const v = r[f];
    if (typeof v === "string" && v) return v;
    if (v && typeof v === "object" && v.name) return v.name;
  }
  return r.id;
}

/** Whether the field takes a record id that a picker can find by name. */
export function pickable(f) {
  return f.data_type === "ownerlookup" || (f.data_type === "lookup" && !!f.lookup?.module);
}

/**
 * A picker for an owner or lookup field: {element, input}. input.value is the id; onChange runs
 * on every change, as for a plain input.
 */
export function idPicker(f, value, onChange) {
  const listId = uid("picks");
  const input = h("input", { type: "text", value: value ?? "", autocomplete: "off", spellcheck: false,
    placeholder: f.data_type === "ownerlookup" ? "type a name or e-mail" : "type a name",
    attrs: { list: listId, inputmode: "search" } });
  const list = h("datalist", { id: listId });
  const named = h("small", { class: "hint picked", attrs: { "aria-live": "polite" } });
  const known = new Map();
  let timer = null;

  function show(options) {
    for (const o of options) known.set(o.id, o.label);
    fill(list, options.map((o) => h("option", { value: o.id }, o.label)));
    name();
  }

  /** Under the input: whom or what the id stands for. */
  function name() {
    const v = input.value.trim();
    named.textContent = !v ? "" : known.has(v) ? known.get(v) : /^[0-9]+$/.test(v) ? "" : "Pick one of the suggestions: the id is what is kept.";
  }

  async function search() {
    const text = input.value.trim();
    try {
      if (f.data_type === "ownerlookup") return show(await users());
      if (text.length < 2 || /^[0-9]+$/.test(text)) return name();
      const body = await get(`/crm/v2/${encodeURIComponent(f.lookup.module)}/search`, { word: text, per_page: 20 });
      show((body ? body.data : []).map((r) => ({ id: r.id, label: recordName(r) })));
    } catch {
      // suggestions are a help: the id can still be typed
      name();
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    name();
    timer = setTimeout(search, f.data_type === "ownerlookup" ? 0 : SEARCH_DELAY_MS);
    onChange();
  });
  input.addEventListener("change", onChange);
  // owners: the whole list at once, so it is there at the first key
  if (f.data_type === "ownerlookup") search();
  return { element: h("span", { class: "id-picker" }, input, list, named), input };
}

const TEXT_TYPES = new Set(["text", "email", "phone", "website"]);

/** Whether existing values of the field are worth suggesting (free text, searchable). */
export function suggestible(f) {
  return TEXT_TYPES.has(f.data_type);
}

/**
 * Suggests the values a text field already holds, as the user types (those starting with the
 * typed text, from the module's records the user may see). Adds a <datalist> after the input;
 * the input stays free text.
 */
export function suggestValues(input, module, f) {
  const list = h("datalist", { id: uid("values") });
  input.setAttribute("list", list.id);
  input.autocomplete = "off";
  input.after(list);
  let timer = null;
  let asked = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const text = input.value.trim();
      if (!text || text === asked) return;
      asked = text;
      const escaped = text.replace(/[\\(),:]/g, (c) => "\\" + c);
      try {
        const body = await get(`/crm/v2/${encodeURIComponent(module)}/search`,
          { criteria: `(${f.api_name}:starts_with:${escaped})`, fields: f.api_name, sort_by: f.api_name, per_page: 200 });
        const values = [...new Set((body ? body.data : []).map((r) => r[f.api_name]).filter((v) => typeof v === "string" && v))].slice(0, 20);
        if (input.value.trim() === text) fill(list, values.map((v) => h("option", { value: v })));
      } catch {
        // suggestions are a help: typing goes on without them
      }
    }, SEARCH_DELAY_MS);
  });
  return list;
}
