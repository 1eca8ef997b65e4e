import { describe, expect, it } from 'vitest';
import { handoverListQuerySchema } from '../../../shared/api/handover';
import { cursorOf, isAfter, listFilters, matchesSearch, parseCursor } from './handover-list';

describe('the handover list’s filters', () => {
  const query = (q: Record<string, string>) => handoverListQuerySchema.parse(q);

  it('puts each chosen filter in the WHERE clause as a parameter, never as text', () => {
    const f = listFilters(query({ status: 'accepted', urgent: 'true', area: '6411', worker: 'C0FFEE00-0000-4000-8000-000000000000' }), '$2', 3);
    expect(f.params).toEqual(['accepted', '6411', 'c0ffee00-0000-4000-8000-000000000000']);
    expect(f.sql).toContain('d.status = $3');
    expect(f.sql).toContain("IN ('overdue', 'crisis')");
    expect(f.sql).toContain('c.postcode_area = $4');
    expect(f.sql).toContain('c.created_by = $5::uuid');
    expect(f.sql).not.toContain('6411');
  });

  it('leaves out returned and closed handovers in the open view, and withdrawn ones always', () => {
    expect(listFilters(query({}), '$2', 3).sql).toContain("d.status NOT IN ('withdrawn', 'returned', 'closed')");
    expect(listFilters(query({ view: 'all' }), '$2', 3).sql).toContain("d.status <> 'withdrawn'");
    expect(listFilters(query({}), '$2', 3).params).toEqual([]);
  });

  it('orders cursors as the list does: urgency rank, then deadline, then arrival', () => {
    const k = parseCursor('1.2026-03-05.42');
    expect(k).toEqual({ rank: 1, deadline: '2026-03-05', seq: '42' });
    expect(cursorOf(k)).toBe('1.2026-03-05.42');
    expect(isAfter({ rank: 2, deadline: '2026-01-01', seq: '1' }, k)).toBe(true);
    expect(isAfter({ rank: 1, deadline: '2026-03-04', seq: '99' }, k)).toBe(false);
    expect(isAfter({ rank: 1, deadline: '2026-03-05', seq: '100' }, k)).toBe(true); // numbers, not text: 100 > 42
    expect(isAfter(k, k)).toBe(false);
  });

  it('searches name, town and postcode area without caring for accents or capitals', () => {
    const line = { clientName: 'José Pérez', town: 'Brunssum', postcodeArea: '6441' };
    expect(matchesSearch(line, 'jose')).toBe(true);
    expect(matchesSearch(line, ' PÉREZ ')).toBe(true);
    expect(matchesSearch(line, 'bruns')).toBe(true);
    expect(matchesSearch(line, '644')).toBe(true);
    expect(matchesSearch(line, 'heerlen')).toBe(false);
  });
});
