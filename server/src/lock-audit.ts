import { z } from 'zod';
import { lockAuditTables } from './db/audit-owner';
import { createPgDb } from './db/database';

/**
 * `npm run hub:lock-audit`: run once by an administrator after the hub's first start (and after an upgrade),
 * with an administrator's DATABASE_URL. See README "Audit log on PostgreSQL".
 */
const env = z
  .object({
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    KEUKENTAFEL_HUB_ROLE: z.string().min(1),
    KEUKENTAFEL_AUDIT_OWNER: z.string().min(1).default('keukentafel_audit'),
  })
  .safeParse(process.env);

if (!env.success) {
  console.error(`Set DATABASE_URL (an administrator's), KEUKENTAFEL_HUB_ROLE and optionally KEUKENTAFEL_AUDIT_OWNER:\n${env.error.message}`);
  process.exit(1);
}
const { DATABASE_URL, KEUKENTAFEL_HUB_ROLE, KEUKENTAFEL_AUDIT_OWNER } = env.data;
const db = createPgDb({ connectionString: DATABASE_URL, max: 1 });
try {
  await lockAuditTables(db, { owner: KEUKENTAFEL_AUDIT_OWNER, hub: KEUKENTAFEL_HUB_ROLE });
  console.log(`audit_log and signal_events now belong to ${KEUKENTAFEL_AUDIT_OWNER}; ${KEUKENTAFEL_HUB_ROLE} may only INSERT and SELECT them.`);
} finally {
  await db.close();
}
