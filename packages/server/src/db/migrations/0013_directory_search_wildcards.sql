-- The folded search text of correspondents now keeps % and _ (core foldForSearch), so that typing
-- "100%" or "jean_dupont" finds the correspondents holding them. Rows saved before get the words
-- holding them appended (the same folding in SQL: lower case, no accents, other signs as spaces).
UPDATE correspondents
SET search_text = btrim(search_text || ' ' || btrim(regexp_replace(
  lower(unaccent(concat_ws(' ', family_name, given_name, name, specialty, workplace, handles,
    address ->> 'city', email, secure_email))),
  '[^a-z0-9@.%_]+', ' ', 'g')))
WHERE concat_ws(' ', family_name, given_name, name, specialty, workplace, handles, address ->> 'city',
  email, secure_email) ~ '[%_]';
