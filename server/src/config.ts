// One typed, validated configuration object, read from the environment once at boot.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseKeyringFromEnv, type KeyringConfig } from './secrets/keyring';

/** The repository root when running from source or from server/dist. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

const optionalUrl = z.url().optional();
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');
const optionalString = z.string().min(1).optional();
const base64Key = z.string().refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');
const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

/** Those that production requires (development fills them in). */
export const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'SESSION_SECRET', 'CREDENTIALS_KEY', 'PUBLIC_URL'] as const;

const envShape = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: optionalString,
  PUBLIC_URL: optionalUrl,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: postgresUrl.optional(),
  /** The tables' owner, for migrations; defaults to DATABASE_URL (allowed outside production only). */
  DATABASE_MIGRATION_URL: postgresUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Slow clients (slowloris): all request headers must arrive within this (default 10 s). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
  /** ...and the whole request, body included, within this (default 30 s); never shorter than the headers'. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** An idle keep-alive connection is closed after this (default 5 s); behind a load balancer, above its idle timeout. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(5_000),
  SITECARE_DATA_DIR: optionalString,
  SITECARE_DEMO: booleanFlag,
  /** Queries the SQL readers cover answered in one statement (default true); false: always the resolvers. */
  COMPILED_READS: booleanFlag,
  /** Issue 20 (S34): how long a second step counts as fresh for revealing a secret and the like. */
  STEP_UP_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  /** Issue 20, passkeys: the WebAuthn relying party id (a domain); default: PUBLIC_URL's host name, else localhost. */
  WEBAUTHN_RP_ID: optionalString,
  /** The origins passkeys are used from, comma-separated; default: PUBLIC_URL, else (outside production) http://localhost on any port. */
  WEBAUTHN_ORIGINS: optionalString,
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(8),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CREDENTIALS_KEY: base64Key.optional(),
  /** The version of CREDENTIALS_KEY (default 1); raise it when rotating. */
  CREDENTIALS_KEY_VERSION: z.string().regex(/^\d+$/, 'must be a positive integer').optional(),
  /** Retired keys still needed to read old secrets until `sitecare rotate-keys` rewraps them: `1:base64,...`. */
  CREDENTIALS_PREVIOUS_KEYS: z.string().optional(),
  /** Shared secret of the inbound e-mail webhook (POST /inbound/email); unset disables it. */
  INBOUND_EMAIL_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  /** Ticket attachments (issue 18): an S3-compatible bucket; unset, they go to `<data dir>/attachments`. */
  ATTACHMENTS_S3_BUCKET: optionalString,
  /** An S3-compatible service's endpoint (MinIO, Ceph, R2, …); unset: AWS S3. */
  ATTACHMENTS_S3_ENDPOINT: optionalUrl,
  ATTACHMENTS_S3_REGION: optionalString,
  /** A key prefix inside the bucket, e.g. `sitecare/`. */
  ATTACHMENTS_S3_PREFIX: optionalString,
  /** Path-style addresses (most S3-compatible services). */
  ATTACHMENTS_S3_FORCE_PATH_STYLE: booleanFlag,
  /** Bearer token of GET /metrics (Prometheus); unset: /metrics is off in production, open outside it. */
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  /** OpenTelemetry: traces are exported by OTLP to this collector (e.g. http://otel-collector:4318); unset: no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  /** The OTLP encoding: http/protobuf (default) or http/json. */
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/protobuf', 'http/json']).default('http/protobuf'),
  /** The service name on every span (default "sitecare"). */
  OTEL_SERVICE_NAME: optionalString,
  /**
   * The period in seconds of the job queue's frequent jobs (overdue first responses, the mail and webhook
   * sweeps, new checks' schedules): a minute by default; tests run them every few seconds (issue 24).
   */
  SITECARE_JOB_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Uptime and certificate checks of sites under care (issue 22); default: on in production only. */
  MONITORING_CHECKS: booleanFlag,
  /** At most this many checks at once in one process. */
  MONITORING_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  /** A check that has no answer within this many milliseconds fails. */
  MONITORING_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
  /** Failed checks in a row that open an incident. */
  MONITORING_FAILURES_TO_OPEN: z.coerce.number().int().min(1).max(20).default(2),
  /** Domain expiry through RDAP from this base URL (e.g. https://rdap.org/); unset: not looked up. */
  MONITORING_RDAP_URL: optionalUrl,
  /**
   * Issue 21, tests and local development only: outgoing webhooks may go to loopback (127.0.0.0/8, ::1).
   * Private, link-local and metadata addresses stay refused; refused in production.
   */
  WEBHOOKS_ALLOW_LOOPBACK: booleanFlag,
  /** Deliveries of one webhook message after the first that fail before the endpoint is marked failing. */
  WEBHOOK_RETRY_LIMIT: z.coerce.number().int().min(0).max(30).default(12),
  /** The first retry's delay in seconds; each next one doubles (with jitter), up to WEBHOOK_RETRY_DELAY_MAX_SECONDS. */
  WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  WEBHOOK_RETRY_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(14_400),
  /** An endpoint that has not answered within this many milliseconds has failed this attempt. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(10_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Sitecare <no-reply@sitecare.example.com>'),
  STRIPE_SECRET_KEY: optionalString,
  STRIPE_WEBHOOK_SECRET: optionalString,
  STRIPE_API_BASE: optionalUrl,
  MOLLIE_API_KEY: optionalString,
  MOLLIE_API_BASE: optionalUrl,
  PAYPAL_CLIENT_ID: optionalString,
  PAYPAL_CLIENT_SECRET: optionalString,
  PAYPAL_WEBHOOK_ID: optionalString,
  PAYPAL_API_BASE: optionalUrl,
  /** Which PayPal: sandbox (default) or live. */
  PAYPAL_ENVIRONMENT: z.enum(['sandbox', 'live']).default('sandbox'),
  /** Issue 19: ask the EU's VIES service whether a buyer's VAT number is registered (default off; format and check digit are always checked). */
  VIES_CHECK: booleanFlag,
  VIES_API_BASE: optionalUrl,
  /**
   * Issue 19: SEK per unit of each foreign invoice currency, e.g. `EUR=11.20,USD=10.35`, as the agency's
   * accountant sets them (e.g. Riksbanken's or the Swedish Tax Agency's rate); recorded on each invoice.
   */
  INVOICE_EXCHANGE_RATES: z
    .string()
    .regex(/^([A-Z]{3}=\d+(\.\d+)?)(,[A-Z]{3}=\d+(\.\d+)?)*$/, 'must be like EUR=11.20,USD=10.35')
    .optional(),
});

const envSchema = envShape.superRefine((env, ctx) => {
  if (env.HTTP_REQUEST_TIMEOUT_MS < env.HTTP_HEADERS_TIMEOUT_MS)
    ctx.addIssue({
      code: 'custom',
      path: ['HTTP_REQUEST_TIMEOUT_MS'],
      message: 'must not be shorter than HTTP_HEADERS_TIMEOUT_MS',
    });
  if (env.NODE_ENV !== 'production') return;
  if (env.WEBHOOKS_ALLOW_LOOPBACK)
    ctx.addIssue({
      code: 'custom',
      path: ['WEBHOOKS_ALLOW_LOOPBACK'],
      message: 'is for tests only, never in production',
    });
  // Production never invents secrets or a database: each must be given.
  for (const key of REQUIRED_IN_PRODUCTION) {
    if (!env[key])
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'is required in production',
      });
  }
});

export type Env = z.infer<typeof envSchema>;

/** Every environment variable Sitecare reads. */
export const CONFIG_VARIABLES = Object.keys(envShape.shape) as ReadonlyArray<keyof Env>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  publicUrl: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
  /** Undefined means: start the embedded PostgreSQL in `dataDir/postgres`. */
  databaseUrl: string | undefined;
  databaseMigrationUrl: string | undefined;
  databasePoolMax: number;
  /** Queries with SQL readers for all they select are answered in one statement (graphql/sql). */
  compiledReads: boolean;
  /** Timeouts of the HTTP server against slow or idle clients. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number };
  loadDemoData: boolean;
  secrets: { session: string };
  /** Versioned keys for site credentials (S16, S17). */
  keyring: KeyringConfig;
  sessions: { idleMs: number; absoluteMs: number; secureCookie: boolean; stepUpMs: number };
  /**
   * Passkeys (issue 20): the relying party id, and the origins a passkey response may come from; an
   * empty list (development and tests without PUBLIC_URL) accepts http://localhost on any port.
   */
  webauthn: { rpId: string; origins: string[] };
  mail: { smtpUrl: string | undefined; from: string };
  /** The job queue (jobs/queue.ts): the period of its frequent jobs (SITECARE_JOB_TICK_SECONDS). */
  jobs: { tickSeconds: number };
  inboundEmailToken: string | undefined;
  /**
   * Where ticket attachments are stored (modules/attachments/storage.ts): an S3-compatible bucket
   * (credentials by the AWS SDK's usual chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, a
   * role), else the disk under `dataDir/attachments`.
   */
  attachments: { s3: AttachmentsS3 | undefined };
  /** GET /metrics: served when enabled, and then only with the token when one is set. */
  metrics: { enabled: boolean; token: string | undefined };
  /** OpenTelemetry tracing (observability/tracing.ts reads the same variables before anything loads). */
  tracing: { endpoint: string | undefined; protocol: Env['OTEL_EXPORTER_OTLP_PROTOCOL']; serviceName: string };
  /** Issue 19: invoices (modules/invoices). */
  invoices: {
    viesCheck: boolean;
    viesApiBase: string;
    /** SEK per unit of a foreign currency (configured; see INVOICE_EXCHANGE_RATES). */
    exchangeRates: Record<string, number>;
  };
  /** Issue 22: checks of sites under care (modules/monitoring). */
  monitoring: {
    enabled: boolean;
    concurrency: number;
    timeoutMs: number;
    failuresToOpen: number;
    rdapUrl: string | undefined;
  };
  /**
   * Issue 21: outgoing webhooks. With the defaults a message is tried 13 times over about 28 hours
   * (30 s, 1 min, 2 min, ... up to 4 h between tries) before its endpoint is marked failing.
   */
  webhooks: {
    allowLoopback: boolean;
    retryLimit: number;
    retryDelaySeconds: number;
    retryDelayMaxSeconds: number;
    timeoutMs: number;
  };
  payments: {
    stripe: { secretKey?: string; webhookSecret?: string; apiBase?: string };
    mollie: { apiKey?: string; apiBase?: string };
    paypal: {
      clientId?: string;
      clientSecret?: string;
      webhookId?: string;
      apiBase?: string;
      live: boolean;
    };
  };
}

export interface AttachmentsS3 {
  bucket: string;
  endpoint: string | undefined;
  region: string;
  prefix: string;
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Development secrets live in the data folder so that the first start needs no setup. */
function localSecrets(dataDir: string): {
  session: string;
  credentialsKey: string;
} {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    session: randomBytes(32).toString('base64url'),
    credentialsKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  return secrets;
}

function keyringFrom(current: string, env: Env): KeyringConfig {
  try {
    return parseKeyringFromEnv(current, env.CREDENTIALS_KEY_VERSION, env.CREDENTIALS_PREVIOUS_KEYS);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${(error as Error).message}`);
  }
}

function webauthnFrom(env: Env): Config['webauthn'] {
  const publicUrl = env.PUBLIC_URL ? new URL(env.PUBLIC_URL) : undefined;
  const origins = env.WEBAUTHN_ORIGINS
    ? env.WEBAUTHN_ORIGINS.split(',').map((o) => o.trim().replace(/\/+$/, ''))
    : publicUrl
      ? [publicUrl.origin]
      : [];
  return { rpId: env.WEBAUTHN_RP_ID ?? publicUrl?.hostname ?? 'localhost', origins: origins.filter(Boolean) };
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.SITECARE_DATA_DIR ?? path.join(REPO_ROOT, '.data'));
  const generated =
    env.SESSION_SECRET && env.CREDENTIALS_KEY
      ? undefined
      : localSecrets(dataDir); /* never reached in production: required above */

  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1'),
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: env.LOG_LEVEL,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    databaseMigrationUrl: env.DATABASE_MIGRATION_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    compiledReads: env.COMPILED_READS ?? true,
    http: {
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    loadDemoData: env.SITECARE_DEMO ?? !isProduction,
    secrets: { session: env.SESSION_SECRET ?? generated!.session },
    keyring: keyringFrom(env.CREDENTIALS_KEY ?? generated!.credentialsKey, env),
    sessions: {
      idleMs: env.SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
      stepUpMs: env.STEP_UP_MINUTES * 60_000,
      // Secure outside local development and tests, which run over plain http on loopback.
      secureCookie: isProduction,
    },
    webauthn: webauthnFrom(env),
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    jobs: { tickSeconds: env.SITECARE_JOB_TICK_SECONDS },
    inboundEmailToken: env.INBOUND_EMAIL_TOKEN,
    attachments: {
      s3: env.ATTACHMENTS_S3_BUCKET
        ? {
            bucket: env.ATTACHMENTS_S3_BUCKET,
            endpoint: env.ATTACHMENTS_S3_ENDPOINT,
            region: env.ATTACHMENTS_S3_REGION ?? 'us-east-1',
            prefix: env.ATTACHMENTS_S3_PREFIX ?? '',
            forcePathStyle: env.ATTACHMENTS_S3_FORCE_PATH_STYLE ?? false,
          }
        : undefined,
    },
    metrics: { enabled: Boolean(env.METRICS_TOKEN) || !isProduction, token: env.METRICS_TOKEN },
    tracing: {
      endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT,
      protocol: env.OTEL_EXPORTER_OTLP_PROTOCOL,
      serviceName: env.OTEL_SERVICE_NAME ?? 'sitecare',
    },
    invoices: {
      viesCheck: env.VIES_CHECK ?? false,
      viesApiBase: env.VIES_API_BASE ?? 'https://ec.europa.eu/taxation_customs/vies/rest-api',
      exchangeRates: Object.fromEntries(
        (env.INVOICE_EXCHANGE_RATES ?? 'EUR=11.20,USD=10.40')
          .split(',')
          .map((pair) => pair.split('='))
          .map(([code, rate]) => [code, Number(rate)]),
      ),
    },
    monitoring: {
      enabled: env.MONITORING_CHECKS ?? isProduction,
      concurrency: env.MONITORING_CONCURRENCY,
      timeoutMs: env.MONITORING_TIMEOUT_MS,
      failuresToOpen: env.MONITORING_FAILURES_TO_OPEN,
      rdapUrl: env.MONITORING_RDAP_URL,
    },
    webhooks: {
      allowLoopback: env.WEBHOOKS_ALLOW_LOOPBACK ?? false,
      retryLimit: env.WEBHOOK_RETRY_LIMIT,
      retryDelaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS,
      retryDelayMaxSeconds: env.WEBHOOK_RETRY_DELAY_MAX_SECONDS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    },
    payments: {
      stripe: {
        secretKey: env.STRIPE_SECRET_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
        apiBase: env.STRIPE_API_BASE,
      },
      mollie: { apiKey: env.MOLLIE_API_KEY, apiBase: env.MOLLIE_API_BASE },
      paypal: {
        clientId: env.PAYPAL_CLIENT_ID,
        clientSecret: env.PAYPAL_CLIENT_SECRET,
        webhookId: env.PAYPAL_WEBHOOK_ID,
        apiBase: env.PAYPAL_API_BASE,
        live: env.PAYPAL_ENVIRONMENT === 'live',
      },
    },
  };
}
