# O menu de comandos (setMyCommands: 1–256 caracteres cada), /help e /start para quem volta.

command-start = Cadastre-se e configure sua primeira marca
command-status = Instagram, feeds, rascunhos, próximo post e gastos num relance
command-queue = Posts aprovados na fila, com seus horários
command-brands = Suas marcas: trocar, adicionar, renomear ou excluir
command-feeds = Feeds de notícias: situação, adicionar ou remover
command-brand = O perfil da marca: idioma, tema, público, voz, termos proibidos, estilo de imagem
command-schedule = Horários de postagem e fuso horário
command-topic = Sobre o que a marca posta
command-voice = Como as legendas soam
command-hashtags = Hashtags padrão
command-firstcomment = Primeiro comentário ao publicar: hashtags, off ou sua frase
command-format = Formato do post: imagem única, carrossel, ou deixar a IA escolher
command-budget = Gasto com IA neste mês e o limite mensal
command-report = Como os posts se saíram: últimos 7 dias, ou /report 30
command-comments = Quais comentários do Instagram chegam a este chat: todos, perguntas ou nenhum
command-pause = Parar rascunhos e publicações da marca
command-resume = Retomar rascunhos e publicações
command-connect = Conectar a conta do Instagram da marca
command-disconnect = Desconectar o Instagram
command-deletedata = Apagar tudo o que está guardado sobre você
command-language = O idioma em que falo com você
command-help = O que eu sei fazer
command-cancel = Sair do diálogo atual

help-intro = O Greenlight transforma as notícias que você acompanha em rascunhos para o Instagram, para você aprovar aqui.
help-dialogs = Num diálogo, /skip pula uma etapa e /cancel sai dele.

welcome-back = Bem-vindo de volta, { $firstName }! Você está trabalhando em <b>{ $brand }</b>{ $brandCount ->
        [1] {""}
       *[other] {" "}(uma das suas { $brandCount } marcas; /brands para trocar)
    }.

# Os comandos da equipe, e /start para quem ainda não está em uma equipe
command-start-guest = Começar, ou entrar com um link de convite
command-team = A equipe e o grupo da marca: quem pode fazer o quê, remover alguém
command-invite = Criar um link de convite de uso único: /invite approver, viewer ou owner
command-linkgroup = Envie em um grupo para que os cartões de uma marca cheguem lá
command-unlinkgroup = Parar de enviar os cartões de uma marca ao grupo dela
