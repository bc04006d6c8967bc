import { describe, expect, it } from "vitest";
import { describeConnectFailure, lacksPublishPermission } from "../src/instagram-auth/connect-failures.ts";
import { renderSimplePage } from "../src/instagram-auth/html-page.ts";
import { hashOAuthState, isWellFormedOAuthState, newOAuthState } from "../src/instagram-auth/oauth-state.ts";
import {
  connectedNotice,
  connectFailedNotice,
  reconnectNotice,
} from "../src/instagram-auth/owner-notices.ts";
import { visibleText } from "./fakes/fake-telegram.ts";

describe("OAuth state", () => {
  it("is 32 random bytes in base64url, and only its SHA-256 is kept", () => {
    const { state, hash } = newOAuthState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(state, "base64url")).toHaveLength(32);
    expect(hash).toBe(hashOAuthState(state));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(state);
    expect(newOAuthState().state).not.toBe(state);
  });

  it("hashes deterministically (known SHA-256 vector)", () => {
    const { state, hash } = newOAuthState((size) => Buffer.alloc(size, 0));
    expect(state).toBe("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(hash).toBe(hashOAuthState("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    expect(hashOAuthState("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("rejects anything that is not a state Greenlight could have issued", () => {
    for (const value of [
      undefined,
      null,
      42,
      "",
      "short",
      `${"A".repeat(42)}=`,
      "A".repeat(44),
      `${"A".repeat(42)}+`,
    ]) {
      expect(isWellFormedOAuthState(value)).toBe(false);
    }
    expect(isWellFormedOAuthState(newOAuthState().state)).toBe(true);
  });
});

describe("describeConnectFailure", () => {
  const base = { httpStatus: 400, code: 400 } as const;

  it("blames the code for a refused code exchange (400)", () => {
    expect(describeConnectFailure({ ...base, step: "exchange_code", origin: "meta" })).toEqual({
      status: 400,
      detail: "Instagram refused the login code (it works once, for one hour).",
      reason: "code-refused",
    });
  });

  it("calls outages and unreadable answers upstream problems (502)", () => {
    for (const failure of [
      { step: "exchange_code", origin: "network", httpStatus: null, code: null },
      { step: "exchange_long_lived", origin: "timeout", httpStatus: null, code: null },
      { step: "get_profile", origin: "meta", httpStatus: 500, code: 2 },
      { step: "exchange_long_lived", origin: "unexpected_body", httpStatus: 200, code: null },
    ] as const) {
      expect(describeConnectFailure(failure).status).toBe(502);
    }
  });

  it("explains a profile Instagram will not show as an account that is not professional", () => {
    expect(
      describeConnectFailure({ step: "get_profile", origin: "meta", httpStatus: 400, code: 10 }).detail,
    ).toContain("Only professional (business or creator) accounts can be connected.");
  });
});

describe("lacksPublishPermission", () => {
  it("is true only when Instagram reported permissions and publishing is missing", () => {
    expect(lacksPublishPermission(["instagram_business_basic"])).toBe(true);
    expect(lacksPublishPermission(["instagram_business_basic", "instagram_business_content_publish"])).toBe(
      false,
    );
    expect(lacksPublishPermission([])).toBe(false);
  });
});

describe("pages and owner messages", () => {
  it("escape every value they show", () => {
    const page = renderSimplePage({
      title: "<b>t</b>",
      paragraphs: ['Connected @x"><script>alert(1)</script>'],
    });
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<b>t</b>");
    expect(page).toContain("&#60;script&#62;");

    const connected = connectedNotice({ brandName: "A & B <Bikes>", brandCount: 2, username: "x<y" });
    const parsed = visibleText(connected.text, connected.parse_mode);
    expect(parsed).toEqual({ text: expect.stringContaining("A & B <Bikes>") });
    expect(parsed).toEqual({ text: expect.stringContaining("@x<y") });

    const failed = connectFailedNotice(
      { brandName: "<Brand>", brandCount: 2 },
      { kind: "instagram_error", error: "a <b>c</b>" },
    );
    expect(visibleText(failed.text, failed.parse_mode)).toEqual({
      text: expect.stringContaining("a <b>c</b>"),
    });
  });

  it("name the brand only when the owner has several", () => {
    const shown = (payload: { text: string }) => payload.text.split("\n")[0];
    const one = { brandName: "Velo", brandCount: 1 };
    const several = { brandName: "Velo", brandCount: 3 };
    expect(shown(connectedNotice({ ...one, username: "velo" }))).toBe(
      "✅ Instagram connected: approved posts now go out as <b>@velo</b>.",
    );
    expect(shown(connectedNotice({ ...several, username: "velo" }))).toBe("🏷 <b>Velo</b>");
    expect(shown(connectFailedNotice(one, { kind: "denied" }))).toMatch(/^⚠️ You did not allow/);
    expect(shown(connectFailedNotice(several, { kind: "denied" }))).toBe("🏷 <b>Velo</b>");
    const reconnect = { brandId: 1, username: "velo", reason: "Expired." };
    expect(shown(reconnectNotice({ ...one, ...reconnect }))).toMatch(/^🔌 Instagram disconnected/);
    expect(shown(reconnectNotice({ ...several, ...reconnect }))).toBe("🏷 <b>Velo</b>");
  });

  it("the reconnect message carries a button for its brand, not a link that would expire", () => {
    const notice = reconnectNotice({
      brandId: 42,
      brandName: "Velo",
      brandCount: 1,
      username: "velo",
      reason: "Expired.",
    });
    expect(notice.reply_markup).toEqual({
      inline_keyboard: [[{ text: "🔗 Reconnect Instagram", callback_data: "ig:connect:42" }]],
    });
  });
});
