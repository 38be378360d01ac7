// Issue 21 (S37): `/public/<agency slug>/graphql`, the GraphQL endpoint of the agency's own website.
// The agency is the one in the path; its allow-list of origins decides CORS (no credentials, ever);
// the request is made anonymous (cookies and Authorization dropped); and only the public operations
// of a website may be called, each for that same agency (its `agency` argument). Everything else
// keeps to /graphql, which sends no CORS headers at all, and Apollo's CSRF prevention stays on for
// both (a cross-origin JSON POST needs the preflight that only allowed origins pass).
import cors from 'cors';
import type { RequestHandler } from 'express';
import {
  getOperationAST,
  Kind,
  parse,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import type { Pool } from 'pg';

/** The public operations a website may call, and whether each names its agency (the confirmations carry a token). */
export const WEBSITE_OPERATIONS: Record<string, 'agency' | 'token'> = {
  'Mutation.leadSubmit': 'agency',
  'Mutation.newsletterSubscribe': 'agency',
  'Mutation.newsletterConfirm': 'token',
  'Query.cookiePreferences': 'agency',
  'Mutation.cookiePreferencesSet': 'agency',
  'Mutation.visitRecord': 'agency',
  'Mutation.supportRequestSubmit': 'agency',
  'Mutation.privacyRequestSubmit': 'agency',
  'Mutation.privacyRequestConfirm': 'token',
  'Mutation.checkout': 'agency',
  'Query.paymentProvidersOffered': 'agency',
};

/** The path of the website endpoint; `:agency` is the agency's slug. */
export const WEBSITE_GRAPHQL_PATH = '/public/:agency/graphql';

const refuse = (res: Parameters<RequestHandler>[1], status: number, code: string, message: string) =>
  void res.status(status).json({ errors: [{ message, extensions: { code, requestId: res.locals.requestId } }] });

/** What an operation of the document may not do on the website endpoint (undefined: nothing). */
function refusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  slug: string,
): string | undefined {
  const operation = getOperationAST(document, operationName) as OperationDefinitionNode | null;
  if (!operation) return 'Name one operation of the document';
  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : undefined;
  if (!root) return 'Only queries and mutations';
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return undefined; // Apollo reports the variables' errors in its own words
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return 'Fragments are not accepted at the root here';
    if (selection.name.value === '__typename') continue;
    const coordinate = `${root.name}.${selection.name.value}`;
    const kind = WEBSITE_OPERATIONS[coordinate];
    if (!kind) return `${coordinate} is not one of the website's public operations`;
    if (kind === 'token') continue;
    const field = root.getFields()[selection.name.value];
    const args = getArgumentValues(field, selection, coerced.coerced) as {
      agency?: unknown;
      input?: { agency?: unknown };
    };
    const agency = args.agency ?? args.input?.agency;
    if (agency !== slug) return `${coordinate} is for another agency than /public/${slug}/`;
  }
  return undefined;
}

/**
 * The middlewares of the website endpoint, ahead of Apollo (`body` reads the JSON body): CORS by the
 * agency's allow-list, then the request's credentials dropped, then the operations checked.
 */
export function websiteGraphql(schema: GraphQLSchema, pool: Pool, body: RequestHandler): RequestHandler[] {
  const originsOf = async (slug: string): Promise<string[]> => {
    const { rows } = await pool.query<{ origins: string[] | null }>('select sitecare_agency_origins($1) as origins', [
      slug,
    ]);
    return rows[0]?.origins ?? [];
  };
  const corsGate = cors((req, callback) => {
    const origin = req.headers.origin;
    const slug = (req as unknown as { params: { agency: string } }).params.agency;
    if (!origin) return callback(null, { origin: false });
    originsOf(slug).then(
      (allowed) => {
        const ok = allowed.includes(origin);
        (req as unknown as { originAllowed: boolean }).originAllowed = ok;
        callback(null, {
          origin: ok ? origin : false,
          methods: ['POST'],
          allowedHeaders: ['content-type'],
          maxAge: 600,
          credentials: false,
        });
      },
      (error: Error) => callback(error),
    );
  });
  const gate: RequestHandler = (req, res, next) => {
    if (req.method !== 'POST') return refuse(res, 405, 'BAD_REQUEST', 'POST a GraphQL operation here');
    if (req.headers.origin && !(req as unknown as { originAllowed?: boolean }).originAllowed)
      return refuse(res, 403, 'FORBIDDEN', "This origin is not on the agency's list of website origins");
    // Never with credentials: whatever the browser sent, the request is anonymous.
    delete req.headers.cookie;
    delete req.headers.authorization;
    next();
  };
  const operations: RequestHandler = (req, res, next) => {
    const { query, operationName, variables } = (req.body ?? {}) as {
      query?: unknown;
      operationName?: unknown;
      variables?: unknown;
    };
    if (typeof query !== 'string') return next(); // Apollo answers a malformed request (400)
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return next(); // Apollo words the syntax error
    }
    const why = refusal(
      schema,
      document,
      typeof operationName === 'string' ? operationName : undefined,
      variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {},
      String(req.params.agency),
    );
    if (why) return refuse(res, 403, 'FORBIDDEN', why);
    next();
  };
  return [corsGate, gate, body, operations];
}
