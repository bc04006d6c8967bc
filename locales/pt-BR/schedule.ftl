# /schedule: horários de publicação e fuso horário. Os dias se escrevem em português ("seg-sex"); também em inglês.

schedule-examples = “09:00, 18:00 dias úteis”, “America/Sao_Paulo”, ou ambos: “9:00 seg-sex; 11:00 fins de semana America/Sao_Paulo”
# Os dias nos horários mostrados ("09:00 seg-sex"). O dono os digita de volta: devem ser palavras que
# /schedule entende (src/publishing/posting-times-parser.ts).
schedule-days-daily = todos os dias
schedule-days-weekdays = dias úteis
schedule-days-weekends = fins de semana
schedule-days-none = nenhum
schedule-day-abbrev-1 = seg
schedule-day-abbrev-2 = ter
schedule-day-abbrev-3 = qua
schedule-day-abbrev-4 = qui
schedule-day-abbrev-5 = sex
schedule-day-abbrev-6 = sáb
schedule-day-abbrev-7 = dom
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
# O que está errado nos horários ou no fuso horário que o dono digitou. $input são as palavras dele, citadas e
# encurtadas; $suggestion, o nome de um fuso horário.
schedule-error-zone-missing = Informe um fuso horário, como America/Sao_Paulo, Europe/Lisbon ou America/Manaus.
schedule-error-zone-unknown = Não conheço o fuso horário { $input }. Use um nome como America/Sao_Paulo, Europe/Lisbon ou America/Manaus.
schedule-error-zone-unknown-suggest = Não conheço o fuso horário { $input }. Você quis dizer { $suggestion }?
schedule-error-zone-abbreviation = { $input } é uma abreviação, e abreviações ignoram o horário de verão. Use o nome de um lugar, como America/Sao_Paulo ou Europe/Lisbon.
schedule-error-zone-region-city = Escreva o fuso horário como Região/Cidade, como America/Sao_Paulo ou Europe/Lisbon.
schedule-error-zone-region-city-suggest = Escreva o fuso horário como Região/Cidade, como America/Sao_Paulo ou Europe/Lisbon. Você quis dizer { $suggestion }?
schedule-error-two-zones = Informe um só fuso horário, não { $count }.
schedule-error-no-times = Informe pelo menos um horário de publicação, por exemplo “09:00, 18:00 seg-sex; 11:00 fins de semana”.
schedule-error-day-needs-time = { $input } precisa de um horário, por exemplo { $example }.
schedule-error-range-alone = Um hífen ou “a” fica entre dois dias, como “seg-sex” ou “de segunda a sexta”.
schedule-error-range-unreadable = Não entendi o intervalo de dias depois de { $input }. Escreva intervalos como “seg-sex” ou “sáb-dom”.
schedule-error-too-many-times = São { $count } horários diferentes; uma marca pode ter no máximo { $limit }.
schedule-error-not-a-time = { $input } não é um horário do dia. Escreva horários como 09:00, 18:30 ou 6pm.
schedule-error-unknown-word = Não conheço { $input }. Use horários como 09:00 e dias como seg, ter, qua, qui, sex, sáb, dom, seg-sex, todos os dias, dias úteis ou fins de semana.
schedule-error-unknown-character = Não entendo { $input }. Escreva os horários assim: “09:00, 18:00 seg-sex; 11:00 fins de semana”.
