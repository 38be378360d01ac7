// Plumbing shared by the fake payment providers: loopback listening, body reading, JSON answers,
// request recording and a plain POST client for webhook deliveries. Node built-ins only.
import { randomBytes } from 'node:crypto';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/** One request as a fake received it, for assertions in tests. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** Parsed body (JSON or form), `undefined` when empty or unparseable. */
  body: unknown;
  /** Status the fake answered with (set once answered). */
  status?: number;
  at: Date;
}

/** An error a handler throws to answer with `status` and the provider-shaped JSON `body`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

const MAX_BODY = 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': `${contentType}; charset=utf-8`,
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

export function splitUrl(rawUrl: string | undefined): { path: string; query: Record<string, string> } {
  const url = new URL(rawUrl ?? '/', 'http://fake.invalid');
  return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
}

/** Starts listening on 127.0.0.1, port 0; resolves the port. */
export function listen(server: http.Server | https.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting, drops idle keep-alive sockets, resolves when closed. */
export function closeServer(server: http.Server | https.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

/** Random string over [0-9A-Za-z] (or a custom alphabet) of length `n`. */
export function randomToken(
  n: number,
  alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
): string {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/** Bearer token from an Authorization header, or undefined. */
export function bearer(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Bearer (\S+)$/.exec(headers.authorization ?? '');
  return match?.[1];
}

/** POSTs `body` to `url` (http or https) on a fresh connection; resolves status and response text. */
export function postRaw(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs = 10_000,
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
  if (!client) return Promise.reject(new Error(`unsupported webhook URL: ${url}`));
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        agent: false,
        timeout: timeoutMs,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`webhook POST to ${url} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Wraps a route handler: reads and records the request, parses the body with `parse`, answers thrown
 * `HttpError`s with their provider-shaped body and anything else with `internal(err)`.
 */
export function handler(
  requests: RecordedRequest[],
  parse: (raw: string, req: IncomingMessage) => unknown,
  route: (req: IncomingMessage, res: ServerResponse, rec: RecordedRequest) => void | Promise<void>,
  internal: (err: unknown) => { status: number; body: unknown },
  contentType = 'application/json',
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const { path, query } = splitUrl(req.url);
      const rec: RecordedRequest = {
        method: req.method ?? 'GET',
        path,
        query,
        headers: req.headers,
        rawBody: '',
        body: undefined,
        at: new Date(),
      };
      requests.push(rec);
      res.on('finish', () => (rec.status = res.statusCode));
      try {
        rec.rawBody = await readBody(req);
        try {
          rec.body = rec.rawBody ? parse(rec.rawBody, req) : undefined;
        } catch {
          rec.body = undefined;
        }
        await route(req, res, rec);
      } catch (err) {
        if (res.headersSent) return void res.destroy();
        if (err instanceof HttpError) return sendJson(res, err.status, err.body, contentType, err.headers);
        const { status, body } = internal(err);
        sendJson(res, status, body, contentType);
      }
    })();
  };
}
