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
# Qué falla en un tope mensual que escribió el dueño (texto sin formato).
budget-amount-negative = El presupuesto debe ser mayor que 0 US$.
budget-amount-thousands = Escribe la cantidad sin separadores de miles, como 1500.
budget-amount-not-a-number = { $input } no es una cantidad. Envía un número de dólares estadounidenses, como 25 o 12.50.
budget-amount-decimals = Usa como máximo dos decimales (centavos), como 12.50.
budget-amount-zero = El presupuesto debe ser mayor que 0 US$. Para dejar de gastar, usa /pause.
budget-amount-too-high = El presupuesto mensual puede ser como máximo { $max }.
# Se envía una vez al mes cuando el presupuesto detiene la redacción (texto sin formato).
budget-stopped-notice = 💸 { $brand }: el presupuesto de IA de este mes se ha agotado, así que la redacción está en pausa.
    Gastado: { $spent } (+{ $reserved } en curso) de { $cap }; la siguiente llamada habría costado hasta { $estimate }.
    La redacción se reanuda el día 1 del mes que viene, o ya mismo si subes el tope con /budget.
# Una reescritura o imagen nueva rechazada porque el presupuesto del mes está agotado (texto sin formato).
budget-regeneration-refused = El presupuesto de IA de este mes está agotado ({ $spent } de { $cap }). Súbelo con /budget.
