import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Customer } from '../customers/customer.entity';
import { ServicePackage } from '../packages/service-package.entity';
import { SiteAssignment } from './site-assignment.entity';

export enum SitePlatform {
  WORDPRESS = 'WORDPRESS',
  WOOCOMMERCE = 'WOOCOMMERCE',
  WEBFLOW = 'WEBFLOW',
  STATIC = 'STATIC',
  OTHER = 'OTHER',
}
registerEnumType(SitePlatform, { name: 'SitePlatform' });

export enum SiteStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
}
registerEnumType(SiteStatus, { name: 'SiteStatus' });

/** A website under the agency's care. */
@ObjectType({ description: 'A website under care.' })
@Entity({ tableName: 'sites' })
@Unique({ properties: ['tenant', 'domain'] })
@Index({ properties: ['tenant', 'customer'] })
// The site list's sorts and the home page's active sites by domain, tenant first.
// Issue 16: the staff home page counts the active sites; the columns the viewer's row rule reads are in the
// index too, so PostgreSQL counts from the index alone (an index-only scan) instead of visiting every row.
@Index({
  name: 'sites_tenant_id_status_domain_index',
  expression:
    'create index sites_tenant_id_status_domain_index on sites (tenant_id, status, domain) include (id, customer_id)',
})
@Index({ properties: ['tenant', 'createdAt'] })
@Unique({ properties: ['tenant', 'agentTokenHash'] })
// A site agent's report finds its site by the token alone, before the agency is known.
@Index({ properties: ['agentTokenHash'] })
export class Site extends TenantOwned<
  'status' | 'stagingUrl' | 'servicePackage' | 'agentTokenHash' | 'agentTokenCreatedAt'
> {
  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Customer;

  @Field({ description: 'Lower-case host name, e.g. bageriet.se.' })
  @Property({ type: 'text' })
  domain!: string;

  @Field(() => SitePlatform)
  @Enum({ items: () => SitePlatform })
  platform!: SitePlatform;

  @Field()
  @Property({ type: 'text' })
  productionUrl!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  stagingUrl: string | null = null;

  @Field(() => SiteStatus)
  @Enum({ items: () => SiteStatus })
  status: SiteStatus = SiteStatus.ACTIVE;

  /** The care package the site is under (its response time drives ticket deadlines). */
  @ManyToOne(() => ServicePackage, { nullable: true, deleteRule: 'set null' })
  servicePackage: ServicePackage | null = null;

  /** Issue 22: SHA-256 (hex) of the site agent's token; the token itself is shown once, when made. */
  @Property({ type: 'text', nullable: true, hidden: true })
  agentTokenHash: string | null = null;

  @Field(() => Date, { nullable: true, description: "When the site agent's current token was made (null: none)." })
  @Property({ type: 'datetime', nullable: true })
  agentTokenCreatedAt: Date | null = null;

  @OneToMany(() => SiteAssignment, (a) => a.site)
  assignments = new Collection<SiteAssignment>(this);
}
