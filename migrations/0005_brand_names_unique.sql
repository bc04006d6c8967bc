-- An owner's brands have distinct names, ignoring case: /brands lists them by name and every reply names the
-- brand it acted on. The dialogs already refuse a taken name; this makes it hold whatever the path. Any
-- duplicates from before are told apart by their id first.
update brands b
   set name = b.name || ' (' || b.id || ')'
  from (select id, row_number() over (partition by owner_id, lower(name) order by id) as n from brands) d
 where d.id = b.id and d.n > 1;

create unique index brands_owner_name_idx on brands (owner_id, lower(name));
