import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, safeFetch } from '../../src/ingest/http.ts';

/** A throwaway self-signed certificate made with openssl at test time (nothing secret is kept in the repo). */
function selfSigned(): { key: Buffer; cert: Buffer } | null {
  const dir = mkdtempSync(join(tmpdir(), 'quotewire-tls-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
      '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const tls = selfSigned();
let server: https.Server;
let url = '';

beforeAll(async () => {
  if (!tls) return;
  server = https.createServer(tls, (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>secure</p>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  if (tls) await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe.skipIf(!tls)('safeFetch over https', () => {
  it('verifies certificates: a self-signed one is refused with a clear message', async () => {
    const error = await safeFetch(url, { allowPrivateNetwork: true }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ reason: 'network', message: expect.stringMatching(/TLS certificate is not valid \(DEPTH_ZERO_SELF_SIGNED_CERT\)/) });
  });
});
