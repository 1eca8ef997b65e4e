import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../../../shared/api/auth';
import type { HubCall } from '../../data/hub-call';
import { openOfficeSession } from '../../data/office-session';
import { consentGone, refusalOf, watchConsent, type ConsentGone, type OpenDossier } from './consent-watch';
import { summary } from './testing-summary';
import { ConsentEndedNotice, WithdrawnNotice } from './withdrawn-notice';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const none = { withdrawn: new Set<string>(), ended: new Set<string>() };
const open = (over: Partial<OpenDossier> = {}): OpenDossier => ({ dossierId: 'd-1', validUntil: '2026-11-26', refused: null, ...over });

describe('when an open dossier must leave the screen', () => {
  it('stays through the consent’s last day and goes the day after, even when the hub cannot be asked', () => {
    expect(consentGone(open(), none, '2026-11-25')).toBeNull();
    expect(consentGone(open(), none, '2026-11-26')).toBeNull();
    expect(consentGone(open(), none, '2026-11-27')).toBe('ended');
  });

  it('goes when the hub says the consent ended or was withdrawn, whatever this computer’s calendar says', () => {
    expect(consentGone(open(), { ...none, ended: new Set(['d-1']) }, '2026-11-20')).toBe('ended');
    expect(consentGone(open({ refused: 'ended' }), none, '2026-11-20')).toBe('ended');
    expect(consentGone(open(), { ...none, withdrawn: new Set(['d-1']) }, '2026-11-20')).toBe('withdrawn');
    expect(consentGone(open({ refused: 'withdrawn' }), none, '2026-11-20')).toBe('withdrawn');
    // A withdrawal says more than the end date: it is what the notice tells.
    expect(consentGone(open({ refused: 'withdrawn' }), none, '2026-12-01')).toBe('withdrawn');
    // Another dossier's news is not this one's.
    expect(consentGone(open(), { withdrawn: new Set(['d-2']), ended: new Set(['d-3']) }, '2026-11-20')).toBeNull();
  });

  it('reads the hub’s refusals: 410 is a withdrawal, 403 consent_expired an ended consent, anything else neither', () => {
    const http = (status: number, code: `hub.${string}`): HubCall<unknown> => ({ kind: 'http', status, error: { code } });
    expect(refusalOf(http(410, 'hub.dossier_withdrawn'))).toBe('withdrawn');
    expect(refusalOf(http(403, 'hub.consent_expired'))).toBe('ended');
    expect(refusalOf(http(403, 'hub.forbidden'))).toBeNull();
    expect(refusalOf(http(404, 'hub.handover_not_found'))).toBeNull();
    expect(refusalOf(http(409, 'hub.handover_status_conflict'))).toBeNull();
    expect(refusalOf({ kind: 'network', error: { code: 'net.offline' } })).toBeNull();
  });
});

describe('the open dossier’s session', () => {
  const login: LoginResponse = {
    token: 't'.repeat(43),
    expiresAt: '2026-11-26T20:00:00.000Z',
    user: { id: '6f1c2a8e-9d2b-4c1e-8a55-0b7e2f3d4c5a', username: 'x', displayName: 'Sanne Schuldhulp', role: 'counsellor', teamId: '1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5' },
  };
  /** A hub that answers every request with the next of `answers`. */
  function watched(dossierId: string, answers: HubCall<unknown>[]) {
    const session = openOfficeSession(() => Promise.resolve(answers.shift() ?? { kind: 'network', error: { code: 'net.offline' } }) as never, login);
    const gone: ConsentGone[] = [];
    const until: string[] = [];
    return { session: watchConsent(session, dossierId, { onGone: (why) => gone.push(why), onValidUntil: (d) => until.push(d) }), gone, until };
  }

  it('hands every answer on unchanged, and tells when the hub refuses the dossier because its consent ended or was withdrawn', async () => {
    const h = summary({ consentValidUntil: '2026-12-31' });
    const expired: HubCall<unknown> = { kind: 'http', status: 403, error: { code: 'hub.consent_expired' } };
    const withdrawn: HubCall<unknown> = { kind: 'http', status: 410, error: { code: 'hub.dossier_withdrawn' } };
    const read: HubCall<unknown> = { kind: 'ok', value: { handover: h, version: 1, receivedAt: h.receivedAt, versions: [], dossier: {} } };
    const { session, gone, until } = watched(h.dossierId, [read, expired, withdrawn, expired]);
    expect(await session.dossier(h.dossierId)).toBe(read);
    expect(until).toEqual(['2026-12-31']);
    expect(gone).toEqual([]);
    expect(await session.accept(h.dossierId, 1)).toBe(expired);
    expect(await session.dossierVersion(h.dossierId, 1)).toBe(withdrawn);
    expect(gone).toEqual(['ended', 'withdrawn']);
    // Recording a PDF export is refused the same way.
    expect(await session.recordExport(h.dossierId, 1)).toBe(expired);
    expect(gone).toEqual(['ended', 'withdrawn', 'ended']);
  });

  it('leaves answers about another dossier, and other refusals, alone', async () => {
    const { session, gone, until } = watched('d-open', [
      { kind: 'http', status: 403, error: { code: 'hub.consent_expired' } },
      { kind: 'http', status: 409, error: { code: 'hub.handover_status_conflict' } },
    ]);
    await session.dossier('d-other');
    await session.close('d-open', 2);
    expect(gone).toEqual([]);
    expect(until).toEqual([]);
  });
});

describe('the notices', () => {
  it('says plainly that the consent ran out, until when it held, that nothing of the dossier may be used, and what to do', () => {
    const html = renderToStaticMarkup(<ConsentEndedNotice validUntil="2026-11-25" onBack={() => undefined} />);
    expect(html).toMatch(/<h1[^>]*>Toestemming afgelopen<\/h1>/);
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('De toestemming van de inwoner gold tot en met 25 november 2026.');
    expect(text(html)).toContain('Daarom is dit dossier niet meer te zien. Gebruik niets meer uit dit dossier, ook niet uit een pdf.');
    expect(text(html)).toContain('Vraag de buurtteamwerker om met de inwoner opnieuw over toestemming te praten.');
    expect(html).toMatch(/<button type="button" class="link-button">Terug naar de overdrachten<\/button>/);
  });

  it('keeps the withdrawal’s own words', () => {
    const html = renderToStaticMarkup(<WithdrawnNotice onBack={() => undefined} />);
    expect(html).toMatch(/<h1[^>]*>Toestemming ingetrokken<\/h1>/);
    expect(text(html)).toContain('De inwoner heeft de toestemming ingetrokken.');
  });
});
