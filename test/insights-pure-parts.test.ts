import { describe, expect, it } from "vitest";
import { classifyInsightFailure, planAfterMiss } from "../src/insights/insight-policy.ts";
import { suggestPostingTimes } from "../src/insights/best-hours.ts";
import { derivePerformanceLessons } from "../src/insights/performance-lessons.ts";
import { buildPerformanceReport, parseReportPeriod } from "../src/insights/performance-report.ts";
import { isoWeekKey, weeklyReportDue } from "../src/insights/weekly-schedule.ts";
import { InstagramApiError } from "../src/instagram/instagram-api-error.ts";

describe("the weekly report's week", () => {
  it("names ISO weeks across a year's end", () => {
    expect(isoWeekKey(2026, 12, 7)).toBe("2026-W50");
    expect(isoWeekKey(2026, 12, 28)).toBe("2026-W53");
    expect(isoWeekKey(2027, 1, 3)).toBe("2026-W53");
    expect(isoWeekKey(2027, 1, 4)).toBe("2027-W01");
  });

  it("is due from Monday 09:00 in the brand's time zone, not in UTC", () => {
    // 08:30 UTC on Monday is 09:30 in Berlin, 03:30 in New York and already 21:30 in Auckland.
    const at = new Date("2026-12-07T08:30:00Z");
    expect(weeklyReportDue(at, "Europe/Berlin")).toBe("2026-W50");
    expect(weeklyReportDue(at, "America/New_York")).toBeUndefined();
    expect(weeklyReportDue(at, "Pacific/Auckland")).toBe("2026-W50");
    // Sunday evening in New York is Monday morning in Tokyo.
    expect(weeklyReportDue(new Date("2026-12-07T00:30:00Z"), "Asia/Tokyo")).toBe("2026-W50");
    expect(weeklyReportDue(new Date("2026-12-07T00:30:00Z"), "America/New_York")).toBeUndefined();
  });
});

describe("the report's numbers", () => {
  const post = (views: number | null, reach: number | null, interactions: number | null, day: number) => ({
    draftId: day,
    caption: `Day ${day}`,
    permalink: null,
    publishedAt: new Date(Date.UTC(2026, 11, day)).toISOString(),
    views,
    reach,
    interactions,
  });

  it("leaves the rate and the cost per 1,000 views unknown without reach or views, and has no weakest of one", () => {
    const report = buildPerformanceReport({
      days: 7,
      from: new Date(0),
      to: new Date(1),
      posts: [post(null, null, null, 2), post(100, null, null, 1)],
      aiSpendUsd: 0.2,
    });
    expect(report).toMatchObject({ posts: 2, measured: 1, views: 100, engagementRate: null, worst: null });
    expect(report.best?.draftId).toBe(1);
    expect(report.costPerThousandViews).toBeCloseTo(2);
    expect(report.timeline.map((p) => p.draftId)).toEqual([1, 2]);
  });

  it("knows /report, /report 7 and /report 30 only", () => {
    expect(parseReportPeriod("")).toBe(7);
    expect(parseReportPeriod(" 7 ")).toBe(7);
    expect(parseReportPeriod("30")).toBe(30);
    expect(parseReportPeriod("31")).toBeUndefined();
    expect(parseReportPeriod("month")).toBeUndefined();
  });
});

describe("insights Instagram has not got", () => {
  const error = (code: number, message: string) =>
    new InstagramApiError({
      step: "media_insights",
      origin: "meta",
      httpStatus: 400,
      code,
      subcode: null,
      type: "OAuthException",
      metaMessage: message,
      fbtraceId: null,
    });

  it("tells not enough viewers from a missing permission, though both are code 10", () => {
    expect(
      classifyInsightFailure(error(10, "(#10) Not enough viewers for the media to show insights")).reason,
    ).toBe("not_enough_viewers");
    expect(classifyInsightFailure(error(10, "(#10) Application does not have permission")).reason).toBe(
      "missing_permission",
    );
  });

  it("retries a bounded number of times, except while the permission is missing", () => {
    const now = new Date(0);
    const viewers = { reason: "not_enough_viewers" as const, detail: "" };
    expect(planAfterMiss(viewers, 1, now)).toEqual({ kind: "retry", retryAt: new Date(24 * 3_600_000) });
    expect(planAfterMiss(viewers, 8, now)).toEqual({ kind: "give_up" });
    expect(planAfterMiss({ reason: "missing_permission", detail: "" }, 50, now).kind).toBe("retry");
  });
});

describe("learning from performance", () => {
  it("learns nothing from fewer than four measured posts", () => {
    const posts = [1, 2, 3].map((n) => ({ caption: `c${n}`, sourceTitle: `t${n}`, views: n * 100 }));
    expect(derivePerformanceLessons(posts)).toEqual({ bestCaptions: [], summary: "" });
  });

  it("suggests no times without enough posts, or when the best hours are the brand's times already", () => {
    const at = (hourUtc: number, day: number) => new Date(Date.UTC(2026, 10, day, hourUtc));
    const slots = [{ time: "18:00", days: [1, 2, 3, 4, 5, 6, 7] }];
    const few = [1, 2, 3].map((day) => ({ publishedAt: at(17, day), views: 100 }));
    expect(
      suggestPostingTimes({ posts: few, timeZone: "Europe/Berlin", currentSlots: slots }),
    ).toBeUndefined();
    const posts = [1, 2, 3, 4].map((day) => ({ publishedAt: at(17, day), views: 900 }));
    posts.push(...[5, 6].map((day) => ({ publishedAt: at(8, day), views: 100 })));
    expect(suggestPostingTimes({ posts, timeZone: "Europe/Berlin", currentSlots: slots })).toBeUndefined();
    expect(suggestPostingTimes({ posts, timeZone: "UTC", currentSlots: slots })).toEqual(["17:00"]);
  });
});
