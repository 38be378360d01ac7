import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Contact } from '../customers/contact.entity';

/** P14, issue 23: one `marketingSend`: what was sent under which purpose, and how many passed the gate. */
@ObjectType({ description: 'P14: a marketing send (campaign) and its outcome.' })
@Entity({ tableName: 'marketing_campaigns' })
export class MarketingCampaign extends TenantOwned<'link' | 'queued' | 'refused'> {
  @Field()
  @Property({ type: 'text' })
  purposeKey!: string;

  @Field()
  @Property({ type: 'text' })
  subjectSv!: string;

  @Field()
  @Property({ type: 'text' })
  subjectEn!: string;

  @Field()
  @Property({ type: 'text' })
  bodySv!: string;

  @Field()
  @Property({ type: 'text' })
  bodyEn!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  link: string | null = null;

  @Field(() => Int, { description: 'Messages queued.' })
  @Property({ type: 'integer', default: 0 })
  queued: number = 0;

  @Field(() => Int, { description: 'Recipients the gate refused.' })
  @Property({ type: 'integer', default: 0 })
  refused: number = 0;
}

export enum MarketingOutcome {
  SENT = 'SENT',
  REFUSED = 'REFUSED',
}
registerEnumType(MarketingOutcome, { name: 'MarketingOutcome' });

/**
 * One candidate of a campaign: sent (with its outbox message) or refused by the gate (with the reason).
 * No address is stored here: the contact (when on file), the outbox message (the mail module's, erased
 * with the person) and the address's fingerprint, as the audit trail keeps it.
 */
@Entity({ tableName: 'marketing_campaign_recipients' })
@Index({ properties: ['campaign'] })
export class MarketingCampaignRecipient extends TenantOwned<'contact' | 'outboxMessageId' | 'reason'> {
  @ManyToOne(() => MarketingCampaign, { deleteRule: 'cascade' })
  campaign!: Rel<MarketingCampaign>;

  @ManyToOne(() => Contact, { nullable: true, deleteRule: 'set null' })
  contact: Rel<Contact> | null = null;

  @Property({ type: 'uuid', nullable: true })
  outboxMessageId: string | null = null;

  @Property({ type: 'text' })
  recipientFingerprint!: string;

  @Enum({ items: () => MarketingOutcome })
  outcome!: MarketingOutcome;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;
}
