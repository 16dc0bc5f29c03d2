export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  template: string;
  attachments?: Array<{ filename: string; content: Uint8Array; contentType: string }>;
};

export interface EmailProvider {
  readonly name: string;
  send(message: EmailMessage): Promise<{ providerRef?: string }>;
}
