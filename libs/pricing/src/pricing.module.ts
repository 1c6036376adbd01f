import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { priceCapsProvider } from './caps/price-caps.provider';
import { InvoiceCounter } from './entities/invoice-counter.entity';
import { InvoiceLine } from './entities/invoice-line.entity';
import { InvoiceSettings } from './entities/invoice-settings.entity';
import { Invoice } from './entities/invoice.entity';
import { PriceListEntry } from './entities/price-list-entry.entity';
import { InvoiceFilesController } from './invoices/invoice-files.controller';
import { InvoiceFiles } from './invoices/invoice-files.service';
import { InvoicePdfThread } from './invoices/invoice-pdf-thread';
import { InvoiceLinks } from './invoices/invoice-links.service';
import { InvoiceResolver } from './resolvers/invoice.resolver';
import { PriceListResolver } from './resolvers/price-list.resolver';
import { QuoteResolver } from './resolvers/quote.resolver';
import { DevicePricing } from './services/device-pricing.service';
import { InvoiceService } from './services/invoice.service';
import { PriceListService } from './services/price-list.service';
import { QuoteService } from './services/quote.service';
import { ShipmentInvoices } from './services/shipment-invoices.subscriber';

/**
 * Money: each refurbisher's price list under the legal caps, the quote of an order, and the
 * invoice (or delivery note) of every shipment, issued in the shipping transaction, numbered
 * without gaps, served as a French PDF behind a signed link. Writes only its own tables.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PriceListEntry, InvoiceSettings, Invoice, InvoiceLine, InvoiceCounter])],
  controllers: [InvoiceFilesController],
  providers: [
    priceCapsProvider,
    PriceListService,
    DevicePricing,
    QuoteService,
    InvoiceService,
    InvoiceLinks,
    InvoiceFiles,
    InvoicePdfThread,
    ShipmentInvoices,
    PriceListResolver,
    QuoteResolver,
    InvoiceResolver,
  ],
  exports: [PriceListService, InvoiceService],
})
export class PricingModule {}
