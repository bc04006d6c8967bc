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
# Was an einer eingegebenen Feed-Adresse nicht stimmt (reiner Text).
feed-url-empty = Bitte sende die Adresse des Feeds, z. B. https://example.com/feed.xml.
feed-url-spaces = Bitte sende nur eine Adresse, ohne Leerzeichen.
feed-url-invalid = { $input } ist keine Webadresse. Sende eine wie https://example.com/feed.xml.
feed-url-not-http = Feeds müssen Webadressen sein, die mit https:// oder http:// beginnen.
feed-url-incomplete-host = { $input } ist kein vollständiger Servername. Sende die ganze Adresse, z. B. https://example.com/feed.xml.
feed-url-credentials = Adressen mit Benutzername oder Passwort werden nicht unterstützt.
feed-url-too-long = Diese Adresse ist zu lang.
# Warum ein Feed nicht gelesen werden konnte, als Code gespeichert und in der Sprache des Lesers gezeigt (reiner
# Text). $url ist die Adresse des Feeds ohne Query, $host sein Server, $problem, was am Dokument nicht stimmt.
feed-problem-web-page = Diese Adresse liefert eine Webseite (HTML), keinen RSS- oder Atom-Feed.
feed-problem-xml-root = Diese Adresse liefert ein XML-Dokument mit dem Wurzelelement <{ $root }>, keinen RSS- oder Atom-Feed.
feed-problem-not-a-feed = Diese Adresse liefert keinen RSS- oder Atom-Feed.
feed-problem-json = Diese Adresse liefert JSON, keinen RSS- oder Atom-Feed.
feed-problem-plain-text = Diese Adresse liefert reinen Text, keinen RSS- oder Atom-Feed.
feed-problem-invalid-xml = Der Feed ist kein gültiges XML ({ $detail }).
feed-problem-empty = Der Feed ist leer.
feed-failure-unreadable = Der Feed unter { $url } konnte nicht gelesen werden. { $problem }
feed-failure-http-status = Der Feed unter { $url } antwortete mit { $status }.
feed-failure-timeout = Der Feed unter { $url } hat nicht innerhalb von { $seconds ->
        [one] { $seconds } Sekunde
       *[other] { $seconds } Sekunden
    } geantwortet.
feed-failure-too-large = Der Feed unter { $url } ist größer als { $megabytes } MB, zu groß für einen Feed.
feed-failure-too-many-redirects = Der Feed unter { $url } hat mehr als { $count } Mal weitergeleitet.
feed-failure-blocked-address = Der Feed unter { $url } zeigt auf eine private oder reservierte Netzwerkadresse; von dort lädt Greenlight nichts.
feed-failure-bad-address = Das ist keine gültige Webadresse.
feed-failure-bad-protocol = Der Feed unter { $url } kann nicht geladen werden: nur http- und https-Adressen gehen, nicht { $protocol }.
feed-failure-bad-redirect = Der Feed unter { $url } hat auf eine ungültige Adresse weitergeleitet.
feed-failure-host-not-found = Der Feed unter { $url } ist nicht erreichbar: Der Server { $host } wurde nicht gefunden.
feed-failure-dns-unavailable = Der Feed unter { $url } ist nicht erreichbar: Der Server { $host } lässt sich gerade nicht nachschlagen.
feed-failure-refused = Der Feed unter { $url } ist nicht erreichbar: { $host } hat die Verbindung abgelehnt.
feed-failure-connection-closed = Der Feed unter { $url } ist nicht erreichbar: { $host } hat die Verbindung unerwartet beendet.
feed-failure-no-response = Der Feed unter { $url } ist nicht erreichbar: { $host } hat nicht geantwortet.
feed-failure-unreachable = Der Feed unter { $url } ist nicht erreichbar: { $host } ist von hier aus nicht erreichbar.
feed-failure-invalid-http = Der Feed unter { $url } konnte nicht gelesen werden: { $host } hat nicht mit gültigem HTTP geantwortet.
feed-failure-corrupt-compression = Der Feed unter { $url } konnte nicht gelesen werden: { $host } hat eine beschädigte komprimierte Antwort geschickt.
feed-failure-unknown-encoding = Der Feed unter { $url } konnte nicht gelesen werden: Er kam in einer Kodierung, die Greenlight nicht lesen kann ({ $encoding }).
feed-failure-certificate = Der Feed unter { $url } ist nicht erreichbar: Die sichere Verbindung zu { $host } ist fehlgeschlagen (sein Zertifikat ließ sich nicht prüfen).
feed-failure-network = Der Feed unter { $url } ist nicht erreichbar: Die Verbindung zu { $host } ist fehlgeschlagen ({ $code }).
feed-failure-no-feed-answer = Der Feed unter { $url } hat ohne Feed geantwortet.
feed-failure-reader = Greenlights Feed-Leser ist in diesem Feed auf etwas Unerwartetes gestoßen; der Fehler steht in den Logs des Dienstes.
feed-failure-database-unavailable = Der Feed wurde gelesen, aber die Datenbank war zum Speichern der Meldungen nicht erreichbar. Es wird erneut versucht.
feed-failure-database-refused = Der Feed wurde gelesen, aber die Datenbank hat das Speichern der Meldungen verweigert ({ $code }: { $detail }).
feed-failure-store-unexpected = Der Feed wurde gelesen, aber das Speichern der Meldungen ist an einem unerwarteten Fehler gescheitert; der Fehler steht in den Logs des Dienstes.
# Wird einmal geschickt, wenn ein Feed immer wieder scheitert (reiner Text).
feed-failure-notice = ⚠️ { $brand }: Der Feed „{ $feed }“ ist { $count } Mal in Folge gescheitert.
    Letzter Fehler: { $reason }

    Ich versuche es weiter, aber seltener. Mit /feeds kannst du ihn prüfen oder entfernen.
