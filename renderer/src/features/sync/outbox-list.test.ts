import { describe, expect, it } from 'vitest';
import type { OutboxItemView } from '../../data/contracts';
import { nl } from '../../i18n/nl';
import { outboxList } from './outbox-list';

const item = (kind: string, status: 'pending' | 'stuck'): OutboxItemView => ({
  id: crypto.randomUUID(),
  entityId: crypto.randomUUID(),
  kind,
  attempts: status === 'stuck' ? 6 : 0,
  status,
  lastError: null,
  nextAttemptAt: 0,
  autoRetry: status === 'pending',
});

describe('the sync page list', () => {
  it('counts waiting signal events on one line and keeps households and stuck events as rows', () => {
    const household = item('new-case', 'pending');
    const stuckEvent = item('signal-event', 'stuck');
    const list = outboxList([item('signal-event', 'pending'), household, item('signal-event', 'pending'), stuckEvent, item('signal-event', 'pending')]);
    expect(list.waitingEvents).toBe(3);
    expect(list.rows).toEqual([household, stuckEvent]);
    expect(nl.sync.waitingEvents(3)).toBe('3 signalen voor de rapportage (zonder naam)');
    expect(nl.sync.waitingEvents(1)).toBe('1 signaal voor de rapportage (zonder naam)');
  });
});
