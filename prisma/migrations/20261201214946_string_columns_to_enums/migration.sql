-- Text columns whose values are a closed set become enums, in place: the USING cast keeps the value
-- of every existing row (a value outside the set fails the migration rather than being lost).
-- The schema diff proposed DROP COLUMN and ADD COLUMN, hand-edited into ALTER COLUMN ... TYPE.
-- (No quote marks or semicolons in these comments: the PostgreSQL adapter splits the script.)

-- CreateEnum
CREATE TYPE "LoginMethod" AS ENUM ('sms', 'password', 'passkey');

-- CreateEnum
CREATE TYPE "SecondFactorMethod" AS ENUM ('passkey', 'totp');

-- CreateEnum
CREATE TYPE "PasskeyDeviceType" AS ENUM ('singleDevice', 'multiDevice');

-- CreateEnum
CREATE TYPE "ChannelProduct" AS ENUM ('INDIVIDUAL_CERT', 'SEAL', 'UNIT_CERT', 'USB_KEY');

-- CreateEnum
CREATE TYPE "IdType" AS ENUM ('RESIDENT_ID', 'HK_MO_RESIDENCE', 'TW_RESIDENCE');

-- CreateEnum
CREATE TYPE "CertMedium" AS ENUM ('CLOUD', 'USB_KEY');

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVE', 'REJECT');

-- CreateEnum
CREATE TYPE "SealKind" AS ENUM ('OFFICIAL', 'LEGAL_REP', 'PERSONAL', 'CONTRACT');

-- CreateEnum
CREATE TYPE "PaymentProvider" AS ENUM ('sandbox', 'stripe');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('alipay', 'wechat_pay');

-- AlterTable (the unique index on channelId, product, years is rebuilt by the type change)
ALTER TABLE "ChannelPrice" ALTER COLUMN "product" TYPE "ChannelProduct" USING "product"::"ChannelProduct";

-- AlterTable (the text default cannot be cast in place, so it is dropped and set again)
ALTER TABLE "Order" ALTER COLUMN "medium" DROP DEFAULT,
ALTER COLUMN "medium" TYPE "CertMedium" USING "medium"::"CertMedium",
ALTER COLUMN "medium" SET DEFAULT 'CLOUD';

-- AlterTable
ALTER TABLE "Organization" ALTER COLUMN "legalRepIdType" TYPE "IdType" USING "legalRepIdType"::"IdType";

-- AlterTable
ALTER TABLE "Passkey" ALTER COLUMN "deviceType" TYPE "PasskeyDeviceType" USING "deviceType"::"PasskeyDeviceType";

-- AlterTable
ALTER TABLE "Payment" ALTER COLUMN "provider" TYPE "PaymentProvider" USING "provider"::"PaymentProvider",
ALTER COLUMN "method" TYPE "PaymentMethod" USING "method"::"PaymentMethod";

-- AlterTable
ALTER TABLE "Review" ALTER COLUMN "decision" TYPE "ReviewDecision" USING "decision"::"ReviewDecision";

-- AlterTable
ALTER TABLE "Seal" ALTER COLUMN "kind" TYPE "SealKind" USING "kind"::"SealKind";

-- AlterTable
ALTER TABLE "Session" ALTER COLUMN "method" TYPE "LoginMethod" USING "method"::"LoginMethod",
ALTER COLUMN "secondFactorMethod" TYPE "SecondFactorMethod" USING "secondFactorMethod"::"SecondFactorMethod";
