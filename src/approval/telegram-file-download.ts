/**
 * Downloads a file an owner sent (a voice note) through the Bot API: `getFile` gives its `file_path`, and the
 * bytes are at `<api root>/file/bot<token>/<file_path>` (the configured root, so a local Bot API server or a test
 * double serves them too). Bots can download files of at most 20 MB; the size is checked before and during the
 * download, so a larger file is never read into memory. Errors never carry the URL: it holds the bot's token.
 */

import type { Api } from "grammy";

/** Telegram's limit on what a bot can download through the Bot API. */
export const TELEGRAM_DOWNLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

const DEFAULT_API_ROOT = "https://api.telegram.org";
const DOWNLOAD_TIMEOUT_MS = 30_000;

export class FileTooLargeError extends Error {
  override readonly name = "FileTooLargeError";
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
  }
}

export async function downloadTelegramFile(
  api: Pick<Api, "getFile" | "token" | "options">,
  fileId: string,
  maxBytes = TELEGRAM_DOWNLOAD_LIMIT_BYTES,
): Promise<Uint8Array> {
  const file = await api.getFile(fileId);
  if ((file.file_size ?? 0) > maxBytes) throw new FileTooLargeError(maxBytes);
  if (!file.file_path) throw new Error("Telegram gave no file_path for the file (too big to download?)");
  const root = (api.options?.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, "");
  let response: Response;
  try {
    response = await fetch(`${root}/file/bot${api.token}/${file.file_path}`, {
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`Downloading the file from Telegram failed: ${(error as Error).name}`);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new Error(`Downloading the file from Telegram failed: HTTP ${response.status}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new FileTooLargeError(maxBytes);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
