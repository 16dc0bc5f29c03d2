-- AlterTable
ALTER TABLE "ScanRequest" ADD COLUMN     "tokenSealed" TEXT;
