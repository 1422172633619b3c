import { get } from "../api.js";
import { h, fill, field, option } from "../dom.js";
import { time } from "../format.js";
import { heading, loading, pager, scrollTable, sectionError } from "../ui.js";
import { replaceQuery } from "../../app.js";

const PER_PAGE = 50;

/** The audit log, newest first, for administrators: filters by actor, kind and dates, pages, and a CSV download of the same selection. */
export async function render(container, { query }) {
  const state = {
    actor: query.get("actor") || "", kind: query.get("kind") || "",
    since: query.get("since") || "", until: query.get("until") || "", page: Number(query.get("page")) || 1,
  };
  const actor = h("input", { id: "audit-actor", type: "search", value: state.actor, placeholder: "e-mail, user id, cli, disk, webhook:rule" });
  const kind = h("select", { id: "audit-kind" }, option("", "any kind"));
  const since = h("input", { id: "audit-since", type: "date", value: state.since });
  const until = h("input", { id: "audit-until", type: "date", value: state.until });
  const csv = h("a", { class: "button", id: "audit-csv", href: "#", title: "For programs: ids as plain digits", attrs: { download: "sweep-audit.csv" } }, "Download CSV");
  // a spreadsheet opening a CSV keeps 15 digits of a 19-digit id; in the workbook every cell is text
  const xlsx = h("a", { class: "button", id: "audit-xlsx", href: "#", title: "For Excel, LibreOffice, Google Sheets: ids keep all their digits",
    attrs: { download: "sweep-audit.xlsx" } }, "Download for spreadsheets");
  const filters = h("form", { class: "filters", attrs: { "aria-label": "Filter the audit log" } },
    field("Who", actor), field("What", kind), field("From", since), field("Before", until));
  const listBox = h("div", { class: "audit-list" }, loading());
  container.append(heading("Audit", xlsx, csv), filters, listBox);

  const change = () => { state.page = 1; load(); };
  actor.addEventListener("change", () => { state.actor = actor.value.trim(); change(); });
  kind.addEventListener("change", () => { state.kind = kind.value; change(); });
  since.addEventListener("change", () => { state.since = since.value; change(); });
  until.addEventListener("change", () => { state.until = until.value; change(); });
  filters.addEventListener("submit", (e) => { e.preventDefault(); state.actor = actor.value.trim(); change(); });

  function params() {
    return { actor: state.actor, kind: state.kind, since: state.since, until: state.until };
  }

  async function load() {
    replaceQuery({ ...params(), page: state.page > 1 ? state.page : null });
    const qs = new URLSearchParams(Object.entries({ ...params(), format: "csv" }).filter(([, v]) => v)).toString();
    csv.href = `/api/audit?${qs}`;
    xlsx.href = `/api/audit?${new URLSearchParams(Object.entries({ ...params(), format: "xlsx" }).filter(([, v]) => v)).toString()}`;
    let body;
    try {
      body = await get("/api/audit", { ...params(), page: state.page, per_page: PER_PAGE });
    } catch (e) {
      sectionError(listBox, e);
      return;
    }
    if (kind.options.length === 1) body.kinds.forEach((k) => kind.append(option(k, k, k === state.kind)));
    if (!body.entries.length) {
      fill(listBox, h("p", { class: "empty" }, state.page > 1 ? "No more entries." : "No entries match."),
        state.page > 1 ? pager({ page: state.page, more: false, go }) : null);
      return;
    }
    fill(listBox, scrollTable(h("table", { class: "list", id: "audit-table" },
      h("caption", { class: "visually-hidden" }, "Audit log, newest first"),
      h("thead", null, h("tr", null, ["When", "Who", "What", "Subject", "Details", "From"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, body.entries.map(row))), "Audit log"),
    pager({ page: state.page, more: body.info.more_records, go, label: "Audit pages" }));
  }

  function go(page) {
    state.page = page;
    load();
  }

  await load();
}

function row(e) {
  return h("tr", { dataset: { kind: e.kind, entry: e.id } },
    h("td", { class: "nowrap" }, time(e.time)),
    h("td", null, e.actor.label),
    h("td", { class: "nowrap" }, e.kind),
    h("td", null, subject(e.subject)),
    h("td", null, details(e.details)),
    h("td", null, e.remote_address || ""));
}

/** A job or a rule links to its page; other subjects are shown as they are. */
function subject(s) {
  if (!s) return "";
  const [type, id] = s.split(":");
  if (type === "job") return h("a", { href: `#/jobs/${id}` }, s);
  if (type === "rule") return h("a", { href: `#/rules/${id}` }, s);
  return s;
}

/** The details as name: value lines; a rule's diff folds away, shown as it is in a pre. */
function details(d) {
  const lines = Object.entries(d || {}).filter(([k]) => k !== "diff")
    .map(([k, v]) => h("div", null, h("span", { class: "hint" }, `${k}: `), typeof v === "string" ? v : JSON.stringify(v)));
  if (d && d.diff) lines.push(h("details", null, h("summary", null, "diff"), h("pre", { class: "audit-diff" }, d.diff)));
  return lines;
}
