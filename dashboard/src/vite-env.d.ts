// Modules that exist only inside the Vite build (see vite.config.ts).
declare module 'virtual:sitecare-schema' {
  import type { IntrospectionSchema } from 'graphql';

  const schema: IntrospectionSchema;
  export default schema;
}
