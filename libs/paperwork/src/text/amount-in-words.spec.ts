import { euroAmountInFigures, euroAmountInWords, frenchNumberInWords } from './amount-in-words';

describe('French numbers in words (traditional spelling)', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [22, 'vingt-deux'],
    [71, 'soixante et onze'],
    [72, 'soixante-douze'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, 'cent'],
    [101, 'cent un'],
    [200, 'deux cents'],
    [280, 'deux cent quatre-vingts'],
    [1000, 'mille'],
    [1001, 'mille un'],
    [2000, 'deux mille'],
    [80_000, 'quatre-vingt mille'],
    [200_000, 'deux cent mille'],
    [1_000_000, 'un million'],
    [2_000_000, 'deux millions'],
    [80_000_000, 'quatre-vingts millions'],
    [1_234_567, 'un million deux cent trente-quatre mille cinq cent soixante-sept'],
    [3_000_000_000, 'trois milliards'],
  ])('%i is "%s"', (n, words) => {
    expect(frenchNumberInWords(n)).toBe(words);
  });

  it('refuses what is not a whole number in range', () => {
    for (const n of [-1, 1.5, Number.NaN, 1e12]) expect(() => frenchNumberInWords(n)).toThrow(RangeError);
  });
});

describe('amounts in euros, as the tax receipt writes them', () => {
  it.each([
    [0, 'zéro euro'],
    [100, 'un euro'],
    [150, 'un euro et cinquante centimes'],
    [201, 'deux euros et un centime'],
    [2100, 'vingt et un euros'],
    [123456, 'mille deux cent trente-quatre euros et cinquante-six centimes'],
    [100_000_000, 'un million d’euros'],
    [100_020_000, 'un million deux cents euros'],
    [480_000, 'quatre mille huit cents euros'],
  ])('%i cents is "%s"', (cents, words) => {
    expect(euroAmountInWords(cents)).toBe(words);
  });

  it('in figures, with French grouping and a comma', () => {
    expect(euroAmountInFigures(123456).replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(euroAmountInFigures(5)).toBe('0,05 €');
  });

  it('refuses fractions of a cent', () => {
    expect(() => euroAmountInWords(10.5)).toThrow(RangeError);
  });
});
