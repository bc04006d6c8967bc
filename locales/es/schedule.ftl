# /schedule: horarios de publicación y zona horaria. Los días se escriben en español ("lun-vie"); también en inglés.

schedule-examples = «09:00, 18:00 entre semana», «Europe/Madrid», o ambos: «9:00 lun-vie; 11:00 fines de semana America/Mexico_City»
# Los días en los horarios mostrados ("09:00 lun-vie"). El dueño los escribe de vuelta: deben ser palabras que
# /schedule entiende (src/publishing/posting-times-parser.ts).
schedule-days-daily = a diario
schedule-days-weekdays = entre semana
schedule-days-weekends = fines de semana
schedule-days-none = ninguno
schedule-day-abbrev-1 = lun
schedule-day-abbrev-2 = mar
schedule-day-abbrev-3 = mié
schedule-day-abbrev-4 = jue
schedule-day-abbrev-5 = vie
schedule-day-abbrev-6 = sáb
schedule-day-abbrev-7 = dom
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
# $suggestion, el nombre de una zona horaria.
schedule-error-zone-missing = Indica una zona horaria, como Europe/Madrid, America/Mexico_City o America/Bogota.
schedule-error-zone-unknown = No conozco la zona horaria { $input }. Usa un nombre como Europe/Madrid, America/Mexico_City o America/Bogota.
schedule-error-zone-unknown-suggest = No conozco la zona horaria { $input }. ¿Quisiste decir { $suggestion }?
schedule-error-zone-abbreviation = { $input } es una abreviatura, y las abreviaturas no tienen en cuenta el horario de verano. Usa el nombre de un lugar, como Europe/Madrid o America/Mexico_City.
schedule-error-zone-region-city = Escribe la zona horaria como Región/Ciudad, como Europe/Madrid o America/Mexico_City.
schedule-error-zone-region-city-suggest = Escribe la zona horaria como Región/Ciudad, como Europe/Madrid o America/Mexico_City. ¿Quisiste decir { $suggestion }?
schedule-error-two-zones = Indica una sola zona horaria, no { $count }.
schedule-error-no-times = Indica al menos un horario de publicación, por ejemplo «09:00, 18:00 lun-vie; 11:00 fines de semana».
schedule-error-day-needs-time = { $input } necesita una hora, por ejemplo { $example }.
schedule-error-range-alone = Un guion o «a» va entre dos días, como «lun-vie» o «de lunes a viernes».
schedule-error-range-unreadable = No entendí el rango de días después de { $input }. Escribe rangos como «lun-vie» o «sáb-dom».
schedule-error-too-many-times = Son { $count } horarios distintos; una marca puede tener como máximo { $limit }.
schedule-error-not-a-time = { $input } no es una hora del día. Escribe horas como 09:00, 18:30 o 6pm.
schedule-error-unknown-word = No conozco { $input }. Usa horas como 09:00 y días como lun, mar, mié, jue, vie, sáb, dom, lun-vie, a diario, entre semana o fines de semana.
schedule-error-unknown-character = No entiendo { $input }. Escribe los horarios así: «09:00, 18:00 lun-vie; 11:00 fines de semana».
