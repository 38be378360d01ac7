import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { User } from '../users/user.entity';
import { Site } from './site.entity';

/** P18: who may work on a site, and when. Access follows the assignment: when it ends, access ends. */
@ObjectType({ description: 'A person assigned to a site for a period.' })
@Entity({ tableName: 'site_assignments' })
@Index({ properties: ['tenant', 'user', 'site'] })
export class SiteAssignment extends TenantOwned<'endsAt' | 'reason'> {
  @ManyToOne(() => Site, { deleteRule: 'cascade' })
  site!: Rel<Site>; // Rel: no eager design:type reference (the two entities import each other)

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Field()
  @Property({ type: 'datetime' })
  startsAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'Open-ended when null.' })
  @Property({ type: 'datetime', nullable: true })
  endsAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  /** Active now: started, and not ended. */
  isActive(at = new Date()): boolean {
    return this.startsAt <= at && (!this.endsAt || this.endsAt > at);
  }
}
