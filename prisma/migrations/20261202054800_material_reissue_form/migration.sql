-- AlterEnum
-- In a migration of its own: PostgreSQL does not let the transaction that adds an enum value use it.
ALTER TYPE "MaterialKind" ADD VALUE 'REISSUE_FORM';
