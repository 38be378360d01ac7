// Demo data: each demo customer's sites, on the customer's package (the customers take the packages
// in turn), with a month of backups and the contractors' assignments.
import { createHash } from 'node:crypto';
import { demoSeedKey, type DemoSeeder } from '../../system/demo-seed';
import { DEMO_CUSTOMERS } from '../customers/customer.seed';
import { DEMO_PACKAGES } from '../packages/package.seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { DEMO_USERS } from '../users/user.seed';
import { SiteAssignment } from './site-assignment.entity';
import { SiteBackup } from './site-backup.entity';
import { Site, SitePlatform, SiteStatus } from './site.entity';

const DAY = 24 * 3600_000;

/** Each demo customer's sites (by the customer's index), in the order of its demo data. */
export const DEMO_SITES = demoSeedKey<Site[][]>('sites', 'sites');

export const siteSeed: DemoSeeder = {
  after: ['tenants', 'users', 'packages', 'customers'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    const users = ctx.get(DEMO_USERS);
    const packages = ctx.get(DEMO_PACKAGES);
    const sites = ctx.get(DEMO_CUSTOMERS).map(({ demo, customer }, i) =>
      demo.sites.map((d) => {
        const site = ctx.em.create(Site, {
          tenant,
          customer,
          domain: d.domain,
          platform: d.platform as SitePlatform,
          productionUrl: `https://${d.domain}`,
          stagingUrl: `https://staging.${d.domain}`,
          status: (d.status ?? 'ACTIVE') as SiteStatus,
          servicePackage: packages[i % packages.length],
        });
        for (let day = 0; day < d.backupDays; day++) {
          const takenAt = new Date(Date.now() - day * DAY);
          ctx.em.create(SiteBackup, {
            tenant,
            site,
            takenAt,
            location: `s3://backups/${d.domain}/${takenAt.toISOString().slice(0, 10)}.tar.gz`,
            sizeBytes: 180_000_000 + day * 1_000_000,
            kind: 'FULL',
            checksum: `sha256:${createHash('sha256').update(`${d.domain}/${day}`).digest('hex')}`,
            expiresAt: new Date(takenAt.getTime() + 30 * DAY),
          });
        }
        for (const a of d.assignments)
          ctx.em.create(SiteAssignment, {
            tenant,
            site,
            user: users.get(a.email)!,
            startsAt: new Date(Date.now() - 90 * DAY),
            endsAt: a.ended ? new Date(Date.now() - 7 * DAY) : null,
            reason: a.reason,
          });
        return site;
      }),
    );
    ctx.set(DEMO_SITES, sites);
  },
};
