import { describe, expect, it } from 'vitest';
import settingsJson from '../../resources/settings.json';
import { settingsSchema } from './resources.schema';

describe('municipal settings: idle lock', () => {
  it('locks after 10 minutes when a municipality does not set it', () => {
    const { idleLockMinutes: _omitted, ...older } = settingsJson;
    expect(settingsSchema.parse(older).idleLockMinutes).toBe(10);
  });

  it('refuses a limit that would lock at once or leave the app open for hours', () => {
    for (const minutes of [0, 2.5, 61]) expect(settingsSchema.safeParse({ ...settingsJson, idleLockMinutes: minutes }).success).toBe(false);
    expect(settingsSchema.parse({ ...settingsJson, idleLockMinutes: 5 }).idleLockMinutes).toBe(5);
  });
});
