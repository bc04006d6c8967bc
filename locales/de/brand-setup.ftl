# Der Einrichtungsdialog einer Marke (/start für neue Inhaber, ➕ Neue Marke).

setup-intro-first = Willkommen bei Greenlight, { $firstName }! Richten wir deine erste Marke ein: { $steps } kurze Fragen.
setup-intro-new = Eine neue Marke: { $steps } kurze Fragen.
setup-question-name = Wie heißt die Marke? z. B. „Berliner Radnachrichten“.
setup-question-topic = Worüber postet sie? z. B. „Radfahren in Berlin: Infrastruktur, Veranstaltungen, Ausrüstung“.
setup-question-voice = Wie sollen die Texte klingen? z. B. „freundlich und neugierig, kurze Sätze, höchstens ein Emoji“. Du kannst das später auch mit /voice aus Beispieltexten ableiten.
setup-question-language = In welcher Sprache sollen Texte, Quellenzeile und Hashtags geschrieben werden? Sende einen Sprachcode oder -namen, z. B. { $examples }. Überspringen lässt Englisch.
setup-question-language-proposed = In welcher Sprache sollen Texte, Quellenzeile und Hashtags geschrieben werden? Tippe auf „{ $button }“ oder sende einen Sprachcode oder -namen, z. B. { $examples }. Überspringen lässt Englisch.
setup-use-language = { $language } verwenden
setup-language-set = Sprache: { $language }.
setup-question-time-zone = In welcher Zeitzone postet sie? Sende einen Namen Region/Stadt wie Europe/Berlin, Europe/Vienna, Europe/Zurich oder America/New_York. Überspringen lässt UTC.
setup-time-zone-set = Zeitzone: { $timeZone } (dort ist es jetzt { $time }).
setup-question-feed = Sende die Adresse eines Newsfeeds (RSS oder Atom), aus dem Entwürfe entstehen sollen, z. B. https://example.com/feed.xml. Ich rufe ihn einmal ab, um ihn zu prüfen.
setup-feed-found = Feed gefunden: { $title }.
setup-feed-untitled = (ohne Titel)
setup-skip-hint = /skip überspringt diese Frage, /cancel bricht ab.
setup-cancelled-first = Abgebrochen. Es wurde keine Marke angelegt. Sende /start, wann immer du eine einrichten willst.
setup-cancelled = Abgebrochen. Es wurde keine Marke angelegt.
button-skip = ⏭ Überspringen
button-cancel = ✖ Abbrechen

# Die Zusammenfassung, sobald die Marke angelegt ist.
setup-created = { $first ->
    [yes] ✅ <b>{ $name }</b> ist eingerichtet.
   *[no] ✅ <b>{ $name }</b> ist eingerichtet und ausgewählt.
}

    Thema: { $topic }
    Tonfall: { $voice }
    Sprache: { $language } (/brand)
    Zeitzone: { $timeZone }
    Feed: { $feed }
    Posts um { $slots } (/schedule); KI-Budget { $cap } im Monat (/budget).

    Als Nächstes: /connect verknüpft das Instagram-Konto der Marke. /help zeigt alles, was ich kann.
setup-not-set = <i>nicht festgelegt</i> ({ $command })
setup-no-feed = <i>noch keiner</i> (/feeds)
# Languages a brand can be written in, as the owner may name them: codes, an English name or the language's own.
setup-language-examples = de, es, pt-BR, fr, ja, German oder Deutsch
