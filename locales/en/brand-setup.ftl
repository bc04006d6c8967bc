# The brand set-up dialog (/start for a new owner, ➕ New brand). $steps is the number of questions.

setup-intro-first = Welcome to Greenlight, { $firstName }! Let's set up your first brand: { $steps } quick questions.
setup-intro-new = A new brand: { $steps } quick questions.
setup-question-name = What is the brand called? e.g. “Berlin Bike News”.
setup-question-topic = What does it post about? e.g. “urban cycling in Berlin: infrastructure, events, gear”.
setup-question-voice = How should captions sound? e.g. “friendly and curious, short sentences, one emoji at most”. You can also derive it from example captions later with /voice.
setup-question-language = Which language should captions, credit lines and hashtags be written in? Send a language code or name, e.g. { $examples }. Skipping keeps English.
setup-question-language-proposed = Which language should captions, credit lines and hashtags be written in? Tap “{ $button }”, or send a language code or name, e.g. { $examples }. Skipping keeps English.
setup-use-language = Use { $language }
setup-language-set = Language set: { $language }.
setup-question-time-zone = Which time zone does it post in? Send a Region/City name such as Europe/Berlin, America/New_York, Asia/Kolkata or Australia/Sydney. Skipping keeps UTC.
setup-time-zone-set = Time zone set: { $timeZone } ({ $time } there now).
setup-question-feed = Send the address of a news feed (RSS or Atom) to draft from, e.g. https://example.com/feed.xml. I will fetch it once to check it.
setup-feed-found = Found the feed { $title }.
setup-feed-untitled = (untitled)
setup-skip-hint = /skip skips this question, /cancel stops.
setup-cancelled-first = Cancelled. No brand was created. Send /start whenever you want to set one up.
setup-cancelled = Cancelled. No brand was created.
button-skip = ⏭ Skip
button-cancel = ✖ Cancel

# The summary once the brand is created. $topic, $voice and $feed are the answers, or setup-not-set.
setup-created = { $first ->
    [yes] ✅ <b>{ $name }</b> is set up.
   *[no] ✅ <b>{ $name }</b> is set up and selected.
}

    Topic: { $topic }
    Voice: { $voice }
    Language: { $language } (/brand)
    Time zone: { $timeZone }
    Feed: { $feed }
    Posting at { $slots } (/schedule); AI budget { $cap } a month (/budget).

    Next: /connect links the brand's Instagram account. /help lists everything I can do.
setup-not-set = <i>not set</i> ({ $command })
setup-no-feed = <i>none yet</i> (/feeds)
# Languages a brand can be written in, as the owner may name them: codes, an English name or the language's own.
setup-language-examples = de, es, pt-BR, fr, ja, German or Deutsch
