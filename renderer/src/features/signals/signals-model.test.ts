import { describe, expect, it } from 'vitest';
import { signalCatalogue } from '../../../../resources/index';
import { CHILDREN_DOMAIN_ID, domainsThatDoNotApply, hiddenSignalIds, matchSignals, observedOnError, savableSignals, type SignalDraft } from './signals-model';

const today = '2026-03-10';
const draft = (over: Partial<SignalDraft>): SignalDraft => ({
  id: '0b0c7a2e-4b1f-4d6a-9c1e-2f3a4b5c6d7e', catalogueId: 'dreigende-huisuitzetting', freeText: '', note: '', observedOn: today, recordedAt: '2026-03-10T10:00:00.000Z', ...over,
});

describe('signals model', () => {
  it('finds signals by a word, ignoring case and accents', () => {
    const ids = matchSignals(signalCatalogue, 'DEURWAARDER').map((s) => s.id);
    expect(ids).toContain('deurwaarder');
    expect(ids).not.toContain('lege-koelkast');
    expect(matchSignals(signalCatalogue, '')).toHaveLength(signalCatalogue.length);
  });

  it('says a date in the future is in the future', () => {
    expect(observedOnError('2026-03-11', today)).toBe('Deze datum ligt in de toekomst.');
    expect(observedOnError('2026-03-10', today)).toBeNull();
  });

  it('keeps a signal with a half-typed date, using the date stored before', () => {
    const stored = [draft({ observedOn: '2026-02-01' })];
    const saved = savableSignals([draft({ observedOn: '2027-01-01' })], stored, today);
    expect(saved).toEqual([draft({ observedOn: '2026-02-01' })]);
  });

  it('leaves out a free-text signal without text', () => {
    expect(savableSignals([draft({ catalogueId: null, freeText: '' })], [], today)).toEqual([]);
  });
});

describe('signals that cannot apply', () => {
  const childrenSignals = signalCatalogue.filter((s) => s.domainId === CHILDREN_DOMAIN_ID).map((s) => s.id);

  it('hides the children\'s signals for a household without children', () => {
    const hidden = hiddenSignalIds(signalCatalogue, { children: 0 }, new Set());
    expect(childrenSignals.length).toBeGreaterThan(0);
    expect([...hidden].sort()).toEqual([...childrenSignals].sort());
  });

  it('hides the signals of a domain marked not applicable, and says why per domain', () => {
    const hidden = hiddenSignalIds(signalCatalogue, { children: 2 }, new Set(), new Set(['verslaving']));
    expect([...hidden]).toEqual(['gokschulden']);
    expect(domainsThatDoNotApply({ children: 0 }, new Set(['verslaving']))).toEqual(new Map([['verslaving', 'not-applicable'], [CHILDREN_DOMAIN_ID, 'no-children']]));
  });

  it('hides nothing when there are children', () => {
    expect(hiddenSignalIds(signalCatalogue, { children: 2 }, new Set()).size).toBe(0);
  });

  it('never hides a signal that was ticked, so nothing recorded disappears', () => {
    const ticked = childrenSignals[0] ?? '';
    expect(hiddenSignalIds(signalCatalogue, { children: 0 }, new Set([ticked])).has(ticked)).toBe(false);
  });
});
