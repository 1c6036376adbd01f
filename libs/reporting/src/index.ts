export * from './flows/region-flow-ledger.service';
export * from './flows/region-flow-rebuild.service';
export * from './flows/region-flows.module';
export * from './dashboard/region-dashboard.module';
export * from './impact/impact-report.module';
// the documents' French words, for the other papers (agreements, receipts, registers) to say the same
export { CATEGORY_LABEL, categoryCount, ERASURE_METHOD_LABEL } from './impact/french-labels';
