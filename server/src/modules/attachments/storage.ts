// One storage interface for uploaded files (issue 18, S38): a directory on local disk (`.data/
// attachments` by default) or an S3-compatible bucket in production (`@aws-sdk/client-s3`), chosen
// by the environment. Keys are made by the server (never from a file name). The contract test
// (storage.test.ts) runs against both: the disk store, and the S3 store against a local
// S3-compatible server (s3rver).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { AttachmentsS3, Config } from '../../config';

// Loaded at first use, not at start-up: only an installation with a bucket needs it (issue 24).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const s3sdk = (): typeof import('@aws-sdk/client-s3') => require('@aws-sdk/client-s3');

export interface AttachmentStore {
  /** Where the files go, for logs and the README: `disk:<dir>` or `s3:<bucket>`. */
  readonly description: string;
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when there is no such file. */
  get(key: string): Promise<Buffer | null>;
  /** Deletes the file; a missing file is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Invalid attachment storage key: ${key}`);
  return key;
}

export class DiskStore implements AttachmentStore {
  readonly description: string;
  constructor(private readonly dir: string) {
    this.description = `disk:${dir}`;
  }

  private file(key: string): string {
    return path.join(this.dir, checkKey(key));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(file, bytes, { mode: 0o600 });
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}

export class S3Store implements AttachmentStore {
  readonly description: string;
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix = '',
  ) {
    this.description = `s3:${bucket}`;
  }

  private key(key: string): string {
    return `${this.prefix}${checkKey(key)}`;
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new (s3sdk().PutObjectCommand)({
        Bucket: this.bucket,
        Key: this.key(key),
        Body: bytes,
        ContentType: contentType,
      }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const out = await this.client.send(new (s3sdk().GetObjectCommand)({ Bucket: this.bucket, Key: this.key(key) }));
      return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : null;
    } catch (error) {
      if (error instanceof s3sdk().NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new (s3sdk().DeleteObjectCommand)({ Bucket: this.bucket, Key: this.key(key) }));
  }
}

/**
 * The store the configuration asks for (config.ts, `ATTACHMENTS_S3_*`): an S3-compatible bucket, with
 * the SDK's usual credentials (`AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, a profile or a role);
 * otherwise the disk under `<data dir>/attachments`.
 */
export function storeFor(dataDir: string, s3: AttachmentsS3 | undefined): AttachmentStore {
  if (!s3) return new DiskStore(path.join(dataDir, 'attachments'));
  const config: S3ClientConfig = { region: s3.region, forcePathStyle: s3.forcePathStyle };
  if (s3.endpoint) config.endpoint = s3.endpoint;
  return new S3Store(new (s3sdk().S3Client)(config), s3.bucket, s3.prefix);
}

const stores = new Map<string, AttachmentStore>();

/** The process's store (one per data directory: tests run several apps in one process). */
export function attachmentStore(config: Pick<Config, 'dataDir' | 'attachments'>): AttachmentStore {
  let store = stores.get(config.dataDir);
  if (!store) stores.set(config.dataDir, (store = storeFor(config.dataDir, config.attachments?.s3)));
  return store;
}
