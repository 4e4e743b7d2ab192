import { parseOptions, UsageError } from '../cli/shared.ts';

/**
 * `npm run bench [-- --json] [-- --only NAME]`: runs each benchmark section and prints its figures; with
 * --json, one JSON object `{section: {figure: value}}`. Sections are added by the issues that need them.
 */
export type Figures = Record<string, number | string>;
export interface BenchSection {
  name: string;
  run: (options: { log: (line: string) => void }) => Promise<Figures>;
}

const SECTIONS: Record<string, () => Promise<BenchSection>> = {
  analysis: async () => (await import('./analysis.ts')).section,
  ingest: async () => (await import('./ingest.ts')).section,
  discord: async () => (await import('./discord.ts')).section,
  digest: async () => (await import('./digest.ts')).section,
  extract: async () => (await import('./extract.ts')).section,
};

export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { json: { type: 'boolean' }, only: { type: 'string', multiple: true } }, false);
  const names = values.only ?? Object.keys(SECTIONS);
  for (const name of names) if (!SECTIONS[name]) throw new UsageError(`unknown section "${name}"; sections: ${Object.keys(SECTIONS).join(', ')}`);
  const log = (line: string): void => {
    if (!values.json) console.log(line);
  };
  const results: Record<string, Figures> = {};
  for (const name of names) {
    const section = await SECTIONS[name]!();
    log(`\n## ${section.name}`);
    results[name] = await section.run({ log });
    for (const [figure, value] of Object.entries(results[name]!)) log(`  ${figure.padEnd(28)} ${value}`);
  }
  if (values.json) console.log(JSON.stringify(results));
  return 0;
}
