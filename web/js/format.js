// Turning API values into short text. Everything here returns strings; callers put them in text nodes.

const NUMBER = new Intl.NumberFormat("en");

export function num(n) {
  return n === null || n === undefined ? "—" : NUMBER.format(n);
}

/**
 * Every time the UI shows goes through here: "2026-11-29T14:05:09+00:00" → "2026-11-29 15:05:09 UTC+1",
 * in the browser's time zone and naming it, so that no time on a page can be read in the wrong zone.
 * {seconds: false} leaves the seconds out ("2026-12-06 03:00 UTC").
 */
export function time(iso, { seconds = true } = {}) {
  if (!iso) return "—";
  const d = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const p = (x) => String(x).padStart(2, "0");
  const clock = `${p(d.getHours())}:${p(d.getMinutes())}${seconds ? `:${p(d.getSeconds())}` : ""}`;
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${clock} ${zone(d)}`;
}

/** The browser's offset from UTC on that date (summer time included): "UTC", "UTC+1", "UTC+5:30", "UTC-3". */
export function zone(d = new Date()) {
  const off = -d.getTimezoneOffset();
  if (off === 0) return "UTC";
  const h = Math.floor(Math.abs(off) / 60);
  const m = Math.abs(off) % 60;
  return `UTC${off > 0 ? "+" : "-"}${h}${m ? `:${String(m).padStart(2, "0")}` : ""}`;
}

export function duration(ms) {
  if (ms === null || ms === undefined) return "—";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function rate(perSecond) {
  return perSecond === null || perSecond === undefined ? "—" : `${NUMBER.format(Math.round(perSecond))}/s`;
}

/** A record's field value as text: lookups by name, lists joined, empty as "", a date-time field's value as {@link time}. */
export function value(v, dataType) {
  if (v === null || v === undefined) return "";
  if (dataType === "datetime" && typeof v === "string") return time(v);
  if (Array.isArray(v)) return v.map(value).join(", ");
  if (typeof v === "object") return v.name ?? v.email ?? v.id ?? JSON.stringify(v);
  return String(v);
}

/** A changed value in a diff: text as it is, empty as an em dash, anything else as JSON (as the API's summary does). */
export function changeValue(v) {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

/** Whether a change left the value as it was (the same text either side). */
export function unchanged(c) {
  return changeValue(c.old) === changeValue(c.new);
}

export function percent(part, whole) {
  if (!whole) return 0;
  return Math.min(100, Math.round((part / whole) * 100));
}

/** Progress in whole percent, rounded down: 100 only when everything is done, 0 only when nothing is. */
export function progressPercent(part, whole) {
  if (!whole) return 0;
  if (part >= whole) return 100;
  if (part <= 0) return 0;
  return Math.max(1, Math.floor((part / whole) * 100));
}

/** A user as people name them: name, else e-mail, else id. */
export function personName(u) {
  return u ? u.name || u.email || u.id : "—";
}

/**
 * Who a job is: who started it (or the trigger that did) and whose rights it runs with, by name, e.g.
 * "started by Sally Sales · runs as Ada Admin", "webhook · runs as Ada Admin", "Ada Admin" when the
 * one who started it runs it with their own rights.
 */
export function jobWho(j) {
  const runsAs = j.user_name || personName(j.user);
  if (!j.started_by) return `${j.trigger} · runs as ${runsAs}`;
  const starter = j.started_by_name || personName(j.started_by);
  return j.started_by.id === j.user?.id ? starter : `started by ${starter} · runs as ${runsAs}`;
}

/** A job's module as people call it: its label, the API name when there is none. */
export function moduleName(j) {
  return j.module_label || j.module || "—";
}
