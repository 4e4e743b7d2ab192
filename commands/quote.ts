import { OptionType, stringOption, UserError, type Command } from '../src/discord/command.ts';
import { LIMITS, truncate } from '../src/discord/limits.ts';
import { escapeMarkdown } from '../src/discord/render/markdown.ts';
import { renderQuotePage } from '../src/discord/render/quotes.ts';
import { closestNames, didYouMean } from '../src/discord/suggest.ts';
import type { AppContext } from '../src/context.ts';
import type { Reply } from '../src/discord/reply.ts';

const PAGE_SIZE = 5;
const ABOUT_MAX = 50;

/** The person id a page button carries for everyone's quotes on its words. */
const EVERYONE = '*';

/** Whose quotes a page shows: one person's (perhaps narrowed to words), or everyone's on some words. */
type Whose = { personId: number; about: string | null } | { personId: null; about: string };

/** What to say when a page has no quotes at all. */
function noQuotes(name: string | null, about: string | null): string {
  if (name === null) return `No one is quoted saying “${escapeMarkdown(about ?? '')}”. Try other words, or fewer of them.`;
  return about
    ? `${escapeMarkdown(name)} has no quotes containing “${escapeMarkdown(about)}”. Try other words, or leave out \`about:\`.`
    : `${escapeMarkdown(name)} has no stored quotes.`;
}

/** One page of quotes; a page past the end (from a button older than the store) shows the last one instead. */
function showPage(ctx: AppContext, whose: Whose, offset: number): Reply {
  const { personId, about } = whose;
  const person = personId === null ? null : ctx.store.people.byId(personId);
  if (personId !== null && !person) throw new UserError('That person is no longer in the store. Try `/quote` again.');
  const options = { limit: PAGE_SIZE, offset };
  const page = personId === null ? ctx.store.quotes.search(whose.about, options) : ctx.store.quotes.byPerson(personId, { ...options, about });
  if (page.total === 0) throw new UserError(noQuotes(person?.name ?? null, about));
  if (page.quotes.length === 0) return showPage(ctx, whose, Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE));
  return renderQuotePage({
    person, quotes: page.quotes, total: page.total, offset, pageSize: PAGE_SIZE, about,
    pageId: (next) => `quote:${personId ?? EVERYONE}:${next}:${about ?? ''}`,
  });
}

export default {
  data: {
    name: 'quote',
    description: 'What someone said in the stored articles, newest first; or who said what about something',
    options: [
      { type: OptionType.String, name: 'speaker', description: 'Who (start typing a name); leave out to search everyone', autocomplete: true, max_length: 100 },
      { type: OptionType.String, name: 'about', description: 'Only quotes containing these words', max_length: ABOUT_MAX },
    ],
  },
  // Narrowing by words reads many quotes (all of a speaker's, or every match in the store): that can take a moment.
  defer: (input) => input.options.about !== undefined,
  execute(ctx, input) {
    const typed = stringOption(input, 'speaker');
    const about = stringOption(input, 'about');
    if (about && about.length > ABOUT_MAX) throw new UserError(`Keep \`about:\` under ${ABOUT_MAX} characters.`);
    if (!typed) {
      if (about) return showPage(ctx, { personId: null, about }, 0);
      throw new UserError('Say whose quotes you want, what about, or both: `/quote speaker: Sheinbaum`, `/quote about: tariffs`.');
    }
    const person = ctx.store.people.byKey(typed) ?? ctx.store.people.searchByName(typed, 1)[0];
    if (!person) {
      const hint = didYouMean(closestNames(typed, ctx.store.people.names()).map(escapeMarkdown));
      throw new UserError(`I have no quotes from “${escapeMarkdown(truncate(typed, 100))}”. ${hint || 'Try `/speakers` to see who is quoted.'}`);
    }
    return showPage(ctx, { personId: person.id, about }, 0);
  },
  autocomplete(ctx, input) {
    return ctx.store.people.searchByName(input.focused.value, LIMITS.choices).map((p) => {
      const name = truncate(`${p.name} (${p.quoteCount})`, LIMITS.choiceName);
      return { name, value: truncate(p.name, LIMITS.choiceName) };
    });
  },
  button(ctx, input) {
    const [id, offset, ...rest] = input.args;
    const personId = Number(id);
    const start = Number(offset);
    const about = rest.join(':') || null;
    const everyone = id === EVERYONE && about !== null;
    if ((!everyone && !Number.isSafeInteger(personId)) || !Number.isSafeInteger(start) || start < 0) {
      throw new UserError('That button is out of date. Run `/quote` again.');
    }
    return showPage(ctx, everyone ? { personId: null, about } : { personId, about }, start);
  },
} satisfies Command;
