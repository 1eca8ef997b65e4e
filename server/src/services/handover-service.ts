import type { User } from '../../../shared/api/auth';
import type { HandoverStatus, ReturnReason } from '../../../shared/api/changes';
import type {
  FirstConversation,
  DossierExportResponse,
  HandoverAction,
  HandoverDossierResponse,
  HandoverListQuery,
  HandoverListResponse,
  HandoverSummary,
  HandoverUrgency,
} from '../../../shared/api/handover';
import { handoverTransitions } from '../../../shared/api/handover';
import { lastFirstConversationDay } from '../../../shared/api/handover-terms';
import { dutchDateOf } from '../../../shared/domain/urgency';
import type { Db, Queryable } from '../db/database';
import { toIso } from '../db/database';
import type { AuditOutcome, AuditTrail } from './audit';
import { auditedTransaction } from './audit';
import { changeNoteAd, lockTeamsForChanges, recordChanges } from './changes';
import type { DossierSummaryText } from './dossier-push';
import { bodyAd, decisionByAfter, detailsAd, summaryAd } from './dossier-push';
import type { HubCipher } from './hub-key';
import { cursorOf, planList, urgencySql } from './handover-list';
import { mayActOn, teamScope } from './policy';
import { recordStepTime } from './reports-record';

/** The counsellor's own words on a handover, sealed in `dossiers.details`. */
interface Details {
  returnNote: string;
  firstConversation: FirstConversation | null;
  decisionNote: string;
}
const noDetails: Details = { returnNote: '', firstConversation: null, decisionNote: '' };

interface HandoverRow {
  dossier_id: string;
  case_id: string;
  recipient_id: string;
  owner_team_id: string;
  recipient_team_id: string;
  status: HandoverStatus;
  revision: number;
  latest_version: number;
  postcode_area: string;
  received_at: Date | string;
  updated_at: Date | string;
  deadline_basis: 'crisis' | 'regular';
  counted_from: string;
  first_conversation_by: string;
  decision_by: string;
  summary: Uint8Array | null;
  details: Uint8Array | null;
  contact_user_id: string | null;
  contact_name: string | null;
  return_reason: ReturnReason | null;
  planned_at: Date | string | null;
  decided_on: string | null;
  consent_valid_until: string;
  urgency: HandoverUrgency | 'done';
}

const columns = (today: string) => `d.dossier_id::text AS dossier_id, d.case_id::text AS case_id, d.recipient_id,
  d.owner_team_id::text AS owner_team_id, d.recipient_team_id::text AS recipient_team_id, d.status, d.revision, d.latest_version,
  c.postcode_area, d.received_at, d.updated_at, d.deadline_basis, d.counted_from::text AS counted_from,
  d.first_conversation_by::text AS first_conversation_by, d.decision_by::text AS decision_by, d.summary, d.details,
  d.contact_user_id::text AS contact_user_id, u.display_name AS contact_name, d.return_reason, d.planned_at,
  d.decided_on::text AS decided_on, d.consent_valid_until::text AS consent_valid_until, ${urgencySql(today)} AS urgency`;
const from = 'dossiers d JOIN cases c ON c.case_id = d.case_id LEFT JOIN users u ON u.user_id = d.contact_user_id';

export type HandoverRefusal =
  | 'not-found'
  | 'withdrawn'
  | 'consent-expired'
  | 'status-conflict'
  | 'decision-before-first-conversation'
  | 'decision-in-future'
  | 'first-conversation-before-handover'
  | 'first-conversation-too-far-ahead';
export type HandoverResult<T> = { ok: true; value: T } | { ok: false; refusal: HandoverRefusal };

export type ActionBody =
  | { action: 'accept'; revision?: number }
  | { action: 'return'; revision?: number; reason: ReturnReason; note: string }
  | { action: 'plan'; revision?: number; firstConversation: FirstConversation }
  | { action: 'decision'; revision?: number; decidedOn: string; note: string }
  | { action: 'close'; revision?: number };

/**
 * Dates a counsellor cannot mean, on Dutch calendar days: the decision follows the first conversation (Wgs) and is
 * recorded once taken, so a day before the conversation or after today is a typing error; a first conversation
 * before the day the handover arrived, or more than a year after it, is one too.
 */
function datesRefusal(body: ActionBody, row: Pick<HandoverRow, 'planned_at' | 'received_at'>, today: string): HandoverRefusal | null {
  if (body.action === 'decision') {
    if (row.planned_at !== null && body.decidedOn < dutchDateOf(toIso(row.planned_at))) return 'decision-before-first-conversation';
    if (body.decidedOn > today) return 'decision-in-future';
  }
  if (body.action === 'plan') {
    const day = dutchDateOf(body.firstConversation.plannedAt);
    const receivedAt = toIso(row.received_at);
    if (day < dutchDateOf(receivedAt)) return 'first-conversation-before-handover';
    if (day > lastFirstConversationDay(receivedAt)) return 'first-conversation-too-far-ahead';
  }
  return null;
}

export interface HandoverService {
  list(user: User, query: HandoverListQuery): Promise<HandoverListResponse>;
  /** One version of a dossier (the latest when `version` is absent); every read is audited. */
  read(user: User, dossierId: string, version?: number): Promise<HandoverResult<HandoverDossierResponse>>;
  act(user: User, dossierId: string, body: ActionBody): Promise<HandoverResult<HandoverSummary>>;
  /**
   * The counsellor puts one version of a dossier on paper (the PDF export): allowed exactly when reading it is, and
   * audited as 'dossier.export' with ids only; the export happens only after this answered.
   */
  recordExport(user: User, dossierId: string, version: number): Promise<HandoverResult<DossierExportResponse>>;
}

export function createHandoverService({ db, clock, cipher }: { db: Db; clock: () => Date; cipher: HubCipher }): HandoverService {
  const openJson = <T>(sealed: Uint8Array | null, ad: string, fallback: T): T => (sealed ? (JSON.parse(cipher.open(sealed, ad).toString('utf8')) as T) : fallback);

  const toSummary = (r: HandoverRow): HandoverSummary => {
    const text = openJson<DossierSummaryText>(r.summary, summaryAd(r.dossier_id), { clientName: '', town: '' });
    const details = openJson<Details>(r.details, detailsAd(r.dossier_id), noDetails);
    return {
      dossierId: r.dossier_id,
      caseId: r.case_id,
      recipientId: r.recipient_id,
      status: r.status,
      revision: r.revision,
      latestVersion: r.latest_version,
      clientName: text.clientName,
      town: text.town,
      postcodeArea: r.postcode_area,
      receivedAt: toIso(r.received_at),
      updatedAt: toIso(r.updated_at),
      deadlines: { basis: r.deadline_basis, countedFrom: r.counted_from, firstConversationBy: r.first_conversation_by, decisionBy: r.decision_by },
      urgency: r.urgency === 'done' ? 'regular' : r.urgency,
      contactPerson: r.contact_user_id ? { userId: r.contact_user_id, name: r.contact_name ?? '' } : null,
      returned: r.status === 'returned' && r.return_reason ? { reason: r.return_reason, note: details.returnNote } : null,
      firstConversation: r.planned_at && details.firstConversation ? { ...details.firstConversation, plannedAt: toIso(r.planned_at) } : null,
      decision: r.decided_on ? { decidedOn: r.decided_on, note: details.decisionNote } : null,
      consentValidUntil: r.consent_valid_until,
    };
  };

  /** One handover as this user may see it, or why not; `forUpdate` locks the row for a status change. */
  async function findOne(tx: Queryable, user: User, dossierId: string, today: string, forUpdate: boolean): Promise<HandoverResult<HandoverRow>> {
    const { rows } = await tx.query<HandoverRow>(`SELECT ${columns('$2')} FROM ${from} WHERE d.dossier_id = $1::uuid${forUpdate ? ' FOR UPDATE OF d' : ''}`, [dossierId, today]);
    const row = rows[0];
    // Another team's handover is as unknown as one that does not exist.
    if (!row || !mayActOn(user, forUpdate ? 'handover.status' : 'dossier.read', { teamId: row.owner_team_id, recipientTeamId: row.recipient_team_id })) {
      return { ok: false, refusal: 'not-found' };
    }
    if (row.status === 'withdrawn') return { ok: false, refusal: 'withdrawn' };
    if (row.consent_valid_until < today) return { ok: false, refusal: 'consent-expired' };
    return { ok: true, value: row };
  }

  const auditOutcome: Record<HandoverRefusal, AuditOutcome> = {
    'not-found': 'denied',
    withdrawn: 'rejected',
    'consent-expired': 'denied',
    'status-conflict': 'conflict',
    'decision-before-first-conversation': 'rejected',
    'decision-in-future': 'rejected',
    'first-conversation-before-handover': 'rejected',
    'first-conversation-too-far-ahead': 'rejected',
  };
  const audit = (trail: AuditTrail, user: User, action: string, entityId: string | null, outcome: AuditOutcome) =>
    trail.add({ userId: user.id, action, entityType: 'dossier', entityId, outcome });

  return {
    list: (user, query) => {
      const now = clock();
      const today = dutchDateOf(now.toISOString());
      return auditedTransaction(db, now, async (tx, trail) => {
        const scope = teamScope(user, 'dossier.read', { owner: 'd.owner_team_id', recipient: 'd.recipient_team_id' }, 1);
        const plan = await planList(tx, {
          scope,
          today,
          query,
          openLine: (dossierId, sealed) => openJson<DossierSummaryText>(sealed, summaryAd(dossierId), { clientName: '', town: '' }),
        });
        const ids = plan.keys.map((k) => k.dossierId);
        const { rows } = ids.length === 0 ? { rows: [] } : await tx.query<HandoverRow>(`SELECT ${columns('$2')} FROM ${from} WHERE d.dossier_id = ANY($1::uuid[])`, [ids, today]);
        const byId = new Map(rows.map((r) => [r.dossier_id, r]));
        const page = ids.flatMap((id) => byId.get(id) ?? []);
        // The list names residents: one audit row per handover shown, or one for an empty page.
        if (page.length === 0) audit(trail, user, 'handover.list', null, 'ok');
        for (const r of page) audit(trail, user, 'handover.list', r.dossier_id, 'ok');
        const last = plan.keys.at(-1);
        return {
          handovers: page.map(toSummary),
          total: plan.total,
          nextCursor: plan.more && last ? cursorOf(last) : null,
          asOf: now.toISOString(),
          arrived: plan.arrived,
          withdrawn: plan.withdrawn,
          ended: plan.ended,
          areas: plan.areas,
          workers: plan.workers,
        };
      });
    },

    read: (user, dossierId, version) => {
      const now = clock();
      const today = dutchDateOf(now.toISOString());
      return auditedTransaction(db, now, async (tx, trail) => {
        const found = await findOne(tx, user, dossierId, today, false);
        const wanted = version ?? (found.ok ? found.value.latest_version : 0);
        const entityId = `${dossierId}:${version ?? 'latest'}`;
        if (!found.ok) {
          audit(trail, user, 'dossier.read', entityId, auditOutcome[found.refusal]);
          return found;
        }
        const row = found.value;
        const versions = await tx.query<{ version: number; received_at: Date | string; body: Uint8Array | null }>(
          'SELECT version, received_at, CASE WHEN version = $2 THEN body END AS body FROM dossier_versions WHERE dossier_id = $1::uuid ORDER BY version',
          [dossierId, wanted],
        );
        const chosen = versions.rows.find((v) => v.version === wanted);
        if (!chosen?.body) {
          audit(trail, user, 'dossier.read', entityId, 'rejected');
          return { ok: false, refusal: 'not-found' };
        }
        const dossier: unknown = JSON.parse(cipher.open(chosen.body, bodyAd(row.case_id, dossierId, wanted)).toString('utf8'));
        audit(trail, user, 'dossier.read', `${dossierId}:${wanted}`, 'ok');
        await recordStepTime(tx, dossierId, 'opened', now.toISOString());
        return {
          ok: true,
          value: {
            handover: toSummary(row),
            version: wanted,
            receivedAt: toIso(chosen.received_at),
            versions: versions.rows.map((v) => ({ version: v.version, receivedAt: toIso(v.received_at) })),
            dossier,
          },
        };
      });
    },

    recordExport: (user, dossierId, version) => {
      const now = clock();
      const today = dutchDateOf(now.toISOString());
      return auditedTransaction(db, now, async (tx, trail) => {
        const entityId = `${dossierId}:${version}`;
        const found = await findOne(tx, user, dossierId, today, false);
        if (!found.ok) {
          audit(trail, user, 'dossier.export', entityId, auditOutcome[found.refusal]);
          return found;
        }
        const stored = await tx.query('SELECT 1 FROM dossier_versions WHERE dossier_id = $1::uuid AND version = $2 AND body IS NOT NULL', [dossierId, version]);
        if (stored.rows.length === 0) {
          audit(trail, user, 'dossier.export', entityId, 'rejected');
          return { ok: false, refusal: 'not-found' };
        }
        audit(trail, user, 'dossier.export', entityId, 'ok');
        return { ok: true, value: { dossierId, version, exportedAt: now.toISOString() } };
      });
    },

    act: (user, dossierId, body) => {
      const now = clock();
      const at = now.toISOString();
      const today = dutchDateOf(at);
      const action: HandoverAction = body.action;
      return auditedTransaction(db, now, async (tx, trail) => {
        const auditAs = `handover.${action}`;
        // The change feed's lock is per owner team, taken before any row lock.
        const owner = (await tx.query<{ owner_team_id: string }>('SELECT owner_team_id::text AS owner_team_id FROM dossiers WHERE dossier_id = $1::uuid', [dossierId])).rows[0];
        if (owner) await lockTeamsForChanges(tx, db.kind, [owner.owner_team_id]);
        const found = owner ? await findOne(tx, user, dossierId, today, true) : ({ ok: false, refusal: 'not-found' } as const);
        if (!found.ok) {
          audit(trail, user, auditAs, dossierId, auditOutcome[found.refusal]);
          return found;
        }
        const row = found.value;
        // Accepting what you accepted already changes nothing: a double click is not a conflict.
        if (action === 'accept' && row.status === 'accepted' && row.contact_user_id === user.id) {
          audit(trail, user, auditAs, dossierId, 'replayed');
          return { ok: true, value: toSummary(row) };
        }
        const transition = handoverTransitions[action];
        if ((body.revision !== undefined && body.revision !== row.revision) || !(transition.from as readonly HandoverStatus[]).includes(row.status)) {
          audit(trail, user, auditAs, dossierId, 'conflict');
          return { ok: false, refusal: 'status-conflict' };
        }
        const dateRefusal = datesRefusal(body, row, today);
        if (dateRefusal) {
          audit(trail, user, auditAs, dossierId, auditOutcome[dateRefusal]);
          return { ok: false, refusal: dateRefusal };
        }
        const details = openJson<Details>(row.details, detailsAd(dossierId), noDetails);
        const sets: string[] = [];
        const params: unknown[] = [dossierId, transition.to, at];
        const set = (column: string, value: unknown, cast = '') => {
          params.push(value);
          sets.push(`${column} = $${params.length}${cast}`);
        };
        const setSealed = (column: string, sealed: Buffer) => {
          params.push(sealed.toString('base64'));
          sets.push(`${column} = decode($${params.length}, 'base64')`);
        };
        let change: { reason?: ReturnReason; plannedAt?: string; decidedOn?: string; sealedNote?: Buffer } = {};
        switch (body.action) {
          case 'accept':
            set('contact_user_id', user.id, '::uuid');
            break;
          case 'return':
            set('return_reason', body.reason);
            details.returnNote = body.note;
            // The worker reads why: the note goes with the change, sealed like the dossier's texts.
            change = { reason: body.reason, ...(body.note ? { sealedNote: cipher.seal(body.note, changeNoteAd(row.case_id, row.latest_version)) } : {}) };
            break;
          case 'plan': {
            const plannedAt = new Date(body.firstConversation.plannedAt).toISOString();
            set('planned_at', plannedAt, '::timestamptz');
            set('decision_by', decisionByAfter(plannedAt), '::date');
            details.firstConversation = body.firstConversation;
            change = { plannedAt };
            break;
          }
          case 'decision':
            set('decided_on', body.decidedOn, '::date');
            details.decisionNote = body.note;
            change = { decidedOn: body.decidedOn };
            break;
          case 'close':
            break;
        }
        setSealed('details', cipher.seal(JSON.stringify(details), detailsAd(dossierId)));
        await tx.query(
          `UPDATE dossiers SET status = $2, revision = revision + 1, updated_at = $3::timestamptz${sets.map((s) => `, ${s}`).join('')} WHERE dossier_id = $1::uuid`,
          params,
        );
        await recordStepTime(tx, dossierId, transition.to, at, body.action === 'return' ? body.reason : undefined);
        await recordChanges(tx, [
          { teamId: row.owner_team_id, entity: 'dossier', caseId: row.case_id, status: transition.to, at: now, version: row.latest_version, ...change },
        ]);
        audit(trail, user, auditAs, dossierId, 'ok');
        const after = await findOne(tx, user, dossierId, today, false);
        if (!after.ok) throw new Error('handover vanished inside its own transaction');
        return { ok: true, value: toSummary(after.value) };
      });
    },
  };
}
