# Die Antworten des Bots rund um jede Funktion: wer ihn nutzen darf, Fehler und was niemand bearbeitet hat.

refused = Entschuldigung, dies ist ein privater Greenlight-Desk. Bitte den Betreiber, deine Telegram-ID hinzuzufügen: { $telegramId }
error-button = Bei uns ist etwas schiefgegangen. Bitte versuche es noch einmal.
error-message = Bei uns ist etwas schiefgegangen. Bitte versuche es gleich noch einmal.
fallback-message = Das habe ich nicht verstanden. Sende /help, um zu sehen, was ich kann.
button-inactive = Diese Schaltfläche ist nicht mehr aktiv.
nothing-to-cancel = Nichts abzubrechen: Es ist kein Dialog offen.
nothing-to-skip = Nichts zu überspringen: Es ist keine Frage offen.
send-start-first = Sende zuerst /start.
