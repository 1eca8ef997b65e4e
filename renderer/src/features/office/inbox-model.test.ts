import { describe, expect, it } from 'vitest';
import type { HandoverSummary } from '../../../../shared/api/handover';
import { summary } from './testing-summary';
import { daysUntil, deadlineText, filterHandovers, localIsoDate, timeLeftText } from './inbox-model';

describe('time left to the Wgs deadline', () => {
  it('counts calendar days and says late ones as late', () => {
    expect(daysUntil('2026-11-26', '2026-11-29')).toBe(3);
    expect(daysUntil('2026-03-28', '2026-03-30')).toBe(2); // across the summer-time change
    expect(timeLeftText(3)).toBe('Nog 3 dagen');
    expect(timeLeftText(1)).toBe('Nog 1 dag');
    expect(timeLeftText(0)).toBe('Vandaag');
    expect(timeLeftText(-1)).toBe('1 dag te laat');
    expect(timeLeftText(-4)).toBe('4 dagen te laat');
  });

  it('names the deadline that matters: the first conversation, then the decision, then none', () => {
    expect(deadlineText(summary(), '2026-12-15')).toBe('Eerste gesprek: nog 3 dagen');
    expect(deadlineText(summary({ status: 'first-conversation-planned' }), '2027-02-14')).toBe('Besluit: 2 dagen te laat');
    expect(deadlineText(summary({ status: 'decided' }), '2027-02-14')).toBe('Geen termijn meer');
  });

  it('takes today from the local calendar', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59).getTime())).toBe('2026-01-05');
  });
});

describe('filterHandovers', () => {
  const list = [
    summary({ clientName: 'Rik Jansen', urgency: 'overdue' }),
    summary({ clientName: 'José Pérez', town: 'Brunssum', postcodeArea: '6441', status: 'accepted' }),
    summary({ clientName: 'Jeroen Smit', status: 'returned' }),
    summary({ clientName: 'Bart Bos', status: 'closed' }),
  ];
  const names = (rows: HandoverSummary[]) => rows.map((h) => h.clientName);

  it('shows the open work by default, in the hub’s order', () => {
    expect(names(filterHandovers(list, { status: 'open', query: '' }))).toEqual(['Rik Jansen', 'José Pérez']);
    expect(names(filterHandovers(list, { status: 'all', query: '' }))).toEqual(['Rik Jansen', 'José Pérez', 'Jeroen Smit', 'Bart Bos']);
    expect(names(filterHandovers(list, { status: 'returned', query: '' }))).toEqual(['Jeroen Smit']);
  });

  it('searches name, town and postcode area, without caring for accents or capitals', () => {
    expect(names(filterHandovers(list, { status: 'all', query: 'jose' }))).toEqual(['José Pérez']);
    expect(names(filterHandovers(list, { status: 'all', query: 'BRUNS' }))).toEqual(['José Pérez']);
    expect(names(filterHandovers(list, { status: 'all', query: '6441' }))).toEqual(['José Pérez']);
    expect(filterHandovers(list, { status: 'open', query: 'smit' })).toEqual([]);
  });
});
