import { PASSWORD_MIN_LENGTH, passwordWeakness } from './password-policy';

const reason = (password: string, email?: string) => passwordWeakness(password, email)?.reason ?? null;

describe('the password policy', () => {
  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters, counting letters not bytes`, () => {
    expect(reason('short-pass1')).toBe('PASSWORD_TOO_SHORT');
    expect(reason('étéàlaplage')).toBe('PASSWORD_TOO_SHORT');
    expect(reason('étéàlaplage!')).toBeNull();
  });

  it('refuses the common passwords, with digits, symbols and look-alikes added', () => {
    for (const weak of [
      'motdepasse2024',
      'P@ssw0rd2024!',
      'Azerty123456',
      'azertyuiopqs',
      '123456789012',
      'Soleil!!2024',
      'BonjourBonjour',
      'abcabcabcabc',
      '!!!!!!!!!!!!',
      'Marseille13013',
    ]) {
      expect([weak, reason(weak)]).toEqual([weak, 'PASSWORD_TOO_COMMON']);
    }
  });

  it("refuses the README's placeholder password", () => {
    expect(reason('change-me-too')).toBe('PASSWORD_TOO_COMMON');
  });

  it('refuses a password that contains the e-mail address or a name in it', () => {
    expect(reason('anne.martin-1987!', 'anne.martin@ccas-bron.fr')).toBe('PASSWORD_CONTAINS_EMAIL');
    expect(reason('Martin-de-Bron-69', 'anne.martin@ccas-bron.fr')).toBe('PASSWORD_CONTAINS_EMAIL');
    expect(reason('Martin-de-Bron-69', 'jo@ccas-bron.fr')).toBeNull();
  });

  it('accepts passphrases and the passwords of our fixtures and examples', () => {
    for (const good of ['correct-horse-battery', 'a-long-password', 'bench-password-0123', 'le chat dort sur le radiateur', 'Vélo-Pluie-Tartine-42']) {
      expect([good, reason(good, 'new.donor@ara.test')]).toEqual([good, null]);
    }
  });
});
