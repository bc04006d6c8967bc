# Settings changed by typing one answer (/topic, /voice, /hashtags, /firstcomment, /budget, /schedule, rename),
# the views of /topic, /voice, /hashtags and /firstcomment, and the dialogs' general lines. Values are HTML-escaped.

settings-not-set = <i>not set</i>
settings-none = <i>none</i>
settings-change-button = ✏️ Change
settings-clear-button = 🗑 Clear
settings-brand-gone = That brand no longer exists.
settings-cancel-hint = /cancel leaves without changing anything.
settings-cancelled = Cancelled. Nothing was changed.
settings-dialog-name = this change
topic-view = <b>Topic</b>: { $topic }

    Drafts are written about this. Tap Change, or send /topic followed by the new topic.
topic-prompt = What does the brand post about? Send the topic in a sentence, e.g. “urban cycling in Berlin”.
topic-saved = ✅ Topic set: { $topic }
voice-view = <b>Voice</b>: { $voice }

    Captions are written in this voice. Describe it in your own words, or send a few captions you like and I'll derive it.
    You can also send /voice followed by a description.
voice-describe-button = ✏️ Describe it
voice-examples-button = 📝 From example captions
voice-prompt = Describe how captions should sound, e.g. “warm and curious, short sentences, no jargon”.
voice-saved = ✅ Voice saved: { $voice }
hashtags-view = <b>Default hashtags</b>: { $hashtags }

    Added to every draft. Tap Change, or send /hashtags followed by the tags, e.g. /hashtags #cycling #berlin.
hashtags-prompt = Send the default hashtags, e.g. #cycling #berlin (at most { $limit }), or “none”.
hashtags-saved = ✅ Default hashtags: { $hashtags }
hashtags-cleared = ✅ Default hashtags cleared.
first-comment-view = <b>First comment</b>: { $setting }

    Posted under each post right after it goes out. Tap Change, or send /firstcomment hashtags, /firstcomment off, or /firstcomment followed by the line to post.
    Accounts connected before Greenlight asked for permission to comment need one reconnect (/connect).
first-comment-prompt = What should the first comment under each post be? Send “hashtags” (the post's hashtags move from the caption to the comment), “off”, or the line to post.
first-comment-saved = ✅ First comment: { $setting }. It applies to posts that have not started going out.
first-comment-hashtags = the post's hashtags (they leave the caption)
first-comment-off = off
budget-prompt = The monthly AI budget is { $cap }. Send the new amount in US dollars, e.g. 25 (at most { $max }).
budget-saved = ✅ Monthly AI budget set to { $cap }.
rename-prompt = What should <b>{ $name }</b> be called from now on? Send the new name.
rename-saved = ✅ <b>{ $oldName }</b> is now called <b>{ $name }</b>.
toast-hashtags-cleared = Default hashtags cleared
# Every dialog's general lines. $dialog is what the dialog is: "this change", "the brand setup".
toast-dialog-skipped = Skipped
toast-dialog-cancelled = Cancelled
dialog-answer-with-text = Please answer with text, or send /cancel to leave.
dialog-cannot-skip = This step cannot be skipped. Send an answer, or /cancel to leave.
dialog-still-in = You are still in { $dialog }: send your answer, or /cancel to leave.
dialog-left = Left { $dialog }; nothing was saved.
dialog-tap-one-of-the-buttons = Please tap one of the buttons above, or send /cancel.
# /voice from example captions. $reason is ": " and what went wrong, or nothing.
voice-examples-dialog-name = the voice examples
voice-examples-cancelled = Cancelled. The voice is unchanged.
voice-examples-done-button = ✅ Done
voice-examples-prompt = Send up to { $limit } captions whose voice you like, one per message. Tap Done (or send /done) when finished.
voice-examples-none-yet = Send at least one example caption first, or /cancel.
voice-examples-too-long = That is { $length } characters; an Instagram caption has at most { $limit }.
voice-examples-got = Got { $count }. Send another, or tap Done.
voice-examples-failed = I could not derive a voice from those examples{ $reason }. Try again with /voice, or describe it in your own words.
voice-examples-derived = Derived voice:
    <blockquote>{ $voice }</blockquote>
    Use it?
voice-examples-use-button = ✅ Use this voice
voice-examples-discard-button = ✖ Discard
voice-examples-discarded = Discarded. The voice is unchanged.
voice-examples-saved = ✅ Voice saved.
settings-not-registered = Send /start first to register.
settings-no-brand = You have no brand yet. Send /brands and tap “➕ New brand” to set one up.
# What is wrong with a typed setting. $input is the owner's word, quoted and shortened (plain text).
topic-too-short = Please describe the topic in a few words, for example “urban cycling in Berlin”.
topic-too-long = That topic is { $length } characters; keep it to { $limit } or fewer.
voice-too-short = Please describe the voice in a few words, for example “friendly, curious, no jargon”.
voice-too-long = That description is { $length } characters; keep it to { $limit } or fewer.
hashtags-empty = Please send hashtags like #cycling #berlin, or “none” for no hashtags.
hashtags-needs-hash = { $input } needs a # in front, like { $example }.
hashtags-not-a-hashtag = { $input } is not a hashtag: use only letters, digits and _ after the #, with no spaces.
hashtags-needs-letter = { $input } needs at least one letter; Instagram ignores all-number hashtags.
hashtags-too-long = { $input } is too long for a hashtag.
hashtags-too-many = That is { $count } hashtags; Instagram allows at most { $limit } in a post.
