import { createInterface, type Interface } from 'node:readline';
import type { AppContext } from '../context.ts';
import type { Service } from '../main.ts';
import { OptionType, type Command } from './command.ts';
import { createDispatcher, type Dispatcher } from './dispatch.ts';
import { errorReply } from './errors.ts';
import type { Button, Reply } from './reply.ts';
import { renderText } from './render/text.ts';
import { LOCAL_INVOCATION, parseCommandLine } from './text-input.ts';

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Called when the user leaves (Ctrl-D, Ctrl-C, `exit`); by default asks main to shut down. */
  onExit?: () => void;
  terminal?: boolean;
}

/** Every command line the console can complete: `/article latest`, `/article search query:`, `/quote `, ... */
export function commandLines(commands: readonly Command[]): string[] {
  return commands.flatMap((c) => {
    const subs = (c.data.options ?? []).filter((o) => o.type === OptionType.Subcommand);
    if (subs.length === 0) return [`/${c.data.name}${c.data.options?.length ? ' ' : ''}`];
    return subs.map((s) => {
      const first = 'options' in s ? s.options?.[0] : undefined;
      return `/${c.data.name} ${s.name}${first ? ` ${first.name}:` : ''}`;
    });
  });
}

/** Tab completion: command names, then speaker names after `/quote `. */
export function createCompleter(ctx: AppContext, commands: readonly Command[]): (line: string) => [string[], string] {
  const lines = commandLines(commands);
  return (line) => {
    const speaker = /^\s*\/quote\s+(?:speaker:\s*)?([^:]*)$/i.exec(line);
    if (speaker) {
      const names = ctx.store.people.searchByName(speaker[1]!.trim(), 10).map((p) => `/quote ${p.name}`);
      return [names, line];
    }
    const hits = lines.filter((l) => l.startsWith(line.trimStart()));
    return [hits.length ? hits : lines, line];
  };
}

/**
 * The local console: type slash commands, get the same replies as in Discord, rendered as text. `next` and
 * `previous` press the buttons of the last reply.
 */
export function createConsoleService(commands: readonly Command[], io: ConsoleIo = { input: process.stdin, output: process.stdout }): Service {
  let rl: Interface | null = null;
  let dispatcher: Dispatcher | null = null;
  let buttons: Button[] = [];
  let busy: Promise<void> = Promise.resolve();
  let stopping = false;

  async function answer(ctx: AppContext, line: string): Promise<string> {
    const text = line.trim();
    if (!text) return '';
    const pressed = buttons.find((b) => b.kind === 'action' && !b.disabled && b.label.toLowerCase().startsWith(text.toLowerCase()));
    let reply: Reply;
    if (pressed && pressed.kind === 'action' && !text.startsWith('/')) {
      reply = await dispatcher!.button(pressed.customId, LOCAL_INVOCATION);
    } else {
      try {
        const { command, input } = parseCommandLine(text.startsWith('/') ? text : `/${text}`, commands);
        reply = await dispatcher!.execute(command, input);
      } catch (error) {
        reply = errorReply(ctx.log, error, { line: text });
      }
    }
    if (!reply.ephemeral) buttons = (reply.buttons ?? []).flat();
    return renderText(reply);
  }

  return {
    name: 'console',
    async start(ctx) {
      dispatcher = createDispatcher(ctx, commands);
      const exit = io.onExit ?? (() => process.kill(process.pid, 'SIGINT'));
      rl = createInterface({ input: io.input, output: io.output, completer: createCompleter(ctx, commands), terminal: io.terminal ?? true, prompt: 'quotewire> ' });
      rl.on('line', (line) => {
        busy = busy.then(async () => {
          if (/^\s*(exit|quit)\s*$/i.test(line)) return void rl?.close();
          const text = await answer(ctx, line);
          if (text) io.output.write(`${text}\n`);
          rl?.prompt();
        });
      });
      rl.on('SIGINT', () => rl?.close());
      rl.on('close', () => {
        if (!stopping) exit();
      });
      // Greet once start-up is over, so that the start-up log lines come before the prompt, not over it.
      const articles = ctx.store.articles.count();
      setImmediate(() => {
        if (!rl) return;
        io.output.write(`quotewire console: ${articles} articles. Type /help, /article latest or /quote NAME (Tab completes; Ctrl-D quits).\n`);
        rl.prompt();
      });
    },
    async stop() {
      stopping = true;
      await busy;
      rl?.close();
      rl = null;
    },
  };
}
