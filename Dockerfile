# syntax=docker/dockerfile:1
# Build on the current LTS Node; the app also runs on Node 20.19+ (package.json engines).
# `npm run test:image` repeats these steps without Docker (scripts/check-image.ts reads this file): keep every
# step a plain COPY or RUN.

# Production dependencies only, patched (postinstall: patch-package, itself a production dependency).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --omit=dev --no-audit --no-fund

# The compiled service, bundled (scripts/bundle.mjs); this stage's dev dependencies (tsx, TypeScript, esbuild) never
# reach the runtime.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/bundle.mjs scripts/node-fetch-for-bundle.cjs scripts/deno-shim-for-bundle.mjs ./scripts/
COPY src ./src
RUN npm run build

FROM node:24-bookworm-slim AS runtime
# The slim base has no fonts, so headline cards would be drawn as empty boxes. DejaVu covers Latin, Greek and
# Cyrillic, Noto core Arabic and Hebrew (and most other scripts), Noto CJK Chinese, Japanese and Korean; the
# serif CJK faces (53 MB) are removed because the cards use sans only.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core fonts-noto-core fonts-noto-cjk \
    && rm -f /usr/share/fonts/opentype/noto/NotoSerifCJK-* \
    && fc-cache -f \
    && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY migrations ./migrations
# The message catalogue, read at start-up (src/i18n/catalogue.ts finds it above dist/, as migrations/).
COPY locales ./locales
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Migrations inside the image: node dist/database/migrate-cli.js (fly.toml's release_command).
CMD ["node", "dist/main.js"]
