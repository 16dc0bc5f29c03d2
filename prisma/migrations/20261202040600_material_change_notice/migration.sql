-- AlterEnum
-- In a migration of its own: PostgreSQL does not let the transaction that adds an enum value use it
-- (the next migration's column default does).
ALTER TYPE "MaterialKind" ADD VALUE 'CHANGE_NOTICE';
