import { parseInventoryCsv } from './inventory-csv';

describe('parseInventoryCsv', () => {
  it('reads a spreadsheet export with a BOM, semicolons, any case and quotes', () => {
    const text = '\uFEFFCategory;QUANTITY;Brand;Model;Year;DataBearing\r\nlaptop;12;Dell;"Latitude 5490; i5";2019;oui\r\nMONITOR;4;;;;\r\n\r\n';
    const { rows, errors } = parseInventoryCsv(text);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { category: 'LAPTOP', quantity: 12, brand: 'Dell', model: 'Latitude 5490; i5', year: 2019, dataBearing: true },
      { category: 'MONITOR', quantity: 4, brand: null, model: null, year: null, dataBearing: null },
    ]);
  });

  it('reports every bad row with its line number', () => {
    const text = 'category,quantity,brand,model,year,dataBearing\nLAPTOP,3,HP,,2018,true\nTOASTER,2,,,,\nLAPTOP,-1,,,,\nTABLET,2,,,1900,maybe\n';
    const { errors } = parseInventoryCsv(text);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(errors[0]!.message).toMatch(/unknown category "TOASTER"/);
    expect(errors[2]!.message).toMatch(/year.*dataBearing/);
  });

  it('refuses a file without the required header', () => {
    expect(parseInventoryCsv('kind,count\nLAPTOP,2').errors[0]).toEqual({ line: 1, message: expect.stringMatching(/category and quantity/) });
    expect(parseInventoryCsv('').errors).toHaveLength(1);
  });
});

describe('parseInventoryCsv numbers and characters', () => {
  const withQuantity = (quantity: string) => parseInventoryCsv(`category;quantity;year\nLAPTOP;${quantity};2019\n`);

  it.each(['1e3', '0x10', '0b11', '0o7', '1_000', '12abc', ' 12abc', 'Infinity', '-3', '+3', '3.0', '1 000', ''])(
    'refuses the quantity %j, naming the line and the column',
    (quantity) => {
      const { rows, errors } = withQuantity(quantity);
      expect(rows).toEqual([]);
      expect(errors).toEqual([{ line: 2, columns: ['quantity'], message: expect.stringMatching(/^column quantity \(B\): must be a whole number/) }]);
    },
  );

  it('takes plain decimal digits, with the spaces a spreadsheet leaves around them', () => {
    expect(withQuantity(' 0012 ').rows[0]!.quantity).toBe(12);
    expect(withQuantity('10000').rows[0]!.quantity).toBe(10_000);
  });

  it('refuses a year written otherwise than in digits', () => {
    const { errors } = parseInventoryCsv('category,quantity,Year\nLAPTOP,2,2e3\nLAPTOP,2,0x7E3\n');
    expect(errors.map((e) => [e.line, e.columns])).toEqual([
      [2, ['Year']],
      [3, ['Year']],
    ]);
    expect(errors[0]!.message).toMatch(/column Year \(C\)/);
  });

  it('refuses a cell holding NUL, a zero-width or a bidirectional character, and accepts the opening BOM', () => {
    const { errors } = parseInventoryCsv(
      '\uFEFFcategory;quantity;brand;model\nLAPTOP;2;De\u0000ll;\nLAPTOP;2;;Lati\u200Btude\nLAPTOP;2;\u202EleD;\nLAPTOP;2;Dell;Latitude\n',
    );
    expect(errors.map((e) => [e.line, e.columns])).toEqual([
      [2, ['brand']],
      [3, ['model']],
      [4, ['brand']],
    ]);
    expect(errors[0]!.message).toMatch(/U\+0000/);
  });
});
