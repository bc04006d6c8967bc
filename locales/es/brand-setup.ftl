# El diálogo de configuración de una marca (/start para un propietario nuevo, ➕ Nueva marca).

setup-intro-first = ¡Te damos la bienvenida a Greenlight, { $firstName }! Configuremos tu primera marca: { $steps } preguntas rápidas.
setup-intro-new = Una marca nueva: { $steps } preguntas rápidas.
setup-question-name = ¿Cómo se llama la marca? p. ej. «Noticias Bici Madrid».
setup-question-topic = ¿Sobre qué publica? p. ej. «ciclismo urbano en Madrid: infraestructura, eventos, equipo».
setup-question-voice = ¿Cómo deben sonar los textos? p. ej. «cercano y curioso, frases cortas, como mucho un emoji». También puedes derivarlo más tarde de textos de ejemplo con /voice.
setup-question-language = ¿En qué idioma se escriben los textos, la línea de crédito y los hashtags? Envía un código o nombre de idioma, p. ej. { $examples }. Si lo saltas, se queda en inglés.
setup-question-language-proposed = ¿En qué idioma se escriben los textos, la línea de crédito y los hashtags? Pulsa «{ $button }» o envía un código o nombre de idioma, p. ej. { $examples }. Si lo saltas, se queda en inglés.
setup-use-language = Usar { $language }
setup-language-set = Idioma: { $language }.
setup-question-time-zone = ¿En qué zona horaria publica? Envía un nombre Región/Ciudad como Europe/Madrid, America/Mexico_City, America/Bogota o America/Argentina/Buenos_Aires. Si lo saltas, se queda en UTC.
setup-time-zone-set = Zona horaria: { $timeZone } (allí son las { $time }).
setup-question-feed = Envía la dirección de un feed de noticias (RSS o Atom) del que crear borradores, p. ej. https://example.com/feed.xml. Lo descargaré una vez para comprobarlo.
setup-feed-found = Feed encontrado: { $title }.
setup-feed-untitled = (sin título)
setup-skip-hint = /skip salta esta pregunta, /cancel lo detiene.
setup-cancelled-first = Cancelado. No se creó ninguna marca. Envía /start cuando quieras configurar una.
setup-cancelled = Cancelado. No se creó ninguna marca.
button-skip = ⏭ Saltar
button-cancel = ✖ Cancelar

# El resumen al crear la marca.
setup-created = { $first ->
    [yes] ✅ <b>{ $name }</b> está configurada.
   *[no] ✅ <b>{ $name }</b> está configurada y seleccionada.
}

    Tema: { $topic }
    Tono: { $voice }
    Idioma: { $language } (/brand)
    Zona horaria: { $timeZone }
    Feed: { $feed }
    Publica a las { $slots } (/schedule); presupuesto de IA { $cap } al mes (/budget).

    Siguiente: /connect vincula la cuenta de Instagram de la marca. /help muestra todo lo que puedo hacer.
setup-not-set = <i>sin definir</i> ({ $command })
setup-no-feed = <i>ninguno aún</i> (/feeds)
# Languages a brand can be written in, as the owner may name them: codes, an English name or the language's own.
setup-language-examples = de, es, pt-BR, fr, ja, German o Deutsch
