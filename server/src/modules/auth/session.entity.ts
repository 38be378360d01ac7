import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { TenantOwned } from '../../db/base.entity';
import { User } from '../users/user.entity';

/**
 * A server-side login session. The cookie carries `<tenantId>.<secret>`; only the secret's SHA-256
 * is stored, so a copy of this table opens no session.
 */
@Entity({ tableName: 'sessions' })
export class Session extends TenantOwned<'revokedAt' | 'ip' | 'userAgent'> {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  lastSeenAt: Date = new Date();

  /** The absolute timeout: no activity extends a session past this. */
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;
}
