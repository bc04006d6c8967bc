# /queue und die Seitenschaltflächen langer Listen.

queue-empty = <b>Warteschlange</b>
    Nichts wartet. Freigegebene Entwürfe erscheinen hier mit ihrer Zeit.
queue-title = <b>Warteschlange</b> · { $total ->
        [one] { $total } Beitrag wartet
       *[other] { $total } Beiträge warten
    }{ $page }
queue-no-slot = keine Zeit
queue-no-caption = (kein Text)
queue-paused = ⏸ Die Marke ist pausiert: Bis /resume wird nichts veröffentlicht.
queue-move-button = ↔️ { $number } verschieben
queue-cancel-button = ✖ { $number } streichen
queue-cannot-move = „{ $post }“ (jetzt { $when }) lässt sich nicht verschieben: Es gibt keine freie Zeit. Füge mit /schedule Zeiten hinzu.
queue-move-question = „{ $post }“ (jetzt { $when }) auf welche freie Zeit verschieben? Zeiten in { $timeZone }.
queue-back-button = « Zurück zur Warteschlange
queue-cancel-question = „{ $post }“, geplant für { $when }, streichen? Der Beitrag wird nicht gepostet.
queue-cancel-confirm-button = ✖ Ja, Beitrag streichen
queue-keep-button = « Behalten
queue-post-gone = Diesen Beitrag gibt es nicht mehr.
queue-post-not-waiting = Dieser Beitrag wartet nicht mehr.
queue-slot-passed = Diese Zeit ist vorbei; wähle eine andere.
queue-slot-taken = Diese Zeit wurde gerade belegt; wähle eine andere.
queue-moved-toast = Verschoben auf { $when }
queue-cancelled-toast = Beitrag gestrichen
list-page = {" "}· Seite { $page } von { $pages }
list-previous-button = ◀ Zurück
list-next-button = Weiter ▶
queue-post-now = Dieser Beitrag wartet nicht mehr (er { $status ->
        [published] ist veröffentlicht
        [publishing] wird gerade veröffentlicht
        [failed] ist fehlgeschlagen
        [rejected] wurde abgelehnt
        [pending_review] ist wieder in Prüfung
        [generating] wird geschrieben
       *[cancelled] wurde gestrichen
    }).
