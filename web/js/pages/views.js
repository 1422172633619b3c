import { api } from "../api.js";
import { h, fill, field } from "../dom.js";
import { num } from "../format.js";
import { moduleSelect } from "../fields.js";
import { criteriaText } from "../criteria.js";
import { heading, loading, scrollTable, sectionError } from "../ui.js";
import { replaceQuery } from "../../app.js";

export async function render(container, { query, navigate }) {
  const module = await moduleSelect(query.get("module") || "Leads");
  module.id = "views-module";
  const newView = h("a", { class: "button primary", id: "new-view", href: `#/views/new?module=${encodeURIComponent(module.value)}` }, "New view");
  const listBox = h("div", null, loading());
  container.append(heading("Custom views", newView),
    h("form", { class: "filters", attrs: { "aria-label": "Module" }, on: { submit: (e) => e.preventDefault() } }, field("Module", module)),
    listBox);

  async function load() {
    replaceQuery({ module: module.value });
    newView.href = `#/views/new?module=${encodeURIComponent(module.value)}`;
    fill(listBox, loading("Counting records…"));
    let body;
    try {
      body = await api("GET", "/api/views", { query: { module: module.value } });
    } catch (e) {
      fill(listBox);
      return void sectionError(listBox, e);
    }
    if (!body.views.length) return void fill(listBox, h("p", { class: "empty" }, "No views in this module yet."));
    const rows = body.views.map((v) => h("tr", { dataset: { view: v.id } },
      h("th", { scope: "row" }, v.editable ? h("a", { href: `#/views/${v.id}` }, v.name) : v.name,
        v.system_defined ? h("span", { class: "sub" }, " (system)") : null),
      h("td", { class: "criteria-text" }, criteriaText(v.criteria)),
      h("td", null, v.owner ? v.owner.email : "—"),
      h("td", null, v.shared_with_all ? "everyone" : v.shared_with && v.shared_with.length ? v.shared_with.map((u) => u.email).join(", ") : "only the owner"),
      h("td", { class: "num record-count" }, num(v.record_count)),
      h("td", { class: "row-actions" },
        h("a", { href: `#/records?module=${encodeURIComponent(v.module)}&cvid=${v.id}` }, "Records"), " ",
        h("a", { href: `#/mass-update?module=${encodeURIComponent(v.module)}&cvid=${v.id}` }, "Mass update"))));
    fill(listBox, scrollTable(h("table", { class: "list", id: "views-table" },
      h("caption", { class: "visually-hidden" }, `Custom views of ${module.value}`),
      h("thead", null, h("tr", null, ["View", "Criteria", "Owner", "Shared with", "Records", ""].map((t, i) =>
        h("th", { scope: "col", attrs: i === 5 ? { "aria-label": "Actions" } : null }, t)))),
      h("tbody", null, rows)), "Custom views"));
  }

  module.addEventListener("change", load);
  await load();
}
