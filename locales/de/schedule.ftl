# /schedule: Veröffentlichungszeiten und Zeitzone. Die Zeiten werden in englischer Schreibweise angegeben ("mon-fri").

schedule-examples = „09:00, 18:00 weekdays“, „Europe/Berlin“, oder beides: „9:00 mon-fri; 11:00 weekends Europe/Vienna“
schedule-view = <b>Veröffentlichungszeiten</b>: { $slots }
    <b>Zeitzone</b>: { $zone } (dort ist es jetzt { $localTime })
schedule-next = Nächste Termine: { $next }
schedule-no-slots = Keine anstehenden Termine: Es wird nichts veröffentlicht, bis du Zeiten hinzufügst.
schedule-hint = Zum Ändern tippe auf Ändern, oder sende /schedule mit Zeiten und/oder einer Zeitzone, z. B. { $examples }.
schedule-best-times = 📈 Die Posts der Marke hatten die meisten Aufrufe, wenn sie gegen { $times } erschienen. Tippe auf die Taste, um stattdessen jeden Tag { $count ->
        [one] zu dieser Zeit
       *[other] zu diesen Zeiten
    } zu posten.
schedule-best-times-button = 📈 { $times } nutzen
schedule-prompt = Sende neue Veröffentlichungszeiten, eine Zeitzone oder beides, z. B. { $examples }.
schedule-slots-changed = Die Veröffentlichungszeiten sind jetzt { $slots }.
schedule-zone-changed = Die Zeitzone ist jetzt { $zone }.
schedule-queue-kept = Bereits geplante Posts behalten ihre Zeit; verschiebe sie mit /queue.
# /resume: die freigegebenen Posts, deren Zeit während der Pause verstrichen ist.
resume-overdue-title = { $count ->
        [one] Die Zeit eines Posts ist während der Pause verstrichen:
       *[other] Die Zeit von { $count } Posts ist während der Pause verstrichen:
    }
resume-overdue-now = • „{ $post }“ geht jetzt hinaus.
resume-overdue-moved = • „{ $post }“ wird auf { $when } verschoben.
resume-overdue-no-slot = • „{ $post }“ wartet: Es gibt keinen freien Termin. Füge Zeiten mit /schedule hinzu.
resume-overdue-more = … und { $count } weitere, in /queue.
resume-overdue-not-connected = Sie gehen hinaus, sobald Instagram verbunden ist (/connect).
