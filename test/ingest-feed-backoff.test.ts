import { describe, expect, test } from "vitest";
import {
  FIRST_RETRY_DELAY_MS,
  MAX_RETRY_DELAY_MS,
  nextFetchAfterFailure,
  OWNER_NOTIFICATION_THRESHOLD,
  shouldNotifyOwner,
} from "../src/ingest/feed-backoff.ts";

const NOW = new Date("2025-06-01T12:00:00Z");
const noJitter = () => 0.5;
const minutesAfterNow = (date: Date) => (date.getTime() - NOW.getTime()) / 60_000;

describe("nextFetchAfterFailure", () => {
  test("waits 5 minutes after the first failure and doubles after each one", () => {
    const delays = [1, 2, 3, 4, 5].map((failures) =>
      minutesAfterNow(nextFetchAfterFailure(failures, NOW, noJitter)),
    );
    expect(delays).toEqual([5, 10, 20, 40, 80]);
  });

  test("never waits more than 6 hours, even after years of failures", () => {
    expect(minutesAfterNow(nextFetchAfterFailure(8, NOW, noJitter))).toBe(MAX_RETRY_DELAY_MS / 60_000);
    expect(minutesAfterNow(nextFetchAfterFailure(100_000, NOW, noJitter))).toBe(360);
  });

  test("spreads retries by at most 10 % either way", () => {
    expect(nextFetchAfterFailure(1, NOW, () => 0).getTime() - NOW.getTime()).toBe(FIRST_RETRY_DELAY_MS * 0.9);
    expect(nextFetchAfterFailure(1, NOW, () => 0.999_999).getTime() - NOW.getTime()).toBeCloseTo(
      FIRST_RETRY_DELAY_MS * 1.1,
      -2,
    );
  });
});

describe("shouldNotifyOwner", () => {
  test("tells the owner once, when the failure streak reaches the threshold", () => {
    const notified = Array.from({ length: 20 }, (_, index) => index + 1).filter(shouldNotifyOwner);
    expect(notified).toEqual([OWNER_NOTIFICATION_THRESHOLD]);
    expect(OWNER_NOTIFICATION_THRESHOLD).toBe(5);
  });
});
