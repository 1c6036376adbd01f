export * from './flows/region-flow-ledger.service';
export * from './flows/region-flow-rebuild.service';
export * from './flows/region-flows.module';
export * from './dashboard/region-dashboard.module';
export * from './impact/impact-report.module';
