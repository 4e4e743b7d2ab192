import { connect, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusedAddressKind } from '../../src/ingest/address.ts';
import { FetchError, safeFetch, type FetchOptions } from '../../src/ingest/http.ts';
import { send, startServer, type TestServer } from './web-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const open: FetchOptions = { allowPrivateNetwork: true };

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

/**
 * A TCP port on 127.0.0.1 that accepts no more connections: a listener (backlog 1) on a worker thread
 * that sleeps, with its accept queue filled by two idle connections.
 */
async function unresponsiveListener(): Promise<{ port: number; release: () => Promise<void> }> {
  const worker = new Worker(
    `const { createServer } = require('node:net');
    const { parentPort } = require('node:worker_threads');
    const server = createServer(() => {});
    server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
      parentPort.once('message', (wake) => Atomics.wait(new Int32Array(wake), 0, 0));
      parentPort.postMessage(server.address().port);
    });`,
    { eval: true },
  );
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  const wake = new SharedArrayBuffer(4);
  worker.postMessage(wake);
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the worker fall asleep
  const fillers: Socket[] = [];
  for (let i = 0; i < 2; i++) {
    const socket = connect(port, '127.0.0.1');
    fillers.push(socket);
    await new Promise((resolve) => socket.once('connect', resolve));
  }
  return {
    port,
    release: async () => {
      for (const socket of fillers) socket.destroy();
      Atomics.store(new Int32Array(wake), 0, 1);
      Atomics.notify(new Int32Array(wake), 0);
      await worker.terminate();
    },
  };
}

describe('safeFetch', () => {
  it('returns the decoded body, its type and validators', async () => {
    server.routes.set('/page', send('<p>Caf\u00e9 news</p>', { etag: '"v1"', 'last-modified': 'Tue, 03 Jun 2025 10:00:00 GMT' }));
    const result = await safeFetch(server.url('/page'), open);
    expect(result).toMatchObject({ modified: true, status: 200, text: '<p>Caf\u00e9 news</p>', etag: '"v1"', lastModified: 'Tue, 03 Jun 2025 10:00:00 GMT' });
    expect(result.contentType).toContain('text/html');
  });

  it('asks for gzip and decompresses it', async () => {
    server.routes.set('/gz', send(gzipSync('<p>squeezed</p>'), { 'content-encoding': 'gzip' }));
    const result = await safeFetch(server.url('/gz'), open);
    expect(result.text).toBe('<p>squeezed</p>');
    expect(server.requests[0]?.headers['accept-encoding']).toContain('gzip');
  });

  it('sends the validators and treats 304 as unchanged', async () => {
    server.routes.set('/feed', (req, res) => {
      if (req.headers['if-none-match'] === '"abc"') res.writeHead(304).end();
      else res.writeHead(200, { etag: '"abc"' }).end('<rss/>');
    });
    const result = await safeFetch(server.url('/feed'), { ...open, etag: '"abc"', lastModified: 'Mon, 02 Jun 2025 08:00:00 GMT' });
    expect(result.modified).toBe(false);
    expect(result.text).toBe('');
    expect(server.requests[0]?.headers['if-modified-since']).toBe('Mon, 02 Jun 2025 08:00:00 GMT');
  });

  it('decodes Latin-1 named in the header or only in the XML prolog', async () => {
    const xml = (enc: string) => Buffer.from(`<?xml version="1.0" encoding="${enc}"?><rss><title>Cr\u00e8me br\u00fbl\u00e9e</title></rss>`, 'latin1');
    server.routes.set('/header', send(xml('ISO-8859-1'), { 'content-type': 'application/rss+xml; charset=ISO-8859-1' }));
    server.routes.set('/prolog', send(xml('ISO-8859-1'), { 'content-type': 'application/rss+xml' }));
    for (const path of ['/header', '/prolog']) {
      expect((await safeFetch(server.url(path), open)).text).toContain('Cr\u00e8me br\u00fbl\u00e9e');
    }
  });

  it('refuses a body over 5 MB while streaming, and one that announces it', async () => {
    server.routes.set('/huge', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(256 * 1024, 'a');
      let sent = 0;
      const pump = (): void => {
        while (sent < 40 && res.write(chunk)) sent++;
        if (sent < 40) res.once('drain', pump);
        else res.end();
      };
      pump();
    });
    server.routes.set('/declared', send('x', { 'content-length': String(6 * 1024 * 1024) }));
    expect((await failure(safeFetch(server.url('/huge'), open))).reason).toBe('too-large');
    const declared = await failure(safeFetch(server.url('/declared'), open));
    expect(declared.reason).toBe('too-large');
    expect(declared.message).toMatch(/larger than 5 MB/);
  });

  it('refuses a gzip bomb by its decompressed size', async () => {
    server.routes.set('/bomb', send(gzipSync(Buffer.alloc(6 * 1024 * 1024, 0x20)), { 'content-encoding': 'gzip' }));
    expect((await failure(safeFetch(server.url('/bomb'), open))).reason).toBe('too-large');
  });

  it('follows relative redirects and reports the final URL', async () => {
    server.routes.set('/old', send('', { location: '/new' }, 301));
    server.routes.set('/new', send('<p>moved</p>'));
    const result = await safeFetch(server.url('/old'), open);
    expect(result.url).toBe(server.url('/new'));
    expect(result.text).toBe('<p>moved</p>');
  });

  it('stops a redirect loop and a chain of more than 5 redirects', async () => {
    server.routes.set('/a', send('', { location: '/b' }, 302));
    server.routes.set('/b', send('', { location: '/a' }, 302));
    for (let i = 0; i < 7; i++) server.routes.set(`/r${i}`, send('', { location: `/r${i + 1}` }, 307));
    server.routes.set('/r7', send('end'));
    expect((await failure(safeFetch(server.url('/a'), open))).reason).toBe('redirect-loop');
    expect((await failure(safeFetch(server.url('/r0'), open))).reason).toBe('too-many-redirects');
    expect((await safeFetch(server.url('/r2'), open)).text).toBe('end');
  });

  it('gives up on a server that never answers', async () => {
    server.routes.set('/silent', () => undefined);
    const started = Date.now();
    const error = await failure(safeFetch(server.url('/silent'), { ...open, timeoutMs: 300 }));
    expect(error.reason).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('gives up on a host that never completes the connection', async () => {
    // A listener whose thread is blocked and whose accept queue is full: the kernel drops further SYNs,
    // which is what a firewalled or vanished host looks like from here.
    const { port, release } = await unresponsiveListener();
    try {
      const started = Date.now();
      const error = await failure(safeFetch(`http://127.0.0.1:${port}/`, { ...open, connectTimeoutMs: 300, timeoutMs: 10_000 }));
      expect(error.reason).toBe('connect-timeout');
      expect(error.message).toContain(`127.0.0.1:${port}`);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await release();
    }
  });

  it('gives up on a body that stops half way', async () => {
    server.routes.set('/stall', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>first half');
    });
    expect((await failure(safeFetch(server.url('/stall'), { ...open, timeoutMs: 300 }))).reason).toBe('timeout');
  });

  it('reports HTTP errors with their status', async () => {
    server.routes.set('/broken', send('oops', {}, 500));
    const error = await failure(safeFetch(server.url('/broken'), open));
    expect(error).toMatchObject({ reason: 'http-status', status: 500 });
  });

  it('fetches only http and https, also after a redirect', async () => {
    expect((await failure(safeFetch('file:///etc/passwd', open))).reason).toBe('scheme');
    expect((await failure(safeFetch('not a url', open))).reason).toBe('bad-url');
    server.routes.set('/to-file', send('', { location: 'file:///etc/passwd' }, 302));
    expect((await failure(safeFetch(server.url('/to-file'), open))).reason).toBe('scheme');
  });
});

describe('safeFetch without the private-network setting', () => {
  const closed: FetchOptions = { allowPrivateNetwork: false };

  it('refuses loopback before connecting, by address and by name', async () => {
    server.routes.set('/page', send('<p>secret</p>'));
    const error = await failure(safeFetch(server.url('/page'), closed));
    expect(error.reason).toBe('refused-address');
    expect(error.message).toMatch(/loopback/);
    const byName = await failure(safeFetch(server.url('/page').replace('127.0.0.1', 'localhost'), closed));
    expect(byName.reason).toBe('refused-address');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses metadata, private and disguised addresses', async () => {
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.1.2.3/', 'http://[::1]/', 'http://2130706433/', 'http://[::ffff:127.0.0.1]/', 'http://metadata.google.internal/']) {
      expect((await failure(safeFetch(url, closed))).reason, url).toBe('refused-address');
    }
  });

  it('refuses loopback written in other forms before connecting: octal, hex, short, decimal, 0, IPv6-wrapped', async () => {
    server.routes.set('/page', send('<p>secret</p>'));
    const port = new URL(server.url('/')).port;
    const forms = ['0177.0.0.1', '0x7f.0.0.1', '127.1', '2130706433', '0', '0.0.0.0', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[::127.0.0.1]', '[::ffff:0:127.0.0.1]', '[::]'];
    for (const host of forms) {
      const error = await failure(safeFetch(`http://${host}:${port}/page`, closed));
      expect(error.reason, host).toBe('refused-address');
      expect(error.message, host).toMatch(/(?:loopback|unspecified) address$/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it('checks every redirect hop again', async () => {
    // The first hop is let through by a policy that exempts exactly 127.0.0.1; the redirect goes to 127.0.0.2.
    const policy = (address: string) => (address === '127.0.0.1' ? null : refusedAddressKind(address));
    const port = new URL(server.url('/')).port;
    server.routes.set('/jump', send('', { location: `http://127.0.0.2:${port}/inside` }, 302));
    server.routes.set('/inside', send('<p>internal</p>'));
    const error = await failure(safeFetch(server.url('/jump'), { ...closed, refuseAddress: policy }));
    expect(error.reason).toBe('refused-address');
    expect(error.message).toContain('127.0.0.2');
    expect(server.requests.map((r) => r.path)).toEqual(['/jump']);
  });

  it('logs a line for every refusal', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => { lines.push(String(chunk)); done(); } }));
    await failure(safeFetch(server.url('/page'), { ...closed, log }));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, reason: 'refused-address', url: server.url('/page') });
  });
});

describe('refusedAddressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'], ['10.0.0.8', 'private'], ['172.20.1.1', 'private'], ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local or cloud metadata'], ['100.100.100.200', 'shared (CGNAT)'], ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'], ['::1', 'loopback'], ['fd00:ec2::254', 'private'], ['fe80::1', 'link-local'],
    ['::ffff:10.0.0.1', 'private'], ['64:ff9b::7f00:1', 'loopback'], ['2002:c0a8:0101::1', 'private'],
    ['::127.0.0.1', 'loopback'], ['::ffff:0:a9fe:a9fe', 'link-local or cloud metadata'], ['64:ff9b:1::a00:1', 'private (local NAT64)'],
    ['192.0.2.10', 'documentation'], ['2001:db8::5', 'documentation'], ['2001:0:4136:e378::1', 'Teredo tunnel'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(refusedAddressKind(address)).toBe(kind);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111', '172.32.0.1'])('allows the public address %s', (address) => {
    expect(refusedAddressKind(address)).toBeNull();
  });
});

describe('safeFetch and DNS', () => {
  it('resolves each host once and connects to the address it checked, so a second DNS answer cannot slip through', async () => {
    server.routes.set('/page', send('<p>pinned</p>'));
    const answers = [[{ address: '127.0.0.1', family: 4 }], [{ address: '127.0.0.2', family: 4 }]];
    let calls = 0;
    const resolve = async () => answers[Math.min(calls++, 1)]!;
    // Only 127.0.0.1 passes this policy; the server listens on 127.0.0.1 only.
    const refuseAddress = (address: string) => (address === '127.0.0.1' ? null : 'not the test server');
    const url = server.url('/page').replace('127.0.0.1', 'news.rebind.test');
    const result = await safeFetch(url, { allowPrivateNetwork: false, resolve, refuseAddress });
    expect(result.text).toBe('<p>pinned</p>');
    expect(calls).toBe(1);
    expect(server.requests[0]?.headers.host).toBe(new URL(url).host);
  });

  it('refuses a host when any of its addresses is private', async () => {
    const resolve = async () => [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.7', family: 4 }];
    const error = await failure(safeFetch('http://mixed.example.test/', { allowPrivateNetwork: false, resolve }));
    expect(error.reason).toBe('refused-address');
    expect(error.message).toContain('10.0.0.7, a private address');
  });

  it('reports a name that does not resolve', async () => {
    const resolve = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const error = await failure(safeFetch('http://nowhere.example.test/', { allowPrivateNetwork: false, resolve }));
    expect(error).toMatchObject({ reason: 'dns', message: 'could not resolve nowhere.example.test: ENOTFOUND' });
  });
});
