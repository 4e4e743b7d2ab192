#!/usr/bin/env node
// Entry for `npx quotewire` and `npm start`. It runs the compiled build in dist/ (see bin/build.js) when that
// was built from exactly the sources here, and otherwise registers the TypeScript loader (tsx) and runs
// src/cli.ts itself, so an edited source is never run from a stale build.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** The compiled CLI, or null when there is no build or any of its sources changed since it was made. */
function builtCli() {
  try {
    const manifest = JSON.parse(readFileSync(new URL('dist/manifest.json', root), 'utf8'));
    for (const [file, size, mtimeMs] of manifest.sources) {
      const now = statSync(new URL(file, root));
      if (now.size !== size || now.mtimeMs !== mtimeMs) return null;
    }
    return new URL(`dist/${manifest.entry}`, root);
  } catch {
    return null;
  }
}

const cli = builtCli();
if (cli) {
  await import(cli.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
