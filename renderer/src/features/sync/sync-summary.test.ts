import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../data/contracts';
import { syncSummary } from './sync-summary';

const base: SyncStatusView = { online: true, running: false, pending: 0, stuck: 0, lastSyncAt: null, lastError: null, needsSignIn: false, progress: null };

describe('syncSummary', () => {
  it('says all is sent when nothing waits', () => {
    expect(syncSummary(base).text).toBe('Alles is verstuurd');
  });
  it('counts waiting items in correct Dutch singular and plural', () => {
    expect(syncSummary({ ...base, pending: 1 }).text).toBe('1 wacht op verzending');
    expect(syncSummary({ ...base, pending: 3 }).text).toBe('3 wachten op verzending');
  });
  it('explains that waiting items go later when offline', () => {
    expect(syncSummary({ ...base, online: false, pending: 2 }).text).toBe('Offline — wordt later verstuurd');
  });
  it('puts stuck items first, even offline', () => {
    expect(syncSummary({ ...base, online: false, pending: 2, stuck: 1 })).toEqual({ text: '1 vastgelopen', tone: 'stuck' });
  });
  it('asks to sign in again before anything else, because nothing is sent until then', () => {
    expect(syncSummary({ ...base, pending: 2, stuck: 1, needsSignIn: true })).toEqual({ text: 'Opnieuw aanmelden nodig', tone: 'stuck' });
  });
  it('never says all is sent while a handover the worker started still sits on this device', () => {
    expect(syncSummary(base, 1)).toEqual({ text: '1 overdracht nog niet verstuurd', tone: 'waiting' });
    expect(syncSummary(base, 2).text).toBe('2 overdrachten nog niet verstuurd');
    // Items in the outbox are still told first; once they are gone, the unsent handover remains.
    expect(syncSummary({ ...base, pending: 1 }, 1).text).toBe('1 wacht op verzending');
    expect(syncSummary(base, 0).text).toBe('Alles is verstuurd');
  });
});
