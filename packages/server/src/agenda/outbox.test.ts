import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrganization, createTestApp, type TestApp } from '../testing/test-app.ts';
import { type SmsProvider, sendDueNotices, smtpMailer } from './outbox.ts';

let t: TestApp;
let organizationId: string;
let smtp: SMTPServer;
let port: number;
const received: { to: string[]; data: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  organizationId = (await anOrganization().create(t.db)).id;
  // A real SMTP server process on a random port: the client speaks the actual protocol to it.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('reject')) return callback(new Error('mailbox unavailable'));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t.close();
});

async function notice(fields: Record<string, unknown>) {
  return t.db.kysely
    .insertInto('notices')
    .values({
      organization_id: organizationId,
      channel: 'email',
      kind: 'invitation',
      recipient: 'x@example.fr',
      subject: 'Sujet',
      body: 'Corps',
      attachments: '[]',
      // A second in the past: the database clock has microseconds, Date.now() only milliseconds.
      send_after: new Date(Date.now() - 1000),
      ...fields,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}
const statusOf = (id: string) =>
  t.db.kysely.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('notices outbox', () => {
  it('sends a due e-mail with its .ics attachment through SMTP and marks it sent', async () => {
    const { id } = await notice({
      recipient: 'dr.a@example.fr',
      subject: 'Invitation : Staff',
      attachments: JSON.stringify([
        {
          filename: 'invitation.ics',
          contentType: 'text/calendar; method=REQUEST',
          content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
        },
      ]),
    });
    const counts = await sendDueNotices(t.db, {
      mailer: smtpMailer(`smtp://127.0.0.1:${port}`),
      sms: null,
      from: 'Pivot <no-reply@pivot.test>',
    });
    expect(counts).toMatchObject({ sent: 1, failed: 0 });
    expect(await statusOf(id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(['dr.a@example.fr']);
    expect(received[0]!.data).toContain('Subject: Invitation : Staff');
    expect(received[0]!.data).toContain('filename=invitation.ics');
  });

  it('does not send a notice before its time', async () => {
    const { id } = await notice({ send_after: new Date(Date.now() + 3_600_000) });
    await sendDueNotices(t.db, {
      mailer: smtpMailer(`smtp://127.0.0.1:${port}`),
      sms: null,
      from: 'p@pivot.test',
    });
    expect((await statusOf(id)).status).toBe('pending');
    await t.db.kysely.deleteFrom('notices').where('id', '=', id).execute();
  });

  it('retries a refused e-mail, keeps the error, and marks it failed after the last attempt', async () => {
    const { id } = await notice({ recipient: 'reject@example.fr' });
    const transports = {
      mailer: smtpMailer(`smtp://127.0.0.1:${port}`),
      sms: null,
      from: 'p@pivot.test',
      maxAttempts: 2,
      retryDelayMs: () => 0,
    };
    await sendDueNotices(t.db, transports);
    const first = await statusOf(id);
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.last_error).toMatch(/mailbox unavailable/);
    await sendDueNotices(t.db, transports);
    expect(await statusOf(id)).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('keeps SMS in the outbox with status no_provider when no provider is configured, and sends through one when there is', async () => {
    const { id } = await notice({ channel: 'sms', recipient: '+33612345678', body: 'Rappel' });
    await sendDueNotices(t.db, { mailer: null, sms: null, from: 'p@pivot.test' });
    expect((await statusOf(id)).status).toBe('no_provider');
    const sent: { to: string; text: string }[] = [];
    const provider: SmsProvider = { send: async (m) => void sent.push(m) };
    const second = await notice({ channel: 'sms', recipient: '+33612345679', body: 'Rappel 2' });
    await sendDueNotices(t.db, { mailer: null, sms: provider, from: 'p@pivot.test' });
    expect((await statusOf(second.id)).status).toBe('sent');
    expect(sent).toEqual([{ to: '+33612345679', text: 'Rappel 2' }]);
  });
});
