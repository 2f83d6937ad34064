"""The inbox (Eingang): incoming messages, their requests, matching and learning."""
