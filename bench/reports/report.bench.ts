/**
 * How much a donor's large PDF attestation stalls the API's event loop: the same 10,000-certificate
 * attestation rendered on the event loop (renderImpactAttestation, as the API did) and in the
 * attestation thread (AttestationThread, as it does now), in interleaved rounds of one run.
 * During each render, perf_hooks.monitorEventLoopDelay samples the loop's delay, and a probe
 * timer (every PROBE_MS, standing for a concurrent /health request) records how late it fires.
 *
 *   TS_NODE_TRANSPILE_ONLY=true ts-node -r tsconfig-paths/register bench/reports/report.bench.ts [certificates] [rounds]
 */
import '../support/production-env';
import { AttestationThread } from '@app/reporting/impact/attestation-thread';
import { DEFAULT_CO2E_FACTORS } from '@app/reporting/impact/co2e-factors';
import { ImpactAttestation, renderImpactAttestation } from '@app/reporting/impact/impact-attestation.pdf';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Readable } from 'node:stream';

const CERTIFICATES = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const PROBE_MS = 10;

function attestation(certificates: number): ImpactAttestation {
  const performedAt = new Date('2026-03-02T10:00:00Z');
  return {
    donor: { name: 'Métropole de Lyon', siret: '73282932000074', address: '20 rue du Lac, 69003 Lyon' },
    issuer: { name: 'Coordination Réemploi Auvergne-Rhône-Alpes', siret: null, address: null },
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2026-12-31T00:00:00Z'),
    devicesDeclared: certificates,
    devicesReceived: certificates,
    devicesReused: Math.round(certificates * 0.8),
    devicesAwaitingBeneficiary: 0,
    devicesRecycled: Math.round(certificates * 0.2),
    peopleEquipped: Math.round(certificates * 0.7),
    peopleAccompanied: Math.round(certificates * 0.3),
    co2eAvoidedKg: certificates * 124.8,
    byCategory: [
      {
        category: 'LAPTOP',
        declared: certificates,
        received: certificates,
        reused: Math.round(certificates * 0.8),
        awaitingBeneficiary: 0,
        recycled: Math.round(certificates * 0.2),
        co2eAvoidedKg: certificates * 124.8,
      },
    ],
    certificates: Array.from({ length: certificates }, (_, i) => ({
      number: `ERA-2026-${String(i + 1).padStart(6, '0')}`,
      serialNumber: `PF${String(1_000_000 + i)}`,
      method: 'NIST_800_88_PURGE',
      performedAt,
    })),
    factors: [{ category: 'LAPTOP', ...DEFAULT_CO2E_FACTORS.LAPTOP }],
    verificationCode: 'K1-ABCD-EFGH-JKMN-PQRS',
    verificationUrl: 'https://reemploi.example.org/verifier/K1-ABCD-EFGH-JKMN-PQRS',
    issuedAt: new Date('2026-11-23T10:00:00Z'),
  };
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

interface Measure {
  wallMs: number;
  bytes: number;
  p50: number;
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
  return {
    wallMs,
    bytes: pdf.length,
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    probes,
    probeLateMax: Math.max(0, probeLateMax),
  };
}

async function main(): Promise<void> {
  const a = attestation(CERTIFICATES);
  const thread = new AttestationThread();
  const modes: Record<string, () => Promise<Buffer>> = {
    'event loop (before)': () => renderImpactAttestation(a),
    'attestation thread (after)': () => bytesOf(thread.render(a)),
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
    `${CERTIFICATES} certificates (${process.env.NODE_ENV ?? 'no NODE_ENV'}, ${process.version}), ${ROUNDS} interleaved rounds, medians; delays in ms (monitorEventLoopDelay, resolution 5 ms)`,
  );
  console.log(
    `${'mode'.padEnd(28)}${'wall'.padStart(8)}${'KiB'.padStart(8)}${'p50'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}  probe every ${PROBE_MS} ms: fired / latest`,
  );
  for (const [name, runs] of Object.entries(results)) {
    const m = (key: keyof Measure) => median(runs.map((r) => r[key]));
    console.log(
      `${name.padEnd(28)}${f(m('wallMs'))}${f(m('bytes') / 1024)}${f(m('p50'))}${f(m('p99'))}${f(m('max'))}  ${String(m('probes')).padStart(6)} / ${m('probeLateMax').toFixed(1)} ms late`,
    );
  }
  const before = median(results['event loop (before)']!.map((r) => r.max));
  const after = median(results['attestation thread (after)']!.map((r) => r.max));
  console.log(`longest stall of the event loop: ${before.toFixed(0)} ms before, ${after.toFixed(1)} ms after (${(before / after).toFixed(0)}x shorter)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
