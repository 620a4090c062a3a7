import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '@pivot/core';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { auditOfPatientsFrom } from '../audit/index.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { privateDirectoryMode, privateFileMode } from '../files/private-files.ts';
import type { FileStorage } from '../files/storage.ts';
import type { Actor } from '../http/request-context.ts';
import {
  claimOutboxMessage,
  dueOutboxMessages,
  listOutboxMessages,
  markOutboxMessageRefused,
  markOutboxMessageSent,
  retryOutboxMessage,
} from './document-repository.ts';

export interface OutgoingMessage {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attachment: { name: string; content: Buffer } | null;
}

/** A channel that hands a message over to the outside world, or throws with the reason. */
export interface MessageTransport {
  send(message: OutgoingMessage): Promise<void>;
}

/** E-mail through a real SMTP relay (nodemailer). */
export function smtpTransport(smtp: { host: string; port: number; from: string }): MessageTransport {
  const transporter = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: false,
    ignoreTLS: smtp.host === '127.0.0.1' || smtp.host === 'localhost',
    connectionTimeout: 10_000,
  });
  return {
    async send(message) {
      await transporter.sendMail({
        from: smtp.from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
        attachments: message.attachment
          ? [{ filename: message.attachment.name, content: message.attachment.content }]
          : [],
      });
    },
  };
}

/**
 * Secure health messaging (MSSanté): a deployment plugs in its certified operator's client behind
 * this interface. Without one, messages are deposited as files for the operator's connector to pick up.
 */
export function fileDropSecureMessaging(dir: string): MessageTransport {
  return {
    async send(message) {
      const folder = join(dir, message.id);
      await mkdir(folder, { recursive: true, mode: privateDirectoryMode });
      await writeFile(
        join(folder, 'message.json'),
        JSON.stringify({ to: message.recipient, subject: message.subject, body: message.body }),
        { mode: privateFileMode },
      );
      if (message.attachment)
        await writeFile(join(folder, message.attachment.name), message.attachment.content, {
          mode: privateFileMode,
        });
    },
  };
}

export interface OutboxTransports {
  email: MessageTransport | null;
  secure_messaging: MessageTransport;
}

export function transportsFor(config: Config): OutboxTransports {
  return {
    email: config.smtp ? smtpTransport(config.smtp) : null,
    secure_messaging: fileDropSecureMessaging(join(config.dataDir, 'secure-messaging-outbox')),
  };
}

export const maxAttempts = 5;

/** Retry delay after a failure: 1, 2, 4, 8 minutes. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

/**
 * Sends the messages that are due, one by one; a refusal keeps the message with its error and
 * schedules a retry, until `maxAttempts` when it stays `failed` for a user to look at.
 */
export async function processOutbox(
  db: Kysely<Database>,
  storage: FileStorage,
  transports: OutboxTransports,
  now = new Date(),
): Promise<{ sent: number; failed: number }> {
  const due = await dueOutboxMessages(db, now);
  let sent = 0;
  let failed = 0;
  for (const row of due) {
    // Claimed first, so that two servers never send the same message.
    if (!(await claimOutboxMessage(db, row.id))) continue;
    const transport = transports[row.channel];
    try {
      if (!transport) throw new Error('SMTP non configuré (PIVOT_SMTP_HOST)');
      const attachment =
        row.attachment_key && row.attachment_name
          ? { name: row.attachment_name, content: await storage.get(row.attachment_key) }
          : null;
      await transport.send({
        id: row.id,
        recipient: row.recipient,
        subject: row.subject,
        body: row.body,
        attachment,
      });
      await markOutboxMessageSent(db, row.id, row.attempts + 1);
      sent++;
    } catch (error) {
      const attempts = row.attempts + 1;
      await markOutboxMessageRefused(db, row.id, {
        status: attempts >= maxAttempts ? 'failed' : 'pending',
        attempts,
        lastError: String((error as Error).message ?? error).slice(0, 1000),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      });
      failed++;
    }
  }
  return { sent, failed };
}

/** The messages leaving the system and their state; their subjects name patients: traced. */
export async function outboxMessages(db: Kysely<Database>, actor: Actor) {
  return db.transaction().execute(async (tx) => {
    const rows = await listOutboxMessages(tx, actor.organizationId);
    await auditOfPatientsFrom(actor)(
      tx,
      { action: 'read', entity: 'outbox', details: { count: rows.length } },
      rows.map((r) => r.patient_id),
    );
    return rows.map(({ patient_id: _patient, ...message }) => message);
  });
}

/** Puts a pending or failed message back at the head of the queue. */
export async function retryMessage(db: Kysely<Database>, actor: Actor, id: string) {
  if (!(await retryOutboxMessage(db, actor.organizationId, id))) throw new DomainError('not_found');
  return { ok: true };
}
