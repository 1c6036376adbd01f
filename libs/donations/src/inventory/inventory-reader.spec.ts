import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parseInventoryCsv, parseInventoryFile } from './inventory-reader';
import { declaredUncompressedSize } from './zip-size';

const laptop = { category: 'LAPTOP', brand: null, model: null, year: null, dataBearing: null };

describe('inventory reader: CSV as companies export it', () => {
  it('reads a French Excel export: sep= line, semicolons, accents in headers and words, oui/non, a BOM', () => {
    const text =
      '\uFEFFsep=;\r\nCatégorie;Qté;Fabricant;Modèle;Année;Données;RAM;Stockage\r\nOrdinateurs portables;12;Dell;Latitude 5490;2019;oui;8 Go;256 Go\r\nÉcran;4;;;;non;;\r\n';
    const { rows, errors } = parseInventoryCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { category: 'LAPTOP', quantity: 12, brand: 'Dell', model: 'Latitude 5490', year: 2019, dataBearing: true },
      { category: 'MONITOR', quantity: 4, brand: null, model: null, year: null, dataBearing: false },
    ]);
  });

  it.each([
    ['Ordinateur portable', 'LAPTOP'],
    ['PC portable', 'LAPTOP'],
    ['portable', 'LAPTOP'],
    ['PC fixe', 'DESKTOP'],
    ['Unité centrale', 'DESKTOP'],
    ['ordinateur de bureau', 'DESKTOP'],
    ['MONITEUR', 'MONITOR'],
    ['Tablettes', 'TABLET'],
    ['Téléphone', 'SMARTPHONE'],
    ['Smartphone', 'SMARTPHONE'],
    ['Imprimante', 'PRINTER'],
    ['Desktop', 'DESKTOP'],
    ['laptop', 'LAPTOP'],
    ['OTHER', 'OTHER'],
  ])('the category word %j is %s', (word, category) => {
    expect(parseInventoryCsv(`Type,Quantity\n${word},1\n`).rows[0]?.category).toBe(category);
  });

  it('keeps quoted line breaks and inch marks, quoted or not, and reports the line a record starts on', () => {
    const text = 'Category,Quantity,Model\nMONITOR,2,"24"""\nMONITOR,1,Écran 27"\nLAPTOP,1,"ThinkPad\nT480"\nTOASTER,1,x\n';
    const { errors } = parseInventoryCsv(text);
    expect(errors).toEqual([{ line: 6, column: 'Category', message: expect.stringMatching(/catégorie inconnue « TOASTER »/) }]);
    const ok = parseInventoryCsv(text.replace('TOASTER', 'OTHER'));
    expect(ok.rows.map((r) => r.model)).toEqual(['24"', 'Écran 27"', 'ThinkPad\nT480', 'x']);
  });

  it('detects a TAB separator (a copy-paste from a sheet)', () => {
    expect(parseInventoryCsv('catégorie\tquantité\tmarque\nPC portable\t3\tHP, Inc.\n').rows).toEqual([{ ...laptop, quantity: 3, brand: 'HP, Inc.' }]);
  });

  it('reads Windows-1252 bytes and UTF-8 with or without a BOM alike', async () => {
    const text = 'Catégorie;Quantité;Marque\r\nÉcran;2;Iiyama\r\n';
    const expected = [{ category: 'MONITOR', quantity: 2, brand: 'Iiyama', model: null, year: null, dataBearing: null }];
    for (const bytes of [iconv.encode(text, 'win1252'), Buffer.from(text, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])]) {
      const read = await parseInventoryFile('inventaire.csv', bytes);
      expect(read.errors).toEqual([]);
      expect(read.rows).toEqual(expected);
    }
  });

  it('groups a per-device export into lines and keeps every serial', () => {
    const text =
      'N° de série;Type;Marque;Modèle;Année\n5CG-123 456;PC portable;HP;EliteBook 840;2019\nPF1ABC;Portable;Lenovo;T480;2018\n5CG-123 457;PC portable;hp;elitebook 840;2019\nA1;Écran;Dell;P2419H;\n';
    const { rows, devices, errors } = parseInventoryCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { category: 'LAPTOP', quantity: 2, brand: 'HP', model: 'EliteBook 840', year: 2019, dataBearing: null },
      { category: 'LAPTOP', quantity: 1, brand: 'Lenovo', model: 'T480', year: 2018, dataBearing: null },
      { category: 'MONITOR', quantity: 1, brand: 'Dell', model: 'P2419H', year: null, dataBearing: null },
    ]);
    expect(devices.map((d) => [d.serialNumber, d.serialNumberNormalized, d.category])).toEqual([
      ['5CG-123 456', '5CG123456', 'LAPTOP'],
      ['PF1ABC', 'PF1ABC', 'LAPTOP'],
      ['5CG-123 457', '5CG123457', 'LAPTOP'],
      ['A1', 'A1', 'MONITOR'],
    ]);
  });

  it('refuses a serial given twice (as normalised) and a quantity above 1 on a serial row', () => {
    const { errors } = parseInventoryCsv('Serial;Category;Quantity\nab-1;LAPTOP;1\nAB 1;LAPTOP;\nC3;LAPTOP;2\n');
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'Serial'],
      [4, 'Quantity'],
    ]);
    expect(errors[0]!.message).toMatch(/figure déjà ligne 2/);
  });

  it('reports every bad cell of every row, with its line and column, and keeps no row', () => {
    const text = 'category,quantity,brand,model,year,dataBearing\nLAPTOP,3,HP,,2018,true\nTOASTER,2,,,,\nLAPTOP,-1,,,,\nTABLET,2,,,1900,peut-être\n';
    const { rows, errors } = parseInventoryCsv(text);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'category'],
      [4, 'quantity'],
      [5, 'year'],
      [5, 'dataBearing'],
    ]);
    expect(errors[1]!.message).toMatch(/^colonne quantity \(B\) : un nombre entier/);
  });

  it('refuses a file without the required header, and an empty one', () => {
    expect(parseInventoryCsv('kind,count\nLAPTOP,2').errors).toEqual([{ line: 1, column: null, message: expect.stringMatching(/Catégorie et Quantité/) }]);
    expect(parseInventoryCsv('').errors).toHaveLength(1);
  });

  it('says where a quote opens and never closes', () => {
    expect(parseInventoryCsv('category;quantity;model\nLAPTOP;1;ok\nLAPTOP;1;"never closed\n').errors).toEqual([
      { line: 3, column: null, message: expect.stringMatching(/guillemet/) },
    ]);
  });
});

describe('inventory reader: numbers and characters', () => {
  const withQuantity = (quantity: string) => parseInventoryCsv(`category;quantity;year\nLAPTOP;${quantity};2019\n`);

  it.each(['1e3', '0x10', '0b11', '0o7', '1_000', '12abc', ' 12abc', 'Infinity', '-3', '+3', '3.0', '1 000', ''])(
    'refuses the quantity %j, naming the line and the column',
    (quantity) => {
      const { rows, errors } = withQuantity(quantity);
      expect(rows).toEqual([]);
      expect(errors).toEqual([{ line: 2, column: 'quantity', message: expect.stringMatching(/^colonne quantity \(B\) : un nombre entier/) }]);
    },
  );

  it('takes plain decimal digits, with the spaces a spreadsheet leaves around them', () => {
    expect(withQuantity(' 0012 ').rows[0]!.quantity).toBe(12);
    expect(withQuantity('10000').rows[0]!.quantity).toBe(10_000);
  });

  it('refuses a cell holding NUL, a zero-width or a bidirectional character', () => {
    const { errors } = parseInventoryCsv(
      'category;quantity;brand;model\nLAPTOP;2;De\u0000ll;\nLAPTOP;2;;Lati\u200Btude\nLAPTOP;2;\u202EleD;\nLAPTOP;2;Dell;Latitude\n',
    );
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'brand'],
      [3, 'model'],
      [4, 'brand'],
    ]);
    expect(errors[0]!.message).toMatch(/U\+0000/);
  });
});

describe('inventory reader: .xlsx', () => {
  const workbook = async (rows: unknown[][]) => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Inventaire');
    for (const r of rows) sheet.addRow(r);
    wb.addWorksheet('Ignorée').addRow(['Catégorie', 'Quantité']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  it('reads the first worksheet, its first non-empty row as header, numbers and rich text as typed', async () => {
    const bytes = await workbook([
      [],
      ['Type', 'Quantité', 'Marque', 'Année', 'Données'],
      ['PC fixe', 5, { richText: [{ text: 'Len' }, { text: 'ovo' }] }, 2017, true],
      [],
      ['Écran', 3, 'Dell', null, 'non'],
    ]);
    const { rows, errors } = await parseInventoryFile('Inventaire 2026.xlsx', bytes);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { category: 'DESKTOP', quantity: 5, brand: 'Lenovo', model: null, year: 2017, dataBearing: true },
      { category: 'MONITOR', quantity: 3, brand: 'Dell', model: null, year: null, dataBearing: false },
    ]);
  });

  it('reports bad rows with the worksheet row numbers', async () => {
    const bytes = await workbook([
      ['Catégorie', 'Quantité'],
      ['Frigo', 1],
      ['Tablette', 0],
    ]);
    expect((await parseInventoryFile('x.xlsx', bytes)).errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'Catégorie'],
      [3, 'Quantité'],
    ]);
  });

  it('refuses the old .xls format, a damaged workbook and a file over 2 MB with a clear message', async () => {
    expect((await parseInventoryFile('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).errors[0]!.message).toMatch(/format \.xlsx ou CSV/);
    expect((await parseInventoryFile('broken.xlsx', Buffer.from('PK\u0003\u0004garbage'))).errors[0]!.message).toMatch(/illisible/);
    expect((await parseInventoryFile('big.csv', Buffer.alloc(2 * 1024 * 1024 + 1, 0x41))).errors[0]!.message).toMatch(/dépasse 2 Mo/);
  });

  it('refuses a workbook that would inflate past 50 MB before inflating it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Inventaire').addRow(['Catégorie', 'Quantité']);
    const zip = Buffer.from(await wb.xlsx.writeBuffer());
    expect(declaredUncompressedSize(zip)).toBeGreaterThan(0);
    // the first central-directory entry now declares 60 MB: what a zip bomb looks like from outside
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(60 * 1024 * 1024, central + 24);
    expect((await parseInventoryFile('bomb.xlsx', zip)).errors[0]!.message).toMatch(/trop volumineux une fois décompressé/);
  });
});
