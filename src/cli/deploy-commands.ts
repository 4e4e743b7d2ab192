import { REST } from '../discord/discord-js.ts';
import { commands } from '../../commands/index.ts';
import { deployCommands, describeChanges } from '../discord/deploy.ts';
import { parseOptions, UsageError, withCliContext } from './shared.ts';

interface CurrentApplication {
  id: string;
}

/**
 * `quotewire deploy-commands [--guild ID]`: registers the slash commands in one server (at once) or
 * globally (Discord takes a while to spread them), and prints what changed.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseOptions(argv, { guild: { type: 'string' }, global: { type: 'boolean' } }, false);
  if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild)) throw new UsageError('--guild takes a server id (17-20 digits)');
  return withCliContext(async (ctx) => {
    const token = ctx.config.discordToken;
    if (!token) throw new UsageError('DISCORD_TOKEN is not set; put the bot token in .env (see .env.example)');
    const rest = new REST(ctx.config.discordApiUrl ? { api: ctx.config.discordApiUrl } : {}).setToken(token);
    let app: CurrentApplication;
    try {
      app = (await rest.get('/applications/@me')) as CurrentApplication;
    } catch (error) {
      console.error(`quotewire deploy-commands: Discord did not accept the token (${(error as Error).message}); check DISCORD_TOKEN in .env`);
      return 1;
    }
    const guildId = values.global ? null : values.guild ?? ctx.config.discordGuildId;
    const result = await deployCommands(rest, ctx.store.settings, commands, { applicationId: app.id, guildId }, { force: true, compare: true });
    const where = guildId ? `in server ${guildId}` : 'globally (may take up to an hour to appear everywhere)';
    console.log(`Registered ${commands.length} commands ${where}.`);
    if (result.changes) console.log(describeChanges(result.changes));
    return 0;
  });
}
