import { serveStreams } from '@app/common';
import { parentPort } from 'node:worker_threads';
import { attestationDocument, ImpactAttestation, writeAttestationSteps } from './impact-attestation.pdf';

// Thread entry of AttestationThread: each attestation's pages go out as they are written (a step
// every 250 certificate lines), and attestations asked for together take turns step by step.
serveStreams<ImpactAttestation>(parentPort!, (attestation) => {
  const doc = attestationDocument(attestation);
  return { output: doc, steps: writeAttestationSteps(doc, attestation) };
});
