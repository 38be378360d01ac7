// The two links privacy mail carries (P29, P28): confirming a request from the public page, and
// downloading an export. Plain HTTP (a link must work from any mail client); no login.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { GraphQLError } from 'graphql';
import { routeContext, type AppServices, type RequestContext } from '../../graphql/context';
import { confirmPublicRequest, takeExport } from './privacy-request.service';

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${title}</title></head><body style="font-family:system-ui,sans-serif;max-width:40em;margin:3em auto;line-height:1.5">` +
  `<h1>${title}</h1>${body}</body></html>`;

const TOKEN = /^[\w.-]{1,200}$/;

export function privacyRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();
  const context = (req: express.Request, res: express.Response, em: RequestContext['em']) => ({
    ...routeContext(req, res, em, app),
    req,
    res,
  });

  // A GET only shows a button: mail scanners that prefetch links must not use up the token.
  router.get('/privacy/confirm/:token', (req, res) => {
    if (!TOKEN.test(req.params.token)) return void res.status(404).send(page('Not found', ''));
    res.setHeader('cache-control', 'no-store');
    res.send(
      page(
        'Bekräfta din begäran / Confirm your request',
        `<form method="post"><button type="submit" style="font-size:1.1em;padding:.6em 1.2em">Bekräfta / Confirm</button></form>`,
      ),
    );
  });

  router.post('/privacy/confirm/:token', async (req, res) => {
    try {
      await orm.em.fork().transactional((em) => confirmPublicRequest(context(req, res, em), req.params.token));
      res.send(
        page(
          'Tack! / Thank you!',
          '<p>Din begäran är bekräftad. Vi svarar inom en månad.</p><p>Your request is confirmed. We will answer within one month.</p>',
        ),
      );
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      res
        .status(410)
        .send(
          page(
            'Länken gäller inte / The link is not valid',
            '<p>Den har använts eller gått ut. / It was used or has expired.</p>',
          ),
        );
    }
  });

  router.get('/privacy/export/:token', async (req, res) => {
    const zip = await orm.em.fork().transactional((em) => takeExport(context(req, res, em), req.params.token));
    res.setHeader('cache-control', 'no-store');
    if (!zip) return void res.status(410).send(page('Länken gäller inte / The link is not valid', ''));
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', 'attachment; filename="personal-data.zip"');
    res.send(zip);
  });
  return router;
}
