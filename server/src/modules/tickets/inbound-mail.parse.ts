// Issue 18: what an inbound mail is, whichever way it arrives at POST /inbound/email: raw MIME
// (`Content-Type: message/rfc822`, parsed with mailparser), Sitecare's own JSON, Postmark's inbound
// webhook JSON, or a Mailgun route (its form fields, or the same fields as JSON).
import type { AddressObject } from 'mailparser';
import { z } from 'zod';
import { REPLY_MARKER } from '../mail/templates';

// Loaded at first use, not at start-up: most server and CLI processes never need it (issue 24).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mailparser = (): typeof import('mailparser') => require('mailparser');

export interface InboundAttachment {
  filename: string | null;
  contentType: string;
  content: Buffer;
}

export interface InboundMail {
  from: { email: string; name: string | null };
  subject: string;
  text: string;
  messageId: string | null;
  /** In-Reply-To and References, as Message-IDs with their angle brackets. */
  threadIds: string[];
  /** Every address the mail was sent to (the signed token may be in one: support+t.<token>@…). */
  recipients: string[];
  /** Lower-case header names to values: auto-reply and bounce detection. */
  headers: Map<string, string>;
  /** A delivery status notification (multipart/report) by its content type. */
  contentType: string;
  /** Parsed attachments, for the attachment store (issue 18, "Time and attachments"). */
  attachments: InboundAttachment[];
}

const ids = (value: unknown): string[] =>
  (Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '').match(/<[^<>\s]+>/g) ?? [];

const sitecareJson = z.object({
  from: z.object({ email: z.email(), name: z.string().max(200).optional() }),
  subject: z.string().max(998).default('(no subject)'),
  text: z.string().min(1).max(100_000),
  messageId: z.string().max(998).optional(),
  inReplyTo: z.string().max(998).optional(),
  references: z.string().max(20_000).optional(),
  to: z.array(z.string().max(320)).max(50).default([]),
  headers: z.record(z.string(), z.string().max(2000)).default({}),
});

const postmark = z.object({
  FromFull: z.object({ Email: z.email(), Name: z.string().max(200).optional() }),
  Subject: z.string().max(998).default(''),
  TextBody: z.string().max(500_000).default(''),
  StrippedTextReply: z.string().max(500_000).optional(),
  OriginalRecipient: z.string().max(320).optional(),
  ToFull: z.array(z.object({ Email: z.string().max(320) })).default([]),
  CcFull: z.array(z.object({ Email: z.string().max(320) })).default([]),
  Headers: z.array(z.object({ Name: z.string().max(200), Value: z.string().max(20_000) })).default([]),
  Attachments: z
    .array(z.object({ Name: z.string().max(500), Content: z.string(), ContentType: z.string().max(200) }))
    .default([]),
});

const mailgun = z.object({
  sender: z.email().optional(),
  from: z.string().min(3).max(500),
  recipient: z.string().max(2000).default(''),
  subject: z.string().max(998).default(''),
  'body-plain': z.string().max(500_000).default(''),
  'message-headers': z.string().max(200_000).default('[]'),
});

/** The address and name in `Name <address>`. */
function nameAndAddress(value: string): { email: string; name: string | null } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return match ? { email: match[2]!.trim(), name: match[1]!.trim() || null } : { email: value.trim(), name: null };
}

const headerMap = (pairs: [string, string][]) => new Map(pairs.map(([k, v]) => [k.toLowerCase(), v]));

/** Which format a request's body is in, parsed; null when it is none of them (400). */
export async function parseInboundMail(contentType: string, body: unknown): Promise<InboundMail | null> {
  if (Buffer.isBuffer(body)) return parseMime(body);
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if ('FromFull' in b) {
    const p = postmark.safeParse(b);
    if (!p.success) return null;
    const headers = headerMap(p.data.Headers.map((h) => [h.Name, h.Value]));
    return {
      from: { email: p.data.FromFull.Email, name: p.data.FromFull.Name || null },
      subject: p.data.Subject,
      text: p.data.TextBody,
      messageId: ids(headers.get('message-id'))[0] ?? null,
      threadIds: [...ids(headers.get('in-reply-to')), ...ids(headers.get('references'))],
      recipients: [
        ...(p.data.OriginalRecipient ? [p.data.OriginalRecipient] : []),
        ...p.data.ToFull.map((t) => t.Email),
        ...p.data.CcFull.map((t) => t.Email),
      ],
      headers,
      contentType: headers.get('content-type') ?? 'text/plain',
      attachments: p.data.Attachments.map((a) => ({
        filename: a.Name,
        contentType: a.ContentType,
        content: Buffer.from(a.Content, 'base64'),
      })),
    };
  }
  if ('body-plain' in b || 'message-headers' in b) {
    const m = mailgun.safeParse(b);
    if (!m.success) return null;
    let pairs: [string, string][] = [];
    try {
      pairs = (JSON.parse(m.data['message-headers']) as unknown[]).filter(
        (p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string',
      );
    } catch {
      return null;
    }
    const headers = headerMap(pairs);
    const from = nameAndAddress(m.data.from);
    if (!z.email().safeParse(from.email).success) return null;
    return {
      from,
      subject: m.data.subject,
      text: m.data['body-plain'],
      messageId: ids(headers.get('message-id') ?? b['Message-Id'])[0] ?? null,
      threadIds: [
        ...ids(headers.get('in-reply-to') ?? b['In-Reply-To']),
        ...ids(headers.get('references') ?? b.References),
      ],
      recipients: m.data.recipient.split(',').map((r) => r.trim()),
      headers,
      contentType: headers.get('content-type') ?? 'text/plain',
      attachments: [], // a route's attachments arrive as multipart files: not accepted here (see README)
    };
  }
  const own = sitecareJson.safeParse(b);
  if (!own.success) return null;
  return {
    from: { email: own.data.from.email, name: own.data.from.name ?? null },
    subject: own.data.subject,
    text: own.data.text,
    messageId: ids(own.data.messageId)[0] ?? null,
    threadIds: [...ids(own.data.inReplyTo), ...ids(own.data.references)],
    recipients: own.data.to,
    headers: headerMap(Object.entries(own.data.headers)),
    contentType: own.data.headers['content-type'] ?? 'text/plain',
    attachments: [],
  };
}

async function parseMime(raw: Buffer): Promise<InboundMail | null> {
  const { simpleParser } = mailparser();
  const mail = await simpleParser(raw, { skipHtmlToText: false });
  const from = mail.from?.value[0];
  if (!from?.address) return null;
  const addresses = (field: AddressObject | AddressObject[] | undefined) =>
    (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
  const headers = new Map<string, string>();
  for (const line of mail.headerLines) headers.set(line.key.toLowerCase(), line.line.replace(/^[^:]*:\s*/, ''));
  return {
    from: { email: from.address, name: from.name || null },
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    messageId: mail.messageId ?? null,
    threadIds: [...ids(mail.inReplyTo), ...ids(mail.references)],
    recipients: [
      ...addresses(mail.to),
      ...addresses(mail.cc),
      ...(headers.get('delivered-to') ? [headers.get('delivered-to')!] : []),
    ],
    headers,
    contentType: headers.get('content-type') ?? 'text/plain',
    attachments: mail.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

/**
 * Auto-replies and bounces (RFC 3834 Auto-Submitted, X-Autoreply/X-Autorespond, Precedence
 * bulk/junk/list, a delivery status notification, a mailer daemon): never a ticket, never a reply.
 */
export function isAutomatic(mail: InboundMail): boolean {
  const h = mail.headers;
  const autoSubmitted = h.get('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (h.has('x-autoreply') || h.has('x-autorespond') || h.has('x-auto-response-suppress')) return true;
  if (/^\s*(bulk|junk|list)\b/i.test(h.get('precedence') ?? '')) return true;
  if (/multipart\/report/i.test(mail.contentType) || /delivery-status/i.test(mail.contentType)) return true;
  return /^(mailer-daemon|postmaster)@/i.test(mail.from.email);
}

const MARKERS = Object.values(REPLY_MARKER).map((m) => m.replace(/#/g, '').trim().toLowerCase());
const ATTRIBUTION = /^(on\b.*\bwrote:|den\b.*\bskrev:|.*\bskrev\b.*:|-----\s*original message\s*-----)\s*$/i;

/**
 * The answer without the quoted history: everything from our marker line down (in any quoting), then
 * the mail program's "On … wrote:" line and quoted lines above it, and trailing blank lines.
 */
export function cutQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let end = lines.findIndex((line) => {
    const bare = line
      .replace(/^[>\s]+/, '')
      .replace(/#/g, '')
      .trim()
      .toLowerCase();
    return bare.length > 0 && MARKERS.includes(bare);
  });
  if (end < 0) end = lines.length;
  let kept = lines.slice(0, end);
  const quoteStart = kept.findIndex((line, i) => ATTRIBUTION.test(line.trim()) || (/^>/.test(line) && i > 0));
  if (quoteStart >= 0) kept = kept.slice(0, quoteStart);
  while (kept.length && !kept[kept.length - 1]!.trim()) kept.pop();
  return kept.join('\n').trim();
}
