-- pgbench script: the statements the portal sends for one family at the opening-day rush, in the
-- same transactions and order: « Ajouter au panier » (BasketStore.add), then « Valider »
-- (BookingStore+Confirm.swift: SlotStore.ensure in its own transaction, then confirm with the
-- family lock, profile, basket, slots, registrations, bookings context, one place-taking UPDATE
-- and booking INSERT per line, the confirmation and its lines, the basket cleared).
-- Run by Tests/bench/bench.py with -D schema='t_…' and -D d1..d4=YYYYMMDD; families come from
-- the bench.next_family sequence, so each transaction is a different generated family.
-- The web request's own work (session, CSRF, rules engine, page) is what the ratio measures.
-- Like the serving process, each transaction says it announces its change itself (tenant/097):
-- its triggers skip NOTIFY, COMMIT travels with the question whether it wrote, and the
-- notification follows the commit in a transaction of its own (TownChanges.announce).

-- « Ajouter au panier » (the family's ids looked up first: the portal has them from the session)
BEGIN;
SELECT set_config('search_path', :schema || ', public', true), set_config('portal.change_announced', 'on', true);
SELECT nextval('bench.next_family') AS n \gset
SELECT f.id AS fid, min(c.id) AS c1, max(c.id) AS c2
FROM families f JOIN children c ON c.family_id = f.id
WHERE f.subscriber_code = 'BANC-' || lpad(:n::text, 6, '0') GROUP BY f.id \gset
INSERT INTO basket_lines (family_id, child_id, activity, unit, day, action, added_at)
SELECT :fid, l.child_id, 'alsh-vacances', 'journee', l.day, 'book', now()
FROM unnest(ARRAY[:c1, :c2, :c1, :c2, :c1, :c2, :c1, :c2]::bigint[],
            ARRAY[to_date(:d1::text, 'YYYYMMDD'), to_date(:d1::text, 'YYYYMMDD'), to_date(:d2::text, 'YYYYMMDD'), to_date(:d2::text, 'YYYYMMDD'),
                  to_date(:d3::text, 'YYYYMMDD'), to_date(:d3::text, 'YYYYMMDD'), to_date(:d4::text, 'YYYYMMDD'), to_date(:d4::text, 'YYYYMMDD')]) AS l(child_id, day)
ON CONFLICT (family_id, child_id, activity, unit, day) DO UPDATE SET action = EXCLUDED.action, added_at = EXCLUDED.added_at;
SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote \; COMMIT;
BEGIN \; SET LOCAL synchronous_commit TO off \; SELECT pg_notify('town_changes', :schema) \; COMMIT;

-- « Valider »: the slots first, in a short transaction of their own.
BEGIN;
SELECT set_config('search_path', :schema || ', public', true), set_config('portal.change_announced', 'on', true);
SELECT child_id, activity, unit, day::text AS day, action FROM basket_lines WHERE family_id = :fid;
INSERT INTO slots (activity, unit, day, capacity)
SELECT 'alsh-vacances', 'journee', d, 80
FROM unnest(ARRAY[to_date(:d1::text, 'YYYYMMDD'), to_date(:d2::text, 'YYYYMMDD'), to_date(:d3::text, 'YYYYMMDD'), to_date(:d4::text, 'YYYYMMDD')]) AS d
ON CONFLICT (activity, unit, day) DO NOTHING;
SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote \; COMMIT;
BEGIN \; SET LOCAL synchronous_commit TO off \; SELECT pg_notify('town_changes', :schema) \; COMMIT;

BEGIN;
SELECT set_config('search_path', :schema || ', public', true), set_config('portal.change_announced', 'on', true);
SELECT pg_advisory_xact_lock(hashtextextended('bookings/family/' || :fid::text, 0));
SELECT f.family_quotient, EXISTS (SELECT 1 FROM guardians g WHERE g.family_id = f.id AND g.resident) AS resident
FROM families f WHERE f.id = :fid AND f.anonymised_at IS NULL;
SELECT id, first_names, birth_date::text AS birth_date, school_class FROM children
WHERE family_id = :fid AND birth_date IS NOT NULL ORDER BY birth_date, id;
SELECT child_id, activity, unit, day::text AS day, action FROM basket_lines WHERE family_id = :fid;
SELECT max(id) FILTER (WHERE day = to_date(:d1::text, 'YYYYMMDD')) AS s1, max(id) FILTER (WHERE day = to_date(:d2::text, 'YYYYMMDD')) AS s2,
       max(id) FILTER (WHERE day = to_date(:d3::text, 'YYYYMMDD')) AS s3, max(id) FILTER (WHERE day = to_date(:d4::text, 'YYYYMMDD')) AS s4
FROM slots WHERE activity = 'alsh-vacances' AND unit = 'journee'
  AND day IN (to_date(:d1::text, 'YYYYMMDD'), to_date(:d2::text, 'YYYYMMDD'), to_date(:d3::text, 'YYYYMMDD'), to_date(:d4::text, 'YYYYMMDD')) \gset
SELECT id, family_id, child_id, activity, first_day::text AS first_day, last_day::text AS last_day, status, refusal_reason, created_at
FROM registrations WHERE family_id = :fid ORDER BY first_day DESC, child_id, activity;
SELECT b.child_id, b.status, s.activity, s.unit, s.day::text AS day
FROM bookings b JOIN slots s ON s.id = b.slot_id
WHERE b.family_id = :fid AND b.status = ANY('{booked,pendingValidation,waitingList,absent,cancellationRequested}'::text[])
  AND s.day = ANY(ARRAY[to_date(:d1::text, 'YYYYMMDD'), to_date(:d2::text, 'YYYYMMDD'), to_date(:d3::text, 'YYYYMMDD'), to_date(:d4::text, 'YYYYMMDD')])
  AND b.id <> -1;
WITH t AS (UPDATE slots SET booked = booked + 1 WHERE id = :s1 AND booked < capacity RETURNING id) SELECT count(*) AS p FROM t \gset
INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, late, in_draw, requested_at, updated_at)
VALUES (:fid, :c1, :s1, CASE WHEN :p = 1 THEN 'booked' ELSE 'waitingList' END, 800, 'unit', false, false, now(), now())
ON CONFLICT (child_id, slot_id) DO UPDATE SET status = EXCLUDED.status WHERE bookings.status IN ('refused', 'cancelled', 'withdrawn') RETURNING id;
WITH t AS (UPDATE slots SET booked = booked + 1 WHERE id = :s1 AND booked < capacity RETURNING id) SELECT count(*) AS p FROM t \gset
INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, late, in_draw, requested_at, updated_at)
VALUES (:fid, :c2, :s1, CASE WHEN :p = 1 THEN 'booked' ELSE 'waitingList' END, 800, 'unit', false, false, now(), now())
ON CONFLICT (child_id, slot_id) DO UPDATE SET status = EXCLUDED.status WHERE bookings.status IN ('refused', 'cancelled', 'withdrawn') RETURNING id;
WITH t AS (UPDATE slots SET booked = booked + 1 WHERE id = :s2 AND booked < capacity RETURNING id) SELECT count(*) AS p FROM t \gset
INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, late, in_draw, requested_at, updated_at)
VALUES (:fid, :c1, :s2, CASE WHEN :p = 1 THEN 'booked' ELSE 'waitingList' END, 800, 'unit', false, false, now(), now())
ON CONFLICT (child_id, slot_id) DO UPDATE SET status = EXCLUDED.status WHERE bookings.status IN ('refused', 'cancelled', 'withdrawn') RETURNING id;
WITH t AS (UPDATE slots SET booked = booked + 1 WHERE id = :s2 AND booked < capacity RETURNING id) SELECT count(*) AS p FROM t \gset
INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, late, in_draw, requested_at, updated_at)
VALUES (:fid, :c2, :s2, CASE WHEN :p = 1 THEN 'booked' ELSE 'waitingList' END, 800, 'unit', false, false, now(), now())
ON CONFLICT (child_id, slot_id) DO UPDATE SET status = EXCLUDED.status WHERE bookings.status IN ('refused', 'cancelled', 'withdrawn') RETURNING id;
WITH t AS (UPDATE slots SET booked = booked + 1 WHERE id = :s3 AND booked < capacity RETURNING id) SELECT count(*) AS p FROM t \gset
INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, late, in_draw, requested_at, updated_at)
VALUES (:fid, :c1, :s3, CASE WHEN :p = 1 THEN 'booked' ELSE 'waitingList' END, 800, 'unit', false, false, now(), now())
ON CONFLICT (child_id, slot_id) DO UPDATE SET status = EXCLUDED.status WHERE bookings.status IN ('refused', 'cancelled', 'withdrawn') RETURNING id;
WITH t AS (UPDATE slots SET booked = booked + 1 WHERE id = :s3 AND booked < capacity RETURNING id) SELECT count(*) AS p FROM t \gset
INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, late, in_draw, requested_at, updated_at)
VALUES (:fid, :c2, :s3, CASE WHEN :p = 1 THEN 'booked' ELSE 'waitingList' END, 800, 'unit', false, false, now(), now())
ON CONFLICT (child_id, slot_id) DO UPDATE SET status = EXCLUDED.status WHERE bookings.status IN ('refused', 'cancelled', 'withdrawn') RETURNING id;
WITH t AS (UPDATE slots SET booked = booked + 1 WHERE id = :s4 AND booked < capacity RETURNING id) SELECT count(*) AS p FROM t \gset
INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, late, in_draw, requested_at, updated_at)
VALUES (:fid, :c1, :s4, CASE WHEN :p = 1 THEN 'booked' ELSE 'waitingList' END, 800, 'unit', false, false, now(), now())
ON CONFLICT (child_id, slot_id) DO UPDATE SET status = EXCLUDED.status WHERE bookings.status IN ('refused', 'cancelled', 'withdrawn') RETURNING id;
WITH t AS (UPDATE slots SET booked = booked + 1 WHERE id = :s4 AND booked < capacity RETURNING id) SELECT count(*) AS p FROM t \gset
INSERT INTO bookings (family_id, child_id, slot_id, status, amount_cents, tariff, late, in_draw, requested_at, updated_at)
VALUES (:fid, :c2, :s4, CASE WHEN :p = 1 THEN 'booked' ELSE 'waitingList' END, 800, 'unit', false, false, now(), now())
ON CONFLICT (child_id, slot_id) DO UPDATE SET status = EXCLUDED.status WHERE bookings.status IN ('refused', 'cancelled', 'withdrawn') RETURNING id;
INSERT INTO confirmations (family_id, confirmed_at, total_cents) VALUES (:fid, now(), 0) RETURNING id AS cid \gset
INSERT INTO confirmation_lines (confirmation_id, position, booking_id, child_id, activity, unit, day, action, outcome, rule, message, amount_cents, tariff)
SELECT :cid, l.position, b.id, l.child_id, 'alsh-vacances', 'journee', s.day, 'book', b.status, 'booking.opens', 'Réservé (banc)', b.amount_cents, 'unit'
FROM unnest(ARRAY[1, 2, 3, 4, 5, 6, 7, 8], ARRAY[:c1, :c2, :c1, :c2, :c1, :c2, :c1, :c2]::bigint[],
            ARRAY[:s1, :s1, :s2, :s2, :s3, :s3, :s4, :s4]::bigint[]) AS l(position, child_id, slot_id)
JOIN bookings b ON b.child_id = l.child_id AND b.slot_id = l.slot_id JOIN slots s ON s.id = l.slot_id;
DELETE FROM basket_lines b
USING unnest(ARRAY[:c1, :c2, :c1, :c2, :c1, :c2, :c1, :c2]::bigint[],
             ARRAY['alsh-vacances', 'alsh-vacances', 'alsh-vacances', 'alsh-vacances', 'alsh-vacances', 'alsh-vacances', 'alsh-vacances', 'alsh-vacances']::text[],
             ARRAY['journee', 'journee', 'journee', 'journee', 'journee', 'journee', 'journee', 'journee']::text[],
             ARRAY[to_date(:d1::text, 'YYYYMMDD'), to_date(:d1::text, 'YYYYMMDD'), to_date(:d2::text, 'YYYYMMDD'), to_date(:d2::text, 'YYYYMMDD'),
                   to_date(:d3::text, 'YYYYMMDD'), to_date(:d3::text, 'YYYYMMDD'), to_date(:d4::text, 'YYYYMMDD'), to_date(:d4::text, 'YYYYMMDD')]) AS l(child_id, activity, unit, day)
WHERE b.family_id = :fid AND b.child_id = l.child_id AND b.activity = l.activity AND b.unit = l.unit AND b.day = l.day;
SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote \; COMMIT;
BEGIN \; SET LOCAL synchronous_commit TO off \; SELECT pg_notify('town_changes', :schema) \; COMMIT;
