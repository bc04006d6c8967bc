# What the owner is told about publishing (publish-messages.ts) and about the Instagram connection
# (instagram-auth/). Publishing notes are plain text: Telegram links a bare URL by itself.

posted-link = Posted ✅ { $permalink }
posted-no-link = Posted ✅ (Instagram has not given the link yet)
posted-first-comment = 💬 First comment posted.
# $reason: why Instagram refused the comment.
posted-first-comment-failed = ⚠️ The first comment was not posted; the post itself is live. { $reason }
# $when is a posting slot such as "Tue 09:00, Europe/Berlin".
quota-notice-slot = ⏸ { $brand }: Instagram's daily limit for posts made by apps is used up, so a post is waiting. It will go out at { $when } instead. Nothing is lost; approved posts keep their place in the queue.
quota-notice-asap = ⏸ { $brand }: Instagram's daily limit for posts made by apps is used up, so a post is waiting. It will go out as soon as the limit allows. Nothing is lost; approved posts keep their place in the queue.

# The Instagram connection (HTML; $username is escaped).
ig-reconnect-button = 🔗 Reconnect Instagram
ig-connect-button = 🔗 Connect Instagram
ig-connected = ✅ Instagram connected: approved posts now go out as <b>@{ $username }</b>.
ig-connect-denied = ⚠️ You did not allow Greenlight to use the Instagram account, so nothing was connected.
ig-connect-expired = ⚠️ The connection link expired (links work for 10 minutes), so nothing was connected.
ig-connect-used = ⚠️ A connection link that had already been used was opened again. It was refused; nothing changed.
# $detail is one of the ig-failure-* messages.
ig-connect-failed = ⚠️ Instagram did not complete the connection: { $detail } Nothing was stored.
ig-connect-try-again = Send /connect to try again.
ig-failure-unreachable = Instagram could not be reached or had a temporary problem.
ig-failure-unreadable = Instagram gave an answer Greenlight could not read.
ig-failure-code-refused = Instagram refused the login code (it works once, for one hour).
ig-failure-not-professional = Instagram did not let Greenlight read the account. Only professional (business or creator) accounts can be connected.
ig-failure-token-refused = Instagram refused to issue a lasting access token.
ig-failure-no-code = Instagram sent no login code.
ig-failure-no-publish-permission = Publishing was not allowed. Connect again and keep every permission switched on.
# $error: the error code Instagram sent back, escaped.
ig-failure-error = Instagram reported an error ({ $error }).
# $reason: why the token is gone, as Instagram or Meta told it.
ig-disconnected-notice = 🔌 Instagram disconnected <b>@{ $username }</b>. { $reason }
    Greenlight deleted its access token. Approved posts wait and nothing is lost; reconnect to publish again.

# /connect and /disconnect
ig-connect-how = Tap the button, log in to Instagram with the brand's professional (business or creator) account and allow access.
    The link works once, for { $minutes } minutes.
ig-connect-current = Now connected as @{ $username }; connecting again replaces it.
ig-disconnected = 🔌 Disconnected @{ $username }. Greenlight deleted its access token.
    Approved posts wait until you /connect again.
    To remove Greenlight on Instagram's side too: Instagram → Settings → Apps and websites.
ig-nothing-to-disconnect = No Instagram account is connected, so there is nothing to disconnect. /connect links one.
# $settings: the missing settings, listed as the locale lists things ("A, B and C").
ig-not-configured = Instagram is not set up on this Greenlight yet.
    The operator must set { $settings }, restart Greenlight, and register <code>PUBLIC_URL/auth/instagram/callback</code> as an OAuth redirect URI in the Meta App Dashboard (Instagram → API setup with Instagram login).
ig-connect-unavailable = Connecting Instagram is not available yet in this version of Greenlight.
ig-disconnect-unavailable = Disconnecting Instagram is not available yet in this version of Greenlight.

# Why Instagram took Greenlight's access away, in ig-disconnected-notice.
ig-reason-removed = Greenlight was removed from the Instagram account's connected apps. Reconnect Instagram in Greenlight to keep posting.
ig-reason-confirm-in-app = Instagram wants the account owner to confirm something in the Instagram app. Open Instagram, then reconnect it in Greenlight.
ig-reason-password-changed = The Instagram password was changed, which signed Greenlight out. Reconnect Instagram in Greenlight to keep posting.
ig-reason-expired = The Instagram connection expired. Reconnect Instagram in Greenlight to keep posting.
ig-reason-confirm-account = Instagram needs the account to be confirmed first. Open the Instagram app, then reconnect it in Greenlight.
ig-reason-refused = Instagram no longer accepts Greenlight's access to this account. Reconnect Instagram in Greenlight to keep posting.
ig-reason-not-renewed = The Instagram connection expired before Greenlight could renew it. Reconnect Instagram to keep posting.
ig-reason-deauthorized = Greenlight was removed from the Instagram account's apps and websites.

# After Meta's data deletion request for an Instagram account ($username escaped; the brand's name is a line above).
data-deleted-request = 🗑 Instagram asked Greenlight to delete the data it holds for <b>@{ $username }</b> (a data deletion request made on Instagram or Facebook).
data-deleted-done = Done: the Instagram connection and its token, { $drafts ->
        [one] { $drafts } draft or post
       *[other] { $drafts } drafts and posts
    } with their images, { $articles ->
        [one] { $articles } article
       *[other] { $articles } articles
    } and the AI usage records of this brand are deleted. This month's AI spend is kept as one anonymous total, so the budget cap still holds.
data-deleted-kept = The brand's settings and feeds stay. /connect links an Instagram account again.
