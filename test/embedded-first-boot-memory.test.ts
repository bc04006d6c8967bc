import { describe, expect, it } from "vitest";
import { firstBootMemoryRefusal } from "../src/database/embedded-postgres.ts";

describe("the embedded database's first start on a small machine", () => {
  it("is refused on a 512 MB machine with one line naming the memory and the way out", () => {
    const refusal = firstBootMemoryRefusal(512 * 1024 * 1024);
    expect(refusal).toContain("about 1024 MB");
    expect(refusal).toContain("has 512 MB");
    expect(refusal).toContain("DATABASE_URL");
    expect(refusal).not.toContain("\n");
  });

  it("goes ahead where there is a gigabyte or more", () => {
    expect(firstBootMemoryRefusal(1024 * 1024 * 1024)).toBeUndefined();
    expect(firstBootMemoryRefusal(24 * 1024 * 1024 * 1024)).toBeUndefined();
  });
});
