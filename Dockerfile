# One image for the gateway, the three subgraphs and the command-line tools; the command picks the
# process (deploy/README.md, "The image"). No npm scripts in the image: they run the TypeScript
# sources through tsx, and the image holds only the compiled dist/.
#
# Node 26, the Active LTS line that package.json's engines allow; better-sqlite3 12 supports it.
# `--build-arg NODE_IMAGE=node:22-trixie-slim` builds on an older line the engines allow.
ARG NODE_IMAGE=node:26-trixie-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Compiles better-sqlite3 when no prebuilt binary matches the Node version.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./
USER node
CMD ["node", "dist/gateway/main.js"]
