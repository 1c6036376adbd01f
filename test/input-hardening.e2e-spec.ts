import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, getNullableType, GraphQLInputObjectType, GraphQLList, GraphQLObjectType } from 'graphql';
import { NetworkFixture, seedNetwork } from './support/network-fixture';
import { TestApp } from './support/test-app';

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`;
const DECLARE = `mutation($input: DeclareDonationInput!) { declareDonation(input: $input) { id lines { category quantity brand } } }`;
const ROUTE = `mutation($regionId: ID!) { routeDonations(regionId: $regionId) { lots { id donation { id } refurbisher { id } } } }`;
const CLAIM = `mutation($id: ID!) { claimLot(lotId: $id) { id status } }`;
const RECEIVE = `mutation($input: ReceiveLotInput!) { receiveLot(input: $input) { id devices { id serialNumber category dataBearing } } }`;
const ERASE = `mutation($input: RecordErasureInput!) { recordErasure(input: $input) { id status erasure { method } } }`;
const GRADE = `mutation($input: GradeDeviceInput!) { gradeDevice(input: $input) { id status grade specs { storageGb ssd } } }`;
const SET_CAPACITY = `mutation($id: ID!, $capacities: [CategoryCapacityInput!]!) { setRefurbisherCapacity(organizationId: $id, capacities: $capacities) { id capacities { category weeklyCapacity } } }`;
const SUBMIT_ORDER = `mutation($input: SubmitOrderInput!) { submitOrder(input: $input) { id } }`;
const DASHBOARD = `query($regionId: ID!, $from: DateTime!, $to: DateTime!) { regionDashboard(regionId: $regionId, from: $from, to: $to) { devicesDeclared } }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

const DAY = 24 * 3600_000;
const YEAR = 365 * DAY;
const lyon = { street: '10 quai Perrache', postalCode: '69002', city: 'Lyon', location: { lat: 45.75, lon: 4.83 } };
const availableFrom = new Date(Math.floor(Date.now() / DAY) * DAY + 3 * DAY).toISOString();

describe('input hardening', () => {
  let t: TestApp;
  let net: NetworkFixture;
  let validOrg: Record<string, unknown>;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.reset();
    net = await seedNetwork(t);
    validOrg = { kind: 'DONOR', name: 'Entreprise Test', regionId: net.ara.id, address: lyon };
  });
  afterAll(() => t.close());

  const declaration = (over: Record<string, unknown> = {}) => ({ pickupAddress: lyon, availableFrom, lines: [{ category: 'LAPTOP', quantity: 2 }], ...over });

  describe('one rule for text: control, zero-width and bidirectional characters are refused', () => {
    it('a NUL in a variable is BAD_USER_INPUT naming the variable (it was INTERNAL_SERVER_ERROR), and nothing is written', async () => {
      const before = await t.count('organization');
      const res = await t.gql(CREATE_ORG, { input: { ...validOrg, name: 'Entre\u0000prise' } }, net.adminToken);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/\$input\.name .*U\+0000/);
      expect(await t.count('organization')).toBe(before);
    });

    it.each([
      ['a C0 control (ESC)', '\u001B'],
      ['DEL', '\u007F'],
      ['a C1 control (NEL)', '\u0085'],
      ['a zero-width space', '\u200B'],
      ['a zero-width joiner', '\u200D'],
      ['a word joiner', '\u2060'],
      ['a byte order mark inside the text', '\uFEFF'],
      ['a right-to-left override', '\u202E'],
      ['a left-to-right isolate', '\u2066'],
      ['a right-to-left mark', '\u200F'],
      ['an Arabic letter mark', '\u061C'],
    ])('%s in a nested variable is BAD_USER_INPUT', async (_label, c) => {
      const res = await t.gql(
        DECLARE,
        {
          input: declaration({
            lines: [
              { category: 'LAPTOP', quantity: 1 },
              { category: 'LAPTOP', quantity: 1, brand: `De${c}ll` },
            ],
          }),
        },
        net.ara.tokens.donor,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/^\$input\.lines\[1\]\.brand /);
    });

    it('string literals of the document are held to the rule too, escapes and block strings included, naming line and column', async () => {
      const escaped = await t.gql(`{ devices(serialNumber: "PF1\\u0000A") { totalCount } }`, {}, net.ara.tokens.refurbisher);
      expect(escaped.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(escaped.errors?.[0]?.message).toMatch(/argument at 1:25/);
      const block = await t.gql(`{\n  devices(serialNumber: """PF1\u202EA""") { totalCount }\n}`, {}, net.ara.tokens.refurbisher);
      expect(block.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(block.errors?.[0]?.message).toMatch(/argument at 2:25/);
    });

    it('a NUL in the login is BAD_USER_INPUT, not a server error', async () => {
      expect(await t.errorCode(LOGIN, { email: 'donor@ara.test\u0000', password: 'x' })).toBe('BAD_USER_INPUT');
    });

    it('variables nested absurdly deep are refused before anything reads them', async () => {
      let deep: unknown = 'x';
      for (let i = 0; i < 40; i++) deep = { a: deep };
      const res = await t.gql(CREATE_ORG, { input: { ...validOrg, extra: deep } }, net.adminToken);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/nested more than 32 levels/);
    });

    it('accents, other scripts, emoji, TAB and line breaks are text like any other', async () => {
      const name = 'Atelier Œuvre Été — 中文 عربى 🎓';
      expect((await t.ok(CREATE_ORG, { input: { ...validOrg, name } }, net.adminToken)).createOrganization.name).toBe(name);
      const ok = await t.gql(`{ devices(serialNumber: "A\\tB") { totalCount } }`, {}, net.ara.tokens.refurbisher);
      expect(ok.errors).toBeUndefined();
    });

    it('an inventory CSV opened by a BOM (as spreadsheets export it) is read; a NUL in one of its cells refuses it', async () => {
      const csv = '\uFEFFcategory;quantity;brand\r\nLAPTOP;3;Dell\r\n';
      const declared = (await t.ok(DECLARE, { input: declaration({ lines: [], inventoryCsv: csv }) }, net.ara.tokens.donor)).declareDonation;
      expect(declared.lines).toEqual([{ category: 'LAPTOP', quantity: 3, brand: 'Dell' }]);
      const before = await t.count('donation');
      const res = await t.gql(
        DECLARE,
        { input: declaration({ lines: [], inventoryCsv: 'category;quantity;brand\r\nLAPTOP;3;De\u0000ll\r\n' }) },
        net.ara.tokens.donor,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/\$input\.inventoryCsv/);
      expect(await t.count('donation')).toBe(before);
    });
  });

  describe('spreadsheet numbers are plain decimal digits', () => {
    it.each(['1e3', '0x10', '1_000', ' 12abc', 'Infinity'])('a quantity of %j is refused with its line and column', async (quantity) => {
      const before = await t.count('donation');
      const res = await t.gql(
        DECLARE,
        { input: declaration({ lines: [], inventoryCsv: `category;quantity\nLAPTOP;2\nLAPTOP;${quantity}\n` }) },
        net.ara.tokens.donor,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/ligne 3 : colonne quantity \(B\)/);
      expect(await t.count('donation')).toBe(before);
    });
  });

  describe('dates: impossible ones refused, all within a sane range', () => {
    it('2026-02-30 is BAD_USER_INPUT, not 2 March', async () => {
      const before = await t.count('donation');
      const res = await t.gql(DECLARE, { input: declaration({ availableFrom: '2027-02-30T08:00:00Z' }) }, net.ara.tokens.donor);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/has no day 30/);
      expect(await t.count('donation')).toBe(before);
    });

    it.each([
      ['an impossible day', '2026-02-30T00:00:00Z'],
      ['an impossible month', '2026-13-01'],
      ['a year before 2000', '1970-01-01T00:00:00Z'],
      ['a year after 2100', '9999-12-31T00:00:00Z'],
      ['a date without its offset', '2026-03-01T10:00:00'],
      ['free text', 'yesterday'],
    ])('a report period with %s is BAD_USER_INPUT', async (_label, from) => {
      expect(await t.errorCode(DASHBOARD, { regionId: net.ara.id, from, to: '2026-06-01T00:00:00Z' }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
    });

    it('a date given as a number of milliseconds, or as a literal, goes through the same rule', async () => {
      expect(await t.errorCode(DASHBOARD, { regionId: net.ara.id, from: 1_767_225_600_000, to: '2026-06-01T00:00:00Z' }, net.ara.tokens.coordinator)).toBe(
        'BAD_USER_INPUT',
      );
      const literal = await t.gql(`{ donorImpactReport(from: "2026-02-30", to: "2026-06-01") { from } }`, {}, net.ara.tokens.donor);
      expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(literal.errors?.[0]?.message).toMatch(/has no day 30/);
    });

    it('a page cursor handed back altered is read as strictly: an impossible date or a NUL is BAD_USER_INPUT', async () => {
      const page = `query($after: String) { devices(first: 5, after: $after) { totalCount } }`;
      const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
      const id = '00000000-0000-4000-8000-000000000000';
      expect((await t.gql(page, { after: cursor(`2026-02-28T10:00:00.000Z|${id}`) }, net.ara.tokens.refurbisher)).errors).toBeUndefined();
      for (const forged of [cursor(`2026-02-30T10:00:00.000Z|${id}`), cursor(`2026-02-28T10:00:00.000Z|${id}\u0000`), cursor('Feb 28 2026|x')]) {
        expect(await t.errorCode(page, { after: forged }, net.ara.tokens.refurbisher)).toBe('BAD_USER_INPUT');
      }
    });

    it('a valid period with offsets is read as the instants it names', async () => {
      const res = await t.gql(DASHBOARD, { regionId: net.ara.id, from: '2026-03-01T00:00:00+01:00', to: '2026-04-01' }, net.ara.tokens.coordinator);
      expect(res.errors).toBeUndefined();
    });

    it('a scheduling date far from today is refused: availability, need', async () => {
      const farAhead = new Date(Date.now() + 7 * YEAR).toISOString();
      expect(await t.errorCode(DECLARE, { input: declaration({ availableFrom: farAhead }) }, net.ara.tokens.donor)).toBe('BAD_USER_INPUT');
      expect(await t.errorCode(DECLARE, { input: declaration({ availableFrom: new Date(Date.now() - 7 * YEAR).toISOString() }) }, net.ara.tokens.donor)).toBe(
        'BAD_USER_INPUT',
      );
      const order = { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }], neededBy: farAhead };
      expect(await t.errorCode(SUBMIT_ORDER, { input: order }, net.ara.tokens.partner)).toBe('BAD_USER_INPUT');
    });
  });

  describe('list arguments are validated element by element', () => {
    const capacityOf = async (category: string) => {
      const rows = await t.dataSource.query(`SELECT weekly_capacity FROM refurbisher_capacity WHERE organization_id = $1 AND category = $2`, [
        net.ara.refurbisher,
        category,
      ]);
      return rows[0]?.weekly_capacity as number | undefined;
    };

    it('setRefurbisherCapacity refuses a capacity of -5 (it stored it), naming the element', async () => {
      const res = await t.gql(
        SET_CAPACITY,
        {
          id: net.ara.refurbisher,
          capacities: [
            { category: 'DESKTOP', weeklyCapacity: 3 },
            { category: 'LAPTOP', weeklyCapacity: -5 },
          ],
        },
        net.ara.tokens.coordinator,
      );
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/capacities\[1\]\.weeklyCapacity/);
      expect(await capacityOf('LAPTOP')).toBe(50);
      expect(await capacityOf('DESKTOP')).toBeUndefined();
    });

    it('and a capacity too large, or more elements than categories', async () => {
      expect(
        await t.errorCode(SET_CAPACITY, { id: net.ara.refurbisher, capacities: [{ category: 'LAPTOP', weeklyCapacity: 100_001 }] }, net.ara.tokens.coordinator),
      ).toBe('BAD_USER_INPUT');
      const many = Array.from({ length: 8 }, () => ({ category: 'LAPTOP', weeklyCapacity: 1 }));
      expect(await t.errorCode(SET_CAPACITY, { id: net.ara.refurbisher, capacities: many }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
      expect(await capacityOf('LAPTOP')).toBe(50);
    });

    it('valid capacities are saved', async () => {
      await t.ok(
        SET_CAPACITY,
        {
          id: net.ara.refurbisher,
          capacities: [
            { category: 'LAPTOP', weeklyCapacity: 0 },
            { category: 'MONITOR', weeklyCapacity: 20 },
          ],
        },
        net.ara.tokens.coordinator,
      );
      expect([await capacityOf('LAPTOP'), await capacityOf('MONITOR')]).toEqual([0, 20]);
      await t.ok(SET_CAPACITY, { id: net.ara.refurbisher, capacities: [{ category: 'LAPTOP', weeklyCapacity: 50 }] }, net.ara.tokens.coordinator);
    });

    it('donation lines are checked one by one: a bad second line refuses the declaration', async () => {
      expect(
        await t.errorCode(
          DECLARE,
          {
            input: declaration({
              lines: [
                { category: 'LAPTOP', quantity: 2 },
                { category: 'LAPTOP', quantity: -1 },
              ],
            }),
          },
          net.ara.tokens.donor,
        ),
      ).toBe('BAD_USER_INPUT');
    });

    it('a lot assigned by hand is checked item by item: a bad second item, or too many, and nothing is assigned', async () => {
      const donationId = (await t.ok(DECLARE, { input: declaration({ lines: [{ category: 'LAPTOP', quantity: 2 }] }) }, net.ara.tokens.donor)).declareDonation
        .id;
      const ASSIGN = `mutation($d: ID!, $r: ID!, $items: [AssignLotItemInput!]!) { assignLot(donationId: $d, refurbisherId: $r, items: $items) { lot { id } } }`;
      const lots = await t.count('lot');
      const bad = [
        { category: 'LAPTOP', quantity: 1 },
        { category: 'LAPTOP', quantity: -1 },
      ];
      expect(await t.errorCode(ASSIGN, { d: donationId, r: net.ara.refurbisher, items: bad }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
      const many = Array.from({ length: 21 }, () => ({ category: 'LAPTOP', quantity: 1 }));
      expect(await t.errorCode(ASSIGN, { d: donationId, r: net.ara.refurbisher, items: many }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
      expect(await t.count('lot')).toBe(lots);
    });

    it('grade floors are at most one per profile', async () => {
      const FLOORS = `mutation($r: ID!, $f: [MatchingGradeFloorInput!]!) { setMatchingGradeFloors(regionId: $r, floors: $f) { profile } }`;
      const many = Array.from({ length: 40 }, () => ({ profile: 'SENIOR', minGrade: 'B' }));
      expect(await t.errorCode(FLOORS, { r: net.ara.id, f: many }, net.ara.tokens.coordinator)).toBe('BAD_USER_INPUT');
    });

    it('every list of input objects at the root of the schema is one this suite covers', () => {
      const schema = t.app.get(GraphQLSchemaHost).schema;
      const found: string[] = [];
      for (const root of [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[]) {
        for (const field of Object.values(root.getFields())) {
          for (const arg of field.args) {
            if (getNullableType(arg.type) instanceof GraphQLList && getNamedType(arg.type) instanceof GraphQLInputObjectType)
              found.push(`${field.name}(${arg.name})`);
          }
        }
      }
      // A new one needs `new EachItemValidationPipe(Item, max)` on its @Args: the global pipe lets lists through unchecked.
      expect(found.sort()).toEqual(['assignLot(items)', 'setMatchingGradeFloors(floors)', 'setRefurbisherCapacity(capacities)']);
    });
  });

  describe('erasure and grading agree about storage', () => {
    let devices: Record<string, { id: string; dataBearing: boolean }>;
    const token = () => net.ara.tokens.refurbisher;
    const erase = (id: string, method: string) => t.gql(ERASE, { input: { deviceId: id, method, operator: 'Camille Martin', verified: true } }, token());
    const grade = (id: string, specs?: Record<string, unknown>) => t.gql(GRADE, { input: { deviceId: id, grade: 'B', specs, os: 'Xubuntu 24.04' } }, token());

    beforeAll(async () => {
      await t.dataSource.query(
        `INSERT INTO refurbisher_capacity (organization_id, category, weekly_capacity) VALUES ($1, 'MONITOR', 50) ON CONFLICT (organization_id, category) DO UPDATE SET weekly_capacity = 50`,
        [net.ara.refurbisher],
      );
      const input = declaration({
        lines: [
          { category: 'LAPTOP', quantity: 3 },
          { category: 'MONITOR', quantity: 1 },
        ],
      });
      const donationId = (await t.ok(DECLARE, { input }, net.ara.tokens.donor)).declareDonation.id as string;
      const lots = (await t.ok(ROUTE, { regionId: net.ara.id }, net.ara.tokens.coordinator)).routeDonations.lots as Array<{
        id: string;
        donation: { id: string };
      }>;
      const lot = lots.find((l) => l.donation.id === donationId)!;
      await t.ok(CLAIM, { id: lot.id }, token());
      await t.dataSource.query(`UPDATE lot SET status = 'COLLECTED', version = version + 1 WHERE id = $1`, [lot.id]);
      const intake = [
        { serialNumber: 'LAP-UNKNOWN', category: 'LAPTOP' },
        { serialNumber: 'LAP-NODISK', category: 'LAPTOP', specs: { storageGb: 0 } },
        { serialNumber: 'LAP-DISK', category: 'LAPTOP', specs: { storageGb: 256, ssd: true } },
        { serialNumber: 'MON-1', category: 'MONITOR' },
      ];
      const received = (await t.ok(RECEIVE, { input: { lotId: lot.id, devices: intake } }, token())).receiveLot.devices as Array<{
        id: string;
        serialNumber: string;
        dataBearing: boolean;
      }>;
      devices = Object.fromEntries(received.map((d) => [d.serialNumber, d]));
    });

    it('a data-bearing device whose storage is unknown cannot be certified NO_STORAGE', async () => {
      expect(devices['LAP-UNKNOWN']!.dataBearing).toBe(true);
      const res = await erase(devices['LAP-UNKNOWN']!.id, 'NO_STORAGE');
      expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(res.errors?.[0]?.message).toMatch(/data-bearing/);
      expect(await t.count('erasure_record')).toBe(0);
      expect(await erase(devices['LAP-DISK']!.id, 'NO_STORAGE').then((r) => r.errors?.[0]?.extensions?.code)).toBe('CONFLICT');
      // the real erasure works
      expect(
        (
          await t.ok(
            ERASE,
            { input: { deviceId: devices['LAP-UNKNOWN']!.id, method: 'NIST_800_88_PURGE', operator: 'Camille Martin', verified: true } },
            token(),
          )
        ).recordErasure.status,
      ).toBe('WIPED');
    });

    it('one whose specs record no storage can; it is then never graded with a disk', async () => {
      const id = devices['LAP-NODISK']!.id;
      expect((await erase(id, 'NO_STORAGE')).data?.recordErasure).toMatchObject({ status: 'WIPED', erasure: { method: 'NO_STORAGE' } });
      for (const specs of [{ storageGb: 512 }, { ssd: true }]) {
        const res = await grade(id, specs);
        expect(res.errors?.[0]?.extensions?.code).toBe('CONFLICT');
        expect(res.errors?.[0]?.message).toMatch(/NO_STORAGE/);
      }
      expect((await t.dataSource.query(`SELECT status, specs_storage_gb FROM device WHERE id = $1`, [id]))[0]).toEqual({
        status: 'WIPED',
        specs_storage_gb: 0,
      });
      expect((await t.ok(GRADE, { input: { deviceId: id, grade: 'B', specs: { ramGb: 8 }, os: 'Xubuntu 24.04' } }, token())).gradeDevice).toMatchObject({
        status: 'IN_STOCK',
        specs: { storageGb: 0 },
      });
    });

    it('a monitor (not data-bearing) without recorded storage is NO_STORAGE as before', async () => {
      expect(devices['MON-1']!.dataBearing).toBe(false);
      expect((await erase(devices['MON-1']!.id, 'NO_STORAGE')).data?.recordErasure.status).toBe('WIPED');
    });
  });
  describe('CHECK constraints: the database refuses what no path may store', () => {
    beforeAll(async () => {
      // a row in every table below (devices come from the erasure cases above)
      await t.ok(SUBMIT_ORDER, { input: { lines: [{ category: 'LAPTOP', quantity: 1, profile: 'SENIOR' }] } }, net.ara.tokens.partner);
    });

    it.each([
      ['a negative weekly capacity', 'refurbisher_capacity', `UPDATE refurbisher_capacity SET weekly_capacity = -5`],
      ['a zero service radius', 'organization', `UPDATE organization SET service_radius_km = 0 WHERE kind = 'REFURBISHER'`],
      ['an infinite service radius', 'organization', `UPDATE organization SET service_radius_km = 'Infinity' WHERE kind = 'REFURBISHER'`],
      ['a donation line of no device', 'donation_line', `UPDATE donation_line SET quantity = 0`],
      ['a year out of range', 'donation_line', `UPDATE donation_line SET year = 1900`],
      ['a lot of no device', 'lot', `UPDATE lot SET quantity = 0`],
      ['a negative RAM', 'device', `UPDATE device SET specs_ram_gb = -1`],
      ['a negative storage', 'device', `UPDATE device SET specs_storage_gb = -1`],
      ['a negative order minimum', 'order_line', `UPDATE order_line SET min_storage_gb = -1`],
    ])('%s is a check violation', async (_label, table, sql) => {
      expect(await t.count(table)).toBeGreaterThan(0);
      await expect(t.dataSource.query(sql)).rejects.toMatchObject({ driverError: { code: '23514' } });
    });

    it('the entities declare the same CHECK constraints as the migrations', async () => {
      const pending = await t.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query).filter((q) => /CHECK|CHK_/.test(q))).toEqual([]);
    });
  });
});
