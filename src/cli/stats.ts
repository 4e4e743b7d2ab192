import { parseOptions, withCliContext } from './shared.ts';

/** `quotewire stats [--json]` */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { json: { type: 'boolean' } }, false);
  return withCliContext((ctx) => {
    const s = ctx.store.stats();
    if (values.json) {
      console.log(JSON.stringify(s));
    } else {
      console.log(`articles: ${s.articles}`);
      console.log(`people:   ${s.people}`);
      console.log(`quotes:   ${s.quotes}`);
      console.log(`newest:   ${s.newestDate ?? '(no articles yet)'}`);
      console.log(`store:    ${s.path} (${(s.sizeBytes / 1024).toFixed(0)} KB)`);
    }
    return 0;
  });
}
