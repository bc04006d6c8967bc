import { describe, expect, it } from "vitest";
import { pauseForUsage, readRateUsage } from "../src/instagram/rate-usage.ts";

const headers = (values: Record<string, string>) => new Headers(values);

describe("Meta's rate-usage headers", () => {
  it("reads the app's usage from X-App-Usage, taking the highest of its three measures", () => {
    expect(
      readRateUsage(headers({ "x-app-usage": '{"call_count":28,"total_time":25,"total_cputime":61}' })),
    ).toEqual({ highestPercent: 61, regainAccessMinutes: 0 });
  });

  it("reads every business object's entries in X-Business-Use-Case-Usage, with Meta's wait in minutes", () => {
    const usage = readRateUsage(
      headers({
        "x-business-use-case-usage": JSON.stringify({
          "17841400000000001": [
            {
              type: "instagram",
              call_count: 12,
              total_cputime: 3,
              total_time: 8,
              estimated_time_to_regain_access: 0,
            },
          ],
          "17841400000000002": [
            {
              type: "instagram",
              call_count: 100,
              total_cputime: 40,
              total_time: 70,
              estimated_time_to_regain_access: 17,
            },
          ],
        }),
      }),
    );
    expect(usage).toEqual({ highestPercent: 100, regainAccessMinutes: 17 });
  });

  it("combines both headers when Meta sends both", () => {
    expect(
      readRateUsage(
        headers({
          "x-app-usage": '{"call_count":95,"total_time":5,"total_cputime":5}',
          "x-business-use-case-usage": '{"1":[{"type":"instagram","call_count":10}]}',
        }),
      ),
    ).toEqual({ highestPercent: 95, regainAccessMinutes: 0 });
  });

  it("treats no headers, or headers that are not Meta's JSON, as no news rather than zero usage", () => {
    expect(readRateUsage(headers({}))).toBeNull();
    expect(readRateUsage(headers({ "x-app-usage": "not json" }))).toBeNull();
    expect(readRateUsage(headers({ "x-app-usage": "[1,2]" }))).toBeNull();
    expect(readRateUsage(headers({ "x-business-use-case-usage": '{"1":"oops"}' }))).toBeNull();
    // Fields that are not numbers count for nothing; the rest still counts.
    expect(readRateUsage(headers({ "x-app-usage": '{"call_count":"99","total_time":42}' }))).toEqual({
      highestPercent: 42,
      regainAccessMinutes: 0,
    });
  });

  it("pauses ten minutes from 90 %, an hour at 100 % without an estimate, and as long as Meta says once blocked", () => {
    expect(pauseForUsage(null)).toBe(0);
    expect(pauseForUsage({ highestPercent: 89, regainAccessMinutes: 0 })).toBe(0);
    expect(pauseForUsage({ highestPercent: 90, regainAccessMinutes: 0 })).toBe(10 * 60_000);
    expect(pauseForUsage({ highestPercent: 100, regainAccessMinutes: 0 })).toBe(60 * 60_000);
    expect(pauseForUsage({ highestPercent: 100, regainAccessMinutes: 3 })).toBe(3 * 60_000);
    expect(pauseForUsage({ highestPercent: 20, regainAccessMinutes: 90 })).toBe(90 * 60_000);
    // A wild estimate cannot stop an account's posts for good.
    expect(pauseForUsage({ highestPercent: 100, regainAccessMinutes: 100_000 })).toBe(24 * 60 * 60_000);
  });
});
