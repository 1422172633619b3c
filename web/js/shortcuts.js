// Keyboard shortcuts: "?" lists them in a small dialog (Escape closes it), "g" then a letter goes to
// a page. None of them acts while the user types (an input, a list, the rule editor) or while a
// dialog asks something, and none uses Ctrl, Alt or Cmd, which belong to the browser.
import { h, uid } from "./dom.js";

/** Where "g" + a key goes; {admin: true}: only offered to administrators, like the page's link. */
const GO = [
  ["r", "#/rules", "Rules"],
  ["j", "#/jobs", "Jobs"],
  ["m", "#/mass-update", "Mass update"],
  ["v", "#/views", "Custom views"],
  ["d", "#/records", "Records"],
  ["s", "#/settings", "Settings"],
  ["a", "#/audit", "Audit", { admin: true }],
];

/** The shortcuts pages define themselves, listed for reading only. */
const ELSEWHERE = [
  ["Ctrl+S / ⌘S", "save the rule (on a rule's page)"],
  ["Escape", "close a dialog, cancel its question"],
];

/** How long after "g" the second key still counts. */
const SEQUENCE_MS = 1500;

function typing(e) {
  // inside a shadow root (the rule editor) the event's target is its host: look at where it began
  const el = e.composedPath()[0];
  if (!(el instanceof Element)) return false;
  return el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) || !!el.closest("[contenteditable]");
}

/**
 * Installs the shortcuts. navigate(hash) goes to a page; user() is the logged-in user or null
 * (nothing but "?" works on the login page).
 */
export function installShortcuts({ navigate, user }) {
  let g = 0;
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
    if (document.querySelector("dialog[open]")) return;
    if (e.key === "?") {
      e.preventDefault();
      g = 0;
      showShortcuts(user());
      return;
    }
    const u = user();
    if (!u) return;
    if (g && Date.now() - g < SEQUENCE_MS) {
      g = 0;
      const target = GO.find(([key, , , only]) => key === e.key && (!only?.admin || u.admin));
      if (target) {
        e.preventDefault();
        navigate(target[1]);
      }
      return;
    }
    g = e.key === "g" ? Date.now() : 0;
  });
}

/** The list of shortcuts in a modal dialog; Escape or Close ends it and focus goes back where it was. */
export function showShortcuts(user) {
  const titleId = uid("dlg");
  const close = h("button", { type: "button", class: "primary" }, "Close");
  const go = user ? GO.filter(([, , , only]) => !only?.admin || user.admin) : [];
  const row = (keys, what) => h("tr", null, h("th", { scope: "row" }, keys), h("td", null, what));
  const dialog = h("dialog", { class: "confirm shortcuts", id: "shortcuts", attrs: { "aria-labelledby": titleId } },
    h("h2", { id: titleId }, "Keyboard shortcuts"),
    h("table", { class: "shortcut-list" },
      h("tbody", null,
        row("?", "this list"),
        go.map(([key, , name]) => row(h("span", null, h("kbd", null, "g"), " then ", h("kbd", null, key)), `go to ${name}`)),
        ELSEWHERE.map(([keys, what]) => row(keys, what)))),
    h("p", { class: "hint" }, "They do nothing while you type in a field or the rule editor."),
    h("div", { class: "actions" }, close));
  const before = document.activeElement;
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    dialog.remove();
    if (before instanceof HTMLElement) before.focus({ preventScroll: true });
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
}
