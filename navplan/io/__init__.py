"""Writing files safely: whole or not at all, never over what the user had
without being told to."""
