// Phone numbers as the sales team dials them, for any rule that tidies or compares phones.
// US numbers become "+1 555 123 4567" (an extension is kept as " x12"); other numbers keep only
// their digits and a leading "+" ("0049 (0)30 …" becomes "+4930…"). Rules import it with
//   import { normalisePhone } from "./lib/phone.js";

const EXTENSION = /\s*(?:x|ext\.?)\s*(\d{1,6})\s*$/i;

/** The number in its normal form, or null when it holds no digits. `country` helps tell a US number. */
export function normalisePhone(phone, country) {
  let text = phone.trim();
  let extension = "";
  const ext = EXTENSION.exec(text);
  if (ext) {
    extension = " x" + ext[1];
    text = text.slice(0, ext.index);
  }
  // "(0)" is the trunk prefix written after a country code: it is not dialled from abroad
  let digits = text.replace(/\(0\)/g, "").replace(/[^\d+]/g, "");
  if (digits.startsWith("00")) digits = "+" + digits.slice(2);
  digits = digits.replace(/(?!^)\+/g, "");
  const us = /^(?:\+?1)?(\d{3})(\d{3})(\d{4})$/.exec(digits);
  const looksUs = country === "USA" || digits.startsWith("+1") || (country == null && us !== null);
  if (us && looksUs) return "+1 " + us[1] + " " + us[2] + " " + us[3] + extension;
  return digits === "" ? null : digits + extension;
}
