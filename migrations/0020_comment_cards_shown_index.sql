-- The post's cards of the hour, counted for every comment that arrives (mayGetCard, then hasCardRoom under the
-- post's lock) to decide between its own card and the summary. With only instagram_comments_draft_idx that count
-- read every comment the post ever had, so a viral post's comments were processed ever more slowly (twice per
-- comment, O(n) each: `npm run bench webhooks` went from ~75 to ~35 processed per second within 6,000 comments).
-- This index holds the shown cards only, by post and time, so the count reads at most the hour's few cards.
create index instagram_comments_shown_idx on instagram_comments (draft_id, received_at) where card = 'shown';
