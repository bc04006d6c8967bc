# /budget. $month is the month's name in the locale ("March 2026"); amounts are formatted for the locale.

budget-title = <b>AI budget · { $month }</b> ({ $timeZone })
budget-spent = Spent so far: <b>{ $spent }</b> of { $cap }{ $percent }
budget-reserved = Of which in progress (reserved): { $reserved }
budget-projected = Projected by the end of the month: { $projected }
budget-over-pace = ⚠️ At this pace the cap is reached before the month ends; drafting stops then.
budget-nothing-settled = Nothing settled yet this month.
budget-nothing-spent = Nothing spent yet this month.
budget-by-operation = By operation:
budget-by-provider = By provider:
budget-hint = Change the monthly cap with the buttons, or send e.g. /budget 25.
budget-type-amount = ✏️ Type an amount
budget-cap-range = The cap must be between { $min } and { $max }.
budget-cap-now = Monthly cap is now { $cap }
budget-cap-changed = The cap had already changed; here is the current one.
