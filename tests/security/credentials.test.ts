// Site access data (P7): encrypted at rest, revealed one at a time, every reveal and denial audited.
import { demoTenants } from '@sitecare/seeds';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { queryAs } from '../../server/src/testing/database';
import { as, errorCode } from '../support/api-client';
import { startDemoApp, type DemoApp } from '../support/demo-app';
import { REPO_ROOT, startSitecareProcess } from '../support/sitecare-process';

const REVEAL = 'mutation($id: UUID!) { siteCredentialReveal(id: $id) { secret revealedAt } }';
const demoSecrets = demoTenants.flatMap((t) =>
  t.customers.flatMap((c) => c.sites.flatMap((s) => s.credentials.map((k) => k.secret))),
);

let demo: DemoApp;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) =>
  queryAs<T>(demo.db.superuserUrl, text, params);
const credentialOf = async (domain: string, label: string) =>
  (
    await sql(
      `select k.id from site_credentials k join sites s on s.id = k.site_id where s.domain = $1 and k.label = $2`,
      [domain, label],
    )
  )[0].id as string;

beforeAll(async () => {
  demo = await startDemoApp();
});
afterAll(() => demo?.stop());

describe('P7: credentials at rest and in queries', () => {
  it('P7: no table holds a demo secret in plaintext', async () => {
    const dump =
      JSON.stringify(await sql('select * from site_credentials')) +
      JSON.stringify(await sql('select * from audit_events'));
    expect(demoSecrets.length).toBeGreaterThan(3);
    for (const secret of demoSecrets) expect(dump).not.toContain(secret);
    const rows = await sql<{ secret_ciphertext: string; key_version: number }>(
      'select secret_ciphertext, key_version from site_credentials',
    );
    for (const row of rows) expect(row.secret_ciphertext).toMatch(new RegExp(`^v1\\.${row.key_version}\\.`));
  });

  it('P7: the API has no field that returns a secret except the reveal mutation', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const res = await employee.gql('{ sites { nodes { credentials { secret } } } }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const list = await employee.ok(
      '{ sites { nodes { credentials { id kind label url username keyVersion notes } } } }',
    );
    const text = JSON.stringify(list);
    for (const secret of demoSecrets) expect(text).not.toContain(secret);
  });

  it('P7: an assigned contractor reveals a secret, and the reveal is audited', async () => {
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const id = await credentialOf('bageriet-ek.example.com', 'WordPress admin');
    const { siteCredentialReveal } = await contractor.ok(REVEAL, { id });
    expect(siteCredentialReveal.secret).toBe('demo-Wp!bageriet-2026');
    const [row] = await sql(
      `select a.outcome, a.actor_type, u.email from audit_events a join users u on u.id = a.actor_user_id
        where a.action = 'credential.reveal' and a.entity_id = $1`,
      [id],
    );
    expect(row).toEqual({ outcome: 'ALLOWED', actor_type: 'USER', email: 'kontraktor@freelance.example.com' });
  });
});

describe('S13: a contractor asking for what is not assigned', () => {
  it('S13: gets NOT_FOUND for the credential, its site and its owner; no plaintext anywhere; the attempt is audited DENIED', async () => {
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const id = await credentialOf('fjallbryggeri.example.com', 'Hosting panel'); // assignment ended
    const res = await contractor.gql(REVEAL, { id });
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(JSON.stringify(res)).not.toContain('demo-panel-Qx81');
    const [site] = await sql(`select id, customer_id from sites where domain = 'fjallbryggeri.example.com'`);
    expect(errorCode(await contractor.gql('query($id: UUID!) { site(id: $id) { id } }', { id: site.id }))).toBe(
      'NOT_FOUND',
    );
    expect(
      errorCode(await contractor.gql('query($id: UUID!) { customer(id: $id) { name } }', { id: site.customer_id })),
    ).toBe('NOT_FOUND');
    const denied = await sql(
      `select outcome, detail from audit_events where action = 'credential.reveal' and entity_id = $1`,
      [id],
    );
    expect(denied).toEqual([{ outcome: 'DENIED', detail: { requestedId: id } }]);
    expect(demo.app.output()).not.toContain('demo-panel-Qx81');
  });

  it("S13: another agency's credential id answers NOT_FOUND too, audited in the asker's agency", async () => {
    const contractor = await as(demo.url, 'jj-media', 'CONTRACTOR');
    const id = await credentialOf('fjallstuga.example.com', 'WordPress admin'); // Nordvik's
    expect(errorCode(await contractor.gql(REVEAL, { id }))).toBe('NOT_FOUND');
    const [row] = await sql(
      `select a.outcome, t.slug from audit_events a join tenants t on t.id = a.tenant_id
        where a.action = 'credential.reveal' and a.detail->>'requestedId' = $1`,
      [id],
    );
    expect(row).toEqual({ outcome: 'DENIED', slug: 'jj-media' });
  });
});

describe('S14: no reveal without its audit row', () => {
  it('S14: if the audit row cannot be written, the reveal fails and nothing is revealed', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const id = await credentialOf('bageriet-ek.example.com', 'SFTP');
    await sql('revoke insert on audit_events from sitecare_app');
    try {
      const res = await employee.gql(REVEAL, { id });
      expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res)).not.toContain('demo-sftp-7f3k9q');
      expect(res.data).toBeNull();
    } finally {
      await sql('grant insert on audit_events to sitecare_app');
    }
    const [{ last_revealed_at }] = await sql('select last_revealed_at from site_credentials where id = $1', [id]);
    expect(last_revealed_at).toBeNull();
    expect((await employee.ok(REVEAL, { id })).siteCredentialReveal.secret).toBe('demo-sftp-7f3k9q');
  });
});

describe('S16: ciphertexts are bound to their row', () => {
  it('S16: a ciphertext moved to another credential fails to decrypt', async () => {
    const employee = await as(demo.url, 'jj-media', 'EMPLOYEE');
    const from = await credentialOf('bageriet-ek.example.com', 'WordPress admin');
    const to = await credentialOf('bageriet-ek.example.com', 'SFTP');
    const [original] = await sql('select secret_ciphertext from site_credentials where id = $1', [to]);
    await sql(
      'update site_credentials set secret_ciphertext = (select secret_ciphertext from site_credentials where id = $1) where id = $2',
      [from, to],
    );
    try {
      const res = await employee.gql(REVEAL, { id: to });
      expect(errorCode(res)).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(res)).not.toContain('demo-Wp!bageriet-2026');
    } finally {
      await sql('update site_credentials set secret_ciphertext = $1 where id = $2', [original.secret_ciphertext, to]);
    }
  });
});

describe('S17: key rotation', () => {
  it('S17: after a new key and rotate-keys, everything decrypts and the old key can be retired', async () => {
    await demo.app.stop();
    const oldKey = demo.db.env.CREDENTIALS_KEY;
    const newKey = Buffer.alloc(32, 0x7e).toString('base64');
    const rotated = {
      ...demo.db.env,
      CREDENTIALS_KEY: newKey,
      CREDENTIALS_KEY_VERSION: '2',
      CREDENTIALS_PREVIOUS_KEYS: `1:${oldKey}`,
    };
    const id = await credentialOf('bageriet-ek.example.com', 'WordPress admin');

    // 1. New key in force, old one still known: old secrets read, new ones are written under v2.
    let app = await startSitecareProcess({ ...rotated, SITECARE_DEMO: 'false' });
    let admin = await as(app.url, 'jj-media', 'ADMIN');
    expect((await admin.ok(REVEAL, { id })).siteCredentialReveal.secret).toBe('demo-Wp!bageriet-2026');
    await app.stop();

    // 2. rotate-keys rewraps everything under v2.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(REPO_ROOT, 'server', 'dist', 'cli.js'), 'rotate-keys'],
      {
        env: { PATH: process.env.PATH, ...rotated, LOG_LEVEL: 'silent' },
      },
    );
    expect(stdout).toMatch(/rewrapped \d+ secrets under key version 2/);
    const versions = await sql('select distinct key_version from site_credentials');
    expect(versions).toEqual([{ key_version: 2 }]);

    // 3. The old key retired: every secret still reads.
    app = await startSitecareProcess({
      ...demo.db.env,
      CREDENTIALS_KEY: newKey,
      CREDENTIALS_KEY_VERSION: '2',
      SITECARE_DEMO: 'false',
    });
    try {
      admin = await as(app.url, 'jj-media', 'ADMIN');
      expect((await admin.ok(REVEAL, { id })).siteCredentialReveal.secret).toBe('demo-Wp!bageriet-2026');
    } finally {
      await app.stop();
    }
  });
});
