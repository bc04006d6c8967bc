# Das Befehlsmenü (setMyCommands: je 1–256 Zeichen), /help und /start für Wiederkehrende.

command-start = Registrieren und die erste Marke einrichten
command-status = Instagram, Feeds, Entwürfe, nächster Beitrag und Ausgaben auf einen Blick
command-queue = Freigegebene Beiträge in der Warteschlange, mit ihren Zeiten
command-brands = Deine Marken: wechseln, hinzufügen, umbenennen oder löschen
command-feeds = Newsfeeds: Zustand, hinzufügen oder entfernen
command-brand = Das Markenprofil: Sprache, Thema, Zielgruppe, Tonfall, verbotene Begriffe, Bildstil
command-schedule = Veröffentlichungszeiten und Zeitzone
command-topic = Worüber die Marke postet
command-voice = Wie die Texte klingen
command-hashtags = Standard-Hashtags
command-firstcomment = Erster Kommentar nach dem Posten: Hashtags, off oder dein Satz
command-format = Beitragsformat: Einzelbild, Karussell oder die KI entscheiden lassen
command-budget = KI-Ausgaben in diesem Monat und das Monatslimit
command-report = Wie die Beiträge liefen: letzte 7 Tage, oder /report 30
command-comments = Welche Instagram-Kommentare in diesen Chat kommen: alle, Fragen oder keine
command-pause = Entwürfe und Veröffentlichungen der Marke anhalten
command-resume = Entwürfe und Veröffentlichungen fortsetzen
command-connect = Das Instagram-Konto der Marke verbinden
command-disconnect = Instagram trennen
command-deletedata = Alles löschen, was über dich gespeichert ist
command-language = Die Sprache, in der ich mit dir spreche
command-help = Was ich kann
command-cancel = Den aktuellen Dialog verlassen

help-intro = Greenlight macht aus den Nachrichten, denen du folgst, Instagram-Entwürfe, die du hier freigibst.
help-dialogs = In einem Dialog überspringt /skip einen Schritt und /cancel beendet ihn.

welcome-back = Willkommen zurück, { $firstName }! Du arbeitest an <b>{ $brand }</b>{ $brandCount ->
        [1] {""}
       *[other] {" "}(eine deiner { $brandCount } Marken; /brands wechselt)
    }.

# Die Befehle des Teams, und /start für alle, die noch in keinem Team sind
command-start-guest = Starten oder mit einem Einladungslink beitreten
command-team = Team und Gruppe der Marke: wer was darf, jemanden entfernen
command-invite = Einmaligen Einladungslink erstellen: /invite approver, viewer oder owner
command-linkgroup = In einer Gruppe senden, damit die Karten einer Marke dorthin gehen
command-unlinkgroup = Die Karten einer Marke nicht mehr an ihre Gruppe senden
