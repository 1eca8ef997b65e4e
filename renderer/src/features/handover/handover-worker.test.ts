import { describe, expect, it } from 'vitest';
import { handoverWorker } from './handover-worker';

const user = { id: '6f1c1d7e-3c55-4d4e-9d7a-0d5b8a1f2e01', phone: '06-12345678', email: 'sanne.devries@buurtteam.example' };

describe('the worker to call in a handover', () => {
  it('gives the signed-in worker’s phone and e-mail for a household she opened', () => {
    expect(handoverWorker({ workerId: user.id, workerName: 'Sanne de Vries' }, user, 'Heerlen')).toMatchObject({
      name: 'Sanne de Vries',
      phone: '06-12345678',
      email: 'sanne.devries@buurtteam.example',
    });
  });

  it('gives no number for a household another worker opened, and none when the hub gave none', () => {
    expect(handoverWorker({ workerId: crypto.randomUUID(), workerName: 'Kees' }, user, 'Heerlen')).toMatchObject({ name: 'Kees', phone: '', email: '' });
    expect(handoverWorker({ workerId: user.id, workerName: 'Sanne de Vries' }, { id: user.id }, 'Heerlen')).toMatchObject({ phone: '', email: '' });
  });
});
