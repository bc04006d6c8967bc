# The draft card (render-draft-card.ts), its buttons and what a press on them answers.

card-choosing-reject-reason = ❌ <b>Why reject it?</b> Pick a reason below.
card-choosing-rewrite = 🔁 <b>How should I rewrite it?</b> Pick below, or send me what to change as a message or a voice note.
card-rewriting = ⏳ <b>Rewriting the caption…</b>
card-making-image = ⏳ <b>Making a new image…</b>
card-generating = ⏳ <b>Still being written…</b>
card-review-edited = 📝 <b>Draft for review</b> (caption edited by you)
card-review-new = 📝 <b>New draft for review</b>
# $when is a slot such as "Tue 09:00, Europe/Berlin", HTML-escaped.
card-scheduled = ✅ <b>Scheduled for { $when }</b>
card-going-out = 🚀 <b>Going out now</b>
card-publishing = ⏳ <b>Publishing to Instagram…</b>
card-published-link = 📣 <b>Published on Instagram:</b> { $link }
card-published = 📣 <b>Published on Instagram</b>
card-failed = ⚠️ <b>Publishing failed:</b> { $error }
card-failed-unknown = Instagram did not accept the post.
card-rejected-because = ❌ <b>Rejected:</b> { $reason }
card-rejected = ❌ <b>Rejected</b>
card-cancelled = 🚫 <b>Cancelled</b>
card-no-caption = (no caption yet)
card-caption-cut = ⚠️ The caption is { $characters } characters, too long to show here in full: it is cut above. Tap ✏️ Edit to shorten it.
card-first-comment-failed = ⚠️ First comment not posted: { $error }
card-first-comment-refused = Instagram refused it.
card-first-comment = 💬 First comment: { $comment }
card-first-comment-posted = 💬 First comment (posted): { $comment }
card-alt-text = 🦯 Alt text: { $altText }
card-source = 📰 Source: { $link }
card-why = 💡 Why: { $reason }
card-cost = 💰 AI cost of this draft: { $cost }

button-approve = ✅ Approve
button-edit = ✏️ Edit
button-reject = ❌ Reject
button-new-image = 🖼 New image
button-rewrite = 🔁 Rewrite
button-alt-text = 🦯 Alt text
button-back = ↩️ Back
button-undo = ↩️ Undo
button-post-now = 🚀 Post now
button-retry = 🔁 Retry
button-open-on-instagram = 📷 Open on Instagram
button-reason-off-topic = Off-topic
button-reason-tone = Tone
button-reason-image = Image
button-reason-covered = Already covered
button-reason-other = Other…
button-rewrite-shorter = Shorter
button-rewrite-longer = Longer
button-rewrite-formal = More formal
button-rewrite-playful = More playful
button-rewrite-just = Just rewrite

# What a press answers (a toast: at most 200 characters).
state-generating = This draft is still being written.
state-pending = This draft is waiting for your review.
state-approved-for = Already approved — scheduled for { $when }.
state-approved-now = Already approved — it is going out now.
state-publishing = It is being published to Instagram right now.
state-published = Already published on Instagram.
state-failed = Publishing failed — tap 🔁 Retry on the card to try again.
state-rejected = Already rejected.
state-cancelled = This draft was cancelled.
draft-gone = This draft no longer exists: it or its brand was deleted.
no-slots = This brand has no posting times yet. Set them with /schedule, then approve again.
toast-scheduled = ✅ Scheduled for { $when }
toast-scheduled-again = 🔁 Scheduled again for { $when }
toast-back-to-review = ↩️ Back to review
toast-sending-now = 🚀 Sending it out now
toast-rejected = ❌ Rejected
toast-why-reject = Why reject it? Pick a reason.
toast-kept = Kept for review.
toast-type-reason = Type the reason below.
toast-send-caption = Send the new caption.
toast-send-alt-text = Send the new alt text.
toast-pick-rewrite = Pick how, or send me what to change.
toast-done = Done.
toast-making-image = 🖼 Making a new image…
toast-rewriting = 🔁 Rewriting the caption…
already-making-image = Already making a new image…
already-rewriting = Already rewriting the caption…
images-unavailable = New images are not available yet.
rewrites-unavailable = Rewriting captions is not available yet.

# Who decided, under the status line, on a card in a group
card-approved-by = ✅ Approved by { $name }
card-rejected-by = ❌ Rejected by { $name }
card-undone-by = ↩️ Approval undone by { $name }
card-decided-by = Decided by { $name }

# Carousels: changing the format, redrawing a slide
already-changing-format = Already changing the format…
already-redrawing-slide = Already redrawing a slide…
toast-making-single = 🖼 Turning it into a single image…
toast-making-carousel = 🎞 Turning it into a carousel…
toast-redrawing-slide = 🎞 Redrawing the slide…
card-choosing-slide = 🎞 <b>Which slide?</b> Pick one, then send me its new text.
card-making-single = ⏳ <b>Turning it into a single image…</b>
card-making-carousel = ⏳ <b>Turning it into a carousel…</b>
card-redrawing-slide = ⏳ <b>Redrawing the slide…</b>
button-slides = 🎞 Slides
button-single-image = 🖼 Single image
button-make-carousel = 🎞 Make carousel

# A 🖼 New image, 🔁 Rewrite, format switch or slide redraw that ended without a result ($reason: why, one sentence).
regeneration-nothing-changed = Nothing changed: { $reason }
regeneration-gave-up-image = Nothing changed: the new image could not be made after { $tries } tries. Tap 🖼 New image to try again later.
regeneration-gave-up-rewrite = Nothing changed: the caption could not be rewritten after { $tries } tries. Tap 🔁 Rewrite to try again later.
regeneration-gave-up-format = Nothing changed: the format could not be switched after { $tries } tries. Tap the button to try again later.
regeneration-gave-up-slide = Nothing changed: the slide could not be redrawn after { $tries } tries. Tap 🎞 Slides to try again later.
regeneration-too-few-facts = this story has too few key facts for a carousel.
regeneration-no-cover = the draft has no picture for the carousel's cover.
regeneration-slide-gone = that slide is no longer in this draft.
