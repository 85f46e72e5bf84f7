"""No models: "My participation" only reads what the other capabilities keep (see views)."""
