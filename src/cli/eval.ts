import { UsageError } from './shared.ts';

/** `quotewire eval quotes|summaries|extract ...`: each evaluation lives in src/eval/. */
export async function run(argv: string[]): Promise<number> {
  const [which, ...rest] = argv;
  switch (which) {
    case 'quotes':
      return (await import('../eval/quotes.ts')).run(rest);
    case 'summaries':
      return (await import('../eval/summaries.ts')).run(rest);
    case 'extract':
      return (await import('../eval/extract.ts')).run(rest);
    default:
      throw new UsageError('say what to evaluate: eval quotes --gold FILE | eval summaries --gold FILE | eval extract --dir DIR');
  }
}
