import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantOwned } from '../../db/base.entity';

/**
 * One secret an agency saved (S31): its SMTP password now, its payment keys later. Encrypted under the
 * keyring, bound to the agency and `name`; only "set / last 4 / verified at" ever leaves the server.
 */
@Entity({ tableName: 'agency_secrets' })
@Unique({ properties: ['tenant', 'name'] })
export class AgencySecret extends TenantOwned<'verifiedAt'> {
  /** What it is, e.g. `smtp.password`: also the field bound into the ciphertext. */
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  ciphertext!: string;

  @Property({ type: 'integer' })
  keyVersion!: number;

  @Property({ type: 'text' })
  last4!: string;

  @Property({ type: 'datetime', nullable: true })
  verifiedAt: Date | null = null;
}
