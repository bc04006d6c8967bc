import { parentPort, workerData } from "node:worker_threads";
import { Pool } from "undici";

/**
 * Telegram's side of the approvals benchmark: it posts the Approve updates to the webhook and times each one.
 * It runs in a worker thread of its own, apart from the fake Bot API, whose store of every card in every chat
 * grows by tens of megabytes during a run: in one thread, that heap's full collections (15–25 ms each, once or
 * twice a burst, by --trace-gc) stopped the clocks of all 40 updates in flight at once, a pause of the rig's
 * and not of the service's.
 */

export interface Card {
  chatId: number;
  draftId: number;
  messageId: number;
}

export interface DeliveriesSetup {
  /** The services under test (the approvals bench compares one with metrics to one without); `service` picks. */
  serviceUrls: string[];
  secret: string;
  /** Telegram's max_connections: never more updates than this in flight at once. */
  connections: number;
  /** Each chat's cards, in the order they are approved. */
  cards: Card[][];
}

export type DeliveriesCommand =
  /** Every chat approves its cards `from`..`to` one after another, all chats at once. */
  | { kind: "burst"; service: number; from: number; to: number }
  /** Approval k is due at start + k / rate, from chat k mod chats; its latency counts from when it was due. */
  | { kind: "paced"; service: number; from: number; to: number; rate: number };

export type DeliveriesReport =
  /** A Bot API call the webhook's response held, for the fake Bot API to carry out as Telegram would. */
  | { kind: "reply"; body: string; contentType: string | null }
  | { kind: "done"; latencies: number[]; seconds: number }
  | { kind: "failed"; message: string };

/** At most `permits` holders at once; the rest wait in arrival order. */
class Semaphore {
  private waiting: (() => void)[] = [];
  constructor(private permits: number) {}
  async acquire(): Promise<void> {
    if (this.permits > 0) {
      this.permits--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.permits++;
  }
}

const setup = workerData as DeliveriesSetup;
const port = parentPort!;
const pools = setup.serviceUrls.map((url) => new Pool(url, { connections: setup.connections }));
const connections = new Semaphore(setup.connections);
let updateId = 5_000_000;

/** Delivers one Approve press like Telegram and hands on the Bot API call its response holds. */
async function approve(card: Card, service: number): Promise<void> {
  const id = updateId++;
  const response = await pools[service]!.request({
    path: "/telegram/webhook",
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": setup.secret },
    body: JSON.stringify({
      update_id: id,
      callback_query: {
        id: `bench-${id}`,
        chat_instance: "bench",
        from: { id: card.chatId, is_bot: false, first_name: "Bench" },
        data: `a:${card.draftId}`,
        message: {
          message_id: card.messageId,
          date: 0,
          chat: { id: card.chatId, type: "private" },
          text: "card",
        },
      },
    }),
  });
  const body = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`webhook answered ${response.statusCode}`);
  const contentType = response.headers["content-type"];
  if (body) {
    const report: DeliveriesReport = {
      kind: "reply",
      body,
      contentType: typeof contentType === "string" ? contentType : null,
    };
    port.postMessage(report);
  }
}

/** Per chat one update at a time, and no more than `connections` in flight overall; resolves with the latency. */
async function deliver(card: Card, service: number): Promise<number> {
  await connections.acquire();
  try {
    const sent = performance.now();
    await approve(card, service);
    return performance.now() - sent;
  } finally {
    connections.release();
  }
}

async function burst(service: number, from: number, to: number) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    setup.cards.map(async (chat) => {
      for (const card of chat.slice(from, to)) latencies.push(await deliver(card, service));
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

async function paced(service: number, from: number, to: number, rate: number) {
  const latencies: number[] = [];
  const chats = setup.cards.length;
  const started = performance.now();
  await Promise.all(
    setup.cards.map(async (chat, c) => {
      for (let i = 0; i < to - from; i++) {
        const due = started + ((i * chats + c) * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await deliver(chat[from + i]!, service);
        latencies.push(performance.now() - due);
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

port.on("message", (command: DeliveriesCommand) => {
  const run =
    command.kind === "burst"
      ? burst(command.service, command.from, command.to)
      : paced(command.service, command.from, command.to, command.rate);
  run.then(
    (result) => port.postMessage({ kind: "done", ...result } satisfies DeliveriesReport),
    (error: Error) => port.postMessage({ kind: "failed", message: error.message } satisfies DeliveriesReport),
  );
});
