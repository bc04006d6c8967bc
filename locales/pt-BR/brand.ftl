# /brands (a lista, trocar, renomear, excluir) e /brand (o perfil a partir do qual cada rascunho é escrito).

brands-none = Você ainda não tem marcas. Toque em “➕ Nova marca” para criar uma.
brands-title = <b>Suas marcas</b> ({ $count })
brands-item = { $selected ->
        [yes] ▶️
       *[no] •
    } { $name }{ $paused ->
        [yes] {" "}(pausada)
       *[no] {""}
    }{ $selected ->
        [yes] {" "}— selecionada
       *[no] {""}
    }
brands-hint-several = Os comandos agem sobre a marca selecionada. Toque em outra para trocar.
brands-hint-one = Os comandos agem sobre esta marca.
brands-rename-button = ✏️ Renomear
brands-delete-button = 🗑 Excluir
brands-new-button = ➕ Nova marca
toast-brand-selected = Agora trabalhando em { $shortTitle }
toast-brand-gone = Essa marca não existe mais.
toast-nothing-deleted = Nada foi excluído
toast-brand-deleted = Excluída
toast-confirmation-expired = Essa confirmação expirou
toast-post-going-out = Um post está saindo agora
brands-kept = Mantida. Nada foi excluído.
brands-delete-expired = Essa confirmação expirou; nada foi excluído. Abra /brands para tentar de novo.
brands-delete-publishing = Um post desta marca está sendo publicado no Instagram agora, então nada foi excluído. Tente de novo em alguns minutos.
brand-delete-question = <b>Excluir { $name }?</b>

    Com ela vão as configurações, { $feeds ->
        [one] { $feeds } feed e seus artigos
       *[other] { $feeds } feeds e seus artigos
    }, { $drafts ->
        [one] { $drafts } rascunho aguardando revisão
       *[other] { $drafts } rascunhos aguardando revisão
    }, { $scheduled ->
        [0] nenhum post agendado
        [one] <b>{ $scheduled } post agendado, que não vai sair</b>
       *[other] <b>{ $scheduled } posts agendados, que não vão sair</b>
    }, os registros de uso de IA{ $instagram ->
        [yes] , a conexão com o Instagram e seus tokens
       *[no] {""}
    }.

    Posts já publicados no Instagram ficam lá. Isso não pode ser desfeito.
brand-delete-yes-button = 🗑 Sim, excluir { $buttonName }
brand-delete-keep-button = Manter
brand-deleted = 🗑 <b>{ $name }</b> foi excluída, com { $feeds ->
        [one] { $feeds } feed
       *[other] { $feeds } feeds
    } e { $drafts ->
        [one] { $drafts } rascunho ou post
       *[other] { $drafts } rascunhos e posts
    }.
brand-profile = <b>Perfil da marca</b>: a base de cada rascunho.

    <b>Idioma</b>: { $language }
    <b>Tema</b>: { $topic }
    <b>Público</b>: { $audience }
    <b>Voz</b>: { $voice }
    <b>Hashtags padrão</b>: { $hashtags }
    <b>Termos proibidos</b>: { $bannedTerms }
    <b>Estilo visual</b> (imagens): { $visualStyle }
    <b>Primeiro comentário</b> (após publicar): { $firstComment }

    Toque em um campo para alterá-lo, ou envie p. ex. /brand language pt-BR, /brand audience …, /brand banned …, /brand style ….
brand-profile-not-set = <i>não definido</i>
brand-profile-none = <i>nenhum</i>
brand-profile-default = <i>padrão</i>
brand-language-button = ✏️ Idioma
brand-topic-button = ✏️ Tema
brand-audience-button = ✏️ Público
brand-voice-button = ✏️ Voz
brand-hashtags-button = ✏️ Hashtags
brand-banned-button = ✏️ Termos proibidos
brand-style-button = ✏️ Estilo visual
brand-first-comment-button = ✏️ Primeiro comentário
brand-language-prompt = As legendas são escritas em { $language }. Em que idioma devem estar? Envie um código ou nome de idioma, p. ex. pt-BR, pt-PT, es, en, de, Portuguese ou português.
brand-language-saved = ✅ Idioma definido: { $language }. Novas legendas, créditos e hashtags estarão nele.
brand-audience-prompt = Quem lê os posts da marca? Envie o público em uma frase, p. ex. “ciclistas e famílias de São Paulo”, ou “none”.
brand-audience-saved = ✅ Público: { $value }
brand-audience-cleared = ✅ Público removido.
brand-banned-prompt = Envie as palavras ou expressões que as legendas nunca devem usar, separadas por vírgulas, p. ex. “barato, o melhor de todos” (no máximo { $limit }), ou “none”.
brand-banned-saved = ✅ Termos proibidos: { $value }
brand-banned-cleared = ✅ Termos proibidos removidos.
brand-style-prompt = Como as imagens geradas devem ser? p. ex. “ilustração plana e clara, azul-petróleo e laranja, sem texto”, ou “none” para o estilo padrão.
brand-style-saved = ✅ Estilo visual: { $value }
brand-style-cleared = ✅ Estilo visual removido.
brand-usage = Envie /brand sozinho para ver o perfil, ou um campo e seu valor, p. ex. /brand language pt-BR, /brand audience ciclistas de São Paulo, /brand banned barato, o melhor, /brand style ilustração plana.
# O que está errado num nome de marca ou num campo do perfil que o dono digitou (texto simples).
brand-name-empty = Envie o nome da marca, por exemplo “Notícias Bike SP”.
brand-name-too-long = Esse nome tem { $length } caracteres; use no máximo { $limit }.
brand-name-taken = Você já tem uma marca chamada “{ $name }”. Envie outro nome.
brand-audience-too-short = Descreva o público em poucas palavras, por exemplo “ciclistas e famílias de São Paulo”, ou envie “none”.
brand-audience-too-long = Esse público tem { $length } caracteres; use no máximo { $limit }.
brand-style-too-short = Descreva o estilo visual em poucas palavras, por exemplo “ilustração plana e clara, azul-petróleo e laranja, sem texto”, ou envie “none”.
brand-style-too-long = Esse estilo visual tem { $length } caracteres; use no máximo { $limit }.
brand-banned-term-too-long = “{ $term }…” tem { $length } caracteres; cada termo pode ter no máximo { $limit }.
brand-banned-empty = Envie os termos separados por vírgulas, p. ex. “barato, o melhor de todos”, ou “none” para nenhum termo proibido.
brand-banned-too-many = São { $count } termos; use no máximo { $limit }.
# Um idioma de marca que o dono digitou e que não conhecemos.
brand-language-unknown = Não conheço o idioma “{ $input }”. Envie um código ou nome de idioma, p. ex. de, es, pt-BR, fr, ja, German ou Deutsch.
brand-language-empty = Envie um código ou nome de idioma, p. ex. de, es, pt-BR, fr, ja, German ou Deutsch.
