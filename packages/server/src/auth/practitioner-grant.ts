import { DomainError } from '@pivot/core';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Database } from '../db/schema.ts';
import { queueEmail } from '../documents/index.ts';
import type { Actor } from '../http/request-context.ts';
import { otherActiveAdmins, rppsHolder } from './repository.ts';

const messages = {
  fr: {
    subject: 'Pivot : un compte a reçu le rôle praticien',
    body: (by: string, name: string, email: string, rpps: string) =>
      `${by} a donné le rôle praticien au compte « ${name} » (${email}, RPPS ${rpps}).\n\n` +
      'Ce rôle ouvre les notes réservées au praticien de tous les dossiers. Si ce changement ' +
      'n’était pas prévu, désactivez le compte et consultez le journal d’audit.',
  },
  en: {
    subject: 'Pivot: an account was given the practitioner role',
    body: (by: string, name: string, email: string, rpps: string) =>
      `${by} gave the practitioner role to the account “${name}” (${email}, RPPS ${rpps}).\n\n` +
      'This role opens the practitioner-only notes of every record. If this change was not ' +
      'expected, deactivate the account and look at the audit log.',
  },
};

/**
 * A practitioner account reads practitioner-only notes: granting it is traced in the audit log and
 * e-mailed, through the outbox, to every other active administrator, so one administrator cannot
 * give themselves or an accomplice that access unseen (four-eyes principle).
 */
export async function recordPractitionerGrant(
  tx: Kysely<Database>,
  actor: Actor,
  account: { id: string; displayName: string; email: string; rpps: string },
  previousRole: string | null,
): Promise<void> {
  const admins = await otherActiveAdmins(tx, actor.organizationId, actor.userId);
  for (const admin of admins) {
    const text = messages[admin.language === 'en' ? 'en' : 'fr'];
    await queueEmail(tx, actor.organizationId, {
      patientId: null,
      recipient: admin.email,
      subject: text.subject,
      body: text.body(actor.displayName, account.displayName, account.email, account.rpps),
    });
  }
  await auditFrom(actor)(tx, {
    action: 'grant_practitioner',
    entity: 'user',
    entityId: account.id,
    details: { previousRole, rppsChecked: true, administratorsNotified: admins.length },
  });
}

/**
 * One RPPS, one account: an account cannot borrow the number of a practitioner who already has
 * theirs, which would make a false practitioner look checked.
 */
export async function assertRppsFree(
  tx: Kysely<Database>,
  organizationId: string,
  rpps: string | null | undefined,
  exceptUserId: string | null,
): Promise<void> {
  if (!rpps) return;
  if (await rppsHolder(tx, organizationId, rpps, exceptUserId))
    throw new DomainError('rpps_taken', { field: 'rpps' });
}
