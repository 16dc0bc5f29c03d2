import { defineMessages } from "../define-messages";

// Help center texts. Article bodies use a tiny markup rendered by components/help/article-body.tsx:
// blocks are separated by a blank line; "## " starts a heading, lines starting "- " form a list,
// lines starting "1. " a numbered list; anything else is a paragraph.
export const help = defineMessages({
  "zh-CN": {
    metaTitle: "帮助中心",
    title: "帮助中心",
    lead: "云证书办理与使用中的常见问题、服务协议与隐私政策。",
    faqTitle: "常见问题",
    legalTitle: "协议与政策",
    contactTitle: "联系我们",
    contactLead: "没有找到答案？欢迎致电客服。",
    readMore: "查看详情",
    allArticles: "全部帮助文章",
    backToHelp: "返回帮助中心",
    updated: "更新日期：{date}",
    phoneLabel: "客服电话",
    hoursLabel: "服务时间",
    hours: "工作日 8:30–17:30（法定节假日除外）",
    articles: {
      whatIsCloudCertificate: {
        title: "什么是云证书？",
        summary: "云证书是 CA 签发的数字证书，私钥分割保存在您的手机和 CA 服务器中，用手机扫码即可登录交易平台、签章和解密。",
        body: "云证书是由电子认证服务机构（CA）签发、用于在网上证明单位或个人身份的数字证书，作用与传统的 U 盾（USB Key）证书相同。\n\n## 与 U 盾有什么不同\n\n- 私钥不再保存在一个可被借用、遗失的硬件里，而是分割为两部分：一部分保存在您的手机 App 中（受 PIN 码保护），另一部分保存在 CA 的服务器中。\n- 签名时两部分协同运算，任何一方单独都无法签名，CA 也不能代您签名。\n- 不需要安装驱动、插拔 U 盾，在电脑上扫码即可使用。\n\n## 能做什么\n\n- 登录公共资源交易平台；\n- 为投标文件加盖电子印章并进行数字签名；\n- 开标时解密本单位的投标文件。\n\n## 法律效力\n\n依据《中华人民共和国电子签名法》，可靠的电子签名与手写签名或者盖章具有同等的法律效力。",
      },
      forgotPin: {
        title: "忘记 PIN 码怎么办？",
        summary: "PIN 码只保存在您的手机中，CA 和客服都无法查看或找回。请在订单管理中为该证书申请补办，重新认证后设置新 PIN 码。",
        body: "PIN 码用于在手机上确认每一次登录、签章和解密。为了安全，PIN 码只由您本人掌握，CA 和客服都无法查看、也无法找回。\n\n## 处理方法\n\n1. 不要反复尝试：连续输错 PIN 码达到上限后，手机中的证书会被锁定，以防他人猜测。\n2. 登录本服务台，在「订单管理」中找到该证书，申请补办。\n3. 按页面提示重新完成实名认证。\n4. 审核通过后，在手机 App 中重新下载证书并设置新的 PIN 码。原手机中的证书将失效。\n\n## 温馨提示\n\n- PIN 码请勿使用生日、连续或重复的数字；\n- 不要把 PIN 码告诉他人，包括自称客服的人员。",
      },
      lostPhone: {
        title: "手机丢失怎么办？",
        summary: "他人没有 PIN 码无法使用您的证书。请尽快补办证书或吊销证书；无法登录时请致电客服。",
        body: "云证书的一部分私钥保存在您的手机中，但没有 PIN 码无法使用，连续输错 PIN 码还会锁定证书，因此手机丢失并不意味着证书立即被盗用。请尽快按以下步骤处理：\n\n1. 如需使用原手机号接收短信验证码，请先到运营商补办手机卡。\n2. 在新手机上登录本服务台，在「订单管理」中对该证书申请补办，重新认证后下载证书；补办后旧手机中的密钥立即失效。\n3. 如果证书已不再需要，或怀疑证书已被他人使用，请直接吊销证书。\n4. 无法登录本服务台时，请致电客服 {phone}，我们会协助您核实身份并处理。\n\n注意：吊销后，用该证书加密、尚未开标的投标文件将无法解密。如有未开标的项目，请优先选择补办。",
      },
      loginPlatform: {
        title: "如何用云证书登录交易平台？",
        summary: "在交易平台登录页选择扫码登录，用云证书 App 扫码，核对平台名称后输入 PIN 码确认即可。",
        body: "本服务台签发的云证书可登录已接入的公共资源交易平台。\n\n## 登录步骤\n\n1. 在电脑上打开交易平台的登录页，选择「云证书登录」或「扫码登录」。\n2. 打开手机上的云证书 App，点击「扫一扫」，扫描页面上的二维码。\n3. 核对 App 中显示的平台名称和操作内容，确认无误后输入 PIN 码。\n4. 电脑页面自动完成登录。\n\n## 首次使用\n\n部分平台在首次登录时需要同步或绑定证书主体信息，请按平台页面提示在 App 中扫码确认。\n\n## 扫码失败时\n\n- 二维码有有效期，过期后请刷新页面重新扫码；\n- 检查手机网络，确认手机时间准确；\n- 确认证书在有效期内、未被吊销。",
      },
      invoice: {
        title: "如何开具发票？",
        summary: "支付成功后可在订单中申请电子发票，单位证书的发票抬头须与证书主体一致。",
        body: "## 申请方式\n\n支付成功后，在「订单管理」中打开该订单（已完成的订单可点「发票」），选择「申请发票」，填写接收邮箱等开票信息并提交；在手机 App 中也可以通过「我的 → 开票管理」申请和下载。\n\n## 开票信息有误\n\n在发票下方选择「重开发票」并修改信息：原发票将开具红字发票冲销（红冲），同时开具一张新发票，新旧发票均可下载，并一起发送到您的邮箱。\n\n## 开票规则\n\n- 单位证书的发票抬头须与证书主体名称一致，并填写统一社会信用代码作为纳税人识别号；\n- 个人证书可开具个人抬头发票；\n- 可选的发票类型以开票页面为准；\n- 电子发票开具后发送到您填写的邮箱，也可在订单中下载。\n\n## 退款与发票\n\n订单退款时，已开具的发票将按规定作废或红冲。",
      },
      reviewTime: {
        title: "审核需要多长时间？",
        summary: "提交申请并完成支付后，CA 审核一般需要 3–5 个工作日，结果会短信通知您。",
        body: "提交申请并完成支付后，CA 审核员会核对您的实名认证结果与上传的材料，一般需要 3–5 个工作日（法定节假日顺延）。\n\n- 审核结果会通过短信通知您，您也可以随时在「订单管理」中查看进度；\n- 选择线下递交纸质材料的，审核时间自收到材料之日起计算；\n- 申请被驳回时，我们会说明原因，您修改后可重新提交，无需重复支付；\n- 材料清晰、信息与营业执照或身份证一致，可以减少驳回。",
      },
      agreement: {
        title: "云证书用户服务协议",
        summary: "申请和使用云证书时，您与 CA 之间的权利义务。",
        body: "版本：1.0　　生效日期：2026 年 11 月\n\n欢迎使用云证书服务台。本协议是您（以下称「订户」）与本电子认证服务机构（以下称「CA」）之间关于申请、使用云证书的约定。请您在申请前仔细阅读，特别是第四条、第七条关于责任的约定。您在线签署本协议或使用本服务，即表示同意本协议全部内容。本协议未尽事宜，依照 CA 公布的《电子认证业务规则》（CPS）执行。\n\n## 一、定义\n\n- 云证书：CA 依法签发、私钥以分割方式由订户手机与 CA 服务器分别保存的数字证书。\n- 订户：申请并持有云证书的单位或个人；单位证书由其法定代表人或经授权的经办人代为办理。\n- PIN 码：订户在手机 App 中设置、用于确认每次使用证书的口令。\n\n## 二、申请与审核\n\n1. 订户应提供真实、准确、完整的身份信息和材料，并对其真实性负责。\n2. CA 依据《中华人民共和国电子签名法》和《电子认证服务管理办法》对订户身份进行审核，有权拒绝签发不符合要求的申请，并说明理由。\n3. 经办人代单位办理的，应取得法定代表人的合法授权。\n\n## 三、证书的使用\n\n1. 云证书仅用于订户本人（本单位）依法开展的公共资源交易等活动，不得转让、出借或用于违法用途。\n2. 每次登录、签章和解密均需订户在手机上核对并确认，订户应仔细核对 App 显示的操作内容。\n\n## 四、私钥与 PIN 码的保管\n\n1. 订户应妥善保管手机和 PIN 码，不得告知他人。依据《电子签名法》，订户知悉电子签名制作数据已经失密或者可能已经失密时，应当及时告知有关各方，并终止使用该电子签名制作数据。\n2. 手机丢失、PIN 码泄露或怀疑证书被他人使用时，订户应及时申请补办或吊销证书。\n3. 因订户未妥善保管手机、PIN 码或未及时吊销证书造成的损失，由订户自行承担。\n\n## 五、证书的更新、变更与吊销\n\n1. 证书有效期届满前，订户可申请更新；证书信息发生变化时，应及时申请变更。\n2. 有下列情形之一的，CA 可以吊销证书：订户申请吊销；订户提供的信息不真实；证书私钥失密或可能失密；订户违反本协议使用证书；法律法规规定的其他情形。\n3. 证书吊销后立即失效，并在证书吊销列表（CRL）中公布，不可恢复。\n\n## 六、费用\n\n证书服务费用由订户办理业务的交易平台或服务渠道定价，以下单时页面显示的金额为准。支付成功后可申请发票。\n\n## 七、双方的责任\n\n1. CA 应按照 CPS 提供电子认证服务，保障认证系统安全，依法保存认证相关信息。\n2. 订户或依赖方因依据 CA 提供的电子签名认证服务从事民事活动遭受损失，CA 不能证明自己无过错的，承担赔偿责任。\n3. 因不可抗力、第三方网络或通信故障等非 CA 原因导致服务中断的，CA 将尽力恢复，并不承担由此造成的间接损失。\n\n## 八、个人信息保护\n\nCA 按照《云证书隐私政策》处理订户的个人信息。\n\n## 九、协议的变更与终止\n\n1. CA 修改本协议时，将在本服务台公布，并以适当方式通知订户；订户不同意的，可以停止使用并申请吊销证书。\n2. 证书吊销或有效期届满且未更新的，本协议就该证书终止，但依法应保存的信息仍按规定保存。\n\n## 十、法律适用与争议解决\n\n本协议适用中华人民共和国法律。因本协议产生的争议，双方应协商解决；协商不成的，任何一方可向 CA 所在地有管辖权的人民法院提起诉讼。",
      },
      privacy: {
        title: "云证书隐私政策",
        summary: "我们收集哪些个人信息、如何使用和保护，以及您享有的权利。",
        body: "版本：1.0　　生效日期：2026 年 11 月\n\n我们深知个人信息对您的重要性。本政策依据《中华人民共和国个人信息保护法》《中华人民共和国电子签名法》，并参照 GB/T 35273《信息安全技术 个人信息安全规范》制定，遵循权责一致、目的明确、选择同意、最小必要、公开透明、确保安全、主体参与的原则处理您的个人信息。\n\n## 一、我们收集的信息\n\n- 账号信息：手机号码，用于登录和接收通知；\n- 实名认证信息：姓名、身份证件号码、身份证件照片，以及按您选择的核验方式提供的手机号、银行卡号或人脸图像；\n- 单位信息：营业执照、统一社会信用代码、法定代表人与经办人信息、对公账户信息；\n- 订单与支付信息：订单内容、支付结果、开票信息；\n- 使用记录：扫码登录、签章、解密的时间、平台名称和结果，以及访问日志（IP 地址、设备类型）。\n\n身份证件号码、银行账户、人脸信息属于敏感个人信息，我们仅在您单独同意后、为实名认证所必需时处理。人脸图像仅用于本次比对，比对完成后不予保存。\n\n## 二、我们如何使用\n\n- 核验您的身份，依法签发、更新、变更和吊销证书；\n- 在您使用证书时完成协同签名与解密；\n- 发送验证码、审核结果和证书到期提醒；\n- 开具发票、处理退款；\n- 保障系统安全，记录审计日志，防范欺诈。\n\n我们不会将您的信息用于与上述目的无关的用途；超出上述范围使用时，将再次征得您的同意。\n\n## 三、委托处理、共享与公开\n\n- 身份核验：为核验身份，我们会将必要信息提交给依法提供身份核验服务的机构（如公民身份信息核验、银行卡、运营商核验服务）；\n- 支付：支付信息由支付机构处理；\n- 交易平台：您扫码登录或签章时，交易平台将获得证书中载明的主体信息（单位名称或姓名、统一社会信用代码等）；\n- 法定情形：依据法律法规或有权机关的要求提供。\n\n除上述情形外，我们不会向第三方共享、转让或公开您的个人信息。\n\n## 四、存储与保存期限\n\n您的个人信息存储在中华人民共和国境内。依据《电子签名法》，与认证相关的信息至少保存至证书失效后五年；其他信息在实现处理目的所必需的最短期限内保存，期满后删除或匿名化处理。\n\n## 五、安全措施\n\n我们采用加密传输与存储、私钥分割保存、最小权限访问控制和操作审计等措施保护您的信息；发生个人信息安全事件时，将依法告知您并向主管部门报告。\n\n## 六、您的权利\n\n您可以查阅、复制、更正您的个人信息，撤回同意，注销账号，或要求删除个人信息。依法必须保存的认证信息在保存期限内不能删除，但我们将停止除保存外的处理。您可以通过客服电话提出请求，我们将在 15 个工作日内答复。\n\n## 七、未成年人\n\n云证书服务面向具有完全民事行为能力的成年人和依法设立的单位，我们不会主动收集未成年人的个人信息。\n\n## 八、本政策的更新\n\n本政策更新时，我们将在本服务台公布；涉及处理目的、方式等重大变化的，将以适当方式再次征得您的同意。\n\n## 九、联系我们\n\n如对本政策或您的个人信息有任何疑问、意见或投诉，请致电客服 {phone}。",
      },
      contact: {
        title: "联系我们",
        summary: "客服电话、服务时间和常见办理渠道。",
        body: "## 客服热线\n\n{phone}\n\n服务时间：工作日 8:30–17:30（法定节假日除外）。\n\n## 办理进度\n\n登录后在「订单管理」中可查看每笔订单的审核进度、驳回原因和证书下载状态。\n\n## 个人信息与投诉\n\n对个人信息处理有疑问、需要行使查阅、更正、删除等权利，或有服务投诉与建议，请致电客服热线，我们将在 15 个工作日内答复。\n\n## 谨防诈骗\n\n我们的工作人员不会索要您的 PIN 码或短信验证码，也不会要求您向个人账户转账。",
      },
    },
  },
  en: {
    metaTitle: "Help center",
    title: "Help center",
    lead: "Common questions about getting and using a cloud certificate, our user agreement and privacy policy.",
    faqTitle: "Frequently asked questions",
    legalTitle: "Terms and policies",
    contactTitle: "Contact us",
    contactLead: "Didn't find your answer? Call our support team.",
    readMore: "Read more",
    allArticles: "All help articles",
    backToHelp: "Back to the help center",
    updated: "Updated: {date}",
    phoneLabel: "Support hotline",
    hoursLabel: "Hours",
    hours: "Working days 8:30–17:30 China Standard Time (public holidays excepted)",
    articles: {
      whatIsCloudCertificate: {
        title: "What is a cloud certificate?",
        summary: "A digital certificate issued by a CA whose private key is split between your phone and the CA's server; scan with your phone to log in, sign and decrypt.",
        body: "A cloud certificate is a digital certificate issued by a certification authority (CA) that proves the identity of a unit or a person online. It does the same job as a traditional USB-key certificate.\n\n## How it differs from a USB key\n\n- The private key is not kept in a device that can be lent or lost. It is split in two: one part lives in your phone app (protected by your PIN), the other on the CA's server.\n- Both parts compute a signature together; neither can sign alone, and the CA cannot sign for you.\n- No drivers and no USB key: you scan a QR code shown on the computer.\n\n## What it is for\n\n- Logging in to public-resource trading platforms;\n- Stamping bid documents with your electronic seal and signing them digitally;\n- Decrypting your own bid documents at bid opening.\n\n## Legal effect\n\nUnder the PRC Electronic Signature Law, a reliable electronic signature has the same legal effect as a handwritten signature or seal.",
      },
      forgotPin: {
        title: "I forgot my PIN. What now?",
        summary: "Only your phone knows the PIN; neither the CA nor support can see or recover it. Request a reissue of the certificate under Orders and set a new PIN.",
        body: "The PIN confirms every login, signature and decryption on your phone. For your security only you know it: the CA and support can neither see nor recover it.\n\n## What to do\n\n1. Do not keep guessing: after too many wrong PINs the certificate on the phone is locked, so that nobody else can guess it.\n2. Log in here, find the certificate under Orders and request a reissue.\n3. Verify your identity again as the page asks.\n4. After approval, download the certificate again in the phone app and set a new PIN. The certificate on the old phone stops working.\n\n## Tips\n\n- Do not use birthdays or runs of repeated or consecutive digits as a PIN;\n- Never tell anyone your PIN, including people who claim to be support staff.",
      },
      lostPhone: {
        title: "I lost my phone. What now?",
        summary: "Nobody can use your certificate without the PIN. Reissue or revoke the certificate soon; call support if you cannot log in.",
        body: "Part of your certificate's private key is on your phone, but it cannot be used without your PIN, and too many wrong PINs lock it, so a lost phone does not mean your certificate is being misused. Act soon:\n\n1. If you need your old number for SMS codes, get a replacement SIM card from your carrier first.\n2. Log in here on the new phone, find the certificate under Orders and request a reissue; verify again and download the certificate. The key on the old phone stops working at once.\n3. If you no longer need the certificate, or suspect someone else used it, revoke it.\n4. If you cannot log in here, call support on {phone}; we will verify your identity and help.\n\nNote: after revocation, bid documents encrypted with the certificate and not yet opened can no longer be decrypted. If you have bids awaiting opening, choose a reissue.",
      },
      loginPlatform: {
        title: "How do I log in to a trading platform?",
        summary: "Choose QR login on the platform, scan with the cloud certificate app, check the platform name and confirm with your PIN.",
        body: "Cloud certificates issued here work on the public-resource trading platforms connected to this service.\n\n## Steps\n\n1. On your computer, open the platform's login page and choose “Cloud certificate” or “QR code” login.\n2. Open the cloud certificate app on your phone, tap Scan and scan the QR code on the page.\n3. Check the platform name and the action shown in the app, then enter your PIN.\n4. The page on the computer logs you in.\n\n## First use\n\nSome platforms need to synchronise or bind the certificate subject on first login: follow the platform's instructions and confirm by scanning in the app.\n\n## If scanning fails\n\n- QR codes expire: refresh the page and scan again;\n- Check the phone's network connection and that its clock is correct;\n- Make sure the certificate is valid and not revoked.",
      },
      invoice: {
        title: "How do I get an invoice?",
        summary: "After payment, request an electronic invoice from the order. For a unit certificate the invoice title must match the certificate subject.",
        body: "## How to request one\n\nAfter payment, open the order under Orders (completed orders have an Invoice button), choose Request an invoice, fill in the e-mail and the other details and submit; in the phone app, use Me → Invoices.\n\n## Wrong details\n\nChoose Re-issue under the invoice and correct the details: the invoice is reversed by a credit note and a new invoice is issued; all can be downloaded and both are e-mailed to you.\n\n## Rules\n\n- For a unit certificate, the invoice title must match the subject name, with the unified social credit code as the taxpayer number;\n- Individual certificates can be invoiced to the person;\n- The invoice types available are shown on the invoice page;\n- The electronic invoice is emailed to the address you give and can also be downloaded from the order.\n\n## Refunds\n\nWhen an order is refunded, an issued invoice is voided or reversed as the rules require.",
      },
      reviewTime: {
        title: "How long does the review take?",
        summary: "After you submit and pay, CA review usually takes 3–5 working days; we tell you the result by SMS.",
        body: "After you submit the application and pay, a CA reviewer checks your identity verification and the materials you uploaded. This usually takes 3–5 working days (public holidays excluded).\n\n- We tell you the result by SMS, and you can follow progress under Orders at any time;\n- If you send paper materials by post, the review time counts from the day we receive them;\n- If the application is rejected we tell you why; correct it and resubmit without paying again;\n- Clear scans and details that match the business licence or ID card avoid most rejections.",
      },
      agreement: {
        title: "Cloud Certificate User Agreement",
        summary: "Your rights and obligations and the CA's when applying for and using a cloud certificate.",
        body: "Version 1.0 · Effective November 2026\n\nThis agreement is between you (the “subscriber”) and this electronic certification service provider (the “CA”) about applying for and using a cloud certificate. Please read it before applying, in particular the liability terms in sections 4 and 7. By signing it online or using the service you accept all of it. Matters not covered here follow the CA's published Certification Practice Statement (CPS). The Chinese version prevails.\n\n## 1. Definitions\n\n- Cloud certificate: a digital certificate issued by the CA whose private key is split and held partly on the subscriber's phone and partly on the CA's server.\n- Subscriber: the unit or person who applies for and holds a cloud certificate; for a unit, its legal representative or an authorised handler acts for it.\n- PIN: the code the subscriber sets in the phone app to confirm each use of the certificate.\n\n## 2. Application and review\n\n1. The subscriber provides true, accurate and complete identity information and materials and is responsible for them.\n2. The CA verifies the subscriber's identity under the Electronic Signature Law and the Measures for the Administration of Electronic Certification Services, and may refuse, with reasons, applications that do not meet the requirements.\n3. A handler acting for a unit must be lawfully authorised by the legal representative.\n\n## 3. Use of the certificate\n\n1. The cloud certificate may only be used for the subscriber's own lawful activities such as public-resource trading; it may not be transferred, lent or used unlawfully.\n2. Every login, signature and decryption is confirmed by the subscriber on the phone; the subscriber checks the action shown in the app.\n\n## 4. Safekeeping of the key and PIN\n\n1. The subscriber keeps the phone and PIN safe and tells nobody the PIN. Under the Electronic Signature Law, a subscriber who knows the signature creation data is or may be compromised must tell the parties concerned promptly and stop using it.\n2. If the phone is lost, the PIN is disclosed or misuse is suspected, the subscriber promptly requests a reissue or revokes the certificate.\n3. Losses caused by the subscriber's failure to keep the phone or PIN safe, or to revoke in time, are borne by the subscriber.\n\n## 5. Renewal, change and revocation\n\n1. Before the certificate expires the subscriber may renew it; when its details change the subscriber applies for a change promptly.\n2. The CA may revoke a certificate when the subscriber asks; when information provided was untrue; when the private key is or may be compromised; when the subscriber breaches this agreement; or in other cases set by law.\n3. A revoked certificate stops working at once, is published in the certificate revocation list (CRL) and cannot be restored.\n\n## 6. Fees\n\nFees are set by the trading platform or service channel through which the subscriber applies; the amount shown when ordering applies. An invoice can be requested after payment.\n\n## 7. Liability\n\n1. The CA provides electronic certification services according to its CPS, keeps its certification systems secure and retains certification records as the law requires.\n2. If a subscriber or relying party suffers loss in civil activities relying on the CA's electronic signature certification services, the CA is liable unless it can prove it was not at fault.\n3. For interruptions not caused by the CA, such as force majeure or failures of third-party networks, the CA will restore service as soon as it can and is not liable for indirect losses.\n\n## 8. Personal information\n\nThe CA processes the subscriber's personal information according to the Cloud Certificate Privacy Policy.\n\n## 9. Changes and termination\n\n1. The CA publishes changes to this agreement here and notifies subscribers appropriately; a subscriber who disagrees may stop using the service and revoke the certificate.\n2. The agreement ends for a certificate when it is revoked or expires without renewal; records that must be retained by law are still retained.\n\n## 10. Governing law and disputes\n\nThis agreement is governed by the laws of the People's Republic of China. Disputes are settled by negotiation; failing that, either party may sue in the competent people's court where the CA is located.",
      },
      privacy: {
        title: "Cloud Certificate Privacy Policy",
        summary: "What personal information we collect, how we use and protect it, and your rights.",
        body: "Version 1.0 · Effective November 2026\n\nThis policy follows the PRC Personal Information Protection Law and Electronic Signature Law and the national standard GB/T 35273 (Information security technology — Personal information security specification). We process your personal information according to its principles: accountability, clear purpose, choice and consent, minimum necessity, openness, security and your participation. The Chinese version prevails.\n\n## 1. What we collect\n\n- Account: your mobile number, to log in and receive notices;\n- Identity verification: name, ID number, ID card photos and, depending on the method you choose, a phone number, bank card number or face image;\n- Units: business licence, unified social credit code, legal representative and handler details, corporate account details;\n- Orders and payments: order contents, payment results, invoice details;\n- Usage records: time, platform and result of QR logins, signatures and decryptions, and access logs (IP address, device type).\n\nID numbers, bank accounts and face data are sensitive personal information: we process them only with your separate consent and only as needed for identity verification. Face images are used for the comparison only and are not kept afterwards.\n\n## 2. How we use it\n\n- To verify your identity and issue, renew, change and revoke certificates as the law requires;\n- To compute signatures and decryptions together with your phone when you use the certificate;\n- To send verification codes, review results and expiry reminders;\n- To issue invoices and handle refunds;\n- To keep the system secure, keep audit logs and prevent fraud.\n\nWe do not use your information for unrelated purposes; for any new purpose we ask for your consent again.\n\n## 3. Processors, sharing and disclosure\n\n- Identity checks: we send the necessary data to lawful identity verification services (citizen identity, bank card and mobile carrier checks);\n- Payments: payment data is processed by the payment institution;\n- Trading platforms: when you scan to log in or sign, the platform receives the subject details in the certificate (unit name or person's name, unified social credit code, …);\n- Legal requirements: when laws or competent authorities require it.\n\nOtherwise we do not share, transfer or disclose your personal information.\n\n## 4. Storage and retention\n\nYour personal information is stored in the People's Republic of China. Under the Electronic Signature Law, certification records are kept for at least five years after the certificate ceases to be valid; other information is kept only as long as its purpose needs, then deleted or anonymised.\n\n## 5. Security\n\nWe use encrypted transport and storage, split private keys, least-privilege access control and audit logs. If a personal information security incident occurs we will inform you and report it to the authorities as the law requires.\n\n## 6. Your rights\n\nYou may access, copy and correct your personal information, withdraw consent, close your account or ask us to delete your information. Certification records that the law requires us to keep cannot be deleted during the retention period, but we stop all processing other than storage. Make requests through the support hotline; we answer within 15 working days.\n\n## 7. Minors\n\nCloud certificates are for adults with full civil capacity and lawfully established units; we do not knowingly collect minors' personal information.\n\n## 8. Updates\n\nWe publish updates to this policy here; for significant changes in purposes or methods of processing we ask for your consent again.\n\n## 9. Contact\n\nFor questions, comments or complaints about this policy or your personal information, call support on {phone}.",
      },
      contact: {
        title: "Contact us",
        summary: "Support hotline, hours and where to follow your application.",
        body: "## Support hotline\n\n{phone}\n\nHours: working days 8:30–17:30 China Standard Time (public holidays excepted).\n\n## Application progress\n\nAfter logging in, Orders shows each order's review progress, the reasons for any rejection and the certificate download status.\n\n## Personal information and complaints\n\nFor questions about how we process personal information, to exercise your rights to access, correct or delete it, or for complaints and suggestions, call the support hotline; we answer within 15 working days.\n\n## Beware of fraud\n\nOur staff never ask for your PIN or SMS codes and never ask you to transfer money to a personal account.",
      },
    },
  },
});
