import { parisDay } from '@app/common';
import { categoryCount, ERASURE_METHOD_LABEL } from '@app/reporting';
import { drawnPdf, heading, labelled, paperDocument } from '../files/paper-pdf';

export interface PaperParty {
  name: string;
  siret: string | null;
  /** one line, or null when unknown */
  address: string | null;
}

/** What a donation agreement states, read from the donation, its accepted lots and the devices received. */
export interface DonationAgreementPaper {
  reference: string;
  donationReference: string;
  donor: PaperParty;
  refurbisher: PaperParty;
  /** when the refurbisher claimed (accepted) its first lot of the donation */
  acceptedAt: Date | null;
  /** when the pickup was completed: ownership passed then; null while it has not happened */
  collectedAt: Date | null;
  /** per category: accepted (the lots' quantities) and received (registered at intake) */
  inventory: Array<{ category: string; accepted: number; received: number }>;
  /** the devices registered at intake, with their erasure certificate when there is one */
  devices: Array<{ serialNumber: string; category: string; certificate: string | null; method: string | null }>;
  issuedAt: Date;
}

const party = (p: PaperParty) => [p.name, p.siret ? `SIRET ${p.siret}` : 'SIRET non renseigné', p.address ?? 'adresse non renseignée'].join(' — ');

/**
 * The donation agreement (convention de don), in French: the parties, the inventory, the
 * refurbisher's data-erasure commitment with a certificate per device, and the transfer of
 * ownership at pickup. Its wording states only what the service records.
 */
export function donationAgreementPdf(a: DonationAgreementPaper): PDFKit.PDFDocument {
  const doc = paperDocument(`Convention de don ${a.reference}`, a.refurbisher.name);
  return drawnPdf(doc, (d) => {
    d.font('titre').fontSize(16).text('Convention de don de matériel informatique', { align: 'center' });
    d.moveDown(0.5).font('texte').fontSize(10);
    labelled(d, 'Référence', a.reference);
    labelled(d, 'Don', a.donationReference);

    heading(d, 'Entre les soussignés');
    labelled(d, 'Le donateur', party(a.donor));
    labelled(d, 'L’atelier de reconditionnement bénéficiaire', party(a.refurbisher));

    heading(d, 'Article 1 — Objet');
    d.text(
      `${a.donor.name} donne à ${a.refurbisher.name}, qui l’accepte, à titre gratuit et sans contrepartie, le matériel informatique décrit à l’article 2, ` +
        `en vue de son réemploi par des personnes qui en ont besoin, ou à défaut de son recyclage.` +
        (a.acceptedAt ? ` Le don a été accepté par l’atelier le ${parisDay(a.acceptedAt)}.` : ''),
      { align: 'justify' },
    );

    heading(d, 'Article 2 — Inventaire');
    for (const line of a.inventory) {
      const received = line.received
        ? ` — ${categoryCount(line.received, line.category)} reçu${line.received >= 2 ? 's' : ''} et enregistré${line.received >= 2 ? 's' : ''}`
        : '';
      d.text(`• ${categoryCount(line.accepted, line.category)} accepté${line.accepted >= 2 ? 's' : ''}${received}`, { indent: 10 });
    }
    if (a.devices.length) {
      d.moveDown(0.3).text('Numéros de série enregistrés à la réception :');
      d.fontSize(8);
      for (const device of a.devices) d.text(`${device.serialNumber} (${categoryCount(1, device.category).replace(/^1 /, '')})`, { indent: 10 });
      d.fontSize(10);
    } else {
      d.moveDown(0.3).text('Les numéros de série seront enregistrés à la réception du matériel par l’atelier.');
    }

    heading(d, 'Article 3 — Effacement des données');
    d.text(
      'L’atelier s’engage à effacer les données de chaque appareil porteur de données avant tout réemploi ou recyclage, par un effacement ' +
        'conforme à la norme NIST SP 800-88 (niveau « Clear » ou « Purge ») ou par la destruction physique du support, et à établir pour chaque ' +
        'appareil un certificat d’effacement numéroté, consultable par le donateur. Aucun appareil porteur de données n’est remis en stock ni ' +
        'recyclé sans effacement vérifié.',
      { align: 'justify' },
    );
    const certified = a.devices.filter((x) => x.certificate);
    if (certified.length) {
      d.moveDown(0.3).text('Certificats d’effacement établis à ce jour :');
      d.fontSize(8);
      for (const x of certified)
        d.text(`${x.certificate} — n° de série ${x.serialNumber} — ${ERASURE_METHOD_LABEL[x.method ?? ''] ?? 'méthode non précisée'}`, { indent: 10 });
      d.fontSize(10);
    }

    heading(d, 'Article 4 — Transfert de propriété');
    d.text(
      'La propriété du matériel, ainsi que sa garde et les risques, sont transférés à l’atelier au moment de son enlèvement chez le donateur' +
        (a.collectedAt ? `, intervenu le ${parisDay(a.collectedAt)}.` : ', dont la date sera celle de l’enlèvement effectif.'),
      { align: 'justify' },
    );

    d.moveDown(1.2).text(`Établie le ${parisDay(a.issuedAt)}, en deux exemplaires.`);
    d.moveDown(1.5);
    const y = d.y;
    const left = d.page.margins.left;
    const half = (d.page.width - left - d.page.margins.right) / 2;
    d.text('Pour le donateur', left, y, { width: half - 10 });
    d.text('Pour l’atelier', left + half, y, { width: half - 10 });
  });
}
