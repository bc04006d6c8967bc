# /status, /pause and /resume. Values marked HTML are escaped before they get here.

status-title = <b>Status</b>
status-paused = ⏸ Paused: no drafting or publishing until /resume.
status-instagram = 📷 Instagram: { $state }
status-instagram-none = not connected (/connect)
status-instagram-disconnected = { $account } disconnected (/connect)
status-instagram-connected = connected as { $account }
status-instagram-expired = connected as { $account }, but the token expired on { $date }: /connect again
status-instagram-valid = connected as { $account }; token valid until { $date } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    }){ $warn ->
        [yes] {" "}⚠️
       *[no] {""}
    }
status-instagram-slowed = { $connection }. Instagram asked Greenlight to slow down: posting resumes after { $when }
status-feeds = 📰 Feeds: { $state }
status-feeds-none = none (/feeds)
status-feeds-healthy = { $total }, { $total ->
        [one] healthy
       *[other] all healthy
    }
status-feeds-failing = { $total }, { $failing } failing{ $error } (/feeds)
status-drafts-waiting = 📝 Drafts waiting for review: { $count }
status-next-post = 🗓 Next post: { $when } ({ $queued } in /queue)
status-next-post-none = 🗓 Next post: none scheduled
status-comments = 💬 Comments: { $setting ->
        [all] every comment gets a card
        [questions] only comments that ask something get a card
       *[none] no comment cards
    } (/comments)
status-spend = 💰 AI spend this month: { $spent } of { $cap }{ $percent } (/budget)
status-insights-missing = 📈 Post insights: not allowed yet, so /report has no views or reach. Tap Reconnect and allow them.

pause-done = ⏸ Paused: no new drafts and nothing is published until /resume. Approved posts stay in /queue.
pause-already = Already paused. /resume starts drafting and publishing again.
resume-done = ▶️ Resumed: drafting and publishing are back on.
resume-already = Not paused: drafting and publishing are on.
