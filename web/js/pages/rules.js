import { get } from "../api.js";
import { h, field, fill } from "../dom.js";
import { time } from "../format.js";
import { badge, heading, loading, schedule, scrollTable, showError, clearError } from "../ui.js";

export async function render(container, { navigate, session }) {
  const list = h("div", null, loading());
  const newId = h("input", { type: "text", id: "new-rule-id", attrs: { pattern: "[A-Za-z0-9_\\-]+" }, placeholder: "my-rule" });
  const create = h("button", { type: "submit" }, "New rule");
  const form = h("form", { class: "inline-form", attrs: { "aria-label": "New rule" } },
    field("New rule file name", newId, { hint: "letters, digits, - and _; becomes rules/<name>.js" }), create);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearError(newId);
    const id = newId.value.trim();
    if (!/^[A-Za-z0-9_-]+$/.test(id)) return void showError(newId, "Use letters, digits, - and _ only.");
    navigate(`#/rules/${id}?new=1`);
  });
  // append() would write a null as the text "null": the form is left out for others instead
  container.append(...[heading("Rules"), session.user.admin ? form : null, list].filter(Boolean));

  const [rules, jobs] = await Promise.all([get("/api/rules"), get("/api/jobs", { per_page: 200 }).catch(() => ({ jobs: [] }))]);
  const lastRun = new Map();
  for (const j of jobs.jobs) if (j.rule_id && !lastRun.has(j.rule_id)) lastRun.set(j.rule_id, j);
  if (!rules.rules.length) return void fill(list, h("p", { class: "empty" }, "No rule files in the rules folder yet."));
  const rows = rules.rules.map((r) => {
    const last = lastRun.get(r.id);
    return h("tr", { dataset: { rule: r.id } },
      h("th", { scope: "row" }, h("a", { href: `#/rules/${r.id}` }, r.id), r.description ? h("div", { class: "sub" }, r.description) : null),
      h("td", null, r.module || "—"),
      h("td", { class: "rule-status" }, badge(r.status), r.problems.map((p) =>
        h("div", { class: "problem" }, `line ${p.line}:${p.column} ${p.message}`))),
      h("td", null, triggers(r)),
      h("td", null, r.run_as || "—"),
      h("td", null, last ? [badge(last.status), " ", h("a", { href: `#/jobs/${last.id}` }, time(last.created_time))] : "never"));
  });
  fill(list, scrollTable(h("table", { class: "list", id: "rules-table" },
    h("caption", { class: "visually-hidden" }, "Rule files"),
    h("thead", null, h("tr", null, ["Rule", "Module", "Status", "Triggers", "Runs as", "Last run"].map((t) => h("th", { scope: "col" }, t)))),
    h("tbody", null, rows)), "Rules"));
}

function triggers(r) {
  if (!r.triggers) return "—";
  const t = ["manual"];
  if (r.triggers.webhook) t.push("webhook");
  if (!r.triggers.schedule) return t.join(", ");
  return [`${t.join(", ")}, `, schedule(r.triggers.schedule),
    r.triggers.next_fire_time ? h("div", { class: "sub next-fire" }, `next ${time(r.triggers.next_fire_time, { seconds: false })}`) : null];
}
