# /feeds: die Liste, ihre Tasten, Hinzufügen und Entfernen.

feeds-empty = <b>Feeds</b>
    Noch keine Feeds. Tippe auf „➕ Feed hinzufügen“ oder sende /feeds und die Adresse des Feeds.
feeds-heading = <b>Feeds</b> ({ $count }){ $page }
feeds-untitled = (Feed ohne Titel)
feeds-footer = Füge einen über die Taste hinzu oder mit /feeds und seiner Adresse.
feeds-last-read = zuletzt gelesen { $ago }
feeds-never-read = nie gelesen
feeds-failed = ⚠️ { $failures ->
        [one] einmal
       *[other] { $failures }-mal in Folge
    } fehlgeschlagen, zuletzt{ $when }{ $error } ({ $lastRead })
feeds-healthy = ✅ { $lastRead }
feeds-not-read-yet = ⏳ noch nicht gelesen (erstes Lesen { $when })
feeds-remove-button = 🗑 { $number } entfernen
feeds-add-button = ➕ Feed hinzufügen
toast-feed-removed = Entfernt: { $shortTitle }
toast-feed-already-removed = Dieser Feed war schon entfernt.
feeds-prompt = Sende die Adresse eines RSS- oder Atom-Feeds, z. B. https://example.com/feed.xml.
feeds-duplicate = Dieser Feed ist schon in der Liste. Sende eine andere Adresse, oder /cancel.
feeds-too-many = Eine Marke kann höchstens { $limit } Feeds haben; entferne zuerst einen in /feeds.
feeds-already-listed = Dieser Feed ist schon in der Liste.
feeds-added = ✅ { $title } hinzugefügt. Er wird zum ersten Mal { $when } gelesen; neue Artikel daraus kommen als Entwürfe.
feeds-added-untitled = Der Feed (ohne Titel)
feeds-first-read-at = am { $when }
feeds-first-read-soon = in wenigen Minuten
time-just-now = gerade eben
time-minutes-ago = vor { $count } Min.
time-hours-ago = vor { $count } Std.
time-days-ago = { $count ->
        [one] vor { $count } Tag
       *[other] vor { $count } Tagen
    }
