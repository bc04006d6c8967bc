# The pages a browser shows: after Instagram login, and Meta's data-deletion status. Plain text (escaped when
# the page is built). Why a login failed reuses the ig-failure-* messages of notices.ftl.

web-back-to-telegram = Send /connect in Telegram to get a new link.
web-not-connected-title = Instagram was not connected
web-link-stale-title = This link no longer works
web-link-stale = Connection links work once, for 10 minutes.
web-denied = You did not allow Greenlight to use the Instagram account, so nothing was connected.
web-connected-title = Instagram connected
web-connected = Connected @{ $username } — you can go back to Telegram.
web-link-used-title = This link was already used
web-link-used = Each connection link works once. Nothing was changed.
web-link-expired-title = This link has expired
web-link-expired = Connection links work for 10 minutes. Nothing was connected.
web-link-unknown-title = This link is not valid
web-link-unknown = Greenlight did not issue this connection link, so nothing was connected.
web-not-set-up-title = Instagram is not set up
web-not-set-up = The operator of this Greenlight has not configured Instagram yet (INSTAGRAM_APP_ID, INSTAGRAM_APP_SECRET, PUBLIC_URL).

# Meta's data-deletion status page. $date is a time in UTC.
web-deletion-title = Data deletion request
web-deletion-code = Confirmation code: { $code }
web-deletion-completed = Status: completed on { $date }. Greenlight deleted the Instagram connection and its access token, and the drafts, posts, images, news articles and AI usage records of every brand that used this Instagram account.
web-deletion-pending = Status: in progress, received on { $date }. Greenlight is deleting the Instagram connection and its access token, and the drafts, posts, images, news articles and AI usage records of every brand that used this Instagram account; this usually takes less than a minute. Reload this page to see when it is done.
web-deletion-kept = Greenlight keeps nothing else from your Instagram account. The business owner's own brand settings (name, topic, news feeds, posting schedule) stay with them, as they are not data from Instagram.
web-deletion-unknown-title = No such deletion request
web-deletion-unknown = Greenlight has no data deletion request with this confirmation code. Check the link Meta gave you.
