// A dry run's answer (mass update or rule preview): selected count, the error a real run would
// answer, and the sample's field-by-field old → new or why a record would fail.
import { h, fill } from "./dom.js";
import { num, changeValue } from "./format.js";
import { errorText, scrollTable, sentence } from "./ui.js";

export function renderPreview(container, p, { module } = {}) {
  const sampled = p.sample.length;
  const summary = h("p", { class: "preview-summary", attrs: { role: "status" } },
    h("strong", { class: "selected-count", dataset: { count: p.selected } }, `${num(p.selected)} records selected`),
    sampled ? ` · first ${num(sampled)}: ${num(p.would_update)} would update, ${num(p.would_fail)} would fail, ${num(p.would_skip)} unchanged` : "");
  const parts = [summary];
  if (p.error) {
    parts.push(h("p", { class: "error preview-error", attrs: { role: "alert" } },
      `A run would answer: ${errorText(p.error)}${p.error.http_status ? ` (HTTP ${p.error.http_status})` : ""}`));
  }
  if (sampled) {
    const rows = [];
    for (const s of p.sample) {
      const reason = s.outcome === "fail" ? sentence(s.message || "failed") : s.outcome === "skip" ? (s.message || "nothing to change") : "";
      const changes = s.changes.length ? s.changes : [null];
      changes.forEach((c, i) => {
        rows.push(h("tr", { class: `outcome-${s.outcome}`, dataset: { record: s.id } },
          i === 0 ? h("td", { attrs: { rowspan: changes.length } }, recordLink(module, s.id)) : null,
          h("td", null, c ? c.field : "—"),
          h("td", { class: "old" }, c ? changeValue(c.old) : ""),
          h("td", { class: "arrow", attrs: { "aria-hidden": "true" } }, c ? "→" : ""),
          h("td", { class: "new" }, c ? changeValue(c.new) : ""),
          i === 0 ? h("td", { attrs: { rowspan: changes.length } }, outcomeLabel(s.outcome), reason ? h("span", { class: "reason", title: s.code ? `Error code: ${s.code}` : null }, " ", reason) : null) : null));
      });
    }
    const table = h("table", { class: "diff" },
      h("caption", null, `Dry run: the first ${num(sampled)} records, nothing written`),
      h("thead", null, h("tr", null, ["Record", "Field", "Old", "", "New", "Outcome"].map((t, i) =>
        h("th", { scope: "col", attrs: i === 3 ? { "aria-label": "becomes" } : null }, t)))),
      h("tbody", null, rows));
    parts.push(scrollTable(table, "Dry run"));
  }
  fill(container, ...parts);
}

function outcomeLabel(outcome) {
  const text = { update: "would update", fail: "would fail", skip: "unchanged" }[outcome] || outcome;
  return h("span", { class: ["badge", `badge-${outcome}`] }, text);
}

function recordLink(module, id) {
  return module ? h("a", { href: `#/records?module=${encodeURIComponent(module)}&ids=${encodeURIComponent(id)}` }, id) : id;
}
