import { get } from "../api.js";
import { h, fill } from "../dom.js";
import { heading, loading, scrollTable, sectionError } from "../ui.js";

const METHODS = ["get", "put", "post", "patch", "delete"];

/** Sweep's API description (/api/openapi.json), read offline: paths, methods, parameters, bodies, responses, schemas and error codes. */
export async function render(container) {
  const body = h("div", { class: "api-docs" }, loading());
  container.append(heading("API", h("a", { class: "button", href: "/api/openapi.json", attrs: { download: "sweep-openapi.json" } }, "Download OpenAPI")), body);
  let doc;
  try {
    doc = await get("/api/openapi.json");
  } catch (e) {
    sectionError(body, e);
    return;
  }
  const paths = Object.entries(doc.paths || {});
  fill(body,
    h("p", { class: "hint" }, `OpenAPI ${doc.openapi} · ${paths.length} paths · ${doc.info?.summary || ""}`),
    h("nav", { class: "api-toc", attrs: { "aria-label": "Paths" } }, h("ul", null, paths.map(([path, item]) =>
      h("li", null, h("a", { href: `#/api-docs`, dataset: { target: anchor(path) }, on: { click: jump } }, path),
        " ", METHODS.filter((m) => item[m]).map((m) => h("span", { class: `method method-${m}` }, m.toUpperCase())))))),
    paths.map(([path, item]) => pathSection(doc, path, item)),
    errorCodes(doc),
    schemas(doc));
}

/** Scrolls to a section without changing the hash route. */
function jump(e) {
  e.preventDefault();
  document.getElementById(e.currentTarget.dataset.target)?.scrollIntoView();
}

function anchor(text) {
  return "api-" + text.replace(/[^A-Za-z0-9]+/g, "-");
}

function pathSection(doc, path, item) {
  const shared = item.parameters || [];
  return h("section", { class: "api-path", id: anchor(path) },
    h("h2", null, h("code", null, path)),
    METHODS.filter((m) => item[m]).map((m) => operation(doc, path, m, item[m], shared)));
}

function operation(doc, path, method, op, shared) {
  const params = [...shared, ...(op.parameters || [])].map((p) => resolve(doc, p));
  const request = op.requestBody ? resolve(doc, op.requestBody) : null;
  return h("article", { class: "api-operation", dataset: { operation: `${method.toUpperCase()} ${path}` } },
    h("h3", null, h("span", { class: `method method-${method}` }, method.toUpperCase()), " ", h("code", null, path),
      op.summary ? ` — ${op.summary}` : ""),
    op.description ? h("p", { class: "api-description" }, op.description) : null,
    access(op, doc),
    params.length ? scrollTable(h("table", { class: "list" },
      h("caption", null, "Parameters"),
      h("thead", null, h("tr", null, ["Name", "In", "Required", "Type", "About"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, params.map((p) => h("tr", null,
        h("td", null, h("code", null, p.name)), h("td", null, p.in), h("td", null, p.required ? "yes" : ""),
        h("td", null, typeOf(p.schema)), h("td", null, p.description || ""))))), "Parameters") : null,
    request ? h("div", { class: "api-body" }, h("h4", null, "Request body"),
      Object.entries(request.content || {}).map(([type, media]) => h("p", null, h("code", null, type), " ", typeOf(media.schema))),
      examples(request.content)) : null,
    h("h4", null, "Responses"),
    scrollTable(h("table", { class: "list" },
      h("thead", null, h("tr", null, ["Status", "Meaning", "Body"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, Object.entries(op.responses || {}).map(([status, r]) => {
        const response = resolve(doc, r);
        return h("tr", null, h("td", null, status), h("td", null, response.description || ""),
          h("td", null, Object.entries(response.content || {}).map(([type, media]) =>
            h("div", null, h("code", null, type), " ", typeOf(media.schema)))));
      }))), "Responses"),
    examples(resolve(doc, (op.responses || {})["200"] || {}).content));
}

/** Who may call: open, or the security schemes the operation accepts. */
function access(op, doc) {
  const security = op.security ?? doc.security ?? [];
  const names = security.flatMap((s) => Object.keys(s));
  return h("p", { class: "api-access" }, names.length ? `Needs: ${names.join(" or ")}` : "Open to everyone");
}

function examples(content) {
  const all = Object.values(content || {}).flatMap((media) => Object.entries(media.examples || {}));
  if (!all.length) return null;
  return h("details", { class: "api-examples" }, h("summary", null, "Examples"),
    all.map(([name, ex]) => h("div", null, h("p", null, name), h("pre", null, JSON.stringify(ex.value, null, 2)))));
}

/** A schema in a line: a component's name (linked), an array of it, a type, or an object's keys. */
function typeOf(schema) {
  if (!schema) return "";
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop();
    return h("a", { href: "#/api-docs", dataset: { target: anchor("schema-" + name) }, on: { click: jump } }, name);
  }
  if (schema.type === "array") return h("span", null, "array of ", typeOf(schema.items));
  for (const key of ["oneOf", "anyOf", "allOf"]) {
    if (schema[key]) return h("span", null, schema[key].map((s, i) => [i ? (key === "allOf" ? " and " : " or ") : "", typeOf(s)]));
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.join(" | ");
  if (schema.type === "object" && schema.properties) return h("span", null, "{ ", Object.keys(schema.properties).join(", "), " }");
  return Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type || "any";
}

function errorCodes(doc) {
  const codes = doc["x-error-codes"] || [];
  return h("section", { class: "api-errors", id: anchor("errors") },
    h("h2", null, "Error codes"),
    h("p", null, "Errors answer {\"code\", \"details\", \"message\", \"status\": \"error\"}; those with HTTP 200, and a mass update's errors about its data entry, come wrapped in {\"data\": […]}."),
    scrollTable(h("table", { class: "list", id: "api-error-codes" },
      h("thead", null, h("tr", null, ["HTTP", "Code", "Message"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", null, codes.map((c) => h("tr", null, h("td", null, String(c.http)), h("td", null, h("code", null, c.code)), h("td", null, c.message))))),
    "Error codes"));
}

function schemas(doc) {
  const all = Object.entries(doc.components?.schemas || {});
  return h("section", { class: "api-schemas" }, h("h2", null, "Schemas"),
    all.map(([name, schema]) => h("div", { class: "api-schema", id: anchor("schema-" + name) },
      h("h3", null, h("code", null, name)),
      schema.description ? h("p", null, schema.description) : null,
      schema.properties ? scrollTable(h("table", { class: "list" },
        h("thead", null, h("tr", null, ["Field", "Type", "Required", "About"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", null, Object.entries(schema.properties).map(([key, p]) => h("tr", null,
          h("td", null, h("code", null, key)), h("td", null, typeOf(p)),
          h("td", null, (schema.required || []).includes(key) ? "yes" : ""), h("td", null, p.description || ""))))), name)
        : h("p", null, typeOf(schema)))));
}

/** Follows a local $ref (#/components/…) to what it names. */
function resolve(doc, node) {
  let n = node;
  for (let i = 0; n && n.$ref && i < 10; i++) n = n.$ref.slice(2).split("/").reduce((o, k) => o?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  return n || {};
}
