-- One post at a time per Instagram account. The publisher claims a post only while its account's lease is free,
-- and sets it in the same statement as the post's own lease (claim-due-posts.ts). The lease is kept on the
-- account's row rather than derived from its drafts, because only a lock on a row and a new version of that row
-- make two concurrent claims see each other; `token` names the attempt holding it, so renewing and releasing
-- are fenced as the post's own writes are.
alter table instagram_accounts add column publishing_lease_until timestamptz;
alter table instagram_accounts add column publishing_lease_token text;

-- When the publisher's current container was created: after a lost media_publish answer, the account's posts are
-- searched back to this moment (Instagram cannot have published the container before it existed).
alter table drafts add column container_created_at timestamptz;
