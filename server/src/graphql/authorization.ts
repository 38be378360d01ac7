// Deny by default: every root operation must be in the permission matrix (schema/permissions.ts);
// restricted fields likewise. `guardSchema` puts the checks on exactly the fields that need them
// (every root field, every restricted field, every field with arguments) once, when the schema is
// built. Not a type-graphql global middleware: that would run, asynchronously, on every scalar of
// every row (the benchmark's customer page has ~15 000 of them).
import { FIELD_PERMISSIONS, mayReach, PERSONAL_FIELDS, permissionOf, type Role } from '@sitecare/schema';
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { isStaff, ownContactId } from '../auth/scopes';
import type { RequestContext } from './context';
import type { PendingStep } from '../modules/auth/session.entity';
import { AppError, ErrorCode } from './errors';
import { nullArgsAreAbsent } from './null-args';

const restrictedFields = FIELD_PERMISSIONS as Record<string, readonly Role[]>;

/**
 * Issue 20: what a login that still owes a step may call. Everything else answers the typed error
 * of what it owes (SECOND_FACTOR_REQUIRED, SECOND_FACTOR_SETUP_REQUIRED), never data.
 */
export const PENDING_OPERATIONS: Record<PendingStep, ReadonlySet<string>> = {
  SECOND_FACTOR: new Set([
    'Query.me',
    'Mutation.login',
    'Mutation.logout',
    'Mutation.loginSecondStep',
    'Mutation.passkeyAuthenticationOptions',
    'Mutation.loginSecondStepPasskey',
    'Mutation.passkeyLogin',
  ]),
  SETUP: new Set([
    'Query.me',
    'Mutation.login',
    'Mutation.logout',
    'Mutation.totpSetupStart',
    'Mutation.totpSetupConfirm',
    'Mutation.passkeyRegistrationOptions',
    'Mutation.passkeyRegister',
    'Mutation.passkeyLogin',
  ]),
};

function refusePending(pending: PendingStep): AppError {
  return pending === 'SETUP'
    ? new AppError(ErrorCode.SECOND_FACTOR_SETUP_REQUIRED, 'Set up a second factor first')
    : new AppError(ErrorCode.SECOND_FACTOR_REQUIRED, 'Give the second step of your login first');
}

/**
 * Issue 21: a read-only API key writes nothing: every mutation, and every HTTP route outside GraphQL
 * that writes (attachment uploads), calls this one rule.
 */
export function refuseReadOnlyWrite(ctx: RequestContext): void {
  if (ctx.viewer?.apiKey?.readOnly)
    throw new AppError(ErrorCode.FORBIDDEN, 'This API key is read-only; a mutation needs an EMPLOYEE key');
}

/** Who may call a root operation (throws FORBIDDEN or UNAUTHENTICATED). */
function authorizeOperation(coordinate: string, ctx: RequestContext): void {
  if (ctx.authRefusal) throw ctx.authRefusal;
  const pending = ctx.viewer?.pendingStep;
  if (pending && !PENDING_OPERATIONS[pending].has(coordinate)) throw refusePending(pending);
  const permission = permissionOf(coordinate);
  if (!permission) throw new AppError(ErrorCode.FORBIDDEN, 'You are not allowed to do this');
  // Issue 21 (S35): a key acts on the agency's data, never on a person's own account (the admin who made it).
  if (ctx.viewer?.apiKey && permission.rule === 'self')
    throw new AppError(ErrorCode.FORBIDDEN, 'An API key cannot do this; log in as a person');
  if (coordinate.startsWith('Mutation.')) refuseReadOnlyWrite(ctx);
  if (!mayReach(permission.audience, ctx.viewer?.role)) {
    throw ctx.viewer
      ? new AppError(ErrorCode.FORBIDDEN, 'You are not allowed to do this')
      : new AppError(ErrorCode.UNAUTHENTICATED, 'Log in first');
  }
}

const forbiddenField = () => new AppError(ErrorCode.FORBIDDEN, 'You are not allowed to see this field');

/** Who may read a restricted field (throws FORBIDDEN). */
function authorizeField(coordinate: string, ctx: RequestContext): void {
  if (!mayReach(restrictedFields[coordinate], ctx.viewer?.role)) throw forbiddenField();
}

/** A field about one person (PERSONAL_FIELDS): staff, or the login that is this person. */
async function authorizePerson(person: { id: string }, ctx: RequestContext): Promise<void> {
  if (!isStaff(ctx) && person.id !== (await ownContactId(ctx))) throw forbiddenField();
}

/** Wraps the resolvers that need a check, in place; other fields keep their plain resolver. */
export function guardSchema(schema: GraphQLSchema): GraphQLSchema {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = roots.has(type);
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const restricted = coordinate in restrictedFields;
      if (!isRoot && !restricted && !field.args.length) continue;
      const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      const personal = PERSONAL_FIELDS.has(coordinate);
      field.resolve = (source, args, ctx, info) => {
        if (isRoot) authorizeOperation(coordinate, ctx);
        else if (restricted) authorizeField(coordinate, ctx);
        nullArgsAreAbsent(args);
        if (personal)
          return authorizePerson(source as { id: string }, ctx).then(() => resolve(source, args, ctx, info));
        return resolve(source, args, ctx, info);
      };
    }
  }
  return schema;
}
