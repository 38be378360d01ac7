import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { User } from '../users/user.entity';

/**
 * P11: one page view on the agency's site or dashboard: time, path, IP and the parsed user agent
 * (browser name and version, OS; the raw string is not kept). The IP is truncated after the
 * retention period (visit.retention.ts). Personal data when linked to a login or a visitor id.
 */
@ObjectType({ description: 'A visit (page view) on the agency site or dashboard (P11).' })
@Entity({ tableName: 'visits' })
@Index({ properties: ['tenant', 'createdAt'] })
@Index({ properties: ['tenant', 'visitorId'] })
export class Visit extends TenantOwned<
  | 'referrer'
  | 'visitorId'
  | 'user'
  | 'ip'
  | 'ipAnonymisedAt'
  | 'browserName'
  | 'browserVersion'
  | 'osName'
  | 'osVersion'
> {
  @Field()
  @Property({ type: 'text' })
  path!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  referrer: string | null = null;

  @Field(() => String, { nullable: true, description: "The site's anonymous visitor id (a random cookie value)." })
  @Property({ type: 'text', nullable: true })
  visitorId: string | null = null;

  /** The logged-in person, when the visit came from one (their visits go with the login). */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'cascade', index: true })
  user: Rel<User> | null = null;

  @Field(() => String, { nullable: true, description: 'Truncated after the retention period.' })
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  ipAnonymisedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  browserName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  browserVersion: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  osName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  osVersion: string | null = null;
}
