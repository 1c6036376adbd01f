export * from './tax-receipts/tax-receipt.entity';
export * from './tax-receipts/tax-receipt-counter.entity';
export * from './paperwork.module';
