// Issue 19: GET /invoices/<id>/pdf, the stored PDF of an invoice or credit note, with the session
// cookie of the dashboard and the portal, authorised exactly like the invoice (the row rule): a
// customer's own, staff their agency's; anything else is NOT_FOUND (404), whatever the reason.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { routeContext, type AppServices, type RequestContext } from '../../graphql/context';
import { contentDisposition } from '../attachments/attachment.routes';
import { resumeSession } from '../../auth/resume';
import { readInvoicePdf } from './invoice.service';
import { invoiceFileName } from './pdf';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const errorBody = (code: string, message: string, requestId: string) => ({
  errors: [{ message, extensions: { code, requestId } }],
});

export function invoiceRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();
  router.get('/invoices/:id/pdf', async (req, res) => {
    res.setHeader('cache-control', 'private, no-store');
    const requestId = String(res.locals.requestId);
    if (!UUID_RE.test(req.params.id))
      return void res.status(404).json(errorBody('NOT_FOUND', 'Invoice not found', requestId));
    const found = await orm.em.fork().transactional(async (em) => {
      const ctx: RequestContext = { ...routeContext(req, res, em, app), req, res };
      await resumeSession(ctx);
      if (!ctx.viewer) return null;
      return { value: await readInvoicePdf(ctx, req.params.id) };
    });
    if (!found) return void res.status(401).json(errorBody('UNAUTHENTICATED', 'Log in first', requestId));
    if (!found.value) return void res.status(404).json(errorBody('NOT_FOUND', 'Invoice not found', requestId));
    const { invoice, pdf } = found.value;
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-length', String(pdf.length));
    res.setHeader('content-disposition', contentDisposition(invoiceFileName(invoice)));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', "default-src 'none'; sandbox");
    res.end(pdf);
  });
  return router;
}
