import { NotFoundView } from "@/components/shell/not-found-view";

// notFound() in a desk page: the desk layout stays around it.
export default function DeskNotFound() {
  return <NotFoundView />;
}
