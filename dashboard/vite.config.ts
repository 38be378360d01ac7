import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server owns these paths; in development Vite forwards them to it.
const API_ORIGIN = 'http://localhost:4000';
const proxied = ['/graphql', '/healthz', '/webhooks'];

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
  plugins: [react()],
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
