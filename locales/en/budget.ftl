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
# What is wrong with a monthly cap the owner typed (plain text). $input is their words, quoted; $max the highest cap.
budget-amount-negative = The budget must be more than $0.
budget-amount-thousands = Please write the amount without thousands separators, like 1500.
budget-amount-not-a-number = { $input } is not an amount. Send a number of US dollars, like 25 or 12.50.
budget-amount-decimals = Please use at most two decimals (whole cents), like 12.50.
budget-amount-zero = The budget must be more than $0. To stop spending, use /pause.
budget-amount-too-high = The monthly budget can be at most { $max }.
# Sent once a month when the budget stops drafting (plain text). Amounts are formatted for the locale.
budget-stopped-notice = 💸 { $brand }: this month's AI budget is used up, so drafting has paused.
    Spent { $spent } (+{ $reserved } in progress) of { $cap }; the next call would have cost up to { $estimate }.
    Drafting resumes on the 1st of next month, or now if you raise the cap with /budget.
# A rewrite or new image refused because the month's budget is used up (plain text).
budget-regeneration-refused = This month's AI budget is used up ({ $spent } of { $cap }). Raise it with /budget.
