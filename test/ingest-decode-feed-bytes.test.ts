import { describe, expect, test } from "vitest";
import {
  charsetFromContentType,
  decodeFeedBytes,
  detectFeedEncoding,
} from "../src/ingest/decode-feed-bytes.ts";

const TITLE = "São Paulo – Ünïcödé ✓";

function latin1(text: string): Buffer {
  return Buffer.from(text, "latin1");
}

function utf32(text: string, littleEndian: boolean, bom: boolean): Buffer {
  const codePoints = [...(bom ? "\uFEFF" : ""), ...text].map((char) => char.codePointAt(0)!);
  const buffer = Buffer.alloc(codePoints.length * 4);
  codePoints.forEach((codePoint, index) => {
    if (littleEndian) buffer.writeUInt32LE(codePoint, index * 4);
    else buffer.writeUInt32BE(codePoint, index * 4);
  });
  return buffer;
}

describe("decodeFeedBytes picks the encoding in the order BOM, HTTP charset, XML declaration, UTF-8", () => {
  test("a UTF-8 BOM wins over a contradicting HTTP charset, and is not part of the text", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`<rss><title>${TITLE}</title></rss>`),
    ]);
    expect(detectFeedEncoding(bytes, "application/rss+xml; charset=iso-8859-1")).toEqual({
      encoding: "utf-8",
      source: "bom",
    });
    expect(decodeFeedBytes(bytes, "application/rss+xml; charset=iso-8859-1")).toBe(
      `<rss><title>${TITLE}</title></rss>`,
    );
  });

  test("the HTTP charset wins over the XML declaration", () => {
    const bytes = latin1('<?xml version="1.0" encoding="utf-8"?><rss><title>Açaí</title></rss>');
    expect(detectFeedEncoding(bytes, 'text/xml; charset="ISO-8859-1"').source).toBe("http");
    expect(decodeFeedBytes(bytes, 'text/xml; charset="ISO-8859-1"')).toContain("<title>Açaí</title>");
  });

  test("the XML declaration is used when HTTP names no charset", () => {
    const bytes = latin1('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Notícias</title></rss>');
    expect(detectFeedEncoding(bytes, "application/rss+xml").source).toBe("xml-declaration");
    expect(decodeFeedBytes(bytes, "application/rss+xml")).toContain("<title>Notícias</title>");
  });

  test("Shift_JIS declared in the prolog is decoded", () => {
    const shiftJisForNihon = Buffer.from([0x93, 0xfa, 0x96, 0x7b]); // 日本
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?><rss><title>'),
      shiftJisForNihon,
      Buffer.from("</title></rss>"),
    ]);
    expect(decodeFeedBytes(bytes)).toContain("<title>日本</title>");
  });

  test("undeclared bytes are UTF-8 when they are valid UTF-8", () => {
    const bytes = Buffer.from(`<rss><title>${TITLE}</title></rss>`, "utf8");
    expect(detectFeedEncoding(bytes)).toEqual({ encoding: "utf-8", source: "default" });
    expect(decodeFeedBytes(bytes)).toContain(TITLE);
  });

  test("undeclared bytes that are not valid UTF-8 are read as Latin-1 (Windows-1252), as UOL Notícias needs", () => {
    const bytes = latin1("<rss><title>simulações de 2º turno</title></rss>");
    expect(decodeFeedBytes(bytes)).toContain("simulações de 2º turno");
  });

  test("an unknown charset label is skipped and the next source decides", () => {
    const bytes = latin1('<?xml version="1.0" encoding="iso-8859-1"?><rss><title>Größe</title></rss>');
    expect(detectFeedEncoding(bytes, "text/xml; charset=klingon")).toEqual({
      encoding: "windows-1252",
      source: "xml-declaration",
    });
    expect(decodeFeedBytes(bytes, "text/xml; charset=klingon")).toContain("Größe");
  });
});

describe("decodeFeedBytes reads 16- and 32-bit Unicode", () => {
  const xml = `<?xml version="1.0" encoding="utf-16"?><rss><title>${TITLE}</title></rss>`;

  test("UTF-16LE and UTF-16BE with a BOM", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeFeedBytes(le)).toBe(xml);
    expect(decodeFeedBytes(be)).toBe(xml);
  });

  test("UTF-16 without a BOM is recognised from the byte pattern of '<?xml'", () => {
    const le = Buffer.from(xml, "utf16le");
    expect(detectFeedEncoding(le)).toEqual({ encoding: "utf-16le", source: "xml-declaration" });
    expect(decodeFeedBytes(le)).toBe(xml);
  });

  test("UTF-32 in both byte orders, with and without a BOM", () => {
    const xml32 = xml.replace("utf-16", "utf-32");
    expect(decodeFeedBytes(utf32(xml32, true, true))).toBe(xml32);
    expect(decodeFeedBytes(utf32(xml32, false, true))).toBe(xml32);
    expect(decodeFeedBytes(utf32(xml32, false, false))).toBe(xml32);
  });
});

describe("charsetFromContentType", () => {
  test.each([
    ["application/rss+xml; charset=UTF-8", "UTF-8"],
    ['text/xml;charset= "us-ascii"', "us-ascii"],
    ["application/atom+xml;charset='gb2312'", "gb2312"],
    ["text/xml; charset:iso-8859-1", undefined],
    ["text/xml", undefined],
  ])("%s → %s", (contentType, charset) => {
    expect(charsetFromContentType(contentType)).toBe(charset);
  });
});
