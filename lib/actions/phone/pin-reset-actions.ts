"use server";
import { z } from "zod";
import { publicAction } from "@/lib/server/http/public-action";
import { cancelPinReset } from "@/lib/server/keys/cancel-pin-reset";

// No login: the token in the notice's link is the credential, checked by cancelPinReset.
export const cancelPinResetAction = publicAction({ args: z.tuple([z.string().min(1).max(80)]) }, ({ args: [token], ip }) => cancelPinReset({ token, ip }));
