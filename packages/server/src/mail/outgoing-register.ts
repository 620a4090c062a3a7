import {
  changeOutgoingStatus,
  type MailParty,
  type OutgoingChannel,
  type OutgoingMailInput,
  type OutgoingMailStatus,
} from '@pivot/core/mail';
import type { Kysely } from 'kysely';
import { auditFrom } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { assertReferences } from '../db/references.ts';
import type { Database } from '../db/schema.ts';
import { updateVersioned } from '../db/versioned-update.ts';
import type { Actor } from '../http/request-context.ts';
import { assertPatient, linkedPatients, outgoingFromRow, registerRow } from './mail-service.ts';
import { insertOutgoing, loadOutgoing, outgoingRegister } from './repository.ts';

/** The outgoing mail register, newest first, each row with its linked patient (traced). */
export async function outgoingMailList(db: Db, actor: Actor) {
  return db.kysely.transaction().execute(async (tx) => {
    const rows = await outgoingRegister(tx, actor.organizationId);
    const patients = await linkedPatients(
      tx,
      actor,
      rows.map((r) => r.patient_id),
      'outgoing',
    );
    return rows.map((row) => registerRow(outgoingFromRow(row), patients));
  });
}

export async function registerOutgoing(db: Db, actor: Actor, input: OutgoingMailInput) {
  const row = await db.kysely.transaction().execute(async (tx) => {
    await assertPatient(tx, actor.organizationId, input.patientId);
    if (input.recipient.kind === 'directory') {
      await assertReferences(
        tx,
        actor.organizationId,
        'correspondents',
        [input.recipient.correspondentId],
        'recipient.correspondentId',
      );
    }
    const created = await insertOutgoing(tx, actor.organizationId, {
      patient_id: input.patientId,
      recipient: JSON.stringify(input.recipient),
      channel: input.channel,
      subject: input.subject,
      document_id: input.documentId,
      tracking_number: input.trackingNumber,
      created_by: actor.userId,
    });
    await auditFrom(actor)(tx, {
      action: 'create',
      entity: 'outgoing_mail',
      entityId: created.id,
      patientId: input.patientId,
    });
    return created;
  });
  return outgoingFromRow(row);
}

/**
 * A paper sending of a document enters the outgoing register inside the caller's transaction
 * (the caller's audit entry covers it).
 */
export async function registerDocumentSentByPostIn(
  tx: Kysely<Database>,
  organizationId: string,
  sending: {
    patientId: string;
    recipient: MailParty;
    channel: OutgoingChannel;
    subject: string;
    documentId: string;
    createdBy: string;
  },
) {
  await insertOutgoing(tx, organizationId, {
    patient_id: sending.patientId,
    recipient: JSON.stringify(sending.recipient),
    channel: sending.channel,
    subject: sending.subject,
    document_id: sending.documentId,
    tracking_number: null,
    created_by: sending.createdBy,
  });
}

/** Marks an outgoing mail sent, returned or to send again (a tracking number may come with it). */
export async function changeOutgoing(
  db: Db,
  actor: Actor,
  id: string,
  body: { version: number; status: OutgoingMailStatus; on: string; trackingNumber?: string | undefined },
) {
  return db.kysely.transaction().execute(async (tx) => {
    const row = await loadOutgoing(tx, actor.organizationId, id);
    const current = outgoingFromRow(row);
    const withTracking = body.trackingNumber ? { ...current, trackingNumber: body.trackingNumber } : current;
    const next = changeOutgoingStatus(withTracking, body.status, body.on);
    await updateVersioned(
      tx,
      'outgoing_mail',
      { organizationId: actor.organizationId, id: row.id, version: body.version },
      { status: next.status, sent_on: next.sentOn, tracking_number: next.trackingNumber },
    );
    await auditFrom(actor)(tx, {
      action: 'update',
      entity: 'outgoing_mail',
      entityId: row.id,
      patientId: row.patient_id,
      details: { status: next.status },
    });
    return outgoingFromRow(await loadOutgoing(tx, actor.organizationId, row.id));
  });
}
