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
# Was an einer eingegebenen Monatsgrenze nicht stimmt (reiner Text).
budget-amount-negative = Das Budget muss über 0 $ liegen.
budget-amount-thousands = Bitte schreib den Betrag ohne Tausendertrennzeichen, z. B. 1500.
budget-amount-not-a-number = { $input } ist kein Betrag. Sende eine Zahl in US-Dollar, z. B. 25 oder 12.50.
budget-amount-decimals = Bitte höchstens zwei Nachkommastellen (ganze Cent), z. B. 12.50.
budget-amount-zero = Das Budget muss über 0 $ liegen. Um nichts mehr auszugeben, nutze /pause.
budget-amount-too-high = Das Monatsbudget darf höchstens { $max } betragen.
# Wird einmal im Monat geschickt, wenn das Budget das Schreiben stoppt (reiner Text).
budget-stopped-notice = 💸 { $brand }: Das KI-Budget dieses Monats ist aufgebraucht, deshalb pausiert das Schreiben von Entwürfen.
    Ausgegeben: { $spent } (+{ $reserved } in Arbeit) von { $cap }; der nächste Aufruf hätte bis zu { $estimate } gekostet.
    Es geht am 1. des nächsten Monats weiter, oder sofort, wenn du die Grenze mit /budget anhebst.
# Eine Neufassung oder ein neues Bild, abgelehnt, weil das Monatsbudget aufgebraucht ist (reiner Text).
budget-regeneration-refused = Das KI-Budget dieses Monats ist aufgebraucht ({ $spent } von { $cap }). Erhöhe es mit /budget.
