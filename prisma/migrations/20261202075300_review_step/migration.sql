-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "step" TEXT;
