-- Meta's deauthorize and data-deletion callbacks name the user by their app-scoped id (the `user_id` of the
-- signed_request), which is not the professional-account id that publishing needs (`user_id` from /me, the
-- <IG_ID> in /<IG_ID>/media). Both are kept so a callback can find the account (platform-apis.md §A.6, §C.4).
alter table instagram_accounts add column app_scoped_user_id text;

create index instagram_accounts_app_scoped_idx on instagram_accounts (app_scoped_user_id);
