/**
 * Characters no text of ours may hold: C0 controls but TAB, LF and CR; DEL and the C1
 * controls; zero-width characters (U+200B–U+200D, U+2060, U+FEFF) that make two serials or
 * names look the same while they differ; bidirectional controls (U+200E, U+200F, U+061C,
 * U+202A–U+202E, U+2066–U+2069) that make a text read otherwise than it is stored. PostgreSQL
 * refuses NUL in text outright.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

const BOM = 0xfeff;

export interface ForbiddenCharacter {
  /** index in the string (UTF-16 code units) */
  index: number;
  /** as Unicode writes it: U+0000 */
  codePoint: string;
}

/**
 * The first character the input rule refuses, or null. A byte order mark opening the text is
 * not refused: spreadsheets write one at the start of the CSV files they export.
 */
export function findForbiddenCharacter(text: string): ForbiddenCharacter | null {
  const skip = text.charCodeAt(0) === BOM ? 1 : 0;
  const match = FORBIDDEN.exec(skip ? text.slice(skip) : text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  return { index: match.index + skip, codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
}

/** What a person is told, naming where the character is. */
export function forbiddenCharacterMessage(where: string, found: ForbiddenCharacter): string {
  return `${where} contains a control, zero-width or bidirectional character (${found.codePoint} at position ${found.index + 1}); remove it and send again`;
}
