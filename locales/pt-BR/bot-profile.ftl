# O perfil do bot no Telegram, visível antes de iniciar uma conversa: a descrição (no máximo 512 caracteres) e a
# descrição curta (no máximo 120).
bot-description = O Greenlight transforma as notícias que uma marca acompanha em posts do Instagram. Cada rascunho chega aqui como um cartão para aprovar, editar ou rejeitar, e os posts aprovados saem no horário.

    Este é um espaço privado: o operador decide quem entra. Se você recebeu um link de convite, abra-o para entrar.
bot-short-description = Uma redação com IA para o Instagram: entram notícias, você aprova rascunhos, saem posts no horário.
