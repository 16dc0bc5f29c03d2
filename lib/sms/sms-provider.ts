// An SMS gateway. Implementations live in lib/sms/<name>-sms-provider.ts, chosen by SMS_PROVIDER
// in getSmsProvider(). Calls happen in the job worker, never inside a request, so a slow or
// failing gateway is retried with backoff and loses nothing: a failed send THROWS.
export interface SmsMessage {
  to: string;
  /** The message's template name (code_LOGIN, …, face_link, review_rejected …): a real gateway maps it to its template id. */
  template: string;
  /** The template's variables (code, url, no …): what a real gateway is sent instead of the text. */
  params: Record<string, string>;
  /** The variables in the order the template's text uses them (positional templates: Tencent's {1}, {2} …). */
  paramOrder?: string[];
  /** The rendered text, for the outbox. Never logged. */
  text: string;
}

export interface SmsProvider {
  readonly name: string;
  send(message: SmsMessage): Promise<{ providerRef?: string }>;
}

/**
 * A gateway refusal that retrying cannot fix (an invalid or blacklisted number). The job queue marks
 * the job FAILED at once instead of retrying it up to maxAttempts.
 */
export class SmsPermanentError extends Error {
  readonly permanent = true;
  constructor(message: string, opts?: { cause?: unknown }) {
    super(message, opts);
    this.name = "SmsPermanentError";
  }
}

/** A gateway failure worth retrying (network, throttling, gateway or configuration errors). */
export class SmsGatewayError extends Error {
  constructor(message: string, opts?: { cause?: unknown }) {
    super(message, opts);
    this.name = "SmsGatewayError";
  }
}

/** The gateway template id configured for a template name; a missing one is a configuration error. */
export function templateIdFor(templates: Readonly<Record<string, string | undefined>>, template: string, gateway: string): string {
  const id = templates[template];
  if (!id) throw new SmsGatewayError(`${gateway}: no template id configured for SMS template "${template}"`);
  return id;
}
