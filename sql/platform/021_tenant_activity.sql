-- When a town's portal last answered a request, for `portal tenant list` and the operator
-- console. Each app process writes it at most every few minutes per town.
ALTER TABLE platform.tenants ADD COLUMN last_activity_at timestamptz;
