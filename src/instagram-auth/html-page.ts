/**
 * The few HTML pages Greenlight shows in a browser (after Instagram login, Meta's deletion status). Every value
 * is escaped, nothing is loaded from elsewhere, and pages are neither cached nor framed; the OAuth pages sit at
 * URLs holding a code and a state, so no Referer leaves them either. Pure.
 */

export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export interface SimplePage {
  /** The page's language as a BCP 47 tag ("es", "pt-BR"); English when not given. */
  lang?: string;
  title: string;
  /** Plain-text paragraphs; escaped here. */
  paragraphs: readonly string[];
}

export function renderSimplePage(page: SimplePage): string {
  const body = page.paragraphs.map((paragraph) => `<p>${escapeHtmlText(paragraph)}</p>`).join("\n");
  return `<!doctype html>
<html lang="${escapeHtmlText(page.lang ?? "en")}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtmlText(page.title)} · Greenlight</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#222}h1{font-size:1.4rem}</style>
</head>
<body>
<main>
<h1>${escapeHtmlText(page.title)}</h1>
${body}
</main>
</body>
</html>
`;
}

/** Headers for every such page. */
export const SIMPLE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
};
