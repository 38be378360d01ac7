import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';

export enum TrackingKind {
  OPEN = 'OPEN',
  CLICK = 'CLICK',
}
registerEnumType(TrackingKind, { name: 'TrackingKind' });

/** P9: an open or a click of a marketing e-mail, recorded only with `email_tracking` consent at send time. */
@ObjectType({ description: 'P9: an e-mail open or click (personal data).' })
@Entity({ tableName: 'tracking_events' })
@Index({ properties: ['tenant', 'email'] })
export class TrackingEvent extends TenantOwned<'url' | 'ip' | 'userAgent'> {
  @Field({ description: 'Lower case.' })
  @Property({ type: 'text' })
  email!: string;

  @Field()
  @Property({ type: 'uuid' })
  outboxMessageId!: string;

  @Field(() => TrackingKind)
  @Enum({ items: () => TrackingKind })
  kind!: TrackingKind;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  url: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;
}
