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
