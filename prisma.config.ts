import { defineConfig } from "prisma/config";

// Prisma 7 keeps the datasource URL out of the schema. Migrations are applied by
// scripts/db-migrate.ts through the WebAssembly schema engine (the native engine
// cannot be downloaded on every machine); with a normal Prisma CLI and DATABASE_URL
// set, `prisma migrate deploy` sees the same migrations and the same history table.
export default defineConfig({
  // A multi-file schema: the folder's schema.prisma holds the generator and datasource, the other
  // files one domain each.
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
