// The API's password rule, checked in the browser too so the message comes in the UI's language.
import { minLength, required } from 'react-admin';

export const MIN_PASSWORD_LENGTH = 12;

export const validateNewPassword = [required(), minLength(MIN_PASSWORD_LENGTH)];

/** A confirmation field that must repeat the value of `field`. */
export const sameAs =
  (field: string) =>
  (value: unknown, values: Record<string, unknown>): string | undefined =>
    value === values[field] ? undefined : 'sitecare.password.mismatch';
