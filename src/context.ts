import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { Store } from './store/index.ts';

/** Everything the edges need, built once in an entry point and passed down (no global singletons). */
export interface AppContext {
  config: Config;
  log: Logger;
  store: Store;
  /** The clock; tests inject their own. */
  now: () => Date;
}
