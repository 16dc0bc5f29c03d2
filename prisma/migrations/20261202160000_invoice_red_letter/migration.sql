-- CreateEnum
CREATE TYPE "InvoiceKind" AS ENUM ('BLUE', 'RED');

-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "issuedById" TEXT,
ADD COLUMN     "kind" "InvoiceKind" NOT NULL DEFAULT 'BLUE',
ADD COLUMN     "note" TEXT,
ADD COLUMN     "replacesId" TEXT,
ADD COLUMN     "reversesId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_reversesId_key" ON "Invoice"("reversesId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_replacesId_key" ON "Invoice"("replacesId");

-- CreateIndex
CREATE INDEX "Invoice_orderId_issuedAt_idx" ON "Invoice"("orderId", "issuedAt");

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Invoice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One current BLUE invoice per order (see the Invoice model): a request or re-issue that races another fails here.
CREATE UNIQUE INDEX "Invoice_one_current_per_order" ON "Invoice"("orderId") WHERE "kind" = 'BLUE' AND "supersededAt" IS NULL;
