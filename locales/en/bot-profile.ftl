# The bot's profile in Telegram, shown before a chat starts: the description ("What can this bot do?", at most 512
# characters) and the short description (the bot's profile page and shared links, at most 120).
bot-description = Greenlight turns the news a brand follows into Instagram posts. Each draft arrives here as a card to approve, edit or reject, and approved posts go out on schedule.

    This is a private desk: its operator lets people in. If you were given an invitation link, open it to join.
bot-short-description = An AI content desk for Instagram: news in, drafts to approve, posts out on schedule.
