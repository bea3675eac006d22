/**
 * The review app's only door to the service: Bearer token from sessionStorage,
 * problem details turned into one error type the views can show as text.
 */
const TOKEN_KEY = 'cpg-review-token';

export const session = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export type Params = Record<string, string | undefined>;

export function query(params: Params): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function request(path: string, token = session.get()): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, '');
  }
  if (!res.ok) {
    let detail = res.statusText;
    try {
      const body = (await res.json()) as { detail?: unknown; title?: unknown };
      detail = String(body.detail ?? body.title ?? detail);
    } catch {
      // Not a problem document; the status line says enough.
    }
    throw new ApiError(res.status, detail);
  }
  return res;
}

export async function getJson<T>(path: string, params: Params = {}, token?: string): Promise<T> {
  return (await (await request(path + query(params), token)).json()) as T;
}

/** Fetches with the token and hands the body to the browser as a file download. */
export async function download(path: string, params: Params, filename: string): Promise<Response> {
  const res = await request(path + query(params));
  const blob = await res.clone().blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return res;
}

/** Day inputs (YYYY-MM-DD, UTC) to the API's range; `to` is inclusive in the form, exclusive on the wire. */
export function dayRange(from: string, to: string): Params {
  const next = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
  return { from: from ? `${from}T00:00:00Z` : undefined, to: to ? next(to) : undefined };
}
