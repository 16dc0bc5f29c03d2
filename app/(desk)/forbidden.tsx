import { ForbiddenView } from "@/components/shell/forbidden-view";

// forbidden() in a desk page: the desk layout stays around it.
export default function DeskForbidden() {
  return <ForbiddenView />;
}
