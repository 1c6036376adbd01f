/**
 * What benchmarks and property tests may reach beyond the public API: reference solvers and optimality checks.
 * Production code never imports this entry; the LP reference loads a dev dependency (highs).
 */
export * from './solver/testing/optimality-certificate';
export * from './solver/testing/routing-lp-reference';
