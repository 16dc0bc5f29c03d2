-- AlterTable
ALTER TABLE "Channel" ADD COLUMN     "payAfterApproval" BOOLEAN NOT NULL DEFAULT false;
