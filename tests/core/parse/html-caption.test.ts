import { describe, expect, it } from 'vitest';
import { leadCaption, splitCredit } from '../../../src/core/parse/html-caption.ts';
import { parseDocument } from '../../../src/core/parse/html-dom.ts';

describe('splitCredit', () => {
  it.each([
    ['Boats in the harbour at dawn. (Photo by Lena Marsh)', 'Boats in the harbour at dawn.', 'Lena Marsh'],
    ['Boats in the harbour at dawn. (AP Photo/Lena Marsh)', 'Boats in the harbour at dawn.', 'AP Photo/Lena Marsh'],
    ['Boats in the harbour (Image: Harbour Trust)', 'Boats in the harbour', 'Harbour Trust'],
    ['Boats in the harbour. Photo: Lena Marsh', 'Boats in the harbour.', 'Lena Marsh'],
    ['Boats in the harbour at dawn.', 'Boats in the harbour at dawn.', null],
  ])('%s', (text, caption, credit) => {
    expect(splitCredit(text)).toEqual({ caption, photoCredit: credit });
  });
});

describe('leadCaption', () => {
  it('reads the first figure of the article, with a credit element', () => {
    const doc = parseDocument('<article><figure><img src="a.jpg"><figcaption>Image caption The new pier at night. <span class="credit">Image copyright Harbour Trust</span></figcaption></figure><figure><figcaption>Second</figcaption></figure></article>');
    expect(leadCaption(doc)).toEqual({ caption: 'The new pier at night.', photoCredit: 'Harbour Trust' });
  });

  it('gives nulls when the page has no caption', () => {
    expect(leadCaption(parseDocument('<article><p>No figures here.</p></article>'))).toEqual({ caption: null, photoCredit: null });
  });
});
