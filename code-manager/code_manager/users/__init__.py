"""Users as the code manager knows them: only the deny-list of deactivated users (threat-model.md #54)."""
