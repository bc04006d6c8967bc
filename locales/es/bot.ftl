# Las respuestas del bot alrededor de cada función: quién puede usarlo, errores y lo que nadie atendió.

refused = Lo siento, este es un escritorio privado de Greenlight. Pide a su operador que añada tu id de Telegram: { $telegramId }
error-button = Algo salió mal de nuestro lado. Inténtalo de nuevo.
error-message = Algo salió mal de nuestro lado. Inténtalo de nuevo en un momento.
fallback-message = No te he entendido. Envía /help para ver lo que puedo hacer.
button-inactive = Este botón ya no está activo.
nothing-to-cancel = Nada que cancelar: no hay ningún diálogo abierto.
nothing-to-skip = Nada que saltar: no hay ninguna pregunta abierta.
send-start-first = Envía /start primero.
