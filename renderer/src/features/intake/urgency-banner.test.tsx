import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RecordedSignal } from '../../../../shared/domain/intake.schema';
import { UrgencyBanner } from './urgency-banner';

const signal = (catalogueId: string): RecordedSignal => ({
  id: '0b0c7a2e-4b1f-4d6a-9c1e-2f3a4b5c6d7e', catalogueId, freeText: '', note: '', observedOn: '2026-12-24', recordedAt: '2026-12-24T10:00:00.000Z',
});
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('UrgencyBanner', () => {
  it('names the crisis and the Wgs deadline, counted in working days past Christmas', () => {
    const html = renderToStaticMarkup(<UrgencyBanner intake={{ signals: [signal('dreigende-huisuitzetting')] }} today="2026-12-24" />);
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('Dreigende huisuitzetting');
    expect(text(html)).toContain('Eerste gesprek met schuldhulp uiterlijk woensdag 30 december.');
  });

  it('stays away when no signal is a crisis in this municipality', () => {
    expect(renderToStaticMarkup(<UrgencyBanner intake={{ signals: [signal('lege-koelkast'), signal('loonbeslag')] }} today="2026-03-10" />)).toBe('');
  });
});
