// Sweep admin UI: session, navigation and hash routes. Each page is an ES module with
// render(container, route) that may return a cleanup function (closing live streams, timers).
import { api, setCsrfToken, onUnauthorized } from "./js/api.js";
import { h, fill } from "./js/dom.js";
import { errorLine } from "./js/ui.js";
import { forget } from "./js/fields.js";
import { installShortcuts, showShortcuts } from "./js/shortcuts.js";

const ROUTES = [
  { pattern: /^\/login$/, page: () => import("./js/pages/login.js"), title: "Log in", public: true },
  { pattern: /^\/rules$/, page: () => import("./js/pages/rules.js"), title: "Rules", nav: "rules" },
  { pattern: /^\/rules\/([A-Za-z0-9_-]+)$/, page: () => import("./js/pages/rule.js"), title: "Rule", nav: "rules" },
  { pattern: /^\/jobs$/, page: () => import("./js/pages/jobs.js"), title: "Jobs", nav: "jobs" },
  { pattern: /^\/jobs\/([0-9]+)$/, page: () => import("./js/pages/job.js"), title: "Job", nav: "jobs" },
  { pattern: /^\/mass-update$/, page: () => import("./js/pages/massupdate.js"), title: "Mass update", nav: "mass-update" },
  { pattern: /^\/views$/, page: () => import("./js/pages/views.js"), title: "Custom views", nav: "views" },
  { pattern: /^\/views\/(new|[0-9]+)$/, page: () => import("./js/pages/view.js"), title: "Custom view", nav: "views" },
  { pattern: /^\/records$/, page: () => import("./js/pages/records.js"), title: "Records", nav: "records" },
  { pattern: /^\/records\/([A-Za-z0-9_]+)\/([0-9]+)$/, page: () => import("./js/pages/record.js"), title: "Record", nav: "records" },
  { pattern: /^\/settings$/, page: () => import("./js/pages/settings.js"), title: "Settings", nav: "settings" },
  { pattern: /^\/audit$/, page: () => import("./js/pages/audit.js"), title: "Audit", nav: "audit" },
  { pattern: /^\/api-docs$/, page: () => import("./js/pages/api-docs.js"), title: "API", nav: "api-docs" },
];

const NAV = [
  ["rules", "Rules"], ["jobs", "Jobs"], ["mass-update", "Mass update"], ["views", "Custom views"],
  ["records", "Records"], ["settings", "Settings"], ["audit", "Audit", { admin: true }], ["api-docs", "API"],
];

const state = { session: null, cleanup: null, renderCount: 0, guard: null, hash: null };

/**
 * A page with work not saved yet registers unsaved() → a sentence saying what would be lost, or
 * null. Leaving the page then asks first: closing or reloading the tab (beforeunload) and in-app
 * navigation (links, Back, logging out) alike. The guard ends with the page.
 */
export function guardLeaving(unsaved) {
  state.guard = unsaved;
}

function unsavedWork() {
  try {
    return state.guard ? state.guard() : null;
  } catch {
    return null;
  }
}

window.addEventListener("beforeunload", (e) => {
  if (!unsavedWork()) return;
  e.preventDefault();
  e.returnValue = "";
});

export function session() {
  return state.session;
}

export function setSession(s) {
  // modules and fields come with the user's permissions: a login or logout forgets every cached answer
  forget("");
  state.session = s;
  setCsrfToken(s ? s.csrf_token : null);
  renderChrome();
}

/** Parses "#/views?module=Leads" into {path: "/views", query: URLSearchParams}. */
function currentRoute() {
  const hash = window.location.hash.replace(/^#/, "") || "/rules";
  const [path, qs] = hash.split("?");
  return { path: path || "/rules", query: new URLSearchParams(qs || "") };
}

export function navigate(hash) {
  if (window.location.hash === hash) route();
  else window.location.hash = hash;
}

/** Changes the hash's query without a new history entry or a re-render (e.g. the page number). */
export function replaceQuery(query) {
  const { path } = currentRoute();
  const qs = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== "")).toString();
  history.replaceState(null, "", `#${path}${qs ? "?" + qs : ""}`);
  state.hash = window.location.hash;
}

function goToLogin() {
  const { path } = currentRoute();
  if (path === "/login") return;
  const next = window.location.hash || "#/rules";
  // the session is gone: nothing can be saved from this page now (a rule's draft is kept and offered after the login)
  state.guard = null;
  setSession(null);
  window.location.hash = "#/login?next=" + encodeURIComponent(next);
}

onUnauthorized(goToLogin);

function renderChrome() {
  const nav = document.getElementById("nav");
  const userBox = document.getElementById("user-box");
  const s = state.session;
  nav.hidden = !s;
  if (!s) {
    fill(userBox);
    fill(nav);
    return;
  }
  const { path } = currentRoute();
  const active = ROUTES.find((r) => r.pattern.test(path))?.nav;
  // the audit log answers administrators only: others are not offered the link
  const items = NAV.filter(([, , only]) => !only?.admin || s.user.admin);
  fill(nav, h("ul", null, items.map(([key, text]) => h("li", null,
    h("a", { href: `#/${key}`, attrs: { "aria-current": key === active ? "page" : null } }, text)))));
  const logout = h("button", { type: "button", class: "link", id: "logout", on: { click: logOut } }, "Log out");
  const keys = h("button", { type: "button", class: "link keys", id: "shortcuts-open", title: "Keyboard shortcuts (?)",
    attrs: { "aria-label": "Keyboard shortcuts" }, on: { click: () => showShortcuts(s.user) } }, "?");
  fill(userBox, h("span", { class: "who", title: s.user.email }, s.user.name || s.user.email,
    h("span", { class: "profile" }, ` · ${s.user.profile}`)), keys, logout);
}

async function logOut() {
  const lost = unsavedWork();
  if (lost && !window.confirm(`${lost}\n\nLog out anyway?`)) return;
  state.guard = null;
  try {
    await api("DELETE", "/api/session");
  } catch {
    // the session may be gone already; either way it is over here
  }
  setSession(null);
  navigate("#/login");
}

/** On a hash change: stays (and puts the old address back) when the page has unsaved work and the user says so. */
function onHashChange() {
  const lost = unsavedWork();
  if (lost && state.hash !== null && window.location.hash !== state.hash) {
    if (!window.confirm(`${lost}\n\nLeave this page anyway?`)) {
      history.replaceState(null, "", state.hash);
      return;
    }
  }
  route();
}

async function route() {
  const { path, query } = currentRoute();
  state.hash = window.location.hash;
  state.guard = null;
  const match = ROUTES.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  if (state.cleanup) {
    try { state.cleanup(); } catch { /* a page's cleanup must not stop the next page */ }
    state.cleanup = null;
  }
  if (!match) {
    navigate("#/rules");
    return;
  }
  if (!match.r.public && !state.session) {
    goToLogin();
    return;
  }
  if (path === "/login" && state.session) {
    navigate(query.get("next") || "#/rules");
    return;
  }
  renderChrome();
  const main = document.getElementById("main");
  const container = h("div", { class: "page" });
  fill(main, container);
  document.title = `${match.r.title} · Sweep`;
  const count = ++state.renderCount;
  try {
    const mod = await match.r.page();
    const cleanup = await mod.render(container, { params: match.m.slice(1), query, session: state.session, navigate });
    if (count !== state.renderCount) {
      if (typeof cleanup === "function") cleanup();
      return;
    }
    state.cleanup = typeof cleanup === "function" ? cleanup : null;
    // a new page: move focus to its heading so keyboard and screen-reader users start there
    const heading = container.querySelector("h1");
    if (heading && document.activeElement === document.body) heading.focus({ preventScroll: true });
  } catch (e) {
    if (count !== state.renderCount) return;
    if (e && e.httpStatus === 401) return;
    container.append(errorLine(e && e.message ? e : String(e), { class: "error page-error" }));
  }
}

async function start() {
  document.getElementById("skip").addEventListener("click", (e) => {
    e.preventDefault();
    const heading = document.querySelector("#main h1") || document.getElementById("main");
    heading.focus();
  });
  try {
    setSession(await api("GET", "/api/session"));
  } catch {
    setSession(null);
  }
  window.addEventListener("hashchange", onHashChange);
  installShortcuts({ navigate, user: () => state.session?.user || null });
  await route();
  document.body.dataset.ready = "true";
}

start();
