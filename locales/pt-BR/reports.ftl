# /report e o relatório semanal: a legenda do gráfico, no máximo 1.024 caracteres.

report-period = 📈 <b>Últimos { $days } dias</b> ({ $from } – { $to })
report-no-insights = ⚠️ O Instagram não deu ao Greenlight permissão para ler as estatísticas, então faltam visualizações e alcance. Toque em Reconectar e permita.
report-no-posts = Nenhum post saiu neste período.
report-posts = Posts: { $posts }
report-posts-waiting = Posts: { $posts } ({ $waiting } ainda esperando os números do Instagram)
report-views-reach = Visualizações: { $views } · Alcance: { $reach }
report-engagement = Taxa de engajamento: { $rate } (curtidas, comentários, salvamentos e compartilhamentos ÷ alcance)
report-engagement-unknown = Taxa de engajamento: ainda desconhecida (curtidas, comentários, salvamentos e compartilhamentos ÷ alcance)
report-best = 🏆 Melhor: { $views ->
    [one] { $views } visualização
   *[other] { $views } visualizações
} — { $post }
report-weakest = 🔻 Mais fraco: { $views ->
    [one] { $views } visualização
   *[other] { $views } visualizações
} — { $post }
report-spend = 💰 Gasto com IA: { $spent }
report-spend-per-thousand = 💰 Gasto com IA: { $spent } · { $cost } por 1.000 visualizações
report-unknown-period = { $input } não é um período que eu conheça. Envie /report para os últimos 7 dias ou /report 30 para os últimos 30 dias.

report-chart-title = { $brand } · últimos { $days } dias
report-chart-views = visualizações por post
report-chart-reach = alcance
report-chart-no-posts = Nenhum post neste período
