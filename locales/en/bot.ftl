# The bot's own answers around every feature: who may use it, errors, and what nobody handled.

refused = Sorry, this is a private Greenlight desk. Ask its operator to add your Telegram id: { $telegramId }
error-button = Something went wrong on our side. Please try again.
error-message = Something went wrong on our side. Please try again in a moment.
fallback-message = I didn't catch that. Send /help to see what I can do.
button-inactive = This button is no longer active.
nothing-to-cancel = Nothing to cancel: no dialog is open.
nothing-to-skip = Nothing to skip: no question is open.
send-start-first = Send /start first.
