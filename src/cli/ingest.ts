import { ingestPaths, type FileReport } from '../ingest/files.ts';
import { ingestUrls, isWebUrl } from '../ingest/web.ts';
import { parseOptions, UsageError, withCliContext } from './shared.ts';

/** `quotewire ingest PATH|URL...`: one line per file or page, then a total; exit 1 when any failed. */
export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseOptions(argv, {});
  if (positionals.length === 0) throw new UsageError('give at least one file or folder (or an http(s) URL), e.g. quotewire ingest seeds/');
  const urls = positionals.filter(isWebUrl);
  const paths = positionals.filter((arg) => !isWebUrl(arg));
  return withCliContext(async (ctx) => {
    const showProgress = process.stderr.isTTY === true;
    const reports = paths.length === 0 ? [] : await ingestPaths(ctx, paths, (done, total) => {
      if (showProgress && total >= 20 && (done % 10 === 0 || done === total)) {
        process.stderr.write(`\r  ${done}/${total} files${done === total ? '\n' : ''}`);
      }
    });
    reports.push(...(await ingestUrls(ctx, urls)));
    for (const r of reports) console.log(formatReport(r));
    console.log(formatTotals(reports));
    return reports.some((r) => r.status === 'failed') ? 1 : 0;
  });
}

export function formatReport(r: FileReport): string {
  if (r.status === 'failed') return `failed: ${r.reason}  ${r.path}`;
  const warnings = r.warnings?.length ? `  (warning: ${r.warnings.join('; ')})` : '';
  return `${r.status.padEnd(9)} ${r.path}${warnings}`;
}

export function formatTotals(reports: FileReport[]): string {
  const count = (status: FileReport['status']) => reports.filter((r) => r.status === status).length;
  return `total: ${reports.length} files: ${count('added')} added, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed`;
}
