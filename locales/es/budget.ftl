# /budget.

budget-title = <b>Presupuesto de IA · { $month }</b> ({ $timeZone })
budget-spent = Gastado hasta ahora: <b>{ $spent }</b> de { $cap }{ $percent }
budget-reserved = De ello en curso (reservado): { $reserved }
budget-projected = Previsión a fin de mes: { $projected }
budget-over-pace = ⚠️ A este ritmo el límite se alcanza antes de fin de mes; entonces se dejan de crear borradores.
budget-nothing-settled = Nada liquidado todavía este mes.
budget-nothing-spent = Nada gastado todavía este mes.
budget-by-operation = Por operación:
budget-by-provider = Por proveedor:
budget-hint = Cambia el límite mensual con los botones, o envía por ejemplo /budget 25.
budget-type-amount = ✏️ Escribir un importe
budget-cap-range = El límite debe estar entre { $min } y { $max }.
budget-cap-now = El límite mensual ahora es { $cap }
budget-cap-changed = El límite ya había cambiado; este es el actual.
