import { afterAll, expect } from 'vitest';

/**
 * Imported by every test file that runs the real client: the file fails on any unhandled rejection
 * (discord.js-internal crashes, such as a malformed gateway payload, would otherwise pass silently).
 */
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));
afterAll(() => expect(unhandled, 'unhandled rejections').toEqual([]));
