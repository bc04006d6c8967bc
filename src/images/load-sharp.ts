import type sharpModule from "sharp";

let loading: Promise<typeof sharpModule> | undefined;

/**
 * sharp, loaded on first use: importing it (a native addon) takes about 0.1 s, and start-up should not wait for
 * something only image work needs. A failed load is not remembered, so the next image tries again.
 */
export function loadSharp(): Promise<typeof sharpModule> {
  loading ??= import("sharp").then(
    (loaded) => loaded.default,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
