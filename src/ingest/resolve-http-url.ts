/**
 * Resolves `reference` against `base` and returns it only if it is an absolute http(s) URL.
 * Absolute references are returned as written (trimmed), so feeds' own spelling is kept.
 */
export function resolveHttpUrl(reference: string | undefined, base: string | undefined): string | undefined {
  const trimmed = reference?.trim();
  if (!trimmed) return undefined;
  if (/^https?:\/\//i.test(trimmed)) {
    return URL.canParse(trimmed) ? trimmed : undefined;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || base === undefined) return undefined;
  try {
    const resolved = new URL(trimmed, base);
    return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}
