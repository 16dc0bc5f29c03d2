import { NotFoundView } from "@/components/shell/not-found-view";

// notFound() in a console page (an order or user that does not exist): the console frame stays.
export default function ConsoleNotFound() {
  return <NotFoundView />;
}
