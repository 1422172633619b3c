// rules/contacts-copy-account-country.js
export const rule = {
  module: "Contacts",
  description: "Contacts without a mailing country take their account's billing country",
  select: {
    criteria: "((Mailing_Country:equals:${EMPTY})and(Account_Name:not_equal:${EMPTY}))",
    include: ["Account_Name.Billing_Country"],
  },
  runAs: "admin@sweep.local",
};

export function update(record, ctx) {
  if (record.Mailing_Country) return null;
  // absent when runAs may not see the account, null when the account has no country
  const country = record.Account_Name?.Billing_Country;
  return country ? { Mailing_Country: country } : null;
}
