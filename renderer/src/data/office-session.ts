import { z } from 'zod';
import { accountPaths } from '../../../shared/api/accounts';
import type { LoginResponse, Role, User } from '../../../shared/api/auth';
import type { HandoverListQuery } from '../../../shared/api/handover';
import {
  dossierExportResponseSchema,
  handoverDossierResponseSchema,
  handoverListResponseSchema,
  handoverPath,
  handoverPaths,
  handoverSummarySchema,
  type DossierExportResponse,
  type HandoverDossierResponse,
  type HandoverListResponse,
  type DecisionRequest,
  type HandoverSummary,
  type PlanRequest,
  type ReturnRequest,
} from '../../../shared/api/handover';
import {
  funnelReportSchema,
  overdueReportSchema,
  reportFiltersResponseSchema,
  reportPaths,
  signalsReportSchema,
  wgsReportSchema,
  type FunnelReport,
  type HandoverReportQuery,
  type OverdueReport,
  type ReportFiltersResponse,
  type SignalsQuery,
  type SignalsReport,
  type WgsReport,
} from '../../../shared/api/reports';
import type { HubCall, HubCaller } from './hub-call';

/**
 * The office shell's session: a counsellor or team lead online with the hub. The token lives only in
 * this closure (never in IndexedDB, localStorage or a cookie), so a reload means signing in again.
 * Every request says `cache: 'no-store'`, so no answer with personal data lands in the HTTP cache.
 */
export interface OfficeSession {
  user: User;
  handovers(query?: Partial<HandoverListQuery>): Promise<HubCall<HandoverListResponse>>;
  dossier(dossierId: string): Promise<HubCall<HandoverDossierResponse>>;
  /** One (older) version of a dossier; the hub audits each read. */
  dossierVersion(dossierId: string, version: number): Promise<HubCall<HandoverDossierResponse>>;
  accept(dossierId: string, revision: number): Promise<HubCall<HandoverSummary>>;
  returnHandover(dossierId: string, request: ReturnRequest): Promise<HubCall<HandoverSummary>>;
  plan(dossierId: string, request: PlanRequest): Promise<HubCall<HandoverSummary>>;
  /** Records the decision (beschikking): its date and a note. */
  decide(dossierId: string, request: DecisionRequest): Promise<HubCall<HandoverSummary>>;
  close(dossierId: string, revision: number): Promise<HubCall<HandoverSummary>>;
  /** Puts on record at the hub (audit log) that this version is being exported as a PDF: made only after an 'ok'. */
  recordExport(dossierId: string, version: number): Promise<HubCall<DossierExportResponse>>;
  /** The team lead's reports: aggregates only, small counts already hidden by the hub. */
  reports: {
    filters(): Promise<HubCall<ReportFiltersResponse>>;
    signals(query: SignalsQuery): Promise<HubCall<SignalsReport>>;
    funnel(query: HandoverReportQuery): Promise<HubCall<FunnelReport>>;
    wgs(query: HandoverReportQuery): Promise<HubCall<WgsReport>>;
    overdue(): Promise<HubCall<OverdueReport>>;
  };
  /**
   * Forgets the token, so every later call answers 401 without touching the network, and asks the hub to end the
   * session (POST /api/v1/auth/logout): a copied token stops working at once, not after its 12 hours.
   */
  signOut(): Promise<void>;
}

/** Which shell a signed-in user gets: the worker's offline device, or the online office. */
export function shellFor(role: Role): 'device' | 'office' {
  return role === 'worker' ? 'device' : 'office';
}

export function openOfficeSession(call: HubCaller, login: LoginResponse): OfficeSession {
  let token: string | null = login.token;
  const unauthorized = { kind: 'http', status: 401, error: { code: 'hub.unauthorized' } } as const;

  function send<S extends z.ZodType>(path: string, schema: S, body?: unknown): Promise<HubCall<z.infer<S>>> {
    if (token === null) return Promise.resolve(unauthorized);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init: RequestInit = { method: body === undefined ? 'GET' : 'POST', headers, cache: 'no-store', credentials: 'omit' };
    return call(path, body === undefined ? init : { ...init, body: JSON.stringify(body) }, schema);
  }

  const at = (path: string, dossierId: string) => handoverPath(path, { dossierId });
  const withQuery = (path: string, query: Record<string, string | undefined>) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };

  return {
    user: login.user,
    handovers(query = {}) {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
      const search = params.toString();
      return send(`${handoverPaths.handovers}${search ? `?${search}` : ''}`, handoverListResponseSchema);
    },
    dossier: (dossierId) => send(at(handoverPaths.handover, dossierId), handoverDossierResponseSchema),
    accept: (dossierId, revision) => send(at(handoverPaths.accept, dossierId), handoverSummarySchema, { revision }),
    returnHandover: (dossierId, request) => send(at(handoverPaths.return, dossierId), handoverSummarySchema, request),
    plan: (dossierId, request) => send(at(handoverPaths.plan, dossierId), handoverSummarySchema, request),
    dossierVersion: (dossierId, version) => send(handoverPath(handoverPaths.handoverVersion, { dossierId, version }), handoverDossierResponseSchema),
    decide: (dossierId, request) => send(at(handoverPaths.decision, dossierId), handoverSummarySchema, request),
    close: (dossierId, revision) => send(at(handoverPaths.close, dossierId), handoverSummarySchema, { revision }),
    recordExport: (dossierId, version) => send(handoverPath(handoverPaths.versionExport, { dossierId, version }), dossierExportResponseSchema, {}),
    reports: {
      filters: () => send(reportPaths.filters, reportFiltersResponseSchema),
      signals: (query) => send(withQuery(reportPaths.signals, query), signalsReportSchema),
      funnel: (query) => send(withQuery(reportPaths.funnel, query), funnelReportSchema),
      wgs: (query) => send(withQuery(reportPaths.wgs, query), wgsReportSchema),
      overdue: () => send(reportPaths.overdue, overdueReportSchema),
    },
    async signOut() {
      const ending = token;
      token = null;
      if (ending === null) return;
      // Best effort: offline, the hub's own expiry still ends the session. keepalive: it still goes out while the tab closes.
      await call(accountPaths.logout, { method: 'POST', headers: { authorization: `Bearer ${ending}` }, cache: 'no-store', credentials: 'omit', keepalive: true }, z.null());
    },
  };
}
