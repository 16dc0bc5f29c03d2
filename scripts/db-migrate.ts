// Applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR.
import { dbAdapter, closeDb } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/apply-migrations";

const applied = await applyMigrations({ adapterFactory: dbAdapter().factory });
console.log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database is up to date");
await closeDb();
process.exit(0);
