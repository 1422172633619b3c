// Building DOM without HTML strings: every text goes in as a text node, so a value from the
// database can never become markup. There is deliberately no innerHTML anywhere in this UI.

/**
 * h("button", {class: "primary", on: {click: fn}, attrs: {"aria-label": "…"}}, "Save")
 * Children: strings/numbers (as text), nodes, arrays of children, null/undefined/false (skipped).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) applyProps(el, props);
  append(el, children);
  return el;
}

const DIRECT = new Set(["id", "value", "type", "name", "checked", "disabled", "hidden", "readOnly", "required",
  "placeholder", "min", "max", "step", "href", "download", "title", "htmlFor", "tabIndex", "rows", "multiple",
  "selected", "maxLength", "autocomplete", "colSpan", "scope", "width", "height", "open", "spellcheck", "lang"]);

function applyProps(el, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === "class") {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
    } else if (key === "text") {
      el.textContent = String(value);
    } else if (key === "on") {
      for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    } else if (key === "attrs") {
      for (const [name, v] of Object.entries(value)) {
        if (v === undefined || v === null || v === false) continue;
        if (/^on/i.test(name)) throw new Error("event handlers go in on:{}, not attributes");
        el.setAttribute(name, v === true ? "" : String(v));
      }
    } else if (key === "dataset") {
      for (const [name, v] of Object.entries(value)) if (v !== undefined && v !== null) el.dataset[name] = String(v);
    } else if (key === "for") {
      el.htmlFor = value;
    } else if (DIRECT.has(key)) {
      if (key === "href" && !safeHref(value)) throw new Error("refused href " + value);
      el[key] = value;
    } else {
      throw new Error("unknown property " + key);
    }
  }
}

/** Only same-origin paths and hash routes; never javascript: or another origin. */
function safeHref(href) {
  return typeof href === "string" && (href.startsWith("#") || (href.startsWith("/") && !href.startsWith("//")));
}

export function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let nextId = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = "f") {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** A labelled control: <div class="field"><label for=…>Label</label>control hint?</div> */
export function field(label, control, { hint, className } = {}) {
  if (!control.id) control.id = uid();
  const parts = [h("label", { for: control.id }, label), control];
  if (hint) {
    const hintEl = h("small", { class: "hint", id: uid("hint") }, hint);
    describe(control, hintEl.id);
    parts.push(hintEl);
  }
  return h("div", { class: ["field", className] }, parts);
}

/** Adds an id to a control's aria-describedby. */
export function describe(control, id) {
  const ids = (control.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  if (!ids.includes(id)) ids.push(id);
  control.setAttribute("aria-describedby", ids.join(" "));
}

export function undescribe(control, id) {
  const ids = (control.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== id);
  if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
  else control.removeAttribute("aria-describedby");
}

export function option(value, label, selected = false) {
  return h("option", { value, selected }, label);
}
