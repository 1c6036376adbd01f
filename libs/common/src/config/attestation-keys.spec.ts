import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from './app-config';

describe('ATTESTATION_KEYS', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'attestation-keys-'));
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/reuse', JWT_SECRET: 'j'.repeat(48) };
  const secret1 = 'a'.repeat(32);
  const secret2 = 'b'.repeat(40);

  it('reads the keys newest first, every one kept for verifying', () => {
    expect(loadAppConfig({ ...production, ATTESTATION_KEYS: `k2:${secret2}, k1:${secret1}` }).attestationKeys).toEqual([
      { id: 'k2', secret: secret2 },
      { id: 'k1', secret: secret1 },
    ]);
  });

  it('is required in production, and refuses short secrets, bad ids, a key named twice and the JWT secret', () => {
    expect(() => loadAppConfig(production)).toThrow(/ATTESTATION_KEYS is required in production/);
    expect(() => loadAppConfig({ ...production, ATTESTATION_KEYS: 'k1:short' })).toThrow(/at least 32 characters/);
    expect(() => loadAppConfig({ ...production, ATTESTATION_KEYS: `k-1:${secret1}` })).toThrow(/1 to 8 letters or digits/);
    expect(() => loadAppConfig({ ...production, ATTESTATION_KEYS: `k1:${secret1},K1:${secret2}` })).toThrow(/names the key "K1" twice/);
    expect(() => loadAppConfig({ ...production, ATTESTATION_KEYS: `k1:${'j'.repeat(48)}` })).toThrow(/must not reuse JWT_SECRET/);
  });

  it('outside production: a key kept beside the embedded data, or one derived apart from the JWT secret', () => {
    const data = dir();
    const embedded = loadAppConfig({ DATA_DIR: data }).attestationKeys;
    expect(embedded).toEqual([{ id: 'k1', secret: expect.any(String) }]);
    expect(loadAppConfig({ DATA_DIR: data }).attestationKeys).toEqual(embedded);
    const derived = loadAppConfig({ DATA_DIR: dir(), DATABASE_URL: 'postgres://db/reuse', JWT_SECRET: 'j'.repeat(48) }).attestationKeys;
    expect(derived).toHaveLength(1);
    expect(derived[0]!.secret).not.toBe('j'.repeat(48));
  });
});
