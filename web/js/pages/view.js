import { api, get } from "../api.js";
import { h, fill, field, uid } from "../dom.js";
import { num } from "../format.js";
import { fields as fieldsOf, moduleSelect } from "../fields.js";
import { criteriaBuilder } from "../criteria.js";
import { busy, clearErrors, confirmDialog, formChanges, heading, notify, sectionError, showError } from "../ui.js";
import { guardLeaving } from "../../app.js";

export async function render(container, { params: [id], query, session, navigate }) {
  const isNew = id === "new";
  const view = isNew
    ? { name: "", module: query.get("module") || "Leads", criteria: null, shared_with: [], shared_with_all: false, editable: true }
    : (await get(`/api/views/${id}`)).view;

  const name = h("input", { type: "text", id: "view-name", value: view.name, required: true, maxLength: 100 });
  const module = await moduleSelect(view.module);
  module.id = "view-module";
  module.disabled = !isNew;
  const builderBox = h("div", { class: "builder", id: "view-criteria" });
  const countOut = h("output", { id: "view-count", attrs: { "aria-live": "polite" } });
  const shareAll = h("input", { type: "checkbox", id: "view-share-all", checked: view.shared_with_all });
  const usersBox = h("div", { class: "checks", id: "view-share-users" });
  const save = h("button", { type: "submit", class: "primary", id: "view-save" }, isNew ? "Create view" : "Save view");
  const remove = isNew ? null : h("button", { type: "button", class: "danger", id: "view-delete" }, "Delete view");
  const criteriaHeading = uid("crit");
  const form = h("form", { class: "view-form", attrs: { novalidate: true } },
    field("Name", name), field("Module", module, { hint: isNew ? null : "a view stays in its module" }),
    h("section", { class: "criteria", attrs: { "aria-labelledby": criteriaHeading } },
      h("h2", { id: criteriaHeading }, "Criteria"), builderBox,
      h("p", { class: "count-line" }, "Matching records: ", countOut)),
    h("fieldset", { class: "control-group sharing" }, h("legend", null, "Sharing"),
      h("div", { class: "field switch" }, shareAll, h("label", { for: shareAll.id }, "Share with everyone")), usersBox),
    h("div", { class: "actions toolbar" }, save, remove, h("a", { href: `#/views?module=${encodeURIComponent(view.module)}`, class: "button" }, "Back to views")));
  container.append(heading(isNew ? "New custom view" : `Custom view: ${view.name}`), form);

  let builder;
  let countTimer = null;
  let countSeq = 0;

  async function loadBuilder(criteria) {
    const fs = await fieldsOf(module.value);
    builder = criteriaBuilder(fs, criteria, scheduleCount, { module: module.value });
    fill(builderBox, builder.element);
    scheduleCount();
  }

  /** A live count while the criteria change, at most every 400 ms; stale answers are dropped. */
  function scheduleCount() {
    clearTimeout(countTimer);
    countTimer = setTimeout(async () => {
      const seq = ++countSeq;
      let criteria;
      try {
        criteria = builder.read();
      } catch {
        return;
      }
      countOut.textContent = "counting…";
      try {
        const body = await api("POST", "/api/views/count", { body: { module: module.value, criteria } });
        if (seq === countSeq) countOut.textContent = num(body.record_count);
      } catch (e) {
        if (seq === countSeq) countOut.textContent = `— (${e.message})`;
      }
    }, 400);
  }

  async function loadUsers() {
    const shared = new Set((view.shared_with || []).map((u) => u.id));
    try {
      const users = (await get("/api/users")).users.filter((u) => u.active !== false && u.id !== session.user.id);
      fill(usersBox, h("p", { class: "hint" }, "Or with these users:"), users.map((u) => h("label", { class: "check" },
        h("input", { type: "checkbox", value: u.id, checked: shared.has(u.id), dataset: { email: u.email } }), " ", `${u.name || ""} <${u.email}>`)));
    } catch (e) {
      if (e.httpStatus === 401) throw e;
      // the users could not be listed: keep the view's current sharing as it is
      fill(usersBox, h("p", { class: "hint" }, (view.shared_with || []).length
        ? `Shared with ${(view.shared_with || []).map((u) => u.email).join(", ")}. Other users cannot be listed now (${e.message}).`
        : `Users cannot be listed now (${e.message}).`),
      (view.shared_with || []).map((u) => h("input", { type: "checkbox", value: u.id, checked: true, hidden: true })));
    }
    usersBox.hidden = shareAll.checked;
  }

  shareAll.addEventListener("change", () => { usersBox.hidden = shareAll.checked; });
  module.addEventListener("change", () => loadBuilder(null));

  const changes = formChanges(form);
  guardLeaving(() => (changes.dirty() ? "This custom view has unsaved changes." : null));

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    busy(save, async () => {
      clearErrors(form);
      if (!name.value.trim()) return void showError(name, "Give the view a name.");
      const body = {
        module: module.value,
        name: name.value.trim(),
        criteria: builder.read(),
        shared_with_all: shareAll.checked,
        shared_with: shareAll.checked ? [] : [...usersBox.querySelectorAll("input:checked")].map((b) => b.value),
      };
      try {
        const saved = isNew ? await api("POST", "/api/views", { body }) : await api("PUT", `/api/views/${id}`, { body });
        notify(`Saved view “${saved.view.name}” (${num(saved.view.record_count)} records)`);
        changes.clear();
        navigate(`#/views?module=${encodeURIComponent(saved.view.module)}`);
      } catch (err) {
        const d = err.details || {};
        if (d.path !== undefined && builder.showPathError(d.path, err)) return;
        if (d.param_name === "name" || err.code === "DUPLICATE_DATA") return void showError(name, err);
        if (d.param_name === "criteria" || d.path !== undefined || d.api_name) return void sectionError(builderBox, err);
        if (d.param_name === "shared_with") return void showError(shareAll, err);
        showError(save, err);
      }
    });
  });

  remove?.addEventListener("click", async () => {
    clearErrors(form);
    const ok = await confirmDialog({ title: `Delete the view “${view.name}”?`, message: "Records stay as they are; only the view goes.", confirmLabel: "Delete view", danger: true });
    if (!ok) return;
    await busy(remove, async () => {
      try {
        await api("DELETE", `/api/views/${id}`);
        notify(`Deleted view “${view.name}”`);
        changes.clear();
        navigate(`#/views?module=${encodeURIComponent(view.module)}`);
      } catch (err) {
        showError(remove, err);
      }
    });
  });

  if (!view.editable) {
    [name, save, remove].forEach((el) => el && (el.disabled = true));
    form.prepend(h("p", { class: "hint" }, "You may use this view but not change it."));
  }
  await Promise.all([loadBuilder(view.criteria), loadUsers()]);
  name.focus();
  return () => clearTimeout(countTimer);
}
