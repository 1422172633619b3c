// Leads that were contacted but have not been touched for a while go cold, so the sales team
// sees at a glance whom to call again. Runs every night at 03:00 UTC.
export const rule = {
  module: "Leads",
  description: "Contacted leads untouched for 30 days become Cold",
  select: { criteria: "(Lead_Status:equals:Contacted)" },
  triggers: { schedule: "0 3 * * *" },
  runAs: "admin@sweep.local",
  params: { days: 30 },
};

const DAY = 24 * 60 * 60 * 1000;

export function update(record, ctx) {
  const modified = Date.parse(record.Modified_Time);
  if (Number.isNaN(modified)) return null;
  return modified < ctx.now - ctx.params.days * DAY ? { Lead_Status: "Cold" } : null;
}
