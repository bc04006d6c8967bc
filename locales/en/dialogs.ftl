# The draft card's dialogs (approval/): ✏️ Edit caption, 🦯 Alt text, a slide's text, a typed rejection reason,
# a rewrite instruction typed or spoken. $state is what happened to the draft meanwhile (state-* in approval.ftl).

dialog-current-caption = Current caption (tap to copy):
dialog-current-alt-text = Current alt text (tap to copy):
dialog-current-slide = Current text (tap to copy):

dialog-caption-prompt = ✏️ Send me the new caption, or /cancel to keep the current one.
dialog-caption-hashtags-stay = The hashtags stay as they are: { $hashtags }.
dialog-caption-cancelled = Edit cancelled: the caption is unchanged.
dialog-caption-left = Left the caption edit: the caption is unchanged.
dialog-caption-nothing-to-skip = There is nothing to skip: send the new caption, or /cancel to keep the current one.
dialog-caption-text-only = Please send the new caption as a text message, or /cancel to keep the current one.
dialog-caption-saved = ✅ Caption updated: the card shows it as it will be posted.
dialog-caption-saved-before = ✅ Caption updated.
dialog-caption-not-changed = The caption was not changed. { $state }
dialog-caption-problems = That caption can't go to Instagram as it is:
dialog-caption-problems-hashtags = That caption can't go to Instagram as it is (counting the draft's hashtags):
dialog-caption-too-long = The caption is { $actual } characters; Instagram allows { $limit }.
dialog-caption-too-many-hashtags = The caption has { $actual } hashtags; Instagram allows { $limit }.
dialog-caption-too-many-mentions = The caption tags { $actual } accounts with @; Instagram allows { $limit }.
dialog-caption-send-shorter = Send a shorter version, or /cancel to keep the current caption.

dialog-alt-text-prompt = 🦯 Send me the alt text for the image: one short sentence saying what it shows, for people who use a screen reader (at most { $limit } characters). Or /cancel to keep the current one.
dialog-alt-text-cancelled = Alt text edit cancelled: the alt text is unchanged.
dialog-alt-text-left = Left the alt text edit: the alt text is unchanged.
dialog-alt-text-nothing-to-skip = There is nothing to skip: send the new alt text, or /cancel to keep the current one.
dialog-alt-text-text-only = Please send the new alt text as a text message, or /cancel to keep the current one.
dialog-alt-text-saved = ✅ Alt text updated: Instagram gets it with the image.
dialog-alt-text-saved-before = ✅ Alt text updated.
dialog-alt-text-not-changed = The alt text was not changed. { $state }
dialog-alt-text-empty = The alt text cannot be empty. Send it again, or /cancel to keep the current one.
dialog-alt-text-too-long = That alt text is { $length } characters; Instagram allows at most { $limit }. Please make it { $over ->
    [one] { $over } character
   *[other] { $over } characters
} shorter. Send it again, or /cancel to keep the current one.

# $number: the slide's number, from 1.
dialog-slide-prompt = 🎞 Send me the new text for slide { $number }: one key fact, at most { $limit } characters, so it reads on a phone. Or /cancel to keep it.
dialog-slide-cancelled = Slide edit cancelled: the slide is unchanged.
dialog-slide-left = Left the slide edit: the slide is unchanged.
dialog-slide-nothing-to-skip = There is nothing to skip: send the new slide text, or /cancel to keep the current one.
dialog-slide-text-only = Please send the new slide text as a text message, or /cancel to keep the current one.
dialog-slide-saved = 🎞 Redrawing the slide: the card shows it in a moment.
dialog-slide-saved-before = 🎞 Already redrawing that slide.
dialog-slide-not-changed = The slide was not changed. { $state }
dialog-slide-empty = A slide's text cannot be empty. Send it again, or /cancel to keep the current one.
dialog-slide-too-long = That is { $length } characters; a slide takes at most { $limit }, so it reads on a phone. Please make it { $over } shorter. Send it again, or /cancel to keep the current one.

dialog-reject-prompt = ❌ What was wrong with this draft? Send a short reason, or /cancel to keep the draft.
dialog-reject-kept = Not rejected: the draft is still waiting for your review.
dialog-reject-text-only = Please send the reason as a text message, or /cancel to keep the draft.
dialog-rejected = ❌ Rejected.
dialog-rejected-thanks = ❌ Rejected. Thanks, the reason helps the next drafts.
dialog-not-rejected = Not rejected. { $state }

dialog-rewrite-kept = Not rewritten: the caption is unchanged.
dialog-rewrite-text-only = Please send what to change as a message or a voice note, pick a choice on the card, or /cancel.
# $instruction: what the owner said, quoted.
dialog-rewriting = 🔁 Rewriting the caption: { $instruction }
dialog-not-rewritten = Not rewritten. { $state }

# A rewrite instruction sent as a voice note (approval/voice-instruction.ts)
voice-note-heard = 🎙 Heard: { $instruction }
voice-note-no-key = 🎙 Voice notes need an OpenAI API key, which this Greenlight has not got. Type what to change instead, or /cancel.
voice-note-too-long = 🎙 That voice note is { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
} long; I take up to { $minutes } minutes. Send another, or type what to change (or /cancel).
voice-note-too-big = 🎙 That voice note is over the { $megabytes } MB Telegram lets bots download. Send another, or type what to change (or /cancel).
voice-note-over-budget = 🎙 Not transcribed: this month's AI budget is used up ({ $spent } of { $cap }). Raise it with /budget, or type what to change (or /cancel).
voice-note-fetch-failed = 🎙 I could not fetch that voice note from Telegram. Send another, or type what to change (or /cancel).
voice-note-transcribe-failed = 🎙 OpenAI could not transcribe that voice note just now. Send another, or type what to change (or /cancel).
voice-note-no-words = 🎙 I heard no words in that voice note. Send another, or type what to change (or /cancel).

# 🎞 Slides on a carousel's card: what picking a slide answers (a toast)
toast-no-slides = This draft is a single image: it has no slides.
toast-pick-slide = Pick the slide to change.
toast-slide-gone = That slide is no longer in this draft.
toast-send-slide-text = Send the new text for slide { $number }.
