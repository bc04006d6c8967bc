# Einstellungen, die man mit einer Antwort ändert, die Ansichten von /topic, /voice, /hashtags und /firstcomment.

settings-not-set = <i>nicht festgelegt</i>
settings-none = <i>keine</i>
settings-change-button = ✏️ Ändern
settings-clear-button = 🗑 Leeren
settings-brand-gone = Diese Marke gibt es nicht mehr.
settings-cancel-hint = /cancel verlässt den Dialog, ohne etwas zu ändern.
settings-cancelled = Abgebrochen. Nichts wurde geändert.
settings-dialog-name = dem Änderungsdialog
topic-view = <b>Thema</b>: { $topic }

    Darüber werden Entwürfe geschrieben. Tippe auf Ändern, oder sende /topic und das neue Thema.
topic-prompt = Worüber postet die Marke? Sende das Thema in einem Satz, z. B. „Radfahren in Berlin“.
topic-saved = ✅ Thema festgelegt: { $topic }
voice-view = <b>Stimme</b>: { $voice }

    Bildtexte werden in dieser Stimme geschrieben. Beschreibe sie mit eigenen Worten, oder sende ein paar Bildtexte, die dir gefallen, und ich leite sie ab.
    Du kannst auch /voice und eine Beschreibung senden.
voice-describe-button = ✏️ Beschreiben
voice-examples-button = 📝 Aus Beispieltexten
voice-prompt = Beschreibe, wie Bildtexte klingen sollen, z. B. „warm und neugierig, kurze Sätze, kein Fachjargon“.
voice-saved = ✅ Stimme gespeichert: { $voice }
hashtags-view = <b>Standard-Hashtags</b>: { $hashtags }

    Werden jedem Entwurf hinzugefügt. Tippe auf Ändern, oder sende /hashtags und die Hashtags, z. B. /hashtags #radfahren #berlin.
hashtags-prompt = Sende die Standard-Hashtags, z. B. #radfahren #berlin (höchstens { $limit }), oder „none“.
hashtags-saved = ✅ Standard-Hashtags: { $hashtags }
hashtags-cleared = ✅ Standard-Hashtags entfernt.
first-comment-view = <b>Erster Kommentar</b>: { $setting }

    Wird direkt nach der Veröffentlichung unter jeden Post gesetzt. Tippe auf Ändern, oder sende /firstcomment hashtags, /firstcomment off oder /firstcomment und die Zeile, die gepostet werden soll.
    Konten, die verbunden wurden, bevor Greenlight um die Kommentar-Berechtigung bat, müssen sich einmal neu verbinden (/connect).
first-comment-prompt = Was soll der erste Kommentar unter jedem Post sein? Sende „hashtags“ (die Hashtags des Posts wandern vom Bildtext in den Kommentar), „off“ oder die Zeile, die gepostet werden soll.
first-comment-saved = ✅ Erster Kommentar: { $setting }. Das gilt für Posts, deren Veröffentlichung noch nicht begonnen hat.
first-comment-hashtags = die Hashtags des Posts (sie verlassen den Bildtext)
first-comment-off = aus
budget-prompt = Das monatliche KI-Budget beträgt { $cap }. Sende den neuen Betrag in US-Dollar, z. B. 25 (höchstens { $max }).
budget-saved = ✅ Monatliches KI-Budget: { $cap }.
rename-prompt = Wie soll <b>{ $name }</b> ab jetzt heißen? Sende den neuen Namen.
rename-saved = ✅ <b>{ $oldName }</b> heißt jetzt <b>{ $name }</b>.
toast-hashtags-cleared = Standard-Hashtags entfernt
# Die allgemeinen Zeilen aller Dialoge.
toast-dialog-skipped = Übersprungen
toast-dialog-cancelled = Abgebrochen
dialog-answer-with-text = Bitte antworte mit Text, oder sende /cancel, um den Dialog zu verlassen.
dialog-cannot-skip = Dieser Schritt kann nicht übersprungen werden. Sende eine Antwort, oder /cancel, um den Dialog zu verlassen.
dialog-still-in = Du bist noch in { $dialog }: Sende deine Antwort, oder /cancel, um den Dialog zu verlassen.
dialog-left = Aus { $dialog } ausgestiegen; nichts wurde gespeichert.
dialog-tap-one-of-the-buttons = Bitte tippe auf eine der Tasten oben, oder sende /cancel.
# /voice aus Beispieltexten.
voice-examples-dialog-name = den Beispieltexten
voice-examples-cancelled = Abgebrochen. Die Stimme bleibt unverändert.
voice-examples-done-button = ✅ Fertig
voice-examples-prompt = Sende bis zu { $limit } Bildtexte, deren Stimme dir gefällt, je einen pro Nachricht. Tippe auf Fertig (oder sende /done), wenn du fertig bist.
voice-examples-none-yet = Sende zuerst mindestens einen Beispieltext, oder /cancel.
voice-examples-too-long = Das sind { $length } Zeichen; ein Instagram-Bildtext hat höchstens { $limit }.
voice-examples-got = { $count } erhalten. Sende noch einen, oder tippe auf Fertig.
voice-examples-failed = Ich konnte aus diesen Beispielen keine Stimme ableiten{ $reason }. Versuche es erneut mit /voice, oder beschreibe sie mit eigenen Worten.
voice-examples-derived = Abgeleitete Stimme:
    <blockquote>{ $voice }</blockquote>
    Übernehmen?
voice-examples-use-button = ✅ Diese Stimme nutzen
voice-examples-discard-button = ✖ Verwerfen
voice-examples-discarded = Verworfen. Die Stimme bleibt unverändert.
voice-examples-saved = ✅ Stimme gespeichert.
settings-not-registered = Sende zuerst /start, um dich zu registrieren.
settings-no-brand = Du hast noch keine Marke. Sende /brands und tippe auf „➕ Neue Marke“, um eine einzurichten.
# Was an einer getippten Einstellung nicht stimmt.
topic-too-short = Beschreibe das Thema in ein paar Worten, zum Beispiel „Radfahren in Berlin“.
topic-too-long = Dieses Thema hat { $length } Zeichen; höchstens { $limit } sind möglich.
voice-too-short = Beschreibe die Stimme in ein paar Worten, zum Beispiel „freundlich, neugierig, kein Fachjargon“.
voice-too-long = Diese Beschreibung hat { $length } Zeichen; höchstens { $limit } sind möglich.
hashtags-empty = Sende Hashtags wie #radfahren #berlin, oder „none“ für keine.
hashtags-needs-hash = { $input } braucht ein # davor, etwa { $example }.
hashtags-not-a-hashtag = { $input } ist kein Hashtag: Nach dem # nur Buchstaben, Ziffern und _, ohne Leerzeichen.
hashtags-needs-letter = { $input } braucht mindestens einen Buchstaben; Instagram ignoriert Hashtags nur aus Ziffern.
hashtags-too-long = { $input } ist zu lang für einen Hashtag.
hashtags-too-many = Das sind { $count } Hashtags; Instagram erlaubt höchstens { $limit } pro Post.
