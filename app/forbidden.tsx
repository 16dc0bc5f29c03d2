import { DeskShell } from "@/components/shell/desk-shell";
import { ForbiddenView } from "@/components/shell/forbidden-view";

// forbidden() thrown by a layout directly under the root (the console's, when an applicant opens
// /console) replaces that layout, so this page brings the desk frame. Pages inside the desk and the
// console have their own forbidden files.
export default function Forbidden() {
  return (
    <DeskShell>
      <ForbiddenView />
    </DeskShell>
  );
}
