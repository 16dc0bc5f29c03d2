import { z } from "zod";
import { ZIdNumber, ZMobile, ZPersonName } from "@/lib/server/orders/order-fields.types";

/** 添加成员: the person's real name, ID number and the phone number of their account. */
export const ZAddMember = z.object({ name: ZPersonName, idNumber: ZIdNumber, phone: ZMobile });
export type TAddMember = z.input<typeof ZAddMember>;

/** The roles the administrator may give here: never ADMIN (转授管理员) nor LEGAL_REP (the legal person's check). */
export const ASSIGNABLE_ROLES = ["MEMBER", "CERT_ADMIN", "SEAL_ADMIN"] as const;
export const ZAssignableRole = z.enum(ASSIGNABLE_ROLES, { error: "orgMembers.errors.roleNotAssignable" });
export type TAssignableRole = z.infer<typeof ZAssignableRole>;

/** 删除企业: the organization's name typed again. */
export const ZConfirmName = z.string({ error: "wizard.errors.required" }).trim().min(1, "wizard.errors.required").max(100, "wizard.errors.tooLong");
