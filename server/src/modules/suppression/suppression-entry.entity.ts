import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';

export enum SuppressionKind {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}
registerEnumType(SuppressionKind, { name: 'SuppressionKind' });

/**
 * P26: "never contacted again": a salted hash (the agency's own salt) of a normalised e-mail address
 * or phone number, kept after erasure. It blocks marketing and re-import without fresh consent, and
 * says nothing about the person to whoever reads it.
 */
@ObjectType({ description: 'P26: a suppressed e-mail address or phone number, as a salted hash.' })
@Entity({ tableName: 'suppression_entries' })
@Unique({ properties: ['tenant', 'kind', 'hash'] })
export class SuppressionEntry extends TenantOwned {
  @Field(() => SuppressionKind)
  @Enum({ items: () => SuppressionKind })
  kind!: SuppressionKind;

  @Property({ type: 'text' })
  hash!: string;

  @Field({ description: 'Why: erasure, unsubscribe, minor without parental consent…' })
  @Property({ type: 'text' })
  reason!: string;
}
