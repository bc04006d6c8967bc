# Equipes e convites (src/teams/).

# /invite
team-invite-choose-owner = Para quem é o convite? Um link de dono cria um novo dono com as próprias marcas.
team-invite-choose-member = Para quem é o convite? Aprovadores decidem os cards de <b>{ $brand }</b> no grupo; observadores veem os cards e o /status.
team-invite-owner-button = 👑 Novo dono
team-invite-approver-button = ✅ Um aprovador
team-invite-viewer-button = 👀 Um observador
team-invite-usage = Envie /invite approver ou /invite viewer (para a marca em que você está trabalhando, ou acrescente o nome dela: /invite viewer Café Roma), ou /invite owner.
team-invite-owner-admins-only = Só os operadores (OWNER_TELEGRAM_IDS) podem convidar novos donos. Você pode convidar aprovadores e observadores para as suas marcas.
team-invite-unknown-brand = Você não tem nenhuma marca chamada { $input }. /brands lista as suas marcas.
team-invite-created-title = { $role ->
    [owner] 🔗 <b>Convite para um novo dono</b>
    [approver] 🔗 <b>Convite para um aprovador de { $brand }</b>
   *[viewer] 🔗 <b>Convite para um observador de { $brand }</b>
}
team-invite-created-note = Vale uma vez, até { $until }. Envie só para a pessoa certa: quem abrir primeiro entra.
team-invite-needs-start = Envie /start primeiro para se cadastrar e depois /invite.
team-brand-gone-toast = Essa marca não existe mais.

# Abrir um link de convite
team-joined-owner = Boas-vindas, { $firstName }! Agora você é dono neste espaço do Greenlight. Envie /start para configurar sua primeira marca.
team-joined-member = { $role ->
    [approver] Boas-vindas! Agora você é aprovador de <b>{ $brand }</b>.
       Você pode aprovar e rejeitar os cards dela no grupo do Telegram.
   *[viewer] Boas-vindas! Agora você é observador de <b>{ $brand }</b>.
       Você pode ver os cards dela no grupo do Telegram, e o /status aqui.
}
team-joined-no-group = O dono ainda não vinculou um grupo: ele vai adicionar você quando fizer isso.
team-invitation-unknown = Este link de convite não é válido. Confira se você abriu o link inteiro ou peça um novo.
team-invitation-used = Este link de convite já foi usado: cada link vale uma vez. Peça um novo.
team-invitation-expired = Este link de convite expirou em { $until }. Peça um novo a quem o enviou.
team-invitation-already-owner = Você já é dono aqui, então este link fica para outra pessoa. /brands lista suas marcas.
team-invitation-own-brand = Esta marca já é sua, então este link fica para outra pessoa. /team mostra a equipe.

# /team
team-title = 👥 <b>Equipe de { $brand }</b>
team-group-linked = Os cards vão para o grupo <b>{ $group }</b>. /unlinkgroup traz os cards de volta para cá.
team-group-untitled = (sem título)
team-no-group = Os cards chegam a este chat. Para enviá-los a um grupo, me adicione a ele e envie /linkgroup lá.
team-no-members = Ainda não há membros. /invite approver ou /invite viewer cria um link.
team-member = { $role ->
    [approver] ✅ { $name } – aprovador
   *[viewer] 👀 { $name } – observador
}
team-more-members = …e mais { $count }
team-remove-button = ✖ Remover { $shortName }
team-member-removed-toast = { $toastName } saiu da equipe.
team-member-already-removed-toast = Já foi removido.

# Grupos
team-added-to-group = 👋 Olá! Um dono pode enviar /linkgroup aqui para que os cards de uma marca venham para este grupo. Só quem tem uma função na marca pode agir sobre eles.
team-link-group-in-private = Primeiro me adicione ao grupo e depois envie /linkgroup no próprio grupo. /unlinkgroup aqui para de enviar os cards desta marca ao grupo.
team-link-group-choose = Os cards de qual marca devem vir para este grupo? Só o dono da marca pode confirmar.
team-link-group-no-brands = Você ainda não tem nenhuma marca. Configure uma em um chat privado comigo (/start).
team-link-group-button = 🔗 { $shortName }
team-group-linked-here = ✅ Os novos cards de <b>{ $brand }</b> agora vêm para este grupo (vinculado por { $name }). Os aprovadores podem aprová-los e rejeitá-los aqui; os demais só podem ver.
team-group-linked-toast = Vinculado: os cards de { $toastName } vêm para cá agora.
team-only-owner-links-toast = Só o dono da marca pode confirmar isso.
team-group-unlinked = Desvinculado. Os novos cards de { $brands } voltam para o chat privado do dono.
team-nothing-linked = Nenhuma marca sua envia cards para cá.
team-brand-has-no-group = { $brand } não tem grupo vinculado: os cards dela já chegam aqui.

# Toques e comandos de quem não é dono da marca
team-viewer-cannot-decide-toast = 👀 Você pode ver os cards desta marca, mas não decidir sobre eles. Fale com o dono.
team-approver-cannot-do-toast = Só o dono da marca pode fazer isso, em um chat privado comigo.
team-not-on-team-toast = Só a equipe desta marca pode agir sobre os cards dela. Seu id do Telegram é { $telegramId }: passe-o ao operador.
team-member-help = Você faz parte da equipe de { $brands }. Os cards chegam ao grupo da marca. /status mostra a marca num relance.
team-member-status-which-brand = Envie /status no grupo da marca para ver essa marca.
