// Issue 18: the signed ticket token of a ticket mail's Reply-To (support+t.<token>@domain, or
// `[ref:<token>]` in the subject when the agency has no support address to plus-address). It names the
// ticket by number, expires, and is bound to the agency: a forged, altered, expired or another
// agency's token does not thread. Lower case only (some mail systems lower-case the local part).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a ticket mail can be answered into its ticket by its token. */
export const TOKEN_DAYS = 180;
const DAY = 86_400_000;

/** The token key, derived from the installation's session secret (never the secret itself). */
export function ticketTokenKey(sessionSecret: string): Buffer {
  return createHmac('sha256', sessionSecret).update('sitecare:ticket-reply-token').digest();
}

function mac(key: Buffer, tenantId: string, number: number, expiresDay: number): string {
  return createHmac('sha256', key).update(`${tenantId}.${number}.${expiresDay}`).digest('hex').slice(0, 24);
}

export function signTicketToken(key: Buffer, tenantId: string, number: number, now = Date.now()): string {
  const expiresDay = Math.floor(now / DAY) + TOKEN_DAYS;
  return `${number}.${expiresDay.toString(36)}.${mac(key, tenantId, number, expiresDay)}`;
}

/** The ticket number of a valid token of this agency; null for a forged, altered or expired one. */
export function verifyTicketToken(key: Buffer, tenantId: string, token: string, now = Date.now()): number | null {
  const match = /^(\d{1,9})\.([0-9a-z]{1,8})\.([0-9a-f]{24})$/.exec(token.toLowerCase());
  if (!match) return null;
  const number = Number(match[1]);
  const expiresDay = parseInt(match[2]!, 36);
  const expected = Buffer.from(mac(key, tenantId, number, expiresDay));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return expiresDay * DAY > now ? number : null;
}

/** The token in a recipient address (`support+t.<token>@…`) or a subject (`[ref:<token>]`). */
export function findTicketToken(addresses: string[], subject: string): string | null {
  for (const address of addresses) {
    const found = /\+t\.([0-9a-z.]+)@/i.exec(address);
    if (found) return found[1]!;
  }
  return /\[ref:([0-9a-z.]+)\]/i.exec(subject)?.[1] ?? null;
}

/** The Reply-To of a ticket mail: the support address plus-addressed, or null (the token goes in the subject). */
export function replyToWithToken(supportEmail: string | null | undefined, token: string): string | null {
  const at = supportEmail?.lastIndexOf('@') ?? -1;
  if (!supportEmail || at < 1) return null;
  const local = supportEmail.slice(0, at).replace(/\+.*$/, '');
  return `${local}+t.${token}@${supportEmail.slice(at + 1)}`;
}
