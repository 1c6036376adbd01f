import { serveStreams } from '@app/common';
import { parentPort } from 'node:worker_threads';
import { donationAgreementPdf } from '../agreements/donation-agreement.pdf';
import { taxReceiptPdf } from '../tax-receipts/tax-receipt.pdf';
import type { PaperPdf } from './paper-pdf-thread';

// Thread entry of PaperPdfThread: draws a paper off the API's event loop and sends its bytes back.
serveStreams<PaperPdf>(parentPort!, (paper) => ({
  output: paper.kind === 'agreement' ? donationAgreementPdf(paper.agreement) : taxReceiptPdf(paper.receipt),
}));
