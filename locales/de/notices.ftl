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
