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
# Qué falla en los horarios o la zona horaria que escribió el dueño. $input son sus palabras, citadas y acortadas;
# $suggestion, el nombre de una zona horaria. La sintaxis sigue en inglés ("mon-fri", "weekdays").
schedule-error-zone-missing = Indica una zona horaria, como Europe/Madrid, America/Mexico_City o America/Bogota.
schedule-error-zone-unknown = No conozco la zona horaria { $input }. Usa un nombre como Europe/Madrid, America/Mexico_City o America/Bogota.
schedule-error-zone-unknown-suggest = No conozco la zona horaria { $input }. ¿Quisiste decir { $suggestion }?
schedule-error-zone-abbreviation = { $input } es una abreviatura, y las abreviaturas no tienen en cuenta el horario de verano. Usa el nombre de un lugar, como Europe/Madrid o America/Mexico_City.
schedule-error-zone-region-city = Escribe la zona horaria como Región/Ciudad, como Europe/Madrid o America/Mexico_City.
schedule-error-zone-region-city-suggest = Escribe la zona horaria como Región/Ciudad, como Europe/Madrid o America/Mexico_City. ¿Quisiste decir { $suggestion }?
schedule-error-two-zones = Indica una sola zona horaria, no { $count }.
schedule-error-no-times = Indica al menos un horario de publicación, por ejemplo «09:00, 18:00 mon-fri; 11:00 weekends».
schedule-error-day-needs-time = { $input } necesita una hora, por ejemplo { $example }.
schedule-error-range-alone = Un guion o «to» va entre dos días, como «mon-fri».
schedule-error-range-unreadable = No entendí el rango de días después de { $input }. Escribe rangos como «mon-fri» o «sat-sun».
schedule-error-too-many-times = Son { $count } horarios distintos; una marca puede tener como máximo { $limit }.
schedule-error-not-a-time = { $input } no es una hora del día. Escribe horas como 09:00, 18:30 o 6pm.
schedule-error-unknown-word = No conozco { $input }. Usa horas como 09:00 y días en inglés como mon, tue, wed, thu, fri, sat, sun, mon-fri, daily, weekdays o weekends.
schedule-error-unknown-character = No entiendo { $input }. Escribe los horarios así: «09:00, 18:00 mon-fri; 11:00 weekends».
