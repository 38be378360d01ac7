// Demo data (P19): a realistic processor register; the second agency keeps a shorter one, its own
// provider only. (The other records the law asks for are seeded by their modules: disclosures P23,
// breaches P24, the visit log P11, surveys P5.)
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { Processor, TransferMechanism } from './processor.entity';

type DemoProcessor = Pick<Processor, 'name' | 'purpose' | 'dataCategories' | 'country' | 'transferMechanism'> &
  Partial<Pick<Processor, 'contractDate' | 'contact' | 'url' | 'notes'>>;

export const DEMO_PROCESSORS: DemoProcessor[] = [
  {
    name: 'Stripe Payments Europe, Ltd.',
    purpose: 'Card payments and subscriptions at checkout',
    dataCategories: 'Name, e-mail, billing address, card details (held by Stripe only), payment history',
    country: 'IE',
    transferMechanism: TransferMechanism.NONE_EEA,
    contractDate: '2024-02-01',
    contact: 'dpo@stripe.com',
    url: 'https://stripe.com/legal/dpa',
  },
  {
    name: 'Mollie B.V.',
    purpose: 'Payments by Swish, card and bank transfer',
    dataCategories: 'Name, e-mail, payment details, transaction history',
    country: 'NL',
    transferMechanism: TransferMechanism.NONE_EEA,
    contractDate: '2024-03-12',
    contact: 'privacy@mollie.com',
    url: 'https://www.mollie.com/privacy',
  },
  {
    name: 'PayPal (Europe) S.à r.l. et Cie, S.C.A.',
    purpose: 'PayPal payments at checkout',
    dataCategories: 'Name, e-mail, billing address, transaction history',
    country: 'LU',
    transferMechanism: TransferMechanism.NONE_EEA,
    contractDate: '2024-03-12',
    url: 'https://www.paypal.com/se/legalhub/privacy-full',
  },
  {
    name: 'Hetzner Online GmbH',
    purpose: 'Hosting of the Sitecare servers and the PostgreSQL database, with backups',
    dataCategories: 'Everything stored in Sitecare: customer and contact data, tickets, orders, logs',
    country: 'DE',
    transferMechanism: TransferMechanism.NONE_EEA,
    contractDate: '2023-11-20',
    contact: 'data-protection@hetzner.com',
    url: 'https://www.hetzner.com/legal/privacy-policy',
  },
  {
    name: 'Zendesk, Inc.',
    purpose: 'Helpdesk e-mail: inbound support mail before it reaches Sitecare',
    dataCategories: 'Name, e-mail address, message contents and attachments',
    country: 'US',
    transferMechanism: TransferMechanism.DPF,
    contractDate: '2024-01-15',
    url: 'https://www.zendesk.com/company/agreements-and-terms/privacy-policy/',
    notes: 'Certified under the EU–US Data Privacy Framework (adequacy decision of 10 July 2023).',
  },
  {
    name: 'Google LLC (Google Analytics 4)',
    purpose: 'Visitor statistics on the agency website (with consent only)',
    dataCategories: 'Pseudonymous visitor id, truncated IP address, pages visited, browser and OS',
    country: 'US',
    transferMechanism: TransferMechanism.SCC,
    contractDate: '2024-05-02',
    url: 'https://business.safety.google/adsprocessorterms/',
    notes: 'Google Ads Data Processing Terms with the 2021 standard contractual clauses (module 2).',
  },
];

export const processorSeed: DemoSeeder = {
  after: ['tenants'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    for (const p of ctx.primary ? DEMO_PROCESSORS : DEMO_PROCESSORS.slice(3, 4))
      ctx.em.create(Processor, { tenant, ...p });
  },
};
