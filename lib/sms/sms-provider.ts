// An SMS gateway. To plug in a real one (Aliyun SMS, Tencent Cloud SMS ...), implement this
// interface in lib/sms/<name>-sms-provider.ts, add its name to SMS_PROVIDER in lib/env.ts and
// return it from getSmsProvider(). Calls happen in the job worker, never inside a request,
// so a slow or failing gateway is retried with backoff and loses nothing.
export interface SmsProvider {
  readonly name: string;
  send(message: { to: string; text: string; template: string }): Promise<{ providerRef?: string }>;
}
