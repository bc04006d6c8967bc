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
