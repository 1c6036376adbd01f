import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
/** Inside the project, so that the compiled files find node_modules as the sources do. */
const OUT = join(ROOT, 'node_modules', '.cache', 'e2e-build');
/** What globalSetup tells the workers (they inherit its environment). */
export const BUILD_DIR_ENV = 'E2E_BUILD_DIR';

/**
 * The API, worker and CLI compiled once per run for the tests' child processes, as `nest build`
 * compiles them for the image: TypeScript's emit of tsconfig.build.json, with Nest's own transformer
 * turning `@app/…` imports into relative paths, so that a child runs `node main.js` and nothing
 * else. Started through ts-node instead, each child spent ~7 s of CPU compiling the same 640 files
 * again. Each file is compiled one at a time as ts-node's transpile-only did (no type check:
 * `tsc --noEmit` does that before the tests), and only when its source changed since the last run.
 */
export function buildForChildProcesses(): string {
  return compileProject(join(ROOT, 'tsconfig.build.json'), OUT);
}

/**
 * The benches' servers (the API and the floor it is measured against, in bench/) compiled the same
 * way into a folder of their own: measured through ts-node, a server also carried ts-node's REPL,
 * whose `domain` module puts an async hook on every promise — a cost production never pays, and
 * one that grows with the promises a request makes.
 */
export function buildBenchServers(): string {
  return compileProject(join(ROOT, 'bench', 'tsconfig.servers.json'), join(ROOT, 'node_modules', '.cache', 'bench-build'));
}

function compileProject(project: string, out: string): string {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    project,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.build.json cannot be read');
  const options: ts.CompilerOptions = { ...parsed.options, sourceMap: false, inlineSourceMap: false, declaration: false, noEmit: false };
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CLI's hook ships without an export map entry
  const { tsconfigPathsBeforeHookFactory } = require('@nestjs/cli/lib/compiler/hooks/tsconfig-paths.hook') as {
    tsconfigPathsBeforeHookFactory: (options: ts.CompilerOptions) => ts.TransformerFactory<ts.SourceFile>;
  };
  const paths = tsconfigPathsBeforeHookFactory(options);
  const fingerprint = `${ts.version} ${JSON.stringify(options)}`;

  for (const file of parsed.fileNames) {
    if (file.endsWith('.d.ts')) continue;
    const source = readFileSync(file, 'utf8');
    const stamp = `\n//# e2e-build ${createHash('sha1').update(fingerprint).update(source).digest('hex')}\n`;
    const dest = join(out, relative(ROOT, file)).replace(/\.ts$/, '.js');
    if (existsSync(dest) && readFileSync(dest, 'utf8').endsWith(stamp)) continue;
    const { outputText } = ts.transpileModule(source, { compilerOptions: options, fileName: file, transformers: { before: [paths] } });
    writeAtomically(dest, outputText + stamp);
  }
  // the JSON the code imports (communes, price caps), as the build copies its assets
  for (const top of ['apps/api/src', 'apps/worker/src', 'libs']) {
    for (const file of jsonFiles(join(ROOT, top))) {
      const dest = join(out, relative(ROOT, file));
      if (existsSync(dest) && statSync(dest).size === statSync(file).size && statSync(dest).mtimeMs >= statSync(file).mtimeMs) continue;
      mkdirSync(dirname(dest), { recursive: true });
      const temporary = `${dest}.${process.pid}.tmp`;
      copyFileSync(file, temporary);
      renameSync(temporary, dest);
    }
  }
  return out;
}

/** `node <this>` runs an entry point of ours (`apps/api/src/main.ts`, …) compiled, as the image does. */
export function compiledEntry(entry: string): string {
  const dir = process.env[BUILD_DIR_ENV] ?? buildForChildProcesses();
  process.env[BUILD_DIR_ENV] = dir;
  return join(dir, entry.replace(/\.ts$/, '.js'));
}

/** Concurrent runs on one machine share the build: each file appears whole or not at all. */
function writeAtomically(dest: string, text: string): void {
  mkdirSync(dirname(dest), { recursive: true });
  const temporary = `${dest}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, dest);
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : jsonFiles(path);
    return entry.name.endsWith('.json') && !entry.name.startsWith('tsconfig') ? [path] : [];
  });
}
