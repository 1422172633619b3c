import { api, get } from "../api.js";
import { h, fill, field, option } from "../dom.js";
import { time } from "../format.js";
import { badge, busy, clearErrors, confirmDialog, heading, loading, notify, scrollTable, sectionError, showError } from "../ui.js";
import { notificationSection } from "./settings-notifications.js";

export async function render(container, { session }) {
  const admin = session.user.admin;
  const tokens = h("section", { class: "card", id: "tokens", attrs: { "aria-labelledby": "tokens-h" } });
  const secrets = h("section", { class: "card", id: "webhook-secrets", attrs: { "aria-labelledby": "secrets-h" } });
  const users = admin ? h("section", { class: "card", id: "users", attrs: { "aria-labelledby": "users-h" } }) : null;
  const notifications = admin ? h("section", { class: "card", id: "notifications", attrs: { "aria-labelledby": "notifications-h" } }) : null;
  container.append(...[heading("Settings"), tokens, secrets, users, notifications].filter(Boolean));
  await Promise.all([tokenSection(tokens, admin), secretSection(secrets, admin), admin ? userSection(users, session.user.id) : null,
    admin ? notificationSection(notifications, shownOnce) : null]);
}

/** A secret shown once, selectable, with a copy button. */
function shownOnce(title, secret, id) {
  const out = h("input", { type: "text", readOnly: true, value: secret, id, class: "secret", spellcheck: false });
  const copy = h("button", { type: "button" }, "Copy");
  copy.addEventListener("click", async () => {
    out.select();
    try {
      await navigator.clipboard.writeText(secret);
      notify("Copied");
    } catch {
      notify("Selected: press Ctrl+C to copy");
    }
  });
  return h("div", { class: "once", attrs: { role: "status" } },
    h("p", null, h("strong", null, title), " It is shown only now: copy it before you leave this page."),
    h("div", { class: "inline-form" }, field("Secret", out), copy));
}

// --- API tokens -----------------------------------------------------------------------------
async function tokenSection(section, admin) {
  const list = h("div", null, loading());
  const all = admin ? h("input", { type: "checkbox", id: "tokens-all" }) : null;
  const labelIn = h("input", { type: "text", id: "token-label", maxLength: 100, placeholder: "CI pipeline" });
  const scopesBox = h("fieldset", { class: "control-group checks scopes", id: "token-scopes", tabIndex: -1 }, h("legend", null, "Scopes"));
  const expires = h("select", { id: "token-expires" },
    option("", "never"), option("12h", "in 12 hours"), option("30d", "in 30 days", true), option("90d", "in 90 days"),
    option("365d", "in a year"), option("date", "on a date…"));
  const expiresDate = h("input", { type: "date", id: "token-expires-date", hidden: true, attrs: { "aria-label": "Expiry date" } });
  const create = h("button", { type: "submit", class: "primary", id: "token-create" }, "Create token");
  const created = h("div", { id: "token-created" });
  const form = h("form", { class: "token-form", attrs: { "aria-label": "New API token", novalidate: true } },
    field("Label", labelIn), scopesBox,
    h("div", { class: "inline-form" }, field("Expires", expires), expiresDate),
    h("div", { class: "actions" }, create));
  fill(section, h("h2", { id: "tokens-h" }, "API tokens"),
    h("p", { class: "hint" }, "Tokens for scripts and Zoho clients: send them as Authorization: Zoho-oauthtoken <token>."),
    all ? h("div", { class: "field switch" }, all, h("label", { for: all.id }, "Show every user's tokens")) : null,
    list, h("h3", null, "New token"), form, created);

  expires.addEventListener("change", () => { expiresDate.hidden = expires.value !== "date"; });
  all?.addEventListener("change", load);

  try {
    const answer = await get("/api/scopes");
    // only the scopes this user holds: the server refuses a token with any other
    const scopes = answer.grantable || answer.scopes;
    // per-module scopes (ZohoCRM.mass_update.leads.READ …) are many: they wait behind a disclosure
    const perModule = (s) => /^ZohoCRM\.(mass_update|modules)\.[^.]+\.[^.]+$/.test(s);
    const box = (s) => h("label", { class: "check" },
      h("input", { type: "checkbox", value: s, checked: s === "ZohoCRM.modules.ALL" || s === "ZohoCRM.mass_update.ALL" }), " ", s);
    const moduleScopes = scopes.filter(perModule);
    if (!admin) scopesBox.append(h("p", { class: "hint" }, "The scopes you hold: a token can grant only what your profile allows you."));
    scopesBox.append(...scopes.filter((s) => !perModule(s)).map(box));
    if (moduleScopes.length) {
      scopesBox.append(h("details", { class: "more-scopes" }, h("summary", null, `Per-module scopes (${moduleScopes.length})`),
        h("div", { class: "checks" }, moduleScopes.map(box))));
    }
  } catch (e) {
    sectionError(scopesBox, e);
  }

  async function load() {
    let body;
    try {
      body = await get("/api/tokens", { all: all && all.checked ? "true" : null });
    } catch (e) {
      fill(list);
      return void sectionError(list, e);
    }
    if (!body.tokens.length) return void fill(list, h("p", { class: "empty" }, "No tokens yet."));
    fill(list, scrollTable(h("table", { class: "list", id: "tokens-table" },
      h("thead", null, h("tr", null, ["Label", "Scopes", "User", "Created", "Expires", "Status", ""].map((t, i) =>
        h("th", { scope: "col", attrs: i === 6 ? { "aria-label": "Actions" } : null }, t)))),
      h("tbody", null, body.tokens.map((t) => {
        const revoke = t.status === "active" ? h("button", { type: "button", class: "danger small" }, "Revoke") : null;
        revoke?.addEventListener("click", async () => {
          const ok = await confirmDialog({ title: `Revoke the token “${t.label || t.id}”?`, message: "Clients using it are refused from now on.", confirmLabel: "Revoke", danger: true });
          if (!ok) return;
          await busy(revoke, async () => {
            try {
              await api("DELETE", `/api/tokens/${t.id}`);
              notify("Token revoked");
              load();
            } catch (e) {
              showError(revoke, e);
            }
          });
        });
        return h("tr", { dataset: { token: t.id } },
          h("th", { scope: "row" }, t.label || "—"), h("td", { class: "scopes-cell" }, (t.scopes || []).join(", ")),
          h("td", null, t.user ? t.user.email : "—"), h("td", null, time(t.created_time)),
          h("td", null, t.expires_time ? time(t.expires_time) : "never"), h("td", null, badge(t.status)), h("td", null, revoke));
      }))), "API tokens"));
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    busy(create, async () => {
      clearErrors(form);
      fill(created);
      const scopes = [...scopesBox.querySelectorAll("input:checked")].map((b) => b.value);
      if (!scopes.length) return void showError(scopesBox, "Pick at least one scope.");
      let exp = expires.value || null;
      if (exp === "date") {
        if (!expiresDate.value) return void showError(expiresDate, "Pick the expiry date.");
        exp = expiresDate.value;
      }
      try {
        const t = await api("POST", "/api/tokens", { body: { label: labelIn.value.trim() || null, scopes, expires: exp } });
        fill(created, shownOnce("Your new token.", t.token, "token-value"));
        labelIn.value = "";
        load();
      } catch (err) {
        const p = (err.details || {}).param_name;
        showError(p === "scopes" ? scopesBox : p === "expires" ? (exp && exp.includes("-") ? expiresDate : expires) : p === "label" ? labelIn : create, err);
      }
    });
  });
  await load();
}

// --- webhook secrets ------------------------------------------------------------------------
async function secretSection(section, admin) {
  const list = h("div", null, loading());
  const shown = h("div", { id: "secret-created" });
  fill(section, h("h2", { id: "secrets-h" }, "Webhook secrets"),
    h("p", { class: "hint" }, "Each rule with a webhook trigger has its own signing secret. After a rotation the previous secret keeps working for 24 hours."),
    list, shown);
  let rules;
  try {
    rules = (await get("/api/rules")).rules;
  } catch (e) {
    fill(list);
    return void sectionError(list, e);
  }
  if (!rules.length) return void fill(list, h("p", { class: "empty" }, "No rules."));
  fill(list, scrollTable(h("table", { class: "list", id: "secrets-table" },
    h("thead", null, h("tr", null, ["Rule", "Webhook trigger", "Secret", ""].map((t, i) =>
      h("th", { scope: "col", attrs: i === 3 ? { "aria-label": "Actions" } : null }, t)))),
    h("tbody", null, rules.map((r) => {
      const s = r.webhook_secret;
      const exists = s && s.exists;
      const button = admin && r.status !== undefined ? h("button", { type: "button", class: "small" }, exists ? "Rotate secret" : "Create secret") : null;
      button?.addEventListener("click", async () => {
        if (exists) {
          const ok = await confirmDialog({ title: `Rotate the secret of ${r.id}?`, message: "Senders must switch to the new secret within 24 hours.", confirmLabel: "Rotate" });
          if (!ok) return;
        }
        await busy(button, async () => {
          clearErrors(section);
          try {
            const body = await api("POST", `/api/rules/${r.id}/webhook_secret`);
            fill(shown, shownOnce(`Webhook secret of ${r.id}.`, body.secret, "secret-value"));
            button.textContent = "Rotate secret";
          } catch (e) {
            showError(button, e);
          }
        });
      });
      return h("tr", { dataset: { rule: r.id } },
        h("th", { scope: "row" }, h("a", { href: `#/rules/${r.id}` }, r.id)),
        h("td", null, r.triggers ? (r.triggers.webhook ? "on" : "off") : "—"),
        h("td", { class: "secret-state" }, exists ? (s.rotated_time ? `rotated ${time(s.rotated_time)}` : `created ${time(s.created_time)}`) : s ? "none" : "—"),
        h("td", null, button));
    }))), "Webhook secrets"));
}

// --- users (administrators) -----------------------------------------------------------------
async function userSection(section, selfId) {
  const list = h("div", null, loading());
  const email = h("input", { type: "email", id: "user-email", autocomplete: "off" });
  const name = h("input", { type: "text", id: "user-name", autocomplete: "off" });
  const profile = h("select", { id: "user-profile" });
  const password = h("input", { type: "password", id: "user-password", autocomplete: "new-password" });
  const add = h("button", { type: "submit", class: "primary", id: "user-add" }, "Add user");
  const form = h("form", { class: "user-form", attrs: { "aria-label": "New user", novalidate: true } },
    field("E-mail", email), field("Name", name), field("Profile", profile),
    field("Password", password, { hint: "at least 8 characters; you can reset it here later" }), h("div", { class: "actions" }, add));
  fill(section, h("h2", { id: "users-h" }, "Users"), list, h("h3", null, "New user"), form);
  try {
    const profiles = (await get("/api/profiles")).profiles;
    fill(profile, profiles.map((p) => option(p.name, p.name, p.name === "Standard")));
  } catch (e) {
    sectionError(form, e);
  }

  async function load() {
    let body;
    try {
      body = await get("/api/users");
    } catch (e) {
      fill(list);
      return void sectionError(list, e);
    }
    fill(list, scrollTable(h("table", { class: "list", id: "users-table" },
      h("thead", null, h("tr", null, ["Name", "E-mail", "Profile", "Active", "Password set", "Change"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, body.users.map((u) => h("tr", { dataset: { user: u.id } },
        h("th", { scope: "row" }, u.name || "—"), h("td", null, u.email), h("td", null, u.profile),
        h("td", null, u.active === false ? "no" : "yes"), h("td", null, u.has_password ? "yes" : "no"),
        h("td", null, userActions(u)))))), "Users"));
  }

  /** Reset the password, turn logins off or on: either ends the user's browser sessions. */
  function userActions(u) {
    const toggle = h("button", { type: "button", class: u.active === false ? "" : "danger" }, u.active === false ? "Activate" : "Deactivate");
    toggle.addEventListener("click", () => busy(toggle, async () => {
      const turningOff = u.active !== false;
      if (turningOff && !(await confirmDialog({ title: `Deactivate ${u.email}?`, danger: true, confirmLabel: "Deactivate",
        message: "They are logged out, cannot log in, and their API tokens stop working until you activate them again." }))) return;
      try {
        await api("PATCH", `/api/users/${u.id}`, { body: { active: !turningOff } });
        notify(`${u.email} ${turningOff ? "deactivated" : "activated"}`);
        load();
      } catch (err) {
        showError(toggle, err);
      }
    }));
    const password = h("input", { type: "password", id: `user-password-${u.id}`, autocomplete: "new-password" });
    const set = h("button", { type: "submit" }, "Set password");
    const form = h("form", { class: "inline-form", attrs: { novalidate: true, "aria-label": `New password for ${u.email}` } },
      field("New password", password, { hint: "at least 8 characters; logs them out" }), set);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      busy(set, async () => {
        clearErrors(form);
        try {
          await api("PATCH", `/api/users/${u.id}`, { body: { password: password.value } });
          notify(`New password set for ${u.email}`);
          load();
        } catch (err) {
          showError(password, err);
        }
      });
    });
    // the server refuses an administrator deactivating themselves: no button for it
    return h("div", { class: "user-actions" }, u.id === selfId ? null : toggle, h("details", null, h("summary", null, "Reset password"), form));
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    busy(add, async () => {
      clearErrors(form);
      if (!email.value.trim()) return void showError(email, "Enter an e-mail address.");
      try {
        const body = await api("POST", "/api/users", { body: { email: email.value.trim(), name: name.value.trim(), profile: profile.value, password: password.value } });
        notify(`Added ${body.user.email}`);
        form.reset();
        load();
      } catch (err) {
        const d = err.details || {};
        const target = err.code === "DUPLICATE_DATA" || d.param_name === "email" ? email
          : d.param_name === "profile" ? profile : d.param_name === "password" ? password : d.param_name === "name" ? name : add;
        showError(target, err);
      }
    });
  });
  await load();
}
