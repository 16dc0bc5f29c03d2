import { defineMessages } from "../define-messages";

export const scan = defineMessages({
  "zh-CN": {
    errors: {
      invalidClient: "平台身份认证失败：client_id 或 client_secret 不正确",
      notFound: "扫码请求不存在",
      expired: "二维码已过期，请在平台页面刷新后重新扫码",
      used: "该二维码已被使用",
      noCertificate: "没有可用于此操作的有效证书",
      badSignature: "签名校验失败，请重试",
      sessionNotFound: "签章会话不存在或已结束",
    },
    docs: {
      title: "交易平台接入 API",
      base: "接口地址与认证",
      auth: "使用 HTTP Basic 认证：用户名为 client_id，密码为 client_secret（在CA管理控制台登记交易平台时生成，只显示一次）。",
      request: "请求体",
      responses: "响应",
      objects: "对象",
      errors: "错误格式",
      webhooks: "Webhook 推送",
      webhooksIntro:
        "扫码请求每到达一个新状态（已扫码，然后已完成或已拒绝），CertDesk 向平台登记的 Webhook 地址 POST 一次；未收到 2xx 时以同一推送编号、同一请求体按指数退避重试（2^n 秒，最长 1 小时，共 10 次）。推送编号 deliveryId、请求内序号 sequence 与状态发生时间 occurredAt 都在签名覆盖的请求体中，并在请求头中重复。",
      webhookHeaders: "请求头",
      webhookBody: "请求体",
      webhookRulesTitle: "接收方必须依次这样处理",
      webhookRules: {
        signature: "校验 X-CertDesk-Signature：t=<Unix 秒>,v1=<十六进制>，v1 = HMAC-SHA256(client_secret, \"<t>.<原始请求体字节>\")。在解析 JSON 之前对原始字节计算，并以常数时间比较；不符则拒绝（401）。",
        tolerance: "t 与本机时钟相差超过 {seconds} 秒（无论早晚）则拒绝（401）。每次重试都重新签名，真实的重试不会过期。",
        fields: "deliveryId、sequence、occurredAt 以验签后的请求体为准（签名覆盖它们）；CertDesk-Delivery、CertDesk-Sequence、CertDesk-Event-Time 请求头只是重复，便于路由和日志，与请求体不一致则拒绝。",
        seen: "已见过的 deliveryId 直接丢弃并回答 2xx：那是已处理推送的重试或重放。已见编号至少保存 {retention} 秒（容差的两倍，因为时间戳可能比本机时钟快），并存放在平台所有实例共享的存储中。",
        sequence: "按扫码请求（data.id）记录已处理的最大 sequence；sequence 不大于它的推送丢弃并回答 2xx：那是迟到的旧状态（乱序或重放）。编号过期后才到的重试也由此规则挡住。",
        answer: "处理或丢弃之后才回答 2xx；其他回答或 10 秒内无回答都会被重试。请求已离开的状态不再推送，所以 sequence 可能跳号。",
      },
    },
  },
  en: {
    errors: {
      invalidClient: "Platform authentication failed: wrong client_id or client_secret",
      notFound: "No such scan request",
      expired: "This QR code has expired: refresh it on the platform and scan again",
      used: "This QR code has already been used",
      noCertificate: "No valid certificate can do this",
      badSignature: "The signature did not verify: try again",
      sessionNotFound: "No such signing session, or it has ended",
    },
    docs: {
      title: "Trading-platform API",
      base: "Base URL and authentication",
      auth: "HTTP Basic authentication: the user name is the client_id and the password the client_secret (issued once when a CA admin registers the platform in the console).",
      request: "Request body",
      responses: "Responses",
      objects: "Objects",
      errors: "Error format",
      webhooks: "Webhooks",
      webhooksIntro:
        "Each time a scan request reaches a new state (scanned, then completed or rejected), CertDesk POSTs it once to the platform's webhook URL; without a 2xx the same delivery (same id, same body) is retried with exponential backoff (2^n seconds, at most 1 hour, 10 attempts). The delivery id (deliveryId), the request's sequence (sequence) and the time the state was reached (occurredAt) are in the signed body, and repeated in headers.",
      webhookHeaders: "Headers",
      webhookBody: "Body",
      webhookRulesTitle: "What a receiver must do, in order",
      webhookRules: {
        signature: "Verify X-CertDesk-Signature: t=<unix seconds>,v1=<hex>, where v1 = HMAC-SHA256(client_secret, \"<t>.<raw body bytes>\"). Compute it over the raw bytes before parsing JSON and compare in constant time; refuse (401) a bad MAC.",
        tolerance: "Refuse (401) a delivery whose t is more than {seconds} seconds from your clock, either way. Every retry is signed afresh, so a genuine retry is never stale.",
        fields: "Take deliveryId, sequence and occurredAt from the verified body (the MAC covers them). The CertDesk-Delivery, CertDesk-Sequence and CertDesk-Event-Time headers only repeat them for routing and logs; refuse a delivery whose headers disagree with its body.",
        seen: "Drop a deliveryId you have already seen and answer 2xx: it is a retry or a replay of something you applied. Keep seen ids for at least {retention} seconds (twice the tolerance, since a timestamp may be ahead of your clock), in storage every instance of your platform shares.",
        sequence: "Keep, per scan request (data.id), the highest sequence you applied. Drop a delivery whose sequence is not greater and answer 2xx: it is an older state arriving late (out of order, or replayed). This also catches a retry that arrives after its id has expired.",
        answer: "Answer 2xx only once the delivery is applied or dropped; any other answer, or none within 10 seconds, is retried. A state the request has already left is not delivered, so sequences may skip a number.",
      },
    },
  },
});
