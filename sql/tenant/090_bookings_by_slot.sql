-- The attendance list, the dashboard's day summary and every per-slot count look bookings up by
-- slot; without this index each of them read the whole table (a town of 2,000 families books
-- some 200,000 lines a month: the staff pages fell to ~40 requests/s in `make bench`).
CREATE INDEX bookings_slot_status ON bookings (slot_id, status);
