import { AttestationStatement, canonicalStatement, normalizeCode, signStatement, statementIsGenuine } from './verification-code';

describe('attestation codes', () => {
  const statement: AttestationStatement = {
    donorId: 'd1',
    donorName: 'Œuvre de Łódź',
    issuerName: 'Coordination ARA',
    from: '2026-01-01T00:00:00.000Z',
    to: '2027-01-01T00:00:00.000Z',
    figures: {
      devicesDeclared: 10,
      devicesReceived: 9,
      devicesReused: 6,
      devicesAwaitingBeneficiary: 1,
      devicesRecycled: 2,
      peopleEquipped: 4,
      erasureCertificates: 8,
      certificatesDigest: 'abc',
      co2eAvoidedKg: 1095.6,
      byCategory: [{ category: 'LAPTOP', declared: 10, received: 9, reused: 6, awaitingBeneficiary: 1, recycled: 2, co2eAvoidedKg: 1095.6 }],
      beneficiaryProfiles: [{ profile: 'SENIOR', count: 5 }],
    },
  };
  const k1 = { id: 'k1', secret: 'one-'.repeat(10) };
  const k2 = { id: 'k2', secret: 'two-'.repeat(10) };

  it('names its key, then four groups of four Crockford characters; stable for the same statement', () => {
    const { code } = signStatement([k1], statement);
    expect(code).toMatch(/^K1(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(signStatement([k1, k2], { ...statement, figures: { ...statement.figures } }).code).toBe(code);
  });

  it('changes with any figure, the names, the period, or the key', () => {
    const { code } = signStatement([k1], statement);
    const variants: AttestationStatement[] = [
      { ...statement, donorName: 'Oeuvre de Lodz' },
      { ...statement, issuerName: 'Autre' },
      { ...statement, to: '2026-12-31T00:00:00.000Z' },
      { ...statement, figures: { ...statement.figures, devicesReused: 7 } },
      { ...statement, figures: { ...statement.figures, devicesAwaitingBeneficiary: 0 } },
      { ...statement, figures: { ...statement.figures, certificatesDigest: 'abd' } },
    ];
    for (const v of variants) expect(signStatement([k1], v).code).not.toBe(code);
    expect(signStatement([k2, k1], statement).code).not.toBe(code);
  });

  it('verifies with the key the code names, after a rotation too; refuses an altered statement, code or unknown key', () => {
    const signed = signStatement([k1], statement);
    expect(statementIsGenuine([k2, k1], signed.keyId, statement, signed.code, signed.signature)).toBe(true);
    expect(statementIsGenuine([k2], signed.keyId, statement, signed.code, signed.signature)).toBe(false);
    const altered = { ...statement, figures: { ...statement.figures, devicesReused: 60 } };
    expect(statementIsGenuine([k1], signed.keyId, altered, signed.code, signed.signature)).toBe(false);
    const oneCharacter = signed.code.slice(0, -1) + (signed.code.endsWith('0') ? '1' : '0');
    expect(statementIsGenuine([k1], signed.keyId, statement, oneCharacter, signed.signature)).toBe(false);
  });

  describe('versioned statements', () => {
    // a format-2 statement as the first attestations stored it: no format field, no people accompanied
    const v2: AttestationStatement = statement;
    const v3: AttestationStatement = { ...statement, format: 3, figures: { ...statement.figures, peopleAccompanied: 2 } };

    it('signs a statement without a format exactly as the first attestations were signed', () => {
      // the canonical text of format 2, frozen: an attestation issued before format 3 verifies only if this never changes
      expect(canonicalStatement(v2)).toBe(
        JSON.stringify([
          'attestation-v2',
          'd1',
          'Œuvre de Łódź',
          'Coordination ARA',
          '2026-01-01T00:00:00.000Z',
          '2027-01-01T00:00:00.000Z',
          JSON.stringify([10, 9, 6, 1, 2, 4, 8, 'abc', 1095.6, [['LAPTOP', 10, 9, 6, 1, 2, 1095.6]], [['SENIOR', 5]]]),
        ]),
      );
      // a figure a format does not state is not read: an old row never had it
      expect(signStatement([k1], { ...v2, figures: { ...v2.figures, peopleAccompanied: 3 } }).code).toBe(signStatement([k1], v2).code);
    });

    it('seals the people accompanied from format 3 on, and each format verifies with its own fields', () => {
      const old = signStatement([k1], v2);
      const current = signStatement([k1], v3);
      expect(current.code).not.toBe(old.code);
      expect(signStatement([k1], { ...v3, figures: { ...v3.figures, peopleAccompanied: 1 } }).code).not.toBe(current.code);
      expect(statementIsGenuine([k2, k1], old.keyId, v2, old.code, old.signature)).toBe(true);
      expect(statementIsGenuine([k2, k1], current.keyId, v3, current.code, current.signature)).toBe(true);
      // a stored row moved to another format, or its people accompanied changed, is no longer genuine
      expect(statementIsGenuine([k1], old.keyId, { ...v2, format: 3 }, old.code, old.signature)).toBe(false);
      expect(statementIsGenuine([k1], current.keyId, { ...v3, format: undefined }, current.code, current.signature)).toBe(false);
      expect(statementIsGenuine([k1], current.keyId, { ...v3, figures: { ...v3.figures, peopleAccompanied: 20 } }, current.code, current.signature)).toBe(
        false,
      );
    });
  });

  it('reads a code as a person types it, and refuses what cannot be one', () => {
    const { code } = signStatement([k1], statement);
    expect(normalizeCode(` ${code.toLowerCase()} `)).toBe(code);
    for (const bad of ['', 'K1', 'K1-ABCD', 'K1-ABCD-EFGH-JKMN-PQRU', `${'X'.repeat(9)}-ABCD-EFGH-JKMN-PQRS`, `${code}-0000`])
      expect(normalizeCode(bad)).toBeNull();
  });
});
