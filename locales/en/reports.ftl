# /report and the weekly report (insights/report-text.ts): the chart's caption, at most 1,024 characters.
# Numbers are formatted for the locale by the catalogue; $from and $to are dates.

report-period = 📈 <b>Last { $days } days</b> ({ $from } – { $to })
report-no-insights = ⚠️ Instagram has not given Greenlight the permission to read post insights, so views and reach are missing. Tap Reconnect and allow it.
report-no-posts = No posts went out in this period.
report-posts = Posts: { $posts }
report-posts-waiting = Posts: { $posts } ({ $waiting } still waiting for Instagram's numbers)
report-views-reach = Views: { $views } · Reach: { $reach }
# $rate: a percentage such as "4.2%".
report-engagement = Engagement rate: { $rate } (likes, comments, saves and shares ÷ reach)
report-engagement-unknown = Engagement rate: not known yet (likes, comments, saves and shares ÷ reach)
# $post: the post's caption, quoted and linked.
report-best = 🏆 Best: { $views ->
    [one] { $views } view
   *[other] { $views } views
} — { $post }
report-weakest = 🔻 Weakest: { $views ->
    [one] { $views } view
   *[other] { $views } views
} — { $post }
report-spend = 💰 AI spend: { $spent }
report-spend-per-thousand = 💰 AI spend: { $spent } · { $cost } per 1,000 views
report-unknown-period = { $input } is not a period I know. Send /report for the last 7 days or /report 30 for the last 30 days.

# The chart's labels (plain text, drawn on the image)
report-chart-title = { $brand } · last { $days } days
report-chart-views = views per post
report-chart-reach = reach
report-chart-no-posts = No posts in this period
