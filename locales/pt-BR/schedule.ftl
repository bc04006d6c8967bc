# /schedule: horários de publicação e fuso horário. A sintaxe dos horários é a inglesa ("mon-fri").

schedule-examples = “09:00, 18:00 weekdays”, “America/Sao_Paulo”, ou ambos: “9:00 mon-fri; 11:00 weekends America/Sao_Paulo”
schedule-view = <b>Horários de publicação</b>: { $slots }
    <b>Fuso horário</b>: { $zone } (agora são { $localTime } lá)
schedule-next = Próximos horários: { $next }
schedule-no-slots = Nenhum horário próximo: nada será publicado até você adicionar horários.
schedule-hint = Para alterá-los toque em Alterar, ou envie /schedule seguido de horários e/ou um fuso horário, p. ex. { $examples }.
schedule-best-times = 📈 Os posts da marca tiveram mais visualizações quando saíram por volta de { $times }. Toque no botão para publicar todo dia { $count ->
        [one] nesse horário
       *[other] nesses horários
    }.
schedule-best-times-button = 📈 Usar { $times }
schedule-prompt = Envie novos horários, um fuso horário, ou ambos, p. ex. { $examples }.
schedule-slots-changed = Os horários de publicação agora são { $slots }.
schedule-zone-changed = O fuso horário agora é { $zone }.
schedule-queue-kept = Posts já agendados mantêm seus horários; mova-os com /queue.
# /resume: os posts aprovados cujo horário passou durante a pausa.
resume-overdue-title = { $count ->
        [one] O horário de { $count } post passou durante a pausa:
       *[other] O horário de { $count } posts passou durante a pausa:
    }
resume-overdue-now = • “{ $post }” sai agora.
resume-overdue-moved = • “{ $post }” passa para { $when }.
resume-overdue-no-slot = • “{ $post }” espera: não há horário livre. Adicione horários com /schedule.
resume-overdue-more = … e mais { $count }, em /queue.
resume-overdue-not-connected = Eles saem assim que o Instagram estiver conectado (/connect).
