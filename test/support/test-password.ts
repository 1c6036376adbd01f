import * as argon2 from 'argon2';

/**
 * The argon2id hash of the fixtures' accounts, at the lowest cost argon2 allows (1 MiB, one pass).
 * A login verifies a hash at the cost written in it: at production's (64 MiB, three passes) each
 * check took 0.1–0.5 s on the shared CI machine, and the suite logs in hundreds of times without
 * being about the hash's cost. The login path is production's all the same (argon2.verify of an
 * argon2id hash); what the application hashes itself (new accounts, changed and reset passwords,
 * the unknown e-mail's stand-in) keeps production's cost.
 */
export function fixturePasswordHash(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
}
