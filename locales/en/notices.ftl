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

# Why a post failed or waits (drafts.last_error) and why its first comment was not posted (first_comment_error),
# shown on the card and in the "Posted" note. Stored as these keys, so never rename one. A publish-then-* message
# adds what Greenlight does next to the reason ($reason).
publish-then-retry-soon = { $reason } Greenlight will try again shortly.
publish-then-retry-later = { $reason } Greenlight will try again later.
publish-then-checking = { $reason } Greenlight is checking whether the post went out.
publish-then-checking-before-retry = { $reason } Greenlight is checking whether it went out before trying again.
publish-then-when-window-allows = { $reason } The post will go out as soon as the 24-hour window allows.
publish-reason-instagram-internal = Instagram had an internal error.
publish-reason-download-timed-out = Instagram timed out downloading the image.
publish-reason-image-too-large = The image is larger than Instagram's 8 MB limit. It needs a smaller image.
publish-reason-not-jpeg = Instagram only accepts JPEG images, and this image is in another format.
publish-reason-container-lost = Instagram lost the prepared post.
publish-reason-not-ready = Instagram was not ready for the post yet.
publish-reason-aspect-ratio = The image's shape is outside what Instagram allows: it must be between 4:5 (portrait) and 1.91:1 (landscape).
publish-reason-caption-too-long = Instagram rejected the caption: it allows at most 2,200 characters and 30 hashtags. Please shorten it.
publish-reason-container-expired = The prepared post expired before it went out.
publish-reason-unknown-media-type = Instagram did not recognise the kind of media Greenlight sent. This is a Greenlight bug.
publish-reason-video-format = Instagram could not read the video format; it needs MP4 or MOV.
publish-reason-still-processing = Instagram is still processing the image.
publish-reason-carousel-size-bug = Instagram needs 2 to 10 items in a carousel. This is a Greenlight bug.
publish-reason-not-prepared = Instagram could not prepare the post.
publish-reason-product-tag = Instagram rejected a product tag on the post.
publish-reason-tagged-account = Instagram rejected a tagged account on the post.
publish-reason-too-many-mentions = The caption mentions more than 20 accounts (@); Instagram allows at most 20.
publish-reason-daily-limit = The account reached Instagram's daily limit of posts made by apps.
publish-reason-account-restricted = Instagram has restricted this account. Open the Instagram app, deal with any notice there, then try the post again.
publish-reason-flagged-automated = Instagram flagged the post as possibly automated.
publish-reason-download-failed = Instagram could not download the image (it must be a public JPEG, without redirects or a login).
publish-reason-upload-failed = Instagram failed to upload the media.
publish-reason-no-answer = Instagram did not answer in time.
publish-reason-unreachable = Instagram could not be reached.
publish-reason-no-answer-while-publishing = Instagram did not answer in time while publishing.
publish-reason-unreachable-while-publishing = Instagram could not be reached while publishing.
publish-reason-slow-down = Instagram asked Greenlight to slow down.
publish-reason-no-publish-permission = Greenlight does not have Instagram's permission to publish. Reconnect Instagram and allow publishing.
publish-reason-duplicate = Instagram rejected the post as a duplicate of an earlier one.
publish-reason-temporary-problem = Instagram had a temporary problem.
publish-reason-unreadable-answer = Instagram gave an unreadable answer.
publish-reason-unreadable-answer-while-publishing = Instagram gave an unreadable answer while publishing.
publish-reason-problem-while-publishing = Instagram had a problem while publishing.
publish-reason-unrecognised = Instagram refused the request for a reason Greenlight does not recognise.
publish-reason-unrecognised-code = Instagram refused the request for a reason Greenlight does not recognise (Instagram error { $code }).
publish-reason-image-not-processed = Instagram could not process the image.
publish-reason-image-not-prepared = Instagram could not prepare this image.
publish-reason-no-comment-permission = Instagram did not let Greenlight comment: the account was connected without the permission to manage comments. Reconnect Instagram to allow it.
publish-reason-carousel-size = This carousel has { $count ->
        [one] { $count } slide
       *[other] { $count } slides
    }; Instagram takes 2 to 10.
publish-reason-slide-without-image = It has no image, and Instagram needs one.
publish-reason-post-without-image = This post has no image, and Instagram needs one.
publish-reason-slide = Slide { $position } of { $count }: { $reason }
publish-reason-cover-slide = Slide { $position } of { $count } (the cover): { $reason }
publish-reason-quota-used-up = The account used up Instagram's daily limit of posts made by apps; the post waits for the next posting time.
publish-reason-not-connected = Instagram is not connected for this brand.
publish-reason-token-unreadable = Greenlight cannot read the stored Instagram token.
publish-reason-no-link-yet = Published; Instagram has not given the link yet.
publish-reason-first-comment-waits = Published; the first comment is not posted yet. { $reason }
publish-reason-post-not-found = Greenlight could not tell which Instagram post was this one.
publish-reason-gave-up = { $reason } Greenlight tried { $attempts ->
        [one] { $attempts } time
       *[other] { $attempts } times
    } and stopped; tap 🔁 Retry to try again.
publish-reason-instagram-said = { $reason } Instagram said: “{ $words }”
