import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

/** The gateway half of the fake Discord: HELLO, IDENTIFY/READY/GUILD_CREATE, heartbeats, op 7 and RESUME with replay. */

export interface GatewayPayload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

interface Session {
  id: string;
  seq: number;
  events: GatewayPayload[];
  socket: WebSocket | null;
}

export interface FakeGatewayOptions {
  server: Server;
  url: string;
  token: string;
  heartbeatInterval: number;
  /** READY's payload for a new session (user, guilds, application). */
  ready: (sessionId: string) => Record<string, unknown>;
  /** GUILD_CREATE payloads sent after READY. */
  guildCreates: () => Record<string, unknown>[];
}

export function createFakeGateway(options: FakeGatewayOptions) {
  const wss = new WebSocketServer({ server: options.server });
  const received: GatewayPayload[] = [];
  const waiters: { op: number; resolve: (p: GatewayPayload) => void }[] = [];
  const sessions = new Map<string, Session>();
  let current: Session | null = null;
  let identifies = 0;
  let resumes = 0;

  function send(socket: WebSocket | null, payload: GatewayPayload): void {
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
  }

  /** Dispatches an event to a session (the current one by default); buffered while disconnected. Returns when it was sent. */
  function dispatch(t: string, d: unknown, session = current): number {
    if (!session) throw new Error('fake discord: no gateway session (the client has not identified)');
    const payload: GatewayPayload = { op: 0, t, s: ++session.seq, d };
    session.events.push(payload);
    send(session.socket, payload);
    return performance.now();
  }

  function receive(payload: GatewayPayload): void {
    received.push(payload);
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i]!.op === payload.op) waiters.splice(i, 1)[0]!.resolve(payload);
    }
  }

  function identify(socket: WebSocket, d: { token: string }): void {
    if (d.token !== options.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    identifies++;
    const session: Session = { id: `session-${identifies}-${Date.now()}`, seq: 0, events: [], socket };
    sessions.set(session.id, session);
    current = session;
    dispatch('READY', options.ready(session.id));
    for (const guild of options.guildCreates()) dispatch('GUILD_CREATE', guild);
  }

  function resume(socket: WebSocket, d: { token: string; session_id: string; seq: number }): void {
    const session = sessions.get(d.session_id);
    if (!session || d.token !== options.token) {
      send(socket, { op: 9, d: false });
      return;
    }
    resumes++;
    session.socket = socket;
    current = session;
    for (const event of session.events) if ((event.s ?? 0) > d.seq) send(socket, event);
    dispatch('RESUMED', null);
  }

  wss.on('connection', (socket) => {
    send(socket, { op: 10, d: { heartbeat_interval: options.heartbeatInterval }, s: null, t: null });
    socket.on('message', (data) => {
      const payload = JSON.parse(String(data)) as GatewayPayload;
      receive(payload);
      if (payload.op === 1) send(socket, { op: 11, d: null });
      else if (payload.op === 2) identify(socket, payload.d as { token: string });
      else if (payload.op === 6) resume(socket, payload.d as { token: string; session_id: string; seq: number });
    });
    socket.on('close', () => {
      for (const s of sessions.values()) if (s.socket === socket) s.socket = null;
    });
  });

  return {
    url: options.url,
    received,
    dispatch,
    get identifies() {
      return identifies;
    },
    get resumes() {
      return resumes;
    },
    /** The next payload with this op code sent by the client (from index `after` of those received). */
    next(op: number, timeoutMs = 5000, after = 0): Promise<GatewayPayload> {
      const found = received.slice(after).find((p) => p.op === op);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake discord: no gateway op ${op} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ op, resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        } });
      });
    },
    /** Asks the client to reconnect and resume (op 7). */
    requestReconnect(): void {
      send(current?.socket ?? null, { op: 7, d: null });
    },
    /** Closes the socket the way a network failure would (the client should resume). */
    dropConnection(code = 4000): void {
      current?.socket?.close(code, 'fake discord dropped the connection');
    },
    async close(): Promise<void> {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
