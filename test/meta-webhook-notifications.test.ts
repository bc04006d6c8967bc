import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config/config.ts";
import {
  readWebhookNotification,
  REPLAY_WINDOW_MS,
  WebhookNotificationError,
} from "../src/meta-webhooks/webhook-notification.ts";
import { checkWebhookSignature } from "../src/meta-webhooks/webhook-signature.ts";

const SECRET = "instagram-app-secret-for-tests";
const NOW = new Date("2026-12-02T10:00:00Z");

/** The header as Meta's docs describe it, computed here independently of the code under test. */
function metaHeader(body: string, secret = SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

function comment(id: string, time: number, accountId = "17841400000000001") {
  return {
    id: accountId,
    time,
    changes: [
      {
        field: "comments",
        value: {
          from: { id: "232323232", username: "test" },
          media: { id: "123123123", media_product_type: "FEED" },
          id,
          text: "This is an example.",
        },
      },
    ],
  };
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function refusal(body: unknown): WebhookNotificationError {
  try {
    readWebhookNotification(typeof body === "string" ? body : JSON.stringify(body), NOW);
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookNotificationError);
    return error as WebhookNotificationError;
  }
  throw new Error("expected the notification to be refused");
}

describe("checking X-Hub-Signature-256", () => {
  it("accepts Meta's signature over the bytes as received, escapes and spacing included", () => {
    // Re-serialising this body would turn "\/" into "/" and drop the spaces, and the HMAC would no longer match.
    const body = '{"object": "instagram", "entry": [{"text": "caf\\u00e9 \\/ bikes"}]}';
    const raw = new TextEncoder().encode(body);
    expect(checkWebhookSignature(raw, metaHeader(body), SECRET)).toBeUndefined();
    expect(
      checkWebhookSignature(raw, metaHeader(body).toUpperCase().replace("SHA256", "sha256"), SECRET),
    ).toBeUndefined();
    expect(checkWebhookSignature(raw, metaHeader(JSON.stringify(JSON.parse(body))), SECRET)).toBe("mismatch");
  });

  it("tells an unsigned, a malformed and a forged notification apart", () => {
    const body = new TextEncoder().encode("{}");
    expect(checkWebhookSignature(body, undefined, SECRET)).toBe("unsigned");
    expect(checkWebhookSignature(body, "", SECRET)).toBe("unsigned");
    expect(checkWebhookSignature(body, "sha1=" + "0".repeat(40), SECRET)).toBe("malformed");
    expect(checkWebhookSignature(body, "sha256=abc", SECRET)).toBe("malformed");
    expect(checkWebhookSignature(body, metaHeader("{}", "another-apps-secret"), SECRET)).toBe("mismatch");
  });
});

describe("reading a notification", () => {
  it("makes one inbox change per comment, keyed by the comment id, also across a batch", () => {
    const body = {
      object: "instagram",
      entry: [comment("c1", seconds(NOW)), comment("c2", seconds(NOW)), comment("c1", seconds(NOW))],
    };
    const changes = readWebhookNotification(JSON.stringify(body), NOW);
    expect(changes.map((change) => change.dedupeKey)).toEqual(["comments:c1", "comments:c2"]);
    expect(changes[0]).toMatchObject({
      accountId: "17841400000000001",
      field: "comments",
      eventTime: new Date(seconds(NOW) * 1000),
    });
  });

  it("reads entry time in seconds as Meta documents it, and in milliseconds as some examples show", () => {
    const inMs = readWebhookNotification(
      JSON.stringify({ object: "instagram", entry: [comment("c1", NOW.getTime())] }),
      NOW,
    );
    expect(inMs[0]!.eventTime).toEqual(NOW);
  });

  it("refuses a notification older than the replay window, and one from the future", () => {
    const old = new Date(NOW.getTime() - REPLAY_WINDOW_MS - 60_000);
    const stale = refusal({ object: "instagram", entry: [comment("c1", seconds(old))] });
    expect(stale.reason).toBe("stale");
    expect(stale.message).toBe(
      `Refused as a replay: entry time ${new Date(seconds(old) * 1000).toISOString()} is more than 48 hours old`,
    );
    // Meta's own retries (up to 36 h) are inside the window.
    const retried = new Date(NOW.getTime() - 36 * 3600_000);
    expect(
      readWebhookNotification(
        JSON.stringify({ object: "instagram", entry: [comment("c2", seconds(retried))] }),
        NOW,
      ),
    ).toHaveLength(1);
    const future = new Date(NOW.getTime() + 3600_000);
    expect(refusal({ object: "instagram", entry: [comment("c3", seconds(future))] }).reason).toBe("stale");
  });

  it("says what is wrong with a body that is not a notification", () => {
    expect(refusal("not json").message).toBe("The body is not JSON");
    expect(refusal({ object: "instagram" }).message).toContain("Not a Meta webhook notification: entry");
    const noMedia = comment("c1", seconds(NOW));
    delete (noMedia.changes[0]!.value as { media?: unknown }).media;
    const error = refusal({ object: "instagram", entry: [noMedia] });
    expect(error.reason).toBe("unreadable");
    expect(error.message).toContain("A comments change without media");
  });

  it("acknowledges and drops fields and objects Greenlight does not act on", () => {
    const mention = {
      id: "1",
      time: seconds(NOW),
      changes: [{ field: "mentions", value: { media_id: "9" } }],
    };
    expect(readWebhookNotification(JSON.stringify({ object: "instagram", entry: [mention] }), NOW)).toEqual(
      [],
    );
    expect(
      readWebhookNotification(JSON.stringify({ object: "page", entry: [comment("c1", seconds(NOW))] }), NOW),
    ).toEqual([]);
  });
});

describe("configuring the webhook", () => {
  it("refuses a verify token without the app secret that signs notifications, and a short token", () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env, { isOnSeparateMount: () => true });
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(problems({ META_WEBHOOK_VERIFY_TOKEN: "verify-token-for-meta-0123456789" })).toEqual([
      "INSTAGRAM_APP_SECRET: required when META_WEBHOOK_VERIFY_TOKEN is set (Meta signs webhook notifications with it)",
    ]);
    expect(problems({ META_WEBHOOK_VERIFY_TOKEN: "short", INSTAGRAM_APP_SECRET: SECRET })).toEqual([
      "META_WEBHOOK_VERIFY_TOKEN: expected 16-256 printable characters without spaces (`npm run keygen` makes one)",
    ]);
  });
});
