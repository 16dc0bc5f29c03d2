// Applicant A's resources, made through the desk's own HTTP surface (fixture routes where the real
// flow needs a browser or days): orders in several states, a material, an identity check, a
// payment and its invoice, a downloaded certificate with its key shares, a bound scan request.
// The route-guard spec then calls every handler as applicant B with these ids.
import { expect, type APIRequestContext } from "@playwright/test";
import { bytesToHex, hexToBytes } from "../../../lib/pki/encoding";
import { escrowShare } from "../../../lib/pki/escrow";
import { generateKeyPair, getPublicKey } from "../../../lib/pki/sm2";
import { finishKeygen, startKeygen, startSign, TWO_PARTY_VERSION, type TDecryptRequest, type TKeygenResponse, type TSignRequest } from "../../../lib/pki/two-party";
import { DEMO } from "../fixtures/auth";
import type { ActionEntry } from "../../support/route-table";
import { callAction, goesToLogin } from "./call-action";
import { loginRequestAs, loginRequestWithPassword, type NewRequest } from "./login";

export type OwnedResources = {
  phone: string;
  /** IN_REVIEW (fixture order). */
  orderId: string;
  /** DRAFT, opened by startOrderAction. */
  draftOrderId: string | null;
  /** APPROVED, then COMPLETED by the download below. */
  approvedOrderId: string | null;
  paidOrderId: string | null;
  paymentId: string | null;
  invoiceId: string | null;
  materialId: string | null;
  identityCheckId: string | null;
  certificateId: string | null;
  keyShareId: string | null;
  encryptKeyShareId: string | null;
  /** A's key recovery of the encryption share (REQUESTED). */
  recoveryId: string | null;
  scanRequestId: string | null;
  scanToken: string | null;
  /** HTTP Basic credentials of a second trading platform (not the one that made A's scan request). */
  otherPlatformAuth: string | null;
  /** What could not be made, and why (printed; the ids above are then placeholders). */
  notes: string[];
};

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

export const PIN = "592614";
export const NEW_PIN = "730518";

/** Well-formed two-party messages (valid points, fresh nonces), so a refusal is about who asks, not the shape. */
export function keygenRequest() {
  return startKeygen().request;
}
export function signRequestFor(keyId: string): TSignRequest {
  const point = hexToBytes(startKeygen().request.P1);
  return startSign({ keyId, message: new TextEncoder().encode("route guard"), publicKey: point }).request;
}
export function decryptRequestFor(keyId: string): TDecryptRequest {
  const { nonce, P1 } = startKeygen().request;
  return { v: TWO_PARTY_VERSION, kind: "decrypt-request", keyId, nonce, T1: P1 };
}

type Actions = Map<string, ActionEntry>;

async function json<T>(res: { ok(): boolean; status(): number; text(): Promise<string> }, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok()) throw new Error(`${what}: ${res.status()} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

function action(actions: Actions, key: string): ActionEntry {
  const a = actions.get(key);
  if (!a) throw new Error(`action ${key} is not in the build's manifest`);
  return a;
}

/** A seeded staff account, signed in with the password and its second factor passed (the login fixture's passkey). */
async function staffSession(newRequest: NewRequest, phone: string) {
  const request = await newRequest();
  await loginRequestWithPassword(request, phone);
  return request;
}

async function jointKey(api: APIRequestContext, orderId: string, usage: "SIGN" | "ENCRYPT") {
  const { d1, request } = startKeygen();
  const res = await api.post("/api/m/keygen", { data: { orderId, usage, request } });
  const body = await json<{ keyShareId: string; publicKey: string; response: TKeygenResponse; escrowKey?: { id: string; publicKey: string } }>(res, `keygen ${usage}`);
  const publicKey = bytesToHex(finishKeygen({ d1, request, response: body.response }));
  expect(publicKey).toBe(body.publicKey);
  return { keyShareId: body.keyShareId, d1, publicKey, escrowKey: body.escrowKey };
}

/** Everything applicant A owns; each step that fails is noted and leaves its ids null. */
export async function createOwnedResources({ newRequest, a, actions }: { newRequest: NewRequest; a: APIRequestContext; actions: Actions }): Promise<OwnedResources> {
  const notes: string[] = [];
  const attempt = async <T>(what: string, fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch (err) {
      notes.push(`${what}: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
      return null;
    }
  };
  const phone = await loginRequestAs(a);
  const fixture = async () => json<{ orderId: string; no: string }>(await a.post("/api/m/dev/fixture-order", { data: { fourEyes: false } }), "fixture order");
  const { orderId } = await fixture();

  const draftOrderId = await attempt("draft order (startOrderAction)", async () => {
    const call = await callAction(a, action(actions, "lib/actions/orders/start-actions.ts#startOrderAction"), { form: { subjectType: "INDIVIDUAL", channel: "demo" } });
    const id = /\/apply\/(?:individual|unit)\/([^/]+)\//.exec(call.redirect ?? "")?.[1];
    if (!id || goesToLogin(call.redirect)) throw new Error(`no wizard redirect (${call.status} ${call.redirect ?? call.text.slice(0, 200)})`);
    return id;
  });

  const materialId = draftOrderId
    ? await attempt("material upload", async () => {
        const res = await a.post(`/api/orders/${draftOrderId}/materials`, {
          multipart: { kind: "ID_FRONT", file: { name: "id-front.png", mimeType: "image/png", buffer: TINY_PNG } },
        });
        return (await json<{ id: string }>(res, "material upload")).id;
      })
    : null;

  const identityCheckId = await attempt("identity check", async () => {
    const res = await a.post("/api/identity-checks", {
      data: { method: "PHONE3", role: "APPLICANT", subject: { name: "张三", idNumber: "11010519491231002X", phone: "13800138000" } },
    });
    return (await json<{ checkId: string }>(res, "identity check")).checkId;
  });

  const paid = await attempt("payment and invoice", async () => {
    const order = await json<{ orderId: string }>(await a.post("/api/dev/sandbox-order", { data: { invoiceEmail: "guard-a@example.test" } }), "sandbox order");
    const { paymentId } = await json<{ paymentId: string }>(await a.post(`/api/orders/${order.orderId}/payments`, { data: { method: "wechat_pay" } }), "payment");
    const pay = await callAction(a, action(actions, "lib/actions/payments/sandbox-payment-actions.ts#confirmSandboxPaymentAction"), [paymentId]);
    if (!(pay.result as { ok?: boolean } | undefined)?.ok) throw new Error(`sandbox payment not confirmed: ${pay.status} ${pay.text.slice(0, 200)}`);
    return { paidOrderId: order.orderId, paymentId };
  });
  // The invoice is issued with the payment and e-mailed; the desk shows its link on the order page (if it does).
  const invoiceId = paid
    ? await attempt("invoice", async () => {
        const page = await a.get(`/orders/${paid.paidOrderId}`);
        const id = /\/api\/invoices\/([A-Za-z0-9_-]+)/.exec(await page.text())?.[1];
        if (!id) throw new Error("the paid order's page links no invoice");
        return id;
      })
    : null;

  // Approval needs a reviewer with a second factor; then the two-party download, as the phone does it.
  const approvedOrderId = await attempt("approved order", async () => {
    const { orderId: id } = await fixture();
    const reviewer = await staffSession(newRequest, DEMO.reviewer);
    try {
      const call = await callAction(reviewer, { ...action(actions, "lib/actions/reviews/review-actions.ts#approveOrderAction"), pagePath: `/console/reviews/${id}` }, [{ orderId: id }]);
      const result = call.result as { ok?: boolean; data?: { outcome?: string } } | undefined;
      if (result?.data?.outcome !== "APPROVED") throw new Error(`approve: ${call.status} ${call.text.slice(0, 200)}`);
    } finally {
      await reviewer.dispose();
    }
    return id;
  });
  const download = approvedOrderId
    ? await attempt("certificate download", async () => {
        const sign = (await jointKey(a, approvedOrderId, "SIGN")).keyShareId;
        const enc = await jointKey(a, approvedOrderId, "ENCRYPT");
        const encrypt = enc.keyShareId;
        const escrow = escrowShare({ d1: enc.d1, kmk: enc.escrowKey!, orderId: approvedOrderId, signKeyShareId: sign, encryptKeyShareId: encrypt, publicKey: enc.publicKey });
        const res = await a.post(`/api/m/orders/${approvedOrderId}/certificates`, { data: { orderId: approvedOrderId, signKeyShareId: sign, encryptKeyShareId: encrypt, pin: PIN, escrow } });
        const issued = await json<{ certificates: Array<{ id: string; usage: string; keyShareId: string }> }>(res, "issue");
        return { certificateId: issued.certificates.find((c) => c.usage === "SIGN")!.id, keyShareId: sign, encryptKeyShareId: encrypt };
      })
    : null;

  // A's request to recover the escrowed encryption share to a (pretend) new phone's transport key.
  const recoveryId = download
    ? await attempt("key recovery", async () => {
        const transport = bytesToHex(getPublicKey(generateKeyPair().privateKey));
        const res = await a.post(`/api/m/keys/${download.encryptKeyShareId}/recovery`, { data: { transportPublicKey: transport } });
        return (await json<{ id: string }>(res, "key recovery")).id;
      })
    : null;

  // A scan request from the demo platform (it calls /api/v1 with its own credentials), bound to A.
  const scan = await attempt("scan request", async () => {
    const visitor = await newRequest();
    try {
      // As the demo page does: no body (the steps route takes multipart for the bid upload only).
      const res = await visitor.post("/demo/tender/api/steps/login");
      const { scan } = await json<{ scan: { id: string; qrContent?: string } }>(res, "demo login step");
      const token = /\/m\/s\/([A-Za-z0-9_-]+)/.exec(scan.qrContent ?? JSON.stringify(scan))?.[1];
      if (!token) throw new Error(`no QR token in ${JSON.stringify(scan).slice(0, 200)}`);
      const opened = await a.post("/api/m/scan/open", { data: { token } });
      const body = await json<{ id?: string; requestId?: string }>(opened, "scan open");
      return { scanRequestId: body.id ?? body.requestId ?? scan.id, scanToken: token };
    } finally {
      await visitor.dispose();
    }
  });

  // A second platform, registered by the CA admin as the console does it: it must not see the demo platform's requests.
  const otherPlatformAuth = await attempt("second platform", async () => {
    const admin = await staffSession(newRequest, DEMO.admin);
    try {
      const code = `guard-${Date.now().toString(36)}`;
      const call = await callAction(admin, action(actions, "lib/actions/platforms/platform-actions.ts#createPlatformAction"), [
        { code, name: "路由守卫测试平台", callbackUrls: "https://guard.example.test/callback" },
      ]);
      const created = (call.result as { ok?: boolean; data?: { clientId: string; clientSecret: string } } | undefined)?.data;
      if (!created) throw new Error(`createPlatformAction: ${call.status} ${call.text.slice(0, 200)}`);
      return `Basic ${Buffer.from(`${created.clientId}:${created.clientSecret}`).toString("base64")}`;
    } finally {
      await admin.dispose();
    }
  });

  return {
    phone,
    orderId,
    draftOrderId,
    approvedOrderId,
    paidOrderId: paid?.paidOrderId ?? null,
    paymentId: paid?.paymentId ?? null,
    invoiceId,
    materialId,
    identityCheckId,
    certificateId: download?.certificateId ?? null,
    keyShareId: download?.keyShareId ?? null,
    encryptKeyShareId: download?.encryptKeyShareId ?? null,
    recoveryId,
    scanRequestId: scan?.scanRequestId ?? null,
    scanToken: scan?.scanToken ?? null,
    otherPlatformAuth,
    notes,
  };
}
