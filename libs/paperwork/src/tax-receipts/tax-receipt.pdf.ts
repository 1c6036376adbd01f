import { parisDay } from '@app/common';
import type { PaperParty } from '../agreements/donation-agreement.pdf';
import { drawnPdf, heading, labelled, paperDocument } from '../files/paper-pdf';
import { euroAmountInFigures, euroAmountInWords } from '../text/amount-in-words';

export interface TaxReceiptPaper {
  receipt: {
    number: string;
    donationReference: string;
    valuationCents: number;
    giftDate: Date;
    goodsDescription: string;
    deviceCount: number;
    createdAt: Date;
  };
  donor: PaperParty;
  /** the refurbisher that received the gift and issues the receipt */
  beneficiary: PaperParty;
}

/**
 * The receipt for a gift in kind with the fields of the model 2041-MEC-SD (Cerfa n° 16216, « Reçu
 * des dons et versements effectués par les entreprises au titre de l’article 238 bis du code
 * général des impôts »): its number, the beneficiary (name, SIRET, address, object, quality), the
 * donor company (name, SIRET, address), the amount in figures and in words, the date, form and
 * nature of the gift. The valuation of a gift in kind is the donor company's to establish (the
 * refurbisher enters the figure agreed with it): the receipt says so.
 */
export function taxReceiptPdf(p: TaxReceiptPaper): PDFKit.PDFDocument {
  const r = p.receipt;
  const doc = paperDocument(`Reçu au titre des dons n° ${r.number}`, p.beneficiary.name);
  return drawnPdf(doc, (d) => {
    d.font('titre').fontSize(14).text('Reçu des dons et versements effectués par les entreprises', { align: 'center' });
    d.font('texte').fontSize(10).text('au titre de l’article 238 bis du code général des impôts — modèle 2041-MEC-SD', { align: 'center' });
    d.moveDown(0.6);
    labelled(d, 'Numéro d’ordre du reçu', r.number);

    heading(d, 'Bénéficiaire des dons');
    labelled(d, 'Dénomination', p.beneficiary.name);
    labelled(d, 'SIRET', p.beneficiary.siret ?? 'non renseigné');
    labelled(d, 'Adresse', p.beneficiary.address ?? 'non renseignée');
    labelled(d, 'Objet', 'reconditionnement et réemploi solidaire de matériel informatique au profit de personnes qui en sont dépourvues');
    labelled(d, 'Qualité', 'organisme d’intérêt général, éligible au régime de l’article 238 bis du code général des impôts');

    heading(d, 'Entreprise donatrice');
    labelled(d, 'Dénomination', p.donor.name);
    labelled(d, 'SIRET', p.donor.siret ?? 'non renseigné');
    labelled(d, 'Adresse', p.donor.address ?? 'non renseignée');

    heading(d, 'Don');
    d.text('Le bénéficiaire reconnaît avoir reçu, au titre des dons et versements ouvrant droit à réduction d’impôt, un don de :', { align: 'justify' });
    d.moveDown(0.3);
    labelled(d, 'Montant', euroAmountInFigures(r.valuationCents));
    labelled(d, 'Somme en toutes lettres', euroAmountInWords(r.valuationCents));
    labelled(d, 'Date du don', parisDay(r.giftDate));
    labelled(d, 'Forme du don', 'don en nature');
    labelled(
      d,
      'Nature du don',
      `matériel informatique d’occasion : ${r.goodsDescription} (${r.deviceCount} appareil${r.deviceCount >= 2 ? 's' : ''}), don ${r.donationReference}`,
    );
    d.moveDown(0.3)
      .fontSize(9)
      .text(
        'Le montant est la valorisation du don en nature établie par l’entreprise donatrice, selon les règles applicables aux dons en nature, ' +
          'et reportée par le bénéficiaire ; l’entreprise conserve les pièces justifiant cette valorisation.',
        { align: 'justify' },
      )
      .fontSize(10);

    d.moveDown(1.2).text(`Fait le ${parisDay(r.createdAt)}, pour ${p.beneficiary.name}.`);
    d.moveDown(0.5).text('Signature :');
  });
}
