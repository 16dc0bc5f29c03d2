import { ForbiddenView } from "@/components/shell/forbidden-view";

// forbidden() in a console page (e.g. a reviewer opening an admin-only section): the console frame stays.
export default function ConsoleForbidden() {
  return <ForbiddenView />;
}
