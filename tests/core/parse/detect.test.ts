import { describe, expect, it } from 'vitest';
import { looksLikeHtml } from '../../../src/core/parse/detect.ts';

describe('looksLikeHtml', () => {
  it.each([
    ['<!DOCTYPE html><html><body>x</body></html>'],
    ['  <html lang="en"><head><title>t</title></head></html>'],
    ['<!-- saved page -->\n<html><body></body></html>'],
    ['<div class="story"><p>One.</p><p>Two.</p><p>Three <a href="/x">link</a>.</p></div>'],
    ['<p>The pier reopened on Monday.</p><p>Anglers returned at dawn.</p>'],
  ])('recognises HTML: %s', (text) => {
    expect(looksLikeHtml(text)).toBe(true);
  });

  it.each([
    ['Council approves budget\n\nBy Ana Ruiz\n\nThe council voted on Tuesday to approve the budget.'],
    ['The sign said <closed> and 3 < 4 > 2, but nobody minded.'],
    ['<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'],
    [''],
  ])('leaves plain text and feeds alone: %s', (text) => {
    expect(looksLikeHtml(text)).toBe(false);
  });
});
