import { api } from "../api.js";
import { h, field } from "../dom.js";
import { showError, clearErrors, busy } from "../ui.js";
import { setSession } from "../../app.js";

export function render(container, { query, navigate }) {
  const email = h("input", { type: "email", name: "email", autocomplete: "username", required: true, id: "login-email" });
  const password = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true, id: "login-password" });
  const submit = h("button", { type: "submit", class: "primary", id: "login-submit" }, "Log in");
  const form = h("form", { class: "login-form", attrs: { novalidate: true } },
    field("E-mail", email), field("Password", password), h("div", { class: "actions" }, submit));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (!email.value) return void showError(email, "Enter your e-mail address.");
    if (!password.value) return void showError(password, "Enter your password.");
    await busy(submit, async () => {
      try {
        const s = await api("POST", "/api/session", { body: { email: email.value.trim(), password: password.value } });
        setSession(s);
        navigate(safeNext(query.get("next")));
      } catch (err) {
        password.value = "";
        showError(password, err);
        password.focus();
      }
    });
  });
  container.append(h("section", { class: "login card" },
    h("h1", { tabIndex: -1 }, "Log in to Sweep"), form));
  email.focus();
}

/** Only a route of this UI, never another URL. */
function safeNext(next) {
  return next && /^#\/[A-Za-z0-9/_?=&%.-]*$/.test(next) && !next.startsWith("#/login") ? next : "#/rules";
}
