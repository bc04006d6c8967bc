# Instagram-Kommentare in Telegram: die Karte eines Kommentars und ihre Buttons, die Zusammenfassung eines viel
# kommentierten Beitrags, /comments und der Dialog zum Bearbeiten der Antwort.

comment-card-commented = 💬 <b>{ $brand }</b>: { $who } hat { $post } kommentiert
comment-card-replied = 💬 <b>{ $brand }</b>: { $who } hat auf einen Kommentar zu { $post } geantwortet
comment-someone = Jemand
comment-your-post = deinen Beitrag
comment-no-text = <i>(kein Text)</i>
comment-spam = 🚫 Sieht nach Spam aus
comment-abusive = ⚠️ Wirkt beleidigend
comment-reply = <b>Antwort:</b> { $reply }
comment-reply-sent = <b>Antwort gesendet:</b> { $reply }
comment-by = {" "}von { $name }
comment-at = {" "}um { $time }
comment-sending = ⏳ Antwort wird gesendet{ $by }…
comment-replied = ✅ Beantwortet{ $by }{ $at }.
comment-hidden = 🙈 Auf Instagram ausgeblendet{ $by }{ $at }.
comment-ignored = Ignoriert{ $by }{ $at }.

comment-still-open = Dieser Kommentar ist noch offen.
comment-already-sending = Die Antwort wird gerade gesendet{ $by }; diese Karte aktualisiert sich, wenn Instagram es bestätigt.
comment-already-replied = Schon beantwortet{ $by }{ $at }.
comment-already-hidden = Schon ausgeblendet{ $by }{ $at }.
comment-already-ignored = Schon ignoriert{ $by }{ $at }.
comment-gone = Dieser Kommentar ist nicht mehr gespeichert (er wurde gelöscht).

button-comment-send = 💬 Senden
button-comment-edit = ✏️ Bearbeiten
button-comment-draft = ✍️ Antwort entwerfen
button-comment-write = ✏️ Selbst schreiben
button-comment-hide = 🙈 Ausblenden
button-comment-ignore = Ignorieren
button-comment-show = 👀 { $count } zeigen

toast-comment-send-reply = Sende die neue Antwort.
toast-comment-ignored = Ignoriert.
toast-comment-drafting = ✍️ Entwerfe eine Antwort…
toast-comment-no-reply = Noch keine Antwort: Tippe auf ✍️ Antwort entwerfen oder ✏️ Selbst schreiben.
toast-comment-sending = 💬 Antwort wird gesendet…
toast-comment-unconfirmed = Instagram hat die Antwort nicht bestätigt. Ich prüfe, ob sie rausging, und schließe es ab; die Karte aktualisiert sich dann.
toast-comment-no-instagram = Instagram ist auf diesem Server nicht eingerichtet.
toast-comment-not-connected = Das Instagram-Konto der Marke ist nicht verbunden: Verbinde es zuerst mit /connect.
toast-comment-hide-failed = Instagram hat ihn nicht ausgeblendet. Versuche es gleich noch einmal.
toast-comment-hide-refused = Instagram hat ihn nicht ausgeblendet: { $instagramSays }. Versuche es gleich noch einmal.
toast-comment-hidden = 🙈 Auf Instagram ausgeblendet.
toast-comments-gone = Diese Kommentare sind nicht mehr gespeichert.
toast-comments-opening = Öffne { $count } als Karten…
toast-comments-all-open = Alle sind schon geöffnet.

comment-summary = 💬 <b>{ $brand }</b>: { $count ->
    [one] { $count } weiterer Kommentar
   *[other] { $count } weitere Kommentare
} zu { $post } in dieser Stunde, hier gesammelt, damit der Chat nicht überläuft.
comment-summary-opened = { $count } bisher als Karten geöffnet.
comment-summary-waiting = { $count } warten.

comments-setting-all = jeder Kommentar bekommt eine Karte
comments-setting-questions = nur Kommentare mit einer Frage bekommen eine Karte
comments-setting-none = keine Kommentarkarten
comments-unknown = { $input } ist keine Kommentar-Einstellung. Sende /comments all, /comments questions oder /comments none.
comments-changed = ✅ Kommentare auf Instagram: { $setting }.
comments-current = 💬 Kommentare auf Instagram: { $setting }.
comments-kept-out = { $count ->
    [one] { $count } Kommentar wurde
   *[other] { $count } Kommentare wurden
} in den letzten 7 Tagen aus dem Chat herausgehalten (weiter gespeichert).
comments-change-how = Ändere es mit /comments all, /comments questions oder /comments none.

comment-edit-prompt = ✏️ Schick mir die Antwort so, wie sie auf Instagram erscheinen soll (höchstens { $limit } Zeichen), oder /cancel.
comment-edit-current = Aktuelle Antwort (zum Kopieren antippen):
comment-edit-cancelled = Bearbeitung abgebrochen: Die Antwort bleibt, wie sie ist.
comment-edit-left = Bearbeitung verlassen: Die Antwort bleibt, wie sie ist.
comment-edit-text-only = Bitte sende die Antwort als Textnachricht, oder /cancel, um sie so zu lassen.
comment-edit-problems = So kann die Antwort nicht zu Instagram:
comment-edit-send-another = Sende eine andere Fassung, oder /cancel.
comment-edit-not-changed = Die Antwort wurde nicht geändert. { $state }
comment-edit-saved = ✅ Antwort aktualisiert: Tippe auf der Karte auf 💬 Senden, um sie zu posten.
comment-problem-empty = Die Antwort ist leer.
comment-problem-too-long = Sie hat { $length } Zeichen; Instagram nimmt höchstens { $limit } in einem Kommentar.
comment-problem-hashtags = Sie hat { $count } Hashtags; Instagram nimmt höchstens { $limit } in einem Kommentar.
comment-problem-links = Sie hat { $count } Links; Instagram nimmt höchstens { $limit } in einem Kommentar.
comment-problem-capitals = Sie ist ganz in Großbuchstaben, was Instagram in einem Kommentar ablehnt.

comment-note-no-claude = Keine Antwort entworfen: Claude ist nicht eingerichtet (ANTHROPIC_API_KEY).
comment-note-flagged = Keine Antwort entworfen: Es sieht nach Spam oder Beleidigung aus. Tippe auf ✍️ Antwort entwerfen, wenn du antworten willst.
comment-note-over-limit = Keine Antwort entworfen: Dieser Kommentar kam über dem stündlichen Kartenlimit. Tippe auf ✍️ Antwort entwerfen, um eine zu bekommen.
comment-note-read-as = Keine Antwort entworfen: Claude hat das als { $as ->
    [spam] Spam
    [abuse] Beleidigung
   *[ordinary] nicht beantwortungsbedürftig
} gelesen. Tippe auf ✍️ Antwort entwerfen, um trotzdem eine zu bekommen.
comment-note-over-budget = Keine Antwort entworfen: Das KI-Budget dieses Monats von { $cap } ist aufgebraucht (siehe /budget).
comment-note-failed = Keine Antwort entworfen: { $error }
# Warum eine Antwort nicht gesendet wurde (comments.last_error, auf der Karte). Diese Schlüssel werden gespeichert: nie umbenennen.
comment-send-no-instagram = Instagram ist auf diesem Server nicht eingerichtet (INSTAGRAM_APP_ID).
comment-send-not-connected = Das Instagram-Konto der Marke ist nicht verbunden: Verbinde es mit /connect und tippe dann erneut auf Senden.
comment-send-refused = Instagram hat die Antwort abgelehnt: { $words }
