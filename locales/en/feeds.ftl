# /feeds: the list, its buttons, adding and removing. $title and $url are HTML-escaped; $ago and $when come
# from the texts of the locale.

feeds-empty = <b>Feeds</b>
    No feeds yet. Tap “➕ Add a feed” or send /feeds followed by the feed's address.
feeds-heading = <b>Feeds</b> ({ $count }){ $page }
feeds-untitled = (untitled feed)
feeds-footer = Add one with the button or /feeds followed by its address.
feeds-last-read = last read { $ago }
feeds-never-read = never read
feeds-failed = ⚠️ failed { $failures ->
        [one] once
       *[other] { $failures } times in a row
    }, last{ $when }{ $error } ({ $lastRead })
feeds-healthy = ✅ { $lastRead }
feeds-not-read-yet = ⏳ not read yet (first read { $when })
feeds-remove-button = 🗑 Remove { $number }
feeds-add-button = ➕ Add a feed
toast-feed-removed = Removed { $shortTitle }
toast-feed-already-removed = That feed was already removed.
feeds-prompt = Send the address of an RSS or Atom feed, e.g. https://example.com/feed.xml.
feeds-duplicate = That feed is already in the list. Send another address, or /cancel.
feeds-too-many = A brand can have at most { $limit } feeds; remove one in /feeds first.
feeds-already-listed = That feed is already in the list.
feeds-added = ✅ Added { $title }. Its first read is { $when }; new stories from it will arrive as drafts.
feeds-added-untitled = the feed (it has no title)
# When the next feed read happens: $when is a time as the locale writes it.
feeds-first-read-at = at { $when }
feeds-first-read-soon = within a few minutes
time-just-now = just now
time-minutes-ago = { $count } min ago
time-hours-ago = { $count } h ago
time-days-ago = { $count ->
        [one] { $count } day ago
       *[other] { $count } days ago
    }
# What is wrong with a feed address the owner typed (plain text). $input is their words, quoted and shortened.
feed-url-empty = Please send the feed's address, like https://example.com/feed.xml.
feed-url-spaces = Please send just one address, without spaces.
feed-url-invalid = { $input } is not a web address. Send one like https://example.com/feed.xml.
feed-url-not-http = Feeds must be web addresses starting with https:// or http://.
feed-url-incomplete-host = { $input } is not a complete host name. Send the whole address, like https://example.com/feed.xml.
feed-url-credentials = Addresses with a user name or password are not supported.
feed-url-too-long = That address is too long.
# Why a feed could not be read, stored as a code and shown in the reader's language (plain text; the views escape
# it). $url is the feed's address without its query, $host its server, $problem what was wrong with the document.
feed-problem-web-page = This address returns a web page (HTML), not an RSS or Atom feed.
feed-problem-xml-root = This address returns an XML document whose root is <{ $root }>, not an RSS or Atom feed.
feed-problem-not-a-feed = This address does not return an RSS or Atom feed.
feed-problem-json = This address returns JSON, not an RSS or Atom feed.
feed-problem-plain-text = This address returns plain text, not an RSS or Atom feed.
feed-problem-invalid-xml = The feed is not valid XML ({ $detail }).
feed-problem-empty = The feed is empty.
feed-failure-unreadable = The feed at { $url } could not be read. { $problem }
feed-failure-http-status = The feed at { $url } answered { $status }.
feed-failure-timeout = The feed at { $url } did not answer within { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    }.
feed-failure-too-large = The feed at { $url } is larger than { $megabytes } MB, too big to be a feed.
feed-failure-too-many-redirects = The feed at { $url } redirected more than { $count } times.
feed-failure-blocked-address = The feed at { $url } points to a private or reserved network address, which Greenlight does not fetch from.
feed-failure-bad-address = That is not a valid web address.
feed-failure-bad-protocol = The feed at { $url } cannot be fetched: only http and https addresses can, not { $protocol }.
feed-failure-bad-redirect = The feed at { $url } redirected to an address that is not valid.
feed-failure-host-not-found = The feed at { $url } could not be reached: the server { $host } could not be found.
feed-failure-dns-unavailable = The feed at { $url } could not be reached: the server { $host } could not be looked up right now.
feed-failure-refused = The feed at { $url } could not be reached: { $host } refused the connection.
feed-failure-connection-closed = The feed at { $url } could not be reached: { $host } closed the connection unexpectedly.
feed-failure-no-response = The feed at { $url } could not be reached: { $host } did not respond.
feed-failure-unreachable = The feed at { $url } could not be reached: { $host } cannot be reached from here.
feed-failure-invalid-http = The feed at { $url } could not be read: { $host } did not answer with valid HTTP.
feed-failure-corrupt-compression = The feed at { $url } could not be read: { $host } sent a compressed answer that is corrupt.
feed-failure-unknown-encoding = The feed at { $url } could not be read: it came in an encoding Greenlight cannot read ({ $encoding }).
feed-failure-certificate = The feed at { $url } could not be reached: the secure connection to { $host } failed (its certificate could not be verified).
feed-failure-network = The feed at { $url } could not be reached: the connection to { $host } failed ({ $code }).
feed-failure-no-feed-answer = The feed at { $url } answered without a feed.
feed-failure-reader = Greenlight's feed reader stopped on something unexpected in this feed; the error is in the service's logs.
feed-failure-database-unavailable = The feed was read, but the database could not be reached to store its stories. It will be tried again.
feed-failure-database-refused = The feed was read, but the database refused to store its stories ({ $code }: { $detail }).
feed-failure-store-unexpected = The feed was read, but storing its stories failed on an unexpected error; the error is in the service's logs.
# Sent once when a feed keeps failing (plain text). $brand is the brand's name, $feed the feed's title or address.
feed-failure-notice = ⚠️ { $brand }: the feed “{ $feed }” has failed { $count } times in a row.
    Last error: { $reason }

    I'll keep retrying less often. Use /feeds to check or remove it.
