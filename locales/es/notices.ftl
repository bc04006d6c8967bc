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
