import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';

export enum AuditOutcome {
  ALLOWED = 'ALLOWED',
  DENIED = 'DENIED',
  FAILED = 'FAILED',
}
registerEnumType(AuditOutcome, { name: 'AuditOutcome' });

export enum AuditActorType {
  USER = 'USER',
  SYSTEM = 'SYSTEM',
  ANONYMOUS = 'ANONYMOUS',
  /** Issue 21: an action with an API key; `detail.actor` is the key's name. */
  API_KEY = 'API_KEY',
}
registerEnumType(AuditActorType, { name: 'AuditActorType' });

/**
 * Append-only: the application role may insert and read, never update or delete (db/roles.ts).
 * Written in the same transaction as the change it records. `detail` never holds a secret.
 */
@ObjectType({ description: 'One audited action.' })
@Entity({ tableName: 'audit_events' })
@Index({ properties: ['tenant', 'createdAt'] })
// Issue 25: the events about one record (a customer's page), newest first.
@Index({ properties: ['tenant', 'entityId', 'createdAt'] })
export class AuditEvent extends TenantOwned<'actorUserId' | 'entityType' | 'entityId' | 'requestId' | 'ip' | 'detail'> {
  @Field(() => AuditActorType)
  @Enum({ items: () => AuditActorType })
  actorType!: AuditActorType;

  /** Not a foreign key: the record outlives the user. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Field({ description: 'What happened, e.g. user.invite, auth.login, credential.reveal.' })
  @Property({ type: 'text' })
  action!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  entityType: string | null = null;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  entityId: string | null = null;

  @Field(() => AuditOutcome)
  @Enum({ items: () => AuditOutcome })
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'json' })
  detail: Record<string, unknown> = {};
}
