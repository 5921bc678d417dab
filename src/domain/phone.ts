/**
 * Brazilian phone numbers in one stored form: the national number in digits, DDD first (10 digits for a landline,
 * 11 for a mobile). Punctuation and the country code +55 are dropped, so "(11) 98765-4321" and "+55 11 98765-4321"
 * are the same phone.
 */

/** The canonical form, or null when the text is not a Brazilian phone with DDD. */
export function canonicalPhone(text: string): string | null {
  if (!/^\+?[\d\s().-]+$/.test(text)) return null;
  let digits = text.replace(/\D/g, '');
  if ((digits.length === 12 || digits.length === 13) && digits.startsWith('55')) digits = digits.slice(2);
  return /^[1-9]{2}\d{8,9}$/.test(digits) ? digits : null;
}
