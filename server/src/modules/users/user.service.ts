// The agency's users: admins invite, change roles, disable and enable; everyone edits their own profile.
import type { FilterQuery } from '@mikro-orm/core';
import { escapeLike } from '../../db/like';
import type { RequestContext } from '../../graphql/context';
import { badInput, notFound } from '../../graphql/errors';
import type { Page, PageInput } from '../../graphql/pagination';
import { inTransaction } from '../../graphql/transaction';
import { audit } from '../audit/audit.service';
import { endAllSessions } from '../auth/session.service';
import { sendInvitation } from '../auth/auth.service';
import { contactPhone } from '../customers/customer.service';
import { Tenant } from '../tenants/tenant.entity';
import { User, UserStatus } from './user.entity';
import type { UserFilter, UserInviteInput, UserSort, UserUpdateInput } from './user.inputs';

/** Who can be assigned a ticket (the users list's `staff` filter). */
const STAFF_ROLES = ['ADMIN', 'EMPLOYEE'] as const;

export async function listUsers(
  ctx: RequestContext,
  filter: UserFilter = {},
  sort: UserSort,
  page: PageInput,
): Promise<Page<User>> {
  const where: FilterQuery<User> = {};
  if (filter.role) where.role = filter.role;
  if (filter.status) where.status = filter.status;
  if (filter.staff !== undefined && filter.staff !== null) {
    where.$and = [{ role: filter.staff ? { $in: [...STAFF_ROLES] } : { $nin: [...STAFF_ROLES] } }];
  }
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    where.$or = [{ name: { $ilike: like } }, { email: { $ilike: like } }];
  }
  const [nodes, totalCount] = await ctx.em.findAndCount(User, where, {
    orderBy: { [sort.field]: sort.order.toLowerCase(), id: 'asc' },
    limit: page.take,
    offset: page.skip,
  });
  return { nodes, totalCount };
}

/** Another tenant's id answers exactly like an id that does not exist. */
export async function getUser(ctx: RequestContext, id: string): Promise<User> {
  const user = await ctx.em.findOne(User, { id });
  if (!user) throw notFound('User');
  return user;
}

export async function inviteUser(ctx: RequestContext, input: UserInviteInput): Promise<User> {
  return inTransaction(ctx, async () => {
    const tenant = await ctx.em.findOneOrFail(Tenant, ctx.tenantId!);
    const email = input.email.trim();
    if (await ctx.em.count(User, { email: { $ilike: escapeLike(email) } })) {
      throw badInput('email', 'A user with this e-mail already exists in your agency');
    }
    const user = ctx.em.create(User, {
      tenant,
      email,
      name: input.name.trim(),
      role: input.role,
      preferredLanguage: input.preferredLanguage ?? tenant.defaultLanguage,
    });
    await ctx.em.flush();
    await sendInvitation(ctx, user);
    await audit(ctx, {
      action: 'user.invite',
      entityType: 'User',
      entityId: user.id,
      detail: { role: user.role },
    });
    return user;
  });
}

export async function updateUser(ctx: RequestContext, id: string, input: UserUpdateInput): Promise<User> {
  return inTransaction(ctx, async () => {
    const user = await getUser(ctx, id);
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.role && input.role !== user.role) {
      if (user.id === ctx.viewer!.userId) throw badInput('role', 'You cannot change your own role');
      changes.role = { from: user.role, to: input.role };
      user.role = input.role;
      await endAllSessions(ctx, user); // the new role applies from the next login
    }
    if (input.name !== undefined && input.name.trim() !== user.name) {
      changes.name = { from: user.name, to: input.name.trim() };
      user.name = input.name.trim();
    }
    if (input.preferredLanguage && input.preferredLanguage !== user.preferredLanguage) {
      changes.preferredLanguage = { from: user.preferredLanguage, to: input.preferredLanguage };
      user.preferredLanguage = input.preferredLanguage;
    }
    await ctx.em.flush();
    if (Object.keys(changes).length) {
      await audit(ctx, { action: 'user.update', entityType: 'User', entityId: user.id, detail: changes });
    }
    return user;
  });
}

export async function setUserEnabled(ctx: RequestContext, id: string, enabled: boolean): Promise<User> {
  return inTransaction(ctx, async () => {
    const user = await getUser(ctx, id);
    if (user.id === ctx.viewer!.userId) throw badInput('id', 'You cannot disable or enable yourself');
    if (enabled && user.status === UserStatus.DISABLED) {
      user.status = user.passwordHash ? UserStatus.ACTIVE : UserStatus.INVITED;
    } else if (!enabled && user.status !== UserStatus.DISABLED) {
      user.status = UserStatus.DISABLED;
      await endAllSessions(ctx, user);
    } else {
      return user;
    }
    await ctx.em.flush();
    await audit(ctx, { action: enabled ? 'user.enable' : 'user.disable', entityType: 'User', entityId: user.id });
    return user;
  });
}

export async function updateProfile(
  ctx: RequestContext,
  input: {
    name?: string;
    preferredLanguage?: User['preferredLanguage'];
    phone?: string;
    postalCode?: string;
    country?: string;
    ticketMail?: boolean;
  },
): Promise<User> {
  return inTransaction(ctx, async () => {
    const user = await ctx.em.findOneOrFail(User, ctx.viewer!.userId, { populate: ['contact'] });
    if (input.name !== undefined) user.name = input.name.trim();
    if (input.ticketMail !== undefined && input.ticketMail !== null) user.ticketMail = input.ticketMail;
    if (input.preferredLanguage) user.preferredLanguage = input.preferredLanguage;
    // P27: a customer keeps their own contact details current; the person's name and language follow.
    const contact = user.contact;
    const contactFields = (['phone', 'postalCode', 'country'] as const).filter((f) => input[f] !== undefined);
    if (contactFields.length && !contact) throw badInput(contactFields[0], 'Only customers keep contact details here');
    if (contact) {
      if (input.phone !== undefined)
        contact.phone = await contactPhone(ctx, input.phone, input.country ?? contact.country);
      if (input.postalCode !== undefined) contact.postalCode = input.postalCode.trim() || null;
      if (input.country !== undefined) contact.country = input.country.toUpperCase();
      if (input.name !== undefined) contact.name = user.name;
      if (input.preferredLanguage) contact.preferredLanguage = input.preferredLanguage;
    }
    await ctx.em.flush();
    await audit(ctx, { action: 'user.profile_update', entityType: 'User', entityId: user.id });
    if (contact && (contactFields.length || input.name !== undefined || input.preferredLanguage))
      await audit(ctx, {
        action: 'contact.update_by_subject',
        entityType: 'Contact',
        entityId: contact.id,
        // Which fields, never their values: the audit trail is not a copy of the person's data.
        detail: { fields: [...contactFields, ...(input.name !== undefined ? ['name'] : [])] },
      });
    return user;
  });
}
