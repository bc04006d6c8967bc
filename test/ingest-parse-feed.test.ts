import { describe, expect, test } from "vitest";
import { FeedError } from "../src/ingest/feed-error.ts";
import { parseFeed, SUMMARY_MAX_CHARS } from "../src/ingest/parse-feed.ts";

function rss(items: string, channelExtras = "", rootAttributes = ' version="2.0"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss${rootAttributes} xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example News</title><link>https://news.example.com/</link>${channelExtras}
${items}
</channel></rss>`;
}

function atom(entries: string, feedExtras = ""): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<title>Example Blog</title><link href="https://blog.example.com/"/><link rel="self" href="https://blog.example.com/feed.atom"/>${feedExtras}
${entries}
</feed>`;
}

async function parseFailure(xml: string): Promise<FeedError> {
  const error = await parseFeed(xml).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FeedError);
  return error as FeedError;
}

describe("parseFeed reads the common formats", () => {
  test("an RSS 2.0 item becomes a plain-text item with its guid, link, author and date", async () => {
    const feed = await parseFeed(
      rss(`<item>
        <title>Council approves &lt;b&gt;new&lt;/b&gt; bike lanes</title>
        <link>https://news.example.com/bike-lanes</link>
        <guid isPermaLink="false">news-4711</guid>
        <description>&lt;p&gt;The council voted &lt;a href="https://x.test"&gt;9 to 2&lt;/a&gt;.&lt;/p&gt;
           &lt;p&gt;Work starts   in May.&lt;/p&gt;</description>
        <author>desk@news.example.com (Ana Lima)</author>
        <pubDate>Tue, 03 Jun 2025 09:30:00 +0200</pubDate>
      </item>`),
    );
    expect(feed.title).toBe("Example News");
    expect(feed.link).toBe("https://news.example.com/");
    expect(feed.items).toEqual([
      {
        guid: "news-4711",
        link: "https://news.example.com/bike-lanes",
        title: "Council approves new bike lanes",
        summary: "The council voted 9 to 2. Work starts in May.",
        author: "Ana Lima",
        publishedAt: new Date("2025-06-03T07:30:00Z"),
      },
    ]);
  });

  test("an Atom entry uses its alternate link, id, published date and summary", async () => {
    const feed = await parseFeed(
      atom(`<entry>
        <title type="html">Release &lt;em&gt;2.0&lt;/em&gt;</title>
        <link rel="edit" href="https://blog.example.com/edit/1"/>
        <link rel="alternate" type="text/html" href="https://blog.example.com/posts/release-2"/>
        <id>tag:blog.example.com,2025:1</id>
        <updated>2025-06-02T10:00:00Z</updated>
        <published>2025-06-01T08:00:00+01:00</published>
        <author><name>Sam</name></author>
        <summary>Two years in the making.</summary>
        <content type="html">&lt;p&gt;The long story.&lt;/p&gt;</content>
      </entry>`),
    );
    expect(feed.title).toBe("Example Blog");
    expect(feed.link).toBe("https://blog.example.com/");
    expect(feed.items[0]).toEqual({
      guid: "tag:blog.example.com,2025:1",
      link: "https://blog.example.com/posts/release-2",
      title: "Release 2.0",
      summary: "Two years in the making.",
      author: "Sam",
      publishedAt: new Date("2025-06-01T07:00:00Z"),
    });
  });

  test("RSS 1.0 (RDF) and RSS 0.91 are detected from the content, not the file name", async () => {
    const rdf = await parseFeed(`<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="https://rdf.example.com/"><title>RDF Site</title><link>https://rdf.example.com/</link></channel>
        <item rdf:about="https://rdf.example.com/1"><title>First</title><link>https://rdf.example.com/1</link></item>
        <item rdf:about="https://rdf.example.com/2"><title>Second</title><link>https://rdf.example.com/2</link></item>
      </rdf:RDF>`);
    expect(rdf.title).toBe("RDF Site");
    expect(rdf.items.map((item) => [item.title, item.guid])).toEqual([
      ["First", "https://rdf.example.com/1"],
      ["Second", "https://rdf.example.com/2"],
    ]);

    const old = await parseFeed(rss("<item><title>Old school</title></item>", "", ' version="0.91"'));
    expect(old.items.map((item) => item.title)).toEqual(["Old school"]);
  });

  test("an <rss> element without a version attribute still parses as RSS", async () => {
    const feed = await parseFeed(
      rss("<item><title>No version</title><link>https://news.example.com/a</link></item>", "", ""),
    );
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.link).toBe("https://news.example.com/a");
  });

  test("HTML entities that XML does not define (&nbsp;, &eacute;) are decoded instead of failing the feed", async () => {
    const feed = await parseFeed(rss("<item><title>Caf&eacute;&nbsp;opens &copy; 2025</title></item>"));
    expect(feed.items[0]?.title).toBe("Café opens © 2025");
  });

  test("Atom type=text keeps literal angle brackets, while type=html is turned into text", async () => {
    const feed = await parseFeed(
      atom(`<entry><id>1</id><title type="text">Why &lt;blink&gt; died</title></entry>
            <entry><id>2</id><title type="html">Why &lt;blink&gt;died&lt;/blink&gt;</title></entry>
            <entry><id>3</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Inline <b>markup</b></div></title></entry>`),
    );
    expect(feed.items.map((item) => item.title)).toEqual(["Why <blink> died", "Why died", "Inline markup"]);
  });
});

describe("one bad item never costs the others", () => {
  test("an Atom entry with an unparseable date keeps its other fields, and later entries survive", async () => {
    const feed = await parseFeed(
      atom(`<entry><id>a</id><title>Broken date</title><published>not a date</published></entry>
            <entry><id>b</id><title>Fine</title><published>2025-01-02T03:04:05Z</published></entry>`),
    );
    expect(feed.items).toEqual([
      { guid: "a", title: "Broken date", summary: "" },
      { guid: "b", title: "Fine", summary: "", publishedAt: new Date("2025-01-02T03:04:05Z") },
    ]);
  });

  test("a garbled pubDate falls back to dc:date", async () => {
    const feed = await parseFeed(
      rss(
        "<item><title>x</title><pubDate>32 Foo 2025</pubDate><dc:date>2025-03-04T05:06:07Z</dc:date></item>",
      ),
    );
    expect(feed.items[0]?.publishedAt).toEqual(new Date("2025-03-04T05:06:07Z"));
  });

  test("an Atom <link> without attributes does not reject the feed", async () => {
    const feed = await parseFeed(
      atom(`<entry><id>a</id><title>Text link</title><link>https://blog.example.com/text-link</link></entry>
            <entry><id>b</id><title>Normal</title><link href="https://blog.example.com/normal"/></entry>`),
    );
    expect(feed.items.map((item) => item.link)).toEqual([
      "https://blog.example.com/text-link",
      "https://blog.example.com/normal",
    ]);
  });
});

describe("links and pictures", () => {
  test("relative item links and pictures resolve against the feed's link", async () => {
    const feed = await parseFeed(
      rss(
        `<item><title>Rel</title><link>/2025/rel</link><enclosure url="img/rel.jpg" type="image/jpeg" length="1"/></item>`,
      ),
    );
    expect(feed.items[0]?.link).toBe("https://news.example.com/2025/rel");
    expect(feed.items[0]?.imageUrl).toBe("https://news.example.com/img/rel.jpg");
  });

  test("a relative feed link resolves against the address the feed was fetched from", async () => {
    const feed = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><link href="/blog/"/>
        <entry><id>1</id><title>a</title><link href="posts/1"/></entry></feed>`,
      { feedUrl: "https://example.org/blog/feed.xml" },
    );
    expect(feed.link).toBe("https://example.org/blog/");
    expect(feed.items[0]?.link).toBe("https://example.org/blog/posts/1");
  });

  test("a guid that is a permalink stands in for a missing <link>, but not when isPermaLink is false", async () => {
    const feed = await parseFeed(
      rss(`<item><title>a</title><guid>https://news.example.com/by-guid</guid></item>
           <item><title>b</title><guid isPermaLink="false">https://news.example.com/opaque</guid></item>`),
    );
    expect(feed.items.map((item) => item.link)).toEqual(["https://news.example.com/by-guid", undefined]);
  });

  test("the picture comes from an image enclosure before Media RSS, thumbnails and inline images", async () => {
    const feed = await parseFeed(
      rss(`
      <item><title>enclosure</title>
        <enclosure url="https://cdn.example.com/audio.mp3" type="audio/mpeg" length="1"/>
        <enclosure url="https://cdn.example.com/enclosure.jpg" type="image/jpeg" length="1"/>
        <media:content url="https://cdn.example.com/media.jpg" medium="image"/>
      </item>
      <item><title>media content, largest wins</title>
        <media:group>
          <media:content url="https://cdn.example.com/small.jpg" type="image/jpeg" width="320"/>
          <media:content url="https://cdn.example.com/large.jpg" type="image/jpeg" width="1280"/>
        </media:group>
        <media:thumbnail url="https://cdn.example.com/thumb.jpg"/>
      </item>
      <item><title>video poster</title>
        <media:content url="https://cdn.example.com/clip.mp4" medium="video">
          <media:thumbnail url="https://cdn.example.com/poster.jpg"/>
        </media:content>
      </item>
      <item><title>inline</title>
        <description>&lt;img src="https://track.example.com/p.gif" width="1" height="1"&gt;&lt;p&gt;Hi&lt;img src="/inline.png?a=1&amp;amp;b=2"&gt;&lt;/p&gt;</description>
      </item>
      <item><title>none</title><description>Just words.</description></item>`),
    );
    expect(feed.items.map((item) => item.imageUrl)).toEqual([
      "https://cdn.example.com/enclosure.jpg",
      "https://cdn.example.com/large.jpg",
      "https://cdn.example.com/poster.jpg",
      "https://news.example.com/inline.png?a=1&b=2",
      undefined,
    ]);
  });

  test("images in Atom content resolve against the content's own xml:base", async () => {
    const feed = await parseFeed(
      atom(`<entry><id>1</id><title>t</title>
        <content type="html" xml:base="https://cdn.example.net/posts/1/">&lt;p&gt;&lt;img src="cover.jpeg"/&gt;&lt;/p&gt;</content>
      </entry>`),
    );
    expect(feed.items[0]?.imageUrl).toBe("https://cdn.example.net/posts/1/cover.jpeg");
  });

  test("links that are not http(s) are dropped rather than passed on", async () => {
    const feed = await parseFeed(rss("<item><title>js</title><link>javascript:alert(1)</link></item>"));
    expect(feed.items[0]?.link).toBeUndefined();
  });
});

describe("summaries", () => {
  test("the summary prefers the description and falls back to content:encoded", async () => {
    const feed = await parseFeed(
      rss(`<item><title>a</title><description>Short.</description><content:encoded>&lt;p&gt;Long.&lt;/p&gt;</content:encoded></item>
           <item><title>b</title><content:encoded><![CDATA[<h2>Heading</h2><p>Only content.</p>]]></content:encoded></item>`),
    );
    expect(feed.items.map((item) => item.summary)).toEqual(["Short.", "Heading Only content."]);
  });

  test("a long summary is cut at a word boundary to about 2,000 characters", async () => {
    const words = Array.from({ length: 1000 }, (_, index) => `word${index}`).join(" ");
    const feed = await parseFeed(rss(`<item><title>long</title><description>${words}</description></item>`));
    const summary = feed.items[0]?.summary ?? "";
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS);
    expect(summary.length).toBeGreaterThan(SUMMARY_MAX_CHARS * 0.9);
    expect(summary.endsWith("…")).toBe(true);
    expect(summary.slice(0, -1)).toMatch(/word\d+$/);
  });
});

describe("parseFeed refuses what is not a feed, in plain words", () => {
  test("an HTML page is not a feed", async () => {
    const error = await parseFailure(
      "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi</p></body></html>",
    );
    expect(error.code).toBe("not_a_feed");
    expect(error.message).toBe("This address returns a web page (HTML), not an RSS or Atom feed.");
  });

  test("JSON is not a feed", async () => {
    const error = await parseFailure('{"version":"https://jsonfeed.org/version/1.1","items":[]}');
    expect(error.code).toBe("not_a_feed");
    expect(error.message).toContain("JSON");
  });

  test("XML that is not RSS or Atom names its root element", async () => {
    const error = await parseFailure('<?xml version="1.0"?><catalog><book id="1"/></catalog>');
    expect(error.code).toBe("not_a_feed");
    expect(error.message).toContain("<catalog>");
  });

  test("a truncated feed is malformed, with the XML parser's reason", async () => {
    const error = await parseFailure(rss("<item><title>cut</title></item>").slice(0, -20));
    expect(error.code).toBe("malformed");
    expect(error.message).toMatch(/^The feed is not valid XML \(.+\)\.$/);
  });

  test("an empty document is malformed", async () => {
    const error = await parseFailure("  \n ");
    expect(error.code).toBe("malformed");
    expect(error.message).toBe("The feed is empty.");
  });

  test("DTD entities are not expanded, so an entity bomb is inert", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
      <rss version="2.0"><channel><title>&d;</title></channel></rss>`;
    const feed = await parseFeed(bomb);
    expect(feed.title.length).toBeLessThan(100);
  });
});
