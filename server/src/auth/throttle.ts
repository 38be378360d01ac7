// Login throttling on PostgreSQL (rate-limiter-flexible), shared by every server process.
// Per account: 5 free failures, then each failure doubles the lock (2 s, 4 s, ... up to 15 min).
// Per IP: 50 failures an hour. An unknown e-mail counts exactly like a wrong password (S19).
import { Pool } from 'pg';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '../graphql/errors';
import { fingerprint } from './tokens';

export const FREE_FAILURES = 5;
export const MAX_LOCK_SECONDS = 15 * 60;
const IP_FAILURES_PER_HOUR = 50;
export const PUBLIC_FORMS_PER_10_MIN = 10;
/** Checkouts without a login per IP (each makes a pending order and a provider session); a separate allowance. */
export const CHECKOUTS_PER_10_MIN = 30;
/** Page views per IP and minute (P11): generous for people, a ceiling for scripts. */
export const VISITS_PER_MINUTE = 120;

export class LoginThrottle {
  private readonly failures: RateLimiterPostgres;
  private readonly locks: RateLimiterPostgres;
  private readonly ipFailures: RateLimiterPostgres;
  private readonly publicForms: RateLimiterPostgres;
  private readonly visits: RateLimiterPostgres;
  private readonly checkouts: RateLimiterPostgres;

  constructor(private readonly pool: Pool) {
    const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true } as const;
    this.failures = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login-fail',
      points: 10_000,
      duration: 24 * 3600,
    });
    this.locks = new RateLimiterPostgres({ ...common, keyPrefix: 'login-lock', points: 1, duration: MAX_LOCK_SECONDS });
    this.ipFailures = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'login-ip',
      points: IP_FAILURES_PER_HOUR,
      duration: 3600,
    });
    this.publicForms = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'form-ip',
      points: PUBLIC_FORMS_PER_10_MIN,
      duration: 600,
    });
    this.visits = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'visit-ip',
      points: VISITS_PER_MINUTE,
      duration: 60,
    });
    this.checkouts = new RateLimiterPostgres({
      ...common,
      keyPrefix: 'checkout-ip',
      points: CHECKOUTS_PER_10_MIN,
      duration: 600,
    });
  }

  /** Throws RATE_LIMITED (with retryAfterSeconds) while the account or the IP is locked. */
  async assertAllowed(email: string, ip: string | undefined): Promise<void> {
    const [lock, perIp] = await Promise.all([
      this.locks.get(fingerprint(email)),
      ip ? this.ipFailures.get(fingerprint(ip)) : null,
    ]);
    const waits = [
      lock && lock.consumedPoints > 1 ? lock.msBeforeNext : 0,
      perIp && perIp.consumedPoints > IP_FAILURES_PER_HOUR ? perIp.msBeforeNext : 0,
    ];
    const wait = Math.max(...waits);
    if (wait > 0) throw rateLimited(wait);
  }

  /** Records a failure; returns the lock it caused, in seconds (0 while failures are free). */
  async recordFailure(email: string, ip: string | undefined): Promise<number> {
    const key = fingerprint(email);
    if (ip) await this.ipFailures.penalty(fingerprint(ip), 1);
    const res = await this.failures.penalty(key, 1);
    const excess = res.consumedPoints - FREE_FAILURES;
    if (excess <= 0) return 0;
    const seconds = Math.min(2 ** excess, MAX_LOCK_SECONDS);
    await this.locks.block(key, seconds);
    return seconds;
  }

  async recordSuccess(email: string): Promise<void> {
    const key = fingerprint(email);
    await Promise.all([this.failures.delete(key), this.locks.delete(key)]);
  }

  /** Public forms (contact, support): PUBLIC_FORMS_PER_10_MIN per IP, then RATE_LIMITED. */
  consumePublicForm(ip: string | undefined): Promise<void> {
    return consumeFrom(this.publicForms, ip);
  }

  /** The visit log (P11): VISITS_PER_MINUTE per IP, then RATE_LIMITED. */
  consumeVisit(ip: string | undefined): Promise<void> {
    return consumeFrom(this.visits, ip);
  }

  /** Checkout without a login: CHECKOUTS_PER_10_MIN per IP, then RATE_LIMITED. */
  consumeCheckout(ip: string | undefined): Promise<void> {
    return consumeFrom(this.checkouts, ip);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** One point from `limiter` for this IP; RATE_LIMITED (with retryAfterSeconds) when none is left. */
async function consumeFrom(limiter: RateLimiterPostgres, ip: string | undefined): Promise<void> {
  try {
    await limiter.consume(fingerprint(ip ?? 'unknown'));
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    throw rateLimited((rejection as RateLimiterRes).msBeforeNext);
  }
}

export function rateLimited(msBeforeNext: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError(ErrorCode.RATE_LIMITED, `Too many attempts: try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
}

export type { RateLimiterRes };

export function rateLimitPublicForm(ctx: { ip?: string; app: { throttle: LoginThrottle } }): Promise<void> {
  return ctx.app.throttle.consumePublicForm(ctx.ip);
}
