-- Meta reports in response headers how much of its rate limits an app and an account have used. Near the limit
-- (or once it is reached) Greenlight leaves the account alone until this time: calls made meanwhile would fail
-- and lengthen the block.
alter table instagram_accounts add column calls_paused_until timestamptz;
