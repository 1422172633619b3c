// A rule's cron schedule in words: "every day at 03:00 UTC", "every 15 minutes", "at 09:30 UTC on
// Monday–Friday". Schedules run in UTC (see ScheduleTrigger), so the words say UTC. A schedule beyond
// these simple shapes is given back as null and shown as the cron expression itself.

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAY_NAMES = { SUN: 0, MON: 1, TUE: 2, WED: 3, THU: 4, FRI: 5, SAT: 6 };
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTH_NAMES = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };

const p2 = (n) => String(n).padStart(2, "0");
const ANY = (f) => f === "*" || f === "?";

/** A number of the field, or a name (MON, JAN); null when it is anything else. */
function number(text, names, min, max) {
  const t = text.toUpperCase();
  const n = /^\d+$/.test(t) ? Number(t) : names && t in names ? names[t] : null;
  return n !== null && n >= min && n <= max ? n : null;
}

/** "1,3,5" or "7" → [1, 3, 5] / [7]; null for ranges, steps and anything else. */
function list(text, names, min, max) {
  const parts = text.split(",").map((x) => number(x, names, min, max));
  return parts.every((x) => x !== null) ? parts : null;
}

/** "and"-joined words: "a", "a and b", "a, b and c". */
function and(words) {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** The weekdays of a day-of-week field: "on Monday–Friday", "on Monday and Thursday"; null when not simple. */
function weekdays(text) {
  const range = /^([A-Za-z]+|\d)-([A-Za-z]+|\d)$/.exec(text);
  if (range) {
    const from = number(range[1], DAY_NAMES, 0, 7);
    const to = number(range[2], DAY_NAMES, 0, 7);
    if (from === null || to === null || from >= to) return null;
    return `${DAYS[from % 7]}–${DAYS[to % 7]}`;
  }
  const days = list(text, DAY_NAMES, 0, 7);
  return days ? and(days.map((d) => DAYS[d % 7])) : null;
}

/** The times of the minute and hour fields: ["03:00"], ["09:00", "17:00"]; null when not simple. */
function clockTimes(minute, hour) {
  const minutes = list(minute, null, 0, 59);
  const hours = list(hour, null, 0, 23);
  if (!minutes || !hours || minutes.length * hours.length > 6) return null;
  return hours.flatMap((h) => minutes.map((m) => `${p2(h)}:${p2(m)}`));
}

/**
 * "0 3 * * *" → "every day at 03:00 UTC"; a six-field expression (seconds first) is read when its
 * seconds are 0. Null when the schedule is not one of the simple shapes.
 */
export function cronWords(cron) {
  if (typeof cron !== "string") return null;
  let f = cron.trim().split(/\s+/);
  if (f.length === 6) {
    if (f[0] !== "0") return null;
    f = f.slice(1);
  }
  if (f.length !== 5) return null;
  const [minute, hour, dom, month, dow] = f;
  if (!ANY(month) && list(month, MONTH_NAMES, 1, 12) === null) return null;
  const inMonths = ANY(month) ? "" : ` in ${and(list(month, MONTH_NAMES, 1, 12).map((m) => MONTHS[m - 1]))}`;

  // the whole day round: every minute, every n minutes, every hour at :mm, every n hours
  if (ANY(dom) && ANY(dow) && !inMonths) {
    if (minute === "*" && hour === "*") return "every minute";
    const everyMinutes = /^(?:\*|0)\/(\d+)$/.exec(minute);
    if (everyMinutes && hour === "*") return `every ${everyMinutes[1]} minutes`;
    const m = number(minute, null, 0, 59);
    if (m !== null && hour === "*") return `every hour at :${p2(m)}`;
    const everyHours = /^(?:\*|0)\/(\d+)$/.exec(hour);
    if (m !== null && everyHours) return `every ${everyHours[1]} hours at :${p2(m)}`;
  }

  const times = clockTimes(minute, hour);
  if (!times) return null;
  const at = `at ${and(times)} UTC`;
  if (ANY(dom) && ANY(dow)) return `every day ${at}${inMonths}`;
  if (ANY(dom)) {
    const days = weekdays(dow);
    if (!days) return null;
    return /–/.test(days) ? `${at} on ${days}${inMonths}` : `every ${days} ${at}${inMonths}`;
  }
  if (ANY(dow)) {
    const days = list(dom, null, 1, 31);
    if (!days) return null;
    return `on day ${and(days.map(String))} of ${inMonths ? inMonths.slice(4) : "every month"} ${at}`;
  }
  return null;
}
