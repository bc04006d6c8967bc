# Was der Inhaber über das Veröffentlichen (publish-messages.ts) und über die Instagram-Verbindung
# (instagram-auth/) erfährt. Veröffentlichungshinweise sind reiner Text: Telegram verlinkt eine URL von selbst.

posted-link = Gepostet ✅ { $permalink }
posted-no-link = Gepostet ✅ (Instagram hat den Link noch nicht geliefert)
posted-first-comment = 💬 Erster Kommentar gepostet.
posted-first-comment-failed = ⚠️ Der erste Kommentar wurde nicht gepostet; der Beitrag selbst ist online. { $reason }
quota-notice-slot = ⏸ { $brand }: Das Tageslimit von Instagram für Beiträge aus Apps ist aufgebraucht, deshalb wartet ein Beitrag. Er geht stattdessen hier raus: { $when }. Nichts geht verloren; freigegebene Beiträge behalten ihren Platz in der Warteschlange.
quota-notice-asap = ⏸ { $brand }: Das Tageslimit von Instagram für Beiträge aus Apps ist aufgebraucht, deshalb wartet ein Beitrag. Er geht raus, sobald das Limit es erlaubt. Nichts geht verloren; freigegebene Beiträge behalten ihren Platz in der Warteschlange.

ig-reconnect-button = 🔗 Instagram neu verbinden
ig-connect-button = 🔗 Instagram verbinden
ig-connected = ✅ Instagram verbunden: Freigegebene Beiträge gehen jetzt als <b>@{ $username }</b> raus.
ig-connect-denied = ⚠️ Du hast Greenlight den Zugriff auf das Instagram-Konto nicht erlaubt, daher wurde nichts verbunden.
ig-connect-expired = ⚠️ Der Verbindungslink ist abgelaufen (Links gelten 10 Minuten), daher wurde nichts verbunden.
ig-connect-used = ⚠️ Ein bereits benutzter Verbindungslink wurde erneut geöffnet. Er wurde abgelehnt; nichts hat sich geändert.
ig-connect-failed = ⚠️ Instagram hat die Verbindung nicht abgeschlossen: { $detail } Nichts wurde gespeichert.
ig-connect-try-again = Sende /connect, um es noch einmal zu versuchen.
ig-failure-unreachable = Instagram war nicht erreichbar oder hatte ein vorübergehendes Problem.
ig-failure-unreadable = Instagram hat eine Antwort gegeben, die Greenlight nicht lesen konnte.
ig-failure-code-refused = Instagram hat den Anmeldecode abgelehnt (er gilt einmal, eine Stunde lang).
ig-failure-not-professional = Instagram hat Greenlight das Konto nicht lesen lassen. Nur professionelle Konten (Unternehmen oder Creator) lassen sich verbinden.
ig-failure-token-refused = Instagram hat sich geweigert, ein dauerhaftes Zugriffstoken auszustellen.
ig-failure-no-code = Instagram hat keinen Anmeldecode geschickt.
ig-failure-no-publish-permission = Das Veröffentlichen wurde nicht erlaubt. Verbinde erneut und lass alle Berechtigungen eingeschaltet.
ig-failure-error = Instagram hat einen Fehler gemeldet ({ $error }).
ig-disconnected-notice = 🔌 Instagram hat <b>@{ $username }</b> getrennt. { $reason }
    Greenlight hat sein Zugriffstoken gelöscht. Freigegebene Beiträge warten, nichts geht verloren; verbinde neu, um wieder zu veröffentlichen.

ig-connect-how = Tippe auf den Button, melde dich bei Instagram mit dem professionellen Konto der Marke (Unternehmen oder Creator) an und erlaube den Zugriff.
    Der Link gilt einmal, { $minutes } Minuten lang.
ig-connect-current = Zurzeit verbunden als @{ $username }; eine neue Verbindung ersetzt es.
ig-disconnected = 🔌 @{ $username } getrennt. Greenlight hat sein Zugriffstoken gelöscht.
    Freigegebene Beiträge warten, bis du wieder /connect nutzt.
    Um Greenlight auch bei Instagram zu entfernen: Instagram → Einstellungen → Apps und Websites.
ig-nothing-to-disconnect = Es ist kein Instagram-Konto verbunden, also gibt es nichts zu trennen. /connect verknüpft eines.
ig-not-configured = Instagram ist in diesem Greenlight noch nicht eingerichtet.
    Der Betreiber muss { $settings } setzen, Greenlight neu starten und <code>PUBLIC_URL/auth/instagram/callback</code> als OAuth-Weiterleitungs-URI im Meta App Dashboard eintragen (Instagram → API-Einrichtung mit Instagram-Login).
ig-connect-unavailable = Instagram zu verbinden ist in dieser Version von Greenlight noch nicht möglich.
ig-disconnect-unavailable = Instagram zu trennen ist in dieser Version von Greenlight noch nicht möglich.

ig-reason-removed = Greenlight wurde aus den verbundenen Apps des Instagram-Kontos entfernt. Verbinde Instagram in Greenlight neu, um weiter zu posten.
ig-reason-confirm-in-app = Instagram möchte, dass der Kontoinhaber etwas in der Instagram-App bestätigt. Öffne Instagram und verbinde das Konto dann in Greenlight neu.
ig-reason-password-changed = Das Instagram-Passwort wurde geändert, dadurch wurde Greenlight abgemeldet. Verbinde Instagram in Greenlight neu, um weiter zu posten.
ig-reason-expired = Die Instagram-Verbindung ist abgelaufen. Verbinde Instagram in Greenlight neu, um weiter zu posten.
ig-reason-confirm-account = Instagram muss das Konto zuerst bestätigen lassen. Öffne die Instagram-App und verbinde das Konto dann in Greenlight neu.
ig-reason-refused = Instagram akzeptiert den Zugriff von Greenlight auf dieses Konto nicht mehr. Verbinde Instagram in Greenlight neu, um weiter zu posten.
ig-reason-not-renewed = Die Instagram-Verbindung ist abgelaufen, bevor Greenlight sie erneuern konnte. Verbinde Instagram neu, um weiter zu posten.
ig-reason-deauthorized = Greenlight wurde aus den Apps und Websites des Instagram-Kontos entfernt.

# Nach einer Datenlöschanfrage von Meta für ein Instagram-Konto.
data-deleted-request = 🗑 Instagram hat Greenlight gebeten, die Daten zu <b>@{ $username }</b> zu löschen (eine Löschanfrage auf Instagram oder Facebook).
data-deleted-done = Erledigt: Die Instagram-Verbindung und ihr Token, { $drafts ->
        [one] { $drafts } Entwurf oder Post
       *[other] { $drafts } Entwürfe und Posts
    } mit ihren Bildern, { $articles ->
        [one] { $articles } Artikel
       *[other] { $articles } Artikel
    } und die KI-Nutzungsdaten dieser Marke sind gelöscht. Die KI-Ausgaben dieses Monats bleiben als eine anonyme Summe erhalten, damit das Budgetlimit weiter gilt.
data-deleted-kept = Die Einstellungen und Feeds der Marke bleiben. /connect verbindet wieder ein Instagram-Konto.

# Warum ein Beitrag fehlschlug oder wartet (drafts.last_error) und warum sein erster Kommentar nicht gepostet wurde
# (first_comment_error), auf der Karte und im Hinweis „Gepostet“. Diese Schlüssel werden gespeichert: nie umbenennen.
publish-then-retry-soon = { $reason } Greenlight versucht es gleich noch einmal.
publish-then-retry-later = { $reason } Greenlight versucht es später noch einmal.
publish-then-checking = { $reason } Greenlight prüft, ob der Beitrag rausgegangen ist.
publish-then-checking-before-retry = { $reason } Greenlight prüft, ob er rausgegangen ist, bevor es ihn erneut versucht.
publish-then-when-window-allows = { $reason } Der Beitrag geht raus, sobald das 24-Stunden-Fenster es erlaubt.
publish-reason-instagram-internal = Instagram hatte einen internen Fehler.
publish-reason-download-timed-out = Instagram hat zu lange gebraucht, um das Bild herunterzuladen.
publish-reason-image-too-large = Das Bild ist größer als das 8-MB-Limit von Instagram. Es braucht ein kleineres Bild.
publish-reason-not-jpeg = Instagram nimmt nur JPEG-Bilder an, und dieses Bild hat ein anderes Format.
publish-reason-container-lost = Instagram hat den vorbereiteten Beitrag verloren.
publish-reason-not-ready = Instagram war noch nicht bereit für den Beitrag.
publish-reason-aspect-ratio = Das Seitenverhältnis des Bildes liegt außerhalb dessen, was Instagram erlaubt: Es muss zwischen 4:5 (Hochformat) und 1,91:1 (Querformat) liegen.
publish-reason-caption-too-long = Instagram hat den Text abgelehnt: Erlaubt sind höchstens 2.200 Zeichen und 30 Hashtags. Bitte kürze ihn.
publish-reason-container-expired = Der vorbereitete Beitrag ist abgelaufen, bevor er rausging.
publish-reason-unknown-media-type = Instagram hat die Art der Medien, die Greenlight geschickt hat, nicht erkannt. Das ist ein Fehler in Greenlight.
publish-reason-video-format = Instagram konnte das Videoformat nicht lesen; es braucht MP4 oder MOV.
publish-reason-still-processing = Instagram verarbeitet das Bild noch.
publish-reason-carousel-size-bug = Instagram braucht 2 bis 10 Elemente in einem Karussell. Das ist ein Fehler in Greenlight.
publish-reason-not-prepared = Instagram konnte den Beitrag nicht vorbereiten.
publish-reason-product-tag = Instagram hat eine Produktmarkierung im Beitrag abgelehnt.
publish-reason-tagged-account = Instagram hat ein markiertes Konto im Beitrag abgelehnt.
publish-reason-too-many-mentions = Der Text erwähnt mehr als 20 Konten (@); Instagram erlaubt höchstens 20.
publish-reason-daily-limit = Das Konto hat das Tageslimit von Instagram für Beiträge aus Apps erreicht.
publish-reason-account-restricted = Instagram hat dieses Konto eingeschränkt. Öffne die Instagram-App, kümmere dich dort um etwaige Hinweise und versuche den Beitrag dann erneut.
publish-reason-flagged-automated = Instagram hat den Beitrag als möglicherweise automatisiert markiert.
publish-reason-download-failed = Instagram konnte das Bild nicht herunterladen (es muss ein öffentliches JPEG sein, ohne Weiterleitungen oder Anmeldung).
publish-reason-upload-failed = Instagram konnte die Medien nicht hochladen.
publish-reason-no-answer = Instagram hat nicht rechtzeitig geantwortet.
publish-reason-unreachable = Instagram war nicht erreichbar.
publish-reason-no-answer-while-publishing = Instagram hat beim Veröffentlichen nicht rechtzeitig geantwortet.
publish-reason-unreachable-while-publishing = Instagram war beim Veröffentlichen nicht erreichbar.
publish-reason-slow-down = Instagram hat Greenlight gebeten, langsamer zu machen.
publish-reason-no-publish-permission = Greenlight hat keine Erlaubnis von Instagram zum Veröffentlichen. Verbinde Instagram neu und erlaube das Veröffentlichen.
publish-reason-duplicate = Instagram hat den Beitrag als Duplikat eines früheren abgelehnt.
publish-reason-temporary-problem = Instagram hatte ein vorübergehendes Problem.
publish-reason-unreadable-answer = Instagram hat eine unlesbare Antwort gegeben.
publish-reason-unreadable-answer-while-publishing = Instagram hat beim Veröffentlichen eine unlesbare Antwort gegeben.
publish-reason-problem-while-publishing = Instagram hatte beim Veröffentlichen ein Problem.
publish-reason-unrecognised = Instagram hat die Anfrage aus einem Grund abgelehnt, den Greenlight nicht kennt.
publish-reason-unrecognised-code = Instagram hat die Anfrage aus einem Grund abgelehnt, den Greenlight nicht kennt (Instagram-Fehler { $code }).
publish-reason-image-not-processed = Instagram konnte das Bild nicht verarbeiten.
publish-reason-image-not-prepared = Instagram konnte dieses Bild nicht vorbereiten.
publish-reason-no-comment-permission = Instagram hat Greenlight nicht kommentieren lassen: Das Konto wurde ohne die Berechtigung verbunden, Kommentare zu verwalten. Verbinde Instagram neu, um das zu erlauben.
publish-reason-carousel-size = Dieses Karussell hat { $count ->
        [one] { $count } Folie
       *[other] { $count } Folien
    }; Instagram nimmt 2 bis 10.
publish-reason-slide-without-image = Sie hat kein Bild, und Instagram braucht eins.
publish-reason-post-without-image = Dieser Beitrag hat kein Bild, und Instagram braucht eins.
publish-reason-slide = Folie { $position } von { $count }: { $reason }
publish-reason-cover-slide = Folie { $position } von { $count } (das Titelbild): { $reason }
publish-reason-quota-used-up = Das Konto hat das Tageslimit von Instagram für Beiträge aus Apps aufgebraucht; der Beitrag wartet auf den nächsten Posting-Termin.
publish-reason-not-connected = Instagram ist für diese Marke nicht verbunden.
publish-reason-token-unreadable = Greenlight kann das gespeicherte Instagram-Token nicht lesen.
publish-reason-no-link-yet = Veröffentlicht; Instagram hat den Link noch nicht geliefert.
publish-reason-first-comment-waits = Veröffentlicht; der erste Kommentar ist noch nicht gepostet. { $reason }
publish-reason-post-not-found = Greenlight konnte nicht erkennen, welcher Instagram-Beitrag dieser war.
publish-reason-gave-up = { $reason } Greenlight hat es { $attempts }-mal versucht und aufgehört; tippe auf 🔁 Erneut versuchen, um es noch einmal zu versuchen.
publish-reason-instagram-said = { $reason } Instagram sagte: „{ $words }“
