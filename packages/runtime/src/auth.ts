/** Credentials are supplied as headers, statically or by an async provider called before every request. */
export type HeaderValues = Record<string, string>;
export type AuthProvider = () => HeaderValues | Promise<HeaderValues>;

/** `Authorization: Bearer <token>`. */
export function bearerAuth(token: string): HeaderValues {
  return { Authorization: `Bearer ${token}` };
}

/** `Authorization: Basic base64(<username>:<password>)`, UTF-8 safe, with no Node-only API. */
export function basicAuth(username: string, password: string): HeaderValues {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { Authorization: `Basic ${btoa(binary)}` };
}
