import { ArrayType, Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/core';
import { ROLES, type Role, SUPPORTED_LANGUAGES, type SupportedLanguage } from '@sitecare/schema';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantOwned } from '../../db/base.entity';
import { Contact } from '../customers/contact.entity';

export const UserRole = Object.fromEntries(ROLES.map((r) => [r, r])) as { [R in Role]: R };
registerEnumType(UserRole, { name: 'UserRole' });

export enum UserStatus {
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DISABLED = 'DISABLED',
}
registerEnumType(UserStatus, { name: 'UserStatus' });

@ObjectType({ description: 'A person who can log in to one agency.' })
@Entity({ tableName: 'users' })
@Index({
  name: 'users_tenant_email_unique',
  expression: 'create unique index users_tenant_email_unique on users (tenant_id, lower(email))',
})
export class User extends TenantOwned<
  | 'status'
  | 'preferredLanguage'
  | 'passwordHash'
  | 'lastLoginAt'
  | 'contact'
  | 'totpSecretCiphertext'
  | 'totpConfirmedAt'
  | 'totpLastStep'
  | 'recoveryCodeHashes'
  | 'ticketMail'
> {
  @Field()
  @Property({ type: 'text' })
  email!: string;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String)
  @Enum({ items: () => [...SUPPORTED_LANGUAGES] })
  preferredLanguage: SupportedLanguage = 'sv';

  @Field(() => UserRole)
  @Enum({ items: () => [...ROLES] })
  role!: Role;

  @Field(() => UserStatus)
  @Enum({ items: () => UserStatus })
  status: UserStatus = UserStatus.INVITED;

  /** argon2id PHC string; null until the invitation is accepted. Never exposed. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  passwordHash: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null = null;

  /** A CUSTOMER user is the login of one contact; through it, of one customer. */
  @ManyToOne(() => Contact, { nullable: true, deleteRule: 'set null', index: true })
  contact: Contact | null = null;

  /** Issue 20: the TOTP secret, sealed under the keyring for this agency and user. Never exposed. */
  @Property({ type: 'text', nullable: true, hidden: true })
  totpSecretCiphertext: string | null = null;

  /** Set once the user proved the authenticator with a code: only then is it a second factor. */
  @Property({ type: 'datetime', nullable: true, hidden: true })
  totpConfirmedAt: Date | null = null;

  /** The last TOTP time step accepted: a code of that step or earlier is refused (no replay, S33). */
  @Property({ type: 'integer', nullable: true, hidden: true })
  totpLastStep: number | null = null;

  /** SHA-256 of each unused recovery code (hex); a used one is removed. */
  @Property({ type: ArrayType, columnType: 'text[]', defaultRaw: `'{}'`, hidden: true })
  recoveryCodeHashes: string[] = [];

  /** Issue 18: mail me about tickets (opened, answered by the customer, first response overdue). */
  @Field({ description: 'Ticket mail: opened, answered by the customer, first response overdue.' })
  @Property({ type: 'boolean' })
  ticketMail: boolean = true;
}
