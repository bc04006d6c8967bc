import { describe, expect, it } from "vitest";
import { startLeaseHeartbeat } from "../src/scheduler/lease-heartbeat.ts";
import { createWorkerPool } from "../src/scheduler/worker-pool.ts";
import { capturedLogger } from "./helpers/log-capture.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean) {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 5000) throw new Error("condition not met within 5 s");
    await sleep(5);
  }
}

/** A queue of item numbers standing in for rows a claim takes; each is handed out once. */
function queueOf(count: number) {
  const items = Array.from({ length: count }, (_, i) => i);
  return { claim: async () => items.shift() };
}

describe("worker pool", () => {
  it("runs claimed items concurrently, never more than its limit, each once", async () => {
    const queue = queueOf(20);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const pool = createWorkerPool({
      name: "test",
      concurrency: 4,
      claim: queue.claim,
      run: async (item) => {
        running++;
        most = Math.max(most, running);
        await sleep(20);
        done.push(item);
        running--;
      },
      logger: capturedLogger().logger,
    });
    await pool.fill();
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(most).toBe(4);
  });

  it("keeps going past an item that fails, and logs it", async () => {
    const logs = capturedLogger();
    const done: number[] = [];
    const pool = createWorkerPool({
      name: "test",
      concurrency: 1,
      claim: queueOf(3).claim,
      run: async (item) => {
        if (item === 1) throw new Error("item one broke");
        done.push(item);
      },
      logger: logs.logger,
    });
    await pool.fill();
    expect(done).toEqual([0, 2]);
    expect(logs.text()).toContain("item one broke");
  });

  it("a later fill starts workers beside one still busy with a slow item", async () => {
    const items = ["slow"];
    let release!: () => void;
    const slowDone = new Promise<void>((resolve) => (release = resolve));
    const done: string[] = [];
    const pool = createWorkerPool({
      name: "test",
      concurrency: 3,
      claim: async () => items.shift(),
      run: async (item) => {
        if (item === "slow") await slowDone;
        done.push(item);
      },
      logger: capturedLogger().logger,
    });
    const first = pool.fill();
    await until(() => pool.busy === 1 && items.length === 0);
    items.push("quick-1", "quick-2");
    const second = pool.fill();
    await until(() => done.length === 2);
    expect(done).toEqual(["quick-1", "quick-2"]);
    release();
    await Promise.all([first, second]);
    expect(done).toEqual(["quick-1", "quick-2", "slow"]);
  });

  it("stop claims nothing more and reports what was still running", async () => {
    const queue = queueOf(10);
    let started = 0;
    const pool = createWorkerPool({
      name: "test",
      concurrency: 2,
      claim: queue.claim,
      run: async () => {
        started++;
        await sleep(200);
      },
      logger: capturedLogger().logger,
    });
    void pool.fill();
    await until(() => started === 2);
    expect(await pool.stop(20)).toBe(2);
    await sleep(250);
    expect(started).toBe(2);
  });
});

describe("lease heartbeat", () => {
  it("renews while the work runs, and signals when the lease was taken over", async () => {
    let renewals = 0;
    let held = true;
    const heartbeat = startLeaseHeartbeat({
      renew: async () => {
        renewals++;
        return held;
      },
      everyMs: 10,
      logger: capturedLogger().logger,
      item: { draftId: 1 },
    });
    await until(() => renewals >= 3);
    expect(heartbeat.lost.aborted).toBe(false);
    held = false;
    await until(() => heartbeat.lost.aborted);
    const after = renewals;
    await sleep(30);
    expect(renewals).toBe(after);
    heartbeat.stop();
  });

  it("a failed renewal is tried again at the next beat", async () => {
    let calls = 0;
    const heartbeat = startLeaseHeartbeat({
      renew: async () => {
        calls++;
        if (calls === 1) throw new Error("connection reset");
        return true;
      },
      everyMs: 10,
      logger: capturedLogger().logger,
      item: { draftId: 2 },
    });
    await until(() => calls >= 3);
    heartbeat.stop();
    expect(heartbeat.lost.aborted).toBe(false);
  });
});
