# Instagram comments in Telegram: the comment card and its buttons (comments/comment-card.ts), the summary of a
# busy post, /comments, and the reply edit dialog. HTML; every name and text is escaped.

# $who is @username or comment-someone; $post is the post's caption, quoted and linked.
comment-card-commented = 💬 <b>{ $brand }</b>: { $who } commented on { $post }
comment-card-replied = 💬 <b>{ $brand }</b>: { $who } replied to a comment on { $post }
comment-someone = Someone
comment-your-post = your post
comment-no-text = <i>(no text)</i>
comment-spam = 🚫 Looks like spam
comment-abusive = ⚠️ Looks abusive
comment-reply = <b>Reply:</b> { $reply }
comment-reply-sent = <b>Reply sent:</b> { $reply }
# Who acted and when, added to the lines below ($by, $at); each starts with a space.
comment-by = {" "}by { $name }
comment-at = {" "}at { $time }
comment-sending = ⏳ Sending the reply{ $by }…
comment-replied = ✅ Replied{ $by }{ $at }.
comment-hidden = 🙈 Hidden on Instagram{ $by }{ $at }.
comment-ignored = Ignored{ $by }{ $at }.

# What a press on a decided card answers
comment-still-open = This comment is still open.
comment-already-sending = The reply is being sent{ $by }; this card updates when Instagram confirms it.
comment-already-replied = Already replied{ $by }{ $at }.
comment-already-hidden = Already hidden{ $by }{ $at }.
comment-already-ignored = Already ignored{ $by }{ $at }.
comment-gone = That comment is no longer stored (it was deleted).

button-comment-send = 💬 Send
button-comment-edit = ✏️ Edit
button-comment-draft = ✍️ Draft a reply
button-comment-write = ✏️ Write one
button-comment-hide = 🙈 Hide
button-comment-ignore = Ignore
button-comment-show = 👀 Show { $count }

toast-comment-send-reply = Send the new reply.
toast-comment-ignored = Ignored.
toast-comment-drafting = ✍️ Drafting a reply…
toast-comment-no-reply = There is no reply yet: tap ✍️ Draft a reply or ✏️ Write one.
toast-comment-sending = 💬 Sending the reply…
toast-comment-unconfirmed = Instagram did not confirm the reply. I'll check whether it went out and finish it; the card updates then.
toast-comment-no-instagram = Instagram is not set up on this server.
toast-comment-not-connected = The brand's Instagram account is not connected: /connect it first.
toast-comment-hide-failed = Instagram did not hide it. Try again in a moment.
# $instagramSays: Instagram's own words, cut to 100 characters.
toast-comment-hide-refused = Instagram did not hide it: { $instagramSays }. Try again in a moment.
toast-comment-hidden = 🙈 Hidden on Instagram.
toast-comments-gone = Those comments are no longer stored.
toast-comments-opening = Opening { $count } as cards…
toast-comments-all-open = All of them are open already.

# The summary a busy post gets beyond the hourly card limit
comment-summary = 💬 <b>{ $brand }</b>: { $count ->
    [one] { $count } more comment
   *[other] { $count } more comments
} on { $post } this hour, kept here so the chat is not flooded.
comment-summary-opened = { $count } opened as cards so far.
comment-summary-waiting = { $count } waiting.

# /comments
comments-setting-all = every comment gets a card
comments-setting-questions = only comments that ask something get a card
comments-setting-none = no comment cards
comments-unknown = { $input } is not a comments setting. Send /comments all, /comments questions or /comments none.
comments-changed = ✅ Comments on Instagram: { $setting }.
comments-current = 💬 Comments on Instagram: { $setting }.
comments-kept-out = { $count ->
    [one] { $count } comment
   *[other] { $count } comments
} kept out of the chat in the last 7 days (still stored).
comments-change-how = Change it with /comments all, /comments questions or /comments none.

# The reply edit dialog
comment-edit-prompt = ✏️ Send me the reply as it should appear on Instagram (at most { $limit } characters), or /cancel.
comment-edit-current = Current reply (tap to copy):
comment-edit-cancelled = Edit cancelled: the reply is unchanged.
comment-edit-left = Left the reply edit: the reply is unchanged.
comment-edit-text-only = Please send the reply as a text message, or /cancel to keep it as it is.
comment-edit-problems = That reply can't go to Instagram as it is:
comment-edit-send-another = Send another version, or /cancel.
# $state: what happened to the comment meanwhile (comment-already-*).
comment-edit-not-changed = The reply was not changed. { $state }
comment-edit-saved = ✅ Reply updated: tap 💬 Send on the card to post it.
comment-problem-empty = The reply is empty.
comment-problem-too-long = It is { $length } characters long; Instagram takes at most { $limit } in a comment.
comment-problem-hashtags = It has { $count } hashtags; Instagram takes at most { $limit } in a comment.
comment-problem-links = It has { $count } links; Instagram takes at most { $limit } in a comment.
comment-problem-capitals = It is all in capital letters, which Instagram refuses in a comment.

# Why a comment's card has no drafted reply (reply-notes.ts)
comment-note-no-claude = No reply drafted: Claude is not set up (ANTHROPIC_API_KEY).
comment-note-flagged = No reply drafted: it looks like spam or abuse. Tap ✍️ Draft a reply if you want to answer it.
comment-note-over-limit = No reply drafted: this comment came in over the hourly card limit. Tap ✍️ Draft a reply for one.
comment-note-read-as = No reply drafted: Claude read this as { $as ->
    [spam] spam
    [abuse] abuse
   *[ordinary] needing no answer
}. Tap ✍️ Draft a reply for one anyway.
comment-note-over-budget = No reply drafted: this month's AI budget of { $cap } is used up (see /budget).
# $error: what went wrong, in English (from the drafting code).
comment-note-failed = No reply drafted: { $error }
# Why a reply was not sent (comments.last_error, shown on the card). Stored as these keys, so never rename one.
comment-send-no-instagram = Instagram is not set up on this server (INSTAGRAM_APP_ID).
comment-send-not-connected = The brand's Instagram account is not connected: /connect it, then tap Send again.
# $words: Instagram's own words, as it wrote them, cut to 250 characters.
comment-send-refused = Instagram refused the reply: { $words }
