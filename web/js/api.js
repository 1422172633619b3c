// The one way this UI talks to Sweep: same-origin fetch with the session cookie, the CSRF
// token on every state change, JSON in and out, and a 401 sending the user to the login page.

let csrfToken = null;
let unauthorizedHandler = () => {};

export function setCsrfToken(token) {
  csrfToken = token;
}

export function onUnauthorized(fn) {
  unauthorizedHandler = fn;
}

/**
 * An error answer of the API: {code, details, message, status} plus the HTTP status. Zoho wraps
 * some errors as {"data":[{…}]} (those answered with 200, and a mass update's field errors).
 */
export class ApiError extends Error {
  constructor(httpStatus, body) {
    const b = errorOf(body);
    super(b.message || `HTTP ${httpStatus}`);
    this.httpStatus = httpStatus;
    this.code = b.code || null;
    this.details = b.details || {};
    this.body = body;
  }
}

function errorOf(body) {
  if (!body || typeof body !== "object") return {};
  const wrapped = Array.isArray(body.data) && body.data.length === 1 ? body.data[0] : null;
  return wrapped && wrapped.status === "error" ? wrapped : body;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * api("POST", "/api/rules/x/run", {body: {...}, query: {limit: 20}})
 * Resolves to the parsed JSON (null for 204); rejects with ApiError for HTTP errors.
 * With {response: true} it resolves to {status, body} instead (for 207 answers and the like).
 */
export async function api(method, path, { body, query, response = false, headers: extra } = {}) {
  const url = new URL(path, window.location.origin);
  if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, String(v));
    }
  }
  const headers = { Accept: "application/json", ...(extra || {}) };
  const init = { method, headers, credentials: "same-origin", cache: "no-store" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json; charset=utf-8";
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  if (!SAFE_METHODS.has(method) && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new ApiError(0, { code: "NETWORK_ERROR", message: "Sweep did not answer: " + e.message });
  }
  const data = await readBody(res);
  if (res.status === 401 && !path.startsWith("/api/session")) {
    unauthorizedHandler();
  }
  if (!res.ok && !(response && res.status === 207)) throw new ApiError(res.status, data);
  return response ? { status: res.status, body: data } : data;
}

async function readBody(res) {
  if (res.status === 204) return null;
  const type = res.headers.get("Content-Type") || "";
  const text = await res.text();
  if (!text) return null;
  if (type.includes("json")) {
    try {
      return JSON.parse(text);
    } catch {
      return { message: text };
    }
  }
  return { message: text };
}

export const get = (path, query) => api("GET", path, { query });
export const post = (path, body, query) => api("POST", path, { body, query });
export const put = (path, body) => api("PUT", path, { body });
export const del = (path) => api("DELETE", path);
