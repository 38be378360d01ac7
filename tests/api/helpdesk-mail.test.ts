// Issue 18, the helpdesk by e-mail, over real SMTP (smtp-server): receipts, replies with threading
// headers and a signed Reply-To token, answers threaded back (raw MIME, Postmark, Mailgun), held
// strangers, auto-replies and bounces ignored, staff notices, and the first-response deadline.
import { queryAs } from '../../server/src/testing/database';
import { OVERDUE_NOTICE_SQL } from '../../server/src/modules/tickets/ticket-sla';
import { as } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { startSmtp, type LocalSmtp } from '../support/smtp';
import { eventually } from '../support/wait';

/** Waits until `probe` gives something (a row, a thread of the expected length). */
const until = <T>(probe: () => Promise<T | undefined>) => eventually(probe, (v) => v !== undefined);

let smtp: LocalSmtp;
let demo: DemoApp;
let inboundToken: string;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
const to = (address: string) => (m: { to?: unknown }) => JSON.stringify(m.to).toLowerCase().includes(address);
const REPLY = 'mutation($t: UUID!, $i: TicketMessageInput!) { ticketMessageCreate(ticketId: $t, input: $i) { id } }';

beforeAll(async () => {
  smtp = await startSmtp();
  demo = await startDemoApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Sitecare <no-reply@sitecare.example.com>' });
  const admin = await as(demo.url, 'jj-media', 'ADMIN');
  inboundToken = (await admin.ok('mutation { tenantInboundEmailTokenRotate }')).tenantInboundEmailTokenRotate;
}, 60_000);
afterAll(async () => {
  await demo?.stop();
  await smtp?.close();
});

/** Posts a raw MIME mail to JJ Media's inbound endpoint. */
function postMime(lines: string[]): Promise<Response> {
  return fetch(`${demo.url}/inbound/email?agency=jj-media`, {
    method: 'POST',
    headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${inboundToken}` },
    body: lines.join('\r\n'),
  });
}

function mime(o: {
  from: string;
  to?: string;
  subject: string;
  body: string;
  id: string;
  inReplyTo?: string;
  extra?: string[];
}): string[] {
  return [
    `From: ${o.from}`,
    `To: ${o.to ?? 'support@jj-media.example.com'}`,
    `Subject: ${o.subject}`,
    `Message-ID: ${o.id}`,
    ...(o.inReplyTo ? [`In-Reply-To: ${o.inReplyTo}`, `References: ${o.inReplyTo}`] : []),
    ...(o.extra ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    o.body,
  ];
}

const ticketBySubject = async (subject: string) =>
  (await sql(`select * from support_tickets where subject = $1`, [subject]))[0] as Record<string, any> | undefined;
const messagesOf = async (ticketId: string) =>
  sql(
    `select body, internal, held_from, author_name from ticket_messages where ticket_id = $1 order by created_at, id`,
    [ticketId],
  );

describe('M12: the helpdesk by e-mail', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`M12: the whole round trip over SMTP, in ${lang === 'sv' ? 'Swedish' : 'English'}`, async () => {
      const customer = `roundtrip-${lang}@kund.example.com`;
      const subject = `Rundtur ${lang}`;
      // Anna's colleague, a known contact in English (an unknown sender gets the agency's language, sv).
      if (lang === 'en')
        await sql(
          `insert into contacts (id, tenant_id, customer_id, name, email, preferred_language, social_identities, minor_status, created_at, updated_at)
           select gen_random_uuid(), c.tenant_id, c.id, 'Round Trip', $1, 'en', '[]', 'NONE', now(), now()
             from customers c where c.name = 'Bageriet Ek AB'`,
          [customer],
        );
      // 1. The customer mails in: a ticket and a receipt.
      expect(
        (
          await postMime(
            mime({
              from: `Kund <${customer}>`,
              subject,
              body: 'Sidan är nere!',
              id: `<first-${lang}@kund.example.com>`,
            }),
          )
        ).status,
      ).toBe(202);
      const ticket = (await until(() => ticketBySubject(subject)))!;
      const [receipt] = await smtp.waitFor(1, (m) => to(customer)(m) && /\[#\d+\]/.test(m.subject ?? ''));
      expect(receipt.subject).toContain(`[#${ticket.number}] ${subject}`);
      expect(receipt.text).toContain(lang === 'sv' ? `Vi svarar inom` : `We answer within`);
      // The staff were told (nobody is assigned: the agency's staff who keep ticket mail on).
      await smtp.waitFor(
        1,
        (m) => to('admin@jj-media.example.com')(m) && (m.subject ?? '').includes(`[#${ticket.number}]`),
      );

      // 2. An employee replies in the dashboard (assigned to it first, so they are the one told later).
      const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
      const [{ id: erik }] = await sql(`select id from users where email = 'erik@jj-media.example.com'`);
      await employee.ok(
        'mutation($id: UUID!, $i: SupportTicketUpdateInput!) { supportTicketUpdate(id: $id, input: $i) { id } }',
        {
          id: ticket.id,
          i: { assigneeId: erik },
        },
      );
      await employee.ok(REPLY, { t: ticket.id, i: { body: 'Internt: kolla servern', internal: true } });
      const started = Date.now();
      await employee.ok(REPLY, { t: ticket.id, i: { body: lang === 'sv' ? 'Vi tittar på det nu.' : 'We are on it.' } });
      const [reply] = await smtp.waitFor(1, (m) => to(customer)(m) && (m.subject ?? '').startsWith('Re:'));
      const elapsed = Date.now() - started;
      console.log(`M12 (${lang}): reply mutation to SMTP server: ${elapsed} ms`);

      // 3. The reply's headers: subject, sender, Message-ID, thread, Reply-To with the signed token.
      expect(reply.subject).toBe(`Re: [#${ticket.number}] ${subject}`);
      expect(reply.from?.value[0]).toEqual({ name: 'JJ Media support', address: 'no-reply@sitecare.example.com' });
      expect(reply.messageId).toMatch(
        new RegExp(`^<ticket\\.${ticket.number}\\.[0-9a-f-]{36}@sitecare\\.example\\.com>$`),
      );
      // The thread so far: the customer's mail, then our receipt.
      expect(reply.references).toEqual([`<first-${lang}@kund.example.com>`, receipt.messageId]);
      expect(reply.inReplyTo).toBe(receipt.messageId);
      expect(receipt.messageId).toMatch(new RegExp(`^<ticket\\.${ticket.number}\\.`));
      const replyTo = reply.replyTo!.value[0]!.address!;
      expect(replyTo).toMatch(
        new RegExp(`^support\\+t\\.${ticket.number}\\.[0-9a-z]+\\.[0-9a-f]{24}@jj-media\\.example\\.com$`),
      );
      expect(reply.text).toContain(lang === 'sv' ? 'Vi tittar på det nu.' : 'We are on it.');
      expect(reply.text).toContain(lang === 'sv' ? 'Skriv ditt svar ovanför den här raden' : 'Reply above this line');
      expect(reply.text).toContain('> Sidan är nere!');
      expect(reply.text).not.toContain('kolla servern'); // internal notes are never mailed
      expect(smtp.received.filter(to(customer)).some((m) => (m.text ?? '').includes('kolla servern'))).toBe(false);

      // 4. The customer answers the mail: threaded into the same ticket, quoted history cut, reopened.
      const quoted = (reply.text ?? '').split('\n').map((l) => `> ${l}`);
      const res = await postMime(
        mime({
          from: `Kund <${customer}>`,
          to: replyTo,
          subject: `Re: ${reply.subject}`,
          body: [
            'Tack, nu fungerar det.',
            '',
            `${lang === 'sv' ? 'Den 6 dec. 2026 skrev JJ Media support' : 'On 6 Dec 2026, JJ Media support wrote'}:`,
            ...quoted,
          ].join('\r\n'),
          id: `<second-${lang}@kund.example.com>`,
          inReplyTo: reply.messageId,
        }),
      );
      expect(res.status).toBe(202);
      const thread = await until(async () => {
        const m = await messagesOf(ticket.id);
        return m.length === 4 ? m : undefined;
      });
      expect(thread!.map((m) => m.body)).toEqual([
        'Sidan är nere!',
        'Internt: kolla servern',
        lang === 'sv' ? 'Vi tittar på det nu.' : 'We are on it.',
        'Tack, nu fungerar det.',
      ]);
      expect((await ticketBySubject(subject))!.status).toBe('OPEN');
      expect(
        (await sql(`select count(*)::int as n from support_tickets where subject like $1`, [`%${subject}%`]))[0].n,
      ).toBe(1);

      // 5. The assignee is told the customer answered.
      await smtp.waitFor(
        1,
        (m) =>
          to('erik@jj-media.example.com')(m) &&
          (m.subject ?? '').includes(`[#${ticket.number}]`) &&
          /svarat|answered/.test(m.subject ?? ''),
      );
    });
  }

  async function staffReplyTo(
    subject: string,
    from: string,
  ): Promise<{ ticket: Record<string, any>; replyTo: string; messageId: string }> {
    await postMime(mime({ from, subject, body: 'Hjälp', id: `<${subject.replace(/\W/g, '')}@kund.example.com>` }));
    const ticket = (await until(() => ticketBySubject(subject)))!;
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    // Reply and wait for the customer (issue 25: a reply keeps the ticket open unless staff choose otherwise).
    await employee.ok(REPLY, { t: ticket.id, i: { body: 'Svar', status: 'WAITING_ON_CUSTOMER' } });
    const [reply] = await smtp.waitFor(
      1,
      (m) => to(from)(m) && (m.subject ?? '') === `Re: [#${ticket.number}] ${subject}`,
    );
    return { ticket, replyTo: reply.replyTo!.value[0]!.address!, messageId: reply.messageId! };
  }

  it('M12: threading by the token (Postmark JSON), by In-Reply-To (Mailgun fields); a forged or expired token does not thread', async () => {
    const from = 'threads@kund.example.com';
    const { ticket, replyTo, messageId } = await staffReplyTo('Trådning', from);
    // Postmark inbound JSON, to the token address, no In-Reply-To.
    const postmark = await fetch(`${demo.url}/inbound/email`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`jj-media:${inboundToken}`).toString('base64')}`,
      },
      body: JSON.stringify({
        FromFull: { Email: from, Name: 'Kund' },
        ToFull: [{ Email: replyTo }],
        Subject: 'Re: något helt annat',
        TextBody: 'Via token',
        Headers: [{ Name: 'Message-ID', Value: '<pm-1@kund.example.com>' }],
      }),
    });
    expect(postmark.status).toBe(202);
    // Mailgun route fields, In-Reply-To our Message-ID, to the plain support address.
    const form = new URLSearchParams({
      sender: from,
      from: `Kund <${from}>`,
      recipient: 'support@jj-media.example.com',
      subject: 'Re: Trådning',
      'body-plain': 'Via In-Reply-To',
      'message-headers': JSON.stringify([
        ['In-Reply-To', messageId],
        ['Message-Id', '<mg-1@kund.example.com>'],
      ]),
    });
    const mailgun = await fetch(`${demo.url}/inbound/email?agency=jj-media`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${inboundToken}` },
      body: form.toString(),
    });
    expect(mailgun.status).toBe(202);
    await until(async () => ((await messagesOf(ticket.id)).length === 4 ? true : undefined));
    expect((await messagesOf(ticket.id)).map((m) => m.body)).toEqual(['Hjälp', 'Svar', 'Via token', 'Via In-Reply-To']);

    // A forged token (the MAC altered) and a real token moved to a past expiry day (the expiry is under
    // the MAC; a genuinely expired token is ticket-token.test.ts's) thread nothing: they open new tickets.
    const forged = replyTo.replace(
      /\.([0-9a-f]{24})@/,
      (_, mac: string) => `.${mac.slice(0, -1)}${mac.endsWith('0') ? '1' : '0'}@`,
    );
    const expired = replyTo.replace(/\+t\.(\d+)\.[0-9a-z]+\./, (_, n: string) => `+t.${n}.1.`);
    for (const [address, subject] of [
      [forged, 'Förfalskad token'],
      [expired, 'Utgången token'],
    ] as const) {
      expect(
        (
          await postMime(
            mime({
              from: `Kund <${from}>`,
              to: address,
              subject,
              body: subject,
              id: `<${subject.length}x@kund.example.com>`,
            }),
          )
        ).status,
      ).toBe(202);
      const other = await until(() => ticketBySubject(subject));
      expect(other!.id).not.toBe(ticket.id);
    }
    expect((await messagesOf(ticket.id)).length).toBe(4);
  });

  it('M12: a reply from an address not on the ticket is held for staff, who accept or reject it (audited)', async () => {
    const { ticket, replyTo } = await staffReplyTo('Främling', 'owner@kund.example.com');
    for (const body of ['Jag är en främling', 'En till främling'])
      await postMime(
        mime({
          from: 'Främling <stranger@annan.example.com>',
          to: replyTo,
          subject: 'Re: Främling',
          body,
          id: `<${body.length}s@annan.example.com>`,
        }),
      );
    const held = await until(async () => {
      const m = await sql(
        `select id, body, internal, held_from from ticket_messages where ticket_id = $1 and held_from is not null order by created_at`,
        [ticket.id],
      );
      return m.length === 2 ? m : undefined;
    });
    expect(held!.every((m) => m.internal && m.held_from === 'stranger@annan.example.com')).toBe(true);
    // The customer sees neither.
    expect((await sql(`select status from support_tickets where id = $1`, [ticket.id]))[0].status).toBe(
      'WAITING_ON_CUSTOMER',
    );
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    await employee.ok('mutation($id: UUID!) { ticketMessageAcceptHeld(id: $id) { id } }', { id: held![0].id });
    await employee.ok('mutation($id: UUID!) { ticketMessageRejectHeld(id: $id) }', { id: held![1].id });
    const after = await messagesOf(ticket.id);
    expect(after.map((m) => [m.body, m.internal, m.held_from])).toEqual([
      ['Hjälp', false, null],
      ['Svar', false, null],
      ['Jag är en främling', false, null],
    ]);
    const audit = await sql(`select action from audit_events where action like 'ticket.mail.%' order by created_at`);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['ticket.mail.held', 'ticket.mail.accept', 'ticket.mail.reject']),
    );
    // A customer cannot decide on held mail.
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    expect(
      (await customer.gql('mutation($id: UUID!) { ticketMessageRejectHeld(id: $id) }', { id: held![0].id })).errors,
    ).toBeDefined();
  });

  it('M12: auto-replies and bounces open no ticket and trigger no mail', async () => {
    const before = (await sql(`select count(*)::int as n from outbox_messages`))[0].n;
    const cases: [string, string[], string][] = [
      ['Auto: Auto-Submitted', ['Auto-Submitted: auto-replied'], 'text/plain'],
      ['Auto: X-Autoreply', ['X-Autoreply: yes'], 'text/plain'],
      ['Auto: Precedence', ['Precedence: bulk'], 'text/plain'],
    ];
    for (const [subject, extra] of cases)
      expect(
        (
          await postMime(
            mime({
              from: 'Semester <away@kund.example.com>',
              subject,
              body: 'Jag är på semester',
              id: `<${subject.length}a@kund.example.com>`,
              extra,
            }),
          )
        ).status,
      ).toBe(202);
    const bounce = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.kund.example.com>',
      'To: support@jj-media.example.com',
      'Subject: Auto: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-1@mx.kund.example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Delivery failed.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.kund.example.com',
      '',
      'Final-Recipient: rfc822; nobody@kund.example.com',
      'Action: failed',
      'Status: 5.1.1',
      '--b1--',
    ];
    expect((await postMime(bounce)).status).toBe(202);
    expect((await sql(`select count(*)::int as n from support_tickets where subject like 'Auto:%'`))[0].n).toBe(0);
    expect((await sql(`select count(*)::int as n from outbox_messages`))[0].n).toBe(before);
  });

  it('M12: S38: files mailed in land on the ticket, type sniffed from the content; a program is left out, never the mail', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
    const part = (name: string, type: string, bytes: Buffer) => [
      '--m1',
      `Content-Type: ${type}; name="${name}"`,
      `Content-Disposition: attachment; filename="${name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      ...(bytes.toString('base64').match(/.{1,76}/g) ?? []),
    ];
    const res = await postMime([
      'From: Bilaga Berg <bilaga@kund.example.com>',
      'To: support@jj-media.example.com',
      'Subject: Fakturan som bilaga',
      'Message-ID: <bilaga-1@kund.example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="m1"',
      '',
      '--m1',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hej, fakturan ligger som bilaga.',
      // A PDF named like a picture: stored as what its bytes are. A program named like a PDF: refused.
      ...part('faktura.png', 'image/png', pdf),
      ...part('faktura.pdf', 'application/pdf', program),
      '--m1--',
    ]);
    expect(res.status).toBe(202);
    const ticket = (await until(() => ticketBySubject('Fakturan som bilaga')))!;
    const files = await sql(
      `select a.filename, a.content_type from ticket_attachments a join ticket_messages m on m.id = a.message_id
       where m.ticket_id = $1`,
      [ticket.id],
    );
    expect(files).toEqual([{ filename: 'faktura.png', content_type: 'application/pdf' }]);
    expect((await messagesOf(ticket.id)).map((m) => m.body)).toEqual([
      expect.stringContaining('fakturan ligger som bilaga'),
    ]);
  });

  it('M12: SLA: a form ticket for a contact whose site has a 4-hour package is due in 4 hours; the breach mail is sent once', async () => {
    const [site] = await sql(
      `select s.id, s.customer_id, s.service_package_id from sites s where s.domain = 'bageriet-ek.example.com'`,
    );
    await sql(`update service_packages set response_time_hours = 4 where id = $1`, [site.service_package_id]);
    const res = await fetch(`${demo.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: SupportRequestInput!) { supportRequestSubmit(input: $i) }',
        variables: {
          i: {
            agency: 'jj-media',
            name: 'Olof Ek',
            email: 'olof@bageriet.example.com',
            subject: 'SLA fyra timmar',
            message: 'Hej',
          },
        },
      }),
    });
    expect(res.status).toBe(200);
    const ticket = (await until(() => ticketBySubject('SLA fyra timmar')))!;
    const due = (new Date(ticket.first_response_due_at).getTime() - new Date(ticket.created_at).getTime()) / 3600_000;
    expect(due).toBeCloseTo(4, 2);
    // The receipt says so.
    const [receipt] = await smtp.waitFor(
      1,
      (m) => to('olof@bageriet.example.com')(m) && (m.subject ?? '').includes(`[#${ticket.number}]`),
    );
    expect(receipt.text).toContain('inom 4 timmar');

    // Overdue: the job (every tick: a minute, in tests a few seconds) mails the assignee once.
    const [{ id: erik }] = await sql(`select id from users where email = 'erik@jj-media.example.com'`);
    await sql(
      `update support_tickets set first_response_due_at = now() - interval '1 minute', assignee_id = $2 where id = $1`,
      [ticket.id, erik],
    );
    const overdue = (m: { subject?: string }) =>
      (m.subject ?? '').includes(`[#${ticket.number}]`) && /Svarstiden|overdue/.test(m.subject ?? '');
    await smtp.waitFor(1, (m) => to('erik@jj-media.example.com')(m) && overdue(m), 100_000);
    // Running the job's statement again mails nobody: the ticket is marked.
    const [again] = await sql<{ tickets: number; mails: number }>(OVERDUE_NOTICE_SQL);
    expect(again).toEqual({ tickets: 0, mails: 0 });
    expect(
      (
        await sql(
          `select count(*)::int as n from outbox_messages where template = 'ticket.overdue' and ticket_id = $1`,
          [ticket.id],
        )
      )[0].n,
    ).toBe(1);
    expect(smtp.received.filter(overdue)).toHaveLength(1);
  });

  it('M12: each person turns ticket mail off in their profile: then nothing is mailed to them', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const me = (await employee.ok('{ me { user { id email ticketMail } } }')).me.user;
    expect(me.ticketMail).toBe(true);
    const off = await employee.ok('mutation { profileUpdate(input: { ticketMail: false }) { user { ticketMail } } }');
    expect(off.profileUpdate.user.ticketMail).toBe(false);
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const { supportTicketCreate: t } = await customer.ok(
      'mutation($i: SupportTicketInput!) { supportTicketCreate(input: $i) { id } }',
      { i: { subject: 'Ingen post till mig', body: 'Första' } },
    );
    await sql(`update support_tickets set assignee_id = $2 where id = $1`, [t.id, me.id]);
    await customer.ok(REPLY, { t: t.id, i: { body: 'Ett svar till' } });
    const mails = await sql(`select template, recipient from outbox_messages where ticket_id = $1`, [t.id]);
    // Opened: the agency's staff who keep ticket mail on (not this employee); answered: the assignee, who turned it off.
    expect(mails.filter((m) => m.recipient === me.email)).toEqual([]);
    expect(mails.some((m) => m.template === 'ticket.opened')).toBe(true);
    expect(mails.some((m) => m.template === 'ticket.answered')).toBe(false);
    await employee.ok('mutation { profileUpdate(input: { ticketMail: true }) { user { ticketMail } } }');
  });
});
