import { describe, expect, it } from 'vitest';
import { formatWhen, secondsLeft } from './format';

describe('formatWhen', () => {
  const now = new Date(2026, 2, 10, 15, 0);
  it('says "vandaag" for a time earlier today', () => {
    expect(formatWhen(new Date(2026, 2, 10, 9, 5), now)).toBe('vandaag om 09:05');
  });
  it('says "gisteren" for yesterday', () => {
    expect(formatWhen(new Date(2026, 2, 9, 23, 59), now)).toBe('gisteren om 23:59');
  });
  it('gives the full Dutch date for older times', () => {
    expect(formatWhen(new Date(2026, 0, 3, 10, 0), now)).toMatch(/^3 januari 2026/);
  });
});

describe('secondsLeft', () => {
  it('rounds up and never goes below zero', () => {
    expect(secondsLeft(10_500, 0)).toBe(11);
    expect(secondsLeft(1_000, 5_000)).toBe(0);
  });
});
