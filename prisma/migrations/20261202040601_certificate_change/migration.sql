-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "changeMaterialsIndividual" "MaterialKind"[] DEFAULT ARRAY['ID_FRONT', 'ID_BACK']::"MaterialKind"[],
ADD COLUMN     "changeMaterialsUnit" "MaterialKind"[] DEFAULT ARRAY['BUSINESS_LICENSE', 'CHANGE_NOTICE']::"MaterialKind"[],
ADD COLUMN     "changePriceFen" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "changesCertificateId" TEXT;

-- CreateIndex
CREATE INDEX "Order_changesCertificateId_idx" ON "Order"("changesCertificateId");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_changesCertificateId_fkey" FOREIGN KEY ("changesCertificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;
