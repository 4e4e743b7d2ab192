import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` as a user runs it (the command line of package.json's start script: bot, digest scheduler,
 * feed poller), in a process of its own so that its launch time and memory are measured alone and from the
 * outside. npm's own process (about 0.3 s before it runs the script) is not part of it.
 */
export interface BotProcess {
  /** ms from spawning the process to its "quotewire ready" log line (every service started). */
  readonly launchToReadyMs: number;
  /** ms from spawning the process to its "discord bot ready" log line (logged in, guilds received). */
  readonly launchToDiscordReadyMs: number;
  /** What the process ran: the compiled build, or the TypeScript sources through tsx. */
  readonly runningFrom: string;
  /** Resident memory now and at its highest so far, in bytes (the whole process: every thread). */
  memory(): { rss: number; peakRss: number };
  /** CPU time the process has used so far (user + system, every thread), in ms; null where unknown. */
  cpuMs(): number | null;
  /** SIGTERM, then waits for the exit; resolves with the exit code and how long shutting down took. */
  stop(): Promise<{ code: number | null; ms: number }>;
}

const ROOT = [new URL('../../', import.meta.url), new URL('../../../', import.meta.url)].map((url) => fileURLToPath(url)).find((dir) => existsSync(join(dir, 'package.json')))!;

/** The arguments to node of the start script (`node [flags] bin/quotewire.js start`). */
function startArguments(): string[] {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [program, ...args] = script.split(/\s+/);
  if (program !== 'node') throw new Error(`the start script does not run node: ${script}`);
  return args;
}
const READY_TIMEOUT_MS = 60_000;

function procStatus(pid: number): Record<string, string> | null {
  const path = `/proc/${pid}/status`;
  if (!existsSync(path)) return null;
  return Object.fromEntries(readFileSync(path, 'utf8').split('\n').map((line) => line.split(/:\s+/) as [string, string]));
}

function memoryOf(pid: number): { rss: number; peakRss: number } {
  const status = procStatus(pid);
  const kb = (field: string): number => Number.parseInt(status?.[field] ?? '0', 10) * 1024;
  if (status) return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
  // Not Linux: ps knows the current size, not the peak.
  const rss = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
  return { rss, peakRss: rss };
}

function cpuOf(pid: number): number | null {
  const path = `/proc/${pid}/stat`;
  if (!existsSync(path)) return null;
  // Fields after the command name: state is the 1st, utime the 12th and stime the 13th (in clock ticks of 10 ms).
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Starts the bot with this environment and resolves once it logs that it is ready. */
export async function launchBot(env: NodeJS.ProcessEnv): Promise<BotProcess> {
  const launched = performance.now();
  const child: ChildProcess = spawn(process.execPath, startArguments(), { cwd: ROOT, env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'ignore', 'pipe'] });
  const pid = child.pid!;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let discordReady = 0;
  let runningFrom = 'unknown';
  const stderr: string[] = [];
  const ready = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${stderr.join('')}`)), READY_TIMEOUT_MS);
    let pending = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 200) stderr.push(chunk);
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const entry = line.startsWith('{') ? (JSON.parse(line) as { msg?: string; runningFrom?: string }) : {};
        if (entry.msg === 'discord bot ready') discordReady = performance.now() - launched;
        if (entry.msg === 'quotewire ready') {
          runningFrom = entry.runningFrom ?? runningFrom;
          clearTimeout(timer);
          resolve(performance.now() - launched);
        }
      }
    });
    void exited.then((code) => reject(new Error(`the bot exited (${code}) before it was ready:\n${stderr.join('')}`)));
  });
  return {
    launchToReadyMs: ready,
    launchToDiscordReadyMs: discordReady,
    runningFrom,
    memory: () => memoryOf(pid),
    cpuMs: () => cpuOf(pid),
    async stop() {
      const asked = performance.now();
      child.kill('SIGTERM');
      const code = await exited;
      return { code, ms: performance.now() - asked };
    },
  };
}
