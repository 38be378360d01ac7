// `virtual:sitecare-schema` for component tests: the committed SDL as an introspection result, made
// the way vite.config.ts makes it for the build.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { buildSchema, introspectionFromSchema } from 'graphql';

const sdl = readFileSync(path.join(__dirname, '..', '..', '..', 'schema', 'schema.graphql'), 'utf8');
const { __schema } = introspectionFromSchema(buildSchema(sdl), { descriptions: false });

export default { ...__schema, directives: [] };
