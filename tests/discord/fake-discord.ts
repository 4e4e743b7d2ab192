import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeGateway } from './fake-gateway.ts';

export type { GatewayPayload } from './fake-gateway.ts';

/**
 * A small fake Discord for tests and benchmarks: REST and the gateway on 127.0.0.1, enough for the real
 * discord.js 14 client to log in, receive interactions and answer them. Every REST request is recorded;
 * tests inject interactions and await the requests the bot makes in response.
 */

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, as sent (`/webhooks/1/tok/messages/%40original`). */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
  /** performance.now() when the request had fully arrived. */
  at: number;
  status: number;
}

export interface FakeChannel {
  id: string;
  name: string;
  type?: number;
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: FakeChannel[];
}

export interface InjectedInteraction {
  id: string;
  token: string;
  /** performance.now() when the interaction was written to the gateway socket. */
  sentAt: number;
}

export type RequestMatcher = (request: RecordedRequest) => boolean;

export interface FakeDiscordOptions {
  token?: string;
  applicationId?: string;
  guilds?: FakeGuild[];
  /** Heartbeat interval announced in HELLO (ms). */
  heartbeatInterval?: number;
}

type Handler = (req: RecordedRequest, params: string[]) => { status: number; body?: unknown } | null;

const ALL_PERMISSIONS = ((1n << 50n) - 1n).toString();
/** View Channel, Send Messages, Embed Links, Read Message History, Use Application Commands. */
export const MEMBER_PERMISSIONS = ((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n) | (1n << 31n)).toString();

let nextSnowflake = 1_300_000_000_000_000_000n;
export const snowflake = (): string => String(nextSnowflake++);

export async function startFakeDiscord(options: FakeDiscordOptions = {}) {
  const token = options.token ?? 'test-token.fake.discord';
  const applicationId = options.applicationId ?? '1200000000000000001';
  const botUserId = applicationId;
  const guilds: FakeGuild[] = options.guilds ?? [{
    id: '1200000000000000100', name: 'Test Guild',
    channels: [{ id: '1200000000000000200', name: 'general' }, { id: '1200000000000000201', name: 'news' }],
  }];
  const heartbeatInterval = options.heartbeatInterval ?? 41_250;

  const requests: RecordedRequest[] = [];
  const taken = new Set<RecordedRequest>();
  const waiters: { matcher: RequestMatcher; resolve: (r: RecordedRequest) => void }[] = [];
  const failingChannels = new Map<string, number>();
  const commands = new Map<string, Record<string, unknown>[]>();
  const overrides: { method: string; pattern: RegExp; handler: Handler }[] = [];
  const interactionChannels = new Map<string, string>();
  const messages = new Map<string, Record<string, unknown>>();

  const server = createServer((req, res) => void handleHttp(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;
  const gateway = createFakeGateway({
    server, url: gatewayUrl, token, heartbeatInterval,
    ready: (sessionId) => ({
      v: 10, user: botUser(), guilds: guilds.map((g) => ({ id: g.id, unavailable: true })), session_id: sessionId,
      resume_gateway_url: gatewayUrl, application: { id: applicationId, flags: 0 }, private_channels: [],
    }),
    guildCreates: () => guilds.map(guildPayload),
  });
  const dispatch = gateway.dispatch;

  function record(request: RecordedRequest): void {
    requests.push(request);
    const i = waiters.findIndex((w) => w.matcher(request));
    if (i >= 0) {
      taken.add(request);
      waiters.splice(i, 1)[0]!.resolve(request);
    }
  }

  function message(channelId: string, body: Record<string, unknown>, id = snowflake()): Record<string, unknown> {
    const m = {
      id, channel_id: channelId, type: 0, content: body.content ?? '', embeds: body.embeds ?? [], components: body.components ?? [],
      author: { id: botUserId, username: 'quotewire', discriminator: '0', global_name: null, avatar: null, bot: true },
      timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [],
      mention_roles: [], attachments: [], pinned: false, flags: body.flags ?? 0, application_id: applicationId,
    };
    messages.set(id, m);
    return m;
  }

  const bot = (req: RecordedRequest): boolean => req.headers.authorization === `Bot ${token}`;
  const unauthorized = { status: 401, body: { message: '401: Unauthorized', code: 0 } };

  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [
    { method: 'GET', pattern: /^\/gateway\/bot$/, handler: (req) => (bot(req)
      ? { status: 200, body: { url: gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } } }
      : unauthorized) },
    { method: 'GET', pattern: /^\/gateway$/, handler: () => ({ status: 200, body: { url: gatewayUrl } }) },
    { method: 'GET', pattern: /^\/(?:oauth2\/)?applications\/@me$/, handler: (req) => (bot(req)
      ? { status: 200, body: { id: applicationId, name: 'quotewire', description: '', bot_public: true, flags: 0 } }
      : unauthorized) },
    { method: 'GET', pattern: /^\/users\/@me$/, handler: (req) => (bot(req) ? { status: 200, body: botUser() } : unauthorized) },
    { method: 'GET', pattern: /^\/guilds\/(\d+)\/members\/(\d+)$/, handler: (_req, [, userId]) => ({
      status: 200, body: { user: userId === botUserId ? botUser() : user(userId!), roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
    }) },
    { method: 'GET', pattern: /^\/applications\/(\d+)(\/guilds\/\d+)?\/commands$/, handler: (req) => (bot(req)
      ? { status: 200, body: commands.get(req.path) ?? [] } : unauthorized) },
    { method: 'PUT', pattern: /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/, handler: (req, [app, guild]) => {
      if (!bot(req)) return unauthorized;
      const registered = (req.body as Record<string, unknown>[]).map((c) => ({
        id: snowflake(), application_id: app, version: snowflake(), type: 1, ...(guild ? { guild_id: guild } : {}), default_member_permissions: null, ...c,
      }));
      commands.set(req.path, registered);
      return { status: 200, body: registered };
    } },
    { method: 'POST', pattern: /^\/interactions\/(\d+)\/([^/]+)\/callback$/, handler: (req, [id, tok]) => {
      if (req.query.get('with_response') !== 'true') return { status: 204 };
      const body = req.body as { type: number; data?: Record<string, unknown> };
      const resource = body.data && (body.type === 4 || body.type === 7)
        ? { type: body.type, message: message(interactionChannels.get(tok!) ?? '0', body.data) } : { type: body.type };
      return { status: 200, body: { interaction: { id, type: 2 }, resource } };
    } },
    { method: 'PATCH', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/, handler: (req, [, tok, msg]) => ({
      status: 200, body: message(interactionChannels.get(tok!) ?? '0', req.body as Record<string, unknown>, msg === '%40original' ? snowflake() : msg),
    }) },
    { method: 'GET', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/, handler: (_req, [, tok]) => ({ status: 200, body: message(interactionChannels.get(tok!) ?? '0', {}) }) },
    { method: 'DELETE', pattern: /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/, handler: () => ({ status: 204 }) },
    { method: 'POST', pattern: /^\/webhooks\/(\d+)\/([^/]+)$/, handler: (req, [, tok]) => ({ status: 200, body: message(interactionChannels.get(tok!) ?? '0', req.body as Record<string, unknown>) }) },
    { method: 'POST', pattern: /^\/channels\/(\d+)\/messages$/, handler: (req, [channel]) => {
      if (!bot(req)) return unauthorized;
      const failure = failingChannels.get(channel!);
      if (failure === 403) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      if (failure === 404) return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
      if (failure) return { status: failure, body: { message: `Error ${failure}`, code: 0 } };
      return { status: 200, body: message(channel!, req.body as Record<string, unknown>) };
    } },
  ];

  function botUser(): Record<string, unknown> {
    return { id: botUserId, username: 'quotewire', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 };
  }
  function user(id: string, username = `user${id.slice(-4)}`): Record<string, unknown> {
    return { id, username, discriminator: '0', global_name: username, avatar: null };
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname.replace(/^\/api(\/v\d+)?/, '');
    let body: unknown = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const request: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, headers: req.headers, body, at: performance.now(), status: 0 };
    let answer: { status: number; body?: unknown } | null = null;
    for (const route of [...overrides, ...routes]) {
      const m = route.method === request.method ? route.pattern.exec(path) : null;
      if (m && (answer = route.handler(request, m.slice(1)))) break;
    }
    answer ??= { status: 404, body: { message: '404: Not Found', code: 0 } };
    request.status = answer.status;
    if (answer.body === undefined) res.writeHead(answer.status).end();
    else res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    record(request);
  }

  function guildPayload(g: FakeGuild): Record<string, unknown> {
    return {
      id: g.id, name: g.name, owner_id: '1200000000000000999', unavailable: false, member_count: 2, large: false,
      joined_at: new Date(0).toISOString(), icon: null, features: [], emojis: [], stickers: [], voice_states: [], presences: [],
      threads: [], stage_instances: [], guild_scheduled_events: [], soundboard_sounds: [],
      roles: [{ id: g.id, name: '@everyone', permissions: MEMBER_PERMISSIONS, position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      channels: g.channels.map((c, position) => ({ id: c.id, name: c.name, type: c.type ?? 0, position, guild_id: g.id, permission_overwrites: [] })),
      members: [{ user: botUser(), roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 }],
    };
  }

  /** Everything an interaction needs for discord.js to accept it; `extra` overrides any field. */
  function interaction(type: number, data: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const guild = guilds[0]!;
    const channel = guild.channels[0]!;
    const id = snowflake();
    const userId = (extra.userId as string | undefined) ?? '1200000000000000500';
    const { userId: _ignored, permissions, ...rest } = extra as { userId?: string; permissions?: string } & Record<string, unknown>;
    return {
      id, application_id: applicationId, type, token: `itoken-${id}`, version: 1, guild_id: guild.id,
      channel_id: channel.id, channel: { id: channel.id, type: 0, name: channel.name, guild_id: guild.id },
      member: {
        user: user(userId), roles: [], permissions: permissions ?? MEMBER_PERMISSIONS, joined_at: new Date(0).toISOString(),
        deaf: false, mute: false, flags: 0,
      },
      app_permissions: ALL_PERMISSIONS, locale: 'en-US', guild_locale: 'en-US', entitlements: [], authorizing_integration_owners: {},
      context: 0, attachment_size_limit: 8_388_608, ...(data ? { data } : {}), ...rest,
    };
  }

  function inject(raw: Record<string, unknown>): InjectedInteraction {
    const id = raw.id as string;
    const tok = raw.token as string;
    interactionChannels.set(tok, (raw.channel as { id: string } | undefined)?.id ?? '0');
    const sentAt = dispatch('INTERACTION_CREATE', raw);
    return { id, token: tok, sentAt };
  }

  const optionType = (v: unknown): number => (typeof v === 'number' ? (Number.isInteger(v) ? 4 : 10) : typeof v === 'boolean' ? 5 : 3);
  function optionList(values: Record<string, unknown> = {}): Record<string, unknown>[] {
    return Object.entries(values).filter(([, v]) => v !== undefined).map(([name, value]) => ({ name, type: optionType(value), value }));
  }
  function commandData(name: string, subcommand: string | undefined, opts: Record<string, unknown>[]): Record<string, unknown> {
    return { id: snowflake(), name, type: 1, options: subcommand ? [{ name: subcommand, type: 1, options: opts }] : opts };
  }

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    token,
    applicationId,
    guilds,
    guildId: guilds[0]!.id,
    channelId: guilds[0]!.channels[0]!.id,
    requests,
    gatewayReceived: gateway.received,
    get identifies() {
      return gateway.identifies;
    },
    get resumes() {
      return gateway.resumes;
    },
    /** The commands registered at a path such as `/applications/APP/guilds/GUILD/commands`. */
    registeredCommands(path: string): Record<string, unknown>[] {
      return commands.get(path) ?? [];
    },

    /** The next recorded request matching (the earliest not yet returned by nextRequest), waiting for it if needed. */
    nextRequest(matcher: RequestMatcher, timeoutMs = 5000): Promise<RecordedRequest> {
      const found = requests.find((r) => !taken.has(r) && matcher(r));
      if (found) {
        taken.add(found);
        return Promise.resolve(found);
      }
      return new Promise((resolve, reject) => {
        const waiter = { matcher, resolve: (r: RecordedRequest) => {
          clearTimeout(timer);
          resolve(r);
        } };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`fake discord: no matching request within ${timeoutMs} ms; saw ${requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },

    /** The next payload with this op code sent by the client on the gateway (already received ones included). */
    nextGateway: gateway.next,

    /** Sends a complete interaction payload (build one with `interaction`). */
    injectInteraction: inject,
    interaction,
    /** A slash command: `command('article', {query: 'x'}, {subcommand: 'search'})`. */
    command(name: string, values: Record<string, unknown> = {}, extra: { subcommand?: string } & Record<string, unknown> = {}): InjectedInteraction {
      const { subcommand, ...rest } = extra;
      return inject(interaction(2, commandData(name, subcommand, optionList(values)), rest));
    },
    /** An autocomplete request with `focused` being typed (`type` is the option's declared type, string by default). */
    autocomplete(name: string, focused: { name: string; value: string; type?: number }, values: Record<string, unknown> = {}, extra: { subcommand?: string } & Record<string, unknown> = {}): InjectedInteraction {
      const { subcommand, ...rest } = extra;
      const opts = [...optionList(values), { name: focused.name, type: focused.type ?? 3, value: focused.value, focused: true }];
      return inject(interaction(4, commandData(name, subcommand, opts), rest));
    },
    /** A click on a button with this custom id, on a message the bot sent earlier. */
    button(customId: string, extra: Record<string, unknown> = {}): InjectedInteraction {
      const channelId = guilds[0]!.channels[0]!.id;
      const msg = message(channelId, { content: '' });
      return inject(interaction(3, { custom_id: customId, component_type: 2 }, { message: msg, ...extra }));
    },
    /** The callback request (reply, defer, autocomplete answer, update) for an injected interaction. */
    callback(i: InjectedInteraction, timeoutMs = 5000): Promise<RecordedRequest> {
      return this.nextRequest((r) => r.method === 'POST' && r.path === `/interactions/${i.id}/${i.token}/callback`, timeoutMs);
    },
    /** The next webhook request (edit, follow-up, delete) for an interaction's token. */
    webhook(i: InjectedInteraction, method: 'PATCH' | 'POST' | 'DELETE', timeoutMs = 5000): Promise<RecordedRequest> {
      return this.nextRequest((r) => r.method === method && r.path.startsWith(`/webhooks/${applicationId}/${i.token}`), timeoutMs);
    },

    /** Makes posts to a channel fail with this status (403 Missing Access, 404 Unknown Channel, ...); 0 restores. */
    failChannel(channelId: string, status: number): void {
      if (status) failingChannels.set(channelId, status);
      else failingChannels.delete(channelId);
    },
    /** Answers matching requests with a handler of your own (checked before the built-in routes). */
    override(method: string, pattern: RegExp, handler: Handler): void {
      overrides.unshift({ method, pattern, handler });
    },
    /** A gateway event dispatched to the current session (buffered while disconnected, replayed on resume). */
    dispatch,
    /** Asks the client to reconnect and resume (op 7). */
    requestReconnect: gateway.requestReconnect,
    /** Closes the gateway socket the way a network failure would (the client should resume). */
    dropConnection: gateway.dropConnection,
    async close(): Promise<void> {
      await gateway.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;
