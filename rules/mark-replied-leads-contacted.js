// Called by the mail system when leads reply: POST /hooks/mark-replied-leads-contacted with
// {"ids": ["5725767000000123456", …]}. Those leads, if not contacted yet, become Contacted.
export const rule = {
  module: "Leads",
  description: "Leads named by the mail webhook (they replied) become Contacted",
  select: { criteria: "(Lead_Status:in:Not Contacted,Attempted to Contact)" },
  triggers: { webhook: true },
  runAs: "admin@sweep.local",
  params: { ids: [], status: "Contacted" },
};

let named = null;

export function update(record, ctx) {
  // built once per loaded run (a node keeps it for the job's chunks), never shared between jobs
  if (named === null) named = new Set((ctx.params.ids ?? []).map(String));
  return named.has(record.id) ? { Lead_Status: ctx.params.status } : null;
}
