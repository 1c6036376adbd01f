import iconv from 'iconv-lite';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The text of an exported CSV file. Excel on Windows saves "CSV (séparateur : point-virgule)" in
 * Windows-1252, other tools in UTF-8 with or without a BOM. Bytes that are not valid UTF-8 can
 * only be the former: an accented letter in cp1252 is never a valid UTF-8 sequence in practice.
 */
export function decodeInventoryText(bytes: Buffer): string {
  const body = UTF8_BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return iconv.decode(body, 'win1252');
  }
}
