/**
 * The service's schemas (the Graph API's answers, Meta's webhooks, the price override, Claude's replies) use zod's
 * small functional build, `zod/mini`, imported as `import * as z from "zod/mini"` in each file so that the bundle
 * keeps only the functions used. The full build cannot be trimmed that way: it put about 500 KB into the code
 * loaded at every start, about 20 ms more before the first answer. The mini build ships no messages: importing
 * this module switches on the English ones, which reach the operator (a bad price override) and Meta (a malformed
 * webhook), instead of a bare "Invalid input".
 */
import { config, pipe, number, string, transform, union } from "zod/mini";
import en from "zod/v4/locales/en.js";

config(en());

/** A Graph API id: a string, or a number in some answers, always kept as a string. */
export const graphId = pipe(union([string(), number()]), transform(String));
