// Issue 21 (M15): the agency's hosted pages, /a/<agency slug>/contact, /newsletter, /support,
// /privacy-request and /cookies, over plain HTTP as a browser without JavaScript uses them: a GET, a
// form POST to the same address, a 303 to the thank-you page. Each lands the same rows as its public
// GraphQL operation (they call the same service function). The browser half (axe at 390 px, a post
// from Chromium with JavaScript off) is tests/ui/hosted-pages.test.ts.
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import { gzipSync } from 'node:zlib';
import { queryAs } from '../../server/src/testing/database';
import { ApiClient, as } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { PNG } from '../support/files';

extend([a11yPlugin]);

const PAGES = ['contact', 'newsletter', 'support', 'privacy-request', 'cookies'] as const;
const TITLES = {
  contact: { sv: 'Kontakta oss', en: 'Contact us' },
  newsletter: { sv: 'Prenumerera på nyhetsbrevet', en: 'Subscribe to the newsletter' },
  support: { sv: 'Supportärende', en: 'Support request' },
  'privacy-request': { sv: 'Begäran om dina personuppgifter', en: 'A request about your personal data' },
  cookies: { sv: 'Kakor (cookies)', en: 'Cookies' },
};

let demo: DemoApp;
let admin: ApiClient;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);

interface Answer {
  status: number;
  html: string;
  headers: Headers;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${demo.url}${path}`, { headers, redirect: 'manual' });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

const tokenIn = (html: string) => /name="_token" value="([^"]+)"/.exec(html)?.[1] ?? '';
const decode = (text: string) =>
  text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** A form post as a browser sends it from the page: its Origin, the page's token, urlencoded. */
async function post(
  path: string,
  fields: Record<string, string>,
  opts: { origin?: string | null; token?: string; headers?: Record<string, string>; cookie?: string } = {},
): Promise<Answer> {
  const token = opts.token ?? tokenIn((await get(path.split('?')[0]!)).html);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    ...(opts.origin === null ? {} : { origin: opts.origin ?? demo.url }),
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
    ...opts.headers,
  };
  const res = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams({ _token: token, ...fields }).toString(),
    redirect: 'manual',
  });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

/** The row without what differs between two submissions of the same values (ids, times, secrets). */
const rowsOf = async (table: string, where: string, params: unknown[], drop: string[] = []) =>
  sql<{ row: Record<string, unknown> }>(
    `select to_jsonb(t) - 'id' - 'created_at' - 'updated_at' ${drop.map((c) => `- '${c}'`).join(' ')} as row
       from ${table} t where ${where} order by created_at`,
    params,
  ).then((rows) => rows.map((r) => r.row));

beforeAll(async () => {
  demo = await startDemoApp();
  admin = await as(demo.url, 'jj-media', 'ADMIN');
});
afterAll(() => demo?.stop());
// Every file of this suite posts from 127.0.0.1; each test starts with the public forms' budget
// (10 per 10 minutes per address) unused, except the one that uses it up.
beforeEach(() => sql(`delete from rate_limits where key like 'form-ip%'`));

describe('M15: hosted pages', () => {
  it('M15: each hosted page renders in sv and en (Accept-Language, ?lang and the switch), with the agency name and no JavaScript', async () => {
    for (const page of PAGES) {
      const sv = await get(`/a/jj-media/${page}`, { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' });
      expect(sv.status).toBe(200);
      expect(sv.headers.get('content-type')).toMatch(/^text\/html/);
      expect(sv.html).toContain('<html lang="sv">');
      expect(sv.html).toContain(`<h1>${TITLES[page].sv}</h1>`);
      expect(sv.html).toContain('JJ Media');
      expect(sv.html).toContain(`href="/a/jj-media/${page}?lang=en" hreflang="en"`);
      expect(sv.html).toContain(`<form method="post" action="/a/jj-media/${page}?lang=sv">`);
      expect(sv.html).not.toMatch(/<script/i);
      const en = await get(`/a/jj-media/${page}`, { 'accept-language': 'en-GB,en;q=0.9' });
      expect(en.html).toContain('<html lang="en">');
      expect(en.html).toContain(`<h1>${TITLES[page].en}</h1>`);
      const switched = await get(`/a/jj-media/${page}?lang=sv`, { 'accept-language': 'en' });
      expect(switched.html).toContain('<html lang="sv">');
      // Nothing but the page's own style sheet; framed only by this server and the agency's origins.
      const csp = sv.headers.get('content-security-policy')!;
      expect(csp).toMatch(/default-src 'none'; style-src 'sha256-[\w+/=]+'; img-src 'self'; form-action 'self'/);
      expect(csp).toContain("frame-ancestors 'self'");
      // A browser sends the page's Origin with its POST (helmet's no-referrer would make it "null").
      expect(sv.headers.get('referrer-policy')).toBe('same-origin');
    }
    // Without Accept-Language: the agency's default language.
    expect((await get('/a/jj-media/contact')).html).toContain('<html lang="sv">');
  });

  it("M15: the agency's logo and colour, its contrast checked (a light colour is darkened to 4.5:1)", async () => {
    await admin.ok('mutation($i: TenantLogoInput!) { tenantLogoSet(input: $i) { logoUrl } }', {
      i: { contentBase64: PNG.toString('base64') },
    });
    const bad = await admin.gql('mutation { tenantUpdate(input: { brandColor: "yellow" }) { brandColor } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'brandColor' });
    await admin.ok('mutation { tenantUpdate(input: { brandColor: "#FFD400" }) { brandColor } }');
    const { html } = await get('/a/jj-media/contact');
    expect(html).toMatch(/<img src="\/agency-logo\/jj-media\?v=\d+" alt="JJ Media \(demo\)">/);
    const button = /button\{[^}]*background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})/.exec(html)!;
    expect(button).toBeTruthy();
    expect(button[1]).not.toBe('#ffd400');
    expect(colord(button[1]!).contrast(button[2]!)).toBeGreaterThanOrEqual(4.5);
    const link = /a\{color:(#[0-9a-f]{6})\}/.exec(html)!;
    expect(colord(link[1]!).contrast('#ffffff')).toBeGreaterThanOrEqual(4.5);
    // The logo's address on the page serves the logo.
    const logo = await fetch(`${demo.url}${/<img src="([^"]+)"/.exec(html)![1]}`);
    expect(logo.headers.get('content-type')).toBe('image/png');
  });

  it('M15: the contact page posts without JavaScript (303 to its thank-you page) and lands the same lead as leadSubmit', async () => {
    const page = await get('/a/jj-media/contact?lang=en');
    const wording = decode(/<label for="f-consentGiven">([^<]+)<\/label>/.exec(page.html)![1]!);
    expect(wording).toBe('I want JJ Media (demo) to contact me about my request and to keep my details for it.');
    const fields = {
      name: 'Hosted Hanna',
      email: 'hanna.hosted@example.com',
      phone: '+46 70 123 45 67',
      company: 'Hanna AB',
      message: 'Please call me about a new website.',
      consentGiven: 'yes',
    };
    const answer = await post('/a/jj-media/contact?lang=en', fields, { token: tokenIn(page.html) });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/a/jj-media/contact/thanks?lang=en');
    const thanks = await get(answer.headers.get('location')!);
    expect(thanks.status).toBe(200);
    expect(thanks.html).toContain('<h1>Thank you for your message</h1>');

    const { consentGiven: _, ...rest } = fields;
    await new ApiClient(demo.url).ok('mutation($i: LeadInput!) { leadSubmit(input: $i) }', {
      i: { agency: 'jj-media', ...rest, consentGiven: true, consentText: wording },
    });
    const rows = await rowsOf('leads', 'email = $1', [fields.email]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(rows[1]);
    const [{ slug }] = await sql(
      'select t.slug from leads l join tenants t on t.id = l.tenant_id where l.email = $1 limit 1',
      [fields.email],
    );
    expect(slug).toBe('jj-media');
    expect(rows[0]).toMatchObject({ phone: '+46701234567', consent_given: true, consent_text: wording, status: 'NEW' });
  });

  it('M15: the newsletter page signs up with double opt-in (the confirmation mail) like newsletterSubscribe', async () => {
    const page = await get('/a/jj-media/newsletter?lang=sv');
    const wording = decode(/<p>(Jag vill få [^<]+)<\/p>/.exec(page.html)![1]!);
    const fields = { email: 'nyhet.hosted@example.com', name: 'Nils Nyhet', country: 'se', ageConfirmed: 'yes' };
    const answer = await post('/a/jj-media/newsletter?lang=sv', fields, { token: tokenIn(page.html) });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/a/jj-media/newsletter/thanks?lang=sv');
    await new ApiClient(demo.url).ok('mutation($i: NewsletterSubscribeInput!) { newsletterSubscribe(input: $i) }', {
      i: {
        agency: 'jj-media',
        email: fields.email,
        name: fields.name,
        country: 'SE',
        preferredLanguage: 'sv',
        ageConfirmed: true,
        consentText: wording,
      },
    });
    const rows = await rowsOf('newsletter_signups', 'email = $1', [fields.email], ['token_hash', 'expires_at']);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(rows[1]);
    expect(rows[0]).toMatchObject({ language: 'sv', country: 'SE', wording, confirmed_at: null });
    const mails = await sql(`select template, language from outbox_messages where recipient = $1`, [fields.email]);
    expect(mails).toEqual([
      { template: 'newsletter.confirm', language: 'sv' },
      { template: 'newsletter.confirm', language: 'sv' },
    ]);
  });

  it('M15: the support page opens a ticket with its receipt, like supportRequestSubmit', async () => {
    const fields = {
      name: 'Anna Andersson',
      email: 'anna@bageriet.example.com',
      subject: 'Hosted support page',
      message: 'The contact form on our site is broken.',
    };
    const answer = await post('/a/jj-media/support?lang=en', fields);
    expect(answer.status).toBe(303);
    await new ApiClient(demo.url).ok('mutation($i: SupportRequestInput!) { supportRequestSubmit(input: $i) }', {
      i: { agency: 'jj-media', ...fields },
    });
    const tickets = await sql(
      `select t.slug, s.subject, s.channel, s.status, s.priority, s.requester_name, s.requester_email, s.customer_id,
              s.contact_id, s.site_id, m.body
         from support_tickets s join tenants t on t.id = s.tenant_id join ticket_messages m on m.ticket_id = s.id
        where s.subject = $1 order by s.created_at`,
      [fields.subject],
    );
    expect(tickets).toHaveLength(2);
    expect(tickets[0]).toEqual(tickets[1]);
    expect(tickets[0]).toMatchObject({ slug: 'jj-media', channel: 'FORM', body: fields.message });
    expect(tickets[0]!.contact_id).not.toBeNull();
    const receipts = await sql(
      `select count(*)::int as n from outbox_messages where template = 'ticket.receipt' and recipient = $1`,
      [fields.email],
    );
    expect(receipts[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('M15: the privacy-request page mails a confirmation link, like privacyRequestSubmit', async () => {
    const fields = { email: 'privat.hosted@example.com', type: 'ACCESS', details: 'Everything you have, please.' };
    const answer = await post('/a/jj-media/privacy-request?lang=en', fields);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/a/jj-media/privacy-request/thanks?lang=en');
    await new ApiClient(demo.url).ok('mutation($i: PrivacyRequestPublicInput!) { privacyRequestSubmit(input: $i) }', {
      i: { agency: 'jj-media', ...fields, language: 'en' },
    });
    const rows = await rowsOf('privacy_request_tokens', 'email = $1', [fields.email], ['token_hash', 'expires_at']);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(rows[1]);
    expect(rows[0]).toMatchObject({ type: 'ACCESS', language: 'en', used_at: null });
    const mails = await sql(`select template from outbox_messages where recipient = $1`, [fields.email]);
    expect(mails.map((m) => m.template)).toEqual(['privacy.confirm', 'privacy.confirm']);
  });

  it("M15: the cookie page saves the visitor's choices (its own cookie) and shows them again, like cookiePreferencesSet", async () => {
    const answer = await post('/a/jj-media/cookies?lang=en', { analytics: 'yes' });
    expect(answer.status).toBe(303);
    const setCookie = answer.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^sc_visitor=[\w-]+; Max-Age=\d+; Path=\/a\/jj-media\/; HttpOnly; SameSite=Lax/);
    const visitorId = /^sc_visitor=([\w-]+)/.exec(setCookie)![1]!;
    const events = await sql(
      `select p.key, e.decision, e.method, e.channel from consent_events e join processing_purposes p on p.id = e.purpose_id
        where e.visitor_id = $1`,
      [visitorId],
    );
    expect(events).toEqual([{ key: 'analytics', decision: 'GRANTED', method: 'COOKIE_BANNER', channel: 'WEB' }]);
    const shown = await get('/a/jj-media/cookies?lang=en', { cookie: `sc_visitor=${visitorId}` });
    expect(shown.html).toMatch(/id="f-analytics" name="analytics" value="yes" checked/);
    expect(shown.html).not.toMatch(/id="f-marketing" name="marketing" value="yes" checked/);
    const read = await new ApiClient(demo.url).ok(
      'query($v: String!) { cookiePreferences(agency: "jj-media", visitorId: $v) { analytics marketing } }',
      { v: visitorId },
    );
    expect(read.cookiePreferences).toEqual({ analytics: true, marketing: false });
    // Withdrawing from the page records the withdrawal, as the banner's operation does.
    const again = await post('/a/jj-media/cookies?lang=en', {}, { cookie: `sc_visitor=${visitorId}` });
    expect(again.status).toBe(303);
    const [latest] = await sql(
      `select e.decision from consent_events e where e.visitor_id = $1 order by e.created_at desc limit 1`,
      [visitorId],
    );
    expect(latest!.decision).toBe('WITHDRAWN');
  });

  it('M15: errors name the field, next to the field and in a summary, the same fields as the GraphQL operation refuses', async () => {
    const answer = await post('/a/jj-media/contact?lang=en', {
      name: 'Erik Error',
      email: 'not-an-address',
      message: 'Hello',
    });
    expect(answer.status).toBe(422);
    expect(answer.html).toContain(
      '<p class="error" id="f-email-error">Enter a valid e-mail address, like name@example.com.</p>',
    );
    expect(answer.html).toMatch(
      /id="f-email" name="email" value="not-an-address" autocomplete="email" required aria-describedby="f-email-error" aria-invalid="true"/,
    );
    expect(answer.html).toContain('<a href="#f-email">E-mail: ');
    expect(answer.html).toContain('<p class="error" id="f-consentGiven-error">');
    // What was typed is kept; nothing was stored.
    expect(answer.html).toContain('value="Erik Error"');
    expect((await sql(`select count(*)::int as n from leads where name = 'Erik Error'`))[0]!.n).toBe(0);
    const gql = await new ApiClient(demo.url).gql('mutation($i: LeadInput!) { leadSubmit(input: $i) }', {
      i: {
        agency: 'jj-media',
        name: 'Erik Error',
        email: 'not-an-address',
        message: 'Hello',
        consentGiven: false,
        consentText: 'x',
      },
    });
    const fields = (gql.errors?.[0]?.extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['consentGiven', 'email']);

    // A rule of the service (S24: the age of consent) comes back next to its field too, in Swedish.
    const young = await post('/a/jj-media/newsletter?lang=sv', { email: 'ung.hosted@example.com' });
    expect(young.status).toBe(422);
    expect(young.html).toContain('<p class="error" id="f-ageConfirmed-error">Bekräfta din ålder.');
    const privacy = await post('/a/jj-media/privacy-request?lang=en', { email: 'x@example.com', type: 'EVERYTHING' });
    expect(privacy.status).toBe(422);
    expect(privacy.html).toContain('<p class="error" id="f-type-error">Choose what the request is about.</p>');
  });

  it('M15: an unknown agency or page is 404, for GET and POST', async () => {
    for (const path of [
      '/a/no-such-agency/contact',
      '/a/no-such-agency/cookies/thanks',
      '/a/jj-media/orders',
      '/a/JJ%20Media/contact',
    ]) {
      const answer = await get(path);
      expect(answer.status).toBe(404);
      expect(answer.html).toContain('<h1>Sidan finns inte</h1>');
    }
    const posted = await post(
      '/a/no-such-agency/contact',
      { name: 'x', email: 'x@example.com', message: 'x', consentGiven: 'yes' },
      { token: 'x.y' },
    );
    expect(posted.status).toBe(404);
  });

  it('M15: CSRF: a cross-site form post is refused (another Origin, Sec-Fetch-Site, a missing or foreign token), nothing is stored', async () => {
    const fields = { name: 'Cross Site', email: 'cross@example.com', message: 'Forged', consentGiven: 'yes' };
    const contactToken = tokenIn((await get('/a/jj-media/contact')).html);
    const refusals = [
      await post('/a/jj-media/contact', fields, { origin: 'https://evil.example.com', token: contactToken }),
      await post('/a/jj-media/contact', fields, { origin: 'null', token: contactToken }),
      await post('/a/jj-media/contact', fields, {
        origin: null,
        token: contactToken,
        headers: { 'sec-fetch-site': 'cross-site' },
      }),
      await post('/a/jj-media/contact', fields, { token: '' }),
      await post('/a/jj-media/contact', fields, { token: contactToken.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) }),
      // A token of another page, or of another agency's same page, is no good here.
      await post('/a/jj-media/contact', fields, { token: tokenIn((await get('/a/jj-media/support')).html) }),
      await post('/a/jj-media/contact', fields, { token: tokenIn((await get('/a/nordvik-webbyra/contact')).html) }),
    ];
    for (const answer of refusals) {
      expect(answer.status).toBe(403);
      expect(answer.html).toContain('Formuläret kom inte från den här sidan');
    }
    expect((await sql(`select count(*)::int as n from leads where email = 'cross@example.com'`))[0]!.n).toBe(0);
    // The same post from the page itself goes through.
    expect((await post('/a/jj-media/contact', fields, { token: contactToken })).status).toBe(303);
  });

  it('M15: the hosted pages share the public operations’ rate limit (429 with a message, the form kept)', async () => {
    for (let i = 0; i < 10; i++)
      await new ApiClient(demo.url).ok('mutation($i: SupportRequestInput!) { supportRequestSubmit(input: $i) }', {
        i: { agency: 'jj-media', name: 'Busy', email: `busy${i}@example.com`, subject: 'Busy', message: 'Busy' },
      });
    const answer = await post('/a/jj-media/support?lang=en', {
      name: 'Busy',
      email: 'busy@example.com',
      subject: 'One more',
      message: 'Busy',
    });
    expect(answer.status).toBe(429);
    expect(answer.html).toContain('You have sent many forms in a short time.');
    expect(answer.html).toContain('value="One more"');
  });

  it('M15: sizes: each page is small, gzipped HTML with its CSS inline and no JavaScript (reported)', async () => {
    const sizes: Record<string, { html: number; js: number; css: number; gzipped: number }> = {};
    for (const page of PAGES) {
      const { html } = await get(`/a/jj-media/${page}?lang=sv`);
      const css = /<style>([^<]*)<\/style>/.exec(html)![1]!;
      expect(html).not.toMatch(/<script|<link[^>]+stylesheet/i);
      sizes[page] = {
        html: Buffer.byteLength(html),
        js: 0,
        css: Buffer.byteLength(css),
        gzipped: gzipSync(html).length,
      };
      expect(sizes[page].gzipped).toBeLessThan(30_000);
    }
    console.log(`M15 hosted page sizes (bytes; JS none, CSS inline in the HTML):\n${JSON.stringify(sizes, null, 1)}`);
  });
});
