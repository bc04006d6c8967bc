# /language: el idioma en que te habla el bot.

language-current = Te hablo en <b>{ $language }</b>{ $source ->
        [chosen] , como elegiste.
       *[telegram] , el idioma de tu Telegram.
    }
language-choose = Elige un idioma abajo, o envía por ejemplo /language de. /language auto vuelve a seguir el idioma de tu Telegram.
language-auto-button = 🔄 Seguir a Telegram
language-set = ✅ A partir de ahora te hablo en { $language }.
language-auto = ✅ A partir de ahora sigo el idioma de tu Telegram: { $language }.
language-unknown = No hablo «{ $input }». Hablo English (en), Español (es), Português (Brasil) (pt-BR) y Deutsch (de).
