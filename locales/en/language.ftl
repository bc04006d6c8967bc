# /language: the language the bot speaks to you.

language-current = I speak to you in <b>{ $language }</b>{ $source ->
        [chosen] {""}, as you chose.
       *[telegram] {""}, your Telegram language.
    }
language-choose = Pick a language below, or send e.g. /language de. /language auto follows your Telegram language again.
language-auto-button = 🔄 Follow Telegram
language-set = ✅ From now on I speak { $language } to you.
language-auto = ✅ From now on I follow your Telegram language: { $language }.
language-unknown = I don't speak “{ $input }”. I speak English (en), Español (es), Português (Brasil) (pt-BR) and Deutsch (de).
