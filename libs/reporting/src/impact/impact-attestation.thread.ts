import { parentPort } from 'node:worker_threads';
import { setImmediate as pause } from 'node:timers/promises';
import { attestationDocument, ImpactAttestation, writeAttestationSteps } from './impact-attestation.pdf';

// Thread entry: renders attestations off the API's event loop (see AttestationThread), sending
// each one's bytes as its pages are written; renders asked for together take turns step by step.
// The bytes go back in pieces of about PIECE bytes, each a fresh buffer whose memory is
// transferred, not copied (pdfkit's own chunks may share a pooled slab).
const PIECE = 64 * 1024;

parentPort!.on('message', async ({ id, attestation }: { id: number; attestation: ImpactAttestation }) => {
  let pending: Buffer[] = [];
  let size = 0;
  const flush = () => {
    if (!size) return;
    const piece = new Uint8Array(size);
    let at = 0;
    for (const chunk of pending) {
      piece.set(chunk, at);
      at += chunk.length;
    }
    pending = [];
    size = 0;
    parentPort!.postMessage({ id, chunk: piece }, [piece.buffer]);
  };
  try {
    const doc = attestationDocument(attestation);
    doc.on('data', (chunk: Buffer) => {
      pending.push(chunk);
      size += chunk.length;
      if (size >= PIECE) flush();
    });
    doc.on('end', () => {
      flush();
      parentPort!.postMessage({ id, end: true });
    });
    doc.on('error', (error: Error) => parentPort!.postMessage({ id, error: error.message }));
    // between steps, the pages written so far flow out to the API and on to the client
    for (const _ of writeAttestationSteps(doc, attestation)) {
      await pause();
      flush();
    }
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
