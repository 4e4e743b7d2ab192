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

/** One page of everyone's attributed quotes containing the words of `about`. */
function showEveryonePage(ctx: AppContext, offset: number, about: string): Reply {
  const page = ctx.store.quotes.search(about, { limit: PAGE_SIZE, offset });
  if (page.total === 0) throw new UserError(`No one is quoted saying “${escapeMarkdown(about)}”. Try other words, or fewer of them.`);
  if (page.quotes.length === 0) return showEveryonePage(ctx, lastPageStart(page.total), about);
  return renderQuotePage({
    person: null, quotes: page.quotes, total: page.total, offset, pageSize: PAGE_SIZE, about,
    pageId: (next) => `quote:${EVERYONE}:${next}:${about}`,
  });
}

/** Where the last page starts: a button from before the store shrank shows that page instead. */
const lastPageStart = (total: number): number => Math.max(0, Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE);

function showPage(ctx: AppContext, personId: number, offset: number, about: string | null): Reply {
  const person = ctx.store.people.byId(personId);
  if (!person) throw new UserError('That person is no longer in the store. Try `/quote` again.');
  const page = ctx.store.quotes.byPerson(personId, { about, limit: PAGE_SIZE, offset });
  if (page.total === 0) {
    throw new UserError(about
      ? `${escapeMarkdown(person.name)} has no quotes containing “${escapeMarkdown(about)}”. Try other words, or leave out \`about:\`.`
      : `${escapeMarkdown(person.name)} has no stored quotes.`);
  }
  if (page.quotes.length === 0) return showPage(ctx, personId, lastPageStart(page.total), about);
  return renderQuotePage({
    person, quotes: page.quotes, total: page.total, offset, pageSize: PAGE_SIZE, about,
    pageId: (next) => `quote:${personId}:${next}:${about ?? ''}`,
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
      if (about) return showEveryonePage(ctx, 0, about);
      throw new UserError('Say whose quotes you want, what about, or both: `/quote speaker: Sheinbaum`, `/quote about: tariffs`.');
    }
    const person = ctx.store.people.byKey(typed) ?? ctx.store.people.searchByName(typed, 1)[0];
    if (!person) {
      const hint = didYouMean(closestNames(typed, ctx.store.people.names()).map(escapeMarkdown));
      throw new UserError(`I have no quotes from “${escapeMarkdown(truncate(typed, 100))}”. ${hint || 'Try `/speakers` to see who is quoted.'}`);
    }
    return showPage(ctx, person.id, 0, about);
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
    return everyone ? showEveryonePage(ctx, start, about) : showPage(ctx, personId, start, about);
  },
} satisfies Command;
