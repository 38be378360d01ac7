// Uploading and downloading ticket attachments (issue 18, S38): plain HTTP beside GraphQL, with the
// session cookie of the dashboard and the portal.
//   POST /attachments/message/<messageId>   body: the file's bytes; header `x-file-name`: its name
//     (URI-encoded). A custom header makes a cross-site form post impossible (it needs a CORS
//     preflight, which is not answered), on top of the SameSite cookie.
//   GET /attachments/<id>   the file, authorised exactly like its message: NOT_FOUND (404) when the
//     viewer cannot see it, whatever the reason; served as a download with nosniff.
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { GraphQLError } from 'graphql';
import { routeContext, type AppServices, type RequestContext } from '../../graphql/context';
import { resumeSession } from '../../auth/resume';
import { refuseReadOnlyWrite } from '../../graphql/authorization';
import { ATTACHMENT_LIMITS, attachToMessage, readAttachment } from './attachment.service';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function errorBody(code: string, message: string, requestId: string, field?: string) {
  return { errors: [{ message, extensions: { code, requestId, ...(field ? { field } : {}) } }] };
}

/** RFC 6266/5987: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function attachmentRouter(orm: MikroORM, app: AppServices): Router {
  const router = express.Router();
  const body = express.raw({ type: () => true, limit: ATTACHMENT_LIMITS.maxBytes });

  /** Runs `work` in one transaction as the session's viewer; null when there is no valid session. */
  async function asViewer<T>(
    req: express.Request,
    res: express.Response,
    work: (ctx: RequestContext) => Promise<T>,
  ): Promise<{ value: T } | null> {
    return orm.em.fork().transactional(async (em) => {
      const ctx: RequestContext = { ...routeContext(req, res, em, app), req, res };
      await resumeSession(ctx);
      if (!ctx.viewer) return null;
      return { value: await work(ctx) };
    });
  }

  router.post('/attachments/message/:messageId', body, async (req, res) => {
    const requestId = String(res.locals.requestId);
    res.setHeader('cache-control', 'no-store');
    const rawName = req.header('x-file-name');
    if (!rawName)
      return void res.status(400).json(errorBody('BAD_REQUEST', 'The x-file-name header is required', requestId));
    if (!UUID_RE.test(req.params.messageId))
      return void res.status(404).json(errorBody('NOT_FOUND', 'Ticket message not found', requestId));
    let filename: string;
    try {
      filename = decodeURIComponent(rawName);
    } catch {
      filename = rawName;
    }
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const done = await asViewer(req, res, (ctx) => {
        refuseReadOnlyWrite(ctx); // an upload is a write (issue 21: a read-only API key writes nothing)
        return attachToMessage(ctx, req.params.messageId, { filename, bytes });
      });
      if (!done) return void res.status(401).json(errorBody('UNAUTHENTICATED', 'Log in first', requestId));
      const a = done.value;
      res.status(201).json({
        id: a.id,
        filename: a.filename,
        contentType: a.contentType,
        sizeBytes: a.sizeBytes,
        url: `/attachments/${a.id}`,
      });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const code = String(error.extensions.code);
      const status = code === 'NOT_FOUND' ? 404 : code === 'FORBIDDEN' ? 403 : 400;
      const field = error.extensions.field ? String(error.extensions.field) : undefined;
      res.status(status).json(errorBody(code, error.message, requestId, field));
    }
  });

  // A file over the limit: the typed answer of every other refused file, naming the field.
  router.use(
    '/attachments',
    (error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      if (Number((error as { status?: unknown }).status) !== 413) return next(error);
      const message = `A file may be at most ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB`;
      res.status(413).json(errorBody('BAD_USER_INPUT', message, String(res.locals.requestId), 'file'));
    },
  );

  router.get('/attachments/:id', async (req, res) => {
    res.setHeader('cache-control', 'private, no-store');
    const requestId = String(res.locals.requestId);
    if (!UUID_RE.test(req.params.id))
      return void res.status(404).json(errorBody('NOT_FOUND', 'Attachment not found', requestId));
    const found = await asViewer(req, res, (ctx) => readAttachment(ctx, req.params.id));
    if (!found) return void res.status(401).json(errorBody('UNAUTHENTICATED', 'Log in first', requestId));
    if (!found.value) return void res.status(404).json(errorBody('NOT_FOUND', 'Attachment not found', requestId));
    const { attachment, bytes } = found.value;
    res.setHeader('content-type', attachment.contentType);
    res.setHeader('content-length', String(bytes.length));
    res.setHeader('content-disposition', contentDisposition(attachment.filename));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', "default-src 'none'; sandbox");
    res.end(bytes);
  });

  return router;
}
