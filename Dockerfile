# syntax=docker/dockerfile:1
# Musyawarah: one image serving the API, /healthz and both web apps on port 3000.
# The build stage runs exactly what tooling/reliability/src/production-build.test.ts runs in `npm test`:
#   pnpm build → node tooling/scripts/package-server.mjs <folder>   (bundled host + pnpm deploy --prod + built apps)
# and the runtime stage holds only that folder: no TypeScript sources, no dev dependencies, no pnpm.
#
#   docker build -t musyawarah .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://user:pass@db:5432/musyawarah -e PUBLIC_URL=https://… musyawarah

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ENV CI=true TURBO_TELEMETRY_DISABLED=1 COREPACK_ENABLE_DOWNLOAD_PROMPT=0
# corepack provides the pnpm pinned (with its hash) in package.json's packageManager; turbo needs `pnpm` on PATH.
RUN corepack enable
WORKDIR /src
# Packages first, from the lockfile alone, so this layer is reused while only sources change.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch --frozen-lockfile
COPY . .
RUN pnpm install --frozen-lockfile --offline
RUN pnpm build
# Prefers the store filled above; the legacy deploy resolves again and may read registry metadata.
RUN node tooling/scripts/package-server.mjs /out

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /out /app
# The embedded database (no DATABASE_URL) writes to /app/.data/pglite: mount a volume there if you use it.
RUN mkdir -p /app/.data && chown node:node /app /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM from `docker stop` reaches node directly (exec form): in-flight requests finish, then the database closes.
CMD ["node", "apps/api/dist/main.js"]
