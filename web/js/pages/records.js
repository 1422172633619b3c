import { get, post } from "../api.js";
import { h, fill, field, option } from "../dom.js";
import { num, value as text } from "../format.js";
import { fields as fieldsOf, label, moduleSelect } from "../fields.js";
import { viewsOf } from "../views-data.js";
import { heading, loading, pager, scrollTable, sectionError, showError, clearErrors } from "../ui.js";
import { replaceQuery } from "../../app.js";
import { columnChoice } from "../columns.js";

const HIDDEN_TYPES = new Set(["textarea", "layout"]);
const OPERATORS = [["starts_with", "starts with"], ["equals", "equals"], ["contains", "contains"], ["ends_with", "ends with"]];
/** A mass update by ids takes at most this many (the API's limit); more go through a custom view. */
const MAX_IDS = 500;
/** The search's operator as the custom views' criteria name it (for counting what a search finds). */
const COMPARATOR = { starts_with: "starts_with", equals: "equal", contains: "contains", ends_with: "ends_with" };

export async function render(container, { query, navigate, session }) {
  const st = {
    module: query.get("module") || "Leads",
    cvid: query.get("cvid") || "",
    ids: query.get("ids") || "",
    page: Number(query.get("page")) || 1,
    perPage: Number(query.get("per_page")) || 50,
    sortBy: query.get("sort_by") || "",
    sortOrder: query.get("sort_order") || "asc",
    searchField: query.get("search_field") || "",
    searchOp: query.get("search_op") || "starts_with",
    search: query.get("search") || "",
    all: query.get("all") === "1",
  };
  const module = await moduleSelect(st.module);
  module.id = "records-module";
  const view = h("select", { id: "records-view" });
  const perPage = h("select", { id: "records-per-page" }, [20, 50, 100, 200].map((n) => option(String(n), String(n), n === st.perPage)));
  const searchField = h("select", { id: "records-search-field" });
  const searchOp = h("select", { id: "records-search-op" }, OPERATORS.map(([v, t]) => option(v, t, v === st.searchOp)));
  const search = h("input", { type: "search", id: "records-search", value: st.search });
  const searchBtn = h("button", { type: "submit", id: "records-search-go" }, "Search");
  const clear = h("button", { type: "button", id: "records-search-clear" }, "Clear");
  const columnsBox = h("details", { class: "columns-menu", id: "records-columns" }, h("summary", null, "Columns"));
  const idsNote = h("p", { class: "hint", hidden: !st.ids });
  const box = h("div", { id: "records" }, loading());
  const form = h("form", { class: "filters records-filters", attrs: { "aria-label": "Which records" } },
    field("Module", module), field("Custom view", view), field("Per page", perPage),
    h("fieldset", { class: "control-group search" }, h("legend", null, "Search"),
      field("Field", searchField), field("Operator", searchOp), field("Text", search),
      h("div", { class: "actions" }, searchBtn, clear)),
    columnsBox);
  const selectionBar = h("div", { class: "selection-bar toolbar", id: "records-selection", attrs: { "aria-live": "polite" } });
  container.append(heading("Records"), form, idsNote, selectionBar, box);

  let fieldList = [];
  // ids ticked on any page of the current module; kept while paging, sorting and filtering
  const selected = new Set();
  let choice = null;
  let total = null;

  async function loadModule() {
    const [fs, vs] = await Promise.all([fieldsOf(st.module), viewsOf(st.module).catch(() => [])]);
    fieldList = fs.filter((f) => f.visible !== false);
    choice = columnChoice(session.user.id, st.module);
    renderColumnsMenu();
    fill(view, option("", "all records"), vs.map((v) => option(v.id, v.name, v.id === st.cvid)));
    const searchable = fieldList.filter((f) => !HIDDEN_TYPES.has(f.data_type) && f.data_type !== "multiselectpicklist");
    fill(searchField, option("", "any text field", !st.searchField),
      searchable.map((f) => option(f.api_name, label(f), f.api_name === st.searchField)));
    searchOp.disabled = !searchField.value;
  }

  function columns() {
    const shown = fieldList.filter((f) => !HIDDEN_TYPES.has(f.data_type));
    if (st.all) return shown;
    const chosen = choice.get();
    return chosen ? shown.filter((f) => chosen.includes(f.api_name)) : shown.slice(0, 8);
  }

  /** The column chooser: a box per field; the choice is kept in this browser per user and module. */
  function renderColumnsMenu() {
    const shown = fieldList.filter((f) => !HIDDEN_TYPES.has(f.data_type));
    const current = new Set(columns().map((f) => f.api_name));
    const boxes = shown.map((f) => {
      const box = h("input", { type: "checkbox", checked: current.has(f.api_name), dataset: { field: f.api_name } });
      return h("label", { class: "check" }, box, " ", label(f));
    });
    const pick = (names) => { st.all = false; choice.set(names); renderColumnsMenu(); load(); };
    const list = h("div", { class: "columns-list" }, boxes);
    list.addEventListener("change", () => pick([...list.querySelectorAll("input:checked")].map((b) => b.dataset.field)));
    fill(columnsBox, h("summary", null, "Columns"), list, h("div", { class: "actions" },
      h("button", { type: "button", id: "records-columns-all", on: { click: () => pick(shown.map((f) => f.api_name)) } }, "All"),
      h("button", { type: "button", id: "records-columns-reset", on: { click: () => { st.all = false; choice.clear(); renderColumnsMenu(); load(); } } }, "First eight")));
  }

  /** How many records the filter finds, or null when that cannot be counted (a search for a word). */
  async function countAll() {
    try {
      if (st.ids) return st.ids.split(",").filter(Boolean).length;
      if (st.search && !st.searchField) return null;
      if (st.search) {
        const criteria = { field: { api_name: st.searchField }, comparator: COMPARATOR[st.searchOp], value: st.search };
        return (await post("/api/views/count", { module: st.module, criteria })).record_count;
      }
      if (st.cvid) return (await get(`/api/views/${encodeURIComponent(st.cvid)}`)).view.record_count ?? null;
      return (await post("/api/views/count", { module: st.module, criteria: null })).record_count;
    } catch {
      // the count is a convenience: the records show without it
      return null;
    }
  }

  function renderSelection() {
    const n = selected.size;
    const tooMany = n > MAX_IDS;
    const massUpdate = h("button", { type: "button", class: "primary", id: "records-mass-update", disabled: n === 0 || tooMany,
      on: { click: () => navigate(`#/mass-update?module=${encodeURIComponent(st.module)}&ids=${[...selected].join(",")}`) } },
    n ? `Mass update these ${num(n)}` : "Mass update these");
    const viewLink = st.cvid && !st.search && !st.ids
      ? h("a", { href: `#/mass-update?module=${encodeURIComponent(st.module)}&cvid=${encodeURIComponent(st.cvid)}`, id: "records-mass-update-view" },
        total === null ? "Mass update every record of this view" : `Mass update all ${num(total)} records of this view`)
      : null;
    fill(selectionBar,
      h("span", { id: "records-selected-count", dataset: { count: n } }, n ? `${num(n)} selected` : "Tick records to mass update them."),
      massUpdate,
      n ? h("button", { type: "button", class: "link", id: "records-clear-selection", on: { click: () => {
        selected.clear();
        box.querySelectorAll("input.select-row, input.select-page").forEach((b) => { b.checked = false; b.indeterminate = false; });
        renderSelection();
      } } }, "Clear the selection") : null,
      tooMany ? h("span", { class: "hint" }, ` A mass update by ids takes up to ${num(MAX_IDS)} records; for more, use a custom view.`) : null,
      viewLink);
  }

  function criteria() {
    const escaped = st.search.replace(/[\\(),:]/g, (c) => "\\" + c);
    return `(${st.searchField}:${st.searchOp}:${escaped})`;
  }

  async function load() {
    clearErrors(form);
    replaceQuery({
      module: st.module, cvid: st.cvid, ids: st.ids, page: st.page > 1 ? st.page : null, per_page: st.perPage !== 50 ? st.perPage : null,
      sort_by: st.sortBy, sort_order: st.sortBy ? st.sortOrder : null, search: st.search,
      search_field: st.search ? st.searchField : null, search_op: st.search && st.searchField ? st.searchOp : null, all: st.all ? "1" : null,
    });
    renderSelection();
    idsNote.hidden = !st.ids;
    fill(idsNote, st.ids ? [`Showing record ${st.ids}. `, h("button", { type: "button", class: "link", on: { click: () => { st.ids = ""; load(); } } }, "Show all")] : []);
    view.disabled = !!st.search;
    fill(box, loading());
    const cols = columns();
    const q = { page: st.page, per_page: st.perPage, fields: cols.map((f) => f.api_name).join(","), sort_by: st.sortBy, sort_order: st.sortBy ? st.sortOrder : null };
    const counting = countAll();
    let body;
    try {
      if (st.search && !st.searchField) body = await get(`/crm/v2/${encodeURIComponent(st.module)}/search`, { ...q, word: st.search });
      else if (st.search) body = await get(`/crm/v2/${encodeURIComponent(st.module)}/search`, { ...q, criteria: criteria() });
      else body = await get(`/crm/v2/${encodeURIComponent(st.module)}`, { ...q, cvid: st.cvid, ids: st.ids });
    } catch (e) {
      fill(box);
      const d = e.details || {};
      if (st.search && (e.code === "INVALID_QUERY" || d.api_name || d.param_name === "word")) return void showError(search, e);
      if (d.param_name === "sort_by") { st.sortBy = ""; }
      if (e.message === "Customview not accessible" || d.cvid) return void showError(view, e);
      return void sectionError(box, e);
    }
    total = await counting;
    renderSelection();
    const pages = total === null ? null : Math.max(1, Math.ceil(total / st.perPage));
    const totalLine = total === null ? null
      : h("p", { class: "hint records-total", id: "records-total", dataset: { total } }, `${num(total)} ${total === 1 ? "record" : "records"}`);
    if (!body) {
      return void fill(box, totalLine, h("p", { class: "empty", id: "records-empty" }, st.page > 1 ? "No more records." : "No records match."),
        st.page > 1 ? pager({ page: st.page, pages, more: false, go, label: "Record pages" }) : null);
    }
    const pageBox = h("input", { type: "checkbox", class: "select-page", id: "records-select-page",
      attrs: { "aria-label": "Select every record on this page" } });
    const rowBoxes = [];
    const syncPageBox = () => {
      const ticked = rowBoxes.filter((b) => b.checked).length;
      pageBox.checked = ticked > 0 && ticked === rowBoxes.length;
      pageBox.indeterminate = ticked > 0 && ticked < rowBoxes.length;
    };
    const head = h("tr", null, h("th", { scope: "col", class: "select" }, pageBox), h("th", { scope: "col" }, "Id"), cols.map((f) => sortHeader(f)));
    const rows = body.data.map((r) => {
      const tick = h("input", { type: "checkbox", class: "select-row", checked: selected.has(r.id), dataset: { record: r.id },
        attrs: { "aria-label": `Select record ${r.id}` } });
      rowBoxes.push(tick);
      tick.addEventListener("change", () => {
        if (tick.checked) selected.add(r.id);
        else selected.delete(r.id);
        syncPageBox();
        renderSelection();
      });
      return h("tr", { dataset: { record: r.id } },
        h("td", { class: "select" }, tick),
        h("th", { scope: "row" }, h("a", { href: `#/records/${encodeURIComponent(st.module)}/${r.id}` }, r.id)),
        cols.map((f) => h("td", { class: f.data_type }, text(r[f.api_name], f.data_type))));
    });
    pageBox.addEventListener("change", () => {
      for (const b of rowBoxes) {
        b.checked = pageBox.checked;
        if (pageBox.checked) selected.add(b.dataset.record);
        else selected.delete(b.dataset.record);
      }
      syncPageBox();
      renderSelection();
    });
    syncPageBox();
    fill(box, totalLine, scrollTable(h("table", { class: "list records", id: "records-table" },
      h("caption", { class: "visually-hidden" }, `${st.module} records, page ${st.page}`),
      h("thead", null, head), h("tbody", null, rows)), `${st.module} records`),
    pager({ page: st.page, pages, more: body.info.more_records, go, label: "Record pages" }));
  }

  function sortHeader(f) {
    const sorted = st.sortBy === f.api_name;
    const sortable = f.data_type !== "multiselectpicklist";
    const th = h("th", { scope: "col", attrs: { "aria-sort": sorted ? (st.sortOrder === "desc" ? "descending" : "ascending") : null } },
      sortable ? h("button", { type: "button", class: "sort", on: { click: () => {
        if (sorted) st.sortOrder = st.sortOrder === "asc" ? "desc" : "asc";
        else { st.sortBy = f.api_name; st.sortOrder = "asc"; }
        st.page = 1;
        load();
      } } }, label(f), h("span", { class: "sort-mark", attrs: { "aria-hidden": "true" } }, sorted ? (st.sortOrder === "desc" ? " ▼" : " ▲") : "")) : label(f));
    return th;
  }

  function go(page) {
    st.page = page;
    load();
  }

  module.addEventListener("change", async () => {
    Object.assign(st, { module: module.value, cvid: "", ids: "", page: 1, sortBy: "", search: "", searchField: "" });
    selected.clear();
    search.value = "";
    await loadModule();
    load();
  });
  view.addEventListener("change", () => { st.cvid = view.value; st.page = 1; load(); });
  searchField.addEventListener("change", () => { searchOp.disabled = !searchField.value; });
  perPage.addEventListener("change", () => { st.perPage = Number(perPage.value); st.page = 1; load(); });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    Object.assign(st, { search: search.value.trim(), searchField: searchField.value, searchOp: searchOp.value, page: 1, ids: "" });
    load();
  });
  clear.addEventListener("click", () => { search.value = ""; st.search = ""; st.page = 1; load(); });

  await loadModule();
  await load();
}
