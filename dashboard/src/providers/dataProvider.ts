// react-admin's data provider, built on ra-data-graphql with the shared Apollo Client.
//
// One set of conventions serves every resource (see conventions.ts): the `users` resource lists
// with `users(filter, sort, page) { nodes totalCount }`, reads with `user(id)`, creates with
// `userCreate`/`userInvite(input)`, edits with `userUpdate(id, input)`, and runs record actions
// such as `userDisable(id)` through `update` with `meta: { action: 'disable' }`. Argument types,
// filter fields, sortable fields and the fields to select come from the committed SDL
// (schema/schema.graphql, compiled in at build time by vite.config.ts), because production
// disables introspection. Fields the viewer's role may not read (FIELD_PERMISSIONS) are left out.
//
// Related objects are read when a view asks for them with `meta: { embed: ['customer',
// 'assignments.user'] }` (react-admin's convention for embedded records): each path selects the
// related type's scalar fields, again only those the role may read; a relation the role may not
// read is left out as a whole. An embedded object with an id also gives `<field>Id` on the record
// (`customer` → `customerId`), the name the inputs use. Create and update send their `input`
// (nested input objects keep only their declared fields, e.g. no `__typename`) and any other
// argument of the mutation by name from the data (`contactCreate(customerId, input)`).
//
// A resource that does not follow the conventions registers its own operations in
// `resourceQueries` below (see ../resources/README.md).
import { errorMessageKey } from './errorMessages';
import type { Role } from '@sitecare/schema';
import {
  type IntrospectionField,
  type IntrospectionInputObjectType,
  type IntrospectionInputTypeRef,
  type IntrospectionObjectType,
  type IntrospectionOutputTypeRef,
  type IntrospectionType,
  parse,
} from 'graphql';
import buildGraphQLProvider, { type BuildQueryFactory, type BuildQueryResult } from 'ra-data-graphql';
import {
  type CreateParams,
  type DataProvider,
  type DeleteManyParams,
  type DeleteParams,
  type GetListParams,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  HttpError,
  type UpdateManyParams,
  type UpdateParams,
} from 'react-admin';
import schema from 'virtual:sitecare-schema';

import { apolloClient } from './apolloClient';
import { currentViewer } from './authProvider';
import { roleCanAccess, roleCanRead } from './canAccess';
import { singularOf } from './conventions';
import { type ApiErrorExtensions, fieldErrorsOf, inputErrorMessage } from './graphqlRequest';

/** The parameters react-admin passes, per fetch method (as ra-data-graphql names them). */
interface FetchParams {
  GET_LIST: GetListParams;
  GET_ONE: GetOneParams;
  GET_MANY: GetManyParams;
  GET_MANY_REFERENCE: GetManyReferenceParams;
  CREATE: CreateParams;
  UPDATE: UpdateParams;
  UPDATE_MANY: UpdateManyParams;
  DELETE: DeleteParams;
  DELETE_MANY: DeleteManyParams;
}
export type FetchMethod = keyof FetchParams;

/**
 * Operations written by hand for a resource that does not follow the conventions: each builds a
 * query or mutation and its `parseResponse`, which returns what react-admin expects.
 */
export type ResourceQueries = {
  [M in FetchMethod]?: (params: FetchParams[M]) => BuildQueryResult;
};

const resourceQueries: Record<string, ResourceQueries> = {
  // Issue 23: a campaign is created by sending it (`marketingSend(input)`), which answers with the
  // counts and the campaign; react-admin gets the campaign (its page shows who was sent and refused).
  marketingCampaigns: {
    CREATE: (params) => {
      const field = requireField(mutations, ['marketingSend'], 'marketingSend');
      return {
        ...operation(
          'mutation',
          field,
          { input: inputOf(field, params.data ?? {}) },
          `campaign { ${selectionOf('MarketingCampaign', currentViewer()?.role)} }`,
        ),
        parseResponse: ({ data }) => ({ data: data.data.campaign }),
      };
    },
  },
};

// ---- the schema, indexed ----

const types = new Map<string, IntrospectionType>(schema.types.map((type) => [type.name, type]));
const rootFields = (typeName: string | undefined) =>
  new Map(((typeName && (types.get(typeName) as IntrospectionObjectType)?.fields) || []).map((f) => [f.name, f]));
const queries = rootFields(schema.queryType?.name);
const mutations = rootFields(schema.mutationType?.name);

type TypeRef = IntrospectionInputTypeRef | IntrospectionOutputTypeRef;

const namedType = (ref: TypeRef): { kind: string; name: string } =>
  ref.kind === 'NON_NULL' || ref.kind === 'LIST' ? namedType(ref.ofType as TypeRef) : ref;

const typeString = (ref: TypeRef): string => {
  if (ref.kind === 'NON_NULL') return `${typeString(ref.ofType as TypeRef)}!`;
  if (ref.kind === 'LIST') return `[${typeString(ref.ofType as TypeRef)}]`;
  return ref.name;
};

function objectType(name: string): IntrospectionObjectType {
  const type = types.get(name);
  if (type?.kind !== 'OBJECT') throw new Error(`The API schema has no object type ${name}`);
  return type;
}

function inputFieldNames(ref: TypeRef): Set<string> {
  const type = types.get(namedType(ref).name) as IntrospectionInputObjectType | undefined;
  return new Set(type?.kind === 'INPUT_OBJECT' ? type.inputFields.map((field) => field.name) : []);
}

const isLeaf = (ref: TypeRef) => ['SCALAR', 'ENUM'].includes(namedType(ref).kind);

/**
 * The scalar and enum fields of a type that `role` may read, as a selection set, plus the related
 * objects named by `embed` (dotted paths: `customer.contacts` also selects `customer`).
 */
function selectionOf(typeName: string, role: Role | undefined, embed: readonly string[] = []): string {
  const fields = objectType(typeName).fields;
  const readable = fields.filter((field) => roleCanRead(role, `${typeName}.${field.name}`));
  const selection = readable.filter((field) => isLeaf(field.type)).map((field) => field.name);
  const nested = new Map<string, string[]>();
  for (const path of embed) {
    const [head, ...rest] = path.split('.');
    const field = fields.find((f) => f.name === head);
    if (!field || isLeaf(field.type)) throw new Error(`${typeName} has no related object ${head} to embed`);
    const paths = nested.get(head) ?? [];
    if (rest.length) paths.push(rest.join('.'));
    nested.set(head, paths);
  }
  for (const [name, paths] of nested) {
    const field = readable.find((f) => f.name === name);
    if (!field) continue; // the role may not read this relation: leave it out, do not fail the query
    const inner = selectionOf(namedType(field.type).name, role, paths);
    if (inner) selection.push(`${name} { ${inner} }`);
  }
  return selection.join(' ');
}

const embedOf = (params: { meta?: { embed?: unknown } } | undefined): string[] =>
  Array.isArray(params?.meta?.embed) ? params.meta.embed.filter((path) => typeof path === 'string') : [];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds `<field>Id` for each embedded object with an id (`customer: { id }` → `customerId`). */
function withReferenceIds<T>(record: T): T {
  if (!isPlainObject(record)) return record;
  const ids = Object.entries(record)
    .filter(([key, value]) => isPlainObject(value) && value.id != null && !(`${key}Id` in record))
    .map(([key, value]) => [`${key}Id`, (value as { id: unknown }).id]);
  return ids.length ? { ...record, ...Object.fromEntries(ids) } : record;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function requireField(fields: Map<string, IntrospectionField>, names: string[], what: string): IntrospectionField {
  const field = names.map((name) => fields.get(name)).find(Boolean);
  if (!field) throw new Error(`The API has no ${what} (looked for ${names.join(', ')})`);
  return field;
}

/** One operation calling `field` with the given arguments (undefined ones left out), its result as `data`. */
function operation(
  kind: 'query' | 'mutation',
  field: IntrospectionField,
  args: Record<string, unknown>,
  selection: string,
): Pick<BuildQueryResult, 'query' | 'variables'> {
  const used = field.args.filter((arg) => args[arg.name] !== undefined);
  const missing = field.args.find(
    (arg) => arg.type.kind === 'NON_NULL' && arg.defaultValue == null && args[arg.name] === undefined,
  );
  if (missing) throw new Error(`${field.name} needs the argument ${missing.name}`);
  const definitions = used.map((arg) => `$${arg.name}: ${typeString(arg.type)}`).join(', ');
  const call = used.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const source = `${kind} ${capitalize(field.name)}${definitions ? `(${definitions})` : ''} {
    data: ${field.name}${call ? `(${call})` : ''}${selection ? ` { ${selection} }` : ''}
  }`;
  return { query: parse(source), variables: Object.fromEntries(used.map((arg) => [arg.name, args[arg.name]])) };
}

const argOf = (field: IntrospectionField, name: string) => field.args.find((arg) => arg.name === name);

/** `value` shaped as the input type `ref`: only declared fields, at every depth (no `__typename`). */
function inputValue(ref: TypeRef, value: unknown): unknown {
  if (value == null) return value;
  if (Array.isArray(value)) return value.map((item) => inputValue(ref, item));
  const type = types.get(namedType(ref).name);
  if (type?.kind !== 'INPUT_OBJECT' || !isPlainObject(value)) return value;
  return Object.fromEntries(
    type.inputFields
      .filter((inputField) => value[inputField.name] !== undefined)
      .map((inputField) => [inputField.name, inputValue(inputField.type, value[inputField.name])]),
  );
}

/** The values of `data` that are fields of the input type of argument `argName`. */
function inputOf(field: IntrospectionField, data: Record<string, unknown>, argName = 'input') {
  const arg = argOf(field, argName);
  if (!arg) return undefined;
  return inputValue(arg.type, data);
}

/** The mutation's arguments other than `id` and `input`, by name from the data (`customerId`). */
function otherArgsOf(field: IntrospectionField, data: Record<string, unknown>) {
  return Object.fromEntries(
    field.args.filter((arg) => arg.name !== 'id' && arg.name !== 'input').map((arg) => [arg.name, data[arg.name]]),
  );
}

/**
 * True when the input has required fields (SiteInput, ContactInput): such an update replaces the
 * record, and the server clears optional fields left out, so the whole record is sent.
 */
function replacesRecord(field: IntrospectionField): boolean {
  const arg = argOf(field, 'input');
  const type = arg && types.get(namedType(arg.type).name);
  return (
    type?.kind === 'INPUT_OBJECT' &&
    type.inputFields.some((inputField) => inputField.type.kind === 'NON_NULL' && inputField.defaultValue == null)
  );
}

// ---- the conventions ----

/** A list query that returns a plain list (`servicePackages: [ServicePackage!]!`): one page of all. */
function buildPlainList(field: IntrospectionField, params: GetListParams): BuildQueryResult {
  const filter = Object.entries(params.filter ?? {}).filter(([, value]) => value !== '' && value != null);
  if (filter.length) throw new Error(`The ${field.name} list cannot be filtered by ${filter[0][0]}`);
  const selection = selectionOf(namedType(field.type).name, currentViewer()?.role, embedOf(params));
  return {
    ...operation('query', field, {}, selection),
    parseResponse: ({ data }) => {
      const records = (data.data as unknown[]).map(withReferenceIds);
      return { data: records, total: records.length };
    },
  };
}

function buildList(resource: string, params: GetListParams): BuildQueryResult {
  const field = requireField(queries, [resource], `list query for ${resource}`);
  const isPlainList =
    field.type.kind === 'LIST' || (field.type.kind === 'NON_NULL' && field.type.ofType.kind === 'LIST');
  if (isPlainList) return buildPlainList(field, params);
  const listType = objectType(namedType(field.type).name);
  const nodes = listType.fields.find((f) => f.name === 'nodes');
  if (!nodes) throw new Error(`${field.name} does not return { nodes, totalCount }`);
  const role = currentViewer()?.role;

  const args: Record<string, unknown> = {};
  const filterArg = argOf(field, 'filter');
  const filter = Object.entries(params.filter ?? {}).filter(([, value]) => value !== '' && value != null);
  if (filter.length) {
    const allowed = filterArg ? inputFieldNames(filterArg.type) : new Set<string>();
    const unknown = filter.find(([key]) => !allowed.has(key));
    if (unknown) throw new Error(`The ${resource} list cannot be filtered by ${unknown[0]}`);
    args.filter = Object.fromEntries(filter);
  }
  const sortArg = argOf(field, 'sort');
  if (sortArg && params.sort?.field) {
    const sortType = types.get(namedType(sortArg.type).name) as IntrospectionInputObjectType | undefined;
    const sortField = sortType?.inputFields.find((f) => f.name === 'field');
    const sortEnum = sortField && types.get(namedType(sortField.type).name);
    const sortable = sortEnum?.kind === 'ENUM' ? sortEnum.enumValues.map((v) => v.name) : [];
    if (sortable.includes(params.sort.field)) {
      args.sort = { field: params.sort.field, order: params.sort.order === 'DESC' ? 'DESC' : 'ASC' };
    }
  }
  if (argOf(field, 'page') && params.pagination) {
    const { page, perPage } = params.pagination;
    args.page = { take: Math.min(Math.max(perPage, 1), 100), skip: Math.max(page - 1, 0) * perPage };
  }
  return {
    ...operation(
      'query',
      field,
      args,
      `nodes { ${selectionOf(namedType(nodes.type).name, role, embedOf(params))} } totalCount`,
    ),
    parseResponse: ({ data }) => ({
      data: (data.data.nodes as unknown[]).map(withReferenceIds),
      total: data.data.totalCount,
    }),
  };
}

function buildOne(resource: string, params: GetOneParams): BuildQueryResult {
  const field = requireField(queries, [singularOf(resource)], `query for one ${resource} record`);
  return {
    ...operation(
      'query',
      field,
      { id: params.id },
      selectionOf(namedType(field.type).name, currentViewer()?.role, embedOf(params)),
    ),
    parseResponse: ({ data }) => ({ data: withReferenceIds(data.data) }),
  };
}

function buildCreate(resource: string, params: CreateParams): BuildQueryResult {
  const singular = singularOf(resource);
  const field = requireField(mutations, [`${singular}Create`, `${singular}Invite`], `create mutation for ${resource}`);
  const data = params.data ?? {};
  return {
    ...operation(
      'mutation',
      field,
      { ...otherArgsOf(field, data), input: inputOf(field, data) },
      selectionOf(namedType(field.type).name, currentViewer()?.role, embedOf(params)),
    ),
    parseResponse: ({ data }) => ({ data: withReferenceIds(data.data) }),
  };
}

function buildUpdate(resource: string, params: UpdateParams): BuildQueryResult {
  const singular = singularOf(resource);
  const action = typeof params.meta?.action === 'string' ? params.meta.action : undefined;
  const names = action ? [`${singular}${capitalize(action)}`] : [`${singular}Update`];
  const field = requireField(mutations, names, `${action ?? 'update'} mutation for ${resource}`);
  // Send only what changed, so an untouched field never trips a rule (e.g. your own role); an input
  // that replaces the record gets all of it.
  const data = (params.data ?? {}) as Record<string, unknown>;
  const previous = (params.previousData ?? {}) as Record<string, unknown>;
  const changed = replacesRecord(field)
    ? data
    : Object.fromEntries(
        Object.entries(data).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(previous[key])),
      );
  return {
    ...operation(
      'mutation',
      field,
      { ...otherArgsOf(field, data), id: params.id, input: inputOf(field, changed) },
      selectionOf(namedType(field.type).name, currentViewer()?.role, embedOf(params)),
    ),
    parseResponse: ({ data }) => ({ data: withReferenceIds(data.data) }),
  };
}

function buildDelete(resource: string, params: DeleteParams): BuildQueryResult {
  const field = requireField(mutations, [`${singularOf(resource)}Delete`], `delete mutation for ${resource}`);
  const leaf = ['SCALAR', 'ENUM'].includes(namedType(field.type).kind);
  return {
    ...operation(
      'mutation',
      field,
      { id: params.id },
      leaf ? '' : selectionOf(namedType(field.type).name, currentViewer()?.role),
    ),
    parseResponse: ({ data }) => ({ data: leaf ? params.previousData : data.data }),
  };
}

const buildQuery: BuildQueryFactory = () => (fetchMethod, resource, params) => {
  const custom = resourceQueries[resource]?.[fetchMethod as FetchMethod] as
    ((params: unknown) => BuildQueryResult) | undefined;
  if (custom) return custom(params);
  switch (fetchMethod as FetchMethod) {
    case 'GET_LIST':
      return buildList(resource, params);
    case 'GET_MANY_REFERENCE': {
      const { target, id, ...rest } = params as GetManyReferenceParams;
      return buildList(resource, { ...rest, filter: { ...rest.filter, [target]: id } });
    }
    case 'GET_ONE':
      return buildOne(resource, params);
    case 'CREATE':
      return buildCreate(resource, params);
    case 'UPDATE':
      return buildUpdate(resource, params);
    case 'DELETE':
      return buildDelete(resource, params);
    default:
      throw new Error(`No GraphQL operation for ${fetchMethod} on resource "${resource}"`);
  }
};

// ---- errors: the API's codes as HTTP statuses, its field messages where forms show them ----

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

interface GraphQLErrorLike {
  message: string;
  extensions?: ApiErrorExtensions;
}

/**
 * ra-data-graphql rejects with HttpError(message, status, apolloError). Rethrow with the API's code
 * as the status (401 logs out, see authProvider.checkError) and, for BAD_USER_INPUT naming a
 * field, `body.errors: { field: message }`, which react-admin's forms show under that input.
 */
export function toHttpError(error: unknown): unknown {
  if (error instanceof HttpError && error.body?.code) return error;
  const body = (error as { body?: { graphQLErrors?: GraphQLErrorLike[]; networkError?: unknown } } | undefined)?.body;
  const first = body?.graphQLErrors?.[0];
  // ra-data-graphql turns Apollo's network error into HttpError("Failed to fetch") without a body.
  const unreachable =
    !!body?.networkError || error instanceof TypeError || (error instanceof HttpError && !error.body && !error.status);
  if (!first && !unreachable) return error;
  if (!first) {
    // Offline or no answer (Apollo's "Failed to fetch"): what the user reads is translated, by code.
    return new HttpError(errorMessageKey({ code: 'NETWORK_ERROR' }), 0, {
      code: 'NETWORK_ERROR',
      extensions: { code: 'NETWORK_ERROR' },
    });
  }
  const extensions = first.extensions ?? {};
  const code = extensions.code ?? 'INTERNAL_SERVER_ERROR';
  const errors = code === 'BAD_USER_INPUT' ? fieldErrorsOf(first.message, extensions) : {};
  // A field's message shows under its input, and the notice says the first one, translated by its
  // code (the server's text only for a code the dashboard does not know); every other message is the
  // code's, in the UI's language.
  const message = code === 'BAD_USER_INPUT' ? inputErrorMessage(first.message, extensions) : errorMessageKey({ code });
  return new HttpError(message, STATUS_OF_CODE[code] ?? 500, {
    code,
    extensions,
    ...(Object.keys(errors).length ? { errors } : {}),
  });
}

const graphqlProvider = buildGraphQLProvider({
  client: apolloClient,
  introspection: false,
  buildQuery,
});

/**
 * Wraps a method: a call the viewer's role may not make fails here (react-admin starts a list's
 * query even when canAccess said no and it is redirecting away), and API errors become HttpErrors.
 */
const guarded =
  <P, R>(action: (params: P) => string, method: (resource: string, params: P) => Promise<R>) =>
  async (resource: string, params: P): Promise<R> => {
    const viewer = currentViewer();
    if (viewer && !roleCanAccess(viewer.role, resource, action(params))) {
      throw new HttpError('ra.notification.not_authorized', 403, { code: 'FORBIDDEN' });
    }
    try {
      return await method(resource, params);
    } catch (error) {
      throw toHttpError(error);
    }
  };

const always = (action: string) => () => action;

export const dataProvider: DataProvider = {
  getList: guarded(always('list'), graphqlProvider.getList),
  getOne: guarded(always('show'), graphqlProvider.getOne),
  // No batch query by id in the API: one `<singular>(id)` per id, in parallel; ids that no longer
  // resolve are left out rather than failing the whole page.
  getMany: guarded(always('show'), async (resource, params: GetManyParams) => {
    const found = await Promise.all(
      params.ids.map((id) =>
        graphqlProvider.getOne(resource, { id, signal: params.signal }).then(
          ({ data }) => data,
          (error: unknown) => {
            const converted = toHttpError(error);
            if (converted instanceof HttpError && converted.status === 404) return undefined;
            throw error;
          },
        ),
      ),
    );
    return { data: found.filter((record) => record !== undefined) };
  }),
  getManyReference: guarded(always('list'), graphqlProvider.getManyReference),
  create: guarded(always('create'), graphqlProvider.create),
  update: guarded(
    (params: UpdateParams) => (typeof params.meta?.action === 'string' ? params.meta.action : 'edit'),
    graphqlProvider.update,
  ),
  updateMany: guarded(always('edit'), graphqlProvider.updateMany),
  delete: guarded(always('delete'), graphqlProvider.delete),
  deleteMany: guarded(always('delete'), graphqlProvider.deleteMany),
};
