import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../..');
const MARK = 'Answered by the build.';

// A copy of the project (sources, bin, package.json; node_modules linked), so that building and editing it
// leaves this checkout alone.
let copy: string;
beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'quotewire-build-'));
  for (const dir of ['src', 'commands', 'bin', 'tests/discord']) cpSync(join(ROOT, dir), join(copy, dir), { recursive: true, filter: (p) => !p.includes('fixtures') });
  cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

async function ask(line: string): Promise<string> {
  const env = { ...process.env, QUOTEWIRE_DB: join(copy, 'q.db'), QUOTEWIRE_SEEDS: join(copy, 'no-seeds'), LOG_LEVEL: 'silent', DISCORD_TOKEN: '' };
  return (await run(process.execPath, [join(copy, 'bin/quotewire.js'), 'ask', line], { cwd: copy, env })).stdout;
}

describe('the build in dist/', () => {
  it('compiles what quotewire runs, is run while it matches the sources, and never once they change', { timeout: 180_000 }, async () => {
    const built = await run(process.execPath, [join(copy, 'bin/build.js')], { cwd: copy });
    expect(built.stdout).toMatch(/^quotewire build: \d+ files compiled into dist\//);
    for (const file of ['src/cli.js', 'src/main.js', 'commands/help.js', 'src/ingest/analysis-worker-entry.js', 'src/ingest/analysis-worker.js']) {
      expect(existsSync(join(copy, 'dist', file)), file).toBe(true);
    }
    expect(readFileSync(join(copy, 'dist/src/cli.js'), 'utf8')).toContain('import("./main.js")');

    // Mark the compiled /help so the answer tells which one ran.
    const compiledHelp = join(copy, 'dist/commands/help.js');
    writeFileSync(compiledHelp, readFileSync(compiledHelp, 'utf8').replace("'**quotewire** keeps", `'${MARK} **quotewire** keeps`));
    expect(await ask('/help')).toContain(MARK);

    appendFileSync(join(copy, 'commands/help.ts'), '\n// edited after the build\n');
    const fromSources = await ask('/help');
    expect(fromSources).not.toContain(MARK);
    expect(fromSources).toContain('quotewire keeps news articles');
  });
});
