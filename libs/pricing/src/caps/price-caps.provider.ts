import { Provider } from '@nestjs/common';
import { PriceCaps } from './price-caps';

/** The caps of the data file, checked once at start. */
export const priceCapsProvider: Provider = { provide: PriceCaps, useFactory: () => new PriceCaps() };
