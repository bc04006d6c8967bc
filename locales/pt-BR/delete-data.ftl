# /deletedata. As contagens escolhem a forma plural pelas regras do idioma.

delete-data-question-title = <b>Apagar tudo o que o Greenlight guarda sobre você?</b>
delete-data-question = Ou seja: seu cadastro, { $brands ->
        [one] { $brands } marca com suas configurações
       *[other] { $brands } marcas com suas configurações
    }, { $feeds ->
        [one] { $feeds } feed e seus artigos
       *[other] { $feeds } feeds e seus artigos
    }, { $drafts ->
        [one] { $drafts } rascunho ou post agendado
       *[other] { $drafts } rascunhos e posts agendados
    }, registros de uso de IA, comentários recebidos nos seus posts, conexões e tokens do Instagram, diálogos abertos e mensagens na fila.
delete-data-question-note = Posts já publicados no Instagram continuam lá. Isto não pode ser desfeito.
delete-data-confirm-button = 🗑 Sim, apagar tudo
delete-data-keep-button = Manter meus dados
delete-data-done-title = 🗑 <b>Apagado.</b>
delete-data-done = Seu cadastro, { $brands ->
        [one] { $brands } marca
       *[other] { $brands } marcas
    }, { $feeds ->
        [one] { $feeds } feed
       *[other] { $feeds } feeds
    }, { $drafts ->
        [one] { $drafts } rascunho com sua imagem
       *[other] { $drafts } rascunhos com suas imagens
    }, comentários recebidos, registros de uso de IA, tokens do Instagram, diálogos abertos e mensagens na fila foram apagados.
delete-data-done-note = Envie /start se um dia quiser começar de novo.
delete-data-not-registered = Nada está guardado sobre você: você não se cadastrou.
delete-data-kept-toast = Nada foi apagado
delete-data-kept = Mantido. Nada foi apagado.
delete-data-already-toast = Já apagado.
delete-data-already = Nada mais está guardado sobre você.
delete-data-expired-toast = Essa confirmação expirou
delete-data-expired = Essa confirmação expirou; nada foi apagado. Envie /deletedata de novo se ainda quiser.
delete-data-done-toast = Apagado
