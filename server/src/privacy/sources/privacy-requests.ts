// The person's own privacy requests (P28): listed in the export; after erasure they name no one.
import type { PersonalDataSource } from '../personal-data';
import { scrubMentions } from './scrub';
import { affected, ids, rows } from './util';

export const privacyRequestsSource: PersonalDataSource = {
  name: 'privacyRequests',
  description: {
    sv: 'Dina begäranden om dina personuppgifter (typ, status, datum).',
    en: 'Your requests about your personal data (type, status, dates).',
  },
  export: (ctx, s) =>
    rows(
      ctx,
      `select type, channel, status, details, received_at as "receivedAt", due_at as "dueAt",
              completed_at as "completedAt", rejection_reason as "rejectionReason"
         from privacy_requests where tenant_id = ? and lower(requester_email) = ? order by received_at`,
      [s.tenantId, s.email],
    ),
  async erase(ctx, s) {
    const theirs = await rows<{ id: string }>(
      ctx,
      'select id from privacy_requests where tenant_id = ? and lower(requester_email) = ?',
      [s.tenantId, s.email],
    );
    // The requests stay as proof that they were answered, under a placeholder address.
    const anonymised = await affected(
      ctx,
      `update privacy_requests set requester_email = 'erased-' || id || '@erased.invalid', updated_at = now()
        where tenant_id = ? and lower(requester_email) = ?`,
      [s.tenantId, s.email],
    );
    const deleted =
      (await affected(ctx, `delete from privacy_request_tokens where tenant_id = ? and lower(email) = ?`, [
        s.tenantId,
        s.email,
      ])) +
      (await affected(ctx, 'delete from privacy_exports where tenant_id = ? and request_id = any(?::uuid[])', [
        s.tenantId,
        ids(theirs.map((r) => r.id)),
      ]));
    const mentioned = await scrubMentions(ctx, s, 'privacy_requests', [
      { name: 'details' },
      { name: 'extension_reason' },
      { name: 'rejection_reason' },
      { name: 'result', json: true },
    ]);
    return { deleted, anonymised: anonymised + mentioned };
  },
};
