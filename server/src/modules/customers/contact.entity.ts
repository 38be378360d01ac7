import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { asSupportedLanguage, type SupportedLanguage } from '@sitecare/schema';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Customer } from './customer.entity';

@ObjectType({ description: 'P8: a social identity linked to a contact.' })
export class SocialIdentity {
  @Field({ description: 'e.g. facebook, google, linkedin.' })
  provider!: string;

  @Field()
  externalId!: string;
}

/** P2: what is known about a person's age of consent. */
export enum MinorStatus {
  /** Nothing suggests a minor (or the person confirmed their age at intake). */
  NONE = 'NONE',
  /** Staff suspect a minor: erasure is scheduled unless a parent's consent arrives. */
  SUSPECTED = 'SUSPECTED',
  /** A minor whose parent or guardian consented (recorded in parentalConsent). */
  PARENTAL_CONSENT = 'PARENTAL_CONSENT',
}
registerEnumType(MinorStatus, { name: 'MinorStatus' });

/** P2: a parent's or guardian's consent for a minor, with its proof. */
@ObjectType({ description: "P2: a parent's or guardian's consent, as given." })
export class ParentalConsent {
  @Field()
  givenAt!: Date;

  @Field()
  parentName!: string;

  @Field()
  parentEmail!: string;

  @Field({ description: 'How it was given: form, signed letter, e-mail…' })
  method!: string;
}

/** A person at a customer: a data subject (P3). */
@ObjectType({ description: 'A person at a customer.' })
@Entity({ tableName: 'contacts' })
@Index({ properties: ['tenant', 'customer'] })
@Index({
  name: 'contacts_tenant_email_index',
  expression: 'create index contacts_tenant_email_index on contacts (tenant_id, lower(email))',
})
export class Contact extends TenantOwned<
  | 'phone'
  | 'postalCode'
  | 'country'
  | 'preferredLanguage'
  | 'socialIdentities'
  | 'notes'
  | 'processingRestrictedAt'
  | 'marketingObjectedAt'
  | 'ageConfirmed'
  | 'minorStatus'
  | 'minorFlaggedAt'
  | 'minorErasureDueAt'
  | 'parentalConsent'
  | 'erasedAt'
> {
  @ManyToOne(() => Customer, { deleteRule: 'cascade' })
  customer!: Rel<Customer>; // Rel: no eager design:type reference (the two entities import each other)

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'E.164, e.g. +46701234567.' })
  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  postalCode: string | null = null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @Property({ type: 'character', length: 2, nullable: true })
  country: string | null = null;

  @Field(() => String, { description: 'BCP 47: sv or en.' })
  @Property({ type: 'text' })
  preferredLanguage: string = 'sv';

  @Field(() => [SocialIdentity])
  @Property({ type: 'json' })
  socialIdentities: SocialIdentity[] = [];

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  /** P28: restriction of processing (Art. 18): nothing but storage (and the law's needs) while set (customers/processing.guard.ts). */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  processingRestrictedAt: Date | null = null;

  /** P28: objection (Art. 21): marketing and the purposes an objection stops are refused while set (customers/processing.guard.ts). */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  marketingObjectedAt: Date | null = null;

  /** P2: the person confirmed at intake that they are at or above the age of consent of their country. */
  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  ageConfirmed: boolean | null = null;

  @Field(() => MinorStatus)
  @Enum({ items: () => MinorStatus })
  minorStatus: MinorStatus = MinorStatus.NONE;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  minorFlaggedAt: Date | null = null;

  /** P2: a suspected minor without a parent's consent is erased at this time. */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  minorErasureDueAt: Date | null = null;

  @Field(() => ParentalConsent, { nullable: true })
  @Property({ type: 'json', nullable: true })
  parentalConsent: ParentalConsent | null = null;

  /** P26: set when the person was erased; every personal field of this row is anonymised. */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  erasedAt: Date | null = null;
}

/** The language a contact's mail is written in: their preferred one, when Sitecare speaks it. */
export const contactLanguage = (contact: { preferredLanguage: string }): SupportedLanguage =>
  asSupportedLanguage(contact.preferredLanguage);
