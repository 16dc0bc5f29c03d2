import { AppError } from "@/lib/errors";

/**
 * The CA hierarchy lacks a part only the offline ceremony (`npm run ca`) can make: a root outside
 * demo mode, or an issuing CA under an offline root. Start-up stops on it (start-instance.ts):
 * unlike a passing database hiccup, waiting does not fix it.
 */
export class CaCeremonyNeededError extends AppError {
  constructor(message: string) {
    super("internal", { userMessage: message });
    this.name = "CaCeremonyNeededError";
  }
}
