"use server";
import { z } from "zod";
import { userAction } from "@/lib/server/http/user-action";
import { approveOrder } from "@/lib/server/reviews/approve-order";
import { receivePaper } from "@/lib/server/reviews/receive-paper";
import { rejectOrder } from "@/lib/server/reviews/reject-order";

const review = { args: z.tuple([z.unknown()]), permission: "orders.review" } as const;

export const approveOrderAction = userAction(review, ({ user, args: [input], ip }) => approveOrder({ user, input, ip }));

export const rejectOrderAction = userAction(review, ({ user, args: [input], ip }) => rejectOrder({ user, input, ip }));

export const receivePaperAction = userAction(review, ({ user, args: [input], ip }) => receivePaper({ user, input, ip }));
