import { afterEach, describe, expect, it } from 'vitest';
import { loginResponseSchema } from '../../../shared/api/auth';
import { apiPaths } from '../../../shared/api/cases';
import { availableBackends } from '../test-support/backends';
import type { Harness } from '../test-support/harness';
import { createHarness, password } from '../test-support/harness';

describe.each(availableBackends())('demo flag in the login answer on $name', (backend) => {
  let h: Harness | null = null;
  afterEach(async () => {
    await h?.close();
    h = null;
  });

  const loginBody = async (harness: Harness) => {
    const res = await harness.app.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'worker', password } });
    expect(res.statusCode).toBe(200);
    return res.json<Record<string, unknown>>();
  };

  it('says demo: true when the hub runs in demo mode', async () => {
    h = await createHarness(backend, { demo: true });
    const body = await loginBody(h);
    expect(body.demo).toBe(true);
    expect(loginResponseSchema.parse(body).demo).toBe(true);
  });

  it('leaves demo out otherwise, so a real device never adds demo households', async () => {
    h = await createHarness(backend);
    const body = await loginBody(h);
    expect('demo' in body).toBe(false);
    expect(loginResponseSchema.parse(body).demo).toBeUndefined();
  });
});
