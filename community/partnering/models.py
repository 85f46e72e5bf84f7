"""Partner suggestions keep no table of their own: consent is each organisation's, directory
entity's and member's `open_to_partnering`, and a contact is a private conversation."""
