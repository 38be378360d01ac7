import type { RequestContext } from '../../graphql/context';
import { byIdLoader, groupBy, loaderFor } from '../../graphql/loaders';
import { Contact } from './contact.entity';
import { Customer } from './customer.entity';

/** Contacts of many customers in one query. */
export const contactsByCustomer = (ctx: RequestContext) =>
  loaderFor<string, Contact[]>(ctx, 'contactsByCustomer', async (ids) => {
    const rows = await ctx.em.find(Contact, { customer: { $in: [...ids] } }, { orderBy: { name: 'asc', id: 'asc' } });
    return groupBy(ids, rows, (c) => c.customer.id);
  });

/** Customers by id in one query (callers have already checked access to what refers to them). */
export const customerById = (ctx: RequestContext) => byIdLoader(ctx, Customer);
