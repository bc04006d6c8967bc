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
