// A dry run's answer (mass update or rule preview): selected count, the error a real run would
// answer, and the sample's field-by-field old → new or why a record would fail.
import { h, fill } from "./dom.js";
import { num, changeValue } from "./format.js";
import { errorText, scrollTable, sentence } from "./ui.js";

// A rule's preview (`whole`) counts the selection beyond its sample: "counted N of M", changes first.
export function renderPreview(container, p, { module, whole = false } = {}) {
  const sampled = p.sample.length;
  const counts = `${num(p.would_update)} would update, ${num(p.would_fail)} would fail, ${num(p.would_skip)} unchanged`;
  const summary = h("p", { class: "preview-summary", attrs: { role: "status" } },
    h("strong", { class: "selected-count", dataset: { count: p.selected } }, `${num(p.selected)} records selected`),
    whole ? h("span", { class: "counted", dataset: { counted: p.counted } },
      ` · counted ${num(p.counted)} of ${num(p.selected)}${p.counted < p.selected ? " (its time ran out; the counts cover those)" : ""}: ${counts}`)
      : sampled ? ` · first ${num(sampled)}: ${counts}` : "");
  const parts = [summary];
  if (whole && p.not_selected && p.not_selected.length) {
    parts.push(h("p", { class: "hint", id: "preview-not-selected" }, `Not in the rule's selection: ${p.not_selected.join(", ")}`));
  }
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
      h("caption", null, whole ? `Preview: ${num(sampled)} records, those that would change first; nothing written`
        : `Dry run: the first ${num(sampled)} records, nothing written`),
      h("thead", null, h("tr", null, ["Record", "Field", "Old", "", "New", "Outcome"].map((t, i) =>
        h("th", { scope: "col", attrs: i === 3 ? { "aria-label": "becomes" } : null }, t)))),
      h("tbody", null, rows));
    parts.push(scrollTable(table, "Dry run"));
  }
  if (whole && typeof p.log === "string") {
    parts.push(h("h3", null, "What the script logged"),
      p.log ? h("pre", { class: "log", id: "preview-log" }, p.log) : h("p", { class: "hint", id: "preview-log-empty" }, "Nothing."));
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
