# /budget.

budget-title = <b>KI-Budget · { $month }</b> ({ $timeZone })
budget-spent = Bisher ausgegeben: <b>{ $spent }</b> von { $cap }{ $percent }
budget-reserved = Davon in Arbeit (reserviert): { $reserved }
budget-projected = Hochgerechnet bis Monatsende: { $projected }
budget-over-pace = ⚠️ In diesem Tempo ist das Limit vor Monatsende erreicht; dann stoppen die Entwürfe.
budget-nothing-settled = Diesen Monat noch nichts abgerechnet.
budget-nothing-spent = Diesen Monat noch nichts ausgegeben.
budget-by-operation = Nach Vorgang:
budget-by-provider = Nach Anbieter:
budget-hint = Ändere das Monatslimit mit den Schaltflächen oder sende z. B. /budget 25.
budget-type-amount = ✏️ Betrag eingeben
budget-cap-range = Das Limit muss zwischen { $min } und { $max } liegen.
budget-cap-now = Das Monatslimit ist jetzt { $cap }
budget-cap-changed = Das Limit hatte sich schon geändert; hier ist das aktuelle.
