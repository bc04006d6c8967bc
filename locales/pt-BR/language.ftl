# /language: o idioma em que o bot fala com você.

language-current = Falo com você em <b>{ $language }</b>{ $source ->
        [chosen] , como você escolheu.
       *[telegram] , o idioma do seu Telegram.
    }
language-choose = Escolha um idioma abaixo, ou envie por exemplo /language de. /language auto volta a seguir o idioma do seu Telegram.
language-auto-button = 🔄 Seguir o Telegram
language-set = ✅ A partir de agora falo com você em { $language }.
language-auto = ✅ A partir de agora sigo o idioma do seu Telegram: { $language }.
language-unknown = Não falo “{ $input }”. Falo English (en), Español (es), Português (Brasil) (pt-BR) e Deutsch (de).
