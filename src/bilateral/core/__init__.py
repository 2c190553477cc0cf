"""Plain data types and formatting; imports nothing outside the stdlib."""
