import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Site } from '../sites/site.entity';

export enum CredentialKind {
  CMS_ADMIN = 'CMS_ADMIN',
  SFTP = 'SFTP',
  SSH = 'SSH',
  HOSTING_PANEL = 'HOSTING_PANEL',
  DNS = 'DNS',
  DATABASE = 'DATABASE',
  OTHER = 'OTHER',
}
registerEnumType(CredentialKind, { name: 'CredentialKind' });

/**
 * P7: access data for a site. The secret is AES-256-GCM under a versioned key, bound to tenant, site,
 * credential and field (S16); it is never a GraphQL field: only siteCredentialReveal returns it.
 */
@ObjectType({ description: 'Access data for a site; the secret itself is only returned by siteCredentialReveal.' })
@Entity({ tableName: 'site_credentials' })
@Index({ properties: ['tenant', 'site'] })
export class SiteCredential extends TenantOwned<'url' | 'username' | 'notes' | 'lastRevealedAt'> {
  @ManyToOne(() => Site, { deleteRule: 'cascade' })
  site!: Site;

  @Field(() => CredentialKind)
  @Enum({ items: () => CredentialKind })
  kind!: CredentialKind;

  @Field()
  @Property({ type: 'text' })
  label!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  url: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  username: string | null = null;

  /** `v1.<keyVersion>.<iv>.<tag>.<data>` (secrets/keyring.ts). Hidden from serialisation and GraphQL. */
  @Property({ type: 'text', hidden: true })
  secretCiphertext!: string;

  @Field(() => Int, { description: 'The key version that encrypts the secret (rotation, S17).' })
  @Property({ type: 'integer' })
  keyVersion!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastRevealedAt: Date | null = null;
}
