// `sitecare_webhook_emit`, as the migrations that made it wrote it (a migration file exports only its
// class: MikroORM takes a migration file's export as the migration). Each option is one migration's
// change; a migration passes the options as of its own time, so an older one keeps writing what it wrote.
const ts = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * `withheld`: the restriction's check (migration `processing_guard`); `listenedFirst` (migration
 * `webhook_listened_first`): return at once when no endpoint of the agency takes the event, before
 * that check reads the person's rows.
 */
export const webhookEmitter = ({
  withheld,
  listenedFirst = false,
}: {
  withheld: boolean;
  listenedFirst?: boolean;
}) => `create or replace function sitecare_webhook_emit(p_tenant uuid, p_type text, p_data jsonb) returns void
      language plpgsql volatile security definer set search_path = public, pg_temp as $$
      declare
        v_id uuid;
      begin
        ${
          listenedFirst
            ? `if not exists (select 1 from webhook_endpoints e
                             where e.tenant_id = p_tenant and e.enabled and p_type = any(e.events)) then
          return;
        end if;`
            : ''
        }
        ${withheld ? 'if sitecare_webhook_withheld(p_data) then return; end if;' : ''}
        for v_id in
          insert into webhook_deliveries (id, tenant_id, endpoint_id, event_type, payload)
          select gen_random_uuid(), e.tenant_id, e.id, p_type, jsonb_build_object(
                   'type', p_type, 'timestamp', ${ts('clock_timestamp()')}, 'data', jsonb_strip_nulls(p_data))
            from webhook_endpoints e
           where e.tenant_id = p_tenant and e.enabled and p_type = any(e.events)
          returning id
        loop
          perform pg_notify('sitecare_webhook', v_id::text);
        end loop;
      end $$;`;
