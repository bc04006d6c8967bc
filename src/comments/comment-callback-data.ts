/**
 * callback_data of comment card buttons: `cm:<action>:<id>`, e.g. `cm:s:42` (send the reply of stored comment
 * 42) or `cm:m:7` (open the next comments of summary 7). Well within Telegram's 64 bytes, and parsed strictly:
 * callback_data arrives from outside. The `cm:` prefix keeps them apart from draft cards' `<a>:<id>`.
 */

export const COMMENT_ACTION_CODES = {
  send: "s",
  edit: "e",
  hide: "h",
  ignore: "i",
  draft: "d",
  /** On a summary: open the next summarised comments as cards (the id is the summary's). */
  more: "m",
} as const;

export type CommentAction = keyof typeof COMMENT_ACTION_CODES;

export const COMMENT_CALLBACK_PATTERN = /^cm:([a-z]):([1-9]\d{0,14})$/;

const ACTIONS_BY_CODE = new Map<string, CommentAction>(
  Object.entries(COMMENT_ACTION_CODES).map(([action, code]) => [code, action as CommentAction]),
);

export function encodeCommentCallback(action: CommentAction, id: number): string {
  if (!Number.isSafeInteger(id) || id <= 0) throw new RangeError(`Id ${id} is not a positive integer`);
  return `cm:${COMMENT_ACTION_CODES[action]}:${id}`;
}

export function parseCommentCallback(data: string): { action: CommentAction; id: number } | null {
  const match = COMMENT_CALLBACK_PATTERN.exec(data);
  if (!match) return null;
  const action = ACTIONS_BY_CODE.get(match[1]!);
  const id = Number(match[2]);
  return action && Number.isSafeInteger(id) ? { action, id } : null;
}
