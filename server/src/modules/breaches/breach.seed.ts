// Demo data (P24): one breach per agency in its register: the first agency's was reported to the
// authority and the people concerned, the second agency's was not reportable.
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { Breach } from './breach.entity';

const day = 24 * 3600_000;
const hour = 3600_000;

export const breachSeed: DemoSeeder = {
  after: ['tenants'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    const primary = ctx.primary;
    const now = new Date();
    const awareAt = new Date(now.getTime() - (primary ? 20 : 9) * day);
    ctx.em.create(
      Breach,
      primary
        ? {
            tenant,
            awareAt,
            description: 'A customer list was e-mailed to the wrong recipient (a supplier) by mistake.',
            dataCategories: 'Names, e-mail addresses and phone numbers of customer contacts',
            approxAffected: 40,
            consequences: 'Risk of unwanted contact; no financial or sensitive data.',
            measures:
              'The recipient confirmed deletion in writing; mail to external domains now asks for confirmation.',
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
  },
};
