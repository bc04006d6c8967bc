import type { Agent } from "undici";

/** The part of fetch's init grammY uses (createJsonPayload / createFormDataPayload, plus its abort signal). */
interface BotApiRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | NodeJS.ReadableStream;
  signal?: AbortSignal;
}

/**
 * The HTTP client grammY calls the Bot API with: undici's request() over a keep-alive pool, in place of
 * grammY's default node-fetch. A Bot API call is on every button press (the card edit), and node-fetch spends
 * about twice the CPU per call. grammY reads nothing of the response but its JSON body, which the Bot API also
 * sends with error statuses ({ok:false, error_code, description}).
 *
 * undici is the HTTP client Node itself is built on, kept by the Node.js project. It is loaded on the first call
 * (from node_modules about 60 ms of CPU; as the bundle's chunk about 15 ms), so start-up does not wait for it.
 */
export function createBotApiFetch(): { fetch: typeof fetch; close(): Promise<void> } {
  let client: Promise<{ request: typeof import("undici").request; dispatcher: Agent }> | undefined;
  const load = () =>
    (client ??= import("undici").then((loaded) => {
      // A CommonJS package's exports, as `default`: Node's loader also gives them by name, the production bundle
      // (scripts/bundle.mjs, where undici is a chunk of its own) does not.
      const undici = loaded.default;
      return { request: undici.request, dispatcher: new undici.Agent({ keepAliveTimeout: 30_000 }) };
    }));
  const botApiFetch = async (url: string | URL, init: BotApiRequestInit = {}) => {
    const { request, dispatcher } = await load();
    // undici manages the connection itself and refuses a Connection header, which grammY always sets.
    const { connection: _managedByUndici, ...headers } = init.headers ?? {};
    const response = await request(url, {
      method: (init.method ?? "GET") as "GET" | "POST",
      headers,
      body: init.body as string | undefined,
      signal: init.signal,
      dispatcher,
    });
    return {
      ok: response.statusCode >= 200 && response.statusCode < 300,
      status: response.statusCode,
      json: () => response.body.json(),
    };
  };
  return {
    fetch: botApiFetch as unknown as typeof fetch,
    close: async () => {
      if (client) await (await client).dispatcher.close();
    },
  };
}
