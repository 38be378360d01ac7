// `pnpm start`: boots Sitecare and prints where to find it.
// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) hooks http, express and pg before they load.
import { stopTracing } from './observability/tracing';
import 'reflect-metadata';
import { DEMO_PASSWORD, DEMO_TOTP_EMAIL, demoLogins } from '@sitecare/seeds';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startSitecare } from './server';

async function main(): Promise<void> {
  const started = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const sitecare = await startSitecare(config, logger);
  // Before the banner: whoever reads "ready" may signal at once.
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // With the embedded database, its own exit hook calls the same (memoised) stop; exiting here
    // first turns the signal into a clean exit code 0 once PostgreSQL is down.
    sitecare
      .stop()
      .then(() => stopTracing())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  const lines = [
    '',
    `Sitecare is ready in ${seconds} s (${config.env}, ${sitecare.database.embedded ? 'embedded PostgreSQL in ' + config.dataDir : 'DATABASE_URL'})`,
    `  Dashboard  ${sitecare.url}/`,
    `  GraphQL    ${sitecare.url}/graphql`,
    `  Health     ${sitecare.url}/livez (process), ${sitecare.url}/readyz (database, migrations, jobs)`,
    `  Metrics    ${config.metrics.enabled ? `${sitecare.url}/metrics${config.metrics.token ? ' (Bearer METRICS_TOKEN)' : ''}` : 'off (set METRICS_TOKEN)'}`,
    ...(config.tracing.endpoint
      ? [`  Traces     OTLP to ${config.tracing.endpoint} (${config.tracing.protocol})`]
      : []),
    `  Listening  ${config.host}:${sitecare.port}`,
  ];
  if (sitecare.migrationsApplied.length) lines.push(`  Migrations applied: ${sitecare.migrationsApplied.join(', ')}`);
  if (sitecare.demo) {
    lines.push('  Demo data loaded:');
    for (const t of sitecare.demo.tenants) lines.push(`    ${t.name} (${t.slug}): ${t.users} users`);
  }
  if (config.loadDemoData) {
    lines.push(`  Demo logins (password: ${DEMO_PASSWORD}):`);
    for (const login of demoLogins())
      lines.push(`    ${login.tenant.padEnd(24)} ${login.role.padEnd(11)} ${login.email}`);
    // Issue 20: one demo login has an authenticator app; its codes come from the CLI (development only).
    lines.push(
      `  Two-step login: ${DEMO_TOTP_EMAIL} asks for a code after the password: pnpm sitecare totp:code ${DEMO_TOTP_EMAIL}`,
    );
  }
  lines.push('  Stop with Ctrl-C.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Sitecare failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
