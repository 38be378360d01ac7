// Support tickets with their public messages (P6), and sites with backup metadata (never secrets).
import type { DataSubject, PersonalDataSource } from '../personal-data';
import { scrubMentions } from './scrub';
import { affected, ids, rows } from './util';

/** The subject's tickets (alias `t`): also what the attachments' source exports and erases. */
export const theirTickets = `(t.contact_id = any(?::uuid[]) or t.customer_id = any(?::uuid[]) or lower(t.requester_email) = ?)`;
export const ticketParams = (s: DataSubject) => [s.tenantId, ids(s.contactIds), ids(s.soleCustomerIds), s.email];

export const ticketsSource: PersonalDataSource = {
  name: 'supportTickets',
  description: {
    sv: 'Dina supportärenden och meddelandena i dem (inte personalens interna anteckningar).',
    en: 'Your support tickets and their messages (not staff-internal notes).',
  },
  async export(ctx, s) {
    const tickets = await rows<{ id: string }>(
      ctx,
      `select t.id, t.subject, t.status, t.channel, t.requester_name as "requesterName",
              t.requester_email as "requesterEmail", t.created_at as "createdAt"
         from support_tickets t where t.tenant_id = ? and ${theirTickets} order by t.created_at`,
      ticketParams(s),
    );
    const messages = await rows<{ ticketId: string }>(
      ctx,
      `select ticket_id as "ticketId", author_name as "authorName", body, created_at as "createdAt"
         from ticket_messages where tenant_id = ? and ticket_id = any(?::uuid[]) and not internal order by created_at`,
      [s.tenantId, ids(tickets.map((t) => t.id))],
    );
    return tickets.map((t) => ({ ...t, messages: messages.filter((m) => m.ticketId === t.id) }));
  },
  async erase(ctx, s) {
    const deleted = await affected(ctx, `delete from support_tickets t where t.tenant_id = ? and ${theirTickets}`, [
      ...ticketParams(s),
    ]);
    const mentioned =
      (await scrubMentions(ctx, s, 'support_tickets', [
        { name: 'subject' },
        { name: 'requester_name' },
        { name: 'requester_email' },
      ])) +
      (await scrubMentions(ctx, s, 'ticket_messages', [
        { name: 'body' },
        { name: 'author_name' },
        { name: 'password_hints', json: true },
        // Issue 18: a held mail's sender, and the Message-ID of a mail (it may carry an address).
        { name: 'held_from' },
        { name: 'mail_message_id' },
      ])) +
      // Issue 18: ticket mail to others (the staff's notices) names the ticket's subject.
      (await scrubMentions(ctx, s, 'outbox_messages', [{ name: 'subject' }, { name: 'payload', json: true }]));
    return { deleted, anonymised: mentioned };
  },
};

export const sitesSource: PersonalDataSource = {
  name: 'sites',
  description: {
    sv: 'Webbplatser vi sköter åt dig, med säkerhetskopiornas metadata och vilka åtkomstuppgifter som finns (aldrig lösenorden).',
    en: 'Websites we care for on your behalf, with backup metadata and which access credentials exist (never the secrets).',
  },
  async export(ctx, s) {
    const sites = await rows<{ id: string }>(
      ctx,
      `select id, domain, platform, production_url as "productionUrl", staging_url as "stagingUrl", status,
              created_at as "createdAt"
         from sites where tenant_id = ? and customer_id = any(?::uuid[]) order by created_at`,
      [s.tenantId, ids(s.soleCustomerIds)],
    );
    const siteIds = ids(sites.map((x) => x.id));
    const backups = await rows<{ siteId: string }>(
      ctx,
      // When and how large, not where it is stored (a storage path is the agency's internals, issue 25).
      `select site_id as "siteId", taken_at as "takenAt", size_bytes as "sizeBytes", expires_at as "expiresAt"
         from site_backups where tenant_id = ? and site_id = any(?::uuid[]) order by taken_at`,
      [s.tenantId, siteIds],
    );
    const credentials = await rows<{ siteId: string }>(
      ctx,
      `select site_id as "siteId", kind, label, url, username, created_at as "createdAt"
         from site_credentials where tenant_id = ? and site_id = any(?::uuid[])`,
      [s.tenantId, siteIds],
    );
    return sites.map((x) => ({
      ...x,
      backups: backups.filter((b) => b.siteId === x.id),
      credentials: credentials.filter((c) => c.siteId === x.id),
    }));
  },
  async erase(ctx, s) {
    // Credentials, backup records and assignments go with the site (cascade).
    const deleted = await affected(ctx, `delete from sites where tenant_id = ? and customer_id = any(?::uuid[])`, [
      s.tenantId,
      ids(s.soleCustomerIds),
    ]);
    const mentioned = await scrubMentions(ctx, s, 'site_credentials', [{ name: 'notes' }, { name: 'username' }]);
    return { deleted, anonymised: mentioned };
  },
};
