# /deletedata. Counts pick their plural form by the locale's rules.

delete-data-question-title = <b>Delete everything Greenlight stores about you?</b>
delete-data-question = That is your registration, { $brands ->
        [one] { $brands } brand with its settings
       *[other] { $brands } brands with their settings
    }, { $feeds ->
        [one] { $feeds } feed and its articles
       *[other] { $feeds } feeds and their articles
    }, { $drafts ->
        [one] { $drafts } draft or scheduled post
       *[other] { $drafts } drafts and scheduled posts
    }, AI usage records, comments received on your posts, Instagram connections and tokens, open dialogs and queued messages.
delete-data-question-note = Posts already published on Instagram stay there. This cannot be undone.
delete-data-confirm-button = 🗑 Yes, delete everything
delete-data-keep-button = Keep my data
delete-data-done-title = 🗑 <b>Deleted.</b>
delete-data-done = Your registration, { $brands ->
        [one] { $brands } brand
       *[other] { $brands } brands
    }, { $feeds ->
        [one] { $feeds } feed
       *[other] { $feeds } feeds
    }, { $drafts ->
        [one] { $drafts } draft with its image
       *[other] { $drafts } drafts with their images
    }, comments received, AI usage records, Instagram tokens, open dialogs and queued messages are gone.
delete-data-done-note = Send /start if you ever want to begin again.
delete-data-not-registered = Nothing is stored about you: you have not registered.
delete-data-kept-toast = Nothing was deleted
delete-data-kept = Kept. Nothing was deleted.
delete-data-already-toast = Already deleted.
delete-data-already = Nothing is stored about you any more.
delete-data-expired-toast = That confirmation expired
delete-data-expired = That confirmation expired; nothing was deleted. Send /deletedata again if you still want to.
delete-data-done-toast = Deleted
