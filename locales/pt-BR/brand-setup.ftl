# O diálogo de configuração de uma marca (/start para um novo dono, ➕ Nova marca).

setup-intro-first = Boas-vindas ao Greenlight, { $firstName }! Vamos configurar sua primeira marca: { $steps } perguntas rápidas.
setup-intro-new = Uma nova marca: { $steps } perguntas rápidas.
setup-question-name = Como a marca se chama? ex.: “Notícias Bike SP”.
setup-question-topic = Sobre o que ela posta? ex.: “ciclismo urbano em São Paulo: infraestrutura, eventos, equipamentos”.
setup-question-voice = Como as legendas devem soar? ex.: “simpático e curioso, frases curtas, no máximo um emoji”. Você também pode derivar isso de legendas de exemplo depois com /voice.
setup-question-language = Em que idioma as legendas, a linha de crédito e as hashtags devem ser escritas? Envie um código ou nome de idioma, ex.: { $examples }. Se pular, fica em inglês.
setup-question-language-proposed = Em que idioma as legendas, a linha de crédito e as hashtags devem ser escritas? Toque em “{ $button }” ou envie um código ou nome de idioma, ex.: { $examples }. Se pular, fica em inglês.
setup-use-language = Usar { $language }
setup-language-set = Idioma definido: { $language }.
setup-question-time-zone = Em que fuso horário ela posta? Envie um nome Região/Cidade como America/Sao_Paulo, America/Manaus, Europe/Lisbon ou America/Recife. Se pular, fica em UTC.
setup-time-zone-set = Fuso horário definido: { $timeZone } (agora são { $time } lá).
setup-question-feed = Envie o endereço de um feed de notícias (RSS ou Atom) para gerar rascunhos, ex.: https://example.com/feed.xml. Vou buscá-lo uma vez para conferir.
setup-feed-found = Feed encontrado: { $title }.
setup-feed-untitled = (sem título)
setup-skip-hint = /skip pula esta pergunta, /cancel encerra.
setup-cancelled-first = Cancelado. Nenhuma marca foi criada. Envie /start quando quiser configurar uma.
setup-cancelled = Cancelado. Nenhuma marca foi criada.
button-skip = ⏭ Pular
button-cancel = ✖ Cancelar

# O resumo quando a marca é criada.
setup-created = { $first ->
    [yes] ✅ <b>{ $name }</b> está configurada.
   *[no] ✅ <b>{ $name }</b> está configurada e selecionada.
}

    Tema: { $topic }
    Tom: { $voice }
    Idioma: { $language } (/brand)
    Fuso horário: { $timeZone }
    Feed: { $feed }
    Posts às { $slots } (/schedule); orçamento de IA de { $cap } por mês (/budget).

    Próximo passo: /connect vincula a conta do Instagram da marca. /help lista tudo o que eu sei fazer.
setup-not-set = <i>não definido</i> ({ $command })
setup-no-feed = <i>nenhum ainda</i> (/feeds)
# Languages a brand can be written in, as the owner may name them: codes, an English name or the language's own.
setup-language-examples = de, es, pt-BR, fr, ja, German ou Deutsch
