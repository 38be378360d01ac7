// No Docker engine runs here: the compose file and Dockerfile are checked by reading them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIG_VARIABLES, REQUIRED_IN_PRODUCTION } from '../../server/src/config';
import { REPO_ROOT } from '../support/sitecare-process';

const compose = parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));
const dockerfile = readFileSync(path.join(REPO_ROOT, 'Dockerfile'), 'utf8');

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
    expect(server.healthcheck.test.join(' ')).toContain('/healthz');
  });

  it('wires DATABASE_URL to an application role and migrations to the owner, and gives every variable production requires', () => {
    const env = compose.services.server.environment;
    const pg = compose.services.postgres.environment;
    expect(env.NODE_ENV).toBe('production');
    expect(env.DATABASE_URL).toBe(`postgres://sitecare_app:\${APP_DB_PASSWORD}@postgres:5432/${pg.POSTGRES_DB}`);
    expect(env.DATABASE_MIGRATION_URL).toBe(
      `postgres://${pg.POSTGRES_USER}:\${POSTGRES_PASSWORD}@postgres:5432/${pg.POSTGRES_DB}`,
    );
    for (const name of REQUIRED_IN_PRODUCTION) expect(env[name]).toBeTruthy();
  });

  it('S10: creates the application role without superuser, BYPASSRLS or ownership when the volume is new', () => {
    const pg = compose.services.postgres;
    expect(pg.volumes).toContain('./docker/postgres-init:/docker-entrypoint-initdb.d:ro');
    const script = readFileSync(path.join(REPO_ROOT, 'docker', 'postgres-init', '10-app-role.sh'), 'utf8');
    expect(script).toMatch(/create role sitecare_app with login nosuperuser nobypassrls/);
    expect(pg.environment.APP_DB_PASSWORD).toContain('APP_DB_PASSWORD');
  });

  it('sets only variables the server reads', () => {
    for (const name of Object.keys(compose.services.server.environment)) expect(CONFIG_VARIABLES).toContain(name);
  });
});

describe('Dockerfile', () => {
  it('installs the locked dependencies with the pinned pnpm, builds, and starts the built server', () => {
    expect(dockerfile).toContain('pnpm@12.4.2');
    expect(dockerfile).toContain('pnpm install --frozen-lockfile');
    expect(dockerfile).toContain('RUN pnpm build');
    expect(dockerfile).toMatch(/^FROM node:24-slim\b/m);
    expect(dockerfile).not.toMatch(/^FROM node:(?!24)/m);
    expect(dockerfile).toContain('CMD ["node", "server/dist/main.js"]');
    expect(dockerfile).toMatch(/^USER node$/m);
  });

  it('copies the manifest of every workspace package before installing', () => {
    const workspaces = parse(readFileSync(path.join(REPO_ROOT, 'pnpm-workspace.yaml'), 'utf8')).packages as string[];
    for (const pkg of workspaces) expect(dockerfile).toContain(`COPY ${pkg}/package.json ${pkg}/`);
  });
});
