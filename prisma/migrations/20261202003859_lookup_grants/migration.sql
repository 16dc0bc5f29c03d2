-- Lookup without login: the grant a passed check gives (cookie hash, subject, channel) and the single-use captcha.

-- CreateTable
CREATE TABLE "LookupGrant" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "subjectType" "SubjectType" NOT NULL,
    "subjectKey" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LookupGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LookupCaptcha" (
    "id" TEXT NOT NULL,
    "answerHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "LookupCaptcha_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LookupGrant_tokenHash_key" ON "LookupGrant"("tokenHash");

-- CreateIndex
CREATE INDEX "LookupGrant_subjectKey_idx" ON "LookupGrant"("subjectKey");

-- AddForeignKey
ALTER TABLE "LookupGrant" ADD CONSTRAINT "LookupGrant_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
