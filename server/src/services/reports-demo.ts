import { randomUUID } from 'node:crypto';
import type { ReturnReason } from '../../../shared/api/changes';
import { returnReasonSchema } from '../../../shared/api/changes';
import type { HouseholdType, SignalEvent } from '../../../shared/api/signal-events';
import { isoWeek } from '../../../shared/domain/iso-week';
import { dutchDateOf, wgsDeadline, wgsDecisionDeadline } from '../../../shared/domain/urgency';
import { addDays } from '../../../shared/domain/working-days';
import { holidays, neighbourhoods, settings, signalCatalogue } from '../../../resources/index';
import type { Db, Queryable } from '../db/database';
import { hashBody } from './idempotency';
import { countSignalEvents } from './reports-record';

/**
 * Made-up report data: signal events and handovers with their whole timeline, for the demo hub (so the team
 * lead's dashboard shows something) and for the reports bench (a million events, a hundred thousand handovers).
 * Deterministic for a seed. Writes straight into the tables, the way the hub's own services leave them.
 */

/** A random pick where earlier items are likelier (weight 1/(i+1)). */
function skewed<T>(rng: () => number, items: readonly T[]): T {
  const weights = items.map((_, i) => 1 / (i + 1));
  let r = rng() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r <= 0) return items[i]!;
  }
  return items[items.length - 1]!;
}

const householdTypes: readonly HouseholdType[] = ['single', 'single-with-children', 'couple-with-children', 'couple', 'other'];
const crisisCounts = (crisisId: string | null) => crisisId !== null && (settings.crisisTypes.find((c) => c.id === crisisId)?.counts ?? false);

/** The `n` ISO weeks up to and including the week of `today`. */
export function weeksBefore(today: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const [y, m, d] = addDays(today, -7 * (n - 1 - i)).split('-').map(Number) as [number, number, number];
    return isoWeek(y, m, d);
  });
}

/** `count` recorded events spread over the weeks and teams, and about 3 % of them retracted by their own team. */
export function makeSignalEvents(rng: () => number, { teamIds, weeks, count }: { teamIds: readonly string[]; weeks: readonly string[]; count: number }): SignalEvent[] {
  const events: SignalEvent[] = [];
  for (let i = 0; i < count; i++) {
    const signal = skewed(rng, signalCatalogue);
    const teamId = teamIds[Math.floor(rng() * teamIds.length)]!;
    const week = weeks[Math.floor(rng() * weeks.length)]!;
    const event: SignalEvent = {
      type: 'recorded',
      eventId: randomUUID(),
      signalId: signal.id,
      domainId: signal.domainId,
      crisis: crisisCounts(signal.crisis),
      postcodeArea: skewed(rng, neighbourhoods).postcodeArea,
      week,
      householdType: skewed(rng, householdTypes),
      teamId,
    };
    events.push(event);
    if (rng() < 0.03) events.push({ type: 'retracted', eventId: randomUUID(), retracts: event.eventId, week, teamId });
  }
  return events;
}

const insertEventsSql = `
INSERT INTO signal_events (event_id, type, team_id, week, signal_id, domain_id, crisis, postcode_area, household_type, retracts, request_hash)
SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::text[], $10::uuid[], $11::text[])`;

/** Stores the events and adds them to the report counts, in chunks, each chunk in one transaction. */
export async function storeSignalEvents(db: Db, events: readonly SignalEvent[], chunk = 5_000): Promise<void> {
  for (let start = 0; start < events.length; start += chunk) {
    const part = events.slice(start, start + chunk);
    const rec = (e: SignalEvent) => (e.type === 'recorded' ? e : null);
    await db.transaction(async (tx) => {
      await tx.query(insertEventsSql, [
        part.map((e) => e.eventId),
        part.map((e) => e.type),
        part.map((e) => e.teamId),
        part.map((e) => e.week),
        part.map((e) => rec(e)?.signalId ?? null),
        part.map((e) => rec(e)?.domainId ?? null),
        part.map((e) => rec(e)?.crisis ?? null),
        part.map((e) => rec(e)?.postcodeArea ?? null),
        part.map((e) => rec(e)?.householdType ?? null),
        part.map((e) => (e.type === 'retracted' ? e.retracts : null)),
        part.map((e) => hashBody(e)),
      ]);
      for (const teamId of new Set(part.map((e) => e.teamId))) {
        await countSignalEvents(tx, db.kind, teamId, part.filter((e) => e.teamId === teamId).map((e) => e.eventId));
      }
    });
  }
}

/** One made-up handover with the times of each step it reached by `now`. */
export interface MadeHandover {
  dossierId: string;
  caseId: string;
  ownerTeamId: string;
  createdBy: string;
  recipientTeamId: string;
  recipientId: string;
  contactUserId: string | null;
  postcodeArea: string;
  basis: 'crisis' | 'regular';
  receivedAt: string;
  countedFrom: string;
  firstConversationBy: string;
  decisionBy: string;
  status: 'received' | 'accepted' | 'returned' | 'first-conversation-planned' | 'decided' | 'closed' | 'withdrawn';
  returnReason: ReturnReason | null;
  /** The date and time of the first conversation (planned). */
  plannedAt: string | null;
  decidedOn: string | null;
  withdrawnAt: string | null;
  steps: { openedAt: string | null; acceptedAt: string | null; returnedAt: string | null; plannedAt: string | null; decidedAt: string | null; closedAt: string | null };
}

const day = 86_400_000;
const terms = { urgentWorkingDays: settings.wgs.urgentWorkingDays, regularWeeks: settings.wgs.regularWeeks };

/** A handover that arrived at `receivedAt`, and went as far as it would have by `now`. */
export function makeHandover(
  rng: () => number,
  at: { receivedAt: Date; now: Date },
  who: { ownerTeamId: string; createdBy: string; recipientTeamId: string; recipientId: string; counsellors: readonly string[] },
  /** Accepted, and then no first conversation is planned: the handover runs past its term. */
  stalled = false,
): MadeHandover {
  const t0 = at.receivedAt.getTime();
  const now = at.now.getTime();
  const basis = rng() < 0.2 ? 'crisis' : 'regular';
  const countedFrom = dutchDateOf(at.receivedAt.toISOString());
  const firstConversationBy = wgsDeadline(countedFrom, basis === 'crisis', holidays, terms);
  const iso = (ms: number | null) => (ms === null || ms > now ? null : new Date(ms).toISOString());
  const opened = t0 + (0.1 + rng() * 3) * day;
  const returns = !stalled && rng() < 0.08;
  const returned = returns ? opened + (0.2 + rng() * 3) * day : null;
  const accepted = returns ? null : opened + (0.1 + rng() * 2.5) * day;
  // Most first conversations are in time; some are late (a crisis after 3 working days, a regular one after 4 weeks).
  const conversation = accepted === null || stalled ? null : Math.max(accepted + 0.3 * day, t0 + (basis === 'crisis' ? 1 + rng() * 5 : 5 + rng() * 36) * day);
  const plannedAct = accepted === null || conversation === null ? null : accepted + rng() * (conversation - accepted);
  const decision = conversation === null ? null : conversation + (7 + rng() * 63) * day;
  const closed = decision === null ? null : decision + (1 + rng() * 30) * day;
  const withdrawn = !stalled && rng() < 0.02 ? t0 + (1 + rng() * 60) * day : null;
  const live = (ms: number | null) => ms !== null && ms <= now && (withdrawn === null || ms < withdrawn);
  const plannedKnown = live(plannedAct);
  const status: MadeHandover['status'] =
    withdrawn !== null && withdrawn <= now ? 'withdrawn'
    : live(returned) ? 'returned'
    : live(closed) ? 'closed'
    : live(decision) ? 'decided'
    : plannedKnown ? 'first-conversation-planned'
    : live(accepted) ? 'accepted'
    : 'received';
  const plannedAt = plannedKnown ? new Date(conversation!).toISOString() : null;
  return {
    dossierId: randomUUID(),
    caseId: randomUUID(),
    ...who,
    contactUserId: live(accepted) ? who.counsellors[Math.floor(rng() * who.counsellors.length)] ?? null : null,
    postcodeArea: skewed(rng, neighbourhoods).postcodeArea,
    basis,
    receivedAt: at.receivedAt.toISOString(),
    countedFrom,
    firstConversationBy,
    decisionBy: wgsDecisionDeadline(plannedAt ? dutchDateOf(plannedAt) : firstConversationBy, holidays, settings.wgs.decisionWeeks),
    status,
    returnReason: live(returned) ? skewed(rng, returnReasonSchema.options) : null,
    plannedAt,
    decidedOn: live(decision) ? dutchDateOf(new Date(decision!).toISOString()) : null,
    withdrawnAt: status === 'withdrawn' ? new Date(withdrawn!).toISOString() : null,
    steps: {
      openedAt: live(opened) ? iso(opened) : null,
      acceptedAt: live(accepted) ? iso(accepted) : null,
      returnedAt: live(returned) ? iso(returned) : null,
      plannedAt: plannedKnown ? iso(plannedAct) : null,
      decidedAt: live(decision) ? iso(decision) : null,
      closedAt: live(closed) ? iso(closed) : null,
    },
  };
}

/**
 * Stores made-up handovers: their cases, dossier rows and step times, in chunks. The dossiers carry no body and no
 * sealed text (as after the retention purge), so use it only for handovers no counsellor will open (bench, or
 * handovers that are closed or returned in the demo).
 */
export async function storeHandovers(db: Db, handovers: readonly MadeHandover[], chunk = 5_000): Promise<void> {
  for (let start = 0; start < handovers.length; start += chunk) {
    const part = handovers.slice(start, start + chunk);
    const col = <T>(f: (h: MadeHandover) => T) => part.map(f);
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO cases (case_id, team_id, created_by, postcode_area, adults, children, opened_on, received_at)
         SELECT case_id, team_id, created_by, postcode_area, 1, 1, (received_at AT TIME ZONE 'Europe/Amsterdam')::date, received_at
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[]) AS t(case_id, team_id, created_by, postcode_area, received_at)`,
        [col((h) => h.caseId), col((h) => h.ownerTeamId), col((h) => h.createdBy), col((h) => h.postcodeArea), col((h) => h.receivedAt)],
      );
      await insertDossierRows(tx, part);
    });
  }
}

async function insertDossierRows(tx: Queryable, part: readonly MadeHandover[]): Promise<void> {
  const col = <T>(f: (h: MadeHandover) => T) => part.map(f);
  await tx.query(
    `INSERT INTO dossiers (dossier_id, case_id, owner_team_id, recipient_id, recipient_team_id, status, revision, latest_version, consent_id,
       consent_valid_until, deadline_basis, counted_from, first_conversation_by, decision_by, contact_user_id, return_reason, planned_at,
       decided_on, received_at, updated_at, withdrawn_at)
     SELECT dossier_id, case_id, owner_team_id, recipient_id, recipient_team_id, status, 1, 1, gen_random_uuid(),
       counted_from + 365, basis, counted_from, first_by, decision_by, contact_user_id, return_reason, planned_at,
       decided_on, received_at, COALESCE(withdrawn_at, received_at), withdrawn_at
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::date[], $9::date[], $10::date[],
       $11::uuid[], $12::text[], $13::timestamptz[], $14::date[], $15::timestamptz[], $16::timestamptz[])
       AS t(dossier_id, case_id, owner_team_id, recipient_id, recipient_team_id, status, basis, counted_from, first_by, decision_by,
         contact_user_id, return_reason, planned_at, decided_on, received_at, withdrawn_at)`,
    [
      col((h) => h.dossierId),
      col((h) => h.caseId),
      col((h) => h.ownerTeamId),
      col((h) => h.recipientId),
      col((h) => h.recipientTeamId),
      col((h) => h.status),
      col((h) => h.basis),
      col((h) => h.countedFrom),
      col((h) => h.firstConversationBy),
      col((h) => h.decisionBy),
      col((h) => h.contactUserId),
      col((h) => h.returnReason),
      col((h) => h.plannedAt),
      col((h) => h.decidedOn),
      col((h) => h.receivedAt),
      col((h) => h.withdrawnAt),
    ],
  );
  await tx.query(
    `INSERT INTO handover_step_times (dossier_id, opened_at, accepted_at, returned_at, return_reason, planned_at, decided_at, closed_at)
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[])`,
    [
      col((h) => h.dossierId),
      col((h) => h.steps.openedAt),
      col((h) => h.steps.acceptedAt),
      col((h) => h.steps.returnedAt),
      col((h) => h.returnReason),
      col((h) => h.steps.plannedAt),
      col((h) => h.steps.decidedAt),
      col((h) => h.steps.closedAt),
    ],
  );
}
