import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 20, who looked at my data: the reveals of a site's credentials (and the refused ones), read
 * from the audit events the reveal writes, for the site's customer and staff. A customer reads
 * neither audit_events (admins only, permission matrix) nor site_credentials (their row rule), so the
 * narrow read is a function, as sitecare_support_minutes: `sitecare_credential_access` is the entry
 * point and checks the site as the caller (the sites' own row rule: a site the viewer cannot see
 * gives no rows); `_of` reads as the owner only the columns a customer may see (no IP, no request,
 * no detail but the refusal's reason) and checks the viewer again for a direct call, with the same
 * viewer functions the sites' rule is made of. Contractors get nothing here (their own reveals are
 * in the audit trail).
 */
export class Migration20261206231000_credential_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function sitecare_credential_access_of(p_site uuid)
      returns table (occurred_at timestamptz, credential_label text, actor_name text, actor_role text, outcome text, reason text)
      language sql stable security definer set search_path = public, pg_temp as $$
        select e.created_at, k.label, u.name, u.role::text, e.outcome, e.detail->>'reason'
          from audit_events e
          left join site_credentials k on k.id = e.entity_id and k.tenant_id = e.tenant_id
          left join users u on u.id = e.actor_user_id and u.tenant_id = e.tenant_id
         where e.action = 'credential.reveal'
           and e.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           and coalesce(k.site_id, (e.detail->>'siteId')::uuid) = p_site
           and (sitecare_viewer_sees_all()
                or exists (select 1 from sites s where s.id = p_site and s.tenant_id = e.tenant_id
                            and s.customer_id = sitecare_viewer_customer()))
         order by e.created_at desc
         limit 200
      $$;`);
    this.addSql(`create function sitecare_credential_access(p_site uuid)
      returns table (occurred_at timestamptz, credential_label text, actor_name text, actor_role text, outcome text, reason text)
      language sql stable security invoker as $$
        select a.* from sitecare_credential_access_of(p_site) a
         where exists (select 1 from sites s where s.id = p_site)
         order by a.occurred_at desc
      $$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists sitecare_credential_access(uuid);');
    this.addSql('drop function if exists sitecare_credential_access_of(uuid);');
  }
}
