-- Each draft card shows what that draft cost: sum(cost_usd) where draft_id = … . Without an index that is a scan
-- of the brand's whole ledger for every card rendered.
create index ai_usage_draft_idx on ai_usage (draft_id) where draft_id is not null;
