# Ajustes que se cambian escribiendo una respuesta, las vistas de /topic, /voice, /hashtags y /firstcomment.

settings-not-set = <i>sin definir</i>
settings-none = <i>ninguno</i>
settings-change-button = ✏️ Cambiar
settings-clear-button = 🗑 Borrar
settings-brand-gone = Esa marca ya no existe.
settings-cancel-hint = /cancel sale sin cambiar nada.
settings-cancelled = Cancelado. No se cambió nada.
settings-dialog-name = este cambio
topic-view = <b>Tema</b>: { $topic }

    Los borradores tratan de esto. Toca Cambiar, o envía /topic seguido del nuevo tema.
topic-prompt = ¿Sobre qué publica la marca? Envía el tema en una frase, p. ej. «ciclismo urbano en Madrid».
topic-saved = ✅ Tema definido: { $topic }
voice-view = <b>Voz</b>: { $voice }

    Los textos se escriben con esta voz. Descríbela con tus palabras, o envía unos textos que te gusten y la deduciré.
    También puedes enviar /voice seguido de una descripción.
voice-describe-button = ✏️ Describirla
voice-examples-button = 📝 Con textos de ejemplo
voice-prompt = Describe cómo deben sonar los textos, p. ej. «cercana y curiosa, frases cortas, sin jerga».
voice-saved = ✅ Voz guardada: { $voice }
hashtags-view = <b>Hashtags por defecto</b>: { $hashtags }

    Se añaden a cada borrador. Toca Cambiar, o envía /hashtags seguido de los hashtags, p. ej. /hashtags #ciclismo #madrid.
hashtags-prompt = Envía los hashtags por defecto, p. ej. #ciclismo #madrid (como máximo { $limit }), o «none».
hashtags-saved = ✅ Hashtags por defecto: { $hashtags }
hashtags-cleared = ✅ Hashtags por defecto borrados.
first-comment-view = <b>Primer comentario</b>: { $setting }

    Se publica bajo cada post justo después de salir. Toca Cambiar, o envía /firstcomment hashtags, /firstcomment off, o /firstcomment seguido de la línea a publicar.
    Las cuentas conectadas antes de que Greenlight pidiera permiso para comentar necesitan reconectarse una vez (/connect).
first-comment-prompt = ¿Cuál debe ser el primer comentario bajo cada post? Envía «hashtags» (los hashtags del post pasan del texto al comentario), «off», o la línea a publicar.
first-comment-saved = ✅ Primer comentario: { $setting }. Se aplica a los posts que aún no han empezado a salir.
first-comment-hashtags = los hashtags del post (salen del texto)
first-comment-off = desactivado
budget-prompt = El presupuesto mensual de IA es { $cap }. Envía el nuevo importe en dólares estadounidenses, p. ej. 25 (como máximo { $max }).
budget-saved = ✅ Presupuesto mensual de IA: { $cap }.
rename-prompt = ¿Cómo debe llamarse <b>{ $name }</b> a partir de ahora? Envía el nuevo nombre.
rename-saved = ✅ <b>{ $oldName }</b> ahora se llama <b>{ $name }</b>.
toast-hashtags-cleared = Hashtags por defecto borrados
# Las líneas generales de todos los diálogos.
toast-dialog-skipped = Omitido
toast-dialog-cancelled = Cancelado
dialog-answer-with-text = Responde con texto, o envía /cancel para salir.
dialog-cannot-skip = Este paso no se puede omitir. Envía una respuesta, o /cancel para salir.
dialog-still-in = Sigues en { $dialog }: envía tu respuesta, o /cancel para salir.
dialog-left = Saliste de { $dialog }; no se guardó nada.
dialog-tap-one-of-the-buttons = Toca uno de los botones de arriba, o envía /cancel.
# /voice a partir de textos de ejemplo.
voice-examples-dialog-name = los textos de ejemplo
voice-examples-cancelled = Cancelado. La voz no cambia.
voice-examples-done-button = ✅ Listo
voice-examples-prompt = Envía hasta { $limit } textos cuya voz te guste, uno por mensaje. Toca Listo (o envía /done) al terminar.
voice-examples-none-yet = Envía primero al menos un texto de ejemplo, o /cancel.
voice-examples-too-long = Eso son { $length } caracteres; un texto de Instagram tiene como máximo { $limit }.
voice-examples-got = Tengo { $count }. Envía otro, o toca Listo.
voice-examples-failed = No pude deducir una voz de esos ejemplos{ $reason }. Inténtalo de nuevo con /voice, o descríbela con tus palabras.
voice-examples-derived = Voz deducida:
    <blockquote>{ $voice }</blockquote>
    ¿La uso?
voice-examples-use-button = ✅ Usar esta voz
voice-examples-discard-button = ✖ Descartar
voice-examples-discarded = Descartada. La voz no cambia.
voice-examples-saved = ✅ Voz guardada.
settings-not-registered = Envía /start primero para registrarte.
settings-no-brand = Aún no tienes ninguna marca. Envía /brands y toca «➕ Nueva marca» para crear una.
# Qué falla en un ajuste escrito.
topic-too-short = Describe el tema en unas palabras, por ejemplo «ciclismo urbano en Madrid».
topic-too-long = Ese tema tiene { $length } caracteres; no pases de { $limit }.
voice-too-short = Describe la voz en unas palabras, por ejemplo «cercana, curiosa, sin jerga».
voice-too-long = Esa descripción tiene { $length } caracteres; no pases de { $limit }.
hashtags-empty = Envía hashtags como #ciclismo #madrid, o «none» para ninguno.
hashtags-needs-hash = { $input } necesita un # delante, como { $example }.
hashtags-not-a-hashtag = { $input } no es un hashtag: usa solo letras, cifras y _ tras el #, sin espacios.
hashtags-needs-letter = { $input } necesita al menos una letra; Instagram ignora los hashtags solo de cifras.
hashtags-too-long = { $input } es demasiado largo para un hashtag.
hashtags-too-many = Son { $count } hashtags; Instagram permite como máximo { $limit } por post.
