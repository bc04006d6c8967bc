-- 🔁 Rewrite with the owner's instruction: "Shorter", "More formal", or their own words, typed or said in a voice
-- note (only the transcript is kept, never the audio). Null is a plain rewrite, as before. The instruction of a
-- rewrite that was done also teaches the drafter, as rejection reasons do: the latest ones are read back into the
-- brand's part of the prompt. It goes with its draft (on delete cascade), like a rejection reason.
alter table regeneration_requests add column instruction text
  check (instruction is null or (kind = 'rewrite' and length(instruction) between 1 and 500));

