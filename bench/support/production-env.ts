/**
 * The benches start the API in production mode, where attestation signing keys are required
 * (ATTESTATION_KEYS, apart from the JWT secret). A bench signs nothing anyone keeps: a fixed key
 * unless the caller gives one. Imported first by every bench that starts the API.
 */
process.env.ATTESTATION_KEYS ??= 'k1:bench-attestation-key-not-a-secret-0123456789';

export {};
