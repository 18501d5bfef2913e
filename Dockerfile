# Build stage: compile TypeScript with the dev dependencies.
FROM node:24-bookworm-slim AS build
ENV MONGOMS_DISABLE_POSTINSTALL=1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY app ./app
COPY bot ./bot
COPY domain ./domain
COPY jobs ./jobs
COPY locales ./locales
# Types of the FerretDB fallback's builder (the fallback itself is not used in the image).
COPY tools/ferretdb/build-lib.mjs tools/ferretdb/build-lib.d.mts ./tools/ferretdb/
COPY tools/start.mjs ./tools/
RUN npm run build

# Runtime stage: production dependencies only, non-root.
FROM node:24-bookworm-slim
ENV NODE_ENV=production
# docker-compose gives the bot a MongoDB; the embedded one (and its mongod download) is not needed here.
ENV MONGOMS_DISABLE_POSTINSTALL=1
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY locales ./locales
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# Compiled JavaScript only: nothing is compiled when the container starts.
CMD ["node", "dist/app/main.js"]
