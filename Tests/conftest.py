"""Makes Tests/ importable (portal_live) for the live suites in e2e/ and security/."""
