import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Site } from './site.entity';

/** P10: a backup copy of a site; expired ones are purged by retention. */
@ObjectType({ description: 'A backup copy of a site.' })
@Entity({ tableName: 'site_backups' })
@Index({ properties: ['tenant', 'site', 'takenAt'] })
export class SiteBackup extends TenantOwned<'checksum' | 'kind'> {
  @ManyToOne(() => Site, { deleteRule: 'cascade' })
  site!: Site;

  @Field()
  @Property({ type: 'datetime' })
  takenAt!: Date;

  @Field({ description: 'Where the copy is stored, e.g. s3://bucket/path.' })
  @Property({ type: 'text' })
  location!: string;

  @Field(() => Number, { description: 'Size in bytes.' })
  @Property({ type: 'bigint' })
  sizeBytes!: number;

  @Field()
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: 'As reported by the site agent, e.g. sha256:…' })
  @Property({ type: 'text', nullable: true })
  checksum: string | null = null;

  @Field(() => String, { nullable: true, description: 'FULL, DATABASE or FILES (reported by the site agent).' })
  @Property({ type: 'text', nullable: true })
  kind: string | null = null;
}
