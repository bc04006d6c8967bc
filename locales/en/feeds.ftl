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
