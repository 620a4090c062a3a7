import type { NoticeContent } from '@pivot/core/agenda';
import nodemailer from 'nodemailer';
import type { Db } from '../db/connection.ts';
import {
  claimDueNotice,
  markNoticeAttemptFailed,
  markNoticeNoProvider,
  markNoticeSent,
} from './notice-repository.ts';
import type { NoticeAttachment } from './tables.ts';

/** What an e-mail transport needs; nodemailer's SMTP transport in production, any fake in tests. */
export interface Mailer {
  send(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    attachments: NoticeAttachment[];
  }): Promise<void>;
}

/**
 * SMS provider adapter (an HTTP API of the operator chosen by the deployment). Without one, SMS
 * rows stay in the outbox with status 'no_provider', visible to users and sendable later.
 */
export interface SmsProvider {
  send(message: { to: string; text: string }): Promise<void>;
}

export interface OutboxTransports {
  mailer: Mailer | null;
  sms: SmsProvider | null;
  from: string;
  /** After this many failed attempts a notice is marked failed and no longer retried. */
  maxAttempts?: number;
  /** Delay before the next attempt grows with each failure. */
  retryDelayMs?: (attempts: number) => number;
}

export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: message.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
          ...(a.encoding ? { encoding: a.encoding } : {}),
        })),
      });
    },
  };
}

/** A generic HTTP SMS gateway: POST {to, text} as JSON with a bearer token. */
export function httpSmsProvider(url: string, token: string): SmsProvider {
  return {
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(message),
      });
      if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
    },
  };
}

/**
 * Transports configured by the environment: the same SMTP relay as documents (PIVOT_SMTP_HOST,
 * PIVOT_SMTP_PORT, PIVOT_SMTP_FROM, or a full PIVOT_SMTP_URL), and PIVOT_SMS_URL + PIVOT_SMS_TOKEN.
 */
export function transportsFromEnv(env: NodeJS.ProcessEnv = process.env): OutboxTransports {
  const smtpUrl =
    env.PIVOT_SMTP_URL ??
    (env.PIVOT_SMTP_HOST ? `smtp://${env.PIVOT_SMTP_HOST}:${env.PIVOT_SMTP_PORT ?? 25}` : undefined);
  return {
    mailer: smtpUrl ? smtpMailer(smtpUrl) : null,
    sms: env.PIVOT_SMS_URL ? httpSmsProvider(env.PIVOT_SMS_URL, env.PIVOT_SMS_TOKEN ?? '') : null,
    from: env.PIVOT_SMTP_FROM ?? env.PIVOT_MAIL_FROM ?? 'Pivot <no-reply@pivot.local>',
  };
}

export function noticeEmailText(notice: NoticeContent): { subject: string; body: string } {
  const fr = notice.language === 'fr';
  const subjects = {
    confirmation: fr ? 'Confirmation de votre rendez-vous' : 'Your appointment is confirmed',
    reminder: fr ? 'Rappel de votre rendez-vous' : 'Appointment reminder',
    cancellation: fr ? 'Annulation de votre rendez-vous' : 'Your appointment is cancelled',
    rebooking_proposal: fr ? 'Proposition d’un nouveau rendez-vous' : 'A new appointment is proposed',
  } as const;
  const lines = [
    fr
      ? `Rendez-vous le ${notice.dateText} à ${notice.timeText} avec ${notice.practitionerName}.`
      : `Appointment on ${notice.dateText} at ${notice.timeText} with ${notice.practitionerName}.`,
    `${fr ? 'Motif' : 'Reason'} : ${notice.motif}`,
    `${fr ? 'Lieu' : 'Place'} : ${notice.location}`,
  ];
  if (notice.kind !== 'cancellation') {
    if (notice.preparationInstructions)
      lines.push('', fr ? 'Préparation :' : 'Preparation:', notice.preparationInstructions);
    if (notice.documentsToBring.length > 0)
      lines.push(
        '',
        fr ? 'Documents à apporter :' : 'Documents to bring:',
        ...notice.documentsToBring.map((d) => `- ${d}`),
      );
  }
  if (notice.sitePhone)
    lines.push(
      '',
      fr ? `Empêché(e) ? Appelez le ${notice.sitePhone}.` : `Cannot come? Call ${notice.sitePhone}.`,
    );
  return { subject: subjects[notice.kind], body: lines.join('\n') };
}

const defaultRetryDelay = (attempts: number) => Math.min(60, 2 ** attempts) * 60_000;

/**
 * Sends the notices that are due, one by one, and records each outcome. A row is claimed with
 * FOR UPDATE SKIP LOCKED so several servers can run the worker side by side.
 */
export async function sendDueNotices(db: Db, transports: OutboxTransports, now = Date.now(), limit = 50) {
  const maxAttempts = transports.maxAttempts ?? 5;
  const retryDelay = transports.retryDelayMs ?? defaultRetryDelay;
  const counts = { sent: 0, failed: 0, retried: 0, noProvider: 0 };
  // A notice is tried at most once per run, whatever its retry delay.
  const tried: string[] = [];
  for (let i = 0; i < limit; i++) {
    const done = await db.kysely.transaction().execute(async (tx) => {
      const notice = await claimDueNotice(tx, now, tried);
      if (!notice) return false;
      tried.push(notice.id);
      const transport = notice.channel === 'email' ? transports.mailer : transports.sms;
      if (!transport) {
        await markNoticeNoProvider(tx, notice.id);
        counts.noProvider++;
        return true;
      }
      try {
        if (notice.channel === 'email')
          await transports.mailer!.send({
            from: transports.from,
            to: notice.recipient,
            subject: notice.subject,
            text: notice.body,
            attachments: notice.attachments,
          });
        else await transports.sms!.send({ to: notice.recipient, text: notice.body });
        await markNoticeSent(tx, notice.id, notice.attempts + 1, new Date(now));
        counts.sent++;
      } catch (error) {
        const attempts = notice.attempts + 1;
        const giveUp = attempts >= maxAttempts;
        await markNoticeAttemptFailed(tx, notice.id, {
          status: giveUp ? 'failed' : 'pending',
          attempts,
          last_error: String((error as Error).message ?? error).slice(0, 500),
          send_after: new Date(now + retryDelay(attempts)),
        });
        if (giveUp) counts.failed++;
        else counts.retried++;
      }
      return true;
    });
    if (!done) break;
  }
  return counts;
}
