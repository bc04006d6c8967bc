# /queue e os botões de página das listas longas.

queue-empty = <b>Fila</b>
    Nada aguardando. Rascunhos aprovados aparecem aqui com seu horário.
queue-title = <b>Fila</b> · { $total ->
        [one] { $total } post aguardando
       *[other] { $total } posts aguardando
    }{ $page }
queue-no-slot = sem horário
queue-no-caption = (sem legenda)
queue-paused = ⏸ A marca está pausada: nada é publicado até /resume.
queue-move-button = ↔️ Mover { $number }
queue-cancel-button = ✖ Cancelar { $number }
queue-cannot-move = “{ $post }” (agora { $when }) não pode ser movido: não há horário livre. Adicione horários com /schedule.
queue-move-question = Mover “{ $post }” (agora { $when }) para qual horário livre? Os horários são de { $timeZone }.
queue-back-button = « Voltar à fila
queue-cancel-question = Cancelar “{ $post }”, agendado para { $when }? Ele não será publicado.
queue-cancel-confirm-button = ✖ Sim, cancelar o post
queue-keep-button = « Manter
queue-post-gone = Esse post não existe mais.
queue-post-not-waiting = Esse post não está mais aguardando.
queue-slot-passed = Esse horário já passou; escolha outro.
queue-slot-taken = Esse horário acabou de ser ocupado; escolha outro.
queue-moved-toast = Movido para { $when }
queue-cancelled-toast = Post cancelado
list-page = {" "}· página { $page } de { $pages }
list-previous-button = ◀ Anterior
list-next-button = Próxima ▶
queue-post-now = Esse post não está mais aguardando ({ $status ->
        [published] já foi publicado
        [publishing] está sendo publicado
        [failed] falhou
        [rejected] foi rejeitado
        [pending_review] voltou para revisão
        [generating] está sendo escrito
       *[cancelled] foi cancelado
    }).
