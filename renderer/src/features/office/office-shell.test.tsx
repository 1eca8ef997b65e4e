import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { LoginResponse, Role } from '../../../../shared/api/auth';
import { openOfficeSession } from '../../data/office-session';
import { OfficeHome } from './office-home';
import { OfficeShell } from './office-shell';

function sessionAs(role: Role) {
  const login: LoginResponse = {
    token: 't'.repeat(43),
    expiresAt: '2026-11-26T20:00:00.000Z',
    user: { id: '6f1c2a8e-9d2b-4c1e-8a55-0b7e2f3d4c5a', username: 'x', displayName: 'Sanne Schuldhulp', role, teamId: '1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5' },
  };
  return openOfficeSession(() => Promise.resolve({ kind: 'network', error: { code: 'net.offline' } }), login);
}

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('OfficeShell', () => {
  it('has a skip link, the landmarks, the user with their role and a sign-out button, and no lock or sync', () => {
    const session = sessionAs('counsellor');
    const html = renderToStaticMarkup(
      <OfficeShell session={session} onSignOut={() => undefined}>
        <OfficeHome session={session} onExpired={() => undefined} />
      </OfficeShell>,
    );
    expect(html).toMatch(/<a href="#inhoud"[^>]*>Naar de inhoud<\/a>/);
    expect(html).toMatch(/<main id="inhoud"/);
    expect(text(html)).toContain('Aangemeld als Sanne Schuldhulp (Schuldhulpverlening)');
    expect(html).toMatch(/<button[^>]*>Afmelden<\/button>/);
    expect(html).not.toContain('Vergrendelen');
    expect(html).not.toContain('pincode');
  });

  it('gives a team lead the reports, saying they load while the dashboard’s own code arrives', () => {
    const html = renderToStaticMarkup(<OfficeHome session={sessionAs('teamlead')} onExpired={() => undefined} />);
    expect(text(html)).toContain('Rapportages');
    expect(text(html)).toContain('De rapportages worden geladen');
    expect(text(html)).not.toContain('Overdrachten');
  });
});
