import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { decodeBody } from '../core/parse/charset.ts';
import type { Logger } from '../log.ts';
import { isMetadataHost, refusedAddressKind } from './address.ts';

/**
 * The safe fetcher for pages and feeds: http(s) only, connect and total timeouts, a size limit enforced while
 * streaming, manual redirects (each hop checked again), and every host resolved once and checked before we
 * connect to exactly that address, so a DNS answer that changes between check and connect cannot slip through.
 */

export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
const USER_AGENT = 'quotewire/0.1 (news quotes bot; +https://github.com/quotewire)';

export type FetchFailure =
  | 'bad-url' | 'scheme' | 'refused-address' | 'dns' | 'connect-timeout' | 'timeout' | 'too-large'
  | 'too-many-redirects' | 'redirect-loop' | 'http-status' | 'network' | 'bad-encoding';

/** A fetch that was refused or failed; `reason` says which kind, the message says it in words. */
export class FetchError extends Error {
  override name = 'FetchError';
  /** From a 429 or 503 answer's Retry-After header: how long the server asked us to wait. */
  retryAfterMs?: number;
  constructor(readonly reason: FetchFailure, message: string, readonly url: string, readonly status?: number) {
    super(message);
  }
}

/** A Retry-After header (seconds or an HTTP date) in milliseconds from `now`, or undefined. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

export interface FetchOptions {
  /** Allow loopback and private addresses (tests, self-hosting). */
  allowPrivateNetwork: boolean;
  /** Why an address is refused, or null; defaults to refusedAddressKind unless allowPrivateNetwork. */
  refuseAddress?: (address: string) => string | null;
  /** Resolves a host name (default: the system resolver, as `dns.lookup` with all addresses). */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
  log?: Logger;
  /** Conditional request validators from the previous response. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  maxBytes?: number;
  maxRedirects?: number;
  connectTimeoutMs?: number;
  /** For the whole fetch, redirects included. */
  timeoutMs?: number;
}

export interface FetchResult {
  /** False for a 304 answer to a conditional request: nothing changed, and there is no body. */
  modified: boolean;
  status: number;
  /** The URL after redirects. */
  url: string;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  bytes: Buffer;
  /** The body decoded with the charset of the header, BOM or document prolog. */
  text: string;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

const systemResolve = (hostname: string): Promise<ResolvedAddress[]> => dnsLookup(hostname, { all: true, verbatim: true });

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Readable;
  destroy: () => void;
}

/** Fetches `url` safely. Throws FetchError (and logs a line) for every refusal and failure. */
export async function safeFetch(url: string, options: FetchOptions): Promise<FetchResult> {
  try {
    return await fetchFollowing(url, options);
  } catch (error) {
    const failure = error instanceof FetchError ? error : new FetchError('network', `could not fetch ${url}: ${(error as Error).message}`, url);
    options.log?.warn({ url, reason: failure.reason, status: failure.status }, failure.message);
    throw failure;
  }
}

async function fetchFollowing(startUrl: string, options: FetchOptions): Promise<FetchResult> {
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const visited = new Set<string>();
  let url = checkUrl(startUrl, startUrl);
  for (let redirects = 0; ; redirects++) {
    visited.add(url.href);
    const hop = await request(url, options, deadline);
    if ([301, 302, 303, 307, 308].includes(hop.status)) {
      hop.destroy();
      const location = hop.headers.location;
      if (!location) throw new FetchError('http-status', `${url.href} answered ${hop.status} without a Location header`, url.href, hop.status);
      const next = checkUrl(location, url.href, url);
      if (visited.has(next.href)) throw new FetchError('redirect-loop', `redirect loop: ${url.href} leads back to ${next.href}`, startUrl);
      if (redirects + 1 > maxRedirects) throw new FetchError('too-many-redirects', `more than ${maxRedirects} redirects from ${startUrl}`, startUrl);
      url = next;
      continue;
    }
    const header = (name: string): string | null => {
      const value = hop.headers[name];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    };
    const meta = { status: hop.status, url: url.href, contentType: header('content-type'), etag: header('etag'), lastModified: header('last-modified') };
    if (hop.status === 304) {
      hop.destroy();
      return { ...meta, modified: false, bytes: Buffer.alloc(0), text: '' };
    }
    if (hop.status < 200 || hop.status > 299) {
      hop.destroy();
      const error = new FetchError('http-status', `${url.href} answered HTTP ${hop.status}`, url.href, hop.status);
      if (hop.status === 429 || hop.status === 503) error.retryAfterMs = retryAfterMs(header('retry-after'));
      throw error;
    }
    const bytes = await readBody(hop, url.href, options.maxBytes ?? MAX_BODY_BYTES, deadline);
    return { ...meta, modified: true, bytes, text: decodeBody(bytes, meta.contentType) };
  }
}

/** Parses and checks a URL (or a redirect target relative to `base`): http(s) only, no credentials. */
function checkUrl(href: string, base: string, from?: URL): URL {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    throw new FetchError('bad-url', `not a valid URL: ${href}`, href);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const where = from ? ` (redirect from ${from.href})` : '';
    throw new FetchError('scheme', `only http and https URLs can be fetched, not ${url.protocol.replace(/:$/, '')}${where}`, url.href);
  }
  url.hash = '';
  return url;
}

/** Resolves the host and checks every address; returns the addresses that may be connected to. */
async function resolveChecked(url: URL, options: FetchOptions): Promise<ResolvedAddress[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivateNetwork && isMetadataHost(host)) {
    throw new FetchError('refused-address', `refused ${url.href}: ${host} is a cloud metadata host`, url.href);
  }
  let addresses: ResolvedAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await (options.resolve ?? systemResolve)(host);
    } catch (error) {
      throw new FetchError('dns', `could not resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, url.href);
    }
    if (addresses.length === 0) throw new FetchError('dns', `could not resolve ${host}: no addresses`, url.href);
  }
  const refuse = options.refuseAddress ?? (options.allowPrivateNetwork ? null : refusedAddressKind);
  if (refuse) {
    for (const { address } of addresses) {
      const kind = refuse(address);
      if (!kind) continue;
      const what = `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} address`;
      throw new FetchError('refused-address', `refused ${url.href}: ${host === address ? `${host} is ${what}` : `${host} is ${address}, ${what}`}`, url.href);
    }
  }
  return addresses;
}

async function request(url: URL, options: FetchOptions, deadline: number): Promise<Hop> {
  const checked = await resolveChecked(url, options);
  // Connect only to the addresses that were checked, never to a second DNS answer (no rebinding).
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, checked);
    else callback(null, checked[0]!.address, checked[0]!.family);
  };
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: options.accept ?? '*/*',
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const client = url.protocol === 'https:' ? https : http;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  return new Promise<Hop>((resolve, reject) => {
    const timers: NodeJS.Timeout[] = [];
    const clear = (): void => timers.forEach(clearTimeout);
    const fail = (error: FetchError): void => {
      clear();
      req.destroy();
      reject(error);
    };
    const req = client.request(url, { method: 'GET', headers, lookup, agent: false }, (res) => {
      clear();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res, destroy: () => res.destroy() });
    });
    timers.push(setTimeout(() => fail(new FetchError('timeout', `no answer from ${url.href} in time`, url.href)), Math.max(0, deadline - Date.now())));
    req.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => fail(new FetchError('connect-timeout', `could not connect to ${url.host} within ${connectTimeoutMs} ms`, url.href)), connectTimeoutMs);
      timers.push(timer);
      socket.once('connect', () => clearTimeout(timer));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      clear();
      reject(new FetchError('network', `could not fetch ${url.href}: ${networkProblem(error)}`, url.href));
    });
    req.end();
  });
}

const NETWORK_PROBLEMS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPROTO: 'TLS handshake failed',
};

/** A network error in words, with its code. */
function networkProblem(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS_CERT/.test(code)) return `its TLS certificate is not valid (${code})`;
  return NETWORK_PROBLEMS[code] ? `${NETWORK_PROBLEMS[code]} (${code})` : code || error.message;
}

/** Reads the (decompressed) body, stopping as soon as it passes `maxBytes` or the deadline. */
async function readBody(hop: Hop, url: string, maxBytes: number, deadline: number): Promise<Buffer> {
  const tooLarge = (): FetchError => new FetchError('too-large', `${url} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; not read`, url);
  const length = Number(hop.headers['content-length']);
  if (Number.isFinite(length) && length > maxBytes) {
    hop.destroy();
    throw tooLarge();
  }
  const encoding = String(hop.headers['content-encoding'] ?? '').trim().toLowerCase();
  let stream: Readable = hop.body;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = hop.body.pipe(createGunzip());
  else if (encoding === 'deflate') stream = hop.body.pipe(createInflate());
  else if (encoding === 'br') stream = hop.body.pipe(createBrotliDecompress());
  if (stream !== hop.body) hop.body.once('error', (error) => stream.destroy(error));
  const chunks: Buffer[] = [];
  let total = 0;
  const timer = setTimeout(() => stream.destroy(new FetchError('timeout', `${url} did not finish sending in time`, url)), Math.max(0, deadline - Date.now()));
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || /incorrect header|invalid/i.test((error as Error).message)) {
      throw new FetchError('bad-encoding', `${url} sent a body that could not be decompressed (${encoding})`, url);
    }
    throw new FetchError('network', `${url}: the connection broke while reading (${code || (error as Error).message})`, url);
  } finally {
    clearTimeout(timer);
    hop.destroy();
  }
  return Buffer.concat(chunks);
}
