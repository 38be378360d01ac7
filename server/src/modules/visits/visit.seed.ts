// Demo page views (P11): a few recent ones, one from a logged-in customer, one old enough for the
// retention task to truncate its IP.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tenant } from '../tenants/tenant.entity';
import type { User } from '../users/user.entity';
import { Visit } from './visit.entity';
import { parseUserAgent } from '../../net/client';
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { DEMO_USERS } from '../users/user.seed';

export const DEMO_USER_AGENTS = {
  firefoxWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
} as const;

const day = 24 * 3600_000;

export function seedVisits(em: EntityManager, tenant: Tenant, users: User[], now = new Date()): void {
  const customer = users.find((u) => u.role === 'CUSTOMER') ?? null;
  const rows = [
    {
      path: '/',
      ua: DEMO_USER_AGENTS.chromeMac,
      ip: '198.51.100.23',
      ago: 40 * day,
      referrer: 'https://www.google.com/',
    },
    { path: '/priser', ua: DEMO_USER_AGENTS.safariIphone, ip: '2001:db8:85a3:8d3:1319:8a2e:370:7348', ago: 2 * day },
    {
      path: '/kontakt',
      ua: DEMO_USER_AGENTS.firefoxWindows,
      ip: '203.0.113.57',
      ago: day,
      visitorId: 'demo-visitor-0001',
    },
    { path: '/portal', ua: DEMO_USER_AGENTS.firefoxWindows, ip: '203.0.113.57', ago: day - 60_000, user: customer },
  ];
  for (const r of rows) {
    const at = new Date(now.getTime() - r.ago);
    em.create(Visit, {
      tenant,
      createdAt: at,
      updatedAt: at,
      path: r.path,
      referrer: r.referrer ?? null,
      visitorId: r.user ? 'demo-visitor-0001' : (r.visitorId ?? null),
      user: r.user ?? null,
      ip: r.ip,
      ...parseUserAgent(r.ua),
    });
  }
}

export const visitSeed: DemoSeeder = {
  after: ['tenants', 'users'],
  perAgency: (ctx) => seedVisits(ctx.em, ctx.get(DEMO_TENANT), [...ctx.get(DEMO_USERS).values()]),
};
