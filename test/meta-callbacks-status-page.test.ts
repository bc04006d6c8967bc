import { describe, expect, it } from "vitest";
import { isConfirmationCode, newConfirmationCode } from "../src/meta-callbacks/deletion-requests.ts";
import {
  renderDeletionStatusPage,
  renderUnknownDeletionPage,
} from "../src/meta-callbacks/deletion-status-page.ts";

describe("confirmation codes", () => {
  it("are 128 random bits in lowercase hex: alphanumeric, as Meta asks", () => {
    const code = newConfirmationCode();
    expect(code).toMatch(/^[0-9a-f]{32}$/);
    expect(isConfirmationCode(code)).toBe(true);
    expect(newConfirmationCode()).not.toBe(code);
    expect(newConfirmationCode((size) => Buffer.alloc(size, 0xab))).toBe("ab".repeat(16));
  });

  it("only well-formed codes are looked up", () => {
    for (const value of [
      undefined,
      "",
      "ABCDEF0123456789ABCDEF0123456789",
      "0".repeat(31),
      "0".repeat(33),
      "<script>",
    ]) {
      expect(isConfirmationCode(value)).toBe(false);
    }
  });
});

describe("the deletion status page", () => {
  const requestedAt = new Date("2026-11-22T08:59:30Z");

  it("says a pending request is in progress, with the date it was received", () => {
    const page = renderDeletionStatusPage({
      confirmationCode: "0123456789abcdef0123456789abcdef",
      status: "pending",
      requestedAt,
      completedAt: null,
    });
    expect(page).toContain("Confirmation code: 0123456789abcdef0123456789abcdef");
    expect(page).toContain("Status: in progress, received on 2026-11-22 08:59 UTC.");
    expect(page).not.toContain("completed on");
  });

  it("says a completed request is completed, with the date, and what was deleted and what stays", () => {
    const page = renderDeletionStatusPage({
      confirmationCode: "0123456789abcdef0123456789abcdef",
      status: "completed",
      requestedAt,
      completedAt: new Date("2026-11-22T09:00:05Z"),
    });
    expect(page).toContain("Status: completed on 2026-11-22 09:00 UTC.");
    expect(page).toContain("the Instagram connection and its access token");
    expect(page).toContain("brand settings");
  });

  it("has a page for codes it does not know", () => {
    expect(renderUnknownDeletionPage()).toContain("No such deletion request");
  });
});
