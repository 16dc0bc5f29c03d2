import type { TRevocationUrls } from "@/lib/pki/x509/common.types";

// Fixed names of the demo CA. The identity numbers carry valid check characters but belong to
// no one (the USCC's registration part and the ID number's sequence are made up).

const BASE = "http://pki.certdesk.example";

export const DEMO_URLS = {
  root: { crlDistributionPoints: [`${BASE}/crl/root.crl`], ocsp: [], caIssuers: [`${BASE}/certs/root.cer`] },
  issuing: { crlDistributionPoints: [`${BASE}/crl/ca.crl`], ocsp: [`${BASE}/ocsp`], caIssuers: [`${BASE}/certs/ca.cer`] },
} satisfies Record<string, TRevocationUrls>;

export const DEMO_ORG = "CertDesk 演示单位有限公司";
export const DEMO_USCC = "91330106MA2GL3QX1J";
export const DEMO_PERSON = "张三";
export const DEMO_ID_NUMBER = "11010519491231002X";
/** The demo person's DN serialNumber: a subject identifier as the desk makes them (random, not from the number). */
export const DEMO_SUBJECT_ID = "5F0C2A9E71B34D8CA6E1D2F3B4C5D6E7";
export const DEMO_DATA = new TextEncoder().encode("CertDesk demo: 投标文件 (bid document) signed with a split SM2 key.\n");

const DAY_MS = 24 * 3600 * 1000;

/** Validity windows starting an hour ago, so clocks a little behind still accept them. */
export function demoValidity(now: Date, days: number): { notBefore: Date; notAfter: Date } {
  return { notBefore: new Date(now.getTime() - 3600 * 1000), notAfter: new Date(now.getTime() + days * DAY_MS) };
}
