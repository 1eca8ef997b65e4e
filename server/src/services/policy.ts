import type { Role, User } from '../../../shared/api/auth';

/**
 * Who may do what on which team's records: the one place that decides it. Routes ask `rolesFor` (through
 * requirePermission) before anything else; services ask `teamScope` for the SQL filter and `mayActOn` for a
 * record named in a body. No route or statement decides team access on its own.
 */

/**
 * How far a grant reaches:
 * - own-team: records owned by the caller's team (a worker's cases, signal events).
 * - recipient-team: records sent to the caller's team (a counsellor reads the dossiers handed over to them).
 * - aggregate: only counts, never a single record (a team lead's reports): over every team of the hub, small
 *   counts hidden (shared/reports/suppression.ts); the overdue list and per-worker workload only of the caller's team.
 * - self: the caller's own account.
 */
export type Reach = 'own-team' | 'recipient-team' | 'aggregate' | 'self';

interface Grant {
  roles: readonly Role[];
  reach: Reach;
}

export const grants = {
  'session.read': { roles: ['worker', 'counsellor', 'teamlead'], reach: 'self' },
  'session.end': { roles: ['worker', 'counsellor', 'teamlead'], reach: 'self' },
  // Any user registers the device they signed in on; only the team lead of its team lists or revokes it.
  'device.register': { roles: ['worker', 'counsellor', 'teamlead'], reach: 'self' },
  'device.list': { roles: ['teamlead'], reach: 'own-team' },
  'device.revoke': { roles: ['teamlead'], reach: 'own-team' },
  // No admin role: a team lead manages the accounts of their own team, and never their own (see user.disable).
  'user.list': { roles: ['teamlead'], reach: 'own-team' },
  'user.disable': { roles: ['teamlead'], reach: 'own-team' },
  'case.create': { roles: ['worker'], reach: 'own-team' },
  // Team leads still see the case list (no personal data in it); it goes to aggregate once the reports exist.
  'case.list': { roles: ['worker', 'teamlead'], reach: 'own-team' },
  'changes.read': { roles: ['worker'], reach: 'own-team' },
  'signal-event.create': { roles: ['worker'], reach: 'own-team' },
  // For the handover that comes next: the rules are here so its routes only have to name them.
  'dossier.write': { roles: ['worker'], reach: 'own-team' },
  'dossier.read': { roles: ['counsellor'], reach: 'recipient-team' },
  'handover.status': { roles: ['counsellor'], reach: 'recipient-team' },
  'report.read': { roles: ['teamlead'], reach: 'aggregate' },
} as const satisfies Record<string, Grant>;

export type Action = keyof typeof grants;

/** The roles that may attempt an action at all; the route refuses the rest with 403 before reading the body. */
export const rolesFor = (action: Action): Role[] => [...grants[action].roles];

export const allows = (user: User, action: Action): boolean => (grants[action].roles as readonly Role[]).includes(user.role);

/** A record as the policy sees it: the team that owns it and, once handed over, the team it was sent to. */
export interface RecordTeams {
  teamId: string;
  recipientTeamId?: string | null;
}

/** May this user do this action on this one record? Aggregate grants never reach a single record. */
export function mayActOn(user: User, action: Action, record: RecordTeams): boolean {
  if (!allows(user, action)) return false;
  const { reach } = grants[action];
  if (reach === 'own-team') return record.teamId.toLowerCase() === user.teamId.toLowerCase();
  if (reach === 'recipient-team') return record.recipientTeamId?.toLowerCase() === user.teamId.toLowerCase();
  return false;
}

/** Which column of a table holds which team: the owner always, the recipient where the table has one. */
export interface TeamColumns {
  owner: string;
  recipient?: string;
}

/**
 * The SQL condition that limits a query to the records this user may see for this action, with its one
 * parameter numbered `param`. Throws when the user has no such grant, or the table lacks the column the grant needs.
 */
export function teamScope(user: User, action: Action, columns: TeamColumns, param: number): { sql: string; params: [string] } {
  if (!allows(user, action)) throw new Error(`${user.role} may not ${action}`);
  const { reach } = grants[action];
  if (reach === 'own-team' || reach === 'aggregate') return { sql: `${columns.owner} = $${param}::uuid`, params: [user.teamId] };
  if (reach === 'recipient-team' && columns.recipient) return { sql: `${columns.recipient} = $${param}::uuid`, params: [user.teamId] };
  throw new Error(`${action} reaches ${reach}, which this table cannot express`);
}
