import type { Db } from './database';

/** A PostgreSQL role name we are willing to put into SQL unquoted. */
const roleName = /^[a-z_][a-z0-9_]{0,62}$/;

export interface AuditOwnerRoles {
  /** The role that owns the append-only tables; nobody needs to log in as it. */
  owner: string;
  /** The role the hub connects as (DATABASE_URL): it keeps INSERT and SELECT on them, nothing more. */
  hub: string;
}

/** The append-only tables and the trigger functions that guard them. */
const appendOnly = { tables: ['audit_log', 'signal_events'], functions: ['audit_log_append_only()', 'append_only()'] } as const;

/**
 * The statements that take the audit log (and the signal events, append-only too) away from the hub's role, on
 * PostgreSQL: a separate owner holds the tables and their trigger functions, and the hub's role may only INSERT
 * and SELECT. Without ownership the hub cannot ALTER, DISABLE TRIGGER, DROP, UPDATE, DELETE or TRUNCATE, nor
 * replace the trigger function with one that lets a DELETE through. Run by an administrator (a superuser, or a
 * member of both roles) after the hub's migrations, in the hub's schema; running it again changes nothing.
 */
export function auditOwnerStatements({ owner, hub }: AuditOwnerRoles): string[] {
  for (const r of [owner, hub]) if (!roleName.test(r)) throw new Error(`not a plain role name: ${r}`);
  if (owner === hub) throw new Error('the owner role must not be the hub role');
  return [
    ...appendOnly.tables.flatMap((t) => [
      `ALTER TABLE ${t} OWNER TO ${owner}`,
      `REVOKE ALL ON ${t} FROM ${hub}`,
      `GRANT SELECT, INSERT ON ${t} TO ${hub}`,
    ]),
    // The bigserial id of audit_log: its sequence moved with the table; the hub needs it to insert.
    `GRANT USAGE ON SEQUENCE audit_log_id_seq TO ${hub}`,
    ...appendOnly.functions.map((f) => `ALTER FUNCTION ${f} OWNER TO ${owner}`),
  ];
}

/** Applies auditOwnerStatements in one transaction on an administrator's connection. */
export async function lockAuditTables(admin: Db, roles: AuditOwnerRoles): Promise<void> {
  if (admin.kind !== 'postgres') throw new Error('PGlite has one superuser role: the audit log can only be locked on PostgreSQL');
  await admin.transaction(async (tx) => {
    for (const statement of auditOwnerStatements(roles)) await tx.exec(statement);
  });
}
