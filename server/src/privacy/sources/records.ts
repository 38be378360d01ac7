// Leads from the contact form (P35), the audit trail about the person, and mail sent to them.
import type { PersonalDataSource } from '../personal-data';
import { AUDIT_IP_RETENTION_DAYS } from '../../modules/audit/audit.retention';
import { scrubMentions } from './scrub';
import { affected, ids, rows } from './util';

export const leadsSource: PersonalDataSource = {
  name: 'leads',
  description: {
    sv: 'Det du skickat via vårt kontaktformulär, med samtycket och när det gavs.',
    en: 'What you sent through our contact form, with the consent and when it was given.',
  },
  export: (ctx, s) =>
    rows(
      ctx,
      `select id, name, email, phone, company, message, consent_given as "consentGiven", consent_text as "consentText",
              source_page as "sourcePage", ip, user_agent as "userAgent", status, created_at as "createdAt"
         from leads where tenant_id = ? and lower(email) = ? order by created_at`,
      [s.tenantId, s.email],
    ),
  async erase(ctx, s) {
    const deleted = await affected(ctx, `delete from leads where tenant_id = ? and lower(email) = ?`, [
      s.tenantId,
      s.email,
    ]);
    const mentioned = await scrubMentions(ctx, s, 'leads', [
      { name: 'name' },
      { name: 'email' },
      { name: 'phone' },
      { name: 'company' },
      { name: 'message' },
    ]);
    return { deleted, anonymised: mentioned };
  },
};

const aboutThem = `(entity_id = any(?::uuid[]) or actor_user_id = any(?::uuid[]))`;

export const auditSource: PersonalDataSource = {
  name: 'auditEvents',
  description: {
    sv: 'Loggade händelser om dig eller gjorda av dig (vad, när, från vilken IP-adress).',
    en: 'Logged events about you or made by you (what, when, from which IP address).',
  },
  export: (ctx, s) =>
    rows(
      ctx,
      `select action, entity_type as "entityType", outcome, ip, created_at as "createdAt"
         from audit_events where tenant_id = ? and ${aboutThem} order by created_at`,
      [s.tenantId, ids([...s.contactIds, ...s.userIds, ...s.soleCustomerIds]), ids(s.userIds)],
    ),
  async erase(ctx, s) {
    // Append-only by design (the application may not change it); it holds identifiers, never names or addresses.
    const [{ n }] = await rows<{ n: string }>(
      ctx,
      `select count(*) as n from audit_events where tenant_id = ? and ${aboutThem}`,
      [s.tenantId, ids([...s.contactIds, ...s.userIds, ...s.soleCustomerIds]), ids(s.userIds)],
    );
    return {
      deleted: 0,
      anonymised: 0,
      kept: {
        count: Number(n),
        reason:
          'The audit trail is append-only evidence of who did what; it refers to erased rows by identifier only ' +
          `and holds no name, e-mail or phone. The IP address of each event is removed after ${AUDIT_IP_RETENTION_DAYS} days.`,
      },
    };
  },
};

export const outboxSource: PersonalDataSource = {
  name: 'emailsSent',
  description: {
    sv: 'E-post vi skickat till dig (ämnesrad, mall, när).',
    en: 'E-mail we sent you (subject, template, when).',
  },
  export: (ctx, s) =>
    rows(
      ctx,
      `select subject, template, language, status, sent_at as "sentAt", created_at as "createdAt"
         from outbox_messages where tenant_id = ? and lower(recipient) = ? order by created_at`,
      [s.tenantId, s.email],
    ),
  async erase(ctx, s) {
    const deleted = await affected(ctx, `delete from outbox_messages where tenant_id = ? and lower(recipient) = ?`, [
      s.tenantId,
      s.email,
    ]);
    const mentioned = await scrubMentions(ctx, s, 'outbox_messages', [
      { name: 'subject' },
      { name: 'payload', json: true },
    ]);
    return { deleted, anonymised: mentioned };
  },
};
