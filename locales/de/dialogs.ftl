# Die Dialoge der Entwurfskarte: ✏️ Text bearbeiten, 🦯 Alt-Text, der Text einer Folie, ein getippter
# Ablehnungsgrund, eine Anweisung zum Umschreiben, getippt oder gesprochen.

dialog-current-caption = Aktueller Text (zum Kopieren antippen):
dialog-current-alt-text = Aktueller Alt-Text (zum Kopieren antippen):
dialog-current-slide = Aktueller Text (zum Kopieren antippen):

dialog-caption-prompt = ✏️ Schick mir den neuen Text, oder /cancel, um den aktuellen zu behalten.
dialog-caption-hashtags-stay = Die Hashtags bleiben, wie sie sind: { $hashtags }.
dialog-caption-cancelled = Bearbeitung abgebrochen: Der Text bleibt unverändert.
dialog-caption-left = Textbearbeitung verlassen: Der Text bleibt unverändert.
dialog-caption-nothing-to-skip = Hier gibt es nichts zu überspringen: Sende den neuen Text, oder /cancel, um den aktuellen zu behalten.
dialog-caption-text-only = Bitte sende den neuen Text als Textnachricht, oder /cancel, um den aktuellen zu behalten.
dialog-caption-saved = ✅ Text aktualisiert: Die Karte zeigt ihn so, wie er gepostet wird.
dialog-caption-saved-before = ✅ Text aktualisiert.
dialog-caption-not-changed = Der Text wurde nicht geändert. { $state }
dialog-caption-problems = So kann der Text nicht zu Instagram:
dialog-caption-problems-hashtags = So kann der Text nicht zu Instagram (mit den Hashtags des Entwurfs gezählt):
dialog-caption-too-long = Der Text hat { $actual } Zeichen; Instagram erlaubt { $limit }.
dialog-caption-too-many-hashtags = Der Text hat { $actual } Hashtags; Instagram erlaubt { $limit }.
dialog-caption-too-many-mentions = Der Text markiert { $actual } Konten mit @; Instagram erlaubt { $limit }.
dialog-caption-send-shorter = Sende eine kürzere Fassung, oder /cancel, um den aktuellen Text zu behalten.

dialog-alt-text-prompt = 🦯 Schick mir den Alt-Text für das Bild: ein kurzer Satz, der sagt, was es zeigt, für Menschen mit Screenreader (höchstens { $limit } Zeichen). Oder /cancel, um den aktuellen zu behalten.
dialog-alt-text-cancelled = Alt-Text-Bearbeitung abgebrochen: Der Alt-Text bleibt unverändert.
dialog-alt-text-left = Alt-Text-Bearbeitung verlassen: Der Alt-Text bleibt unverändert.
dialog-alt-text-nothing-to-skip = Hier gibt es nichts zu überspringen: Sende den neuen Alt-Text, oder /cancel, um den aktuellen zu behalten.
dialog-alt-text-text-only = Bitte sende den neuen Alt-Text als Textnachricht, oder /cancel, um den aktuellen zu behalten.
dialog-alt-text-saved = ✅ Alt-Text aktualisiert: Instagram bekommt ihn mit dem Bild.
dialog-alt-text-saved-before = ✅ Alt-Text aktualisiert.
dialog-alt-text-not-changed = Der Alt-Text wurde nicht geändert. { $state }
dialog-alt-text-empty = Der Alt-Text darf nicht leer sein. Sende ihn noch einmal, oder /cancel, um den aktuellen zu behalten.
dialog-alt-text-too-long = Dieser Alt-Text hat { $length } Zeichen; Instagram erlaubt höchstens { $limit }. Bitte kürze ihn um { $over ->
    [one] { $over } Zeichen
   *[other] { $over } Zeichen
}. Sende ihn noch einmal, oder /cancel, um den aktuellen zu behalten.

dialog-slide-prompt = 🎞 Schick mir den neuen Text für Folie { $number }: eine zentrale Aussage, höchstens { $limit } Zeichen, damit sie sich auf dem Handy liest. Oder /cancel, um ihn zu behalten.
dialog-slide-cancelled = Folien-Bearbeitung abgebrochen: Die Folie bleibt unverändert.
dialog-slide-left = Folien-Bearbeitung verlassen: Die Folie bleibt unverändert.
dialog-slide-nothing-to-skip = Hier gibt es nichts zu überspringen: Sende den neuen Folientext, oder /cancel, um den aktuellen zu behalten.
dialog-slide-text-only = Bitte sende den neuen Folientext als Textnachricht, oder /cancel, um den aktuellen zu behalten.
dialog-slide-saved = 🎞 Die Folie wird neu gezeichnet: Die Karte zeigt sie gleich.
dialog-slide-saved-before = 🎞 Diese Folie wird schon neu gezeichnet.
dialog-slide-not-changed = Die Folie wurde nicht geändert. { $state }
dialog-slide-empty = Der Text einer Folie darf nicht leer sein. Sende ihn noch einmal, oder /cancel, um den aktuellen zu behalten.
dialog-slide-too-long = Das sind { $length } Zeichen; eine Folie nimmt höchstens { $limit }, damit sie sich auf dem Handy liest. Bitte kürze um { $over }. Sende ihn noch einmal, oder /cancel, um den aktuellen zu behalten.

dialog-reject-prompt = ❌ Was war an diesem Entwurf falsch? Sende einen kurzen Grund, oder /cancel, um den Entwurf zu behalten.
dialog-reject-kept = Nicht abgelehnt: Der Entwurf wartet weiter auf deine Prüfung.
dialog-reject-text-only = Bitte sende den Grund als Textnachricht, oder /cancel, um den Entwurf zu behalten.
dialog-rejected = ❌ Abgelehnt.
dialog-rejected-thanks = ❌ Abgelehnt. Danke, der Grund hilft den nächsten Entwürfen.
dialog-not-rejected = Nicht abgelehnt. { $state }

dialog-rewrite-kept = Nicht umgeschrieben: Der Text bleibt unverändert.
dialog-rewrite-text-only = Bitte sende als Nachricht oder Sprachnachricht, was sich ändern soll, wähle eine Option auf der Karte, oder /cancel.
dialog-rewriting = 🔁 Der Text wird umgeschrieben: { $instruction }
dialog-not-rewritten = Nicht umgeschrieben. { $state }

voice-note-heard = 🎙 Verstanden: { $instruction }
voice-note-no-key = 🎙 Sprachnachrichten brauchen einen OpenAI-API-Schlüssel, und dieses Greenlight hat keinen. Tippe stattdessen, was sich ändern soll, oder /cancel.
voice-note-too-long = 🎙 Diese Sprachnachricht ist { $seconds ->
    [one] { $seconds } Sekunde
   *[other] { $seconds } Sekunden
} lang; ich nehme bis zu { $minutes } Minuten. Schick eine andere, oder tippe, was sich ändern soll (oder /cancel).
voice-note-too-big = 🎙 Diese Sprachnachricht ist größer als die { $megabytes } MB, die Bots bei Telegram herunterladen dürfen. Schick eine andere, oder tippe, was sich ändern soll (oder /cancel).
voice-note-over-budget = 🎙 Nicht transkribiert: Das KI-Budget dieses Monats ist aufgebraucht ({ $spent } von { $cap }). Erhöhe es mit /budget, oder tippe, was sich ändern soll (oder /cancel).
voice-note-fetch-failed = 🎙 Ich konnte diese Sprachnachricht nicht von Telegram laden. Schick eine andere, oder tippe, was sich ändern soll (oder /cancel).
voice-note-transcribe-failed = 🎙 OpenAI konnte diese Sprachnachricht gerade nicht transkribieren. Schick eine andere, oder tippe, was sich ändern soll (oder /cancel).
voice-note-no-words = 🎙 Ich habe in dieser Sprachnachricht keine Worte gehört. Schick eine andere, oder tippe, was sich ändern soll (oder /cancel).

toast-no-slides = Dieser Entwurf ist ein Einzelbild: Er hat keine Folien.
toast-pick-slide = Wähle die Folie, die du ändern willst.
toast-slide-gone = Diese Folie gibt es in diesem Entwurf nicht mehr.
toast-send-slide-text = Sende den neuen Text für Folie { $number }.
