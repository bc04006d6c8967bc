/**
 * callback_data of the owner-settings buttons. Each names its action with a word prefix (draft cards use
 * single letters, `a:123`, so the two never collide) and carries the ids it acts on, so a button on an old
 * message acts on the brand or post it was shown for. Telegram allows 1–64 bytes (Bot API,
 * InlineKeyboardButton); the longest here, `budget:set:` + three 15-digit numbers, is 58 ASCII bytes.
 */

const ID = "([1-9]\\d{0,14})";
const NUMBER = "(\\d{1,15})";

export const settingsCallback = {
  selectBrand: (brandId: number) => `brand:sel:${brandId}`,
  newBrand: "brand:new",
  brandRename: (brandId: number) => `brand:ren:${brandId}`,
  brandDelete: (brandId: number) => `brand:del:${brandId}`,
  brandDeleteConfirm: (brandId: number, askedAt: Date) =>
    `brand:dely:${brandId}:${Math.floor(askedAt.getTime() / 1000)}`,
  brandDeleteKeep: "brand:keep",
  budgetSet: (brandId: number, fromCents: number, toCents: number) =>
    `budget:set:${brandId}:${fromCents}:${toCents}`,
  budgetEdit: (brandId: number) => `budget:edit:${brandId}`,
  feedAdd: (brandId: number) => `feed:add:${brandId}`,
  feedList: (brandId: number, page: number) => `feed:list:${brandId}:${page}`,
  /** Carries the page it was shown on, to show that page again after the removal. */
  feedRemove: (feedId: number, page: number) => `feed:rm:${feedId}:${page}`,
  scheduleEdit: (brandId: number) => `sched:edit:${brandId}`,
  /** The times shown travel in the button ("0900.1800"), so the tap applies exactly what the owner read. */
  scheduleBestTimes: (brandId: number, times: readonly string[]) =>
    `sched:best:${brandId}:${times.map((time) => time.replace(":", "")).join(".")}`,
  topicEdit: (brandId: number) => `topic:edit:${brandId}`,
  voiceDescribe: (brandId: number) => `voice:describe:${brandId}`,
  voiceExamples: (brandId: number) => `voice:examples:${brandId}`,
  hashtagsEdit: (brandId: number) => `tags:edit:${brandId}`,
  hashtagsClear: (brandId: number) => `tags:clear:${brandId}`,
  firstCommentEdit: (brandId: number) => `fc:edit:${brandId}`,
  queueList: (brandId: number, page = 0) =>
    page > 0 ? `queue:list:${brandId}:${page}` : `queue:list:${brandId}`,
  queueMove: (draftId: number) => `queue:mv:${draftId}`,
  queueMoveTo: (draftId: number, slot: Date) => `queue:to:${draftId}:${Math.floor(slot.getTime() / 1000)}`,
  queueCancel: (draftId: number) => `queue:cx:${draftId}`,
  queueCancelConfirm: (draftId: number) => `queue:cxy:${draftId}`,
  deleteDataConfirm: (askedAt: Date) => `wipe:yes:${Math.floor(askedAt.getTime() / 1000)}`,
  deleteDataKeep: "wipe:no",
  instagramConnect: (brandId: number) => `ig:connect:${brandId}`,
} as const;

export const settingsCallbackPattern = {
  selectBrand: new RegExp(`^brand:sel:${ID}$`),
  newBrand: /^brand:new$/,
  brandRename: new RegExp(`^brand:ren:${ID}$`),
  brandDelete: new RegExp(`^brand:del:${ID}$`),
  brandDeleteConfirm: new RegExp(`^brand:dely:${ID}:${NUMBER}$`),
  brandDeleteKeep: /^brand:keep$/,
  budgetSet: new RegExp(`^budget:set:${ID}:${NUMBER}:${NUMBER}$`),
  budgetEdit: new RegExp(`^budget:edit:${ID}$`),
  feedAdd: new RegExp(`^feed:add:${ID}$`),
  feedList: new RegExp(`^feed:list:${ID}:${NUMBER}$`),
  // Buttons sent before /feeds had pages carry no page: the first page is shown again.
  feedRemove: new RegExp(`^feed:rm:${ID}(?::${NUMBER})?$`),
  scheduleEdit: new RegExp(`^sched:edit:${ID}$`),
  scheduleBestTimes: new RegExp(`^sched:best:${ID}:((?:[0-2]\\d[0-5]\\d\\.?){1,3})$`),
  topicEdit: new RegExp(`^topic:edit:${ID}$`),
  voiceDescribe: new RegExp(`^voice:describe:${ID}$`),
  voiceExamples: new RegExp(`^voice:examples:${ID}$`),
  hashtagsEdit: new RegExp(`^tags:edit:${ID}$`),
  hashtagsClear: new RegExp(`^tags:clear:${ID}$`),
  firstCommentEdit: new RegExp(`^fc:edit:${ID}$`),
  queueList: new RegExp(`^queue:list:${ID}(?::${NUMBER})?$`),
  queueMove: new RegExp(`^queue:mv:${ID}$`),
  queueMoveTo: new RegExp(`^queue:to:${ID}:${NUMBER}$`),
  queueCancel: new RegExp(`^queue:cx:${ID}$`),
  queueCancelConfirm: new RegExp(`^queue:cxy:${ID}$`),
  deleteDataConfirm: new RegExp(`^wipe:yes:${NUMBER}$`),
  deleteDataKeep: /^wipe:no$/,
  instagramConnect: new RegExp(`^ig:connect:${ID}$`),
} as const;

/** Buttons inside a dialog; only the dialog waiting for them acts on them. */
export const dialogCallback = {
  skip: "dlg:skip",
  cancel: "dlg:cancel",
  done: "dlg:done",
  use: "dlg:use",
  discard: "dlg:discard",
} as const;

/**
 * A "yes, delete" button older than this is refused: it should answer a question the owner just read. The
 * button carries the time it was shown (seconds since the epoch).
 */
const CONFIRMATION_TTL_MS = 10 * 60_000;

export function confirmationExpired(askedAtSeconds: number, now: Date): boolean {
  return now.getTime() - askedAtSeconds * 1000 > CONFIRMATION_TTL_MS;
}
