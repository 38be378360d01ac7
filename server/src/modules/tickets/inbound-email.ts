// P6: support requests by e-mail. A mail provider's inbound webhook (parsed JSON, as Postmark,
// SendGrid or Mailgun deliver it) posts here with a bearer token; each mail opens a ticket.
// Issue 17: the token is the agency's own (made and rotated by its admins, stored hashed) and opens
// that agency only. INBOUND_EMAIL_TOKEN is the fallback of a single-agency installation: it is
// accepted only while the installation has exactly one agency, and that agency has no token of its own.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { routeContext, type AppServices } from '../../graphql/context';
import { tokenMatches } from '../tenants/agency-mail';
import { TicketChannel } from './support-ticket.entity';
import { openTicketFromOutside } from './ticket.service';

const inboundMail = z.object({
  agency: z.string().min(1).max(100),
  from: z.object({ email: z.email(), name: z.string().max(200).optional() }),
  subject: z.string().max(200).default('(no subject)'),
  text: z.string().min(1).max(100_000),
});

function sameToken(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(`Bearer ${expected}`);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The agency's own token, or the single-agency installation's INBOUND_EMAIL_TOKEN (header above). */
async function mayPostFor(orm: MikroORM, app: AppServices, slug: string, token: string): Promise<boolean> {
  const em = orm.em.fork();
  const rows = await em.execute<{ hash: string | null; agencies: number }[]>(
    'select (select inbound_email_token_hash from sitecare_inbound_token_of(?)) as hash, sitecare_agency_count() as agencies',
    [slug],
  );
  const { hash, agencies } = rows[0] ?? { hash: null, agencies: 0 };
  if (hash) return tokenMatches(token, hash);
  const fallback = app.config.inboundEmailToken;
  return Number(agencies) === 1 && fallback !== undefined && sameToken(`Bearer ${token}`, fallback);
}

export function inboundEmailRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();
  router.post('/inbound/email', express.json({ limit: '256kb' }), async (req, res) => {
    const given = /^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1];
    const agency: unknown = (req.body as { agency?: unknown } | undefined)?.agency;
    const authorised =
      given !== undefined && typeof agency === 'string' && (await mayPostFor(orm, app, agency.slice(0, 100), given));
    if (!authorised) return void res.status(401).json({ error: 'unauthorized' });
    const parsed = inboundMail.safeParse(req.body);
    if (!parsed.success) {
      return void res.status(400).json({ error: 'invalid', fields: parsed.error.issues.map((i) => i.path.join('.')) });
    }
    const mail = parsed.data;
    await orm.em.fork().transactional(async (em) => {
      const ctx = routeContext(req, res, em, app, 'inbound-email');
      await openTicketFromOutside(
        ctx,
        {
          agency: mail.agency,
          name: mail.from.name ?? mail.from.email,
          email: mail.from.email,
          subject: mail.subject,
          message: mail.text,
        },
        TicketChannel.EMAIL,
      );
    });
    res.status(202).json({ accepted: true });
  });
  return router;
}
