"""The plan: safe YAML with line numbers, the file's models, loading with
located errors, the handbook data, merging handbook + template + plan into
one project, and editing a plan file in place. Imports nothing above it."""
