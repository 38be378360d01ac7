// Issue 20, who looked at my data. Staff opening a contact's record, exporting it or revealing a
// credential is an audit event (ACCESS_ACTIONS; written where it happens, with `audit`). From those
// events: a site's customer sees the reveals of its credentials (sitecare_credential_access, migration
// credential_access), and the privacy export has a section "dataAccess": who opened the person's
// data (name or role, and when), and, for a staff login, what they opened.
import { Field, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import type { PersonalDataSource } from '../../privacy/personal-data';
import { ids, rows } from '../../privacy/sources/util';
import { AuditOutcome } from './audit-event.entity';

/** The audit actions that are an access to someone's data. */
export const ACCESS_ACTIONS = ['contact.view', 'contact.export', 'credential.reveal'] as const;

@ObjectType({ description: 'A reveal of one of the site’s credentials, or a refused one (issue 20): never the IP.' })
export class CredentialAccess {
  @Field()
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The credential, while it exists.' })
  credentialLabel!: string | null;

  @Field(() => String, { nullable: true, description: 'Who: their name (null once the login is gone).' })
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: 'Their role.' })
  actorRole!: string | null;

  @Field(() => AuditOutcome, { description: 'ALLOWED: revealed; DENIED: refused.' })
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true, description: 'Why it was refused, e.g. STEP_UP_REQUIRED.' })
  reason!: string | null;
}

/** The reveals of a site's credentials, newest first, as far as the viewer may see them (none: []). */
export async function credentialAccess(ctx: RequestContext, siteId: string): Promise<CredentialAccess[]> {
  const found = await ctx.em.execute<
    Array<{
      occurred_at: Date;
      credential_label: string | null;
      actor_name: string | null;
      actor_role: string | null;
      outcome: AuditOutcome;
      reason: string | null;
    }>
  >('select * from sitecare_credential_access(?)', [siteId]);
  return found.map((r) => ({
    at: new Date(r.occurred_at),
    credentialLabel: r.credential_label,
    actorName: r.actor_name,
    actorRole: r.actor_role,
    outcome: r.outcome,
    reason: r.reason,
  }));
}

const ACCESS = `e.action = any(array[${ACCESS_ACTIONS.map((a) => `'${a}'`).join(', ')}])`;

export const dataAccessSource: PersonalDataSource = {
  name: 'dataAccess',
  description: {
    sv: 'Vem hos oss som öppnat, exporterat eller visat dina uppgifter (namn eller roll, när), och vad du själv har öppnat som anställd.',
    en: 'Who at our agency opened, exported or revealed your data (name or role, when), and what you opened yourself as staff.',
  },
  async export(ctx, s) {
    const aboutYou = ids(s.contactIds);
    const whoAccessedYourData = await rows(
      ctx,
      `select e.action, u.name as "byName", u.role as "byRole", e.outcome, e.created_at as "at"
         from audit_events e left join users u on u.id = e.actor_user_id and u.tenant_id = e.tenant_id
        where e.tenant_id = ? and ${ACCESS} and e.entity_id = any(?::uuid[])
          and (e.actor_user_id is null or not e.actor_user_id = any(?::uuid[]))
        order by e.created_at`,
      [s.tenantId, aboutYou, ids(s.userIds)],
    );
    const whatYouAccessed = await rows(
      ctx,
      `select e.action, e.entity_type as "entityType", e.entity_id as "entityId", e.outcome, e.created_at as "at"
         from audit_events e
        where e.tenant_id = ? and ${ACCESS} and e.actor_user_id = any(?::uuid[])
        order by e.created_at`,
      [s.tenantId, ids(s.userIds)],
    );
    return { whoAccessedYourData, whatYouAccessed };
  },
  // The events themselves are the audit trail (kept, append-only; auditSource reports them): erasure
  // removes the logins and contacts they point to, so no name remains.
  erase: () => Promise.resolve({ deleted: 0, anonymised: 0 }),
};
