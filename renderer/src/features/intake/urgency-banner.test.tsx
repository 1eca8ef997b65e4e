import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RecordedSignal } from '../../../../shared/domain/intake.schema';
import { UrgencyBanner } from './urgency-banner';

const signal = (catalogueId: string, recordedAt = '2026-12-24T10:00:00.000Z'): RecordedSignal => ({
  id: '0b0c7a2e-4b1f-4d6a-9c1e-2f3a4b5c6d7e', catalogueId, freeText: '', note: '', observedOn: '2026-12-24', recordedAt,
});
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const banner = (signals: RecordedSignal[], today: string) => renderToStaticMarkup(<UrgencyBanner intake={{ signals }} today={today} />);

describe('UrgencyBanner', () => {
  it('names the crisis and the Wgs deadline, counted in working days past Christmas', () => {
    const html = banner([signal('dreigende-huisuitzetting')], '2026-12-24');
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('Dreigende huisuitzetting');
    expect(text(html)).toContain('Eerste gesprek met schuldhulp uiterlijk woensdag 30 december 2026.');
  });

  it('counts from the day the crisis was recorded, so the deadline does not move on the next days', () => {
    const eviction = [signal('dreigende-huisuitzetting', '2026-03-09T09:00:00.000Z')];
    expect(text(banner(eviction, '2026-03-09'))).toContain('uiterlijk donderdag 12 maart 2026.');
    expect(text(banner(eviction, '2026-03-11'))).toContain('uiterlijk donderdag 12 maart 2026.');
  });

  it('still gives the deadline, not "voorbij", on the last day itself', () => {
    const html = text(banner([signal('dreigende-huisuitzetting', '2026-03-09T09:00:00.000Z')], '2026-03-12'));
    expect(html).toContain('uiterlijk donderdag 12 maart 2026.');
    expect(html).not.toContain('voorbij');
  });

  it('says the term has passed, and what to do today, the day after the deadline', () => {
    const html = banner([signal('dreigende-huisuitzetting', '2026-03-09T09:00:00.000Z')], '2026-03-13');
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('De termijn van 3 werkdagen is voorbij sinds donderdag 12 maart 2026. Meld dit vandaag nog bij schuldhulp.');
  });

  it('counts from the earliest crisis signal, not from a later one or a signal that is no crisis', () => {
    const signals = [
      signal('huurachterstand', '2026-03-02T09:00:00.000Z'),
      signal('afsluiting-water', '2026-03-10T09:00:00.000Z'),
      signal('dreigende-huisuitzetting', '2026-03-09T09:00:00.000Z'),
    ];
    expect(text(banner(signals, '2026-03-10'))).toContain('uiterlijk donderdag 12 maart 2026.');
  });

  it('says with the year from which day the working days count: the day the resident told it', () => {
    const html = text(banner([signal('dreigende-huisuitzetting', '2026-12-24T10:00:00.000Z')], '2026-12-28'));
    expect(html).toContain('De 3 werkdagen tellen vanaf 24 december 2026. Dat is de dag dat de bewoner dit vertelde.');
  });

  it('counts from the day it was told, not from an older "Sinds wanneer?" date', () => {
    const old = { ...signal('dreigende-huisuitzetting', '2026-03-09T09:00:00.000Z'), observedOn: '2026-02-01' };
    const html = text(banner([old], '2026-03-09'));
    expect(html).toContain('uiterlijk donderdag 12 maart 2026.');
    expect(html).toContain('tellen vanaf 9 maart 2026.');
  });

  it('stays away when no signal is a crisis in this municipality', () => {
    expect(banner([signal('lege-koelkast'), signal('loonbeslag')], '2026-03-10')).toBe('');
  });
});
