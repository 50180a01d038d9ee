import { toApiError } from './errors.ts';

// A file upload with progress: fetch() cannot report how much of a request body has been sent,
// XMLHttpRequest can (upload.onprogress). Same conventions as client.ts: the session cookie, the
// CSRF header, JSON back, errors as ApiError.

export interface TUploadOptions {
  /** The CSRF token of the session (TMe.csrfToken). */
  csrfToken: string;
  /** 0…1 as the body is sent. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export function uploadWithProgress<T>(path: string, body: FormData, options: TUploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1);
        resolve(data as T);
      } else {
        reject(toApiError(xhr.status, data));
      }
    };
    // Network down: the same TypeError fetch() gives, so errorMessage() says "service unavailable".
    xhr.onerror = () => reject(new TypeError('upload failed'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
