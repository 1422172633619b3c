import { api, get } from "../api.js";
import { h, fill, field } from "../dom.js";
import { time } from "../format.js";
import { badge, busy, clearErrors, confirmDialog, loading, notify, scrollTable, sectionError, showError } from "../ui.js";

const STATUSES = ["COMPLETED", "FAILED", "CANCELLED"];

/** Comma- or space-separated names as a list; empty means "any". */
const names = (text) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/**
 * The endpoints told when a job ends (administrators): register one (its secret is shown once),
 * remove one, and read what was sent to each with every attempt's answer.
 */
export async function notificationSection(section, shownOnce) {
  const list = h("div", null, loading());
  const deliveries = h("div", { id: "notification-deliveries" });
  const url = h("input", { type: "url", id: "notification-url", maxLength: 2000, placeholder: "https://chat.example.com/hooks/sweep" });
  const description = h("input", { type: "text", id: "notification-description", maxLength: 255 });
  const rules = h("input", { type: "text", id: "notification-rules", placeholder: "any rule" });
  const modules = h("input", { type: "text", id: "notification-modules", placeholder: "any module" });
  const statuses = h("fieldset", { class: "control-group checks", id: "notification-statuses", tabIndex: -1 }, h("legend", null, "Statuses"),
    STATUSES.map((s) => h("label", { class: "check" }, h("input", { type: "checkbox", value: s }), " ", s.toLowerCase())));
  const add = h("button", { type: "submit", class: "primary", id: "notification-add" }, "Add endpoint");
  const created = h("div", { id: "notification-created" });
  const form = h("form", { class: "notification-form", attrs: { "aria-label": "New notification endpoint", novalidate: true } },
    field("URL", url), field("Description", description),
    field("Rules", rules, { hint: "rule ids, separated by commas; empty for every job" }),
    field("Modules", modules, { hint: "module API names (Leads, Contacts …); empty for any" }),
    statuses, h("p", { class: "hint" }, "No status ticked: every job that ends."), h("div", { class: "actions" }, add));
  fill(section, h("h2", { id: "notifications-h" }, "Job notifications"),
    h("p", { class: "hint" }, "Endpoints Sweep POSTs to, signed with X-Sweep-Signature, when a matching job ends. A failed delivery is tried again for about an hour."),
    list, deliveries, h("h3", null, "New endpoint"), form, created);

  async function load() {
    let body;
    try {
      body = await get("/api/notifications");
    } catch (e) {
      fill(list);
      return void sectionError(list, e);
    }
    if (!body.notifications.length) return void fill(list, h("p", { class: "empty" }, "No endpoints yet."));
    fill(list, scrollTable(h("table", { class: "list", id: "notifications-table" },
      h("thead", null, h("tr", null, ["URL", "Description", "Rules", "Modules", "Statuses", "Created", ""].map((t, i) =>
        h("th", { scope: "col", attrs: i === 6 ? { "aria-label": "Actions" } : null }, t)))),
      h("tbody", null, body.notifications.map((n) => {
        const show = h("button", { type: "button", class: "small" }, "Deliveries");
        const remove = h("button", { type: "button", class: "danger small" }, "Remove");
        show.addEventListener("click", () => showDeliveries(n));
        remove.addEventListener("click", async () => {
          const ok = await confirmDialog({ title: `Remove the endpoint ${n.url}?`, message: "It receives nothing more, retries included.", confirmLabel: "Remove", danger: true });
          if (!ok) return;
          await busy(remove, async () => {
            try {
              await api("DELETE", `/api/notifications/${n.id}`);
              notify("Endpoint removed");
              fill(deliveries);
              load();
            } catch (e) {
              showError(remove, e);
            }
          });
        });
        const any = (values) => (values.length ? values.join(", ") : "any");
        return h("tr", { dataset: { notification: n.id } },
          h("th", { scope: "row", class: "url-cell" }, n.url), h("td", null, n.description || "—"),
          h("td", null, any(n.filters.rules)), h("td", null, any(n.filters.modules)),
          h("td", null, any(n.filters.statuses.map((s) => s.toLowerCase()))), h("td", null, time(n.created_time)),
          h("td", { class: "actions-cell" }, show, " ", remove));
      }))), "Notification endpoints"));
  }

  async function showDeliveries(n) {
    fill(deliveries, loading());
    let body;
    try {
      body = await get(`/api/notifications/${n.id}/deliveries`);
    } catch (e) {
      fill(deliveries);
      return void sectionError(deliveries, e);
    }
    const title = h("h3", { id: "notification-deliveries-h" }, `Deliveries to ${n.url}`);
    if (!body.deliveries.length) return void fill(deliveries, title, h("p", { class: "empty" }, "Nothing sent yet."));
    fill(deliveries, title, scrollTable(h("table", { class: "list", id: "deliveries-table" },
      h("thead", null, h("tr", null, ["Job", "Status", "Attempts", "Last answer", "Next attempt"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, body.deliveries.map((d) => {
        const last = d.attempts[d.attempts.length - 1];
        const answer = last ? `${last.http_status ?? "no answer"}${last.response ? ": " + last.response : ""}` : "—";
        return h("tr", { dataset: { delivery: d.id } },
          h("th", { scope: "row" }, h("a", { href: `#/jobs/${d.job_id}` }, d.job_id)), h("td", null, badge(d.status)),
          h("td", null, String(d.attempt_count)), h("td", { class: "response-cell", title: answer }, answer.length > 120 ? answer.slice(0, 120) + "…" : answer),
          h("td", null, d.next_attempt_time ? time(d.next_attempt_time) : "—"));
      }))), "Deliveries"));
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    busy(add, async () => {
      clearErrors(form);
      fill(created);
      if (!url.value.trim()) return void showError(url, "Enter the address to POST to.");
      const picked = [...statuses.querySelectorAll("input:checked")].map((b) => b.value);
      try {
        const n = await api("POST", "/api/notifications", { body: {
          url: url.value.trim(), description: description.value.trim() || null,
          rules: names(rules.value), modules: names(modules.value), statuses: picked } });
        fill(created, shownOnce("The endpoint's signing secret.", n.secret, "notification-secret"));
        form.reset();
        load();
      } catch (err) {
        const p = (err.details || {}).param_name;
        showError({ url, description, rules, modules, statuses }[p] || add, err);
      }
    });
  });
  await load();
}
