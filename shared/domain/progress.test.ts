import { describe, expect, it } from 'vitest';
import { lifeDomains } from '../../resources/index';
import { emptyDomainEntry, emptyIntake } from './intake.schema';
import { domainStatus, intakeProgress, nextDomain } from './progress';

const intake = emptyIntake('00000000-0000-4000-8000-0000000000aa', '2026-11-23T10:00:00.000Z');

describe('intake progress', () => {
  it('shows all 14 domains untouched for a new intake, and starts with money', () => {
    const p = intakeProgress(intake, lifeDomains);
    expect(p).toMatchObject({ done: 0, started: 0, untouched: 14, total: 14 });
    expect(nextDomain(intake, lifeDomains)?.id).toBe('geld');
  });

  it('counts a domain as started once anything is said, and done when marked done', () => {
    const withEntries = {
      domains: {
        geld: { ...emptyDomainEntry(), done: true, score: 2 },
        wonen: { ...emptyDomainEntry(), ownView: 'Het huis is te koud.' },
        zelfzorg: { ...emptyDomainEntry(), ownView: '   ' },
      },
    };
    const p = intakeProgress(withEntries, lifeDomains);
    expect(p).toMatchObject({ done: 1, started: 1, untouched: 12 });
    expect(p.domains.find((d) => d.id === 'geld')).toMatchObject({ status: 'done', score: 2 });
    expect(domainStatus(withEntries.domains.zelfzorg)).toBe('untouched');
    expect(nextDomain(withEntries, lifeDomains)?.id).toBe('werk-en-school');
  });

  it('counts a domain marked not applicable as done in "N van 14 besproken", and skips it when continuing', () => {
    const withNa = { domains: { geld: { ...emptyDomainEntry(), notApplicable: true } } };
    const p = intakeProgress(withNa, lifeDomains);
    expect(p).toMatchObject({ done: 1, notApplicable: 1, started: 0, untouched: 13 });
    expect(p.domains.find((d) => d.id === 'geld')?.status).toBe('not-applicable');
    expect(nextDomain(withNa, lifeDomains)?.id).toBe('werk-en-school');
  });

  it('reads an older entry without the field as applicable', () => {
    const old = { ...emptyDomainEntry(), done: true };
    expect('notApplicable' in old).toBe(false);
    expect(domainStatus(old)).toBe('done');
  });

  it('has no next domain when every domain is done', () => {
    const all = { domains: Object.fromEntries(lifeDomains.map((d) => [d.id, { ...emptyDomainEntry(), done: true }])) };
    expect(nextDomain(all, lifeDomains)).toBeNull();
  });
});
