import { describe, expect, it } from 'vitest';
import { emptyDomainEntry } from '../../../../shared/domain/intake.schema';
import { createFakeIntakes } from '../../testing/fake-intakes';
import { createIntakeQueues, loadAfterSaves } from './intake-queues';

const householdId = '3b2f6c1e-8a4d-4e5f-9b6a-7c8d9e0f1a2b';
const now = () => Date.parse('2026-11-23T10:00:00.000Z');

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('shared intake queues', () => {
  it('gives every page of one household the same queue, and another household its own', () => {
    const queues = createIntakeQueues();
    expect(queues(householdId).queue).toBe(queues(householdId).queue);
    expect(queues('9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a').queue).not.toBe(queues(householdId).queue);
  });

  it('lets the next page read only after the save queued on the page just left has landed', async () => {
    const intakes = createFakeIntakes(now);
    const shared = createIntakeQueues()(householdId);
    const slow = gate();
    const ticked = { ...emptyDomainEntry(), done: true };
    // The domain page queues "Besproken" behind a slow save, then the worker opens the overview.
    void shared.queue.save('x', () => slow.opened);
    void shared.queue.save('domain:geld', () => intakes.saveDomain(householdId, 'geld', ticked));
    const overview = loadAfterSaves(shared, intakes, householdId);
    slow.open();
    expect((await overview).domains.geld?.done).toBe(true);
  });

  it('shows the words on screen when their save failed, not the older stored version', async () => {
    const intakes = createFakeIntakes(now);
    const shared = createIntakeQueues()(householdId);
    const stored = await loadAfterSaves(shared, intakes, householdId);
    const typed = { ...stored, domains: { geld: { ...emptyDomainEntry(), ownView: 'Ik slaap slecht van de brieven.' } } };
    shared.latest = typed;
    intakes.failNext();
    await shared.queue.save('domain:geld', () => intakes.saveDomain(householdId, 'geld', typed.domains.geld));
    expect(intakes.peek(householdId)).toBeUndefined();
    expect((await loadAfterSaves(shared, intakes, householdId)).domains.geld?.ownView).toBe('Ik slaap slecht van de brieven.');
  });
});
