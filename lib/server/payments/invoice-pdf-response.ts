/** An invoice or red-letter note PDF as the desk and the console serve it: a PDF we generated, so inline, never cached. */
export function invoicePdfResponse(inv: { bytes: Uint8Array; kind: string; number: string }): Response {
  return new Response(Buffer.from(inv.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${inv.kind === "RED" ? "credit-note" : "invoice"}-${inv.number}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
