import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import { createLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/index.ts';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A real HTTP server on 127.0.0.1 with a route table that tests may change between requests. */
export interface TestServer {
  url: (path: string) => string;
  routes: Map<string, Handler>;
  /** Every request seen, in order: path and headers. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  close: () => Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: TestServer['requests'] = [];
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const handler = table.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    routes: table,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Serves a fixed body with headers. */
export const send = (body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
};

/** A context on a real SQLite file in a temporary folder, loopback allowed unless told otherwise. */
export function createWebContext(options: { allowPrivateNetwork?: boolean; now?: () => Date } = {}): AppContext & { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'quotewire-web-'));
  const dbPath = join(dir, 'quotewire.db');
  const config = { ...loadConfig({}), dbPath, allowPrivateNetwork: options.allowPrivateNetwork ?? true };
  const store = openStore(dbPath);
  return {
    config, store, dir,
    now: options.now ?? (() => new Date('2025-06-01T12:00:00Z')),
    log: createLogger('silent', { pretty: false }),
    cleanup: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
