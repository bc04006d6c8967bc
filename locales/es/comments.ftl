# Los comentarios de Instagram en Telegram: la tarjeta de un comentario y sus botones, el resumen de una
# publicación muy comentada, /comments y el diálogo para editar la respuesta.

comment-card-commented = 💬 <b>{ $brand }</b>: { $who } comentó en { $post }
comment-card-replied = 💬 <b>{ $brand }</b>: { $who } respondió a un comentario en { $post }
comment-someone = Alguien
comment-your-post = tu publicación
comment-no-text = <i>(sin texto)</i>
comment-spam = 🚫 Parece spam
comment-abusive = ⚠️ Parece ofensivo
comment-reply = <b>Respuesta:</b> { $reply }
comment-reply-sent = <b>Respuesta enviada:</b> { $reply }
comment-by = {" "}por { $name }
comment-at = {" "}a las { $time }
comment-sending = ⏳ Enviando la respuesta{ $by }…
comment-replied = ✅ Respondido{ $by }{ $at }.
comment-hidden = 🙈 Ocultado en Instagram{ $by }{ $at }.
comment-ignored = Ignorado{ $by }{ $at }.

comment-still-open = Este comentario sigue abierto.
comment-already-sending = La respuesta se está enviando{ $by }; esta tarjeta se actualiza cuando Instagram lo confirme.
comment-already-replied = Ya respondido{ $by }{ $at }.
comment-already-hidden = Ya ocultado{ $by }{ $at }.
comment-already-ignored = Ya ignorado{ $by }{ $at }.
comment-gone = Ese comentario ya no está guardado (se borró).

button-comment-send = 💬 Enviar
button-comment-edit = ✏️ Editar
button-comment-draft = ✍️ Redactar respuesta
button-comment-write = ✏️ Escribirla yo
button-comment-hide = 🙈 Ocultar
button-comment-ignore = Ignorar
button-comment-show = 👀 Mostrar { $count }

toast-comment-send-reply = Envía la nueva respuesta.
toast-comment-ignored = Ignorado.
toast-comment-drafting = ✍️ Redactando una respuesta…
toast-comment-no-reply = Aún no hay respuesta: toca ✍️ Redactar respuesta o ✏️ Escribirla yo.
toast-comment-sending = 💬 Enviando la respuesta…
toast-comment-unconfirmed = Instagram no confirmó la respuesta. Comprobaré si salió y la terminaré; la tarjeta se actualiza entonces.
toast-comment-no-instagram = Instagram no está configurado en este servidor.
toast-comment-not-connected = La cuenta de Instagram de la marca no está conectada: conéctala primero con /connect.
toast-comment-hide-failed = Instagram no lo ocultó. Inténtalo de nuevo en un momento.
toast-comment-hide-refused = Instagram no lo ocultó: { $instagramSays }. Inténtalo de nuevo en un momento.
toast-comment-hidden = 🙈 Ocultado en Instagram.
toast-comments-gone = Esos comentarios ya no están guardados.
toast-comments-opening = Abriendo { $count } como tarjetas…
toast-comments-all-open = Ya están todos abiertos.

comment-summary = 💬 <b>{ $brand }</b>: { $count ->
    [one] { $count } comentario más
   *[other] { $count } comentarios más
} en { $post } esta hora, reunidos aquí para no inundar el chat.
comment-summary-opened = { $count } abiertos como tarjetas hasta ahora.
comment-summary-waiting = { $count } en espera.

comments-setting-all = cada comentario recibe una tarjeta
comments-setting-questions = solo los comentarios que preguntan algo reciben una tarjeta
comments-setting-none = sin tarjetas de comentarios
comments-unknown = { $input } no es una opción de comentarios. Envía /comments all, /comments questions o /comments none.
comments-changed = ✅ Comentarios de Instagram: { $setting }.
comments-current = 💬 Comentarios de Instagram: { $setting }.
comments-kept-out = { $count ->
    [one] { $count } comentario quedó
   *[other] { $count } comentarios quedaron
} fuera del chat en los últimos 7 días (siguen guardados).
comments-change-how = Cámbialo con /comments all, /comments questions o /comments none.

comment-edit-prompt = ✏️ Envíame la respuesta tal como debe aparecer en Instagram (como mucho { $limit } caracteres), o /cancel.
comment-edit-current = Respuesta actual (toca para copiar):
comment-edit-cancelled = Edición cancelada: la respuesta no cambia.
comment-edit-left = Saliste de la edición: la respuesta no cambia.
comment-edit-text-only = Envía la respuesta como mensaje de texto, o /cancel para dejarla como está.
comment-edit-problems = Esa respuesta no puede ir a Instagram así:
comment-edit-send-another = Envía otra versión, o /cancel.
comment-edit-not-changed = La respuesta no cambió. { $state }
comment-edit-saved = ✅ Respuesta actualizada: toca 💬 Enviar en la tarjeta para publicarla.
comment-problem-empty = La respuesta está vacía.
comment-problem-too-long = Tiene { $length } caracteres; Instagram acepta como mucho { $limit } en un comentario.
comment-problem-hashtags = Tiene { $count } hashtags; Instagram acepta como mucho { $limit } en un comentario.
comment-problem-links = Tiene { $count } enlaces; Instagram acepta como mucho { $limit } en un comentario.
comment-problem-capitals = Está toda en mayúsculas, y Instagram lo rechaza en un comentario.

comment-note-no-claude = No se redactó respuesta: Claude no está configurado (ANTHROPIC_API_KEY).
comment-note-flagged = No se redactó respuesta: parece spam u ofensivo. Toca ✍️ Redactar respuesta si quieres contestarlo.
comment-note-over-limit = No se redactó respuesta: este comentario llegó por encima del límite de tarjetas por hora. Toca ✍️ Redactar respuesta para tener una.
comment-note-read-as = No se redactó respuesta: Claude lo leyó como { $as ->
    [spam] spam
    [abuse] ofensivo
   *[ordinary] algo que no necesita respuesta
}. Toca ✍️ Redactar respuesta para tener una de todos modos.
comment-note-over-budget = No se redactó respuesta: el presupuesto de IA de este mes, { $cap }, está agotado (ver /budget).
comment-note-failed = No se redactó respuesta: { $error }
# Por qué no se envió una respuesta (comments.last_error, en la tarjeta). Se guardan estas claves: no renombrar ninguna.
comment-send-no-instagram = Instagram no está configurado en este servidor (INSTAGRAM_APP_ID).
comment-send-not-connected = La cuenta de Instagram de la marca no está conectada: conéctala con /connect y vuelve a pulsar Enviar.
comment-send-refused = Instagram rechazó la respuesta: { $words }
