// A local S3-compatible server (s3rver) for the attachment store's tests: the environment that points
// the server's S3 store at it, and a store on it to look at what the server wrote.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { AttachmentsS3 } from '../config';
import { storeFor, type AttachmentStore } from '../modules/attachments/storage';

export interface LocalS3 {
  /** ATTACHMENTS_S3_* and the SDK's credentials, for a server process or storeFromEnv. */
  env: Record<string, string>;
  /** The same, as the server's configuration holds it. */
  settings: AttachmentsS3;
  /** An S3 store on the same bucket and prefix. */
  store: AttachmentStore;
  stop(): Promise<void>;
}

export async function startLocalS3(prefix = ''): Promise<LocalS3> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sitecare-s3-'));
  const bucket = 'sitecare-attachments';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const env: Record<string, string> = {
    ATTACHMENTS_S3_BUCKET: bucket,
    ATTACHMENTS_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    ATTACHMENTS_S3_FORCE_PATH_STYLE: 'true',
    ...(prefix ? { ATTACHMENTS_S3_PREFIX: prefix } : {}),
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  };
  // The SDK reads its credentials from the process environment, as in production.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
  const settings: AttachmentsS3 = {
    bucket,
    endpoint: env.ATTACHMENTS_S3_ENDPOINT,
    region: 'us-east-1',
    prefix,
    forcePathStyle: true,
  };
  return {
    env,
    settings,
    store: storeFor(dir, settings),
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
