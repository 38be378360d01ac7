// Demo data: data subject requests in every state a dashboard should show (P28, P30).
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Tenant } from '../tenants/tenant.entity';
import { dueDateFor } from './privacy-request.dates';
import {
  PrivacyRequest,
  PrivacyRequestChannel,
  PrivacyRequestStatus,
  PrivacyRequestType,
} from './privacy-request.entity';
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';

const DAY = 24 * 3600_000;

interface DemoRequest {
  type: PrivacyRequestType;
  email: string;
  channel: PrivacyRequestChannel;
  status: PrivacyRequestStatus;
  daysAgo: number;
  details?: string;
  result?: Record<string, unknown>;
}

const JJ_MEDIA: DemoRequest[] = [
  {
    type: PrivacyRequestType.ACCESS,
    email: 'olof@bageriet.example.com',
    channel: PrivacyRequestChannel.PUBLIC_PAGE,
    status: PrivacyRequestStatus.IDENTITY_VERIFIED,
    daysAgo: 3,
  },
  {
    type: PrivacyRequestType.RECTIFICATION,
    email: 'maja@fjallbryggeri.example.com',
    channel: PrivacyRequestChannel.STAFF,
    status: PrivacyRequestStatus.IN_PROGRESS,
    daysAgo: 40, // past its month: overdue
    details: 'Nytt postnummer: 450 71',
  },
  {
    type: PrivacyRequestType.ERASURE,
    email: 'erased-demo@erased.invalid',
    channel: PrivacyRequestChannel.PUBLIC_PAGE,
    status: PrivacyRequestStatus.COMPLETED,
    daysAgo: 20,
    result: {
      type: 'ERASURE',
      erasure: { contacts: { deleted: 0, anonymised: 1 }, leads: { deleted: 1, anonymised: 0 } },
      accounting: { orderIds: [], keepUntil: null },
      suppressed: { email: true, phones: 0 },
    },
  },
];

const OTHER: DemoRequest[] = [
  {
    type: PrivacyRequestType.OBJECTION,
    email: 'emily@harbourdesign.example.com',
    channel: PrivacyRequestChannel.PORTAL,
    status: PrivacyRequestStatus.IDENTITY_VERIFIED,
    daysAgo: 5,
  },
];

export function seedPrivacyRequests(em: EntityManager, tenant: Tenant): void {
  const demo = tenant.slug === 'jj-media' ? JJ_MEDIA : OTHER;
  for (const d of demo) {
    const receivedAt = new Date(Date.now() - d.daysAgo * DAY);
    const done = d.status === PrivacyRequestStatus.COMPLETED;
    em.create(PrivacyRequest, {
      tenant,
      type: d.type,
      requesterEmail: d.email,
      channel: d.channel,
      status: d.status,
      details: d.details ?? null,
      receivedAt,
      dueAt: dueDateFor(receivedAt, tenant.timezone),
      identityVerifiedAt: d.status === PrivacyRequestStatus.RECEIVED ? null : receivedAt,
      completedAt: done ? new Date(receivedAt.getTime() + 2 * DAY) : null,
      result: d.result ?? null,
      language: tenant.defaultLanguage,
    });
  }
}

export const privacyRequestSeed: DemoSeeder = {
  after: ['tenants'],
  perAgency: (ctx) => seedPrivacyRequests(ctx.em, ctx.get(DEMO_TENANT)),
};
