# /schedule: posting times and time zone. $slots is the posting times as typed ("09:00 weekdays"), $zone the
# IANA zone, $next the next slots; all HTML-escaped.

schedule-examples = “09:00, 18:00 weekdays”, “Europe/Berlin”, or both: “9:00 mon-fri; 11:00 weekends America/New_York”
# Day words in posting times as shown ("09:00 mon-fri; 11:00 weekends"). The owner types them back, so each must
# be one the /schedule parser reads (src/publishing/posting-times-parser.ts).
schedule-days-daily = daily
schedule-days-weekdays = weekdays
schedule-days-weekends = weekends
schedule-days-none = none
schedule-day-abbrev-1 = mon
schedule-day-abbrev-2 = tue
schedule-day-abbrev-3 = wed
schedule-day-abbrev-4 = thu
schedule-day-abbrev-5 = fri
schedule-day-abbrev-6 = sat
schedule-day-abbrev-7 = sun
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
# What is wrong with posting times or a time zone the owner typed. $input is their words, quoted and shortened;
# $suggestion a time zone name. Day words are read in en, es, pt-BR and de alike.
schedule-error-zone-missing = Please give a time zone, like Europe/Berlin, America/New_York or Asia/Kolkata.
schedule-error-zone-unknown = { $input } is not a time zone I know. Use a name like Europe/Berlin, America/New_York or Asia/Kolkata.
schedule-error-zone-unknown-suggest = { $input } is not a time zone I know. Did you mean { $suggestion }?
schedule-error-zone-abbreviation = { $input } is an abbreviation, and abbreviations ignore daylight saving time. Use the name of a place instead, like Europe/Berlin or America/New_York.
schedule-error-zone-region-city = Please write the time zone as Region/City, like Europe/Berlin or America/New_York.
schedule-error-zone-region-city-suggest = Please write the time zone as Region/City, like Europe/Berlin or America/New_York. Did you mean { $suggestion }?
schedule-error-two-zones = Please give one time zone, not { $count }.
schedule-error-no-times = Please give at least one posting time, for example “09:00, 18:00 mon-fri; 11:00 weekends”.
schedule-error-day-needs-time = { $input } needs a time, for example { $example }.
schedule-error-range-alone = A dash or “to” goes between two days, like “mon-fri”.
schedule-error-range-unreadable = I could not read the day range after { $input }. Write ranges like “mon-fri” or “sat-sun”.
schedule-error-too-many-times = That is { $count } different times; { $limit } is the most a brand can have.
schedule-error-not-a-time = { $input } is not a time of day. Write times like 09:00, 18:30 or 6pm.
schedule-error-unknown-word = I don't know { $input }. Use times like 09:00 and days like mon, tue, wed, thu, fri, sat, sun, mon-fri, daily, weekdays or weekends.
schedule-error-unknown-character = I don't understand { $input }. Write posting times like “09:00, 18:00 mon-fri; 11:00 weekends”.
