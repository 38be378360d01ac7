import { BigIntType, Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { User } from '../users/user.entity';

/**
 * Issue 20: a passkey (a WebAuthn discoverable credential) of one user; a second factor, and a login
 * of its own (usernameless). Only the public key is stored. The owner's rows: the viewer rule
 * (migration passkeys) and the service, which reads and removes the viewer's own only.
 */
@ObjectType({ description: 'A passkey of the viewer (WebAuthn); the key itself never leaves the server.' })
@Entity({ tableName: 'passkeys' })
@Unique({ properties: ['tenant', 'credentialId'] })
// A usernameless login finds the passkey by its credential id alone, before the agency is known.
@Index({ properties: ['credentialId'] })
export class Passkey extends TenantOwned<'transports' | 'lastUsedAt' | 'counter'> {
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Index()
  user!: User;

  /** The credential id (base64url), unique over every agency: it finds the user of a usernameless login. */
  @Property({ type: 'text' })
  credentialId!: string;

  /** The COSE public key, base64url. */
  @Property({ type: 'text', hidden: true })
  publicKey!: string;

  /** The authenticator's signature counter (0 for authenticators that keep none); never goes back. */
  @Property({ type: new BigIntType('number'), hidden: true })
  counter: number = 0;

  @Field(() => [String], { description: 'How the browser reaches it (internal, usb, hybrid, …).' })
  @Property({ type: 'text[]' })
  transports: string[] = [];

  @Field({ description: 'A name the user gave it, e.g. "MacBook Touch ID".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt: Date | null = null;
}
