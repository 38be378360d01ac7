// P11, P26: visits are personal data when they are linked to a login, or to a visitor id that a
// logged-in visit of the same person carried (the same browser). Export lists them; erasure deletes them.
import type { FilterQuery } from '@mikro-orm/core';
import type { RequestContext } from '../../graphql/context';
import type { DataSubject, PersonalDataSource } from '../../privacy/personal-data';
import { Visit } from './visit.entity';

async function visitsOf(ctx: RequestContext, subject: DataSubject): Promise<FilterQuery<Visit>> {
  if (!subject.userIds.length) return { id: { $in: [] } };
  const linked = await ctx.em.find(
    Visit,
    { user: { $in: subject.userIds }, visitorId: { $ne: null } },
    { fields: ['visitorId'] },
  );
  const visitorIds = [...new Set(linked.map((v) => v.visitorId!))];
  return { $or: [{ user: { $in: subject.userIds } }, { visitorId: { $in: visitorIds } }] };
}

export const visitSource: PersonalDataSource = {
  name: 'visits',
  description: {
    sv: 'Sidvisningar kopplade till din inloggning eller webbläsare: tid, sida, IP-adress, webbläsare och operativsystem.',
    en: 'Page views linked to your login or browser: time, page, IP address, browser and operating system.',
  },
  async export(ctx, subject) {
    const rows = await ctx.em.find(Visit, await visitsOf(ctx, subject), { orderBy: { createdAt: 'asc', id: 'asc' } });
    return rows.map((v) => ({
      at: v.createdAt.toISOString(),
      path: v.path,
      referrer: v.referrer,
      visitorId: v.visitorId,
      ip: v.ip,
      browser: [v.browserName, v.browserVersion].filter(Boolean).join(' ') || null,
      os: [v.osName, v.osVersion].filter(Boolean).join(' ') || null,
    }));
  },
  async erase(ctx, subject) {
    const deleted = await ctx.em.nativeDelete(Visit, await visitsOf(ctx, subject));
    return { deleted, anonymised: 0 };
  },
};
