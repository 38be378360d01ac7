// Issue 22: the probes themselves. An HTTP(S) request with Node's undici (status, response time,
// optional expected text) and a TLS handshake (the certificate's validity and expiry), each with a
// timeout. In production only public addresses are reached (net/public-address.ts, checked on the
// name and again on every address the connection resolves); development and tests allow loopback.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Agent, fetch } from 'undici';
import { isPublicAddress, publicAddressOf } from '../../net/public-address';

export interface ProbeOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  /** Extra trusted certificate authorities (PEM): tests trust the certificate they made. */
  ca?: string[];
}

export interface HttpProbe {
  ok: boolean;
  statusCode: number | null;
  responseMs: number;
  error: string | null;
}

export interface TlsProbe {
  ok: boolean;
  responseMs: number;
  expiresAt: Date | null;
  error: string | null;
}

/** A DNS lookup that refuses any address that is not public (the SSRF guard at connect time). */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    if (!addresses.length || !addresses.every((a) => isPublicAddress(a.address)))
      return callback(Object.assign(new Error(`${hostname} is not a public address`), { code: 'ENOTPUBLIC' }), '', 0);
    if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

const agents = new Map<string, Agent>();
/** One connection pool per guard and trust setting (keep-alive across checks of the same host). */
function agentFor(options: ProbeOptions): Agent {
  const key = `${options.allowPrivate}:${options.ca?.join('') ?? ''}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connect: {
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
        ...(options.ca ? { ca: options.ca } : {}),
      },
      keepAliveTimeout: 10_000,
      connections: 4, // politeness: at most a few connections per host at once
    });
    agents.set(key, agent);
  }
  return agent;
}

function reason(error: unknown): string {
  const e = error as { name?: string; code?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timeout';
  return e?.cause?.code ?? e?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

const MAX_REDIRECTS = 5;

/** The host of `target`, checked as the guard says (an IP literal never reaches the lookup above). */
async function guard(target: URL, options: ProbeOptions): Promise<void> {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error('not an http(s) address');
  if (options.allowPrivate) return;
  await publicAddressOf(target.hostname.replace(/^\[|\]$/g, ''), 'productionUrl', false);
}

/**
 * GET `url`: up when the final status is 2xx/3xx and, if given, the body contains `expectedText`.
 * Redirects are followed here (at most five), each hop through the guard.
 */
export async function probeHttp(url: string, expectedText: string | null, options: ProbeOptions): Promise<HttpProbe> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    let target = new URL(url);
    for (let hop = 0; ; hop++) {
      await guard(target, options);
      const response = await fetch(target, {
        dispatcher: agentFor(options),
        signal,
        redirect: 'manual',
        headers: { 'user-agent': 'Sitecare-Uptime/1.0' },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location && hop < MAX_REDIRECTS) {
        await response.body?.cancel();
        target = new URL(location, target);
        continue;
      }
      const body = expectedText ? await response.text() : '';
      if (!expectedText) await response.body?.cancel();
      const responseMs = elapsed();
      if (response.status < 200 || response.status >= 400)
        return { ok: false, statusCode: response.status, responseMs, error: `HTTP ${response.status}` };
      if (expectedText && !body.includes(expectedText))
        return { ok: false, statusCode: response.status, responseMs, error: 'expected text missing' };
      return { ok: true, statusCode: response.status, responseMs, error: null };
    }
  } catch (error) {
    return { ok: false, statusCode: null, responseMs: elapsed(), error: reason(error) };
  }
}

/** A TLS handshake with `url`'s host: valid (chain and name) and not expired; when it expires. */
export async function probeTls(url: string, options: ProbeOptions): Promise<TlsProbe> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const target = new URL(url);
    const servername = target.hostname.replace(/^\[|\]$/g, '');
    const address = await publicAddressOf(servername, 'productionUrl', options.allowPrivate);
    return await new Promise<TlsProbe>((resolve) => {
      const socket = tlsConnect({
        host: address,
        port: Number(target.port || 443),
        servername: isIP(servername) ? undefined : servername,
        rejectUnauthorized: false, // judged below, so an invalid certificate is still described
        ca: options.ca,
        timeout: options.timeoutMs,
      });
      const done = (probe: TlsProbe) => {
        socket.destroy();
        resolve(probe);
      };
      socket.once('secureConnect', () => {
        const cert = socket.getPeerCertificate();
        const expiresAt = cert?.valid_to ? new Date(cert.valid_to) : null;
        const expired = !expiresAt || expiresAt.getTime() <= Date.now();
        const error = socket.authorized ? (expired ? 'CERT_HAS_EXPIRED' : null) : String(socket.authorizationError);
        done({ ok: socket.authorized && !expired, responseMs: elapsed(), expiresAt, error });
      });
      socket.once('timeout', () => done({ ok: false, responseMs: elapsed(), expiresAt: null, error: 'timeout' }));
      socket.once('error', (error) =>
        done({ ok: false, responseMs: elapsed(), expiresAt: null, error: reason(error) }),
      );
    });
  } catch (error) {
    return { ok: false, responseMs: elapsed(), expiresAt: null, error: reason(error) };
  }
}

/** RDAP (RFC 9083): the domain's registration expiry, from `base` (e.g. https://rdap.org/), or null. */
export async function probeDomainExpiry(domain: string, base: string, timeoutMs: number): Promise<Date | null> {
  const response = await fetch(
    new URL(`domain/${encodeURIComponent(domain)}`, base.endsWith('/') ? base : `${base}/`),
    {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/rdap+json' },
    },
  );
  if (!response.ok) throw new Error(`RDAP ${response.status}`);
  const json = (await response.json()) as { events?: { eventAction?: string; eventDate?: string }[] };
  const event = json.events?.find((e) => e.eventAction === 'expiration');
  return event?.eventDate ? new Date(event.eventDate) : null;
}
