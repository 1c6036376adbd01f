import { frenchCommunes, geocodeFrenchCity, lookupFrenchPlace } from './french-geocoder';
import { greatCircleKm } from './great-circle';

/**
 * Addresses as people and companies write them, with the point of the town (its centre or town hall)
 * as given by Wikipedia's coordinates, typed in by hand: a source independent of the La Poste file.
 * The allowance is wider for very large communes (communes nouvelles, overseas), whose La Poste point
 * is the middle of the commune rather than its main town.
 */
type Row = [city: string, postalCode: string, lat: number, lon: number, km?: number];

const ADDRESSES: Row[] = [
  ["Marcy-l'Étoile", '69280', 45.783, 4.717],
  ["Saint-Didier-au-Mont-d'Or", '69370', 45.8125, 4.7992],
  ['Taponas', '69220', 46.1211, 4.7653],
  ['Lyon Cedex 03', '69441', 45.7597, 4.862],
  ['Lyon 3e Arrondissement', '69003', 45.7597, 4.862],
  ['Évry-Courcouronnes', '91000', 48.629, 2.441],
  ['Les Belleville', '73440', 45.3806, 6.5053, 10],
  ['Saint-Denis', '97400', -20.8789, 55.4481, 8],
  ['Lyon', '69001', 45.7675, 4.8345],
  ['LYON 07', '69007', 45.7453, 4.8429],
  ['Lyon 9ème', '69009', 45.7741, 4.8044],
  ['Paris', '75001', 48.8625, 2.3364],
  ['Paris 16ème', '75016', 48.8637, 2.2769, 3],
  ['PARIS 20', '75020', 48.8634, 2.3984],
  ['Paris Cedex 07', '75341', 48.8561, 2.3122],
  ['Marseille', '13001', 43.2999, 5.3841],
  ['Marseille 8e Arrondissement', '13008', 43.2414, 5.384, 6],
  ['Marseille Cedex 03', '13331', 43.3112, 5.3802],
  ['ST ETIENNE', '42000', 45.4397, 4.3872],
  ['Ste Foy les Lyon', '69110', 45.7336, 4.8028],
  ['St-Malo', '35400', 48.6493, -2.0257],
  ['Havre', '76600', 49.4944, 0.1079],
  ['LE HAVRE', '76610', 49.4944, 0.1079],
  ['la rochelle', '17000', 46.1603, -1.1511],
  ['Isle sur la Sorgue', '84800', 43.9194, 5.0514],
  ["Les Sables-d'Olonne", '85100', 46.4969, -1.7831, 8],
  ['Fort-de-France', '97200', 14.6161, -61.0588, 6],
  ['Pointe-à-Pitre', '97110', 16.2411, -61.5331],
  ['Rémire-Montjoly', '97354', 4.9167, -52.2667, 6],
  ['Mamoudzou', '97600', -12.7806, 45.2278, 6],
  ['Saint-Pierre', '97410', -21.3393, 55.4781, 8],
  ['Ajaccio', '20000', 41.9192, 8.7386, 8],
  ['Bastia', '20200', 42.6977, 9.4508],
  ['Strasbourg Cedex', '67091', 48.5734, 7.7521],
  ['Toulouse Cedex 9', '31077', 43.6047, 1.4442],
  ['Aix-en-Provence Cedex 1', '13617', 43.5297, 5.4474, 8],
  ['Bordeaux', '33000', 44.8378, -0.5792],
  ['Vézelay', '89450', 47.4661, 3.7275],
  ['Saint-Cirq-Lapopie', '46330', 44.465, 1.67, 6],
  ['Rocamadour', '46500', 44.7992, 1.6178, 6],
  ['Gordes', '84220', 43.9114, 5.2, 6],
  ['Eguisheim', '68420', 48.0428, 7.3064],
  ['Locronan', '29180', 48.0975, -4.2094],
  ['Chamonix Mont Blanc', '74400', 45.9237, 6.8694, 8],
  ['Villeurbanne', '69100', 45.7719, 4.8902],
  ['Saint-Denis', '93200', 48.9362, 2.3574],
  ['Puy en Velay', '43000', 45.0434, 3.8858],
  ['ST GERMAIN EN LAYE', '78100', 48.8989, 2.0938, 6],
  ['Boulogne-Billancourt', '92100', 48.8397, 2.2399],
  ['Annecy', '74000', 45.8992, 6.1294, 6],
  // former communes and La Poste localities lead to the commune they belong to
  ['Annecy-le-Vieux', '74940', 45.9192, 6.1425, 6],
  ['Courcouronnes', '91080', 48.6239, 2.4297],
  ['Val Thorens', '73440', 45.2981, 6.58, 10],
  // slight misspellings, when the postal code has only one commune that close
  ["Marcy l'Etoille", '69280', 45.783, 4.717],
  ['Taponnas', '69220', 46.1211, 4.7653],
  ['Villeurbane', '69100', 45.7719, 4.8902],
];

describe('lookupFrenchPlace', () => {
  it.each(ADDRESSES)('places "%s" (%s) within a few km of its known point', (...[city, postalCode, lat, lon, km = 5]: Row) => {
    const location = geocodeFrenchCity(city, postalCode);
    expect(location).not.toBeNull();
    expect(greatCircleKm(location!, { lat, lon })).toBeLessThan(km);
  });

  it('places each arrondissement of Paris, Lyon and Marseille on its own point', () => {
    const lyon1 = geocodeFrenchCity('Lyon', '69001')!;
    const lyon8 = geocodeFrenchCity('Lyon', '69008')!;
    expect(greatCircleKm(lyon1, lyon8)).toBeGreaterThan(3);
    expect(lookupFrenchPlace('Lyon Cedex 03', '69441').place?.code).toBe('69383');
    expect(lookupFrenchPlace('Paris 16e', '75116').place?.code).toBe('75116');
    expect(lookupFrenchPlace('Marseille', '13013').place?.code).toBe('13213');
    const arrondissements = frenchCommunes().filter((c) => c.commune === '75056' && c.code !== '75056');
    expect(new Set(arrondissements.map((a) => `${a.lat},${a.lon}`)).size).toBe(20);
  });

  it('knows every current commune, with a point in France or overseas', () => {
    const communes = frenchCommunes();
    expect(communes.length).toBeGreaterThan(34_900);
    expect(communes.every((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon))).toBe(true);
    expect(communes.filter((c) => /^97[1-6]/.test(c.code)).length).toBeGreaterThanOrEqual(129);
  });

  it('refuses a place it cannot tell, and lists the communes of the postal code', () => {
    const lookup = lookupFrenchPlace('Atlantis', '69280');
    expect(lookup.place).toBeNull();
    expect(lookup.suggestions).toEqual(["Marcy-l'Étoile", 'Sainte-Consorce']);
    expect(geocodeFrenchCity('Lyon', '75001')).toBeNull();
  });

  it('does not guess between two communes that are both close to a misspelt name', () => {
    // 69220 serves several communes; "Saint-Jean" matches none and is as close to several
    const lookup = lookupFrenchPlace('Saint-Jean', '69220');
    expect(lookup.place).toBeNull();
    expect(lookup.suggestions!.length).toBeGreaterThan(1);
  });

  it('reads a postal code whose leading zero a spreadsheet dropped', () => {
    expect(lookupFrenchPlace('Bourg-en-Bresse', '1000').place?.code).toBe('01053');
  });
});
