# /status, /pause und /resume.

status-title = <b>Status</b>
status-paused = ⏸ Pausiert: keine Entwürfe und keine Veröffentlichungen bis /resume.
status-instagram = 📷 Instagram: { $state }
status-instagram-none = nicht verbunden (/connect)
status-instagram-disconnected = { $account } getrennt (/connect)
status-instagram-connected = verbunden als { $account }
status-instagram-expired = verbunden als { $account }, aber das Token ist am { $date } abgelaufen: erneut /connect
status-instagram-valid = verbunden als { $account }; Token gültig bis { $date } ({ $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    }){ $warn ->
        [yes] {" "}⚠️
       *[no] {""}
    }
status-instagram-slowed = { $connection }. Instagram hat Greenlight gebeten, langsamer zu machen: Veröffentlichungen gehen nach { $when } weiter
status-feeds = 📰 Feeds: { $state }
status-feeds-none = keine (/feeds)
status-feeds-healthy = { $total }, { $total ->
        [one] funktioniert
       *[other] alle funktionieren
    }
status-feeds-failing = { $total }, { $failing } mit Fehlern{ $error } (/feeds)
status-drafts-waiting = 📝 Entwürfe zur Prüfung: { $count }
status-next-post = 🗓 Nächster Beitrag: { $when } ({ $queued } in /queue)
status-next-post-none = 🗓 Nächster Beitrag: keiner geplant
status-comments = 💬 Kommentare: { $setting ->
        [all] jeder Kommentar bekommt eine Karte
        [questions] nur Kommentare mit einer Frage bekommen eine Karte
       *[none] keine Kommentarkarten
    } (/comments)
status-spend = 💰 KI-Ausgaben diesen Monat: { $spent } von { $cap }{ $percent } (/budget)
status-insights-missing = 📈 Beitragsstatistiken: noch nicht erlaubt, daher hat /report keine Aufrufe oder Reichweite. Tippe auf Neu verbinden und erlaube sie.

pause-done = ⏸ Pausiert: keine neuen Entwürfe und nichts wird veröffentlicht bis /resume. Freigegebene Beiträge bleiben in /queue.
pause-already = Schon pausiert. /resume startet Entwürfe und Veröffentlichungen wieder.
resume-done = ▶️ Fortgesetzt: Entwürfe und Veröffentlichungen laufen wieder.
resume-already = Nicht pausiert: Entwürfe und Veröffentlichungen laufen.
