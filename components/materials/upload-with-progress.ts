// fetch() cannot report upload progress; XMLHttpRequest's upload.onprogress can.
export type UploadResult = { ok: true; body: unknown } | { ok: false; status: number; body: unknown };

export function uploadWithProgress(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => resolve(xhr.status >= 200 && xhr.status < 300 ? { ok: true, body: xhr.response } : { ok: false, status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error("network"));
    xhr.onabort = () => reject(new Error("aborted"));
    xhr.send(form);
  });
}
