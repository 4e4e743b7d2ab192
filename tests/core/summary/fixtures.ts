/** Fictional articles written for the summariser tests. */

/** An article in the plain-text format: date and caption line, byline, dateline, paragraphs. */
export const FERRY_ARTICLE = [
  ' date 2025-03-14 Commuters wait at the Pellworth ferry terminal on Thursday morning. (Photo by Ana Ruiz/Harbour Press)',
  '',
  'By Tomas Reinholt',
  '',
  '9:05 AM – Friday, March 14, 2025',
  '',
  'The Pellworth ferry service will stop running at the end of April after the island council voted to sell its last two boats, leaving about 900 daily passengers without a direct link to the mainland.',
  '',
  'Councillors approved the sale by seven votes to four on Thursday evening, citing repair bills that have tripled since 2021.',
  '',
  'Scroll down for video',
  '',
  '“We cannot keep pouring money into boats that spend half the winter in dry dock,” said council leader Mirela Ostrova.   She added that a bus and bridge link would be studied.',
  '',
  'Passengers reacted with anger at the terminal on Friday morning, where a petition had gathered 3,000 signatures by noon.',
  '',
  'Sign up to our newsletter for the latest island news.',
  '',
  'The council said a private operator had shown interest in running a smaller service during the summer months.',
  '',
  'Share this with Email Facebook Twitter',
].join('\n');

/** Body text only, with a Daily-Mail-style caption glued between two sentences (no full stop after it). */
export const BARE_WITH_GLUED_CAPTION =
  'A rare white hedgehog has been spotted in a village garden in Lower Brindle, delighting residents who had heard rumours of it for months. ' +
  'The animal was filmed by retired postman Derek Allum, 71, on a camera he set up after finding tracks in his vegetable patch. ' +
  'Derek Allum set up the camera by his shed after spotting small tracks (pictured) ' +
  'The footage shows the hedgehog sniffing around a bowl of cat food shortly after midnight. ' +
  'Wildlife experts say fewer than one in 100,000 hedgehogs are born with the condition. ' +
  '"It is like seeing a ghost at the bottom of the garden," Mr Allum said. ' +
  'Read more: Ten ways to make your garden friendly to wildlife';

/** Sentences for generated articles in property tests. */
export const SENTENCE_POOL = [
  'The harbour authority confirmed the closure on Monday.',
  'Officials said the bridge would reopen in June.',
  '"We are doing everything we can," said spokeswoman Lena Brask.',
  'Residents have complained about the noise for years.',
  'The project is expected to cost £4.5m, according to the council.',
  'It was the third delay since 2022.',
  'Dr. Amira Solberg, who led the study, said the results were surprising.',
  'Police in the U.S. state of Vermont are investigating.',
  "The mayor's office did not respond to a request for comment.",
  'Scroll down for video',
  'Shops along the high street will stay open as usual.',
  'A second public meeting is planned for next week.',
  'Why did it take so long?',
  'Trading resumed at 10am after a brief suspension!',
];
