import Dysmsapi, { SendSmsRequest } from "@alicloud/dysmsapi20170525";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { parseEndpoint } from "./endpoint";
import { SmsGatewayError, SmsPermanentError, templateIdFor, type SmsProvider } from "./sms-provider";

export type AliyunSmsConfig = {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  regionId: string;
  /** Host or URL override (private endpoint, tests); dysmsapi.aliyuncs.com otherwise. */
  endpoint?: string;
  /** Gateway template code (SMS_123456789) per template name. */
  templates: Readonly<Record<string, string | undefined>>;
};

// SendSms answers HTTP 200 with Code ≠ "OK" for refusals; these mean the number itself is wrong.
// https://help.aliyun.com/document_detail/101346.html
const PERMANENT_CODES = new Set(["isv.MOBILE_NUMBER_ILLEGAL", "isv.BLACK_KEY_CONTROL_LIMIT", "isv.INVALID_PARAMETERS"]);

/** Aliyun SMS through its SDK (signature V3, ACS3-HMAC-SHA256). Template variables go as TemplateParam JSON. */
export function createAliyunSmsProvider(config: AliyunSmsConfig): SmsProvider {
  const { protocol, host } = parseEndpoint(config.endpoint, "dysmsapi.aliyuncs.com");
  const client = new Dysmsapi(
    new $OpenApiUtil.Config({
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
      regionId: config.regionId,
      endpoint: host,
      protocol,
      connectTimeout: 5_000,
      readTimeout: 10_000,
    }),
  );
  return {
    name: "aliyun",
    async send({ to, template, params }) {
      const request = new SendSmsRequest({
        phoneNumbers: to,
        signName: config.signName,
        templateCode: templateIdFor(config.templates, template, "aliyun"),
        templateParam: JSON.stringify(params),
      });
      let body;
      try {
        body = (await client.sendSms(request)).body;
      } catch (err) {
        // Transport, auth and 4xx/5xx answers: retried by the job queue. Only the gateway's code and
        // message go into the error (never the request, which holds the code).
        const e = err as { code?: string; statusCode?: number; message?: string };
        throw new SmsGatewayError(`aliyun SendSms failed: ${e.code ?? "error"}${e.statusCode ? ` (HTTP ${e.statusCode})` : ""}`, { cause: err });
      }
      if (body?.code === "OK") return { providerRef: body.bizId };
      const detail = `aliyun SendSms refused: ${body?.code ?? "no code"} ${body?.message ?? ""} (request ${body?.requestId ?? "?"})`.trim();
      if (body?.code && PERMANENT_CODES.has(body.code)) throw new SmsPermanentError(detail);
      throw new SmsGatewayError(detail);
    },
  };
}
