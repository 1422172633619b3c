// Tidies the phone numbers of leads the sales team is about to call, in the form lib/phone.js
// gives them ("+1 555 123 4567" for US numbers, digits with a leading "+" otherwise).
// Runs on Mondays at 02:30 UTC.
import { normalisePhone } from "./lib/phone.js";

export const rule = {
  module: "Leads",
  description: "Normalise phone numbers of leads still to be called",
  select: {
    criteria: "((Lead_Status:in:Not Contacted,Attempted to Contact,Contact in Future)and(Phone:not_equal:${EMPTY}))",
  },
  triggers: { schedule: "30 2 * * 1" },
  runAs: "admin@sweep.local",
};

// the helper under its old name, for whoever imported it from this file's exports
export { normalisePhone as normalise };

export function update(record) {
  if (typeof record.Phone !== "string") return null;
  const phone = normalisePhone(record.Phone, record.Country);
  return phone !== null && phone !== record.Phone ? { Phone: phone } : null;
}
