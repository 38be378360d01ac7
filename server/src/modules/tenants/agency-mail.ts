// Issue 17, mail per agency: its sender identity, its own SMTP relay (password sealed, S31; verified on
// save), and its inbound e-mail token (shown once, stored hashed).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { IsEmail, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { createTransport, type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { inTransaction } from '../../graphql/transaction';
import { allowsPrivateHosts, publicAddressOf } from '../../net/public-address';
import type { Keyring } from '../../secrets/keyring';
import { AgencySecret } from '../agency-secrets/agency-secret.entity';
import { openAgencySecret, removeAgencySecret, saveAgencySecret } from '../agency-secrets/agency-secret.service';
import { audit } from '../audit/audit.service';
import { Tenant } from './tenant.entity';
import { currentTenant } from './tenant.service';
import { requireFreshStep } from '../auth/second-factor.service';

export const SMTP_PASSWORD = 'smtp.password';

@ObjectType({ description: "The agency's own SMTP relay; its password is never returned." })
export class AgencySmtpRelay {
  @Field() host!: string;
  @Field(() => Int) port!: number;
  @Field() user!: string;
  @Field() fromAddress!: string;
  @Field() passwordSet!: boolean;
  @Field(() => String, { nullable: true, description: 'The last characters of the password.' })
  passwordLast4!: string | null;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
}

@InputType()
export class AgencySmtpRelayInput {
  @Field() @Length(1, 253) host!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(65_535) port!: number;
  @Field() @Length(1, 320) user!: string;
  @Field({ description: 'Sealed at rest; verified against the relay before it is saved.' })
  @Length(1, 500)
  password!: string;
  @Field({ description: "The address mail leaves from through this relay (the agency's own domain)." })
  @IsEmail({}, { message: 'must be an e-mail address' })
  @MaxLength(320)
  fromAddress!: string;
  @Field({ nullable: true, description: 'Implicit TLS (port 465); otherwise STARTTLS when offered.' })
  @IsOptional()
  secure?: boolean;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1'];

/**
 * A transport to the agency's relay. `address` is where to connect: the relay's host, resolved and
 * found public by the SSRF guard (net/public-address.ts), so the name cannot point elsewhere later;
 * TLS still checks the certificate against the name.
 */
export function relayTransport(
  relay: { host: string; port: number; user: string; password: string },
  address: string,
): Transporter {
  return createTransport({
    host: address,
    port: relay.port,
    ...(isIP(relay.host) ? {} : { tls: { servername: relay.host } }),
    secure: relay.port === 465,
    auth: { user: relay.user, pass: relay.password },
    ignoreTLS: LOOPBACK.includes(relay.host),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
  });
}

export async function smtpRelayOf(ctx: RequestContext, tenant: Tenant): Promise<AgencySmtpRelay | null> {
  if (!tenant.smtpHost) return null;
  const secret = await ctx.em.findOne(AgencySecret, { name: SMTP_PASSWORD });
  return {
    host: tenant.smtpHost,
    port: tenant.smtpPort!,
    user: tenant.smtpUser!,
    fromAddress: tenant.smtpFromAddress!,
    passwordSet: Boolean(secret),
    passwordLast4: secret?.last4 ?? null,
    verifiedAt: secret?.verifiedAt ?? null,
  };
}

/** Verified with nodemailer's verify() (connect, greet, log in) before anything is stored. */
export async function setSmtpRelay(ctx: RequestContext, input: AgencySmtpRelayInput): Promise<Tenant> {
  await requireFreshStep(ctx, { action: 'tenant.smtpRelay.set', entityType: 'Tenant', entityId: ctx.tenantId! });
  const address = await publicAddressOf(input.host, 'host', allowsPrivateHosts(ctx.app.config));
  const transport = relayTransport(input, address);
  try {
    await transport.verify();
  } catch (error) {
    // The relay's own words may echo what was sent: only its code goes back.
    const code = (error as { code?: string; responseCode?: number }).responseCode ?? (error as { code?: string }).code;
    throw badInput(
      code === 'EAUTH' || code === 535 ? 'password' : 'host',
      `The relay did not accept the connection or the login (${String(code ?? 'no answer')})`,
    );
  } finally {
    transport.close();
  }
  return inTransaction(ctx, async () => {
    const tenant = await currentTenant(ctx);
    Object.assign(tenant, {
      smtpHost: input.host,
      smtpPort: input.port,
      smtpUser: input.user,
      smtpFromAddress: input.fromAddress,
    });
    await saveAgencySecret(ctx, SMTP_PASSWORD, input.password, new Date());
    await audit(ctx, {
      action: 'tenant.smtpRelay.set',
      entityType: 'Tenant',
      entityId: tenant.id,
      detail: { changed: ['host', 'port', 'user', 'fromAddress', 'password'] },
    });
    return tenant;
  });
}

export function removeSmtpRelay(ctx: RequestContext): Promise<Tenant> {
  return inTransaction(ctx, async () => {
    const tenant = await currentTenant(ctx);
    Object.assign(tenant, { smtpHost: null, smtpPort: null, smtpUser: null, smtpFromAddress: null });
    await removeAgencySecret(ctx, SMTP_PASSWORD);
    await audit(ctx, { action: 'tenant.smtpRelay.remove', entityType: 'Tenant', entityId: tenant.id });
    return tenant;
  });
}

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new inbound e-mail token for the agency: returned this once, stored as its SHA-256. */
export function rotateInboundEmailToken(ctx: RequestContext): Promise<string> {
  return inTransaction(ctx, async () => {
    const tenant = await currentTenant(ctx);
    const token = `sci_${randomBytes(32).toString('base64url')}`;
    tenant.inboundEmailTokenHash = hashToken(token);
    await audit(ctx, { action: 'tenant.inboundEmailToken.rotate', entityType: 'Tenant', entityId: tenant.id });
    return token;
  });
}

export function tokenMatches(given: string, hash: string): boolean {
  const a = Buffer.from(hashToken(given), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How a message of agency `tenantId` leaves: From, Reply-To, and its own transport if it has a relay. */
export async function agencyEnvelope(
  em: EntityManager,
  keyring: Keyring,
  tenantId: string,
  installationFrom: string,
  /** Development and tests only (`allowsPrivateHosts`): a relay on a local address is used. */
  allowPrivateRelay = false,
): Promise<{ from: { name: string; address: string }; replyTo?: string; relay?: Transporter }> {
  const tenant = await em.findOneOrFail(Tenant, tenantId, { filters: false });
  const name = tenant.senderName ?? tenant.name;
  const [installation] = addressparser(installationFrom, { flatten: true });
  const replyTo = tenant.supportEmail ?? undefined;
  if (tenant.smtpHost) {
    const password = await openAgencySecret(em, keyring, tenantId, SMTP_PASSWORD);
    if (password) {
      // Checked again when used: the name may resolve elsewhere now than when it was saved.
      const address = await publicAddressOf(tenant.smtpHost, 'host', allowPrivateRelay);
      const relay = relayTransport(
        { host: tenant.smtpHost, port: tenant.smtpPort!, user: tenant.smtpUser!, password },
        address,
      );
      return { from: { name, address: tenant.smtpFromAddress! }, replyTo, relay };
    }
  }
  return { from: { name, address: installation?.address ?? installationFrom }, replyTo };
}
