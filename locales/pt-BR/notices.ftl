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
