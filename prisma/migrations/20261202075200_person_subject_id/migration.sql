-- Certificate profile (issue 16): an individual's DN serialNumber becomes a random subject identifier kept per
-- person (PersonSubject), no longer the unsalted SM3 of the ID number, and certificates link to it. Only one
-- active delegated OCSP responder per issuing CA. Written by hand (only this change). No semicolons in comments:
-- the migration engine splits the script at each one.

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "personSubjectId" TEXT;

-- CreateTable
CREATE TABLE "PersonSubject" (
    "id" TEXT NOT NULL,
    "idNumberDigest" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonSubject_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Certificate_personSubjectId_idx" ON "Certificate"("personSubjectId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonSubject_idNumberDigest_key" ON "PersonSubject"("idNumberDigest");

-- CreateIndex
CREATE UNIQUE INDEX "PersonSubject_subjectId_key" ON "PersonSubject"("subjectId");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_personSubjectId_fkey" FOREIGN KEY ("personSubjectId") REFERENCES "PersonSubject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One active delegated OCSP responder per issuing CA: instances rotating at once cannot leave two.
CREATE UNIQUE INDEX "CertificateAuthority_one_active_ocsp" ON "CertificateAuthority"("parentId") WHERE "kind" = 'OCSP' AND "active";
