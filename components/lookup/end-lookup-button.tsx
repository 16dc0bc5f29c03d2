"use client";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import { endLookupAction } from "@/lib/actions/lookup/lookup-actions";

/** 结束查询: drops the lookup cookie and shows the form again. */
export function EndLookupButton() {
  const t = useT();
  return (
    <Button
      type="button"
      variant="outline"
      data-testid="lookup-end"
      onClick={async () => {
        await endLookupAction();
        window.location.assign("/lookup");
      }}
    >
      {t("lifecycleLookup.newLookup")}
    </Button>
  );
}
