import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { openSchemaEngine } from "@/lib/db/schema-engine";
import { readMigrationsList, readSchema } from "@/lib/db/migrations-list";

// Equivalent of `prisma migrate deploy`: applies pending migrations, records them in _prisma_migrations.
export async function applyMigrations({ adapterFactory }: { adapterFactory: SqlMigrationAwareDriverAdapterFactory }) {
  const engine = await openSchemaEngine({ adapterFactory, schema: readSchema() });
  try {
    const out = await engine.applyMigrations({
      migrationsList: readMigrationsList(),
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
