// `npm start`: builds when the sources are newer than the build (the API and the web console), then runs API + worker in one process.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildWeb } from './build-web.mjs';

const entry = 'dist/apps/api/apps/api/src/main.js';

function newestSource(dir) {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (item.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = Math.max(...['apps', 'libs', 'migrations'].map(newestSource));
if (!existsSync(entry) || statSync(entry).mtimeMs < sources) {
  process.stdout.write('Building (first start or sources changed)...\n');
  const build = spawnSync('npx', ['nest', 'build', 'api'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// the console the API serves at `/` (apps/web -> dist/web)
try {
  buildWeb();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
await import(`../${entry}`);
