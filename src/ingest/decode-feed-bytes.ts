/**
 * Where the character encoding of a feed came from, in the order we trust them. This follows
 * RFC 7303 §3.2: the BOM, then the HTTP charset, then the XML declaration. Without any of them,
 * `byte-pattern` means UTF-16/32 recognised from the zero bytes around the first characters, and
 * `default` means UTF-8, or Windows-1252 when the bytes are not valid UTF-8.
 */
export type FeedEncodingSource = "bom" | "http" | "xml-declaration" | "byte-pattern" | "default";

export interface FeedEncoding {
  /** A WHATWG encoding label TextDecoder accepts, or "utf-32le"/"utf-32be" (decoded by hand). */
  encoding: string;
  source: FeedEncodingSource;
}

/** How many leading bytes we look at to find an XML declaration. */
const DECLARATION_WINDOW = 1024;

type ByteFamily = "utf-8" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be";

/**
 * Decodes feed bytes to a string. Reads the BOM first, then the charset of the HTTP Content-Type,
 * then the XML declaration; with none of them it uses UTF-8, or Windows-1252 when the bytes are
 * not valid UTF-8 (real feeds such as UOL Notícias send Latin-1 with no declaration at all).
 * The BOM is never part of the result.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): string {
  const { encoding, source } = detectFeedEncoding(bytes, contentType);
  const body = bytes.subarray(bomLength(bytes));
  if (encoding === "utf-32le" || encoding === "utf-32be") return decodeUtf32(body, encoding === "utf-32le");
  if (source === "default") {
    // Nothing was declared: try strict UTF-8 and fall back to Windows-1252, a superset of Latin-1.
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return new TextDecoder("windows-1252", { ignoreBOM: true }).decode(body);
    }
  }
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
}

/**
 * Works out which encoding `decodeFeedBytes` will use, and why. Unknown or unsupported labels are
 * skipped so that the next source gets a say, rather than failing the whole feed.
 */
export function detectFeedEncoding(bytes: Uint8Array, contentType?: string): FeedEncoding {
  const fromBom = encodingFromBom(bytes);
  if (fromBom) return { encoding: fromBom, source: "bom" };

  const family = byteFamily(bytes);
  const httpCharset = contentType ? charsetFromContentType(contentType) : undefined;
  const fromHttp = httpCharset ? supportedEncoding(httpCharset, family) : undefined;
  if (fromHttp) return { encoding: fromHttp, source: "http" };

  const declared = declaredXmlEncoding(bytes, family);
  const fromDeclaration = declared ? supportedEncoding(declared, family) : undefined;
  if (fromDeclaration) return { encoding: fromDeclaration, source: "xml-declaration" };

  // Without a declaration, XML 1.0 Appendix F lets the first four bytes tell UTF-16/32 apart.
  if (family !== "utf-8") return { encoding: family, source: "byte-pattern" };
  return { encoding: "utf-8", source: "default" };
}

/** Reads the `charset` parameter of a Content-Type header value, without quotes (single quotes occur too). */
export function charsetFromContentType(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^;\s]*))/i.exec(contentType);
  const charset = (match?.[1] ?? match?.[2] ?? match?.[3] ?? "").trim();
  return charset === "" ? undefined : charset;
}

function encodingFromBom(bytes: Uint8Array): ByteFamily | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return "utf-8";
  // UTF-32LE's BOM starts with UTF-16LE's, so it has to be checked first.
  if (b0 === 0xff && b1 === 0xfe && b2 === 0x00 && b3 === 0x00) return "utf-32le";
  if (b0 === 0x00 && b1 === 0x00 && b2 === 0xfe && b3 === 0xff) return "utf-32be";
  if (b0 === 0xff && b1 === 0xfe) return "utf-16le";
  if (b0 === 0xfe && b1 === 0xff) return "utf-16be";
  return undefined;
}

function bomLength(bytes: Uint8Array): number {
  switch (encodingFromBom(bytes)) {
    case "utf-8":
      return 3;
    case "utf-16le":
    case "utf-16be":
      return 2;
    case "utf-32le":
    case "utf-32be":
      return 4;
    default:
      return 0;
  }
}

/**
 * XML 1.0 Appendix F: a document starts with ASCII (`<?xml`, `<!--` or `<`), so the zero bytes
 * around the first characters tell how wide the characters are.
 */
function byteFamily(bytes: Uint8Array): ByteFamily {
  const fromBom = encodingFromBom(bytes);
  if (fromBom) return fromBom;
  if (bytes.length < 4) return "utf-8";
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0) return "utf-32be";
  if (b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0) return "utf-32le";
  if (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return "utf-16be";
  if (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return "utf-16le";
  return "utf-8";
}

function declaredXmlEncoding(bytes: Uint8Array, family: ByteFamily): string | undefined {
  const window = bytes.subarray(0, DECLARATION_WINDOW * (family.startsWith("utf-32") ? 4 : 2));
  const head =
    family === "utf-8"
      ? new TextDecoder("latin1").decode(window)
      : family.startsWith("utf-32")
        ? decodeUtf32(window, family === "utf-32le")
        : new TextDecoder(family).decode(window);
  const match = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/.exec(
    head.replace(/^\uFEFF/, ""),
  );
  return match?.[1];
}

/**
 * Maps a declared label to one we can decode with, or undefined to let the next source decide.
 * The byte pattern is the ground truth for the character width: a UTF-16/32 label on 8-bit bytes,
 * or an 8-bit label on 16/32-bit bytes, cannot be right, and the endianness comes from the bytes.
 */
function supportedEncoding(label: string, family: ByteFamily): string | undefined {
  const normalized = label.trim().toLowerCase();
  if (/^(utf-?32|ucs-?4)/.test(normalized)) return family.startsWith("utf-32") ? family : undefined;
  if (/^(utf-?16|ucs-?2|unicode)/.test(normalized)) return family.startsWith("utf-16") ? family : undefined;
  if (family !== "utf-8") return undefined;
  try {
    const encoding = new TextDecoder(normalized).encoding;
    // WHATWG maps a few labels (e.g. "iso-2022-kr", "replacement") to a decoder that emits only U+FFFD.
    return encoding === "replacement" ? undefined : encoding;
  } catch {
    return undefined;
  }
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let offset = 0; offset + 4 <= bytes.byteLength; offset += 4) {
    const codePoint = view.getUint32(offset, littleEndian);
    const valid = codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    chunk.push(valid ? codePoint : 0xfffd);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}
