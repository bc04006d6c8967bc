# /feeds: a lista, seus botões, adicionar e remover.

feeds-empty = <b>Feeds</b>
    Ainda não há feeds. Toque em “➕ Adicionar feed” ou envie /feeds seguido do endereço do feed.
feeds-heading = <b>Feeds</b> ({ $count }){ $page }
feeds-untitled = (feed sem título)
feeds-footer = Adicione um pelo botão ou com /feeds seguido do endereço.
feeds-last-read = lido { $ago }
feeds-never-read = nunca lido
feeds-failed = ⚠️ falhou { $failures ->
        [one] uma vez
       *[other] { $failures } vezes seguidas
    }, a última{ $when }{ $error } ({ $lastRead })
feeds-healthy = ✅ { $lastRead }
feeds-not-read-yet = ⏳ ainda não lido (primeira leitura { $when })
feeds-remove-button = 🗑 Remover { $number }
feeds-add-button = ➕ Adicionar feed
toast-feed-removed = Removido: { $shortTitle }
toast-feed-already-removed = Esse feed já tinha sido removido.
feeds-prompt = Envie o endereço de um feed RSS ou Atom, p. ex. https://example.com/feed.xml.
feeds-duplicate = Esse feed já está na lista. Envie outro endereço, ou /cancel.
feeds-too-many = Uma marca pode ter no máximo { $limit } feeds; remova um em /feeds primeiro.
feeds-already-listed = Esse feed já está na lista.
feeds-added = ✅ Adicionado { $title }. A primeira leitura é { $when }; as novas matérias dele chegarão como rascunhos.
feeds-added-untitled = o feed (ele não tem título)
feeds-first-read-at = em { $when }
feeds-first-read-soon = em poucos minutos
time-just-now = agora mesmo
time-minutes-ago = há { $count } min
time-hours-ago = há { $count } h
time-days-ago = { $count ->
        [one] há { $count } dia
       *[other] há { $count } dias
    }
# O que está errado no endereço de feed que o dono digitou (texto simples).
feed-url-empty = Envie o endereço do feed, como https://example.com/feed.xml.
feed-url-spaces = Envie um só endereço, sem espaços.
feed-url-invalid = { $input } não é um endereço web. Envie um como https://example.com/feed.xml.
feed-url-not-http = Feeds precisam ser endereços web que começam com https:// ou http://.
feed-url-incomplete-host = { $input } não é um nome de servidor completo. Envie o endereço inteiro, como https://example.com/feed.xml.
feed-url-credentials = Endereços com usuário ou senha não são aceitos.
feed-url-too-long = Esse endereço é longo demais.
# Por que um feed não pôde ser lido, guardado como código e mostrado no idioma de quem lê (texto simples).
# $url é o endereço do feed sem a consulta, $host o servidor, $problem o que há de errado no documento.
feed-problem-web-page = Este endereço retorna uma página web (HTML), não um feed RSS ou Atom.
feed-problem-xml-root = Este endereço retorna um documento XML cuja raiz é <{ $root }>, não um feed RSS ou Atom.
feed-problem-not-a-feed = Este endereço não retorna um feed RSS ou Atom.
feed-problem-json = Este endereço retorna JSON, não um feed RSS ou Atom.
feed-problem-plain-text = Este endereço retorna texto simples, não um feed RSS ou Atom.
feed-problem-invalid-xml = O feed não é um XML válido ({ $detail }).
feed-problem-empty = O feed está vazio.
feed-failure-unreadable = Não foi possível ler o feed em { $url }. { $problem }
feed-failure-http-status = O feed em { $url } respondeu { $status }.
feed-failure-timeout = O feed em { $url } não respondeu em { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }.
feed-failure-too-large = O feed em { $url } tem mais de { $megabytes } MB, grande demais para ser um feed.
feed-failure-too-many-redirects = O feed em { $url } redirecionou mais de { $count } vezes.
feed-failure-blocked-address = O feed em { $url } aponta para um endereço de rede privado ou reservado, de onde o Greenlight não baixa nada.
feed-failure-bad-address = Isso não é um endereço web válido.
feed-failure-bad-protocol = Não dá para baixar o feed em { $url }: só endereços http e https são aceitos, não { $protocol }.
feed-failure-bad-redirect = O feed em { $url } redirecionou para um endereço que não é válido.
feed-failure-host-not-found = Não foi possível acessar o feed em { $url }: o servidor { $host } não foi encontrado.
feed-failure-dns-unavailable = Não foi possível acessar o feed em { $url }: agora não dá para localizar o servidor { $host }.
feed-failure-refused = Não foi possível acessar o feed em { $url }: { $host } recusou a conexão.
feed-failure-connection-closed = Não foi possível acessar o feed em { $url }: { $host } fechou a conexão inesperadamente.
feed-failure-no-response = Não foi possível acessar o feed em { $url }: { $host } não respondeu.
feed-failure-unreachable = Não foi possível acessar o feed em { $url }: { $host } não está acessível daqui.
feed-failure-invalid-http = Não foi possível ler o feed em { $url }: { $host } não respondeu com HTTP válido.
feed-failure-corrupt-compression = Não foi possível ler o feed em { $url }: { $host } enviou uma resposta compactada corrompida.
feed-failure-unknown-encoding = Não foi possível ler o feed em { $url }: ele veio numa codificação que o Greenlight não lê ({ $encoding }).
feed-failure-certificate = Não foi possível acessar o feed em { $url }: a conexão segura com { $host } falhou (o certificado não pôde ser verificado).
feed-failure-network = Não foi possível acessar o feed em { $url }: a conexão com { $host } falhou ({ $code }).
feed-failure-no-feed-answer = O feed em { $url } respondeu sem nenhum feed.
feed-failure-reader = O leitor de feeds do Greenlight parou em algo inesperado neste feed; o erro está nos logs do serviço.
feed-failure-database-unavailable = O feed foi lido, mas não deu para acessar o banco de dados para guardar as notícias. Vamos tentar de novo.
feed-failure-database-refused = O feed foi lido, mas o banco de dados recusou guardar as notícias ({ $code }: { $detail }).
feed-failure-store-unexpected = O feed foi lido, mas guardar as notícias falhou por um erro inesperado; o erro está nos logs do serviço.
# Enviado uma vez quando um feed continua falhando (texto simples).
feed-failure-notice = ⚠️ { $brand }: o feed “{ $feed }” falhou { $count } vezes seguidas.
    Último erro: { $reason }

    Vou continuar tentando, com menos frequência. Use /feeds para conferir ou remover.
