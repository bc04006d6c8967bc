# Configurações alteradas digitando uma resposta, as telas de /topic, /voice, /hashtags e /firstcomment.

settings-not-set = <i>não definido</i>
settings-none = <i>nenhum</i>
settings-change-button = ✏️ Alterar
settings-clear-button = 🗑 Limpar
settings-brand-gone = Essa marca não existe mais.
settings-cancel-hint = /cancel sai sem alterar nada.
settings-cancelled = Cancelado. Nada foi alterado.
settings-dialog-name = esta alteração
topic-view = <b>Tema</b>: { $topic }

    Os rascunhos falam disso. Toque em Alterar, ou envie /topic seguido do novo tema.
topic-prompt = Sobre o que a marca publica? Envie o tema em uma frase, p. ex. “ciclismo urbano em São Paulo”.
topic-saved = ✅ Tema definido: { $topic }
voice-view = <b>Voz</b>: { $voice }

    As legendas são escritas nesta voz. Descreva-a com suas palavras, ou envie algumas legendas de que você gosta e eu a deduzo.
    Você também pode enviar /voice seguido de uma descrição.
voice-describe-button = ✏️ Descrever
voice-examples-button = 📝 Por legendas de exemplo
voice-prompt = Descreva como as legendas devem soar, p. ex. “calorosa e curiosa, frases curtas, sem jargão”.
voice-saved = ✅ Voz salva: { $voice }
hashtags-view = <b>Hashtags padrão</b>: { $hashtags }

    Adicionadas a cada rascunho. Toque em Alterar, ou envie /hashtags seguido das hashtags, p. ex. /hashtags #ciclismo #sp.
hashtags-prompt = Envie as hashtags padrão, p. ex. #ciclismo #sp (no máximo { $limit }), ou “none”.
hashtags-saved = ✅ Hashtags padrão: { $hashtags }
hashtags-cleared = ✅ Hashtags padrão removidas.
first-comment-view = <b>Primeiro comentário</b>: { $setting }

    Publicado sob cada post logo depois que ele sai. Toque em Alterar, ou envie /firstcomment hashtags, /firstcomment off, ou /firstcomment seguido da linha a publicar.
    Contas conectadas antes de o Greenlight pedir permissão para comentar precisam reconectar uma vez (/connect).
first-comment-prompt = Qual deve ser o primeiro comentário sob cada post? Envie “hashtags” (as hashtags do post passam da legenda para o comentário), “off”, ou a linha a publicar.
first-comment-saved = ✅ Primeiro comentário: { $setting }. Vale para os posts que ainda não começaram a sair.
first-comment-hashtags = as hashtags do post (saem da legenda)
first-comment-off = desativado
budget-prompt = O orçamento mensal de IA é { $cap }. Envie o novo valor em dólares americanos, p. ex. 25 (no máximo { $max }).
budget-saved = ✅ Orçamento mensal de IA: { $cap }.
rename-prompt = Como <b>{ $name }</b> deve se chamar a partir de agora? Envie o novo nome.
rename-saved = ✅ <b>{ $oldName }</b> agora se chama <b>{ $name }</b>.
toast-hashtags-cleared = Hashtags padrão removidas
# As linhas gerais de todos os diálogos.
toast-dialog-skipped = Pulado
toast-dialog-cancelled = Cancelado
dialog-answer-with-text = Responda com texto, ou envie /cancel para sair.
dialog-cannot-skip = Esta etapa não pode ser pulada. Envie uma resposta, ou /cancel para sair.
dialog-still-in = Você ainda está em { $dialog }: envie sua resposta, ou /cancel para sair.
dialog-left = Você saiu de { $dialog }; nada foi salvo.
dialog-tap-one-of-the-buttons = Toque em um dos botões acima, ou envie /cancel.
# /voice a partir de legendas de exemplo.
voice-examples-dialog-name = as legendas de exemplo
voice-examples-cancelled = Cancelado. A voz não mudou.
voice-examples-done-button = ✅ Pronto
voice-examples-prompt = Envie até { $limit } legendas cuja voz você goste, uma por mensagem. Toque em Pronto (ou envie /done) ao terminar.
voice-examples-none-yet = Envie primeiro pelo menos uma legenda de exemplo, ou /cancel.
voice-examples-too-long = Isso tem { $length } caracteres; uma legenda do Instagram tem no máximo { $limit }.
voice-examples-got = Recebi { $count }. Envie outra, ou toque em Pronto.
voice-examples-failed = Não consegui deduzir uma voz desses exemplos{ $reason }. Tente de novo com /voice, ou descreva-a com suas palavras.
voice-examples-derived = Voz deduzida:
    <blockquote>{ $voice }</blockquote>
    Usar?
voice-examples-use-button = ✅ Usar esta voz
voice-examples-discard-button = ✖ Descartar
voice-examples-discarded = Descartada. A voz não mudou.
voice-examples-saved = ✅ Voz salva.
settings-not-registered = Envie /start primeiro para se registrar.
settings-no-brand = Você ainda não tem nenhuma marca. Envie /brands e toque em “➕ Nova marca” para criar uma.
# O que há de errado em uma configuração digitada.
topic-too-short = Descreva o tema em poucas palavras, por exemplo “ciclismo urbano em São Paulo”.
topic-too-long = Esse tema tem { $length } caracteres; use no máximo { $limit }.
voice-too-short = Descreva a voz em poucas palavras, por exemplo “simpática, curiosa, sem jargão”.
voice-too-long = Essa descrição tem { $length } caracteres; use no máximo { $limit }.
hashtags-empty = Envie hashtags como #ciclismo #sp, ou “none” para nenhuma.
hashtags-needs-hash = { $input } precisa de um # na frente, como { $example }.
hashtags-not-a-hashtag = { $input } não é uma hashtag: use só letras, números e _ depois do #, sem espaços.
hashtags-needs-letter = { $input } precisa de pelo menos uma letra; o Instagram ignora hashtags só com números.
hashtags-too-long = { $input } é longa demais para uma hashtag.
hashtags-too-many = São { $count } hashtags; o Instagram permite no máximo { $limit } por post.
