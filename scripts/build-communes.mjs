#!/usr/bin/env node
// Rebuilds libs/common/src/geo/data/communes-fr.json, the offline index of French communes used by the
// geocoder, from official data (see libs/common/src/geo/data/README.md for sources and licences):
// - names, INSEE codes and postal codes: @etalab/decoupage-administratif (INSEE COG + La Poste) and
//   codes-postaux (npm dev dependencies, a new vintage is a version bump);
// - coordinates and La Poste delivery names ("ligne 5"): the La Poste base officielle des codes postaux
//   (laposte_hexasmal), kept gzipped in libs/common/src/geo/data/sources/.
// Usage: npm run data:communes [-- --hexasmal path/to/laposte_hexasmal.csv[.gz]]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'libs/common/src/geo/data');
const args = process.argv.slice(2);
const hexasmalPath = args.includes('--hexasmal') ? args[args.indexOf('--hexasmal') + 1] : join(dataDir, 'sources/laposte_hexasmal-2020-04.csv.gz');

const communes = require('@etalab/decoupage-administratif/data/communes.json');
const codesPostaux = require('codes-postaux/codes-postaux.json');
const decoupageVersion = require('@etalab/decoupage-administratif/package.json').version;
const codesPostauxVersion = require('codes-postaux/package.json').version;

/** La Poste file: INSEE code → its point and the delivery names (ligne 5) of each of its postal codes. */
function readHexasmal(path) {
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const byCode = new Map();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [code, , postalCode, ligne5, , gps] = line.split(';');
    const entry = byCode.get(code) ?? { points: [], postalCodes: new Set(), places: new Set() };
    if (gps) {
      const [lat, lon] = gps.split(',').map(Number);
      if (Number.isFinite(lat) && Number.isFinite(lon)) entry.points.push([lat, lon]);
    }
    entry.postalCodes.add(postalCode);
    if (ligne5?.trim()) entry.places.add(ligne5.trim());
    byCode.set(code, entry);
  }
  return byCode;
}

const mean = (points) => (points.length ? [points.reduce((s, p) => s + p[0], 0) / points.length, points.reduce((s, p) => s + p[1], 0) / points.length] : null);
const clean = (s) => s.replace(/[\t\n|]/g, ' ').trim();
const simple = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .replace(/\bSAINT\b/g, 'ST')
    .replace(/\bSAINTE\b/g, 'STE')
    .trim();

const laPoste = readHexasmal(hexasmalPath);
const postalOf = new Map();
for (const c of communes) for (const pc of c.codesPostaux ?? []) (postalOf.get(c.code) ?? postalOf.set(c.code, new Set()).get(c.code)).add(pc);
for (const r of codesPostaux) (postalOf.get(r.codeCommune) ?? postalOf.set(r.codeCommune, new Set()).get(r.codeCommune)).add(r.codePostal);

const current = communes.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal');
const attached = communes.filter((c) => c.type === 'commune-deleguee' || c.type === 'commune-associee');
const childrenOf = new Map();
for (const c of attached) (childrenOf.get(c.chefLieu) ?? childrenOf.set(c.chefLieu, []).get(c.chefLieu)).push(c);
const arrondissementsOf = new Map();
for (const c of current.filter((c) => c.type === 'arrondissement-municipal')) {
  (arrondissementsOf.get(c.commune) ?? arrondissementsOf.set(c.commune, []).get(c.commune)).push(c);
}

const pointOf = new Map();
for (const c of current) {
  const own = mean(laPoste.get(c.code)?.points ?? []);
  // A commune created after the La Poste edition: the mean of the communes it was made of.
  const fromParts = own ?? mean((childrenOf.get(c.code) ?? []).flatMap((d) => laPoste.get(d.code)?.points ?? []));
  if (fromParts) pointOf.set(c.code, fromParts);
}
// A commune restored after the La Poste edition: where La Poste delivered it then (a "ligne 5" of the commune it
// belonged to), else the mean of the communes that share its postal codes (Bihorel, missing from the La Poste file).
const placeIndex = new Map();
for (const [code, entry] of laPoste) for (const p of entry.places) (placeIndex.get(simple(p)) ?? placeIndex.set(simple(p), []).get(simple(p))).push(code);
for (const c of current.filter((c) => !pointOf.has(c.code) && c.zone !== 'com')) {
  const formerHost = (placeIndex.get(simple(c.nom)) ?? []).find((code) => code.slice(0, 2) === c.code.slice(0, 2) && pointOf.has(code));
  const neighbours = current.filter(
    (o) => o.code !== c.code && pointOf.has(o.code) && [...(postalOf.get(o.code) ?? [])].some((pc) => [...(postalOf.get(c.code) ?? [])].includes(pc)),
  );
  const prefixes = [...(postalOf.get(c.code) ?? [])].map((pc) => pc.slice(0, 4));
  const sameOffice = current.filter((o) => pointOf.has(o.code) && [...(postalOf.get(o.code) ?? [])].some((pc) => prefixes.includes(pc.slice(0, 4))));
  const point = formerHost ? pointOf.get(formerHost) : mean((neighbours.length ? neighbours : sameOffice).map((o) => pointOf.get(o.code)));
  if (point) pointOf.set(c.code, point);
}
// Paris, Lyon and Marseille as a whole: the mean of their arrondissements, used only when no arrondissement can be told.
for (const [code, arrondissements] of arrondissementsOf) {
  const point = mean(arrondissements.map((a) => pointOf.get(a.code)).filter(Boolean));
  if (point) pointOf.set(code, point);
}

const rows = [];
const missing = [];
const fmt = (n) => n.toFixed(4).replace(/\.?0+$/, '');
for (const c of current) {
  const point = pointOf.get(c.code);
  if (!point) {
    missing.push(`${c.code} ${c.nom}`);
    continue;
  }
  const postalCodes = [...(postalOf.get(c.code) ?? []), ...(laPoste.get(c.code)?.postalCodes ?? [])];
  const attachedNames = new Set((childrenOf.get(c.code) ?? []).map((d) => simple(d.nom)));
  const places = [...(laPoste.get(c.code)?.places ?? [])].filter((p) => simple(p) !== simple(c.nom) && !attachedNames.has(simple(p)));
  const parent = c.type === 'arrondissement-municipal' ? c.commune : c.code;
  rows.push([c.code, clean(c.nom), parent, fmt(point[0]), fmt(point[1]), [...new Set(postalCodes)].sort().join(' '), places.map(clean).sort().join('|')]);
  // Former communes (déléguées, associées) keep their own point when La Poste still had it.
  for (const d of childrenOf.get(c.code) ?? []) {
    if (simple(d.nom) === simple(c.nom)) continue;
    const own = mean(laPoste.get(d.code)?.points ?? []) ?? point;
    const codes = [...(postalOf.get(d.code) ?? []), ...(laPoste.get(d.code)?.postalCodes ?? [])];
    rows.push([d.code, clean(d.nom), c.code, fmt(own[0]), fmt(own[1]), [...new Set(codes.length ? codes : postalCodes)].sort().join(' '), '']);
  }
}

const output = {
  source: {
    communes: `@etalab/decoupage-administratif ${decoupageVersion} (INSEE Code officiel géographique, La Poste postal codes), Licence Ouverte 2.0`,
    postalCodes: `codes-postaux ${codesPostauxVersion} (INSEE COG, DGFiP FIMOCT), Licence Ouverte 2.0`,
    coordinates: 'La Poste, base officielle des codes postaux (laposte_hexasmal), edition of April 2020',
    built: new Date().toISOString().slice(0, 10),
  },
  columns: ['code', 'name', 'commune', 'lat', 'lon', 'postalCodes', 'places'],
  rows: rows.map((r) => r.join('\t')).join('\n'),
};
const target = join(dataDir, 'communes-fr.json');
writeFileSync(target, JSON.stringify(output, null, 2) + '\n');
execFileSync(join(root, 'node_modules/.bin/prettier'), ['--write', target], { stdio: 'ignore' });
console.log(`${rows.length} rows (${current.length} communes and arrondissements, ${attached.length} former communes) → ${target}`);
console.log(`${readFileSync(target).length} bytes; without a point: ${missing.length ? missing.join(', ') : 'none'}`);
