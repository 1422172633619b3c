// The Records page's chosen columns, kept in this browser's localStorage per user and module so
// that they are there again on the next visit (and after a new login).

const PREFIX = "sweep.columns.";

/** The column choice of one module for one user: get() → [api_name…] or null (the default), set(names), clear(). */
export function columnChoice(userId, module) {
  const key = `${PREFIX}${userId}.${module}`;
  // what this page chose, for when the browser refuses to keep it
  let here;
  return {
    get() {
      if (here !== undefined) return here;
      try {
        const names = JSON.parse(localStorage.getItem(key) || "null");
        return Array.isArray(names) && names.every((n) => typeof n === "string") ? names : null;
      } catch {
        return null;
      }
    },
    set(names) {
      here = names;
      try {
        localStorage.setItem(key, JSON.stringify(names));
      } catch {
        // storage refused (private mode): the choice lasts as long as the page
      }
    },
    clear() {
      here = null;
      try {
        localStorage.removeItem(key);
      } catch {
        // nothing kept
      }
    },
  };
}
