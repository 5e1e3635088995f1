// Phone numbers as pages show them: finding a site's number in text in any usual format, and
// writing another number in the format of the text it replaces.

/** A run of text that may be a phone number: digits with spaces, brackets, dots or dashes. */
export const CANDIDATE = /\+?\d[\d\s().\u00a0-]{6,22}\d/g;

/** The E.164 digits of a number as shown: a national "8" before ten digits is Russia's "+7". */
export function normalise(text: string): string {
  const d = text.replace(/\D/g, '');
  return d.length == 11 && d[0] == '8' && text.trim()[0] != '+' ? '7' + d.slice(1) : d;
}

/** The site number (E.164 digits) that `text` shows, if any; ten digits are a +7 number without its code. */
export function siteNumberOf(text: string, site: readonly string[]): string | undefined {
  const n = normalise(text);
  return site.find((s) => s == n || (n.length == 10 && s.length == 11 && s[0] == '7' && s.endsWith(n)));
}

/**
 * `number` (E.164 digits) written like `shown`: the same separators, a national "8" or no country
 * code as there; "+" and the digits when the shapes differ too much.
 */
export function keepFormat(shown: string, number: string): string {
  const old = shown.replace(/\D/g, '');
  let digits = number;
  if (old.length == 11 && old[0] == '8' && number.length == 11 && number[0] == '7') digits = '8' + number.slice(1);
  else if (old.length < number.length && number.length - old.length <= 3) digits = number.slice(number.length - old.length);
  if (digits.length != old.length) return (shown.trim()[0] == '+' ? '+' : '') + number;
  let i = 0;
  return shown.replace(/\d/g, () => digits[i++]!);
}
