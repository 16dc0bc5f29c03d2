import { describe, expect, it } from "vitest";
import { bytesToHex } from "@/lib/pki/encoding";
import { sm3 } from "@/lib/pki/sm3";
import { documentSize, shortFingerprint, signDocumentFacts } from "@/lib/phone/sign-document-facts";

// The signing confirmation's document facts (issue 18, friction 3): what the holder reads before the PIN.
describe("signDocumentFacts", () => {
  // GB/T 32905 / GM/T 0004 test vector: SM3("abc") = 66c7f0f4 62eeedd9 … 297da02b 8f4ba8e0.
  const digest = bytesToHex(sm3(new TextEncoder().encode("abc")));

  it("shows the platform's document: file name with extension, size, pages, and the digest's first and last 8 hex digits grouped", () => {
    expect(digest).toBe("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    const facts = signDocumentFacts({ title: "投标文件", digest, document: { fileName: "投标文件.pdf", sizeBytes: 1_536_000, pages: 12 } });
    expect(facts).toEqual({ title: "投标文件", fileName: "投标文件.pdf", size: { unit: "mb", value: "1.5" }, pages: 12, fingerprint: "66c7 f0f4 … 8f4b a8e0", digest });
  });

  it("falls back to the title (and the fingerprint) when the platform sends no document, or a malformed one", () => {
    for (const document of [undefined, null, "bid.pdf", { sizeBytes: 3 }, { fileName: "" }]) {
      expect(signDocumentFacts({ title: "bid", digest: digest.toUpperCase(), document })).toEqual({ title: "bid", fileName: null, size: null, pages: null, fingerprint: "66c7 f0f4 … 8f4b a8e0", digest });
    }
    expect(signDocumentFacts({ title: "bid", digest, document: { fileName: "bid.pdf" } })).toMatchObject({ fileName: "bid.pdf", size: null, pages: null });
    expect(signDocumentFacts({ title: "x" })).toMatchObject({ fingerprint: null, digest: null });
  });

  it("sizes as a file manager shows them", () => {
    expect(documentSize(0)).toEqual({ unit: "bytes", value: "0" });
    expect(documentSize(1023)).toEqual({ unit: "bytes", value: "1023" });
    expect(documentSize(1024)).toEqual({ unit: "kb", value: "1.0" });
    expect(documentSize(20_480)).toEqual({ unit: "kb", value: "20" });
    expect(documentSize(10 * 1024 * 1024)).toEqual({ unit: "mb", value: "10" });
  });

  it("groups a short value whole", () => {
    expect(shortFingerprint("ABCDEF0123")).toBe("abcd ef01 23");
  });
});
