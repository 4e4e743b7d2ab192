#!/usr/bin/env node
// `npm run build`, also run by `npm ci` and `npm install` (as `prepare`): compiles the TypeScript that the
// quotewire command runs into plain JavaScript in dist/, file by file, so that `npm start` starts without the
// TypeScript loader (tsx cost the bot about 1 s of CPU and 35 MB at start; see README). bin/quotewire.js
// runs dist/ only while every source it was built from is unchanged, and the sources through tsx otherwise:
// a missing or stale build is never wrong, only slower.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY = 'src/cli.ts';
// Files started as worker threads (`new Worker(new URL('./x.js', import.meta.url))`) rather than imported.
const WORKER_URL = /new Worker\(\s*new URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g;

const posix = (path) => path.split(sep).join('/');

/** Every source file the entry can load: relative imports (static, dynamic, re-exports) and worker URLs, followed. */
function sourceGraph(ts, root, entry) {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift();
    const text = readFileSync(join(root, file), 'utf8');
    const specifiers = [
      ...ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName),
      ...[...text.matchAll(WORKER_URL)].map((m) => m[1]),
    ];
    for (const specifier of specifiers) {
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
      const target = posix(relative(root, join(root, dirname(file), specifier)));
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen].sort();
}

/** Compiles every file of the graph into `out` (types stripped, `.ts` imports rewritten to `.js`), manifest last. */
function build(ts, root = ROOT, out = join(ROOT, 'dist')) {
  const files = sourceGraph(ts, root, ENTRY);
  const staging = `${out}.building`;
  rmSync(staging, { recursive: true, force: true });
  // Each file on its own, as tsx runs them: no type checking (npm test does that) and nothing resolved.
  const program = ts.createProgram(files.map((f) => join(root, f)), {
    module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true, allowJs: true, sourceMap: true, noCheck: true, noResolve: true, noLib: true, types: [],
    rootDir: root, outDir: staging,
  });
  const { emitSkipped, diagnostics } = program.emit();
  const problems = [...program.getSyntacticDiagnostics(), ...diagnostics];
  if (emitSkipped || problems.length > 0) {
    throw new Error(problems.map((d) => `${d.file ? posix(relative(root, d.file.fileName)) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`).join('\n') || 'nothing emitted');
  }
  // What bin/quotewire.js compares before trusting the build: each source's size and modification time.
  const sources = files.map((file) => {
    const { size, mtimeMs } = statSync(join(root, file));
    return [file, size, mtimeMs];
  });
  writeFileSync(join(staging, 'manifest.json'), JSON.stringify({ entry: ENTRY.replace(/\.ts$/, '.js'), sources }));
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  return files.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let ts;
  try {
    ts = (await import('typescript')).default;
  } catch {
    // An install without dev dependencies has no compiler: quotewire then runs its sources through tsx.
    console.warn('quotewire build: typescript is not installed; quotewire will run from its TypeScript sources (slower start).');
    process.exit(0);
  }
  const started = performance.now();
  const count = build(ts);
  console.log(`quotewire build: ${count} files compiled into dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
