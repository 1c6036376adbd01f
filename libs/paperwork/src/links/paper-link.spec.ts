import { checkPaperLink, paperSignature } from './paper-link';

describe('signed paper links', () => {
  const secret = 'a-secret-of-the-server-0123456789';
  const expires = Math.floor(Date.UTC(2030, 0, 1) / 1000);
  const parts = ['donation-1', 'refurbisher-1'];
  const signature = paperSignature(secret, 'agreement', parts, expires);

  it('holds for the paper it was made for, until it expires', () => {
    expect(checkPaperLink(secret, 'agreement', parts, expires, signature, new Date(Date.UTC(2029, 0, 1)))).toBe('valid');
    expect(checkPaperLink(secret, 'agreement', parts, expires, signature, new Date(Date.UTC(2030, 0, 2)))).toBe('expired');
  });

  it('is refused for another paper, another kind, another expiry or another secret', () => {
    const at = new Date(Date.UTC(2029, 0, 1));
    expect(checkPaperLink(secret, 'agreement', ['donation-1', 'refurbisher-2'], expires, signature, at)).toBe('forged');
    expect(checkPaperLink(secret, 'tax-receipt', parts, expires, signature, at)).toBe('forged');
    expect(checkPaperLink(secret, 'agreement', parts, expires + 1, signature, at)).toBe('forged');
    expect(checkPaperLink('another-secret-of-the-server-012345', 'agreement', parts, expires, signature, at)).toBe('forged');
    expect(checkPaperLink(secret, 'agreement', parts, expires, 'short', at)).toBe('forged');
  });
});
