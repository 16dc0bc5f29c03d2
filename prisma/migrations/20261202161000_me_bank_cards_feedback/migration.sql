-- CreateEnum
CREATE TYPE "BankCardKind" AS ENUM ('PERSONAL', 'CORPORATE');

-- CreateEnum
CREATE TYPE "FeedbackTopic" AS ENUM ('CERTIFICATE', 'ORDER', 'PAYMENT', 'APP', 'OTHER');

-- CreateEnum
CREATE TYPE "FeedbackStatus" AS ENUM ('OPEN', 'ANSWERED');

-- CreateTable
CREATE TABLE "BankCard" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "BankCardKind" NOT NULL,
    "holderName" TEXT NOT NULL,
    "bankName" TEXT,
    "numberMasked" TEXT NOT NULL,
    "numberHash" TEXT NOT NULL,
    "lastCheckId" TEXT,
    "verifiedBy" "VerificationMethod",
    "verifiedAt" TIMESTAMP(3),
    "unboundAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BankCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "topic" "FeedbackTopic" NOT NULL,
    "body" TEXT NOT NULL,
    "screenshotKey" TEXT,
    "screenshotMime" TEXT,
    "status" "FeedbackStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BankCard_lastCheckId_idx" ON "BankCard"("lastCheckId");

-- CreateIndex
CREATE UNIQUE INDEX "BankCard_userId_numberHash_key" ON "BankCard"("userId", "numberHash");

-- CreateIndex
CREATE INDEX "Feedback_userId_createdAt_idx" ON "Feedback"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_status_createdAt_idx" ON "Feedback"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "BankCard" ADD CONSTRAINT "BankCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
