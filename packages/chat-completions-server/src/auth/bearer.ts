/**
 * Longest `Authorization` header read as a credential. Anything longer is a wrong secret at
 * once, before any parsing or hashing: no configured secret is that long (see
 * {@link MAX_SECRET_LENGTH}), and a client must not make us scan or hash kilobytes per attempt.
 */
export const MAX_AUTHORIZATION_LENGTH = 4096;
/** Longest secret a gateway may configure, so that the right one always fits the header bound. */
export const MAX_SECRET_LENGTH = MAX_AUTHORIZATION_LENGTH - "Bearer ".length;

const isBlank = (code: number) => code === 0x20 || code === 0x09;
/** What `\s` matches among the characters an HTTP header can carry (Latin-1). */
const isSpace = (code: number) => isBlank(code) || (code >= 0x0a && code <= 0x0d) || code === 0xa0 || code === 0x85;

/**
 * The secret presented as `Authorization: Bearer <secret>`, if any: the scheme (any case),
 * spaces or tabs, then the secret up to trailing spaces or tabs. One pass over the string, no
 * regular expression, so no input can make it backtrack; a header longer than
 * {@link MAX_AUTHORIZATION_LENGTH} presents no secret.
 *
 * @example
 * bearerSecret("Bearer abc "); // "abc"
 * bearerSecret("Basic abc"); // undefined
 */
export function bearerSecret(header: string | undefined): string | undefined {
  if (header === undefined || header.length > MAX_AUTHORIZATION_LENGTH) return undefined;
  if (header.length < 8 || header.slice(0, 6).toLowerCase() !== "bearer" || !isBlank(header.charCodeAt(6))) {
    return undefined;
  }
  let start = 7;
  while (start < header.length && isBlank(header.charCodeAt(start))) start++;
  let end = header.length;
  while (end > start && isBlank(header.charCodeAt(end - 1))) end--;
  if (start === end || isSpace(header.charCodeAt(start))) return undefined;
  return header.slice(start, end);
}
