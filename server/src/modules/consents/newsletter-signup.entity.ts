import { Entity, Property, Unique } from '@mikro-orm/core';
import { TenantOwned } from '../../db/base.entity';

/**
 * P1, P15: a newsletter sign-up waiting for its double opt-in. The confirmation link's secret is
 * stored as a hash (like auth tokens), is single-use and expires; nothing is sent to the address
 * but the confirmation request until it is confirmed.
 */
@Entity({ tableName: 'newsletter_signups' })
@Unique({ properties: ['tenant', 'tokenHash'] })
export class NewsletterSignup extends TenantOwned<
  'name' | 'country' | 'sourceUrl' | 'ip' | 'userAgent' | 'confirmedAt'
> {
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Property({ type: 'text' })
  language!: string;

  @Property({ type: 'character', length: 2, nullable: true })
  country: string | null = null;

  @Property({ type: 'text' })
  wording!: string;

  @Property({ type: 'text', nullable: true })
  sourceUrl: string | null = null;

  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;

  @Property({ type: 'text' })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  confirmedAt: Date | null = null;
}
