// Demo rows of the records the law asks for (P19, P23, P24, S26): a realistic processor register,
// one disclosure and one breach per agency (the second agency gets its own, for the cross-tenant
// tests); and, from their modules, the visit log (P11) and a survey with answers (P5).
import type { EntityManager } from '@mikro-orm/postgresql';
import { Breach } from '../breaches/breach.entity';
import type { Contact } from '../customers/contact.entity';
import { Disclosure } from '../disclosures/disclosure.entity';
import type { Tenant } from '../tenants/tenant.entity';
import type { User } from '../users/user.entity';
import { seedSurveys } from '../surveys/survey.seed';
import { seedVisits } from '../visits/visit.seed';
import { Processor, TransferMechanism } from './processor.entity';

type DemoProcessor = Pick<Processor, 'name' | 'purpose' | 'dataCategories' | 'country' | 'transferMechanism'> &
  Partial<Pick<Processor, 'contractDate' | 'contact' | 'url' | 'notes'>>;

const day = 24 * 3600_000;
const hour = 3600_000;

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

const firstWith = (users: User[], role: string) => users.find((u) => u.role === role)!;

export function seedRegisters(
  em: EntityManager,
  tenant: Tenant,
  users: User[],
  contacts: Contact[],
  primary: boolean,
  now = new Date(),
): void {
  seedVisits(em, tenant, users, now);
  seedSurveys(em, tenant, contacts, now);
  // The second agency keeps a shorter register: its own provider only.
  for (const p of primary ? DEMO_PROCESSORS : DEMO_PROCESSORS.slice(3, 4)) em.create(Processor, { tenant, ...p });

  em.create(Disclosure, {
    tenant,
    recipient: primary ? 'Polismyndigheten' : 'Skatteverket',
    dataDescription: primary
      ? 'Contact details and order history of one customer contact'
      : 'Invoices of one customer for 2025',
    legalGround: primary
      ? 'Föreläggande om utlämnande, 27 kap. rättegångsbalken (diarienr 5000-K123456-26)'
      : 'Föreläggande enligt 42 kap. skatteförfarandelagen (2011:1244)',
    disclosedAt: new Date(now.getTime() - 40 * day),
    disclosedBy: firstWith(users, 'ADMIN'),
    contact: contacts[0] ?? null,
  });

  const awareAt = new Date(now.getTime() - (primary ? 20 : 9) * day);
  em.create(
    Breach,
    primary
      ? {
          tenant,
          awareAt,
          description: 'A customer list was e-mailed to the wrong recipient (a supplier) by mistake.',
          dataCategories: 'Names, e-mail addresses and phone numbers of customer contacts',
          approxAffected: 40,
          consequences: 'Risk of unwanted contact; no financial or sensitive data.',
          measures: 'The recipient confirmed deletion in writing; mail to external domains now asks for confirmation.',
          reportable: true,
          authorityNotifiedAt: new Date(awareAt.getTime() + 30 * hour),
          subjectsNotifiedAt: new Date(awareAt.getTime() + 50 * hour),
        }
      : {
          tenant,
          awareAt,
          description: 'A laptop of an employee was stolen from a car.',
          dataCategories: 'Customer contact details in the mail client',
          approxAffected: 15,
          consequences: 'None expected: the disk was fully encrypted and the laptop was wiped remotely.',
          measures: 'Remote wipe confirmed; sessions and passwords of the employee were revoked.',
          reportable: false,
          notReportableReason: 'Unlikely to result in a risk: full-disk encryption, key not compromised (art. 33.1).',
        },
  );
}
