// Issue 16 (M10) with issue 18: a reply's mail quotes the thread when it is sent, by the reply's id in
// the outbox row, through the real sender and nodemailer (a stream transport: the message as it would
// go over SMTP, parsed back).
import 'reflect-metadata';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { createLogger } from '../../logger';
import { queryAs } from '../../testing/database';
import { testKeyring } from '../../testing/env';
import { ormDatabaseFixture } from '../../testing/migrations-fixture';
import { sendOutboxMessage } from '../mail/mail.sender';
import { requesterReplySql } from './ticket-mail.sql';

// A clone of the run's demo template, and the owner's ORM (the sender's system path).
const fixture = ormDatabaseFixture({ demo: true });
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryAs<T>(fixture.db.superuserUrl, text, params);

describe("a reply's mail", () => {
  it('M10: quotes the public messages before the reply as they are when it is sent, and the outbox keeps no copy of them', async () => {
    const [ticket] = await sql<{ id: string; tenant_id: string }>(
      `select t.id, t.tenant_id from support_tickets t join contacts c on c.id = t.contact_id
        where c.email is not null and c.erased_at is null order by t.number limit 1`,
    );
    const message = async (body: string, minutesAgo: number, internal = false) =>
      (
        await sql<{ id: string }>(
          `insert into ticket_messages (id, tenant_id, ticket_id, author_name, body, internal, password_hints,
              created_at, updated_at)
           values (gen_random_uuid(), $1, $2, 'Kund', $3, $4, '[]', now() - make_interval(mins => $5),
              now() - make_interval(mins => $5))
           returning id`,
          [ticket.tenant_id, ticket.id, body, internal, minutesAgo],
        )
      )[0].id;
    const earlier = await message('Sidan visar fel 500 sedan i morse.', 30);
    await message('Intern anteckning: kolla loggarna.', 20, true);
    const reply = await message('Vi har startat om servern, prova nu.', 10);
    const [queued] = await sql<{ id: string; payload: Record<string, unknown> }>(
      `with written as (select * from ticket_messages where id = $1) ${requesterReplySql('written')}
       returning id, payload`,
      [reply],
    );
    // The row names the reply; the thread is not copied into it.
    expect(queued.payload.messageId).toBe(reply);
    expect(queued.payload).not.toHaveProperty('quoted');
    expect(queued.payload.body).toBe('Vi har startat om servern, prova nu.');

    // Before it is sent: the customer answers (after the reply: not quoted), and the earlier message is
    // redacted (quoted as it is now, not as it was when the reply was written).
    await message('Nu fungerar det, tack!', 5);
    await sql(`update ticket_messages set body = 'Sidan visar fel [maskerat] sedan i morse.' where id = $1`, [earlier]);

    const transport = createTransport({ streamTransport: true, buffer: true });
    const sent: Buffer[] = [];
    const sendMail = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: Parameters<typeof sendMail>[0]) => {
      const info = await sendMail(mail);
      sent.push(info.message as Buffer);
      return info;
    }) as typeof transport.sendMail;
    const outcome = await sendOutboxMessage(
      fixture.orm.em,
      transport,
      'no-reply@sitecare.example.com',
      queued.id,
      createLogger('silent'),
      testKeyring(),
      false,
      { tokenKey: Buffer.alloc(32, 7), publicUrl: 'https://sitecare.example.com' },
    );
    expect(outcome).toBe('sent');
    expect(sent).toHaveLength(1);
    const text = (await simpleParser(sent[0]!)).text ?? '';
    const [above, below] = text.split(/## (?:Skriv ditt svar ovanför den här raden|Reply above this line) ##/);
    expect(above).toContain('Vi har startat om servern, prova nu.');
    expect(below).toContain('> Sidan visar fel [maskerat] sedan i morse.');
    expect(text).not.toContain('fel 500');
    expect(text).not.toContain('kolla loggarna'); // internal notes are never mailed
    expect(text).not.toContain('Nu fungerar det'); // written after the reply
    expect(below).not.toContain('Vi har startat om servern'); // the reply is above, not quoted
  });
});
