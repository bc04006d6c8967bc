# O que o dono ouve sobre as publicações (publish-messages.ts) e sobre a conexão com o Instagram
# (instagram-auth/). As notas de publicação são texto simples: o Telegram cria o link sozinho.

posted-link = Publicado ✅ { $permalink }
posted-no-link = Publicado ✅ (o Instagram ainda não deu o link)
posted-first-comment = 💬 Primeiro comentário publicado.
posted-first-comment-failed = ⚠️ O primeiro comentário não foi publicado; o post em si já está no ar. { $reason }
quota-notice-slot = ⏸ { $brand }: o limite diário do Instagram para posts feitos por apps acabou, então um post está esperando. Ele sai no lugar em: { $when }. Nada se perde; os posts aprovados mantêm o lugar na fila.
quota-notice-asap = ⏸ { $brand }: o limite diário do Instagram para posts feitos por apps acabou, então um post está esperando. Ele sai assim que o limite permitir. Nada se perde; os posts aprovados mantêm o lugar na fila.

ig-reconnect-button = 🔗 Reconectar Instagram
ig-connect-button = 🔗 Conectar Instagram
ig-connected = ✅ Instagram conectado: os posts aprovados agora saem como <b>@{ $username }</b>.
ig-connect-denied = ⚠️ Você não permitiu que o Greenlight usasse a conta do Instagram, então nada foi conectado.
ig-connect-expired = ⚠️ O link de conexão expirou (os links valem por 10 minutos), então nada foi conectado.
ig-connect-used = ⚠️ Um link de conexão já usado foi aberto de novo. Ele foi recusado; nada mudou.
ig-connect-failed = ⚠️ O Instagram não concluiu a conexão: { $detail } Nada foi salvo.
ig-connect-try-again = Envie /connect para tentar de novo.
ig-failure-unreachable = Não foi possível acessar o Instagram, ou ele teve um problema temporário.
ig-failure-unreadable = O Instagram deu uma resposta que o Greenlight não conseguiu ler.
ig-failure-code-refused = O Instagram recusou o código de login (ele vale uma vez, por uma hora).
ig-failure-not-professional = O Instagram não deixou o Greenlight ler a conta. Só contas profissionais (comerciais ou de criador) podem ser conectadas.
ig-failure-token-refused = O Instagram se recusou a emitir um token de acesso duradouro.
ig-failure-no-code = O Instagram não enviou nenhum código de login.
ig-failure-no-publish-permission = A publicação não foi permitida. Conecte de novo e deixe todas as permissões ativadas.
ig-failure-error = O Instagram informou um erro ({ $error }).
ig-disconnected-notice = 🔌 O Instagram desconectou <b>@{ $username }</b>. { $reason }
    O Greenlight apagou o token de acesso. Os posts aprovados esperam e nada se perde; reconecte para voltar a publicar.

ig-connect-how = Toque no botão, entre no Instagram com a conta profissional (comercial ou de criador) da marca e permita o acesso.
    O link vale uma vez, por { $minutes } minutos.
ig-connect-current = Conectada agora como @{ $username }; conectar de novo a substitui.
ig-disconnected = 🔌 @{ $username } desconectada. O Greenlight apagou o token de acesso.
    Os posts aprovados esperam até você usar /connect de novo.
    Para remover o Greenlight também no Instagram: Instagram → Configurações → Apps e sites.
ig-nothing-to-disconnect = Nenhuma conta do Instagram está conectada, então não há nada para desconectar. /connect vincula uma.
ig-not-configured = O Instagram ainda não está configurado neste Greenlight.
    Quem opera precisa definir { $settings }, reiniciar o Greenlight e registrar <code>PUBLIC_URL/auth/instagram/callback</code> como URI de redirecionamento OAuth no painel de apps da Meta (Instagram → Configuração da API com login do Instagram).
ig-connect-unavailable = Conectar o Instagram ainda não está disponível nesta versão do Greenlight.
ig-disconnect-unavailable = Desconectar o Instagram ainda não está disponível nesta versão do Greenlight.

ig-reason-removed = O Greenlight foi removido dos apps conectados da conta do Instagram. Reconecte o Instagram no Greenlight para continuar publicando.
ig-reason-confirm-in-app = O Instagram quer que o dono da conta confirme algo no app do Instagram. Abra o Instagram e depois reconecte a conta no Greenlight.
ig-reason-password-changed = A senha do Instagram foi trocada, o que desconectou o Greenlight. Reconecte o Instagram no Greenlight para continuar publicando.
ig-reason-expired = A conexão com o Instagram expirou. Reconecte o Instagram no Greenlight para continuar publicando.
ig-reason-confirm-account = O Instagram precisa que a conta seja confirmada primeiro. Abra o app do Instagram e depois reconecte a conta no Greenlight.
ig-reason-refused = O Instagram não aceita mais o acesso do Greenlight a esta conta. Reconecte o Instagram no Greenlight para continuar publicando.
ig-reason-not-renewed = A conexão com o Instagram expirou antes que o Greenlight pudesse renová-la. Reconecte o Instagram para continuar publicando.
ig-reason-deauthorized = O Greenlight foi removido dos apps e sites da conta do Instagram.

# Depois de um pedido de exclusão de dados da Meta para uma conta do Instagram.
data-deleted-request = 🗑 O Instagram pediu ao Greenlight para excluir os dados que ele guarda de <b>@{ $username }</b> (um pedido de exclusão feito no Instagram ou no Facebook).
data-deleted-done = Pronto: foram excluídos a conexão com o Instagram e o token, { $drafts ->
        [one] { $drafts } rascunho ou post
       *[other] { $drafts } rascunhos e posts
    } com as imagens, { $articles ->
        [one] { $articles } artigo
       *[other] { $articles } artigos
    } e os registros de uso de IA desta marca. O gasto de IA deste mês fica guardado como um total anônimo, então o limite do orçamento continua valendo.
data-deleted-kept = As configurações e os feeds da marca continuam. /connect conecta uma conta do Instagram de novo.

# Por que um post falhou ou espera (drafts.last_error) e por que o primeiro comentário não foi publicado
# (first_comment_error), no cartão e no aviso "Postado". Essas chaves ficam guardadas: nunca renomeie uma.
publish-then-retry-soon = { $reason } O Greenlight vai tentar de novo em instantes.
publish-then-retry-later = { $reason } O Greenlight vai tentar de novo mais tarde.
publish-then-checking = { $reason } O Greenlight está verificando se o post saiu.
publish-then-checking-before-retry = { $reason } O Greenlight está verificando se ele saiu antes de tentar de novo.
publish-then-when-window-allows = { $reason } O post sai assim que a janela de 24 horas permitir.
publish-reason-instagram-internal = O Instagram teve um erro interno.
publish-reason-download-timed-out = O Instagram demorou demais para baixar a imagem.
publish-reason-image-too-large = A imagem passa do limite de 8 MB do Instagram. É preciso uma imagem menor.
publish-reason-not-jpeg = O Instagram só aceita imagens JPEG, e esta imagem está em outro formato.
publish-reason-container-lost = O Instagram perdeu o post preparado.
publish-reason-not-ready = O Instagram ainda não estava pronto para o post.
publish-reason-aspect-ratio = O formato da imagem está fora do que o Instagram permite: precisa ficar entre 4:5 (retrato) e 1,91:1 (paisagem).
publish-reason-caption-too-long = O Instagram recusou a legenda: ela aceita no máximo 2.200 caracteres e 30 hashtags. Encurte-a, por favor.
publish-reason-container-expired = O post preparado expirou antes de sair.
publish-reason-unknown-media-type = O Instagram não reconheceu o tipo de mídia que o Greenlight enviou. É um bug do Greenlight.
publish-reason-video-format = O Instagram não conseguiu ler o formato do vídeo; precisa ser MP4 ou MOV.
publish-reason-still-processing = O Instagram ainda está processando a imagem.
publish-reason-carousel-size-bug = O Instagram precisa de 2 a 10 itens num carrossel. É um bug do Greenlight.
publish-reason-not-prepared = O Instagram não conseguiu preparar o post.
publish-reason-product-tag = O Instagram recusou uma marcação de produto no post.
publish-reason-tagged-account = O Instagram recusou uma conta marcada no post.
publish-reason-too-many-mentions = A legenda menciona mais de 20 contas (@); o Instagram permite no máximo 20.
publish-reason-daily-limit = A conta atingiu o limite diário do Instagram para posts feitos por apps.
publish-reason-account-restricted = O Instagram restringiu esta conta. Abra o app do Instagram, resolva qualquer aviso que houver e tente o post de novo.
publish-reason-flagged-automated = O Instagram marcou o post como possivelmente automatizado.
publish-reason-download-failed = O Instagram não conseguiu baixar a imagem (ela precisa ser um JPEG público, sem redirecionamentos nem login).
publish-reason-upload-failed = O Instagram não conseguiu enviar a mídia.
publish-reason-no-answer = O Instagram não respondeu a tempo.
publish-reason-unreachable = Não foi possível falar com o Instagram.
publish-reason-no-answer-while-publishing = O Instagram não respondeu a tempo durante a publicação.
publish-reason-unreachable-while-publishing = Não foi possível falar com o Instagram durante a publicação.
publish-reason-slow-down = O Instagram pediu ao Greenlight que fosse mais devagar.
publish-reason-no-publish-permission = O Greenlight não tem permissão do Instagram para publicar. Reconecte o Instagram e permita publicar.
publish-reason-duplicate = O Instagram recusou o post por ser duplicado de um anterior.
publish-reason-temporary-problem = O Instagram teve um problema temporário.
publish-reason-unreadable-answer = O Instagram deu uma resposta ilegível.
publish-reason-unreadable-answer-while-publishing = O Instagram deu uma resposta ilegível durante a publicação.
publish-reason-problem-while-publishing = O Instagram teve um problema durante a publicação.
publish-reason-unrecognised = O Instagram recusou o pedido por um motivo que o Greenlight não reconhece.
publish-reason-unrecognised-code = O Instagram recusou o pedido por um motivo que o Greenlight não reconhece (erro do Instagram { $code }).
publish-reason-image-not-processed = O Instagram não conseguiu processar a imagem.
publish-reason-image-not-prepared = O Instagram não conseguiu preparar esta imagem.
publish-reason-no-comment-permission = O Instagram não deixou o Greenlight comentar: a conta foi conectada sem a permissão para gerenciar comentários. Reconecte o Instagram para permitir.
publish-reason-carousel-size = Este carrossel tem { $count ->
        [one] { $count } slide
       *[other] { $count } slides
    }; o Instagram aceita de 2 a 10.
publish-reason-slide-without-image = Ele não tem imagem, e o Instagram precisa de uma.
publish-reason-post-without-image = Este post não tem imagem, e o Instagram precisa de uma.
publish-reason-slide = Slide { $position } de { $count }: { $reason }
publish-reason-cover-slide = Slide { $position } de { $count } (a capa): { $reason }
publish-reason-quota-used-up = A conta esgotou o limite diário do Instagram para posts feitos por apps; o post espera o próximo horário.
publish-reason-not-connected = O Instagram não está conectado para esta marca.
publish-reason-token-unreadable = O Greenlight não consegue ler o token do Instagram guardado.
publish-reason-no-link-yet = Publicado; o Instagram ainda não deu o link.
publish-reason-first-comment-waits = Publicado; o primeiro comentário ainda não foi postado. { $reason }
publish-reason-post-not-found = O Greenlight não conseguiu saber qual post do Instagram era este.
publish-reason-gave-up = { $reason } O Greenlight tentou { $attempts ->
        [one] { $attempts } vez
       *[other] { $attempts } vezes
    } e parou; toque em 🔁 Tentar de novo para tentar outra vez.
publish-reason-instagram-said = { $reason } O Instagram disse: “{ $words }”
