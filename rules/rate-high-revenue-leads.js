// Rates leads by annual revenue: from 25 million "Acquired", from 5 million "Active".
// Leads whose rating records an outcome (Market Failed, Project Cancelled, Shut Down) keep it.
export const rule = {
  module: "Leads",
  description: "Rate high-revenue leads Acquired or Active by revenue band",
  // keep this in step with the lowest band below
  select: { criteria: "(Annual_Revenue:greater_equal:5000000)" },
  runAs: "admin@sweep.local",
  params: { acquiredFrom: 25000000, activeFrom: 5000000 },
};

const RATED_BY_REVENUE = [null, "Active", "Acquired"];

export function update(record, ctx) {
  const revenue = record.Annual_Revenue;
  if (typeof revenue !== "number") return null;
  const current = record.Rating ?? null;
  if (!RATED_BY_REVENUE.includes(current)) return null;
  let rating = null;
  if (revenue >= ctx.params.acquiredFrom) rating = "Acquired";
  else if (revenue >= ctx.params.activeFrom) rating = "Active";
  return rating !== null && rating !== current ? { Rating: rating } : null;
}
