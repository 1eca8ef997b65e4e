import { describe, expect, it } from 'vitest';
import { holidays, lifeDomains, recipients, settings, signalCatalogue } from '../../resources/index';
import { realisticDossier } from '../domain/fixtures/realistic';
import { checkDossierBody, dossierBytes } from './dossier';

const ctx = { lifeDomains, signalCatalogue, settings, holidays, recipients };
const known = new Set(recipients.map((r) => r.id));
const dossier = realisticDossier(1, ctx);
const check = (body: unknown, today = '2026-11-27', maxBytes?: number) => checkDossierBody(body, { knownRecipients: known, today, maxBytes });

describe('checkDossierBody (the hub side)', () => {
  it('takes a dossier built on the device, as parsed JSON', () => {
    expect(check(JSON.parse(JSON.stringify(dossier)))).toEqual({ ok: true, dossier, json: new TextEncoder().encode(JSON.stringify(dossier)) });
  });

  it('refuses an oversized body, valid or not, measured as the bytes it would be stored as', () => {
    const result = check(dossier, '2026-11-27', 4096);
    expect(result).toEqual({ ok: false, problem: { kind: 'too-large', bytes: dossierBytes(dossier) } });
    const invalid = { ...dossier, hulpvraag: 'Ik wil hulp. '.repeat(500) };
    expect(check(invalid, '2026-11-27', 4096)).toEqual({ ok: false, problem: { kind: 'too-large', bytes: new TextEncoder().encode(JSON.stringify(invalid)).length } });
  });

  it('gives the parsed dossier as JSON in the schema order, whatever the key order sent', () => {
    const reversed = Object.fromEntries(Object.entries(dossier).reverse());
    const result = check(JSON.parse(JSON.stringify(reversed)));
    expect(result.ok && new TextDecoder().decode(result.json)).toBe(JSON.stringify(dossier));
  });

  it('says where a body is wrong: wrong types, unknown keys, a missing consent', () => {
    const wrongType = check({ ...dossier, hulpvraag: 42 });
    expect(wrongType.ok === false && wrongType.problem.kind === 'invalid' && wrongType.problem.issues[0]?.path).toBe('hulpvraag');
    const extra = check({ ...dossier, bsn: '123456782' });
    expect(extra.ok === false && extra.problem.kind).toBe('invalid');
    const { consent: _consent, ...withoutConsent } = dossier;
    const missing = check(withoutConsent);
    expect(missing.ok === false && missing.problem.kind === 'invalid' && missing.problem.issues.map((i) => i.path)).toContain('consent');
  });

  it('refuses a recipient the hub does not know, and consent that has run out', () => {
    expect(check({ ...dossier, recipients: [{ id: 'schuldhulp-elders', name: 'Elders' }] })).toEqual({
      ok: false, problem: { kind: 'unknown-recipient', ids: ['schuldhulp-elders'] },
    });
    expect(check(dossier, '2027-11-26')).toEqual({ ok: false, problem: { kind: 'consent-not-valid' } });
    expect(check(dossier, '2026-11-25')).toEqual({ ok: false, problem: { kind: 'consent-not-valid' } });
  });
});
