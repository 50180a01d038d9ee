// Jobbro never stores CPR numbers (DOMAIN.md standing conventions). Anything shaped like
// one — ddmmyy-nnnn, or 10 digits whose first six parse as a calendar date — is rejected
// wherever free text or identifiers are entered.
function isCalendarDate(dd: number, mm: number, yy: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  // A 2-digit year can be in either century; Feb 29 is valid if either century allows it.
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const daysIn = [31, leap(1900 + yy) || leap(2000 + yy) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return dd <= daysIn[mm - 1]!;
}

const CPR_PATTERN = /(?<!\d)(\d{2})(\d{2})(\d{2})[-\s]?(\d{4})(?!\d)/g;

/** True when the text contains something that looks like a CPR number. */
export function containsCprLike(text: string): boolean {
  for (const m of text.matchAll(CPR_PATTERN)) {
    if (isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return true;
  }
  return false;
}
