// The agency's logo, public (it is printed on invoices and shown in mail and the portal): by slug.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { inAgency } from '../../graphql/agency';
import { routeContext, type AppServices } from '../../graphql/context';
import { Tenant } from './tenant.entity';

const SLUG = /^[a-z0-9-]{1,100}$/;

export function tenantRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();
  router.get('/agency-logo/:slug', async (req, res) => {
    if (!SLUG.test(req.params.slug)) return void res.status(404).end();
    const logo = await orm.em.fork().transactional(async (em) => {
      const ctx = routeContext(req, res, em, app, 'agency-logo');
      return inAgency(ctx, req.params.slug, (tenantId) =>
        em.findOne(Tenant, tenantId, { fields: ['logo', 'logoContentType'] }),
      );
    });
    if (!logo?.logo || !logo.logoContentType) return void res.status(404).end();
    res.setHeader('content-type', logo.logoContentType);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', "default-src 'none'");
    res.setHeader('cache-control', 'public, max-age=3600');
    res.end(logo.logo);
  });
  return router;
}
