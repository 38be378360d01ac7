import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { User } from '../users/user.entity';

/** P28: the rights a person may exercise. */
export enum PrivacyRequestType {
  ACCESS = 'ACCESS',
  RECTIFICATION = 'RECTIFICATION',
  ERASURE = 'ERASURE',
  RESTRICTION = 'RESTRICTION',
  OBJECTION = 'OBJECTION',
  PORTABILITY = 'PORTABILITY',
  WITHDRAW_CONSENT = 'WITHDRAW_CONSENT',
}
registerEnumType(PrivacyRequestType, { name: 'PrivacyRequestType' });

/** P33: where the request came from. */
export enum PrivacyRequestChannel {
  PUBLIC_PAGE = 'PUBLIC_PAGE',
  PORTAL = 'PORTAL',
  STAFF = 'STAFF',
}
registerEnumType(PrivacyRequestChannel, { name: 'PrivacyRequestChannel' });

export enum PrivacyRequestStatus {
  RECEIVED = 'RECEIVED',
  IDENTITY_VERIFIED = 'IDENTITY_VERIFIED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  REJECTED = 'REJECTED',
}
registerEnumType(PrivacyRequestStatus, { name: 'PrivacyRequestStatus' });

export const OPEN_STATUSES = [
  PrivacyRequestStatus.RECEIVED,
  PrivacyRequestStatus.IDENTITY_VERIFIED,
  PrivacyRequestStatus.IN_PROGRESS,
];

/** S23/P28: a data subject request, due one calendar month after receipt (extendable to three). */
@ObjectType({ description: 'A data subject request (access, erasure, …) with its deadline and outcome.' })
@Entity({ tableName: 'privacy_requests' })
@Index({ properties: ['tenant', 'status', 'dueAt'] })
@Index({ properties: ['tenant', 'dueAt'] })
export class PrivacyRequest extends TenantOwned<
  | 'status'
  | 'details'
  | 'contactIds'
  | 'identityVerifiedAt'
  | 'extendedAt'
  | 'extensionReason'
  | 'assignee'
  | 'completedAt'
  | 'rejectionReason'
  | 'result'
  | 'overdueNotifiedAt'
  | 'language'
> {
  @Field(() => PrivacyRequestType)
  @Enum({ items: () => PrivacyRequestType })
  type!: PrivacyRequestType;

  @Field({ description: 'The address the request is about (and was verified for); replaced after erasure.' })
  @Property({ type: 'text' })
  requesterEmail!: string;

  @Field(() => String, { description: 'sv or en: the language of the mail and the export.' })
  @Property({ type: 'text' })
  language: string = 'sv';

  @Field(() => [String], { description: 'The contacts with that address when the request was verified.' })
  @Property({ type: 'json' })
  contactIds: string[] = [];

  @Field(() => PrivacyRequestChannel)
  @Enum({ items: () => PrivacyRequestChannel })
  channel!: PrivacyRequestChannel;

  @Field(() => PrivacyRequestStatus)
  @Enum({ items: () => PrivacyRequestStatus })
  status: PrivacyRequestStatus = PrivacyRequestStatus.RECEIVED;

  @Field(() => String, { nullable: true, description: 'What the person asked for, e.g. what to rectify.' })
  @Property({ type: 'text', nullable: true })
  details: string | null = null;

  @Field()
  @Property({ type: 'datetime' })
  receivedAt!: Date;

  @Field({ description: "Received + 1 calendar month in the agency's time zone, or the extended date." })
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  identityVerifiedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  extendedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  extensionReason: string | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  assignee: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  completedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What was done, what was kept and why.' })
  @Property({ type: 'json', nullable: true })
  result: Record<string, unknown> | null = null;

  /** P30: when the agency's privacy contact was told the request is overdue (once). */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  overdueNotifiedAt: Date | null = null;
}

/** P29: a request from the public page waits here until the person follows the link mailed to the address. */
@Entity({ tableName: 'privacy_request_tokens' })
@Unique({ properties: ['tenant', 'tokenHash'] })
export class PrivacyRequestToken extends TenantOwned<'details' | 'usedAt'> {
  @Property({ type: 'text' })
  email!: string;

  @Enum({ items: () => PrivacyRequestType })
  type!: PrivacyRequestType;

  @Property({ type: 'text', nullable: true })
  details: string | null = null;

  @Property({ type: 'text' })
  language!: string;

  @Property({ type: 'text' })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}

/** P28/S25: a built export (ZIP bytes), downloaded once through a link with a hashed token, then gone. */
@Entity({ tableName: 'privacy_exports' })
@Unique({ properties: ['tenant', 'tokenHash'] })
export class PrivacyExport extends TenantOwned<'downloadedAt' | 'tokenHash'> {
  @ManyToOne(() => PrivacyRequest, { deleteRule: 'cascade', index: true })
  request!: Rel<PrivacyRequest>;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  /** The current single-use link's hash; a new link (from the portal) replaces it. */
  @Property({ type: 'text', nullable: true })
  tokenHash: string | null = null;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  downloadedAt: Date | null = null;
}
