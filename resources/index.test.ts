import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  crossCheck, demoHouseholds, shiftDatesToToday, helpCatalogue, holidays, lifeDomains, normsFor, parseResource, regelingen, settings, signalCatalogue,
} from './index';

describe('resources', () => {
  it('loads 14 life domains in conversation order, each with 5 level texts', () => {
    expect(lifeDomains.map((d) => d.id)).toEqual([
      'geld', 'werk-en-school', 'dagbesteding', 'wonen', 'thuis-en-relaties', 'kinderen-en-opvoeding', 'lichamelijke-gezondheid',
      'mentale-gezondheid', 'verslaving', 'zelfzorg', 'huishouden', 'mensen-om-u-heen', 'meedoen', 'politie-en-justitie',
    ]);
    for (const d of lifeDomains) expect(new Set(d.levels).size).toBe(5);
  });

  it('has at least 24 signals, and the legal crisis signals are marked as such', () => {
    expect(signalCatalogue.length).toBeGreaterThanOrEqual(24);
    const crisisOf = (id: string) => signalCatalogue.find((s) => s.id === id)?.crisis;
    expect(crisisOf('dreigende-huisuitzetting')).toBe('huisuitzetting');
    expect(crisisOf('afsluiting-gas-stroom')).toBe('afsluiting-energie');
    expect(crisisOf('afsluiting-stadsverwarming')).toBe('afsluiting-energie');
    expect(crisisOf('afsluiting-water')).toBe('afsluiting-water');
    expect(crisisOf('opzegging-zorgverzekering')).toBe('beeindiging-zorgverzekering');
    expect(crisisOf('huurachterstand')).toBeNull();
  });

  it('passes the cross-checks, and the cross-check notices a broken reference', () => {
    const base = { lifeDomains, signalCatalogue, helpCatalogue, settings, regelingen };
    expect(crossCheck(base)).toEqual([]);
    const broken = [{ ...signalCatalogue[0]!, domainId: 'bestaat-niet', suggestedHelp: ['onbekend'], crisis: 'meteoriet' }];
    const problems = crossCheck({ ...base, signalCatalogue: broken });
    expect(problems.join(' ')).toMatch(/bestaat-niet/);
    expect(problems.join(' ')).toMatch(/onbekend/);
    expect(problems.join(' ')).toMatch(/meteoriet/);
  });

  it('gives a clear error naming the file and path of invalid data', () => {
    expect(() => parseResource('settings.json', z.object({ minimaPercentage: z.int() }), { minimaPercentage: 'veel' })).toThrow(
      /resources\/settings\.json is invalid: minimaPercentage:/,
    );
  });

  it('freezes the catalogues', () => {
    expect(Object.isFrozen(lifeDomains)).toBe(true);
    expect(Object.isFrozen(lifeDomains[0]!.levels)).toBe(true);
    expect(Object.isFrozen(settings.crisisTypes[0])).toBe(true);
  });

  it('picks the norms in force on a date, and marks 2026 as provisional', () => {
    expect(normsFor(2025, '2025-03-15')?.amounts.single).toBe(134545);
    expect(normsFor(2025, '2025-03-15')?.amounts.couple).toBe(192207);
    expect(normsFor(2025, '2025-07-01')?.amounts).toEqual({ single: 136906, couple: 195580, singlePension: 153021, couplePension: 209498, holidayAllowancePct: 5 });
    expect(normsFor(2025)?.effectiveFrom).toBe('2025-07-01');
    expect(normsFor(2026)?.provisional).toBe(true);
    expect(normsFor(2026)?.yearNote).toMatch(/alleenstaande ouder/);
    expect(normsFor(1999)).toBeNull();
    expect(normsFor(settings.normsYear)).not.toBeNull();
  });

  it('has holidays for any year, with Bevrijdingsdag only in lustrum years and no Goede Vrijdag (Heerlen settings)', () => {
    expect(holidays.isHoliday('2025-05-05')).toBe(true);
    expect(holidays.isHoliday('2026-05-05')).toBe(false);
    expect(holidays.isHoliday('2030-05-05')).toBe(true);
    expect(holidays.isHoliday('2026-12-25')).toBe(true);
    expect(holidays.isHoliday('2026-04-03')).toBe(false);
    expect(holidays.isHoliday('2031-01-01')).toBe(true);
    expect(holidays.isHoliday('2045-05-05')).toBe(true);
  });

  it('keeps every text the resident may read short: no sentence over 20 words (B1)', () => {
    const texts = [
      ...lifeDomains.flatMap((d) => [d.question, d.description, ...d.levels]),
      ...signalCatalogue.flatMap((s) => [s.title, s.description]),
      ...helpCatalogue.map((h) => h.description),
      ...regelingen.map((r) => r.nextStep),
    ];
    const long = texts.flatMap((t) => t.split(/[.!?:]\s+/)).filter((sentence) => sentence.split(/\s+/).length > 20);
    expect(long).toEqual([]);
  });

  it('speaks with the resident, not about them: no "de bewoner" in what the resident reads at the table', () => {
    const texts = [...lifeDomains.flatMap((d) => [d.question, d.description, ...d.levels]), ...signalCatalogue.flatMap((s) => [s.title, s.description])];
    expect(texts.filter((t) => /de bewoner/i.test(t))).toEqual([]);
  });

  it('loads three demo households that pass the household and intake schemas', async () => {
    const demo = await demoHouseholds('2026-11-23');
    expect(demo).toHaveLength(3);
    expect(demo.map((d) => d.household.postcode.slice(0, 2))).toEqual(['64', '64', '64']);
    expect(new Set(demo.map((d) => d.id)).size).toBe(3);
  });

  it('moves the demo stories to recent dates: the newest falls on today, the gaps stay', async () => {
    const dates = (d: Awaited<ReturnType<typeof demoHouseholds>>) =>
      d.flatMap((h) => h.intake.signals.map((s) => s.recordedAt.slice(0, 10))).sort();
    const asWritten = dates(await demoHouseholds('2026-11-23'));
    const recent = dates(await demoHouseholds('2027-03-10', { recent: true }));
    // The visit day (the newest signal) lands on today, so the demo's crisis deadline lies ahead.
    expect(recent.at(-1)).toBe('2027-03-10');
    const gaps = (list: string[]) => list.map((d) => (Date.parse(d) - Date.parse(list[0]!)) / 86_400_000);
    expect(gaps(recent)).toEqual(gaps(asWritten));
    // A planned date moves along but does not decide the shift.
    expect(shiftDatesToToday({ a: '2026-01-31', b: ['2026-02-01T10:00:00.000Z'], c: 'geen datum', due: '2026-06-01' }, '2026-03-01')).toEqual({
      due: '2026-06-29',
      a: '2026-02-28',
      b: ['2026-03-01T10:00:00.000Z'],
      c: 'geen datum',
    });
  });

  it('refuses demo data when its dates lie after "today"', async () => {
    await expect(demoHouseholds('2026-01-01')).rejects.toThrow(/Deze datum ligt in de toekomst/);
  });
});
