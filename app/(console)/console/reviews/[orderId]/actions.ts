"use server";
import { requireUser } from "@/lib/server/auth/require-user";
import { runAction } from "@/lib/server/http/run-action";
import { approveOrder } from "@/lib/server/reviews/approve-order";
import { receivePaper } from "@/lib/server/reviews/receive-paper";
import { rejectOrder } from "@/lib/server/reviews/reject-order";

export async function approveOrderAction(input: unknown) {
  return runAction(async ({ ip }) => approveOrder({ user: await requireUser({ permission: "orders.review" }), input, ip }));
}

export async function rejectOrderAction(input: unknown) {
  return runAction(async ({ ip }) => rejectOrder({ user: await requireUser({ permission: "orders.review" }), input, ip }));
}

export async function receivePaperAction(input: unknown) {
  return runAction(async ({ ip }) => receivePaper({ user: await requireUser({ permission: "orders.review" }), input, ip }));
}
