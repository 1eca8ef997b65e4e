import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '../../../shared/api/auth';
import { apiPaths } from '../../../shared/api/cases';
import { commonErrorCodes, hubErrorCodes, hubErrorCodeSchema, routeErrorCodes } from '../../../shared/api/errors';
import { createPgliteDb } from '../db/database';
import type { Harness } from '../test-support/harness';
import { createHarness } from '../test-support/harness';

type OpenApi = { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };

describe('error codes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ name: 'pglite', open: () => createPgliteDb() });
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists every route of the hub, and only those, with codes whose status the route documents', async () => {
    const spec = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<OpenApi>();
    const routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.sort()).toEqual(Object.keys(routeErrorCodes).sort());
    for (const [route, codes] of Object.entries(routeErrorCodes)) {
      const [method, path] = route.split(' ') as [string, string];
      const documented = Object.keys(spec.paths[path]?.[method.toLowerCase()]?.responses ?? {});
      for (const code of codes) {
        const statuses = hubErrorCodes[code].statuses.map(String);
        // A batch answers per-item codes inside its 200; every other code must be a documented status of its route.
        if (route.endsWith('/batch') && !['bad_request', 'unauthorized', 'forbidden'].includes(code)) continue;
        expect(statuses.some((s) => documented.includes(s)), `${route} answers ${code} but documents only ${documented.join(', ')}`).toBe(true);
      }
    }
  });

  it('answers with listed codes, also for the errors every route shares', async () => {
    const answers = [
      await h.app.inject({ method: 'GET', url: '/api/v1/nope' }),
      await h.app.inject({ method: 'POST', url: apiPaths.login, payload: 'x', headers: { 'content-type': 'application/xml' } }),
      await h.app.inject({ method: 'POST', url: apiPaths.login, payload: '{', headers: { 'content-type': 'application/json' } }),
      await h.app.inject({ method: 'POST', url: apiPaths.login, payload: { username: 'x'.repeat(1_100_000), password: 'y' } }),
      await h.app.inject({ method: 'GET', url: apiPaths.me }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([404, 415, 400, 413, 401]);
    for (const a of answers) {
      const body = apiErrorSchema.parse(a.json());
      expect(hubErrorCodeSchema.parse(body.error)).toBe(body.error);
      expect(hubErrorCodes[hubErrorCodeSchema.parse(body.error)].statuses).toContain(a.statusCode);
    }
    expect(commonErrorCodes.every((c) => c in hubErrorCodes)).toBe(true);
  });
});
