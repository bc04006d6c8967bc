# Los diálogos de la tarjeta del borrador: ✏️ Editar texto, 🦯 Texto alternativo, el texto de una diapositiva, un
# motivo de rechazo escrito, una instrucción para reescribir escrita o hablada.

dialog-current-caption = Texto actual (toca para copiar):
dialog-current-alt-text = Texto alternativo actual (toca para copiar):
dialog-current-slide = Texto actual (toca para copiar):

dialog-caption-prompt = ✏️ Envíame el nuevo texto, o /cancel para mantener el actual.
dialog-caption-hashtags-stay = Los hashtags se quedan como están: { $hashtags }.
dialog-caption-cancelled = Edición cancelada: el texto no cambia.
dialog-caption-left = Saliste de la edición del texto: el texto no cambia.
dialog-caption-nothing-to-skip = No hay nada que saltar: envía el nuevo texto, o /cancel para mantener el actual.
dialog-caption-text-only = Envía el nuevo texto en un mensaje, o /cancel para mantener el actual.
dialog-caption-saved = ✅ Texto actualizado: la tarjeta lo muestra tal como se publicará.
dialog-caption-saved-before = ✅ Texto actualizado.
dialog-caption-not-changed = El texto no cambió. { $state }
dialog-caption-problems = Ese texto no puede ir a Instagram así:
dialog-caption-problems-hashtags = Ese texto no puede ir a Instagram así (contando los hashtags del borrador):
dialog-caption-too-long = El texto tiene { $actual } caracteres; Instagram permite { $limit }.
dialog-caption-too-many-hashtags = El texto tiene { $actual } hashtags; Instagram permite { $limit }.
dialog-caption-too-many-mentions = El texto etiqueta { $actual } cuentas con @; Instagram permite { $limit }.
dialog-caption-send-shorter = Envía una versión más corta, o /cancel para mantener el texto actual.

dialog-alt-text-prompt = 🦯 Envíame el texto alternativo de la imagen: una frase corta que diga qué muestra, para quienes usan un lector de pantalla (como mucho { $limit } caracteres). O /cancel para mantener el actual.
dialog-alt-text-cancelled = Edición del texto alternativo cancelada: no cambia.
dialog-alt-text-left = Saliste de la edición del texto alternativo: no cambia.
dialog-alt-text-nothing-to-skip = No hay nada que saltar: envía el nuevo texto alternativo, o /cancel para mantener el actual.
dialog-alt-text-text-only = Envía el nuevo texto alternativo como mensaje de texto, o /cancel para mantener el actual.
dialog-alt-text-saved = ✅ Texto alternativo actualizado: Instagram lo recibe con la imagen.
dialog-alt-text-saved-before = ✅ Texto alternativo actualizado.
dialog-alt-text-not-changed = El texto alternativo no cambió. { $state }
dialog-alt-text-empty = El texto alternativo no puede estar vacío. Envíalo de nuevo, o /cancel para mantener el actual.
dialog-alt-text-too-long = Ese texto alternativo tiene { $length } caracteres; Instagram permite como mucho { $limit }. Acórtalo en { $over ->
    [one] { $over } carácter
   *[other] { $over } caracteres
}. Envíalo de nuevo, o /cancel para mantener el actual.

dialog-slide-prompt = 🎞 Envíame el nuevo texto de la diapositiva { $number }: un dato clave, como mucho { $limit } caracteres, para que se lea en el móvil. O /cancel para mantenerlo.
dialog-slide-cancelled = Edición de la diapositiva cancelada: no cambia.
dialog-slide-left = Saliste de la edición de la diapositiva: no cambia.
dialog-slide-nothing-to-skip = No hay nada que saltar: envía el nuevo texto de la diapositiva, o /cancel para mantener el actual.
dialog-slide-text-only = Envía el nuevo texto de la diapositiva como mensaje de texto, o /cancel para mantener el actual.
dialog-slide-saved = 🎞 Redibujando la diapositiva: la tarjeta la muestra en un momento.
dialog-slide-saved-before = 🎞 Ya estoy redibujando esa diapositiva.
dialog-slide-not-changed = La diapositiva no cambió. { $state }
dialog-slide-empty = El texto de una diapositiva no puede estar vacío. Envíalo de nuevo, o /cancel para mantener el actual.
dialog-slide-too-long = Son { $length } caracteres; una diapositiva admite como mucho { $limit }, para que se lea en el móvil. Acórtalo en { $over }. Envíalo de nuevo, o /cancel para mantener el actual.

dialog-reject-prompt = ❌ ¿Qué fallaba en este borrador? Envía un motivo corto, o /cancel para conservar el borrador.
dialog-reject-kept = No rechazado: el borrador sigue esperando tu revisión.
dialog-reject-text-only = Envía el motivo como mensaje de texto, o /cancel para conservar el borrador.
dialog-rejected = ❌ Rechazado.
dialog-rejected-thanks = ❌ Rechazado. Gracias, el motivo ayuda a los próximos borradores.
dialog-not-rejected = No rechazado. { $state }

dialog-rewrite-kept = No reescrito: el texto no cambia.
dialog-rewrite-text-only = Envía qué cambiar como mensaje o nota de voz, elige una opción en la tarjeta, o /cancel.
dialog-rewriting = 🔁 Reescribiendo el texto: { $instruction }
dialog-not-rewritten = No reescrito. { $state }

voice-note-heard = 🎙 Entendí: { $instruction }
voice-note-no-key = 🎙 Las notas de voz necesitan una clave de API de OpenAI, y este Greenlight no la tiene. Escribe qué cambiar, o /cancel.
voice-note-too-long = 🎙 Esa nota de voz dura { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}; acepto hasta { $minutes } minutos. Envía otra, o escribe qué cambiar (o /cancel).
voice-note-too-big = 🎙 Esa nota de voz supera los { $megabytes } MB que Telegram deja descargar a los bots. Envía otra, o escribe qué cambiar (o /cancel).
voice-note-over-budget = 🎙 No transcrita: el presupuesto de IA de este mes está agotado ({ $spent } de { $cap }). Súbelo con /budget, o escribe qué cambiar (o /cancel).
voice-note-fetch-failed = 🎙 No pude descargar esa nota de voz de Telegram. Envía otra, o escribe qué cambiar (o /cancel).
voice-note-transcribe-failed = 🎙 OpenAI no pudo transcribir esa nota de voz ahora. Envía otra, o escribe qué cambiar (o /cancel).
voice-note-no-words = 🎙 No oí ninguna palabra en esa nota de voz. Envía otra, o escribe qué cambiar (o /cancel).

toast-no-slides = Este borrador es una sola imagen: no tiene diapositivas.
toast-pick-slide = Elige la diapositiva que quieres cambiar.
toast-slide-gone = Esa diapositiva ya no está en este borrador.
toast-send-slide-text = Envía el nuevo texto de la diapositiva { $number }.
