# /report und der Wochenbericht: die Bildunterschrift des Diagramms, höchstens 1.024 Zeichen.

report-period = 📈 <b>Letzte { $days } Tage</b> ({ $from } – { $to })
report-no-insights = ⚠️ Instagram hat Greenlight nicht erlaubt, Beitragsstatistiken zu lesen, daher fehlen Aufrufe und Reichweite. Tippe auf Neu verbinden und erlaube es.
report-no-posts = In diesem Zeitraum ging kein Beitrag raus.
report-posts = Beiträge: { $posts }
report-posts-waiting = Beiträge: { $posts } ({ $waiting } warten noch auf die Zahlen von Instagram)
report-views-reach = Aufrufe: { $views } · Reichweite: { $reach }
report-engagement = Interaktionsrate: { $rate } (Likes, Kommentare, Speicherungen und Shares ÷ Reichweite)
report-engagement-unknown = Interaktionsrate: noch unbekannt (Likes, Kommentare, Speicherungen und Shares ÷ Reichweite)
report-best = 🏆 Bester: { $views ->
    [one] { $views } Aufruf
   *[other] { $views } Aufrufe
} — { $post }
report-weakest = 🔻 Schwächster: { $views ->
    [one] { $views } Aufruf
   *[other] { $views } Aufrufe
} — { $post }
report-spend = 💰 KI-Ausgaben: { $spent }
report-spend-per-thousand = 💰 KI-Ausgaben: { $spent } · { $cost } pro 1.000 Aufrufe
report-unknown-period = { $input } ist kein Zeitraum, den ich kenne. Sende /report für die letzten 7 Tage oder /report 30 für die letzten 30 Tage.

report-chart-title = { $brand } · letzte { $days } Tage
report-chart-views = Aufrufe pro Beitrag
report-chart-reach = Reichweite
report-chart-no-posts = Keine Beiträge in diesem Zeitraum
