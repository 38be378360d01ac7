// Issue 22: incidents from check results, on the system path. K failed HTTP checks in a row (the
// schedule counts them) open one DOWN incident per site, with a ticket for the site's assignee, who
// is mailed; recovery closes it with its duration and notes it on the ticket. A certificate that is
// invalid or expires within 14 days, or a domain that expires within 14 days, opens a warning once
// (closed when renewed). One open incident per site and kind (a partial unique index), and a site
// that goes down again within an hour of recovering reopens its incident: no new ticket, no new mail.
import type { EntityManager } from '@mikro-orm/postgresql';
import { systemContext, useTenant, type AppServices } from '../../graphql/context';
import { enqueueMail } from '../mail/outbox.service';
import { noteOnTicket, openTicketForSite } from '../tickets/ticket.service';

export const WARN_DAYS = 14;
const FLAP_WINDOW = '1 hour';

type Kind = 'DOWN' | 'CERTIFICATE' | 'DOMAIN';
type Lang = 'sv' | 'en';

interface Candidate {
  tenant_id: string;
  site_id: string;
  domain: string;
  language: string;
  error: string | null;
  expires_at: Date | null;
}

/** A date as YYYY-MM-DD (raw rows carry timestamps as text). */
const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : '?');

/** What the ticket says, in the agency's language. */
function wording(kind: Kind, c: Candidate, lang: Lang): { subject: string; body: string } {
  const sv = lang === 'sv';
  if (kind === 'DOWN')
    return {
      subject: sv ? `${c.domain} svarar inte` : `${c.domain} is down`,
      body: sv
        ? `Övervakningen når inte ${c.domain} (${c.error ?? 'okänt fel'}).`
        : `The checks cannot reach ${c.domain} (${c.error ?? 'unknown error'}).`,
    };
  const what =
    kind === 'CERTIFICATE' ? (sv ? 'Certifikatet för' : 'The certificate of') : sv ? 'Domänen' : 'The domain';
  const invalid = kind === 'CERTIFICATE' && c.error;
  return {
    subject: invalid
      ? `${what} ${c.domain} ${sv ? 'är ogiltigt' : 'is invalid'}`
      : `${what} ${c.domain} ${sv ? 'går ut' : 'expires'} ${day(c.expires_at)}`,
    body: invalid
      ? `${what} ${c.domain}: ${c.error}.`
      : `${what} ${c.domain} ${sv ? 'går ut' : 'expires on'} ${day(c.expires_at)}.`,
  };
}

/** A time for a customer's mail: `2026-12-06 22:58 UTC`. */
const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The people a site's customer is told about its care: the customer's portal users (contacts with an
 * active login, not erased or restricted), with their language; `incidentsOnly`: only when the site's
 * package says the customer is told of incidents. Incident notices and the monthly care report use it.
 */
export function customerRecipients(
  ctx: { em: EntityManager },
  siteId: string,
  incidentsOnly: boolean,
): Promise<{ email: string; name: string; language: string }[]> {
  return ctx.em.execute(
    `select ct.email, ct.name, ct.preferred_language as language
       from sites s join service_packages p on p.id = s.service_package_id${incidentsOnly ? ' and p.notify_customer_of_incidents' : ''}
       join contacts ct on ct.customer_id = s.customer_id and ct.erased_at is null and ct.processing_restricted_at is null
      where s.id = ? and exists (select 1 from users u where u.contact_id = ct.id and u.status = 'ACTIVE')
      order by ct.email`,
    [siteId],
  );
}

/**
 * The customer's portal users (contacts with an active login, not erased or restricted), each in their
 * language, are mailed `template` when the site's package says so.
 */
async function noticeCustomer(
  ctx: ReturnType<typeof systemContext>,
  c: Candidate,
  template: 'site.down' | 'site.up',
  payload: Record<string, unknown>,
): Promise<void> {
  const people = await customerRecipients(ctx, c.site_id, true);
  for (const person of people)
    await enqueueMail(ctx, {
      tenantId: c.tenant_id,
      to: person.email,
      template,
      language: person.language === 'en' ? 'en' : 'sv',
      payload: { name: person.name, domain: c.domain, ...payload },
    });
}

function minutesText(ms: number, lang: Lang): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  return lang === 'sv' ? `${minutes} min` : `${minutes} min`;
}

/** In one agency's transaction, as SYSTEM. */
async function inAgency<T>(
  em: EntityManager,
  app: AppServices,
  tenantId: string,
  work: (ctx: ReturnType<typeof systemContext>) => Promise<T>,
) {
  return em.fork().transactional(async (tx) => {
    const ctx = systemContext(tx, app, 'monitoring');
    await useTenant(ctx, tenantId);
    return work(ctx);
  });
}

const language = (c: { language: string }): Lang => (c.language === 'en' ? 'en' : 'sv');

async function open(
  em: EntityManager,
  app: AppServices,
  kind: Kind,
  c: Candidate,
  now: Date,
): Promise<'opened' | 'reopened' | 'none'> {
  return inAgency(em, app, c.tenant_id, async (ctx) => {
    if (kind === 'DOWN') {
      const [again] = await ctx.em.execute<{ ticket_id: string | null }[]>(
        `update site_incidents i set closed_at = null, updated_at = now()
          where i.id = (select j.id from site_incidents j where j.site_id = ? and j.kind = 'DOWN'
                         and j.closed_at > ?::timestamptz - interval '${FLAP_WINDOW}' order by j.closed_at desc limit 1)
            and not exists (select 1 from site_incidents o where o.site_id = i.site_id and o.kind = 'DOWN' and o.closed_at is null)
          returning i.ticket_id`,
        [c.site_id, now],
      );
      if (again) {
        if (again.ticket_id)
          await noteOnTicket(
            ctx,
            again.ticket_id,
            language(c) === 'sv'
              ? `Nere igen (${c.error ?? 'okänt fel'}).`
              : `Down again (${c.error ?? 'unknown error'}).`,
          );
        return 'reopened';
      }
    }
    const text = wording(kind, c, language(c));
    const [made] = await ctx.em.execute<{ id: string }[]>(
      `insert into site_incidents (id, created_at, updated_at, tenant_id, site_id, kind, opened_at, detail)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?)
       on conflict (tenant_id, site_id, kind) where closed_at is null do nothing returning id`,
      [c.tenant_id, c.site_id, kind, now, text.body],
    );
    if (!made) return 'none'; // another process opened it
    const ticket = await openTicketForSite(ctx, { siteId: c.site_id, ...text });
    await ctx.em.execute(`update site_incidents set ticket_id = ? where id = ?`, [ticket.id, made.id]);
    if (kind === 'DOWN') await noticeCustomer(ctx, c, 'site.down', { since: utc(now) });
    return 'opened';
  });
}

async function close(em: EntityManager, app: AppServices, kind: Kind, c: Candidate, now: Date): Promise<boolean> {
  return inAgency(em, app, c.tenant_id, async (ctx) => {
    const [closed] = await ctx.em.execute<{ ticket_id: string | null; opened_at: Date }[]>(
      `update site_incidents set closed_at = ?, updated_at = now()
        where site_id = ? and kind = ? and closed_at is null returning ticket_id, opened_at`,
      [now, c.site_id, kind],
    );
    if (!closed) return false;
    const lang = language(c);
    const duration = minutesText(now.getTime() - new Date(closed.opened_at).getTime(), lang);
    const note =
      kind === 'DOWN'
        ? lang === 'sv'
          ? `${c.domain} svarar igen, efter ${duration}.`
          : `${c.domain} is back up, after ${duration}.`
        : lang === 'sv'
          ? `Förnyat: går nu ut ${day(c.expires_at)}.`
          : `Renewed: now expires ${day(c.expires_at)}.`;
    if (closed.ticket_id) await noteOnTicket(ctx, closed.ticket_id, note);
    if (kind === 'DOWN')
      await noticeCustomer(ctx, c, 'site.up', {
        at: utc(now),
        minutes: Math.max(1, Math.round((now.getTime() - new Date(closed.opened_at).getTime()) / 60_000)),
      });
    return true;
  });
}

export interface IncidentReport {
  opened: number;
  reopened: number;
  closed: number;
}

/** Opens and closes the incidents of `siteIds` after their checks (results at or after `since`). */
export async function reviewIncidents(
  em: EntityManager,
  app: AppServices,
  siteIds: string[],
  options: { failuresToOpen: number; since: Date; now?: Date },
): Promise<IncidentReport> {
  const now = options.now ?? new Date();
  const report: IncidentReport = { opened: 0, reopened: 0, closed: 0 };
  if (!siteIds.length) return report;
  const warnBefore = new Date(now.getTime() + WARN_DAYS * 86_400_000);
  const base = `select c.tenant_id, c.site_id, s.domain, tn.default_language as language, %s
    from site_check_schedules c join sites s on s.id = c.site_id join tenants tn on tn.id = c.tenant_id`;
  const db = em.fork();
  const ids = `{${siteIds.join(',')}}`;

  // DOWN: the count of failures in a row, and the latest HTTP error.
  const http = await db.execute<(Candidate & { failures: number; is_open: boolean })[]>(
    base.replace(
      '%s',
      `c.consecutive_failures as failures, null::timestamptz as expires_at,
       (select r.error from site_check_results r where r.site_id = c.site_id and r.kind = 'HTTP'
         order by r.checked_at desc limit 1) as error,
       exists (select 1 from site_incidents i where i.site_id = c.site_id and i.kind = 'DOWN' and i.closed_at is null) as is_open`,
    ) + ` where c.site_id = any(?::uuid[])`,
    [ids],
  );
  for (const c of http) {
    if (c.failures >= options.failuresToOpen && !c.is_open) {
      const outcome = await open(em, app, 'DOWN', c, now);
      if (outcome !== 'none') report[outcome]++;
    } else if (c.failures === 0 && c.is_open && (await close(em, app, 'DOWN', c, now))) report.closed++;
  }

  // Warnings: the certificate (invalid, or expiring) and the domain (expiring), from this run's results.
  for (const [kind, resultKind] of [
    ['CERTIFICATE', 'TLS'],
    ['DOMAIN', 'DOMAIN'],
  ] as const) {
    const rows = await db.execute<(Candidate & { bad: boolean | null; is_open: boolean })[]>(
      base.replace(
        '%s',
        `l.expires_at, l.error, l.bad,
         exists (select 1 from site_incidents i where i.site_id = c.site_id and i.kind = ? and i.closed_at is null) as is_open`,
      ) +
        ` join lateral (select r.expires_at, case when r.ok or r.kind = 'TLS' then r.error end as error,
                        case when r.kind = 'TLS' then not r.ok or r.expires_at < ?
                             when r.ok then r.expires_at < ? end as bad
                   from site_check_results r where r.site_id = c.site_id and r.kind = ? and r.checked_at >= ?
                  order by r.checked_at desc limit 1) l on true
         where c.site_id = any(?::uuid[])`,
      [kind, warnBefore, warnBefore, resultKind, options.since, ids],
    );
    for (const c of rows) {
      if (c.bad === true && !c.is_open) {
        if ((await open(em, app, kind, c, now)) === 'opened') report.opened++;
      } else if (c.bad === false && c.is_open && (await close(em, app, kind, c, now))) report.closed++;
    }
  }
  return report;
}
