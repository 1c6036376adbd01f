import { DeviceCategory } from '@app/common';

/** The columns an inventory may have, by what they mean. */
export type InventoryColumn = 'category' | 'quantity' | 'brand' | 'model' | 'year' | 'dataBearing' | 'serialNumber';

/**
 * A word as it is compared: without accents, case, punctuation or spaces, and without the plural
 * `s`/`x` of each word (ERP exports say "Ordinateurs portables", people "portable").
 */
export function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((word) => (word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word))
    .join('');
}

/** Header names as French and English exports (Excel, ERPs, GLPI) write them, compared with `comparable`. */
const HEADERS: Record<InventoryColumn, string[]> = {
  category: ['Catégorie', 'Type', 'Category', 'Type de matériel', "Type d'équipement", "Type d'appareil", 'Matériel', 'Équipement', 'Famille'],
  quantity: ['Quantité', 'Qté', 'Qte', 'Qty', 'Quantity', 'Nombre', 'Nb', 'Count'],
  brand: ['Marque', 'Fabricant', 'Constructeur', 'Brand', 'Manufacturer', 'Make'],
  model: ['Modèle', 'Model'],
  year: ['Année', "Année d'achat", 'Année de fabrication', 'Year', 'Purchase year'],
  dataBearing: ['Données', 'Data', 'Data bearing', 'DataBearing', 'Contient des données', 'Support de données'],
  serialNumber: ['Numéro de série', 'N° de série', 'No de série', 'N° série', 'Num série', 'Numéro série', 'Série', 'Serial', 'Serial number', 'S/N', 'SN'],
};

const HEADER_LOOKUP = new Map<string, InventoryColumn>(
  Object.entries(HEADERS).flatMap(([column, names]) => names.map((n) => [comparable(n), column as InventoryColumn] as const)),
);

/** What a header cell means, or null for a column the inventory does not use (RAM, storage, site, comments…). */
export function columnOf(header: string): InventoryColumn | null {
  return HEADER_LOOKUP.get(comparable(header)) ?? null;
}

/** Category words of French and English inventories, and the enum codes themselves. */
const CATEGORY_WORDS: Record<DeviceCategory, string[]> = {
  [DeviceCategory.LAPTOP]: ['Ordinateur portable', 'Portable', 'PC portable', 'Laptop', 'Notebook', 'Ultraportable', 'Netbook'],
  [DeviceCategory.DESKTOP]: ['PC fixe', 'Unité centrale', 'UC', 'Ordinateur de bureau', 'Ordinateur fixe', 'Tour', 'Desktop', 'PC', 'Mini PC', 'Tout-en-un'],
  [DeviceCategory.MONITOR]: ['Écran', 'Moniteur', 'Monitor', 'Screen', 'Display'],
  [DeviceCategory.TABLET]: ['Tablette', 'Tablet', 'iPad'],
  [DeviceCategory.SMARTPHONE]: ['Smartphone', 'Téléphone', 'Téléphone portable', 'Mobile', 'Téléphone mobile', 'Phone', 'iPhone'],
  [DeviceCategory.PRINTER]: ['Imprimante', 'Printer', 'Multifonction', 'Imprimante multifonction'],
  [DeviceCategory.OTHER]: ['Autre', 'Divers', 'Other'],
};

const CATEGORY_LOOKUP = new Map<string, DeviceCategory>(
  Object.entries(CATEGORY_WORDS).flatMap(([category, words]) => [category, ...words].map((w) => [comparable(w), category as DeviceCategory] as const)),
);

/** The category a cell names, or null when the word is not one we know. */
export function categoryOf(cell: string): DeviceCategory | null {
  return CATEGORY_LOOKUP.get(comparable(cell)) ?? null;
}

const YES = new Set(['oui', 'o', 'yes', 'y', 'true', 'vrai', '1', 'x'].map(comparable));
const NO = new Set(['non', 'n', 'no', 'false', 'faux', '0'].map(comparable));

/** A yes/no cell: true, false, null when empty, undefined when it is neither. */
export function yesNoOf(cell: string): boolean | null | undefined {
  const v = comparable(cell);
  if (v === '') return null;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

/** The header's name for a column in messages, as the person wrote it. */
export const COLUMN_LABELS: Record<InventoryColumn, string> = {
  category: 'Catégorie',
  quantity: 'Quantité',
  brand: 'Marque',
  model: 'Modèle',
  year: 'Année',
  dataBearing: 'Données',
  serialNumber: 'Numéro de série',
};
