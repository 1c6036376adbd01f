/**
 * What benchmarks and property tests may reach beyond the public API: solver internals and reference solvers.
 * Production code never imports this entry; its reference solvers load dev dependencies (highs, fast-check) and the commune data.
 */
export { aggregate } from './solver/aggregate';
export { overQualification } from './solver/cost';
export { compareLinesForService } from './solver/solve-matching';
export * from './solver/testing/lp-reference';
export * from './solver/testing/regional-instance';
