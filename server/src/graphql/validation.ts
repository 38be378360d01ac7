// Input validation, one definition: the options type-graphql validates every input with (schema.ts),
// and how a failure names its fields (apollo.ts's BAD_USER_INPUT, the hosted pages' errors next to
// the field). Code outside GraphQL that takes an operation's input (modules/hosted) validates the same
// input class with `validateInput`, so a form and its GraphQL operation accept exactly the same values.
import { validate, type ValidatorOptions } from 'class-validator';

export const VALIDATOR_OPTIONS: ValidatorOptions = { forbidUnknownValues: true };

export interface ClassValidatorError {
  property: string;
  constraints?: Record<string, string>;
  children?: ClassValidatorError[];
}

export interface FieldError {
  field: string;
  /** The server's own words (English): shown only when the client does not know the code. */
  message: string;
  /**
   * Issue 25: what is wrong, stable across languages: class-validator's constraint name (`isEmail`,
   * `length`, `maxLength` …) or a service's own (`orderNotCancellable`). The dashboard translates by it.
   */
  code?: string;
}

/** Fields are named as the form knows them: `input.` (the mutation's input argument) is left out. */
export function flattenValidation(errors: ClassValidatorError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    if (!prefix && e.property === 'input' && e.children?.length) return flattenValidation(e.children);
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, message]) => ({ field, message, code }));
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/** An instance of an input class from plain values, and what its validators say about it. */
export async function validateInput<T extends object>(
  type: new () => T,
  values: Partial<T>,
): Promise<{ input: T; errors: FieldError[] }> {
  const input = Object.assign(new type(), values);
  return { input, errors: flattenValidation(await validate(input, VALIDATOR_OPTIONS)) };
}
