# /brands (die Liste, Wechseln, Umbenennen, Löschen) und /brand (das Profil, aus dem jeder Entwurf entsteht).

brands-none = Du hast noch keine Marke. Tippe auf „➕ Neue Marke“, um eine einzurichten.
brands-title = <b>Deine Marken</b> ({ $count })
brands-item = { $selected ->
        [yes] ▶️
       *[no] •
    } { $name }{ $paused ->
        [yes] {" "}(pausiert)
       *[no] {""}
    }{ $selected ->
        [yes] {" "}— ausgewählt
       *[no] {""}
    }
brands-hint-several = Befehle wirken auf die ausgewählte Marke. Tippe auf eine andere, um zu wechseln.
brands-hint-one = Befehle wirken auf diese Marke.
brands-rename-button = ✏️ Umbenennen
brands-delete-button = 🗑 Löschen
brands-new-button = ➕ Neue Marke
toast-brand-selected = Du arbeitest jetzt an { $shortTitle }
toast-brand-gone = Diese Marke gibt es nicht mehr.
toast-nothing-deleted = Nichts wurde gelöscht
toast-brand-deleted = Gelöscht
toast-confirmation-expired = Diese Bestätigung ist abgelaufen
toast-post-going-out = Gerade geht ein Post hinaus
brands-kept = Behalten. Nichts wurde gelöscht.
brands-delete-expired = Diese Bestätigung ist abgelaufen; nichts wurde gelöscht. Öffne /brands, um es erneut zu versuchen.
brands-delete-publishing = Ein Post dieser Marke wird gerade auf Instagram veröffentlicht, deshalb wurde nichts gelöscht. Versuche es in ein paar Minuten erneut.
brand-delete-question = <b>{ $name } löschen?</b>

    Mit ihr gehen ihre Einstellungen, { $feeds ->
        [one] { $feeds } Feed mit seinen Artikeln
       *[other] { $feeds } Feeds mit ihren Artikeln
    }, { $drafts ->
        [one] { $drafts } Entwurf, der auf Prüfung wartet
       *[other] { $drafts } Entwürfe, die auf Prüfung warten
    }, { $scheduled ->
        [0] keine geplanten Posts
        [one] <b>{ $scheduled } geplanter Post, der nicht mehr erscheint</b>
       *[other] <b>{ $scheduled } geplante Posts, die nicht mehr erscheinen</b>
    }, ihre KI-Nutzungsdaten{ $instagram ->
        [yes] , ihre Instagram-Verbindung und Tokens
       *[no] {""}
    }.

    Bereits auf Instagram veröffentlichte Posts bleiben dort. Das kann nicht rückgängig gemacht werden.
brand-delete-yes-button = 🗑 Ja, { $buttonName } löschen
brand-delete-keep-button = Behalten
brand-deleted = 🗑 <b>{ $name }</b> ist gelöscht, mit { $feeds ->
        [one] { $feeds } Feed
       *[other] { $feeds } Feeds
    } und { $drafts ->
        [one] { $drafts } Entwurf oder Post
       *[other] { $drafts } Entwürfen und Posts
    }.
brand-profile = <b>Markenprofil</b>: woraus jeder Entwurf geschrieben wird.

    <b>Sprache</b>: { $language }
    <b>Thema</b>: { $topic }
    <b>Zielgruppe</b>: { $audience }
    <b>Stimme</b>: { $voice }
    <b>Standard-Hashtags</b>: { $hashtags }
    <b>Verbotene Begriffe</b>: { $bannedTerms }
    <b>Bildstil</b> (Bilder): { $visualStyle }
    <b>Erster Kommentar</b> (nach der Veröffentlichung): { $firstComment }

    Tippe auf ein Feld, um es zu ändern, oder sende z. B. /brand language de, /brand audience …, /brand banned …, /brand style ….
brand-profile-not-set = <i>nicht festgelegt</i>
brand-profile-none = <i>keine</i>
brand-profile-default = <i>Standard</i>
brand-language-button = ✏️ Sprache
brand-topic-button = ✏️ Thema
brand-audience-button = ✏️ Zielgruppe
brand-voice-button = ✏️ Stimme
brand-hashtags-button = ✏️ Hashtags
brand-banned-button = ✏️ Verbotene Begriffe
brand-style-button = ✏️ Bildstil
brand-first-comment-button = ✏️ Erster Kommentar
brand-language-prompt = Bildtexte werden auf { $language } geschrieben. In welcher Sprache sollen sie sein? Sende einen Sprachcode oder -namen, z. B. de, de-AT, en, es, pt-BR, German oder Deutsch.
brand-language-saved = ✅ Sprache festgelegt: { $language }. Neue Bildtexte, Quellenangaben und Hashtags sind in dieser Sprache.
brand-audience-prompt = Wer liest die Posts der Marke? Sende die Zielgruppe in einem Satz, z. B. „Pendler und Familien in Berlin“, oder „none“.
brand-audience-saved = ✅ Zielgruppe: { $value }
brand-audience-cleared = ✅ Zielgruppe entfernt.
brand-banned-prompt = Sende die Wörter oder Wendungen, die Bildtexte nie verwenden dürfen, durch Kommas getrennt, z. B. „billig, das Beste überhaupt“ (höchstens { $limit }), oder „none“.
brand-banned-saved = ✅ Verbotene Begriffe: { $value }
brand-banned-cleared = ✅ Verbotene Begriffe entfernt.
brand-style-prompt = Wie sollen erzeugte Bilder aussehen? z. B. „helle flache Illustration, Petrol und Orange, kein Text“, oder „none“ für den Standardstil.
brand-style-saved = ✅ Bildstil: { $value }
brand-style-cleared = ✅ Bildstil entfernt.
brand-usage = Sende /brand allein, um das Profil zu sehen, oder ein Feld und seinen Wert, z. B. /brand language de, /brand audience Pendler in Berlin, /brand banned billig, das Beste, /brand style flache Illustration.
# Was an einem eingegebenen Markennamen oder Profilfeld nicht stimmt (reiner Text).
brand-name-empty = Bitte sende den Namen der Marke, zum Beispiel „Berliner Rad-News“.
brand-name-too-long = Der Name hat { $length } Zeichen; höchstens { $limit } sind möglich.
brand-name-taken = Du hast schon eine Marke namens „{ $name }“. Sende einen anderen Namen.
brand-audience-too-short = Beschreibe die Zielgruppe in ein paar Worten, zum Beispiel „Pendler und Familien in Berlin“, oder sende „none“.
brand-audience-too-long = Die Zielgruppe hat { $length } Zeichen; höchstens { $limit } sind möglich.
brand-style-too-short = Beschreibe den Bildstil in ein paar Worten, zum Beispiel „helle flache Illustration, Petrol und Orange, kein Text“, oder sende „none“.
brand-style-too-long = Der Bildstil hat { $length } Zeichen; höchstens { $limit } sind möglich.
brand-banned-term-too-long = „{ $term }…“ hat { $length } Zeichen; jeder Begriff darf höchstens { $limit } haben.
brand-banned-empty = Bitte sende die Begriffe durch Kommas getrennt, z. B. „billig, das Beste überhaupt“, oder „none“ für keine verbotenen Begriffe.
brand-banned-too-many = Das sind { $count } Begriffe; höchstens { $limit } sind möglich.
# Eine eingegebene Markensprache, die wir nicht kennen.
brand-language-unknown = Die Sprache „{ $input }“ kenne ich nicht. Sende einen Sprachcode oder -namen, z. B. de, es, pt-BR, fr, ja, German oder Deutsch.
brand-language-empty = Bitte sende einen Sprachcode oder -namen, z. B. de, es, pt-BR, fr, ja, German oder Deutsch.
