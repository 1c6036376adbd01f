import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorReason } from './error-reason';
import { REASON_EXAMPLES } from './reason-examples';
import { frenchMessage } from './reason-messages.fr';

/** What a person must never read: a code, an English state name, a hole where a parameter was missing. */
const LEAKS = /\b[A-Z]{2,}_[A-Z_]+\b|undefined|null|NaN|\[object|\{|\}/;

describe('French messages of the refusal reasons', () => {
  it.each(Object.values(ErrorReason))('%s reads as a French sentence, even without details', (reason) => {
    const message = frenchMessage(reason);
    expect(message).toMatch(/^[A-ZÀ-Ý].*[.!]$/);
    // no code, no English state name leaks to a person
    expect(message).not.toMatch(LEAKS);
  });

  it.each(Object.values(ErrorReason))('%s reads as a French sentence from the details of a typical refusal', (reason) => {
    const message = frenchMessage(reason, REASON_EXAMPLES[reason]);
    expect(message).toMatch(/^[A-ZÀ-Ý«].*[.!]$/);
    expect(message).not.toMatch(LEAKS);
  });

  it('says numbers, dates and durations as people read them', () => {
    expect(frenchMessage(ErrorReason.PAGE_TOO_LARGE, { max: 500, given: 1000 })).toBe('Demandez au plus 500 éléments par page.');
    expect(frenchMessage(ErrorReason.TOO_MANY_LOGIN_FAILURES, { retryAfterSeconds: 900 })).toMatch(/réessayez dans 15 min,/);
    expect(frenchMessage(ErrorReason.PICKUP_BEFORE_AVAILABILITY, { availableFrom: '2026-03-10T08:00:00.000Z' })).toBe(
      'Le matériel n’est disponible qu’à partir du mardi 10 mars 2026 à 9 h 00 : choisissez une date d’enlèvement à partir de ce moment.',
    );
    expect(frenchMessage(ErrorReason.NO_CAPACITY_DECLARED, { categories: ['TABLET', 'MONITOR'] })).toBe(
      'L’atelier ne déclare aucune capacité pour : tablettes, écrans. Déclarez-en une avant de lui attribuer ces appareils.',
    );
    expect(frenchMessage(ErrorReason.INVALID_INPUT, { fields: [{ path: 'siret' }, { path: 'address.postalCode' }] })).toBe(
      'Les valeurs des champs « siret », « address.postalCode » ne sont pas valables : corrigez-les.',
    );
  });

  it('docs/errors.md lists every reason, so the table cannot fall behind the code', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/errors.md'), 'utf8');
    const listed = new Set([...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]));
    expect(Object.values(ErrorReason).filter((r) => !listed.has(r))).toEqual([]);
    expect([...listed].filter((r) => !(Object.values(ErrorReason) as string[]).includes(r!))).toEqual([]);
  });

  it('names the states of a refused transition in French', () => {
    expect(frenchMessage(ErrorReason.TRANSITION_NOT_ALLOWED, { entity: 'Device', from: 'RECEIVED', to: 'IN_STOCK' })).toBe(
      'Cet appareil est à l’état « réceptionné » : impossible de passer à l’état « en stock ». Rechargez la page pour voir son état actuel.',
    );
  });

  it('says when to try again after a rate limit', () => {
    expect(frenchMessage(ErrorReason.RATE_LIMITED, { retryAfterSeconds: 30 })).toBe('Trop de demandes : réessayez dans 30 secondes.');
  });
});
