# /schedule: Veröffentlichungszeiten und Zeitzone. Tage auf Deutsch ("Mo-Fr") oder Englisch.

schedule-examples = „09:00, 18:00 werktags“, „Europe/Berlin“, oder beides: „9:00 Mo-Fr; 11:00 am Wochenende Europe/Vienna“
# Die Tage in angezeigten Zeiten ("09:00 Mo-Fr"). Der Inhaber tippt sie zurück: es müssen Wörter sein, die
# /schedule versteht (src/publishing/posting-times-parser.ts).
schedule-days-daily = täglich
schedule-days-weekdays = werktags
schedule-days-weekends = am Wochenende
schedule-days-none = keine
schedule-day-abbrev-1 = Mo
schedule-day-abbrev-2 = Di
schedule-day-abbrev-3 = Mi
schedule-day-abbrev-4 = Do
schedule-day-abbrev-5 = Fr
schedule-day-abbrev-6 = Sa
schedule-day-abbrev-7 = So
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
# Was an eingegebenen Zeiten oder einer Zeitzone nicht stimmt. $input sind die Worte des Inhabers, zitiert und
# gekürzt; $suggestion ist der Name einer Zeitzone.
schedule-error-zone-missing = Bitte gib eine Zeitzone an, z. B. Europe/Berlin, Europe/Vienna oder Europe/Zurich.
schedule-error-zone-unknown = Die Zeitzone { $input } kenne ich nicht. Nimm einen Namen wie Europe/Berlin, Europe/Vienna oder Europe/Zurich.
schedule-error-zone-unknown-suggest = Die Zeitzone { $input } kenne ich nicht. Meintest du { $suggestion }?
schedule-error-zone-abbreviation = { $input } ist eine Abkürzung, und Abkürzungen kennen keine Sommerzeit. Nimm stattdessen den Namen eines Orts, z. B. Europe/Berlin oder Europe/Vienna.
schedule-error-zone-region-city = Bitte schreib die Zeitzone als Region/Stadt, z. B. Europe/Berlin oder Europe/Vienna.
schedule-error-zone-region-city-suggest = Bitte schreib die Zeitzone als Region/Stadt, z. B. Europe/Berlin oder Europe/Vienna. Meintest du { $suggestion }?
schedule-error-two-zones = Bitte gib eine Zeitzone an, nicht { $count }.
schedule-error-no-times = Bitte gib mindestens eine Veröffentlichungszeit an, z. B. „09:00, 18:00 Mo-Fr; 11:00 am Wochenende“.
schedule-error-day-needs-time = { $input } braucht eine Uhrzeit, z. B. { $example }.
schedule-error-range-alone = Ein Bindestrich oder „bis“ steht zwischen zwei Tagen, z. B. „Mo-Fr“.
schedule-error-range-unreadable = Den Tagesbereich nach { $input } konnte ich nicht lesen. Schreib Bereiche wie „Mo-Fr“ oder „Sa-So“.
schedule-error-too-many-times = Das sind { $count } verschiedene Zeiten; eine Marke kann höchstens { $limit } haben.
schedule-error-not-a-time = { $input } ist keine Uhrzeit. Schreib Zeiten wie 09:00, 18:30 oder 6pm.
schedule-error-unknown-word = { $input } kenne ich nicht. Nimm Zeiten wie 09:00 und Tage wie Mo, Di, Mi, Do, Fr, Sa, So, Mo-Fr, täglich, werktags oder am Wochenende.
schedule-error-unknown-character = { $input } verstehe ich nicht. Schreib Veröffentlichungszeiten so: „09:00, 18:00 Mo-Fr; 11:00 am Wochenende“.
