import { describe, expect, test } from "vitest";
import { parseFeedDate } from "../src/ingest/parse-feed-date.ts";

describe("parseFeedDate", () => {
  test.each([
    ["Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21.000Z"],
    ["Tue, 01 Oct 2019 14:30:00 PST", "2019-10-01T22:30:00.000Z"],
    ["Sat, 21 Mar 2020 06:29:51 -0400", "2020-03-21T10:29:51.000Z"],
    ["01 Jan 04 19:48 +0100", "2004-01-01T18:48:00.000Z"],
    ["Mon, 5 Feb 2024 08:00:00", "2024-02-05T08:00:00.000Z"],
    ["2003-12-31T10:14:55Z", "2003-12-31T10:14:55.000Z"],
    ["2003-12-31T10:14:55.25+02:00", "2003-12-31T08:14:55.250Z"],
    ["2003-12-31", "2003-12-31T00:00:00.000Z"],
    ["  2003-12-31 10:14  ", "2003-12-31T10:14:00.000Z"],
    ["Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33.000Z"],
  ])("reads %j as %s", (raw, iso) => {
    expect(parseFeedDate(raw)?.toISOString()).toBe(iso);
  });

  test("a date without a zone is UTC, whatever the server's time zone", () => {
    expect(parseFeedDate("2024-06-01T12:00:00")?.toISOString()).toBe("2024-06-01T12:00:00.000Z");
  });

  test.each(["", "   ", "not a date", "32 Foo 2025", "2025-13-40T00:00:00Z", undefined])(
    "gives undefined for %j instead of throwing",
    (raw) => {
      expect(parseFeedDate(raw)).toBeUndefined();
    },
  );
});
