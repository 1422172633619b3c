// Unsaved rule edits kept in this browser's localStorage, one per user and rule, so that a closed
// tab, a reload or an expired login loses nothing: the rule page offers the draft back.

const PREFIX = "sweep.draft.rule.";

/** The draft store of one rule for one user: get() → {source, saved_at} or null, keep(source), drop(). */
export function ruleDrafts(userId, ruleId) {
  const key = `${PREFIX}${userId}.${ruleId}`;
  return {
    get() {
      try {
        const d = JSON.parse(localStorage.getItem(key) || "null");
        return d && typeof d.source === "string" ? d : null;
      } catch {
        return null;
      }
    },
    keep(source) {
      try {
        localStorage.setItem(key, JSON.stringify({ source, saved_at: new Date().toISOString() }));
      } catch {
        // storage full or refused (private mode): the leave warning still protects the edit
      }
    },
    drop() {
      try {
        localStorage.removeItem(key);
      } catch {
        // nothing kept, nothing to remove
      }
    },
  };
}
