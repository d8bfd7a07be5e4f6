"""What the departments receive."""
