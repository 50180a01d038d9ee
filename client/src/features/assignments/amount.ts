// Kroner typed the Danish way: "1.250.000", "1 250 000 kr." or "1250000" are all 1.250.000 kr.
// A comma starts decimals (refused by the schema: whole kroner only). A dot is a thousands
// separator only in proper groups of three, so "1.5" is left for the schema to refuse rather
// than silently read as 15.

const GROUPED = /^\d{1,3}(\.\d{3})+(,\d+)?$/;

/**
 * The typed text as a number, null when empty, or the text itself when it is not a number, so
 * the schema reports it at the field ("Skal være et beløb i kroner.").
 */
export function parseDanishAmount(text: string): number | string | null {
  let s = text
    .trim()
    .replace(/\s+/g, '')
    .replace(/(kr\.?|dkk)$/i, '');
  if (s === '') return null;
  if (GROUPED.test(s)) s = s.replaceAll('.', '');
  if (/^-?\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : text;
}
