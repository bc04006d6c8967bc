# /status, /pause e /resume.

status-title = <b>Situação</b>
status-paused = ⏸ Pausado: sem rascunhos nem publicações até /resume.
status-instagram = 📷 Instagram: { $state }
status-instagram-none = não conectado (/connect)
status-instagram-disconnected = { $account } desconectado (/connect)
status-instagram-connected = conectado como { $account }
status-instagram-expired = conectado como { $account }, mas o token expirou em { $date }: use /connect de novo
status-instagram-valid = conectado como { $account }; token válido até { $date } ({ $days ->
        [one] { $days } dia
       *[other] { $days } dias
    }){ $warn ->
        [yes] {" "}⚠️
       *[no] {""}
    }
status-instagram-slowed = { $connection }. O Instagram pediu ao Greenlight para ir mais devagar: as publicações voltam depois de { $when }
status-feeds = 📰 Feeds: { $state }
status-feeds-none = nenhum (/feeds)
status-feeds-healthy = { $total }, { $total ->
        [one] funcionando
       *[other] todos funcionando
    }
status-feeds-failing = { $total }, { $failing } com falha{ $error } (/feeds)
status-drafts-waiting = 📝 Rascunhos aguardando revisão: { $count }
status-next-post = 🗓 Próximo post: { $when } ({ $queued } em /queue)
status-next-post-none = 🗓 Próximo post: nenhum agendado
status-comments = 💬 Comentários: { $setting ->
        [all] cada comentário recebe um cartão
        [questions] só comentários que perguntam algo recebem um cartão
       *[none] sem cartões de comentários
    } (/comments)
status-spend = 💰 Gasto com IA neste mês: { $spent } de { $cap }{ $percent } (/budget)
status-insights-missing = 📈 Estatísticas dos posts: ainda não permitidas, então /report não tem visualizações nem alcance. Toque em Reconectar e permita.

pause-done = ⏸ Pausado: nenhum rascunho novo e nada é publicado até /resume. Posts aprovados continuam em /queue.
pause-already = Já está pausado. /resume retoma rascunhos e publicações.
resume-done = ▶️ Retomado: rascunhos e publicações voltaram.
resume-already = Não está pausado: rascunhos e publicações estão ativos.
