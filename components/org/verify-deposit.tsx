"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { DepositCodeForm } from "@/components/identity/deposit-code-form";
import { useIdentityCheck, type ClientCheckView } from "@/components/identity/use-identity-check";

/** The wizard's deposit-code form for a verification alone; once the check ends the page shows the result. */
export function VerifyDeposit({ initialView }: { initialView: ClientCheckView }) {
  const router = useRouter();
  const { view, setView } = useIdentityCheck(initialView.checkId, initialView);
  const isDone = !!view && view.status !== "PENDING";
  useEffect(() => {
    if (isDone) router.refresh();
  }, [isDone, router]);
  if (!view || isDone) return null;
  return <DepositCodeForm view={view} onChange={setView} />;
}
