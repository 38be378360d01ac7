// Marketing over HTTP and real SMTP: newsletter sign-up with double opt-in (P1, P15), the one gate
// every marketing message passes (P14), one-click unsubscribe (P32, RFC 8058) and tracking only
// with consent (P9).
import { createHmac } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as, errorCode } from '../support/api-client';
import { useDemoWithSmtp } from '../support/demo-app';

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(mailed.demo.db.superuserUrl, text, params);
const to = (address: string) => (m: ParsedMail) => JSON.stringify(m.to).includes(address);
const header = (m: ParsedMail, name: string) =>
  m.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '');

const mailed = useDemoWithSmtp();

const SUBSCRIBE = 'mutation($i: NewsletterSubscribeInput!) { newsletterSubscribe(input: $i) }';
const SEND = 'mutation($i: MarketingSendInput!) { marketingSend(input: $i) { queued refused } }';
const OFFER = 'https://jj-media.example.com/erbjudande';
const campaign = (n: string) => ({
  purposeKey: 'newsletter',
  subjectSv: `Nyheter ${n}`,
  subjectEn: `News ${n}`,
  bodySv: 'Hej! Här är månadens tips.',
  bodyEn: 'Hello! Here are the tips of the month.',
  link: OFFER,
});
const marketingTo = async (n: string) =>
  (
    await sql<{ recipient: string }>(`select recipient from outbox_messages where subject in ($1, $2)`, [
      `Nyheter ${n}`,
      `News ${n}`,
    ])
  ).map((r) => r.recipient);
const refusals = () =>
  sql<{ detail: Record<string, string>; outcome: string }>(
    `select detail, outcome from audit_events where action = 'marketing.refused' order by created_at`,
  );

describe('P1, P15: newsletter sign-up with double opt-in', () => {
  const NEW = 'ny.prenumerant@example.com';

  it('P15: the sign-up mails a single-use confirmation link; P1: both halves keep their proof; nothing is sent before', async () => {
    const visitor = new ApiClient(mailed.demo.url);
    const form = {
      agency: 'jj-media',
      email: NEW,
      name: 'Nina Ny',
      preferredLanguage: 'en',
      country: 'SE',
      ageConfirmed: true,
      consentText: 'Yes, send me the newsletter.',
      sourceUrl: 'https://jj-media.example.com/newsletter',
    };
    expect(await visitor.ok(SUBSCRIBE, { i: form })).toEqual({ newsletterSubscribe: true });
    // An unknown agency answers the same, and stores nothing.
    expect(await visitor.ok(SUBSCRIBE, { i: { ...form, agency: 'no-such-agency' } })).toEqual({
      newsletterSubscribe: true,
    });
    const bad = await visitor.gql(SUBSCRIBE, { i: { ...form, email: 'not-an-address' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });

    const [signup] = await sql(
      `select source_url, ip, user_agent, wording, confirmed_at, token_hash from newsletter_signups where email = $1`,
      [NEW],
    );
    expect(signup).toMatchObject({
      source_url: form.sourceUrl,
      ip: expect.any(String),
      user_agent: expect.any(String),
      wording: form.consentText,
      confirmed_at: null,
    });
    const [mail] = await mailed.smtp.waitFor(1, to(NEW));
    expect(mail.subject).toBe('Confirm your subscription to the newsletter from JJ Media (demo)');
    const link = /(https?:\/\/\S+\/newsletter\/confirm\/\S+)/.exec(mail.text!)![1];
    expect(signup.token_hash).not.toContain(link.split('/').pop()!.split('.')[1]);

    // Before confirming, a campaign does not reach the address.
    const employee = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    await employee.ok(SEND, { i: campaign('före') });
    expect(await marketingTo('före')).not.toContain(NEW);

    // A GET (a mail scanner) changes nothing; the button POSTs.
    expect((await fetch(link)).status).toBe(200);
    expect((await sql(`select count(*)::int as n from consent_events where subject_email = $1`, [NEW]))[0].n).toBe(0);
    expect((await fetch(link, { method: 'POST' })).status).toBe(200);
    const [event] = await sql(
      `select e.decision, e.method, e.ip, e.user_agent, e.wording, e.source_url, e.signup_proof, p.key
         from consent_events e join processing_purposes p on p.id = e.purpose_id where e.subject_email = $1`,
      [NEW],
    );
    expect(event).toMatchObject({
      key: 'newsletter',
      decision: 'GRANTED',
      method: 'DOUBLE_OPT_IN',
      ip: expect.any(String),
      user_agent: expect.any(String),
      wording: form.consentText,
      source_url: form.sourceUrl,
      signup_proof: { at: expect.any(String), ip: expect.any(String), sourceUrl: form.sourceUrl },
    });
    // Single use.
    expect((await fetch(link, { method: 'POST' })).status).toBe(410);
    await employee.ok(SEND, { i: campaign('efter') });
    expect(await marketingTo('efter')).toContain(NEW);
  });

  it('P15: a suppressed address signs up again only through a fresh, confirmed consent', async () => {
    const email = 'tillbaka@example.com';
    const [{ privacy_salt: salt }] = await sql(`select privacy_salt from tenants where slug = 'jj-media'`);
    await sql(
      `insert into suppression_entries (id, tenant_id, kind, hash, reason)
         select gen_random_uuid(), id, 'EMAIL', $1, 'erasure' from tenants where slug = 'jj-media'`,
      [createHmac('sha256', salt).update(`EMAIL:${email}`).digest('hex')],
    );
    await new ApiClient(mailed.demo.url).ok(SUBSCRIBE, {
      i: { agency: 'jj-media', email, ageConfirmed: true, consentText: 'Ja tack.', preferredLanguage: 'sv' },
    });
    const [mail] = await mailed.smtp.waitFor(1, to(email));
    const employee = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    await employee.ok(SEND, { i: campaign('spärrad') });
    expect(await marketingTo('spärrad')).not.toContain(email);
    await fetch(/(https?:\/\/\S+\/newsletter\/confirm\/\S+)/.exec(mail.text!)![1], { method: 'POST' });
    expect((await sql(`select count(*)::int as n from suppression_entries where reason = 'erasure'`))[0].n).toBe(0);
    await employee.ok(SEND, { i: campaign('välkommen tillbaka') });
    expect(await marketingTo('välkommen tillbaka')).toContain(email);
  });
});

describe('P14: the marketing gate', () => {
  it('P14: marketing never reaches someone without consent, restricted, objecting, suspected minor or suppressed; each refusal is logged', async () => {
    const employee = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    // Olof objects to marketing; later he is restricted and Anna is suspected to be a minor.
    await sql(`update contacts set marketing_objected_at = now() where email = 'olof@bageriet.example.com'`);
    const before = (await refusals()).length;
    const { marketingSend } = await employee.ok(SEND, { i: campaign('grind') });
    const recipients = await marketingTo('grind');
    expect(recipients).toContain('anna@bageriet.example.com');
    expect(recipients).toContain('prenumerant@jj-media.example.com');
    expect(recipients).not.toContain('olof@bageriet.example.com');
    expect(marketingSend.queued).toBe(recipients.length);
    const logged = (await refusals()).slice(before);
    expect(marketingSend.refused).toBe(logged.length);
    expect(logged.map((r) => r.detail.reason)).toContain('MARKETING_OBJECTED');
    expect(logged.every((r) => r.outcome === 'DENIED' && r.detail.purpose === 'newsletter')).toBe(true);
    // The address itself is not written into the audit trail.
    expect(JSON.stringify(logged)).not.toContain('olof@');

    await sql(
      `update contacts set marketing_objected_at = null, processing_restricted_at = now() where email = 'olof@bageriet.example.com'`,
    );
    await sql(`update contacts set minor_status = 'SUSPECTED' where email = 'anna@bageriet.example.com'`);
    await employee.ok(SEND, { i: campaign('grind 2') });
    const second = await marketingTo('grind 2');
    expect(second).not.toContain('olof@bageriet.example.com');
    expect(second).not.toContain('anna@bageriet.example.com');
    const reasons = (await refusals()).map((r) => r.detail.reason);
    expect(reasons).toEqual(expect.arrayContaining(['PROCESSING_RESTRICTED', 'SUSPECTED_MINOR']));
    await sql(
      `update contacts set processing_restricted_at = null, minor_status = 'NONE' where email in ('olof@bageriet.example.com', 'anna@bageriet.example.com')`,
    );
  });

  it('P14: only staff send marketing; another agency’s subscribers are never reached', async () => {
    for (const role of ['CONTRACTOR', 'CUSTOMER'] as const) {
      const client = await as(mailed.demo.url, 'jj-media', role);
      expect(errorCode(await client.gql(SEND, { i: campaign(role) }))).toBe('FORBIDDEN');
    }
    const nordvik = await as(mailed.demo.url, 'nordvik-webbyra', 'ADMIN');
    await nordvik.ok(SEND, { i: campaign('nordvik') });
    const recipients = await marketingTo('nordvik');
    expect(recipients).toContain('prenumerant@nordvik-webbyra.example.com');
    expect(recipients.some((r) => /jj-media|bageriet/.test(r))).toBe(false);
    const bad = await nordvik.gql(SEND, { i: { ...campaign('x'), link: 'javascript:alert(1)' } });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'link' });
  });
});

describe('P32, P9: unsubscribe and tracking', () => {
  let anna: ParsedMail;
  let olof: ParsedMail;

  beforeAll(async () => {
    const employee = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    await employee.ok(SEND, { i: campaign('december') });
    [anna] = await mailed.smtp.waitFor(
      1,
      (m) => to('anna@bageriet.example.com')(m) && m.subject === 'Nyheter december',
    );
    [olof] = await mailed.smtp.waitFor(
      1,
      (m) => to('olof@bageriet.example.com')(m) && m.subject === 'Nyheter december',
    );
  });

  it('P9: with tracking consent the mail has a pixel and signed links that record opens and clicks; without it, neither', async () => {
    // Anna consented to email_tracking in the demo data; Olof did not.
    expect(olof.html).not.toContain('/t/o/');
    expect(olof.html).toContain(`href="${OFFER}"`);
    const pixel = /src="([^"]+\/t\/o\/[^"]+)"/.exec(anna.html as string)![1];
    const click = /href="([^"]+\/t\/c\/[^"]+)"/.exec(anna.html as string)![1].replace(/&amp;/g, '&');
    expect(anna.html).not.toContain(`href="${OFFER}"`);
    const opened = await fetch(pixel);
    expect(opened.headers.get('content-type')).toMatch(/image\/gif/);
    const clicked = await fetch(click, { redirect: 'manual' });
    expect(clicked.status).toBe(302);
    expect(clicked.headers.get('location')).toBe(OFFER);
    // No open redirect: another target with the same token is refused.
    const forged = click.replace(encodeURIComponent(OFFER), encodeURIComponent('https://evil.example.com/'));
    expect((await fetch(forged, { redirect: 'manual' })).status).toBe(400);
    const events = await sql(`select kind, url, email from tracking_events order by created_at`);
    expect(events).toEqual([
      { kind: 'OPEN', url: null, email: 'anna@bageriet.example.com' },
      { kind: 'CLICK', url: OFFER, email: 'anna@bageriet.example.com' },
    ]);
  });

  it('P32: every marketing mail carries RFC 8058 headers; one POST withdraws the consent without login', async () => {
    for (const mail of [anna, olof]) {
      expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(header(mail, 'List-Unsubscribe')).toMatch(/^<https?:\/\/\S+\/unsubscribe\/\S+>$/);
    }
    const url = /^<(.+)>$/.exec(header(olof, 'List-Unsubscribe')!)![1];
    expect(olof.text).toContain(url);
    const page = await fetch(url);
    expect(await page.text()).toContain('<form method="post">');
    const tampered = await fetch(url.slice(0, -2) + 'xx', { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(tampered.status).toBe(404);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const [latest] = await sql(
      `select e.decision, e.method from consent_events e join processing_purposes p on p.id = e.purpose_id
        where e.subject_email = 'olof@bageriet.example.com' and p.key = 'newsletter' and e.channel = 'EMAIL'
        order by e.created_at desc limit 1`,
    );
    expect(latest).toEqual({ decision: 'WITHDRAWN', method: 'UNSUBSCRIBE_LINK' });
    const employee = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    await employee.ok(SEND, { i: campaign('januari') });
    expect(await marketingTo('januari')).not.toContain('olof@bageriet.example.com');
    expect((await refusals()).map((r) => r.detail.reason)).toContain('WITHDRAWN');
  });

  it('S24: withdrawing a consent in the portal stops the processing it covered, from the next message on', async () => {
    const customer = await as(mailed.demo.url, 'jj-media', 'CUSTOMER'); // Anna
    const employee = await as(mailed.demo.url, 'jj-media', 'EMPLOYEE');
    const MY_SET = 'mutation($i: ConsentChoiceInput!) { myConsentSet(input: $i) { decision } }';
    // Tracking withdrawn: the next mail still reaches her, with neither pixel nor tracked links.
    await customer.ok(MY_SET, { i: { purposeKey: 'email_tracking', channel: 'EMAIL', granted: false } });
    await employee.ok(SEND, { i: campaign('februari') });
    const [february] = await mailed.smtp.waitFor(
      1,
      (m) => to('anna@bageriet.example.com')(m) && m.subject === 'Nyheter februari',
    );
    expect(february.html).not.toContain('/t/o/');
    expect(february.html).not.toContain('/t/c/');
    expect(february.html).toContain(`href="${OFFER}"`);
    // The newsletter withdrawn: the next campaign is not sent to her, and the refusal is logged.
    await customer.ok(MY_SET, { i: { purposeKey: 'newsletter', channel: 'EMAIL', granted: false } });
    const before = (await refusals()).length;
    await employee.ok(SEND, { i: campaign('mars') });
    expect(await marketingTo('mars')).not.toContain('anna@bageriet.example.com');
    expect(await marketingTo('mars')).toContain('prenumerant@jj-media.example.com');
    expect((await refusals()).slice(before).map((r) => r.detail.reason)).toContain('WITHDRAWN');
  });
});
