import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RecordedSignal } from '../../../../shared/domain/intake.schema';
import { ServicesProvider, SessionProvider } from '../../ui/services-context';
import { createFakeServices } from '../../testing/fake-services';
import { HouseholdListPage } from './household-list-page';

const member = (firstName: string) => ({ id: crypto.randomUUID(), firstName, lastName: '', role: 'adult' as const, age: null });
const eviction: RecordedSignal = {
  id: crypto.randomUUID(), catalogueId: 'dreigende-huisuitzetting', freeText: '', note: '', observedOn: '2026-03-01', recordedAt: '2026-03-02T09:00:00.000Z',
};

async function listPage() {
  let t = Date.parse('2026-03-02T09:00:00.000Z');
  // Each household is a minute newer than the one before, so "newest first" is known.
  const services = await createFakeServices({
    now: () => (t += 60_000),
    enrolledPin: '246813',
    households: ['Familie Oud', 'Marco Jacobs', 'Familie Nieuw'].map((name) => ({ name, postcode: '6411 AB', members: [member(name)] })),
  });
  const result = await services.account.unlock('246813');
  if (!result.ok) throw new Error(result.error.code);
  const session = result.value;
  const render = () =>
    renderToStaticMarkup(
      <ServicesProvider services={services}>
        <SessionProvider session={session}>
          <MemoryRouter>
            <HouseholdListPage />
          </MemoryRouter>
        </SessionProvider>
      </ServicesProvider>,
    ).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const idOf = (name: string) => session.households.list().find((h) => h.name === name)?.id ?? '';
  return { session, render, idOf };
}

const order = (text: string) => ['Familie Nieuw', 'Marco Jacobs', 'Familie Oud'].sort((a, b) => text.indexOf(a) - text.indexOf(b));

describe('HouseholdListPage', () => {
  it('lists newest first and says nothing about spoed while no household is urgent', async () => {
    const { render } = await listPage();
    const text = render();
    expect(text).toContain('3 huishoudens');
    expect(text).not.toContain('Spoed');
    expect(text).not.toContain('met spoed');
    expect(order(text)).toEqual(['Familie Nieuw', 'Marco Jacobs', 'Familie Oud']);
  });

  it('puts an urgent household on top with its badge and counts it, and lets go when the crisis is unticked', async () => {
    const { session, render, idOf } = await listPage();
    await session.intakes.saveSignals(idOf('Marco Jacobs'), [eviction]);
    const text = render();
    expect(text).toContain('3 huishoudens, 1 met spoed');
    expect(order(text)).toEqual(['Marco Jacobs', 'Familie Nieuw', 'Familie Oud']);
    expect(text.indexOf('Spoed: crisis')).toBeGreaterThan(text.indexOf('Marco Jacobs'));
    expect(text.indexOf('Spoed: crisis')).toBeLessThan(text.indexOf('Familie Nieuw'));

    await session.intakes.saveSignals(idOf('Marco Jacobs'), []);
    const after = render();
    expect(after).not.toContain('Spoed');
    // Unticking is the newest change to any household: Marco stays first, now as the last changed.
    expect(order(after)).toEqual(['Marco Jacobs', 'Familie Nieuw', 'Familie Oud']);
  });
});
