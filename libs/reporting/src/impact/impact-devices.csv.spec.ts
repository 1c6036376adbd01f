import { impactDevicesCsv } from './impact-devices.csv';

describe('impactDevicesCsv', () => {
  it('writes one row per device, escaped, with formulas neutralised, the codes then their French labels', () => {
    const csv = impactDevicesCsv([
      {
        serialNumber: 'SN-1',
        category: 'LAPTOP',
        brand: 'Dell',
        model: 'Latitude; 5490',
        donationReference: 'DON-2026-000001',
        receivedAt: new Date('2026-03-01T09:00:00Z'),
        status: 'DELIVERED',
        outcome: 'REUSED',
        refurbishedAt: new Date('2026-03-03T10:00:00Z'),
        recycledAt: null,
        deliveredAt: new Date('2026-04-01T10:00:00Z'),
        erasureCertificate: 'ERA-2026-000001',
        erasureMethod: 'NIST_800_88_PURGE',
        erasedAt: new Date('2026-03-02T10:00:00Z'),
      },
      {
        serialNumber: '=HYPERLINK("x")',
        category: 'MONITOR',
        brand: null,
        model: null,
        donationReference: 'DON-2026-000001',
        receivedAt: null,
        status: 'RECYCLED',
        outcome: 'RECYCLED',
        refurbishedAt: null,
        recycledAt: new Date('2026-03-04T10:00:00Z'),
        deliveredAt: null,
        erasureCertificate: null,
        erasureMethod: null,
        erasedAt: null,
      },
    ]);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'serial_number;category;brand;model;donation;received_at;status;outcome;refurbished_at;recycled_at;delivered_at;erasure_certificate;erasure_method;erased_at;devenir;methode_effacement',
    );
    expect(lines[1]).toBe(
      'SN-1;LAPTOP;Dell;"Latitude; 5490";DON-2026-000001;2026-03-01T09:00:00.000Z;DELIVERED;REUSED;2026-03-03T10:00:00.000Z;;2026-04-01T10:00:00.000Z;ERA-2026-000001;NIST_800_88_PURGE;2026-03-02T10:00:00.000Z;remis à une personne;effacement sécurisé (NIST SP 800-88, niveau « Purge »)',
    );
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")";MONITOR;;;DON-2026-000001;;RECYCLED;RECYCLED;;2026-03-04T10:00:00.000Z;;;;;recyclé;`);
  });
});
