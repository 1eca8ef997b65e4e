import { describe, expect, it } from 'vitest';
import { receivedText } from './received-text';
import { summary } from './testing-summary';

describe('receivedText', () => {
  const handover = summary({ receivedAt: '2026-03-02T09:15:00.000Z', latestVersion: 2 });

  it('names the day each version arrived when a later version is on screen, not only the first day', () => {
    expect(receivedText({ handover, version: 2, receivedAt: '2026-03-05T13:40:00.000Z' })).toBe('Versie 1 op 2 maart 2026; versie 2 op 5 maart 2026');
  });

  it('says the first version arrived on its day when that is the one on screen', () => {
    expect(receivedText({ handover, version: 1, receivedAt: handover.receivedAt })).toBe('Versie 1 op 2 maart 2026');
  });

  it('counts the day in Amsterdam: a version at 23:30 UTC arrived the next day there', () => {
    expect(receivedText({ handover, version: 3, receivedAt: '2026-03-05T23:30:00.000Z' })).toBe('Versie 1 op 2 maart 2026; versie 3 op 6 maart 2026');
  });
});
