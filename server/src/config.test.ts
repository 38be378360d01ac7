import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const tempDir = () => mkdtemp(path.join(tmpdir(), 'sitecare-config-'));

describe('configuration', () => {
  it('refuses to start in production without a database, secrets and public URL, naming each variable', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['DATABASE_URL', 'SESSION_SECRET', 'CREDENTIALS_KEY', 'PUBLIC_URL']) {
      expect(message).toContain(`${name}: is required in production`);
    }
  });

  it('names the variable of a malformed value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT:/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ CREDENTIALS_KEY: 'c2hvcnQ=' })).toThrow(/CREDENTIALS_KEY: must be 32 bytes/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV:/);
    expect(() => loadConfig({ SITECARE_DATA_DIR: tmpdir(), CREDENTIALS_PREVIOUS_KEYS: 'x' })).toThrow(
      /CREDENTIALS_PREVIOUS_KEYS/,
    );
  });

  it('has short but sane timeouts against slow clients, and refuses a request timeout below the headers timeout', async () => {
    const dir = await tempDir();
    expect(loadConfig({ SITECARE_DATA_DIR: dir }).http).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
    });
    expect(() =>
      loadConfig({ SITECARE_DATA_DIR: dir, HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' }),
    ).toThrow(/HTTP_REQUEST_TIMEOUT_MS: must not be shorter than HTTP_HEADERS_TIMEOUT_MS/);
  });

  it('accepts a complete production configuration and listens on all interfaces', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://app:secret@db:5432/sitecare',
      SESSION_SECRET: 'x'.repeat(40),
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
      PUBLIC_URL: 'https://care.example.com',
      PORT: '8080',
    });
    expect(config).toMatchObject({ isProduction: true, port: 8080, host: '0.0.0.0', loadDemoData: false });
    expect(config.keyring.current).toEqual({ version: 1, key: Buffer.alloc(32, 7) });
  });

  it('generates development secrets once, privately, under the data folder', async () => {
    const dir = await tempDir();
    const first = loadConfig({ SITECARE_DATA_DIR: dir });
    const second = loadConfig({ SITECARE_DATA_DIR: dir });
    expect(first.host).toBe('127.0.0.1');
    expect(first.loadDemoData).toBe(true);
    expect(first.secrets.session.length).toBeGreaterThanOrEqual(32);
    expect(second.secrets).toEqual(first.secrets);
    const file = path.join(dir, 'secrets.json');
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect(JSON.parse(await readFile(file, 'utf8')).session).toBe(first.secrets.session);
  });

  it('M24: serves /metrics outside production without a token, in production only with one; checks the tracing settings', async () => {
    const dir = await tempDir();
    expect(loadConfig({ SITECARE_DATA_DIR: dir }).metrics).toEqual({ enabled: true, token: undefined });
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://app:secret@db:5432/sitecare',
      SESSION_SECRET: 'x'.repeat(40),
      CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64'),
      PUBLIC_URL: 'https://care.example.com',
    };
    expect(loadConfig(production).metrics).toEqual({ enabled: false, token: undefined });
    const token = 'm'.repeat(32);
    expect(loadConfig({ ...production, METRICS_TOKEN: token }).metrics).toEqual({ enabled: true, token });
    expect(() => loadConfig({ SITECARE_DATA_DIR: dir, METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN: must be at least 24 characters/,
    );
    expect(loadConfig({ SITECARE_DATA_DIR: dir }).tracing).toEqual({
      endpoint: undefined,
      protocol: 'http/protobuf',
      serviceName: 'sitecare',
    });
    expect(
      loadConfig({ SITECARE_DATA_DIR: dir, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing.endpoint,
    ).toBe('http://collector:4318');
    expect(() => loadConfig({ SITECARE_DATA_DIR: dir, OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT:/,
    );
    expect(() => loadConfig({ SITECARE_DATA_DIR: dir, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(
      /OTEL_EXPORTER_OTLP_PROTOCOL:/,
    );
  });

  it('M24: the period of the frequent jobs is a minute unless SITECARE_JOB_TICK_SECONDS says otherwise (1 s to 1 h)', () => {
    const dir = tmpdir() + '/sitecare-ticks';
    expect(loadConfig({ SITECARE_DATA_DIR: dir }).jobs).toEqual({ tickSeconds: 60 });
    expect(loadConfig({ SITECARE_DATA_DIR: dir, SITECARE_JOB_TICK_SECONDS: '3' }).jobs).toEqual({ tickSeconds: 3 });
    for (const bad of ['0', '2.5', '3601', 'often'])
      expect(() => loadConfig({ SITECARE_DATA_DIR: dir, SITECARE_JOB_TICK_SECONDS: bad })).toThrow(
        /SITECARE_JOB_TICK_SECONDS:/,
      );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', SITECARE_DATA_DIR: tmpdir() + '/sitecare-empty' }).port).toBe(4000);
  });
});
