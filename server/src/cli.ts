// `pnpm sitecare <command>`: operator commands against the embedded default or DATABASE_URL.
import 'reflect-metadata';
import { sendMonthlyCareReports } from './modules/monitoring/care-report';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Command } from 'commander';
import { DEFAULT_SCALE, scaledPlan } from '@sitecare/seeds';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { z } from 'zod';
import { LoginThrottle } from './auth/throttle';
import { loadConfig, type Config } from './config';
import { backupDatabase, compareWithManifest, restoreDatabase } from './db/backup';
import { ensureDatabase, resolveDatabase, type DatabaseTarget } from './db/database';
import { withMigrationLock } from './db/migrate';
import { loadScale } from './db/scale';
import { hashPassword } from './auth/passwords';
import { initOrm, migrateUp } from './db/orm';
import { APP_ROLE, OWNER_ROLE, provisionRoles, withCredentials, withDatabaseName } from './db/roles';
import { entityShapedSchema } from './db/tenant-keys';
import { systemContext, useTenant } from './graphql/context';
import { printSitecareSchema } from './graphql/schema';
import { createLogger } from './logger';
import { runRetention } from './jobs/retention';
import { renewDueSubscriptions } from './modules/subscriptions/renewal.service';
import { sendInvoiceReminders } from './modules/invoices/invoice-reminders';
import { rewrapAll } from './modules/credentials/credential.service';
import { rewrapAgencySecrets } from './modules/agency-secrets/agency-secret.service';
import { currentTotpCode, rewrapTotpSecrets } from './modules/auth/second-factor.service';
import { Keyring } from './secrets/keyring';
import { audit } from './modules/audit/audit.service';
import { sendInvitation } from './modules/auth/auth.service';
import { Tenant } from './modules/tenants/tenant.entity';
import { createTenant } from './modules/tenants/tenant.service';
import { User } from './modules/users/user.entity';

const program = new Command('sitecare').description('Sitecare operator commands');

/** Runs `work` as the tables' owner, migrated (operator work is the explicit system path). */
async function withOwnerOrm<T>(work: (orm: MikroORM, config: Config, ownerUrl: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const database = await resolveDatabase(config, logger);
  const orm = await initOrm(database.ownerUrl, { logger: () => undefined });
  try {
    await withMigrationLock(database.ownerUrl, () => migrateUp(orm));
    return await work(orm, config, database.ownerUrl);
  } finally {
    await orm.close(true);
    await database.embedded?.stop();
  }
}

/** Runs `work` with the resolved database as it is (no migrations): for reading it, e.g. a backup. */
async function withDatabase<T>(work: (database: DatabaseTarget) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await resolveDatabase(config, createLogger(process.env.LOG_LEVEL ?? 'warn'));
  try {
    return await work(database);
  } finally {
    await database.embedded?.stop();
  }
}

/** Migrates the database at `ownerUrl` (a fresh one before a restore). */
async function migrateDatabase(ownerUrl: string): Promise<void> {
  const orm = await initOrm(ownerUrl, { logger: () => undefined });
  try {
    await withMigrationLock(ownerUrl, () => migrateUp(orm));
  } finally {
    await orm.close(true);
  }
}

/** The services system work needs outside a server (the throttle's pool never connects here). */
function cliServices(config: Config) {
  return {
    config,
    logger: createLogger('warn'),
    throttle: new LoginThrottle(new Pool({ max: 1 })),
    keyring: new Keyring(config.keyring),
  };
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

program
  .command('schema:emit')
  .description('write the GraphQL SDL to schema/schema.graphql')
  .action(async () => {
    const file = require.resolve('@sitecare/schema/schema.graphql');
    await writeFile(file, await printSitecareSchema());
    console.log(`wrote ${file}`);
  });

program
  .command('migrate')
  .description('apply pending migrations')
  .action(() => withOwnerOrm(async () => console.log('migrations are up to date')));

program
  .command('migration:create')
  .argument('[name]', 'a short name for the migration')
  .description('write a migration for the difference between the entities and the migrated database')
  .action((name?: string) =>
    withOwnerOrm(async (_migrated, config) => {
      const database = await resolveDatabase(config, createLogger('warn'));
      // A second ORM that resolves migration paths to the TypeScript sources, where the new file belongs.
      const orm = await initOrm(database.ownerUrl, { preferTs: true, logger: () => undefined });
      try {
        // The migrator compares the entities with this schema (its snapshot hook; snapshots are off):
        // the database's, with the agency keys in the entities' terms (db/tenant-keys.ts), so a new
        // migration does not undo them.
        const fromSchema = await entityShapedSchema(orm);
        const migrator = orm.getMigrator();
        Object.assign(migrator, { getSchemaFromSnapshot: () => fromSchema });
        const result = await migrator.createMigration(undefined, false, false, name);
        console.log(result.diff.up.length ? `wrote ${result.fileName}` : 'no changes: nothing written');
      } finally {
        await orm.close(true);
      }
    }),
  );

const KNOWN_AUTHORITIES: Record<string, { name: string; url: string }> = {
  SE: { name: 'Integritetsskyddsmyndigheten (IMY)', url: 'https://www.imy.se' },
};

const tenantOptions = z.object({
  name: z.string().trim().min(1, '--name is required'),
  adminEmail: z.email('--admin-email must be an e-mail address'),
  adminName: z.string().trim().min(1).default('Administrator'),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '--slug may hold lower-case letters, digits and single dashes')
    .optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, '--country must be an ISO 3166-1 alpha-2 code, e.g. SE')
    .default('SE'),
  language: z.enum(['sv', 'en'], { message: '--language must be sv or en' }).default('sv'),
  privacyEmail: z.email('--privacy-email must be an e-mail address').optional(),
  authorityName: z.string().min(1).optional(),
  authorityUrl: z.url('--authority-url must be a URL').optional(),
});

const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

program
  .command('tenant:create')
  .description("onboard an agency: creates the tenant and its first admin, and prints the admin's invitation link")
  .requiredOption('--name <name>', "the agency's name")
  .requiredOption('--admin-email <email>', 'e-mail of the first admin')
  .option('--admin-name <name>', 'name of the first admin')
  .option('--slug <slug>', 'short unique name (default: from the name)')
  .option('--country <code>', 'ISO 3166-1 alpha-2 country (default SE)')
  .option('--language <sv|en>', 'default language (default sv)')
  .option('--privacy-email <email>', 'privacy contact (default: the admin e-mail)')
  .option('--authority-name <name>', 'supervisory authority (default for SE: IMY)')
  .option('--authority-url <url>', "supervisory authority's web address")
  .action(async (raw: Record<string, string>) => {
    const parsed = tenantOptions.safeParse(raw);
    if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join('\n'));
    const o = parsed.data;
    const country = o.country.toUpperCase();
    const authority =
      o.authorityName && o.authorityUrl
        ? { name: o.authorityName, url: o.authorityUrl }
        : (KNOWN_AUTHORITIES[country] ?? fail(`--authority-name and --authority-url are required for ${country}`));
    const slug = o.slug ?? slugify(o.name);
    if (!slug) fail('--slug is required: the name gives no usable slug');

    await withOwnerOrm(async (orm, config) => {
      if (await orm.em.fork().count(Tenant, { slug }, { filters: false })) fail(`a tenant with slug "${slug}" exists`);
      const app = cliServices(config);
      const link = await orm.em.fork().transactional(async (em) => {
        const ctx = systemContext(em, app, 'cli:tenant:create');
        const tenant = createTenant(em, {
          name: o.name,
          slug,
          country,
          defaultLanguage: o.language,
          privacyContactEmail: o.privacyEmail ?? o.adminEmail,
          supervisoryAuthorityName: authority.name,
          supervisoryAuthorityUrl: authority.url,
        });
        await em.flush();
        await useTenant(ctx, tenant.id);
        const admin = em.create(User, {
          tenant,
          email: o.adminEmail,
          name: o.adminName,
          role: 'ADMIN',
          preferredLanguage: o.language,
        });
        await em.flush();
        const invitation = await sendInvitation(ctx, admin);
        await audit(ctx, { action: 'tenant.create', entityType: 'Tenant', entityId: tenant.id, detail: { slug } });
        return invitation;
      });
      await app.throttle.close();
      console.log(`Created "${o.name}" (${slug}). Invitation for ${o.adminEmail} (valid 7 days):\n${link}`);
    });
  });

program
  .command('totp:code')
  .description(
    'development only: the current authenticator code of a login (the demo seeds one: ida@nordvik.example.com)',
  )
  .argument('<email>', 'the login')
  .action((email: string) =>
    withOwnerOrm(async (orm, config) => {
      if (config.isProduction) fail('totp:code is for development only');
      console.log(await currentTotpCode(orm.em.fork(), new Keyring(config.keyring), email));
    }),
  );

program
  .command('rotate-keys')
  .description(
    're-encrypt every site credential and agency secret under the current CREDENTIALS_KEY (then retire the previous keys)',
  )
  .action(() =>
    withOwnerOrm(async (orm, config) => {
      const keyring = new Keyring(config.keyring);
      const count = await orm.em
        .fork()
        .transactional(
          async (em) =>
            (await rewrapAll(em, keyring)) +
            (await rewrapAgencySecrets(em, keyring)) +
            (await rewrapTotpSecrets(em, keyring)),
        );
      console.log(`rewrapped ${count} secrets under key version ${keyring.currentVersion}`);
    }),
  );

program
  .command('subscriptions:renew')
  .description('place the renewal orders of subscriptions whose period has ended (also runs every morning)')
  .action(() =>
    withOwnerOrm(async (orm, config) => {
      const app = cliServices(config);
      const run = await renewDueSubscriptions(orm.em, app);
      console.log(
        `renewal orders placed: ${run.placed} (charged through the stored method: ${run.charged}; to retry: ${run.failed})`,
      );
      await app.throttle.close();
    }),
  );

program
  .command('invoices:remind')
  .description('mail reminders of overdue invoices now, once per step (also runs every morning)')
  .option('--now <iso>', 'act as if it were this time (e.g. 2026-12-20T08:00:00Z)')
  .action((o: { now?: string }) =>
    withOwnerOrm(async (orm, config) => {
      const app = cliServices(config);
      const now = o.now ? new Date(o.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new Error('--now must be an ISO 8601 time');
      const run = await sendInvoiceReminders(orm.em, app, now);
      console.log(`invoice reminders: ${run.reminded} sent, ${run.failed} to retry`);
      await app.throttle.close();
    }),
  );

program
  .command('retention:run')
  .description('run every retention task now (they also run nightly), e.g. purge expired backup records')
  .option('--now <iso>', 'act as if it were this time (e.g. 2027-01-08T03:00:00Z)')
  .action((o: { now?: string }) =>
    withOwnerOrm(async (orm, config) => {
      const app = cliServices(config);
      const now = o.now ? new Date(o.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new Error('--now must be an ISO 8601 time');
      for (const report of await runRetention(orm.em.fork(), app, now))
        console.log(`${report.task}: removed ${report.removed}`);
      await app.throttle.close();
    }),
  );

program
  .command('care-reports:send')
  .description(
    "make and mail last month's care reports now (the hourly job does it on each agency's first of the month)",
  )
  .option('--now <iso>', 'act as if it were this time (e.g. 2026-12-01T07:00:00Z)')
  .action((o: { now?: string }) =>
    withOwnerOrm(async (orm, config) => {
      const app = cliServices(config);
      const now = o.now ? new Date(o.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new Error('--now must be an ISO 8601 time');
      const run = await sendMonthlyCareReports(orm.em, app, now);
      console.log(`care reports: ${run.made} made, ${run.mailed} mails`);
      await app.throttle.close();
    }),
  );

program
  .command('seed:scale')
  .description('load the benchmark data: agencies of skewed sizes (deterministic); refuses to load twice')
  .option('--tenants <n>', 'agencies', String(DEFAULT_SCALE.tenants))
  .option('--customers <n>', 'customers in all', String(DEFAULT_SCALE.customers))
  .option('--sites <n>', 'sites in all', String(DEFAULT_SCALE.sites))
  .option('--orders <n>', 'orders in all', String(DEFAULT_SCALE.orders))
  .option('--ticket-messages <n>', 'ticket messages in all', String(DEFAULT_SCALE.ticketMessages))
  .option('--factor <n>', 'multiplies customers, sites, orders and messages (e.g. 10)', '1')
  .option('--seed <n>', 'the random seed', String(DEFAULT_SCALE.seed))
  .option('--password <password>', 'the password of every staff login', 'sitecare-bench-2026')
  .action((o: Record<string, string>) =>
    withOwnerOrm(async (_orm, _config, ownerUrl) => {
      const count = (name: string) => {
        const n = Number(o[name]);
        if (!Number.isInteger(n) || n < 1) fail(`--${name} must be a whole number above 0`);
        return n;
      };
      const plan = scaledPlan(
        {
          tenants: count('tenants'),
          customers: count('customers'),
          sites: count('sites'),
          orders: count('orders'),
          ticketMessages: count('ticketMessages'),
          seed: count('seed'),
        },
        count('factor'),
      );
      const result = await loadScale(ownerUrl, plan, await hashPassword(o.password));
      for (const [table, n] of Object.entries(result.rows)) console.log(`${table.padEnd(18)} ${n}`);
      console.log(`loaded in ${result.seconds.toFixed(1)} s`);
    }),
  );

program
  .command('db:provision')
  .description('as a superuser: create the owner and application roles for an external PostgreSQL database')
  .requiredOption('--superuser-url <url>', 'a superuser connection to the server')
  .requiredOption('--database <name>', 'the database (created if missing)')
  .action(async (o: { superuserUrl: string; database: string }) => {
    await ensureDatabase(o.superuserUrl, o.database);
    const passwords = { owner: randomBytes(24).toString('base64url'), app: randomBytes(24).toString('base64url') };
    await provisionRoles(o.superuserUrl, o.database, passwords);
    const url = withDatabaseName(o.superuserUrl, o.database);
    console.log(`DATABASE_URL=${withCredentials(url, APP_ROLE, passwords.app)}`);
    console.log(`DATABASE_MIGRATION_URL=${withCredentials(url, OWNER_ROLE, passwords.owner)}`);
  });

program
  .command('backup')
  .argument('<file>', 'where to write the backup (gzip)')
  .description('write a consistent backup of every table (one snapshot; the servers may keep running)')
  .action((file: string) =>
    withDatabase(async (database) => {
      const manifest = await backupDatabase(database.ownerUrl, file);
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(`wrote ${file}: ${manifest.tables.length} tables, ${rows} rows`);
    }),
  );

program
  .command('restore')
  .argument('<file>', 'a backup written by `sitecare backup`')
  .description('restore a backup into a fresh, empty database (migrated first by this version)')
  .action((file: string) =>
    withDatabase(async (database) => {
      await migrateDatabase(database.ownerUrl);
      const manifest = await restoreDatabase(database.ownerUrl, file);
      const check = await compareWithManifest(database.ownerUrl, manifest);
      const differing = check.filter((t) => !t.same);
      if (differing.length)
        throw new Error(
          `restored, but these tables differ from the backup: ${differing.map((t) => t.name).join(', ')}`,
        );
      console.log(
        `restored ${manifest.tables.length} tables from ${file} (taken ${manifest.createdAt}); rows and checksums match`,
      );
    }),
  );

program
  .command('backup:check')
  .description('back up, restore into a scratch database on the same server, compare every table, drop the scratch')
  .option('--superuser-url <url>', "a role that may create databases (default: the embedded cluster's superuser)")
  .option('--keep', 'keep the scratch database and the backup file')
  .action((o: { superuserUrl?: string; keep?: boolean }) =>
    withDatabase(async (database) => {
      const superuserUrl =
        o.superuserUrl ?? database.embedded?.url ?? fail('--superuser-url is required with DATABASE_URL');
      const folder = await mkdtemp(path.join(tmpdir(), 'sitecare-backup-'));
      const file = path.join(folder, 'sitecare.backup.gz');
      const source = new URL(database.ownerUrl);
      const scratch = `${decodeURIComponent(source.pathname.slice(1))}_restore_check_${randomBytes(4).toString('hex')}`;
      const admin = new Pool({ connectionString: superuserUrl, max: 1 });
      const owner = decodeURIComponent(source.username);
      try {
        const started = performance.now();
        const manifest = await backupDatabase(database.ownerUrl, file);
        await admin.query(`create database "${scratch}" owner "${owner.replace(/"/g, '""')}"`);
        const scratchUrl = withDatabaseName(database.ownerUrl, scratch);
        await migrateDatabase(scratchUrl);
        await restoreDatabase(scratchUrl, file);
        const check = await compareWithManifest(scratchUrl, manifest);
        for (const t of check)
          console.log(
            `${t.name.padEnd(28)} ${String(t.expected).padStart(8)} ${String(t.found).padStart(8)}  ${t.same ? 'ok' : 'DIFFERS'}`,
          );
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const differing = check.filter((t) => !t.same);
        if (differing.length) throw new Error(`backup check FAILED: ${differing.map((t) => t.name).join(', ')} differ`);
        const rows = check.reduce((sum, t) => sum + t.found, 0);
        console.log(`backup check passed: ${check.length} tables, ${rows} rows restored identically in ${seconds} s`);
      } finally {
        if (!o.keep) {
          await admin.query(`drop database if exists "${scratch}" with (force)`);
          await rm(folder, { recursive: true, force: true });
        } else console.log(`kept ${file} and database ${scratch}`);
        await admin.end();
      }
    }),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
