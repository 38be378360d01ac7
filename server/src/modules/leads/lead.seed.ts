// Demo data: the leads from the agency's contact form (`@sitecare/seeds`), each with the consent its
// form asked for.
import { LEAD_CONSENT_TEXT, demoLeads } from '@sitecare/seeds';
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { Lead, LeadStatus } from './lead.entity';

export const leadSeed: DemoSeeder = {
  after: ['tenants'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    for (const lead of demoLeads)
      ctx.em.create(Lead, {
        tenant,
        ...lead,
        status: lead.status as LeadStatus,
        consentGiven: true,
        consentText: LEAD_CONSENT_TEXT,
        sourcePage: `https://${ctx.demo.slug}.example.com/kontakt`,
        ip: '203.0.113.10',
        userAgent: 'Mozilla/5.0 (demo)',
      });
  },
};
