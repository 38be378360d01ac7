import { randomBytes } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { SupportedLanguage } from '@sitecare/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** An agency: every tenant-owned row belongs to exactly one. */
@ObjectType({ description: 'An agency (tenant).' })
@Entity({ tableName: 'tenants' })
export class Tenant {
  [OptionalProps]?:
    'createdAt' | 'updatedAt' | 'country' | 'defaultLanguage' | 'timezone' | 'vatRateBasisPoints' | 'privacySalt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  @Unique()
  slug!: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  @Property({ type: 'character', length: 2 })
  country: string = 'SE';

  @Field(() => String, { description: 'sv or en.' })
  @Property({ type: 'text' })
  defaultLanguage: SupportedLanguage = 'sv';

  @Field({ description: 'P34: the address for privacy questions, shown in the portal and in every privacy e-mail.' })
  @Property({ type: 'text' })
  privacyContactEmail!: string;

  @Field({ description: 'P28: where a person may complain (Sweden: IMY).' })
  @Property({ type: 'text' })
  supervisoryAuthorityName!: string;

  @Field()
  @Property({ type: 'text' })
  supervisoryAuthorityUrl!: string;

  @Field(() => Int, { description: 'VAT on orders in basis points (Sweden: 2500 = 25 %).' })
  @Property({ type: 'integer' })
  vatRateBasisPoints: number = 2500;

  @Field({ description: 'IANA time zone, e.g. Europe/Stockholm.' })
  @Property({ type: 'text' })
  timezone: string = 'Europe/Stockholm';

  /** P26: the salt of this agency's suppression hashes (never in the API): hashes are not comparable across agencies. */
  @Property({ type: 'text' })
  privacySalt: string = randomBytes(32).toString('hex');
}
