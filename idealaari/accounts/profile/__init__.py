"""Member profiles: who may see a member's page, and editing one's own."""
