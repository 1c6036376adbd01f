/**
 * Dates as people in France read them, at the time of Paris: one place for the e-mails, the
 * attestation and the French sentences of refusals, so that they all say "1er mars" and "9 h 05".
 */
const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const PARIS_DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });

/** A moment as people in France write it: "jeudi 10 décembre 2026 à 14 h 30" (Paris time, summer or winter). */
export function parisDateTime(at: Date): string {
  const part = Object.fromEntries(PARIS.formatToParts(at).map((p) => [p.type, p.value]));
  // French writes the first of the month 1er, and hours without a leading zero (9 h 05)
  const day = part.day === '1' ? '1er' : part.day;
  return `${part.weekday} ${day} ${part.month} ${part.year} à ${Number(part.hour)} h ${part.minute}`;
}

/** A day as people write it: "10 décembre 2026", "1er janvier 2027" (Paris time). */
export function parisDay(at: Date): string {
  const text = PARIS_DAY.format(at);
  return text.startsWith('1 ') ? `1er ${text.slice(2)}` : text;
}

/** The Paris calendar day of a moment, as YYYY-MM-DD (a digest gathers one). */
export function parisIsoDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
