# /budget.

budget-title = <b>Orçamento de IA · { $month }</b> ({ $timeZone })
budget-spent = Gasto até agora: <b>{ $spent }</b> de { $cap }{ $percent }
budget-reserved = Dos quais em andamento (reservado): { $reserved }
budget-projected = Previsão até o fim do mês: { $projected }
budget-over-pace = ⚠️ Neste ritmo o limite é atingido antes do fim do mês; aí os rascunhos param.
budget-nothing-settled = Nada liquidado ainda neste mês.
budget-nothing-spent = Nada gasto ainda neste mês.
budget-by-operation = Por operação:
budget-by-provider = Por fornecedor:
budget-hint = Mude o limite mensal com os botões, ou envie por exemplo /budget 25.
budget-type-amount = ✏️ Digitar um valor
budget-cap-range = O limite deve ficar entre { $min } e { $max }.
budget-cap-now = O limite mensal agora é { $cap }
budget-cap-changed = O limite já tinha mudado; este é o atual.
# O que está errado num teto mensal que o dono digitou (texto simples).
budget-amount-negative = O orçamento precisa ser maior que US$ 0.
budget-amount-thousands = Escreva o valor sem separador de milhar, como 1500.
budget-amount-not-a-number = { $input } não é um valor. Envie um número em dólares americanos, como 25 ou 12.50.
budget-amount-decimals = Use no máximo duas casas decimais (centavos), como 12.50.
budget-amount-zero = O orçamento precisa ser maior que US$ 0. Para parar de gastar, use /pause.
budget-amount-too-high = O orçamento mensal pode ser no máximo { $max }.
# Enviado uma vez por mês quando o orçamento para a redação (texto simples).
budget-stopped-notice = 💸 { $brand }: o orçamento de IA deste mês acabou, então a redação está pausada.
    Gasto: { $spent } (+{ $reserved } em andamento) de { $cap }; a próxima chamada custaria até { $estimate }.
    A redação volta no dia 1º do mês que vem, ou agora mesmo se você aumentar o teto com /budget.
# Uma reescrita ou imagem nova recusada porque o orçamento do mês acabou (texto simples).
budget-regeneration-refused = O orçamento de IA deste mês acabou ({ $spent } de { $cap }). Aumente com /budget.
