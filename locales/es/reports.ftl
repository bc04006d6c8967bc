# /report y el informe semanal: el pie del gráfico, como mucho 1.024 caracteres.

report-period = 📈 <b>Últimos { $days } días</b> ({ $from } – { $to })
report-no-insights = ⚠️ Instagram no ha dado a Greenlight permiso para leer las estadísticas, así que faltan visualizaciones y alcance. Toca Reconectar y permítelo.
report-no-posts = No salió ninguna publicación en este periodo.
report-posts = Publicaciones: { $posts }
report-posts-waiting = Publicaciones: { $posts } ({ $waiting } aún esperan las cifras de Instagram)
report-views-reach = Visualizaciones: { $views } · Alcance: { $reach }
report-engagement = Tasa de interacción: { $rate } (me gusta, comentarios, guardados y compartidos ÷ alcance)
report-engagement-unknown = Tasa de interacción: aún no se sabe (me gusta, comentarios, guardados y compartidos ÷ alcance)
report-best = 🏆 Mejor: { $views ->
    [one] { $views } visualización
   *[other] { $views } visualizaciones
} — { $post }
report-weakest = 🔻 Más floja: { $views ->
    [one] { $views } visualización
   *[other] { $views } visualizaciones
} — { $post }
report-spend = 💰 Gasto en IA: { $spent }
report-spend-per-thousand = 💰 Gasto en IA: { $spent } · { $cost } por cada 1000 visualizaciones
report-unknown-period = { $input } no es un periodo que conozca. Envía /report para los últimos 7 días o /report 30 para los últimos 30 días.

report-chart-title = { $brand } · últimos { $days } días
report-chart-views = visualizaciones por publicación
report-chart-reach = alcance
report-chart-no-posts = Ninguna publicación en este periodo
