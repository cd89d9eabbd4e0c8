-- An absence declared past the town's absence deadline, where its rule accepts it, is recorded
-- as not excused and billed the rule's charge: the booking keeps that as its tariff.
ALTER TABLE bookings DROP CONSTRAINT bookings_tariff_check,
    ADD CONSTRAINT bookings_tariff_check CHECK (tariff IN ('unit', 'lateSurcharge', 'lateCancellation', 'lateAbsence', 'none'));
