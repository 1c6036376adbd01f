import { findForbiddenCharacter } from './forbidden-characters';

describe('findForbiddenCharacter', () => {
  it.each([
    ['\u0000', 'U+0000'],
    ['\u0008', 'U+0008'],
    ['\u000B', 'U+000B'],
    ['\u001F', 'U+001F'],
    ['\u007F', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\u009F', 'U+009F'],
    ['\u200B', 'U+200B'],
    ['\u200D', 'U+200D'],
    ['\u2060', 'U+2060'],
    ['\u200E', 'U+200E'],
    ['\u200F', 'U+200F'],
    ['\u061C', 'U+061C'],
    ['\u202A', 'U+202A'],
    ['\u202E', 'U+202E'],
    ['\u2066', 'U+2066'],
    ['\u2069', 'U+2069'],
  ])('refuses %j as %s, saying where', (c, codePoint) => {
    expect(findForbiddenCharacter(`ab${c}cd`)).toEqual({ index: 2, codePoint });
  });

  it('accepts TAB, LF, CR, accents, emoji and other scripts', () => {
    expect(findForbiddenCharacter('Hélène\tŒuvre\r\nÉcole 🎓 عربى 中文 Ā\u00A0Ï')).toBeNull();
  });

  it('accepts a byte order mark opening the text (spreadsheet CSV), never one further in', () => {
    expect(findForbiddenCharacter('\uFEFFcategory;quantity')).toBeNull();
    expect(findForbiddenCharacter('LAPTOP\uFEFF')).toEqual({ index: 6, codePoint: 'U+FEFF' });
    expect(findForbiddenCharacter('\uFEFF\uFEFFx')).toEqual({ index: 1, codePoint: 'U+FEFF' });
    expect(findForbiddenCharacter('\uFEFFab\u0000')).toEqual({ index: 3, codePoint: 'U+0000' });
  });
});
