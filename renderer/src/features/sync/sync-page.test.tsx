import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ServicesProvider, SessionProvider } from '../../ui/services-context';
import { createFakeServices, type FakeSession } from '../../testing/fake-services';
import { SyncPage } from './sync-page';

async function signedIn() {
  const services = await createFakeServices({ enrolledPin: '246813', password: 'goed' });
  const result = await services.account.unlock('246813');
  if (!result.ok) throw new Error(result.error.code);
  const session = result.value as FakeSession;
  const render = () =>
    renderToStaticMarkup(
      <ServicesProvider services={services}>
        <SessionProvider session={session}>
          <MemoryRouter>
            <SyncPage />
          </MemoryRouter>
        </SessionProvider>
      </ServicesProvider>,
    );
  return { session, render };
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('SyncPage', () => {
  it('offers a password-only sign-in when the hub token expired, with the username shown but fixed', async () => {
    const { session, render } = await signedIn();
    session.sync.expireToken();
    const html = render();
    expect(text(html)).toContain('De aanmelding bij de gemeente is verlopen. Het werk staat veilig op dit apparaat. Meld opnieuw aan om het te versturen.');
    expect(html).toMatch(/<input[^>]*autoComplete="username"[^>]*readOnly=""[^>]*value="anouk"/);
    expect(html).toMatch(/<input[^>]*type="password"[^>]*autoComplete="current-password"/);
    expect(html).toMatch(/<button type="submit"[^>]*>Aanmelden<\/button>/);
    // The explanation replaces the bare "Meld opnieuw aan" notice.
    expect(text(html)).not.toContain('Meld opnieuw aan om te versturen.');
  });

  it('shows no sign-in form while the token is valid, nor after a renewal', async () => {
    const { session, render } = await signedIn();
    expect(render()).not.toContain('type="password"');
    session.sync.expireToken();
    expect(render()).toContain('type="password"');
    expect((await session.renewSignIn('goed')).ok).toBe(true);
    expect(render()).not.toContain('type="password"');
  });

  it('shows how far a run is while it sends, and nothing of it between runs', async () => {
    const { session, render } = await signedIn();
    expect(text(render())).not.toMatch(/\d+ van \d+ verstuurd/);
    session.sync.setProgress({ sent: 3, total: 120 });
    const html = render();
    expect(html).toMatch(/<p class="muted" role="status">3 van 120 verstuurd<\/p>/);
    expect(text(html)).toContain('Bezig met versturen…');
    session.sync.setProgress(null);
    expect(text(render())).not.toContain('3 van 120');
  });
});
