/**
 * A deterministic generator of fictional articles in the plain-text format, for benchmarks. Every article
 * has a header, a byline, a dateline, direct quotes, an interrupted quote, reported speech and pronouns,
 * so the benchmark exercises the whole analysis, not just the parser.
 */

export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [['Lorena', 'she'], ['Tomas', 'he'], ['Amara', 'she'], ['Felix', 'he'], ['Ingrid', 'she'], ['Rafael', 'he'], ['Noor', 'she'], ['Dmitri', 'he'], ['Keiko', 'she'], ['Osman', 'he']] as const;
const LAST = ['Castillo', 'Varga', 'Okafor', 'Lindqvist', 'Moreau', 'Haddad', 'Brennan', 'Takeda', 'Novak', 'Quispe', 'Adeyemi', 'Sorensen'];
const ROLES = ['Mayor', 'Governor', 'Finance Minister', 'Senator', 'Chief Executive', 'Health Commissioner', 'Coach'];
const TOPICS = ['the harbour bridge', 'the water tariff', 'the rail link', 'the school budget', 'the stadium lease', 'the wildfire plan', 'the housing code'];
const VERBS = ['said', 'told reporters', 'added', 'warned', 'insisted', 'noted', 'argued'];
const FILLER = [
  'Officials spent most of the week reviewing the figures with outside auditors.',
  'The council meets again next month, when a final vote is expected.',
  'Residents packed the hall on Tuesday evening, and several left before the end.',
  'Critics say the timetable leaves little room for public comment.',
  'The proposal would take effect at the start of the next fiscal year if approved.',
  'Similar plans have stalled twice in the past decade, both times over cost.',
  'A report published in the spring estimated the total cost at several hundred million.',
  'Local businesses have asked for more detail on how the changes would affect them.',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Generates article number `n` of a corpus: about 420 words, or at least `minWords`. */
export function generateArticle(n: number, minWords = 0, random = createRandom(n + 1)): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const [first, pronoun] = pick(FIRST);
  const last = pick(LAST);
  const role = pick(ROLES);
  const [first2, pronoun2] = pick(FIRST);
  const last2 = pick(LAST.filter((l) => l !== last));
  const topic = pick(TOPICS);
  const date = new Date(Date.UTC(2024, 0, 1) + (n % 700) * 86_400_000);
  const iso = date.toISOString().slice(0, 10);
  const dateline = `${1 + (n % 12)}:${String(n % 60).padStart(2, '0')} ${n % 2 ? 'PM' : 'AM'} – ${WEEKDAYS[(date.getUTCDay() + 6) % 7]}, ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
  const paragraphs = [
    `${role} ${first} ${last} on ${WEEKDAYS[n % 7]} defended ${topic}, telling a crowded hearing that delays had already cost the city money (article ${n}).`,
    `"We cannot keep putting this off," ${last} said. "Every season we wait, the bill grows, and the people who pay it are the ones who can least afford it."`,
    `${first2} ${last2}, who leads the opposition bloc, said that the plan had been rushed and that residents deserved a full review before any vote.`,
    pick(FILLER) + ' ' + pick(FILLER),
    `"I have read every page of this," ${pronoun2} ${pick(VERBS)}. "There are good ideas in it, but the numbers do not add up."`,
    `According to ${last}, the first phase would begin within weeks of approval. ${pronoun[0]!.toUpperCase()}${pronoun.slice(1)} added that contractors had already been told to prepare.`,
    pick(FILLER) + ' ' + pick(FILLER) + ' ' + pick(FILLER),
    `"This is not about politics," ${pronoun} said, "it is about whether ${topic} is still standing in twenty years."`,
    `${last2} argued that the city should wait for the auditors, with ${pronoun2} stating that a short delay was better than a costly mistake.`,
    pick(FILLER) + ' ' + pick(FILLER),
    `The ${role.toLowerCase()} insisted the schedule would hold. "We have done the work," ${last} said. "Now it is time to decide."`,
    pick(FILLER) + ' ' + pick(FILLER) + ' ' + pick(FILLER) + ' ' + pick(FILLER),
    `${first2} ${last2} said ${pronoun2} would keep pressing for a public vote. "People want a say, and they should have one," ${pronoun2} told reporters after the session.`,
    pick(FILLER) + ' ' + pick(FILLER) + ' ' + pick(FILLER),
  ];
  let words = paragraphs.join(' ').split(' ').length;
  while (words < minWords) {
    const extra = `${pick(FILLER)} ${pick(FILLER)} ${pick(FILLER)}`;
    paragraphs.splice(paragraphs.length - 1, 0, extra);
    words += extra.split(' ').length;
  }
  return ` date ${iso} ${role} ${first} ${last} speaks at a hearing on ${topic}. (Photo by Ana Ruiz/City Desk)\n\nBy Sam Ortega\n\n${dateline}\n\n${paragraphs.join('\n\n')}\n`;
}
