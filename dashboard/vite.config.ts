import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

// The server owns these paths; in development Vite forwards them to it (SITECARE_API_ORIGIN
// points the dashboard at another running server, e.g. http://localhost:4300).
const API_ORIGIN = process.env.SITECARE_API_ORIGIN ?? 'http://localhost:4000';
const proxied = ['/graphql', '/healthz', '/webhooks'];

const SCHEMA_SOURCE = fileURLToPath(new URL('../schema/src/index.ts', import.meta.url));
const SCHEMA_SDL = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));

/**
 * `virtual:sitecare-schema`: the API contract (schema/schema.graphql) as an introspection result,
 * made at build time. Production disables introspection, so the data provider reads the committed
 * SDL instead of asking the server.
 */
function sitecareSchema(): Plugin {
  const id = 'virtual:sitecare-schema';
  const resolved = `\0${id}`;
  return {
    name: 'sitecare-schema',
    resolveId: (source) => (source === id ? resolved : undefined),
    load(loadId) {
      if (loadId !== resolved) return undefined;
      this.addWatchFile(SCHEMA_SDL);
      const { __schema } = introspectionFromSchema(buildSchema(readFileSync(SCHEMA_SDL, 'utf8')), {
        descriptions: false,
        specifiedByUrl: false,
        directiveIsRepeatable: false,
        schemaDescription: false,
      });
      // Directives are of no use to the client.
      return `export default ${JSON.stringify({ ...__schema, directives: [] })};`;
    },
  };
}

// Vendor groups, highest priority first, so that no single chunk carries the whole app and
// a library upgrade only invalidates its own chunk. Pages are split by React.lazy.
const vendorGroups: { name: string; test: RegExp }[] = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  {
    name: 'mui',
    test: /[\\/]node_modules[\\/](@mui|@emotion|@popperjs|stylis|react-transition-group)[\\/]/,
  },
  {
    name: 'apollo',
    test: /[\\/]node_modules[\\/](@apollo|graphql|graphql-tag|@wry|optimism|zen-observable|ts-invariant)[\\/]/,
  },
  { name: 'router', test: /[\\/]node_modules[\\/](react-router|react-router-dom)[\\/]/ },
  { name: 'react-admin', test: /[\\/]node_modules[\\/]/ },
];

export default defineConfig({
  plugins: [react(), sitecareSchema()],
  resolve: {
    // The shared contract from its TypeScript source: ES modules the bundler can tree-shake, and no
    // need to build schema/ first.
    alias: { '@sitecare/schema': SCHEMA_SOURCE },
  },
  server: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: API_ORIGIN, changeOrigin: false }])),
  },
  preview: {
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: API_ORIGIN, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // `$initial`: only what the shell loads up front; libraries used only by lazy pages
          // stay with those pages (or their shared chunks) instead of growing the shell.
          groups: vendorGroups.map((group, index) => ({
            ...group,
            tags: ['$initial'],
            priority: vendorGroups.length - index,
          })),
        },
      },
    },
  },
});
