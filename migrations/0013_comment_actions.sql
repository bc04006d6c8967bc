-- Comments answered from Telegram: a drafted reply on each comment's card, the owner's decision (send, hide,
-- ignore), which comments reach the chat at all, and how a busy post is summarised instead of flooding it.

-- Which comments reach the brand's chat: every one, only those that read as questions, or none. Comments are
-- stored either way (they stay reachable and are deleted like any other).
alter table brands
  add column comments_to_telegram text not null default 'all'
    check (comments_to_telegram in ('all', 'questions', 'none'));

alter table instagram_comments
  -- Set when the comment looks like spam or abuse (src/comments/comment-assessment.ts, or Claude's reading);
  -- such a comment gets no drafted reply unless the owner asks for one.
  add column flagged       text check (flagged in ('spam', 'abuse')),
  add column flag_reason   text,
  -- The reply the owner can send: drafted by Claude, or written or edited by the owner. Personal data in
  -- context (it answers a person), so it goes with the comment.
  add column reply_text    text,
  -- Why there is no drafted reply (the budget is used up, Claude failed, flagged, not asked for yet).
  add column reply_note    text,
  -- How the comment reached the chat: its own card ('shown'), counted in a post's summary ('summarised') and
  -- then opened from it ('opened'), or kept out by the brand's setting ('filtered').
  add column card          text not null default 'shown'
    check (card in ('shown', 'summarised', 'opened', 'filtered')),
  -- The owner's decision:
  --   open -> sending -> replied      (the reply was claimed, posted, and its Instagram id recorded)
  --                   \-> open        (Instagram refused it for sure: nothing was posted, the owner may retry)
  --   open -> hidden | ignored
  -- A row stays 'sending' when the outcome is unknown (no answer, a crash): after send_due_at any instance
  -- takes it over, looks the reply up on the comment's replies, and posts only if it is not there.
  add column status        text not null default 'open'
    check (status in ('open', 'sending', 'replied', 'hidden', 'ignored')),
  add column acted_by      text,
  add column acted_at      timestamptz,
  -- Raised by every claim of a send; the writes of a claimer carry the fence they claimed with.
  add column send_fence    bigint not null default 0,
  add column send_due_at   timestamptz,
  add column send_attempts integer not null default 0,
  add column reply_comment_id text,
  add column last_error    text,
  -- The card's message in Telegram, recorded when the outbox sends it, so it can be edited later.
  add column card_chat_id    bigint,
  add column card_message_id bigint;

create index instagram_comments_sending_idx on instagram_comments (send_due_at) where status = 'sending';
create index instagram_comments_summarised_idx on instagram_comments (draft_id, received_at)
  where card = 'summarised';

-- One summary message per post and hour: "12 more comments on …", edited as more arrive, with a button that
-- opens the summarised comments' cards a few at a time. Holds counts only, no one's words.
create table comment_summaries (
  id            bigserial primary key,
  brand_id      bigint not null references brands (id) on delete cascade,
  draft_id      bigint not null references drafts (id) on delete cascade,
  window_start  timestamptz not null,
  chat_id       bigint not null,
  message_id    bigint,
  unique (draft_id, window_start)
);
