/**
 * Once per run: the seed of every property test (fast-check), FC_SEED if given, else a new one,
 * printed so that a failure can be replayed exactly: FC_SEED=<seed> npm test. Workers inherit it.
 */
module.exports = async () => {
  if (!/^-?\d+$/.test(process.env.FC_SEED ?? '')) process.env.FC_SEED = String((Math.random() * 0x100000000) ^ 0);
  process.stdout.write(`\nfast-check seed: ${process.env.FC_SEED} (replay with FC_SEED=${process.env.FC_SEED})\n`);
};
