/**
 * How much a large donation agreement stalls the API's event loop: the same 500-device agreement
 * (every serial and its erasure certificate listed) drawn on the event loop (as the API did) and
 * in PaperPdfThread (as it does now), in interleaved rounds of one run. During each render,
 * perf_hooks.monitorEventLoopDelay samples the loop's delay and a probe timer (every PROBE_MS,
 * standing for a concurrent request) records how late it fires.
 *
 *   NODE_ENV=production TS_NODE_TRANSPILE_ONLY=true ts-node -r tsconfig-paths/register bench/reports/paper.bench.ts [devices] [rounds]
 */
import '../support/production-env';
import { DonationAgreementPaper, donationAgreementPdf } from '@app/paperwork/agreements/donation-agreement.pdf';
import { PaperPdfThread } from '@app/paperwork/files/paper-pdf-thread';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buffer } from 'node:stream/consumers';

const DEVICES = Number(process.argv[2] ?? 500);
const ROUNDS = Number(process.argv[3] ?? 5);
const PROBE_MS = 10;

function agreement(devices: number): DonationAgreementPaper {
  const party = (name: string) => ({ name, siret: '73282932000074', address: '20 rue du Lac, 69003 Lyon' });
  return {
    reference: 'CD-LOT-2026-000123',
    donationReference: 'DON-2026-000042',
    donor: party('Métropole de Lyon'),
    refurbisher: party('Atelier Réemploi Villeurbanne'),
    acceptedAt: new Date('2026-03-01T09:00:00Z'),
    collectedAt: new Date('2026-03-04T14:00:00Z'),
    inventory: [
      { category: 'LAPTOP', accepted: Math.ceil(devices * 0.7), received: Math.ceil(devices * 0.7) },
      { category: 'MONITOR', accepted: Math.floor(devices * 0.3), received: Math.floor(devices * 0.3) },
    ],
    devices: Array.from({ length: devices }, (_, i) => ({
      serialNumber: `PF${String(1_000_000 + i)}`,
      category: i % 10 < 7 ? 'LAPTOP' : 'MONITOR',
      certificate: `ERA-2026-${String(i + 1).padStart(6, '0')}`,
      method: 'NIST_800_88_PURGE',
    })),
    issuedAt: new Date('2026-03-05T10:00:00Z'),
  };
}

interface Measure {
  wallMs: number;
  bytes: number;
  p99: number;
  max: number;
  probes: number;
  probeLateMax: number;
}

async function measure(render: () => Promise<Buffer>): Promise<Measure> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let probes = 0;
  let probeLateMax = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    probes += 1;
    probeLateMax = Math.max(probeLateMax, now - last - PROBE_MS);
    last = now;
  }, PROBE_MS);
  histogram.enable();
  // the histogram's first turn only starts its clock: take it before the render may block
  await new Promise((resolve) => setTimeout(resolve, 3 * PROBE_MS));
  last = performance.now();
  probes = 0;
  probeLateMax = 0;
  const start = performance.now();
  const pdf = await render();
  const wallMs = performance.now() - start;
  // a loop blocked throughout records its delay only when it next turns: let it turn
  await new Promise((resolve) => setTimeout(resolve, 3 * PROBE_MS));
  histogram.disable();
  clearInterval(probe);
  const ms = (ns: number) => ns / 1e6;
  return { wallMs, bytes: pdf.length, p99: ms(histogram.percentile(99)), max: ms(histogram.max), probes, probeLateMax: Math.max(0, probeLateMax) };
}

async function main(): Promise<void> {
  const paper = agreement(DEVICES);
  const thread = new PaperPdfThread();
  const modes: Record<string, () => Promise<Buffer>> = {
    'event loop (before)': () => buffer(donationAgreementPdf(paper)),
    'paper thread (after)': () => thread.render({ kind: 'agreement', agreement: paper }),
  };
  // warm-up: the thread's start (ts-node in the thread), pdfkit's fonts, the JIT
  for (const render of Object.values(modes)) await render();

  const results: Record<string, Measure[]> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? Object.keys(modes) : Object.keys(modes).reverse();
    for (const name of order) (results[name] ??= []).push(await measure(modes[name]!));
  }
  await thread.onModuleDestroy();

  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(
    `${DEVICES}-device donation agreement (${process.env.NODE_ENV ?? 'no NODE_ENV'}, ${process.version}), ${ROUNDS} interleaved rounds, medians; delays in ms (monitorEventLoopDelay, resolution 5 ms)`,
  );
  console.log(
    `${'mode'.padEnd(24)}${'wall'.padStart(8)}${'KiB'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}  probe every ${PROBE_MS} ms: fired / latest`,
  );
  for (const [name, runs] of Object.entries(results)) {
    const m = (key: keyof Measure) => median(runs.map((r) => r[key]));
    console.log(
      `${name.padEnd(24)}${f(m('wallMs'))}${f(m('bytes') / 1024)}${f(m('p99'))}${f(m('max'))}  ${String(m('probes')).padStart(6)} / ${m('probeLateMax').toFixed(1)} ms late`,
    );
  }
  const before = median(results['event loop (before)']!.map((r) => r.max));
  const after = median(results['paper thread (after)']!.map((r) => r.max));
  console.log(`longest stall of the event loop: ${before.toFixed(1)} ms before, ${after.toFixed(1)} ms after (${(before / after).toFixed(1)}x shorter)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
