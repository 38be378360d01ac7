// The data provider react-admin is given: it loads the real one (dataProvider.ts, with Apollo
// Client and the schema) on its first call, which comes after login, so the login page stays small.
import type { DataProvider } from 'react-admin';

const METHODS = [
  'getList',
  'getOne',
  'getMany',
  'getManyReference',
  'create',
  'update',
  'updateMany',
  'delete',
  'deleteMany',
] as const;

let loaded: Promise<DataProvider> | undefined;
const load = () =>
  (loaded ??= import('./dataProvider').then(
    (module) => module.dataProvider,
    (error: unknown) => {
      loaded = undefined; // a failed chunk download is tried again on the next call
      throw error;
    },
  ));

export const dataProvider = Object.fromEntries(
  METHODS.map((method) => [
    method,
    async (...args: unknown[]) => {
      const provider = await load();
      return (provider[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
  ]),
) as unknown as DataProvider;
