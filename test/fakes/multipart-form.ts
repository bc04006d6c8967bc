/** A small RFC 7578 multipart/form-data reader: enough for the bodies grammY sends with an InputFile. */
export function parseMultipart(
  body: Buffer,
  boundary: string,
): { name: string; filename?: string; data: Buffer }[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { name: string; filename?: string; data: Buffer }[] = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    // Each part: CRLF, headers, CRLF CRLF, data, CRLF, then the next delimiter.
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("utf8");
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      // grammY writes the file name unquoted (filename=photo.jpg); browsers quote it.
      const filenameMatch = /filename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(headers);
      const filename = filenameMatch ? (filenameMatch[1] ?? filenameMatch[2]) : undefined;
      if (name !== undefined) {
        parts.push({
          name,
          ...(filename !== undefined ? { filename } : {}),
          data: Buffer.from(part.subarray(headerEnd + 4)),
        });
      }
    }
    start = next;
  }
  return parts;
}
