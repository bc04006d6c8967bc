# Das Profil des Bots in Telegram, sichtbar vor dem ersten Chat: die Beschreibung (höchstens 512 Zeichen) und die
# Kurzbeschreibung (höchstens 120).
bot-description = Greenlight macht aus den Nachrichten, denen eine Marke folgt, Instagram-Posts. Jeder Entwurf kommt hier als Karte an, die du freigeben, bearbeiten oder ablehnen kannst, und freigegebene Posts erscheinen nach Zeitplan.

    Dies ist ein privater Bereich: Sein Betreiber lässt Leute herein. Wenn du einen Einladungslink bekommen hast, öffne ihn, um beizutreten.
bot-short-description = Eine KI-Redaktion für Instagram: Nachrichten rein, Entwürfe freigeben, Posts nach Zeitplan raus.
