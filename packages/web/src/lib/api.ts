import type { ErrorBody } from '@shegong/shared';

/** An API failure with the server's Chinese message and per-field errors for forms. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

let csrfToken = '';
export const setCsrfToken = (t: string) => {
  csrfToken = t;
};

type Listener = (e: ApiError) => void;
let onAuthError: Listener = () => {};
/** The app shell decides what a 401 or a due password change does (go to the login or password page). */
export const setAuthErrorListener = (l: Listener) => {
  onAuthError = l;
};

async function toError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> = {};
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  return new ApiError(
    res.status,
    body.code ?? 'HTTP_' + res.status,
    body.message ?? `请求失败（${res.status}）`,
    body.details?.fieldErrors ?? {},
  );
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  if (!res.ok) {
    const err = await toError(res);
    // The auth endpoints report their own failures; everything else sends the user to log in again.
    if ((res.status === 401 || err.code === 'PASSWORD_CHANGE_REQUIRED') && !url.startsWith('/api/v1/auth/'))
      onAuthError(err);
    throw err;
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
};

/** Builds a query string from the set values only. */
export function qs(params: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Saves a file answer under the server's name (RFC 5987 `filename*`), else the fallback name. */
async function saveFile(res: Response, fallbackName: string): Promise<void> {
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const name = m ? decodeURIComponent(m[1]) : fallbackName;
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Downloads a file from the API (exports), keeping the server's file name. */
export async function download(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw await toError(res);
  await saveFile(res, fallbackName);
}

/** Posts a form (e.g. an uploaded sheet) and saves the file the server answers (an import's problems list). */
export async function downloadPost(url: string, body: FormData, fallbackName: string): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'x-csrf-token': csrfToken },
    body,
    credentials: 'same-origin',
  });
  if (!res.ok) throw await toError(res);
  await saveFile(res, fallbackName);
}
