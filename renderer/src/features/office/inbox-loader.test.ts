import { describe, expect, it } from 'vitest';
import { createInboxLoader, type InboxState } from './inbox-loader';
import { noFilters } from './inbox-model';
import { fakeInboxHub } from './testing-inbox-hub';
import { summary } from './testing-summary';

function setup(n: number) {
  const hub = fakeInboxHub(n);
  const states: InboxState[] = [];
  let expired = 0;
  const loader = createInboxLoader({ list: hub.list, onChange: (s) => states.push(s), onExpired: () => expired++, now: () => 1 });
  const names = () => loader.state().handovers?.map((h) => h.clientName) ?? null;
  return { hub, loader, names, states, expired: () => expired };
}

describe('the inbox loader', () => {
  it('shows the first 50 of thousands, then 50 more a time, until the list is complete', async () => {
    const { loader, names } = setup(120);
    await loader.setFilters(noFilters);
    expect(names()).toHaveLength(50);
    expect(loader.state().total).toBe(120);
    await loader.loadMore();
    await loader.loadMore();
    expect(names()).toHaveLength(120);
    expect(new Set(names()).size).toBe(120);
    expect(loader.state().nextCursor).toBeNull();
  });

  it('keeps the filters and every row loaded through a poll, and announces a new arrival', async () => {
    const { hub, loader, names } = setup(300);
    await loader.setFilters({ ...noFilters, area: '6412' });
    await loader.loadMore();
    await loader.loadMore();
    expect(names()).toHaveLength(150);
    hub.arrive(summary({ clientName: 'Nieuwe inwoner', postcodeArea: '6412' }));
    await loader.poll();
    // The poll asked with the same filter, since the last answer, and for at least as many rows as were on screen.
    const [pollFirst, pollNext] = hub.queries.slice(-2);
    expect(pollFirst).toMatchObject({ view: 'open', area: '6412', limit: 100 });
    expect(pollFirst?.since).toMatch(/^2026-11-26T10:00:/);
    expect(pollNext).toMatchObject({ view: 'open', area: '6412', limit: 100, cursor: '100' });
    expect(loader.state().filters.area).toBe('6412');
    expect(names()![0]).toBe('Nieuwe inwoner');
    expect(names()).toHaveLength(151);
    expect(names()!.every((n) => Number(n.split(' ')[1] ?? 1) % 2 === 1 || n === 'Nieuwe inwoner')).toBe(true);
    expect(loader.state().news).toBe('1 nieuwe overdracht');
    await loader.poll();
    expect(loader.state().news).toBe('');
  });

  it('drops a withdrawn handover from the rows and remembers it, so an open dossier can say so', async () => {
    const { hub, loader, names } = setup(10);
    await loader.setFilters(noFilters);
    const gone = hub.rows[3]!.h;
    hub.withdraw(3);
    await loader.poll();
    expect(names()).not.toContain(gone.clientName);
    expect(loader.state().withdrawn.has(gone.dossierId)).toBe(true);
    expect(loader.state().news).toBe('1 overdracht is weggehaald, omdat de toestemming is ingetrokken');
    // A later change of filters still knows.
    await loader.setFilters({ ...noFilters, urgent: true });
    expect(loader.state().withdrawn.has(gone.dossierId)).toBe(true);
  });

  it('drops a handover whose consent ran out and remembers it apart from withdrawals, so an open dossier can say which', async () => {
    const { hub, loader, names } = setup(10);
    await loader.setFilters(noFilters);
    const ended = hub.rows[2]!.h;
    hub.end(2);
    await loader.poll();
    expect(names()).not.toContain(ended.clientName);
    expect(loader.state().ended.has(ended.dossierId)).toBe(true);
    expect(loader.state().withdrawn.has(ended.dossierId)).toBe(false);
    expect(loader.state().news).toBe('1 overdracht is weggehaald, omdat de toestemming is afgelopen');
    await loader.poll(); // named once by the hub, remembered after
    expect(loader.state().ended.has(ended.dossierId)).toBe(true);
    expect(loader.state().news).toBe('');
  });

  it('never lets a slow poll undo new filters', async () => {
    const { hub, loader } = setup(20);
    await loader.setFilters(noFilters);
    const release = hub.holdNext();
    const poll = loader.poll();
    await loader.setFilters({ ...noFilters, area: '6411' });
    release();
    await poll;
    expect(loader.state().filters.area).toBe('6411');
    expect(loader.state().handovers!.every((h) => h.postcodeArea === '6411')).toBe(true);
    expect(loader.state().total).toBe(10);
  });

  it('keeps the last rows on screen with the error when the hub cannot be reached, and ends the session on 401', async () => {
    const { hub, loader, names, expired } = setup(5);
    await loader.setFilters(noFilters);
    hub.answerWith({ kind: 'network', error: { code: 'net.offline' } });
    await loader.poll();
    expect(names()).toHaveLength(5);
    expect(loader.state().error).toEqual({ code: 'net.offline' });
    hub.answerWith({ kind: 'http', status: 401, error: { code: 'hub.unauthorized' } });
    await loader.poll();
    expect(expired()).toBe(1);
    hub.answerWith(null);
    await loader.poll();
    expect(loader.state().error).toBeNull();
  });
});
