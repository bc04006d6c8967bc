/**
 * Runs the ingester over the third-party feed corpus beside the repository (shared/feeds, see its README): every
 * input must parse or fail with a typed FeedError, the rss-parser and feed-rs goldens must agree
 * with us on titles, links, ids and dates, and feedparser's expectations for the fields we
 * support must keep passing above a floor, with the known failures listed by name.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { decodeFeedBytes, detectFeedEncoding } from "../../src/ingest/decode-feed-bytes.ts";
import { FeedError, type FeedErrorCode } from "../../src/ingest/feed-error.ts";
import { parseFeed } from "../../src/ingest/parse-feed.ts";
import type { ParsedFeed } from "../../src/ingest/parsed-feed.ts";
import { collapseWhitespace, htmlToPlainText } from "../../src/shared/html-text.ts";
import { FEED_CORPUS_DIR, FEED_CORPUS_MANIFEST } from "./feed-corpus-location.ts";

/** The largest input (giantbomb-podcast.rss, 1.6 MB) parses in well under a second; 5 s catches a hang. */
const PARSE_TIME_LIMIT_MS = 5_000;

interface ManifestRow {
  localPath: string;
  sha256: string;
}

const MANIFEST: ManifestRow[] = readFileSync(FEED_CORPUS_MANIFEST, "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const columns = line.split("\t");
    return { localPath: columns[0]!, sha256: columns[5]! };
  });

const FEED_INPUTS = MANIFEST.map((row) => row.localPath).filter(
  (file) =>
    !/(^|\/)LICENSE[^/]*$/.test(file) &&
    !file.startsWith("rss-parser/test/output/") &&
    !file.endsWith(".serde.json"),
);

/**
 * Inputs we refuse, and why. Everything else in the corpus must parse. Truncated documents are
 * refused on purpose (feed-rs's rss_2.0_invalid_1.xml must fail), which costs the feedparser
 * cases whose closing root tag lost its `>`.
 */
const EXPECTED_FAILURES: { match: RegExp; code: FeedErrorCode; why: string }[] = [
  {
    match: /^rss-parser\/test\/input\/unrecognized\.rss$/,
    code: "not_a_feed",
    why: "an HTML 'Document Moved' page",
  },
  {
    match: /^feed-rs\/feed-rs\/fixture\/rss2\/rss_2\.0_invalid_1\.xml$/,
    code: "malformed",
    why: "a truncated feed",
  },
  { match: /\.json$/, code: "not_a_feed", why: "JSON Feed is not supported" },
  { match: /^feed-rs\/feed-rs\/fixture\/xml\//, code: "not_a_feed", why: "XML samples that are not feeds" },
  {
    match: /^feed-rs\/feed-rs\/fixture\/atom\/atom_entry_1\.xml$/,
    code: "not_a_feed",
    why: "a lone Atom entry",
  },
  { match: /^feedparser\/tests\/wellformed\/(cdf\/|base\/cdf_)/, code: "not_a_feed", why: "Microsoft CDF" },
  {
    match: /^feedparser\/tests\/wellformed\/namespace\/rss2\.0NSwithModulesNoDefNS/,
    code: "not_a_feed",
    why: "a prefixed root element (<r:rss>)",
  },
  {
    match:
      /^feedparser\/tests\/illformed\/(aaa_illformed|rdf_channel_empty_textinput|rss_empty_document|rss_incomplete_cdata|rss_item_link_corrupted_ampersands)\.xml$/,
    code: "malformed",
    why: "deliberately broken XML",
  },
  {
    match:
      /^feedparser\/tests\/(entities\/(160|732|8216|8217|8220|8221|9830|attr_amp|hex_entity_x_lowercase|hex_entity_x_uppercase|query_variable_entry|query_variable_feed)|encoding\/bozo_invalid-bytes-with-bom)\.xml$/,
    code: "malformed",
    why: "the closing root tag is cut off",
  },
];

type Outcome =
  | { kind: "parsed"; feed: ParsedFeed }
  | { kind: "refused"; error: FeedError }
  | { kind: "crashed"; error: unknown };

/** feedparser's HTTP cases carry their Content-Type in a `Header:` line of the leading comment. */
function simulatedContentType(file: string, bytes: Buffer): string | undefined {
  if (!file.startsWith("feedparser/")) return undefined;
  return /^\s*Header:\s*Content-type:\s*(.+?)\s*$/im.exec(decodeFeedBytes(bytes))?.[1];
}

async function readInput(file: string): Promise<{ bytes: Buffer; contentType: string | undefined }> {
  const bytes = await readFile(path.join(FEED_CORPUS_DIR, file));
  return { bytes, contentType: simulatedContentType(file, bytes) };
}

async function ingest(file: string): Promise<Outcome> {
  const { bytes, contentType } = await readInput(file);
  try {
    return { kind: "parsed", feed: await parseFeed(decodeFeedBytes(bytes, contentType)) };
  } catch (error) {
    return error instanceof FeedError ? { kind: "refused", error } : { kind: "crashed", error };
  }
}

async function parsedFeed(file: string): Promise<ParsedFeed> {
  const outcome = await ingest(file);
  if (outcome.kind !== "parsed") throw new Error(`${file} did not parse: ${String(outcome.error)}`);
  return outcome.feed;
}

/** Titles are equal when they are equal as plain text: the goldens keep padding and inline HTML. */
function sameTitle(ours: string, theirs: string): boolean {
  if (ours === collapseWhitespace(theirs) || ours === htmlToPlainText(theirs, 1_000)) return true;
  // rss-parser decoded uolNoticias.rss's Latin-1 as UTF-8, so its golden has U+FFFD where we have letters.
  if (!theirs.includes("\uFFFD")) return false;
  const pattern = collapseWhitespace(theirs)
    .split("\uFFFD")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".");
  return new RegExp(`^${pattern}$`, "u").test(ours);
}

/** Compares URLs the way a browser would (host case, trailing slash on a bare host), resolving relative ones. */
function sameUrl(ours: string | undefined, theirs: string | undefined, base: string | undefined): boolean {
  if (theirs === undefined || ours === undefined) return ours === theirs;
  try {
    return new URL(ours).href === new URL(theirs.trim(), base).href;
  } catch {
    return ours === theirs.trim();
  }
}

function isoSeconds(date: Date | string | undefined): string | undefined {
  return date === undefined ? undefined : new Date(date).toISOString().replace(".000Z", "Z");
}

describe("the shared corpus is intact", () => {
  test("every fixture matches the SHA-256 in MANIFEST.tsv (no editor or line-ending damage)", async () => {
    const damaged: string[] = [];
    for (const row of MANIFEST) {
      const bytes = await readFile(path.join(FEED_CORPUS_DIR, row.localPath));
      if (createHash("sha256").update(bytes).digest("hex") !== row.sha256) damaged.push(row.localPath);
    }
    expect(damaged).toEqual([]);
    expect(FEED_INPUTS.length).toBeGreaterThan(2_200);
  });
});

describe("every feed input parses or is refused with a typed FeedError, in time", () => {
  test.each(FEED_INPUTS)(
    "%s",
    async (file) => {
      const started = performance.now();
      const outcome = await ingest(file);
      const elapsed = performance.now() - started;

      expect(outcome.kind, outcome.kind === "crashed" ? String(outcome.error) : undefined).not.toBe(
        "crashed",
      );
      expect(elapsed).toBeLessThan(PARSE_TIME_LIMIT_MS);
      const expectedFailure = EXPECTED_FAILURES.find((failure) => failure.match.test(file));
      if (expectedFailure === undefined) {
        expect(outcome.kind, outcome.kind === "refused" ? outcome.error.message : undefined).toBe("parsed");
      } else {
        expect(outcome.kind, `expected a refusal (${expectedFailure.why})`).toBe("refused");
        const { error } = outcome as { error: FeedError };
        expect(error.code).toBe(expectedFailure.code);
        expect(error.message.length).toBeGreaterThan(20);
      }
    },
    PARSE_TIME_LIMIT_MS * 2,
  );

  test("the two known broken files are refused with a reason", async () => {
    const unrecognized = await ingest("rss-parser/test/input/unrecognized.rss");
    expect(unrecognized.kind === "refused" && unrecognized.error.message).toBe(
      "This address returns a web page (HTML), not an RSS or Atom feed.",
    );
    const truncated = await ingest("feed-rs/feed-rs/fixture/rss2/rss_2.0_invalid_1.xml");
    expect(truncated.kind === "refused" && truncated.error.message).toMatch(
      /^The feed is not valid XML \(Unclosed root tag/,
    );
  });
});

describe("rss-parser goldens", () => {
  const goldens = MANIFEST.map((row) => row.localPath).filter((file) =>
    file.startsWith("rss-parser/test/output/"),
  );
  const inputFor = (golden: string) => {
    const name = path.basename(golden, ".json");
    return FEED_INPUTS.find((file) => file.startsWith(`rss-parser/test/input/${name}.`))!;
  };

  test("there is a golden for every rss-parser input except the two without one", () => {
    expect(goldens).toHaveLength(29);
    expect(goldens.every((golden) => inputFor(golden) !== undefined)).toBe(true);
  });

  test.each(goldens)("%s", async (golden) => {
    // The golden of encoding.rss is itself Latin-1 (README §1).
    const expected = JSON.parse(
      await readFile(
        path.join(FEED_CORPUS_DIR, golden),
        golden.endsWith("/encoding.json") ? "latin1" : "utf8",
      ),
    ).feed as {
      title?: string;
      link?: string;
      items: {
        title?: string;
        link?: string;
        guid?: string;
        id?: string;
        "rdf:about"?: string;
        isoDate?: string;
      }[];
    };
    const feed = await parsedFeed(inputFor(golden));

    expect(sameTitle(feed.title, expected.title ?? ""), `feed title ${feed.title} vs ${expected.title}`).toBe(
      true,
    );
    expect(sameUrl(feed.link, expected.link, feed.link), `feed link ${feed.link} vs ${expected.link}`).toBe(
      true,
    );
    expect(feed.items).toHaveLength(expected.items.length);
    expected.items.forEach((theirs, index) => {
      const ours = feed.items[index]!;
      const where = `item ${index}`;
      expect(
        sameTitle(ours.title, theirs.title ?? ""),
        `${where} title: ${ours.title} vs ${theirs.title}`,
      ).toBe(true);
      expect(
        sameUrl(ours.link, theirs.link, feed.link),
        `${where} link: ${ours.link} vs ${theirs.link}`,
      ).toBe(true);
      expect(ours.guid, `${where} guid`).toBe((theirs.guid ?? theirs.id ?? theirs["rdf:about"])?.trim());
      expect(isoSeconds(ours.publishedAt), `${where} date`).toBe(isoSeconds(theirs.isoDate));
    });
  });
});

describe("feed-rs goldens", () => {
  const goldens = MANIFEST.map((row) => row.localPath).filter(
    (file) =>
      file.endsWith(".serde.json") &&
      !file.includes("/jsonfeed/") &&
      !file.endsWith("/atom_entry_1.serde.json"),
  );

  interface FeedRsLink {
    href: string;
    rel: string | null;
  }
  interface FeedRsFeed {
    title: { content: string } | null;
    links: FeedRsLink[];
    entries: {
      id: string;
      title: { content: string } | null;
      links: FeedRsLink[];
      published: string | null;
      updated: string | null;
    }[];
  }

  test.each(goldens)("%s", async (golden) => {
    const expected = JSON.parse(await readFile(path.join(FEED_CORPUS_DIR, golden), "utf8")) as FeedRsFeed;
    const input = FEED_INPUTS.find((file) => file.startsWith(golden.replace(/\.serde\.json$/, ".")))!;
    const feed = await parsedFeed(input);

    const siteLink = expected.links.find((link) => link.rel === null || link.rel === "alternate")?.href;
    expect(sameTitle(feed.title, expected.title?.content ?? ""), `feed title ${feed.title}`).toBe(true);
    expect(sameUrl(feed.link, siteLink, feed.link), `feed link ${feed.link} vs ${siteLink}`).toBe(true);
    expect(feed.items).toHaveLength(expected.entries.length);
    expected.entries.forEach((theirs, index) => {
      const ours = feed.items[index]!;
      const where = `entry ${index}`;
      expect(sameTitle(ours.title, theirs.title?.content ?? ""), `${where} title: ${ours.title}`).toBe(true);
      // We also take a permalink guid as the link, and read more date formats; compare where feed-rs has a value.
      const theirLink = theirs.links[0]?.href;
      if (theirLink !== undefined) {
        expect(sameUrl(ours.link, theirLink, feed.link), `${where} link: ${ours.link} vs ${theirLink}`).toBe(
          true,
        );
      }
      // feed-rs invents an MD5 or UUID id when the source has none.
      const generatedId =
        /^[0-9a-f]{30,32}$/.test(theirs.id) || /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(theirs.id);
      if (!generatedId) expect(ours.guid, `${where} id`).toBe(theirs.id);
      const theirDate = theirs.published ?? theirs.updated;
      if (theirDate !== null)
        expect(isoSeconds(ours.publishedAt), `${where} date`).toBe(isoSeconds(theirDate));
    });
  });
});

describe("feedparser expectations for the fields we support", () => {
  interface ExpectationCase {
    file: string;
    category: string;
    expectNotBozo: boolean;
    path: (string | number)[];
    equals: string;
  }
  const SUPPORTED_PATH =
    /^(feed\.(title|link)|entries\.\d+\.(title|link|id|guid|summary|description|published|updated))$/;
  const expectations = JSON.parse(
    readFileSync(path.join(FEED_CORPUS_DIR, "feedparser-expectations.json"), "utf8"),
  ) as {
    cases: ExpectationCase[];
  };
  const cases = expectations.cases.filter((entry) => SUPPORTED_PATH.test(entry.path.join(".")));
  const caseName = (entry: ExpectationCase) => `${entry.file} ${entry.path.join(".")}`;

  /**
   * Cases we fail on purpose. New failures break the build; a case that starts passing must be
   * removed from here, so the list only shrinks.
   */
  const KNOWN_FAILURES = new Map<string, string>([
    [
      "tests/wellformed/rss/entity_in_doctype.xml entries.0.guid",
      "DTD entities are never expanded (entity bombs, XXE)",
    ],
    ...[
      "160 feed.title",
      "732 feed.title",
      "8216 feed.title",
      "8217 feed.title",
      "8220 feed.title",
      "8221 feed.title",
      "9830 feed.title",
      "attr_amp feed.link",
      "hex_entity_x_lowercase entries.0.title",
      "hex_entity_x_uppercase entries.0.title",
      "query_variable_entry entries.0.link",
      "query_variable_feed feed.link",
    ].map((name): [string, string] => [
      `tests/entities/${name.replace(" ", ".xml ")}`,
      "the closing root tag is cut off and truncated documents are refused",
    ]),
  ]);

  const results = new Map<string, { passed: boolean; got: unknown }>();

  beforeAll(async () => {
    for (const entry of cases) {
      const outcome = await ingest(`feedparser/${entry.file}`);
      results.set(caseName(entry), evaluate(entry, outcome));
    }
  });

  function evaluate(entry: ExpectationCase, outcome: Outcome): { passed: boolean; got: unknown } {
    if (outcome.kind !== "parsed")
      return { passed: false, got: outcome.kind === "refused" ? outcome.error.message : outcome.error };
    const { feed } = outcome;
    const [scope, indexOrField, entryField] = entry.path;
    const expected = entry.equals;
    if (scope === "feed") {
      if (indexOrField === "title") return { passed: sameTitle(feed.title, expected), got: feed.title };
      return { passed: feed.link === expected, got: feed.link };
    }
    const item = feed.items[indexOrField as number];
    if (item === undefined) return { passed: false, got: "no such entry" };
    switch (entryField) {
      case "title":
        return { passed: sameTitle(item.title, expected), got: item.title };
      case "link":
        return { passed: item.link === expected, got: item.link };
      case "id":
      case "guid":
        return { passed: item.guid === expected, got: item.guid };
      case "summary":
      case "description":
        // Our summary is the plain-text form of feedparser's (sanitised HTML) summary.
        return { passed: item.summary === htmlToPlainText(expected, 2_000), got: item.summary };
      default:
        // published/updated: we keep one date per item, the publication date falling back to the update.
        return {
          passed: item.publishedAt?.getTime() === new Date(expected).getTime(),
          got: item.publishedAt,
        };
    }
  }

  test.each(cases.map((entry) => [caseName(entry), entry] as const))("%s", (name, entry) => {
    const result = results.get(name)!;
    const knownFailure = KNOWN_FAILURES.get(name);
    if (knownFailure !== undefined) {
      expect(result.passed, `now passes; remove it from KNOWN_FAILURES (${knownFailure})`).toBe(false);
    } else {
      expect(
        result.passed,
        `expected ${JSON.stringify(entry.equals)}, got ${JSON.stringify(result.got)}`,
      ).toBe(true);
    }
  });

  test("the pass rate stays above 95 % and every known failure is a real case", () => {
    const passed = [...results.values()].filter((result) => result.passed).length;
    expect(cases.length).toBeGreaterThan(370);
    expect(passed / cases.length).toBeGreaterThanOrEqual(0.95);
    for (const name of KNOWN_FAILURES.keys()) expect(results.has(name), name).toBe(true);
  });
});

describe("charset detection on feedparser's encoding cases", () => {
  /**
   * feedparser follows RFC 3023, where text/* without a charset means US-ASCII; RFC 7303 replaced
   * that rule with "use the BOM or the XML declaration", which is what we do.
   */
  const RFC_3023_TEXT_DEFAULTS = new Set([
    "http_text_atom_xml_default.xml",
    "http_text_rss_xml_default.xml",
    "http_text_xml_bogus_charset.xml",
    "http_text_xml_bogus_param.xml",
    "http_text_xml_default.xml",
    "http_text_xml_epe_default.xml",
    "http_text_xml_qs.xml",
  ]);
  const encodingCases = FEED_INPUTS.filter((file) => file.startsWith("feedparser/tests/encoding/")).flatMap(
    (file) => {
      const bytes = readFileSync(path.join(FEED_CORPUS_DIR, file));
      const expected = /encoding == '([^']+)'/.exec(decodeFeedBytes(bytes))?.[1];
      return expected === undefined || RFC_3023_TEXT_DEFAULTS.has(path.basename(file))
        ? []
        : [[file, expected] as const];
    },
  );

  /** The WHATWG name for feedparser's label (us-ascii and iso-8859-1 are windows-1252 there; GBK is decoded as gb18030). */
  function whatwgName(label: string): string {
    if (/^utf-32/i.test(label)) return label.toLowerCase();
    const name = new TextDecoder(label).encoding;
    return name === "gbk" ? "gb18030" : name;
  }

  test.each(encodingCases)("%s is read as %s", (file, expected) => {
    const bytes = readFileSync(path.join(FEED_CORPUS_DIR, file));
    const detected = detectFeedEncoding(bytes, simulatedContentType(file, bytes)).encoding;
    expect(whatwgName(detected)).toBe(whatwgName(expected));
  });
});
