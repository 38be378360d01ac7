// Demo data: the agency's customers (`@sitecare/seeds`) and their contacts; a contact with a portal
// login of the same e-mail becomes that login's contact.
import type { DemoCustomer } from '@sitecare/seeds';
import { demoSeedKey, type DemoSeeder } from '../../system/demo-seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { DEMO_USERS } from '../users/user.seed';
import { Contact } from './contact.entity';
import { Customer } from './customer.entity';

export interface SeededCustomer {
  demo: DemoCustomer;
  customer: Customer;
  contacts: Contact[];
}

/** The agency's customers, in the order of its demo data. */
export const DEMO_CUSTOMERS = demoSeedKey<SeededCustomer[]>('customers', 'customers');

export const customerSeed: DemoSeeder = {
  after: ['tenants', 'users'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    const users = ctx.get(DEMO_USERS);
    const seeded = ctx.demo.customers.map((c): SeededCustomer => {
      const customer = ctx.em.create(Customer, {
        tenant,
        name: c.name,
        organisationNumber: c.organisationNumber ?? null,
        billingCountry: c.billingCountry,
        addressLine1: c.address?.line1 ?? null,
        postalCode: c.address?.postalCode ?? null,
        city: c.address?.city ?? null,
      });
      const contacts = c.contacts.map((p) => {
        const contact = ctx.em.create(Contact, {
          tenant,
          customer,
          ...p,
          phone: p.phone ?? null,
          postalCode: p.postalCode ?? null,
          country: p.country ?? null,
          socialIdentities: p.socialIdentities ?? [],
        });
        const login = users.get(p.email);
        if (login) login.contact = contact; // the customer's portal login
        return contact;
      });
      return { demo: c, customer, contacts };
    });
    ctx.set(DEMO_CUSTOMERS, seeded);
  },
};
