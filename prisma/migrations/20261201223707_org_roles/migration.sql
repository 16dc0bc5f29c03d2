-- Organization roles of issue 12 and membership status. Rows survive: the former HANDLER value (no code
-- ever wrote it) becomes MEMBER, the least privileged role, before the type is rebuilt, so the USING cast
-- cannot fail. Existing memberships become ACTIVE through the column default.
-- The partial unique index at the end is hand-written (the schema language cannot say it): at most one
-- ACTIVE primary administrator per organization.
-- (No quote marks or semicolons in these comments: the PostgreSQL adapter splits the script.)

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('ACTIVE', 'REMOVED');

-- AlterEnum (the former value mapped first)
UPDATE "Membership" SET "role" = 'MEMBER' WHERE "role"::text = 'HANDLER';

BEGIN;
CREATE TYPE "OrgRole_new" AS ENUM ('ADMIN', 'CERT_ADMIN', 'SEAL_ADMIN', 'MEMBER', 'LEGAL_REP');
ALTER TABLE "Membership" ALTER COLUMN "role" TYPE "OrgRole_new" USING ("role"::text::"OrgRole_new");
ALTER TYPE "OrgRole" RENAME TO "OrgRole_old";
ALTER TYPE "OrgRole_new" RENAME TO "OrgRole";
DROP TYPE "public"."OrgRole_old";
COMMIT;

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "removedAt" TIMESTAMP(3),
ADD COLUMN     "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE';

-- CreateIndex
CREATE INDEX "Membership_userId_status_idx" ON "Membership"("userId", "status");

-- CreateIndex (hand-written, partial)
CREATE UNIQUE INDEX "Membership_one_admin_per_org" ON "Membership"("orgId") WHERE "role" = 'ADMIN' AND "status" = 'ACTIVE';
