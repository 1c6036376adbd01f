import { BadInputError, ErrorReason } from '@app/common';
import { DeclareDonationInput } from '../dto/donation.inputs';
import { Inventory, InventoryDevice, InventoryRow, InventoryRowError, parseInventoryCsv, parseInventoryFile } from './inventory-reader';

/** How many problems the message lists; all of them are in `details.rows`. */
const LISTED = 20;

/**
 * The lines and expected devices of a declaration's inventories (the CSV text, the file, or
 * both). Every problem of every row is reported at once as one BAD_USER_INPUT, in French, with
 * `details.rows: [{ line, column, message }]`, so that the donor fixes the sheet in one go.
 */
export async function readDeclaredInventory(input: DeclareDonationInput): Promise<{ rows: InventoryRow[]; devices: InventoryDevice[] }> {
  const read: Array<{ field: string; inventory: Inventory }> = [];
  if (input.inventoryCsv) read.push({ field: 'inventoryCsv', inventory: parseInventoryCsv(input.inventoryCsv) });
  if (input.inventoryFile) {
    const bytes = Buffer.from(input.inventoryFile.contentBase64, 'base64');
    read.push({ field: 'inventoryFile', inventory: await parseInventoryFile(input.inventoryFile.fileName, bytes) });
  }
  const failed = read.filter((r) => r.inventory.errors.length);
  if (failed.length) {
    const rows: Array<InventoryRowError & { field: string }> = failed.flatMap((r) => r.inventory.errors.map((e) => ({ field: r.field, ...e })));
    const listed = rows.slice(0, LISTED).map((e) => `${e.field} ligne ${e.line} : ${e.message}`);
    const more = rows.length > LISTED ? ` ; et ${rows.length - LISTED} autres (voir details.rows)` : '';
    throw new BadInputError(
      `L'inventaire a ${rows.length} erreur${rows.length > 1 ? 's' : ''} à corriger, rien n'a été enregistré : ${listed.join(' ; ')}${more}`,
      { field: failed[0]!.field, rows },
      ErrorReason.INVENTORY_ROWS_INVALID,
    );
  }
  const devices = read.flatMap((r) => r.inventory.devices);
  const seen = new Set<string>();
  for (const d of devices) {
    if (seen.has(d.serialNumberNormalized)) {
      throw new BadInputError(
        `Le numéro de série « ${d.serialNumber} » figure à la fois dans inventoryCsv et dans inventoryFile : gardez-le dans un seul des deux.`,
        { field: 'inventoryFile', serialNumbers: [d.serialNumber] },
        ErrorReason.SERIAL_NUMBERS_REPEATED,
      );
    }
    seen.add(d.serialNumberNormalized);
  }
  return { rows: read.flatMap((r) => r.inventory.rows), devices };
}
