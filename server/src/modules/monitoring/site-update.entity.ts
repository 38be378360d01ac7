import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Site } from '../sites/site.entity';

/** Issue 22: an update applied on a site (a plugin, theme or core), as its site agent reported it. */
@ObjectType({ description: 'An update applied on a site.' })
@Entity({ tableName: 'site_updates' })
@Index({ properties: ['tenant', 'site', 'appliedAt'] })
export class SiteUpdate extends TenantOwned<'fromVersion'> {
  @ManyToOne(() => Site, { deleteRule: 'cascade' })
  site!: Site;

  @Field({ description: 'What was updated, e.g. wordpress, plugin:woocommerce.' })
  @Property({ type: 'text' })
  component!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  fromVersion: string | null = null;

  @Field()
  @Property({ type: 'text' })
  toVersion!: string;

  @Field()
  @Property({ type: 'datetime' })
  appliedAt!: Date;
}
