// Files on ticket messages (issue 18, S38): limits on size and count, the type sniffed from the
// content (file-type; never the name or the client's word), executables and scriptable documents
// refused, bytes in the attachment store (storage.ts) under a key the server makes. Reads are the
// row rule's: an attachment whose message the viewer cannot see is NOT_FOUND like one that does not
// exist (another agency's, another customer's, an internal note's for a customer).
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../graphql/context';
import { requireViewer } from '../../graphql/context';
import { AppError, ErrorCode, badInput, notFound } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { TicketMessage } from '../tickets/ticket-message.entity';
import { User } from '../users/user.entity';
import { TicketAttachment } from './attachment.entity';
import { attachmentStore, type AttachmentStore } from './storage';

export const ATTACHMENT_LIMITS = {
  /** One file. */
  maxBytes: 10 * 1024 * 1024,
  /** Files on one message. */
  maxPerMessage: 5,
};

/**
 * What may be attached: images, PDF, office documents, archives of them, plain text. Anything that
 * runs (PE/ELF/Mach-O, scripts, installers, Java/Android packages) or renders active content in a
 * browser (SVG, HTML, XML) is refused, whatever its name.
 */
const ALLOWED = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/avif',
  'image/bmp',
  'image/tiff',
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/x-7z-compressed',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
  'application/x-cfb', // legacy .doc/.xls
  'audio/mpeg',
  'video/mp4',
  'video/quicktime',
  'text/plain',
  'text/csv',
]);

/** Executable formats file-type names, refused with their own message. */
const EXECUTABLE = new Set([
  'application/x-msdownload',
  'application/x-elf',
  'application/x-mach-binary',
  'application/vnd.microsoft.portable-executable',
  'application/x-sharedlib',
  'application/java-archive',
  'application/vnd.android.package-archive',
  'application/x-msi',
  'application/x-apple-diskimage',
  'application/x-deb',
  'application/x-rpm',
  'application/wasm',
]);

/** A shebang or a scripting/markup start in what would otherwise be plain text. */
const SCRIPT_TEXT = /^\s*(#!|<\?php|<script|<!doctype html|<html|<svg|<\?xml|@echo off|MZ)/i;

export interface SniffedFile {
  contentType: string;
  /** The file name to store and serve: the base name, control characters and separators removed. */
  filename: string;
}

export function cleanFilename(name: string, contentType: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>|:*?'.includes(c))
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || `attachment.${contentType.split('/')[1]?.split(/[.+-]/).pop() ?? 'bin'}`;
}

/**
 * The type of `bytes` by their content: what file-type recognises, else plain text when the bytes
 * are valid UTF-8 without NUL and do not start like a script or a web page. Throws BAD_USER_INPUT on
 * `field` for anything else.
 */
export async function sniffAttachment(bytes: Buffer, name: string, field = 'file'): Promise<SniffedFile> {
  if (!bytes.length) throw badInput(field, 'The file is empty');
  if (bytes.length > ATTACHMENT_LIMITS.maxBytes)
    throw badInput(field, `A file may be at most ${ATTACHMENT_LIMITS.maxBytes / 1024 / 1024} MB`);
  const { fileTypeFromBuffer } = await import('file-type');
  const type = await fileTypeFromBuffer(bytes);
  let contentType: string | undefined = type?.mime;
  if (contentType && EXECUTABLE.has(contentType)) throw badInput(field, 'Programs cannot be attached');
  if (!contentType) {
    const text = bytes.subarray(0, 64 * 1024);
    const isText = !text.includes(0) && Buffer.from(text.toString('utf8'), 'utf8').equals(text);
    if (bytes.subarray(0, 2).toString('latin1') === 'MZ' || (isText && SCRIPT_TEXT.test(text.toString('utf8'))))
      throw badInput(field, 'Programs and scripts cannot be attached');
    if (isText) contentType = /\.csv$/i.test(name) ? 'text/csv' : 'text/plain';
  }
  if (!contentType || !ALLOWED.has(contentType))
    throw badInput(field, 'This kind of file cannot be attached (images, PDF, office documents, archives, text)');
  return { contentType, filename: cleanFilename(name, contentType) };
}

export function storeOf(ctx: RequestContext): AttachmentStore {
  return attachmentStore(ctx.app.config);
}

export interface IncomingFile {
  filename: string;
  bytes: Buffer;
}

/**
 * Stores files on a message the viewer sees, inside the caller's transaction. The bytes go to the
 * store first under new keys; a failure afterwards leaves unreferenced files, never rows without
 * files. `uploader`: the user (a person's upload) or null (inbound mail).
 */
async function storeFiles(
  ctx: RequestContext,
  message: TicketMessage,
  files: IncomingFile[],
  uploader: string | null,
): Promise<TicketAttachment[]> {
  const existing = await ctx.em.count(TicketAttachment, { message });
  if (existing + files.length > ATTACHMENT_LIMITS.maxPerMessage)
    throw badInput('file', `At most ${ATTACHMENT_LIMITS.maxPerMessage} files on one message`);
  const sniffed = [];
  for (const file of files) sniffed.push(await sniffAttachment(file.bytes, file.filename));
  const store = storeOf(ctx);
  const saved: TicketAttachment[] = [];
  for (const [i, file] of files.entries()) {
    const { contentType, filename } = sniffed[i]!;
    const storageKey = `${message.tenant.id}/${randomUUID()}`;
    await store.put(storageKey, file.bytes, contentType);
    saved.push(
      ctx.em.create(TicketAttachment, {
        tenant: message.tenant,
        message,
        uploadedBy: uploader ? ctx.em.getReference(User, uploader) : null,
        filename,
        contentType,
        sizeBytes: file.bytes.length,
        storageKey,
      }),
    );
  }
  await ctx.em.flush();
  for (const a of saved)
    await audit(ctx, {
      action: 'ticket.attachment',
      entityType: 'TicketMessage',
      entityId: message.id,
      detail: { attachmentId: a.id, contentType: a.contentType, bytes: a.sizeBytes },
    });
  return saved;
}

/**
 * A person attaches a file to a message: their own message, or (staff) any message of their agency.
 * A message the viewer cannot see is NOT_FOUND.
 */
export function attachToMessage(ctx: RequestContext, messageId: string, file: IncomingFile): Promise<TicketAttachment> {
  return inTransaction(ctx, async () => {
    const viewer = requireViewer(ctx);
    const message = await ctx.em.findOne(TicketMessage, { id: messageId });
    if (!message) throw notFound('Ticket message');
    const staff = viewer.role === 'ADMIN' || viewer.role === 'EMPLOYEE';
    if (!staff && message.authorUser?.id !== viewer.userId)
      throw new AppError(ErrorCode.FORBIDDEN, 'Attach files to your own messages');
    const [saved] = await storeFiles(ctx, message, [file], viewer.userId);
    return saved!;
  });
}

/**
 * For the inbound e-mail path: stores the files parsed from a mail on the message it became. The
 * caller has set the agency (`useTenant`) and is in its transaction. Files that are refused (type,
 * size, beyond the count) are skipped and named in the result, never failing the mail.
 */
export async function storeInboundAttachments(
  ctx: RequestContext,
  messageId: string,
  files: IncomingFile[],
): Promise<{ stored: TicketAttachment[]; refused: { filename: string; reason: string }[] }> {
  const message = await ctx.em.findOne(TicketMessage, { id: messageId });
  if (!message) throw notFound('Ticket message');
  const stored: TicketAttachment[] = [];
  const refused: { filename: string; reason: string }[] = [];
  let room = ATTACHMENT_LIMITS.maxPerMessage - (await ctx.em.count(TicketAttachment, { message }));
  for (const file of files) {
    if (room <= 0) {
      refused.push({ filename: file.filename, reason: 'count' });
      continue;
    }
    try {
      await sniffAttachment(file.bytes, file.filename);
    } catch (error) {
      refused.push({ filename: file.filename, reason: error instanceof Error ? error.message : 'refused' });
      continue;
    }
    stored.push(...(await storeFiles(ctx, message, [file], null)));
    room--;
  }
  return { stored, refused };
}

/** The attachment and its bytes, when the viewer sees its message; null otherwise. */
export async function readAttachment(
  ctx: RequestContext,
  id: string,
): Promise<{ attachment: TicketAttachment; bytes: Buffer } | null> {
  const attachment = await ctx.em.findOne(TicketAttachment, { id });
  if (!attachment) return null;
  const bytes = await storeOf(ctx).get(attachment.storageKey);
  return bytes ? { attachment, bytes } : null;
}
