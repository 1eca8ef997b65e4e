import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STORAGE_WARN_RATIO, storageWarningPercent } from './storage-warning';

describe('storageWarningPercent', () => {
  it('warns from 80% of the quota on, with the percentage used', () => {
    expect(storageWarningPercent({ usage: 79, quota: 100 })).toBeNull();
    expect(storageWarningPercent({ usage: 80, quota: 100 })).toBe(80);
    expect(storageWarningPercent({ usage: 999, quota: 1000 })).toBe(99);
  });

  it('says nothing when the browser does not know', () => {
    expect(storageWarningPercent(undefined)).toBeNull();
    expect(storageWarningPercent({ usage: 5 })).toBeNull();
    expect(storageWarningPercent({ usage: 5, quota: 0 })).toBeNull();
  });

  it('warns exactly when usage reaches the ratio, never above 100%', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1 }), (usage, quota) => {
        const warned = storageWarningPercent({ usage, quota });
        expect(warned !== null).toBe(usage / quota >= STORAGE_WARN_RATIO);
        if (warned !== null) expect(warned).toBeLessThanOrEqual(100);
      }),
    );
  });
});
