import type { IncomingMessage } from "node:http";

/**
 * A request's whole body. Read with stream events rather than `for await`: the async iterator costs a fake
 * more CPU per request than parsing the body, and the approvals benchmark runs the fake Bot API on the same two
 * cores as the service it measures.
 */
export function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
