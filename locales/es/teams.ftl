# Equipos e invitaciones (src/teams/).

# /invite
team-invite-choose-owner = ¿Para quién es la invitación? Un enlace de propietario crea un propietario nuevo con sus propias marcas.
team-invite-choose-member = ¿Para quién es la invitación? Los aprobadores deciden las tarjetas de <b>{ $brand }</b> en su grupo; los observadores las ven y usan /status.
team-invite-owner-button = 👑 Nuevo propietario
team-invite-approver-button = ✅ Un aprobador
team-invite-viewer-button = 👀 Un observador
team-invite-usage = Envía /invite approver o /invite viewer (para la marca con la que trabajas, o añade su nombre: /invite viewer Café Roma), o /invite owner.
team-invite-owner-admins-only = Solo los operadores (OWNER_TELEGRAM_IDS) pueden invitar a nuevos propietarios. Tú puedes invitar a aprobadores y observadores de tus marcas.
team-invite-unknown-brand = No tienes ninguna marca llamada { $input }. /brands las muestra.
team-invite-created-title = { $role ->
    [owner] 🔗 <b>Invitación para un nuevo propietario</b>
    [approver] 🔗 <b>Invitación para un aprobador de { $brand }</b>
   *[viewer] 🔗 <b>Invitación para un observador de { $brand }</b>
}
team-invite-created-note = Sirve una sola vez, hasta el { $until }. Envíalo solo a la persona a quien va dirigido: quien lo abra primero se une.
team-invite-needs-start = Envía primero /start para registrarte y luego /invite.
team-brand-gone-toast = Esa marca ya no existe.

# Abrir un enlace de invitación
team-joined-owner = ¡Hola, { $firstName }! Ya eres propietario en este espacio de Greenlight. Envía /start para configurar tu primera marca.
team-joined-member = { $role ->
    [approver] ¡Te damos la bienvenida! Ahora eres aprobador de <b>{ $brand }</b>.
       Puedes aprobar y rechazar sus tarjetas en su grupo de Telegram.
   *[viewer] ¡Te damos la bienvenida! Ahora eres observador de <b>{ $brand }</b>.
       Puedes ver sus tarjetas en su grupo de Telegram, y /status aquí.
}
team-joined-no-group = Su propietario aún no ha vinculado un grupo: te añadirá cuando lo haga.
team-invitation-unknown = Este enlace de invitación no es válido. Comprueba que abriste el enlace completo o pide uno nuevo.
team-invitation-used = Este enlace de invitación ya se usó: cada enlace sirve una sola vez. Pide uno nuevo.
team-invitation-expired = Este enlace de invitación caducó el { $until }. Pide uno nuevo a quien te lo envió.
team-invitation-already-owner = Ya eres propietario aquí, así que este enlace queda para otra persona. /brands muestra tus marcas.
team-invitation-own-brand = Esta marca ya es tuya, así que este enlace queda para otra persona. /team muestra su equipo.

# /team
team-title = 👥 <b>Equipo de { $brand }</b>
team-group-linked = Las tarjetas van al grupo <b>{ $group }</b>. /unlinkgroup las devuelve aquí.
team-group-untitled = (sin título)
team-no-group = Las tarjetas llegan a este chat. Para enviarlas a un grupo, añádeme a él y envía /linkgroup allí.
team-no-members = Aún no hay miembros. /invite approver o /invite viewer crea un enlace.
team-member = { $role ->
    [approver] ✅ { $name } – aprobador
   *[viewer] 👀 { $name } – observador
}
team-more-members = …y { $count } más
team-remove-button = ✖ Quitar a { $shortName }
team-member-removed-toast = { $toastName } ya no está en el equipo.
team-member-already-removed-toast = Ya se había quitado.

# Grupos
team-added-to-group = 👋 ¡Hola! Un propietario puede enviar /linkgroup aquí para que las tarjetas de una marca lleguen a este grupo. Solo quien tenga un rol en la marca puede actuar sobre ellas.
team-link-group-in-private = Primero añádeme al grupo y luego envía /linkgroup en el propio grupo. /unlinkgroup aquí deja de enviar las tarjetas de esta marca a su grupo.
team-link-group-choose = ¿Las tarjetas de qué marca deben llegar a este grupo? Solo el propietario de la marca puede confirmarlo.
team-link-group-no-brands = Aún no tienes ninguna marca. Configura una en un chat privado conmigo (/start).
team-link-group-button = 🔗 { $shortName }
team-group-linked-here = ✅ Las nuevas tarjetas de <b>{ $brand }</b> llegan ahora a este grupo (vinculado por { $name }). Sus aprobadores pueden aprobarlas y rechazarlas aquí; los demás solo pueden verlas.
team-group-linked-toast = Vinculado: las tarjetas de { $toastName } llegan aquí.
team-only-owner-links-toast = Solo el propietario de la marca puede confirmarlo.
team-group-unlinked = Desvinculado. Las nuevas tarjetas de { $brands } vuelven al chat privado del propietario.
team-nothing-linked = Ninguna de tus marcas envía sus tarjetas aquí.
team-brand-has-no-group = { $brand } no tiene grupo vinculado: sus tarjetas ya llegan aquí.

# Toques y comandos de quien no es propietario de la marca
team-viewer-cannot-decide-toast = 👀 Puedes ver las tarjetas de esta marca, pero no decidir sobre ellas. Pregunta a su propietario.
team-approver-cannot-do-toast = Solo el propietario de la marca puede hacer eso, en un chat privado conmigo.
team-not-on-team-toast = Solo el equipo de esta marca puede actuar sobre sus tarjetas. Tu id de Telegram es { $telegramId }: pásaselo al operador.
team-member-help = Formas parte del equipo de { $brands }. Las tarjetas llegan al grupo de la marca. /status muestra la marca de un vistazo.
team-member-status-which-brand = Envía /status en el grupo de la marca para ver esa marca.
