import { api, get } from "../api.js";
import { h, fill, field, option } from "../dom.js";
import { num, time, duration, rate, changeValue, jobWho, moduleName, unchanged } from "../format.js";
import { throughputChart } from "../chart.js";
import { createEditor } from "../editor.js";
import {
  badge, busy, clearErrors, confirmDialog, heading, jobFigures, jobProgress, jobTrigger, updateJobProgress, loading, notify, pager,
  scrollTable, sectionError, showError,
} from "../ui.js";

const RESULT_STATUSES = ["", "updated", "failed", "skipped", "pending"];
const PER_PAGE = 50;
const active = (j) => j.status === "SCHEDULED" || j.status === "RUNNING";

export async function render(container, { params: [id], query, navigate }) {
  let job = await get(`/api/jobs/${id}`);
  const results = { status: query.get("status") || "", page: 1 };

  const statusBadge = h("span", { id: "job-status" });
  const progress = jobProgress(job);
  progress.id = "job-progress";
  const counts = h("dl", { class: "counts", id: "job-counts" });
  const meta = h("dl", { class: "meta" });
  const canvas = h("canvas", { class: "chart", id: "job-chart", width: 600, height: 160,
    attrs: { role: "img", "aria-label": "Throughput over time" } }, "Throughput over time");
  const chartNote = h("p", { class: "hint", id: "job-chart-note" });
  const chart = throughputChart(canvas);
  const cancel = h("button", { type: "button", id: "job-cancel", class: "danger" }, "Cancel job");
  const undo = h("button", { type: "button", id: "job-undo" }, "Undo…");
  const undone = h("p", { class: "hint", id: "job-undone", hidden: true });
  const cancelled = h("p", { class: "notice-inline", id: "job-cancelled", hidden: true, attrs: { role: "status" } });
  const actions = h("div", { class: "actions toolbar" }, cancel, undo, undone);
  const message = h("p", { class: "job-message", hidden: true });

  const resultsFilter = h("select", { id: "results-status" }, RESULT_STATUSES.map((s) => option(s, s || "all", s === results.status)));
  const csv = h("a", { class: "button", id: "download-csv", href: "#", title: "For programs: ids as plain digits" }, "Download CSV");
  // a spreadsheet opening a CSV keeps 15 digits of a 19-digit id; in the workbook every cell is text
  const xlsx = h("a", { class: "button", id: "download-xlsx", href: "#", title: "For Excel, LibreOffice, Google Sheets: ids keep all their digits" }, "Download for spreadsheets");
  const json = h("a", { class: "button", id: "download-json", href: "#" }, "Download JSON");
  const refresh = h("button", { type: "button", id: "results-refresh" }, "Refresh");
  const resultsBox = h("div", { id: "results" });

  container.append(
    heading(`Job ${id}`, h("a", { href: "#/jobs", class: "button" }, "All jobs")),
    h("section", { class: "job-summary", attrs: { "aria-label": "Status" } },
      h("div", { class: "status-line" }, statusBadge, progress), message, counts, actions, cancelled),
    h("div", { class: "two-col" },
      h("section", { attrs: { "aria-labelledby": "chart-h" } }, h("h2", { id: "chart-h" }, "Throughput"), canvas, chartNote),
      h("section", { attrs: { "aria-labelledby": "details-h" } }, h("h2", { id: "details-h" }, "Details"), meta)),
    // the rule exactly as this job ran it, and what its script logged: read once, not on every progress event
    ...ruleDetails(job),
    h("section", { attrs: { "aria-labelledby": "results-h" } },
      h("h2", { id: "results-h" }, "Results"),
      h("div", { class: "filters" }, field("Show", resultsFilter), h("div", { class: "actions" }, refresh, xlsx, csv, json)),
      resultsBox));

  let sourceEditor = null;
  function ruleDetails(j) {
    const parts = [];
    if (j.rule_source != null) {
      // the read-only editor is made on first opening: CodeMirror measures nothing inside a closed <details>
      const box = h("div", { class: "editor", id: "job-rule-editor" });
      const details = h("details", { id: "job-rule-source" },
        h("summary", {}, `Rule ${j.rule_id} as this job ran it`, j.rule_version ? ` (version ${j.rule_version.slice(0, 12)})` : ""), box);
      details.addEventListener("toggle", () => {
        if (details.open && !sourceEditor) {
          sourceEditor = createEditor(box, { source: j.rule_source, label: `Source of rule ${j.rule_id} as job ${id} ran it`, readOnly: true });
        }
      });
      parts.push(details);
    }
    // the library files the rule imported, as this job ran them
    for (const [name, source] of Object.entries(j.rule_libraries || {})) {
      const box = h("div", { class: "editor" });
      const details = h("details", { class: "job-rule-library" }, h("summary", {}, `Library lib/${name} as this job ran it`), box);
      let editor = null;
      details.addEventListener("toggle", () => {
        if (details.open && !editor) {
          editor = createEditor(box, { source, label: `Source of library lib/${name} as job ${id} ran it`, readOnly: true });
        }
      });
      parts.push(details);
    }
    if (j.rule_id) {
      parts.push(h("details", { id: "job-log" }, h("summary", {}, j.log ? "Script log" : "Script log (empty)"),
        h("pre", { class: "code" }, j.log || "The script logged nothing.")));
    }
    return parts;
  }

  function show(j) {
    job = j;
    fill(statusBadge, badge(j.status));
    updateJobProgress(progress, j);
    // every figure below comes from this one snapshot j; "not updated" is split into what the job
    // reached and left alone (skipped) and what it has not reached (yet, or ever for an ended job)
    fill(counts,
      count("Updated", j.Updated_Count, "updated"), count("Failed", j.Failed_Count, "failed"),
      count("Skipped", j.skipped_count, "skipped"),
      count(active(j) ? "Not reached yet" : "Not reached", j.not_reached_count, "not-reached"),
      count("Total", j.Total_Count, "total"));
    message.hidden = !j.message;
    message.textContent = j.message || "";
    fill(meta,
      term("Module", moduleName(j)), term("What", jobTrigger(j)), term("Who", jobWho(j)),
      j.dry_run ? term("Dry run", h("span", { id: "job-dry-run" }, "yes: no record was written; the counts and results are what a run would do")) : null,
      j.rule_version ? term("Rule version", j.rule_version.slice(0, 12)) : null,
      j.parameters ? term("Parameters", JSON.stringify(j.parameters)) : null,
      j.request ? term("Request", JSON.stringify(j.request)) : null,
      term("Created", time(j.created_time)), term("Started", time(j.start_time)), term("Ended", time(j.end_time)),
      term("Duration", duration(j.duration_ms)), term("Rate", rate(j.records_per_second)),
      j.script_ms !== undefined ? term("Script time", scriptTime(j.script_ms)) : null,
      term("Chunks", `${num(j.chunks?.done)} of ${num(j.chunks?.total)}`));
    cancel.hidden = !active(j);
    // Undo only where the server would start one: ended, something updated, not undone already,
    // results still kept, and not for a dry run, which changed nothing.
    // After an undo that left something (a conflict, a failure, fields not chosen) it is "Retry undo"
    const earlier = (j.undos || []).filter((u) => u !== j.undone_by);
    undo.hidden = active(j) || j.dry_run || !(j.Updated_Count > 0) || Boolean(j.undone_by) || Boolean(j.results_purged_at);
    undo.textContent = earlier.length && !j.undone_by ? "Retry undo…" : "Undo…";
    undone.hidden = !j.undone_by && !earlier.length && !j.results_purged_at;
    fill(undone,
      j.undone_by ? ["Undone by ", jobLink(j.undone_by), ". "] : null,
      earlier.length ? [j.undone_by ? "Earlier undos: " : "Undone in part by ",
        earlier.map((u, i) => [i ? ", " : "", jobLink(u)]),
        j.undone_by ? "." : "; what they left (conflicts, failures, fields not chosen) can be undone again. "] : null,
      j.results_purged_at ? `Its per-record results were removed on ${time(j.results_purged_at)} (history retention); it can no longer be undone.` : null);
    csv.href = downloadHref("csv");
    xlsx.href = downloadHref("xlsx");
    json.href = downloadHref("json");
    json.download = `job-${id}-results.json`;
    canvas.setAttribute("aria-label", chartLabel(j));
  }

  function downloadHref(format) {
    const q = new URLSearchParams({ format });
    if (results.status) q.set("status", results.status);
    return `/api/jobs/${id}/results?${q}`;
  }

  function chartLabel(j) {
    const pts = chart.points;
    if (!pts.length) return `Throughput: average ${rate(j.records_per_second)}`;
    const peak = Math.max(...pts.map((p) => p.rate));
    return `Throughput over ${Math.round(pts[pts.length - 1].t)} s: latest ${rate(pts[pts.length - 1].rate)}, peak ${rate(peak)}`;
  }

  // --- live progress: server-sent events, with a quiet poll if the stream cannot be had
  let source = null;
  let pollTimer = null;
  let stopped = false;
  let last = null;
  const t0 = performance.now();

  function sample(j) {
    const done = jobFigures(j).processed;
    const now = performance.now();
    const running = j.status === "RUNNING";
    // the end event after the last progress adds nothing new: no point for it
    if (running || (last && last.status === "RUNNING" && done !== last.done)) {
      const r = last && now > last.at ? ((done - last.done) * 1000) / (now - last.at) : j.records_per_second || 0;
      chart.add((now - t0) / 1000, r);
    }
    if (chart.points.length) {
      chartNote.textContent = `Records per second while this page watched the job; average ${running ? "so far" : "over the run"} ${rate(j.records_per_second)}.`;
    }
    last = { done, at: now, status: j.status };
  }

  let finished = false;
  function onJob(j, ended) {
    if (stopped || finished) return;
    sample(j);
    show(j);
    if (ended) {
      finished = true;
      stopLive();
      if (!chart.points.length) summarizeEnded(j);
      loadResults();
      notify(`Job ${id} ${j.status.toLowerCase()}`);
    }
  }

  /** For a job that ended before this page saw it run: what it did, on average. */
  function summarizeEnded(j) {
    const done = jobFigures(j).processed;
    chartNote.textContent = done === 0 ? "The job processed no records."
      : j.records_per_second !== null
        ? `${num(done)} records in ${duration(j.duration_ms)}: on average ${rate(j.records_per_second)}.`
        : `${num(done)} records in under a second.`;
    chart.empty("the job ended before this page watched it run");
  }

  function startLive() {
    if (!active(job)) {
      finished = true;
      summarizeEnded(job);
      return;
    }
    chartNote.textContent = "Waiting for the job to start…";
    chart.draw();
    source = new EventSource(`/api/jobs/${id}/events`);
    source.addEventListener("progress", (e) => onJob(JSON.parse(e.data), false));
    source.addEventListener("end", (e) => onJob(JSON.parse(e.data), true));
    source.addEventListener("error", () => {
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        poll();
      }
    });
  }

  async function poll() {
    if (stopped) return;
    try {
      const j = await get(`/api/jobs/${id}`);
      onJob(j, !active(j));
      if (!active(j)) return;
    } catch (e) {
      if (e.httpStatus === 401) return;
    }
    pollTimer = setTimeout(poll, 2000);
  }

  function stopLive() {
    if (source) source.close();
    source = null;
    clearTimeout(pollTimer);
  }

  // --- results, a page at a time
  async function loadResults() {
    fill(resultsBox, loading("Loading results…"));
    let body;
    try {
      body = await get(`/api/jobs/${id}/results`, { status: results.status, page: results.page, per_page: PER_PAGE });
    } catch (e) {
      fill(resultsBox);
      return void sectionError(resultsBox, e);
    }
    if (!body.results.length) {
      return void fill(resultsBox, h("p", { class: "empty" }, results.page > 1 ? "No more results." : "No results with this status."),
        results.page > 1 ? pager({ page: results.page, more: false, go: goResults, label: "Result pages" }) : null);
    }
    const rows = body.results.map((r) => h("tr", { dataset: { record: r.id, status: r.status } },
      h("th", { scope: "row" }, h("a", { href: `#/records/${encodeURIComponent(job.module)}/${r.id}` }, r.id)),
      h("td", null, badge(r.status)),
      h("td", { title: r.code ? `Error code: ${r.code}` : null }, r.code ? codeText(r.code) : ""),
      h("td", null, r.message || "", r.conflict ? [" ", conflictLink(r, job.module)] : null),
      h("td", null, r.changes.length ? h("ul", { class: "changes" }, r.changes.map((c) =>
        h("li", null, h("span", { class: "field-name" }, c.field), ": ", h("span", { class: "old" }, changeValue(c.old)),
          unchanged(c) ? " unchanged" : [" → ", h("span", { class: "new" }, changeValue(c.new))]))) : "")));
    fill(resultsBox, scrollTable(h("table", { class: "list", id: "results-table" },
      h("caption", { class: "visually-hidden" }, "Per-record results"),
      h("thead", null, h("tr", null, ["Record", "Status", "Code", "Message", "Changes"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, rows)), "Results"),
    pager({ page: results.page, more: body.info.more_records, go: goResults, label: "Result pages" }));
  }

  function goResults(page) {
    results.page = page;
    loadResults();
  }

  resultsFilter.addEventListener("change", () => {
    results.status = resultsFilter.value;
    results.page = 1;
    csv.href = downloadHref("csv");
    xlsx.href = downloadHref("xlsx");
    json.href = downloadHref("json");
    loadResults();
  });
  refresh.addEventListener("click", () => loadResults());

  // Cancel acts at once: every moment a dialog stays open the job writes on, and a cancel loses
  // nothing (what was written stays, and Undo can put it back). What happened is said after.
  cancel.addEventListener("click", () => busy(cancel, async () => {
    clearErrors(actions.parentElement);
    try {
      const j = await api("POST", `/api/jobs/${id}/cancel`);
      onJob(j, true);
      const n = j.Updated_Count;
      cancelled.hidden = false;
      cancelled.textContent = `Cancelled. ${num(n)} ${n === 1 ? "record was" : "records were"} updated before the cancel and stay updated`
        + `${n > 0 ? " (Undo puts them back)" : ""}; the ${num(j.not_reached_count)} not reached are left as they were.`;
    } catch (e) {
      showError(cancel, e);
    }
  }));

  undo.addEventListener("click", async () => {
    clearErrors(actions.parentElement);
    let fresh;
    try {
      // what is left to put back per field is read when asked: live progress does not carry it
      fresh = await get(`/api/jobs/${id}`);
    } catch (e) {
      return void showError(undo, e);
    }
    const fields = (fresh.undo_fields || []).filter((f) => f.put_back < f.records);
    const choice = undoChoice(fields);
    const n = fresh.Updated_Count;
    const retry = (fresh.undos || []).length > 0;
    const ok = await confirmDialog({
      title: `${retry ? "Retry undo of" : "Undo"} job ${id}?`,
      message: `This restores the previous values ${retry ? "an earlier undo left" : `of ${num(n)} ${n === 1 ? "record" : "records"}`}.`
        + " A record whose fields changed since is left alone (reported as a conflict, naming that change)."
        + " No value is put back twice.",
      confirmLabel: "Restore",
      body: choice.box,
      onOpen: choice.bind,
    });
    if (!ok) return;
    await busy(undo, async () => {
      try {
        const chosen = choice.fields();
        const undoJob = await api("POST", `/api/jobs/${id}/undo`, chosen ? { body: { fields: chosen } } : undefined);
        notify(`Undo started as job ${undoJob.id}`);
        navigate(`#/jobs/${undoJob.id}`);
      } catch (e) {
        showError(undo, e);
      }
    });
  });

  show(job);
  startLive();
  await loadResults();
  const onResize = () => chart.draw();
  window.addEventListener("resize", onResize);
  return () => { stopped = true; stopLive(); window.removeEventListener("resize", onResize); if (sourceEditor) sourceEditor.destroy(); };
}

function jobLink(jobId) {
  return h("a", { href: `#/jobs/${jobId}` }, `job ${jobId}`);
}

/** Where to see the change that made an undo leave a record: the job that made it, else the record's history. */
function conflictLink(r, module) {
  const c = r.conflict;
  if (c.job_id) return h("a", { class: "conflict-link", href: `#/jobs/${c.job_id}` }, `See job ${c.job_id}`);
  return h("a", { class: "conflict-link", href: `#/records/${encodeURIComponent(module)}/${r.id}` }, "See the record's history");
}

/**
 * The undo dialog's choice: all fields, or some of those with something left to put back.
 * {fields()} is null for all of them (the request then names none), else the api names ticked.
 */
function undoChoice(fields) {
  const name = `undo-scope-${Math.random().toString(36).slice(2)}`;
  const all = h("input", { type: "radio", name, id: "undo-all", checked: true });
  const some = h("input", { type: "radio", name, id: "undo-some" });
  const boxes = fields.map((f) => h("input", { type: "checkbox", name: "undo-field", value: f.field, disabled: true }));
  const left = (f) => f.records - f.put_back;
  const box = h("fieldset", { class: "undo-choice", id: "undo-choice" },
    h("legend", null, "What to put back"),
    h("div", { class: "radios" },
      h("label", { class: "check" }, all, "All fields"),
      h("label", { class: "check" }, some, "Only these fields:")),
    h("div", { class: "checks", id: "undo-fields" }, fields.map((f, i) => h("label", { class: "check" }, boxes[i],
      h("span", { class: "field-name" }, f.field), ` (${num(left(f))} ${left(f) === 1 ? "record" : "records"})`))));
  const chosen = () => boxes.filter((b) => b.checked).map((b) => b.value);
  return {
    box,
    fields: () => (some.checked ? chosen() : null),
    bind(ok) {
      const update = () => {
        boxes.forEach((b) => { b.disabled = !some.checked; });
        ok.disabled = some.checked && chosen().length === 0;
      };
      [all, some, ...boxes].forEach((el) => el.addEventListener("change", update));
      update();
    },
  };
}

function count(label, value, key) {
  return h("div", { class: `count count-${key}`, dataset: { count: key } }, h("dt", null, label), h("dd", null, num(value)));
}

/** A per-record result's code as words; the code itself stays in the cell's tooltip. */
const CODE_TEXT = {
  INVALID_DATA: "Invalid value", NO_PERMISSION: "Not permitted", RECORD_IN_BLUEPRINT: "In a blueprint",
  SCRIPT_ERROR: "Rule script failed", INVALID_RETURN: "Rule returned no fields", CONFLICT: "Changed since",
  DUPLICATE_DATA: "Duplicate value", MANDATORY_NOT_FOUND: "Required value missing", NOT_FOUND: "Record gone",
};

function codeText(code) {
  return CODE_TEXT[code] || code.charAt(0) + code.slice(1).toLowerCase().replaceAll("_", " ");
}

/** A rule's script time: milliseconds under a second, else as a duration. */
function scriptTime(ms) {
  if (ms === null || ms === undefined) return "—";
  return ms < 1000 ? `${num(ms)} ms` : duration(ms);
}

function term(name, value) {
  return h("div", null, h("dt", null, name), h("dd", null, value));
}
