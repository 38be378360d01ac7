// Demo data (issue 23): an earlier newsletter mailing in the campaign history of each agency.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tenant } from '../tenants/tenant.entity';
import { MarketingCampaign } from './campaign.entity';
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';

export function seedCampaigns(em: EntityManager, tenant: Tenant): void {
  const sentAt = new Date(Date.now() - 60 * 24 * 3600_000);
  em.create(MarketingCampaign, {
    tenant,
    purposeKey: 'newsletter',
    subjectSv: 'Höstens tips för din webbplats',
    subjectEn: 'Autumn tips for your website',
    bodySv: 'Tre saker att se över innan årsskiftet.',
    bodyEn: 'Three things to check before the new year.',
    createdAt: sentAt,
    updatedAt: sentAt,
  });
}

export const campaignSeed: DemoSeeder = {
  after: ['tenants'],
  perAgency: (ctx) => seedCampaigns(ctx.em, ctx.get(DEMO_TENANT)),
};
