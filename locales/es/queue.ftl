# /queue y los botones de página de las listas largas.

queue-empty = <b>Cola</b>
    No hay nada en espera. Los borradores aprobados aparecen aquí con su horario.
queue-title = <b>Cola</b> · { $total ->
        [one] { $total } publicación en espera
       *[other] { $total } publicaciones en espera
    }{ $page }
queue-no-slot = sin horario
queue-no-caption = (sin texto)
queue-paused = ⏸ La marca está en pausa: no se publica nada hasta /resume.
queue-move-button = ↔️ Mover { $number }
queue-cancel-button = ✖ Cancelar { $number }
queue-cannot-move = «{ $post }» (ahora { $when }) no se puede mover: no hay ningún horario libre. Añade horas con /schedule.
queue-move-question = ¿A qué horario libre muevo «{ $post }» (ahora { $when })? Las horas son de { $timeZone }.
queue-back-button = « Volver a la cola
queue-cancel-question = ¿Cancelar «{ $post }», programada para { $when }? No se publicará.
queue-cancel-confirm-button = ✖ Sí, cancelarla
queue-keep-button = « Conservarla
queue-post-gone = Esa publicación ya no existe.
queue-post-not-waiting = Esa publicación ya no está en espera.
queue-slot-passed = Ese horario ya pasó; elige otro.
queue-slot-taken = Ese horario se acaba de ocupar; elige otro.
queue-moved-toast = Movida a { $when }
queue-cancelled-toast = Publicación cancelada
list-page = {" "}· página { $page } de { $pages }
list-previous-button = ◀ Anterior
list-next-button = Siguiente ▶
queue-post-now = Esa publicación ya no está en espera ({ $status ->
        [published] ya se publicó
        [publishing] se está publicando
        [failed] falló
        [rejected] se rechazó
        [pending_review] volvió a revisión
        [generating] se está escribiendo
       *[cancelled] se canceló
    }).
