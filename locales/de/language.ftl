# /language: die Sprache, in der der Bot mit dir spricht.

language-current = Ich spreche mit dir <b>{ $language }</b>{ $source ->
        [chosen] , wie du es gewählt hast.
       *[telegram] , die Sprache deines Telegram.
    }
language-choose = Wähle unten eine Sprache oder sende z. B. /language es. /language auto folgt wieder der Sprache deines Telegram.
language-auto-button = 🔄 Telegram folgen
language-set = ✅ Ab jetzt spreche ich { $language } mit dir.
language-auto = ✅ Ab jetzt folge ich der Sprache deines Telegram: { $language }.
language-unknown = „{ $input }“ spreche ich nicht. Ich spreche English (en), Español (es), Português (Brasil) (pt-BR) und Deutsch (de).
