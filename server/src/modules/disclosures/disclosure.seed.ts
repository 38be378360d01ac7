// Demo data (P23): one disclosure to an authority per agency (the second agency gets its own, for the
// cross-tenant tests).
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_CUSTOMERS } from '../customers/customer.seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { DEMO_ADMIN } from '../users/user.seed';
import { Disclosure } from './disclosure.entity';

const day = 24 * 3600_000;

export const disclosureSeed: DemoSeeder = {
  after: ['tenants', 'users', 'customers'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    const primary = ctx.primary;
    const now = new Date();
    ctx.em.create(Disclosure, {
      tenant,
      recipient: primary ? 'Polismyndigheten' : 'Skatteverket',
      dataDescription: primary
        ? 'Contact details and order history of one customer contact'
        : 'Invoices of one customer for 2025',
      legalGround: primary
        ? 'Föreläggande om utlämnande, 27 kap. rättegångsbalken (diarienr 5000-K123456-26)'
        : 'Föreläggande enligt 42 kap. skatteförfarandelagen (2011:1244)',
      disclosedAt: new Date(now.getTime() - 40 * day),
      disclosedBy: ctx.get(DEMO_ADMIN),
      contact: ctx.get(DEMO_CUSTOMERS).flatMap((c) => c.contacts)[0] ?? null,
    });
  },
};
