// M12/S38: the function the inbound-mail path calls to store the files of a parsed e-mail on the
// ticket message it became (`storeInboundAttachments`): the same sniffing, limits and store as an
// upload; refused files are skipped and named, never failing the mail. file-type (the sniffer) is an
// ES module, which jest's CommonJS runtime cannot import, so the function runs as built (server/dist,
// after `pnpm build`) in a Node process of its own, as the inbound path runs it: the owner's
// connection, the agency set with useTenant.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DiskStore } from './storage';
import { ATTACHMENT_LIMITS } from './attachment.service';
import { createDemoDatabase } from '../../testing/demo';
import { queryAs, type TestDatabase } from '../../testing/database';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = (() => {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(0x14c, 0x84);
  return b;
})();

const SERVER = path.resolve(__dirname, '../../..');
const dist = (file: string) => JSON.stringify(path.join(SERVER, 'dist', file));
const SCRIPT = `
require('reflect-metadata');
const { initOrm } = require(${dist('db/orm')});
const { systemContext, useTenant } = require(${dist('graphql/context')});
const { storeInboundAttachments } = require(${dist('modules/attachments/attachment.service')});
const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
(async () => {
  const orm = await initOrm(input.ownerUrl, { logger: () => undefined });
  try {
    const out = await orm.em.fork().transactional(async (em) => {
      const app = { logger: require('pino')({ level: 'silent' }), config: { dataDir: input.dataDir } };
      const ctx = systemContext(em, app, 'inbound-email');
      await useTenant(ctx, input.tenantId);
      const files = input.files.map((f) => ({ filename: f.filename, bytes: Buffer.from(f.base64, 'base64') }));
      const r = await storeInboundAttachments(ctx, input.messageId, files);
      return { stored: r.stored.map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType })), refused: r.refused };
    });
    process.stdout.write(JSON.stringify({ ok: out }));
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: e.extensions ?? { message: String(e) } }));
  } finally {
    await orm.close(true);
  }
})();
`;

let db: TestDatabase;
let dataDir: string;
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  queryAs<T>(db.superuserUrl, text, params);

beforeAll(async () => {
  db = await createDemoDatabase();
  dataDir = await mkdtemp(path.join(tmpdir(), 'sitecare-inbound-'));
});
afterAll(async () => {
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Outcome {
  ok?: {
    stored: { id: string; filename: string; contentType: string }[];
    refused: { filename: string; reason: string }[];
  };
  error?: { code?: string };
}

/** storeInboundAttachments as the inbound path runs it, for the agency `slug`. */
async function storeInbound(slug: string, messageId: string, files: { filename: string; bytes: Buffer }[]) {
  const [{ id: tenantId }] = await sql<{ id: string }>('select id from tenants where slug = $1', [slug]);
  const input = JSON.stringify({
    ownerUrl: db.ownerUrl,
    dataDir,
    tenantId,
    messageId,
    files: files.map((f) => ({ filename: f.filename, base64: f.bytes.toString('base64') })),
  });
  return new Promise<Outcome>((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', SCRIPT],
      { cwd: SERVER, maxBuffer: 1024 * 1024, env: { PATH: process.env.PATH ?? '' } },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(input);
  });
}

const store = () => new DiskStore(path.join(dataDir, 'attachments'));

const messageOf = async (slug: string) =>
  (
    await sql<{ id: string }>(
      `select m.id from ticket_messages m join tenants t on t.id = m.tenant_id
        where t.slug = $1 and not m.internal and not exists (select 1 from ticket_attachments a where a.message_id = m.id)
        order by m.created_at, m.id limit 1`,
      [slug],
    )
  )[0].id;

describe('M12/S38: attachments from inbound e-mail', () => {
  it('M12: stores the accepted files on the message and in the store; skips and names the refused ones', async () => {
    const messageId = await messageOf('jj-media');
    const files = [
      { filename: 'screenshot.png', bytes: PNG },
      { filename: 'invoice.pdf', bytes: EXE }, // a program named .pdf
      { filename: 'offer.pdf', bytes: PDF },
      { filename: 'huge.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_LIMITS.maxBytes)]) },
    ];
    const { ok: result } = await storeInbound('jj-media', messageId, files);
    expect(result!.stored.map((a) => [a.filename, a.contentType])).toEqual([
      ['screenshot.png', 'image/png'],
      ['offer.pdf', 'application/pdf'],
    ]);
    expect(result!.refused.map((r) => r.filename)).toEqual(['invoice.pdf', 'huge.pdf']);
    const rows = await sql<{ storage_key: string; uploaded_by_id: string | null; tenant_id: string }>(
      'select storage_key, uploaded_by_id, tenant_id from ticket_attachments where message_id = $1 order by created_at',
      [messageId],
    );
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.uploaded_by_id === null)).toBe(true);
    expect(await store().get(rows[0]!.storage_key)).toEqual(PNG);
    expect(await store().get(rows[1]!.storage_key)).toEqual(PDF);
    expect(rows[0]!.storage_key.startsWith(`${rows[0]!.tenant_id}/`)).toBe(true);
  });

  it('M12: at most 5 files on a message; the rest are refused by count', async () => {
    const messageId = await messageOf('nordvik-webbyra');
    const seven = Array.from({ length: 7 }, (_, i) => ({ filename: `${i}.png`, bytes: PNG }));
    const { ok: result } = await storeInbound('nordvik-webbyra', messageId, seven);
    expect(result!.stored).toHaveLength(ATTACHMENT_LIMITS.maxPerMessage);
    expect(result!.refused).toEqual([
      { filename: '5.png', reason: 'count' },
      { filename: '6.png', reason: 'count' },
    ]);
  });

  it("M12: another agency's message is NOT_FOUND (the tenant wall), and nothing is stored", async () => {
    const messageId = await messageOf('jj-media');
    expect(await storeInbound('nordvik-webbyra', messageId, [{ filename: 'a.png', bytes: PNG }])).toEqual({
      error: expect.objectContaining({ code: 'NOT_FOUND' }),
    });
    const [{ n }] = await sql('select count(*)::int as n from ticket_attachments where message_id = $1', [messageId]);
    expect(n).toBe(0);
  });
});
