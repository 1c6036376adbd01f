import '../support/production-env';
import 'reflect-metadata';
import { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { DASHBOARD_QUERY, FLOOR_SQL } from '../dashboard/seed-region';
import { BENCH_ADMIN, BenchApi, forkBenchServer, Gql, graphqlClient, loginAs, startBenchApi, stopBenchServer } from '../support/bench-api';
import { fmt, LoadAverageWatch, machineLine, percentile } from '../support/bench-stats';
import { StatementProfile } from '../support/statement-profile';
import { cloneDatabase, dropDatabase, recreateDatabase } from '../support/scratch-database';
import { NATION, SCALE, SeededNation, seededNation, seedNation } from './national-seed';
import { HighsCheck, MatchingOutcome, RegionSolves, RoutingOutcome } from './region-solves';
import { answerWatchRequests, Download, downloadWatched } from './report-download';

/**
 * National scale, measured: 13 regions, 1,000,000 devices, 200,000 donations a year, 2,000
 * partners (national-seed.ts), then, each against its goal:
 *  - routing of every region through RegionRoutingService (four weeks of declarations each), exact:
 *    the solver's own optimality certificate on what production solved, and HiGHS (the routed
 *    quantity is the LP's maximum flow, the served vector the LP's, device-km the LP's optimum);
 *  - matching of every region through RegionMatchingService, exact: allocated = HiGHS's maximum
 *    matching;
 *  - regionDashboard through GraphQL per region, p50/p95, against the dashboard bench's SQL floor
 *    on the same counters, called in turn;
 *  - the donor report of a donor of 10,000 devices, PDF and CSV through their signed links:
 *    time to last byte, chunked, the API process's event-loop delay and memory peak meanwhile,
 *    and /health pings answered during the download.
 * The API that serves GraphQL and files runs in its own process (production mode); routing and
 * matching run in this one, as the worker runs them (their solves in worker threads).
 *
 *   npm run bench:national   (seeds postgres://…/bench_national_seed, 5–15 minutes, and measures on
 *                             bench_national, a copy; both dropped at the end)
 *   BENCH_REUSE=1            keep the seed and reuse it next time (the measured copy is made afresh)
 *   BENCH_HIGHS=0            skip the HiGHS checks (the certificate stays)
 *   BENCH_CALLS=30           dashboard calls per region (and as many floor calls)
 *   BENCH_SCALE=0.1          a tenth of the donations and devices, to try the bench (not a figure to record)
 *   BENCH_DATABASE_URL, REDIS_URL (default db 11)
 */
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_national';
const SEED_URL = DATABASE_URL.replace(/\/([^/]*)$/, '/$1_seed');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/11';
const CALLS = Number(process.env.BENCH_CALLS ?? 30);
const REUSE = process.env.BENCH_REUSE === '1';
const GOAL = { routingMs: 1000, matchingMs: 2000, dashboardP95Ms: 100, reportMs: 2000, loopP99Ms: 50 };
const API_CONFIG = { maxQueryComplexity: 100_000 };
/** the statements routing and matching send, timed, to say where their time goes (HiGHS sends none) */
const profile = new StatementProfile();

async function serve(): Promise<void> {
  const api = await startBenchApi(DATABASE_URL, REDIS_URL, API_CONFIG);
  answerWatchRequests();
  process.on('message', (message) => {
    if (message === 'stop') void api.app.close().then(() => process.exit(0));
  });
  process.send!(api.url);
}

async function seedOrReuse(): Promise<SeededNation> {
  const existing = REUSE ? await seededNation(SEED_URL) : undefined;
  if (existing) {
    console.log('reusing the nation seeded by an earlier run (BENCH_REUSE=1)');
    return existing;
  }
  await recreateDatabase(SEED_URL);
  const seeding = await startBenchApi(SEED_URL, REDIS_URL, API_CONFIG);
  try {
    const started = Date.now();
    console.log('seeding the nation:');
    const gql = graphqlClient(seeding.url);
    const nation = await seedNation(seeding.app, gql, await loginAs(gql, BENCH_ADMIN.email));
    console.log(`seeded in ${fmt((Date.now() - started) / 1000)} s`);
    return nation;
  } finally {
    await seeding.app.close();
  }
}

interface Verdict {
  figure: string;
  value: string;
  goal: string;
  met: boolean;
}

async function solveEveryRegion(api: BenchApi, nation: SeededNation, verdicts: Verdict[]): Promise<void> {
  const solves = new RegionSolves(api.app);
  await solves.warmUp();
  const highs = process.env.BENCH_HIGHS === '0' ? undefined : await HighsCheck.load();
  const routed: Array<[string, RoutingOutcome, ReturnType<HighsCheck['routing']> | undefined]> = [];
  profile.start();
  for (const region of nation.regions) {
    const outcome = await solves.route(region.id);
    routed.push([region.code, outcome, highs?.routing(outcome)]);
  }
  const routingSql = profile.stop();
  console.log('\nRouting, every region (RegionRoutingService: read, lock, solve in its thread, write the lots, commit)\n');
  console.log(
    '| region | donations × refurbishers | routed / unrouted devices | lots | wall ms | solver ms | certificate | HiGHS max flow | served Δ | device-km gap | HiGHS s |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|');
  for (const [code, o, lp] of routed) {
    console.log(
      `| ${code} | ${fmt(o.supplies, 0)} × ${o.sinks} | ${fmt(o.routed, 0)} / ${fmt(o.unrouted, 0)} | ${fmt(o.lots, 0)} | ${fmt(o.ms)} | ${fmt(o.solverMs)} | ${o.certificateViolations.length ? 'VIOLATED' : 'optimal'} | ${lp ? fmt(lp.maxFlow, 0) : '–'} | ${lp ? lp.servedDeviation.toExponential(1) : '–'} | ${lp ? lp.costGap.toExponential(1) : '–'} | ${lp ? fmt(lp.seconds) : '–'} |`,
    );
  }
  console.log(`\nSQL of the routing runs: ${routingSql.join('\n')}`);
  const routingExact = routed.every(
    ([, o, lp]) => !o.certificateViolations.length && (!lp || (Math.round(lp.maxFlow) === o.routed && lp.servedDeviation < 1e-6)),
  );
  const slowestRouting = Math.max(...routed.map(([, o]) => o.ms));
  verdicts.push(
    {
      figure: 'routing exact, every region',
      value: `${routed.filter(([, o]) => !o.certificateViolations.length).length}/13 certified${highs ? `, routed = HiGHS max flow in ${routed.filter(([, o, lp]) => Math.round(lp!.maxFlow) === o.routed).length}/13, largest device-km gap ${Math.max(...routed.map(([, , lp]) => Math.abs(lp!.costGap))).toExponential(1)}` : ''}`,
      goal: 'exact',
      met: routingExact,
    },
    {
      figure: "a region's routing, slowest region",
      value: `${fmt(slowestRouting, 0)} ms`,
      goal: `< ${GOAL.routingMs} ms`,
      met: slowestRouting < GOAL.routingMs,
    },
  );

  const matched: Array<[string, MatchingOutcome, ReturnType<HighsCheck['matching']> | undefined]> = [];
  profile.start();
  for (const region of nation.regions) {
    const outcome = await solves.match(region.id);
    matched.push([region.code, outcome, highs?.matching(outcome)]);
  }
  const matchingSql = profile.stop();
  console.log('\nMatching, every region (RegionMatchingService: lock the open orders, read the stock, solve in its thread, reserve, commit)\n');
  console.log('| region | devices × lines | allocated / unfilled | solver assigned | HiGHS max units | wall ms | solver ms | HiGHS s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [code, o, lp] of matched) {
    console.log(
      `| ${code} | ${fmt(o.devices, 0)} × ${fmt(o.lines, 0)} | ${fmt(o.allocated, 0)} / ${fmt(o.unfilled, 0)} | ${fmt(o.solved, 0)} | ${lp ? fmt(lp.maxUnits, 0) : '–'} | ${fmt(o.ms)} | ${fmt(o.solverMs)} | ${lp ? fmt(lp.seconds) : '–'} |`,
    );
  }
  console.log(`\nSQL of the matching runs: ${matchingSql.join('\n')}`);
  const slowestMatching = Math.max(...matched.map(([, o]) => o.ms));
  verdicts.push(
    {
      figure: 'matching exact, every region',
      value: highs
        ? `allocated = HiGHS maximum matching in ${matched.filter(([, o, lp]) => o.allocated === lp!.maxUnits && o.solved === o.allocated).length}/13`
        : 'not checked (BENCH_HIGHS=0)',
      goal: 'exact',
      met: !!highs && matched.every(([, o, lp]) => o.allocated === lp!.maxUnits && o.solved === o.allocated),
    },
    {
      figure: "a region's matching, slowest region",
      value: `${fmt(slowestMatching, 0)} ms`,
      goal: `< ${GOAL.matchingMs} ms`,
      met: slowestMatching < GOAL.matchingMs,
    },
  );
}

async function timeOnce(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function dashboards(gql: Gql, nation: SeededNation, verdicts: Verdict[]): Promise<void> {
  const floor = new Client({ connectionString: DATABASE_URL });
  await floor.connect();
  const to = new Date();
  const from = new Date(to.getTime() - 365 * 86400_000);
  console.log(`\nregionDashboard through GraphQL (a year, every figure), ${CALLS} calls per region, the SQL floor called in turn\n`);
  console.log('| region | declared in the year | API p50 ms | API p95 ms | floor p50 ms | floor p95 ms | API p95 / floor p95 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  const p95s: number[] = [];
  const ratios: number[] = [];
  try {
    for (const region of nation.regions) {
      const token = await loginAs(gql, region.coordinatorEmail);
      const vars = { r: region.id, from: from.toISOString(), to: to.toISOString() };
      const api = () => gql(DASHBOARD_QUERY, vars, token);
      const sql = () => floor.query(FLOOR_SQL, [region.id, from, to]);
      const figures = (await api()).regionDashboard;
      const floorFigures = (await sql()).rows[0];
      if (figures.devicesDeclared !== floorFigures.declared || figures.devicesDelivered !== floorFigures.delivered)
        throw new Error(`${region.code}: the API and the floor disagree (${figures.devicesDeclared} / ${floorFigures.declared} declared)`);
      const apiMs: number[] = [];
      const floorMs: number[] = [];
      for (let i = 0; i < CALLS + 3; i++) {
        const a = await timeOnce(api);
        const f = await timeOnce(sql);
        if (i < 3) continue; // warm-up
        apiMs.push(a);
        floorMs.push(f);
      }
      const p95 = percentile(apiMs, 0.95);
      p95s.push(p95);
      ratios.push(p95 / percentile(floorMs, 0.95));
      console.log(
        `| ${region.code} | ${fmt(figures.devicesDeclared, 0)} | ${fmt(percentile(apiMs, 0.5))} | ${fmt(p95)} | ${fmt(percentile(floorMs, 0.5))} | ${fmt(percentile(floorMs, 0.95))} | ${fmt(ratios.at(-1)!, 2)}× |`,
      );
    }
  } finally {
    await floor.end();
  }
  const worst = Math.max(...p95s);
  verdicts.push({
    figure: 'dashboard p95, worst region',
    value: `${fmt(worst)} ms (${fmt(Math.min(...ratios), 2)}–${fmt(Math.max(...ratios), 2)}× the floor's p95)`,
    goal: `< ${GOAL.dashboardP95Ms} ms`,
    met: worst < GOAL.dashboardP95Ms,
  });
}

async function donorReport(child: ChildProcess, url: string, gql: Gql, nation: SeededNation, verdicts: Verdict[]): Promise<void> {
  const origin = new URL(url).origin;
  const token = await loginAs(gql, nation.regions[0]!.coordinatorEmail);
  const to = new Date(Date.now() + 86400_000);
  const from = new Date(to.getTime() - 400 * 86400_000);
  const report = (
    await gql(
      `query($d: ID!, $from: DateTime!, $to: DateTime!) { donorImpactReport(donorId: $d, from: $from, to: $to) { devicesReceived erasureCertificates pdfUrl csvUrl } }`,
      { d: nation.bigDonorId, from: from.toISOString(), to: to.toISOString() },
      token,
    )
  ).donorImpactReport;
  console.log(
    `\nDonor report of ${fmt(report.devicesReceived, 0)} devices received, ${fmt(report.erasureCertificates, 0)} erasure certificates, through its signed links (each downloaded three times, the first cold and not counted; /health pinged every 20 ms meanwhile)\n`,
  );
  console.log(
    '| file | run | status | type | chunked | size KiB | first byte ms | last byte ms | API loop delay p99 / max ms | API RSS / heap peak Δ MiB | pings | ping p99 / max ms |',
  );
  console.log('|---|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|');
  const local = (link: string) => `${origin}${new URL(link).pathname}${new URL(link).search}`;
  for (const [kind, link] of [
    ['CSV', report.csvUrl as string],
    ['PDF', report.pdfUrl as string],
  ] as const) {
    const runs: Download[] = [];
    for (let run = 0; run <= 2; run++) {
      const d = await downloadWatched(child, origin, local(link));
      // run 0 starts the attestation thread, which compiles its TypeScript here, not in production
      if (run > 0) runs.push(d);
      console.log(
        `| ${kind} | ${run || 'cold'} | ${d.status} | ${d.contentType} | ${d.chunked ? 'yes' : 'no'} | ${fmt(d.bytes / 1024, 0)} | ${fmt(d.firstByteMs)} | ${fmt(d.lastByteMs)} | ${fmt(d.server.loopP99Ms)} / ${fmt(d.server.loopMaxMs)} | ${fmt(d.server.rssPeakDeltaMb)} / ${fmt(d.server.heapPeakDeltaMb)} | ${d.pings} | ${fmt(d.pingP99Ms)} / ${fmt(d.pingMaxMs)} |`,
      );
    }
    const slowest = Math.max(...runs.map((d) => d.lastByteMs));
    const loop = Math.max(...runs.map((d) => d.server.loopP99Ms));
    verdicts.push(
      {
        figure: `donor report ${kind}, 10,000 devices`,
        value: `${fmt(slowest, 0)} ms to the last byte (slower of 2), ${fmt(runs[0]!.bytes / 1024, 0)} KiB`,
        goal: `< ${GOAL.reportMs} ms`,
        met: runs.every((d) => d.status === 200) && slowest < GOAL.reportMs,
      },
      {
        figure: `donor report ${kind} streamed`,
        value: `${runs.every((d) => d.chunked) ? 'chunked' : 'NOT chunked'}; API event-loop delay p99 ${fmt(loop)} ms; heap peak +${fmt(Math.max(...runs.map((d) => d.server.heapPeakDeltaMb)))} MiB`,
        goal: `chunked, loop p99 < ${GOAL.loopP99Ms} ms`,
        met: runs.every((d) => d.chunked) && loop < GOAL.loopP99Ms,
      },
    );
  }
}

async function main(): Promise<void> {
  console.log(`National-scale bench — ${machineLine()}${SCALE === 1 ? '' : `, BENCH_SCALE=${SCALE}`}`);
  const load = new LoadAverageWatch();
  const nation = await seedOrReuse();
  console.log(`load average while seeding: ${load.summary()}`);
  await cloneDatabase(SEED_URL, DATABASE_URL);
  const verdicts: Verdict[] = [];
  let child: ChildProcess | undefined;
  try {
    const api = await startBenchApi(DATABASE_URL, REDIS_URL, API_CONFIG);
    try {
      await solveEveryRegion(api, nation, verdicts);
    } finally {
      await api.app.close();
    }
    const forked = await forkBenchServer(__filename, ['serve']);
    child = forked.child;
    const gql = graphqlClient(forked.url);
    await dashboards(gql, nation, verdicts);
    await donorReport(child, forked.url, gql, nation, verdicts);
  } finally {
    if (child) await stopBenchServer(child);
    await dropDatabase(DATABASE_URL);
    if (!REUSE) await dropDatabase(SEED_URL);
  }
  console.log(
    `\nNational scale (${(NATION.donationsPerYear * SCALE).toLocaleString('en-US')} donations a year, ${(NATION.donationsPerYear * SCALE * NATION.devicesPerDonation).toLocaleString('en-US')} devices, ${NATION.partners.toLocaleString('en-US')} partners, 13 regions) — load average during the run ${load.stop()}\n`,
  );
  console.log('| figure | value | goal | met |');
  console.log('|---|---|---|---|');
  for (const v of verdicts) console.log(`| ${v.figure} | ${v.value} | ${v.goal} | ${v.met ? 'yes' : 'NO'} |`);
  process.exitCode = verdicts.every((v) => v.met) ? 0 : 1;
}

(process.argv[2] === 'serve' ? serve() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
