# The command menu (setMyCommands: 1–256 characters each), /help and /start for a returning owner.

command-start = Register and set up your first brand
command-status = Instagram, feeds, drafts, next post and spend at a glance
command-queue = Approved posts waiting, with their slots
command-brands = List your brands: switch, add, rename or delete one
command-feeds = News feeds: health, add or remove
command-brand = The brand profile: language, topic, audience, voice, banned terms, image style
command-schedule = Posting times and time zone
command-topic = What the brand posts about
command-voice = How captions sound
command-hashtags = Default hashtags
command-firstcomment = First comment after publishing: hashtags, off or your line
command-format = Post format: single image, carousel, or let the AI choose
command-budget = AI spend this month and the monthly cap
command-report = How posts performed: last 7 days, or /report 30
command-comments = Which Instagram comments reach this chat: all, questions or none
command-pause = Stop drafting and publishing for the brand
command-resume = Start drafting and publishing again
command-connect = Connect the brand's Instagram account
command-disconnect = Disconnect Instagram
command-deletedata = Delete everything stored about you
command-language = The language I speak to you
command-help = What I can do
command-cancel = Leave the current dialog

help-intro = Greenlight turns the news you follow into Instagram drafts for you to approve here.
help-dialogs = In a dialog, /skip skips a step and /cancel leaves it.

# $brand is HTML-escaped; $brandCount is how many brands the owner has.
welcome-back = Welcome back, { $firstName }! You are working on <b>{ $brand }</b>{ $brandCount ->
        [1] {""}
       *[other] {" "}(one of your { $brandCount } brands; /brands switches)
    }.

# The team's commands, and /start for someone not yet on a team
command-start-guest = Start, or join with an invitation link
command-team = The brand's team and group: who may do what, remove someone
command-invite = Make a one-time invitation link: /invite approver, viewer or owner
command-linkgroup = Send in a group to have a brand's cards go there
command-unlinkgroup = Stop sending a brand's cards to its group
