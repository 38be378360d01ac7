import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { TenantOwned } from '../../db/base.entity';
import { User } from '../users/user.entity';

/**
 * A server-side login session. The cookie carries `<tenantId>.<secret>`; only the secret's SHA-256
 * is stored, so a copy of this table opens no session.
 */
@Entity({ tableName: 'sessions' })
@Unique({ properties: ['tenant', 'tokenHash'] })
export class Session extends TenantOwned<'revokedAt' | 'ip' | 'userAgent' | 'pendingStep' | 'stepUpAt'> {
  @ManyToOne(() => User, { deleteRule: 'cascade', index: true })
  user!: User;

  @Property({ type: 'text' })
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

  /**
   * Issue 20: what the login still owes (the second step, or setting up a required factor). A pending
   * session resumes only through sitecare_resume_pending_session and may only finish the login.
   */
  @Enum({ items: () => PENDING_STEPS, nullable: true })
  pendingStep: PendingStep | null = null;

  /** The last second step (or password, for a user without a factor) of this session: step-up (S34). */
  @Property({ type: 'datetime', nullable: true })
  stepUpAt: Date | null = null;
}

export const PENDING_STEPS = ['SECOND_FACTOR', 'SETUP'] as const;
export type PendingStep = (typeof PENDING_STEPS)[number];
