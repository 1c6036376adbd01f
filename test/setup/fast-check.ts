import fc from 'fast-check';

/**
 * Every property test runs from the run's seed (test/setup/fast-check-seed.js), never one of its
 * own: a failure names it, and FC_SEED=<seed> replays the same cases and the same shrinking.
 */
const seed = Number(process.env.FC_SEED);
if (Number.isInteger(seed)) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed });
