import {
  type ClassificationPlan,
  defaultClassificationPlan,
  validateClassificationPlan,
} from '@pivot/core/records';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Actor } from '../http/request-context.ts';
import { classificationPlanRows, replaceClassificationPlanRows } from './repository.ts';

/** The organization's classification plan, or the default plan until an administrator adapts it. */
export async function classificationPlan(
  tx: Kysely<Database>,
  organizationId: string,
): Promise<ClassificationPlan> {
  const rows = await classificationPlanRows(tx, organizationId);
  if (rows.length === 0) return defaultClassificationPlan;
  return rows.map((r) => ({
    code: r.code,
    labels: { fr: r.label_fr, en: r.label_en },
    parentCode: r.parent_code,
    active: r.active,
  }));
}

/** The categories still offered for filing. */
export async function activeClassificationPlan(db: Db, actor: Actor) {
  return (await classificationPlan(db.kysely, actor.organizationId)).filter((c) => c.active);
}

/** Replaces the plan; retired categories stay (inactive) for the items filed under them. */
export async function replaceClassificationPlan<Plan extends ClassificationPlan>(
  db: Db,
  actor: Actor,
  plan: Plan,
): Promise<Plan> {
  validateClassificationPlan(plan);
  await db.kysely.transaction().execute(async (tx) => {
    await replaceClassificationPlanRows(tx, actor.organizationId, plan);
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'classification_plan',
      details: { categories: plan.length },
    });
  });
  return plan;
}
