import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema } from '../../../shared/api/auth';
import {
  funnelReportSchema,
  handoverReportQuerySchema,
  overdueReportSchema,
  reportFiltersResponseSchema,
  reportPaths,
  signalsQuerySchema,
  signalsReportSchema,
  wgsReportSchema,
} from '../../../shared/api/reports';
import { currentUser, requirePermission } from '../plugins/auth';
import type { AuthService } from '../services/auth-service';
import type { ReportService } from '../services/reports';

const errors = { 400: apiErrorSchema, 401: apiErrorSchema, 403: apiErrorSchema };
const common = { security: [{ bearer: [] }], tags: ['reports'] };

/** The team lead's reports (shared/api/reports.ts): aggregates only, small counts hidden. Any other role: 403. */
export function registerReportRoutes(app: FastifyInstance, { auth, reports }: { auth: AuthService; reports: ReportService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const onRequest = requirePermission(auth, 'report.read');
  r.get(
    reportPaths.filters,
    { onRequest, schema: { ...common, summary: 'What the report filters can choose from, and the threshold for small counts.', response: { 200: reportFiltersResponseSchema, ...errors } } },
    (request) => reports.filters(currentUser(request)),
  );
  r.get(
    reportPaths.signals,
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Signals counted per week or month, by signal, domain, neighbourhood and household type; retracted ones not counted.',
        querystring: signalsQuerySchema,
        response: { 200: signalsReportSchema, ...errors },
      },
    },
    (request) => reports.signals(currentUser(request), request.query),
  );
  r.get(
    reportPaths.funnel,
    {
      onRequest,
      schema: {
        ...common,
        summary: 'The handover funnel of the handovers that arrived in the period: steps, lead times, return reasons, withdrawals, workload.',
        querystring: handoverReportQuerySchema,
        response: { 200: funnelReportSchema, ...errors },
      },
    },
    (request) => reports.funnel(currentUser(request), request.query),
  );
  r.get(
    reportPaths.wgs,
    {
      onRequest,
      schema: {
        ...common,
        summary: 'Per month: how many first conversations and decisions were within their Wgs term, crisis and regular apart.',
        querystring: handoverReportQuerySchema,
        response: { 200: wgsReportSchema, ...errors },
      },
    },
    (request) => reports.wgs(currentUser(request), request.query),
  );
  r.get(
    reportPaths.overdue,
    { onRequest, schema: { ...common, summary: "The overdue handovers of the team lead's own team: status and days overdue, never a name or id.", response: { 200: overdueReportSchema, ...errors } } },
    (request) => reports.overdue(currentUser(request)),
  );
}
