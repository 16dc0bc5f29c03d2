-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "renewsCertificateId" TEXT;

-- CreateTable
CREATE TABLE "CertificateReminder" (
    "certificateId" TEXT NOT NULL,
    "daysBefore" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificateReminder_pkey" PRIMARY KEY ("certificateId","daysBefore")
);

-- CreateIndex
CREATE INDEX "Order_renewsCertificateId_idx" ON "Order"("renewsCertificateId");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_renewsCertificateId_fkey" FOREIGN KEY ("renewsCertificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateReminder" ADD CONSTRAINT "CertificateReminder_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;
