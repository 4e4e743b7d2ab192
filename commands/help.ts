import type { Command } from '../src/discord/command.ts';

const HELP = [
  '**quotewire** keeps news articles with their summaries and who said what.',
  '• `/article latest` — the newest article, summarised, with its main quotes',
  '• `/article search query:` — find articles by words in the headline or text',
  '• `/article show id:` — one article (start typing a headline to pick it)',
  '• `/quote speaker:` — what someone said, newest first; add `about:` to narrow by words',
  '• `/quote about:` — who said what about something: everyone\'s quotes with those words',
  '• `/speakers` — the most-quoted people',
  '• `/digest`, `/feed` — for server managers: a daily digest in a channel, and news feeds to follow',
].join('\n');

export default {
  data: { name: 'help', description: 'What quotewire does and how to ask it' },
  execute: () => ({ content: HELP, ephemeral: true }),
} satisfies Command;
