import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { createFakeServices } from '../testing/fake-services';
import { AppLayout } from './app-layout';
import { ServicesProvider, SessionProvider } from '../ui/services-context';
import { ShellContext } from './shell-context';

async function renderShell(storageRefused = false, tokenExpired = false) {
  const services = await createFakeServices({ enrolledPin: '246813', households: [{ name: 'Familie Jansen', postcode: '6411 AB', members: [{ id: crypto.randomUUID(), firstName: 'Bart', lastName: '', role: 'adult', age: null }] }] });
  const result = await services.account.unlock('246813');
  if (!result.ok) throw new Error(result.error.code);
  if (tokenExpired) services.session()?.sync.expireToken();
  return renderToStaticMarkup(
    <ServicesProvider services={services}>
      <SessionProvider session={result.value}>
        <ShellContext value={{ onLock: () => undefined, storageRefused }}>
          <MemoryRouter initialEntries={['/huishoudens']}>
            <Routes>
              <Route path="/" element={<AppLayout />}>
                <Route path="huishoudens" element={<h1>Huishoudens</h1>} />
              </Route>
            </Routes>
          </MemoryRouter>
        </ShellContext>
      </SessionProvider>
    </ServicesProvider>,
  );
}

describe('AppLayout', () => {
  it('has a skip link, the landmarks, the worker and a lock button', async () => {
    const html = await renderShell();
    expect(html).toMatch(/<a href="#inhoud"[^>]*>Naar de inhoud<\/a>/);
    expect(html).toContain('<header');
    expect(html).toMatch(/<nav aria-label="Hoofdmenu"/);
    expect(html).toMatch(/<main id="inhoud"/);
    expect(html.replace(/<[^>]+>/g, '')).toContain('Aangemeld als Anouk de Vries');
    expect(html).toMatch(/<button[^>]*>Vergrendelen<\/button>/);
  });

  it('shows in words that the new household waits to be sent', async () => {
    expect(await renderShell()).toContain('1 wacht op verzending');
  });

  it('warns only when the browser refused persistent storage', async () => {
    expect(await renderShell(false)).not.toContain('vol raakt');
    expect(await renderShell(true)).toContain('vol raakt');
  });

  it('links the header to the sync page with "Opnieuw aanmelden nodig" when the hub token expired', async () => {
    expect(await renderShell(false, true)).toMatch(/<a[^>]*href="\/verzenden"[^>]*>.*Opnieuw aanmelden nodig<\/a>/);
    expect(await renderShell()).not.toContain('Opnieuw aanmelden nodig');
  });
});
