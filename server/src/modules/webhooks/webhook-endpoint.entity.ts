import { ArrayType, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';

export enum WebhookEndpointStatus {
  ACTIVE = 'ACTIVE',
  /** Every attempt of a message failed (about a day of retries); admins were mailed. */
  FAILING = 'FAILING',
}
registerEnumType(WebhookEndpointStatus, { name: 'WebhookEndpointStatus' });

/**
 * Issue 21 (S36): where the agency's events are sent. The signing secret (`whsec_…`, Standard
 * Webhooks) is sealed with the keyring bound to the agency and the endpoint; after a rotation the
 * previous one keeps signing beside the new one until `previousSecretUntil`.
 */
@ObjectType({ description: 'An outgoing webhook endpoint of the agency (its secret is shown only when made).' })
@Entity({ tableName: 'webhook_endpoints' })
export class WebhookEndpoint extends TenantOwned<
  'description' | 'enabled' | 'status' | 'failingSince' | 'previousSecretCiphertext' | 'previousSecretUntil'
> {
  @Field()
  @Property({ type: 'text' })
  url!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => [String], { description: 'The events it receives (see WEBHOOK_EVENTS).' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  events!: string[];

  @Field({ description: 'A disabled endpoint receives nothing new.' })
  @Property({ type: 'boolean', default: true })
  enabled: boolean = true;

  @Field(() => WebhookEndpointStatus)
  @Enum({ items: () => WebhookEndpointStatus, default: WebhookEndpointStatus.ACTIVE })
  status: WebhookEndpointStatus = WebhookEndpointStatus.ACTIVE;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  failingSince: Date | null = null;

  @Property({ type: 'text', hidden: true })
  secretCiphertext!: string;

  @Property({ type: 'text', nullable: true, hidden: true })
  previousSecretCiphertext: string | null = null;

  @Field(() => Date, { nullable: true, description: 'Until then, the secret before the last rotation signs too.' })
  @Property({ type: 'datetime', nullable: true })
  previousSecretUntil: Date | null = null;
}

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

/**
 * One message to one endpoint, written by `sitecare_webhook_emit` in the transaction of the change
 * (migration webhooks), sent by the job queue after commit. Its id is the message's `webhook-id`.
 * The payload holds ids and changed fields only: nothing that names or describes a person.
 */
@ObjectType({ description: 'One webhook message to one endpoint, and how its delivery went.' })
@Entity({ tableName: 'webhook_deliveries' })
@Index({ properties: ['endpoint', 'createdAt'] })
export class WebhookDelivery extends TenantOwned<
  'status' | 'attempts' | 'lastStatusCode' | 'lastError' | 'lastAttemptAt' | 'deliveredAt'
> {
  @ManyToOne(() => WebhookEndpoint, { deleteRule: 'cascade' })
  endpoint!: WebhookEndpoint;

  @Field()
  @Property({ type: 'text' })
  eventType!: string;

  /** `{ type, timestamp, data }`: the body that is signed and sent. */
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Field(() => WebhookDeliveryStatus)
  @Enum({ items: () => WebhookDeliveryStatus, default: WebhookDeliveryStatus.PENDING })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: 'Attempts so far.' })
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Field(() => Int, { nullable: true, description: "The endpoint's HTTP status at the last attempt." })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed without an HTTP answer.' })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastAttemptAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Date | null = null;
}
