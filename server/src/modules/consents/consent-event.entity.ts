import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Contact } from '../customers/contact.entity';
import { PolicyVersion } from './policy-version.entity';
import { ProcessingPurpose } from './processing-purpose.entity';

export enum ConsentChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  PHONE = 'PHONE',
  SOCIAL = 'SOCIAL',
  WEB = 'WEB',
}
registerEnumType(ConsentChannel, { name: 'ConsentChannel' });

export enum ConsentDecision {
  GRANTED = 'GRANTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ConsentDecision, { name: 'ConsentDecision' });

export enum ConsentMethod {
  FORM = 'FORM',
  PORTAL = 'PORTAL',
  IMPORT = 'IMPORT',
  UNSUBSCRIBE_LINK = 'UNSUBSCRIBE_LINK',
  STAFF_ON_INSTRUCTION = 'STAFF_ON_INSTRUCTION',
  DOUBLE_OPT_IN = 'DOUBLE_OPT_IN',
  COOKIE_BANNER = 'COOKIE_BANNER',
}
registerEnumType(ConsentMethod, { name: 'ConsentMethod' });

@ObjectType({ description: 'The first half of a double opt-in: the sign-up form.' })
export class SignupProof {
  @Field()
  at!: string;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl!: string | null;
}

/**
 * P13: one decision (grant or withdrawal) of one subject for one purpose on one channel, with its
 * proof. The history is append-only: a withdrawal is a new event, and the current consent is the
 * latest event per subject × purpose × channel.
 *
 * The database enforces it: a trigger (`consent_events_append_only`, migration `consents`) refuses
 * UPDATE and DELETE unless the transaction set `app.erasure` to 'on' (`set_config('app.erasure',
 * 'on', true)`, done only by the erasure path through `consentSource.erase`), or the row goes with a
 * deleted contact or agency (a cascade, trigger depth > 1).
 *
 * The subject is a contact, an e-mail address (a newsletter subscriber who is no contact), or an
 * anonymous visitor id (cookie banner). `subjectEmail` is kept for contacts too: the marketing gate
 * matches by address.
 */
@ObjectType({ description: 'P13: a consent decision with its proof (append-only).' })
@Entity({ tableName: 'consent_events' })
@Index({ properties: ['tenant', 'contact', 'createdAt'] })
@Index({ properties: ['tenant', 'subjectEmail', 'createdAt'] })
@Index({ properties: ['tenant', 'visitorId', 'createdAt'] })
export class ConsentEvent extends TenantOwned<
  | 'contact'
  | 'subjectEmail'
  | 'visitorId'
  | 'policyVersion'
  | 'wording'
  | 'sourceUrl'
  | 'ip'
  | 'userAgent'
  | 'recordedByUserId'
  | 'signupProof'
> {
  @ManyToOne(() => Contact, { nullable: true, deleteRule: 'cascade' })
  contact: Rel<Contact> | null = null;

  @Field(() => String, { nullable: true, description: 'Lower case.' })
  @Property({ type: 'text', nullable: true })
  subjectEmail: string | null = null;

  @Field(() => String, { nullable: true, description: 'An anonymous visitor (cookie banner).' })
  @Property({ type: 'text', nullable: true })
  visitorId: string | null = null;

  @ManyToOne(() => ProcessingPurpose, { deleteRule: 'restrict' })
  purpose!: Rel<ProcessingPurpose>;

  @Field(() => ConsentChannel)
  @Enum({ items: () => ConsentChannel })
  channel!: ConsentChannel;

  @Field(() => ConsentDecision)
  @Enum({ items: () => ConsentDecision })
  decision!: ConsentDecision;

  @Field(() => ConsentMethod)
  @Enum({ items: () => ConsentMethod })
  method!: ConsentMethod;

  /** P22: the policy version in force (in the subject's language) when the decision was made. */
  @ManyToOne(() => PolicyVersion, { nullable: true, deleteRule: 'set null' })
  policyVersion: Rel<PolicyVersion> | null = null;

  @Field(() => String, { nullable: true, description: 'The exact wording shown.' })
  @Property({ type: 'text', nullable: true })
  wording: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sourceUrl: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;

  /** Staff who recorded it on the subject's instruction. */
  @Property({ type: 'uuid', nullable: true })
  recordedByUserId: string | null = null;

  /** P1/P15: double opt-in: the sign-up's own proof (time, IP, user agent, source), beside the confirmation's. */
  @Field(() => SignupProof, { nullable: true })
  @Property({ type: 'json', nullable: true })
  signupProof: SignupProof | null = null;
}
