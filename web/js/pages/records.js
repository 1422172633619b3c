import { get } from "../api.js";
import { h, fill, field, option } from "../dom.js";
import { value as text } from "../format.js";
import { fields as fieldsOf, label, moduleSelect } from "../fields.js";
import { viewsOf } from "../views-data.js";
import { heading, loading, pager, scrollTable, sectionError, showError, clearErrors } from "../ui.js";
import { replaceQuery } from "../../app.js";

const HIDDEN_TYPES = new Set(["textarea", "layout"]);
const OPERATORS = [["starts_with", "starts with"], ["equals", "equals"], ["contains", "contains"], ["ends_with", "ends with"]];

export async function render(container, { query }) {
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
  const allCols = h("input", { type: "checkbox", id: "records-all-columns", checked: st.all });
  const idsNote = h("p", { class: "hint", hidden: !st.ids });
  const box = h("div", { id: "records" }, loading());
  const form = h("form", { class: "filters records-filters", attrs: { "aria-label": "Which records" } },
    field("Module", module), field("Custom view", view), field("Per page", perPage),
    h("fieldset", { class: "control-group search" }, h("legend", null, "Search"),
      field("Field", searchField), field("Operator", searchOp), field("Text", search),
      h("div", { class: "actions" }, searchBtn, clear)),
    h("div", { class: "field switch" }, allCols, h("label", { for: allCols.id }, "All columns")));
  container.append(heading("Records"), form, idsNote, box);

  let fieldList = [];

  async function loadModule() {
    const [fs, vs] = await Promise.all([fieldsOf(st.module), viewsOf(st.module).catch(() => [])]);
    fieldList = fs.filter((f) => f.visible !== false);
    fill(view, option("", "all records"), vs.map((v) => option(v.id, v.name, v.id === st.cvid)));
    const searchable = fieldList.filter((f) => !HIDDEN_TYPES.has(f.data_type) && f.data_type !== "multiselectpicklist");
    fill(searchField, option("", "any text field", !st.searchField),
      searchable.map((f) => option(f.api_name, label(f), f.api_name === st.searchField)));
    searchOp.disabled = !searchField.value;
  }

  function columns() {
    const shown = fieldList.filter((f) => !HIDDEN_TYPES.has(f.data_type));
    return st.all ? shown : shown.slice(0, 8);
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
    idsNote.hidden = !st.ids;
    fill(idsNote, st.ids ? [`Showing record ${st.ids}. `, h("button", { type: "button", class: "link", on: { click: () => { st.ids = ""; load(); } } }, "Show all")] : []);
    view.disabled = !!st.search;
    fill(box, loading());
    const cols = columns();
    const q = { page: st.page, per_page: st.perPage, fields: cols.map((f) => f.api_name).join(","), sort_by: st.sortBy, sort_order: st.sortBy ? st.sortOrder : null };
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
    if (!body) {
      return void fill(box, h("p", { class: "empty", id: "records-empty" }, st.page > 1 ? "No more records." : "No records match."),
        st.page > 1 ? pager({ page: st.page, more: false, go, label: "Record pages" }) : null);
    }
    const head = h("tr", null, h("th", { scope: "col" }, "Id"), cols.map((f) => sortHeader(f)));
    const rows = body.data.map((r) => h("tr", { dataset: { record: r.id } },
      h("th", { scope: "row" }, h("a", { href: `#/records/${encodeURIComponent(st.module)}/${r.id}` }, r.id)),
      cols.map((f) => h("td", { class: f.data_type }, text(r[f.api_name])))));
    fill(box, scrollTable(h("table", { class: "list records", id: "records-table" },
      h("caption", { class: "visually-hidden" }, `${st.module} records, page ${st.page}`),
      h("thead", null, head), h("tbody", null, rows)), `${st.module} records`),
    pager({ page: st.page, more: body.info.more_records, go, label: "Record pages" }));
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
    search.value = "";
    await loadModule();
    load();
  });
  view.addEventListener("change", () => { st.cvid = view.value; st.page = 1; load(); });
  searchField.addEventListener("change", () => { searchOp.disabled = !searchField.value; });
  perPage.addEventListener("change", () => { st.perPage = Number(perPage.value); st.page = 1; load(); });
  allCols.addEventListener("change", () => { st.all = allCols.checked; load(); });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    Object.assign(st, { search: search.value.trim(), searchField: searchField.value, searchOp: searchOp.value, page: 1, ids: "" });
    load();
  });
  clear.addEventListener("click", () => { search.value = ""; st.search = ""; st.page = 1; load(); });

  await loadModule();
  await load();
}
