-- Codes are looked up as typed, dashes and spaces ignored: index that form, and make it unique
-- so that two families can never share a code that differs only by its dash.
CREATE UNIQUE INDEX families_subscriber_code_compact ON families (replace(subscriber_code, '-', ''));
