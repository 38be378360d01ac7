// Issue 22: the site agent's HTTP contract (docs/site-agent.md): POST /agent/v1/sites/:siteId/backups
// and …/updates with `Authorization: Bearer <the site's token>`. The token is looked up before any
// agency is set (sitecare_site_by_agent_token); it must be the token of the site in the path, so
// another site's or another agency's token is refused. Then the report is written as that agency
// (SYSTEM viewer) through the service, whose typed errors name the field.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { routeContext, useTenant, type AppServices } from '../../graphql/context';
import { AppError } from '../../graphql/errors';
import { agentTokenHash, reportBackup, reportUpdates } from './agent.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function agentRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();
  const report = (kind: 'backups' | 'updates') =>
    [
      express.json({ limit: '256kb' }),
      async (req: express.Request, res: express.Response) => {
        const siteId = String(req.params.siteId);
        const token = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
        if (!token || !UUID.test(siteId)) return void res.status(401).json({ error: 'UNAUTHENTICATED' });
        try {
          const outcome = await orm.em.fork().transactional(async (em) => {
            const [row] = await em.execute<{ tenant_id: string; site_id: string }[]>(
              'select tenant_id, site_id from sitecare_site_by_agent_token(?)',
              [agentTokenHash(token)],
            );
            if (!row || row.site_id !== siteId) return null;
            const ctx = routeContext(req, res, em, app, 'site-agent');
            await useTenant(ctx, row.tenant_id);
            const body = (typeof req.body === 'object' && req.body) || {};
            if (kind === 'backups') return { id: (await reportBackup(ctx, siteId, body)).id };
            return { ids: (await reportUpdates(ctx, siteId, body)).map((u) => u.id) };
          });
          if (!outcome) return void res.status(403).json({ error: 'FORBIDDEN', message: 'Not the token of this site' });
          res.status(201).json(outcome);
        } catch (error) {
          if (error instanceof AppError && error.extensions.code === 'BAD_USER_INPUT')
            return void res
              .status(400)
              .json({ error: 'BAD_USER_INPUT', field: error.extensions.field, message: error.message });
          throw error;
        }
      },
    ] as const;
  router.post('/agent/v1/sites/:siteId/backups', ...report('backups'));
  router.post('/agent/v1/sites/:siteId/updates', ...report('updates'));
  return router;
}
