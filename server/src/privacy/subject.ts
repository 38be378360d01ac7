// Who a request is about: every row in the agency linked to the verified e-mail address (P29).
import type { RequestContext } from '../graphql/context';
import type { DataSubject } from './personal-data';

export async function findDataSubject(ctx: RequestContext, email: string): Promise<DataSubject> {
  const tenantId = ctx.tenantId!;
  const address = email.trim().toLowerCase();
  const contacts = await ctx.em.execute<{ id: string; name: string; phone: string | null }[]>(
    `select id, name, phone from contacts where tenant_id = ? and lower(email) = ? and erased_at is null`,
    [tenantId, address],
  );
  const users = await ctx.em.execute<{ id: string; name: string }[]>(
    `select id, name from users where tenant_id = ? and lower(email) = ?`,
    [tenantId, address],
  );
  const contactIds = contacts.map((c) => c.id);
  // A customer whose every contact is this person: its company data is about the person too.
  const sole = contactIds.length
    ? await ctx.em.execute<{ id: string }[]>(
        `select cu.id from customers cu
          where cu.tenant_id = ?
            and exists (select 1 from contacts c where c.customer_id = cu.id and c.id = any(?::uuid[]))
            and not exists (select 1 from contacts c where c.customer_id = cu.id and c.id <> all(?::uuid[]) and c.erased_at is null)`,
        [tenantId, `{${contactIds.join(',')}}`, `{${contactIds.join(',')}}`],
      )
    : [];
  const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v?.trim()))];
  return {
    tenantId,
    email: address,
    contactIds,
    userIds: users.map((u) => u.id),
    soleCustomerIds: sole.map((s) => s.id),
    names: unique([...contacts.map((c) => c.name), ...users.map((u) => u.name)]),
    phones: unique(contacts.map((c) => c.phone)),
  };
}

/** A PostgreSQL array literal of uuids, for `= any(?::uuid[])`. */
export const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;
