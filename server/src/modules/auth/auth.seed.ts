// Demo data (issue 20): one demo login asks for the second step (codes: `pnpm sitecare totp:code
// <email>`) and has a security key.
import { DEMO_PASSKEY, DEMO_TOTP_EMAIL, DEMO_TOTP_SECRET } from '@sitecare/seeds';
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { DEMO_USERS } from '../users/user.seed';
import { Passkey } from './passkey.entity';
import { sealTotpSecret } from './second-factor.service';

export const authSeed: DemoSeeder = {
  after: ['tenants', 'users'],
  perAgency: (ctx) => {
    const withTotp = ctx.get(DEMO_USERS).get(DEMO_TOTP_EMAIL);
    if (!withTotp) return;
    sealTotpSecret(ctx.keyring, withTotp, DEMO_TOTP_SECRET);
    withTotp.totpConfirmedAt = new Date();
    ctx.em.create(Passkey, { tenant: ctx.get(DEMO_TENANT), user: withTotp, ...DEMO_PASSKEY, transports: ['usb'] });
  },
};
