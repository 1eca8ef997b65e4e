import { useState } from 'react';
import { Outlet } from 'react-router';
import { createIntakeQueues, IntakeQueuesContext } from './intake-queues';

/** Wraps every intake page: they share one save queue per household for as long as the visit lasts. */
export function IntakeLayout() {
  const [queues] = useState(createIntakeQueues);
  return (
    <IntakeQueuesContext value={queues}>
      <Outlet />
    </IntakeQueuesContext>
  );
}
