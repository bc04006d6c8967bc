# As respostas do bot em torno de cada função: quem pode usá-lo, erros e o que ninguém tratou.

refused = Desculpe, este é um painel privado do Greenlight. Peça ao operador para adicionar seu id do Telegram: { $telegramId }
error-button = Algo deu errado do nosso lado. Tente de novo.
error-message = Algo deu errado do nosso lado. Tente de novo em instantes.
fallback-message = Não entendi. Envie /help para ver o que eu sei fazer.
button-inactive = Este botão não está mais ativo.
nothing-to-cancel = Nada para cancelar: nenhum diálogo está aberto.
nothing-to-skip = Nada para pular: nenhuma pergunta está aberta.
send-start-first = Envie /start primeiro.
