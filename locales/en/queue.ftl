# /queue, and the page buttons of long lists. $post is a headline or caption start, HTML-escaped.

queue-empty = <b>Queue</b>
    Nothing is waiting. Approved drafts appear here with their slot.
queue-title = <b>Queue</b> · { $total ->
        [one] { $total } post waiting
       *[other] { $total } posts waiting
    }{ $page }
queue-no-slot = no slot
queue-no-caption = (no caption)
queue-paused = ⏸ The brand is paused: nothing is published until /resume.
queue-move-button = ↔️ Move { $number }
queue-cancel-button = ✖ Cancel { $number }
queue-cannot-move = “{ $post }” (now { $when }) cannot move: there is no free slot. Add times with /schedule.
queue-move-question = Move “{ $post }” (now { $when }) to which free slot? Times are { $timeZone }.
queue-back-button = « Back to the queue
queue-cancel-question = Cancel “{ $post }”, scheduled for { $when }? It will not be posted.
queue-cancel-confirm-button = ✖ Yes, cancel the post
queue-keep-button = « Keep it
queue-post-gone = That post no longer exists.
queue-post-not-waiting = That post is no longer waiting.
queue-slot-passed = That slot has passed; pick another.
queue-slot-taken = That slot was just taken; pick another.
queue-moved-toast = Moved to { $when }
queue-cancelled-toast = Post cancelled
list-page = {" "}· page { $page } of { $pages }
list-previous-button = ◀ Previous
list-next-button = Next ▶
# $status is the draft's state in the database.
queue-post-now = That post is no longer waiting (it is { $status ->
        [published] published
        [publishing] being published
        [failed] failed
        [rejected] rejected
        [pending_review] back in review
        [generating] being written
       *[cancelled] cancelled
    }).
