import type { Agent } from "node:http";
import { sms } from "tencentcloud-sdk-nodejs-sms";
import { parseEndpoint } from "./endpoint";
import { SmsGatewayError, SmsPermanentError, templateIdFor, type SmsProvider } from "./sms-provider";

export type TencentSmsConfig = {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  region: string;
  /** Host or URL override (private endpoint, tests); sms.tencentcloudapi.com otherwise. */
  endpoint?: string;
  /** Gateway template id per template name. */
  templates: Readonly<Record<string, string | undefined>>;
  /** HTTP agent for the SDK's requests (an egress proxy; tests route it to a local stub). */
  agent?: Agent;
};

// Tencent templates take positional parameters ({1}, {2} …), in the message's paramOrder.

// Per-number statuses that retrying cannot fix. https://cloud.tencent.com/document/api/382/55981
const PERMANENT_CODES = new Set([
  "InvalidParameterValue.IncorrectPhoneNumber",
  "FailedOperation.PhoneNumberInBlacklist",
  "FailedOperation.PhoneNumberParseFail",
  "UnsupportedOperation.UnsupportedRegion",
]);

/** Tencent Cloud SMS (2021-01-11) through its SDK (TC3-HMAC-SHA256). */
export function createTencentSmsProvider(config: TencentSmsConfig): SmsProvider {
  const { protocol, host } = parseEndpoint(config.endpoint, "sms.tencentcloudapi.com");
  const client = new sms.v20210111.Client({
    credential: { secretId: config.secretId, secretKey: config.secretKey },
    region: config.region,
    profile: { httpProfile: { endpoint: host, protocol: `${protocol}://`, reqTimeout: 10, ...(config.agent ? { agent: config.agent } : {}) } },
  });
  return {
    name: "tencent",
    async send({ to, template, params, paramOrder }) {
      const request = {
        PhoneNumberSet: [to.startsWith("+") ? to : `+86${to}`],
        SmsSdkAppId: config.sdkAppId,
        SignName: config.signName,
        TemplateId: templateIdFor(config.templates, template, "tencent"),
        TemplateParamSet: (paramOrder ?? Object.keys(params)).map((k) => params[k] ?? ""),
      };
      let response;
      try {
        response = await client.SendSms(request);
      } catch (err) {
        // Request-level errors (auth, template, quota) and transport failures: retried by the job queue.
        const e = err as { code?: string; httpCode?: number; requestId?: string };
        throw new SmsGatewayError(`tencent SendSms failed: ${e.code || "error"}${e.httpCode ? ` (HTTP ${e.httpCode})` : ""} (request ${e.requestId || "?"})`, { cause: err });
      }
      const status = response.SendStatusSet?.[0];
      if (status?.Code === "Ok") return { providerRef: status.SerialNo };
      const detail = `tencent SendSms refused: ${status?.Code ?? "no status"} ${status?.Message ?? ""} (request ${response.RequestId ?? "?"})`;
      if (status?.Code && PERMANENT_CODES.has(status.Code)) throw new SmsPermanentError(detail);
      throw new SmsGatewayError(detail);
    },
  };
}
