// P6: support requests by e-mail. A mail provider's inbound webhook (parsed JSON, as Postmark,
// SendGrid or Mailgun deliver it) posts here with a shared bearer token; each mail opens a ticket.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { AppServices, RequestContext } from '../../graphql/context';
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

export function inboundEmailRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();
  router.post('/inbound/email', express.json({ limit: '256kb' }), async (req, res) => {
    const token = app.config.inboundEmailToken;
    if (!token || !sameToken(req.header('authorization'), token))
      return void res.status(401).json({ error: 'unauthorized' });
    const parsed = inboundMail.safeParse(req.body);
    if (!parsed.success) {
      return void res.status(400).json({ error: 'invalid', fields: parsed.error.issues.map((i) => i.path.join('.')) });
    }
    const mail = parsed.data;
    await orm.em.fork().transactional(async (em) => {
      const ctx: RequestContext = {
        requestId: String(res.locals.requestId),
        em,
        logger: app.logger,
        ip: req.ip,
        userAgent: req.header('user-agent'),
        app,
        system: { actor: 'inbound-email' },
      };
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
