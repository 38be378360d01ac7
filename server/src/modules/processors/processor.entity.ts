import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';

/** P24: the legal basis for sending personal data to the processor's country (GDPR chapter V). */
export enum TransferMechanism {
  /** Inside the EU/EEA: no third-country transfer. */
  NONE_EEA = 'NONE_EEA',
  /** An adequacy decision for the processor's country (art. 45), e.g. the UK, Switzerland, Japan. */
  ADEQUACY = 'ADEQUACY',
  /**
   * The EU–US Data Privacy Framework (the Commission's adequacy decision of 10 July 2023): only for a
   * US company certified under it. It replaced the Privacy Shield, which the CJEU struck down in 2020
   * (Schrems II) and which no register should offer any more.
   */
  DPF = 'DPF',
  /** Standard contractual clauses (art. 46.2 c). */
  SCC = 'SCC',
  /** Binding corporate rules (art. 47). */
  BCR = 'BCR',
  /** The person's explicit consent (art. 49.1 a): an exception, not a routine basis. */
  CONSENT = 'CONSENT',
}
registerEnumType(TransferMechanism, { name: 'TransferMechanism' });

/** P19, P24: one processor in the agency's Art. 30 record of processing. */
@ObjectType({ description: 'A processor (service provider) bound by a data-processing agreement (Art. 30).' })
@Entity({ tableName: 'processors' })
@Index({ properties: ['tenant', 'name'] })
export class Processor extends TenantOwned<'contractDate' | 'contact' | 'url' | 'notes'> {
  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'What the processor does for us.' })
  @Property({ type: 'text' })
  purpose!: string;

  @Field({ description: 'Which personal data it handles, e.g. "name, e-mail, payment details".' })
  @Property({ type: 'text' })
  dataCategories!: string;

  @Field({ description: 'Where the data is processed: ISO 3166-1 alpha-2.' })
  @Property({ type: 'text' })
  country!: string;

  @Field(() => TransferMechanism)
  @Enum({ items: () => TransferMechanism })
  transferMechanism!: TransferMechanism;

  @Field(() => String, { nullable: true, description: 'When the data-processing agreement was signed (YYYY-MM-DD).' })
  @Property({ type: 'date', nullable: true })
  contractDate: string | null = null;

  @Field(() => String, { nullable: true, description: 'Who to reach at the processor (e-mail or name).' })
  @Property({ type: 'text', nullable: true })
  contact: string | null = null;

  @Field(() => String, { nullable: true, description: 'Its privacy or DPA page.' })
  @Property({ type: 'text', nullable: true })
  url: string | null = null;

  @Field()
  @Property({ type: 'text' })
  notes: string = '';
}
