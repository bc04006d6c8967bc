-- Carousels: a draft is either one image or a carousel of 3 to 8 slides (a cover, 2 to 6 slides of key facts,
-- and a closing slide crediting the source).

-- The brand's choice of format: let Claude decide per story ('auto'), or always one of the two (/format).
alter table brands
  add column post_format text not null default 'auto' check (post_format in ('auto', 'single', 'carousel'));

-- A draft's format. For a carousel, the draft's own image (image_key / image_url) is the cover, and its slides
-- are in draft_slides; the cover is also slide 0 there, so publishing reads the slides alone, in order.
alter table drafts
  add column format text not null default 'single' check (format in ('single', 'carousel'));

-- The slides of a carousel draft, in order. Rendered locally as JPEGs in one aspect ratio (no AI image per slide,
-- except the cover). Rewritten as a whole when the draft is rewritten, reset when it turns back into a single image.
--
-- Publishing records each slide's child container (is_carousel_item=true) here before it creates the next one, so
-- an attempt after a crash reuses the children it finds rather than making a second set. The parent (CAROUSEL)
-- container is the draft's own container_id, as for a single image.
create table draft_slides (
  draft_id            bigint not null references drafts (id) on delete cascade,
  position            smallint not null check (position between 0 and 9),
  kind                text not null check (kind in ('cover', 'facts', 'credit')),
  -- What the slide says: the headline on the cover, one key fact per facts slide, the source on the credit slide.
  body                text not null default '' check (char_length(body) <= 400),
  image_key           text,
  image_url           text,
  alt_text            text check (char_length(alt_text) <= 1000),
  container_id        text,
  container_created_at timestamptz,
  primary key (draft_id, position)
);
