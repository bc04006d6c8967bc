# /deletedata. Zahlen wählen ihre Pluralform nach den Regeln der Sprache.

delete-data-question-title = <b>Alles löschen, was Greenlight über dich speichert?</b>
delete-data-question = Das sind deine Registrierung, { $brands ->
        [one] { $brands } Marke mit ihren Einstellungen
       *[other] { $brands } Marken mit ihren Einstellungen
    }, { $feeds ->
        [one] { $feeds } Feed mit seinen Artikeln
       *[other] { $feeds } Feeds mit ihren Artikeln
    }, { $drafts ->
        [one] { $drafts } Entwurf oder geplanter Beitrag
       *[other] { $drafts } Entwürfe und geplante Beiträge
    }, KI-Nutzungsdaten, Kommentare zu deinen Beiträgen, Instagram-Verbindungen und -Tokens, offene Dialoge und wartende Nachrichten.
delete-data-question-note = Bereits auf Instagram veröffentlichte Beiträge bleiben dort. Das lässt sich nicht rückgängig machen.
delete-data-confirm-button = 🗑 Ja, alles löschen
delete-data-keep-button = Meine Daten behalten
delete-data-done-title = 🗑 <b>Gelöscht.</b>
delete-data-done = Deine Registrierung, { $brands ->
        [one] { $brands } Marke
       *[other] { $brands } Marken
    }, { $feeds ->
        [one] { $feeds } Feed
       *[other] { $feeds } Feeds
    }, { $drafts ->
        [one] { $drafts } Entwurf mit seinem Bild
       *[other] { $drafts } Entwürfe mit ihren Bildern
    }, Kommentare, KI-Nutzungsdaten, Instagram-Tokens, offene Dialoge und wartende Nachrichten sind gelöscht.
delete-data-done-note = Sende /start, wenn du irgendwann neu anfangen willst.
delete-data-not-registered = Über dich ist nichts gespeichert: Du bist nicht registriert.
delete-data-kept-toast = Nichts wurde gelöscht
delete-data-kept = Behalten. Nichts wurde gelöscht.
delete-data-already-toast = Schon gelöscht.
delete-data-already = Über dich ist nichts mehr gespeichert.
delete-data-expired-toast = Diese Bestätigung ist abgelaufen
delete-data-expired = Diese Bestätigung ist abgelaufen; nichts wurde gelöscht. Sende /deletedata erneut, wenn du es noch willst.
delete-data-done-toast = Gelöscht
