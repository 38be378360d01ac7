// react-admin's data provider, built on ra-data-graphql with the shared Apollo Client.
//
// Production disables GraphQL introspection, so the provider never introspects
// (`introspection: false`). Instead each resource writes its own operations: its folder exports
// a `ResourceQueries` object, registered in `resourceQueries` below, e.g.
//   import { customerQueries } from '../resources/customers/queries';
//   const resourceQueries: Record<string, ResourceQueries> = { customers: customerQueries };
import buildGraphQLProvider, { type BuildQueryFactory, type BuildQueryResult } from 'ra-data-graphql';
import type {
  CreateParams,
  DataProvider,
  DeleteManyParams,
  DeleteParams,
  GetListParams,
  GetManyParams,
  GetManyReferenceParams,
  GetOneParams,
  UpdateManyParams,
  UpdateParams,
} from 'react-admin';

import { apolloClient } from './apolloClient';

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
 * The operations one resource supports: each builds a query or mutation and its
 * `parseResponse`, which returns what react-admin expects (`{ data, total }`, `{ data }`, …).
 * A method left out fails with a clear error.
 */
export type ResourceQueries = {
  [M in FetchMethod]?: (params: FetchParams[M]) => BuildQueryResult;
};

const resourceQueries: Record<string, ResourceQueries> = {};

const buildQuery: BuildQueryFactory = () => (fetchMethod, resource, params) => {
  const build = resourceQueries[resource]?.[fetchMethod as FetchMethod] as
    ((params: unknown) => BuildQueryResult) | undefined;
  if (!build) {
    throw new Error(`No GraphQL operation for ${fetchMethod} on resource "${resource}"`);
  }
  return build(params);
};

export const dataProvider: DataProvider = buildGraphQLProvider({
  client: apolloClient,
  introspection: false,
  buildQuery,
});
