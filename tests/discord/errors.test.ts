import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { OptionType, Permission, UserError, type Command } from '../../src/discord/command.ts';
import { GENERIC_ERROR } from '../../src/discord/errors.ts';
import { startHarness, type Harness } from './harness.ts';

const boom: Command = {
  data: { name: 'boom', description: 'Throws' },
  execute: () => {
    throw new Error('kaboom in the handler');
  },
};
const slowBoom: Command = {
  data: { name: 'slowboom', description: 'Defers, then throws' },
  defer: true,
  execute: async () => {
    throw new Error('kaboom after deferring');
  },
};
const deferredUserError: Command = {
  data: { name: 'picky', description: 'Defers, then refuses', options: [{ type: OptionType.String, name: 'x', description: 'x' }] },
  defer: true,
  execute: () => {
    throw new UserError('Say it differently.');
  },
};
const admin: Command = {
  data: { name: 'admin', description: 'Managers only', default_member_permissions: String(Permission.ManageGuild) },
  requiredPermissions: Permission.ManageGuild,
  execute: () => ({ content: 'done', ephemeral: true }),
};
const badAutocomplete: Command = {
  data: { name: 'badauto', description: 'Autocomplete throws', options: [{ type: OptionType.String, name: 'q', description: 'q', autocomplete: true }] },
  execute: () => ({ content: 'ok' }),
  autocomplete: () => {
    throw new Error('autocomplete exploded');
  },
};
const deferredEdit: Command = {
  data: { name: 'editfail', description: 'Defers; the edit is rejected by Discord' },
  defer: true,
  execute: () => ({ content: 'this edit will be refused' }),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ commands: [...commands, boom, slowBoom, deferredUserError, admin, badAutocomplete, deferredEdit] });
});
afterAll(async () => h?.close());

const errorsLogged = (): Record<string, unknown>[] => h.logs.filter((l) => l.level >= 50);

describe('errors become words', () => {
  it('a handler that throws: generic ephemeral message, error logged with context', async () => {
    const i = h.fake.command('boom');
    const cb = await h.fake.callback(i);
    expect(cb.body).toEqual({ type: 4, data: { content: GENERIC_ERROR, flags: 64, allowed_mentions: { parse: [] }, tts: false, enforce_nonce: false } });
    const logged = errorsLogged().find((l) => l.command === 'boom');
    expect(logged).toMatchObject({ msg: 'command failed', user: '1200000000000000500', guild: h.fake.guildId });
    expect((logged!.err as { message: string }).message).toBe('kaboom in the handler');
    expect(JSON.stringify(cb.body)).not.toContain('kaboom');
  });

  it('a handler that throws after deferring: the thinking message goes, an ephemeral follow-up says so', async () => {
    const i = h.fake.command('slowboom');
    expect((await h.fake.callback(i)).body).toMatchObject({ type: 5 });
    await h.fake.webhook(i, 'DELETE');
    const follow = await h.fake.webhook(i, 'POST');
    expect(follow.body).toMatchObject({ content: GENERIC_ERROR, flags: 64, allowed_mentions: { parse: [] } });
  });

  it('a user error after deferring is shown as it is', async () => {
    const i = h.fake.command('picky', { x: 'y' });
    expect((await h.fake.callback(i)).body).toMatchObject({ type: 5 });
    const follow = await h.fake.webhook(i, 'POST');
    expect(follow.body).toMatchObject({ content: 'Say it differently.', flags: 64 });
  });

  it('Discord refusing the edit after a deferral still reaches the user, and is logged', async () => {
    h.fake.override('PATCH', /\/messages\/%40original$/, () => ({ status: 400, body: { message: 'Invalid Form Body', code: 50035 } }));
    const i = h.fake.command('editfail');
    expect((await h.fake.callback(i)).body).toMatchObject({ type: 5 });
    await h.fake.webhook(i, 'PATCH');
    const follow = await h.fake.webhook(i, 'POST');
    expect(follow.body).toMatchObject({ content: GENERIC_ERROR, flags: 64 });
    expect(errorsLogged().some((l) => l.msg === 'interaction failed' && l.interaction === i.id)).toBe(true);
  });

  it('autocomplete that throws answers with no choices', async () => {
    const cb = await h.fake.callback(h.fake.autocomplete('badauto', { name: 'q', value: 'x' }));
    expect(cb.body).toEqual({ type: 8, data: { choices: [] } });
    expect(errorsLogged().some((l) => l.msg === 'autocomplete failed')).toBe(true);
  });

  it('a command needing Manage Server refuses members without it and runs for those with it', async () => {
    const refused = await h.fake.callback(h.fake.command('admin'));
    expect(refused.body).toMatchObject({ data: { flags: 64, content: 'You need Manage Server to use `/admin`. Ask a server admin.' } });
    const allowed = await h.fake.callback(h.fake.command('admin', {}, { permissions: String(Permission.ManageGuild) }));
    expect(allowed.body).toMatchObject({ data: { content: 'done', flags: 64 } });
  });

  it('an unregistered command and a stale button get short ephemeral answers', async () => {
    const unknown = await h.fake.callback(h.fake.command('gone'));
    expect(unknown.body).toMatchObject({ data: { flags: 64, content: 'I don\'t know `/gone` any more. Try `/help`.' } });
    const stale = await h.fake.callback(h.fake.button('nothing:1:2'));
    expect(stale.body).toMatchObject({ type: 4, data: { flags: 64, content: 'That button no longer works. Run the command again.' } });
  });

  it('commands can ask for the bot\'s permissions in another channel', async () => {
    let seen: bigint | null | undefined;
    const probe: Command = {
      data: { name: 'probe', description: 'Checks a channel' },
      async execute(_ctx, input) {
        seen = await input.botPermissionsIn(h.fake.guilds[0]!.channels[1]!.id);
        return { content: 'checked' };
      },
    };
    const h2 = await startHarness({ commands: [probe] });
    try {
      await h2.fake.callback(h2.fake.command('probe'));
      expect(typeof seen).toBe('bigint');
      expect((seen! & Permission.SendMessages) !== 0n).toBe(true);
    } finally {
      await h2.close();
    }
  });
});
