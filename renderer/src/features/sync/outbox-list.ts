import type { OutboxItemView } from '../../data/contracts';

/**
 * What the sync page lists: waiting signal events carry no name, so they are one counted line;
 * every other item, and every stuck event (it needs its own retry button), gets a row of its own.
 */
export function outboxList(items: readonly OutboxItemView[]): { waitingEvents: number; rows: OutboxItemView[] } {
  const isWaitingEvent = (item: OutboxItemView) => item.kind === 'signal-event' && item.status === 'pending';
  return { waitingEvents: items.filter(isWaitingEvent).length, rows: items.filter((item) => !isWaitingEvent(item)) };
}
