import { Controller, Get, Header, Param, Query, StreamableFile, UseFilters } from '@nestjs/common';
import { Public } from '@app/auth';
import { DonationAgreementService } from '../agreements/donation-agreement.service';
import { PaperLinks, PAPERS_PATH } from '../links/paper-links.service';
import { TaxReceiptService } from '../tax-receipts/tax-receipt.service';
import { WasteRegisterService } from '../waste-register/waste-register.service';
import { PaperFile } from './paper-file';
import { PaperFileErrorFilter } from './paper-file-error.filter';

const file = (paper: PaperFile) =>
  new StreamableFile(paper.body, { type: paper.contentType, disposition: `attachment; filename="${paper.fileName}"`, length: paper.body.length });

/** Strips the extension the link names; anything else is not a link of ours. */
function idOf(name: string, extension: 'pdf' | 'csv'): string {
  return name.endsWith(`.${extension}`) ? name.slice(0, -extension.length - 1) : '';
}

/**
 * GET /papers/... — the files behind the papers' links. No JWT (the global guard only guards
 * GraphQL; @Public says so should that change): the signed link is the authorization, checked
 * before anything is read.
 */
@Public()
@Controller(PAPERS_PATH)
@UseFilters(PaperFileErrorFilter)
export class PaperFilesController {
  constructor(
    private readonly links: PaperLinks,
    private readonly agreements: DonationAgreementService,
    private readonly receipts: TaxReceiptService,
    private readonly registers: WasteRegisterService,
  ) {}

  @Get('agreements/:donationId/:file')
  @Header('cache-control', 'private, no-store')
  @Header('x-content-type-options', 'nosniff')
  async agreement(@Param('donationId') donationId: string, @Param('file') name: string, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const refurbisherId = idOf(name, 'pdf');
    this.links.check('agreement', [donationId, refurbisherId], query);
    return file(await this.agreements.file(donationId, refurbisherId));
  }

  @Get('tax-receipts/:file')
  @Header('cache-control', 'private, no-store')
  @Header('x-content-type-options', 'nosniff')
  async taxReceipt(@Param('file') name: string, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const receiptId = idOf(name, 'pdf');
    this.links.check('tax-receipt', [receiptId], query);
    return file(await this.receipts.file(receiptId));
  }

  @Get('waste-registers/:file')
  @Header('cache-control', 'private, no-store')
  @Header('x-content-type-options', 'nosniff')
  async wasteRegister(@Param('file') name: string, @Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const refurbisherId = idOf(name, 'csv');
    const { from, to } = query;
    this.links.check('waste-register', [refurbisherId, String(from), String(to)], query);
    return file(await this.registers.file(refurbisherId, new Date(String(from)), new Date(String(to))));
  }
}
