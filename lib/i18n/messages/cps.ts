import { defineMessages } from "../define-messages";

// The certificate policy and certification practice statement published at /cps, which every
// certificate's certificatePolicies extension points to (id-qt-cps). Outline: RFC 3647 section 4.
// Bodies use the help article markup (components/help/article-body.tsx); {placeholders} are filled
// from the running desk's own values (CA_PROFILE, pkiUrls), so the page states what the desk does.
export const cps = defineMessages({
  "zh-CN": {
    metaTitle: "证书策略与电子认证业务规则（CP/CPS）",
    title: "证书策略与电子认证业务规则",
    lead: "本 CA 签发哪些证书、如何核验身份、如何保管密钥、如何撤销与公布证书状态。证书中的策略扩展指向本页。",
    notice: "本页按 RFC 3647 的章节编排。策略 OID 取自 IANA 保留给文档示例的企业号 1.3.6.1.4.1.32473（RFC 5612）：这是本软件的占位值，持牌电子认证服务机构上线前应替换为其经主管部门核准的 CP/CPS 的 OID 与文本。",
    englishLink: "English version",
    chineseLink: "中文版",
    body:
      "## 1 引言\n\n" +
      "- 1.1 概述：CertDesk 为公共资源交易的单位和个人签发 SM2 云证书。每个主体持有一对证书：签名证书（登录、签名）与加密证书（投标文件解密），分属两把不同的密钥。私钥采用两方协同方式生成和使用，任何时候都不以完整形式存在于任何一处。\n" +
      "- 1.2 文档名称与标识：个人证书策略 {individualOid}，单位证书策略 {unitOid}（同属 {arc}）。签发 CA 的证书同时列出这两个策略，终端证书列出其中一个，并以 id-qt-cps 限定符指向 {cpsUrl}。\n" +
      "- 1.3 参与方：根 CA（离线）、签发 CA、OCSP 响应者（签发 CA 委托）、审核员（注册机构职能）、订户（单位或个人）、依赖方（交易平台）。\n" +
      "- 1.4 证书用途：签名证书用于登录交易平台（clientAuth）、签署 CMS/PDF 文档（id-kp-documentSigning，RFC 9336）和电子邮件（emailProtection）；加密证书仅用于密钥加密、数据加密和密钥协商。不得用于 TLS 服务器或代码签名。\n" +
      "- 1.5 策略管理：本文由 CA 运营方维护，修订后在本页发布并注明更新日期。\n\n" +
      "## 2 发布与信息库\n\n" +
      "- CA 证书：{caIndexUrl}（JSON 索引），各 CA 证书 {caCertUrl}\n" +
      "- 证书撤销列表（CRL）：{crlUrl}\n" +
      "- 在线证书状态（OCSP）：{ocspUrl}\n" +
      "- 本文：{cpsUrl}\n\n" +
      "## 3 标识与鉴别\n\n" +
      "- 3.1 命名：单位证书主题为 C=CN, O=单位名称, CN=单位名称, serialNumber=统一社会信用代码；统一社会信用代码同时写入 GM/T 0015 扩展 1.2.156.10260.4.1.3，其中的 9 位组织机构代码写入 1.2.156.10260.4.1.4。个人证书主题为 C=CN, CN=姓名, serialNumber=主体标识：主体标识是 CA 为每位个人随机生成并长期保持的 32 位十六进制值，不由身份证号计算得出，续期、变更后保持不变；交易平台可通过 API（POST /api/v1/subjects/match）以其已掌握的身份证号查询。身份证号默认不写入证书，仅在依赖方要求且本人同意时写入 GM/T 0015 扩展 1.2.156.10260.4.1.1。\n" +
      "- 3.2 初始身份鉴别：个人的姓名与身份证号按渠道配置经手机号三要素、银行卡四要素或人脸识别等方式核验；单位经企业信息核验（如对公账户打款）、法定代表人授权（短信链接确认）和经办人实名核验，必要时提交盖章材料由审核员审查。\n" +
      "- 3.3 续期与重新生成密钥：续期在到期前 90 天内开放，重新核验身份后生成新密钥、签发新证书；证书补办（手机丢失）在新手机上重新生成签名密钥，并经 CA 审核。\n" +
      "- 3.4 撤销请求的鉴别：订户以 PIN 码或短信验证码加实名信息提出，单位管理员对本单位证书提出，CA 操作员按复核流程提出。\n\n" +
      "## 4 证书生命周期\n\n" +
      "- 4.1–4.3 申请、审核与签发：在线提交并支付后进入审核（渠道可要求两名审核员），通过后订户在手机上下载：手机与 CA 协同生成两把密钥，签发 CA 为联合公钥签发签名证书和加密证书。\n" +
      "- 4.4 证书接受：手机核对证书中的公钥确为其参与生成的密钥后保存。\n" +
      "- 4.5 密钥与证书的使用：每次签名或解密都需订户输入 PIN 码并由 CA 服务器完成其一半运算。\n" +
      "- 4.6–4.8 续期、重新生成密钥、变更：见 3.3；单位名称等信息变更时签发新证书，原证书被取代并撤销。\n" +
      "- 4.9 撤销：原因包括密钥泄露、信息变更、被取代、停止使用等；撤销立即生效，OCSP 随即回答 revoked，签发 CA 的 CRL 有效期 {crlHours} 小时，剩余四分之一时重新签发；不提供证书挂起。\n" +
      "- 4.10 证书状态服务：OCSP 回答有效期 {ocspHours} 小时，由委托响应者签名；响应者证书有效期 {responderDays} 天，剩余不足 {renewDays} 天时自动更换（新密钥），带 id-pkix-ocsp-nocheck。\n" +
      "- 4.12 密钥托管与恢复：仅加密密钥的手机端分量托管于密钥管理密钥，其私钥由多名保管人按门限方式分割保存；恢复需 CA 操作员批准和足够数量的保管人。签名密钥不托管。\n\n" +
      "## 5 设施、管理与运行控制\n\n" +
      "- 审计日志：每项业务操作在同一事务中写入哈希链式审计日志，任何修改均可被发现。\n" +
      "- 密钥更替：OCSP 响应者按 4.10 自动更替；签发 CA 由离线仪式更替，旧 CA 继续为其签发的证书提供状态服务。\n" +
      "- 可用性：状态与会话全部保存在数据库中，多实例运行。\n\n" +
      "## 6 技术安全控制\n\n" +
      "- 6.1 密钥对生成：SM2（GB/T 32918，256 位）。订户密钥两方协同生成，完整私钥从不存在；CA 密钥由密钥设备（可为硬件密码模块）生成和使用。\n" +
      "- 6.2 私钥保护：根 CA 私钥离线保存于口令加密的 PKCS#8 文件中，仅在仪式中使用；签发 CA 与响应者私钥在密钥设备或主密钥封装下保存。订户的手机分量以服务器在核验 PIN 后才释放的密钥加密；连续 5 次 PIN 错误锁定。\n" +
      "- 6.3 有效期：根 CA {rootYears} 年，签发 CA {issuingYears} 年，订户证书按所购年限（不超过签发 CA 有效期），OCSP 响应者 {responderDays} 天。\n\n" +
      "## 7 证书、CRL 与 OCSP 格式\n\n" +
      "X.509 v3，签名算法 SM2-with-SM3（1.2.156.10197.1.501），签名使用 GM/T 0009 默认用户标识 1234567812345678；序列号为 16 字节随机数；CRL 为 v2，OCSP 遵循 RFC 6960。逐字段说明见文档 docs/certificate-profile.md。\n\n" +
      "## 8 合规审计\n\n" +
      "持牌运营方按《电子认证服务管理办法》和密码应用安全性评估要求接受审计；本软件提供审计日志校验（npm run audit:verify）。\n\n" +
      "## 9 其他业务与法律事项\n\n" +
      "个人信息按《个人信息保护法》处理，身份证号不写入证书；服务协议与隐私政策见帮助中心。",
  },
  en: {
    metaTitle: "Certificate Policy and Certification Practice Statement (CP/CPS)",
    title: "Certificate Policy and Certification Practice Statement",
    lead: "Which certificates this CA issues, how it checks identities, keeps keys, revokes and publishes status. The policy extension of every certificate points here.",
    notice: "Structured after RFC 3647. The policy OIDs use 1.3.6.1.4.1.32473, the enterprise number IANA reserves for documentation (RFC 5612): a placeholder of this software, which a licensed CA replaces with the OIDs and text of its approved CP/CPS before going live.",
    englishLink: "English version",
    chineseLink: "中文版",
    body:
      "## 1 Introduction\n\n" +
      "- 1.1 Overview: CertDesk issues SM2 cloud certificates to organisations and individuals for public-resource trading. Each subject holds a pair: a signing certificate (login, signatures) and an encryption certificate (bid decryption), on two different keys. Private keys are generated and used by two parties jointly and never exist whole anywhere.\n" +
      "- 1.2 Document name and identification: individual policy {individualOid}, organisation policy {unitOid} (both under {arc}). The issuing CA's certificate lists both, each end-entity certificate one of them, with an id-qt-cps qualifier pointing to {cpsUrl}.\n" +
      "- 1.3 Participants: the root CA (offline), the issuing CA, the OCSP responder (delegated by the issuing CA), reviewers (registration authority), subscribers (organisations, individuals), relying parties (trading platforms).\n" +
      "- 1.4 Certificate usage: signing certificates log in to platforms (clientAuth), sign CMS/PDF documents (id-kp-documentSigning, RFC 9336) and mail (emailProtection); encryption certificates only encipher keys and data and agree keys. Not for TLS servers or code signing.\n" +
      "- 1.5 Policy administration: maintained by the CA operator; revisions are published here with their date.\n\n" +
      "## 2 Publication and repository\n\n" +
      "- CA certificates: {caIndexUrl} (JSON index), each CA's certificate at {caCertUrl}\n" +
      "- Certificate revocation list (CRL): {crlUrl}\n" +
      "- Online status (OCSP): {ocspUrl}\n" +
      "- This document: {cpsUrl}\n\n" +
      "## 3 Identification and authentication\n\n" +
      "- 3.1 Naming: an organisation's subject is C=CN, O=name, CN=name, serialNumber=unified social credit code (USCC); the USCC also goes into the GM/T 0015 extension 1.2.156.10260.4.1.3 and the 9-character organisation code inside it into 1.2.156.10260.4.1.4. An individual's subject is C=CN, CN=name, serialNumber=subject identifier: 32 hex characters the CA generates at random once per person and keeps, not computed from the ID number, unchanged by renewal and change; a trading platform asks for it with the ID number it already holds (POST /api/v1/subjects/match). The ID number is not in the certificate unless a relying party requires it and the person consents (then only in the GM/T 0015 extension 1.2.156.10260.4.1.1).\n" +
      "- 3.2 Initial identity validation: an individual's name and ID number by a phone three-element, bank-card four-element or face check, as the channel requires; an organisation by an enterprise check (e.g. a deposit to its corporate account), the legal representative's authorisation (confirmed by SMS link) and the handler's real-name check, with stamped documents reviewed where required.\n" +
      "- 3.3 Renewal and re-key: renewal opens 90 days before expiry, with identity checked again, new keys and new certificates; a reissue after a lost phone generates a new signing key on the new phone and is reviewed by the CA.\n" +
      "- 3.4 Revocation requests: by the subscriber (PIN, or SMS code plus identity data), an organisation's administrator for its certificates, or CA operators under a second-operator review.\n\n" +
      "## 4 Certificate life cycle\n\n" +
      "- 4.1–4.3 Application, review, issuance: applied for and paid online, then reviewed (a channel may require two reviewers); the subscriber downloads on the phone: phone and CA generate two keys jointly and the issuing CA certifies the joint public keys.\n" +
      "- 4.4 Acceptance: the phone checks that each certificate names the key it helped generate before storing it.\n" +
      "- 4.5 Key and certificate usage: every signature and decryption needs the subscriber's PIN and the CA server's half of the computation.\n" +
      "- 4.6–4.8 Renewal, re-key, modification: see 3.3; a change of details (e.g. an organisation's name) issues new certificates and revokes the superseded ones.\n" +
      "- 4.9 Revocation: for key compromise, changed details, supersession, cessation and the like; effective at once, OCSP answers revoked immediately, the issuing CA's CRL lives {crlHours} hours and is re-issued with a quarter left; no suspension.\n" +
      "- 4.10 Status services: OCSP answers are valid {ocspHours} hours and signed by the delegated responder, whose certificate lives {responderDays} days, carries id-pkix-ocsp-nocheck and is replaced automatically (new key) once fewer than {renewDays} days are left.\n" +
      "- 4.12 Key escrow and recovery: only the phone's share of the encryption key is escrowed, to a key-management key whose private half is split among custodians (threshold); recovery needs a CA operator's approval and enough custodians. Signing keys are never escrowed.\n\n" +
      "## 5 Facility, management and operational controls\n\n" +
      "- Audit logging: every operation writes a hash-chained audit entry in its own transaction, so any edit is detectable.\n" +
      "- Key changeover: the OCSP responder as in 4.10; the issuing CA by an offline ceremony, the old one keeps answering for what it issued.\n" +
      "- Availability: all state is in the database; several instances run at once.\n\n" +
      "## 6 Technical security controls\n\n" +
      "- 6.1 Key pair generation: SM2 (GB/T 32918, 256 bits). Subscriber keys jointly by two parties, never whole; CA keys by the key device (which may be a hardware security module).\n" +
      "- 6.2 Private key protection: the root CA key offline in a passphrase-encrypted PKCS#8 file, used only in ceremonies; the issuing CA's and responder's keys in the key device or sealed under the master key. The phone's share is encrypted under a key the server releases only after checking the PIN; 5 wrong PINs lock it.\n" +
      "- 6.3 Validity: root CA {rootYears} years, issuing CA {issuingYears} years, subscriber certificates the years bought (never beyond the issuing CA), OCSP responder {responderDays} days.\n\n" +
      "## 7 Certificate, CRL and OCSP profiles\n\n" +
      "X.509 v3, SM2-with-SM3 (1.2.156.10197.1.501) signatures with the GM/T 0009 default user ID 1234567812345678; 16-byte random serial numbers; v2 CRLs; OCSP per RFC 6960. Field by field: docs/certificate-profile.md.\n\n" +
      "## 8 Compliance audit\n\n" +
      "A licensed operator is audited under the Measures for the Administration of Electronic Certification Services and the commercial-cryptography application assessment; the software verifies its audit chain (npm run audit:verify).\n\n" +
      "## 9 Other business and legal matters\n\n" +
      "Personal information is handled under the Personal Information Protection Law; ID numbers are not put into certificates. The service agreement and privacy policy are in the help center.",
  },
});
