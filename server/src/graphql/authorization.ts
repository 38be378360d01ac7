// Deny by default: every root operation must be in the permission matrix (schema/permissions.ts);
// restricted fields likewise. One global middleware enforces it for the whole schema.
import { FIELD_PERMISSIONS, mayReach, permissionOf, type Role } from '@sitecare/schema';
import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from './context';
import { AppError, ErrorCode } from './errors';

const restrictedFields = FIELD_PERMISSIONS as Record<string, readonly Role[]>;

export const authorize: MiddlewareFn<RequestContext> = ({ context, info }, next) => {
  const coordinate = `${info.parentType.name}.${info.fieldName}`;
  const { schema, parentType } = info;
  const isRoot =
    parentType === schema.getQueryType() ||
    parentType === schema.getMutationType() ||
    parentType === schema.getSubscriptionType();
  if (isRoot) {
    const permission = permissionOf(coordinate);
    if (!permission) throw new AppError(ErrorCode.FORBIDDEN, 'You are not allowed to do this');
    if (!mayReach(permission.audience, context.viewer?.role)) {
      throw context.viewer
        ? new AppError(ErrorCode.FORBIDDEN, 'You are not allowed to do this')
        : new AppError(ErrorCode.UNAUTHENTICATED, 'Log in first');
    }
  } else if (coordinate in restrictedFields) {
    if (!mayReach(restrictedFields[coordinate], context.viewer?.role)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'You are not allowed to see this field');
    }
  }
  return next();
};
