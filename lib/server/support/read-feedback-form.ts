/** The multipart body of 我的反馈: the text fields (for the zod schema) and the screenshot's bytes, if one was sent. */
export async function readFeedbackForm(form: FormData | null): Promise<{ fields: Record<string, string>; file: Uint8Array | null }> {
  const fields: Record<string, string> = {};
  let file: Uint8Array | null = null;
  for (const [key, value] of form?.entries() ?? []) {
    if (key === "file" && value instanceof File) file = value.size > 0 ? new Uint8Array(await value.arrayBuffer()) : null;
    else if (typeof value === "string") fields[key] = value;
  }
  return { fields, file };
}
