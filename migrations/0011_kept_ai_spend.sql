-- A brand's AI spend for the month, kept when its usage rows are deleted (Meta's data-deletion callback,
-- /deletedata, deleting a brand): one total per month, provider and operation, with nothing that identifies a
-- person or an Instagram account (no draft, article, model, tokens or times; the month is a date, without the
-- brand's time zone). While the brand exists its budget check counts the figure, so a deletion does not give the
-- month's cap back; once the brand is deleted too, brand_id becomes null and the figure is anonymous: it stays in
-- the month's totals until the month is over, then it is deleted.
create table kept_ai_spend (
  id        bigserial primary key,
  brand_id  bigint references brands (id) on delete set null,
  -- The first day of the month in the brand's time zone, as the budget check counts months.
  month     date not null,
  provider  text not null,
  operation text not null,
  cost_usd  numeric(14, 6) not null check (cost_usd >= 0)
);

create index kept_ai_spend_brand_month_idx on kept_ai_spend (brand_id, month);
