// Encryption at rest for stored website credentials (CMS passwords, SFTP keys, ...): AES-256-GCM under versioned
// keys, with the owning tenant, site, credential and field bound as associated data (S16), and rewrap for key
// rotation so an old key can be retired (S17).
//
// Ciphertext format (one text column): `v1.<keyVersion>.<iv>.<tag>.<data>`, the last three base64url without padding;
// iv is 12 random bytes, tag 16 bytes. The associated data is the JSON array
// `["sitecare.credential", 1, keyVersion, tenantId, siteId, credentialId, field]`.
// Changing either of these breaks every stored credential: the tests pin them with a fixed vector.
//
// Files at rest (a privacy export's ZIP) are sealed the same way, as bytes: `SCF1`, the key version
// (4 bytes, big-endian), iv (12), tag (16), then the data, with the associated data
// `["sitecare.file", 1, keyVersion, tenantId, kind, id]`.
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

export interface KeyringConfig {
  current: { version: number; key: Buffer };
  previous?: Array<{ version: number; key: Buffer }>;
}

/** Where a ciphertext belongs; all four are bound into it, so it decrypts only in the same place. */
export interface EncryptionContext {
  tenantId: string;
  siteId: string;
  credentialId: string;
  field: string;
}

/** An agency's own secret (SMTP password, payment keys): bound to the agency and the field it is saved as. */
export interface AgencySecretContext {
  tenantId: string;
  field: string;
}

/** Where a sealed file belongs (`kind` 'privacy-export', `id` its request); bound into it likewise. */
export interface FileContext {
  tenantId: string;
  kind: string;
  id: string;
}

export type SecretDecryptionFailure = 'malformed' | 'unknown-key-version' | 'authentication-failed';

/** Any failure to read a ciphertext. Its message never holds the plaintext, a key or the ciphertext. */
export class SecretDecryptionError extends Error {
  constructor(
    readonly reason: SecretDecryptionFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SecretDecryptionError';
  }
}

const FORMAT = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD_LABEL = 'sitecare.credential';
const CONTEXT_FIELDS = ['tenantId', 'siteId', 'credentialId', 'field'] as const;
const VERSION_PATTERN = /^[1-9][0-9]{0,8}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;
const LONE_SURROGATE = /\p{Surrogate}/u;
const FILE_MAGIC = Buffer.from('SCF1', 'latin1');
const FILE_HEADER_BYTES = FILE_MAGIC.length + 4 + IV_BYTES + TAG_BYTES;
const FILE_AAD_LABEL = 'sitecare.file';
const AGENCY_AAD_LABEL = 'sitecare.agency-secret';

export class Keyring {
  readonly #current: number;
  readonly #keys = new Map<number, KeyObject>();

  constructor(config: KeyringConfig) {
    validateKeyringConfig(config);
    for (const { version, key } of [config.current, ...(config.previous ?? [])]) {
      // A KeyObject holds its own copy and never prints the key bytes.
      this.#keys.set(version, createSecretKey(Buffer.from(key)));
    }
    this.#current = config.current.version;
  }

  /** The version of the key that new ciphertexts are made with. */
  get currentVersion(): number {
    return this.#current;
  }

  encrypt(plaintext: string, context: EncryptionContext): string {
    return this.#encrypt(plaintext, (version, fail) => associatedData(version, context, fail));
  }

  /** An agency's secret, as `encrypt` but bound to `["sitecare.agency-secret", 1, keyVersion, tenantId, field]`. */
  encryptAgencySecret(plaintext: string, context: AgencySecretContext): string {
    return this.#encrypt(plaintext, (version, fail) => agencyAssociatedData(version, context, fail));
  }

  decryptAgencySecret(ciphertext: string, context: AgencySecretContext): string {
    return this.#decrypt(ciphertext, (version, fail) => agencyAssociatedData(version, context, fail));
  }

  rewrapAgencySecret(ciphertext: string, context: AgencySecretContext): string {
    return this.encryptAgencySecret(this.decryptAgencySecret(ciphertext, context), context);
  }

  #encrypt(plaintext: string, aadOf: (version: number, fail: (problem: string) => Error) => Buffer): string {
    if (typeof plaintext !== 'string') throw new Error('Keyring.encrypt: plaintext must be a string');
    // UTF-8 would silently turn a lone surrogate into U+FFFD: refuse rather than store something else.
    if (LONE_SURROGATE.test(plaintext)) throw new Error('Keyring.encrypt: plaintext is not well-formed Unicode');
    const aad = aadOf(this.#current, (problem) => new Error(`Keyring.encrypt: ${problem}`));
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#keys.get(this.#current)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      FORMAT,
      this.#current,
      iv.toString('base64url'),
      tag.toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  decrypt(ciphertext: string, context: EncryptionContext): string {
    return this.#decrypt(ciphertext, (version, fail) => associatedData(version, context, fail));
  }

  #decrypt(ciphertext: string, aadOf: (version: number, fail: (problem: string) => Error) => Buffer): string {
    const parsed = parse(ciphertext);
    const key = this.#keys.get(parsed.version);
    if (!key) {
      throw new SecretDecryptionError(
        'unknown-key-version',
        `credential was encrypted with key version ${parsed.version}, which this keyring does not hold`,
      );
    }
    const aad = aadOf(
      parsed.version,
      (problem) => new SecretDecryptionError('malformed', `cannot decrypt credential: ${problem}`),
    );
    try {
      const decipher = createDecipheriv(ALGORITHM, key, parsed.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad);
      decipher.setAuthTag(parsed.tag);
      return Buffer.concat([decipher.update(parsed.data), decipher.final()]).toString('utf8');
    } catch {
      // No cause attached: nothing from the failed attempt travels with the error.
      throw new SecretDecryptionError(
        'authentication-failed',
        'credential failed authentication: it was altered, or belongs to another tenant, site, credential or field',
      );
    }
  }

  /** The version of the key that made this ciphertext (throws SecretDecryptionError if malformed). */
  keyVersionOf(ciphertext: string): number {
    return parse(ciphertext).version;
  }

  /** True when a key other than the current one made this ciphertext (throws SecretDecryptionError if malformed). */
  needsRewrap(ciphertext: string): boolean {
    return this.keyVersionOf(ciphertext) !== this.#current;
  }

  /** A file sealed under the current key, bound to `context` (format in the header above). */
  sealFile(data: Buffer, context: FileContext): Buffer {
    const aad = fileAssociatedData(this.#current, context, (problem) => new Error(`Keyring.sealFile: ${problem}`));
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#keys.get(this.#current)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    const version = Buffer.alloc(4);
    version.writeUInt32BE(this.#current);
    return Buffer.concat([FILE_MAGIC, version, iv, cipher.getAuthTag(), body]);
  }

  /** The bytes of a sealed file, if it was sealed for `context` and not altered (else SecretDecryptionError). */
  openFile(sealed: Buffer, context: FileContext): Buffer {
    if (!Keyring.isSealedFile(sealed)) throw new SecretDecryptionError('malformed', 'file is not sealed');
    const at = FILE_MAGIC.length;
    const version = sealed.readUInt32BE(at);
    const key = this.#keys.get(version);
    if (!key) {
      throw new SecretDecryptionError(
        'unknown-key-version',
        `file was sealed with key version ${version}, which this keyring does not hold`,
      );
    }
    const aad = fileAssociatedData(
      version,
      context,
      (problem) => new SecretDecryptionError('malformed', `cannot open file: ${problem}`),
    );
    try {
      const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(at + 4, at + 4 + IV_BYTES), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(aad);
      decipher.setAuthTag(sealed.subarray(at + 4 + IV_BYTES, FILE_HEADER_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(FILE_HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new SecretDecryptionError(
        'authentication-failed',
        'file failed authentication: it was altered, or belongs to another tenant or record',
      );
    }
  }

  /** Whether `bytes` has a sealed file's header (the rest is checked when it is opened). */
  static isSealedFile(bytes: Buffer): boolean {
    return bytes.length >= FILE_HEADER_BYTES && bytes.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC);
  }

  /** Decrypts with whichever key made it and encrypts again under the current key, in the same context. */
  rewrap(ciphertext: string, context: EncryptionContext): string {
    return this.encrypt(this.decrypt(ciphertext, context), context);
  }
}

/** Throws an Error naming the first problem in the configuration; never includes key bytes. */
export function validateKeyringConfig(config: KeyringConfig): void {
  if (!config || typeof config !== 'object') throw new Error('Keyring: config must be an object');
  if (!config.current || typeof config.current !== 'object') throw new Error('Keyring: current key is required');
  if (config.previous !== undefined && !Array.isArray(config.previous)) {
    throw new Error('Keyring: previous must be an array of { version, key }');
  }
  const entries: Array<[string, unknown]> = [
    ['current', config.current],
    ...(config.previous ?? []).map((entry, i): [string, unknown] => [`previous[${i}]`, entry]),
  ];
  const seen = new Set<number>();
  for (const [where, entry] of entries) {
    if (!entry || typeof entry !== 'object') throw new Error(`Keyring: ${where} must be { version, key }`);
    const { version, key } = entry as { version: unknown; key: unknown };
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1 || version > 999_999_999) {
      throw new Error(`Keyring: ${where}.version must be a positive integer (below 1e9)`);
    }
    if (!Buffer.isBuffer(key)) throw new Error(`Keyring: ${where}.key must be a Buffer`);
    if (key.length !== KEY_BYTES) {
      throw new Error(`Keyring: ${where}.key must be exactly ${KEY_BYTES} bytes (got ${key.length})`);
    }
    if (seen.has(version)) throw new Error(`Keyring: key version ${version} appears more than once`);
    seen.add(version);
  }
}

/**
 * Reads the keyring from CREDENTIALS_KEY (base64 of 32 bytes), CREDENTIALS_KEY_VERSION (default 1) and
 * CREDENTIALS_PREVIOUS_KEYS (`version:base64,...`). Errors name the variable, never the key.
 */
export function parseKeyringFromEnv(
  current: string | undefined,
  currentVersion: string | undefined,
  previous: string | undefined,
): KeyringConfig {
  const key = current?.trim();
  if (!key) throw new Error('CREDENTIALS_KEY: is required');
  const currentKey = decodeKey(key);
  if (!currentKey) throw new Error(`CREDENTIALS_KEY: must be ${KEY_BYTES} bytes, base64-encoded`);

  const versionText = currentVersion?.trim() || '1';
  if (!VERSION_PATTERN.test(versionText)) {
    throw new Error('CREDENTIALS_KEY_VERSION: must be a positive integer (below 1e9)');
  }
  const version = Number(versionText);

  const previousKeys: Array<{ version: number; key: Buffer }> = [];
  const seen = new Set([version]);
  const entries = (previous ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const entryVersion = colon < 0 ? '' : entry.slice(0, colon).trim();
    const entryKey = colon < 0 ? '' : entry.slice(colon + 1).trim();
    const where = `CREDENTIALS_PREVIOUS_KEYS: entry ${i + 1}`;
    if (!VERSION_PATTERN.test(entryVersion)) {
      throw new Error(`${where} must be "version:base64key" with a positive integer version`);
    }
    const decoded = decodeKey(entryKey);
    if (!decoded) throw new Error(`${where} (version ${entryVersion}) must hold ${KEY_BYTES} bytes, base64-encoded`);
    const n = Number(entryVersion);
    if (seen.has(n)) {
      throw new Error(
        n === version
          ? `${where} reuses version ${n}, which is CREDENTIALS_KEY_VERSION`
          : `${where} repeats version ${n}`,
      );
    }
    seen.add(n);
    previousKeys.push({ version: n, key: decoded });
  });

  const config: KeyringConfig = { current: { version, key: currentKey }, previous: previousKeys };
  validateKeyringConfig(config);
  return config;
}

/** Standard base64 (padding optional) of exactly 32 bytes, or undefined. */
function decodeKey(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== KEY_BYTES) return undefined;
  const canonical = bytes.toString('base64');
  return text === canonical || text === canonical.replace(/=+$/, '') ? bytes : undefined;
}

function associatedData(keyVersion: number, context: EncryptionContext, fail: (problem: string) => Error): Buffer {
  return boundValues(AAD_LABEL, CONTEXT_FIELDS, keyVersion, context, fail);
}

/** The associated data: a JSON array is canonical, and no choice of values makes two contexts alike. */
function boundValues<C extends object>(
  label: string,
  names: readonly (keyof C & string)[],
  keyVersion: number,
  context: C,
  fail: (problem: string) => Error,
): Buffer {
  if (!context || typeof context !== 'object') throw fail('context must be an object');
  const values = names.map((name) => {
    const value: unknown = context[name];
    if (typeof value !== 'string' || value === '') throw fail(`context.${name} must be a non-empty string`);
    return value;
  });
  return Buffer.from(JSON.stringify([label, 1, keyVersion, ...values]), 'utf8');
}

function agencyAssociatedData(
  keyVersion: number,
  context: AgencySecretContext,
  fail: (problem: string) => Error,
): Buffer {
  return boundValues(AGENCY_AAD_LABEL, ['tenantId', 'field'], keyVersion, context, fail);
}

function fileAssociatedData(keyVersion: number, context: FileContext, fail: (problem: string) => Error): Buffer {
  return boundValues(FILE_AAD_LABEL, ['tenantId', 'kind', 'id'], keyVersion, context, fail);
}

function parse(ciphertext: string): { version: number; iv: Buffer; tag: Buffer; data: Buffer } {
  const malformed = (problem: string) => new SecretDecryptionError('malformed', `credential ciphertext ${problem}`);
  if (typeof ciphertext !== 'string') throw malformed('is not a string');
  const parts = ciphertext.split('.');
  if (parts.length !== 5) throw malformed('does not have the five parts of the v1 format');
  const [format, versionText, ivText, tagText, dataText] = parts;
  if (format !== FORMAT) throw malformed('has an unknown format version');
  if (!VERSION_PATTERN.test(versionText)) throw malformed('has an invalid key version');
  const iv = decodeBase64Url(ivText);
  if (!iv || iv.length !== IV_BYTES) throw malformed(`must have a ${IV_BYTES}-byte iv`);
  const tag = decodeBase64Url(tagText);
  if (!tag || tag.length !== TAG_BYTES) throw malformed(`must have a ${TAG_BYTES}-byte tag`);
  const data = decodeBase64Url(dataText);
  if (!data) throw malformed('has invalid data encoding');
  return { version: Number(versionText), iv, tag, data };
}

/** Canonical unpadded base64url only, so that one ciphertext has one spelling. */
function decodeBase64Url(text: string): Buffer | undefined {
  if (!BASE64URL_PATTERN.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}
