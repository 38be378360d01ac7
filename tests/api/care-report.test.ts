// Issue 22 (M16): the monthly care report. On the first of the month (in the agency's time zone) each
// site under care gets last month's report, once: an HTML mail to the customer's portal users with a
// PDF attached, in their language, whose text holds the month's figures. Staff preview and resend it;
// a customer fetches its own site's report, never another customer's.
import { queryAs } from '../../server/src/testing/database';
import { as } from '../support/api-client';
import { runCli, useDemoWithSmtp } from '../support/demo-app';
import { pdfText } from '../support/pdf-text';

const fixture = useDemoWithSmtp();
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(fixture.demo.db.superuserUrl, text, params);

const BAGERIET = 'bageriet-ek.example.com';
const ANNA = 'anna@bageriet.example.com';
const PDF = 'query($s: UUID!, $m: String!, $l: String) { siteCareReportPdf(siteId: $s, month: $m, language: $l) }';

/** Last month (UTC), and a time on the first of this month, 07:00 in Stockholm. */
const now = new Date();
const month = (() => {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
})();
const firstOfMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 6, 0)).toISOString();

let siteId: string;

beforeAll(async () => {
  [{ id: siteId }] = await sql<{ id: string }>(`select id from sites where domain = $1`, [BAGERIET]);
  // The demo's sites were made today; these have been under care for months.
  await sql(`update sites set created_at = now() - interval '90 days'`);
  // Known figures for last month: its days' checks (one day with 12 of 288 failed), an outage of 42
  // minutes, two backups, an update, a ticket with 75 minutes logged on it.
  const start = `${month}-10T00:00:00Z`;
  await sql(
    `insert into site_check_rollups (id, tenant_id, site_id, period, period_start, checks, ok_checks, p50_ms, p95_ms)
     select gen_random_uuid(), s.tenant_id, s.id, 'DAY', $2::timestamptz + d * interval '1 day', 288,
            case when d = 0 then 276 else 288 end, 200, 400
       from sites s, generate_series(0, 9) d where s.id = $1
     on conflict (tenant_id, site_id, period, period_start) do update set checks = excluded.checks, ok_checks = excluded.ok_checks,
        p50_ms = excluded.p50_ms, p95_ms = excluded.p95_ms`,
    [siteId, start],
  );
  await sql(
    `delete from site_check_rollups where site_id = $1 and period = 'DAY' and to_char(period_start, 'YYYY-MM') = $2
              and (period_start < $3::timestamptz or period_start >= $3::timestamptz + interval '10 days')`,
    [siteId, month, start],
  );
  await sql(`delete from site_incidents where site_id = $1 and to_char(opened_at, 'YYYY-MM') = $2`, [siteId, month]);
  await sql(`delete from site_updates where site_id = $1 and to_char(applied_at, 'YYYY-MM') = $2`, [siteId, month]);
  await sql(`delete from site_backups where site_id = $1 and to_char(taken_at, 'YYYY-MM') = $2`, [siteId, month]);
  await sql(
    `insert into site_incidents (id, tenant_id, site_id, kind, opened_at, closed_at, detail)
     select gen_random_uuid(), tenant_id, id, 'DOWN', $2::timestamptz + interval '3 hours', $2::timestamptz + interval '3 hours 42 minutes', 'test'
       from sites where id = $1`,
    [siteId, start],
  );
  await sql(
    `insert into site_backups (id, tenant_id, site_id, taken_at, location, size_bytes, expires_at, kind, checksum)
     select gen_random_uuid(), tenant_id, id, $2::timestamptz + n * interval '1 day', 's3://b', 1000000000, now() + interval '30 days', 'FULL', 'sha256:abcdef0123'
       from sites, generate_series(1, 2) n where id = $1`,
    [siteId, start],
  );
  await sql(
    `insert into site_updates (id, tenant_id, site_id, component, from_version, to_version, applied_at)
     select gen_random_uuid(), tenant_id, id, 'plugin:woocommerce', '9.3.0', '9.4.2', $2::timestamptz + interval '5 days' from sites where id = $1`,
    [siteId, start],
  );
  const [ticket] = await sql<{ id: string; tenant_id: string }>(
    `update support_tickets set created_at = $2::timestamptz + interval '1 day'
      where id = (select id from support_tickets where site_id = $1 and channel <> 'MONITORING' order by created_at limit 1)
      returning id, tenant_id`,
    [siteId, start],
  );
  await sql(`delete from ticket_time_entries e using support_tickets t where t.id = e.ticket_id and t.site_id = $1`, [
    siteId,
  ]);
  await sql(
    `insert into ticket_time_entries (id, tenant_id, ticket_id, user_id, minutes, note, spent_at)
     select gen_random_uuid(), $2, $1, (select id from users where tenant_id = $2 and role = 'EMPLOYEE' limit 1), 75, 'work', $3::timestamptz + interval '2 days'`,
    [ticket.id, ticket.tenant_id, start],
  );
  // Anna reads Swedish; her report mail comes in Swedish.
  await sql(`update contacts set preferred_language = 'sv' where email = $1`, [ANNA]);
});

describe('M16: the monthly care report', () => {
  it('M16: on the first of the month the report mail arrives with its PDF holding the figures; twice sends one', async () => {
    const { demo, smtp } = fixture;
    const first = await runCli(demo, ['care-reports:send', '--now', firstOfMonth]);
    expect(first).toMatch(/care reports: [1-9]\d* made/);
    expect(await runCli(demo, ['care-reports:send', '--now', firstOfMonth])).toContain('care reports: 0 made, 0 mails');

    const isReport = (m: { to?: unknown; subject?: string }) =>
      JSON.stringify(m.to).includes(ANNA) && (m.subject ?? '').includes(BAGERIET);
    const [mail] = await smtp.waitFor(1, isReport);
    expect(mail.subject).toMatch(/^Skötselrapport för bageriet-ek\.example\.com/);
    expect(mail.html).toContain('Hela rapporten finns i den bifogade PDF-filen.');
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe(`care-report-${BAGERIET}-${month}.pdf`);
    const { text } = await pdfText(pdf.content);
    expect(text).toContain('Skötselrapport');
    expect(text).toContain('99,58 %'); // 2868 of 2880 checks
    expect(text).toContain('200 ms');
    expect(text).toContain('42 min');
    expect(text).toContain('2 st');
    expect(text).toContain('plugin:woocommerce: 9.3.0 -> 9.4.2');
    expect(text).toContain('1 h 15 min');

    // One report per site and month, and one mail to Anna for it.
    const [{ n }] = await sql<{ n: number }>(
      `select count(*)::int as n from site_care_reports where site_id = $1 and month = $2`,
      [siteId, month],
    );
    expect(n).toBe(1);
    const [{ mails }] = await sql<{ mails: number }>(
      `select count(*)::int as mails from outbox_messages where template = 'care.report' and recipient = $1 and payload->>'domain' = $2`,
      [ANNA, BAGERIET],
    );
    expect(mails).toBe(1);
  });

  it('M16: the customer downloads her own report; another customer cannot fetch it', async () => {
    const { demo } = fixture;
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const own = await anna.ok(PDF, { s: siteId, m: month, l: 'en' });
    const { text } = await pdfText(Buffer.from(own.siteCareReportPdf as string, 'base64'));
    expect(text).toContain('Care report');
    expect(text).toContain('99.58 %');

    // Lars, a customer of the other agency, and a month without a report for Anna: not found.
    const lars = await as(demo.url, 'nordvik-webbyra', 'CUSTOMER');
    const foreign = await lars.gql(PDF, { s: siteId, m: month });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const [{ id: larsSite }] = await sql<{ id: string }>(
      `select s.id from sites s join tenants t on t.id = s.tenant_id where t.slug = 'nordvik-webbyra' order by s.domain limit 1`,
    );
    await runCli(demo, ['care-reports:send', '--now', firstOfMonth]);
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from site_care_reports where site_id = $1`, [
      larsSite,
    ]);
    expect(n).toBe(1);
    const other = await anna.gql(PDF, { s: larsSite, m: month });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const notYet = await anna.gql(PDF, { s: siteId, m: '2020-01' });
    expect(notYet.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('M16: staff preview any month and resend a report; bad months name the field', async () => {
    const { demo, smtp } = fixture;
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const preview = await employee.ok(PDF, { s: siteId, m: '2020-01', l: 'sv' });
    expect((await pdfText(Buffer.from(preview.siteCareReportPdf as string, 'base64'))).text).toContain('Inga.');
    const bad = await employee.gql(PDF, { s: siteId, m: '2026-13' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });

    const before = smtp.received.length;
    const resent = await employee.ok(
      'mutation($s: UUID!, $m: String!) { siteCareReportResend(siteId: $s, month: $m) }',
      {
        s: siteId,
        m: month,
      },
    );
    expect(resent.siteCareReportResend).toBeGreaterThanOrEqual(1);
    await smtp.waitFor(before + 1);
    const customer = await as(demo.url, 'jj-media', 'CUSTOMER');
    const denied = await customer.gql(
      'mutation($s: UUID!, $m: String!) { siteCareReportResend(siteId: $s, month: $m) }',
      {
        s: siteId,
        m: month,
      },
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
  it("M16: the report and the portal's monthly hours count support minutes by one definition, in the agency's months", async () => {
    const { demo } = fixture;
    const anna = await as(demo.url, 'jj-media', 'CUSTOMER');
    const [{ customer_id: customerId }] = await sql<{ customer_id: string }>(
      `select customer_id from sites where id = $1`,
      [siteId],
    );
    const HOURS = 'query($id: UUID!) { customer(id: $id) { supportHours(months: 2) { month minutesUsed } } }';
    const hours = async () =>
      (
        (await anna.ok(HOURS, { id: customerId })).customer as {
          supportHours: { month: string; minutesUsed: number }[];
        }
      ).supportHours;
    const before = await hours();

    // 37 minutes half an hour into this month in the agency's time zone: still last month in UTC.
    const [edge] = await sql<{ at: string; month: string; utc_month: string }>(
      `select (date_trunc('month', now() at time zone a.timezone) at time zone a.timezone + interval '30 minutes') as at,
              to_char(date_trunc('month', now() at time zone a.timezone), 'YYYY-MM') as month,
              to_char((date_trunc('month', now() at time zone a.timezone) at time zone a.timezone + interval '30 minutes') at time zone 'UTC', 'YYYY-MM') as utc_month
         from sites s join tenants a on a.id = s.tenant_id where s.id = $1`,
      [siteId],
    );
    expect(edge.utc_month).not.toBe(edge.month); // the agency is east of UTC: the case that differed
    await sql(
      `insert into ticket_time_entries (id, tenant_id, ticket_id, user_id, minutes, note, spent_at)
       select gen_random_uuid(), t.tenant_id, t.id, null, 37, 'edge', $2::timestamptz
         from support_tickets t where t.site_id = $1 and t.channel <> 'MONITORING' order by t.created_at limit 1`,
      [siteId, edge.at],
    );

    const after = await hours();
    expect(after.map((m) => m.month)).toEqual(before.map((m) => m.month));
    expect(after[1]).toEqual({ month: edge.month, minutesUsed: before[1].minutesUsed + 37 });
    expect(after[0]).toEqual(before[0]);

    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const report = async (m: string) =>
      (
        await pdfText(
          Buffer.from((await employee.ok(PDF, { s: siteId, m, l: 'sv' })).siteCareReportPdf as string, 'base64'),
        )
      ).text;
    expect(await report(edge.month)).toContain('0 h 37 min');
    expect(await report(month)).toContain('1 h 15 min');
  });
});
