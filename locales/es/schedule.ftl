# /schedule: horarios de publicación y zona horaria. La sintaxis de los horarios es la inglesa ("mon-fri").

schedule-examples = «09:00, 18:00 weekdays», «Europe/Madrid», o ambos: «9:00 mon-fri; 11:00 weekends America/Mexico_City»
schedule-view = <b>Horarios de publicación</b>: { $slots }
    <b>Zona horaria</b>: { $zone } (allí son las { $localTime })
schedule-next = Próximos horarios: { $next }
schedule-no-slots = No hay horarios próximos: no se publicará nada hasta que añadas horarios.
schedule-hint = Para cambiarlos toca Cambiar, o envía /schedule seguido de horarios y/o una zona horaria, p. ej. { $examples }.
schedule-best-times = 📈 Los posts de la marca tuvieron más vistas cuando salieron hacia las { $times }. Toca el botón para publicar cada día { $count ->
        [one] a esa hora
       *[other] a esas horas
    }.
schedule-best-times-button = 📈 Usar { $times }
schedule-prompt = Envía nuevos horarios, una zona horaria, o ambos, p. ej. { $examples }.
schedule-slots-changed = Los horarios de publicación ahora son { $slots }.
schedule-zone-changed = La zona horaria ahora es { $zone }.
schedule-queue-kept = Los posts ya programados mantienen su hora; muévelos con /queue.
# /resume: los posts aprobados cuya hora pasó durante la pausa.
resume-overdue-title = { $count ->
        [one] La hora de un post pasó durante la pausa:
       *[other] La hora de { $count } posts pasó durante la pausa:
    }
resume-overdue-now = • «{ $post }» sale ahora.
resume-overdue-moved = • «{ $post }» pasa a { $when }.
resume-overdue-no-slot = • «{ $post }» espera: no hay ningún horario libre. Añade horarios con /schedule.
resume-overdue-more = … y { $count } más, en /queue.
resume-overdue-not-connected = Saldrán cuando Instagram esté conectado (/connect).
