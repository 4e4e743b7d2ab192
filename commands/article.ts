import { integerOption, OptionType, stringOption, UserError, type Command } from '../src/discord/command.ts';
import { LIMITS, truncate } from '../src/discord/limits.ts';
import { renderArticle, renderSearchResults } from '../src/discord/render/article.ts';
import { escapeMarkdown } from '../src/discord/render/markdown.ts';

const RESULTS = 5;

export default {
  data: {
    name: 'article',
    description: 'Read stored news articles',
    options: [
      { type: OptionType.Subcommand, name: 'latest', description: 'The newest article, summarised, with its main quotes' },
      {
        type: OptionType.Subcommand, name: 'search', description: 'Find articles by words in the headline or text',
        options: [{ type: OptionType.String, name: 'query', description: 'Words to look for', required: true, min_length: 2, max_length: 100 }],
      },
      {
        type: OptionType.Subcommand, name: 'show', description: 'One article by its number (type a headline to pick it)',
        options: [{ type: OptionType.Integer, name: 'id', description: 'The article (start typing its headline)', required: true, min_value: 1, autocomplete: true }],
      },
    ],
  },
  // Full-text search may take a moment on a large store; the others are single indexed reads.
  defer: (input) => input.subcommand === 'search',
  execute(ctx, input) {
    const { articles, quotes } = ctx.store;
    switch (input.subcommand) {
      case 'latest': {
        const article = articles.latest();
        if (!article) throw new UserError('There are no articles yet. Add some with `npx quotewire ingest PATH`.');
        return renderArticle(article, quotes.forArticle(article.id));
      }
      case 'search': {
        const query = stringOption(input, 'query');
        if (!query || query.length < 2) throw new UserError('Type at least two letters to search for, e.g. `/article search query: water budget`.');
        const hits = articles.search(query, RESULTS);
        if (hits.length === 0) throw new UserError(`No article matches “${escapeMarkdown(truncate(query, 100))}”. Try fewer or different words.`);
        return renderSearchResults(query, hits);
      }
      case 'show': {
        const id = integerOption(input, 'id');
        const article = id === null ? null : articles.byId(id);
        if (!article) throw new UserError(`There is no article #${id ?? '?'}. Start typing a headline in \`id:\` to pick one.`);
        return renderArticle(article, quotes.forArticle(article.id));
      }
      default:
        throw new UserError('Use `/article latest`, `/article search` or `/article show`.');
    }
  },
  autocomplete(ctx, input) {
    // One letter matches too much to be useful: until a second one is typed, offer the newest articles.
    const typed = input.focused.value.trim();
    return ctx.store.articles.searchTitles(typed.length < 2 ? '' : typed, LIMITS.choices).map((hit) => ({
      name: truncate(`#${hit.id} ${hit.title ?? 'Untitled'}${hit.date ? ` (${hit.date})` : ''}`, LIMITS.choiceName),
      value: hit.id,
    }));
  },
} satisfies Command;
