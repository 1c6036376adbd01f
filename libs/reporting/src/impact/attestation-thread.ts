import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { StreamThread } from '@app/common';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ImpactAttestation } from './impact-attestation.pdf';

/**
 * Renders attestations in a worker thread (StreamThread, the one mechanism every paper uses): a
 * donor with 10,000 certificates takes seconds of CPU, which on the API's event loop would stall
 * every other request. Each render is a stream of the PDF's bytes as its pages are written, for
 * the HTTP reply to pipe; renders asked for together share the thread, step by step.
 */
@Injectable()
export class AttestationThread implements OnModuleDestroy {
  private readonly thread = new StreamThread<ImpactAttestation>(join(__dirname, 'impact-attestation.thread'), __filename);

  render(attestation: ImpactAttestation): Readable {
    return this.thread.stream(attestation);
  }

  onModuleDestroy(): Promise<void> {
    return this.thread.close();
  }
}
