-- Alt text for the post's image, and the brand's first comment, posted right after publishing.

-- Written by the drafter with the caption (one short sentence in the brand's language), editable on the card, and
-- sent to Instagram as the container's alt_text (at most 1,000 characters there). Null for drafts made before.
alter table drafts add column alt_text text check (char_length(alt_text) <= 1000);

-- The brand's first comment: none ('off'), the draft's hashtags ('hashtags': they leave the caption and go in the
-- comment instead), or a line the owner wrote ('text', in first_comment_text).
alter table brands
  add column first_comment_mode text not null default 'off' check (first_comment_mode in ('off', 'hashtags', 'text')),
  add column first_comment_text text check (char_length(first_comment_text) <= 2200);

-- The first comment is a step of the publish state machine, recorded on the draft like the container and the
-- media id. The claim that first takes an approved post copies the brand's choice here (the text to post, and
-- whether the hashtags went to the comment rather than the caption), so every later attempt posts the same.
--
--   first_comment_state: null -> sending -> posted
--                                       \-> failed   (told to the owner; the post stays published)
--
-- 'sending' is written before POST /<media-id>/comments: an attempt that finds it (a crash, a lost answer) looks
-- for the text among the post's comments before posting again, so the comment goes out once.
alter table drafts
  add column first_comment text,
  add column hashtags_in_comment boolean not null default false,
  add column first_comment_state text check (first_comment_state in ('sending', 'posted', 'failed')),
  add column first_comment_id text,
  add column first_comment_error text;
