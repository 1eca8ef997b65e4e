import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../app/app';
import '../styles/app.css';
import { createFakeServices } from './fake-services';

/**
 * Dev-only harness: `npx vite -c renderer/vite.config.ts`, then open /src/testing/fake.html.
 * Enrolled with PIN 246813, three households, one stuck; shows every screen state without a hub.
 */
const services = await createFakeServices({
  enrolledPin: '246813',
  persistGranted: true,
  households: [
    { name: 'Familie Jansen', postcode: '6411 AB', members: [{ id: crypto.randomUUID(), firstName: 'Bart', lastName: 'Jansen', role: 'adult', age: 41 }, { id: crypto.randomUUID(), firstName: 'Sem', lastName: 'Jansen', role: 'child', age: 7 }], contact: { channel: 'phone', phone: '06 12345678', email: '', bestTime: 'dinsdagochtend', note: '' } },
    { name: 'Rik Peters', postcode: '6413 CD', members: [{ id: crypto.randomUUID(), firstName: 'Rik', lastName: 'Peters', role: 'adult', age: 19 }], contact: { channel: 'sms', phone: '06 87654321', email: '', bestTime: '', note: '' } },
    { name: 'Jeroen Smeets', postcode: '6093 EF', members: [{ id: crypto.randomUUID(), firstName: 'Jeroen', lastName: 'Smeets', role: 'adult', age: 40 }], contact: { channel: 'visit', phone: '', email: '', bestTime: '', note: '' } },
  ],
});
const first = await services.account.unlock('246813');
if (first.ok) {
  const session = services.session()!;
  const [stuck] = await session.sync.items();
  if (stuck) {
    session.sync.markStuck(stuck.id, { code: 'hub.bad_request', params: { message: 'De gemeente weigert dit bericht: het postcodegebied is onbekend.' } });
    session.households.setSyncState(stuck.entityId, 'stuck');
  }
  session.lock();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App services={services} />
  </StrictMode>,
);
