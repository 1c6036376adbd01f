import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DonationAgreementResolver } from './agreements/donation-agreement.resolver';
import { DonationAgreementService } from './agreements/donation-agreement.service';
import { PaperFilesController } from './files/paper-files.controller';
import { PaperPdfThread } from './files/paper-pdf-thread';
import { PaperLinks } from './links/paper-links.service';
import { PublicReuseReportResolver } from './reuse-report/public-reuse-report.resolver';
import { PublicReuseReportService } from './reuse-report/public-reuse-report.service';
import { TaxReceiptCounter } from './tax-receipts/tax-receipt-counter.entity';
import { TaxReceipt } from './tax-receipts/tax-receipt.entity';
import { TaxReceiptResolver } from './tax-receipts/tax-receipt.resolver';
import { TaxReceiptService } from './tax-receipts/tax-receipt.service';
import { WasteRegisterResolver } from './waste-register/waste-register.resolver';
import { WasteRegisterService } from './waste-register/waste-register.service';

/**
 * The papers a donor's accountant and CSR report need, and a workshop's waste register: donation
 * agreements, tax receipts, the public donors' reuse report and the register of outgoing
 * electrical waste, each as GraphQL and as a file behind a signed link (GET /papers/...). It
 * reads the domains' tables and writes only its own (tax receipts and their counters).
 */
@Module({
  imports: [TypeOrmModule.forFeature([TaxReceipt, TaxReceiptCounter])],
  controllers: [PaperFilesController],
  providers: [
    PaperLinks,
    PaperPdfThread,
    DonationAgreementService,
    DonationAgreementResolver,
    TaxReceiptService,
    TaxReceiptResolver,
    PublicReuseReportService,
    PublicReuseReportResolver,
    WasteRegisterService,
    WasteRegisterResolver,
  ],
})
export class PaperworkModule {}
