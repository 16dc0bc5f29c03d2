-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "renewalNeedsMaterials" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reviewDeskRevocations" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RevocationRequest" ADD COLUMN     "orderId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "RevocationRequest_orderId_key" ON "RevocationRequest"("orderId");

-- AddForeignKey
ALTER TABLE "RevocationRequest" ADD CONSTRAINT "RevocationRequest_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;
