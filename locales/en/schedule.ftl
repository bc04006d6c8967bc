# /schedule: posting times and time zone. $slots is the posting times as typed ("09:00 weekdays"), $zone the
# IANA zone, $next the next slots; all HTML-escaped.

schedule-examples = “09:00, 18:00 weekdays”, “Europe/Berlin”, or both: “9:00 mon-fri; 11:00 weekends America/New_York”
schedule-view = <b>Posting times</b>: { $slots }
    <b>Time zone</b>: { $zone } ({ $localTime } there now)
schedule-next = Next slots: { $next }
schedule-no-slots = No upcoming slots: nothing will be published until you add posting times.
schedule-hint = To change them tap Change, or send /schedule followed by times and/or a time zone, e.g. { $examples }.
schedule-best-times = 📈 The brand's posts drew the most views when they went out around { $times }. Tap the button to post every day at { $count ->
        [one] that time
       *[other] those times
    } instead.
schedule-best-times-button = 📈 Use { $times }
schedule-prompt = Send new posting times, a time zone, or both, e.g. { $examples }.
schedule-slots-changed = Posting times are now { $slots }.
schedule-zone-changed = Time zone is now { $zone }.
schedule-queue-kept = Posts already scheduled keep their times; move them with /queue.
# /resume: the approved posts whose time passed while the brand was paused. $post is a headline, HTML-escaped.
resume-overdue-title = { $count ->
        [one] One post's time passed while paused:
       *[other] { $count } posts' times passed while paused:
    }
resume-overdue-now = • “{ $post }” goes out now.
resume-overdue-moved = • “{ $post }” moves to { $when }.
resume-overdue-no-slot = • “{ $post }” waits: there is no free slot. Add times with /schedule.
resume-overdue-more = … and { $count } more, in /queue.
resume-overdue-not-connected = They go out once Instagram is connected (/connect).
