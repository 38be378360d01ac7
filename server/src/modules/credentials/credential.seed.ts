// Demo data: the demo sites' access credentials, sealed with the keyring as the service seals them.
import type { DemoSeeder } from '../../system/demo-seed';
import { DEMO_CUSTOMERS } from '../customers/customer.seed';
import { DEMO_SITES } from '../sites/site.seed';
import { DEMO_TENANT } from '../tenants/tenant.seed';
import { encryptionContext } from './credential.service';
import { CredentialKind, SiteCredential } from './site-credential.entity';

export const credentialSeed: DemoSeeder = {
  after: ['tenants', 'customers', 'sites'],
  perAgency: (ctx) => {
    const tenant = ctx.get(DEMO_TENANT);
    const sites = ctx.get(DEMO_SITES);
    ctx.get(DEMO_CUSTOMERS).forEach(({ demo }, i) =>
      demo.sites.forEach((d, s) => {
        for (const k of d.credentials) {
          const credential = ctx.em.create(SiteCredential, {
            tenant,
            site: sites[i][s],
            kind: k.kind as CredentialKind,
            label: k.label,
            url: k.url ?? null,
            username: k.username ?? null,
            secretCiphertext: '',
            keyVersion: ctx.keyring.currentVersion,
          });
          credential.secretCiphertext = ctx.keyring.encrypt(k.secret, encryptionContext(credential));
        }
      }),
    );
  },
};
