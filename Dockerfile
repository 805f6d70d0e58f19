# syntax=docker/dockerfile:1
# Build stage: native addons (nodejieba, better-sqlite3) need a compiler; the runtime image does not.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0 DATA_DIR=/data
# two glibc malloc arenas instead of up to 8 per core: the extraction worker threads each grew their own (~40 MB resident less, README "Measured figures")
ENV MALLOC_ARENA_MAX=2
# HOST=0.0.0.0 needs API keys (API_KEYS_FILE) or ALLOW_UNAUTHENTICATED=1: the service refuses to start open to the network otherwise
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY bin ./bin
COPY src ./src
COPY models ./models
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# tsx (a runtime dependency) runs the TypeScript sources; `npm run worker` uses the same image
CMD ["node", "--import", "tsx", "src/main.ts"]
