-- Carousel drafting (issue 14): what the card needs beyond 0017.

-- The fact slides the drafter planned for the story, kept whatever format the draft has: [{"text", "alt_text"}]
-- plus the credit line. Claude plans them in the caption's own call, so the card's "turn into a carousel" button
-- can render a carousel from them without another (billed) call, and turning it back into a single image loses
-- nothing. Null for drafts written before carousels.
alter table drafts add column slide_plan jsonb;

-- The card's media group in Telegram, one message per slide in order, so one slide can be replaced in place
-- (editMessageMedia). telegram_photo_message_id stays the first of them (the card's text replies to it).
alter table drafts add column telegram_slide_message_ids bigint[];

-- Turning a draft into a carousel or back ('format'), and redrawing one slide with the owner's text ('slide'), are
-- regeneration requests like a new image or a rewrite: recorded with the tap, run by any instance under a lease,
-- fenced.
alter table regeneration_requests drop constraint regeneration_requests_kind_check;
alter table regeneration_requests
  add constraint regeneration_requests_kind_check check (kind in ('image', 'rewrite', 'format', 'slide'));

-- A 'slide' request carries the slide and its new text ({"position": 2, "text": "…"}) in `instruction`, as a
-- rewrite carries the owner's words; the text is checked (at most 120 characters) before the request is made.
alter table regeneration_requests drop constraint regeneration_requests_check;
alter table regeneration_requests
  add constraint regeneration_requests_instruction_check
  check (instruction is null or (kind in ('rewrite', 'slide') and length(instruction) between 1 and 500));
