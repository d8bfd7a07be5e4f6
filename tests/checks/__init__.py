"""The checks of a Meldebogen."""
