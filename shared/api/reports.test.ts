import { describe, expect, it } from 'vitest';
import {
  emptySignalsReportFixture,
  funnelReportFixture,
  overdueReportFixture,
  reportFiltersFixture,
  signalsReportFixture,
  wgsReportFixture,
} from './reports.fixture';
import {
  countCellSchema,
  funnelReportSchema,
  handoverReportQuerySchema,
  isSuppressed,
  overdueReportSchema,
  reportFiltersResponseSchema,
  signalsQuerySchema,
  signalsReportSchema,
  suppressedCell,
  suppressedText,
  wgsReportSchema,
} from './reports';

describe('report contract', () => {
  it('accepts its own fixtures', () => {
    expect(() => reportFiltersResponseSchema.parse(reportFiltersFixture)).not.toThrow();
    expect(() => signalsReportSchema.parse(signalsReportFixture)).not.toThrow();
    expect(() => signalsReportSchema.parse(emptySignalsReportFixture)).not.toThrow();
    expect(() => funnelReportSchema.parse(funnelReportFixture)).not.toThrow();
    expect(() => wgsReportSchema.parse(wgsReportFixture)).not.toThrow();
    expect(() => overdueReportSchema.parse(overdueReportFixture)).not.toThrow();
  });

  it('has one shape for a hidden cell, and no other object passes as a count', () => {
    expect(isSuppressed(suppressedCell)).toBe(true);
    expect(isSuppressed(0)).toBe(false);
    expect(isSuppressed(null)).toBe(false);
    expect(countCellSchema.safeParse({ suppressed: false }).success).toBe(false);
    expect(countCellSchema.safeParse({ suppressed: true, value: 3 }).success).toBe(false);
    expect(countCellSchema.safeParse(-1).success).toBe(false);
    expect(suppressedText(5)).toBe('< 5');
  });

  it('refuses a period that ends before it starts, runs over three years, or is no date', () => {
    expect(signalsQuerySchema.safeParse({ from: '2026-01-01', to: '2026-03-31' }).data).toMatchObject({ granularity: 'month', crisis: 'all' });
    expect(signalsQuerySchema.safeParse({ from: '2026-04-01', to: '2026-03-31' }).success).toBe(false);
    expect(signalsQuerySchema.safeParse({ from: '2020-01-01', to: '2026-03-31' }).success).toBe(false);
    expect(signalsQuerySchema.safeParse({ from: '2026-02-30', to: '2026-03-31' }).success).toBe(false);
    expect(handoverReportQuerySchema.safeParse({ from: '2026-01-01', to: '2026-01-01' }).success).toBe(true);
    expect(handoverReportQuerySchema.safeParse({ from: '2026-01-01', to: '2026-01-01', caseId: 'x' }).success).toBe(false);
  });
});
