# Teams und Einladungen (src/teams/).

# /invite
team-invite-choose-owner = Für wen ist die Einladung? Ein Inhaber-Link macht einen neuen Inhaber mit eigenen Marken.
team-invite-choose-member = Für wen ist die Einladung? Freigebende entscheiden über die Karten von <b>{ $brand }</b> in ihrer Gruppe; Lesende sehen sie und /status.
team-invite-owner-button = 👑 Neuer Inhaber
team-invite-approver-button = ✅ Freigebende Person
team-invite-viewer-button = 👀 Lesende Person
team-invite-usage = Sende /invite approver oder /invite viewer (für die Marke, an der du arbeitest, oder mit ihrem Namen: /invite viewer Café Roma), oder /invite owner.
team-invite-owner-admins-only = Nur die Betreiber (OWNER_TELEGRAM_IDS) können neue Inhaber einladen. Du kannst Freigebende und Lesende zu deinen Marken einladen.
team-invite-unknown-brand = Du hast keine Marke namens { $input }. /brands listet sie auf.
team-invite-created-title = { $role ->
    [owner] 🔗 <b>Einladung für einen neuen Inhaber</b>
    [approver] 🔗 <b>Einladung zum Freigeben für { $brand }</b>
   *[viewer] 🔗 <b>Einladung zum Mitlesen für { $brand }</b>
}
team-invite-created-note = Er gilt einmal, bis { $until }. Schick ihn nur an die Person, für die er gedacht ist: Wer ihn zuerst öffnet, tritt bei.
team-invite-needs-start = Sende zuerst /start, um dich anzumelden, dann /invite.
team-brand-gone-toast = Diese Marke gibt es nicht mehr.

# Einen Einladungslink öffnen
team-joined-owner = Willkommen, { $firstName }! Du bist jetzt Inhaber in diesem Greenlight-Bereich. Sende /start, um deine erste Marke einzurichten.
team-joined-member = { $role ->
    [approver] Willkommen! Du gibst jetzt die Karten von <b>{ $brand }</b> frei.
       Du kannst ihre Karten in ihrer Telegram-Gruppe freigeben und ablehnen.
   *[viewer] Willkommen! Du liest jetzt bei <b>{ $brand }</b> mit.
       Du siehst ihre Karten in ihrer Telegram-Gruppe, und hier /status.
}
team-joined-no-group = Der Inhaber hat noch keine Gruppe verknüpft: Er fügt dich hinzu, sobald er das tut.
team-invitation-unknown = Dieser Einladungslink ist ungültig. Prüfe, ob du den ganzen Link geöffnet hast, oder bitte um einen neuen.
team-invitation-used = Dieser Einladungslink wurde schon benutzt: Jeder Link gilt einmal. Bitte um einen neuen.
team-invitation-expired = Dieser Einladungslink ist am { $until } abgelaufen. Bitte die Person, die ihn geschickt hat, um einen neuen.
team-invitation-already-owner = Du bist hier schon Inhaber, also bleibt dieser Link für jemand anderen. /brands listet deine Marken.
team-invitation-own-brand = Diese Marke gehört dir schon, also bleibt dieser Link für jemand anderen. /team zeigt ihr Team.

# /team
team-title = 👥 <b>Team von { $brand }</b>
team-group-linked = Karten gehen an die Gruppe <b>{ $group }</b>. /unlinkgroup holt sie hierher zurück.
team-group-untitled = (ohne Titel)
team-no-group = Karten kommen in diesen Chat. Um sie an eine Gruppe zu schicken, füge mich dort hinzu und sende dort /linkgroup.
team-no-members = Noch keine Mitglieder. /invite approver oder /invite viewer erstellt einen Link.
team-member = { $role ->
    [approver] ✅ { $name } – gibt frei
   *[viewer] 👀 { $name } – liest mit
}
team-more-members = …und { $count } weitere
team-remove-button = ✖ { $shortName } entfernen
team-member-removed-toast = { $toastName } entfernt.
team-member-already-removed-toast = Schon entfernt.

# Gruppen
team-added-to-group = 👋 Hallo! Ein Inhaber kann hier /linkgroup senden, damit die Entwurfskarten einer Marke in diese Gruppe kommen. Nur wer eine Rolle bei der Marke hat, kann darauf reagieren.
team-link-group-in-private = Füge mich zuerst der Gruppe hinzu und sende dann /linkgroup in der Gruppe selbst. /unlinkgroup hier schickt die Karten dieser Marke nicht mehr an ihre Gruppe.
team-link-group-choose = Die Karten welcher Marke sollen in diese Gruppe kommen? Nur der Inhaber der Marke kann das bestätigen.
team-link-group-no-brands = Du hast noch keine Marke. Richte eine im privaten Chat mit mir ein (/start).
team-link-group-button = 🔗 { $shortName }
team-group-linked-here = ✅ Die neuen Karten von <b>{ $brand }</b> kommen jetzt in diese Gruppe (verknüpft von { $name }). Freigebende können sie hier freigeben und ablehnen; alle anderen können nur zusehen.
team-group-linked-toast = Verknüpft: Die Karten von { $toastName } kommen jetzt hierher.
team-only-owner-links-toast = Nur der Inhaber der Marke kann das bestätigen.
team-group-unlinked = Verknüpfung gelöst. Neue Karten von { $brands } gehen wieder in den privaten Chat des Inhabers.
team-nothing-linked = Keine deiner Marken schickt ihre Karten hierher.
team-brand-has-no-group = { $brand } hat keine verknüpfte Gruppe: Ihre Karten kommen schon hierher.

# Tipps und Befehle von allen, die die Marke nicht besitzen
team-viewer-cannot-decide-toast = 👀 Du kannst die Karten dieser Marke sehen, aber nicht entscheiden. Frag ihren Inhaber.
team-approver-cannot-do-toast = Das kann nur der Inhaber der Marke, im privaten Chat mit mir.
team-not-on-team-toast = Nur das Team dieser Marke kann auf ihre Karten reagieren. Deine Telegram-ID ist { $telegramId }: Gib sie an den Betreiber weiter.
team-member-help = Du bist im Team von { $brands }. Karten kommen in die Gruppe der Marke. /status zeigt die Marke auf einen Blick.
team-member-status-which-brand = Sende /status in der Gruppe der Marke, um diese Marke zu sehen.
