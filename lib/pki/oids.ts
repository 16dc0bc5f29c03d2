// Object identifiers used across the PKI code. Chinese national algorithms come from GM/T 0006;
// the identity extensions from GM/T 0015 (digital certificate format).
export const OID = {
  // Algorithms
  sm2WithSm3: "1.2.156.10197.1.501",
  sm2Sign: "1.2.156.10197.1.301.1", // some GM/T 0010 CMS tools put the key OID here instead of 501
  sm2Curve: "1.2.156.10197.1.301",
  sm3: "1.2.156.10197.1.401",
  ecPublicKey: "1.2.840.10045.2.1",
  sha1: "1.3.14.3.2.26",
  sha256: "2.16.840.1.101.3.4.2.1",

  // Name attributes
  countryName: "2.5.4.6",
  organizationName: "2.5.4.10",
  organizationalUnitName: "2.5.4.11",
  commonName: "2.5.4.3",
  serialNumber: "2.5.4.5",
  localityName: "2.5.4.7",
  stateOrProvinceName: "2.5.4.8",

  // Certificate and CRL extensions (RFC 5280)
  subjectKeyIdentifier: "2.5.29.14",
  keyUsage: "2.5.29.15",
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
  crlNumber: "2.5.29.20",
  crlReason: "2.5.29.21",
  crlDistributionPoints: "2.5.29.31",
  certificatePolicies: "2.5.29.32",
  authorityKeyIdentifier: "2.5.29.35",
  extKeyUsage: "2.5.29.37",
  authorityInfoAccess: "1.3.6.1.5.5.7.1.1",
  adOcsp: "1.3.6.1.5.5.7.48.1",
  adCaIssuers: "1.3.6.1.5.5.7.48.2",

  // Extended key usages
  kpServerAuth: "1.3.6.1.5.5.7.3.1",
  kpClientAuth: "1.3.6.1.5.5.7.3.2",
  kpEmailProtection: "1.3.6.1.5.5.7.3.4",
  kpOcspSigning: "1.3.6.1.5.5.7.3.9",
  kpDocumentSigning: "1.3.6.1.5.5.7.3.36", // RFC 9336

  // Policy qualifiers (RFC 5280 4.2.1.4)
  qtCps: "1.3.6.1.5.5.7.2.1",

  // OCSP (RFC 6960)
  ocspBasic: "1.3.6.1.5.5.7.48.1.1",
  ocspNonce: "1.3.6.1.5.5.7.48.1.2",
  ocspNoCheck: "1.3.6.1.5.5.7.48.1.5",

  // CMS (RFC 5652)
  cmsData: "1.2.840.113549.1.7.1",
  cmsSignedData: "1.2.840.113549.1.7.2",
  attrContentType: "1.2.840.113549.1.9.3",
  attrMessageDigest: "1.2.840.113549.1.9.4",
  attrSigningTime: "1.2.840.113549.1.9.5",

  // GM/T 0015 identity extensions
  gmIdentityCardNumber: "1.2.156.10260.4.1.1", // 个人身份标识码 (IdentifyCode)
  gmBusinessRegistrationNumber: "1.2.156.10260.4.1.3", // 企业工商注册号: the 统一社会信用代码 since 三证合一
  gmOrganizationCode: "1.2.156.10260.4.1.4", // 企业组织机构代码 (9 characters, GB 11714)
} as const;
