// Demo data: the demo agency's logins (staff, a contractor, customers), all with the demo password.
import { DEMO_PASSWORD } from '@sitecare/seeds';
import { hashPassword } from '../../auth/passwords';
import { demoSeedKey, type DemoSeeder } from '../../system/demo-seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { User, UserStatus } from './user.entity';

/** The agency's logins by e-mail. */
export const DEMO_USERS = demoSeedKey<Map<string, User>>('users', 'users');
/** The agency's first employee: assignee, author and time keeper of the demo's tickets and care. */
export const DEMO_STAFF = demoSeedKey<User>('users', 'staff');
/** The agency's first admin. */
export const DEMO_ADMIN = demoSeedKey<User>('users', 'admin');

export const userSeed: DemoSeeder = {
  after: ['tenants'],
  perAgency: async (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    const passwordHash = await ctx.once('passwordHash', () => hashPassword(DEMO_PASSWORD));
    const users = new Map<string, User>();
    for (const u of ctx.demo.users)
      users.set(u.email, ctx.em.create(User, { tenant, ...u, status: UserStatus.ACTIVE, passwordHash }));
    ctx.set(DEMO_USERS, users);
    const first = (role: string) => users.get(ctx.demo.users.find((u) => u.role === role)!.email)!;
    ctx.set(DEMO_STAFF, first('EMPLOYEE'));
    ctx.set(DEMO_ADMIN, first('ADMIN'));
  },
};
