-- 实名认证 once: a keyed hash of the verified person's full ID number, so a later order's applicant check and a
-- reissue compare the exact number (the account keeps only the masked form otherwise).
ALTER TABLE "User" ADD COLUMN "idNumberHash" TEXT;
