# Lo que se le dice al propietario sobre las publicaciones (publish-messages.ts) y sobre la conexión con
# Instagram (instagram-auth/). Las notas de publicación son texto plano: Telegram enlaza una URL sola.

posted-link = Publicado ✅ { $permalink }
posted-no-link = Publicado ✅ (Instagram aún no ha dado el enlace)
posted-first-comment = 💬 Primer comentario publicado.
posted-first-comment-failed = ⚠️ El primer comentario no se publicó; la publicación en sí ya está visible. { $reason }
quota-notice-slot = ⏸ { $brand }: se agotó el límite diario de Instagram para publicaciones hechas por apps, así que una publicación espera. Saldrá en su lugar: { $when }. No se pierde nada; las publicaciones aprobadas mantienen su lugar en la cola.
quota-notice-asap = ⏸ { $brand }: se agotó el límite diario de Instagram para publicaciones hechas por apps, así que una publicación espera. Saldrá en cuanto el límite lo permita. No se pierde nada; las publicaciones aprobadas mantienen su lugar en la cola.

ig-reconnect-button = 🔗 Reconectar Instagram
ig-connect-button = 🔗 Conectar Instagram
ig-connected = ✅ Instagram conectado: las publicaciones aprobadas salen ahora como <b>@{ $username }</b>.
ig-connect-denied = ⚠️ No permitiste que Greenlight usara la cuenta de Instagram, así que no se conectó nada.
ig-connect-expired = ⚠️ El enlace de conexión caducó (los enlaces duran 10 minutos), así que no se conectó nada.
ig-connect-used = ⚠️ Se volvió a abrir un enlace de conexión que ya se había usado. Se rechazó; no cambió nada.
ig-connect-failed = ⚠️ Instagram no completó la conexión: { $detail } No se guardó nada.
ig-connect-try-again = Envía /connect para intentarlo de nuevo.
ig-failure-unreachable = No se pudo contactar con Instagram o tuvo un problema temporal.
ig-failure-unreadable = Instagram dio una respuesta que Greenlight no pudo leer.
ig-failure-code-refused = Instagram rechazó el código de inicio de sesión (sirve una vez, durante una hora).
ig-failure-not-professional = Instagram no dejó que Greenlight leyera la cuenta. Solo se pueden conectar cuentas profesionales (de empresa o de creador).
ig-failure-token-refused = Instagram se negó a emitir un token de acceso duradero.
ig-failure-no-code = Instagram no envió ningún código de inicio de sesión.
ig-failure-no-publish-permission = No se permitió publicar. Vuelve a conectar y deja activados todos los permisos.
ig-failure-error = Instagram informó de un error ({ $error }).
ig-disconnected-notice = 🔌 Instagram desconectó <b>@{ $username }</b>. { $reason }
    Greenlight borró su token de acceso. Las publicaciones aprobadas esperan y no se pierde nada; vuelve a conectar para publicar de nuevo.

ig-connect-how = Toca el botón, inicia sesión en Instagram con la cuenta profesional (de empresa o de creador) de la marca y permite el acceso.
    El enlace sirve una vez, durante { $minutes } minutos.
ig-connect-current = Ahora conectada como @{ $username }; conectar de nuevo la sustituye.
ig-disconnected = 🔌 Desconectada @{ $username }. Greenlight borró su token de acceso.
    Las publicaciones aprobadas esperan hasta que vuelvas a usar /connect.
    Para quitar Greenlight también en Instagram: Instagram → Configuración → Apps y sitios web.
ig-nothing-to-disconnect = No hay ninguna cuenta de Instagram conectada, así que no hay nada que desconectar. /connect vincula una.
ig-not-configured = Instagram aún no está configurado en este Greenlight.
    Quien lo opera debe configurar { $settings }, reiniciar Greenlight y registrar <code>PUBLIC_URL/auth/instagram/callback</code> como URI de redirección OAuth en el panel de apps de Meta (Instagram → Configuración de la API con inicio de sesión de Instagram).
ig-connect-unavailable = Conectar Instagram aún no está disponible en esta versión de Greenlight.
ig-disconnect-unavailable = Desconectar Instagram aún no está disponible en esta versión de Greenlight.

ig-reason-removed = Greenlight se quitó de las apps conectadas de la cuenta de Instagram. Vuelve a conectar Instagram en Greenlight para seguir publicando.
ig-reason-confirm-in-app = Instagram quiere que quien tiene la cuenta confirme algo en la app de Instagram. Abre Instagram y luego vuelve a conectarla en Greenlight.
ig-reason-password-changed = Se cambió la contraseña de Instagram, y eso cerró la sesión de Greenlight. Vuelve a conectar Instagram en Greenlight para seguir publicando.
ig-reason-expired = La conexión con Instagram caducó. Vuelve a conectar Instagram en Greenlight para seguir publicando.
ig-reason-confirm-account = Instagram necesita que la cuenta se confirme primero. Abre la app de Instagram y luego vuelve a conectarla en Greenlight.
ig-reason-refused = Instagram ya no acepta el acceso de Greenlight a esta cuenta. Vuelve a conectar Instagram en Greenlight para seguir publicando.
ig-reason-not-renewed = La conexión con Instagram caducó antes de que Greenlight pudiera renovarla. Vuelve a conectar Instagram para seguir publicando.
ig-reason-deauthorized = Greenlight se quitó de las apps y sitios web de la cuenta de Instagram.

# Tras una solicitud de borrado de datos de Meta para una cuenta de Instagram.
data-deleted-request = 🗑 Instagram pidió a Greenlight borrar los datos que guarda de <b>@{ $username }</b> (una solicitud de borrado hecha en Instagram o Facebook).
data-deleted-done = Hecho: se borraron la conexión con Instagram y su token, { $drafts ->
        [one] { $drafts } borrador o publicación
       *[other] { $drafts } borradores y publicaciones
    } con sus imágenes, { $articles ->
        [one] { $articles } artículo
       *[other] { $articles } artículos
    } y los registros de uso de IA de esta marca. El gasto de IA de este mes se conserva como un total anónimo, así que el límite del presupuesto sigue valiendo.
data-deleted-kept = Los ajustes y las fuentes de la marca se mantienen. /connect vuelve a vincular una cuenta de Instagram.

# Por qué una publicación falló o espera (drafts.last_error) y por qué no se publicó su primer comentario
# (first_comment_error), en la tarjeta y en el aviso "Publicado". Se guardan estas claves: no renombrar ninguna.
publish-then-retry-soon = { $reason } Greenlight lo volverá a intentar en breve.
publish-then-retry-later = { $reason } Greenlight lo volverá a intentar más tarde.
publish-then-checking = { $reason } Greenlight está comprobando si la publicación salió.
publish-then-checking-before-retry = { $reason } Greenlight está comprobando si salió antes de volver a intentarlo.
publish-then-when-window-allows = { $reason } La publicación saldrá en cuanto la ventana de 24 horas lo permita.
publish-reason-instagram-internal = Instagram tuvo un error interno.
publish-reason-download-timed-out = Instagram tardó demasiado en descargar la imagen.
publish-reason-image-too-large = La imagen supera el límite de 8 MB de Instagram. Hace falta una imagen más pequeña.
publish-reason-not-jpeg = Instagram solo acepta imágenes JPEG, y esta imagen tiene otro formato.
publish-reason-container-lost = Instagram perdió la publicación preparada.
publish-reason-not-ready = Instagram aún no estaba listo para la publicación.
publish-reason-aspect-ratio = La forma de la imagen no es la que Instagram permite: debe estar entre 4:5 (vertical) y 1,91:1 (horizontal).
publish-reason-caption-too-long = Instagram rechazó el texto: admite como máximo 2.200 caracteres y 30 hashtags. Acórtalo, por favor.
publish-reason-container-expired = La publicación preparada caducó antes de salir.
publish-reason-unknown-media-type = Instagram no reconoció el tipo de contenido que envió Greenlight. Es un error de Greenlight.
publish-reason-video-format = Instagram no pudo leer el formato del vídeo; necesita MP4 o MOV.
publish-reason-still-processing = Instagram sigue procesando la imagen.
publish-reason-carousel-size-bug = Instagram necesita de 2 a 10 elementos en un carrusel. Es un error de Greenlight.
publish-reason-not-prepared = Instagram no pudo preparar la publicación.
publish-reason-product-tag = Instagram rechazó una etiqueta de producto de la publicación.
publish-reason-tagged-account = Instagram rechazó una cuenta etiquetada en la publicación.
publish-reason-too-many-mentions = El texto menciona más de 20 cuentas (@); Instagram permite 20 como máximo.
publish-reason-daily-limit = La cuenta alcanzó el límite diario de Instagram para publicaciones hechas desde apps.
publish-reason-account-restricted = Instagram ha restringido esta cuenta. Abre la app de Instagram, atiende cualquier aviso que haya y luego vuelve a intentar la publicación.
publish-reason-flagged-automated = Instagram marcó la publicación como posiblemente automatizada.
publish-reason-download-failed = Instagram no pudo descargar la imagen (debe ser un JPEG público, sin redirecciones ni inicio de sesión).
publish-reason-upload-failed = Instagram no pudo subir el contenido.
publish-reason-no-answer = Instagram no respondió a tiempo.
publish-reason-unreachable = No se pudo contactar con Instagram.
publish-reason-no-answer-while-publishing = Instagram no respondió a tiempo mientras se publicaba.
publish-reason-unreachable-while-publishing = No se pudo contactar con Instagram mientras se publicaba.
publish-reason-slow-down = Instagram pidió a Greenlight que fuera más despacio.
publish-reason-no-publish-permission = Greenlight no tiene permiso de Instagram para publicar. Vuelve a conectar Instagram y permite publicar.
publish-reason-duplicate = Instagram rechazó la publicación por ser un duplicado de otra anterior.
publish-reason-temporary-problem = Instagram tuvo un problema temporal.
publish-reason-unreadable-answer = Instagram dio una respuesta ilegible.
publish-reason-unreadable-answer-while-publishing = Instagram dio una respuesta ilegible mientras se publicaba.
publish-reason-problem-while-publishing = Instagram tuvo un problema mientras se publicaba.
publish-reason-unrecognised = Instagram rechazó la solicitud por un motivo que Greenlight no reconoce.
publish-reason-unrecognised-code = Instagram rechazó la solicitud por un motivo que Greenlight no reconoce (error de Instagram { $code }).
publish-reason-image-not-processed = Instagram no pudo procesar la imagen.
publish-reason-image-not-prepared = Instagram no pudo preparar esta imagen.
publish-reason-no-comment-permission = Instagram no dejó comentar a Greenlight: la cuenta se conectó sin el permiso para gestionar comentarios. Vuelve a conectar Instagram para permitirlo.
publish-reason-carousel-size = Este carrusel tiene { $count ->
        [one] { $count } diapositiva
       *[other] { $count } diapositivas
    }; Instagram admite de 2 a 10.
publish-reason-slide-without-image = No tiene imagen, e Instagram necesita una.
publish-reason-post-without-image = Esta publicación no tiene imagen, e Instagram necesita una.
publish-reason-slide = Diapositiva { $position } de { $count }: { $reason }
publish-reason-cover-slide = Diapositiva { $position } de { $count } (la portada): { $reason }
publish-reason-quota-used-up = La cuenta agotó el límite diario de Instagram para publicaciones hechas desde apps; la publicación espera al siguiente horario.
publish-reason-not-connected = Instagram no está conectado para esta marca.
publish-reason-token-unreadable = Greenlight no puede leer el token de Instagram guardado.
publish-reason-no-link-yet = Publicado; Instagram aún no ha dado el enlace.
publish-reason-first-comment-waits = Publicado; el primer comentario aún no está publicado. { $reason }
publish-reason-post-not-found = Greenlight no pudo saber cuál de las publicaciones de Instagram era esta.
publish-reason-gave-up = { $reason } Greenlight lo intentó { $attempts ->
        [one] { $attempts } vez
       *[other] { $attempts } veces
    } y se detuvo; pulsa 🔁 Reintentar para volver a intentarlo.
publish-reason-instagram-said = { $reason } Instagram dijo: «{ $words }»
