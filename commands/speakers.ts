import { integerOption, OptionType, type Command } from '../src/discord/command.ts';
import { renderSpeakers } from '../src/discord/render/quotes.ts';

export default {
  data: {
    name: 'speakers',
    description: 'The most-quoted people, with how often each is quoted',
    options: [{ type: OptionType.Integer, name: 'count', description: 'How many to list (1-25, default 10)', min_value: 1, max_value: 25 }],
  },
  execute(ctx, input) {
    const count = Math.min(25, Math.max(1, integerOption(input, 'count') ?? 10));
    return renderSpeakers(ctx.store.people.top(count));
  },
} satisfies Command;
