import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import type { Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Contact } from '../customers/contact.entity';
import { User } from '../users/user.entity';

/** P23: personal data handed to an authority or court because the law required it. */
@ObjectType({ description: 'A disclosure of personal data to an authority or court (P23).' })
@Entity({ tableName: 'disclosures' })
@Index({ properties: ['tenant', 'disclosedAt'] })
export class Disclosure extends TenantOwned<'contact' | 'notes'> {
  @Field({ description: 'Who received the data, e.g. "Polismyndigheten".' })
  @Property({ type: 'text' })
  recipient!: string;

  @Field({ description: 'What was disclosed.' })
  @Property({ type: 'text' })
  dataDescription!: string;

  @Field({ description: 'The legal ground: the statute, order or request that required it.' })
  @Property({ type: 'text' })
  legalGround!: string;

  @Field()
  @Property({ type: 'datetime' })
  disclosedAt!: Date;

  /** The staff member who disclosed it (kept as null if that login is ever deleted: the entry stays). */
  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  disclosedBy!: Rel<User> | null;

  /** The person the data was about, when it was about one contact. */
  @ManyToOne(() => Contact, { nullable: true, deleteRule: 'set null' })
  contact: Rel<Contact> | null = null;

  @Field()
  @Property({ type: 'text' })
  notes: string = '';
}
