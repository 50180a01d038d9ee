// CVR numbers: 8 digits with a modulus-11 check (weights 2,7,6,5,4,3,2,1), as
// published by Erhvervsstyrelsen. Source: DOMAIN.md glossary.
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

export function isValidCvr(input: string): boolean {
  const cvr = input.replace(/\s/g, '');
  if (!/^\d{8}$/.test(cvr) || cvr.startsWith('0')) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(cvr[i]) * CVR_WEIGHTS[i]!;
  return sum % 11 === 0;
}
