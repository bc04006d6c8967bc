/**
 * The service's schemas for what it loads at start-up (the Graph API's answers, Meta's webhooks, the price
 * override) use zod's small functional build, `zod/mini`, imported as `import * as z from "zod/mini"` in each
 * file so that the bundle keeps only the functions used. The full build costs about 20 ms to load on every start,
 * for methods these schemas never chain; the drafter, loaded at the first AI call, keeps it (reply-schemas.ts).
 * The mini build ships no messages: importing this module switches on the English ones, which reach the operator
 * (a bad price override) and Meta (a malformed webhook), instead of a bare "Invalid input".
 */
import { config, pipe, number, string, transform, union } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());

/** A Graph API id: a string, or a number in some answers, always kept as a string. */
export const graphId = pipe(union([string(), number()]), transform(String));
