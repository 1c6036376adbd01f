import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import {
  DeclareDonationInput,
  InventoriesCreateOrganizationDocument,
  InventoriesDeclareDocument,
  InventoriesDonationDocument,
  InventoriesLotDocument,
  InventoriesRouteDocument,
} from './generated/graphql';
import { claimLot, LYON, markCollected, receiveLot } from './support/donation-flow';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const declaration = (extra: Partial<DeclareDonationInput>): DeclareDonationInput => ({
  pickupAddress: LYON,
  availableFrom: '2026-12-01T08:00:00.000Z',
  ...extra,
});
const file = (fileName: string, bytes: Buffer) => ({ inventoryFile: { fileName, contentBase64: bytes.toString('base64') } });

describe('inventories as companies export them', () => {
  let t: TestApp;
  let net: NetworkFixture;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.reset();
    net = await seedNetwork(t);
  });

  const declare = async (extra: Partial<DeclareDonationInput>) =>
    (await t.runOk(InventoriesDeclareDocument, { input: declaration(extra) }, net.ara.tokens.donor)).declareDonation;

  it('a French Excel CSV export in Windows-1252 imports as it is', async () => {
    const csv =
      'sep=;\r\nCatégorie;Qté;Fabricant;Modèle;Année;Données;RAM;Stockage\r\n' +
      'Ordinateurs portables;12;Dell;"Latitude 5490\r\n(lot B)";2019;oui;8 Go;256 Go SSD\r\n' +
      'Écran;4;Iiyama;ProLite 24";2020;non;;\r\n' +
      'Unité centrale;3;HP;"EliteDesk ""800""";2018;;;\r\n';
    const d = await declare(file('Inventaire DSI.csv', iconv.encode(csv, 'win1252')));
    expect(d.lines).toEqual([
      { category: 'LAPTOP', quantity: 12, brand: 'Dell', model: 'Latitude 5490\r\n(lot B)', year: 2019, dataBearing: true },
      { category: 'MONITOR', quantity: 4, brand: 'Iiyama', model: 'ProLite 24"', year: 2020, dataBearing: false },
      { category: 'DESKTOP', quantity: 3, brand: 'HP', model: 'EliteDesk "800"', year: 2018, dataBearing: true },
    ]);
    expect(d.quantity).toBe(19);
    expect(d.expectedDevices).toEqual([]);
  });

  it('an .xlsx workbook declares a donation without lines', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Parc');
    sheet.addRow(['Inventaire du parc au 01/12/2026']);
    sheet.addRow([]);
    sheet.addRow(['Type', 'Quantité', 'Marque', 'Modèle', 'Année']);
    sheet.addRow(['PC portable', 6, 'Lenovo', 'ThinkPad T480', 2018]);
    sheet.addRow(['Tablette', 2, 'Apple', 'iPad 6', 2019]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    // the title row is the first non-empty one: a header that names no known column is refused with its row number
    const titled = await t.run(InventoriesDeclareDocument, { input: declaration(file('parc.xlsx', bytes)) }, net.ara.tokens.donor);
    expect(titled.errors?.[0]?.extensions?.details).toMatchObject({ rows: [{ line: 1, column: null }] });
    sheet.spliceRows(1, 2);
    const d = await declare(file('parc.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(d.lines).toEqual([
      { category: 'LAPTOP', quantity: 6, brand: 'Lenovo', model: 'ThinkPad T480', year: 2018, dataBearing: true },
      { category: 'TABLET', quantity: 2, brand: 'Apple', model: 'iPad 6', year: 2019, dataBearing: true },
    ]);
  });

  it('a file with three bad rows reports all three at once and saves nothing', async () => {
    const csv = 'Catégorie;Quantité;Année\nPC portable;2;2019\nGrille-pain;1;\nÉcran;zéro;\nTablette;1;1900\nPC fixe;1;\n';
    const res = await t.run(InventoriesDeclareDocument, { input: declaration(file('inventaire.csv', Buffer.from(csv))) }, net.ara.tokens.donor);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/^L'inventaire a 3 erreurs à corriger, rien n'a été enregistré : inventoryFile ligne 3 : colonne Catégorie \(A\)/);
    expect(res.errors?.[0]?.extensions?.details).toEqual({
      field: 'inventoryFile',
      rows: [
        { field: 'inventoryFile', line: 3, column: 'Catégorie', message: expect.stringMatching(/catégorie inconnue « Grille-pain »/) },
        { field: 'inventoryFile', line: 4, column: 'Quantité', message: expect.stringMatching(/nombre entier/) },
        { field: 'inventoryFile', line: 5, column: 'Année', message: expect.stringMatching(/année de 1980 à 2100/) },
      ],
    });
    for (const table of ['donation', 'donation_line', 'expected_device']) expect(await t.count(table)).toBe(0);
  });

  it('a file over 2 MB, an old .xls and text that is not base64 are refused with a clear error', async () => {
    const big = await t.run(InventoriesDeclareDocument, { input: declaration(file('big.csv', Buffer.alloc(2 * 1024 * 1024 + 1, 0x41))) }, net.ara.tokens.donor);
    expect(big.errors?.[0]?.message).toMatch(/dépasse 2 Mo/);
    const xls = await t.run(
      InventoriesDeclareDocument,
      { input: declaration(file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))) },
      net.ara.tokens.donor,
    );
    expect(xls.errors?.[0]?.message).toMatch(/format \.xlsx ou CSV/);
    expect(
      await t.runError(
        InventoriesDeclareDocument,
        { input: declaration({ inventoryFile: { fileName: 'x.csv', contentBase64: 'not base64!' } }) },
        net.ara.tokens.donor,
      ),
    ).toBe('BAD_USER_INPUT');
    expect(await t.count('donation')).toBe(0);
  });

  it('per-serial rows become lines and expected devices that the refurbisher sees at intake', async () => {
    const csv =
      'N° de série\tType\tMarque\tModèle\n5CG-123 456\tPC portable\tHP\tEliteBook 840\nPF1ABC.01\tPC portable\tHP\tEliteBook 840\nR90XYZ\tPortable\tLenovo\tT480\n';
    const d = await declare({ inventoryCsv: csv });
    expect(d.lines).toEqual([
      { category: 'LAPTOP', quantity: 2, brand: 'HP', model: 'EliteBook 840', year: null, dataBearing: true },
      { category: 'LAPTOP', quantity: 1, brand: 'Lenovo', model: 'T480', year: null, dataBearing: true },
    ]);
    expect(d.expectedDevices.map((e) => e.serialNumber)).toEqual(['5CG-123 456', 'PF1ABC.01', 'R90XYZ']);

    const lot = (await t.runOk(InventoriesRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations.lots.find(
      (l) => l.donation.id === d.id,
    )!;
    expect(lot.refurbisher.id).toBe(net.ara.refurbisher);
    const before = (await t.runOk(InventoriesLotDocument, { id: lot.id }, net.ara.tokens.refurbisher)).lot!;
    expect(before.expectedSerials).toEqual([
      { serialNumber: '5CG-123 456', category: 'LAPTOP', received: false },
      { serialNumber: 'PF1ABC.01', category: 'LAPTOP', received: false },
      { serialNumber: 'R90XYZ', category: 'LAPTOP', received: false },
    ]);
    expect(before.donation.expectedDevices).toHaveLength(3);

    await claimLot(t, lot.id, net.ara.tokens.refurbisher);
    await markCollected(t, lot.id);
    // the labels read at the bench: written otherwise, the same devices; and one the inventory did not name
    await receiveLot(
      t,
      lot.id,
      [
        { serialNumber: '5cg123456', category: 'LAPTOP' },
        { serialNumber: 'PF1ABC01', category: 'LAPTOP' },
        { serialNumber: 'EXTRA-1', category: 'LAPTOP' },
      ],
      net.ara.tokens.refurbisher,
    );
    const after = (await t.runOk(InventoriesLotDocument, { id: lot.id }, net.ara.tokens.refurbisher)).lot!;
    expect(after.expectedSerials.map((s) => [s.serialNumber, s.received])).toEqual([
      ['5CG-123 456', true],
      ['PF1ABC.01', true],
      ['R90XYZ', false],
    ]);
  });

  it('expected devices are read as the donation is: its donor, its refurbisher, its coordinator; nobody else', async () => {
    const d = await declare({ inventoryCsv: 'Serial,Category\nSN-1,LAPTOP\n' });
    await t.runOk(InventoriesRouteDocument, { regionId: net.ara.id }, net.ara.tokens.coordinator);
    for (const token of [net.ara.tokens.donor, net.ara.tokens.refurbisher, net.ara.tokens.coordinator]) {
      expect((await t.runOk(InventoriesDonationDocument, { id: d.id }, token)).donation?.expectedDevices).toEqual([{ serialNumber: 'SN-1' }]);
    }
    for (const token of [net.ara.tokens.partner, net.bfc.tokens.donor, net.bfc.tokens.refurbisher, net.bfc.tokens.coordinator]) {
      const res = await t.run(InventoriesDonationDocument, { id: d.id }, token);
      expect(res.data?.donation ?? null).toBeNull();
    }
  });

  it('a SIRET written with spaces, dots or no-break spaces is accepted and stored as 14 digits', async () => {
    const input = {
      kind: 'DONOR' as const,
      name: 'Mairie de Villeurbanne',
      regionId: net.ara.id,
      address: { postalCode: '69100', city: 'Villeurbanne', location: { lat: 45.77, lon: 4.88 } },
    };
    const created = (await t.runOk(InventoriesCreateOrganizationDocument, { input: { ...input, siret: '732\u00A0829 320\u202F00074' } }, net.adminToken))
      .createOrganization;
    expect(created.siret).toBe('73282932000074');
    const [row] = await t.dataSource.query('SELECT siret FROM organization WHERE id = $1', [created.id]);
    expect(row.siret).toBe('73282932000074');
    // the same establishment written otherwise is the same SIRET
    expect(await t.runError(InventoriesCreateOrganizationDocument, { input: { ...input, name: 'Doublon', siret: '732.829.320.00074' } }, net.adminToken)).toBe(
      'CONFLICT',
    );
    expect(await t.runError(InventoriesCreateOrganizationDocument, { input: { ...input, name: 'Faux', siret: '732 829 320 00075' } }, net.adminToken)).toBe(
      'BAD_USER_INPUT',
    );
  });
});
