// M12/S38: the attachment store's contract, run against both stores: the disk under `.data/` and the
// S3 store (the real @aws-sdk/client-s3) against a local S3-compatible server (s3rver).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalS3, type LocalS3 } from '../../testing/s3';
import { loadConfig } from '../../config';
import { DiskStore, storeFor, type AttachmentStore } from './storage';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'sitecare-store-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3('test/');
});
afterAll(() => s3?.stop());

const stores: [string, () => Promise<AttachmentStore>][] = [
  ['disk', async () => storeFor(await tempDir(), undefined)],
  ['s3', async () => storeFor(await tempDir(), s3.settings)],
];

describe.each(stores)('M12/S38: the attachment store contract (%s)', (kind, make) => {
  it(`M12: ${kind}: puts, reads back byte for byte, deletes, and answers null for a missing file`, async () => {
    const store = await make();
    expect(store.description.startsWith(kind === 'disk' ? 'disk:' : 's3:sitecare-attachments')).toBe(true);
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13, 0x25, 0x50, 0x44, 0x46]);
    await store.put('tenant-a/0001', bytes, 'application/pdf');
    expect(await store.get('tenant-a/0001')).toEqual(bytes);
    expect(await store.get('tenant-a/0002')).toBeNull();
    await store.put('tenant-a/0001', Buffer.from('second'), 'text/plain'); // overwrite
    expect((await store.get('tenant-a/0001'))?.toString()).toBe('second');
    await store.delete('tenant-a/0001');
    expect(await store.get('tenant-a/0001')).toBeNull();
    await store.delete('tenant-a/0001'); // deleting a missing file is not an error
  });

  it(`S38: ${kind}: keys are the server's own, never a path`, async () => {
    const store = await make();
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'Name.exe', '']) {
      await expect(store.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/Invalid attachment storage key/);
      await expect(store.get(key)).rejects.toThrow(/Invalid attachment storage key/);
    }
  });
});

it('M12: the configuration chooses the store: without ATTACHMENTS_S3_BUCKET the disk under the data directory', async () => {
  const dir = await tempDir();
  const disk = loadConfig({ SITECARE_DATA_DIR: dir });
  expect(disk.attachments.s3).toBeUndefined();
  const store = storeFor(disk.dataDir, disk.attachments.s3);
  expect(store).toBeInstanceOf(DiskStore);
  expect(store.description).toBe(`disk:${path.join(dir, 'attachments')}`);
  expect(loadConfig({ SITECARE_DATA_DIR: dir, ...s3.env }).attachments.s3).toEqual(s3.settings);
  expect(() => loadConfig({ SITECARE_DATA_DIR: dir, ATTACHMENTS_S3_ENDPOINT: 'not a url' })).toThrow(
    /ATTACHMENTS_S3_ENDPOINT/,
  );
});
