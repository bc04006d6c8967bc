# Os diálogos do cartão do rascunho: ✏️ Editar legenda, 🦯 Texto alternativo, o texto de um slide, um motivo de
# rejeição digitado, uma instrução para reescrever digitada ou falada.

dialog-current-caption = Legenda atual (toque para copiar):
dialog-current-alt-text = Texto alternativo atual (toque para copiar):
dialog-current-slide = Texto atual (toque para copiar):

dialog-caption-prompt = ✏️ Me envie a nova legenda, ou /cancel para manter a atual.
dialog-caption-hashtags-stay = As hashtags ficam como estão: { $hashtags }.
dialog-caption-cancelled = Edição cancelada: a legenda não mudou.
dialog-caption-left = Você saiu da edição da legenda: a legenda não mudou.
dialog-caption-nothing-to-skip = Não há nada para pular: envie a nova legenda, ou /cancel para manter a atual.
dialog-caption-text-only = Envie a nova legenda como mensagem de texto, ou /cancel para manter a atual.
dialog-caption-saved = ✅ Legenda atualizada: o cartão a mostra como será publicada.
dialog-caption-saved-before = ✅ Legenda atualizada.
dialog-caption-not-changed = A legenda não mudou. { $state }
dialog-caption-problems = Essa legenda não pode ir para o Instagram assim:
dialog-caption-problems-hashtags = Essa legenda não pode ir para o Instagram assim (contando as hashtags do rascunho):
dialog-caption-too-long = A legenda tem { $actual } caracteres; o Instagram permite { $limit }.
dialog-caption-too-many-hashtags = A legenda tem { $actual } hashtags; o Instagram permite { $limit }.
dialog-caption-too-many-mentions = A legenda marca { $actual } contas com @; o Instagram permite { $limit }.
dialog-caption-send-shorter = Envie uma versão mais curta, ou /cancel para manter a legenda atual.

dialog-alt-text-prompt = 🦯 Me envie o texto alternativo da imagem: uma frase curta dizendo o que ela mostra, para quem usa leitor de tela (no máximo { $limit } caracteres). Ou /cancel para manter o atual.
dialog-alt-text-cancelled = Edição do texto alternativo cancelada: ele não mudou.
dialog-alt-text-left = Você saiu da edição do texto alternativo: ele não mudou.
dialog-alt-text-nothing-to-skip = Não há nada para pular: envie o novo texto alternativo, ou /cancel para manter o atual.
dialog-alt-text-text-only = Envie o novo texto alternativo como mensagem de texto, ou /cancel para manter o atual.
dialog-alt-text-saved = ✅ Texto alternativo atualizado: o Instagram o recebe com a imagem.
dialog-alt-text-saved-before = ✅ Texto alternativo atualizado.
dialog-alt-text-not-changed = O texto alternativo não mudou. { $state }
dialog-alt-text-empty = O texto alternativo não pode ficar vazio. Envie de novo, ou /cancel para manter o atual.
dialog-alt-text-too-long = Esse texto alternativo tem { $length } caracteres; o Instagram permite no máximo { $limit }. Encurte { $over ->
    [one] { $over } caractere
   *[other] { $over } caracteres
}. Envie de novo, ou /cancel para manter o atual.

dialog-slide-prompt = 🎞 Me envie o novo texto do slide { $number }: um fato principal, no máximo { $limit } caracteres, para ler bem no celular. Ou /cancel para mantê-lo.
dialog-slide-cancelled = Edição do slide cancelada: ele não mudou.
dialog-slide-left = Você saiu da edição do slide: ele não mudou.
dialog-slide-nothing-to-skip = Não há nada para pular: envie o novo texto do slide, ou /cancel para manter o atual.
dialog-slide-text-only = Envie o novo texto do slide como mensagem de texto, ou /cancel para manter o atual.
dialog-slide-saved = 🎞 Redesenhando o slide: o cartão o mostra em instantes.
dialog-slide-saved-before = 🎞 Já estou redesenhando esse slide.
dialog-slide-not-changed = O slide não mudou. { $state }
dialog-slide-empty = O texto de um slide não pode ficar vazio. Envie de novo, ou /cancel para manter o atual.
dialog-slide-too-long = São { $length } caracteres; um slide aceita no máximo { $limit }, para ler bem no celular. Encurte { $over }. Envie de novo, ou /cancel para manter o atual.

dialog-reject-prompt = ❌ O que estava errado neste rascunho? Envie um motivo curto, ou /cancel para manter o rascunho.
dialog-reject-kept = Não rejeitado: o rascunho continua esperando sua revisão.
dialog-reject-text-only = Envie o motivo como mensagem de texto, ou /cancel para manter o rascunho.
dialog-rejected = ❌ Rejeitado.
dialog-rejected-thanks = ❌ Rejeitado. Obrigado, o motivo ajuda os próximos rascunhos.
dialog-not-rejected = Não rejeitado. { $state }

dialog-rewrite-kept = Não reescrito: a legenda não mudou.
dialog-rewrite-text-only = Envie o que mudar como mensagem ou mensagem de voz, escolha uma opção no cartão, ou /cancel.
dialog-rewriting = 🔁 Reescrevendo a legenda: { $instruction }
dialog-not-rewritten = Não reescrito. { $state }

voice-note-heard = 🎙 Entendi: { $instruction }
voice-note-no-key = 🎙 Mensagens de voz precisam de uma chave de API da OpenAI, e este Greenlight não tem. Digite o que mudar, ou /cancel.
voice-note-too-long = 🎙 Essa mensagem de voz tem { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}; aceito até { $minutes } minutos. Envie outra, ou digite o que mudar (ou /cancel).
voice-note-too-big = 🎙 Essa mensagem de voz passa dos { $megabytes } MB que o Telegram deixa os bots baixarem. Envie outra, ou digite o que mudar (ou /cancel).
voice-note-over-budget = 🎙 Não transcrita: o orçamento de IA deste mês acabou ({ $spent } de { $cap }). Aumente com /budget, ou digite o que mudar (ou /cancel).
voice-note-fetch-failed = 🎙 Não consegui baixar essa mensagem de voz do Telegram. Envie outra, ou digite o que mudar (ou /cancel).
voice-note-transcribe-failed = 🎙 A OpenAI não conseguiu transcrever essa mensagem de voz agora. Envie outra, ou digite o que mudar (ou /cancel).
voice-note-no-words = 🎙 Não ouvi nenhuma palavra nessa mensagem de voz. Envie outra, ou digite o que mudar (ou /cancel).

toast-no-slides = Este rascunho é uma imagem única: não tem slides.
toast-pick-slide = Escolha o slide que quer mudar.
toast-slide-gone = Esse slide não está mais neste rascunho.
toast-send-slide-text = Envie o novo texto do slide { $number }.
