import { escapeHtml, parisDay } from '@app/common';
import { AttestationVerification } from './attestation-verification.types';
import { categoryCount, frCount, frNumber, peopleAccompaniedClause } from './french-labels';
import { lastDayOf } from './impact-file-names';

const page = (title: string, body: string) =>
  `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}
.ok{color:#18753c}.ko{color:#ce0500}.warn{background:#fff4e5;padding:.5rem 1rem}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style>
</head><body>${body}</body></html>
`;

/** What an attestation says of the people accompanied; nothing for one issued before it said it. */
const accompanied = (n: number | null) => (n === null ? '' : peopleAccompaniedClause(n));

/** The public verification page (GET /verifier/:code): plain French HTML, no script, no outside resource. */
export function attestationPage(code: string, v: AttestationVerification): string {
  const shown = escapeHtml(code.slice(0, 64));
  if (!v.valid || !v.figures || !v.from || !v.to) {
    return page(
      'Attestation non reconnue',
      `<h1 class="ko">Attestation non reconnue</h1>
<p>Le code <strong>${shown}</strong> ne correspond à aucune attestation délivrée par le réseau.</p>
<p>Vérifiez la saisie du code imprimé au bas de l’attestation (lettres, chiffres et tirets). S’il est exact, le document n’a pas été délivré par le réseau ou a été modifié : demandez au donateur une attestation d’origine.</p>`,
    );
  }
  const f = v.figures;
  const rows = f.byCategory
    .map((c) => `<tr><td>${escapeHtml(categoryCount(c.received, c.category))} reçus</td><td>${frNumber(c.reused)}</td><td>${frNumber(c.recycled)}</td></tr>`)
    .join('');
  return page(
    'Attestation authentique',
    `<h1 class="ok">Attestation authentique</h1>
<p>Le code <strong>${shown}</strong> correspond à une attestation délivrée le ${escapeHtml(parisDay(v.issuedAt!))} par <strong>${escapeHtml(v.issuerName ?? '')}</strong>.</p>
${v.stillCurrent ? '' : '<p class="warn">Les chiffres du donateur pour cette période ont changé depuis la délivrance (par exemple un appareil remis depuis). L’attestation reste authentique pour ce qu’elle affirmait à sa date ; une attestation à jour peut être demandée.</p>'}
<h2>Ce qu’elle atteste</h2>
<p>Donateur : <strong>${escapeHtml(v.donorName ?? '')}</strong><br>Période : du ${escapeHtml(parisDay(v.from))} au ${escapeHtml(parisDay(lastDayOf(v.to)))}</p>
<ul>
<li>${escapeHtml(frCount(f.devicesReceived, 'appareil reçu', 'appareils reçus'))}</li>
<li>${escapeHtml(frCount(f.devicesReused, 'appareil remis à une personne', 'appareils remis à des personnes'))}</li>
<li>${escapeHtml(frCount(f.devicesAwaitingBeneficiary, 'appareil reconditionné en attente de bénéficiaire', 'appareils reconditionnés en attente de bénéficiaire'))}</li>
<li>${escapeHtml(frCount(f.devicesRecycled, 'appareil recyclé', 'appareils recyclés'))}</li>
<li>${escapeHtml(frCount(f.peopleEquipped, 'personne équipée', 'personnes équipées') + accompanied(f.peopleAccompanied))}</li>
<li>${escapeHtml(frCount(f.erasureCertificates, 'certificat d’effacement des données', 'certificats d’effacement des données'))}</li>
<li>${escapeHtml(frNumber(f.co2eAvoidedKg, 1))} kg CO2e évités</li>
</ul>
<table><thead><tr><th>Catégorie</th><th>Remis</th><th>Recyclés</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}
