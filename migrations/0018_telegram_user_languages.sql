-- The language the bot speaks to each Telegram user it serves. Keyed by Telegram user, not by owner, so that anyone
-- the bot talks to (an owner today, a team member later) keeps their choice.
--
-- chosen_locale is what /language set (null: follow Telegram). telegram_language_code is the language the user's
-- Telegram app last reported (Update.from.language_code): jobs that send cards and notices outside an update have
-- no update to read it from. Rows exist only for users the bot serves: a refused stranger is never stored.
create table telegram_user_languages (
  telegram_user_id       bigint primary key,
  chosen_locale          text check (chosen_locale in ('en', 'es', 'pt-BR', 'de')),
  telegram_language_code text check (length(telegram_language_code) <= 35),
  updated_at             timestamptz not null default now()
);
