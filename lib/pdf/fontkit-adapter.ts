import * as fontkit from "fontkit";
import type { PDFDocument } from "pdf-lib";

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];

// pdf-lib is built for @pdf-lib/fontkit, an old fork whose subsetter corrupts TrueType CJK fonts
// (short-format loca without padding: most Chinese glyphs render blank). Upstream fontkit 2 subsets
// correctly but returns the subset from encode() instead of the old encodeStream(); this adapter
// gives pdf-lib the stream shape it reads ('data' then 'end').
type Subset = { encode(): Uint8Array; encodeStream?: () => unknown };
type Listener = (arg?: unknown) => void;

function streamOf(bytes: () => Uint8Array) {
  const listeners: Record<string, Listener[]> = {};
  setTimeout(() => {
    try {
      const data = bytes();
      listeners.data?.forEach((l) => l(data));
      listeners.end?.forEach((l) => l());
    } catch (err) {
      listeners.error?.forEach((l) => l(err));
    }
  }, 0);
  const stream = {
    on(event: string, listener: Listener) {
      (listeners[event] ??= []).push(listener);
      return stream;
    },
  };
  return stream;
}

export const fontkitForPdfLib: Fontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    const font = fontkit.create(data, postscriptName) as unknown as { createSubset(): Subset };
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      subset.encodeStream = () => streamOf(() => subset.encode());
      return subset;
    };
    return font as unknown as ReturnType<Fontkit["create"]>;
  },
};
