# Sitecare: the API serving the built dashboard. Used by docker-compose.yml with PostgreSQL 17.
# Stage 1 installs every workspace package and builds; `pnpm deploy --prod` then copies the server
# with its production dependencies only. The final image holds that and the dashboard's built files:
# no dev dependencies, no tests, no bench, no embedded PostgreSQL (a development dependency).
FROM node:24-slim AS build
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY server/package.json server/
COPY dashboard/package.json dashboard/
COPY schema/package.json schema/
COPY seeds/package.json seeds/
COPY tests/package.json tests/
COPY tests/bench/package.json tests/bench/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm build
RUN pnpm --filter @sitecare/server deploy --prod /deploy/server

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and read-only for the process, which runs as the unprivileged `node` user. The server
# finds the dashboard beside it (/app/dashboard/dist).
COPY --from=build /deploy/server /app/server
COPY --from=build /app/dashboard/dist /app/dashboard/dist
# The operator CLI: `docker compose run --rm server sitecare migrate` (docs/operations.md).
RUN printf '#!/bin/sh\nexec node /app/server/dist/cli.js "$@"\n' > /usr/local/bin/sitecare \
  && chmod 0755 /usr/local/bin/sitecare
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "server/dist/main.js"]
