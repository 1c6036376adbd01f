/**
 * An amount of money in French words, as the tax receipt (Cerfa 2041-MEC-SD) asks for it
 * ("montant en toutes lettres"): traditional spelling — hyphens below one hundred, "et" in 21,
 * 31… 71, "quatre-vingts" and "cents" plural only when they end the number (not before
 * "mille"), "mille" invariable, "million(s)" and "milliard(s)" nouns, "d'euros" after them.
 */
const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function belowHundred(n: number, final: boolean): string {
  if (n < 20) return UNITS[n]!;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (tens === 7) return unit === 1 ? 'soixante et onze' : `soixante-${UNITS[10 + unit]}`;
  if (tens === 8) return unit === 0 ? (final ? 'quatre-vingts' : 'quatre-vingt') : `quatre-vingt-${UNITS[unit]}`;
  if (tens === 9) return `quatre-vingt-${UNITS[10 + unit]}`;
  if (unit === 0) return TENS[tens]!;
  return unit === 1 ? `${TENS[tens]} et un` : `${TENS[tens]}-${UNITS[unit]}`;
}

/** 0–999; `final`: nothing follows but a noun (euros, millions), so "cents" and "quatre-vingts" keep their s. */
function belowThousand(n: number, final: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!hundreds) return belowHundred(rest, final);
  const head = hundreds === 1 ? 'cent' : `${UNITS[hundreds]} cent`;
  if (!rest) return hundreds > 1 && final ? `${head}s` : head;
  return `${head} ${belowHundred(rest, final)}`;
}

/** A whole number, 0 to 999 999 999 999, in French words. */
export function frenchNumberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1e12) throw new RangeError(`${n} is not a whole number from 0 to 999 999 999 999`);
  if (n === 0) return 'zéro';
  const groups: Array<[number, string | null]> = [
    [Math.floor(n / 1e9), 'milliard'],
    [Math.floor(n / 1e6) % 1000, 'million'],
    [Math.floor(n / 1e3) % 1000, 'mille'],
    [n % 1000, null],
  ];
  const words: string[] = [];
  for (const [value, scale] of groups) {
    if (!value) continue;
    if (scale === 'mille') words.push(value === 1 ? 'mille' : `${belowThousand(value, false)} mille`);
    else if (scale) words.push(`${belowThousand(value, true)} ${scale}${value > 1 ? 's' : ''}`);
    else words.push(belowThousand(value, true));
  }
  return words.join(' ');
}

/** 123456 cents → "mille deux cent trente-quatre euros et cinquante-six centimes". */
export function euroAmountInWords(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`${cents} is not a whole number of cents`);
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const words = frenchNumberInWords(euros);
  // "un million d'euros", but "un million deux cents euros"
  const unit = /(millions?|milliards?)$/.test(words) ? 'd’euros' : euros >= 2 ? 'euros' : 'euro';
  const head = `${words} ${unit}`;
  if (!rest) return head;
  return `${head} et ${belowHundred(rest, true)} centime${rest >= 2 ? 's' : ''}`;
}

/** 123456 cents → "1 234,56 €" (French grouping with a narrow no-break space, as the PDF's font prints it). */
export function euroAmountInFigures(cents: number): string {
  return `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)} €`;
}
