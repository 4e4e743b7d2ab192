import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('QUOTEWIRE_DIGEST_GRACE_HOURS', () => {
  it('defaults to 6 hours, also when left empty as in .env.example', () => {
    expect(loadConfig({}).digestGraceHours).toBe(6);
    expect(loadConfig({ QUOTEWIRE_DIGEST_GRACE_HOURS: '' }).digestGraceHours).toBe(6);
    expect(loadConfig({ QUOTEWIRE_DIGEST_GRACE_HOURS: ' 1.5 ' }).digestGraceHours).toBe(1.5);
  });

  it('is reported with the other problems when it is not 0 to 24 hours', () => {
    for (const value of ['soon', '-1', '30']) {
      expect(() => loadConfig({ QUOTEWIRE_DIGEST_GRACE_HOURS: value })).toThrow(ConfigError);
    }
    try {
      loadConfig({ QUOTEWIRE_DIGEST_GRACE_HOURS: 'soon', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect((error as ConfigError).problems.join('\n')).toMatch(/QUOTEWIRE_DIGEST_GRACE_HOURS: must be a number of hours[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*QUOTEWIRE_DIGEST_GRACE_HOURS/);
    }
  });
});
