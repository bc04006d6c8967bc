# /brands (the list, switching, renaming, deleting) and /brand (the profile the drafter writes from).
# $name is a brand's name, HTML-escaped in messages and plain in buttons and toasts.

brands-none = You have no brands yet. Tap “➕ New brand” to set one up.
brands-title = <b>Your brands</b> ({ $count })
brands-item = { $selected ->
        [yes] ▶️
       *[no] •
    } { $name }{ $paused ->
        [yes] {" "}(paused)
       *[no] {""}
    }{ $selected ->
        [yes] {" "}— selected
       *[no] {""}
    }
brands-hint-several = Commands act on the selected brand. Tap another to switch.
brands-hint-one = Commands act on this brand.
brands-rename-button = ✏️ Rename
brands-delete-button = 🗑 Delete
brands-new-button = ➕ New brand
toast-brand-selected = Now working on { $shortTitle }
toast-brand-gone = That brand no longer exists.
toast-nothing-deleted = Nothing was deleted
toast-brand-deleted = Deleted
toast-confirmation-expired = That confirmation expired
toast-post-going-out = A post is going out right now
brands-kept = Kept. Nothing was deleted.
brands-delete-expired = That confirmation expired; nothing was deleted. Open /brands to try again.
brands-delete-publishing = A post of this brand is being published to Instagram right now, so nothing was deleted. Try again in a few minutes.
brand-delete-question = <b>Delete { $name }?</b>

    With it go its settings, { $feeds ->
        [one] { $feeds } feed and its articles
       *[other] { $feeds } feeds and their articles
    }, { $drafts ->
        [one] { $drafts } draft awaiting review
       *[other] { $drafts } drafts awaiting review
    }, { $scheduled ->
        [0] no scheduled posts
        [one] <b>{ $scheduled } scheduled post, which will not go out</b>
       *[other] <b>{ $scheduled } scheduled posts, which will not go out</b>
    }, its AI usage records{ $instagram ->
        [yes] , its Instagram connection and tokens
       *[no] {""}
    }.

    Posts already published on Instagram stay there. This cannot be undone.
brand-delete-yes-button = 🗑 Yes, delete { $buttonName }
brand-delete-keep-button = Keep it
brand-deleted = 🗑 <b>{ $name }</b> is deleted, with { $feeds ->
        [one] { $feeds } feed
       *[other] { $feeds } feeds
    } and { $drafts ->
        [one] { $drafts } draft or post
       *[other] { $drafts } drafts and posts
    }.
brand-profile = <b>Brand profile</b>: what every draft is written from.

    <b>Language</b>: { $language }
    <b>Topic</b>: { $topic }
    <b>Audience</b>: { $audience }
    <b>Voice</b>: { $voice }
    <b>Default hashtags</b>: { $hashtags }
    <b>Banned terms</b>: { $bannedTerms }
    <b>Visual style</b> (images): { $visualStyle }
    <b>First comment</b> (after publishing): { $firstComment }

    Tap a field to change it, or send e.g. /brand language de, /brand audience …, /brand banned …, /brand style ….
brand-profile-not-set = <i>not set</i>
brand-profile-none = <i>none</i>
brand-profile-default = <i>default</i>
brand-language-button = ✏️ Language
brand-topic-button = ✏️ Topic
brand-audience-button = ✏️ Audience
brand-voice-button = ✏️ Voice
brand-hashtags-button = ✏️ Hashtags
brand-banned-button = ✏️ Banned terms
brand-style-button = ✏️ Visual style
brand-first-comment-button = ✏️ First comment
brand-language-prompt = Captions are written in { $language }. Which language should they be in? Send a language code or name, e.g. de, es, pt-BR, fr, ja, German or Deutsch.
brand-language-saved = ✅ Language set: { $language }. New captions, credit lines and hashtags will be in it.
brand-audience-prompt = Who reads the brand's posts? Send the audience in a sentence, e.g. “commuters and families in Berlin”, or “none”.
brand-audience-saved = ✅ Audience: { $value }
brand-audience-cleared = ✅ Audience cleared.
brand-banned-prompt = Send the words or phrases captions must never use, separated by commas, e.g. “cheap, best ever” (at most { $limit }), or “none”.
brand-banned-saved = ✅ Banned terms: { $value }
brand-banned-cleared = ✅ Banned terms cleared.
brand-style-prompt = How should generated images look? e.g. “bright flat illustration, teal and orange, no text”, or “none” for the default style.
brand-style-saved = ✅ Visual style: { $value }
brand-style-cleared = ✅ Visual style cleared.
brand-usage = Send /brand alone to see the profile, or a field and its value, e.g. /brand language de, /brand audience commuters in Berlin, /brand banned cheap, best ever, /brand style flat illustration.
# What is wrong with a brand name or a profile field the owner typed (plain text). $name and $term are their
# words; $length and $limit counts of characters or terms.
brand-name-empty = Please send the brand's name, for example “Berlin Bike News”.
brand-name-too-long = That name is { $length } characters; keep it to { $limit } or fewer.
brand-name-taken = You already have a brand called “{ $name }”. Send another name.
brand-audience-too-short = Please describe the audience in a few words, for example “commuters and families in Berlin”, or send “none”.
brand-audience-too-long = That audience is { $length } characters; keep it to { $limit } or fewer.
brand-style-too-short = Please describe the visual style in a few words, for example “bright flat illustration, teal and orange, no text”, or send “none”.
brand-style-too-long = That visual style is { $length } characters; keep it to { $limit } or fewer.
brand-banned-term-too-long = “{ $term }…” is { $length } characters; keep each term to { $limit } or fewer.
brand-banned-empty = Please send the terms separated by commas, e.g. “cheap, best ever”, or “none” for no banned terms.
brand-banned-too-many = That is { $count } terms; keep it to { $limit } or fewer.
# A brand language the owner typed that is not one we know. $input is their words.
brand-language-unknown = I don't know the language “{ $input }”. Send a language code or name, e.g. de, es, pt-BR, fr, ja, German or Deutsch.
brand-language-empty = Please send a language code or name, e.g. de, es, pt-BR, fr, ja, German or Deutsch.
