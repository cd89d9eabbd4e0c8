-- A staff member who forgot their password gets a link of their own purpose (never a family's
-- « reset », which would name a family account of the same id).
ALTER TABLE account_tokens DROP CONSTRAINT account_tokens_purpose_check,
    ADD CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('activation', 'reset', 'email_change', 'staff_invitation', 'staff_reset'));
