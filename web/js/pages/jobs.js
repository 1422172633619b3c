import { get } from "../api.js";
import { h, fill, field, option } from "../dom.js";
import { num, time, duration, jobWho, moduleName } from "../format.js";
import { modules } from "../fields.js";
import { badge, heading, jobProgress, jobTrigger, updateJobProgress, loading, pager, scrollTable, sectionError } from "../ui.js";
import { replaceQuery } from "../../app.js";

const STATUSES = ["", "SCHEDULED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"];
const PER_PAGE = 50;
const POLL_MS = 1500;

export async function render(container, { query }) {
  const state = { status: query.get("status") || "", module: query.get("module") || "", page: Number(query.get("page")) || 1 };
  const status = h("select", { id: "jobs-status" }, STATUSES.map((s) => option(s, s ? s.toLowerCase() : "any status", s === state.status)));
  const module = h("select", { id: "jobs-module" }, option("", "any module"));
  (await modules()).forEach((m) => module.append(option(m.api_name, m.plural_label || m.api_name, m.api_name === state.module)));
  const filters = h("form", { class: "filters", attrs: { "aria-label": "Filter jobs" } }, field("Status", status), field("Module", module));
  const listBox = h("div", { class: "jobs-list" }, loading());
  container.append(heading("Jobs", h("a", { href: "#/mass-update", class: "button" }, "New mass update")), filters, listBox);

  let rows = new Map();
  let timer = null;
  let stopped = false;

  const change = () => { state.page = 1; load(); };
  status.addEventListener("change", () => { state.status = status.value; change(); });
  module.addEventListener("change", () => { state.module = module.value; change(); });
  filters.addEventListener("submit", (e) => e.preventDefault());

  async function load() {
    clearTimeout(timer);
    replaceQuery({ status: state.status, module: state.module, page: state.page > 1 ? state.page : null });
    let body;
    try {
      body = await get("/api/jobs", { status: state.status.toLowerCase(), module: state.module, page: state.page, per_page: PER_PAGE });
    } catch (e) {
      sectionError(listBox, e);
      return;
    }
    if (stopped) return;
    rows = new Map();
    if (!body.jobs.length) {
      fill(listBox, h("p", { class: "empty" }, state.page > 1 ? "No more jobs." : "No jobs yet."),
        state.page > 1 ? pager({ page: state.page, more: false, go }) : null);
    } else {
      const tbody = h("tbody", null, body.jobs.map((j) => row(j)));
      fill(listBox, scrollTable(h("table", { class: "list", id: "jobs-table" },
        h("caption", { class: "visually-hidden" }, "Jobs, newest first"),
        h("thead", null, h("tr", null, ["Job", "Status", "Module", "Trigger", "Who", "Updated / failed / skipped / not reached", "Progress", "Created", "Duration"]
          .map((t, i) => h("th", { scope: "col", class: i === 5 ? "wrap" : null }, t)))),
        tbody), "Jobs"), pager({ page: state.page, more: body.info.more_records, go, label: "Job pages" }));
    }
    schedulePoll(body.jobs);
  }

  function go(page) {
    state.page = page;
    load();
  }

  function row(j) {
    const cells = {
      status: h("td", null, badge(j.status)),
      counts: h("td", { class: "num counts-cell" }, counts(j)),
      progress: jobProgress(j),
      duration: h("td", null, duration(j.duration_ms)),
    };
    const tr = h("tr", { dataset: { job: j.id, status: j.status } },
      h("th", { scope: "row" }, h("a", { href: `#/jobs/${j.id}` }, j.id)),
      cells.status, h("td", { title: j.module }, moduleName(j)), h("td", { class: "job-trigger" }, jobTrigger(j)),
      h("td", { class: "job-who" }, jobWho(j)),
      cells.counts, h("td", { class: "progress-cell" }, cells.progress),
      h("td", { class: "time" }, time(j.created_time)), cells.duration);
    rows.set(j.id, { tr, cells });
    return tr;
  }

  function update(j) {
    const r = rows.get(j.id);
    if (!r) return;
    r.tr.dataset.status = j.status;
    fill(r.cells.status, badge(j.status));
    fill(r.cells.counts, counts(j));
    r.cells.duration.textContent = duration(j.duration_ms);
    updateJobProgress(r.cells.progress, j);
  }

  /** While a listed job is active, re-reads the page quietly and updates the rows in place. */
  function schedulePoll(jobs) {
    if (stopped || !jobs.some((j) => j.status === "SCHEDULED" || j.status === "RUNNING")) return;
    timer = setTimeout(async () => {
      try {
        const body = await get("/api/jobs", { status: state.status.toLowerCase(), module: state.module, page: state.page, per_page: PER_PAGE });
        if (stopped) return;
        if (body.jobs.some((j) => !rows.has(j.id))) return void load();
        body.jobs.forEach(update);
        schedulePoll(body.jobs);
      } catch {
        schedulePoll(jobs);
      }
    }, POLL_MS);
  }

  await load();
  return () => { stopped = true; clearTimeout(timer); };
}

function counts(j) {
  return [h("span", { class: "n-updated", title: "updated" }, num(j.Updated_Count)), " / ",
    h("span", { class: "n-failed", title: "failed" }, num(j.Failed_Count)), " / ",
    h("span", { class: "n-skipped", title: "skipped" }, num(j.skipped_count)), " / ",
    h("span", { class: "n-not-reached", title: "not reached" }, num(j.not_reached_count))];
}
