import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { TenantOwned } from '../../db/base.entity';
import { User } from '../users/user.entity';

export enum AuthTokenPurpose {
  INVITATION = 'INVITATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/** A single-use, expiring token sent by e-mail (invitation, password reset); stored as a hash. */
@Entity({ tableName: 'auth_tokens' })
@Unique({ properties: ['tenant', 'tokenHash'] })
export class AuthToken extends TenantOwned<'usedAt'> {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @Enum({ items: () => AuthTokenPurpose })
  purpose!: AuthTokenPurpose;

  @Property({ type: 'text' })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
