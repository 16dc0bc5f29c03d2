"use server";
import { z } from "zod";
import { publicAction } from "@/lib/server/http/public-action";
import { completeFaceCheck } from "@/lib/server/identity/complete-face-check";
import { ZId } from "@/lib/validators/id";

// The face page has no login: the token in its URL is the credential, checked by completeFaceCheck.
export const completeFaceAction = publicAction({ args: z.tuple([ZId]) }, ({ args: [token] }) => completeFaceCheck({ token }));
