import { Entity, Property, Unique } from '@mikro-orm/core';
import type { SupportedLanguage } from '@sitecare/schema';
import { BaseEntity } from '../../db/base.entity';

/** An agency: every tenant-owned row belongs to exactly one. */
@Entity({ tableName: 'tenants' })
export class Tenant extends BaseEntity<'country' | 'defaultLanguage' | 'timezone'> {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  @Unique()
  slug!: string;

  /** ISO 3166-1 alpha-2. */
  @Property({ type: 'character', length: 2 })
  country: string = 'SE';

  @Property({ type: 'text' })
  defaultLanguage: SupportedLanguage = 'sv';

  /** P34: the address for privacy questions, shown in the portal and in every privacy e-mail. */
  @Property({ type: 'text' })
  privacyContactEmail!: string;

  /** P28: where a person may complain (Sweden: IMY). */
  @Property({ type: 'text' })
  supervisoryAuthorityName!: string;

  @Property({ type: 'text' })
  supervisoryAuthorityUrl!: string;

  @Property({ type: 'text' })
  timezone: string = 'Europe/Stockholm';
}
