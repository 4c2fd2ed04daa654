/**
 * A URL fit for messages and logs: its user name and password (`user:pass@`) replaced by `***`.
 * Used for every configured URL the gateway names (Redis, model providers).
 *
 * @example
 * redactUrl("redis://default:s3cret@cache:6379"); // "redis://***:***@cache:6379"
 */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username) parsed.username = "***";
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(invalid URL)";
  }
}
