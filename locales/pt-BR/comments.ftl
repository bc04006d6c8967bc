# Os comentários do Instagram no Telegram: o cartão de um comentário e seus botões, o resumo de um post muito
# comentado, /comments e o diálogo para editar a resposta.

comment-card-commented = 💬 <b>{ $brand }</b>: { $who } comentou em { $post }
comment-card-replied = 💬 <b>{ $brand }</b>: { $who } respondeu a um comentário em { $post }
comment-someone = Alguém
comment-your-post = seu post
comment-no-text = <i>(sem texto)</i>
comment-spam = 🚫 Parece spam
comment-abusive = ⚠️ Parece ofensivo
comment-reply = <b>Resposta:</b> { $reply }
comment-reply-sent = <b>Resposta enviada:</b> { $reply }
comment-by = {" "}por { $name }
comment-at = {" "}às { $time }
comment-sending = ⏳ Enviando a resposta{ $by }…
comment-replied = ✅ Respondido{ $by }{ $at }.
comment-hidden = 🙈 Ocultado no Instagram{ $by }{ $at }.
comment-ignored = Ignorado{ $by }{ $at }.

comment-still-open = Este comentário ainda está aberto.
comment-already-sending = A resposta está sendo enviada{ $by }; este cartão se atualiza quando o Instagram confirmar.
comment-already-replied = Já respondido{ $by }{ $at }.
comment-already-hidden = Já ocultado{ $by }{ $at }.
comment-already-ignored = Já ignorado{ $by }{ $at }.
comment-gone = Esse comentário não está mais salvo (foi apagado).

button-comment-send = 💬 Enviar
button-comment-edit = ✏️ Editar
button-comment-draft = ✍️ Rascunhar resposta
button-comment-write = ✏️ Escrever eu
button-comment-hide = 🙈 Ocultar
button-comment-ignore = Ignorar
button-comment-show = 👀 Mostrar { $count }

toast-comment-send-reply = Envie a nova resposta.
toast-comment-ignored = Ignorado.
toast-comment-drafting = ✍️ Rascunhando uma resposta…
toast-comment-no-reply = Ainda não há resposta: toque em ✍️ Rascunhar resposta ou ✏️ Escrever eu.
toast-comment-sending = 💬 Enviando a resposta…
toast-comment-unconfirmed = O Instagram não confirmou a resposta. Vou verificar se ela saiu e concluir; o cartão se atualiza então.
toast-comment-no-instagram = O Instagram não está configurado neste servidor.
toast-comment-not-connected = A conta do Instagram da marca não está conectada: conecte com /connect primeiro.
toast-comment-hide-failed = O Instagram não ocultou. Tente de novo daqui a pouco.
toast-comment-hide-refused = O Instagram não ocultou: { $instagramSays }. Tente de novo daqui a pouco.
toast-comment-hidden = 🙈 Ocultado no Instagram.
toast-comments-gone = Esses comentários não estão mais salvos.
toast-comments-opening = Abrindo { $count } como cartões…
toast-comments-all-open = Todos já estão abertos.

comment-summary = 💬 <b>{ $brand }</b>: { $count ->
    [one] mais { $count } comentário
   *[other] mais { $count } comentários
} em { $post } nesta hora, reunidos aqui para não lotar o chat.
comment-summary-opened = { $count } abertos como cartões até agora.
comment-summary-waiting = { $count } esperando.

comments-setting-all = todo comentário ganha um cartão
comments-setting-questions = só comentários que perguntam algo ganham um cartão
comments-setting-none = nenhum cartão de comentário
comments-unknown = { $input } não é uma opção de comentários. Envie /comments all, /comments questions ou /comments none.
comments-changed = ✅ Comentários do Instagram: { $setting }.
comments-current = 💬 Comentários do Instagram: { $setting }.
comments-kept-out = { $count ->
    [one] { $count } comentário ficou
   *[other] { $count } comentários ficaram
} fora do chat nos últimos 7 dias (continuam salvos).
comments-change-how = Mude com /comments all, /comments questions ou /comments none.

comment-edit-prompt = ✏️ Me envie a resposta como ela deve aparecer no Instagram (no máximo { $limit } caracteres), ou /cancel.
comment-edit-current = Resposta atual (toque para copiar):
comment-edit-cancelled = Edição cancelada: a resposta não mudou.
comment-edit-left = Você saiu da edição: a resposta não mudou.
comment-edit-text-only = Envie a resposta como mensagem de texto, ou /cancel para deixá-la como está.
comment-edit-problems = Essa resposta não pode ir para o Instagram assim:
comment-edit-send-another = Envie outra versão, ou /cancel.
comment-edit-not-changed = A resposta não mudou. { $state }
comment-edit-saved = ✅ Resposta atualizada: toque em 💬 Enviar no cartão para publicá-la.
comment-problem-empty = A resposta está vazia.
comment-problem-too-long = Ela tem { $length } caracteres; o Instagram aceita no máximo { $limit } num comentário.
comment-problem-hashtags = Ela tem { $count } hashtags; o Instagram aceita no máximo { $limit } num comentário.
comment-problem-links = Ela tem { $count } links; o Instagram aceita no máximo { $limit } num comentário.
comment-problem-capitals = Ela está toda em maiúsculas, o que o Instagram recusa num comentário.

comment-note-no-claude = Nenhuma resposta rascunhada: o Claude não está configurado (ANTHROPIC_API_KEY).
comment-note-flagged = Nenhuma resposta rascunhada: parece spam ou ofensivo. Toque em ✍️ Rascunhar resposta se quiser responder.
comment-note-over-limit = Nenhuma resposta rascunhada: este comentário chegou acima do limite de cartões por hora. Toque em ✍️ Rascunhar resposta para ter uma.
comment-note-read-as = Nenhuma resposta rascunhada: o Claude leu isto como { $as ->
    [spam] spam
    [abuse] ofensivo
   *[ordinary] algo que não precisa de resposta
}. Toque em ✍️ Rascunhar resposta para ter uma mesmo assim.
comment-note-over-budget = Nenhuma resposta rascunhada: o orçamento de IA deste mês, { $cap }, acabou (veja /budget).
comment-note-failed = Nenhuma resposta rascunhada: { $error }
# Por que uma resposta não foi enviada (comments.last_error, no cartão). Essas chaves ficam guardadas: nunca renomeie uma.
comment-send-no-instagram = O Instagram não está configurado neste servidor (INSTAGRAM_APP_ID).
comment-send-not-connected = A conta do Instagram da marca não está conectada: conecte com /connect e toque em Enviar de novo.
comment-send-refused = O Instagram recusou a resposta: { $words }
