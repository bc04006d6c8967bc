# /brands (la lista, cambiar, renombrar, borrar) y /brand (el perfil con el que se escribe cada borrador).

brands-none = Aún no tienes marcas. Toca «➕ Nueva marca» para crear una.
brands-title = <b>Tus marcas</b> ({ $count })
brands-item = { $selected ->
        [yes] ▶️
       *[no] •
    } { $name }{ $paused ->
        [yes] {" "}(en pausa)
       *[no] {""}
    }{ $selected ->
        [yes] {" "}— seleccionada
       *[no] {""}
    }
brands-hint-several = Los comandos actúan sobre la marca seleccionada. Toca otra para cambiar.
brands-hint-one = Los comandos actúan sobre esta marca.
brands-rename-button = ✏️ Renombrar
brands-delete-button = 🗑 Borrar
brands-new-button = ➕ Nueva marca
toast-brand-selected = Ahora trabajas en { $shortTitle }
toast-brand-gone = Esa marca ya no existe.
toast-nothing-deleted = No se borró nada
toast-brand-deleted = Borrada
toast-confirmation-expired = Esa confirmación caducó
toast-post-going-out = Un post está saliendo ahora mismo
brands-kept = Conservada. No se borró nada.
brands-delete-expired = Esa confirmación caducó; no se borró nada. Abre /brands para intentarlo de nuevo.
brands-delete-publishing = Un post de esta marca se está publicando en Instagram ahora mismo, así que no se borró nada. Inténtalo de nuevo en unos minutos.
brand-delete-question = <b>¿Borrar { $name }?</b>

    Con ella se van su configuración, { $feeds ->
        [one] { $feeds } feed y sus artículos
       *[other] { $feeds } feeds y sus artículos
    }, { $drafts ->
        [one] { $drafts } borrador pendiente de revisión
       *[other] { $drafts } borradores pendientes de revisión
    }, { $scheduled ->
        [0] ningún post programado
        [one] <b>{ $scheduled } post programado, que no saldrá</b>
       *[other] <b>{ $scheduled } posts programados, que no saldrán</b>
    }, sus registros de uso de IA{ $instagram ->
        [yes] , su conexión con Instagram y sus tokens
       *[no] {""}
    }.

    Los posts ya publicados en Instagram se quedan allí. Esto no se puede deshacer.
brand-delete-yes-button = 🗑 Sí, borrar { $buttonName }
brand-delete-keep-button = Conservarla
brand-deleted = 🗑 <b>{ $name }</b> se ha borrado, con { $feeds ->
        [one] { $feeds } feed
       *[other] { $feeds } feeds
    } y { $drafts ->
        [one] { $drafts } borrador o post
       *[other] { $drafts } borradores y posts
    }.
brand-profile = <b>Perfil de la marca</b>: de lo que parte cada borrador.

    <b>Idioma</b>: { $language }
    <b>Tema</b>: { $topic }
    <b>Público</b>: { $audience }
    <b>Voz</b>: { $voice }
    <b>Hashtags por defecto</b>: { $hashtags }
    <b>Términos prohibidos</b>: { $bannedTerms }
    <b>Estilo visual</b> (imágenes): { $visualStyle }
    <b>Primer comentario</b> (tras publicar): { $firstComment }

    Toca un campo para cambiarlo, o envía p. ej. /brand language es, /brand audience …, /brand banned …, /brand style ….
brand-profile-not-set = <i>sin definir</i>
brand-profile-none = <i>ninguno</i>
brand-profile-default = <i>por defecto</i>
brand-language-button = ✏️ Idioma
brand-topic-button = ✏️ Tema
brand-audience-button = ✏️ Público
brand-voice-button = ✏️ Voz
brand-hashtags-button = ✏️ Hashtags
brand-banned-button = ✏️ Términos prohibidos
brand-style-button = ✏️ Estilo visual
brand-first-comment-button = ✏️ Primer comentario
brand-language-prompt = Los textos se escriben en { $language }. ¿En qué idioma deben estar? Envía un código o nombre de idioma, p. ej. es, es-MX, pt-BR, en, de, Spanish o español.
brand-language-saved = ✅ Idioma definido: { $language }. Los nuevos textos, créditos y hashtags estarán en él.
brand-audience-prompt = ¿Quién lee los posts de la marca? Envía el público en una frase, p. ej. «ciclistas urbanos y familias de Madrid», o «none».
brand-audience-saved = ✅ Público: { $value }
brand-audience-cleared = ✅ Público borrado.
brand-banned-prompt = Envía las palabras o frases que los textos nunca deben usar, separadas por comas, p. ej. «barato, lo mejor» (como máximo { $limit }), o «none».
brand-banned-saved = ✅ Términos prohibidos: { $value }
brand-banned-cleared = ✅ Términos prohibidos borrados.
brand-style-prompt = ¿Cómo deben verse las imágenes generadas? p. ej. «ilustración plana y luminosa, turquesa y naranja, sin texto», o «none» para el estilo por defecto.
brand-style-saved = ✅ Estilo visual: { $value }
brand-style-cleared = ✅ Estilo visual borrado.
brand-usage = Envía /brand solo para ver el perfil, o un campo y su valor, p. ej. /brand language es, /brand audience ciclistas de Madrid, /brand banned barato, lo mejor, /brand style ilustración plana.
# Qué falla en un nombre de marca o un campo del perfil que escribió el dueño (texto sin formato).
brand-name-empty = Envía el nombre de la marca, por ejemplo «Noticias Bici Madrid».
brand-name-too-long = Ese nombre tiene { $length } caracteres; no pases de { $limit }.
brand-name-taken = Ya tienes una marca llamada «{ $name }». Envía otro nombre.
brand-audience-too-short = Describe el público en unas palabras, por ejemplo «ciclistas urbanos y familias de Madrid», o envía «none».
brand-audience-too-long = Ese público tiene { $length } caracteres; no pases de { $limit }.
brand-style-too-short = Describe el estilo visual en unas palabras, por ejemplo «ilustración plana y luminosa, turquesa y naranja, sin texto», o envía «none».
brand-style-too-long = Ese estilo visual tiene { $length } caracteres; no pases de { $limit }.
brand-banned-term-too-long = «{ $term }…» tiene { $length } caracteres; cada término puede tener como máximo { $limit }.
brand-banned-empty = Envía los términos separados por comas, p. ej. «barato, lo mejor», o «none» para no prohibir ninguno.
brand-banned-too-many = Son { $count } términos; no pases de { $limit }.
# Un idioma de marca que escribió el dueño y que no conocemos.
brand-language-unknown = No conozco el idioma «{ $input }». Envía un código o nombre de idioma, p. ej. de, es, pt-BR, fr, ja, German o Deutsch.
brand-language-empty = Envía un código o nombre de idioma, p. ej. de, es, pt-BR, fr, ja, German o Deutsch.
