/**
 * The uncompressed size a zip archive (an .xlsx) declares in its central directory, or null when
 * the directory cannot be found. Read before the workbook is inflated: 2 MB of deflated zeros
 * would otherwise become gigabytes in memory. Declared sizes are what inflating is bounded by in
 * practice: JSZip refuses an entry whose inflated size differs from its declared one.
 */
export function declaredUncompressedSize(zip: Buffer): number | null {
  // the end-of-central-directory record is in the last 22 bytes plus a comment of up to 65,535
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(offset + 24);
    // ZIP64 marks its sizes 0xFFFFFFFF: no inventory needs 4 GB, so it is as good as too large
    total += size;
    offset += 46 + zip.readUInt16LE(offset + 28) + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return total;
}
