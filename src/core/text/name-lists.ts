/** Word lists for recognising people, roles and organisations in news text. */

/** Titles written before a name ("President", "Sen.", "Mr."). Lower-cased, without dots. */
export const NAME_TITLES = new Set([
  'president', 'vice', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'mayor', 'secretary', 'minister',
  'prime', 'chancellor', 'judge', 'justice', 'chief', 'general', 'gen', 'col', 'colonel', 'lt', 'lieutenant', 'sgt',
  'sergeant', 'adm', 'admiral', 'dr', 'doctor', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'rev',
  'reverend', 'pope', 'king', 'queen', 'prince', 'princess', 'sheikh', 'ambassador', 'attorney', 'speaker', 'leader',
  'director', 'commissioner', 'chairman', 'chairwoman', 'chair', 'spokesman', 'spokeswoman', 'spokesperson', 'ceo',
  'former', 'first', 'lady', 'sir', 'dame', 'lord', 'captain', 'capt', 'officer', 'detective', 'det', 'inspector',
  'sheriff', 'councilman', 'councilwoman', 'councillor', 'councilmember', 'alderman', 'alderwoman', 'congressman', 'congresswoman', 'assemblyman',
  'assemblywoman', 'candidate', 'nominee', 'coach', 'pastor', 'father', 'sister', 'brother', 'rabbi', 'imam',
  'deputy', 'acting', 'interim', 'premier', 'president-elect', 'then-president', 'then-candidate', 'maj', 'major',
  'cardinal', 'bishop', 'archbishop', 'commander', 'cmdr', 'superintendent', 'supt', 'treasurer', 'comptroller',
  'auditor', 'economist', 'analyst', 'professor', 'founder', 'executive', 'manager', 'adviser', 'advisor',
  'lawyer', 'attorney', 'aide', 'strategist', 'pollster', 'host', 'anchor', 'author', 'activist', 'official',
  'minister', 'head', 'owner', 'hon', 'state', 'house', 'senate', 'general', 'defense', 'foreign', 'interior',
]);

/** Role nouns that a later "the spokeswoman" / "the president" can refer back to. */
export const ROLE_NOUNS = new Set([
  'president', 'senator', 'governor', 'mayor', 'secretary', 'minister', 'chancellor', 'judge', 'justice', 'general',
  'ambassador', 'attorney', 'speaker', 'leader', 'director', 'commissioner', 'chairman', 'chairwoman', 'chair',
  'spokesman', 'spokeswoman', 'spokesperson', 'ceo', 'sheriff', 'congressman', 'congresswoman', 'candidate',
  'nominee', 'coach', 'pastor', 'premier', 'king', 'queen', 'prince', 'princess', 'pope', 'economist', 'analyst',
  'professor', 'founder', 'executive', 'manager', 'adviser', 'advisor', 'lawyer', 'aide', 'strategist', 'pollster',
  'host', 'author', 'activist', 'official', 'officer', 'detective', 'inspector', 'captain', 'commander', 'owner',
  'representative', 'lawmaker', 'legislator', 'diplomat', 'researcher', 'scientist', 'doctor', 'nurse', 'teacher',
  'principal', 'superintendent', 'head', 'organizer', 'organiser', 'chief', 'treasurer', 'councillor',
  'councilman', 'councilwoman', 'businessman', 'businesswoman', 'billionaire', 'star', 'singer', 'actor',
  'actress', 'rapper', 'historian', 'astronomer', 'engineer', 'farmer', 'resident', 'witness', 'victim',
  'runner', 'winner', 'champion', 'player', 'striker', 'manager', 'mother', 'father', 'wife', 'husband',
  'daughter', 'son', 'woman', 'man', 'premier', 'magistrate', 'prosecutor', 'investigator', 'economist',
  'librarian', 'councilmember', 'reviewer', 'critic', 'playwright', 'novelist', 'poet', 'artist', 'writer',
  'journalist', 'reporter', 'architect', 'designer', 'surgeon', 'physician', 'pharmacist', 'curator', 'conductor',
  'composer', 'musician', 'dancer', 'comedian', 'presenter', 'broadcaster', 'commentator', 'consultant', 'clerk',
  'pilot', 'skipper', 'fisherman', 'chef', 'campaigner', 'volunteer', 'coordinator', 'planner', 'auditor',
  'investor', 'entrepreneur', 'philanthropist', 'banker', 'donor', 'blogger', 'filmmaker', 'producer', 'athlete',
  'footballer', 'cyclist', 'boxer', 'swimmer', 'golfer', 'goalkeeper', 'midfielder', 'defender', 'forward',
]);

export const FEMALE_WORDS = new Set([
  'mrs', 'ms', 'miss', 'spokeswoman', 'chairwoman', 'congresswoman', 'councilwoman', 'assemblywoman', 'queen',
  'princess', 'lady', 'dame', 'sister', 'businesswoman', 'actress', 'mother', 'wife', 'daughter', 'woman',
  'sister', 'grandmother', 'aunt', 'niece', 'girl', 'she', 'her', 'hers', 'herself', 'madam', 'mme',
]);

export const MALE_WORDS = new Set([
  'mr', 'spokesman', 'chairman', 'congressman', 'councilman', 'assemblyman', 'king', 'prince', 'sir', 'lord',
  'brother', 'businessman', 'actor', 'father', 'husband', 'son', 'man', 'grandfather', 'uncle', 'nephew', 'boy',
  'he', 'him', 'his', 'himself', 'pope', 'cardinal', 'rabbi', 'sheikh',
]);

/** Words that make a capitalised run an organisation. */
export const ORG_WORDS = new Set([
  'house', 'journal', 'post', 'times', 'news', 'party', 'department', 'center', 'centre', 'agency', 'university',
  'college', 'committee', 'council', 'court', 'congress', 'senate', 'bank', 'institute', 'foundation',
  'association', 'organization', 'organisation', 'commission', 'administration', 'campaign', 'service', 'corp',
  'inc', 'group', 'company', 'network', 'office', 'ministry', 'army', 'navy', 'force', 'guard', 'police', 'bureau',
  'board', 'union', 'nations', 'tribune', 'herald', 'press', 'reuters', 'fund', 'club', 'caucus', 'school',
  'hospital', 'church', 'coalition', 'alliance', 'federation', 'authority', 'airlines', 'motors', 'media', 'radio',
  'television', 'tv', 'magazine', 'gazette', 'chronicle', 'daily', 'weekly', 'observer', 'guardian', 'telegraph',
  'review', 'monitor', 'images', 'photos', 'ltd', 'llc', 'plc', 'co', 'corporation', 'industries', 'holdings',
  'partners', 'capital', 'labs', 'technologies', 'systems', 'project', 'initiative', 'program', 'programme',
  'society', 'trust', 'league', 'federal', 'national', 'international', 'republicans', 'democrats', 'reserve',
  'treasury', 'pentagon', 'kremlin', 'parliament', 'assembly', 'legislature', 'cabinet', 'government', 'state',
  'states', 'city', 'county', 'district', 'province', 'region', 'street', 'avenue', 'road', 'square', 'palace',
  'palacio', 'nacional', 'building', 'hall', 'park', 'airport', 'station', 'bridge', 'river', 'lake', 'mountain',
  'island', 'beach', 'valley', 'stadium', 'arena', 'museum', 'library', 'prevention', 'control', 'health',
  'security', 'defense', 'justice', 'affairs', 'relations', 'studies', 'research', 'policy', 'council', 'mill',
  'observatory', 'marathon', 'festival', 'cup', 'games', 'olympics', 'act', 'law', 'plan', 'report',
  'economic', 'forum', 'summit', 'conference', 'office', 'agency', 'embassy', 'consulate', 'mission', 'team',
  'energy', 'power', 'oil', 'gas', 'pharmaceuticals', 'foods', 'solutions', 'electric', 'airways', 'textiles',
  'mills', 'steel', 'mining', 'resources', 'logistics', 'insurance', 'studios', 'records', 'bancorp', 'telecom',
  'athletic', 'rovers', 'wanderers', 'fc', 'afc', 'cooperative', 'co-op', 'forum',
]);

/** Words that start a sentence but are not names ("The", "But"), and other capitalised non-names. */
export const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'so', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'to', 'of', 'as', 'if',
  'when', 'while', 'after', 'before', 'since', 'though', 'although', 'because', 'it', 'its', 'this', 'that',
  'these', 'those', 'there', 'here', 'he', 'she', 'they', 'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my',
  'both', 'all', 'some', 'many', 'most', 'one', 'two', 'no', 'yes', 'not', 'what', 'who', 'why', 'how', 'where',
  'which', 'then', 'now', 'still', 'yet', 'also', 'however', 'meanwhile', 'instead', 'indeed', 'according',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'photo', 'image',
  'getty', 'ap', 'afp', 'staff', 'editor', 'editors', 'reporting', 'additional', 'read', 'more', 'watch', 'see',
  'click', 'follow', 'related', 'update', 'updated', 'breaking', 'exclusive', 'opinion', 'analysis', 'live',
  'god', 'lord', 'christmas', 'easter', 'ramadan', 'thanksgiving', 'americans', 'mexicans', 'republican',
  'democrat', 'democratic', 'republicans', 'democrats', 'gop', 'internet', 'twitter', 'facebook', 'instagram',
  'youtube', 'tiktok', 'google', 'apple', 'amazon', 'microsoft', 'covid', 'mrs', 'mr', 'ms', 'dr', 'do', 'did',
  'does', 'is', 'was', 'are', 'were', 'will', 'would', 'could', 'should', 'can', 'let', 'just', 'even', 'every',
  'each', 'any', 'few', 'other', 'another', 'such', 'than', 'like', 'only', 'over', 'under', 'out', 'up', 'down',
  'about', 'after', 'again', 'last', 'next', 'first', 'new', 'old', 'during', 'without', 'within', 'into', 'upon',
  'am', 'pm', 'a.m', 'p.m', 'est', 'edt', 'gmt', 'utc', 'et', 'pt',
]);

/** Places and nationalities that look like names. */
export const PLACE_WORDS = new Set([
  'mexico', 'america', 'united', 'washington', 'china', 'russia', 'ukraine', 'canada', 'europe', 'europa', 'asia',
  'africa', 'london', 'paris', 'berlin', 'beijing', 'moscow', 'new', 'york', 'los', 'angeles', 'san', 'santa',
  'texas', 'california', 'florida', 'ohio', 'virginia', 'carolina', 'dakota', 'jersey', 'hampshire', 'mexican',
  'american', 'chinese', 'russian', 'british', 'french', 'german', 'european', 'canadian', 'brazil', 'india',
  'japan', 'korea', 'israel', 'iran', 'iraq', 'syria', 'gaza', 'north', 'south', 'east', 'west', 'northern',
  'southern', 'eastern', 'western', 'central', 'u.s', 'us', 'uk', 'eu', 'un', 'nato', 'el', 'las', 'del',
]);

/** Last words of place names ("Calder Falls", "San Telmo Springs"). */
export const PLACE_SUFFIXES = new Set([
  'falls', 'springs', 'heights', 'hills', 'harbor', 'harbour', 'bay', 'creek', 'ridge', 'grove', 'beach', 'islands',
  'isles', 'mountains', 'county', 'township', 'borough', 'village', 'crossing', 'junction', 'landing', 'gardens', 'sound',
]);

/** Particles inside names ("Ursula von der Leyen", "Luiz Inácio Lula da Silva"). */
export const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'al', 'la', 'le', 'di', 'du', 'dos', 'das', 'ter', 'y']);

/** Words that, right before a name, mark a credit or byline rather than a person of the story. */
export const CREDIT_WORDS = new Set(['photo', 'photos', 'photograph', 'photographs', 'photographer', 'credit', 'image', 'images', 'illustration', 'video', 'reporting', 'editing', 'staff', 'writer', 'correspondent', 'contributor', 'byline']);
