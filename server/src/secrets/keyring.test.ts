import { createDecipheriv, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import {
  Keyring,
  SecretDecryptionError,
  parseKeyringFromEnv,
  type EncryptionContext,
  type KeyringConfig,
  type SecretDecryptionFailure,
} from './keyring';

const key = (fill: number) => Buffer.alloc(32, fill);
const K1 = randomBytes(32);
const K2 = randomBytes(32);
const ctx: EncryptionContext = {
  tenantId: '6f1c1f9e-1b7e-4d55-9d7e-1a2b3c4d5e6f',
  siteId: 'site-a',
  credentialId: 'cred-1',
  field: 'password',
};
const SECRET = 'hunter2-Sup3r-S3cret-CMS-password-that-is-long-enough';

const ringV1 = () => new Keyring({ current: { version: 1, key: K1 } });

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

function expectDecryptionError(fn: () => unknown, reason: SecretDecryptionFailure): SecretDecryptionError {
  const error = caught(fn);
  expect(error).toBeInstanceOf(SecretDecryptionError);
  expect((error as SecretDecryptionError).reason).toBe(reason);
  return error as SecretDecryptionError;
}

/** Flips one bit of the decoded bytes of part `index` (2 = iv, 3 = tag, 4 = data). */
function tamper(ciphertext: string, index: number, byte = 0): string {
  const parts = ciphertext.split('.');
  const bytes = Buffer.from(parts[index], 'base64url');
  bytes[byte] ^= 0x01;
  parts[index] = bytes.toString('base64url');
  return parts.join('.');
}

describe('Keyring', () => {
  describe('round trip', () => {
    const ring = ringV1();
    it.each([
      ['ascii', SECRET],
      ['unicode (accents, CJK, emoji, RTL)', 'pässwörd-密码-🔐👩‍💻-كلمة'],
      ['empty string', ''],
      ['10 kB secret (an SFTP private key)', `-----BEGIN OPENSSH PRIVATE KEY-----\n${'Ab9+/'.repeat(2048)}\n`],
      ['dots, colons and quotes', 'a.b:c"d\'e\\f\n\t'],
    ])('S16: %s decrypts to the same string', (_name, plaintext) => {
      const ciphertext = ring.encrypt(plaintext, ctx);
      expect(ciphertext).not.toContain(plaintext || '\u0000');
      expect(ring.decrypt(ciphertext, ctx)).toBe(plaintext);
    });

    it('S16: the format is v1.<keyVersion>.<12-byte iv>.<16-byte tag>.<data> in base64url, one text column', () => {
      const ciphertext = ring.encrypt(SECRET, ctx);
      expect(ciphertext).toMatch(/^v1\.1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
      const [, , iv, tag, data] = ciphertext.split('.');
      expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
      expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
      expect(Buffer.from(data, 'base64url')).toHaveLength(Buffer.byteLength(SECRET));
      expect(ring.keyVersionOf(ciphertext)).toBe(1);
    });

    it('S16: it is plain AES-256-GCM with the documented associated data (independent decryption)', () => {
      const [, version, iv, tag, data] = ring.encrypt(SECRET, ctx).split('.');
      const decipher = createDecipheriv('aes-256-gcm', K1, Buffer.from(iv, 'base64url'), { authTagLength: 16 });
      decipher.setAAD(
        Buffer.from(
          JSON.stringify([
            'sitecare.credential',
            1,
            Number(version),
            ctx.tenantId,
            ctx.siteId,
            ctx.credentialId,
            ctx.field,
          ]),
        ),
      );
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plaintext = Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
      expect(plaintext.toString('utf8')).toBe(SECRET);
    });

    it('S16: a ciphertext stored by an earlier release still decrypts (frozen vector pins format and AAD)', () => {
      const fixedKey = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
      const ring7 = new Keyring({ current: { version: 7, key: fixedKey } });
      const stored = 'v1.7.AAECAwQFBgcICQoL.VIO-7bC5SnWH6lA9mAWhow.JG2kaaCGtjvlLuX41MkaDPei4kaJWywIWReJ4A';
      const context = { tenantId: 'tenant-1', siteId: 'site-1', credentialId: 'cred-1', field: 'password' };
      expect(ring7.decrypt(stored, context)).toBe('correct horse battery staple');
    });

    it('S16: two encryptions of the same plaintext differ (random iv)', () => {
      const ivs = new Set<string>();
      const ciphertexts = new Set<string>();
      for (let i = 0; i < 50; i++) {
        const c = ring.encrypt(SECRET, ctx);
        ciphertexts.add(c);
        ivs.add(c.split('.')[2]);
      }
      expect(ciphertexts.size).toBe(50);
      expect(ivs.size).toBe(50);
    });

    it('S16: refuses a non-string plaintext, lone surrogates and an incomplete context when encrypting', () => {
      expect(() => ring.encrypt(undefined as unknown as string, ctx)).toThrow(/plaintext must be a string/);
      expect(() => ring.encrypt('ab\uD800cd', ctx)).toThrow(/not well-formed Unicode/);
      expect(() => ring.encrypt(SECRET, { ...ctx, siteId: '' })).toThrow(/context\.siteId must be a non-empty string/);
      expect(() => ring.encrypt(SECRET, { ...ctx, field: undefined } as unknown as EncryptionContext)).toThrow(
        /context\.field/,
      );
      expect(() => ring.encrypt(SECRET, null as unknown as EncryptionContext)).toThrow(/context must be an object/);
    });

    it('S16: a caller changing its key buffer afterwards does not change the keyring', () => {
      const callerKey = Buffer.from(K1);
      const r = new Keyring({ current: { version: 1, key: callerKey } });
      callerKey.fill(0);
      expect(ringV1().decrypt(r.encrypt(SECRET, ctx), ctx)).toBe(SECRET);
    });
  });

  describe('S16: associated data binds tenant, site, credential and field', () => {
    const ring = ringV1();
    const ciphertext = ring.encrypt(SECRET, ctx);

    it.each([
      ['tenant', { tenantId: '00000000-0000-4000-8000-000000000000' }],
      ['site', { siteId: 'site-b' }],
      ['credential', { credentialId: 'cred-2' }],
      ['field', { field: 'username' }],
    ])('S16: a ciphertext moved to another %s fails to decrypt', (_what, change) => {
      expect(ring.decrypt(ciphertext, ctx)).toBe(SECRET);
      expectDecryptionError(() => ring.decrypt(ciphertext, { ...ctx, ...change }), 'authentication-failed');
    });

    it('S16: a context differing only in letter case or whitespace fails', () => {
      expectDecryptionError(() => ring.decrypt(ciphertext, { ...ctx, siteId: 'Site-a' }), 'authentication-failed');
      expectDecryptionError(() => ring.decrypt(ciphertext, { ...ctx, field: 'password ' }), 'authentication-failed');
    });

    it('S16: the serialisation is unambiguous: shifting a separator between fields fails', () => {
      const a = { tenantId: 't', siteId: 'a.b', credentialId: 'c', field: 'f' };
      const b = { tenantId: 't', siteId: 'a', credentialId: 'b.c', field: 'f' };
      const c = { tenantId: 't', siteId: 'a","b', credentialId: 'c', field: 'f' };
      const d = { tenantId: 't', siteId: 'a', credentialId: 'b","c', field: 'f' };
      expectDecryptionError(() => ring.decrypt(ring.encrypt(SECRET, a), b), 'authentication-failed');
      expectDecryptionError(() => ring.decrypt(ring.encrypt(SECRET, c), d), 'authentication-failed');
    });

    it('S16: swapping the values of two fields fails', () => {
      const swapped = { ...ctx, siteId: ctx.credentialId, credentialId: ctx.siteId };
      expectDecryptionError(() => ring.decrypt(ciphertext, swapped), 'authentication-failed');
    });

    it('S16: an empty context field when decrypting is a SecretDecryptionError', () => {
      expectDecryptionError(() => ring.decrypt(ciphertext, { ...ctx, tenantId: '' }), 'malformed');
    });
  });

  describe('S16: tampering', () => {
    const ring = ringV1();
    const ciphertext = ring.encrypt(SECRET, ctx);

    it.each([
      ['iv', 2, 0],
      ['tag', 3, 0],
      ['tag (last byte)', 3, 15],
      ['data (first byte)', 4, 0],
      ['data (last byte)', 4, Buffer.byteLength(SECRET) - 1],
    ])('S16: a flipped bit in the %s fails to decrypt', (_part, index, byte) => {
      const altered = tamper(ciphertext, index, byte);
      expect(altered).not.toBe(ciphertext);
      expectDecryptionError(() => ring.decrypt(altered, ctx), 'authentication-failed');
    });

    it('S16: truncated or extended data fails', () => {
      const parts = ciphertext.split('.');
      const data = Buffer.from(parts[4], 'base64url');
      for (const changed of [data.subarray(0, data.length - 1), Buffer.concat([data, Buffer.from([0])])]) {
        const altered = [...parts.slice(0, 4), changed.toString('base64url')].join('.');
        expectDecryptionError(() => ring.decrypt(altered, ctx), 'authentication-failed');
      }
    });

    it('S16: a truncated tag is rejected, not accepted as a short GCM tag', () => {
      const parts = ciphertext.split('.');
      parts[3] = Buffer.from(parts[3], 'base64url').subarray(0, 12).toString('base64url');
      expectDecryptionError(() => ring.decrypt(parts.join('.'), ctx), 'malformed');
    });

    it('S16: relabelling the key version to another held key fails', () => {
      const both = new Keyring({ current: { version: 2, key: K2 }, previous: [{ version: 1, key: K1 }] });
      const relabelled = ciphertext.replace(/^v1\.1\./, 'v1.2.');
      expect(both.decrypt(ciphertext, ctx)).toBe(SECRET);
      expectDecryptionError(() => both.decrypt(relabelled, ctx), 'authentication-failed');
    });

    it('S16: the same key under another version number does not accept the relabelled ciphertext', () => {
      // The key version is part of the associated data, not only a lookup hint.
      const sameKey = new Keyring({ current: { version: 2, key: K1 } });
      expectDecryptionError(
        () => sameKey.decrypt(ciphertext.replace(/^v1\.1\./, 'v1.2.'), ctx),
        'authentication-failed',
      );
    });

    it.each([
      ['empty', ''],
      ['garbage', 'not a ciphertext'],
      ['too few parts', 'v1.1.AAAA.BBBB'],
      ['too many parts', `${ciphertext}.extra`],
      ['unknown format', ciphertext.replace(/^v1\./, 'v2.')],
      ['key version 0', ciphertext.replace(/^v1\.1\./, 'v1.0.')],
      ['key version with a leading zero', ciphertext.replace(/^v1\.1\./, 'v1.01.')],
      ['negative key version', ciphertext.replace(/^v1\.1\./, 'v1.-1.')],
      ['non-numeric key version', ciphertext.replace(/^v1\.1\./, 'v1.x.')],
      ['padding in base64url', `${ciphertext}==`],
      ['standard base64 characters', ciphertext.replace(/[A-Za-z0-9]$/, '+')],
      // A 16-byte tag leaves 4 unused bits in its last character: only A, Q, g or w are canonical there.
      [
        'non-canonical base64url (tag with unused bits set)',
        ciphertext.replace(/^(v1\.1\.[\w-]{16}\.[\w-]{21})[\w-]/, '$1B'),
      ],
      ['short iv', ciphertext.replace(/^(v1\.1\.)[A-Za-z0-9_-]{16}/, '$1AAAAAAAAAAA')],
      ['missing tag', ciphertext.replace(/^(v1\.1\.[A-Za-z0-9_-]{16}\.)[A-Za-z0-9_-]{22}/, '$1')],
    ])('S16: malformed input (%s) is a SecretDecryptionError', (_what, input) => {
      expectDecryptionError(() => ring.decrypt(input, ctx), 'malformed');
    });

    it('S16: non-string input is a SecretDecryptionError', () => {
      for (const input of [null, undefined, 42, {}]) {
        expectDecryptionError(() => ring.decrypt(input as unknown as string, ctx), 'malformed');
        expectDecryptionError(() => ring.keyVersionOf(input as unknown as string), 'malformed');
      }
    });

    it('S16: an unknown key version is a SecretDecryptionError naming only the version', () => {
      const fromV3 = new Keyring({ current: { version: 3, key: K2 } }).encrypt(SECRET, ctx);
      const error = expectDecryptionError(() => ring.decrypt(fromV3, ctx), 'unknown-key-version');
      expect(error.message).toMatch(/key version 3\b/);
    });
  });

  describe('S17: key rotation', () => {
    it('S17: v1 data decrypts under current v2 + previous v1, is rewrapped to v2, and the v1 key can be retired', () => {
      const contexts = [ctx, { ...ctx, field: 'username' }, { ...ctx, siteId: 'site-b', credentialId: 'cred-9' }];
      const plaintexts = [SECRET, 'admin', 'ünïcødé 🔑'];
      const stored = contexts.map((c, i) => ringV1().encrypt(plaintexts[i], c));

      const rotating = new Keyring({ current: { version: 2, key: K2 }, previous: [{ version: 1, key: K1 }] });
      expect(rotating.currentVersion).toBe(2);
      const rewrapped = stored.map((c, i) => {
        expect(rotating.keyVersionOf(c)).toBe(1);
        expect(rotating.needsRewrap(c)).toBe(true);
        expect(rotating.decrypt(c, contexts[i])).toBe(plaintexts[i]);
        const next = rotating.rewrap(c, contexts[i]);
        expect(next).toMatch(/^v1\.2\./);
        expect(rotating.keyVersionOf(next)).toBe(2);
        expect(rotating.needsRewrap(next)).toBe(false);
        return next;
      });

      const retired = new Keyring({ current: { version: 2, key: K2 } });
      rewrapped.forEach((c, i) => expect(retired.decrypt(c, contexts[i])).toBe(plaintexts[i]));
      // Not rewrapped: the v1 originals are unreadable once v1 is gone, and say why.
      stored.forEach((c, i) => expectDecryptionError(() => retired.decrypt(c, contexts[i]), 'unknown-key-version'));
      // And rewrapped ones still bind their context.
      expectDecryptionError(() => retired.decrypt(rewrapped[0], contexts[1]), 'authentication-failed');
    });

    it('S17: needsRewrap is false for ciphertexts from the current key and true for any other version', () => {
      const ring = new Keyring({ current: { version: 5, key: K2 }, previous: [{ version: 4, key: K1 }] });
      expect(ring.needsRewrap(ring.encrypt(SECRET, ctx))).toBe(false);
      expect(ring.needsRewrap(new Keyring({ current: { version: 4, key: K1 } }).encrypt(SECRET, ctx))).toBe(true);
      expect(() => ring.needsRewrap('nonsense')).toThrow(SecretDecryptionError);
    });

    it('S17: rewrap refuses a ciphertext from another context instead of re-binding it', () => {
      const rotating = new Keyring({ current: { version: 2, key: K2 }, previous: [{ version: 1, key: K1 }] });
      const old = ringV1().encrypt(SECRET, ctx);
      expectDecryptionError(() => rotating.rewrap(old, { ...ctx, credentialId: 'cred-2' }), 'authentication-failed');
    });

    it('S17: rewrap of a current-key ciphertext gives a fresh ciphertext of the same secret', () => {
      const ring = ringV1();
      const c = ring.encrypt(SECRET, ctx);
      const again = ring.rewrap(c, ctx);
      expect(again).not.toBe(c);
      expect(ring.decrypt(again, ctx)).toBe(SECRET);
    });
  });

  describe('S16: configuration is validated', () => {
    it.each<[string, unknown, RegExp]>([
      ['no config', undefined, /config must be an object/],
      ['no current key', {}, /current key is required/],
      [
        'a 16-byte key',
        { current: { version: 1, key: Buffer.alloc(16) } },
        /current\.key must be exactly 32 bytes \(got 16\)/,
      ],
      [
        'a 33-byte key',
        { current: { version: 1, key: Buffer.alloc(33) } },
        /current\.key must be exactly 32 bytes \(got 33\)/,
      ],
      ['a string key', { current: { version: 1, key: 'a'.repeat(32) } }, /current\.key must be a Buffer/],
      ['version 0', { current: { version: 0, key: key(1) } }, /current\.version must be a positive integer/],
      ['version -1', { current: { version: -1, key: key(1) } }, /current\.version must be a positive integer/],
      ['version 1.5', { current: { version: 1.5, key: key(1) } }, /current\.version must be a positive integer/],
      ['version NaN', { current: { version: NaN, key: key(1) } }, /current\.version must be a positive integer/],
      ['version "1"', { current: { version: '1', key: key(1) } }, /current\.version must be a positive integer/],
      ['version 1e9', { current: { version: 1e9, key: key(1) } }, /current\.version must be a positive integer/],
      ['previous not an array', { current: { version: 2, key: key(1) }, previous: {} }, /previous must be an array/],
      [
        'a short previous key',
        { current: { version: 2, key: key(1) }, previous: [{ version: 1, key: Buffer.alloc(31) }] },
        /previous\[0\]\.key must be exactly 32 bytes/,
      ],
      [
        'a bad previous version',
        {
          current: { version: 2, key: key(1) },
          previous: [
            { version: 1, key: key(2) },
            { version: 0, key: key(3) },
          ],
        },
        /previous\[1\]\.version/,
      ],
      [
        'a previous version equal to current',
        { current: { version: 2, key: key(1) }, previous: [{ version: 2, key: key(2) }] },
        /key version 2 appears more than once/,
      ],
      [
        'a duplicate previous version',
        {
          current: { version: 3, key: key(1) },
          previous: [
            { version: 1, key: key(2) },
            { version: 1, key: key(3) },
          ],
        },
        /key version 1 appears more than once/,
      ],
    ])('S16: rejects %s with a clear error', (_what, config, message) => {
      const error = caught(() => new Keyring(config as KeyringConfig));
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(message);
    });

    it('S16: accepts a current key with several previous keys', () => {
      const ring = new Keyring({
        current: { version: 3, key: key(3) },
        previous: [
          { version: 1, key: key(1) },
          { version: 2, key: key(2) },
        ],
      });
      for (const v of [1, 2]) {
        const old = new Keyring({ current: { version: v, key: key(v) } }).encrypt(SECRET, ctx);
        expect(ring.decrypt(old, ctx)).toBe(SECRET);
      }
    });
  });

  describe('S16: parseKeyringFromEnv', () => {
    const b64 = (k: Buffer) => k.toString('base64');

    it('S16: reads the current key with version 1 by default', () => {
      const config = parseKeyringFromEnv(b64(K1), undefined, undefined);
      expect(config.current.version).toBe(1);
      expect(config.current.key.equals(K1)).toBe(true);
      expect(config.previous ?? []).toEqual([]);
      expect(parseKeyringFromEnv(b64(K1), '', '').current.version).toBe(1);
    });

    it('S17: reads an explicit version and previous keys, and the keyring decrypts data from them', () => {
      const k3 = randomBytes(32);
      const config = parseKeyringFromEnv(b64(K2), ' 4 ', `1:${b64(K1)}, 3:${b64(k3).replace(/=+$/, '')},`);
      expect(config.current.version).toBe(4);
      expect(config.previous?.map((p) => p.version)).toEqual([1, 3]);
      expect(config.previous?.[0].key.equals(K1)).toBe(true);
      expect(config.previous?.[1].key.equals(k3)).toBe(true);
      const ring = new Keyring(config);
      expect(ring.decrypt(ringV1().encrypt(SECRET, ctx), ctx)).toBe(SECRET);
      expect(ring.keyVersionOf(ring.encrypt(SECRET, ctx))).toBe(4);
    });

    const short = Buffer.alloc(16, 9).toString('base64');
    it.each<[string, [string | undefined, string | undefined, string | undefined], RegExp]>([
      ['a missing key', [undefined, undefined, undefined], /^CREDENTIALS_KEY: is required/],
      ['an empty key', ['  ', undefined, undefined], /^CREDENTIALS_KEY: is required/],
      ['a 16-byte key', [short, undefined, undefined], /^CREDENTIALS_KEY: must be 32 bytes/],
      ['a 33-byte key', [b64(Buffer.alloc(33, 1)), undefined, undefined], /^CREDENTIALS_KEY: must be 32 bytes/],
      ['a key that is not base64', ['!'.repeat(44), undefined, undefined], /^CREDENTIALS_KEY: must be 32 bytes/],
      ['a hex key', [K1.toString('hex'), undefined, undefined], /^CREDENTIALS_KEY: must be 32 bytes/],
      ['version "abc"', [b64(K1), 'abc', undefined], /^CREDENTIALS_KEY_VERSION: must be a positive integer/],
      ['version "0"', [b64(K1), '0', undefined], /^CREDENTIALS_KEY_VERSION: must be a positive integer/],
      ['version "-2"', [b64(K1), '-2', undefined], /^CREDENTIALS_KEY_VERSION: must be a positive integer/],
      ['version "1.5"', [b64(K1), '1.5', undefined], /^CREDENTIALS_KEY_VERSION: must be a positive integer/],
      ['a previous entry without version', [b64(K1), '2', b64(K2)], /^CREDENTIALS_PREVIOUS_KEYS: entry 1 must be/],
      ['a previous version "x"', [b64(K1), '2', `x:${b64(K2)}`], /^CREDENTIALS_PREVIOUS_KEYS: entry 1 must be/],
      ['a short previous key', [b64(K1), '2', `1:${short}`], /^CREDENTIALS_PREVIOUS_KEYS: entry 1 \(version 1\)/],
      [
        'a previous key equal to the current version',
        [b64(K1), '2', `1:${b64(K2)},2:${b64(key(5))}`],
        /^CREDENTIALS_PREVIOUS_KEYS: entry 2 reuses version 2, which is CREDENTIALS_KEY_VERSION/,
      ],
      [
        'a repeated previous version',
        [b64(K1), '3', `1:${b64(K2)},1:${b64(key(5))}`],
        /^CREDENTIALS_PREVIOUS_KEYS: entry 2 repeats version 1/,
      ],
      [
        'the default version reused by a previous key',
        [b64(K1), undefined, `1:${b64(K2)}`],
        /^CREDENTIALS_PREVIOUS_KEYS: entry 1 reuses version 1/,
      ],
    ])('S16: rejects %s, naming the variable and not the value', (_what, args, message) => {
      const error = caught(() => parseKeyringFromEnv(...args));
      expect(error).toBeInstanceOf(Error);
      const text = (error as Error).message;
      expect(text).toMatch(message);
      for (const value of args) {
        if (value && value.trim().length >= 16) expect(text).not.toContain(value.trim());
      }
      for (const k of [K1, K2, key(5)]) expect(text).not.toContain(b64(k));
    });
  });

  describe('S16: error messages carry no secrets', () => {
    it('S16: no failure mentions the plaintext, a key or any part of the ciphertext', () => {
      const ring = new Keyring({ current: { version: 2, key: K2 }, previous: [{ version: 1, key: K1 }] });
      const ciphertext = ring.encrypt(SECRET, ctx);
      const tamperedTag = tamper(ciphertext, 3);
      const fromUnknown = new Keyring({ current: { version: 9, key: key(9) } }).encrypt(SECRET, ctx);
      const shortIv = ciphertext.replace(/^(v1\.2\.)[A-Za-z0-9_-]{16}/, '$1AAAAAAAAAAA');
      const attempts: Array<[string, () => unknown]> = [
        [ciphertext, () => ring.decrypt(ciphertext, { ...ctx, siteId: 'elsewhere' })],
        [tamperedTag, () => ring.decrypt(tamperedTag, ctx)],
        [fromUnknown, () => ring.decrypt(fromUnknown, ctx)],
        [shortIv, () => ring.decrypt(shortIv, ctx)],
        [ciphertext, () => ring.rewrap(ciphertext, { ...ctx, field: 'other' })],
      ];
      const secrets = [SECRET, ...[K1, K2, key(9)].flatMap((k) => [k.toString('base64'), k.toString('hex')])];
      for (const [input, attempt] of attempts) {
        const error = caught(attempt) as SecretDecryptionError;
        expect(error).toBeInstanceOf(SecretDecryptionError);
        expect(error.name).toBe('SecretDecryptionError');
        expect(error.cause).toBeUndefined();
        const rendered = [error.message, String(error), error.stack ?? '', JSON.stringify(error)].join('\n');
        const parts = input.split('.').filter((part) => part.length >= 8);
        expect(parts.length).toBeGreaterThanOrEqual(2);
        for (const s of [...secrets, input, ...parts]) expect(rendered).not.toContain(s);
      }
    });

    it('S16: configuration errors and the keyring itself do not reveal key bytes', () => {
      const bad = Buffer.from(K1.subarray(0, 31));
      const error = caught(() => new Keyring({ current: { version: 1, key: bad } })) as Error;
      expect(error.message).not.toContain(bad.toString('base64'));
      expect(error.message).not.toContain(bad.toString('hex'));
      const ring = ringV1();
      const shown = [JSON.stringify(ring), String(ring), inspect(ring, { depth: 5 })].join('\n');
      expect(shown).not.toContain(K1.toString('hex'));
      expect(shown).not.toContain(K1.toString('base64'));
      expect(shown).not.toMatch(/<Buffer/);
    });
  });
});

describe('Keyring files (a privacy export at rest)', () => {
  const where = { tenantId: '6f1c1f9e-1b7e-4d55-9d7e-1a2b3c4d5e6f', kind: 'privacy-export', id: 'request-1' };
  const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(300), Buffer.from('olof@example.com')]);

  it('seals a file that opens only in its own place, under any key the ring still holds', () => {
    const sealed = ringV1().sealFile(zip, where);
    expect(Keyring.isSealedFile(sealed)).toBe(true);
    expect(Keyring.isSealedFile(zip)).toBe(false);
    expect(sealed.subarray(0, 4).toString('latin1')).toBe('SCF1');
    expect(sealed.includes(Buffer.from('olof@example.com'))).toBe(false);
    expect(ringV1().openFile(sealed, where)).toEqual(zip);
    // Sealed twice, two different ciphertexts (a fresh iv each time).
    expect(ringV1().sealFile(zip, where).equals(sealed)).toBe(false);
    // After rotation, the previous key still opens it.
    const rotated = new Keyring({ current: { version: 2, key: K2 }, previous: [{ version: 1, key: K1 }] });
    expect(rotated.openFile(sealed, where)).toEqual(zip);
    expect(rotated.sealFile(zip, where).readUInt32BE(4)).toBe(2);
  });

  it.each([
    ['another tenant', { ...where, tenantId: '00000000-0000-4000-8000-000000000000' }],
    ['another record', { ...where, id: 'request-2' }],
    ['another kind', { ...where, kind: 'other' }],
  ])('refuses to open a file in %s', (_name, other) => {
    const error = caught(() => ringV1().openFile(ringV1().sealFile(zip, where), other));
    expect(error).toBeInstanceOf(SecretDecryptionError);
    expect((error as SecretDecryptionError).reason).toBe<SecretDecryptionFailure>('authentication-failed');
  });

  it('refuses an altered file, an unknown key version and bytes that were never sealed', () => {
    const sealed = ringV1().sealFile(zip, where);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    const reasons = [
      caught(() => ringV1().openFile(altered, where)),
      caught(() => new Keyring({ current: { version: 3, key: K2 } }).openFile(sealed, where)),
      caught(() => ringV1().openFile(zip, where)),
    ].map((e) => (e as SecretDecryptionError).reason);
    expect(reasons).toEqual<SecretDecryptionFailure[]>(['authentication-failed', 'unknown-key-version', 'malformed']);
  });
});
