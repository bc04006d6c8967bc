# /status, /pause y /resume.

status-title = <b>Estado</b>
status-paused = ⏸ En pausa: sin borradores ni publicaciones hasta /resume.
status-instagram = 📷 Instagram: { $state }
status-instagram-none = sin conectar (/connect)
status-instagram-disconnected = { $account } desconectado (/connect)
status-instagram-connected = conectado como { $account }
status-instagram-expired = conectado como { $account }, pero el token caducó el { $date }: vuelve a usar /connect
status-instagram-valid = conectado como { $account }; token válido hasta el { $date } ({ $days ->
        [one] { $days } día
       *[other] { $days } días
    }){ $warn ->
        [yes] {" "}⚠️
       *[no] {""}
    }
status-instagram-slowed = { $connection }. Instagram pidió a Greenlight que vaya más despacio: las publicaciones se reanudan después de { $when }
status-feeds = 📰 Feeds: { $state }
status-feeds-none = ninguno (/feeds)
status-feeds-healthy = { $total }, { $total ->
        [one] funciona bien
       *[other] todos funcionan bien
    }
status-feeds-failing = { $total }, { $failing } con fallos{ $error } (/feeds)
status-drafts-waiting = 📝 Borradores pendientes de revisión: { $count }
status-next-post = 🗓 Próxima publicación: { $when } ({ $queued } en /queue)
status-next-post-none = 🗓 Próxima publicación: ninguna programada
status-comments = 💬 Comentarios: { $setting ->
        [all] cada comentario recibe una tarjeta
        [questions] solo los comentarios que preguntan algo reciben una tarjeta
       *[none] sin tarjetas de comentarios
    } (/comments)
status-spend = 💰 Gasto en IA este mes: { $spent } de { $cap }{ $percent } (/budget)
status-insights-missing = 📈 Estadísticas de publicaciones: aún no permitidas, así que /report no tiene vistas ni alcance. Pulsa Reconectar y permítelas.

pause-done = ⏸ En pausa: ni borradores nuevos ni publicaciones hasta /resume. Las publicaciones aprobadas siguen en /queue.
pause-already = Ya está en pausa. /resume reanuda los borradores y las publicaciones.
resume-done = ▶️ Reanudado: borradores y publicaciones vuelven a funcionar.
resume-already = No está en pausa: borradores y publicaciones funcionan.
