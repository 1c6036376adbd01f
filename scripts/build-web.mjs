// Builds the web console (apps/web) into dist/web when its sources are newer than the build.
// Used by `npm start`, `npm run build:web`, `pretest` and the browser tests; `--force` always builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_DIST = join(root, 'dist', 'web');
// the French error catalogue and the pure helpers it uses come from libs/common
const SOURCES = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'libs/common/src/errors', 'libs/common/src/format'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function webBuildIsStale() {
  const index = join(WEB_DIST, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < Math.max(...SOURCES.map((source) => newest(join(root, source))));
}

/** Builds beside dist/web, then swaps it in: a server reading dist/web meanwhile never sees half a build. */
export function buildWeb({ force = false, quiet = false } = {}) {
  if (!force && !webBuildIsStale()) return;
  if (!quiet) process.stdout.write('Building the web console (apps/web -> dist/web)...\n');
  const next = `${WEB_DIST}-next-${process.pid}`;
  const build = spawnSync('npx', ['vite', 'build', '--config', 'apps/web/vite.config.ts', '--outDir', next, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // a production bundle whoever calls (Jest sets NODE_ENV=test, which would ship React's development build)
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '' },
  });
  if (build.status !== 0) {
    rmSync(next, { recursive: true, force: true });
    throw new Error(`vite build failed (exit ${build.status})`);
  }
  const old = `${WEB_DIST}-old-${process.pid}`;
  // two builds at once (two test files): whichever swaps last wins, both builds are the same sources
  try {
    renameSync(WEB_DIST, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  try {
    renameSync(next, WEB_DIST);
  } catch (error) {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    rmSync(next, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    buildWeb({ force: process.argv.includes('--force') });
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
