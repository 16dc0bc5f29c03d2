// fontkit 2 ships no types; pdf-lib only needs its `create` (see pdf-lib's Fontkit interface).
declare module "fontkit" {
  import type { PDFDocument } from "pdf-lib";
  type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];
  const fontkit: Fontkit;
  export default fontkit;
  export const create: Fontkit["create"];
}
